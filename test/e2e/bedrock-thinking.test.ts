/**
 * Claude's extended thinking with tools on Amazon Bedrock (Converse), end to end: the official OpenAI
 * client asks a tool question with `thinking` on, sends the answer's message back (with its
 * `thinking_blocks`) and the tool result, and the fake Bedrock answers the second turn only if, as
 * Bedrock requires during tool use, the assistant turn starts with the reasoningContent blocks the
 * model produced, signature and redacted bytes unchanged; otherwise it refuses with a
 * ValidationException. The openai node client's `runTools()`, which sends answers back without
 * their `thinking_blocks`, gets them put back from what the gateway kept (src/server/kept-thinking.ts).
 * The gateway talks to the fake through the real AWS SDK (SigV4, event-stream).
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 */
import type OpenAI from 'openai';
import { converseEvents } from '../support/fixture-upstreams';
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { pythonStreamMessage } from '../support/openai-python-accumulate';

const FIRST_ANSWER = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-thinking-tool-use.response.json');
/** The reasoningContent blocks of the first answer as on the wire (redacted bytes in base64), which must come back unchanged. */
const PRODUCED_REASONING = FIRST_ANSWER.output.message.content.slice(0, 2);
const PRODUCED_THINKING_BLOCKS = [
  { type: 'thinking', thinking: PRODUCED_REASONING[0].reasoningContent.reasoningText.text, signature: PRODUCED_REASONING[0].reasoningContent.reasoningText.signature },
  { type: 'redacted_thinking', data: PRODUCED_REASONING[1].reasoningContent.redactedContent },
];

const FINAL_ANSWER = {
  output: { message: { role: 'assistant', content: [{ text: 'It is 18 °C in Paris.' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 730, outputTokens: 14, totalTokens: 744 },
  metrics: { latencyMs: 640 },
};

interface ConverseRequest {
  messages: { role: string; content: Record<string, unknown>[] }[];
  additionalModelRequestFields?: Record<string, unknown>;
}

/** A fake Converse enforcing the rule: the assistant turn before a tool result starts with its reasoning. */
function fakeConverse(call: BedrockCall): BedrockReply {
  const body = call.body as ConverseRequest;
  if (body.additionalModelRequestFields?.thinking === undefined) {
    return { error: { status: 400, type: 'ValidationException', message: 'thinking was not enabled' } };
  }
  const assistant = body.messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) return call.operation === 'converse-stream' ? { events: converseEvents('converse-thinking-tool-use.events.json') } : { json: FIRST_ANSWER };
  if (JSON.stringify(assistant.content.slice(0, 2)) !== JSON.stringify(PRODUCED_REASONING)) {
    return {
      error: {
        status: 400,
        type: 'ValidationException',
        message:
          'The model returned the following errors: messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks).',
      },
    };
  }
  return call.operation === 'converse-stream' ? { events: converseEvents('converse-chat.events.json') } : { json: FINAL_ANSWER };
}

const setup = useGatewayWithFakeBedrock({
  serve: fakeConverse,
  config: (fakeUrl) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-sonnet-4-5-20250929-v1:0
      config:
        aws_config: ${fakeAwsConfig(fakeUrl, 'eu-west-3')}
`,
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
