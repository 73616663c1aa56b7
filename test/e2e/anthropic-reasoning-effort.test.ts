/**
 * OpenAI's `reasoning_effort` on the Anthropic provider, end to end: the official OpenAI client
 * sends it as for any reasoning model, and the gateway sends Anthropic extended thinking with
 * LiteLLM's budgets (low 1024, medium 2048, high 4096 tokens), `max_tokens` left above the budget as
 * Anthropic requires ("budget_tokens must be ≥1024 and less than max_tokens"); the answer's thinking
 * reaches the client as `reasoning_content` / `thinking_blocks`, streamed or not.
 * https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const ANSWER = readJsonFixture('anthropic', 'chat-thinking-tool-use.response.json') as { content: Record<string, unknown>[] };
const PRODUCED_THINKING = ANSWER.content.slice(0, 2);

interface MessagesBody {
  max_tokens: number;
  stream?: boolean;
  thinking?: { type: string; budget_tokens: number };
}

function invalidRequest(response: ServerResponse, message: string): void {
  sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message } });
}

/** A fake Messages API with Anthropic's rules: no unknown top-level field, a budget of at least 1024 below max_tokens. */
function fakeAnthropic(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as MessagesBody & Record<string, unknown>;
  if ('reasoning_effort' in body) return invalidRequest(response, 'reasoning_effort: Extra inputs are not permitted');
  const budget = body.thinking?.budget_tokens;
  if (budget !== undefined && budget < 1024) return invalidRequest(response, 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
  if (budget !== undefined && body.max_tokens <= budget) return invalidRequest(response, '`max_tokens` must be greater than `thinking.budget_tokens`.');
  if (budget !== undefined && body.temperature !== undefined && body.temperature !== 1) return invalidRequest(response, '`temperature` may only be set to 1 when thinking is enabled.');
  if (body.stream) return sendStream(response, readFixture('anthropic', 'chat-thinking-tool-use.stream.sse'));
  sendJson(response, 200, ANSWER);
}

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: fakeAnthropic },
  config: (urls) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" }
  - name: claude-thinking-by-default
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1", reasoning_effort: medium }
  - name: claude-completions
    endpoint_type: llm/v1/completions
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" }
`,
  validateResponses: true,
});

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } },
];
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' };
const sent = () => setup.upstreams.anthropic.requests[0].body as MessagesBody & Record<string, unknown>;

test.each([
  ['low', 1024],
  ['medium', 2048],
  ['high', 4096],
] as const)('%s: thinking with a budget of %i tokens, max_tokens the default 8192 plus the budget, and the answer carries the thinking', async (effort, budget) => {
  const answer = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, reasoning_effort: effort });
  expect(sent()).toMatchObject({ thinking: { type: 'enabled', budget_tokens: budget }, max_tokens: 8192 + budget });
  expect(sent()).not.toHaveProperty('reasoning_effort');
  const message = answer.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string; thinking_blocks?: unknown[] };
  expect(message.reasoning_content).toBe(PRODUCED_THINKING[0].thinking);
  expect(message.thinking_blocks).toEqual(PRODUCED_THINKING);
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
});

test('streamed: the same thinking request, and the deltas join into the thinking blocks', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], tools, reasoning_effort: 'medium', max_completion_tokens: 3000, stream: true });
  const { reasoning, blocks, calls } = await assembleAssistantTurn(stream);
  expect(sent()).toMatchObject({ stream: true, thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 3000 });
  expect(reasoning).toBe(PRODUCED_THINKING[0].thinking);
  expect(blocks).toEqual(PRODUCED_THINKING);
  expect(calls.map((call) => call.name)).toEqual(['get_weather']);
});

test("'minimal' thinks with Anthropic's minimum budget; 'none' sends no thinking", async () => {
  await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'minimal' });
  expect(sent()).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 9216 });
  setup.upstreams.anthropic.requests.length = 0;
  await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'none' });
  expect(sent()).not.toHaveProperty('thinking');
  expect(sent()).not.toHaveProperty('reasoning_effort');
  expect(sent().max_tokens).toBe(8192);
});

test.each([
  ['max_tokens', { max_tokens: 4096 }],
  ['max_completion_tokens', { max_completion_tokens: 1000 }],
] as const)('a client %s not above the budget is a 400 naming it, before Anthropic is called', async (param, limit) => {
  const error = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'high', ...limit }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param });
  expect((error as Error).message).toContain('4096');
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test.each([
  ['an unknown level', { reasoning_effort: 'xhigh' }],
  ['reasoning_effort with thinking', { reasoning_effort: 'low', thinking: { type: 'enabled', budget_tokens: 2048 } }],
])('%s is a 400 naming reasoning_effort, before Anthropic is called', async (_label, fields) => {
  const error = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], ...(fields as object) }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test('a temperature Anthropic would refuse with thinking once halved (1 → 0.5) is a 400 naming temperature, before Anthropic is called; 2 (its 1) is sent', async () => {
  const error = await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'low', temperature: 1 }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'temperature' });
  expect((error as Error).message).toMatch(/temperature 2/);
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  await setup.openai.chat.completions.create({ model: 'claude', messages: [question], reasoning_effort: 'low', temperature: 2 });
  expect(sent()).toMatchObject({ temperature: 1, thinking: { type: 'enabled', budget_tokens: 1024 } });
});

test("an endpoint's reasoning_effort default is applied (the README's promise), and a client's own thinking takes its place", async () => {
  await setup.openai.chat.completions.create({ model: 'claude-thinking-by-default', messages: [question] });
  expect(sent()).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 8192 + 2048 });
  setup.upstreams.anthropic.requests.length = 0;
  const thinking = { type: 'enabled', budget_tokens: 5000 };
  await setup.openai.chat.completions.create({ model: 'claude-thinking-by-default', messages: [question], max_tokens: 9000, thinking } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sent()).toMatchObject({ thinking, max_tokens: 9000 });
});

test('completions refuse it (OpenAI has it on chat only)', async () => {
  const error = await setup.openai.completions.create({ model: 'claude-completions', prompt: 'Hi', reasoning_effort: 'low' } as OpenAI.Completions.CompletionCreateParamsNonStreaming).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'reasoning_effort' });
});
