import { carriesToken } from '../../../src/server/first-token';

const chat = (delta: Record<string, unknown>, finish: string | null = null) => ({ object: 'chat.completion.chunk', choices: [{ index: 0, finish_reason: finish, delta }] });

test.each([
  ['text', chat({ role: null, content: 'Un', tool_calls: null })],
  ['a tool call', chat({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] })],
  ['a refusal', chat({ role: null, content: null, tool_calls: null, refusal: "I can't help with that." })],
  ['reasoning', chat({ role: null, content: null, tool_calls: null, reasoning_content: 'Let me think' })],
  ['completions text', { object: 'text_completion_chunk', choices: [{ index: 0, finish_reason: null, text: 'Once' }] }],
  ['a second choice with text', { choices: [{ index: 0, finish_reason: null, delta: { content: '' } }, { index: 1, finish_reason: null, delta: { content: 'B' } }] }],
])('a chunk with %s carries a token', (_what, chunk) => {
  expect(carriesToken(chunk)).toBe(true);
});

test.each([
  ["OpenAI's role chunk", chat({ role: 'assistant', content: '', refusal: null })],
  ['a finish alone', chat({ role: null, content: null, tool_calls: null }, 'stop')],
  ['usage alone', { choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } }],
  ['empty tool calls', chat({ role: null, content: null, tool_calls: [] })],
  ['/v1 completions text ""', { choices: [{ index: 0, finish_reason: 'stop', text: '' }] }],
  ['no choices', {}],
  ['not an object', null],
])('%s carries no token', (_what, chunk) => {
  expect(carriesToken(chunk)).toBe(false);
});
