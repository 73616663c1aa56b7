/** Finish reasons in OpenAI's set for the vendors whose reasons are their own (TGI, AI21, Mistral, Together AI). */
import { createCalledTools, inOpenAIFinishReasons } from '../../../../src/providers/shared/finish-reasons';

test("OpenAI's values pass as sent; another is tool_calls after tool calls, else stop", () => {
  for (const reason of ['stop', 'length', 'tool_calls', 'content_filter', 'function_call']) expect(inOpenAIFinishReasons(reason, false)).toBe(reason);
  expect(inOpenAIFinishReasons('abort', false)).toBe('stop');
  expect(inOpenAIFinishReasons('abort', true)).toBe('tool_calls');
});

test('a chunk that does not finish (null, absent, or the empty string some OpenAI-compatible servers send) stays unfinished', () => {
  for (const reason of [null, undefined, '']) {
    expect(inOpenAIFinishReasons(reason, false)).toBeNull();
    expect(inOpenAIFinishReasons(reason, true)).toBeNull();
  }
});

test('a stream remembers, per choice, whether it has called tools', () => {
  const calledTools = createCalledTools();
  expect(calledTools.see(0, [{ id: 'call_1' }])).toBe(true);
  expect(calledTools.see(1, null)).toBe(false);
  expect(calledTools.see(0, undefined)).toBe(true);
  expect(calledTools.see(1, [])).toBe(false);
});
