/**
 * The audit log: one JSON line per request with its id, endpoint, provider, model, client, status,
 * latency and tokens; bodies only when switched on; and no secret anywhere in the log output, with
 * the CLI logging at debug and bodies on while real traffic (good, bad, failing) goes through.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import { freePort, runCli, waitForHealth } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { parseSse, startGateway } from '../support/gateway';
import { captureLog, waitForLogLine, waitForLogLines, type LogLine } from '../support/log-capture';

const PROVIDER_KEY = 'sk-proj-AUDIT-provider-key-7f3a9c';
const AZURE_KEY = 'azure-AUDIT-key-0c1d2e3f4a5b';
const CLIENT_KEY = 'gw-AUDIT-client-key-5e6f7a8b9c';
const WRONG_KEY = 'gw-AUDIT-wrong-key-1a2b3c4d5e';
/** An upstream's 400 message of 20,000 characters. */
const LONG_ERROR = `The request was refused: ${'this part of the message is long. '.repeat(600)}`.slice(0, 20_000);

function serveOpenAI(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { stream?: boolean; messages?: { content: string }[] };
  const prompt = body.messages?.[0]?.content ?? '';
  if (prompt === 'fail') return sendJson(response, 401, readJsonFixture('openai', 'error-401.json'));
  if (prompt === 'long error') return sendJson(response, 400, { error: { message: LONG_ERROR, type: 'invalid_request_error', param: null, code: null } });
  // A careless upstream echoing the credentials it got: the gateway must not pass them on.
  if (prompt === 'broken') return sendJson(response, 500, { error: { message: `upstream broke handling ${String(request.headers.authorization)}` } });
  if (body.stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(readFixture('openai', 'chat.stream.sse'));
    return;
  }
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

const config = (upstreamUrl: string, extra: string) => `
defaults:
  retries: { initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
  - name: azure
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o
      config:
        openai_api_type: azure
        openai_api_key: ${AZURE_KEY}
        openai_api_base: ${upstreamUrl}
        openai_deployment_name: prod
        openai_api_version: "2024-10-21"
  - name: echo
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
auth:
  api_keys:
    - { name: ci-runner, key: $CLIENT_KEY, endpoints: [chat, echo] }
${extra}`;

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAI);
});
afterAll(() => upstream.close());

const chatBody = (content: string) => ({ messages: [{ role: 'user', content }] });

