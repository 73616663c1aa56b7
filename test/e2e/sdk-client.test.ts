/** Our SDK's own behaviour over real HTTP: aborts, and what its errors carry. */
import { createGatewayClient, type ChatChunk } from '../../src/client';
import { startFakeUpstream } from '../support/fake-upstream';

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
