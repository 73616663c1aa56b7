/**
 * A Mistral reasoning model (Magistral, or `reasoning_effort: "high"` on Mistral Small and Medium)
 * end to end with the official openai client: Mistral answers `content` as a list of chunks, its
 * thinking in `{"type":"thinking","thinking":[{"type":"text",...}]}` (a stream's `delta.content` is
 * such a list while the model thinks, then text), https://docs.mistral.ai/capabilities/reasoning/ .
 * The client gets that thinking as `reasoning_content`; sent back on the next turn, it is left out,
 * since Mistral refuses unknown message fields (422 `extra_forbidden`, as the fake does here).
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const REASONING = 'Paris–Lyon fait 465 km. À 10 h, le premier train a fait 120 km ; il reste 345 km à 270 km/h, soit 1 h 16 min 40 s.';
const ANSWER = 'Les trains se croisent vers 11 h 17 ⏱️.';
const MESSAGE_FIELDS = ['role', 'content', 'tool_calls', 'tool_call_id', 'name', 'prefix'];

function fakeMistral(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { stream?: boolean; messages: Record<string, unknown>[] };
  const index = body.messages.findIndex((message) => Object.keys(message).some((field) => !MESSAGE_FIELDS.includes(field)));
  if (index !== -1) {
    const field = Object.keys(body.messages[index]).find((key) => !MESSAGE_FIELDS.includes(key));
    return sendJson(response, 422, { object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'messages', index, 'assistant', field], msg: 'Extra inputs are not permitted', input: null }] }, type: 'invalid_request_error', param: null, code: null });
  }
  if (body.stream) return sendStream(response, readFixture('mistral', 'chat-reasoning.stream.sse'));
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

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Un train part de Paris à 9 h à 120 km/h, un autre de Lyon à 10 h à 150 km/h : quand se croisent-ils ?' };
const sentMessages = (index: number) => (setup.upstreams.mistral.requests[index].body as { messages: Record<string, unknown>[] }).messages;

test('an answer carries the thinking as reasoning_content; sent back whole, the next turn goes without it', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question], reasoning_effort: 'high' });
  const message = first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string };
  expect(message.content).toBe(ANSWER);
  expect(message.reasoning_content).toBe(REASONING);
  expect(setup.upstreams.mistral.requests[0].body).toMatchObject({ model: 'magistral-medium-2509', reasoning_effort: 'high' });

  const second = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question, message, { role: 'user', content: 'Et si le second roulait à 130 km/h ?' }] });
  expect(second.choices[0].message.content).toBe(ANSWER);
  expect(sentMessages(1)[1]).toEqual({ role: 'assistant', content: ANSWER });
});

test('streamed: the thinking pieces arrive as reasoning_content deltas before the text', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'magistral', messages: [question], stream: true });
  const turn = await assembleAssistantTurn(stream);
  expect(turn.reasoning).toBe('Paris–Lyon : 465 km. Ils se croisent après 1 h 16 min de plus.');
  expect(turn.content).toBe(ANSWER);
});
