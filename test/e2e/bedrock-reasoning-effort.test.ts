/**
 * `reasoning_effort` on Amazon Bedrock, end to end: the official OpenAI client sends it as it does
 * for any reasoning model, and the gateway puts each family's own field in Converse's
 * `additionalModelRequestFields`, streamed or not: gpt-oss takes it as sent ("Include any other
 * fields in the additionalModelRequestFields object"), Claude as extended `thinking` with LiteLLM's
 * budgets; a value the family does not take, or the parameter on another family, is a 400 naming
 * it before any AWS call. The gateway talks to the fake through the real AWS SDK.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 */
import OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { converseEvent, type BedrockCall, type BedrockReply } from '../support/fake-bedrock';
import { converseEvents } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const GPT_OSS_ANSWER = readJsonFixture('bedrock', 'converse-gpt-oss.response.json');
const CLAUDE_ANSWER = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-thinking-tool-use.response.json');
const [THINKING, REDACTED] = CLAUDE_ANSWER.output.message.content.map((block) => block.reasoningContent);
const CLAUDE_THINKING_BLOCKS = [
  { type: 'thinking', thinking: THINKING.reasoningText.text, signature: THINKING.reasoningText.signature },
  { type: 'redacted_thinking', data: REDACTED.redactedContent },
];

interface ConverseRequest {
  inferenceConfig?: { maxTokens?: number };
  additionalModelRequestFields?: Record<string, unknown>;
}

function validationError(message: string): BedrockReply {
  return { error: { status: 400, type: 'ValidationException', message } };
}

/** Claude's rules for thinking on Bedrock: no unknown field, a budget of at least 1024 below maxTokens. */
function fakeClaude(call: BedrockCall): BedrockReply {
  const { inferenceConfig, additionalModelRequestFields: fields } = call.body as ConverseRequest;
  if (fields?.reasoning_effort !== undefined) return validationError('The model returned the following errors: reasoning_effort: Extra inputs are not permitted');
  const budget = (fields?.thinking as { budget_tokens?: number } | undefined)?.budget_tokens;
  if (budget !== undefined && budget < 1024) return validationError('The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
  if (budget !== undefined && inferenceConfig?.maxTokens !== undefined && inferenceConfig.maxTokens <= budget) {
    return validationError('The model returned the following errors: `max_tokens` must be greater than `thinking.budget_tokens`.');
  }
  return call.operation === 'converse-stream' ? { events: converseEvents('converse-thinking-tool-use.events.json') } : { json: CLAUDE_ANSWER };
}

/** A fake Converse: Claude's rules for Claude, and for gpt-oss a refusal of a reasoning effort it does not know. */
function fakeConverse(call: BedrockCall): BedrockReply {
  if (call.modelId.includes('anthropic.')) return fakeClaude(call);
  const effort = (call.body as ConverseRequest).additionalModelRequestFields?.reasoning_effort;
  if (effort !== undefined && !['low', 'medium', 'high'].includes(effort as string)) {
    return { error: { status: 400, type: 'ValidationException', message: `unknown variant '${String(effort)}', expected one of 'low', 'medium', 'high'` } };
  }
  if (call.operation !== 'converse-stream') return { json: GPT_OSS_ANSWER };
  return {
    events: [
      converseEvent('messageStart', { role: 'assistant' }),
      converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Autumn haiku, 5-7-5.' } } }),
      converseEvent('contentBlockStop', { contentBlockIndex: 0 }),
      converseEvent('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Crisp leaves drift and fall' } }),
      converseEvent('contentBlockStop', { contentBlockIndex: 1 }),
      converseEvent('messageStop', { stopReason: 'end_turn' }),
      converseEvent('metadata', { usage: { inputTokens: 79, outputTokens: 20, totalTokens: 99 }, metrics: { latencyMs: 500 } }),
    ],
  };
}

