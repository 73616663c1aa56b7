/**
 * `reasoning_effort` on Claude models that take adaptive thinking (Claude 4.6 and later), end to end
 * with the official OpenAI client: the gateway sends `thinking: {type: "adaptive"}` with
 * `output_config.effort` instead of a budget, which Claude Opus 4.7 and the Claude 5 models refuse
 * ("thinking.type.enabled" is not supported for this model, a 400) and Claude 4.6 deprecates; older
 * models keep the budget form, which is all they know.
 * https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking
 * https://platform.claude.com/docs/en/build-with-claude/effort
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const ANSWER = readJsonFixture('anthropic', 'chat-thinking-tool-use.response.json') as { content: Record<string, unknown>[] };
const PRODUCED_THINKING = ANSWER.content.slice(0, 2);

interface MessagesBody {
  model: string;
  max_tokens: number;
  stream?: boolean;
  thinking?: { type: string; budget_tokens?: number; display?: string };
  output_config?: { effort?: string };
}

/** Models that refuse the budget form, and models that know only it (the fake's view of Anthropic's tables). */
const ADAPTIVE_ONLY = ['claude-opus-4-7', 'claude-sonnet-5'];
const BUDGET_ONLY = ['claude-sonnet-4-5'];
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

function invalidRequest(response: ServerResponse, message: string): void {
  sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message } });
}

/**
 * Opus 4.7 and later default to `display: "omitted"`: the thinking blocks come back with empty text
 * (the signature still set) unless the request asks for `"summarized"`.
 */
function withDisplay(body: MessagesBody): Record<string, unknown> {
  if (!ADAPTIVE_ONLY.includes(body.model) || body.thinking?.display === 'summarized') return ANSWER;
  return { ...ANSWER, content: ANSWER.content.map((block) => (block.type === 'thinking' ? { ...block, thinking: '' } : block)) };
}

/** A fake Messages API with Anthropic's rules for each thinking form. */
function fakeAnthropic(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as MessagesBody & Record<string, unknown>;
  if ('reasoning_effort' in body) return invalidRequest(response, 'reasoning_effort: Extra inputs are not permitted');
  if (body.thinking?.type === 'enabled' && ADAPTIVE_ONLY.includes(body.model)) {
    return invalidRequest(response, '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.');
  }
  if (body.thinking?.type === 'adaptive' && BUDGET_ONLY.includes(body.model)) return invalidRequest(response, 'thinking.type: adaptive thinking is not supported on this model');
  if (body.thinking?.type === 'adaptive' && 'budget_tokens' in body.thinking) return invalidRequest(response, 'thinking.adaptive.budget_tokens: Extra inputs are not permitted');
  const effort = body.output_config?.effort;
  if (effort !== undefined && !EFFORTS.includes(effort)) return invalidRequest(response, `output_config.effort: Input should be ${EFFORTS.map((level) => `'${level}'`).join(', ')}`);
  if (body.stream) return sendStream(response, readFixture('anthropic', 'chat-thinking-tool-use.stream.sse'));
  sendJson(response, 200, withDisplay(body));
}

const endpoint = (name: string, model: string, anthropicUrl: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: ${model}
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropicUrl}/v1" }`;

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: fakeAnthropic },
  config: (urls) => `
endpoints:${endpoint('opus-4-7', 'claude-opus-4-7', urls.anthropic)}${endpoint('opus-4-7-thinking-by-default', 'claude-opus-4-7', urls.anthropic).replace('}', ', reasoning_effort: high }')}${endpoint('sonnet-4-6', 'claude-sonnet-4-6', urls.anthropic)}${endpoint('sonnet-5', 'claude-sonnet-5', urls.anthropic)}${endpoint('sonnet-4-5', 'claude-sonnet-4-5', urls.anthropic)}${endpoint('sonnet-4-5-thinking-by-default', 'claude-sonnet-4-5', urls.anthropic).replace('}', ', reasoning_effort: medium }')}
`,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' };
const sent = () => setup.upstreams.anthropic.requests[0].body as MessagesBody & Record<string, unknown>;
type ThinkingMessage = OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string; thinking_blocks?: unknown[] };

