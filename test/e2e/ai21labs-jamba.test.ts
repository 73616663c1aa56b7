/**
 * `ai21labs` endpoints on AI21's Jamba models end to end: the official OpenAI client (through /v1)
 * and our SDK (through the MLflow routes) against the gateway, which calls a fake AI21 on 127.0.0.1
 * serving test/fixtures/ai21labs/ (chat API: https://docs.ai21.com/reference/jamba-1-6-api-ref).
 */
import { createGatewayClient } from '../../src/client';
import type { ChatChunk } from '../../src/schema';
import { serveAi21Fixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { collectUntilError } from '../support/iterables';
import { summariseChat } from '../support/stream-replay';

const KEY = 'ai21-TESTKEY-never-shown';

const setup = useGatewayWithUpstreams({
  upstreams: { ai21: serveAi21Fixtures },
  config: (urls) => `
endpoints:
  - { name: jamba-chat, endpoint_type: llm/v1/chat, model: { provider: ai21labs, name: jamba-large, config: { ai21labs_api_key: $AI21_KEY, ai21labs_api_base: "${urls.ai21}/studio/v1" } } }
  - { name: jamba-completions, endpoint_type: llm/v1/completions, model: { provider: ai21labs, name: jamba-mini, config: { ai21labs_api_key: $AI21_KEY, ai21labs_api_base: "${urls.ai21}/studio/v1" } } }
  - { name: mistral-chat, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: k, mistral_api_base: "${urls.ai21}/v1" } } }
`,
  env: { AI21_KEY: KEY },
});
const { upstreams } = setup;
const lastRequest = () => upstreams.ai21.requests[upstreams.ai21.requests.length - 1];
const sdk = () => createGatewayClient({ baseUrl: setup.gateway.url });

const tools = [
  {
    type: 'function' as const,
    function: { name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string', minLength: 2 } }, required: ['city'], additionalProperties: false } },
  },
];

test('openai client chat: POST /studio/v1/chat/completions with the configured model and a bearer key; the answer and usage', async () => {
  const completion = await setup.openai.chat.completions.create({
    model: 'jamba-chat',
    messages: [
      { role: 'system', content: 'Tu es un barista.' },
      { role: 'user', content: 'Un café ?' },
    ],
    temperature: 0.4,
    max_completion_tokens: 64,
  });
  expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: "Un café, s'il vous plaît ☕" }, finish_reason: 'stop' });
  expect(completion.usage).toEqual({ prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 });
  expect(typeof completion.created).toBe('number');
  const sent = lastRequest();
  expect(sent.url).toBe('/studio/v1/chat/completions');
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent.body).toEqual({
    model: 'jamba-large',
    messages: [
      { role: 'system', content: 'Tu es un barista.' },
      { role: 'user', content: 'Un café ?' },
    ],
    temperature: 0.4,
    max_tokens: 64,
  });
});

test('openai client chat stream: text, finish reason, usage when asked; stream_options is not sent', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'jamba-chat', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true } });
  const { values: chunks, error } = await collectUntilError(stream);
  expect(error).toBeUndefined();
  expect(summariseChat(chunks as unknown as ChatChunk[])).toEqual({
    text: "Un café, s'il vous plaît 🙂",
    finishReason: 'stop',
    toolCalls: [],
    usage: { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 },
  });
  expect(lastRequest().body).toEqual({ model: 'jamba-large', messages: [{ role: 'user', content: 'x' }], stream: true });
});

test('tools: full JSON Schema forwarded; tool calls end with tool_calls, unstreamed and streamed; the tool turn goes back', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'jamba-chat', messages: [{ role: 'user', content: 'Weather in São Paulo?' }], tools, tool_choice: 'auto' });
  expect((lastRequest().body as { tools: unknown }).tools).toEqual(tools);
  expect(lastRequest().body).not.toHaveProperty('tool_choice');
  expect(completion.choices[0].finish_reason).toBe('tool_calls');
  const calls = completion.choices[0].message.tool_calls ?? [];
  expect(calls.map((call) => (call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : null))).toEqual([
    ['get_weather', { city: 'São Paulo', unit: 'celsius' }],
    ['get_time', { city: 'São Paulo' }],
  ]);

  const final = await setup.openai.chat.completions.stream({ model: 'jamba-chat', messages: [{ role: 'user', content: 'Weather?' }], tools }).finalChatCompletion();
  expect(final.choices[0].finish_reason).toBe('tool_calls');
  expect(final.choices[0].message.tool_calls?.map((call) => (call.type === 'function' ? [call.id, JSON.parse(call.function.arguments)] : null))).toEqual([['call_2c6e8b0f4d', { city: 'São Paulo' }]]);

  await setup.openai.chat.completions.create({
    model: 'jamba-chat',
    tools,
    messages: [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_2c6e8b0f4d', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } }] },
      { role: 'tool', tool_call_id: 'call_2c6e8b0f4d', content: '{"celsius": 24}' },
    ],
  });
  expect((lastRequest().body as { messages: unknown[] }).messages.slice(1)).toEqual([
    { role: 'assistant', content: '', tool_calls: [{ id: 'call_2c6e8b0f4d', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } }] },
    { role: 'tool', content: '{"celsius": 24}', tool_call_id: 'call_2c6e8b0f4d' },
  ]);
});

