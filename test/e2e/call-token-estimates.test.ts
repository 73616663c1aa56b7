/**
 * Token limits on calls without a stream that fail after the provider had the request (it went silent
 * past first_byte while reading the prompt): like a stream that ends before its first chunk
 * (stream-token-estimates.test.ts), such a call counts its prompt's estimate once, also when a retry
 * after it was refused; a call whose every attempt the provider refused (an error status) counts
 * nothing. Before, a failed call without a stream counted nothing whatever became of it. An OpenAI
 * fake upstream, and Amazon Bedrock's Converse and InvokeModel (Titan's native completions) through the
 * real AWS SDK against the fake Bedrock.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { startFakeBedrock, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

/** The prompt's "user" and a four-letter word: 2 tokens by the estimate (the limit is 3, so a second call passes it). */
const PROMPT_ESTIMATE = 2;

const AWS = 'aws_region: us-east-1, aws_access_key_id: AKIACALLESTIMATEEXAMPLE, aws_secret_access_key: call-estimate-secret';

/**
 * By the prompt's word: `wait` gets no answer (the provider still reading the prompt); `down` is
 * refused with a 503; `busy` alternately gets no answer and a 503 (an upstream that took the
 * prompt, went silent, then was overloaded when the gateway tried again).
 */
let busyRequests = 0;

function openai(request: RecordedRequest, response: ServerResponse): void {
  const word = (request.body as { messages: { content: string }[] }).messages[0].content;
  if (word === 'busy') busyRequests += 1;
  if (word === 'wait' || (word === 'busy' && busyRequests % 2 === 1)) return;
  sendJson(response, 503, { error: { message: 'The server is overloaded.', type: 'server_error' } });
}

/** Converse's first message, or the prompt of Titan's native InvokeModel body. */
function bedrock(body: unknown): BedrockReply {
  const { messages, inputText } = body as { messages?: { content: { text: string }[] }[]; inputText?: string };
  const word = inputText ?? messages![0].content[0].text;
  if (word === 'down') return { error: { status: 503, type: 'ServiceUnavailableException', message: 'Service unavailable.' } };
  return { respond: () => undefined };
}

/**
 * first_byte of each endpoint: short where a call goes silent (each such call waits it out), long
 * where every call is refused at once, so that a loaded machine cannot make a refusal a timeout (the
 * first Bedrock refusal, the AWS SDK's first call, took 92 ms here; CI's loaded cores stretch that
 * tenfold). The retried endpoint's silent first attempt waits it out, and its second is a refusal.
 */
const SILENT_S = 0.5;
const REFUSED_S = 30;
const SILENT_THEN_REFUSED_S = 1;

