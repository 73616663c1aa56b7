/**
 * Routes end to end: a 50/50 traffic split measured over real HTTP, and FALLBACK routes moving
 * from a failing OpenAI upstream (503, connection refused, timeout) to a healthy one — for streams
 * only before their first byte. `x-gateway-endpoint` names the endpoint that answered.
 */
import OpenAI from 'openai';
import type { ServerResponse } from 'node:http';
import { freePort } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiErrorOf } from '../support/errors';
import { sample } from '../support/metrics';

// OpenAI's documented 503 (https://platform.openai.com/docs/guides/error-codes).
const OVERLOADED = { error: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', param: null, code: null } };

function serveChat(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(readFixture('openai', 'chat.stream.sse'));
  } else {
    sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
  }
}

/** Sends the first chunks of the stream fixture (the role-only chunk, which the gateway holds, and the first word), then drops the connection. */
function breakAfterFirstChunk(_request: RecordedRequest, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n') + '\n\n');
  setTimeout(() => response.socket?.destroy(), 50);
}

let healthy: FakeUpstream;
let overloaded: FakeUpstream;
let silent: FakeUpstream;
let rejecting: FakeUpstream;
let flaky: FakeUpstream;
let streamFailing: FakeUpstream;
let emptyStream: FakeUpstream;
let quotaUsedUp: FakeUpstream;
let timingOut: FakeUpstream;
let gateway: RunningGateway;

const openaiEndpoint = (name: string, base: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${base}/v1" } }${extra}`;

beforeAll(async () => {
  healthy = await startFakeUpstream(serveChat);
  overloaded = await startFakeUpstream((_request, response) => sendJson(response, 503, OVERLOADED));
  silent = await startFakeUpstream(() => undefined);
  rejecting = await startFakeUpstream((_request, response) =>
    sendJson(response, 400, readJsonFixture('openai', 'error-400.json')),
  );
  flaky = await startFakeUpstream(breakAfterFirstChunk);
  // A stream's 200 closed cleanly before any event (a proxy whose upstream went away, a server that crashed after its headers).
  emptyStream = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end();
  });
  // OpenAI answers a stream 200 and may then report its 500 as the first event.
  streamFailing = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(`data: ${JSON.stringify(STREAM_SERVER_ERROR)}\n\n`);
  });
  quotaUsedUp = await startFakeUpstream((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429-quota.json')));
  // Azure OpenAI's 408 when it gives up on a call: the provider's timeout, not the client's request.
  timingOut = await startFakeUpstream((_request, response) => sendJson(response, 408, readJsonFixture('openai', 'error-408-azure-timeout.json')));
  const closedPort = await freePort();
  // Retries off: each failure moves straight to the next destination, so request counts are exact.
  gateway = await startGateway(`
defaults: { retries: { max_attempts: 1 } }
endpoints:
  - { name: left, endpoint_type: llm/v1/chat, model: { provider: mock, name: left } }
  - { name: right, endpoint_type: llm/v1/chat, model: { provider: mock, name: right } }
${openaiEndpoint('healthy', healthy.url)}
${openaiEndpoint('overloaded', overloaded.url)}
${openaiEndpoint('refused', `http://127.0.0.1:${closedPort}`)}
${openaiEndpoint('slow', silent.url, '\n    timeouts: { first_byte: 0.2 }')}
${openaiEndpoint('out-of-time', silent.url, '\n    timeouts: { total: 0.2 }')}
${openaiEndpoint('rejecting', rejecting.url)}
${openaiEndpoint('flaky', flaky.url)}
${openaiEndpoint('stream-failing', streamFailing.url)}
${openaiEndpoint('empty-stream', emptyStream.url)}
${openaiEndpoint('quota-used-up', quotaUsedUp.url, '\n    retries: { max_attempts: 3 }')}
${openaiEndpoint('timing-out', timingOut.url, '\n    retries: { max_attempts: 2, initial_backoff: 0.01 }')}
  - { name: no-streams, endpoint_type: llm/v1/chat, model: { provider: mlflow-model-serving, name: m, config: { model_server_url: 'http://127.0.0.1:${closedPort}' } } }
  - { name: no-streams-too, endpoint_type: llm/v1/chat, model: { provider: mlflow-model-serving, name: m, config: { model_server_url: 'http://127.0.0.1:${closedPort}' } } }
routes:
  - name: half-half
    task_type: llm/v1/chat
    destinations: [{ name: left, traffic_percentage: 50 }, { name: right, traffic_percentage: 50 }]
  - { name: after-503, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: healthy }] }
  - { name: after-refused, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: refused }, { name: healthy }] }
  - { name: after-timeout, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: slow }, { name: healthy }] }
  - { name: after-total, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: out-of-time }, { name: healthy }] }
  - { name: after-quota, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: quota-used-up }, { name: healthy }] }
  - { name: after-408, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: timing-out }, { name: healthy }] }
  - { name: after-400, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: rejecting }, { name: healthy }] }
  - { name: all-down, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: refused }, { name: overloaded }] }
  - { name: after-empty-stream, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: empty-stream }, { name: healthy }] }
  - { name: after-stream-error, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: stream-failing }, { name: healthy }] }
  - { name: after-first-chunk, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: flaky }, { name: healthy }] }
  - { name: after-no-streams, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: no-streams }, { name: healthy }] }
  - { name: only-no-streams, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: no-streams }, { name: no-streams-too }] }
  - { name: before-no-streams, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: no-streams }] }
  - name: split-of-fallbacks
    task_type: llm/v1/chat
    destinations: [{ name: after-503, traffic_percentage: 50 }, { name: after-refused, traffic_percentage: 50 }]
