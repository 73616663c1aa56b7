/**
 * What this process itself added to each Redis counter in the counter's current window, so that a
 * Redis that comes back without them (a Sentinel failover to a replica that had not yet received the
 * last hits, or a restarted server without persistence) can be given them back. A process knows
 * only its own hits: after a loss the counter is restored to at least this process's share, never
 * beyond it, so nothing is counted twice and hits of other gateway hosts that were lost stay lost.
 */
import type { CounterHit, CounterState } from './store';

interface OwnCount {
  count: number;
  /** When the window ends: `resetInMs` after the hit was sent, so never later than the store's own end. */
  endsAt: number;
}

/** What to add back: the counters (full Redis keys), and per counter its own count and the milliseconds its window has left. */
export interface CountsToRestore {
  keys: string[];
  countsAndWindows: number[];
}

// KEYS: the counters; ARGV: own count and ms left, per key. A counter below its own count is raised to
// it, and it ends when its window does: one that was lost, or started again after the loss by another
// host's hit (ending later than a window still open can), gets the rest of its window, not a new one.
export const RESTORE_SCRIPT = `
for index, key in ipairs(KEYS) do
  local own = tonumber(ARGV[index * 2 - 1])
  local left = tonumber(ARGV[index * 2])
  local count = tonumber(redis.call('GET', key) or 0)
  if count < own then
    redis.call('INCRBY', key, own - count)
    local ttl = redis.call('PTTL', key)
    if ttl < 0 or ttl > left then redis.call('PEXPIRE', key, left) end
  end
end
return 0
`;

export class OwnCounts {
  private readonly counts = new Map<string, OwnCount>();
  /** The counters the served config uses (full Redis keys); null until a reload names them. */
  private inUse: ReadonlySet<string> | null = null;

  /** How many counters it keeps a count of: what forgetting ended and unused ones bounds. */
  get size(): number {
    return this.counts.size;
  }

  /**
   * Adds the hits the store applied (`keys` as in Redis) once it answered with `states` to hits sent
   * at `sentAt`. A hit that found no window (the counter is its own amount) starts one; a give-back
   * lowers a live one only.
   */
  record(keys: readonly string[], hits: readonly CounterHit[], states: readonly CounterState[], sentAt: number): void {
    hits.forEach((hit, index) => {
      // A request of the config a reload replaced, ending after it, on a counter the new one dropped.
      if (this.inUse !== null && !this.inUse.has(keys[index])) return;
      const state = states[index];
      const own = this.counts.get(keys[index]);
      if (own !== undefined && own.endsAt > sentAt && state.count !== hit.amount) {
        own.count = Math.max(0, own.count + hit.amount);
      } else if (hit.amount > 0) {
        this.counts.set(keys[index], { count: hit.amount, endsAt: sentAt + state.resetInMs });
      }
    });
  }

  /**
   * After a reload: forgets the counts of every counter but `keys` (full Redis keys), those the new
   * config uses, and records none for the others from then on. A counter no config reads (a removed
   * endpoint or client key, an old renewal period) must not be given back to a Redis that lost it;
   * one still read keeps its count.
   */
  keepOnly(keys: ReadonlySet<string>): void {
    this.inUse = keys;
    for (const key of this.counts.keys()) if (!keys.has(key)) this.counts.delete(key);
  }

  /**
   * The counts whose window has more than `marginMs` left, the others forgotten. The margin covers
   * the restore's own travel time: a counter restored at its window's very end could otherwise count
   * in the next window.
   */
  toRestore(now: number, marginMs: number): CountsToRestore {
    const restore: CountsToRestore = { keys: [], countsAndWindows: [] };
    for (const [key, own] of this.counts) {
      if (own.endsAt - now <= marginMs) {
        if (own.endsAt <= now) this.counts.delete(key);
        continue;
      }
      restore.keys.push(key);
      restore.countsAndWindows.push(own.count, Math.ceil(own.endsAt - now));
    }
    return restore;
  }
}
