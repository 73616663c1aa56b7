/**
 * An OpenAI-compatible server (behind `openai_api_base`) that ignores `stream: true` and answers
 * with a normal JSON completion: the client gets that answer as the stream it asked for (role and
 * content, then the finish, usage when asked), not a 502. A JSON error stays an error. Over real
 * HTTP: a fake upstream on 127.0.0.1, the official OpenAI client against `/v1`, plain fetch against
 * the MLflow routes.
 */
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';

const CHAT = { messages: [{ role: 'user' as const, content: 'Un café ?' }] };
const CHAT_ANSWER = readJsonFixture('openai', 'chat.response.json') as { choices: { message: { content: string } }[]; usage: Record<string, unknown> };

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;
let lines: string[];

const endpoint = (name: string, type: string, extra = '') => `
  - name: ${name}
    endpoint_type: ${type}
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 2, initial_backoff: 0.01 }${extra}`;

beforeAll(async () => {
  upstream = await startFakeUpstream((_request, response) => sendJson(response, 200, CHAT_ANSWER));
  const capture = captureLog();
  lines = capture.lines;
  gateway = await startGateway(
    `endpoints:${endpoint('chat', 'llm/v1/chat')}${endpoint('completions', 'llm/v1/completions')}${endpoint('metered', 'llm/v1/chat', '\n    limit: { tokens: 100000, renewal_period: minute }')}\n`,
    { logger: capture.logger },
  );
  openai = openaiClientFor(gateway);
});

beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler((_request, response) => sendJson(response, 200, CHAT_ANSWER));
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

async function chatChunks(body: Record<string, unknown>): Promise<OpenAI.ChatCompletionChunk[]> {
  const stream = await openai.chat.completions.create({ model: 'chat', ...CHAT, ...body, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

test('a chat completion becomes a stream: role and content, then the finish; the server is asked once', async () => {
  const chunks = await chatChunks({});
  expect(chunks.map((chunk) => chunk.choices.map(({ delta, finish_reason }) => ({ role: delta.role ?? null, content: delta.content ?? null, finish_reason })))).toEqual([
    [{ role: 'assistant', content: CHAT_ANSWER.choices[0].message.content, finish_reason: null }],
    [{ role: null, content: null, finish_reason: 'stop' }],
  ]);
  expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === 'chatcmpl-BZq3kR8vN2yTf6XwL0aPc7dE1sGhU')).toBe(true);
  expect(upstream.requests).toHaveLength(1);
  expect(upstream.requests[0].body).toMatchObject({ stream: true });
});

test('usage comes as the last chunk when the client asked for it, and not otherwise', async () => {
  const asked = await chatChunks({ stream_options: { include_usage: true } });
  expect(asked.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 21, completion_tokens: 14, total_tokens: 35 } });
  const notAsked = await chatChunks({});
  expect(notAsked.some((chunk) => chunk.usage)).toBe(false);
});

test('under a token limit, the usage the gateway asked for is counted but not sent to a client that did not ask', async () => {
  const response = await fetch(`${gateway.url}/gateway/metered/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  const chunks = parseSse(await response.text()).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data));
  expect(chunks.map((chunk) => chunk.choices.length)).toEqual([1, 1]);
  expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  const line = lines.map((text) => JSON.parse(text)).find((parsed) => parsed.endpoint === 'metered' && parsed.status === 200);
  expect(line).toMatchObject({ stream: true, total_tokens: 35 });
});

test('tool calls arrive whole, numbered as OpenAI numbers them (MLflow route)', async () => {
  const toolAnswer = readJsonFixture('openai', 'chat-tool-calls.response.json') as { choices: { message: { tool_calls: { id: string; function: { name: string; arguments: string } }[] } }[] };
  upstream.setHandler((_request, response) => sendJson(response, 200, toolAnswer));
  const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  const events = parseSse(await response.text());
  expect(events.at(-1)).toEqual({ data: '[DONE]' });
  const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
  expect(chunks[0].choices[0].delta.tool_calls).toEqual(
    toolAnswer.choices[0].message.tool_calls.map((call, index) => ({ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } })),
  );
  expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
});

test('a completions answer becomes a stream of text chunks (/v1)', async () => {
  const answer = readJsonFixture('openai', 'completions.response.json') as { choices: { text: string }[] };
  upstream.setHandler((_request, response) => sendJson(response, 200, answer));
  const stream = await openai.completions.create({ model: 'completions', prompt: 'This is a test', stream: true });
  const texts: string[] = [];
  let finish: string | null = null;
  for await (const chunk of stream) {
    texts.push(chunk.choices[0].text);
    finish = chunk.choices[0].finish_reason ?? finish;
  }
  expect({ text: texts.join(''), finish }).toEqual({ text: answer.choices[0].text, finish: 'length' });
});

test('a JSON error in a 200 stays an error: a 502 with its message', async () => {
  upstream.setHandler((_request, response) => sendJson(response, 200, { error: { message: 'streaming is not enabled for this deployment' } }));
  const error = await chatChunks({}).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect(error).toMatchObject({ status: 502, message: expect.stringContaining('streaming is not enabled for this deployment') });
});

test('a JSON error status keeps its status (not retried)', async () => {
  upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')));
  const error = await chatChunks({}).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400 });
  expect(upstream.requests).toHaveLength(1);
});

test('JSON that is no completion is still a 502 naming the content type', async () => {
  upstream.setHandler((_request, response) => sendJson(response, 200, { status: 'ok' }));
  const error = await chatChunks({}).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 502, message: expect.stringContaining("content type 'application/json' instead of an event stream") });
});
