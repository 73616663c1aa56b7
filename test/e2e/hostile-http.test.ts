/**
 * Requests a buggy or hostile client sends byte for byte (node:net), which node or body-parser
 * would answer late or wrongly: a body over the size limit that is slow to arrive or never ends,
 * more than a thousand header lines, an HTTP/1.1 request without Host.
 * Each gets its real answer at once, and the gateway keeps serving.
 */
import { connect, type Socket } from 'node:net';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

// request_timeout far above what the tests wait: a 408 from it would come too late to pass.
const config = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
server:
  max_body_size: 1kb
  request_timeout: 30
  headers_timeout: 5
`;

const log = captureLog();
let gateway: RunningGateway;
let port: number;
beforeAll(async () => {
  gateway = await startGateway(config, { logger: log.logger });
  port = Number(new URL(gateway.url).port);
});
afterAll(() => gateway.close());

/** Opens a connection and writes `text`; the socket stays open, as a client still sending would keep it. */
function send(text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text, () => resolve(socket)));
    socket.on('error', reject);
  });
}

/** The first whole answer on `socket` (it has a Content-Length): status and JSON body. */
function firstAnswer(socket: Socket): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (data: Buffer) => {
      text += data.toString();
      const [head, body] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
      if (body !== undefined && Buffer.byteLength(body) >= length) resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body.slice(0, length)) });
    });
    socket.on('close', () => reject(new Error(`the connection closed before a whole answer; received: ${JSON.stringify(text)}`)));
  });
}

const TOO_LARGE_OPENAI = { error: { message: 'the request body is too large (the limit is 1024 bytes: server.max_body_size)', type: 'invalid_request_error', param: null, code: 'body_too_large' } };
const TOO_LARGE_MLFLOW = { detail: 'the request body is too large (the limit is 1024 bytes: server.max_body_size)' };

async function stillServing(): Promise<void> {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'still here' }] }) });
  expect(response.status).toBe(200);
}

describe('a body over server.max_body_size is a 413 before it has all arrived, not a 408 at request_timeout', () => {
  test.each([
    ['/v1/chat/completions', 'application/json', TOO_LARGE_OPENAI],
    ['/endpoints/chat/invocations', 'application/json; charset=utf-8', TOO_LARGE_MLFLOW],
  ])('declared larger (Content-Length of a 1 GB upload) on %s, sent as %s', async (path, type, expected) => {
    const socket = await send(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: 1000000000\r\n\r\n{"messages": [`);
    try {
      expect(await firstAnswer(socket)).toEqual({ status: 413, body: expected });
    } finally {
      socket.destroy();
    }
    await stillServing();
  });

  test('chunked, passing the limit and never ending', async () => {
    const chunk = `{"model": "chat", "messages": [{"role": "user", "content": "${'x'.repeat(2000)}`;
    const socket = await send(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    try {
      expect(await firstAnswer(socket)).toEqual({ status: 413, body: TOO_LARGE_OPENAI });
    } finally {
      socket.destroy();
    }
    await stillServing();
  });
});

test('a client still sending at server.request_timeout after its 413 has the connection closed, with no second answer or audit line', async () => {
  const quick = await startGateway(config.replace('request_timeout: 30', 'request_timeout: 1').replace('headers_timeout: 5', 'headers_timeout: 1'), { logger: log.logger });
  const start = log.lines.length;
  try {
    const received = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(new URL(quick.url).port), '127.0.0.1', () => socket.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{"messages": [`));
      socket.on('data', (data: Buffer) => (text += data.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    // The 413, then nothing: a raw 408 written after it answered the same request twice.
    expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413']);
    await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 413, { from: start });
    expect(log.lines.slice(start).filter((line) => (JSON.parse(line) as { msg: string }).msg === 'request')).toHaveLength(1);
  } finally {
    await quick.close();
  }
});

test('every header line is read, however many: a Content-Length after 1,500 others still frames the body the gateway reads', async () => {
  const body = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'many headers' }] });
  const padding = Array.from({ length: 1500 }, (_, index) => `X-${index % 10}: 1\r\n`).join('');
  const socket = await send(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n${padding}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  try {
    expect(await firstAnswer(socket)).toMatchObject({ status: 200, body: { choices: [{ message: { content: 'Echo: many headers' } }] } });
  } finally {
    socket.destroy();
  }
});

test.each([
  ['/v1/chat/completions', { error: { message: 'the request has no Host header, which HTTP/1.1 requires (RFC 9112, section 3.2)', type: 'invalid_request_error', param: null, code: 'bad_http_request' } }],
  ['/endpoints/chat/invocations', { detail: 'the request has no Host header, which HTTP/1.1 requires (RFC 9112, section 3.2)' }],
])('an HTTP/1.1 request without Host to %s is a 400 with a JSON body and an audit line (node answered a bare 400, logged nowhere)', async (path, expected) => {
  const start = log.lines.length;
  const body = JSON.stringify({ ...(path.startsWith('/v1/') ? { model: 'chat' } : {}), messages: [{ role: 'user', content: 'no host' }] });
  const socket = await send(`POST ${path} HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  try {
    expect(await firstAnswer(socket)).toEqual({ status: 400, body: expected });
  } finally {
    socket.destroy();
  }
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 400, { from: start });
  expect(line).toMatchObject({ method: 'POST', path, error: { code: 'bad_http_request' } });
  // HTTP/1.0 has no Host header to require.
  const old = await send(`POST ${path} HTTP/1.0\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  try {
    expect(await firstAnswer(old)).toMatchObject({ status: 200 });
  } finally {
    old.destroy();
  }
});

test.each([
  ['/v1/chat/completions', { error: { message: "the Expect header is not supported: only 'Expect: 100-continue' is", type: 'invalid_request_error', param: null, code: 'expectation_failed' } }],
  ['/endpoints/chat/invocations', { detail: "the Expect header is not supported: only 'Expect: 100-continue' is" }],
])('an Expect other than 100-continue to %s is a 417 with a JSON body and an audit line (node answered it, logged nowhere)', async (path, expected) => {
  const start = log.lines.length;
  const body = JSON.stringify({ ...(path.startsWith('/v1/') ? { model: 'chat' } : {}), messages: [{ role: 'user', content: 'odd expect' }] });
  const socket = await send(`POST ${path} HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  try {
    expect(await firstAnswer(socket)).toEqual({ status: 417, body: expected });
  } finally {
    socket.destroy();
  }
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 417, { from: start });
  expect(line).toMatchObject({ method: 'POST', path, error: { code: 'expectation_failed' } });
  // What node takes for 100-continue, in any case and beside other expectations, is served.
  const continued = await send(`POST ${path} HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  try {
    // After its interim `100 Continue`.
    const statuses: string[] = [];
    await new Promise<void>((resolve) =>
      continued.on('data', (data: Buffer) => {
        statuses.push(...[...data.toString().matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => match[1]));
        if (statuses.length === 2) resolve();
      }),
    );
    expect(statuses).toEqual(['100', '200']);
  } finally {
    continued.destroy();
  }
});