const setup = useGatewayWithFakeBedrock({
  serve: fakeConverse,
  config: (fakeUrl) => `
endpoints:
  - name: gpt-oss
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: openai.gpt-oss-120b-1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: r1
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.deepseek.r1-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
`,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Write a haiku about autumn.' };
const sentFields = () => (setup.fake.calls[0].body as ConverseRequest).additionalModelRequestFields;

test('gpt-oss: reasoning_effort goes in additionalModelRequestFields, and the answer carries the reasoning', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'gpt-oss', messages: [question], reasoning_effort: 'high', max_completion_tokens: 1024 });
  expect(sentFields()).toEqual({ reasoning_effort: 'high' });
  expect(answer.choices[0].message.content).toBe('Crisp leaves drift and fall,\nmaple fire on quiet paths,\nthe year exhales slow.');
  expect((answer.choices[0].message as { reasoning_content?: string }).reasoning_content).toBe('User wants a haiku about autumn. Need 5-7-5 syllables.');
});

test('gpt-oss streamed: the same field on ConverseStream', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'gpt-oss', messages: [question], reasoning_effort: 'low', stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(sentFields()).toEqual({ reasoning_effort: 'low' });
  expect(text).toBe('Crisp leaves drift and fall');
});

test("gpt-oss: 'minimal' (GPT-5's level, not gpt-oss's) is a 400 naming the field, and AWS is not called", async () => {
  const error = await setup.openai.chat.completions.create({ model: 'gpt-oss', messages: [question], reasoning_effort: 'minimal' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect((error as Error).message).toContain("'low', 'medium' or 'high'");
  expect(setup.fake.calls).toHaveLength(0);
});

test.each([
  ['low', 1024],
  ['medium', 2048],
  ['high', 4096],
] as const)('Claude: %s is extended thinking with a budget of %i tokens, and the answer carries the thinking blocks', async (effort, budget) => {
  const answer = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: effort });
  expect(sentFields()).toEqual({ thinking: { type: 'enabled', budget_tokens: budget } });
  // No maxTokens is invented: Converse then allows the model's maximum, far above the budget.
  expect(setup.fake.calls[0].body).not.toHaveProperty('inferenceConfig');
  const message = answer.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string; thinking_blocks?: unknown[] };
  expect(message.reasoning_content).toBe(THINKING.reasoningText.text);
  expect(message.thinking_blocks).toEqual(CLAUDE_THINKING_BLOCKS);
});

test('Claude streamed: the same thinking on ConverseStream, and the deltas join into the thinking blocks', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'medium', max_completion_tokens: 4000, stream: true });
  const { reasoning, blocks } = await assembleAssistantTurn(stream);
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(sentFields()).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
  expect(reasoning).toBe(THINKING.reasoningText.text);
  expect(blocks).toEqual(CLAUDE_THINKING_BLOCKS);
});

test("Claude: 'none' sends no thinking", async () => {
  await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'none' });
  expect(setup.fake.calls[0].body).not.toHaveProperty('additionalModelRequestFields');
});

test.each([
  ['a max_tokens not above the budget', { reasoning_effort: 'high', max_tokens: 4096 }, 'max_tokens'],
  ['an unknown level', { reasoning_effort: 'xhigh' }, 'reasoning_effort'],
  ['reasoning_effort with thinking', { reasoning_effort: 'low', thinking: { type: 'enabled', budget_tokens: 2048 } }, 'reasoning_effort'],
])('Claude: %s is a 400 naming the field, and AWS is not called', async (_label, fields, param) => {
  const error = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], ...(fields as object) }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param });
  expect(setup.fake.calls).toHaveLength(0);
});

test('another family (DeepSeek-R1) still refuses reasoning_effort with a 400 naming it', async () => {
  const error = await setup.openai.chat.completions.create({ model: 'r1', messages: [question], reasoning_effort: 'high' }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect(setup.fake.calls).toHaveLength(0);
});