test.each([
  ['opus-4-7', 'low', 'low'],
  ['opus-4-7', 'medium', 'medium'],
  ['opus-4-7', 'high', 'high'],
  ['sonnet-5', 'minimal', 'low'],
  ['sonnet-4-6', 'high', 'high'],
] as const)('%s, %s: adaptive thinking with effort %s, no budget, the default max_tokens, and the answer carries the thinking', async (model, effort, sentEffort) => {
  const answer = await setup.openai.chat.completions.create({ model, messages: [question], reasoning_effort: effort });
  expect(sent().thinking).toEqual({ type: 'adaptive', display: 'summarized' });
  expect(sent().output_config).toEqual({ effort: sentEffort });
  expect(sent().max_tokens).toBe(8192);
  expect(sent()).not.toHaveProperty('reasoning_effort');
  const message = answer.choices[0].message as ThinkingMessage;
  expect(message.reasoning_content).toBe(PRODUCED_THINKING[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING);
});

test.each(['xhigh', 'max'] as const)("'%s' (an effort level of Claude's adaptive models) goes as output_config.effort", async (effort) => {
  await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: effort });
  expect(sent()).toMatchObject({ thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort } });
});

test('streamed: the same adaptive request, and the deltas join into the thinking blocks', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'sonnet-5', messages: [question], reasoning_effort: 'medium', stream: true });
  const { reasoning, blocks } = await assembleAssistantTurn(stream);
  expect(sent()).toMatchObject({ stream: true, thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'medium' }, max_tokens: 8192 });
  expect(reasoning).toBe(PRODUCED_THINKING[0].thinking);
  expect(blocks).toEqual(PRODUCED_THINKING);
});

test("'none' sends neither thinking nor an effort", async () => {
  await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'none' });
  expect(sent()).not.toHaveProperty('thinking');
  expect(sent()).not.toHaveProperty('output_config');
  expect(sent().max_tokens).toBe(8192);
});

test('a small max_tokens is sent as is: adaptive thinking has no budget to stay above', async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], reasoning_effort: 'high', max_completion_tokens: 1000 });
  expect(sent()).toMatchObject({ max_tokens: 1000, thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'high' } });
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
});

test("the client's own adaptive thinking goes without the display the gateway adds for reasoning_effort, so Opus 4.7 leaves its thinking text empty", async () => {
  const answer = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], thinking: { type: 'adaptive' } } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect((answer.choices[0].message as ThinkingMessage).reasoning_content).toBe('');
});

test("the client's own adaptive thinking and output_config pass through unchanged", async () => {
  const fields = { thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } };
  await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], ...fields } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sent()).toMatchObject({ ...fields, max_tokens: 8192 });
});

test('older models keep the budget form', async () => {
  await setup.openai.chat.completions.create({ model: 'sonnet-4-5', messages: [question], reasoning_effort: 'medium' });
  expect(sent()).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 8192 + 2048 });
  expect(sent()).not.toHaveProperty('output_config');
});

test.each([
  ['an unknown level', { reasoning_effort: 'extreme' }],
  ['reasoning_effort with output_config.effort', { reasoning_effort: 'low', output_config: { effort: 'high' } }],
  ['reasoning_effort with thinking', { reasoning_effort: 'low', thinking: { type: 'adaptive' } }],
])('%s is a 400 naming reasoning_effort, before Anthropic is called', async (_label, fields) => {
  const error = await setup.openai.chat.completions.create({ model: 'opus-4-7', messages: [question], ...(fields as object) }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test("an endpoint's reasoning_effort default stays out of a request that sets its own output_config.effort (the same setting), as out of one with its own thinking", async () => {
  await setup.openai.chat.completions.create({ model: 'opus-4-7-thinking-by-default', messages: [question] });
  expect(sent()).toMatchObject({ thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'high' } });
  setup.upstreams.anthropic.requests.length = 0;
  const fields = { output_config: { effort: 'low' } };
  await setup.openai.chat.completions.create({ model: 'opus-4-7-thinking-by-default', messages: [question], ...fields } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sent().output_config).toEqual({ effort: 'low' });
  expect(sent()).not.toHaveProperty('thinking');
});

test("on a budget model, a client's own output_config.effort is Claude's other control, not reasoning_effort: the endpoint's default budget still goes along", async () => {
  const fields = { output_config: { effort: 'low' } };
  await setup.openai.chat.completions.create({ model: 'sonnet-4-5-thinking-by-default', messages: [question], ...fields } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sent()).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 2048 }, output_config: { effort: 'low' }, max_tokens: 8192 + 2048 });
  setup.upstreams.anthropic.requests.length = 0;
  // The client's own thinking still replaces the default on every form.
  const own = { thinking: { type: 'enabled', budget_tokens: 1024 } };
  await setup.openai.chat.completions.create({ model: 'sonnet-4-5-thinking-by-default', messages: [question], ...own } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sent().thinking).toEqual(own.thinking);
});
