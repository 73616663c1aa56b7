/**
 * Retries and FALLBACK for plugin streams that open with a role-only chunk, as OpenAI-shaped
 * streams do: the gateway holds that chunk and puts its role on the plugin's next chunk, so an
 * error the plugin throws right after it (its vendor overloaded) has sent the client nothing yet
 * and is retried, falls back, or is a real HTTP error, like any failure before the first byte.
 * A stream that ends after that chunk (and a usage-only one) has answered nothing: retried and
 * falling back like a stream with no chunk at all, as built-in OpenAI-shaped streams are.
 * The plugin is the `role-first` fixture (test/fixtures/plugins/), installed in a temporary project;
 * real HTTP to an in-process gateway, the official OpenAI client and plain fetch.
 */
import OpenAI from 'openai';
import { parseSse } from '../support/gateway';
import { startGatewayInProject } from '../support/plugin-gateway';
import { createProject, installPluginFixture } from '../support/plugin-packages';

const ANSWER = 'Un café ? Bien sûr 🙂';
const CHAT = { messages: [{ role: 'user', content: 'Un café ?' }] };

const endpoint = (name: string, config: string, attempts: number) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: role-first, name: rf-1, config: { answer: "${ANSWER}", ${config} } }
    retries: { max_attempts: ${attempts}, initial_backoff: 0.01 }`;

const CONFIG = `plugins: [llm-gateway-provider-role-first]
endpoints:${endpoint('retried', 'overloaded_calls: 1', 2)}${endpoint('overloaded', 'overloaded_calls: 1000', 1)}${endpoint('backup', 'overloaded_calls: 0', 1)}${endpoint('role-only', 'role_only_calls: 1000', 1)}${endpoint('role-usage-only', 'role_only_calls: 1000, usage_after_role: true', 2)}${endpoint('role-only-once', 'role_only_calls: 1, usage_after_role: true', 2)}
routes:
  - { name: with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: backup }] }
  - { name: role-only-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: role-only }, { name: backup }] }
`;

let gateway: { url: string; close(): Promise<void> };
let openai: OpenAI;

beforeAll(async () => {
  const project = createProject('gateway-plugin-stream-');
  installPluginFixture(project, 'role-first-overloaded', 'llm-gateway-provider-role-first');
  gateway = await startGatewayInProject(project, CONFIG);
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});

afterAll(() => gateway.close());

/** A stream read whole with fetch: status, the endpoint that answered, the chunks, the error events, the last event. */
async function stream(path: string, body: object) {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...CHAT, ...body, stream: true }),
  });
  const text = await response.text();
  const events = response.headers.get('content-type')?.startsWith('text/event-stream') ? parseSse(text) : [];
  return {
    status: response.status,
    endpoint: response.headers.get('x-gateway-endpoint'),
    body: events.length === 0 ? JSON.parse(text) : null,
    chunks: events.filter((event) => event.event === undefined && event.data !== '[DONE]').map((event) => JSON.parse(event.data)),
    errors: events.filter((event) => event.event === 'error'),
    last: events.at(-1),
  };
}

test('an overloaded error right after the role chunk is retried: the client gets the second stream whole, role on its first delta', async () => {
  const stream = await openai.chat.completions.create({ model: 'retried', ...CHAT, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks.map((chunk) => [chunk.choices[0].delta.role ?? null, chunk.choices[0].delta.content, chunk.choices[0].finish_reason])).toEqual([
    ['assistant', 'Un ', null],
    [null, 'café ', null],
    [null, '? ', null],
    [null, 'Bien ', null],
    [null, 'sûr ', null],
    [null, '🙂', null],
    [null, null, 'stop'],
  ]);
  // The merged first chunk keeps the plugin's own id, model and created (of the second call).
  expect(new Set(chunks.map((chunk) => JSON.stringify([chunk.id, chunk.model, chunk.created])))).toEqual(new Set([JSON.stringify(['chatcmpl-retried-2', 'rf-1', chunks[0].created])]));
});

test('on a FALLBACK route, the next destination answers', async () => {
  const answer = await stream('/gateway/with-backup/invocations', {});
  expect(answer).toMatchObject({ status: 200, endpoint: 'backup', errors: [], last: { data: '[DONE]' } });
  expect(answer.chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: 'Un ' });
  expect(answer.chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe(ANSWER);
});

test('without retries or fallback, the failure is a real HTTP error, not a stream that opened then failed', async () => {
  const answer = await stream('/v1/chat/completions', { model: 'overloaded' });
  expect(answer).toMatchObject({ status: 502, chunks: [], body: { error: { type: 'upstream_error', code: 'upstream_error' } } });
  expect(answer.body.error.message).toContain('Overloaded');
});

test('a stream that ends after its role chunk answered nothing: a 502, not a 200 holding just the role', async () => {
  const answer = await stream('/v1/chat/completions', { model: 'role-only' });
  expect(answer).toMatchObject({ status: 502, chunks: [], body: { error: { type: 'upstream_error', code: 'upstream_unavailable' } } });
  expect(answer.body.error.message).toContain("ended the stream for endpoint 'role-only' without sending anything");
});

test('so does one that ends after its role and a usage-only chunk, on every attempt, even for a client that asked for usage', async () => {
  const answer = await stream('/v1/chat/completions', { model: 'role-usage-only', stream_options: { include_usage: true } });
  expect(answer).toMatchObject({ status: 502, chunks: [], body: { error: { code: 'upstream_unavailable' } } });
});

test('such a stream is retried: the client gets the second stream whole, role on its first delta', async () => {
  const stream = await openai.chat.completions.create({ model: 'role-only-once', ...CHAT, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks[0].id).toBe('chatcmpl-role-only-once-2');
  expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: 'Un ' });
  expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(ANSWER);
});

test('and falls back on a FALLBACK route', async () => {
  const answer = await stream('/gateway/role-only-then-backup/invocations', {});
  expect(answer).toMatchObject({ status: 200, endpoint: 'backup', errors: [], last: { data: '[DONE]' } });
  expect(answer.chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe(ANSWER);
});
