/**
 * Reasoning of models other than Claude through Converse (DeepSeek-R1, OpenAI gpt-oss): their
 * `reasoningContent` blocks carry text without a signature. It reaches the client as
 * `reasoning_content` (DeepSeek's own field), answers and stream deltas alike, with no
 * `thinking_blocks` (nothing a client could send back: DeepSeek refuses reasoning in its input, and
 * a Claude endpoint after a fallback would refuse an unsigned block); and a message sent back with
 * reasoning never puts it in the Converse turn.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 */
import type { ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createConverseChatStream, fromConverseChat, toConverseChat, toConverseCompletions } from '../../../../src/providers/bedrock/converse';
import { resolveBedrockFamily } from '../../../../src/providers/bedrock/families';
import type { ChatChunk } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';
import { readJsonFixture } from '../../../support/fixtures';

const deepseek = resolveBedrockFamily('us.deepseek.r1-v1:0');
const gptOss = resolveBedrockFamily('openai.gpt-oss-120b-1:0');
const claude = resolveBedrockFamily('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
const context = { id: 'req-1', model: 'us.deepseek.r1-v1:0', created: 1_700_000_000 };
const reasoningOf = (family: { thinking: boolean }) => ({ thinkingBlocks: family.thinking });

function events(name: string): ConverseStreamOutput[] {
  return readJsonFixture<{ event: string; body: unknown }[]>('bedrock', name).map(({ event, body }) => ({ [event]: body }) as unknown as ConverseStreamOutput);
}

function run(fold: ReturnType<typeof createConverseChatStream>, input: ConverseStreamOutput[]): ChatChunk[] {
  return [...input.flatMap((event) => fold.event(event)), ...fold.end()];
}

test('DeepSeek-R1: the answer has the reasoning as reasoning_content, no thinking_blocks', () => {
  const output = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-deepseek-r1.response.json');
  expect(fromConverseChat(output, context, reasoningOf(deepseek)).choices[0]).toEqual({
    index: 0,
    message: {
      role: 'assistant',
      content: '17 × 23 = **391**.',
      tool_calls: null,
      refusal: null,
      reasoning_content: 'The user asks for 17 × 23. 17 × 20 = 340, 17 × 3 = 51, so 391. Vérifions : 391 ÷ 17 = 23. ',
    },
    finish_reason: 'stop',
  });
});

test('gpt-oss: the same', () => {
  const output = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-gpt-oss.response.json');
  const message = fromConverseChat(output, { ...context, model: 'openai.gpt-oss-120b-1:0' }, reasoningOf(gptOss)).choices[0].message;
  expect(message.content).toBe('Crisp leaves drift and fall,\nmaple fire on quiet paths,\nthe year exhales slow.');
  expect(message.reasoning_content).toBe('User wants a haiku about autumn. Need 5-7-5 syllables.');
  expect(message).not.toHaveProperty('thinking_blocks');
});

test('DeepSeek-R1 streamed: reasoning_content pieces, then the text, and no thinking_blocks', () => {
  const chunks = run(createConverseChatStream(context, reasoningOf(deepseek)), events('converse-deepseek-r1.events.json'));
  expect(chunks.map((chunk) => chunk.choices[0].delta)).toEqual([
    { role: 'assistant', content: null, tool_calls: null, reasoning_content: '17 × 20 = 340, ' },
    { role: null, content: null, tool_calls: null, reasoning_content: '17 × 3 = 51, so 391.' },
    { role: null, content: '17 × 23 = ', tool_calls: null },
    { role: null, content: '**391**.', tool_calls: null },
    { role: null, content: null, tool_calls: null },
  ]);
  expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 14, completion_tokens: 41, total_tokens: 55 } });
});

test('a message sent back with its reasoning (or Claude-style blocks) puts none of it in the Converse turn', () => {
  const body = toConverseChat(
    {
      messages: [
        { role: 'user', content: 'What is 17 × 23?' },
        { role: 'assistant', content: '391', reasoning_content: '17 × 20 = 340…', thinking_blocks: [{ type: 'thinking', thinking: '17 × 20 = 340…', signature: 'c2ln' }] },
        { role: 'user', content: 'And 17 × 24?' },
      ],
    },
    deepseek,
  );
  expect(body.messages).toEqual([
    { role: 'user', content: [{ text: 'What is 17 × 23?' }] },
    { role: 'assistant', content: [{ text: '391' }] },
    { role: 'user', content: [{ text: 'And 17 × 24?' }] },
  ]);
});

test("Claude's thinking parameter is refused for DeepSeek (400 naming it)", () => {
  expect(gatewayErrorOf(() => toConverseChat({ messages: [{ role: 'user', content: 'Hi' }], thinking: { type: 'enabled', budget_tokens: 1024 } }, deepseek))).toMatchObject({
    status: 400,
    param: 'thinking',
  });
});

