/**
 * Edges of the HTTP surface, over real HTTP: names outside Latin-1, client errors raised by the
 * body parser or the router (4xx, never 500), methods and OPTIONS, `//v1` paths, MLflow's request
 * defaults and body checks that clients depend on, and the served spec.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { startGateway, type RunningGateway } from '../support/gateway';

const CONFIG = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: mock-chat } }
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: mock } }
  - { name: "日本語", endpoint_type: llm/v1/chat, model: { provider: mock, name: jp } }
`;

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(CONFIG);
});
afterAll(() => gateway.close());

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body instanceof Uint8Array || typeof body === 'string' ? body : JSON.stringify(body) });

const CHAT = { messages: [{ role: 'user', content: 'hi' }] };

test('an endpoint named outside Latin-1 answers on both route families; x-gateway-endpoint carries the name percent-encoded', async () => {
  const answer = await post(`/endpoints/${encodeURIComponent('日本語')}/invocations`, CHAT);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('x-gateway-endpoint')).toBe('%E6%97%A5%E6%9C%AC%E8%AA%9E');
  expect(decodeURIComponent(answer.headers.get('x-gateway-endpoint')!)).toBe('日本語');
  expect((await post('/endpoints/chat/invocations', CHAT)).headers.get('x-gateway-endpoint')).toBe('chat');
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const completion = await openai.chat.completions.create({ model: '日本語', messages: [{ role: 'user', content: 'hi' }] });
  expect(completion.choices[0].message.content).toBe('Echo: hi');
});

test('client errors from the body parser and the router are 4xx naming the problem, on both route families', async () => {
  const notGzip = await post('/endpoints/chat/invocations', JSON.stringify(CHAT), { 'content-encoding': 'gzip' });
  expect(notGzip.status).toBe(400);
  expect(notGzip.json()).toEqual({ detail: 'the request body could not be decompressed as its Content-Encoding says (Z_DATA_ERROR)' });
  const openaiNotGzip = await post('/v1/chat/completions', JSON.stringify({ model: 'chat', ...CHAT }), { 'content-encoding': 'gzip' });
  expect(openaiNotGzip.status).toBe(400);
  expect(openaiNotGzip.json().error).toMatchObject({ type: 'invalid_request_error', code: 'bad_request' });
  expect((await post('/endpoints/chat/invocations', gzipSync(JSON.stringify(CHAT)), { 'content-encoding': 'gzip' })).status).toBe(200);
  const notBrotli = await post('/v1/chat/completions', JSON.stringify({ model: 'chat', ...CHAT }), { 'content-encoding': 'br' });
  expect(notBrotli.status).toBe(400);
  expect(notBrotli.json().error.message).toMatch(/^the request body could not be decompressed as its Content-Encoding says \(ERR__ERROR_FORMAT_[A-Z_0-9]+\)$/);
  expect((await post('/endpoints/chat/invocations', brotliCompressSync(JSON.stringify(CHAT)), { 'content-encoding': 'br' })).status).toBe(200);
  const badEscape = await post('/endpoints/%ZZ/invocations', CHAT);
  expect(badEscape.status).toBe(400);
  expect(badEscape.json().detail).toContain('%ZZ');
  expect((await call('/v1/models/%ZZ')).status).toBe(400);
  const repeated = await call('/api/2.0/endpoints/?page_token=a&page_token=b');
  expect(repeated.status).toBe(400);
  expect(repeated.json().detail).toMatch(/^page_token: /);
});

test('a path parameter that does not decode as UTF-8 is a 400 naming the parameter, on both route families', async () => {
  const rule = "' in the URL path does not decode as percent-encoded UTF-8";
  expect((await call('/v1/responses/resp_%FF')).json().error).toEqual({ message: `response_id: 'resp_%FF${rule}`, type: 'invalid_request_error', param: 'response_id', code: 'invalid_value' });
  expect((await call('/v1/responses/%ED%A0%80/input_items?limit=2', { method: 'GET' })).json().error).toMatchObject({ param: 'response_id', message: `response_id: '%ED%A0%80${rule}` });
  expect((await call('/v1/models/%ZZ')).json().error).toMatchObject({ param: 'model', message: `model: '%ZZ${rule}` });
  const mlflow = await post('/endpoints/%E6%97%A5%E6%9C/invocations', CHAT);
  expect({ status: mlflow.status, body: mlflow.json() }).toEqual({ status: 400, body: { detail: `name: '%E6%97%A5%E6%9C${rule}` } });
  // The spec's other routes (checked by the OpenAPI validator first) and MLflow's unlisted limits routes.
  for (const [path, named] of [
    ['/api/2.0/endpoints/%E2%82', "name: '%E2%82"],
    ['/api/2.0/gateway/routes/%ZZ', "name: '%ZZ"],
    ['/api/3.0/gateway/endpoint/%FF', "name: '%FF"],
    ['/api/2.0/gateway/limits/%ZZ', "endpoint: '%ZZ"],
  ]) {
    const answer = await call(path);
    expect({ path, status: answer.status, body: answer.json() }).toEqual({ path, status: 400, body: { detail: `${named}${rule}` } });
  }
});

test('a wrong method is a 405 with Allow, in the route family\'s shape; OPTIONS names the methods', async () => {
  const openai = await call('/v1/models', { method: 'POST' });
  expect(openai.status).toBe(405);
  expect(openai.headers.get('allow')).toBe('GET, HEAD');
  expect(openai.json().error).toMatchObject({ code: 'method_not_allowed', type: 'invalid_request_error' });
  expect((await call('/gateway/chat/invocations')).json()).toEqual({ detail: 'Method Not Allowed' });
  for (const path of ['/health', '/metrics', '/openapi.json', '/api/2.0/endpoints/chat']) {
    const options = await call(path, { method: 'OPTIONS' });
    expect({ path, status: options.status, allow: options.headers.get('allow') }).toEqual({ path, status: 200, allow: 'GET, HEAD' });
  }
  expect((await call('/v1/chat/completions', { method: 'OPTIONS' })).headers.get('allow')).toBe('POST');
});

test('a body sent with a GET is ignored, as by MLflow: a probe or list call still answers', async () => {
  // fetch refuses a GET with a body; node:http sends one.
  const withBody = (path: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}${path}`, { method: 'GET', headers: { 'content-type': 'application/json', 'content-length': 8 } }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (part: string) => (text += part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      request.end('not json');
    });
  expect(await withBody('/health')).toEqual({ status: 200, text: '{"status":"OK"}' });
  const list = await withBody('/api/2.0/endpoints/');
  expect(list.status).toBe(200);
  expect(JSON.parse(list.text).endpoints.map((endpoint: { name: string }) => endpoint.name)).toEqual(['chat', 'embeddings', '日本語']);
});

test('/v1 paths in another letter case (which Express routes to the /v1 routes) answer errors in OpenAI\'s shape', async () => {
  const body = { model: 'missing', ...CHAT };
  const [upper, lower] = [await post('/V1/chat/completions', body), await post('/v1/chat/completions', body)];
  expect(upper.status).toBe(404);
  expect(upper.json()).toEqual(lower.json());
  expect(upper.json().error).toMatchObject({ type: 'not_found_error', param: 'model' });
});

test('//v1 paths (a base URL ending in a slash, joined to /v1) answer in OpenAI\'s shape, naming the empty segment; //endpoints as MLflow', async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}//v1`, apiKey: 'unused', maxRetries: 0 });
  const caught = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
  expect(caught).toBeInstanceOf(OpenAI.NotFoundError);
  const error = caught as InstanceType<typeof OpenAI.NotFoundError>;
  expect({ message: error.message, type: error.type, code: error.code }).toEqual({
    message: "404 Unknown route: POST '//v1/chat/completions' (the path has an empty segment '//': check the client's base URL)",
    type: 'not_found_error',
    code: 'not_found',
  });
  await expect(openai.models.list()).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  const mlflow = await post('//endpoints/chat/invocations', CHAT);
  expect({ status: mlflow.status, body: mlflow.json() }).toEqual({ status: 404, body: { detail: 'Not Found' } });
});

test('MLflow\'s request defaults: a tool call without type (or with null arguments) is a function call', async () => {
  const history = {
    messages: [
      { role: 'user', content: 'What time is it?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', function: { name: 'get_time', arguments: null } }] },
      { role: 'tool', tool_call_id: 'c1', content: '10:42' },
    ],
  };
  expect((await post('/endpoints/chat/invocations', history)).status).toBe(200);
  const nameless = await post('/endpoints/chat/invocations', { messages: [{ role: 'assistant', tool_calls: [{ id: 'c1', function: {} }] }] });
  expect(nameless.status).toBe(422);
  expect(nameless.text).toContain('messages[0].tool_calls[0].function.name');
});

test('set_limits checks its body as MLflow does (422) before answering 501', async () => {
  const empty = await post('/api/2.0/endpoints/limits/', {});
  expect(empty.status).toBe(422);
  expect(empty.json().detail).toEqual([
    { type: 'missing', loc: ['body', 'route'], msg: 'Field required' },
    { type: 'missing', loc: ['body', 'limits'], msg: 'Field required' },
  ]);
  expect((await post('/api/2.0/gateway/limits/', { route: 'chat', limits: ['x'] })).status).toBe(422);
  expect((await post('/api/2.0/gateway/limits/', { route: 'chat', limits: [{ calls: 1, renewal_period: 'minute' }] })).status).toBe(501);
});

test('set_limits refuses a body that is not a JSON object (a list, a string, a number, null) as the other MLflow routes do, not as an empty object', async () => {
  const refusal = { status: 422, answer: { detail: [{ type: 'model_type', loc: ['body'], msg: 'Input should be a valid dictionary' }], message: 'the request body must be a JSON object' } };
  for (const path of ['/api/2.0/endpoints/limits/', '/api/2.0/gateway/limits/']) {
    for (const body of ['[{"route":"chat","limits":[]}]', '"chat"', '42', 'null']) {
      const answer = await post(path, body);
      expect({ path, body, status: answer.status, answer: answer.json() }).toEqual({ path, body, ...refusal });
      const invocation = await post('/endpoints/chat/invocations', body);
      expect({ body, status: invocation.status, answer: invocation.json() }).toEqual({ body, ...refusal });
    }
  }
});

test('the served spec has no stray keys (a comma in an unquoted YAML description once made one)', async () => {
  const spec = (await call('/openapi.json')).json();
  const stray: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (value === null && key.includes(' ')) stray.push(`${path}.${key}`);
      walk(value, `${path}.${key}`);
    }
  };
  walk(spec, '');
  expect(stray).toEqual([]);
});

test('an Expect header other than 100-continue is a 417 with a JSON body in the route family\'s shape (Node answered with an empty body)', async () => {
  const send = (path: string) =>
    new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', expect: 'something-else' } }, (response) => {
        let text = '';
        response.on('data', (part: Buffer) => (text += part.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], text }));
      });
      request.on('error', reject);
      request.end(JSON.stringify(CHAT));
    });
  const message = "the Expect header is not supported: only 'Expect: 100-continue' is";
  const mlflow = await send('/endpoints/chat/invocations');
  expect({ status: mlflow.status, type: mlflow.type, body: JSON.parse(mlflow.text || 'null') }).toEqual({ status: 417, type: 'application/json; charset=utf-8', body: { detail: message } });
  const openai = await send('/v1/chat/completions');
  expect({ status: openai.status, body: JSON.parse(openai.text || 'null') }).toEqual({
    status: 417,
    body: { error: { message, type: 'invalid_request_error', param: null, code: 'expectation_failed' } },
  });
});

test('embeddings token ids with a float among them: the 400 (422 on MLflow routes) names that item and the rule', async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const refusal = await openai.embeddings.create({ model: 'embeddings', input: [1, 1.5] }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(OpenAI.BadRequestError);
  expect((refusal as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({ message: 'input[1]: must be integer', type: 'invalid_request_error', param: 'input[1]', code: 'invalid_body' });
  const mlflow = await post('/endpoints/embeddings/invocations', { input: [[1, 2], [3, 4.5]] });
  expect({ status: mlflow.status, message: mlflow.json().message }).toEqual({ status: 422, message: 'input[1][1]: must be integer' });
});

test('a number beyond a 64-bit float (1e999, which JSON.parse reads as Infinity and JSON.stringify writes as null) is refused naming the field, not sent on as null', async () => {
  const rule = 'max_tokens: must be a finite number (got a number beyond the range of a 64-bit float, such as 1e999)';
  const mlflow = await post('/endpoints/chat/invocations', '{"messages":[{"role":"user","content":"hi"}],"max_tokens":1e999}');
  expect({ status: mlflow.status, message: mlflow.json().message }).toEqual({ status: 422, message: rule });
  const openai = await post('/v1/chat/completions', '{"model":"chat","messages":[{"role":"user","content":"hi"}],"max_tokens":1e999}');
  expect({ status: openai.status, error: openai.json().error }).toEqual({ status: 400, error: { message: rule, type: 'invalid_request_error', param: 'max_tokens', code: 'invalid_body' } });
  const tokens = await post('/v1/embeddings', '{"model":"embeddings","input":[[1,-1e999]]}');
  expect({ status: tokens.status, param: tokens.json().error.param }).toEqual({ status: 400, param: 'input[0][1]' });
});

/** Sends `head` (a request line and headers, without the blank line) and `body` byte for byte; the answer's status and JSON body. */
function sendRaw(head: string, body: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1', () => socket.write(`${head}\r\nHost: x\r\nConnection: close\r\n\r\n${body}`));
    socket.on('data', (data: Buffer) => (text += data.toString()));
    socket.on('end', () => {
      const [answerHead, answerBody] = text.split('\r\n\r\n');
      resolve({ status: Number(answerHead.split(' ')[1]), body: JSON.parse(answerBody) });
    });
    socket.on('error', reject);
  });
}

