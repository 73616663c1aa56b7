/**
 * An OpenAI-shaped chat stream's leading role-only chunks are held until the first chunk with
 * something in it, then sent before it as they came; a stream with nothing else ends empty (the
 * end-to-end checks, retries and fallback, are in stream-first-chunk.test.ts).
 */
import { leadingRolesHeldFold } from '../../../../src/providers/shared/role-only';
import type { SseEvent, StreamFold } from '../../../../src/providers/transport/sse';

const envelope = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'm' };
const ROLE = { ...envelope, choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: '', tool_calls: null } }] };
const WORD = { ...envelope, choices: [{ index: 0, finish_reason: null, delta: { role: null, content: 'Un', tool_calls: null } }] };
const FINISH = { ...envelope, choices: [{ index: 0, finish_reason: 'stop', delta: { role: null, content: null, tool_calls: null } }] };

/** A fold whose events carry their chunks as JSON lists, and whose end gives `atEnd`. */
function listFold(atEnd: unknown[] = []): StreamFold<unknown> {
  return { done: false, event: (event: SseEvent) => JSON.parse(event.data) as unknown[], end: () => atEnd };
}

const event = (...chunks: unknown[]): SseEvent => ({ event: undefined, data: JSON.stringify(chunks) });

test('the role chunk is held, then sent first and as it came with the first chunk with content', () => {
  const fold = leadingRolesHeldFold(listFold());
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.event(event(WORD))).toEqual([ROLE, WORD]);
  expect(fold.event(event(FINISH))).toEqual([FINISH]);
});

test('a finish is something: a role then an empty answer that finished is sent', () => {
  const fold = leadingRolesHeldFold(listFold());
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.event(event(FINISH))).toEqual([ROLE, FINISH]);
});

test('only role-only chunks, then the end: the stream ends empty', () => {
  const fold = leadingRolesHeldFold(listFold());
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.end()).toEqual([]);
});

test('chunks the end gives release what was held', () => {
  const fold = leadingRolesHeldFold(listFold([FINISH]));
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.end()).toEqual([ROLE, FINISH]);
});

test('after the first chunk with content, nothing is held (a later role-only chunk passes)', () => {
  const fold = leadingRolesHeldFold(listFold());
  expect(fold.event(event(WORD))).toEqual([WORD]);
  expect(fold.event(event(ROLE))).toEqual([ROLE]);
});

test('a usage-only chunk (`choices: []`) answers nothing either: held with the roles, and a stream ending there ends empty', () => {
  const USAGE = { ...envelope, choices: [], usage: { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 } };
  const fold = leadingRolesHeldFold(listFold());
  expect(fold.event(event(ROLE))).toEqual([]);
  expect(fold.event(event(USAGE))).toEqual([]);
  expect(fold.end()).toEqual([]);
  const answered = leadingRolesHeldFold(listFold());
  expect(answered.event(event(ROLE, WORD, FINISH))).toEqual([ROLE, WORD, FINISH]);
  expect(answered.event(event(USAGE))).toEqual([USAGE]);
});
