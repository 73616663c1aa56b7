/**
 * Counters in this process's memory: the store of a single gateway process, and the store the
 * cluster primary keeps for its workers (see cluster-primary.ts).
 */
import type { CounterHit, CounterState, RateLimitStore } from './store';

interface Window {
  count: number;
  /** Milliseconds (the store's clock) at which the window ends. */
  endsAt: number;
}

/** How often, at most, ended windows are swept (keys of removed endpoints and old limits). */
const SWEEP_EVERY_MS = 60_000;

export interface MemoryStore extends RateLimitStore {
  /** The same hits, answered synchronously (the cluster primary needs no promise per message). */
  hitNow(hits: readonly CounterHit[]): CounterState[];
  /** How many windows it holds, ended ones not swept yet included: what the sweep bounds. */
  size(): number;
}

export function createMemoryStore(options: { now?: () => number } = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  let nextSweep = now() + SWEEP_EVERY_MS;

  function sweep(time: number): void {
    for (const [key, window] of windows) {
      if (window.endsAt <= time) windows.delete(key);
    }
    nextSweep = time + SWEEP_EVERY_MS;
  }

  function giveBack({ key, amount }: CounterHit, time: number): CounterState {
    const window = windows.get(key);
    if (window === undefined || window.endsAt <= time) return { count: 0, resetInMs: 0 };
    window.count = Math.max(0, window.count + amount);
    return { count: window.count, resetInMs: window.endsAt - time };
  }

  function hitOne(hit: CounterHit, time: number): CounterState {
    const { key, windowMs, amount } = hit;
    if (amount < 0) return giveBack(hit, time);
    let window = windows.get(key);
    if (window === undefined || window.endsAt <= time) {
      window = { count: 0, endsAt: time + windowMs };
      windows.set(key, window);
    }
    window.count += amount;
    return { count: window.count, resetInMs: window.endsAt - time };
  }

  function hitNow(hits: readonly CounterHit[]): CounterState[] {
    const time = now();
    if (time >= nextSweep) sweep(time);
    return hits.map((hit) => hitOne(hit, time));
  }

  return {
    hitNow,
    size: () => windows.size,
    hit: async (hits) => hitNow(hits),
    close: async () => windows.clear(),
  };
}
