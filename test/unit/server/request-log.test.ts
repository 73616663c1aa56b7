import { requestIdOf, usageOf } from '../../../src/server/request-log';

describe('requestIdOf', () => {
  test('keeps a sane incoming id', () => {
    expect(requestIdOf('trace-123')).toBe('trace-123');
    expect(requestIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  });

  test('replaces missing, repeated, overlong or odd ids with a UUID', () => {
    for (const incoming of [undefined, ['a', 'b'], 'x'.repeat(129), 'has space', 'quote"d', 'line\nbreak', '']) {
      expect(requestIdOf(incoming)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

test('usageOf reads the unified usage block and ignores anything else', () => {
  expect(usageOf({ usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 } })).toEqual({ prompt: 3, completion: 5, total: 8 });
  expect(usageOf({ usage: { prompt_tokens: 3, total_tokens: 3 } })).toEqual({ prompt: 3, completion: null, total: 3 });
  expect(usageOf({ usage: { prompt_tokens: '3' } })).toEqual({ prompt: null, completion: null, total: null });
  expect(usageOf({ usage: null })).toBeNull();
  expect(usageOf(null)).toBeNull();
  expect(usageOf('text')).toBeNull();
});
