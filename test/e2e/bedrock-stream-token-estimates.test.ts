/**
 * Token limits on Amazon Bedrock streams that end before their first chunk (the client left, or the
 * first_byte timeout came, while Bedrock read the prompt): like the HTTP providers' streams
 * (stream-token-estimates.test.ts), they count the prompt's estimate once the request was sent,
 * nothing when AWS refused it or it never reached AWS. Before, Bedrock's streams counted from their
 * first chunk only. ConverseStream (chat) and InvokeModelWithResponseStream (Titan completions),
 * through the real AWS SDK against the fake Bedrock.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { startFakeBedrock, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

const AWS = 'aws_region: us-east-1, aws_access_key_id: AKIAESTIMATEEXAMPLE, aws_secret_access_key: estimate-secret';

/** The prompt's "user" + a four-letter word: 2 tokens by the estimate (four characters a token). */
const PROMPT_ESTIMATE = 2;

/** By the prompt's word: `wait` gets no answer (Bedrock still reading the prompt); `bad!` and `slow` are refused as AWS refuses them. */
function bedrock(word: string): BedrockReply {
  if (word === 'bad!') return { error: { status: 400, type: 'ValidationException', message: 'Malformed input request.' } };
  if (word === 'slow') return { error: { status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } };
  return { respond: () => undefined };
}

/** The word of a ConverseStream's user message or of a Titan body's prompt. */
function wordOf(body: unknown): string {
  const { messages, inputText } = body as { messages?: { content: { text: string }[] }[]; inputText?: string };
  return messages?.[0].content[0].text ?? inputText ?? '';
}

/** A port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let fake: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  fake = await startFakeBedrock((call) => bedrock(wordOf(call.body)));
  // Each request's signature is checked over the body received: the body the gateway sends in its own way is the one the SDK signed.
  fake.expectCredential({ accessKeyId: 'AKIAESTIMATEEXAMPLE', secretAccessKey: 'estimate-secret', region: 'us-east-1' });
  const model = (name: string, url = fake.url) => `{ provider: bedrock, name: ${name}, config: { aws_config: { ${AWS}, aws_endpoint_url: "${url}" } } }`;
  const claude = model('anthropic.claude-3-haiku-20240307-v1:0');
  // first_byte: what the call held by the fake waits out, and what AWS's refusals must come within: the
  // first (the AWS SDK's first call) took 80-95 ms here idle and up to 635 ms beside other work.
  const config = `endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: ${claude}
    limit: { renewal_period: minute, tokens: 3 }
    timeouts: { first_byte: 2 }
    retries: { max_attempts: 1 }
  - name: titan
    endpoint_type: llm/v1/completions
    model: ${model('amazon.titan-text-express-v1')}
    limit: { renewal_period: minute, tokens: 3 }
  - name: unreachable
    endpoint_type: llm/v1/chat
    model: ${model('anthropic.claude-3-haiku-20240307-v1:0', `http://127.0.0.1:${await closedPort()}`)}
    limit: { renewal_period: minute, tokens: 1 }
    retries: { max_attempts: 1 }
`;
  gateway = await startGateway(config, { logger });
  openai = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
});

const chat = (word: string, signal?: AbortSignal) =>
  openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: word }], stream: true }, { signal }).then(
    () => null,
    (caught: unknown) => caught,
  );

/** Starts a stream and aborts once Bedrock has the request, before any chunk came; resolves once the gateway let go of it. */
async function leaveBeforeFirstChunk(open: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
  const controller = new AbortController();
  const received = fake.calls.length;
  const opened = open(controller.signal);
  const deadline = Date.now() + 5_000;
  while (fake.calls.length === received) {
    if (Date.now() > deadline) throw new Error('Bedrock did not get the request within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const closed = fake.closed[fake.closed.length - 1];
  controller.abort();
  expect(await opened).toBeInstanceOf(OpenAI.APIUserAbortError);
  await closed;
}

test('ConverseStream: a client that left before the first chunk counts the prompt, as does a first_byte timeout; AWS refusals (ValidationException, ThrottlingException) count nothing', async () => {
  expect(await chat('bad!')).toBeInstanceOf(OpenAI.BadRequestError);
  expect(await chat('slow')).toBeInstanceOf(OpenAI.RateLimitError);
  const from = lines.length;
  await leaveBeforeFirstChunk((signal) => chat('wait', signal));
  const left = await waitForLogLine(lines, (line) => line.endpoint === 'claude' && line.status === 499, { from });
  expect(left).toMatchObject({ prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 0, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  const timedOut = await chat('wait');
  expect((timedOut as InstanceType<typeof OpenAI.APIError>).status).toBe(504);
  const refused = await chat('bad!');
  expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
  expect((refused as Error).message).toMatch(`Token limit exceeded: 3 tokens per 1 minute for endpoint 'claude' (${2 * PROMPT_ESTIMATE} used)`);
});

test('InvokeModelWithResponseStream: a client that left before the first chunk counts the prompt', async () => {
  const from = lines.length;
  await leaveBeforeFirstChunk((signal) =>
    openai.completions.create({ model: 'titan', prompt: 'wait', stream: true }, { signal }).then(
      () => null,
      (caught: unknown) => caught,
    ),
  );
  const left = await waitForLogLine(lines, (line) => line.endpoint === 'titan' && line.status === 499, { from });
  expect(left).toMatchObject({ prompt_tokens: 1, completion_tokens: 0, total_tokens: 1, tokens_estimated: true });
});

test('a stream whose request never reached Bedrock (not reachable) counts nothing', async () => {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const failure = await openai.chat.completions
      .create({ model: 'unreachable', messages: [{ role: 'user', content: 'wait' }], stream: true })
      .then(() => null, (caught: unknown) => caught);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  }
});
