/** Our SDK's own behaviour over real HTTP: aborts, timeouts (stream idle timeouts too), headers, network failures, and what its errors carry. */
import type { ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createGatewayClient, GatewayClientError, GatewayConnectionError, type ChatChunk } from '../../src/client';
import { sendJson, startFakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';

const hello = { messages: [{ role: 'user', content: 'hi' }] };
const endpointView = { name: 'chat', endpoint_type: 'llm/v1/chat', model: { name: 'm', provider: 'mock' }, endpoint_url: '/gateway/chat/invocations', limit: null };

function chunk(content: string): ChatChunk {
  return { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, finish_reason: null, delta: { role: null, content, tool_calls: null } }] };
}

test('aborting a stream stops it at once, also when the chunks after it had already arrived', async () => {
  // Stands in for the gateway: the whole answer in one write, so one read of the client holds every chunk.
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(['a', 'b', 'c'].map((content) => `data: ${JSON.stringify(chunk(content))}\n\n`).join('') + 'data: [DONE]\n\n');
  });
  try {
    const controller = new AbortController();
    const received: string[] = [];
    const reading = (async () => {
      for await (const piece of createGatewayClient({ baseUrl: server.url }).streamChat('chat', hello, controller.signal)) {
        received.push(piece.choices[0]?.delta.content ?? '');
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(received).toEqual(['a']);
  } finally {
    await server.close();
  }
});

test('listEndpoints and getEndpoint take an abort signal, as the invocation helpers do', async () => {
  // Stands in for a gateway that never answers: each request aborts its call once it has arrived.
  const controllers: AbortController[] = [];
  const server = await startFakeUpstream(() => controllers.shift()?.abort());
  try {
    const gateway = createGatewayClient({ baseUrl: server.url });
    controllers.push(new AbortController(), new AbortController());
    const [listing, getting] = controllers;
    await expect(gateway.listEndpoints(listing.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(gateway.getEndpoint('chat', getting.signal)).rejects.toMatchObject({ name: 'AbortError' });
  } finally {
    await server.close();
  }
});

test("an error carries the answer's headers: when to retry a 429, and the request id of the gateway's log lines", async () => {
  const gateway = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 1, renewal_period: minute } }\n');
  try {
    const client = createGatewayClient({ baseUrl: gateway.url, headers: { 'x-request-id': 'sdk-test-1' } });
    await client.chat('chat', hello);
    const failure = await client.chat('chat', hello).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'GatewayClientError', status: 429 });
    const { headers } = failure as GatewayClientError;
    expect(Number(headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(headers?.get('x-request-id')).toBe('sdk-test-1');
    const streamFailure = (await client.streamChat('chat', hello).next().catch((error: unknown) => error)) as GatewayClientError;
    expect(streamFailure).toMatchObject({ status: 429 });
    expect(Number(streamFailure.headers?.get('retry-after'))).toBeGreaterThan(0);
  } finally {
    await gateway.close();
  }
});

/** A server that accepts each connection and resets it at once: a gateway that crashed or a proxy that cut it. */
async function startResettingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createNetServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('a gateway that cannot be reached is a GatewayConnectionError with the network error as its cause, for the helpers and the raw client', async () => {
  const server = await startResettingServer();
  try {
    const gateway = createGatewayClient({ baseUrl: server.url });
    const failures = [
      await gateway.chat('chat', hello).catch((error: unknown) => error),
      await gateway.streamChat('chat', hello).next().catch((error: unknown) => error),
      await gateway.listEndpoints().catch((error: unknown) => error),
      await gateway.raw.GET('/v1/models').catch((error: unknown) => error),
    ];
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(GatewayConnectionError);
      expect((failure as Error).message).toMatch(/^Could not reach the gateway for (POST|GET) http:\/\/127\.0\.0\.1:\d+\/[^ ]+: fetch failed \(.+\)$/);
      expect((failure as Error).cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    }
  } finally {
    await server.close();
  }
});

test('a connection that breaks mid-answer is a GatewayConnectionError, in a stream and in a JSON answer', async () => {
  let streamResponse: ServerResponse | undefined;
  const server = await startFakeUpstream((request, response) => {
    if (request.url.endsWith('/invocations') && (request.body as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chunk('a'))}\n\n`);
      streamResponse = response;
      return;
    }
    // A JSON answer that promises more bytes than come.
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"id":', () => response.socket?.destroy());
  });
  try {
    const gateway = createGatewayClient({ baseUrl: server.url });
    const received: string[] = [];
    const reading = (async () => {
      for await (const piece of gateway.streamChat('chat', hello)) {
        received.push(piece.choices[0]?.delta.content ?? '');
        streamResponse?.socket?.destroy();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(GatewayConnectionError);
    await expect(reading).rejects.toThrow(/^The connection to the gateway broke while reading the answer to POST http:\/\/127\.0\.0\.1:\d+\/endpoints\/chat\/invocations: terminated/);
    expect(received).toEqual(['a']);
    const failure = await gateway.chat('chat', hello).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayConnectionError);
    expect((failure as Error).message).toMatch(/^The connection to the gateway broke while reading the answer to POST .*: terminated \(other side closed\)$/);
  } finally {
    await server.close();
  }
});

test("a call's headers add to the client's (a call's own value wins), on every helper", async () => {
  const server = await startFakeUpstream((request, response) => {
    if (request.url.startsWith('/api/2.0/endpoints/')) return sendJson(response, 200, request.url === '/api/2.0/endpoints/' ? { endpoints: [], next_page_token: null } : endpointView);
    if ((request.body as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: [DONE]\n\n');
      return;
    }
    sendJson(response, 200, { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
  });
  try {
    const gateway = createGatewayClient({ baseUrl: server.url, headers: { 'x-api-key': 'key', 'x-team': 'client' } });
    const call = { headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x-team': 'call' } };
    await gateway.chat('chat', hello, call);
    for await (const piece of gateway.streamChat('chat', hello, call)) expect(piece).toBeUndefined();
    await gateway.listEndpoints(call);
    await gateway.getEndpoint('chat', call);
    await gateway.chat('chat', hello);
    const sent = server.requests.map(({ headers }) => [headers['x-api-key'], headers['x-team'], headers.traceparent]);
    const withCall = ['key', 'call', call.headers.traceparent];
    expect(sent).toEqual([withCall, withCall, withCall, withCall, ['key', 'client', undefined]]);
  } finally {
    await server.close();
  }
});

test("the client's timeout (or a call's own) ends a call that gets no answer with a TimeoutError", async () => {
  // Stands in for a gateway that never answers.
  const server = await startFakeUpstream(() => undefined);
  try {
    const quick = createGatewayClient({ baseUrl: server.url, timeout: 50 });
    await expect(quick.chat('chat', hello)).rejects.toMatchObject({ name: 'TimeoutError', message: 'The gateway did not answer within 50 ms.' });
    await expect(quick.streamChat('chat', hello).next()).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(quick.listEndpoints()).rejects.toMatchObject({ name: 'TimeoutError' });
    const patient = createGatewayClient({ baseUrl: server.url, timeout: 600_000 });
    await expect(patient.getEndpoint('chat', { timeout: 50 })).rejects.toMatchObject({ name: 'TimeoutError', message: 'The gateway did not answer within 50 ms.' });
    // An abort of the call's own signal still wins over the timeout.
    const controller = new AbortController();
    const aborted = patient.chat('chat', hello, { signal: controller.signal, timeout: 600_000 });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(() => createGatewayClient({ baseUrl: server.url, timeout: 0 })).toThrow('timeout must be a positive number of milliseconds, not 0');
    expect(() => createGatewayClient({ baseUrl: server.url, streamIdleTimeout: -5 })).toThrow(new RangeError('streamIdleTimeout must be a positive number of milliseconds, not -5'));
  } finally {
    await server.close();
  }
});

test('the timeout bounds the start of a stream, not its length', async () => {
  let finish: (() => void) | undefined;
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`data: ${JSON.stringify(chunk('a'))}\n\n`);
    finish = () => response.end(`data: ${JSON.stringify(chunk('b'))}\n\ndata: [DONE]\n\n`);
  });
  try {
    const received: string[] = [];
    for await (const piece of createGatewayClient({ baseUrl: server.url, timeout: 1_000 }).streamChat('chat', hello)) {
      received.push(piece.choices[0]?.delta.content ?? '');
      // Well past the timeout (a slower machine only waits longer), then the rest of the answer.
      if (received.length === 1) await new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => finish?.());
    }
    expect(received).toEqual(['a', 'b']);
  } finally {
    await server.close();
  }
});

test("the raw client refuses to read an event stream as JSON with a TypeError saying what to do; parseAs: 'stream' gives the stream", async () => {
  const gateway = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }\n');
  try {
    const { raw } = createGatewayClient({ baseUrl: gateway.url });
    const openaiBody = { model: 'chat', messages: hello.messages, stream: true };
    await expect(raw.POST('/v1/chat/completions', { body: openaiBody })).rejects.toThrow(
      new TypeError(
        `The answer to POST ${gateway.url}/v1/chat/completions is an event stream (the body asked for stream: true), which cannot be read as JSON: ` +
          "pass parseAs: 'stream' and read response.body, or use streamChat() / streamCompletions() on the MLflow routes, or the openai client on /v1.",
      ),
    );
    await expect(raw.POST('/endpoints/{name}/invocations', { params: { path: { name: 'chat' } }, body: { ...hello, stream: true } })).rejects.toBeInstanceOf(TypeError);
    // The same call is still a JSON answer without stream: true.
    expect((await raw.POST('/v1/chat/completions', { body: { model: 'chat', messages: hello.messages } })).data?.choices[0].message.content).toBe('Echo: hi');
    const streamed = await raw.POST('/v1/chat/completions', { body: openaiBody, parseAs: 'stream' });
    expect(await new Response(streamed.data).text()).toMatch(/^data: \{[\s\S]*data: \[DONE\]\n\n$/);
  } finally {
    await gateway.close();
  }
});

test('streamIdleTimeout aborts a stream that goes that long without an event, with a TimeoutError naming it', async () => {
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // A comment is not an event: it does not keep the stream alive.
    response.write(`data: ${JSON.stringify(chunk('a'))}\n\n` + ': still here\n\n');
    setTimeout(() => response.write(': still here\n\n'), 100);
  });
  try {
    const received: string[] = [];
    const reading = (async () => {
      for await (const piece of createGatewayClient({ baseUrl: server.url, streamIdleTimeout: 600_000 }).streamChat('chat', hello, { streamIdleTimeout: 250 })) {
        received.push(piece.choices[0]?.delta.content ?? '');
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError', message: 'The stream sent no event for 250 ms (streamIdleTimeout).' });
    expect(received).toEqual(['a']);
    // The connection is closed, so the gateway stops the call upstream.
    await server.closed[0];
  } finally {
    await server.close();
  }
});

test("streamIdleTimeout does not count the time the caller's loop takes between events", async () => {
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`data: ${JSON.stringify(chunk('a'))}\n\n`);
  });
  try {
    const idleTimeout = 500;
    let askedAt = 0;
    const reading = (async () => {
      for await (const _piece of createGatewayClient({ baseUrl: server.url, streamIdleTimeout: idleTimeout }).streamChat('chat', hello)) {
        // Longer than the idle timeout: counted in, it would leave no wait for the next event at all.
        await new Promise((resolve) => setTimeout(resolve, idleTimeout + 300));
        askedAt = Date.now();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError', message: 'The stream sent no event for 500 ms (streamIdleTimeout).' });
    // The wait for the next event starts when the loop asks for it (a loaded machine only makes it longer);
    // the slack is for timers, which may fire a few milliseconds early by the wall clock.
    expect(askedAt).toBeGreaterThan(0);
    expect(Date.now() - askedAt).toBeGreaterThanOrEqual(idleTimeout - 20);
  } finally {
    await server.close();
  }
});
