/**
 * OpenAI-compatible servers (behind `openai_api_base`) that misbehave before a stream's first chunk:
 * the client has been sent nothing yet, so such a failure is retried and falls back like a
 * connection dropped there. Over real HTTP: fake upstreams on 127.0.0.1, the official OpenAI client
 * against `/v1` and plain fetch against the MLflow routes.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const CHAT = { messages: [{ role: 'user', content: 'Un café ?' }] };
const TEXT = 'Un café ? Bien sûr 🙂 Bonne journée.';

let primary: FakeUpstream;
let backup: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

const endpoint = (name: string, upstream: FakeUpstream, attempts: number) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: ${attempts}, initial_backoff: 0.01 }`;

beforeAll(async () => {
  primary = await startFakeUpstream(() => undefined);
  backup = await startFakeUpstream((_request, response) => sendWholeStream(response));
  gateway = await startGateway(`
endpoints:${endpoint('gpt', primary, 2)}${endpoint('gpt-once', primary, 1)}${endpoint('gpt-backup', backup, 1)}
routes:
  - { name: gpt-fallback, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: gpt-once }, { name: gpt-backup }] }
`);
  openai = openaiClientFor(gateway);
});

beforeEach(() => {
  primary.requests.length = 0;
  backup.requests.length = 0;
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([primary.close(), backup.close()]);
});

const sendWholeStream = (response: ServerResponse) => sendStream(response, readFixture('openai', 'chat.stream.sse'));

/** The primary upstream answers its first request with `body` as an event stream, later ones whole. */
function firstAnswerIs(body: string): void {
  primary.setHandler((_request, response) => (primary.requests.length === 1 ? sendStream(response, body) : sendWholeStream(response)));
}

