/**
 * `Expect: 100-continue` (curl sends it for large bodies, .NET's HttpClient and Java's HTTP clients
 * when told to): the client waits for `100 Continue` before its body. The key and the declared length
 * are checked first, so a wrong key or a body over server.max_body_size hears its 401 or 413 without
 * uploading anything; a request that passes gets the 100, then its answer.
 */
import { connect, type Socket } from 'node:net';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const config = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
auth:
  api_keys:
    - { name: tests, key: right-key }
server:
  max_body_size: 1kb
`;

const log = captureLog();
let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(config, { logger: log.logger });
});
afterAll(() => gateway.close());

/** A client that sends its headers with `Expect: 100-continue` and waits, as curl does, keeping all it receives. */
function expectContinue(path: string, headers: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1', () =>
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n${headers}\r\n`, () => resolve({ socket, received: () => text, closed })),
    );
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (data: Buffer) => (text += data.toString()));
    socket.on('error', reject);
  });
}

/** The last answer to a client that never sent its body, once the connection closes (or after 3 s), and the status lines of all it received. */
async function answerWithoutBody(path: string, headers: string): Promise<{ status: number; connection: string | undefined; body: unknown; closed: boolean; statusLines: string[] }> {
  const client = await expectContinue(path, headers);
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([client.closed.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 3_000)))]);
  // Cleared: the 3 s wait would otherwise outlive the file and keep its jest worker from exiting.
  clearTimeout(timer);
  client.socket.destroy();
  const text = client.received();
  const [head, body] = text.slice(text.lastIndexOf('HTTP/1.1 ')).split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), connection: /\r\nconnection: ([^\r]*)/i.exec(head)?.[1], body: JSON.parse(body), closed, statusLines: text.match(/HTTP\/1\.1 \d+/g) ?? [] };
}

const CHAT = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'after the 100' }] });

test.each([
  ['/v1/chat/completions', { error: { message: 'The API key is not valid for this gateway.', type: 'authentication_error', param: null, code: 'invalid_api_key' } }],
  ['/endpoints/chat/invocations', { detail: 'The API key is not valid for this gateway.' }],
])('a wrong key on %s hears its 401 before any 100 Continue, so it sends no body; the connection closes', async (path, expected) => {
  const start = log.lines.length;
  const answer = await answerWithoutBody(path, `Authorization: Bearer wrong-key\r\nContent-Length: ${CHAT.length}\r\n`);
  expect(answer).toEqual({ status: 401, connection: 'close', body: expected, closed: true, statusLines: ['HTTP/1.1 401'] });
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 401, { from: start });
  expect(line).toMatchObject({ path, error: { code: 'invalid_api_key' } });
});

test.each([
  ['/v1/chat/completions', { error: { message: 'the request body is too large (the limit is 1024 bytes: server.max_body_size)', type: 'invalid_request_error', param: null, code: 'body_too_large' } }],
  ['/endpoints/chat/invocations', { detail: 'the request body is too large (the limit is 1024 bytes: server.max_body_size)' }],
])('a declared length over server.max_body_size on %s hears its 413 before any 100 Continue', async (path, expected) => {
  const answer = await answerWithoutBody(path, 'Authorization: Bearer right-key\r\nContent-Length: 1000000000\r\n');
  expect(answer).toEqual({ status: 413, connection: 'close', body: expected, closed: true, statusLines: ['HTTP/1.1 413'] });
});

/** Waits until what `client` received passes `check`. */
async function until(client: { received: () => string }, check: (text: string) => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 5_000; !check(client.received()); ) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 5 s; received: ${JSON.stringify(client.received())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a request that passes the checks gets 100 Continue, then its answer on a connection kept alive', async () => {
  const client = await expectContinue('/v1/chat/completions', `Authorization: Bearer right-key\r\nContent-Length: ${CHAT.length}\r\n`);
  try {
    await until(client, (text) => text.includes('\r\n\r\n'), '100 Continue');
    expect(client.received()).toBe('HTTP/1.1 100 Continue\r\n\r\n');
    client.socket.write(CHAT);
    const whole = (text: string) => {
      const [, head, body] = text.split('\r\n\r\n');
      return body !== undefined && Buffer.byteLength(body) >= Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    };
    await until(client, whole, 'whole answer');
    const [, head, body] = client.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toMatch(/\r\nConnection: keep-alive\r\n/i);
    expect(JSON.parse(body).choices[0].message.content).toBe('Echo: after the 100');
  } finally {
    client.socket.destroy();
  }
});