describe('reasoning_effort (gpt-oss takes it as an additional model request field)', () => {
  const hello = [{ role: 'user' as const, content: 'Write a haiku about autumn.' }];

  test.each(['low', 'medium', 'high'])('gpt-oss: %s goes in additionalModelRequestFields, beside the inferenceConfig fields', (effort) => {
    expect(toConverseChat({ messages: hello, reasoning_effort: effort, max_completion_tokens: 512, temperature: 1 }, gptOss)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Write a haiku about autumn.' }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.5 },
      additionalModelRequestFields: { reasoning_effort: effort },
    });
  });

  test('gpt-oss through an inference profile or an ARN takes it too', () => {
    for (const name of ['us.openai.gpt-oss-20b-1:0', 'arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-20b-1:0']) {
      expect(toConverseChat({ messages: hello, reasoning_effort: 'low' }, resolveBedrockFamily(name)).additionalModelRequestFields).toEqual({ reasoning_effort: 'low' });
    }
  });

  test.each([['minimal'], ['none'], ['xhigh'], ['HIGH'], [3]])('gpt-oss: %p is a 400 naming reasoning_effort and the values it takes', (effort) => {
    const error = gatewayErrorOf(() => toConverseChat({ messages: hello, reasoning_effort: effort }, gptOss));
    expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
    expect(error.message).toContain("'low', 'medium' or 'high'");
  });

  test.each([
    ['DeepSeek', 'us.deepseek.r1-v1:0'],
    ['Nova', 'amazon.nova-pro-v1:0'],
    ['an unlisted model', 'moonshot.kimi-k2-thinking'],
  ])('%s still refuses it (400 naming it)', (_label, name) => {
    expect(gatewayErrorOf(() => toConverseChat({ messages: hello, reasoning_effort: 'high' }, resolveBedrockFamily(name)))).toMatchObject({ status: 400, param: 'reasoning_effort' });
  });

  test('completions refuse it, gpt-oss and Claude included (OpenAI has it on chat only)', () => {
    expect(gatewayErrorOf(() => toConverseCompletions({ prompt: 'Hi', reasoning_effort: 'high' }, gptOss))).toMatchObject({ status: 400, param: 'reasoning_effort' });
    expect(gatewayErrorOf(() => toConverseCompletions({ prompt: 'Hi', reasoning_effort: 'high' }, claude))).toMatchObject({ status: 400, param: 'reasoning_effort' });
  });

  test.each([
    ['minimal', 1024],
    ['low', 1024],
    ['medium', 2048],
    ['high', 4096],
  ])("Claude: %s is extended thinking with LiteLLM's budget of %i tokens, beside top_k", (effort, budget) => {
    expect(toConverseChat({ messages: hello, reasoning_effort: effort, max_tokens: 8000, top_k: 40 }, claude)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Write a haiku about autumn.' }] }],
      inferenceConfig: { maxTokens: 8000 },
      additionalModelRequestFields: { top_k: 40, thinking: { type: 'enabled', budget_tokens: budget } },
    });
  });

  test("Claude: a max_completion_tokens not above the budget is a 400 naming it; 'none' sends nothing", () => {
    const error = gatewayErrorOf(() => toConverseChat({ messages: hello, reasoning_effort: 'medium', max_completion_tokens: 2048 }, claude));
    expect(error).toMatchObject({ status: 400, param: 'max_completion_tokens' });
    expect(error.message).toContain('2048 tokens');
    expect(toConverseChat({ messages: hello, reasoning_effort: 'none' }, claude)).not.toHaveProperty('additionalModelRequestFields');
  });

  // https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
  test.each([
    ['us.anthropic.claude-opus-4-6-v1', 'medium', 'medium'],
    ['anthropic.claude-opus-4-7', 'minimal', 'low'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-5', 'max', 'max'],
  ])('Claude 4.6 and later (%s): %s is adaptive thinking with effort %s, beside top_k, and no budget rule on maxTokens', (model, effort, sentEffort) => {
    expect(toConverseChat({ messages: hello, reasoning_effort: effort, max_tokens: 500, top_k: 40 }, resolveBedrockFamily(model))).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Write a haiku about autumn.' }] }],
      inferenceConfig: { maxTokens: 500 },
      additionalModelRequestFields: { top_k: 40, thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: sentEffort } },
    });
  });

  test("Claude 4.5 and older refuse the adaptive models' levels beyond high", () => {
    expect(gatewayErrorOf(() => toConverseChat({ messages: hello, reasoning_effort: 'max' }, claude))).toMatchObject({ status: 400, param: 'reasoning_effort' });
  });
});
