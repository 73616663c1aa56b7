/**
 * The demo config (examples/demo-config.yaml, `mock` provider) end to end: the official OpenAI
 * client through /v1 and our SDK through the MLflow routes.
 */
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { startFakeUpstream } from '../support/fake-upstream';
import { startGateway, parseSse, type RunningGateway, FIXED_NOW } from '../support/gateway';

let gateway: RunningGateway;
let openai: OpenAI;
beforeAll(async () => {
  gateway = await startGateway(readFileSync('examples/demo-config.yaml', 'utf8'));
  openai = new OpenAI({ apiKey: 'not-needed', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(() => gateway.close());

test('openai client: chat', async () => {
  const completion = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Hello there' }] });
  expect(completion.choices[0].message.content).toBe('Echo: Hello there');
  expect(completion.choices[0].finish_reason).toBe('stop');
  expect(completion.model).toBe('mock-chat');
  expect(completion.created).toBe(FIXED_NOW);
  expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
});

test('openai client: streamed chat reassembles the answer and sees the finish reason', async () => {
  const stream = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'stream me please' }], stream: true, stream_options: { include_usage: true } });
  let text = '';
  const finishReasons: (string | null)[] = [];
  let usage: unknown;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    if (chunk.choices[0]) finishReasons.push(chunk.choices[0].finish_reason);
    if (chunk.usage) usage = chunk.usage;
  }
  expect(text).toBe('Echo: stream me please');
  expect(finishReasons[finishReasons.length - 1]).toBe('stop');
  expect(usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
});

test('openai client: tool call', async () => {
  const completion = await openai.chat.completions.create({
    model: 'chat',
    messages: [{ role: 'user', content: 'weather in Paris' }],
    tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { input: { type: 'string' } } } } }],
  });
  const call = completion.choices[0].message.tool_calls?.[0];
  expect(completion.choices[0].finish_reason).toBe('tool_calls');
  expect(call?.type === 'function' && call.function).toEqual({ name: 'get_weather', arguments: '{"input":"weather in Paris"}' });
});

test('openai client: completions and embeddings', async () => {
  const completion = await openai.completions.create({ model: 'completions', prompt: 'Say hi' });
  expect(completion.choices[0].text).toBe('Echo: Say hi');
  const embeddings = await openai.embeddings.create({ model: 'embeddings', input: ['a', 'b'] });
  expect(embeddings.data.map((item) => item.index)).toEqual([0, 1]);
  expect(embeddings.data[0].embedding).toHaveLength(8);
  expect(embeddings.data[0].embedding).not.toEqual(embeddings.data[1].embedding);
});

test('openai client: n choices, indexes 0 to n-1, each the echo, completion tokens counted per choice; streamed too', async () => {
  const messages = [{ role: 'user' as const, content: 'Hello there' }];
  const completion = await openai.chat.completions.create({ model: 'chat', messages, n: 3 });
  expect(completion.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
    [0, 'Echo: Hello there', 'stop'],
    [1, 'Echo: Hello there', 'stop'],
    [2, 'Echo: Hello there', 'stop'],
  ]);
  expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 9, total_tokens: 11 });
  const stream = await openai.chat.completions.create({ model: 'chat', messages, n: 2, stream: true, stream_options: { include_usage: true } });
  const texts = ['', ''];
  const finishReasons: (string | null)[] = [null, null];
  let usage: unknown;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      texts[choice.index] += choice.delta.content ?? '';
      finishReasons[choice.index] ??= choice.finish_reason;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  expect({ texts, finishReasons, usage }).toEqual({ texts: ['Echo: Hello there', 'Echo: Hello there'], finishReasons: ['stop', 'stop'], usage: { prompt_tokens: 2, completion_tokens: 6, total_tokens: 8 } });
  const text = await openai.completions.create({ model: 'completions', prompt: 'Say hi', n: 2 });
  expect({ choices: text.choices.map((choice) => [choice.index, choice.text]), usage: text.usage }).toEqual({
    choices: [
      [0, 'Echo: Say hi'],
      [1, 'Echo: Say hi'],
    ],
    usage: { prompt_tokens: 2, completion_tokens: 6, total_tokens: 8 },
  });
  const textStream = await openai.completions.create({ model: 'completions', prompt: 'Say hi', n: 2, stream: true });
  const streamedTexts = ['', ''];
  for await (const chunk of textStream) for (const choice of chunk.choices) streamedTexts[choice.index] += choice.text;
  expect(streamedTexts).toEqual(['Echo: Say hi', 'Echo: Say hi']);
});

