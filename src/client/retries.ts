/**
 * The SDK's opt-in retries: which failures are safe to send again, and how long to wait first.
 * Like the official openai client: Retry-After when the gateway gives one, else exponential backoff
 * (0.5 s doubling up to 8 s) less up to 25 % jitter. Unlike it, only what is temporary and safe to
 * repeat: 429, 502, 503, 504, and a connection that failed before any answer (not other 5xx: a 500
 * is the gateway's own fault and would fail again), and never one the gateway marks
 * `x-should-retry: false` (a provider's quota used up, an answer it was billed for but could not read).
 */
import { httpDateMs } from '../retry-after';
import { GatewayConnectionError } from './transport';

/** A Retry-After longer than this is not waited out: the call throws the 429 or 503 at once, its header there for the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** What one attempt gave: openapi-fetch's result (any status), or what it threw. */
export type Attempt<T> = { result: T } | { error: unknown };

/** Rate limited (429), or the gateway or a proxy in front of it briefly unable to answer (502, 503, 504). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Retry-After in milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = httpDateMs(value);
  return date === null ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (0 for the first) when the gateway named none. */
export function backoffMs(retry: number, random = Math.random): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS) * (1 - 0.25 * random());
}

/**
 * How long to wait before sending again, or undefined when this attempt's outcome is final: a
 * success, a status or error not worth repeating (or marked `x-should-retry: false`), or a
 * Retry-After past MAX_RETRY_AFTER_MS.
 */
export function retryWaitMs<T extends { response: Response }>(attempt: Attempt<T>, retry: number): number | undefined {
  if ('error' in attempt) {
    // Only a connection that failed before any answer: one that broke mid-answer may have been served.
    return attempt.error instanceof GatewayConnectionError && !attempt.error.answerStarted ? backoffMs(retry) : undefined;
  }
  const { response } = attempt.result;
  // The gateway's word that the same request would fail again (and be billed again), as the openai client heeds it.
  if (!isRetryableStatus(response.status) || response.headers.get('x-should-retry') === 'false') return undefined;
  const asked = retryAfterMs(response.headers);
  if (asked === undefined) return backoffMs(retry);
  return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
}

/** Waits `ms`, or throws the signal's reason once it aborts (at once if it already has). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Sends up to 1 + maxRetries times while the outcome is retryable, then gives the last outcome (a
 * result, whatever its status, or the error thrown). An abort throws its reason, before a wait or
 * during one; a wait that would end past the deadline is not begun: the last outcome is given at once.
 */
export async function sendWithRetries<T extends { response: Response }>(options: {
  maxRetries: number;
  signal: AbortSignal | undefined;
  deadline: number | undefined;
  send: () => Promise<T>;
}): Promise<T> {
  const { maxRetries, signal, deadline, send } = options;
  for (let retry = 0; ; retry++) {
    const attempt: Attempt<T> = await send().then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const wait = retry < maxRetries ? retryWaitMs(attempt, retry) : undefined;
    if (wait === undefined || (deadline !== undefined && Date.now() + wait >= deadline)) {
      if ('error' in attempt) throw attempt.error;
      return attempt.result;
    }
    await sleep(wait, signal);
  }
}
