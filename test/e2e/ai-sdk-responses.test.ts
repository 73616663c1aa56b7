/**
 * The Vercel AI SDK (`ai` 6 with `@ai-sdk/openai` 3, the newest on Node 20) against `POST /v1/responses`:
 * `openai(model)` is its Responses API model, and it parses every answer and stream event with zod, so a
 * field of the wrong type is an error there. generateText and streamText with text, a tool it executes
 * (the result goes back as a function_call_output item) and structured output, on a fake OpenAI chat
 * upstream (what the gateway sends it is the translation) and the mock provider.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type UpstreamHandler } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
  - name: mock-chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: ReturnType<typeof createOpenAI>;
/** The bodies the SDK sent to /v1/responses, in order. */
const sent: Record<string, unknown>[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(config(upstream.url));
  const recordingFetch: typeof fetch = (url, init) => {
    sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return fetch(url, init);
  };
  openai = createOpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, fetch: recordingFetch });
});
beforeEach(() => {
  sent.length = 0;
  upstream.requests.length = 0;
  upstream.setHandler(serveOpenAIFixtures);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

type ChatAnswer = { choices: { message: Record<string, unknown>; finish_reason: string }[]; usage?: unknown };

/** The upstream answers each chat request with the next handler (the last one repeats). */
function answerInTurn(...handlers: UpstreamHandler[]): void {
  let turn = 0;
  upstream.setHandler((request, response) => handlers[Math.min(turn++, handlers.length - 1)](request, response));
}

/** A chat answer fixture, changed first by `edit`. */
const chatAnswer =
  (name: string, edit: (answer: ChatAnswer) => void = () => undefined): UpstreamHandler =>
  (_request, response) => {
    const answer = readJsonFixture<ChatAnswer>('openai', name);
    edit(answer);
    sendJson(response, 200, answer);
  };

const chatStream =
  (name: string): UpstreamHandler =>
  (_request, response) =>
    sendStream(response, readFixture('openai', name));

/** The mock provider calls the first tool with `{ input: <the user's text> }`. */
const lookup = tool({ description: 'Looks a thing up', inputSchema: z.object({ input: z.string() }), execute: async ({ input }) => `sunny in ${input.split(' ').at(-1)}` });

const FIXTURE_TEXT = 'Bonjour ! Un café ? ☕ Je suis là pour aider.';

test('generateText: the text, finish reason and usage of the answer', async () => {
  const result = await generateText({ model: openai('chat'), system: 'Answer in French.', prompt: 'Hello', maxOutputTokens: 50, maxRetries: 0 });
  expect(result.text).toBe(FIXTURE_TEXT);
  expect(result.finishReason).toBe('stop');
  expect(result.usage).toMatchObject({ inputTokens: 21, outputTokens: 14, totalTokens: 35, inputTokenDetails: { cacheReadTokens: 0 }, outputTokenDetails: { reasoningTokens: 0 } });
  expect(result.response.id).toMatch(/^resp_/);
  expect(upstream.requests[0].body).toMatchObject({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    ],
    max_tokens: 50,
  });
});

test('generateText with a tool it executes: two steps, the result sent back as function_call_output', async () => {
  const result = await generateText({ model: openai('mock-chat'), prompt: 'weather in Paris', tools: { lookup }, stopWhen: stepCountIs(3), maxRetries: 0 });
  expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
  expect(result.steps[0].toolCalls).toEqual([expect.objectContaining({ toolName: 'lookup', input: { input: 'weather in Paris' } })]);
  expect(result.text).toBe('Tool said: sunny in Paris');
  const callId = result.steps[0].toolCalls[0].toolCallId;
  expect(sent[1].input).toEqual([
    { role: 'user', content: [{ type: 'input_text', text: 'weather in Paris' }] },
    { type: 'function_call', call_id: callId, name: 'lookup', arguments: '{"input":"weather in Paris"}' },
    { type: 'function_call_output', call_id: callId, output: 'sunny in Paris' },
  ]);
  // Both steps' usage: the mock counts words (3 in, 1 call out; then 3 + 3 in, 5 out).
  expect(result.totalUsage).toMatchObject({ inputTokens: 9, outputTokens: 6, totalTokens: 15 });
});

test('streamText: text deltas as they come, then the finish reason and usage', async () => {
  upstream.setHandler(chatStream('chat-cached-reasoning.stream.sse'));
  const result = streamText({ model: openai('chat'), prompt: 'Three coffees?', maxRetries: 0 });
  const deltas: string[] = [];
  for await (const delta of result.textStream) deltas.push(delta);
  expect(deltas.length).toBeGreaterThan(1);
  expect(deltas.join('')).toBe(await result.text);
  expect(await result.finishReason).toBe('stop');
  expect(await result.usage).toMatchObject({ inputTokens: 2006, outputTokens: 236, totalTokens: 2242, inputTokenDetails: { cacheReadTokens: 1920 }, outputTokenDetails: { reasoningTokens: 192 } });
});

test('streamText with a tool: the call streams as tool input, is executed, and the next step streams the answer', async () => {
  const result = streamText({ model: openai('mock-chat'), prompt: 'weather in Tokyo', tools: { lookup }, stopWhen: stepCountIs(3), maxRetries: 0 });
  const parts: string[] = [];
  for await (const part of result.fullStream) parts.push(part.type);
  expect(parts.filter((type) => !type.endsWith('-delta'))).toEqual([
    'start',
    'start-step',
    'tool-input-start',
    'tool-input-end',
    'tool-call',
    'tool-result',
    'finish-step',
    'start-step',
    'text-start',
    'text-end',
    'finish-step',
    'finish',
  ]);
  expect(await result.text).toBe('Tool said: sunny in Tokyo');
  expect(await result.finishReason).toBe('stop');
  expect((await result.steps).map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
  expect(await result.totalUsage).toMatchObject({ inputTokens: 9, outputTokens: 6, totalTokens: 15 });
});

test('structured output: text.format json_schema is the chat response_format, and the answer parses', async () => {
  upstream.setHandler(chatAnswer('chat.response.json', (answer) => (answer.choices[0].message.content = '{"city":"Paris","coffees":3}')));
  const schema = z.object({ city: z.string(), coffees: z.number() });
  const result = await generateText({ model: openai('chat'), prompt: 'Where, and how many?', output: Output.object({ schema }), maxRetries: 0 });
  expect(result.output).toEqual({ city: 'Paris', coffees: 3 });
  expect(sent[0].text).toMatchObject({ format: { type: 'json_schema', name: 'response', strict: true } });
  expect(upstream.requests[0].body).toMatchObject({
    response_format: { type: 'json_schema', json_schema: { name: 'response', strict: true, schema: { type: 'object', required: ['city', 'coffees'], additionalProperties: false } } },
  });
});

test('an answer cut at the token limit: finish reason length, from generateText and streamText', async () => {
  upstream.setHandler(chatAnswer('chat.response.json', (answer) => (answer.choices[0].finish_reason = 'length')));
  const generated = await generateText({ model: openai('chat'), prompt: 'Hello', maxOutputTokens: 14, maxRetries: 0 });
  expect({ text: generated.text, finishReason: generated.finishReason }).toEqual({ text: FIXTURE_TEXT, finishReason: 'length' });

  const cut = readFixture('openai', 'chat.stream.sse').replace('"finish_reason":"stop"', '"finish_reason":"length"');
  upstream.setHandler((_request, response) => sendStream(response, cut));
  const streamed = streamText({ model: openai('chat'), prompt: 'Hello', maxOutputTokens: 9, maxRetries: 0 });
  expect({ text: await streamed.text, finishReason: await streamed.finishReason }).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finishReason: 'length' });
});

