/**
 * A provider that breaks its connection in the middle of an answer, seen from the clients: our SDK on
 * the MLflow route and the official `openai` client on /v1 get a stream's chunks sent before it, then
 * the stream's error event saying the connection broke mid-answer (not that the provider could not be
 * reached, which it was); a JSON answer cut the same way is a 502 saying the same. Amazon Bedrock's
 * event stream, read by the AWS SDK, says the same.
 */
import OpenAI from 'openai';
import { createGatewayClient, GatewayClientError } from '../../src/client';
import { converseEvent, encodeEvents, EVENT_STREAM_HEADERS, startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';

let upstream: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }] };
const messages = [{ role: 'user' as const, content: 'Hi' }];
const broke = "The connection to OpenAI broke while it was sending its answer for endpoint 'chat' (UND_ERR_SOCKET).";

beforeAll(async () => {
  upstream = await startFakeUpstream((request, response) => {
    if (!(request.body as { stream?: boolean }).stream) {
      // A JSON answer that promises more bytes than come.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"id":', () => setTimeout(() => response.socket?.destroy(), 20));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`data: ${JSON.stringify(chunk)}\n\n`, () => setTimeout(() => response.socket?.destroy(), 20));
  });
  // ConverseStream's first text, then the connection drops.
  bedrock = await startFakeBedrock(() => ({
    respond: (response) => {
      response.writeHead(200, EVENT_STREAM_HEADERS);
      const events = [converseEvent('messageStart', { role: 'assistant' }), converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hel' } })];
      response.write(encodeEvents(events), () => setTimeout(() => response.socket?.destroy(), 20));
    },
  }));
  gateway = await startGateway(`
defaults:
  retries: { max_attempts: 1 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-3-5-sonnet-20241022-v2:0, config: { aws_config: ${fakeAwsConfig(bedrock.url)} } }
`);
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([upstream.close(), bedrock.close()]);
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

test('a JSON answer cut the same way is a 502 saying so, on both routes', async () => {
  const failure = await createGatewayClient({ baseUrl: gateway.url }).chat('chat', { messages }).catch((error: unknown) => error);
  expect(failure).toMatchObject({ name: 'GatewayClientError', status: 502, message: broke });
  const client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  await expect(client.chat.completions.create({ model: 'chat', messages })).rejects.toMatchObject({ status: 502, message: `502 ${broke}`, code: 'upstream_unavailable' });
});

test("Bedrock's event stream cut the same way: the chunk sent, then an error event saying the connection broke mid-answer", async () => {
  const client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const received: (string | null | undefined)[] = [];
  const reading = (async () => {
    for await (const piece of await client.chat.completions.create({ model: 'claude', messages, stream: true })) received.push(piece.choices[0]?.delta.content);
  })();
  const failure = await reading.catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  expect(failure).toMatchObject({ message: "The connection to Amazon Bedrock broke while it was sending its answer for endpoint 'claude' (ECONNRESET).", code: 'upstream_unavailable' });
  expect(received).toEqual(['Hel']);
});
