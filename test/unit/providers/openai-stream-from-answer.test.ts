import { createOpenAIChatStream, createOpenAICompletionsStream } from '../../../src/providers/openai';
import { chatAnswerAsEvents, completionsAnswerAsEvents } from '../../../src/providers/openai/stream-from-answer';
import type { SseEvent, StreamFold } from '../../../src/providers/transport/sse';

function fold<Chunk>(events: SseEvent[] | null, stream: StreamFold<Chunk>): Chunk[] {
  if (events === null) throw new Error('no events');
  const chunks = events.flatMap((event) => stream.event(event));
  expect(stream.done).toBe(true);
  return [...chunks, ...stream.end()];
}

const envelope = { id: 'chatcmpl-2', object: 'chat.completion', created: 1748251200, model: 'local-model' };

test('each choice of a chat answer with n: 2 streams as its message, then its finish', () => {
  const answer = {
    ...envelope,
    choices: [
      { index: 0, message: { role: 'assistant', content: 'Oui.' }, finish_reason: 'stop' },
      { index: 1, message: { role: 'assistant', content: 'Non, merci.' }, finish_reason: 'length' },
    ],
  };
  const chunks = fold(chatAnswerAsEvents(answer, { includeUsage: false }), createOpenAIChatStream());
  expect(chunks.map((chunk) => chunk.choices.map(({ index, delta, finish_reason }) => [index, delta.role, delta.content, finish_reason]))).toEqual([
    [[0, 'assistant', 'Oui.', null]],
    [[0, null, null, 'stop']],
    [[1, 'assistant', 'Non, merci.', null]],
    [[1, null, null, 'length']],
  ]);
});

test("a reasoning server's reasoning_content comes with the message", () => {
  const answer = { ...envelope, choices: [{ index: 0, message: { role: 'assistant', content: '42', reasoning_content: 'Six times seven.' }, finish_reason: 'stop' }] };
  const [first] = fold(chatAnswerAsEvents(answer, { includeUsage: false }), createOpenAIChatStream());
  expect(first.choices[0].delta).toMatchObject({ content: '42', reasoning_content: 'Six times seven.' });
});

test('a completions answer with a chat-shaped message streams its content as text', () => {
  const answer = { ...envelope, object: 'text_completion', choices: [{ index: 0, message: { content: 'Once upon' }, finish_reason: 'length' }] };
  const chunks = fold(completionsAnswerAsEvents(answer, { includeUsage: false }), createOpenAICompletionsStream());
  expect(chunks.map((chunk) => chunk.choices[0])).toEqual([
    { index: 0, text: 'Once upon', finish_reason: null },
    { index: 0, text: '', finish_reason: 'length' },
  ]);
});

test('JSON that is no completion gives no events', () => {
  expect(chatAnswerAsEvents({ status: 'ok' }, { includeUsage: true })).toBeNull();
  expect(chatAnswerAsEvents({ choices: [null] }, { includeUsage: true })).toBeNull();
  expect(completionsAnswerAsEvents([1, 2], { includeUsage: true })).toBeNull();
});

test("Azure's filter results: the prompt's on the first chunk only, each choice's on its own text chunk", () => {
  const prompt = [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }];
  const results = (severity: string) => ({ violence: { filtered: false, severity } });
  const answer = {
    ...envelope,
    prompt_filter_results: prompt,
    choices: [
      { index: 0, message: { role: 'assistant', content: 'Oui.' }, finish_reason: 'stop', content_filter_results: results('safe') },
      { index: 1, message: { role: 'assistant', content: 'Non.' }, finish_reason: 'stop', content_filter_results: results('low') },
    ],
  };
  const chunks = fold(chatAnswerAsEvents(answer, { includeUsage: false }), createOpenAIChatStream());
  expect(chunks.map((chunk) => [chunk.prompt_filter_results ?? null, chunk.choices.map((choice) => choice.content_filter_results)])).toEqual([
    [prompt, [results('safe')]],
    [null, [{}]],
    [null, [results('low')]],
    [null, [{}]],
  ]);
});