describe('usage the provider did not report', () => {
  const noUsage = chatAnswer('chat.response.json', (answer) => delete answer.usage);
  const promptCountOnly = chatAnswer('chat.response.json', (answer) => (answer.usage = { prompt_tokens: 21 }));

  test.each([
    ['none', noUsage],
    ['the prompt count alone', promptCountOnly],
  ])('%s: generateText answers, with unknown counts (the Response has usage: null, no count made up)', async (_what, handler) => {
    upstream.setHandler(handler);
    const result = await generateText({ model: openai('chat'), prompt: 'Hello', maxRetries: 0 });
    expect(result.text).toBe(FIXTURE_TEXT);
    expect(result.usage).toMatchObject({ inputTokens: undefined, outputTokens: undefined, totalTokens: undefined });
    expect((result.response.body as { usage: unknown }).usage).toBeNull();
  });

  test('a stream whose usage chunk has the prompt count alone: streamText finishes, with unknown counts', async () => {
    const promptOnly = readFixture('openai', 'chat.stream.sse').replace('data: [DONE]', `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1748251380, model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 21 } })}\n\ndata: [DONE]`);
    upstream.setHandler((_request, response) => sendStream(response, promptOnly));
    const result = streamText({ model: openai('chat'), prompt: 'Hello', maxRetries: 0 });
    expect(await result.text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: undefined, outputTokens: undefined });
  });
});

