/**
 * The one interface every rate-limit store implements (memory, cluster IPC, Redis), and the
 * counting rule they all share: a **fixed window per counter that starts at the counter's first
 * hit** and lasts the renewal period (what MLflow's `limits` library does). When it ends, the
 * counter starts again from zero at its next hit.
 */

/**
 * Add `amount` to the counter `key` (0 only reads it); a new window lasts `windowMs`. A negative
 * amount gives back what an earlier hit added (a call admitted, then refused before anything was
 * sent): it changes only a window still open, never starts one, and never takes a counter below 0.
 */
export interface CounterHit {
  key: string;
  windowMs: number;
  amount: number;
}

/** A counter after a hit: its value in the current window and the time until that window ends. */
export interface CounterState {
  count: number;
  resetInMs: number;
}

export interface RateLimitStore {
  /** Applies every hit (each atomically) in one round trip; answers in the same order. */
  hit(hits: readonly CounterHit[]): Promise<CounterState[]>;
  /**
   * After a reload: the counters (keys as in `hit`) the served config uses. A store that keeps
   * something per counter besides the counter (the Redis store's own counts) forgets it for the others.
   */
  keepOnlyCounters?(keys: ReadonlySet<string>): void;
  /**
   * Starts connecting, without waiting (a store with a connection: Redis). Called once the process
   * serves requests, so that a burst of first requests does not find the connection still being made.
   */
  open?(): void;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
