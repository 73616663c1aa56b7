/** The in-process store: the contract on real time, and exact windows on an injected clock. */
import { createMemoryStore } from '../../../src/limits/memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory store', { open: async () => createMemoryStore(), close: (store) => store.close() });

test('a window is fixed from the first hit: it does not slide with later hits', () => {
  let now = 1_000;
  const store = createMemoryStore({ now: () => now });
  expect(store.hitNow([{ key: 'k', windowMs: 60_000, amount: 1 }])).toEqual([{ count: 1, resetInMs: 60_000 }]);
  now += 59_000;
  expect(store.hitNow([{ key: 'k', windowMs: 60_000, amount: 1 }])).toEqual([{ count: 2, resetInMs: 1_000 }]);
  now += 1_000;
  expect(store.hitNow([{ key: 'k', windowMs: 60_000, amount: 1 }])).toEqual([{ count: 1, resetInMs: 60_000 }]);
});

test('ended windows of keys nobody hits any more are swept', async () => {
  let now = 0;
  const store = createMemoryStore({ now: () => now });
  store.hitNow([{ key: 'old-limit', windowMs: 1_000, amount: 7 }]);
  now = 120_000;
  // Ended, and still held until a hit comes past the sweep's time.
  expect(store.size()).toBe(1);
  store.hitNow([{ key: 'other', windowMs: 1_000, amount: 1 }]);
  // Only 'other' is held: the window of 'old-limit' is gone, not merely ended (an ended window a hit
  // finds starts from zero too, so what it answers cannot tell the two apart).
  expect(store.size()).toBe(1);
  expect(store.hitNow([{ key: 'old-limit', windowMs: 5_000, amount: 0 }])).toEqual([{ count: 0, resetInMs: 5_000 }]);
});
