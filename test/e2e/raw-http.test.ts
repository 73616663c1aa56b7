/**
 * HTTP sent byte for byte (node:net, so no client tidies it up): pipelined requests followed by
 * bytes the parser refuses, data after `Connection: close`, malformed headers on each route family,
 * a transfer coding node does not undo.
 * Every request the gateway read gets its own answer, in order; the refusal comes last, as JSON in
 * the route family's shape; the audit log says what each client was told. Each case is sent on the
 * fast path (exact path) and through Express (trailing slash): both must answer alike.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';
import { leastCpuMillisecondsUntilSettled } from '../support/timeouts';

const config = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo, config: { latency_ms: 30 } }
`;

const log = captureLog();
let gateway: RunningGateway;
let port: number;
beforeAll(async () => {
  gateway = await startGateway(config, { logger: log.logger });
  port = Number(new URL(gateway.url).port);
});
afterAll(() => gateway.close());

/** Writes `text` in one piece and reads everything until the gateway closes the connection. */
function exchange(text: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (data: Buffer) => (received += data.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

/** The status lines and bodies of the answers in `text`, in order (each answer has a Content-Length or is chunked). */
function answersIn(text: string): { status: number; body: string }[] {
  const answers: { status: number; body: string }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, headEnd);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
    rest = rest.slice(headEnd + 4);
    const length = /\r\ncontent-length: (\d+)/i.exec(head);
    if (length) {
      const bytes = Buffer.from(rest);
      answers.push({ status, body: bytes.subarray(0, Number(length[1])).toString() });
      rest = bytes.subarray(Number(length[1])).toString();
    } else {
      const end = rest.indexOf('\r\n0\r\n\r\n') + 7;
      answers.push({ status, body: rest.slice(0, end) });
      rest = rest.slice(end);
    }
  }
  return answers;
}