`);
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([healthy, overloaded, silent, rejecting, flaky, streamFailing, emptyStream, quotaUsedUp, timingOut].map((upstream) => upstream.close()));
});

// The error event OpenAI sends when its server fails after the stream's headers.
const STREAM_SERVER_ERROR = { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } };

const CHAT = { messages: [{ role: 'user', content: 'Bonjour' }] };

async function invoke(name: string, body: unknown = CHAT) {
  const response = await fetch(`${gateway.url}/gateway/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint'), contentType: response.headers.get('content-type'), text: await response.text() };
}

test('a 50/50 split over 200 requests stays within 5 sigma of 100 each, and the header names the pick', async () => {
  const counts: Record<string, number> = { left: 0, right: 0 };
  for (let batch = 0; batch < 10; batch += 1) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => invoke('half-half')));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).model).toBe(answer.endpoint);
      counts[answer.endpoint!] += 1;
    }
  }
  // Binomial(200, 0.5): sigma ≈ 7.07, so 5 sigma ≈ 35 (fails about once in two million runs).
  expect(counts.left + counts.right).toBe(200);
  expect(Math.abs(counts.left - 100)).toBeLessThanOrEqual(35);
});

test.each([
  ['an upstream 503', 'after-503'],
  ['a refused connection', 'after-refused'],
  ['an upstream timeout', 'after-timeout'],
  // `total` bounds each destination, not the route: the next one gets its own.
  ['the total timeout of the first destination', 'after-total'],
])('after %s, the next destination answers', async (_failure, route) => {
  const before = healthy.requests.length;
  const answer = await invoke(route);
  expect(answer.status).toBe(200);
  expect(answer.endpoint).toBe('healthy');
  expect(JSON.parse(answer.text).choices[0].message.content).toBe(readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json').choices[0].message.content);
  expect(healthy.requests.length).toBe(before + 1);
});

test('a request error (400) is not retried elsewhere: the client gets it, from the endpoint that gave it', async () => {
  const before = healthy.requests.length;
  const answer = await invoke('after-400');
  expect(answer.status).toBe(400);
  expect(answer.endpoint).toBe('rejecting');
  expect(healthy.requests.length).toBe(before);
});

test('when every destination fails, the last failure is the answer', async () => {
  const answer = await invoke('all-down');
  expect(answer.status).toBe(502);
  expect(answer.endpoint).toBe('overloaded');
  expect(JSON.parse(answer.text).detail).toContain('The engine is currently overloaded');
});

test("a provider's 408 (Azure OpenAI's timeout) is retried within the destination, then moved past", async () => {
  const before = timingOut.requests.length;
  const answer = await invoke('after-408');
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(timingOut.requests.length - before).toBe(2);
});

test("alone, a provider's 408 is a 504 timeout the client may retry on /v1, not its own slow request; the MLflow routes keep the 408, as MLflow does", async () => {
  const { status, error } = await openaiErrorOf(new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: 'timing-out', messages: [{ role: 'user', content: 'Bonjour' }] }));
  expect(status).toBe(504);
  expect(error).toEqual({ message: "Endpoint 'timing-out' timed out at the provider (upstream status 408): The operation was timeout.", type: 'timeout_error', param: null, code: 'upstream_timeout' });
  const answer = await invoke('timing-out');
  expect(answer.status).toBe(408);
  expect(JSON.parse(answer.text)).toEqual({ detail: "Endpoint 'timing-out' timed out at the provider (upstream status 408): The operation was timeout." });
});

test("a destination whose provider quota is used up (a 429 it does not retry) is moved past, after one call", async () => {
  const before = quotaUsedUp.requests.length;
  const answer = await invoke('after-quota');
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(quotaUsedUp.requests.length - before).toBe(1);
});

