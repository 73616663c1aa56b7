/**
 * Extended thinking with tools, end to end: the official OpenAI client asks a tool question with
 * `thinking` on, sends the answer's message back (with its `thinking_blocks`) and the tool result,
 * and the fake Anthropic upstream (support/thinking-claude.ts) answers the second turn only if, as
 * Anthropic requires, the assistant turn starts with the thinking blocks it produced, signature
 * included; otherwise it refuses with Anthropic's own 400.
 * https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking ("Preserving thinking blocks")
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { pythonStreamMessage } from '../support/openai-python-accumulate';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { FINAL_TEXT, PRODUCED_THINKING, fakeThinkingClaude, type AnthropicBody } from '../support/thinking-claude';

/** Assistant message fields Mistral's and OpenAI's schemas know; Mistral refuses any other with a 422. */
const KNOWN_ASSISTANT_FIELDS = new Set(['role', 'content', 'tool_calls', 'name', 'prefix']);

/** A chat API that, like Mistral's, refuses unknown message fields (pydantic `extra_forbidden`). */
function fakeStrictChat(request: RecordedRequest, response: ServerResponse): void {
  const messages = (request.body as { messages: Record<string, unknown>[] }).messages;
  const detail = messages.flatMap((message, index) =>
    message.role !== 'assistant'
      ? []
      : Object.keys(message)
          .filter((field) => !KNOWN_ASSISTANT_FIELDS.has(field))
          .map((field) => ({ type: 'extra_forbidden', loc: ['body', 'messages', index, 'assistant', field], msg: 'Extra inputs are not permitted', input: message[field] })),
  );
  if (detail.length > 0) return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: fakeThinkingClaude, mistral: fakeStrictChat, azure: fakeStrictChat, compatible: fakeStrictChat },
  config: (urls) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" }
  - name: mistral
    endpoint_type: llm/v1/chat
    model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: mistral-test-key, mistral_api_base: "${urls.mistral}/v1" } }
  - name: azure
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o
      config: { openai_api_type: azure, openai_api_key: azure-test-key, openai_api_base: "${urls.azure}", openai_deployment_name: gpt-4o, openai_api_version: "2024-10-21" }
  - name: deepseek-style
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: deepseek-chat, config: { openai_api_key: sk-compatible-test, openai_api_base: "${urls.compatible}/v1" } }
`,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } }, required: ['location'] } } },
];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' };
/** `thinking` is Anthropic's parameter; the OpenAI client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;

function toolResultFor(message: OpenAI.Chat.Completions.ChatCompletionMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  return { role: 'tool', tool_call_id: message.tool_calls![0].id, content: '{"temperature": 18, "unit": "celsius"}' };
}

const secondAssistantTurn = () => (setup.upstreams.anthropic.requests[1].body as AnthropicBody).messages[1];

test('non-streaming: the answer message sent back whole gives Anthropic its thinking blocks first, and the second turn succeeds', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, ...thinking });
  const message = first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string; thinking_blocks?: unknown[] };
  expect(message.reasoning_content).toBe(PRODUCED_THINKING[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING);

  const second = await setup.openai.chat.completions.create({ model: 'claude', messages: [question, message, toolResultFor(message)], tools, ...thinking });
  expect(second.choices[0].message.content).toBe(FINAL_TEXT);
  expect(secondAssistantTurn()).toEqual({
    role: 'assistant',
    content: [...PRODUCED_THINKING, { type: 'text', text: "I'll look up the current weather in Paris." }, expect.objectContaining({ type: 'tool_use' })],
  });
});

test('streaming: the thinking blocks assembled from the deltas go back, and the second turn succeeds', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, stream: true, ...thinking });
  const { calls, blocks, message: assistant } = await assembleAssistantTurn(stream);
  expect(blocks).toEqual(PRODUCED_THINKING);

  const second = await setup.openai.chat.completions.create({
    model: 'claude',
    messages: [question, assistant, { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature": 18}' }],
    tools,
    ...thinking,
  });
  expect(second.choices[0].message.content).toBe(FINAL_TEXT);
  expect((secondAssistantTurn().content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
});

test("streaming: openai-python's stream helper, which joins list deltas on their index, gets the thinking blocks whole, and the second turn succeeds", async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, stream: true, ...thinking });
  const message = await pythonStreamMessage(stream);
  expect(message.reasoning_content).toBe(PRODUCED_THINKING[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING.map((block) => expect.objectContaining(block)));

  const calls = message.tool_calls as OpenAI.Chat.Completions.ChatCompletionMessageToolCall[];
  const second = await setup.openai.chat.completions.create({
    model: 'claude',
    messages: [question, message as unknown as OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam, { role: 'tool', tool_call_id: calls[0].id, content: '{"temperature": 18}' }],
    tools,
    ...thinking,
  });
  expect(second.choices[0].message.content).toBe(FINAL_TEXT);
  expect((secondAssistantTurn().content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
});

test('a thinking block without its signature is a 400 naming the field, before Anthropic is called', async () => {
  const sent = setup.openai.chat.completions.create({
    model: 'claude',
    messages: [
      question,
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{}' } }], thinking_blocks: [{ type: 'thinking', thinking: 'Hmm.' }] } as OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam,
      { role: 'tool', tool_call_id: 'toolu_01', content: '{}' },
    ],
    tools,
    ...thinking,
  });
  await expect(sent).rejects.toMatchObject({ status: 400, error: { message: 'messages[1].thinking_blocks[0].signature: is required' } });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test('the conversation moves on to OpenAI-shaped endpoints: Mistral and Azure get neither reasoning field (Mistral Large, which does not think, not even as a content chunk), a custom OpenAI-compatible base keeps reasoning_content', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, ...thinking });
  const message = first.choices[0].message;
  expect(message).toHaveProperty('reasoning_content');
  const conversation = [question, message, toolResultFor(message)];

  for (const model of ['mistral', 'azure']) {
    const answer = await setup.openai.chat.completions.create({ model, messages: conversation, tools });
    expect(`${model}: ${answer.choices[0].finish_reason}`).toBe(`${model}: stop`);
  }
  for (const vendor of ['mistral', 'azure'] as const) {
    expect(Object.keys((setup.upstreams[vendor].requests[0].body as AnthropicBody).messages[1]).sort()).toEqual(['content', 'role', 'tool_calls']);
  }
  expect((setup.upstreams.mistral.requests[0].body as AnthropicBody).messages[1].content).toBe(message.content);
  // A server behind a custom base (DeepSeek-style) may want reasoning_content back; this fake refuses it, so the vendor's 422 comes through.
  await expect(setup.openai.chat.completions.create({ model: 'deepseek-style', messages: conversation, tools })).rejects.toMatchObject({ status: 422 });
  const sent = (setup.upstreams.compatible.requests[0].body as AnthropicBody).messages[1];
  expect(sent).toHaveProperty('reasoning_content', PRODUCED_THINKING[0].thinking);
  expect(sent).not.toHaveProperty('thinking_blocks');
});
