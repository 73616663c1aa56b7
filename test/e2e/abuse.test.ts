/**
 * Bad input never hurts the gateway: oversized bodies, deep nesting, huge arrays, invalid UTF-8,
 * odd content types, slow clients (slowloris) and a thousand concurrent streams each get a clear
 * answer, and the gateway keeps serving.
 */
import { connect, type Socket } from 'node:net';
import zlib, { gzipSync } from 'node:zlib';
import OpenAI, { APIError } from 'openai';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine, waitForLogLines, type LogLine } from '../support/log-capture';

const endpoints = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
  - name: slow-chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo, config: { latency_ms: 20 } }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mock, name: embed }
`;
const config = `${endpoints}
server:
  max_body_size: 256kb
  max_json_depth: 32
  max_json_keys: 100
  request_timeout: 1.5
  headers_timeout: 0.5
  keep_alive_timeout: 2
`;

/** The codings body-parser inflates on this Node: zstd from Node 22.15 on. */
const acceptedEncodings = 'createZstdDecompress' in zlib ? 'gzip, deflate, br, zstd' : 'gzip, deflate, br';

const log = captureLog();
let gateway: RunningGateway;
let port: number;
beforeAll(async () => {
  gateway = await startGateway(config, { logger: log.logger });
  port = Number(new URL(gateway.url).port);
});
afterAll(() => gateway.close());

async function post(path: string, body: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'application/json' }, url = gateway.url) {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

async function stillServing(): Promise<void> {
  const answer = await post('/endpoints/chat/invocations', JSON.stringify({ messages: [{ role: 'user', content: 'still here' }] }));
  expect(answer.status).toBe(200);
  expect(answer.json().choices[0].message.content).toBe('Echo: still here');
}

afterEach(stillServing);

describe('body size', () => {
  test('a body over server.max_body_size is a 413 with a JSON message, in both shapes', async () => {
    const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(300 * 1024) }] });
    const mlflow = await post('/endpoints/chat/invocations', big);
    expect(mlflow.status).toBe(413);
    expect(mlflow.json()).toEqual({ detail: 'the request body is too large (the limit is 262144 bytes: server.max_body_size)' });
    const openai = await post('/v1/chat/completions', big);
    expect(openai.status).toBe(413);
    expect(openai.json().error).toMatchObject({ type: 'invalid_request_error', code: 'body_too_large' });
  });

  test('a gzip body is measured after inflating it', async () => {
    const inflated = JSON.stringify({ messages: [{ role: 'user', content: 'a'.repeat(2 * 1024 * 1024) }] });
    const answer = await post('/endpoints/chat/invocations', gzipSync(inflated), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(answer.status).toBe(413);
  });
});

describe('nesting', () => {
  test.each([
    ['arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['objects', '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000)],
    ['unclosed', '['.repeat(200_000)],
  ])('deeply nested %s are refused before parsing, without a stack overflow', async (_kind, body) => {
    const mlflow = await post('/endpoints/chat/invocations', body);
    expect(mlflow.status).toBe(422);
    expect(mlflow.json().detail).toBe('the request body nests arrays and objects deeper than 32 levels (server.max_json_depth)');
    const openai = await post('/v1/chat/completions', body);
    expect(openai.status).toBe(400);
  });

  test('brackets inside strings do not count, and nesting within the limit is fine', async () => {
    const answer = await post('/endpoints/chat/invocations', JSON.stringify({ messages: [{ role: 'user', content: '[[[[{{{{'.repeat(1000) }], tools_extra: [[[[[[1]]]]]] }));
    expect(answer.status).toBe(200);
  });
});

describe('keys per object', () => {
  /** A chat request whose object at `where` has `keys` keys in all. */
  const withKeys = (keys: number, where: 'top' | 'message' | 'tool schema') => {
    const extra = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, index]));
    if (where === 'top') return JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...extra(keys - 1) });
    if (where === 'message') return JSON.stringify({ messages: [{ role: 'user', content: 'hi', ...extra(keys - 2) }] });
    const properties = Object.fromEntries(Array.from({ length: keys }, (_, index) => [`p${index}`, { type: 'string' }]));
    return JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties } } }] });
  };

  test.each(['top', 'message', 'tool schema'] as const)('an object with more keys than server.max_json_keys (%s) is refused before parsing, in both shapes', async (where) => {
    const mlflow = await post('/endpoints/chat/invocations', withKeys(101, where));
    expect(mlflow.status).toBe(422);
    expect(mlflow.json().detail).toBe('the request body has an object with more than 100 keys (server.max_json_keys)');
    const openai = await post('/v1/chat/completions', withKeys(101, where));
    expect(openai.status).toBe(400);
    expect(openai.json().error).toMatchObject({ type: 'invalid_request_error', message: 'the request body has an object with more than 100 keys (server.max_json_keys)' });
  });

  test('so is a gzip body (read by body-parser), once inflated', async () => {
    const answer = await post('/endpoints/chat/invocations', gzipSync(withKeys(101, 'top')), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(answer.status).toBe(422);
    expect(answer.json().detail).toMatch(/more than 100 keys/);
  });

  test('an object with as many keys as the limit goes on to the checks of the request', async () => {
    const answer = await post('/endpoints/chat/invocations', withKeys(100, 'tool schema'));
    expect(answer.status).toBe(200);
  });
});

describe('huge arrays', () => {
  test.each([
    ['messages of numbers', () => JSON.stringify({ messages: Array(100_000).fill(1) })],
    ['content parts with a wrong tag', () => JSON.stringify({ messages: [{ role: 'user', content: Array(10_000).fill({ type: 'nope', text: 1 }) }] })],
    ['a valid prefix and one bad item at the end', () => JSON.stringify({ messages: [...Array(7_000).fill({ role: 'user', content: 'x' }), { role: 'user', content: 1 }] })],
  ])('%s: a quick 422 naming the first bad field, with at most 100 issues', async (_kind, body) => {
    // Quick in processor time (the gateway runs in this process), which a loaded machine does not
    // stretch as it does time on the clock: a report built from every bad item would take minutes.
    const started = process.cpuUsage();
    const answer = await post('/endpoints/chat/invocations', body());
    const { user, system } = process.cpuUsage(started);
    expect(answer.status).toBe(422);
    expect(answer.json().message).toMatch(/^messages\[\d+\]/);
    expect(answer.json().detail.length).toBeLessThanOrEqual(100);
    expect((user + system) / 1000).toBeLessThan(2_000);
  });

  test('a large valid array is served', async () => {
    const answer = await post('/endpoints/embeddings/invocations', JSON.stringify({ input: Array(5_000).fill('word') }));
    expect(answer.status).toBe(200);
    expect(answer.json().data).toHaveLength(5_000);
  });
});

describe('encodings and content types', () => {
  test('invalid UTF-8 is read with replacement characters, never a 5xx', async () => {
    const prefix = Buffer.from('{"messages":[{"role":"user","content":"bad ');
    const suffix = Buffer.from('"}]}');
    const answer = await post('/endpoints/chat/invocations', Buffer.concat([prefix, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), suffix]));
    expect(answer.status).toBe(200);
    expect(answer.json().choices[0].message.content).toContain('\ufffd');
  });

  test('any content type is read as JSON, like MLflow (curl -d sends form-encoded)', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/vnd.api+json']) {
      expect((await post('/endpoints/chat/invocations', body, { 'content-type': type })).status).toBe(200);
    }
  });

  test('a body that is not JSON is a clear 422 / 400 whatever its content type', async () => {
    const form = await post('/endpoints/chat/invocations', 'messages=hello&role=user', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(422);
    expect(form.json().message).toMatch(/^the request body is not valid JSON/);
    const multipart = await post('/v1/chat/completions', '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--', {
      'content-type': 'multipart/form-data; boundary=boundary',
    });
    expect(multipart.status).toBe(400);
    expect(multipart.json().error.message).toMatch(/^the request body is not valid JSON/);
  });

  test('valid JSON that is not an object (a string, a number, null, a list) is refused as not an object, never as invalid JSON', async () => {
    const headers = { 'content-type': 'application/json' };
    for (const body of ['"hello"', '42', 'null', 'true', '[{"role":"user","content":"hi"}]']) {
      const mlflow = await post('/endpoints/chat/invocations', body, headers);
      expect({ body, status: mlflow.status, answer: mlflow.json() }).toEqual({
        body,
        status: 422,
        answer: { detail: [{ type: 'model_type', loc: ['body'], msg: 'Input should be a valid dictionary' }], message: 'the request body must be a JSON object' },
      });
      // Compressed: the same body through body-parser rather than the plain-body reader.
      const compressed = await post('/v1/chat/completions', gzipSync(body), { ...headers, 'content-encoding': 'gzip' });
      expect({ body, status: compressed.status, error: compressed.json().error }).toEqual({
        body,
        status: 400,
        error: { message: 'the request body must be a JSON object', type: 'invalid_request_error', param: null, code: 'invalid_body' },
      });
    }
  });

  test('the official OpenAI client sending an unsupported charset or content encodings gets the 415 naming the header, the value and what is taken', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const ask = (headers: Record<string, string>) =>
      client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] }, { headers }).then(
        () => null,
        (error: unknown) => error,
      );
    const latin = await ask({ 'content-type': 'application/json; charset=ISO-8859-1' });
    expect(latin).toBeInstanceOf(APIError);
    expect(latin).toMatchObject({
      status: 415,
      code: 'unsupported_charset',
      error: { message: 'Content-Type charset "iso-8859-1" is not supported: the gateway takes utf-8 (or no charset parameter), utf-16 or utf-32' },
    });
    const twoCodings = await ask({ 'content-encoding': 'gzip, br' });
    expect(twoCodings).toMatchObject({
      status: 415,
      code: 'unsupported_content_encoding',
      error: { message: `Content-Encoding "gzip, br" is not supported: the gateway takes ${acceptedEncodings} or identity (one coding), or no Content-Encoding` },
    });
    // A long value is quoted by its first 40 characters.
    const long = await ask({ 'content-encoding': `x-${'a'.repeat(300)}` });
    expect(long).toMatchObject({ status: 415, error: { message: expect.stringMatching(new RegExp(`^Content-Encoding "x-${'a'.repeat(38)}…" is not supported: `)) } });
  });

  test('an unsupported charset or content encoding is a 415 with a snake_case code, in the /v1 body and both families\' audit lines', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] });
    const charsetHeaders = { 'content-type': 'application/json; charset=klingon' };
    const encodingHeaders = { 'content-type': 'application/json', 'content-encoding': 'zstd-ish' };
    const charsetMessage = 'Content-Type charset "klingon" is not supported: the gateway takes utf-8 (or no charset parameter), utf-16 or utf-32';
    const encodingMessage = `Content-Encoding "zstd-ish" is not supported: the gateway takes ${acceptedEncodings} or identity (one coding), or no Content-Encoding`;
    for (const [headers, message, code] of [
      [charsetHeaders, charsetMessage, 'unsupported_charset'],
      [encodingHeaders, encodingMessage, 'unsupported_content_encoding'],
    ] as const) {
      const start = log.lines.length;
      const mlflow = await post('/endpoints/chat/invocations', body, headers);
      const openai = await post('/v1/chat/completions', body, headers);
      expect({ mlflow: [mlflow.status, mlflow.json()], openai: [openai.status, openai.json()] }).toEqual({
        mlflow: [415, { detail: message }],
        openai: [415, { error: { message, type: 'invalid_request_error', param: null, code } }],
      });
      const lines = await waitForLogLines(log.lines, (entry) => entry.msg === 'request' && entry.status === 415, 2, { from: start });
      expect(lines.map((line) => [line.path, line.error])).toEqual([
        ['/endpoints/chat/invocations', { code, message }],
        ['/v1/chat/completions', { code, message }],
      ]);
    }
  });
});

describe('slow clients', () => {
  function openSocket(to = port): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(to, '127.0.0.1', () => resolve(socket));
      socket.on('error', reject);
    });
  }

  function answerOf(socket: Socket): Promise<{ text: string; elapsed: number }> {
    const started = Date.now();
    return new Promise((resolve) => {
      let text = '';
      socket.on('data', (data: Buffer) => (text += data.toString()));
      socket.on('close', () => resolve({ text, elapsed: Date.now() - started }));
    });
  }

  test('headers trickling in slower than headers_timeout get a 408 with a JSON body', async () => {
    const socket = await openSocket();
    const answer = answerOf(socket);
    socket.write('POST /endpoints/chat/invocations HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    const { text, elapsed } = await answer;
    clearInterval(timer);
    expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(text.split('\r\n\r\n')[1])).toEqual({ detail: 'the request was not received in time (server.request_timeout / server.headers_timeout)' });
    expect(elapsed).toBeLessThan(3_000);
    // No request object existed: the audit line comes from the server's refusal (node's parser keeps
    // no request line of headers still arriving, so neither method nor path is known).
    const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 408);
    expect(line).toMatchObject({ method: '_OTHER', path: '', route: 'unmatched', error: { code: 'request_timeout' } });
  });

  test('a connection that never sends a byte gets the 408 at headers_timeout, but no audit line: there was no request', async () => {
    const start = log.lines.length;
    const socket = await openSocket();
    const { text } = await answerOf(socket);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    // A request after it: its audit line is written after any the silent connection caused.
    await stillServing();
    await waitForLogLine(log.lines, (entry) => entry.msg === 'request' && entry.status === 200, { from: start });
    const lines = log.lines.slice(start).map((entry) => JSON.parse(entry) as LogLine);
    expect(lines.filter((entry) => entry.msg === 'request').map((entry) => entry.status)).toEqual([200]);
  });

  test('a body trickling in slower than request_timeout gets a 408 in the OpenAI shape on /v1', async () => {
    const socket = await openSocket();
    const answer = answerOf(socket);
    socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"model":"chat",');
    const timer = setInterval(() => socket.writable && socket.write(' '), 100);
    const { text, elapsed } = await answer;
    clearInterval(timer);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(text.split('\r\n\r\n')[1]).error.code).toBe('request_timeout');
    expect(elapsed).toBeLessThan(4_000);
  });

  /** The next whole response on a kept-alive socket (it has a Content-Length); a rejection if the connection closes first. */
  function nextResponse(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      const onClose = () => reject(new Error(`the connection closed before a whole response; received: ${JSON.stringify(text)}`));
      const onData = (data: Buffer) => {
        text += data.toString();
        const [head, body] = text.split('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
        if (body !== undefined && Buffer.byteLength(body) >= length) {
          socket.off('data', onData);
          socket.off('close', onClose);
          resolve(text);
        }
      };
      socket.on('data', onData);
      if (socket.destroyed) onClose();
      else socket.once('close', onClose);
    });
  }

  test('an idle keep-alive connection outlives the request timeouts and closes after keep_alive_timeout', async () => {
    // Its own gateway, whose request timeouts are far shorter than its keep_alive_timeout: a loaded
    // machine stalling for seconds cannot make the idle connection close before the second request.
    const idle = await startGateway(`${endpoints}\nserver: { request_timeout: 0.3, headers_timeout: 0.2, keep_alive_timeout: 3 }\n`);
    try {
      const socket = await openSocket(Number(new URL(idle.url).port));
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      const first = await nextResponse(socket);
      expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      // The setting reaches Node (its default would say 5).
      expect(first).toMatch(/\r\nKeep-Alive: timeout=3\r\n/);
      // Idle for twice request_timeout (0.3 s), more than headers_timeout (0.2 s): still open.
      await new Promise((resolve) => setTimeout(resolve, 600));
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await nextResponse(socket)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      const idleSince = Date.now();
      const idleFor = (await closed) - idleSince;
      // Not before keep_alive_timeout (Node closes it a second after), and not left open.
      expect(idleFor).toBeGreaterThanOrEqual(3_000);
      expect(idleFor).toBeLessThan(15_000);
    } finally {
      await idle.close();
    }
  });

  test('malformed HTTP is a 400 with a JSON body', async () => {
    const socket = await openSocket();
    const answer = answerOf(socket);
    socket.write('THIS IS NOT HTTP\r\n\r\n');
    const { text } = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(text.split('\r\n\r\n')[1]).detail).toBe('the request is not valid HTTP');
  });
});

test('a thousand concurrent streams are all served to [DONE] while /health keeps answering', async () => {
  // Its own gateway with the default timeouts: on a loaded machine a thousand connections can wait
  // longer for their headers to be read than the half second the tests above set.
  const roomy = await startGateway(endpoints);
  const streams = Array.from({ length: 1_000 }, (_, index) =>
    post('/endpoints/slow-chat/invocations', JSON.stringify({ messages: [{ role: 'user', content: `stream ${index} of many` }], stream: true }), undefined, roomy.url),
  );
  const health = await fetch(`${roomy.url}/health`);
  const answers = await Promise.all(streams).finally(() => roomy.close());
  expect(health.status).toBe(200);
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1_000);
  for (const [index, answer] of answers.entries()) {
    const events = parseSse(answer.text);
    expect(events.pop()).toEqual({ data: '[DONE]' });
    const text = events.map((event) => JSON.parse(event.data).choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe(`Echo: stream ${index} of many`);
  }
}, 60_000);
