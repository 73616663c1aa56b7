/**
 * Command A Reasoning on a Cohere endpoint, end to end with the official openai client: a request
 * with `reasoning_effort` goes to Cohere's v2 chat API (v1 has no thinking) as `thinking`, and the
 * answer's `thinking` content items come back as `reasoning_content`, streamed or not
 * (https://docs.cohere.com/v2/docs/reasoning). The fake Cohere serves the thinking fixtures on v2
 * and the plain v1 fixture on v1.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

function fakeCohere(request: RecordedRequest, response: ServerResponse): void {
  const { stream } = request.body as { stream?: boolean };
  if (request.url === '/v1/chat') return sendJson(response, 200, readJsonFixture('cohere', 'chat.response.json'));
  if (request.url !== '/v2/chat') return sendJson(response, 404, { message: `no route ${request.url}` });
  if (stream) return sendStream(response, readFixture('cohere', 'chat-v2-thinking.stream.sse'));
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

test('reasoning_effort goes to v2 as thinking; the answer carries reasoning_content, which the next turn does not send back', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'cohere', messages: [question], reasoning_effort: 'high' });
  const message = first.choices[0].message as Message;
  expect(message.content).toBe(ANSWER);
  expect(message.reasoning_content).toBe(REASONING);
  expect(first.usage).toEqual({ prompt_tokens: 527, completion_tokens: 60, total_tokens: 587 });
  expect(requests()[0].url).toBe('/v2/chat');
  expect(sentBody(0)).toEqual({ model: 'command-a-reasoning-08-2025', messages: [question], thinking: { type: 'enabled' } });

  await setup.openai.chat.completions.create({ model: 'cohere', messages: [question, message, { role: 'user', content: 'Et Alice ?' }], reasoning_effort: 'low' });
  expect(sentBody(1).messages[1]).toEqual({ role: 'assistant', content: ANSWER });
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
