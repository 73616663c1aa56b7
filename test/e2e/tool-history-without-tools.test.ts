/**
 * An agent's final turn: the tool history (an assistant message with `tool_calls` and content null,
 * the `tool` results, a user message) sent again WITHOUT tools, or with `tool_choice: "none"`, to get
 * a plain answer. OpenAI takes it; Bedrock Converse refuses tool blocks without `toolConfig` (a
 * ValidationException) and the Anthropic Messages API has refused them without `tools`. The fakes
 * enforce both rules (test/support/fake-bedrock.ts, serveAnthropicFixtures), so these tests prove
 * the gateway sends what the vendors accept, through the official OpenAI client.
 */
import type OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { serveAnthropicFixtures, serveBedrockFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const config = (bedrockUrl: string, anthropicUrl: string) => `
endpoints:
  - name: bedrock-claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-sonnet-4-5-20250929-v1:0
      config: { aws_config: ${fakeAwsConfig(bedrockUrl)} }
  - name: bedrock-llama
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: meta.llama3-1-70b-instruct-v1:0
      config: { aws_config: ${fakeAwsConfig(bedrockUrl)} }
  - name: anthropic-claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropicUrl}/v1" }
`;

let bedrock: FakeBedrock;
let anthropic: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  bedrock = await startFakeBedrock(serveBedrockFixtures);
  anthropic = await startFakeUpstream(serveAnthropicFixtures('unused-completions-model'));
  gateway = await startGateway(config(bedrock.url, anthropic.url));
  openai = openaiClientFor(gateway);
});
beforeEach(() => {
  bedrock.calls.length = 0;
  anthropic.requests.length = 0;
});
afterAll(async () => {
  await gateway.close();
  await bedrock.close();
  await anthropic.close();
});

const weatherTool = { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } };
const weatherCall = { id: 'call_Xa1', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Paris"}' } };

/** The conversation the openai client replays for its final answer, as an agent loop builds it. */
const finalTurn: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a weather assistant.' },
  { role: 'user', content: 'Weather in Paris?' },
  { role: 'assistant', content: null, tool_calls: [weatherCall] },
  { role: 'tool', tool_call_id: 'call_Xa1', content: '18°C, sunny' },
  { role: 'user', content: 'Thanks! One sentence, please.' },
];

/** The same conversation as Converse turns once its tool history is text. */
const finalTurnAsConverseText = [
  { role: 'user', content: [{ text: 'Weather in Paris?' }] },
  { role: 'assistant', content: [{ text: '[tool call call_Xa1: get_weather {"location":"Paris"}]' }] },
  { role: 'user', content: [{ text: '[tool result call_Xa1 (get_weather): 18°C, sunny]' }, { text: 'Thanks! One sentence, please.' }] },
];

const converseText = (readJsonFixture('bedrock', 'converse-chat.response.json') as { output: { message: { content: { text: string }[] } } }).output.message.content[0].text;
const lastBedrockBody = () => bedrock.calls[bedrock.calls.length - 1].body as { messages: unknown; toolConfig?: unknown; system?: unknown };

