/** Our SDK's opt-in retries over real HTTP, against fake gateways (and a real one for its 429). */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayClient, GatewayConnectionError, type ChatChunk } from '../../src/client';
import { sendJson, startFakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';

const hello = { messages: [{ role: 'user', content: 'hi' }] };
const answer = { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };

function chunk(content: string): ChatChunk {
  return { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, finish_reason: null, delta: { role: null, content, tool_calls: null } }] };
}

const event = (content: string) => `data: ${JSON.stringify(chunk(content))}\n\n`;

/** Stands in for a gateway that gives each of `failures` (status and headers) in turn, then the answer (a stream when asked for one). */
async function startFlakyGateway(failures: { status: number; headers?: Record<string, string> }[]) {
  return startFakeUpstream((request, response) => {
    const failure = failures.shift();
    if (failure) return sendJson(response, failure.status, { detail: `failure ${failure.status}` }, failure.headers);
    if ((request.body as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(event('a') + 'data: [DONE]\n\n');
      return;
    }
    sendJson(response, 200, answer);
  });
}

test('with maxRetries, a 503 then a 200 is the answer, for a JSON call and a stream; without, the 503 is thrown as before', async () => {
  const busy = { status: 503, headers: { 'retry-after': '0' } };
  const failures = [busy, busy];
  const server = await startFlakyGateway(failures);
  try {
    await expect(createGatewayClient({ baseUrl: server.url }).chat('chat', hello)).rejects.toMatchObject({ name: 'GatewayClientError', status: 503 });
    const gateway = createGatewayClient({ baseUrl: server.url, maxRetries: 1 });
    await expect(gateway.chat('chat', hello)).resolves.toEqual(answer);
    failures.push(busy);
    const received: string[] = [];
    for await (const piece of gateway.streamChat('chat', hello)) received.push(piece.choices[0]?.delta.content ?? '');
    expect(received).toEqual(['a']);
    expect(server.requests).toHaveLength(5);
  } finally {
    await server.close();
  }
});

test('429, 502 and 504 are retried too; without Retry-After after a backoff of at least 375 ms', async () => {
  const server = await startFlakyGateway([{ status: 429, headers: { 'retry-after': '0' } }, { status: 502 }, { status: 504, headers: { 'retry-after': '0' } }]);
  try {
    const started = Date.now();
    await expect(createGatewayClient({ baseUrl: server.url }).chat('chat', hello, { maxRetries: 3 })).resolves.toEqual(answer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(375);
    expect(server.requests).toHaveLength(4);
  } finally {
    await server.close();
  }
});

test('a 400, a 401, a 404 and a 500 are not retried', async () => {
  const server = await startFlakyGateway([{ status: 400 }, { status: 401 }, { status: 404 }, { status: 500 }]);
  try {
    const gateway = createGatewayClient({ baseUrl: server.url, maxRetries: 3 });
    for (const status of [400, 401, 404, 500]) await expect(gateway.chat('chat', hello)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(4);
  } finally {
    await server.close();
  }
});

test("a 429 or 502 the gateway marks x-should-retry: false (a provider's quota used up, an answer it could not read) is not sent again", async () => {
  const upstream = await startFakeUpstream((request, response) => {
    const content = (request.body as { messages: { content: string }[] }).messages[0].content;
    if (content === 'quota') return sendJson(response, 429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } });
    sendJson(response, 200, { id: 'chatcmpl-1', object: 'chat.completion' });
  });
  const gateway = await startGateway(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
`);
  try {
    const client = createGatewayClient({ baseUrl: gateway.url, maxRetries: 2 });
    for (const [content, status] of [['quota', 429], ['shapeless', 502]] as const) {
      const before = upstream.requests.length;
      const failure = await client.chat('chat', { messages: [{ role: 'user', content }] }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'GatewayClientError', status });
      expect({ shouldRetry: (failure as { headers: Headers }).headers.get('x-should-retry'), calls: upstream.requests.length - before }).toEqual({ shouldRetry: 'false', calls: 1 });
    }
  } finally {
    await gateway.close();
    await upstream.close();
  }
});

test('a stream is not sent again once it has started, even when its connection breaks', async () => {
  let started: ServerResponse | undefined;
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(event('a'));
    started = response;
  });
  try {
    const received: string[] = [];
    const reading = (async () => {
      for await (const piece of createGatewayClient({ baseUrl: server.url, maxRetries: 3 }).streamChat('chat', hello)) {
        received.push(piece.choices[0]?.delta.content ?? '');
        started?.socket?.destroy();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'GatewayConnectionError', answerStarted: true });
    expect(received).toEqual(['a']);
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});

test('a JSON answer whose connection breaks mid-answer is not retried: the gateway may have served it', async () => {
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"id":', () => response.socket?.destroy());
  });
  try {
    await expect(createGatewayClient({ baseUrl: server.url, maxRetries: 3 }).chat('chat', hello)).rejects.toMatchObject({ name: 'GatewayConnectionError', answerStarted: true });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});

test('a connection reset before any answer is retried', async () => {
  let connections = 0;
  const server = createServer((_request, response) => sendJson(response, 200, answer));
  // The first connection is reset at once, as by a gateway restarting.
  server.on('connection', (socket) => {
    if (connections++ === 0) socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const failure = await createGatewayClient({ baseUrl }).chat('chat', hello).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayConnectionError);
    expect(failure).toMatchObject({ answerStarted: false });
    connections = 0;
    await expect(createGatewayClient({ baseUrl }).chat('chat', hello, { maxRetries: 1 })).resolves.toEqual(answer);
    expect(connections).toBe(2);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('an abort during the wait before a retry throws its reason and sends nothing more', async () => {
  const server = await startFlakyGateway([{ status: 503, headers: { 'retry-after': '30' } }]);
  try {
    const controller = new AbortController();
    const calling = createGatewayClient({ baseUrl: server.url, maxRetries: 3 }).chat('chat', hello, controller.signal);
    // Once the 503 has been sent, the client is in its 30 s wait.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(calling).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});

test('the timeout bounds the whole call, retries included', async () => {
  // Each answer a 503 after 100 ms, to be retried at once: only the timeout ends the call.
  const server = await startFakeUpstream((_request, response) => {
    setTimeout(() => sendJson(response, 503, { detail: 'busy' }, { 'retry-after': '0' }), 100);
  });
  try {
    await expect(createGatewayClient({ baseUrl: server.url, maxRetries: 100, timeout: 350 }).chat('chat', hello)).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'The gateway did not answer within 350 ms.',
    });
    expect(server.requests.length).toBeLessThanOrEqual(4);
  } finally {
    await server.close();
  }
});

test("a Retry-After past the timeout, or past 60 s, is not waited out: the gateway's 429 is thrown at once with its header", async () => {
  const gateway = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 1, renewal_period: minute } }\n');
  const server = await startFlakyGateway([{ status: 429, headers: { 'retry-after': '61' } }]);
  try {
    const client = createGatewayClient({ baseUrl: gateway.url, maxRetries: 3, timeout: 10_000 });
    await client.chat('chat', hello);
    const started = Date.now();
    const failure = await client.chat('chat', hello).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'GatewayClientError', status: 429 });
    expect(Number((failure as { headers: Headers }).headers.get('retry-after'))).toBeGreaterThan(10);
    // Half the timeout: a client that waited until it ran out is told apart even on a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(createGatewayClient({ baseUrl: server.url, maxRetries: 3 }).chat('chat', hello)).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
    await gateway.close();
  }
});

test('a maxRetries that is not valid is refused at once, naming the option', () => {
  const baseUrl = 'http://127.0.0.1:1';
  expect(() => createGatewayClient({ baseUrl, maxRetries: -1 })).toThrow(new RangeError('maxRetries must be a whole number of 0 or more, not -1'));
  expect(() => createGatewayClient({ baseUrl, maxRetries: 1.5 })).toThrow('maxRetries must be a whole number of 0 or more, not 1.5');
  return expect(createGatewayClient({ baseUrl }).chat('chat', hello, { maxRetries: Number.NaN })).rejects.toThrow('maxRetries must be a whole number of 0 or more, not NaN');
});