describe('one line per request', () => {
  test('carries the request id, endpoint, provider, model, client, status, latency and tokens', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, ''), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}`, 'x-request-id': 'trace-123' },
        body: JSON.stringify(chatBody('hello')),
      });
      expect(response.headers.get('x-request-id')).toBe('trace-123');
      const usage = ((await response.json()) as { usage: Record<string, number> }).usage;
      const requests = await waitForLogLines(lines, (line) => line.msg === 'request', 1);
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        level: 30,
        request_id: 'trace-123',
        method: 'POST',
        path: '/endpoints/chat/invocations',
        route: '/endpoints/{name}/invocations',
        endpoint: 'chat',
        called: 'chat',
        provider: 'openai',
        model: 'gpt-4o-mini',
        client: 'ci-runner',
        stream: false,
        status: 200,
        retries: 0,
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        total_tokens: usage.total_tokens,
      });
      expect(requests[0].latency_ms).toEqual(expect.any(Number));
      expect(requests[0]).not.toHaveProperty('request_body');
    } finally {
      await gateway.close();
    }
  });

  test('streams log their first-chunk time and usage; errors their code; an insane request id is replaced', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, ''), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const openai = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
      const stream = await openai.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
      for await (const _chunk of stream) {
        // drain
      }
      const denied = await fetch(`${gateway.url}/endpoints/azure/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY, 'x-request-id': 'bad id with spaces' },
        body: JSON.stringify(chatBody('x')),
      });
      expect(denied.status).toBe(403);
      const generatedId = denied.headers.get('x-request-id');
      expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
      const requests = await waitForLogLines(lines, (line) => line.msg === 'request', 2);
      expect(requests).toHaveLength(2);
      expect(requests[0]).toMatchObject({ route: '/v1/chat/completions', endpoint: 'echo', provider: 'mock', stream: true, status: 200, total_tokens: 3 });
      expect(requests[0].first_chunk_ms).toEqual(expect.any(Number));
      expect(requests[1]).toMatchObject({ request_id: generatedId, status: 403, client: 'ci-runner', error: { code: 'endpoint_not_allowed' } });
    } finally {
      await gateway.close();
    }
  });

  test('a stream that fails before its first chunk is logged as a stream, on both route families', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, ''), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY }, body: JSON.stringify(body) }).then((r) => r.status);
      // The provider refused the gateway's key: MLflow's routes keep its 401, as MLflow does.
      expect(await post('/endpoints/chat/invocations', { ...chatBody('fail'), stream: true })).toBe(401);
      expect(await post('/v1/chat/completions', { model: 'chat', ...chatBody('fail'), stream: true })).toBe(502);
      const requests = await waitForLogLines(lines, (line) => line.msg === 'request', 2);
      expect(requests.map(({ stream, status, first_chunk_ms }) => ({ stream, status, first_chunk_ms }))).toEqual([
        { stream: true, status: 401, first_chunk_ms: null },
        { stream: true, status: 502, first_chunk_ms: null },
      ]);
    } finally {
      await gateway.close();
    }
  });

  test('logging.bodies adds the request and response bodies', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, 'logging: { bodies: true }'), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const response = await fetch(`${gateway.url}/endpoints/echo/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY },
        body: JSON.stringify(chatBody('logged words')),
      });
      const answer = await response.json();
      const line = await waitForLogLine(lines, (entry) => entry.msg === 'request');
      expect(line.request_body).toEqual(chatBody('logged words'));
      expect(line.response_body).toEqual(answer);
    } finally {
      await gateway.close();
    }
  });

  test('logging.bodies also logs the body of a request refused before any endpoint was called (invalid, a name the key may not call), on both route families', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, 'logging: { bodies: true }'), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY }, body: JSON.stringify(body) }).then((r) => r.status);
      const refused = [
        { path: '/endpoints/echo/invocations', body: { messages: [{ role: 'user', content: 'too hot' }], temperature: 9 } },
        { path: '/v1/chat/completions', body: { model: 'echo', messages: [{ role: 'user', content: 'too hot' }], temperature: 9 } },
        { path: '/v1/chat/completions', body: { model: 'missing', messages: [{ role: 'user', content: 'x' }] } },
        { path: '/endpoints/azure/invocations', body: chatBody('not this key') },
      ];
      const statuses = [];
      for (const { path, body } of refused) statuses.push(await post(path, body));
      expect(statuses).toEqual([422, 400, 403, 403]);
      const logged = await waitForLogLines(lines, (entry) => entry.msg === 'request', refused.length);
      expect(logged.map((entry) => entry.request_body)).toEqual(refused.map(({ body }) => body));
    } finally {
      await gateway.close();
    }
  });

  test('logging.max_body_size bounds each body: the start of a longer one, a stream\'s first chunks, with counts of the rest', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, 'logging: { bodies: true, max_body_size: 1kb }'), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const post = (body: unknown) =>
        fetch(`${gateway.url}/endpoints/echo/invocations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY }, body: JSON.stringify(body) });
      const long = chatBody(Array.from({ length: 400 }, (_, index) => `word${index}`).join(' '));
      const answer = await (await post(long)).json();
      const streamed = await (await post({ ...long, stream: true })).text();
      const sentChunks = parseSse(streamed).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data) as unknown);
      const [whole, stream] = await waitForLogLines(lines, (entry) => entry.msg === 'request', 2);

      expect(whole.request_body).toBe(JSON.stringify(long).slice(0, 1024));
      expect(whole.request_body_omitted_chars).toBe(JSON.stringify(long).length - 1024);
      expect(whole.response_body).toBe(JSON.stringify(answer).slice(0, 1024));
      expect(whole.response_body_omitted_chars).toBe(JSON.stringify(answer).length - 1024);

      // The chunks that fit in 1 KB together, as sent; the rest counted.
      const kept = stream.response_body as unknown[];
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(sentChunks.slice(0, kept.length));
      expect(kept.reduce((chars: number, chunk) => chars + JSON.stringify(chunk).length, 0)).toBeLessThanOrEqual(1024);
      expect(kept.reduce((chars: number, chunk) => chars + JSON.stringify(chunk).length, 0) + JSON.stringify(sentChunks[kept.length]).length).toBeGreaterThan(1024);
      expect(stream.response_body_omitted_chunks).toBe(sentChunks.length - kept.length);
      expect(stream).toMatchObject({ stream: true, status: 200 });
    } finally {
      await gateway.close();
    }
  });

  test('an upstream error message is logged up to 8 KB; the client gets it whole', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway(config(upstream.url, ''), { env: { OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY }, logger });
    try {
      const response = await fetch(`${gateway.url}/endpoints/chat/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY },
        body: JSON.stringify(chatBody('long error')),
      });
      expect(response.status).toBe(400);
      const { detail } = (await response.json()) as { detail: string };
      expect(detail).toBe(LONG_ERROR);
      const line = await waitForLogLine(lines, (entry) => entry.msg === 'request');
      expect((line.error as { message: string }).message).toBe(`${LONG_ERROR.slice(0, 8192)}… (${LONG_ERROR.length - 8192} more characters)`);
    } finally {
      await gateway.close();
    }
  });

  test('a /v1 model name of a megabyte is logged up to 8 KB as called, so the line stays within what log services accept', async () => {
    const { lines, logger } = captureLog();
    const gateway = await startGateway('endpoints:\n  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }\n', { logger });
    try {
      const model = 'm'.repeat(1_000_000);
      const response = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, ...chatBody('hi') }),
      });
      expect(response.status).toBe(404);
      expect((await waitForLogLine(lines, (entry) => entry.msg === 'request')).called).toBe(`${model.slice(0, 8192)}… (${model.length - 8192} more characters)`);
      expect(lines.find((text) => JSON.parse(text).msg === 'request')!.length).toBeLessThan(32 * 1024);
    } finally {
      await gateway.close();
    }
  });
});

test('requests refused before any endpoint (422, 403, 404, the key\'s 429) keep the route pattern and the name called, on the fast path and through Express alike', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(
    `
endpoints:
  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: other, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
auth:
  api_keys: [{ name: ci, key: gw-audit-client-key-123456, endpoints: [echo], limit: { calls: 1, renewal_period: minute } }]
`,
    { logger },
  );
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'gw-audit-client-key-123456' }, body: JSON.stringify(body) }).then((r) => r.status);
    const statuses = [
      await post('/endpoints/echo/invocations', { messages: 'not a list' }),
      await post('/endpoints/echo/invocations?trace=1', { messages: 'not a list' }),
      await post('/endpoints/other/invocations', { messages: [{ role: 'user', content: 'x' }] }),
      await post('/v1/chat/completions', { model: 'missing', messages: [{ role: 'user', content: 'x' }] }),
      await post('/endpoints/echo/invocations', { messages: [{ role: 'user', content: 'x' }] }),
      await post('/endpoints/echo/invocations', { messages: [{ role: 'user', content: 'x' }] }),
    ];
    expect(statuses).toEqual([422, 422, 403, 403, 200, 429]);
    const audit = (await waitForLogLines(lines, (line) => line.msg === 'request', statuses.length)).map(({ status, route, called }) => ({ status, route, called }));
    const mlflow = '/endpoints/{name}/invocations';
    expect(audit).toEqual([
      { status: 422, route: mlflow, called: 'echo' },
      { status: 422, route: mlflow, called: 'echo' },
      { status: 403, route: mlflow, called: 'other' },
      { status: 403, route: '/v1/chat/completions', called: 'missing' },
      { status: 200, route: mlflow, called: 'echo' },
      { status: 429, route: mlflow, called: 'echo' },
    ]);
  } finally {
    await gateway.close();
  }
});

test('a stream request refused before its first chunk (422, 400, 403, the key\'s 429) is logged stream: true, on both route families', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(
    `
endpoints:
  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: other, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: embed, endpoint_type: llm/v1/embeddings, model: { provider: mock, name: embed } }
auth:
  api_keys: [{ name: streams, key: gw-audit-stream-key-123456, endpoints: [echo, embed], limit: { calls: 2, renewal_period: minute } }]
`,
    { logger },
  );
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'gw-audit-stream-key-123456' }, body: JSON.stringify(body) }).then((r) => r.status);
    const messages = [{ role: 'user', content: 'x' }];
    const statuses = [
      await post('/endpoints/echo/invocations', { messages: 'not a list', stream: true }),
      await post('/v1/chat/completions', { model: 'echo', messages: 'not a list', stream: true }),
      await post('/endpoints/other/invocations', { messages, stream: true }),
      await post('/v1/chat/completions', { model: 'missing', messages, stream: true }),
      await post('/v1/completions', { model: 'echo', prompt: 'x', stream: true }),
      await post('/v1/embeddings', { model: 'embed', input: 'x', stream: true }),
      await post('/endpoints/echo/invocations', { messages, stream: true }),
      await post('/v1/chat/completions', { model: 'echo', messages, stream: true }),
      await post('/endpoints/echo/invocations', { messages: 'not a list' }),
    ];
    expect(statuses).toEqual([422, 400, 403, 403, 400, 200, 200, 429, 422]);
    const audit = (await waitForLogLines(lines, (line) => line.msg === 'request', statuses.length)).map(({ status, called, stream }) => ({ status, called, stream }));
    expect(audit).toEqual([
      { status: 422, called: 'echo', stream: true },
      { status: 400, called: 'echo', stream: true },
      { status: 403, called: 'other', stream: true },
      { status: 403, called: 'missing', stream: true },
      { status: 400, called: 'echo', stream: true },
      // For embeddings `stream` is only forwarded: no stream is asked for.
      { status: 200, called: 'embed', stream: false },
      { status: 200, called: 'echo', stream: true },
      { status: 429, called: 'echo', stream: true },
      { status: 422, called: 'echo', stream: false },
    ]);
  } finally {
    await gateway.close();
  }
});

test('requests refused before routing (401, an unreadable body, 413) are labelled with the route they asked for, on the fast path and through Express alike', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(
    `
endpoints:
  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
server: { max_body_size: 64 }
auth:
  api_keys: [{ name: ci, key: gw-audit-client-key-123456 }]
`,
    { logger },
  );
  try {
    const send = (method: string, path: string, body: string | undefined, key: string | null) =>
      fetch(`${gateway.url}${path}`, { method, headers: { 'content-type': 'application/json', ...(key && { 'x-api-key': key }) }, body }).then((r) => r.status);
    const key = 'gw-audit-client-key-123456';
    const statuses = [
      await send('POST', '/endpoints/echo/invocations', '{}', null),
      await send('POST', '/Endpoints/echo/Invocations/', '{}', null),
      await send('POST', '/v1/chat/completions', '{}', 'wrong-key'),
      await send('GET', '/api/2.0/endpoints/', undefined, null),
      await send('GET', '/api/2.0/endpoints/echo', undefined, null),
      await send('POST', '/endpoints/echo/invocations', '{"messages": [', key),
      await send('POST', '/v1/embeddings', `{"input": "${'x'.repeat(100)}"}`, key),
      await send('POST', '/no/such/route', '{}', null),
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 401, 422, 413, 401]);
    const routes = (await waitForLogLines(lines, (line) => line.msg === 'request', statuses.length)).map(({ route }) => route);
    const mlflow = '/endpoints/{name}/invocations';
    expect(routes).toEqual([mlflow, mlflow, '/v1/chat/completions', '/api/2.0/endpoints/', '/api/2.0/endpoints/{name}', mlflow, '/v1/embeddings', 'unmatched']);
  } finally {
    await gateway.close();
  }
});

test('the docs page and its assets are labelled /docs, not unmatched', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway('endpoints:\n  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }\n', { logger });
  try {
    const statuses = [];
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui.css']) {
      const response = await fetch(`${gateway.url}${path}`, { redirect: 'manual' });
      // Read whole: fetch stops reading a long answer nobody reads (the stylesheet), and its connection
      // then outlives the gateway's close and keeps the jest worker from exiting.
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([301, 200, 200]);
    const routes = (await waitForLogLines(lines, (line) => line.msg === 'request', statuses.length)).map(({ route }) => route);
    expect(routes).toEqual(['/docs', '/docs', '/docs']);
  } finally {
    await gateway.close();
  }
});

test('no secret reaches the log output: the CLI at debug with bodies on, under good and bad traffic', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-audit-'));
  const configPath = join(directory, 'gateway.yaml');
  writeFileSync(configPath, config(upstream.url, 'logging: { bodies: true }'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port)], { LOG_LEVEL: 'debug', OPENAI_KEY: PROVIDER_KEY, CLIENT_KEY });
  try {
    await waitForHealth(url, run);
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (response) => ({
        status: response.status,
        text: await response.text(),
      }));
    const good = { authorization: `Bearer ${CLIENT_KEY}` };
    const results = [
      await post('/endpoints/chat/invocations', chatBody('hello'), good),
      await post('/endpoints/chat/invocations', { ...chatBody('hello'), stream: true }, { 'x-api-key': CLIENT_KEY }),
      await post('/v1/chat/completions', { model: 'chat', ...chatBody('fail') }, good),
      await post('/v1/chat/completions', { model: 'chat', ...chatBody('broken') }, good),
      await post('/endpoints/chat/invocations', chatBody('hello'), { authorization: `Bearer ${WRONG_KEY}` }),
      await post('/endpoints/chat/invocations', chatBody('hello'), { 'x-api-key': WRONG_KEY }),
      await post('/endpoints/azure/invocations', chatBody('hello'), good),
      await post('/endpoints/chat/invocations', '{not json', good),
    ];
    expect(results.map((result) => result.status)).toEqual([200, 200, 502, 502, 401, 401, 403, 422]);
    for (const result of results) {
      for (const secret of [PROVIDER_KEY, AZURE_KEY, CLIENT_KEY, WRONG_KEY]) expect(result.text).not.toContain(secret);
    }
    // Audit lines are written in batches, at most 100 ms late (src/server/logging.ts).
    const requestLinesIn = (text: string) => text.split('\n').filter((line) => line.includes('"msg":"request"') && !line.includes('"path":"/health"'));
    for (let waited = 0; waited < 3000 && requestLinesIn(run.output()).length < results.length; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const output = run.output();
    expect(requestLinesIn(output)).toHaveLength(results.length);
    expect(output).toContain('"level":20');
    expect(output).toContain('"request_body"');
    for (const secret of [PROVIDER_KEY, AZURE_KEY, CLIENT_KEY, WRONG_KEY, 'Bearer ']) expect(output).not.toContain(secret);
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
});

test('a body not received within request_timeout is logged as the 408 the client got, not as a client that left (499)', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway(
    `
endpoints:
  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
server: { request_timeout: 0.5, headers_timeout: 0.5 }
`,
    { logger },
  );
  try {
    const { port } = new URL(gateway.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"model":"echo",');
      });
      let text = '';
      socket.on('data', (data: Buffer) => (text += data.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    const requests = await waitForLogLines(lines, (line) => line.path === '/v1/chat/completions' && line.status !== undefined, 1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ msg: 'request', route: '/v1/chat/completions', status: 408, error: { code: 'request_timeout' } });
  } finally {
    await gateway.close();
  }
});

test('the warnings a request causes (a destination a FALLBACK route moved past, the upstream failure that was its answer) carry its request id, on the fast path and through Express alike', async () => {
  const overloaded = await startFakeUpstream((_request, response) => sendJson(response, 503, { error: { message: 'The server is overloaded', type: 'server_error' } }));
  const { lines, logger } = captureLog();
  const endpoint = (name: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-audit-fallback, openai_api_base: "${overloaded.url}/v1" } }
    retries: { max_attempts: 1 }`;
  const gateway = await startGateway(
    `endpoints:${endpoint('primary')}${endpoint('backup')}
routes:
  - { name: chat, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: primary }, { name: backup }] }
`,
    { logger },
  );
  try {
    const post = (path: string, requestId: string) =>
      fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify(chatBody('hi')) }).then((r) => r.status);
    expect(await post('/gateway/chat/invocations', 'trace-fast-path')).toBe(502);
    expect(await post('/gateway/chat/invocations?via=express', 'trace-express')).toBe(502);
    const warnings = (await waitForLogLines(lines, (line) => line.level === 40, 4)).map(({ request_id, msg }) => ({ request_id, msg }));
    expect(warnings).toEqual([
      { request_id: 'trace-fast-path', msg: 'endpoint failed; falling back to the next destination' },
      { request_id: 'trace-fast-path', msg: 'upstream failure' },
      { request_id: 'trace-express', msg: 'endpoint failed; falling back to the next destination' },
      { request_id: 'trace-express', msg: 'upstream failure' },
    ]);
  } finally {
    await gateway.close();
    await overloaded.close();
  }
});