test('n above 128 is refused before any choice is built: a 400 naming n through the openai client, a 422 on the MLflow route', async () => {
  const refused = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }], n: 1_000_000_000 }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
  expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/\bn\b.*128/);
  const mlflow = await fetch(`${gateway.url}/endpoints/completions/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'hi', n: 129 }),
  });
  expect(mlflow.status).toBe(422);
  expect(JSON.stringify(await mlflow.json())).toMatch(/128/);
  const allowed = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }], n: 128 });
  expect(allowed.choices).toHaveLength(128);
});

test('raw SSE ends with data: [DONE]', async () => {
  const response = await fetch(`${gateway.url}/endpoints/completions/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'two words', stream: true }),
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const events = parseSse(await response.text());
  expect(events[events.length - 1]).toEqual({ data: '[DONE]' });
  const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
  expect(chunks.map((chunk) => chunk.choices[0].text).join('')).toBe('Echo: two words');
  expect(chunks.every((chunk) => chunk.object === 'text_completion_chunk')).toBe(true);
});

describe('SDK over the MLflow routes', () => {
  const client = () => createGatewayClient({ baseUrl: gateway.url });

  test('lists and gets endpoints', async () => {
    const endpoints = await client().listEndpoints();
    expect(endpoints.map((endpoint) => endpoint.name)).toEqual(['chat', 'completions', 'embeddings']);
    expect(await client().getEndpoint('embeddings')).toEqual({
      name: 'embeddings',
      endpoint_type: 'llm/v1/embeddings',
      model: { name: 'mock-embeddings', provider: 'mock' },
      endpoint_url: '/gateway/embeddings/invocations',
      limit: { calls: 100, renewal_period: 'minute', key: null },
      token_limit: null,
    });
  });

  test('chat, completions, embeddings and streaming', async () => {
    const chat = await client().chat('chat', { messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.choices[0].message.content).toBe('Echo: hi');
    const completion = await client().completions('completions', { prompt: 'p' });
    expect(completion.choices[0].text).toBe('Echo: p');
    const embeddings = await client().embeddings('embeddings', { input: 'x' });
    expect(embeddings.data).toHaveLength(1);
    let streamed = '';
    for await (const chunk of client().streamChat('chat', { messages: [{ role: 'user', content: 'one two' }] })) {
      streamed += chunk.choices[0]?.delta.content ?? '';
    }
    expect(streamed).toBe('Echo: one two');
  });

  test('errors carry the status and the message', async () => {
    await expect(client().getEndpoint('missing')).rejects.toMatchObject({ status: 404, message: expect.stringContaining("'missing'") });
    await expect(client().chat('chat', { messages: [] })).rejects.toMatchObject({ status: 422, message: 'messages: must not be an empty list' });
    const stream = client().streamChat('nope', { messages: [{ role: 'user', content: 'x' }] });
    await expect(stream.next()).rejects.toMatchObject({ status: 404 });
  });

  test('chat() and completions() with stream: true say to use the stream helpers (the answer would be events, not JSON)', async () => {
    await expect(client().chat('chat', { messages: [{ role: 'user', content: 'x' }], stream: true })).rejects.toThrow('streamChat');
    await expect(client().completions('completions', { prompt: 'p', stream: true })).rejects.toThrow('streamCompletions');
    expect((await client().chat('chat', { messages: [{ role: 'user', content: 'x' }], stream: false })).object).toBe('chat.completion');
  });
});

test('the SDK raises when a stream ends without [DONE] (an answer cut off on the way is not a complete one)', async () => {
  // Stands in for the gateway behind a proxy that closes the body early.
  const server = await startFakeUpstream((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'The answer is', tool_calls: null } }] };
    response.end(`data: ${JSON.stringify(chunk)}\n\n`);
  });
  try {
    const received: string[] = [];
    const reading = (async () => {
      for await (const chunk of createGatewayClient({ baseUrl: server.url }).streamChat('chat', { messages: [{ role: 'user', content: 'hi' }] })) {
        received.push(chunk.choices[0]?.delta.content ?? '');
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'GatewayClientError', status: 502, message: expect.stringContaining('cut off') });
    expect(received).toEqual(['The answer is']);
  } finally {
    await server.close();
  }
});

test('the list is paginated 3000 a page, and the SDK follows next_page_token', async () => {
  const names = Array.from({ length: 3002 }, (_, index) => `e${index}`);
  const big = await startGateway(`endpoints:\n${names.map((name) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock } }`).join('\n')}\n`);
  try {
    const first = (await (await fetch(`${big.url}/api/2.0/endpoints/`)).json()) as { endpoints: unknown[]; next_page_token: string };
    expect(first.endpoints).toHaveLength(3000);
    expect(first.next_page_token).toBe('eyJpbmRleCI6IDMwMDB9');
    const listed = await createGatewayClient({ baseUrl: big.url }).listEndpoints();
    expect(listed.map((endpoint) => endpoint.name)).toEqual(names);
  } finally {
    await big.close();
  }
});
