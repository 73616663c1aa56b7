/**
 * A provider that breaks its connection in the middle of a stream, seen from the clients: our SDK on
 * the MLflow route and the official `openai` client on /v1 get the chunks sent before it, then the
 * stream's error event saying the connection broke mid-answer (not that the provider could not be
 * reached, which it was).
 */
import OpenAI from 'openai';
import { createGatewayClient, GatewayClientError } from '../../src/client';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';

let upstream: FakeUpstream;
let gateway: RunningGateway;

const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }] };
const messages = [{ role: 'user' as const, content: 'Hi' }];
const broke = "The connection to OpenAI broke while it was sending its answer for endpoint 'chat' (UND_ERR_SOCKET).";

beforeAll(async () => {
  upstream = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`data: ${JSON.stringify(chunk)}\n\n`, () => setTimeout(() => response.socket?.destroy(), 20));
  });
  gateway = await startGateway(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
`);
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

test('the SDK yields the chunk sent, then throws a 502 GatewayClientError saying the connection broke mid-answer', async () => {
  const received: (string | null | undefined)[] = [];
  const reading = (async () => {
    for await (const piece of createGatewayClient({ baseUrl: gateway.url }).streamChat('chat', { messages })) received.push(piece.choices[0]?.delta.content);
  })();
  const failure = await reading.catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(GatewayClientError);
  expect(failure).toMatchObject({ status: 502, message: broke, body: { error: { code: 'upstream_unavailable', status: 502 } } });
  expect(received).toEqual(['Hel']);
});

test('the openai client yields the chunk sent, then throws an APIError with the same message', async () => {
  const client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const received: (string | null | undefined)[] = [];
  const reading = (async () => {
    for await (const piece of await client.chat.completions.create({ model: 'chat', messages, stream: true })) received.push(piece.choices[0]?.delta.content);
  })();
  const failure = await reading.catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  expect(failure).toMatchObject({ message: broke, code: 'upstream_unavailable' });
  expect(received).toEqual(['Hel']);
});
