/**
 * The warning lines a failing request causes besides its audit line (`upstream failure`, its own
 * wording for a rate-limit store that refused it, and
 * `endpoint failed; falling back to the next destination` on a FALLBACK route): what they quote of
 * the provider is bounded as in the audit line, so that every line a log service receives stays
 * within what it accepts; and their `path` is the request's path, as in the audit line.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { closeLimitBackends } from '../../src/limits/limiter';
import { responseStoreOfProcess } from '../../src/response-store';
import { freePort } from '../support/cli';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

/** An upstream's 500 message of 20,000 characters (a vendor echoing the prompt, a stack trace). */
const LONG_ERROR = `Internal failure: ${'this part of the message is long. '.repeat(600)}`.slice(0, 20_000);
const upstreamError = (endpoint: string) => `Upstream error from endpoint '${endpoint}' (status 500): ${LONG_ERROR}`;
/** A message as every log line holds it: its first 8 KB, and how much more there was. */
const bounded = (message: string) => `${message.slice(0, 8192)}… (${message.length - 8192} more characters)`;

/** The first event of a stream, then a dropped connection. */
const FIRST_EVENT = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] })}\n\n`;

function serve(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream !== true) return sendJson(response, 500, { error: { message: LONG_ERROR, type: 'server_error' } });
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(FIRST_EVENT);
  setTimeout(() => response.socket?.destroy(), 20);
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let lines: string[];

beforeAll(async () => {
  upstream = await startFakeUpstream(serve);
  const capture = captureLog();
  lines = capture.lines;
  const endpoint = (name: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-warning-lines, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 1 }`;
  gateway = await startGateway(
    `endpoints:${endpoint('primary')}${endpoint('backup')}
routes:
  - { name: chat, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: primary }, { name: backup }] }
`,
    { logger: capture.logger },
  );
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

test('an upstream message of 20,000 characters is logged up to 8 KB in the warnings as in the audit line; the client gets it whole', async () => {
  const response = await fetch(`${gateway.url}/gateway/chat/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'long-upstream-message' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
  });
  expect(response.status).toBe(502);
  expect(((await response.json()) as { detail: string }).detail).toBe(upstreamError('backup'));
  await waitForLogLine(lines, (line) => line.msg === 'request');
  const ofRequest = lines.map((text) => JSON.parse(text) as LogLine).filter((line) => line.request_id === 'long-upstream-message');
  const messages = (msg: string) => ofRequest.filter((line) => line.msg === msg).map((line) => line.message);
  expect(messages('endpoint failed; falling back to the next destination')).toEqual([bounded(upstreamError('primary'))]);
  expect(messages('upstream failure')).toEqual([bounded(upstreamError('backup'))]);
  expect(ofRequest.find((line) => line.msg === 'request')?.error).toEqual({ code: 'upstream_error', message: bounded(upstreamError('backup')) });
});

test('the warning of a stream that fails after its first chunk names the path the request came on, as its audit line and every other warning do', async () => {
  for (const [path, body] of [
    ['/endpoints/primary/invocations', { stream: true }],
    ['/v1/chat/completions', { model: 'primary', stream: true }],
  ] as const) {
    const requestId = `stream-cut-${path.split('/')[1]}`;
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('event: error');
    const audit = await waitForLogLine(lines, (line) => line.request_id === requestId && line.msg === 'request');
    const warning = lines.map((text) => JSON.parse(text) as LogLine).find((line) => line.request_id === requestId && line.msg === 'upstream failure');
    expect([audit.path, warning?.path]).toEqual([path, path]);
  }
});

test('a request refused because the rate-limit store is away (on_error: closed) is logged as that, not as an upstream failure', async () => {
  const capture = captureLog();
  // Nothing listens there: every store command fails at once (no offline queue).
  const storeUrl = `redis://127.0.0.1:${await freePort()}`;
  const closed = await startGateway(
    `rate_limit_store: { type: redis, url: "${storeUrl}", on_error: closed, timeout_ms: 1000 }
endpoints:
  - name: limited
    endpoint_type: llm/v1/chat
    model: { provider: mock }
    limit: { calls: 5, renewal_period: minute }
`,
    { logger: capture.logger },
  );
  try {
    const response = await fetch(`${closed.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'store-away' },
      body: JSON.stringify({ model: 'limited', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(503);
    await response.arrayBuffer();
    await waitForLogLine(capture.lines, (line) => line.request_id === 'store-away' && line.msg === 'request');
    const warnings = capture.lines.map((text) => JSON.parse(text) as LogLine).filter((line) => line.request_id === 'store-away' && line.level === 40);
    expect(warnings.map(({ msg, path, status, code }) => ({ msg, path, status, code }))).toEqual([
      { msg: 'request refused: the rate-limit store was unavailable', path: '/v1/chat/completions', status: 503, code: 'rate_limit_store_unavailable' },
    ]);
  } finally {
    await closed.close();
    await closeLimitBackends();
  }
});

test('a request refused because the response store did not answer is logged as that, not as an upstream failure', async () => {
  const capture = captureLog();
  const storeGateway = await startGateway('endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n', { logger: capture.logger });
  // In-process, the gateway's store is this process's: its reads fail as a cluster primary's past its timeout.
  const get = jest.spyOn(responseStoreOfProcess(), 'get').mockRejectedValue(new Error('the cluster primary did not answer a response-store get within 1000 ms'));
  try {
    const response = await fetch(`${storeGateway.url}/v1/responses/resp_store_away`, { headers: { 'x-request-id': 'response-store-away' } });
    expect(response.status).toBe(503);
    await response.arrayBuffer();
    await waitForLogLine(capture.lines, (line) => line.request_id === 'response-store-away' && line.msg === 'request');
    const warnings = capture.lines.map((text) => JSON.parse(text) as LogLine).filter((line) => line.request_id === 'response-store-away' && line.level === 40);
    expect(warnings.map(({ msg, status, code }) => ({ msg, status, code }))).toEqual([
      { msg: 'request refused: the response store was unavailable', status: 503, code: 'response_store_unavailable' },
    ]);
  } finally {
    get.mockRestore();
    await storeGateway.close();
  }
});
