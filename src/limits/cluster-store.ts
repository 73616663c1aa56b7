/**
 * The store of a `--workers N` worker: counters live in the cluster primary (cluster-primary.ts),
 * so one limit holds across every worker without an external service. A request costs one IPC
 * round trip to the primary (tens of microseconds on the same host).
 */
import type { CounterHit, CounterState, RateLimitStore } from './store';

/** Tags our IPC messages so that other cluster messages pass untouched. */
export const RATE_LIMIT_CHANNEL = 'llm-gateway:rate-limit';

export interface HitRequest {
  channel: typeof RATE_LIMIT_CHANNEL;
  id: number;
  hits: CounterHit[];
}

export interface HitAnswer {
  channel: typeof RATE_LIMIT_CHANNEL;
  id: number;
  states: CounterState[];
}

/** The IPC side of a worker process (`process` in a cluster worker). */
export interface IpcChannel {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

interface Pending {
  resolve: (states: CounterState[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function isHitAnswer(message: unknown): message is HitAnswer {
  return typeof message === 'object' && message !== null && (message as HitAnswer).channel === RATE_LIMIT_CHANNEL && Array.isArray((message as HitAnswer).states);
}

export function createClusterStore(options: { channel?: IpcChannel; timeoutMs?: number } = {}): RateLimitStore {
  const channel = options.channel ?? process;
  const timeoutMs = options.timeoutMs ?? 1_000;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  if (typeof channel.send !== 'function') throw new Error('the cluster rate-limit store needs an IPC channel to the primary (run it in a cluster worker)');

  channel.on('message', (message) => {
    if (!isHitAnswer(message)) return;
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    waiting.resolve(message.states);
  });

  function hit(hits: readonly CounterHit[]): Promise<CounterState[]> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the cluster primary did not answer a rate-limit request within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      const request: HitRequest = { channel: RATE_LIMIT_CHANNEL, id, hits: [...hits] };
      try {
        channel.send!(request);
      } catch (error) {
        pending.delete(id);
        clearTimeout(timer);
        reject(error as Error);
      }
    });
  }

  async function close(): Promise<void> {
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('the rate-limit store was closed'));
      pending.delete(id);
    }
  }

  return { hit, close };
}