function post(path: string, body: unknown, headers = ''): string {
  const text = JSON.stringify(body);
  return `POST ${path} HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n${headers}Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

const chat = (content: string) => ({ messages: [{ role: 'user', content }] });
const openaiChat = (content: string) => ({ model: 'chat', ...chat(content) });

/** The audit lines written from now on, once `count` of them are there (or the deadline passes). */
async function auditLinesAfter(start: number, count: number): Promise<{ status: number; path: string; error?: { code: string; message: string } }[]> {
  const deadline = Date.now() + 5_000;
  const audit = () => log.lines.slice(start).map((line) => JSON.parse(line)).filter((line) => line.msg === 'request' || line.msg === 'request aborted by the client');
  while (audit().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return audit();
}

const NOT_HTTP_MLFLOW = { detail: 'the request is not valid HTTP' };
const NOT_HTTP_OPENAI = { error: { message: 'the request is not valid HTTP', type: 'invalid_request_error', param: null, code: 'bad_http_request' } };

describe.each([
  ['the fast path', ''],
  ['Express', '/'],
])('on %s', (_path, suffix) => {
  const mlflowPath = `/endpoints/chat/invocations${suffix}`;
  const openaiPath = `/v1/chat/completions${suffix}`;

  test('a request followed by bytes that are not HTTP is answered first; the 400 comes after it, and the connection closes', async () => {
    const start = log.lines.length;
    const answers = answersIn(await exchange(`${post(mlflowPath, chat('first'))}${post(mlflowPath, chat('second'))}NOT HTTP AT ALL\r\n\r\n`));
    expect(answers.map(({ status }) => status)).toEqual([200, 200, 400]);
    expect(JSON.parse(answers[0].body).choices[0].message.content).toBe('Echo: first');
    expect(JSON.parse(answers[1].body).choices[0].message.content).toBe('Echo: second');
    expect(JSON.parse(answers[2].body)).toEqual(NOT_HTTP_MLFLOW);
    // The refused bytes have an audit line too (no request object: the request line before them names it).
    expect((await auditLinesAfter(start, 3)).map(({ status }) => status).sort()).toEqual([200, 200, 400]);
  });

  test('a body longer than its Content-Length: the request is answered, then the extra bytes get a 400 in the route\'s shape', async () => {
    const answers = answersIn(await exchange(`${post(openaiPath, openaiChat('counted'))}, "extra": true}`));
    expect(answers.map(({ status }) => status)).toEqual([200, 400]);
    expect(JSON.parse(answers[0].body).choices[0].message.content).toBe('Echo: counted');
    expect(JSON.parse(answers[1].body)).toEqual(NOT_HTTP_OPENAI);
  });

  test('a pipelined stream is sent whole to [DONE] before the refusal of the malformed request behind it', async () => {
    const stream = post(mlflowPath, { ...chat('streamed words'), stream: true });
    // The refused request is a /v1 one: its answer has OpenAI's shape, whatever came before it.
    const twoLengths = `POST ${openaiPath} HTTP/1.1\r\nHost: gateway\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`;
    const answers = answersIn(await exchange(`${stream}${twoLengths}`));
    expect(answers.map(({ status }) => status)).toEqual([200, 400]);
    expect(answers[0].body).toContain('data: [DONE]');
    expect(JSON.parse(answers[1].body)).toEqual(NOT_HTTP_OPENAI);
  });

  test('after a request with Connection: close, what follows is not read (RFC 9112, 9.6): that request gets its real answer', async () => {
    const start = log.lines.length;
    const text = await exchange(`${post(openaiPath, openaiChat('one'))}${post(openaiPath, openaiChat('last'), 'Connection: close\r\n')}${post(openaiPath, openaiChat('ignored'))}`);
    const answers = answersIn(text);
    expect(answers.map(({ status }) => status)).toEqual([200, 200]);
    expect(JSON.parse(answers[1].body).choices[0].message.content).toBe('Echo: last');
    expect(text).toMatch(/\r\nConnection: close\r\n/);
    expect((await auditLinesAfter(start, 2)).map(({ status }) => status)).toEqual([200, 200]);
  });

  test('headers node refuses (two Content-Lengths, Transfer-Encoding with Content-Length, a control character) get the 400 in the route family\'s shape', async () => {
    const body = JSON.stringify(openaiChat('x'));
    const malformed = [
      `Content-Length: ${body.length}\r\nContent-Length: 1`,
      `Content-Length: ${body.length}\r\nTransfer-Encoding: chunked`,
      `Content-Length: ${body.length}\r\nX-Note: a\u0001b`,
    ];
    for (const headers of malformed) {
      for (const [path, expected] of [[openaiPath, NOT_HTTP_OPENAI], [mlflowPath, NOT_HTTP_MLFLOW], [`http://gateway${openaiPath}`, NOT_HTTP_OPENAI]] as const) {
        const answers = answersIn(await exchange(`POST ${path} HTTP/1.1\r\nHost: gateway\r\n${headers}\r\n\r\n${body}`));
        expect(answers.map((answer) => ({ status: answer.status, body: JSON.parse(answer.body) }))).toEqual([{ status: 400, body: expected }]);
      }
    }
  });

  test('headers over the size limit are a 431 in the route family\'s shape, with an audit line', async () => {
    const start = log.lines.length;
    const answers = answersIn(await exchange(`POST ${openaiPath} HTTP/1.1\r\nHost: gateway\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`));
    expect(answers.map((answer) => ({ status: answer.status, body: JSON.parse(answer.body) }))).toEqual([
      { status: 431, body: { error: { message: 'the request headers are too large', type: 'invalid_request_error', param: null, code: 'headers_too_large' } } },
    ]);
    const [line] = await auditLinesAfter(start, 1);
    expect(line).toMatchObject({ method: 'POST', path: openaiPath, route: 'unmatched', status: 431, error: { code: 'headers_too_large', message: 'the request headers are too large' } });
  });

  test('a transfer coding other than chunked (gzip, chunked) is a 415 naming Transfer-Encoding, in the route family\'s shape; the next request on the connection is read', async () => {
    const request = (path: string, codings: string, body: Buffer, headers = '') =>
      Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\nHost: gateway\r\n${headers}Transfer-Encoding: ${codings}\r\n\r\n${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const message = 'Transfer-Encoding "gzip, chunked" is not supported: the gateway takes only chunked (or no Transfer-Encoding); send a compressed body with Content-Encoding instead';
    const gzipped = gzipSync(JSON.stringify(openaiChat('squeezed')));
    const plain = Buffer.from(JSON.stringify(openaiChat('plain')));
    for (const [path, expected] of [
      [openaiPath, { error: { message, type: 'invalid_request_error', param: null, code: 'unsupported_transfer_encoding' } }],
      [mlflowPath, { detail: message }],
    ] as const) {
      const start = log.lines.length;
      const answers = answersIn(await exchange(Buffer.concat([request(path, 'gzip, chunked', gzipped), request(openaiPath, 'Chunked', plain, 'Connection: close\r\n')])));
      expect(answers.map((answer) => ({ status: answer.status, body: JSON.parse(answer.body) }))).toEqual([
        { status: 415, body: expected },
        { status: 200, body: expect.objectContaining({ choices: [expect.objectContaining({ message: expect.objectContaining({ content: 'Echo: plain' }) })] }) },
      ]);
      const [refused] = await auditLinesAfter(start, 2);
      expect({ status: refused.status, error: refused.error }).toEqual({ status: 415, error: { code: 'unsupported_transfer_encoding', message } });
    }
  });

  test('a chunked body with a bad chunk size: the audit line gives the error the client was sent', async () => {
    const start = log.lines.length;
    const answers = answersIn(await exchange(`POST ${openaiPath} HTTP/1.1\r\nHost: gateway\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`));
    expect(answers.map((answer) => ({ status: answer.status, body: JSON.parse(answer.body) }))).toEqual([{ status: 400, body: NOT_HTTP_OPENAI }]);
    const [line] = await auditLinesAfter(start, 1);
    expect({ status: line.status, error: line.error?.message }).toEqual({ status: 400, error: 'the request is not valid HTTP' });
  });
});

