/**
 * `reasoning_effort` on Amazon Bedrock, end to end: the official OpenAI client sends it as it does
 * for any reasoning model, and the gateway puts each family's own field in Converse's
 * `additionalModelRequestFields`, streamed or not: gpt-oss takes it as sent ("Include any other
 * fields in the additionalModelRequestFields object"), Claude as extended `thinking` with LiteLLM's
 * budgets, Nova 2 as `reasoningConfig` with `maxReasoningEffort`; a value the family does not take,
 * or the parameter on another family (Nova 1 included), is a 400 naming it before any AWS call. The
 * gateway talks to the fake through the real AWS SDK.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html
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

const NOVA_2_ANSWER = readJsonFixture('bedrock', 'converse-nova-2-reasoning.response.json');

/** Nova 2's rules: a known maxReasoningEffort, and at high effort no temperature, topP or maxTokens. */
function fakeNova2(call: BedrockCall): BedrockReply {
  const { inferenceConfig, additionalModelRequestFields: fields } = call.body as ConverseRequest;
  const config = fields?.reasoningConfig as { type: string; maxReasoningEffort: string } | undefined;
  if (fields?.reasoning_effort !== undefined) return validationError('The model returned the following errors: extraneous key [reasoning_effort] is not permitted');
  if (config !== undefined && !['low', 'medium', 'high'].includes(config.maxReasoningEffort)) return validationError('Malformed input request: reasoningConfig.maxReasoningEffort');
  if (config?.maxReasoningEffort === 'high' && inferenceConfig !== undefined) return validationError('temperature, topP and maxTokens must not be set with maxReasoningEffort high');
  if (call.operation !== 'converse-stream') return { json: NOVA_2_ANSWER };
  return {
    events: [
      converseEvent('messageStart', { role: 'assistant' }),
      converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: '[REDACTED]' } } }),
      converseEvent('contentBlockStop', { contentBlockIndex: 0 }),
      converseEvent('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Its average speed is 80 km/h.' } }),
      converseEvent('contentBlockStop', { contentBlockIndex: 1 }),
      converseEvent('messageStop', { stopReason: 'end_turn' }),
      converseEvent('metadata', { usage: { inputTokens: 31, outputTokens: 398, totalTokens: 429 }, metrics: { latencyMs: 3620 } }),
    ],
  };
}

/** A fake Converse: Claude's and Nova 2's rules for them, and for gpt-oss a refusal of a reasoning effort it does not know. */
function fakeConverse(call: BedrockCall): BedrockReply {
  if (call.modelId.includes('anthropic.')) return fakeClaude(call);
  if (call.modelId.includes('amazon.nova-2-')) return fakeNova2(call);
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
  - name: nova-2
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.amazon.nova-2-lite-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: nova-pro
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: amazon.nova-pro-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
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
  // Halved to 0.5, which Claude refuses with thinking ("temperature may only be set to 1"): the client sent 1.
  ['a temperature of 1 (Claude thinks only at its own 1, the unified 2)', { reasoning_effort: 'low', temperature: 1 }, 'temperature'],
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

const trainQuestion: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'A train covers 120 km in 1.5 hours. What is its average speed?' };

test.each(['low', 'medium', 'high'] as const)('Nova 2: %s goes as reasoningConfig.maxReasoningEffort, and the (redacted) reasoning reaches the client as reasoning_content', async (effort) => {
  const answer = await setup.openai.chat.completions.create({ model: 'nova-2', messages: [trainQuestion], reasoning_effort: effort });
  expect(sentFields()).toEqual({ reasoningConfig: { type: 'enabled', maxReasoningEffort: effort } });
  const message = answer.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };
  expect(message.content).toBe('The train covers 120 km in 1.5 hours, so its average speed is 80 km/h.');
  expect(message.reasoning_content).toBe('[REDACTED]');
  expect(message).not.toHaveProperty('thinking_blocks');
  expect(answer.usage).toMatchObject({ completion_tokens: 412 });
});

test('Nova 2 streamed: the same field on ConverseStream, sampling kept below high effort, reasoning as reasoning_content deltas', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'nova-2', messages: [trainQuestion], reasoning_effort: 'medium', temperature: 1, max_tokens: 2000, stream: true });
  const { content, reasoning, blocks } = await assembleAssistantTurn(stream);
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(setup.fake.calls[0].body).toMatchObject({ inferenceConfig: { temperature: 0.5, maxTokens: 2000 }, additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'medium' } } });
  expect(reasoning).toBe('[REDACTED]');
  expect(content).toBe('Its average speed is 80 km/h.');
  expect(blocks).toEqual([]);
});

test("Nova 2: 'none' sends no reasoningConfig (reasoning is off by default)", async () => {
  await setup.openai.chat.completions.create({ model: 'nova-2', messages: [trainQuestion], reasoning_effort: 'none' });
  expect(setup.fake.calls[0].body).not.toHaveProperty('additionalModelRequestFields');
});

test.each([
  ['temperature', { temperature: 0.7 }],
  ['top_p', { top_p: 0.9 }],
  ['max_tokens', { max_tokens: 4000 }],
  ['max_completion_tokens', { max_completion_tokens: 4000 }],
] as const)("Nova 2: %s with reasoning_effort 'high' (AWS requires it unset) is a 400 naming it, and AWS is not called", async (param, fields) => {
  const error = await setup.openai.chat.completions.create({ model: 'nova-2', messages: [trainQuestion], reasoning_effort: 'high', ...fields }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param });
  expect(setup.fake.calls).toHaveLength(0);
});

test.each([
  ["Nova 2 given 'minimal'", 'nova-2', 'minimal'],
  ['Nova 1 (Nova Pro), which has no reasoningConfig', 'nova-pro', 'low'],
] as const)('%s: a 400 naming reasoning_effort, and AWS is not called', async (_label, model, effort) => {
  const error = await setup.openai.chat.completions.create({ model, messages: [trainQuestion], reasoning_effort: effort }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect(setup.fake.calls).toHaveLength(0);
});
