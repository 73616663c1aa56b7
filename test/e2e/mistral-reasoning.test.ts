/**
 * A Mistral reasoning model (Magistral, or `reasoning_effort: "high"` on Mistral Small and Medium)
 * end to end with the official openai client: Mistral answers `content` as a list of chunks, its
 * thinking in `{"type":"thinking","thinking":[{"type":"text",...}]}` (a stream's `delta.content` is
 * such a list while the model thinks, then text), https://docs.mistral.ai/capabilities/reasoning/ .
 * The client gets that thinking as `reasoning_content`; sent back on a later turn, it goes to Mistral
 * the same way, as a thinking chunk before the text (Mistral's SDK example `reasoning_multi_turn`
 * replays every turn's thinking). The fake refuses, as Mistral does, unknown message fields (422
 * `extra_forbidden`: `reasoning_content` itself) and content chunks of a shape it does not know.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const REASONING = 'Paris–Lyon fait 465 km. À 10 h, le premier train a fait 120 km ; il reste 345 km à 270 km/h, soit 1 h 16 min 40 s.';
const ANSWER = 'Les trains se croisent vers 11 h 17 ⏱️.';
const TOOL_REASONING = 'Il faut l’horaire du prochain TGV Paris–Lyon : j’appelle next_train.';
const MESSAGE_FIELDS = ['role', 'content', 'tool_calls', 'tool_call_id', 'name', 'prefix'];

type Message = Record<string, unknown>;

/** Where a message breaks Mistral's schema: an unknown field, or a content chunk that is neither text nor thinking. */
function schemaIssue(message: Message, index: number): Record<string, unknown> | null {
  const field = Object.keys(message).find((key) => !MESSAGE_FIELDS.includes(key));
  if (field !== undefined) return { type: 'extra_forbidden', loc: ['body', 'messages', index, String(message.role), field], msg: 'Extra inputs are not permitted', input: null };
  if (!Array.isArray(message.content)) return null;
  const isText = (chunk: Message) => chunk.type === 'text' && typeof chunk.text === 'string' && Object.keys(chunk).length === 2;
  const bad = (message.content as Message[]).findIndex((chunk) => !(isText(chunk) || (chunk.type === 'thinking' && Array.isArray(chunk.thinking) && (chunk.thinking as Message[]).every(isText))));
  return bad === -1 ? null : { type: 'union_tag_invalid', loc: ['body', 'messages', index, 'assistant', 'content', bad], msg: 'Input tag does not match any of the expected tags', input: null };
}

function fakeMistral(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { stream?: boolean; messages: Message[] };
  const detail = body.messages.flatMap((message, index) => schemaIssue(message, index) ?? []);
  if (detail.length > 0) return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  if (body.stream) return sendStream(response, readFixture('mistral', 'chat-reasoning.stream.sse'));
  // The first turn of the tool loop calls the tool; every other turn answers.
  if ((request.body as { tools?: unknown }).tools !== undefined && body.messages.length === 1) return sendJson(response, 200, readJsonFixture('mistral', 'chat-reasoning-tool-calls.response.json'));
  sendJson(response, 200, readJsonFixture('mistral', 'chat-reasoning.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { mistral: fakeMistral },
  config: ({ mistral }) => `
endpoints:
  - name: magistral
    endpoint_type: llm/v1/chat
    model: { provider: mistral, name: magistral-medium-2509, config: { mistral_api_key: mi-test-key, mistral_api_base: "${mistral}/v1" } }
`,
  validateResponses: true,
});

type AnswerMessage = OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Un train part de Paris à 9 h à 120 km/h, un autre de Lyon à 10 h à 150 km/h : quand se croisent-ils ?' };
const sentMessages = (index: number) => (setup.upstreams.mistral.requests[index].body as { messages: Message[] }).messages;
const thinkingChunk = (text: string) => ({ type: 'thinking', thinking: [{ type: 'text', text }] });

test('an answer carries the thinking as reasoning_content; sent back whole, the next turn gives it to Mistral as a thinking chunk before the text', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question], reasoning_effort: 'high' });
  const message = first.choices[0].message as AnswerMessage;
  expect(message.content).toBe(ANSWER);
  expect(message.reasoning_content).toBe(REASONING);
  expect(setup.upstreams.mistral.requests[0].body).toMatchObject({ model: 'magistral-medium-2509', reasoning_effort: 'high' });

  const second = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question, message, { role: 'user', content: 'Et si le second roulait à 130 km/h ?' }] });
  expect(second.choices[0].message.content).toBe(ANSWER);
  expect(sentMessages(1)[1]).toEqual({ role: 'assistant', content: [thinkingChunk(REASONING), { type: 'text', text: ANSWER }] });
});

test('a tool loop: the turn that called the tool goes back with its thinking beside the call, and keeps it on every later turn', async () => {
  const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'next_train', description: 'Le prochain train entre deux villes', parameters: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] } } },
  ];
  const first = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question], tools, reasoning_effort: 'high' });
  const call = first.choices[0].message as AnswerMessage;
  expect(first.choices[0].finish_reason).toBe('tool_calls');
  expect(call).toMatchObject({ content: null, reasoning_content: TOOL_REASONING, tool_calls: [{ id: 'Xy7Kp2QmZ', function: { name: 'next_train' } }] });

  const result: OpenAI.Chat.Completions.ChatCompletionToolMessageParam = { role: 'tool', tool_call_id: 'Xy7Kp2QmZ', content: '{"depart":"10:04","arrivee":"12:00"}' };
  const second = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question, call, result], tools, reasoning_effort: 'high' });
  const answer = second.choices[0].message as AnswerMessage;
  const toolTurn = { role: 'assistant', content: [thinkingChunk(TOOL_REASONING)], tool_calls: [expect.objectContaining({ id: 'Xy7Kp2QmZ', function: { name: 'next_train', arguments: '{"from": "Paris", "to": "Lyon"}' } })] };
  expect(sentMessages(1)).toEqual([question, toolTurn, result]);

  await setup.openai.chat.completions.create({ model: 'magistral', messages: [question, call, result, answer, { role: 'user', content: 'Et le suivant ?' }], tools, reasoning_effort: 'high' });
  expect(sentMessages(2).slice(1, 4)).toEqual([toolTurn, result, { role: 'assistant', content: [thinkingChunk(REASONING), { type: 'text', text: ANSWER }] }]);
  expect(JSON.stringify(setup.upstreams.mistral.requests.map((request) => request.body))).not.toContain('reasoning_content');
});

test('streamed: the thinking pieces arrive as reasoning_content deltas before the text', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question], stream: true });
  const turn = await assembleAssistantTurn(stream);
  expect(turn.reasoning).toBe('Paris–Lyon : 465 km. Ils se croisent après 1 h 16 min de plus.');
  expect(turn.content).toBe(ANSWER);
});