test('bytes that are not HTTP at all get an audit line and count in the metrics: no method or path to name, a new request id', async () => {
  const counted = async () => sample(await (await fetch(`${gateway.url}/metrics`)).text(), 'gateway_requests_total', { route: 'unmatched', endpoint: '', provider: '', status: '400' }) ?? 0;
  const before = await counted();
  const start = log.lines.length;
  const answers = answersIn(await exchange('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 a TLS hello\r\n\r\n'));
  expect(answers.map(({ status, body }) => ({ status, body: JSON.parse(body) }))).toEqual([{ status: 400, body: NOT_HTTP_MLFLOW }]);
  const [line] = await auditLinesAfter(start, 1);
  expect(line).toMatchObject({ method: '_OTHER', path: '', route: 'unmatched', status: 400, error: { code: 'bad_http_request', message: 'the request is not valid HTTP' } });
  expect((line as unknown as { request_id: string }).request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(await counted()).toBe(before + 1);
});

test('a 64 KB packet of one long capital "method" and one long "target" is refused at once, not after seconds of the event loop', async () => {
  // Searching it for the request line to log once took 30 s here (quadratic), /health waiting all along; now a few ms.
  // The gateway runs in this process: its CPU time, which waiting for the CPU on a loaded machine does
  // not add to. About 80 ms here; the quadratic search took 1.9 s of it (Node 20), 10 to 30 s before.
  const took = await leastCpuMillisecondsUntilSettled(async () => {
    const answers = answersIn(await exchange(`${'A'.repeat(32_000)} ${'x'.repeat(32_000)}`));
    const health = await fetch(`${gateway.url}/health`);
    expect({ answers: answers.map(({ status, body }) => ({ status, body: JSON.parse(body) })), health: health.status }).toEqual({ answers: [{ status: 400, body: NOT_HTTP_MLFLOW }], health: 200 });
  }, 1_000);
  expect(took).toBeLessThan(1_000);
});

test('a CONNECT (a client that takes the gateway for its proxy) is a 405 with a JSON body and an audit line, not a connection closed without a word', async () => {
  const start = log.lines.length;
  const message = 'Method not allowed: CONNECT (the gateway is not a proxy: send requests to its routes)';
  const asProxy = answersIn(await exchange('CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n'));
  const onRoute = answersIn(await exchange('CONNECT /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\n\r\n'));
  expect([...asProxy, ...onRoute].map(({ status, body }) => ({ status, body: JSON.parse(body) }))).toEqual([
    { status: 405, body: { detail: message } },
    { status: 405, body: { error: { message, type: 'invalid_request_error', param: null, code: 'method_not_allowed' } } },
  ]);
  const lines = await auditLinesAfter(start, 2);
  expect(lines.map((line) => ({ path: line.path, status: line.status, error: line.error?.code }))).toEqual([
    { path: 'api.openai.com:443', status: 405, error: 'method_not_allowed' },
    { path: '/v1/chat/completions', status: 405, error: 'method_not_allowed' },
  ]);
});

test("a CONNECT client that keeps its side of the connection open after the 405 does not keep the gateway's server from closing (node hands the socket over, outside its timeouts and shutdown)", async () => {
  const own = await startGateway(config);
  const socket = connect({ port: Number(new URL(own.url).port), host: '127.0.0.1', allowHalfOpen: true });
  try {
    let received = '';
    const answered = new Promise<void>((resolve) =>
      socket.on('data', (data: Buffer) => {
        received += data.toString('utf8');
        if (received.endsWith('}')) resolve();
      }),
    );
    socket.write('CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n');
    await answered;
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([own.close().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)))]);
    // Cleared: the 5 s wait would otherwise outlive the file and keep its jest worker from exiting.
    clearTimeout(timer);
    expect({ status: answersIn(received)[0].status, closed }).toEqual({ status: 405, closed: true });
  } finally {
    socket.destroy();
  }
});
