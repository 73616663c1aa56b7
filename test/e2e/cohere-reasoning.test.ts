/**
 * Command A Reasoning on a Cohere endpoint, end to end with the official openai client: a request
 * with `reasoning_effort` goes to Cohere's v2 chat API (v1 has no thinking) as `thinking`, and the
 * answer's `thinking` content items come back as `reasoning_content`, streamed or not
 * (https://docs.cohere.com/v2/docs/reasoning). An assistant message's `reasoning_content` sent back
 * goes to v2 as a `thinking` content item (a v1 request has none and leaves it out). The fake Cohere
 * serves the thinking fixtures on v2 and the plain v1 fixture on v1, and refuses on v2, as Cohere's
 * schema would, an assistant message with a field or content item it does not know, or text content
 * beside tool calls.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { openaiErrorOf } from '../support/errors';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../support/long-value';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const ASSISTANT_FIELDS = ['role', 'content', 'tool_calls', 'tool_plan', 'citations'];

/** Why Cohere's v2 schema would refuse an assistant message (AssistantMessage: content items `text` or `thinking`), or null. */
function assistantIssue(message: Record<string, unknown>, index: number): string | null {
  const field = Object.keys(message).find((key) => !ASSISTANT_FIELDS.includes(key));
  if (field !== undefined) return `invalid request: messages[${index}]: unknown field '${field}'`;
  if (!Array.isArray(message.content)) return null;
  const items = message.content as Record<string, unknown>[];
  const known = (item: Record<string, unknown>) => (item.type === 'text' && typeof item.text === 'string') || (item.type === 'thinking' && typeof item.thinking === 'string');
  if (!items.every(known)) return `invalid request: messages[${index}].content: items must be text or thinking`;
  if (message.tool_calls !== undefined && items.some((item) => item.type === 'text')) return `invalid request: messages[${index}]: text content cannot be given with tool calls`;
  return null;
}

function fakeCohere(request: RecordedRequest, response: ServerResponse): void {
  const { stream, tools, messages } = request.body as { stream?: boolean; tools?: unknown; messages?: Record<string, unknown>[] };
  if (request.url === '/v1/chat') return sendJson(response, 200, readJsonFixture('cohere', 'chat.response.json'));
  if (request.url !== '/v2/chat') return sendJson(response, 404, { message: `no route ${request.url}` });
  const issue = (messages ?? []).map((message, index) => (message.role === 'assistant' ? assistantIssue(message, index) : null)).find((found) => found !== null);
  if (issue) return sendJson(response, 400, { message: issue });
  if (stream) return sendStream(response, readFixture('cohere', 'chat-v2-thinking.stream.sse'));
  // The first turn of the tool loop calls the tool; every other turn answers.
  if (tools !== undefined && messages?.length === 1) return sendJson(response, 200, readJsonFixture('cohere', 'chat-v2-thinking-tool-calls.response.json'));
  sendJson(response, 200, readJsonFixture('cohere', 'chat-v2-thinking.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { cohere: fakeCohere },
  config: ({ cohere }) => `
endpoints:
  - name: cohere
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-reasoning-08-2025, config: { cohere_api_key: co-test-key, cohere_api_base: "${cohere}/v1" } }
  - name: cohere-no-thinking
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-reasoning-08-2025, config: { cohere_api_key: co-test-key, cohere_api_base: "${cohere}/v1", reasoning_effort: none } }
`,
  validateResponses: true,
});

type Message = OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Alice a 3 frères et 2 sœurs. Combien de sœurs a son frère ?' };
const REASONING = 'Alice a 2 sœurs ; pour son frère, les sœurs sont Alice et ses 2 sœurs, soit 3.';
const ANSWER = 'Le frère d’Alice a 3 sœurs.';
const requests = () => setup.upstreams.cohere.requests;
const sentBody = (index: number) => requests()[index].body as Record<string, unknown> & { messages: Record<string, unknown>[] };

test('reasoning_effort goes to v2 as thinking; the answer carries reasoning_content, which the next turn sends back as a thinking item (a v1 turn leaves it out)', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], reasoning_effort: 'high' });
  const message = first.choices[0].message as Message;
  expect(message.content).toBe(ANSWER);
  expect(message.reasoning_content).toBe(REASONING);
  expect(first.usage).toEqual({ prompt_tokens: 527, completion_tokens: 60, total_tokens: 587 });
  expect(requests()[0].url).toBe('/v2/chat');
  expect(sentBody(0)).toEqual({ model: 'command-a-reasoning-08-2025', messages: [question], thinking: { type: 'enabled' } });

  const followUp: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Et Alice ?' };
  await setup.openai.chat.completions.create({ model: 'cohere', messages: [question, message, followUp], reasoning_effort: 'low' });
  expect(sentBody(1).messages[1]).toEqual({ role: 'assistant', content: [{ type: 'thinking', thinking: REASONING }, { type: 'text', text: ANSWER }] });

  // Without tools or thinking the request stays on v1, whose chat_history has no place for thinking.
  await setup.openai.chat.completions.create({ model: 'cohere', messages: [question, message, followUp] });
  expect(requests()[2].url).toBe('/v1/chat');
  expect(sentBody(2)).toMatchObject({ chat_history: [{ role: 'USER', message: question.content }, { role: 'CHATBOT', message: ANSWER }], message: 'Et Alice ?' });
  expect(JSON.stringify(sentBody(2))).not.toContain(REASONING);
});

