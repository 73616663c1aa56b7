/**
 * Claude's answers with thinking, tool calls and blank text (an empty text block, or one of only
 * whitespace), from Anthropic and from Bedrock Converse, and fakes of both that take the next turn
 * back only as the vendor does: without a blank text block (Anthropic: "text content blocks must be
 * non-empty", "text content blocks must contain non-whitespace text"; Converse: "The text field in the
 * ContentBlock object … is blank"), and with the thinking blocks unchanged and where Claude wrote them
 * among the blocks sent. The answers are the thinking tool-use fixtures (`plain`: thinking first) and
 * the interleaved ones (`interleaved`: a thinking block after the text), their text made blank
 * (test/fixtures/anthropic/README.md, "Blank text"); each answer has tool call ids of its own, so that
 * thinking kept for one test cannot answer for another.
 */
import type { ServerResponse } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { anthropicBlankTextRefusal, anthropicRefusalBody, converseBlankTextRefusal } from './claude-blank-refusals';
import { converseEvent, type BedrockCall, type BedrockReply } from './fake-bedrock';
import { sendJson, sendStream, type RecordedRequest } from './fake-upstream';
import { readFixture } from './fixtures';

export type Shape = 'plain' | 'interleaved';

type Block = Record<string, unknown>;

export const FINAL_TEXT = 'Paris and London are both at 18 °C.';

/** What the answer being given is like, set by each test before its first turn. */
const current: { shape: Shape; blank: string; answers: number; expectedTurn: Block[] } = { shape: 'plain', blank: '', answers: 0, expectedTurn: [] };

/** The next first turn is answered with the `shape` answer, its text `blank`. */
export function answerWith(shape: Shape, blank: string): void {
  current.shape = shape;
  current.blank = blank;
}

/** The assistant turn the vendor takes back after the answer last given: its content without the blank text block. */
export const expectedTurn = (): Block[] => current.expectedTurn;

/** A text block (Anthropic's or Converse's) whose text is empty or only whitespace. */
const isBlankText = (block: Block): boolean => typeof block.text === 'string' && block.text.trim() === '';

/** The fixture's text with its tool call ids made the answer's own (`_<n>` added). */
function withOwnIds(text: string, ids: readonly string[], answer: number): string {
  return ids.reduce((result, id) => result.replaceAll(id, `${id}_${answer}`), text);
}

/** A stream event with its text delta made blank: none when the text is empty, as Claude streams an empty text block without a delta. */
function withBlankDelta<Event>(event: Event, delta: { text?: unknown } | undefined): Event[] {
  if (delta === undefined) return [event];
  if (current.blank === '') return [];
  delta.text = current.blank;
  return [event];
}

// Anthropic

const ANTHROPIC = {
  plain: { name: 'chat-thinking-tool-use', ids: ['toolu_01D7FLrfh4GYq7yT1ULFeyMV'] },
  interleaved: { name: 'chat-interleaved-thinking', ids: ['toolu_01NxR4hTq8VbLm2WcY7zKp3D', 'toolu_01Hb6sJ9kVqT3nXw5LcR8mZy'] },
} as const;

function anthropicAnswer(answer: number): { json: { content: Block[] }; stream: string } {
  const { name, ids } = ANTHROPIC[current.shape];
  const json = JSON.parse(withOwnIds(readFixture('anthropic', `${name}.response.json`), ids, answer)) as { content: Block[] };
  json.content = json.content.map((block) => (block.type === 'text' ? { ...block, text: current.blank } : block));
  const events = withOwnIds(readFixture('anthropic', `${name}.stream.sse`), ids, answer)
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .flatMap((event) => {
      const [type, data] = event.split('\n');
      const body = JSON.parse(data.slice('data: '.length)) as { delta?: { type?: string; text?: unknown } };
      return withBlankDelta(body, body.delta?.type === 'text_delta' ? body.delta : undefined).map((kept) => `${type}\ndata: ${JSON.stringify(kept)}\n\n`);
    });
  return { json, stream: events.join('') };
}

interface AnthropicBody {
  stream?: boolean;
  messages: { role: string; content: string | Block[] }[];
}

