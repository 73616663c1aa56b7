/**
 * A chat chunk whose choice finishes while carrying tool calls is sent as two chunks, as OpenAI
 * sends them (the end-to-end check with the openai client's events is stream-tool-call-events.test.ts).
 */
import { withFinishApart } from '../../../../src/providers/shared/finish-apart';
import type { ChatChunk } from '../../../../src/schema';

const envelope = { id: 'chunk-1', object: 'chat.completion.chunk' as const, created: 1_700_000_000, model: 'm' };
const call = (index: number) => ({ index, id: `call_${index}`, type: 'function', function: { name: 'get_weather', arguments: '{}' } });
const emptyDelta = { role: null, content: null, tool_calls: null };

test('a chunk without a finishing tool-call choice is kept as it is (text with its finish included)', () => {
  const chunk: ChatChunk = { ...envelope, choices: [{ index: 0, finish_reason: 'stop', delta: { role: null, content: 'fin', tool_calls: null } }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } };
  expect(withFinishApart(chunk)).toEqual([chunk]);
  const calling: ChatChunk = { ...envelope, choices: [{ index: 0, finish_reason: null, delta: { role: null, content: null, tool_calls: [call(0)] } }] };
  expect(withFinishApart(calling)).toEqual([calling]);
});

test('the calls go first without the finish; the finish follows on an empty delta with the usage', () => {
  const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
  const chunk: ChatChunk = { ...envelope, choices: [{ index: 0, finish_reason: 'tool_calls', delta: { role: 'assistant', content: 'Je regarde.', tool_calls: [call(0), call(1)] } }], usage };
  expect(withFinishApart(chunk)).toEqual([
    { ...envelope, choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Je regarde.', tool_calls: [call(0), call(1)] } }] },
    { ...envelope, choices: [{ index: 0, finish_reason: 'tool_calls', delta: emptyDelta }], usage },
  ]);
});

test('with several choices (n > 1), only those finishing with tool calls are split; the others keep their finish', () => {
  const chunk: ChatChunk = {
    ...envelope,
    choices: [
      { index: 0, finish_reason: 'stop', delta: { role: null, content: 'fin', tool_calls: null } },
      { index: 1, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: [call(0)] } },
    ],
  };
  expect(withFinishApart(chunk)).toEqual([
    {
      ...envelope,
      choices: [
        { index: 0, finish_reason: 'stop', delta: { role: null, content: 'fin', tool_calls: null } },
        { index: 1, finish_reason: null, delta: { role: null, content: null, tool_calls: [call(0)] } },
      ],
    },
    { ...envelope, choices: [{ index: 1, finish_reason: 'tool_calls', delta: emptyDelta }] },
  ]);
});
