/**
 * Claude's extended thinking with tools on Amazon Bedrock (Converse), end to end: the official OpenAI
 * client asks a tool question with `thinking` on, sends the answer's message back (with its
 * `thinking_blocks`) and the tool result, and the fake Bedrock answers the second turn only if, as
 * Bedrock requires during tool use, the assistant turn starts with the reasoningContent blocks the
 * model produced, signature and redacted bytes unchanged; otherwise it refuses with a
 * ValidationException. The openai node client's `runTools()`, which sends answers back without
 * their `thinking_blocks`, gets them put back from what the gateway kept (src/server/kept-thinking.ts);
 * with interleaved thinking and the answer sent back as tool calls alone (content "" or null), each
 * reasoningContent block goes back before the call it came before, counted without the text.
 * The gateway talks to the fake through the real AWS SDK (SigV4, event-stream).
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 */
import type OpenAI from 'openai';
import { useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { pythonStreamMessage } from '../support/openai-python-accumulate';
import { fakeConverse, fakeInterleavedConverse, thinkingBedrockEndpoints, FINAL_TEXT, INTERLEAVED_WITHOUT_TEXT, PRODUCED_REASONING, PRODUCED_THINKING_BLOCKS, type ConverseRequest } from '../support/thinking-bedrock';

const setup = useGatewayWithFakeBedrock({
  serve: fakeConverse,
  config: thinkingBedrockEndpoints,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } }, required: ['location'] } } },
];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' };
/** `thinking` is Claude's parameter; the OpenAI client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;

const secondAssistantTurn = () => (setup.fake.calls[1].body as ConverseRequest).messages[1];

test('non-streaming: thinking is turned on, the answer carries the thinking blocks, and sent back whole they come first in the assistant turn', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, max_tokens: 4096, ...thinking });
  expect((setup.fake.calls[0].body as ConverseRequest).additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
  const message = first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string; thinking_blocks?: unknown[] };
  expect(message.reasoning_content).toBe(PRODUCED_THINKING_BLOCKS[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING_BLOCKS);

  const toolResult = { role: 'tool' as const, tool_call_id: message.tool_calls![0].id, content: '{"temperature": 18, "unit": "celsius"}' };
  const second = await setup.openai.chat.completions.create({ model: 'claude', messages: [question, message, toolResult], tools, max_tokens: 4096, ...thinking });
  expect(second.choices[0].message.content).toBe('It is 18 °C in Paris.');
  expect(secondAssistantTurn()).toEqual({
    role: 'assistant',
    content: [...PRODUCED_REASONING, { text: "I'll look up the current weather in Paris." }, expect.objectContaining({ toolUse: expect.any(Object) })],
  });
});

test('streaming: the thinking blocks assembled from the deltas go back, and the second turn succeeds', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, stream: true, ...thinking });
  const { reasoning, calls, blocks, message: assistant } = await assembleAssistantTurn(stream);
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(reasoning).toBe(PRODUCED_THINKING_BLOCKS[0].thinking);
  expect(blocks).toEqual(PRODUCED_THINKING_BLOCKS);

  const second = await setup.openai.chat.completions.create({
    model: 'claude',
    messages: [question, assistant, { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature": 18}' }],
    tools,
    ...thinking,
  });
  expect(second.choices[0].message.content).toBe('It is 18 °C in Paris.');
  expect(secondAssistantTurn().content.slice(0, 2)).toEqual(PRODUCED_REASONING);
});

test("streaming: openai-python's stream helper, which joins list deltas on their index, gets the thinking blocks whole, and the second turn succeeds", async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, stream: true, ...thinking });
  const message = await pythonStreamMessage(stream);
  expect(message.reasoning_content).toBe(PRODUCED_THINKING_BLOCKS[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING_BLOCKS.map((block) => expect.objectContaining(block)));

  const calls = message.tool_calls as OpenAI.Chat.Completions.ChatCompletionMessageToolCall[];
  const second = await setup.openai.chat.completions.create({
    model: 'claude',
    messages: [question, message as unknown as OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam, { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature": 18}' }],
    tools,
    ...thinking,
  });
  expect(second.choices[0].message.content).toBe('It is 18 °C in Paris.');
  expect(secondAssistantTurn().content.slice(0, 2)).toEqual(PRODUCED_REASONING);
});

test.each([false, true])("the openai node client's runTools() (stream: %s), which sends each answer back without its thinking_blocks, gets them back from the gateway as reasoningContent", async (stream) => {
  const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
  const tool = { name: 'get_weather', description: 'Current weather', parameters, parse: JSON.parse, function: () => '{"temperature": 18}' };
  const body = { model: 'claude', messages: [question], tools: [{ type: 'function' as const, function: tool }], ...thinking };
  const runner = stream ? setup.openai.chat.completions.runTools({ ...body, stream }) : setup.openai.chat.completions.runTools(body);
  await runner.finalContent();
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(stream ? ['converse-stream', 'converse-stream'] : ['converse', 'converse']);
  expect(secondAssistantTurn().content.slice(0, 2)).toEqual(PRODUCED_REASONING);
});

describe.each([false, true])('interleaved thinking (stream: %s), the answer sent back as its tool_calls alone', (stream) => {
  const interleaved = useGatewayWithFakeBedrock({ serve: fakeInterleavedConverse, config: thinkingBedrockEndpoints, validateResponses: true });

  test.each(['', null])('content %j: the kept reasoningContent goes back placed without the text', async (content) => {
    const body = { model: 'claude', messages: [question], tools, ...thinking };
    const message = stream ? (await assembleAssistantTurn(await interleaved.openai.chat.completions.create({ ...body, stream: true }))).message : (await interleaved.openai.chat.completions.create(body)).choices[0].message;
    const results = message.tool_calls!.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"temperature": 18}' }));
    const second = await interleaved.openai.chat.completions.create({ model: 'claude', messages: [question, { role: 'assistant', content, tool_calls: message.tool_calls }, ...results], tools, ...thinking });
    expect(second.choices[0].message.content).toBe(FINAL_TEXT);
    expect((interleaved.fake.calls[1].body as ConverseRequest).messages[1].content).toEqual(INTERLEAVED_WITHOUT_TEXT);
  });
});