describe('probes and scrapes', () => {
  const echoOnly = 'endpoints:\n  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }\n';

  /** The audit lines (at any level) after GET and HEAD /health, GET /metrics, then a list call whose line is waited for. */
  async function linesAfterPolls(options: { level: string; yaml: string; metricsHeaders?: Record<string, string> }): Promise<LogLine[]> {
    const { lines, logger } = captureLog(options.level);
    const gateway = await startGateway(options.yaml, { logger });
    try {
      // Each answer read whole: fetch stops reading a long one nobody reads (the metrics page), and its
      // connection then outlives the gateway's close and keeps the jest worker from exiting.
      const statusOf = (response: Response) => response.arrayBuffer().then(() => response.status);
      expect(await statusOf(await fetch(`${gateway.url}/health`))).toBe(200);
      expect(await statusOf(await fetch(`${gateway.url}/health`, { method: 'HEAD' }))).toBe(200);
      await statusOf(await fetch(`${gateway.url}/metrics`, { headers: options.metricsHeaders }));
      await statusOf(await fetch(`${gateway.url}/api/2.0/endpoints/`, { headers: options.metricsHeaders }));
      // Lines are written as each response closes, in order: once the list call's is there, the polls' are too.
      await waitForLogLine(lines, (line) => line.route === '/api/2.0/endpoints/');
      return lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.msg === 'request');
    } finally {
      await gateway.close();
    }
  }

  test('a successful /health probe or /metrics scrape writes no audit line at info (probes come every few seconds)', async () => {
    const audit = await linesAfterPolls({ level: 'info', yaml: echoOnly });
    expect(audit.map(({ route }) => route)).toEqual(['/api/2.0/endpoints/']);
  });

  test('at debug they are logged, at debug level', async () => {
    const audit = await linesAfterPolls({ level: 'debug', yaml: echoOnly });
    expect(audit.map(({ method, route, status, level }) => ({ method, route, status, level }))).toEqual([
      { method: 'GET', route: '/health', status: 200, level: 20 },
      { method: 'HEAD', route: '/health', status: 200, level: 20 },
      { method: 'GET', route: '/metrics', status: 200, level: 20 },
      { method: 'GET', route: '/api/2.0/endpoints/', status: 200, level: 30 },
    ]);
  });

  test('a refused scrape (no key) is logged at info like any refusal', async () => {
    const yaml = `${echoOnly}auth:\n  api_keys:\n    - { name: ci, key: ${CLIENT_KEY} }\n`;
    const audit = await linesAfterPolls({ level: 'info', yaml, metricsHeaders: {} });
    expect(audit.map(({ route, status }) => ({ route, status }))).toEqual([
      { route: '/metrics', status: 401 },
      { route: '/api/2.0/endpoints/', status: 401 },
    ]);
  });
});

test('a wrong method (405) and a path the API does not have (404) are logged with their error, like every other refusal', async () => {
  const { lines, logger } = captureLog();
  const gateway = await startGateway('endpoints:\n  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }\n', { logger });
  try {
    const statuses = [
      (await fetch(`${gateway.url}/v1/chat/completions`)).status,
      (await fetch(`${gateway.url}/endpoints/echo/invocations`)).status,
      (await fetch(`${gateway.url}/v1/nowhere`)).status,
      (await fetch(`${gateway.url}/nowhere`)).status,
    ];
    expect(statuses).toEqual([405, 405, 404, 404]);
    const audit = (await waitForLogLines(lines, (line) => line.msg === 'request', statuses.length)).map(({ status, error }) => ({ status, code: (error as { code?: string } | undefined)?.code }));
    expect(audit).toEqual([
      { status: 405, code: 'method_not_allowed' },
      { status: 405, code: 'method_not_allowed' },
      { status: 404, code: 'not_found' },
      { status: 404, code: 'not_found' },
    ]);
  } finally {
    await gateway.close();
  }
});
