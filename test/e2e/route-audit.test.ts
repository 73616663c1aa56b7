/**
 * The audit line of a request through a traffic route says so: `routing_strategy`, and `attempts`,
 * the destinations tried in order with the status each answered or failed with (and the failure's
 * code), so that an operator sees a fallback happen and why. A plain endpoint's line keeps its shape.
 */
import type { ServerResponse } from 'node:http';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

/** `/down/…` is overloaded; `/up/…` answers (a stream when asked). */
function serve(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.startsWith('/down/')) return sendJson(response, 503, { error: { message: 'The server is overloaded', type: 'server_error' } });
  if ((request.body as { stream?: boolean }).stream !== true) return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.end(readFixture('openai', 'chat.stream.sse'));
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let lines: string[];

beforeAll(async () => {
  upstream = await startFakeUpstream(serve);
  const capture = captureLog();
  lines = capture.lines;
  const endpoint = (name: string, base: 'up' | 'down', extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-route-audit, openai_api_base: "${upstream.url}/${base}/v1" } }
    retries: { max_attempts: 1 }${extra}`;
  gateway = await startGateway(
    `endpoints:${endpoint('overloaded', 'down')}${endpoint('backup', 'up')}${endpoint('one-a-minute', 'up', '\n    limit: { calls: 1, renewal_period: minute }')}
routes:
  - { name: with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: backup }] }
  - { name: all-down, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: overloaded-too }] }
  - { name: limited-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: one-a-minute }, { name: backup }] }
  - { name: split, task_type: llm/v1/chat, destinations: [{ name: backup, traffic_percentage: 100 }] }
`.replace('endpoints:', `endpoints:${endpoint('overloaded-too', 'down')}`),
    { logger: capture.logger },
  );
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

let requestCount = 0;

/** Sends a chat request and returns its status and its audit line. */
async function call(path: string, body: Record<string, unknown> = {}): Promise<{ status: number; line: LogLine }> {
  const requestId = `route-audit-${(requestCount += 1)}`;
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
  await response.text();
  const line = await waitForLogLine(lines, (candidate) => candidate.request_id === requestId && candidate.msg === 'request');
  return { status: response.status, line };
}

test('a FALLBACK route that moved past a failing destination: its line names the failure, then the destination that answered', async () => {
  for (const [path, body] of [
    ['/gateway/with-backup/invocations', {}],
    ['/v1/chat/completions', { model: 'with-backup' }],
    ['/gateway/with-backup/invocations', { stream: true }],
  ] as const) {
    const { status, line } = await call(path, body);
    expect(status).toBe(200);
    expect(line).toMatchObject({ called: 'with-backup', endpoint: 'backup', status: 200, routing_strategy: 'FALLBACK' });
    expect(line.attempts).toEqual([
      { endpoint: 'overloaded', status: 502, code: 'upstream_error' },
      { endpoint: 'backup', status: 200 },
    ]);
  }
});

test('a FALLBACK route whose destinations all failed lists each failure', async () => {
  const { status, line } = await call('/gateway/all-down/invocations');
  expect(status).toBe(502);
  expect(line).toMatchObject({ called: 'all-down', routing_strategy: 'FALLBACK', status: 502 });
  expect(line.attempts).toEqual([
    { endpoint: 'overloaded', status: 502, code: 'upstream_error' },
    { endpoint: 'overloaded-too', status: 502, code: 'upstream_error' },
  ]);
});

test("a destination at its rate limit is an attempt too, with the limiter's 429", async () => {
  await call('/gateway/limited-then-backup/invocations');
  const { status, line } = await call('/gateway/limited-then-backup/invocations');
  expect(status).toBe(200);
  expect(line.attempts).toEqual([
    { endpoint: 'one-a-minute', status: 429, code: 'rate_limit_exceeded' },
    { endpoint: 'backup', status: 200 },
  ]);
});

test('a TRAFFIC_SPLIT route names its strategy and the destination it drew', async () => {
  const { line } = await call('/gateway/split/invocations');
  expect(line).toMatchObject({ called: 'split', endpoint: 'backup', routing_strategy: 'TRAFFIC_SPLIT', attempts: [{ endpoint: 'backup', status: 200 }] });
});

test('a route call refused before any destination was tried has an empty list of attempts', async () => {
  const { status, line } = await call('/gateway/with-backup/invocations', { model: 'not-allowed-on-mlflow-routes' });
  expect(status).toBe(422);
  expect(line).toMatchObject({ called: 'with-backup', endpoint: null, status: 422, routing_strategy: 'FALLBACK', attempts: [] });
});

test("a plain endpoint's line has no route fields", async () => {
  const { line } = await call('/endpoints/backup/invocations');
  expect(line).toMatchObject({ called: 'backup', endpoint: 'backup', status: 200 });
  expect(Object.keys(line)).not.toContain('routing_strategy');
  expect(Object.keys(line)).not.toContain('attempts');
});