/** The Anthropic Messages API for these answers (the next turn not streamed). */
export function fakeBlankTextClaude(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as AnthropicBody;
  const assistant = body.messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) {
    current.answers += 1;
    const answer = anthropicAnswer(current.answers);
    current.expectedTurn = answer.json.content.filter((block) => !isBlankText(block));
    return body.stream ? sendStream(response, answer.stream) : sendJson(response, 200, answer.json);
  }
  const blankTextRefusal = anthropicBlankTextRefusal(body);
  if (blankTextRefusal !== null) return sendJson(response, 400, anthropicRefusalBody(blankTextRefusal));
  const content = typeof assistant.content === 'string' ? [{ type: 'text', text: assistant.content }] : assistant.content;
  if (!isDeepStrictEqual(content, current.expectedTurn)) return sendJson(response, 400, anthropicRefusalBody('messages.1.content: thinking blocks cannot be modified or rearranged.'));
  const final = { id: 'msg_01Yb4Rk7WqN2xTc9LmP5Hs3D', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [{ type: 'text', text: FINAL_TEXT }], stop_reason: 'end_turn', stop_sequence: null };
  sendJson(response, 200, { ...final, usage: { input_tokens: 900, output_tokens: 12 } });
}

/** The gateway's endpoint `claude` on the fake Anthropic at `upstreamUrl`. */
export const blankTextClaudeEndpoints = (upstreamUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${upstreamUrl}/v1" } }
`;

// Bedrock Converse

const CONVERSE = {
  plain: { name: 'converse-thinking-tool-use', ids: ['tooluse_Xk3vQ9pLTyW2mN8rB5cJ4A'] },
  interleaved: { name: 'converse-interleaved-thinking', ids: ['tooluse_Qm4vT8nRxW2kLc5bY9pJ3A', 'tooluse_Zt7hN2wKqV5mXc8rB4sL6D'] },
} as const;

type ConverseEvent = { event: string; body: { delta?: { text?: unknown } } };

function converseAnswer(answer: number): { json: { output: { message: { content: Block[] } } }; events: ConverseEvent[] } {
  const { name, ids } = CONVERSE[current.shape];
  const json = JSON.parse(withOwnIds(readFixture('bedrock', `${name}.response.json`), ids, answer)) as { output: { message: { content: Block[] } } };
  json.output.message.content = json.output.message.content.map((block) => (typeof block.text === 'string' ? { text: current.blank } : block));
  const events = (JSON.parse(withOwnIds(readFixture('bedrock', `${name}.events.json`), ids, answer)) as ConverseEvent[]).flatMap((event) =>
    withBlankDelta(event, event.event === 'contentBlockDelta' && typeof event.body.delta?.text === 'string' ? event.body.delta : undefined),
  );
  return { json, events };
}

interface ConverseBody {
  messages: { role: string; content: Block[] }[];
}

/** Bedrock Converse for these answers (the next turn not streamed). */
export function fakeBlankTextConverse(call: BedrockCall): BedrockReply {
  const assistant = (call.body as ConverseBody).messages.find((message) => message.role === 'assistant');
  if (assistant === undefined) {
    current.answers += 1;
    const answer = converseAnswer(current.answers);
    current.expectedTurn = answer.json.output.message.content.filter((block) => !isBlankText(block));
    // In pieces of 512 bytes (still cutting events), not the fake's 7 with a pause after each, half a
    // second a stream: what is tested here is the events. A stream cut at every byte is decoded in
    // test/unit/providers/bedrock/stream-bytes.test.ts, this thinking fixture among them.
    return call.operation === 'converse-stream' ? { events: answer.events.map(({ event, body }) => converseEvent(event, body)), pieceSize: 512 } : { json: answer.json };
  }
  const blankTextRefusal = converseBlankTextRefusal(call.body as ConverseBody);
  if (blankTextRefusal !== null) return blankTextRefusal;
  if (!isDeepStrictEqual(assistant.content, current.expectedTurn)) {
    return { error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: messages.1.content: thinking blocks cannot be modified or rearranged.' } };
  }
  return { json: { output: { message: { role: 'assistant', content: [{ text: FINAL_TEXT }] } }, stopReason: 'end_turn', usage: { inputTokens: 900, outputTokens: 12, totalTokens: 912 } } };
}

