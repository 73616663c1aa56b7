import { asksForOneToolCall, firstToolCallOnly, firstToolCallPiecesOnly } from '../../../src/server/one-tool-call';

const call = (id: string) => ({ id, type: 'function', function: { name: 'get_weather', arguments: '{}' } });

describe('one tool call per answer (parallel_tool_calls: false)', () => {
  test('only false asks for it', () => {
    expect([false, true, undefined].map((value) => asksForOneToolCall({ parallel_tool_calls: value }))).toEqual([true, false, false]);
  });

  test('an answer keeps each choice first call; one without several calls is returned as it is', () => {
    const answer = { id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call('a'), call('b')] }, finish_reason: 'tool_calls' }] };
    expect(firstToolCallOnly(answer)).toEqual({ id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call('a')] }, finish_reason: 'tool_calls' }] });
    const single = { choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', tool_calls: null }, finish_reason: 'stop' }] };
    expect(firstToolCallOnly(single)).toBe(single);
  });

  test("a chunk keeps only the first call's pieces (index 0); a delta left with none has tool_calls null", () => {
    const piece = (index: number) => ({ index, id: null, type: null, function: { name: null, arguments: '{"location":' } });
    const both = { choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [piece(0), piece(1)] }, finish_reason: null }] };
    expect(firstToolCallPiecesOnly(both)).toEqual({ choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [piece(0)] }, finish_reason: null }] });
    const second = { choices: [{ index: 0, delta: { role: null, content: null, tool_calls: [piece(1)] }, finish_reason: null }] };
    expect(firstToolCallPiecesOnly(second)).toEqual({ choices: [{ index: 0, delta: { role: null, content: null, tool_calls: null }, finish_reason: null }] });
    const text = { choices: [{ index: 0, delta: { role: null, content: 'Hi', tool_calls: null }, finish_reason: null }] };
    expect(firstToolCallPiecesOnly(text)).toBe(text);
  });
});
