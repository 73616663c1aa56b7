/**
 * Tool calling on a Cohere endpoint, end to end with the official openai client: requests with
 * tools or tool history go to Cohere's v2 chat API (`/v2/chat`, next to the configured `/v1`, or `cohere_api_v2_base`),
 * plain text requests stay on v1 (`/v1/chat`) as before. The fake Cohere answers v2 requests with
 * the tool-call fixtures until the conversation holds tool results, then with the text fixtures.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

type SentMessage = { role: string; content?: unknown; tool_plan?: string; tool_calls?: unknown[]; tool_call_id?: string };

/** Where the fake serves Cohere's v2 chat: next to `/v1`, and at a proxy's own path (`cohere_api_v2_base`). */
const V2_CHAT_PATHS = ['/v2/chat', '/proxy/cohere-v2/chat?route=tools'];

function fakeCohere(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { stream?: boolean; messages?: SentMessage[] };
  const v2 = V2_CHAT_PATHS.includes(request.url);
  if (request.url.endsWith('/chat') && !v2) {
    if (body.stream) return sendStream(response, readFixture('cohere', 'chat.stream.ndjson'), 'application/stream+json');
    return sendJson(response, 200, readJsonFixture('cohere', 'chat.response.json'));
  }
  if (!v2) return sendJson(response, 404, { message: `no route ${request.url}` });
  const name = (body.messages ?? []).some((message) => message.role === 'tool') ? 'chat-v2' : 'chat-v2-tool-calls';
  if (body.stream) return sendStream(response, readFixture('cohere', `${name}.stream.sse`));
  sendJson(response, 200, readJsonFixture('cohere', `${name}.response.json`));
}

const setup = useGatewayWithUpstreams({
  upstreams: { cohere: fakeCohere },
  config: ({ cohere }) => `
endpoints:
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-test-key, cohere_api_base: "${cohere}/v1" } }
  - name: cohere-behind-proxy
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-test-key, cohere_api_base: "${cohere}/cohere" } }
  - name: cohere-v2-behind-proxy
    endpoint_type: llm/v1/chat
    model:
      provider: cohere
      name: command-a-03-2025
      config: { cohere_api_key: co-test-key, cohere_api_base: "${cohere}/proxy/cohere", cohere_api_v2_base: "${cohere}/proxy/cohere-v2?route=tools" }
`,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location'] },
    },
  },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { timezone: { type: 'string' } } } } },
];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Quel temps fait-il à Paris et à São Paulo ?' };
const PLAN = 'Je vais chercher la météo à Paris et à São Paulo.';
const FINAL = 'Il fait 18 °C à Paris et 27 °C à São Paulo ☀️.';
const requests = () => setup.upstreams.cohere.requests;
const sentBody = (index: number) => requests()[index].body as { messages: SentMessage[]; tools?: unknown[]; tool_choice?: string; stream?: boolean; message?: string };

/** The tool messages answering an answer's calls. */
const resultsFor = (calls: OpenAI.Chat.Completions.ChatCompletionMessageToolCall[]): OpenAI.Chat.Completions.ChatCompletionToolMessageParam[] =>
  calls.map((call, index) => ({ role: 'tool', tool_call_id: call.id, content: JSON.stringify({ celsius: index === 0 ? 18 : 27 }) }));

test('a tool loop: the calls with their ids and the plan, then the results sent back in v2 messages, then the answer', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], tools });
  const choice = first.choices[0];
  expect(choice.finish_reason).toBe('tool_calls');
  expect(choice.message.content).toBe(PLAN);
  expect(choice.message.tool_calls).toEqual([
    { id: 'get_weather_p1t92w7gfgq7', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
    { id: 'get_weather_ay6nmvjgp9vn', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } },
  ]);
  expect(first.usage).toEqual({ prompt_tokens: 913, completion_tokens: 83, total_tokens: 996 });

  const calls = choice.message.tool_calls ?? [];
  const second = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question, choice.message, ...resultsFor(calls)], tools });
  expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: FINAL } });

  expect(requests().map((request) => request.url)).toEqual(['/v2/chat', '/v2/chat']);
  expect(requests()[0].headers.authorization).toBe('Bearer co-test-key');
  expect(sentBody(0)).toEqual({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Quel temps fait-il à Paris et à São Paulo ?' }], tools });
  expect(sentBody(1).messages.slice(1)).toEqual([
    { role: 'assistant', tool_plan: PLAN, tool_calls: calls },
    { role: 'tool', tool_call_id: 'get_weather_p1t92w7gfgq7', content: '{"celsius":18}' },
    { role: 'tool', tool_call_id: 'get_weather_ay6nmvjgp9vn', content: '{"celsius":27}' },
  ]);
});