let upstream: FakeUpstream;
let fake: FakeBedrock;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  upstream = await startFakeUpstream(openai);
  fake = await startFakeBedrock((call) => bedrock(call.body));
  fake.expectCredential({ accessKeyId: 'AKIACALLESTIMATEEXAMPLE', secretAccessKey: 'call-estimate-secret', region: 'us-east-1' });
  const model = `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  const claude = `{ provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { ${AWS}, aws_endpoint_url: "${fake.url}" } } }`;
  const endpoint = (name: string, served: string, attempts: number, firstByteS: number) =>
    `  - { name: ${name}, endpoint_type: llm/v1/chat, model: ${served}, limit: { renewal_period: minute, tokens: 3 }, timeouts: { first_byte: ${firstByteS} }, retries: { max_attempts: ${attempts}, initial_backoff: 0.01 } }\n`;
  const titan = `{ provider: bedrock, name: amazon.titan-text-express-v1, config: { aws_config: { ${AWS}, aws_endpoint_url: "${fake.url}" } } }`;
  const completions = (name: string, firstByteS: number) => endpoint(name, titan, 1, firstByteS).replace('llm/v1/chat', 'llm/v1/completions');
  const chats = [endpoint('silent', model, 1, SILENT_S), endpoint('refused', model, 1, REFUSED_S), endpoint('retried', model, 2, SILENT_THEN_REFUSED_S), endpoint('claude', claude, 1, SILENT_S), endpoint('claude-refused', claude, 1, REFUSED_S)];
  const config = `endpoints:\n${chats.join('')}${completions('titan', SILENT_S)}${completions('titan-refused', REFUSED_S)}`;
  gateway = await startGateway(config, { logger });
  client = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
  await upstream.close();
});

/** The status of a chat call without a stream that fails. */
async function failedStatus(model: string, word: string): Promise<number> {
  const failure = await client.chat.completions.create({ model, messages: [{ role: 'user', content: word }] }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  return (failure as InstanceType<typeof OpenAI.APIError>).status as number;
}

const refusal = (endpoint: string, used: number) => `Token limit exceeded: 3 tokens per 1 minute for endpoint '${endpoint}' (${used} used)`;

async function refusalMessage(model: string): Promise<string> {
  const error = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'wait' }] }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  return (error as Error).message;
}

test("a call the provider had, then a first_byte timeout, counts its prompt's estimate, as its audit line shows; a following call is refused with a 429", async () => {
  const from = lines.length;
  expect(await failedStatus('silent', 'wait')).toBe(504);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'silent' && entry.status === 504, { from });
  expect(line).toMatchObject({ stream: false, prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 0, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  expect(await failedStatus('silent', 'wait')).toBe(504);
  expect(await refusalMessage('silent')).toMatch(refusal('silent', 2 * PROMPT_ESTIMATE));
});

test('a call whose first attempt the provider had and whose retry it refused counts its prompt once', async () => {
  const from = lines.length;
  expect(await failedStatus('retried', 'busy')).toBe(502);
  expect(busyRequests).toBe(2);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'retried' && entry.status === 502, { from });
  expect(line).toMatchObject({ retries: 1, prompt_tokens: PROMPT_ESTIMATE, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  expect(await failedStatus('retried', 'busy')).toBe(502);
  expect(await refusalMessage('retried')).toMatch(refusal('retried', 2 * PROMPT_ESTIMATE));
});

test('a call the provider refused (a 503) counts nothing, and its audit line carries no tokens', async () => {
  const from = lines.length;
  for (let call = 0; call < 3; call += 1) expect(await failedStatus('refused', 'down')).toBe(502);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'refused' && entry.status === 502, { from });
  expect(line).not.toHaveProperty('tokens_estimated');
  expect(line.total_tokens ?? null).toBeNull();
});

test('Bedrock Converse: a call AWS had, then a first_byte timeout, counts its prompt; one AWS refused counts nothing', async () => {
  for (let call = 0; call < 3; call += 1) expect(await failedStatus('claude-refused', 'down')).toBe(502);
  const from = lines.length;
  expect(await failedStatus('claude', 'wait')).toBe(504);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'claude' && entry.status === 504, { from });
  expect(line).toMatchObject({ prompt_tokens: PROMPT_ESTIMATE, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  expect(await failedStatus('claude', 'wait')).toBe(504);
  expect(await refusalMessage('claude')).toMatch(refusal('claude', 2 * PROMPT_ESTIMATE));
});

/** The status of a completions call without a stream that fails. */
async function failedCompletionStatus(model: string, word: string): Promise<number> {
  const failure = await client.completions.create({ model, prompt: word }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  return (failure as InstanceType<typeof OpenAI.APIError>).status as number;
}

test('Bedrock InvokeModel (Titan completions): a call AWS had, then a first_byte timeout, counts its prompt; one AWS refused counts nothing', async () => {
  for (let call = 0; call < 3; call += 1) expect(await failedCompletionStatus('titan-refused', 'down')).toBe(502);
  const refusedLine = await waitForLogLine(lines, (entry) => entry.endpoint === 'titan-refused' && entry.status === 502);
  expect(refusedLine).not.toHaveProperty('tokens_estimated');
  const from = lines.length;
  expect(await failedCompletionStatus('titan', 'wait')).toBe(504);
  // "wait" alone: 1 token by the estimate, so three calls fit the limit of 3 and a fourth is refused.
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'titan' && entry.status === 504, { from });
  expect(line).toMatchObject({ prompt_tokens: 1, total_tokens: 1, tokens_estimated: true });
  expect(await failedCompletionStatus('titan', 'wait')).toBe(504);
  expect(await failedCompletionStatus('titan', 'wait')).toBe(504);
  const refused = await client.completions.create({ model: 'titan', prompt: 'wait' }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
  expect((refused as Error).message).toMatch(refusal('titan', 3));
});