test('a tool loop: the turn that called the tool goes back to v2 with its thinking as a content item beside the call, and keeps it on later turns', async () => {
  const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Current weather for a city', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } },
  ];
  const weatherQuestion: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Quel temps fait-il à São Paulo ?' };
  const first = await setup.openai.chat.completions.create({ model: 'cohere', messages: [weatherQuestion], tools, reasoning_effort: 'high' });
  const call = first.choices[0].message as Message;
  const toolReasoning = 'Il me faut la météo actuelle de São Paulo : j’appelle get_weather.';
  expect(first.choices[0].finish_reason).toBe('tool_calls');
  expect(call).toMatchObject({ content: null, reasoning_content: toolReasoning, tool_calls: [{ id: 'get_weather_k3v8s1d0qz7m' }] });

  const result: OpenAI.Chat.Completions.ChatCompletionToolMessageParam = { role: 'tool', tool_call_id: 'get_weather_k3v8s1d0qz7m', content: '{"celsius":27}' };
  const second = await setup.openai.chat.completions.create({ model: 'cohere', messages: [weatherQuestion, call, result], tools, reasoning_effort: 'high' });
  const toolTurn = {
    role: 'assistant',
    content: [{ type: 'thinking', thinking: toolReasoning }],
    tool_calls: [{ id: 'get_weather_k3v8s1d0qz7m', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brazil"}' } }],
  };
  expect(requests()[1].url).toBe('/v2/chat');
  expect(sentBody(1).messages).toEqual([weatherQuestion, toolTurn, result]);

  await setup.openai.chat.completions.create({ model: 'cohere', messages: [weatherQuestion, call, result, second.choices[0].message, { role: 'user', content: 'Et demain ?' }], tools, reasoning_effort: 'high' });
  expect(sentBody(2).messages.slice(1, 4)).toEqual([toolTurn, result, { role: 'assistant', content: [{ type: 'thinking', thinking: REASONING }, { type: 'text', text: ANSWER }] }]);
  expect(JSON.stringify(requests().map((request) => request.body))).not.toContain('reasoning_content');
});

test('streamed: the thinking pieces arrive as reasoning_content deltas before the text', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], reasoning_effort: 'medium', stream: true });
  const turn = await assembleAssistantTurn(stream);
  expect(turn.reasoning).toBe('Alice a 2 sœurs ; pour son frère, Alice compte aussi : 3.');
  expect(turn.content).toBe(ANSWER);
  expect(sentBody(0)).toMatchObject({ stream: true, thinking: { type: 'enabled' } });
});

test('without reasoning_effort a text request stays on v1, as in MLflow', async () => {
  await setup.openai.chat.completions.create({ model: 'cohere', messages: [question] });
  expect(requests().map((request) => request.url)).toEqual(['/v1/chat']);
});

test("an endpoint's reasoning_effort default turns thinking off; a client's own thinking replaces it", async () => {
  await setup.openai.chat.completions.create({ model: 'cohere-no-thinking', messages: [question] });
  expect(sentBody(0).thinking).toEqual({ type: 'disabled' });
  await setup.openai.chat.completions.create({ model: 'cohere-no-thinking', messages: [question], thinking: { type: 'enabled', token_budget: 2000 } } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
  expect(sentBody(1).thinking).toEqual({ type: 'enabled', token_budget: 2000 });
});

test('a level Cohere has no equivalent for is a 400 naming reasoning_effort; nothing is sent', async () => {
  await expect(setup.openai.chat.completions.create({ model: 'cohere', messages: [question], reasoning_effort: 'xhigh' as 'high' })).rejects.toMatchObject({
    status: 400,
    param: 'reasoning_effort',
    message: expect.stringContaining(`Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not "xhigh"`),
  });
  expect(requests()).toHaveLength(0);
});

test('a long reasoning_effort is quoted cut in the 400, not echoed whole', async () => {
  expect(await openaiErrorOf(setup.openai.chat.completions.create({ model: 'cohere', messages: [question], reasoning_effort: LONG_VALUE as 'high' }))).toEqual({
    status: 400,
    error: {
      message: `reasoning_effort: Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not ${LONG_VALUE_CUT}.`,
      type: 'invalid_request_error',
      param: 'reasoning_effort',
      code: 'invalid_value',
    },
  });
  expect(requests()).toHaveLength(0);
});