test('streamed: OpenAI tool-call deltas build the same calls, usage on the last chunk, then the streamed answer', async () => {
  const stream = setup.openai.chat.completions.stream({ model: 'cohere', messages: [question], tools, stream_options: { include_usage: true } });
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  stream.on('chunk', (chunk) => chunks.push(chunk));
  const first = await stream.finalChatCompletion();
  expect(first.choices[0].finish_reason).toBe('tool_calls');
  expect(first.choices[0].message.content).toBe(PLAN);
  const calls = first.choices[0].message.tool_calls ?? [];
  expect(calls.map((call) => [call.id, call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : null])).toEqual([
    ['get_weather_p1t92w7gfgq7', ['get_weather', { location: 'Paris, France' }]],
    ['get_weather_ay6nmvjgp9vn', ['get_weather', { location: 'São Paulo, Brazil' }]],
  ]);
  expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 913, completion_tokens: 83, total_tokens: 996 });
  expect(requests()[0].headers.accept).toBe('text/event-stream');
  expect(sentBody(0).stream).toBe(true);

  const answer = await setup.openai.chat.completions.stream({ model: 'cohere', messages: [question, first.choices[0].message, ...resultsFor(calls)], tools }).finalChatCompletion();
  expect(answer.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: FINAL } });
  expect(sentBody(1).messages[1]).toEqual({ role: 'assistant', tool_plan: PLAN, tool_calls: calls.map(({ id, type, function: call }) => ({ id, type, function: call })) });
});

test('plain text requests stay on v1, streamed or not, with v1 bodies', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question] });
  expect(answer.choices[0].finish_reason).toBe('stop');
  const stream = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], stream: true });
  for await (const _chunk of stream);
  expect(requests().map((request) => request.url)).toEqual(['/v1/chat', '/v1/chat']);
  expect(sentBody(0)).toEqual({ model: 'command-a-03-2025', message: 'Quel temps fait-il à Paris et à São Paulo ?' });
});

test('a named tool_choice sends only that tool, REQUIRED; parallel_tool_calls: false keeps the first call only', async () => {
  await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], tools, tool_choice: { type: 'function', function: { name: 'get_time' } } });
  expect(sentBody(0)).toMatchObject({ tools: [tools[1]], tool_choice: 'REQUIRED' });

  const one = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], tools, parallel_tool_calls: false });
  expect(one.choices[0].message.tool_calls?.map((call) => call.id)).toEqual(['get_weather_p1t92w7gfgq7']);
  expect(sentBody(1)).not.toHaveProperty('parallel_tool_calls');
  const streamed = await setup.openai.chat.completions.stream({ model: 'cohere', messages: [question], tools, parallel_tool_calls: false }).finalChatCompletion();
  expect(streamed.choices[0].message.tool_calls?.map((call) => call.id)).toEqual(['get_weather_p1t92w7gfgq7']);
});

test('a tool_choice naming a tool not offered is a 400 naming the field; nothing is sent', async () => {
  await expect(setup.openai.chat.completions.create({ model: 'cohere', messages: [question], tools, tool_choice: { type: 'function', function: { name: 'book_flight' } } })).rejects.toMatchObject({
    status: 400,
    param: 'tool_choice.function.name',
    message: expect.stringContaining("no tool named 'book_flight' in tools"),
  });
  expect(requests()).toHaveLength(0);
});

test('a base without a final /v1 (a proxy path): text works, a tool request is a 501 saying why, streamed or not, and nothing is sent to v2', async () => {
  await setup.openai.chat.completions.create({ model: 'cohere-behind-proxy', messages: [question] });
  expect(requests().map((request) => request.url)).toEqual(['/cohere/chat']);
  const refusal = { status: 501, message: expect.stringContaining("this endpoint's cohere_api_base does not end in '/v1': set cohere_api_v2_base") };
  await expect(setup.openai.chat.completions.create({ model: 'cohere-behind-proxy', messages: [question], tools })).rejects.toMatchObject(refusal);
  await expect(setup.openai.chat.completions.create({ model: 'cohere-behind-proxy', messages: [question], tools, stream: true })).rejects.toMatchObject(refusal);
  expect(requests()).toHaveLength(1);
});

test('with cohere_api_v2_base, tool requests go there, streamed or not, and text requests stay on cohere_api_base', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'cohere-v2-behind-proxy', messages: [question], tools });
  expect(answer.choices[0].message.tool_calls?.map((call) => call.id)).toEqual(['get_weather_p1t92w7gfgq7', 'get_weather_ay6nmvjgp9vn']);
  const streamed = await setup.openai.chat.completions.stream({ model: 'cohere-v2-behind-proxy', messages: [question], tools }).finalChatCompletion();
  expect(streamed.choices[0].finish_reason).toBe('tool_calls');
  await setup.openai.chat.completions.create({ model: 'cohere-v2-behind-proxy', messages: [question] });
  expect(requests().map((request) => request.url)).toEqual(['/proxy/cohere-v2/chat?route=tools', '/proxy/cohere-v2/chat?route=tools', '/proxy/cohere/chat']);
  expect(requests().map((request) => request.headers.authorization)).toEqual(['Bearer co-test-key', 'Bearer co-test-key', 'Bearer co-test-key']);
  expect(sentBody(1)).toMatchObject({ model: 'command-a-03-2025', stream: true, tools });
});