describe("OpenAI's allowed_tools (Jamba's chat API has no tool_choice)", () => {
  const GET_TIME = { type: 'function' as const, function: { name: 'get_time', description: 'Local time in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };
  const allowed = (mode: 'auto' | 'required') => ({ type: 'allowed_tools' as const, allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'get_weather' } }] } });
  const messages = [{ role: 'user' as const, content: 'Weather in São Paulo?' }];

  test.each([false, true])('mode auto (streamed: %s) reaches AI21 as the allowed tools alone, without tool_choice', async (stream) => {
    const answer = await setup.openai.chat.completions.create({ model: 'jamba-chat', messages, tools: [...tools, GET_TIME], tool_choice: allowed('auto'), stream });
    if (stream) expect((await collectUntilError(answer as AsyncIterable<unknown>)).error).toBeUndefined();
    const { tools: sent, ...body } = lastRequest().body as { tools: unknown };
    expect(sent).toEqual(tools);
    expect(body).not.toHaveProperty('tool_choice');
  });

  test('mode required is a 400 naming the mode, and AI21 is not called', async () => {
    const calls = upstreams.ai21.requests.length;
    const refused = setup.openai.chat.completions.create({ model: 'jamba-chat', messages, tools: [...tools, GET_TIME], tool_choice: allowed('required') });
    await expect(refused).rejects.toMatchObject({ status: 400, param: 'tool_choice.allowed_tools.mode', message: expect.stringContaining('AI21Labs cannot be made to call a tool') });
    expect(upstreams.ai21.requests.length).toBe(calls);
  });
});

test('a parameter Jamba does not take is a 400 naming it, and AI21 is not called', async () => {
  const calls = upstreams.ai21.requests.length;
  const refused = setup.openai.chat.completions.create({ model: 'jamba-chat', messages: [{ role: 'user', content: 'x' }], seed: 7 });
  await expect(refused).rejects.toMatchObject({ status: 400, param: 'seed', message: expect.stringContaining("The parameter 'seed' is not supported by AI21Labs.") });
  const schema = setup.openai.chat.completions.create({
    model: 'jamba-chat',
    messages: [{ role: 'user', content: 'x' }],
    response_format: { type: 'json_schema', json_schema: { name: 'order', schema: { type: 'object' } } },
  });
  await expect(schema).rejects.toMatchObject({ status: 400, param: 'response_format.type' });
  expect(upstreams.ai21.requests.length).toBe(calls);
});

test('MLflow routes: chat invocations, and completions on a Jamba model through the chat API, streamed too', async () => {
  const chat = await sdk().chat('jamba-chat', { messages: [{ role: 'user', content: 'Un café ?' }] });
  expect(chat.choices[0].message.content).toBe("Un café, s'il vous plaît ☕");

  const completion = await sdk().completions('jamba-completions', { prompt: 'Un café', stop: ['\n'], n: 1 });
  expect(completion.choices[0].text).toBe("Un café, s'il vous plaît ☕");
  expect(lastRequest()).toMatchObject({ url: '/studio/v1/chat/completions', body: { model: 'jamba-mini', messages: [{ role: 'user', content: 'Un café' }], stop: ['\n'], n: 1 } });

  let text = '';
  for await (const chunk of sdk().streamCompletions('jamba-completions', { prompt: 'p' })) text += chunk.choices[0]?.text ?? '';
  expect(text).toBe("Un café, s'il vous plaît 🙂");

  const viaOpenAI = await setup.openai.completions.create({ model: 'jamba-completions', prompt: 'Un café' });
  expect(viaOpenAI.choices[0].text).toBe("Un café, s'il vous plaît ☕");
});

test('/v1/completions on a Jamba chat endpoint is answered as on any other chat-only endpoint', async () => {
  const post = (model: string) =>
    fetch(`${setup.gateway.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model, prompt: 'x' }) }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { error: { message: string; param: unknown; code: unknown } },
    }));
  const [jamba, mistral] = [await post('jamba-chat'), await post('mistral-chat')];
  expect(jamba.status).toBe(mistral.status);
  expect(jamba.status).toBeGreaterThanOrEqual(400);
  expect(jamba.body.error.message.replace('jamba-chat', 'E')).toBe(mistral.body.error.message.replace('mistral-chat', 'E'));
});
