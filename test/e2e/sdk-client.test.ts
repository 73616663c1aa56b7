/** Our SDK's own behaviour over real HTTP: aborts, and what its errors carry. */
import { createGatewayClient, GatewayClientError, type ChatChunk } from '../../src/client';
import { startFakeUpstream } from '../support/fake-upstream';
import { startGateway } from '../support/gateway';

const hello = { messages: [{ role: 'user', content: 'hi' }] };

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
