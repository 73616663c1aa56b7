/**
 * `gateway_upstream_attempt_duration_seconds`: one observation per upstream attempt, by outcome,
 * where `gen_ai_client_operation_duration_seconds` has one per call: a call retried once after a 503,
 * a stream retried once and timed to its end, a FALLBACK route's destinations each under its own
 * endpoint, an attempt its client left, an answer or a stream's chunk the gateway's check refused; and
 * none for a call whose client left before its first attempt, or while it waited to retry.
 */
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { sample } from '../support/metrics';
import { SOON_MS, within } from '../support/timeouts';

const STREAM_EVENTS = readFixture('openai', 'chat.stream.sse').split(/(?<=\n\n)/);

/** How long the retried stream's rest is held after its first chunks: its attempt lasts at least that. */
const HELD_STREAM_MS = 300;

let upstream: FakeUpstream;
let gateway: RunningGateway;
/** Answers the retried stream's rest. */
let releaseStream: () => void = () => undefined;
/** Resolves when the retried stream's second attempt has sent its first chunks. */
let streamOpened: Promise<void>;

/**
 * A message starting `once:` fails with a 503 the first time and is answered after; `always fails`
 * fails every time; `never answered` is held until the gateway gives up on it. The retried stream's
 * answer sends its first chunks and holds the rest for the test.
 */
function answer(seen: Set<string>, onStreamOpened: () => void) {
  return (request: { url: string; body: unknown }, response: ServerResponse) => {
    if (request.url.includes(':streamGenerateContent')) return geminiChoicePastN(response);
    const body = request.body as { stream?: boolean; messages: { content: string }[] };
    const content = body.messages[0].content;
    if (content === 'never answered') return;
    if (content === 'malformed answer') {
      const answer = readJsonFixture<{ choices: { message: { content: unknown } }[] }>('openai', 'chat.response.json');
      answer.choices[0].message.content = 42;
      return sendJson(response, 200, answer);
    }
    if (content === 'malformed first chunk' || content === 'malformed later chunk') {
      // Every chunk's text a number, or from the third chunk on (after the first chunk has gone out).
      const broken = content === 'malformed first chunk' ? 0 : 2;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(STREAM_EVENTS.map((event, position) => (position < broken ? event : event.replace(/"content":"[^"]*"/, '"content":42'))).join(''));
      return;
    }
    if (content === 'retry in a second') {
      sendJson(response, 429, { error: { message: 'Rate limit reached.', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, { 'retry-after': '1' });
      return;
    }
    if (content === 'always fails' || (content.startsWith('once:') && !seen.has(content))) {
      seen.add(content);
      sendJson(response, 503, { error: { message: 'The server is overloaded.', type: 'server_error', param: null, code: null } });
      return;
    }
    if (!body.stream) return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(STREAM_EVENTS.slice(0, 2).join(''));
    releaseStream = () => response.end(STREAM_EVENTS.slice(2).join(''));
    onStreamOpened();
  };
}

/** A Gemini stream of two candidates, past the one choice asked for (n): the gateway refuses the chunk. */
function geminiChoicePastN(response: ServerResponse): void {
  const event = { candidates: [0, 1].map((index) => ({ content: { parts: [{ text: 'Hello' }], role: 'model' }, finishReason: 'STOP', index })),
    usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 1, totalTokenCount: 3 },
    modelVersion: 'gemini-2.0-flash' };
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.end(`data: ${JSON.stringify(event)}\r\n\r\n`);
}

const openaiEndpoint = (name: string, url: string, attempts: number) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-attempts-test, openai_api_base: "${url}/v1" } }
    retries: { max_attempts: ${attempts}, initial_backoff: 0.01 }`;

beforeAll(async () => {
  let opened!: () => void;
  streamOpened = new Promise((resolve) => (opened = resolve));
  upstream = await startFakeUpstream(answer(new Set(), () => opened()));
  gateway = await startGateway(`
endpoints:${openaiEndpoint('retried', upstream.url, 2)}${openaiEndpoint('refused-answer', upstream.url, 2)}${openaiEndpoint('refused-stream', upstream.url, 2)}${openaiEndpoint('refused-later', upstream.url, 2)}${openaiEndpoint('retried-stream', upstream.url, 2)}${openaiEndpoint('failing', upstream.url, 2)}${openaiEndpoint('left', upstream.url, 1)}${openaiEndpoint('gone', upstream.url, 1)}${openaiEndpoint('left-waiting', upstream.url, 2)}
  - name: several-prompts
    endpoint_type: llm/v1/completions
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: AIzaSy-attempts-test, gemini_api_base: "${upstream.url}/v1beta" } }
  - name: backup
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo-model }
routes:
  - { name: failing-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: failing }, { name: backup }] }
