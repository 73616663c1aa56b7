/** The behaviour every rate-limit store shares (fixed window from the first hit), on real time. */
import type { RateLimitStore } from '../../../src/limits/store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let unique = 0;
/** A key no other test of the same store uses. */
const freshKey = (name: string) => `{contract-${process.pid}-${Date.now()}-${unique++}}:${name}`;

export function describeStoreContract(name: string, setup: { open(): Promise<RateLimitStore>; close(store: RateLimitStore): Promise<void> }): void {
  describe(`${name}: the store contract`, () => {
    let store: RateLimitStore;
    beforeAll(async () => {
      store = await setup.open();
    });
    afterAll(() => setup.close(store));

    test('the first hit opens a window of the given length; later hits add up within it', async () => {
      const key = freshKey('calls');
      const [first] = await store.hit([{ key, windowMs: 10_000, amount: 1 }]);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeLessThanOrEqual(10_000);
      expect(first.resetInMs).toBeGreaterThan(9_000);
      const [second] = await store.hit([{ key, windowMs: 10_000, amount: 5 }]);
      expect(second.count).toBe(6);
      expect(second.resetInMs).toBeLessThanOrEqual(first.resetInMs);
    });

    test('amount 0 reads without adding; keys are independent; answers keep the order of the hits', async () => {
      const calls = freshKey('calls');
      const tokens = freshKey('tokens');
      await store.hit([{ key: tokens, windowMs: 10_000, amount: 120 }]);
      const states = await store.hit([
        { key: calls, windowMs: 10_000, amount: 1 },
        { key: tokens, windowMs: 10_000, amount: 0 },
      ]);
      expect(states.map((state) => state.count)).toEqual([1, 120]);
      expect((await store.hit([{ key: tokens, windowMs: 10_000, amount: 0 }]))[0].count).toBe(120);
    });

    test('when the window ends, counting starts again at the next hit', async () => {
      const key = freshKey('short');
      await store.hit([{ key, windowMs: 150, amount: 3 }]);
      await sleep(200);
      const [state] = await store.hit([{ key, windowMs: 150, amount: 1 }]);
      expect(state.count).toBe(1);
      expect(state.resetInMs).toBeGreaterThan(50);
    });

    test('a negative amount gives back within the open window, keeping its end, and never below 0', async () => {
      const key = freshKey('given-back');
      const [first] = await store.hit([{ key, windowMs: 10_000, amount: 2 }]);
      const [back] = await store.hit([{ key, windowMs: 10_000, amount: -1 }]);
      expect(back.count).toBe(1);
      expect(back.resetInMs).toBeLessThanOrEqual(first.resetInMs);
      expect(back.resetInMs).toBeGreaterThan(9_000);
      expect((await store.hit([{ key, windowMs: 10_000, amount: -5 }]))[0].count).toBe(0);
      // The window is still the first one: a hit counts in it rather than opening another.
      const [again] = await store.hit([{ key, windowMs: 10_000, amount: 1 }]);
      expect(again.count).toBe(1);
      expect(again.resetInMs).toBeLessThanOrEqual(back.resetInMs);
    });

    test('a give-back never opens a window: not on a counter never hit, nor on one whose window ended', async () => {
      const never = freshKey('never-hit');
      expect((await store.hit([{ key: never, windowMs: 10_000, amount: -1 }]))[0].count).toBe(0);
      const [first] = await store.hit([{ key: never, windowMs: 10_000, amount: 1 }]);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeGreaterThan(9_000);
      const ended = freshKey('ended');
      await store.hit([{ key: ended, windowMs: 150, amount: 1 }]);
      await sleep(200);
      expect((await store.hit([{ key: ended, windowMs: 150, amount: -1 }]))[0].count).toBe(0);
      const [next] = await store.hit([{ key: ended, windowMs: 150, amount: 1 }]);
      expect(next.count).toBe(1);
      expect(next.resetInMs).toBeGreaterThan(50);
    });

    test('concurrent hits are counted exactly once each', async () => {
      const key = freshKey('race');
      const states = await Promise.all(Array.from({ length: 50 }, () => store.hit([{ key, windowMs: 10_000, amount: 1 }])));
      expect(states.map(([state]) => state.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    });
  });
}
