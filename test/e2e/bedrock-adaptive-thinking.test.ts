/**
 * `reasoning_effort` on Claude 4.6 and later through Amazon Bedrock Converse, end to end with the
 * official OpenAI client and the real AWS SDK: `additionalModelRequestFields` carries
 * `thinking: {type: "adaptive"}` and `output_config: {effort}` (AWS: Opus 4.7 and the adaptive-only
 * models answer a budget with a 400), while older Claude models keep the budget form.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 */
import OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { converseEvents } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const CLAUDE_ANSWER = readJsonFixture<{ output: { message: { content: Record<string, any>[] } } }>('bedrock', 'converse-thinking-tool-use.response.json');
const THINKING = CLAUDE_ANSWER.output.message.content[0].reasoningContent;

interface ConverseRequest {
  inferenceConfig?: { maxTokens?: number };
  additionalModelRequestFields?: { thinking?: { type: string; budget_tokens?: number }; output_config?: { effort?: string }; reasoning_effort?: unknown };
}

function validationError(message: string): BedrockReply {
  return { error: { status: 400, type: 'ValidationException', message: `The model returned the following errors: ${message}` } };
}

/** Claude's rules per model: Opus 4.7 refuses a budget, Sonnet 4.5 knows nothing but one. */
function fakeClaude(call: BedrockCall): BedrockReply {
  const fields = (call.body as ConverseRequest).additionalModelRequestFields;
  if (fields?.reasoning_effort !== undefined) return validationError('reasoning_effort: Extra inputs are not permitted');
  if (fields?.thinking?.type === 'enabled' && call.modelId.includes('claude-opus-4-7')) {
    return validationError('"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.');
  }
  if (fields?.thinking?.type === 'adaptive' && call.modelId.includes('claude-sonnet-4-5')) return validationError('thinking.type: adaptive thinking is not supported on this model');
  return call.operation === 'converse-stream' ? { events: converseEvents('converse-thinking-tool-use.events.json') } : { json: CLAUDE_ANSWER };
}

const setup = useGatewayWithFakeBedrock({
  serve: fakeClaude,
  config: (fakeUrl) => `
endpoints:
  - name: opus-4-7
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-opus-4-7, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: opus-4-7-thinking-by-default
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-opus-4-7, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')}, reasoning_effort: high } }
  - name: sonnet-4-6
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: anthropic.claude-sonnet-4-6, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: sonnet-4-5
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')} } }
  - name: sonnet-4-5-thinking-by-default
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl, 'us-west-2')}, reasoning_effort: medium } }
`,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Write a haiku about autumn.' };
const sentBody = () => setup.fake.calls[0].body as ConverseRequest;

test.each([
  ['opus-4-7', 'low', 'low'],
  ['opus-4-7', 'high', 'high'],
  ['opus-4-7', 'max', 'max'],
  ['sonnet-4-6', 'minimal', 'low'],
  ['sonnet-4-6', 'medium', 'medium'],
] as const)('%s, %s: adaptive thinking with effort %s in additionalModelRequestFields, and the answer carries the thinking', async (model, effort, sentEffort) => {
  const answer = await setup.openai.chat.completions.create({ model, messages: [question], reasoning_effort: effort });
  expect(sentBody().additionalModelRequestFields).toEqual({ thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: sentEffort } });
  expect(sentBody()).not.toHaveProperty('inferenceConfig');
  expect((answer.choices[0].message as { reasoning_content?: string }).reasoning_content).toBe(THINKING.reasoningText.text);
});

test('streamed, with a max_tokens below any old budget: sent as is, the deltas join into the thinking', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'high', max_tokens: 1000, stream: true });
  const { reasoning } = await assembleAssistantTurn(stream);
  expect(setup.fake.calls[0].operation).toBe('converse-stream');
  expect(sentBody()).toMatchObject({ inferenceConfig: { maxTokens: 1000 }, additionalModelRequestFields: { thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'high' } } });
  expect(reasoning).toBe(THINKING.reasoningText.text);
});

test("'none' sends no thinking", async () => {
  await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'none' });
  expect(sentBody()).not.toHaveProperty('additionalModelRequestFields');
});

test("the client's own adaptive thinking passes through unchanged", async () => {
  await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], thinking: { type: 'adaptive' } } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sentBody().additionalModelRequestFields).toEqual({ thinking: { type: 'adaptive' } });
});

describe("the client's own output_config (Anthropic's field, which Bedrock takes in additionalModelRequestFields)", () => {
  type Params = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
  const jsonFormat = { type: 'json_schema', schema: { type: 'object', properties: { haiku: { type: 'string' } }, required: ['haiku'], additionalProperties: false } };

  test('its adaptive thinking with output_config.effort passes through, answered and streamed', async () => {
    const own = { thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'medium' } };
    const answer = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], ...own } as Params);
    expect(sentBody().additionalModelRequestFields).toEqual(own);
    expect((answer.choices[0].message as { reasoning_content?: string }).reasoning_content).toBe(THINKING.reasoningText.text);
    const stream = await setup.openai.chat.completions.create({ model: 'sonnet-4-6', messages: [question], ...own, stream: true } as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming);
    expect((await assembleAssistantTurn(stream)).reasoning).toBe(THINKING.reasoningText.text);
    expect((setup.fake.calls[1].body as ConverseRequest).additionalModelRequestFields).toEqual(own);
  });

  test("with reasoning_effort, the effort joins the rest of the client's output_config", async () => {
    await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'high', output_config: { format: jsonFormat } } as Params);
    expect(sentBody().additionalModelRequestFields).toEqual({ thinking: { type: 'adaptive', display: 'summarized' }, output_config: { format: jsonFormat, effort: 'high' } });
  });

  test('reasoning_effort together with output_config.effort is a 400 naming reasoning_effort, and AWS is not called', async () => {
    const error = await setup.openai.chat.completions
      .create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'high', output_config: { effort: 'low' } } as Params)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
    expect((error as Error).message).toContain("Send 'reasoning_effort' or 'output_config.effort'");
    expect(setup.fake.calls).toHaveLength(0);
  });
});

test('older Claude models keep the budget form', async () => {
  await setup.openai.chat.completions.create({ model: 'sonnet-4-5', messages: [question], reasoning_effort: 'high' });
  expect(sentBody().additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 4096 } });
});

test("an unknown level is a 400 naming reasoning_effort and listing the adaptive models' levels, and AWS is not called", async () => {
  const error = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'extreme' as 'high' }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect((error as Error).message).toContain("'xhigh' or 'max'");
  expect(setup.fake.calls).toHaveLength(0);
});

test("an endpoint's reasoning_effort default stays out of a request that sets its own output_config.effort, as out of one with its own thinking", async () => {
  const fields = { output_config: { effort: 'low' } };
  await setup.openai.chat.completions.create({ model: 'opus-4-7-thinking-by-default', messages: [question], ...fields } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sentBody().additionalModelRequestFields).toEqual(fields);
});

test("on a budget model, a client's own output_config.effort is Claude's other control, not reasoning_effort: the endpoint's default budget still goes along", async () => {
  const fields = { output_config: { effort: 'low' } };
  await setup.openai.chat.completions.create({ model: 'sonnet-4-5-thinking-by-default', messages: [question], ...fields } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sentBody().additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 }, output_config: { effort: 'low' } });
});