`);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const post = (path: string, body: unknown, signal?: AbortSignal) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });

const metrics = async () => (await fetch(`${gateway.url}/metrics`)).text();

/** The attempts observed for an endpoint with this outcome: their count and the sum of their seconds. */
async function attempts(endpoint: string, outcome: string, provider = 'openai'): Promise<{ count: number | undefined; sum: number | undefined }> {
  const text = await metrics();
  const labels = { endpoint, provider, outcome };
  return { count: sample(text, 'gateway_upstream_attempt_duration_seconds_count', labels), sum: sample(text, 'gateway_upstream_attempt_duration_seconds_sum', labels) };
}

test('a call retried once after a 503 is one operation of two attempts: the failed one and the one that answered', async () => {
  const answer = await post('/endpoints/retried/invocations', { messages: [{ role: 'user', content: 'once: plain' }] });
  expect(answer.status).toBe(200);
  expect((await attempts('retried', 'upstream_error')).count).toBe(1);
  expect((await attempts('retried', 'success')).count).toBe(1);
  const text = await metrics();
  expect(text.match(/^gateway_upstream_attempt_duration_seconds_count\{endpoint="retried",/gm)).toHaveLength(2);
  const operation = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'openai', gen_ai_request_model: 'gpt-4o-mini', endpoint: 'retried', error_type: '' };
  expect(sample(text, 'gen_ai_client_operation_duration_seconds_count', operation)).toBe(1);
  expect(sample(text, 'gateway_upstream_retries_total', { endpoint: 'retried', provider: 'openai' })).toBe(1);
});

test('a stream retried once: its answering attempt is observed when the stream ends, and lasts as long as the stream', async () => {
  const answer = await post('/v1/chat/completions', { model: 'retried-stream', messages: [{ role: 'user', content: 'once: stream' }], stream: true });
  expect(answer.status).toBe(200);
  await within(streamOpened, SOON_MS, 'the second attempt opening its stream');
  expect((await attempts('retried-stream', 'upstream_error')).count).toBe(1);
  // The stream goes on: its attempt is not over.
  expect((await attempts('retried-stream', 'success')).count).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, HELD_STREAM_MS));
  releaseStream();
  const events = parseSse(await answer.text());
  expect(events[events.length - 1].data).toBe('[DONE]');
  const success = await attempts('retried-stream', 'success');
  expect(success.count).toBe(1);
  expect(success.sum!).toBeGreaterThanOrEqual(HELD_STREAM_MS / 1000);
});

test("a FALLBACK route's destinations: each one's attempts under its own endpoint", async () => {
  const answer = await post('/gateway/failing-then-backup/invocations', { messages: [{ role: 'user', content: 'always fails' }] });
  expect(answer.status).toBe(200);
  expect((await attempts('failing', 'upstream_error')).count).toBe(2);
  expect((await attempts('failing', 'success')).count).toBeUndefined();
  expect((await attempts('backup', 'success', 'mock')).count).toBe(1);
});

test('an attempt whose client left is aborted, not a failure of the provider', async () => {
  const leaving = new AbortController();
  const answer = post('/endpoints/left/invocations', { messages: [{ role: 'user', content: 'never answered' }] }, leaving.signal).catch((error: Error) => error.name);
  await within(
    (async () => {
      while (upstream.requests.every((request) => (request.body as { messages: { content: string }[] }).messages[0].content !== 'never answered')) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
    SOON_MS,
    'the call reaching the upstream',
  );
  leaving.abort();
  expect(await answer).toBe('AbortError');
  const deadline = Date.now() + SOON_MS;
  while ((await attempts('left', 'aborted')).count === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect((await attempts('left', 'aborted')).count).toBe(1);
  expect(await metrics()).not.toMatch(/^gateway_upstream_attempt_duration_seconds_count\{endpoint="left",provider="openai",outcome="(?!aborted")/m);
});

/** The requests the upstream had whose first message is `content`. */
const requestsWith = (content: string) => upstream.requests.filter((request) => (request.body as { messages?: { content: string }[] }).messages?.[0].content === content).length;

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  await within(
    (async () => {
      while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
    })(),
    SOON_MS,
    what,
  );
}

test('a call whose client left before its first attempt makes none, and observes none', async () => {
  // The gateway inflates a gzip body off the main thread: a client that sends one and leaves at once is gone before its call begins.
  const body = gzipSync(JSON.stringify({ messages: [{ role: 'user', content: 'gone before the call' }] }));
  const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(Buffer.concat([Buffer.from(`POST /endpoints/gone/invocations HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: ${body.length}\r\n\r\n`), body]));
  socket.destroy();
  await until(async () => sample(await metrics(), 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: '', provider: '', status: '499' }) !== undefined, 'the request ending with its client gone');
  // A call sent after it, answered: the one before it has been served (or not) by then.
  const answer = await post('/endpoints/gone/invocations', { messages: [{ role: 'user', content: 'answered after' }] });
  expect(answer.status).toBe(200);
  expect(requestsWith('gone before the call')).toBe(0);
  expect((await attempts('gone', 'aborted')).count).toBeUndefined();
  expect((await attempts('gone', 'success')).count).toBe(1);
});

test('a call whose client left while it waited to retry makes no further attempt, and observes only the failed one', async () => {
  const leaving = new AbortController();
  const answer = post('/endpoints/left-waiting/invocations', { messages: [{ role: 'user', content: 'retry in a second' }] }, leaving.signal).catch((error: Error) => error.name);
  // Observed before the wait for the upstream's Retry-After (1 s) begins.
  await until(async () => (await attempts('left-waiting', 'upstream_rate_limited')).count === 1, 'the first attempt failing');
  leaving.abort();
  expect(await answer).toBe('AbortError');
  // Past the wait: a retry the client's departure did not stop would have been made by now.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  expect(requestsWith('retry in a second')).toBe(1);
  const text = await metrics();
  expect(text.match(/^gateway_upstream_attempt_duration_seconds_count\{endpoint="left-waiting",.*$/gm)).toEqual(['gateway_upstream_attempt_duration_seconds_count{endpoint="left-waiting",provider="openai",outcome="upstream_rate_limited"} 1']);
  expect(sample(text, 'gateway_upstream_retries_total', { endpoint: 'left-waiting', provider: 'openai' })).toBeUndefined();
});

test("an answer the gateway's check refuses counts its attempt under the failure's code, as the client and gateway_upstream_errors_total see it", async () => {
  const answer = await post('/v1/chat/completions', { model: 'refused-answer', messages: [{ role: 'user', content: 'malformed answer' }] });
  const body = (await answer.json()) as { error: { code: string } };
  expect({ status: answer.status, code: body.error.code, calls: requestsWith('malformed answer') }).toEqual({ status: 502, code: 'upstream_unreadable', calls: 1 });
  const text = await metrics();
  expect(text.match(/^gateway_upstream_attempt_duration_seconds_count\{endpoint="refused-answer",.*$/gm)).toEqual(['gateway_upstream_attempt_duration_seconds_count{endpoint="refused-answer",provider="openai",outcome="upstream_unreadable"} 1']);
  expect(text.match(/^gateway_upstream_errors_total\{endpoint="refused-answer",.*$/gm)).toEqual(['gateway_upstream_errors_total{endpoint="refused-answer",provider="openai",code="upstream_unreadable",status="502"} 1']);
});

/** The lines of a counter or histogram count for an endpoint. */
const linesOf = (text: string, name: string, endpoint: string) => text.match(new RegExp(`^${name}\\{endpoint="${endpoint}",.*$`, 'gm'));

test("a stream whose first chunk the gateway's check refuses counts its attempt under the failure's code, as the client's 502 and gateway_upstream_errors_total", async () => {
  const answer = await post('/v1/chat/completions', { model: 'refused-stream', messages: [{ role: 'user', content: 'malformed first chunk' }], stream: true });
  const body = (await answer.json()) as { error: { code: string } };
  expect({ status: answer.status, code: body.error.code, calls: requestsWith('malformed first chunk') }).toEqual({ status: 502, code: 'upstream_unreadable', calls: 1 });
  await until(async () => linesOf(await metrics(), 'gateway_upstream_errors_total', 'refused-stream') !== null, 'the request being counted');
  const text = await metrics();
  expect(linesOf(text, 'gateway_upstream_attempt_duration_seconds_count', 'refused-stream')).toEqual(['gateway_upstream_attempt_duration_seconds_count{endpoint="refused-stream",provider="openai",outcome="upstream_unreadable"} 1']);
  expect(linesOf(text, 'gateway_upstream_errors_total', 'refused-stream')).toEqual(['gateway_upstream_errors_total{endpoint="refused-stream",provider="openai",code="upstream_unreadable",status="502"} 1']);
});

test("a stream whose later chunk the gateway's check refuses, after its first went out: its attempt under the failure's code too, as the error event and gateway_upstream_errors_total", async () => {
  const answer = await post('/v1/chat/completions', { model: 'refused-later', messages: [{ role: 'user', content: 'malformed later chunk' }], stream: true });
  expect(answer.status).toBe(200);
  const events = parseSse(await answer.text());
  const last = events[events.length - 1];
  expect({ event: last.event, code: (JSON.parse(last.data) as { error: { code: string } }).error.code }).toEqual({ event: 'error', code: 'upstream_unreadable' });
  await until(async () => linesOf(await metrics(), 'gateway_upstream_errors_total', 'refused-later') !== null, 'the request being counted');
  const text = await metrics();
  expect(linesOf(text, 'gateway_upstream_attempt_duration_seconds_count', 'refused-later')).toEqual(['gateway_upstream_attempt_duration_seconds_count{endpoint="refused-later",provider="openai",outcome="upstream_unreadable"} 1']);
  expect(linesOf(text, 'gateway_upstream_errors_total', 'refused-later')).toEqual(['gateway_upstream_errors_total{endpoint="refused-later",provider="openai",code="upstream_unreadable",status="200"} 1']);
});

test("several prompts in one stream: the prompt whose chunk the gateway refuses counts its attempt under the failure's code, the prompt its failure ended as aborted", async () => {
  const answer = await post('/v1/completions', { model: 'several-prompts', prompt: ['first', 'second'], stream: true });
  // Which prompt's chunk comes first decides between a 502 and an error event; either is upstream_unreadable.
  const code = answer.status === 502 ? ((await answer.json()) as { error: { code: string } }).error.code : JSON.parse(parseSse(await answer.text()).at(-1)!.data).error.code;
  expect(code).toBe('upstream_unreadable');
  await until(async () => linesOf(await metrics(), 'gateway_upstream_attempt_duration_seconds_count', 'several-prompts')?.length === 2, 'both attempts being counted');
  const text = await metrics();
  expect(linesOf(text, 'gateway_upstream_attempt_duration_seconds_count', 'several-prompts')?.sort()).toEqual([
    'gateway_upstream_attempt_duration_seconds_count{endpoint="several-prompts",provider="gemini",outcome="aborted"} 1',
    'gateway_upstream_attempt_duration_seconds_count{endpoint="several-prompts",provider="gemini",outcome="upstream_unreadable"} 1',
  ]);
});
