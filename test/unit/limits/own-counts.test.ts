/** What a process counted itself per Redis counter and window, to give back after Redis lost it. */
import { OwnCounts } from '../../../src/limits/own-counts';

const hit = (amount: number) => ({ key: 'k', windowMs: 10_000, amount });

test('hits add up within the window the store answered; a give-back lowers it, never below 0', () => {
  const counts = new OwnCounts();
  counts.record(['k'], [hit(2)], [{ count: 2, resetInMs: 10_000 }], 0);
  counts.record(['k'], [hit(3)], [{ count: 9, resetInMs: 9_000 }], 1_000);
  counts.record(['k'], [hit(-1)], [{ count: 8, resetInMs: 8_000 }], 2_000);
  expect(counts.toRestore(2_000, 250)).toEqual({ keys: ['k'], countsAndWindows: [4, 8_000] });
  counts.record(['k'], [hit(-9)], [{ count: 0, resetInMs: 7_000 }], 3_000);
  expect(counts.toRestore(3_000, 250)).toEqual({ keys: ['k'], countsAndWindows: [0, 7_000] });
});

test('a hit the store answers with its own amount started a new window there: the count starts over, with that window', () => {
  const counts = new OwnCounts();
  counts.record(['k'], [hit(5)], [{ count: 5, resetInMs: 10_000 }], 0);
  // Redis's window ended a moment before the one recorded here (the answer took that long).
  counts.record(['k'], [hit(1)], [{ count: 1, resetInMs: 10_000 }], 9_999);
  expect(counts.toRestore(10_000, 250)).toEqual({ keys: ['k'], countsAndWindows: [1, 9_999] });
});

test('a window that has ended, or ends within the margin, is not restored; one ended is forgotten, and a give-back never opens one', () => {
  const counts = new OwnCounts();
  counts.record(['a', 'b'], [hit(1), hit(1)], [{ count: 1, resetInMs: 1_000 }, { count: 1, resetInMs: 5_000 }], 0);
  expect(counts.toRestore(800, 250)).toEqual({ keys: ['b'], countsAndWindows: [1, 4_200] });
  // Within the margin but not ended: kept, as it may still be hit.
  expect(counts.size).toBe(2);
  expect(counts.toRestore(1_000, 0)).toEqual({ keys: ['b'], countsAndWindows: [1, 4_000] });
  // Ended: forgotten, not merely left out (which is all toRestore's answer shows).
  expect(counts.size).toBe(1);
  // 'a' is gone: a later give-back on it finds nothing to lower and adds nothing.
  counts.record(['a'], [hit(-1)], [{ count: 0, resetInMs: 0 }], 1_100);
  expect(counts.size).toBe(1);
  expect(counts.toRestore(1_100, 0).keys).toEqual(['b']);
});

test('after a reload, the counts of counters the new config does not use are forgotten and not recorded again, while the others keep theirs', () => {
  const counts = new OwnCounts();
  counts.record(['kept', 'removed'], [hit(2), hit(3)], [{ count: 2, resetInMs: 10_000 }, { count: 3, resetInMs: 10_000 }], 0);
  counts.keepOnly(new Set(['kept', 'added']));
  expect(counts.toRestore(1_000, 250)).toEqual({ keys: ['kept'], countsAndWindows: [2, 9_000] });
  // A request of the replaced config that ends after the reload still reaches its counters.
  counts.record(['removed', 'kept', 'added'], [hit(1), hit(1), hit(4)], [{ count: 4, resetInMs: 9_000 }, { count: 3, resetInMs: 8_000 }, { count: 4, resetInMs: 10_000 }], 2_000);
  expect(counts.toRestore(2_000, 250)).toEqual({ keys: ['kept', 'added'], countsAndWindows: [3, 8_000, 4, 10_000] });
  // A later reload that uses the counter again counts it from its next hit.
  counts.keepOnly(new Set(['removed']));
  counts.record(['removed'], [hit(1)], [{ count: 5, resetInMs: 7_000 }], 3_000);
  expect(counts.toRestore(3_000, 250)).toEqual({ keys: ['removed'], countsAndWindows: [1, 7_000] });
});
