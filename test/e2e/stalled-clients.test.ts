/**
 * Clients that stop reading or leave at an awkward moment, over real HTTP: a stream whose client
 * stopped reading still ends at the endpoint's total timeout (the upstream call is aborted and the
 * connection let go), and a client that leaves while its key's limit is being checked is never
 * called for upstream and leaves nothing in flight.
 */
import type { Server, ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { closeLimitBackends } from '../../src/limits/limiter';
import { createApp } from '../../src/server/app';
import { createGatewayServer } from '../../src/server/http-server';
import { endRequestsInFlight } from '../../src/server/in-flight';
import { silentLogger, type Logger } from '../../src/server/logging';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { captureLog, waitForLogLine } from '../support/log-capture';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds; fails the test if it still does not after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
  }
}

let upstream: FakeUpstream;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The gateway on 127.0.0.1:0, keeping every response it creates. */
async function gatewayKeepingResponses(yaml: string, logger: Logger = silentLogger): Promise<{ port: number; responses: ServerResponse[] }> {
  const path = '/virtual/stalled.yaml';
  const plan = compilePlan(parseConfigText(yaml, path, { env: {} }), path, { logger });
  const app = createApp({ plan }, { logger });
  const responses: ServerResponse[] = [];
  const server: Server = createGatewayServer((request, response) => {
    responses.push(response);
    app(request, response);
  }, plan.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, responses };
}

/** Sends a chat request on a raw socket, which then reads nothing. */
async function chatFromSocket(port: number, headers: Record<string, string>, stream: boolean): Promise<Socket> {
  const body = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...(stream && { stream: true }) });
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const lines = Object.entries({ ...headers, 'Content-Type': 'application/json', 'Content-Length': String(body.length) }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`POST /endpoints/chat/invocations HTTP/1.1\r\nHost: x\r\n${lines.join('')}\r\n${body}`);
  socket.pause();
  closers.push(async () => socket.destroy());
  return socket;
}

const chatEndpoint = (upstreamUrl: string, timeouts: string) => `
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test-key-123456, openai_api_base: "${upstreamUrl}/v1" } }
    timeouts: ${timeouts}
    retries: { max_attempts: 1 }`;

/** An upstream that streams `event(n)` for n = 0, 1, … as fast as its client reads, never ending. */
function startEndlessStream(event: (n: number) => string): Promise<FakeUpstream> {
  return startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let n = 0;
    const pump = () => {
      while (!response.destroyed && response.write(event(n++)));
    };
    response.on('drain', pump);
    pump();
  });
}

test('a stream whose client stopped reading ends at the total timeout: the upstream call is aborted and the connection let go', async () => {
  const event = (n: number) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: `${n} ${'y'.repeat(2000)}` }, finish_reason: null }] })}\n\n`;
  upstream = await startEndlessStream(event);
  closers.push(() => upstream.close());
  // first_byte and idle far longer than the test waits: only the total timeout can end this stream.
  const { port, responses } = await gatewayKeepingResponses(`endpoints:${chatEndpoint(upstream.url, '{ first_byte: 60, idle: 60, total: 1 }')}\n`);
  await chatFromSocket(port, {}, true);
  while (upstream.closed.length === 0) await sleep(10);
  let upstreamClosed = false;
  void upstream.closed[0].then(() => (upstreamClosed = true));

  // The total timeout is 1 s; then the error event goes into the unread buffer and, a second later, the connection is closed.
  await until(() => upstreamClosed && responses[0].destroyed, 15_000);
  expect(upstreamClosed).toBe(true);
  expect(responses[0].headersSent).toBe(true);
  expect(responses[0].writableEnded).toBe(true);
  expect(responses[0].destroyed).toBe(true);
});

test("a stream of several prompts whose client stopped reading ends at a prompt's total timeout too", async () => {
  const event = (n: number) => `data: ${JSON.stringify({ id: 'c', object: 'text_completion', created: 1, model: 'm', choices: [{ index: 0, text: `${n} ${'y'.repeat(2000)}`, finish_reason: null }] })}\n\n`;
  upstream = await startEndlessStream(event);
  closers.push(() => upstream.close());
  // Together AI takes one prompt a call (OpenAI's API or Azure OpenAI would get both in one).
  const { port, responses } = await gatewayKeepingResponses(`
endpoints:
  - name: completions
    endpoint_type: llm/v1/completions
    model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: tg-test-key-123456, togetherai_api_base: "${upstream.url}/v1", max_tokens: 16 } }
    timeouts: { first_byte: 60, idle: 60, total: 1 }
    retries: { max_attempts: 1 }
`);
  const body = JSON.stringify({ model: 'completions', prompt: ['first', 'second'], stream: true });
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  socket.pause();
  closers.push(async () => socket.destroy());
  await until(() => upstream.closed.length === 2, 10_000);
  let upstreamClosed = 0;
  for (const closed of upstream.closed) void closed.then(() => (upstreamClosed += 1));

  // Both calls end at their total timeout (1 s); then the error event goes into the unread buffer and the connection is closed.
  await until(() => upstreamClosed === 2 && responses[0].destroyed, 15_000);
  expect(responses[0].headersSent).toBe(true);
  expect(responses[0].writableEnded).toBe(true);
});

test('a client that leaves while its key limit is checked is not called for upstream, and nothing stays in flight', async () => {
  // A "Redis" that accepts connections and never answers: each limit check waits its full timeout.
  const held: Socket[] = [];
  const blackhole: TcpServer = createTcpServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    held.forEach((socket) => socket.destroy());
    return new Promise((resolve) => blackhole.close(resolve));
  });
  upstream = await startFakeUpstream(() => undefined);
  closers.push(() => upstream.close());
  closers.push(() => closeLimitBackends());
  const { lines, logger } = captureLog();
  const { port } = await gatewayKeepingResponses(`
rate_limit_store: { type: redis, url: "redis://127.0.0.1:${(blackhole.address() as AddressInfo).port}", on_error: open, timeout_ms: 2000 }
endpoints:${chatEndpoint(upstream.url, '{ first_byte: 3, total: 60 }')}
auth:
  api_keys:
    - { name: app, key: gw-key-abcdefgh, limit: { calls: 100, renewal_period: minute } }
`, logger);
  const socket = await chatFromSocket(port, { Authorization: 'Bearer gw-key-abcdefgh' }, false);
  // The limit check has begun once the store connects to the "Redis".
  await until(() => held.length > 0, 10_000);
  socket.destroy();
  // The check gives up 2 s after it began (on_error: open lets the request on), by when its client is gone.
  await waitForLogLine(lines, (line) => line.msg.startsWith('rate-limit store unavailable'), { timeoutMs: 15_000 });
  expect(endRequestsInFlight(1_000)).toBe(0);
  // A later request, let on at once now, reaches the upstream; one the gateway sent for the gone client would have come first.
  const later = new AbortController();
  const laterContent = 'after the check gave up';
  void fetch(`http://127.0.0.1:${port}/endpoints/chat/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer gw-key-abcdefgh' },
    body: JSON.stringify({ messages: [{ role: 'user', content: laterContent }] }),
    signal: later.signal,
  }).catch(() => undefined);
  closers.push(async () => later.abort());
  await until(() => upstream.requests.length > 0, 10_000);
  expect(upstream.requests.map((request) => (request.body as { messages: { content: string }[] }).messages[0].content)).toEqual([laterContent]);
});