test('a stream falls back before its first byte', async () => {
  const answer = await invoke('after-503', { ...CHAT, stream: true });
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe('text/event-stream; charset=utf-8');
  expect(answer.endpoint).toBe('healthy');
  const events = parseSse(answer.text);
  expect(events[events.length - 1]).toEqual({ data: '[DONE]' });
  const text = events.slice(0, -1).map((event) => JSON.parse(event.data).choices[0]?.delta?.content ?? '').join('');
  expect(text).toContain('café');
});

test('a stream falls back past a destination whose provider has no streams (its 501); with no destination left, the 501 is the answer', async () => {
  const answer = await invoke('after-no-streams', { ...CHAT, stream: true });
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(parseSse(answer.text).at(-1)).toEqual({ data: '[DONE]' });
  const none = await invoke('only-no-streams', { ...CHAT, stream: true });
  expect([none.status, none.endpoint]).toEqual([501, 'no-streams-too']);
  expect(JSON.parse(none.text).detail).toMatch(/chat streaming route is not implemented/);
});

test('a destination without streams does not hide the failure of one that has them: the client gets the 502 it may retry, not a 501', async () => {
  const overloadedErrors = async () =>
    sample(await (await fetch(`${gateway.url}/metrics`)).text(), 'gateway_upstream_errors_total', { endpoint: 'overloaded', provider: 'openai', code: 'upstream_error', status: '502' }) ?? 0;
  const before = await overloadedErrors();
  const answer = await fetch(`${gateway.url}/gateway/before-no-streams/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  expect([answer.status, answer.headers.get('x-gateway-endpoint')]).toEqual([502, 'overloaded']);
  expect(answer.headers.get('x-should-retry')).toBeNull();
  expect(((await answer.json()) as { detail: string }).detail).toContain('The engine is currently overloaded');
  // Counted once: when the route moved past it, not again as the answer.
  expect((await overloadedErrors()) - before).toBe(1);
});

test("a stream whose first event is OpenAI's server_error (its 500, sent after a 200) falls back like the 500 itself; alone, it is a 502 the client may retry", async () => {
  const before = healthy.requests.length;
  const answer = await invoke('after-stream-error', { ...CHAT, stream: true });
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(parseSse(answer.text).at(-1)).toEqual({ data: '[DONE]' });
  expect(healthy.requests.length).toBe(before + 1);
  const alone = await fetch(`${gateway.url}/gateway/stream-failing/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  expect(alone.status).toBe(502);
  expect(alone.headers.get('x-should-retry')).toBeNull();
  expect(await alone.json()).toEqual({ detail: STREAM_SERVER_ERROR.error.message });
});

test('a stream that ends before its first event (cut off, no [DONE]) falls back like a connection dropped there; alone, it is a 502 the client may retry', async () => {
  const answer = await invoke('after-empty-stream', { ...CHAT, stream: true });
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(parseSse(answer.text).at(-1)).toEqual({ data: '[DONE]' });
  const alone = await fetch(`${gateway.url}/gateway/empty-stream/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  expect(alone.status).toBe(502);
  expect(alone.headers.get('x-should-retry')).toBeNull();
  expect(((await alone.json()) as { detail: string }).detail).toContain('no [DONE]');
});

test('a stream that fails after its first chunk reaches the client is not restarted elsewhere', async () => {
  const before = healthy.requests.length;
  const answer = await invoke('after-first-chunk', { ...CHAT, stream: true });
  expect(answer.status).toBe(200);
  expect(answer.endpoint).toBe('flaky');
  const events = parseSse(answer.text);
  expect(events).toHaveLength(3);
  expect(events[2].event).toBe('error');
  expect(healthy.requests.length).toBe(before);
});

test('a split of fallback routes: whichever is drawn, the healthy endpoint answers', async () => {
  const answers = await Promise.all(Array.from({ length: 6 }, () => invoke('split-of-fallbacks')));
  expect(answers.map((answer) => [answer.status, answer.endpoint])).toEqual(Array.from({ length: 6 }, () => [200, 'healthy']));
});

test('the official OpenAI client through /v1 gets the fallback answer, stream and non-stream', async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const { data, response } = await openai.chat.completions.create({ model: 'after-refused', messages: [{ role: 'user', content: 'Bonjour' }] }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('healthy');
  expect(data.choices[0].message.content).toContain('café');
  const stream = await openai.chat.completions.create({ model: 'after-503', messages: [{ role: 'user', content: 'Bonjour' }], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  expect(text).toContain('café');
});

test('the route view shows the strategy and the ordered destinations', async () => {
  const response = await fetch(`${gateway.url}/api/3.0/gateway/route/after-503`);
  expect(await response.json()).toEqual({
    name: 'after-503',
    task_type: 'llm/v1/chat',
    destinations: [{ name: 'overloaded' }, { name: 'healthy' }],
    routing_strategy: 'FALLBACK',
  });
});
