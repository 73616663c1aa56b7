/**
 * `reasoning_effort` on OpenAI's gpt-oss models on Amazon Bedrock, end to end: the official OpenAI
 * client sends it as it does for any reasoning model, and the gateway puts it in Converse's
 * `additionalModelRequestFields` ("Include any other fields in the additionalModelRequestFields
 * object"), streamed or not; a value gpt-oss does not take, or the parameter on another family, is a
 * 400 naming it before any AWS call. The gateway talks to the fake through the real AWS SDK.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 */
import OpenAI from 'openai';
import { converseEvent, type BedrockCall, type BedrockReply } from '../support/fake-bedrock';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const GPT_OSS_ANSWER = readJsonFixture('bedrock', 'converse-gpt-oss.response.json');

interface ConverseRequest {
  additionalModelRequestFields?: Record<string, unknown>;
}

/** A fake Converse that, as the gpt-oss models do, refuses a reasoning effort they do not know. */
function fakeConverse(call: BedrockCall): BedrockReply {
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

test('another family (DeepSeek-R1) still refuses reasoning_effort with a 400 naming it', async () => {
  const error = await setup.openai.chat.completions.create({ model: 'r1', messages: [question], reasoning_effort: 'high' }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect(setup.fake.calls).toHaveLength(0);
});