async function readWithOpenAIClient(model: string) {
  const stream = await openai.chat.completions.create({ model, ...CHAT, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  let text = '';
  let finish: string | null = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { text, finish };
}

async function streamThroughRoute(name: string) {
  const response = await fetch(`${gateway.url}/gateway/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...CHAT, stream: true }),
  });
  const body = await response.text();
  if (response.status !== 200) return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint'), body: JSON.parse(body) as unknown };
  const chunks = parseSse(body).filter((event) => event.event === undefined && event.data !== '[DONE]').map((event) => JSON.parse(event.data));
  return { status: 200, endpoint: response.headers.get('x-gateway-endpoint'), text: chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('') };
}

describe('a stream that ends with `data: [DONE]` and nothing before it', () => {
  const EMPTY = 'data: [DONE]\n\n';

  test('is retried: the client gets the second attempt whole', async () => {
    firstAnswerIs(EMPTY);
    expect(await readWithOpenAIClient('gpt')).toEqual({ text: TEXT, finish: 'stop' });
    expect(primary.requests).toHaveLength(2);
  });

  test('falls back to the next destination of a FALLBACK route', async () => {
    firstAnswerIs(EMPTY);
    expect(await streamThroughRoute('gpt-fallback')).toEqual({ status: 200, endpoint: 'gpt-backup', text: TEXT });
    expect([primary.requests.length, backup.requests.length]).toEqual([1, 1]);
  });

  test('on every attempt: a 502 saying so, not a 200 with nothing in it', async () => {
    primary.setHandler((_request, response) => sendStream(response, EMPTY));
    const error = await readWithOpenAIClient('gpt').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 502, message: "502 OpenAI ended the stream for endpoint 'gpt' without sending anything." });
    expect(primary.requests).toHaveLength(2);
  });
});

describe('a stream that sends only its role-only opening chunk (`delta: {role, content: ""}`)', () => {
  const ROLE_CHUNK = readFixture('openai', 'chat.stream.sse').split('\n\n')[0];

  test.each([
    ['then `data: [DONE]`', `${ROLE_CHUNK}\n\ndata: [DONE]\n\n`],
    ['then ends without `[DONE]`', `${ROLE_CHUNK}\n\n`],
  ])('%s is retried: the client gets the second attempt whole', async (_name, body) => {
    firstAnswerIs(body);
    expect(await readWithOpenAIClient('gpt')).toEqual({ text: TEXT, finish: 'stop' });
    expect(primary.requests).toHaveLength(2);
  });

  test('falls back to the next destination of a FALLBACK route', async () => {
    firstAnswerIs(`${ROLE_CHUNK}\n\ndata: [DONE]\n\n`);
    expect(await streamThroughRoute('gpt-fallback')).toEqual({ status: 200, endpoint: 'gpt-backup', text: TEXT });
    expect([primary.requests.length, backup.requests.length]).toEqual([1, 1]);
  });

  test('on every attempt: a 502 saying so, not a 200 holding just the role', async () => {
    primary.setHandler((_request, response) => sendStream(response, `${ROLE_CHUNK}\n\ndata: [DONE]\n\n`));
    const error = await readWithOpenAIClient('gpt').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, message: "502 OpenAI ended the stream for endpoint 'gpt' without sending anything." });
    expect(primary.requests).toHaveLength(2);
  });

  // Newer llama.cpp servers send a usage-only chunk on every stream, and one comes whenever a token
  // limit asked for it: it says what the stream cost, not that anything was answered.
  test('then a usage-only chunk (`choices: []`) and `[DONE]` is retried too: not a 200 holding just the role', async () => {
    const usageOnly = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 } };
    firstAnswerIs(`${ROLE_CHUNK}\n\ndata: ${JSON.stringify(usageOnly)}\n\ndata: [DONE]\n\n`);
    expect(await readWithOpenAIClient('gpt')).toEqual({ text: TEXT, finish: 'stop' });
    expect(primary.requests).toHaveLength(2);
  });

  test('the role chunk still reaches the client, first and as sent, once content follows it', async () => {
    primary.setHandler((_request, response) => sendWholeStream(response));
    const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt', ...CHAT, stream: true }) });
    const chunks = parseSse(await response.text()).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data));
    expect(chunks.slice(0, 2).map((chunk) => chunk.choices[0].delta)).toEqual([
      { role: 'assistant', content: '', tool_calls: null },
      { role: null, content: 'Un', tool_calls: null },
    ]);
  });
});

describe('a first event that is not JSON (a proxy\'s page, a truncated event)', () => {
  const GARBAGE = 'data: <html><body>upstream connect error</body></html>\n\n';

  test('is retried: the client gets the second attempt whole', async () => {
    firstAnswerIs(GARBAGE);
    expect(await readWithOpenAIClient('gpt')).toEqual({ text: TEXT, finish: 'stop' });
    expect(primary.requests).toHaveLength(2);
  });

  test('falls back to the next destination of a FALLBACK route', async () => {
    firstAnswerIs(GARBAGE);
    expect(await streamThroughRoute('gpt-fallback')).toEqual({ status: 200, endpoint: 'gpt-backup', text: TEXT });
    expect([primary.requests.length, backup.requests.length]).toEqual([1, 1]);
  });

  test('right after the role-only opening chunk: still retried (the role chunk was held, the client has nothing)', async () => {
    firstAnswerIs(`${readFixture('openai', 'chat.stream.sse').split('\n\n')[0]}\n\n${GARBAGE}`);
    expect(await readWithOpenAIClient('gpt')).toEqual({ text: TEXT, finish: 'stop' });
    expect(primary.requests).toHaveLength(2);
  });

  test('after a chunk with content has reached the client, it ends the stream with an error event (no second attempt)', async () => {
    const [roleChunk, firstWord] = readFixture('openai', 'chat.stream.sse').split('\n\n');
    primary.setHandler((_request, response) => sendStream(response, `${roleChunk}\n\n${firstWord}\n\n${GARBAGE}`));
    const response = await fetch(`${gateway.url}/gateway/gpt/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
    const events = parseSse(await response.text());
    expect(response.status).toBe(200);
    expect(events.map((event) => event.event ?? 'data')).toEqual(['data', 'data', 'error']);
    expect(JSON.parse(events[2].data).error.message).toBe('The provider sent a stream event that is not a JSON object: <html><body>upstream connect error</body></html>');
    expect(primary.requests).toHaveLength(1);
  });
});
