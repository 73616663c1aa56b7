/** A failed size or range limit reads the same in config messages and request refusals: in words, never Ajv's `<=`. */
import { limitRule } from '../../../src/config/limit-rule';

test.each<[string, number, string]>([
  ['minimum', 1, 'must be at least 1'],
  ['maximum', 128, 'must be at most 128'],
  ['exclusiveMinimum', 0, 'must be more than 0'],
  ['exclusiveMaximum', 2.5, 'must be less than 2.5'],
  ['minLength', 2, 'must be at least 2 characters long'],
  ['maxLength', 1, 'must be at most 1 character long'],
  ['maxLength', 64, 'must be at most 64 characters long'],
  ['minItems', 2, 'must list at least 2 items'],
  ['maxItems', 1, 'must list at most 1 item'],
  ['maxItems', 10, 'must list at most 10 items'],
])('%s %d → %s', (keyword, limit, words) => {
  expect(limitRule(keyword, limit)).toBe(words);
});

test('a keyword that is no limit, or a limit that is not a number, has no words here', () => {
  expect(limitRule('pattern', 1)).toBeUndefined();
  expect(limitRule('maximum', undefined)).toBeUndefined();
});