test('an empty body (none, Content-Length: 0 or an empty chunked body) is one refusal saying so on every POST route: 400 on /v1, 422 as MLflow\'s elsewhere', async () => {
  const message = 'the request body is empty: it must be a JSON object';
  const openai = { status: 400, body: { error: { message, type: 'invalid_request_error', param: null, code: 'invalid_body' } } };
  // MLflow's FastAPI reads any empty body as a missing one.
  const mlflow = { status: 422, body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required' }], message } };
  const routes: [string, unknown][] = [
    ...['/v1/chat/completions', '/v1/completions', '/v1/embeddings', '/v1/responses'].map((path): [string, unknown] => [path, openai]),
    ...['/endpoints/chat/invocations', '/gateway/embeddings/invocations', '/api/2.0/endpoints/limits/', '/api/2.0/gateway/limits/'].map((path): [string, unknown] => [path, mlflow]),
  ];
  const bodies: [string, string, string][] = [
    ['none', '', ''],
    ['Content-Length: 0', '\r\nContent-Length: 0', ''],
    ['chunked', '\r\nTransfer-Encoding: chunked', '0\r\n\r\n'],
  ];
  for (const [path, expected] of routes) {
    for (const [kind, header, body] of bodies) {
      const answer = await sendRaw(`POST ${path} HTTP/1.1\r\nContent-Type: application/json${header}`, body);
      expect({ path, kind, answer }).toEqual({ path, kind, answer: expected });
    }
  }
});