describe('Bedrock Converse', () => {
  test('the final turn without tools is answered: the tool history goes as text and no toolConfig is needed', async () => {
    const completion = await openai.chat.completions.create({ model: 'bedrock-claude', messages: finalTurn });
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: converseText }, finish_reason: 'stop' });
    expect(lastBedrockBody()).toMatchObject({ system: [{ text: 'You are a weather assistant.' }], messages: finalTurnAsConverseText });
    expect(lastBedrockBody()).not.toHaveProperty('toolConfig');
  });

  test('streamed, on another family too (Llama)', async () => {
    const stream = await openai.chat.completions.create({ model: 'bedrock-llama', messages: finalTurn, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
    expect(lastBedrockBody().messages).toEqual(finalTurnAsConverseText);
  });

  test('tool_choice "none" with the tools and their history: no toolConfig, so no tool can be called', async () => {
    const completion = await openai.chat.completions.create({ model: 'bedrock-claude', messages: finalTurn, tools: [weatherTool], tool_choice: 'none' });
    expect(completion.choices[0]).toMatchObject({ message: { content: converseText, tool_calls: null }, finish_reason: 'stop' });
    expect(lastBedrockBody()).not.toHaveProperty('toolConfig');
    expect(lastBedrockBody().messages).toEqual(finalTurnAsConverseText);
  });

  test('tool_choice "none" without tools (no history) is a plain chat', async () => {
    const completion = await openai.chat.completions.create({ model: 'bedrock-claude', messages: [{ role: 'user', content: 'Hi' }], tool_choice: 'none' });
    expect(completion.choices[0].message.content).toBe(converseText);
    expect(lastBedrockBody()).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
  });

  test("Claude's signed thinking stays first in its turn, before the calls as text", async () => {
    const thinking = { type: 'thinking', thinking: 'The user wants Paris weather.', signature: 'EqQBCkgIARABGAIiQL' };
    const messages = finalTurn.map((message) => (message.role === 'assistant' ? { ...message, thinking_blocks: [thinking] } : message));
    await openai.chat.completions.create({ model: 'bedrock-claude', messages: messages as OpenAI.ChatCompletionMessageParam[] });
    expect((lastBedrockBody().messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [{ reasoningContent: { reasoningText: { text: thinking.thinking, signature: thinking.signature } } }, { text: '[tool call call_Xa1: get_weather {"location":"Paris"}]' }],
    });
  });

  test('with tools (the normal tool loop) the history still goes as toolUse / toolResult blocks', async () => {
    await openai.chat.completions.create({ model: 'bedrock-claude', messages: finalTurn, tools: [weatherTool] });
    expect(lastBedrockBody().messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'call_Xa1', name: 'get_weather', input: { location: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'call_Xa1', content: [{ text: '18°C, sunny' }] } }, { text: 'Thanks! One sentence, please.' }] },
    ]);
    expect(lastBedrockBody()).toHaveProperty('toolConfig');
  });
});

describe('Anthropic Messages API', () => {
  const lastAnthropicBody = () => anthropic.requests[anthropic.requests.length - 1].body as Record<string, unknown>;

  test('the final turn without tools is answered: the tools of the history are declared and tool_choice is none', async () => {
    const completion = await openai.chat.completions.create({ model: 'anthropic-claude', messages: finalTurn });
    expect(completion.choices[0]).toMatchObject({ message: { content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null }, finish_reason: 'stop' });
    const body = lastAnthropicBody();
    expect(body.tools).toEqual([{ name: 'get_weather', input_schema: { type: 'object', properties: {} } }]);
    expect(body.tool_choice).toEqual({ type: 'none' });
    // The conversation itself goes as it was: real tool_use / tool_result blocks.
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_Xa1', name: 'get_weather', input: { location: 'Paris' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_Xa1', content: '18°C, sunny' }] },
      { role: 'user', content: 'Thanks! One sentence, please.' },
    ]);
  });

  test("Claude's signed thinking goes back first in its turn, with thinking on (tool_choice none is allowed with thinking)", async () => {
    const thinking = { type: 'thinking', thinking: 'The user wants Paris weather.', signature: 'EqQBCkgIARABGAIiQL' };
    const messages = finalTurn.map((message) => (message.role === 'assistant' ? { ...message, thinking_blocks: [thinking] } : message));
    await openai.chat.completions.create({ model: 'anthropic-claude', messages: messages as OpenAI.ChatCompletionMessageParam[], reasoning_effort: 'low' });
    const body = lastAnthropicBody();
    expect(body).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 }, tool_choice: { type: 'none' } });
    expect((body.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [thinking, { type: 'tool_use', id: 'call_Xa1', name: 'get_weather', input: { location: 'Paris' } }],
    });
  });

  test('requests with tools are sent as before', async () => {
    await openai.chat.completions.create({ model: 'anthropic-claude', messages: finalTurn, tools: [weatherTool], tool_choice: 'none' });
    expect(lastAnthropicBody().tools).toEqual([{ name: 'get_weather', input_schema: weatherTool.function.parameters }]);
    expect(lastAnthropicBody().tool_choice).toEqual({ type: 'none' });
  });
});