describe('earlier output items, which the SDK names by id (item_reference) unless told store: false: the gateway keeps them', () => {
  const getDate = tool({ description: "Today's date", inputSchema: z.object({}), execute: async () => '2026-12-04' });
  const callId = 'call_00_Kx3vQ9pLTyW2mN8rB5cJ4A';
  const toolRound = [{ type: 'function_call', call_id: callId, name: 'get_date', arguments: '{}' }, { type: 'function_call_output', call_id: callId, output: '2026-12-04' }];
  const chatToolRound = [
    { role: 'assistant', tool_calls: [{ id: callId, type: 'function', function: { name: 'get_date', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: callId, content: '2026-12-04' },
  ];

  test('generateText: reasoning, then a tool call, then the answer; the reasoning item named by id is left out', async () => {
    answerInTurn(chatAnswer('chat-deepseek-thinking-tool-call.response.json'), chatAnswer('chat.response.json'));
    const result = await generateText({ model: openai('chat'), prompt: 'Weather tomorrow?', tools: { get_date: getDate }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(result.text).toBe(FIXTURE_TEXT);
    expect(result.steps[0].reasoningText).toMatch(/^The user asks for tomorrow's weather in Hangzhou\./);
    expect(sent[1].input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'Weather tomorrow?' }] }, { type: 'item_reference', id: expect.stringMatching(/^rs_/) }, ...toolRound]);
    expect(upstream.requests[1].body).toMatchObject({ messages: [{ role: 'user' }, ...chatToolRound] });
  });

  test('streamText: the same, streamed', async () => {
    answerInTurn(chatStream('chat-deepseek-thinking-tool-call.stream.sse'), chatStream('chat.stream.sse'));
    const result = streamText({ model: openai('chat'), prompt: 'Weather tomorrow?', tools: { get_date: getDate }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(await result.text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(await result.finishReason).toBe('stop');
    expect(sent[1].input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'Weather tomorrow?' }] }, { type: 'item_reference', id: expect.stringMatching(/^rs_/) }, ...toolRound]);
  });

  const textThenCall = chatAnswer('chat-deepseek-thinking-tool-call.response.json', (answer) => {
    delete answer.choices[0].message.reasoning_content;
    answer.choices[0].message.content = 'Let me check the date.';
  });

  test("with the SDK's default store, the text before a tool call is named by id and resolves from the gateway's store: the loop goes on", async () => {
    answerInTurn(textThenCall, chatAnswer('chat.response.json'));
    const result = await generateText({ model: openai('chat'), prompt: 'Weather tomorrow?', tools: { get_date: getDate }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(result.text).toBe(FIXTURE_TEXT);
    expect(sent[1].input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'Weather tomorrow?' }] }, { type: 'item_reference', id: expect.stringMatching(/^msg_/) }, ...toolRound]);
    expect(upstream.requests[1].body).toMatchObject({
      messages: [{ role: 'user' }, { role: 'assistant', content: 'Let me check the date.', tool_calls: chatToolRound[0].tool_calls }, chatToolRound[1]],
    });
  });

  test('streamText with the default store: the same loop, streamed', async () => {
    // The model's reasoning written as its text instead, before the call.
    const textThenCallStream = readFixture('openai', 'chat-deepseek-thinking-tool-call.stream.sse').replaceAll('"content":null,"reasoning_content":"', '"content":"');
    answerInTurn((_request, response) => sendStream(response, textThenCallStream), chatStream('chat.stream.sse'));
    const result = streamText({ model: openai('chat'), prompt: 'Weather tomorrow?', tools: { get_date: getDate }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(await result.text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(sent[1].input).toContainEqual({ type: 'item_reference', id: expect.stringMatching(/^msg_/) });
    expect(upstream.requests[1].body).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', content: "The user asks for tomorrow's weather in Hangzhou. I need the date first, then the forecast: call get_date.", tool_calls: chatToolRound[0].tool_calls },
        chatToolRound[1],
      ],
    });
  });

  test("a second turn of a chat with the default store: the SDK names the first answer's message by id, and the upstream gets its text", async () => {
    const first = await generateText({ model: openai('chat'), prompt: 'Hello', maxRetries: 0 });
    const second = await generateText({ model: openai('chat'), messages: [{ role: 'user', content: 'Hello' }, ...first.response.messages, { role: 'user', content: 'And in Spanish?' }], maxRetries: 0 });
    expect(second.text).toBe(FIXTURE_TEXT);
    expect(sent[1].input).toEqual([
      { role: 'user', content: [{ type: 'input_text', text: 'Hello' }] },
      { type: 'item_reference', id: expect.stringMatching(/^msg_/) },
      { role: 'user', content: [{ type: 'input_text', text: 'And in Spanish?' }] },
    ]);
    expect(upstream.requests[1].body).toMatchObject({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
        { role: 'assistant', content: FIXTURE_TEXT },
        { role: 'user', content: [{ type: 'text', text: 'And in Spanish?' }] },
      ],
    });
  });

  test('with store: false the SDK sends the message itself, and the tool loop goes on', async () => {
    answerInTurn(textThenCall, chatAnswer('chat.response.json'));
    const result = await generateText({ model: openai('chat'), prompt: 'Weather tomorrow?', tools: { get_date: getDate }, stopWhen: stepCountIs(3), maxRetries: 0, providerOptions: { openai: { store: false } } });
    expect(result.text).toBe(FIXTURE_TEXT);
    expect(upstream.requests[1].body).toMatchObject({
      messages: [{ role: 'user' }, { role: 'assistant', content: 'Let me check the date.', tool_calls: chatToolRound[0].tool_calls }, chatToolRound[1]],
    });
  });
});
