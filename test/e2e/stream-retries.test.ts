/**
 * Retries and FALLBACK for streams whose role is announced by a start event of its own (Anthropic's
 * `message_start`, Bedrock ConverseStream's `messageStart`): an error that comes after that event
 * but before any content (Anthropic's `overloaded_error` / `api_error` event, a Bedrock
 * `throttlingException` / `serviceUnavailableException` stream event) has sent the client nothing
 * yet, so it is retried and falls back like a failure before the first byte. OpenAI-shaped streams
 * open with a role-only chunk of the vendor's own, which the gateway holds until the next chunk: an
 * error right after it is retried too.
 * Over real HTTP: fake Anthropic, Bedrock and OpenAI upstreams on 127.0.0.1, the official OpenAI
 * client and plain fetch against the gateway.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { converseEvent, exceptionEvent, startFakeBedrock, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { converseEvents } from '../support/fixture-upstreams';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const REGION = 'us-east-1';
const CHAT = { messages: [{ role: 'user', content: 'Un café ?' }] };
const ANTHROPIC_TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';
const BEDROCK_TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';
const OPENAI_TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';

let anthropic: FakeUpstream;
let bedrock: FakeBedrock;
let openaiUpstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

const anthropicEndpoint = (name: string, attempts: number) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic.url}/v1" } }
    retries: { max_attempts: ${attempts}, initial_backoff: 0.01 }`;

const bedrockEndpoint = (name: string, model: string, attempts: number) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: ${model}
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${bedrock.url}", aws_access_key_id: AKIASTREAMRETRIES, aws_secret_access_key: stream-retries-secret } }
    retries: { max_attempts: ${attempts}, initial_backoff: 0.01 }`;

const CLAUDE_ON_BEDROCK = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';
const MISTRAL_ON_BEDROCK = 'mistral.mistral-large-2407-v1:0';

beforeAll(async () => {
  anthropic = await startFakeUpstream(() => undefined);
  bedrock = await startFakeBedrock(() => ({ events: converseEvents('converse-chat.events.json') }));
  openaiUpstream = await startFakeUpstream(() => undefined);
  gateway = await startGateway(`
endpoints:${anthropicEndpoint('claude-retried', 2)}${anthropicEndpoint('claude-once', 1)}${anthropicEndpoint('claude-backup', 1)}${bedrockEndpoint('bedrock-retried', CLAUDE_ON_BEDROCK, 2)}${bedrockEndpoint('bedrock-once', CLAUDE_ON_BEDROCK, 1)}${bedrockEndpoint('bedrock-backup', MISTRAL_ON_BEDROCK, 1)}
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${openaiUpstream.url}/v1" } }
routes:
  - { name: claude-fallback, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: claude-once }, { name: claude-backup }] }
  - { name: bedrock-fallback, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: bedrock-once }, { name: bedrock-backup }] }
`);
  openai = openaiClientFor(gateway);
});

beforeEach(() => {
  anthropic.requests.length = 0;
  bedrock.calls.length = 0;
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([anthropic.close(), bedrock.close(), openaiUpstream.close()]);
});

/** The OpenAI client's view of a whole stream: the chunks' roles, the text, the finish reason. */
async function readWithOpenAIClient(model: string) {
  const stream = await openai.chat.completions.create({ model, ...CHAT, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const roles: (string | null | undefined)[] = [];
  let text = '';
  let finish: string | null = null;
  for await (const chunk of stream) {
    roles.push(chunk.choices[0]?.delta.role);
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { roles, text, finish };
}

/** A stream through an MLflow route, read whole with fetch. */
async function streamThroughRoute(name: string) {
  const response = await fetch(`${gateway.url}/gateway/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...CHAT, stream: true }),
  });
  const events = parseSse(await response.text());
  const chunks = events.filter((event) => event.event === undefined && event.data !== '[DONE]').map((event) => JSON.parse(event.data));
  return {
    status: response.status,
    endpoint: response.headers.get('x-gateway-endpoint'),
    errors: events.filter((event) => event.event === 'error'),
    last: events.at(-1),
    firstRole: chunks[0]?.choices[0].delta.role,
    text: chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join(''),
  };
}

const sendAnthropicStream = (response: ServerResponse, fixture: string) => sendStream(response, readFixture('anthropic', fixture), 'text/event-stream; charset=utf-8');

describe('Anthropic: an error event after message_start, before any content', () => {
  const failing = ['chat-overloaded-after-start.stream.sse', 'chat-api-error-after-start.stream.sse'];

  test.each(failing)('%s: with retries, the client gets the second attempt whole, role first', async (fixture) => {
    anthropic.setHandler((_request: RecordedRequest, response) => sendAnthropicStream(response, anthropic.requests.length === 1 ? fixture : 'chat.stream.sse'));
    const read = await readWithOpenAIClient('claude-retried');
    expect(read).toEqual({ roles: ['assistant', null, null, null], text: ANTHROPIC_TEXT, finish: 'stop' });
    expect(anthropic.requests).toHaveLength(2);
  });

  test.each(failing)('%s: on a FALLBACK route, the next destination answers', async (fixture) => {
    anthropic.setHandler((_request: RecordedRequest, response) => sendAnthropicStream(response, anthropic.requests.length === 1 ? fixture : 'chat.stream.sse'));
    const answer = await streamThroughRoute('claude-fallback');
    expect(answer).toEqual({ status: 200, endpoint: 'claude-backup', errors: [], last: { data: '[DONE]' }, firstRole: 'assistant', text: ANTHROPIC_TEXT });
    expect(anthropic.requests).toHaveLength(2);
  });

  test('once content has reached the client, a later error event still ends the stream (no second attempt)', async () => {
    anthropic.setHandler((_request, response) => sendAnthropicStream(response, 'chat-error.stream.sse'));
    const answer = await streamThroughRoute('claude-fallback');
    expect(answer).toMatchObject({ status: 200, endpoint: 'claude-once', firstRole: 'assistant', text: 'Un café' });
    expect(answer.errors).toHaveLength(1);
    expect(anthropic.requests).toHaveLength(1);
  });
});

describe('Bedrock ConverseStream: an exception event after messageStart, before any content', () => {
  const startThenFail = (exception: string, message: string): BedrockReply => ({
    events: [converseEvent('messageStart', { role: 'assistant' }), exceptionEvent(exception, message)],
  });

  test.each([
    ['serviceUnavailableException', 'Bedrock is unable to process your request.'],
    ['throttlingException', 'Too many requests, please wait before trying again.'],
    ['modelStreamErrorException', 'The model stream failed: upstream model error.'],
  ])('%s: with retries, the client gets the second attempt whole, role first', async (exception, message) => {
    bedrock.setHandler(() => (bedrock.calls.length === 1 ? startThenFail(exception, message) : { events: converseEvents('converse-chat.events.json') }));
    const read = await readWithOpenAIClient('bedrock-retried');
    expect(read).toEqual({ roles: ['assistant', null, null, null], text: BEDROCK_TEXT, finish: 'stop' });
    expect(bedrock.calls.map((call) => call.operation)).toEqual(['converse-stream', 'converse-stream']);
  });

  test('throttlingException on a FALLBACK route: the next destination answers', async () => {
    bedrock.setHandler((call) =>
      call.modelId === CLAUDE_ON_BEDROCK ? startThenFail('throttlingException', 'Too many requests, please wait before trying again.') : { events: converseEvents('converse-chat.events.json') },
    );
    const answer = await streamThroughRoute('bedrock-fallback');
    expect(answer).toEqual({ status: 200, endpoint: 'bedrock-backup', errors: [], last: { data: '[DONE]' }, firstRole: 'assistant', text: BEDROCK_TEXT });
    expect(bedrock.calls.map((call) => call.modelId)).toEqual([CLAUDE_ON_BEDROCK, MISTRAL_ON_BEDROCK]);
  });
});

test('OpenAI: a server_error event right after the role-only opening chunk is retried (the role chunk was held, the client has nothing)', async () => {
  const [roleChunk] = readFixture('openai', 'chat.stream.sse').split('\n\n');
  const serverError = { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } };
  openaiUpstream.requests.length = 0;
  openaiUpstream.setHandler((_request, response) =>
    sendStream(response, openaiUpstream.requests.length === 1 ? `${roleChunk}\n\ndata: ${JSON.stringify(serverError)}\n\n` : readFixture('openai', 'chat.stream.sse')),
  );
  const read = await readWithOpenAIClient('gpt');
  expect(read).toMatchObject({ text: OPENAI_TEXT, finish: 'stop' });
  expect(read.roles.slice(0, 2)).toEqual(['assistant', null]);
  expect(openaiUpstream.requests).toHaveLength(2);
});
