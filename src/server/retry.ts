/**
 * Retries and the total deadline around one call to a ProviderEndpoint, for every provider.
 *
 * A failed attempt is retried when its GatewayError is `retryable` (connection errors, timeouts,
 * 5xx, 429), while attempts remain and the wait fits in `maxElapsed` and the total deadline. The
 * wait is exponential backoff with full jitter, or the provider's `Retry-After` when it sent one
 * (a longer one than `maxRetryAfter` is returned to the client at once). A stream is retried only
 * until its first chunk (retried-stream.ts): once a chunk has been passed on, a failure ends the stream.
 * What a failed attempt's error becomes (a plugin's own error included) is provider-failure.ts's.
 *
 * The provider gets one abort (a CallAbort), set by the endpoint's total timeout or when the client
 * disconnects: a client that leaves aborts the attempt in flight or the wait between attempts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallPolicy, RetryPolicy } from '../config/call-policy';
import { GatewayError } from '../errors';
import { derivedAbort, untilAborted, type CallAbort, type CallSignal } from '../providers/abort';
import { seconds } from '../providers/transport/http';
import { retryAfterMs } from '../retry-after';
import { providerFailure, type FailureContext } from './provider-failure';
import { attemptStart, failedOutcome, observeAttempt, SUCCESS } from './upstream-attempts';

export interface RetryNotice {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  error: GatewayError;
  waitMs: number;
}

/** One call's options; those naming its endpoint, provider and credentials are `FailureContext`'s. */
export interface CallOptions extends FailureContext {
  policy: CallPolicy;
  /** Aborted when the client disconnects. */
  signal: CallSignal;
  /** Sent with every attempt's HTTP requests (see `CallAbort.forwardedHeaders`). */
  forwardedHeaders?: Readonly<Record<string, string>> | null;
  /** Told of each retry as it starts, after its wait (metrics, the audit line's `retries`). */
  onRetry?: (notice: RetryNotice) => void;
  /** Streams: told of the call's abort (client gone, total timeout) once the stream is open. */
  onOpened?: (abort: CallSignal) => void;
  /** In [0, 1); injectable for tests. */
  random?: () => number;
}

/** Full jitter: a uniform wait in [0, min(maxBackoff, initialBackoff · 2^(retry−1))). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoff, policy.initialBackoff * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** How long to wait before the next attempt, or null when the failure is final. */
export function retryWait(options: {
  error: unknown;
  policy: RetryPolicy;
  /** Attempts made so far. */
  attempts: number;
  elapsedMs: number;
  remainingMs: number;
  random: () => number;
}): number | null {
  const { error, policy, attempts } = options;
  if (!(error instanceof GatewayError) || !error.retryable || attempts >= policy.maxAttempts) return null;
  const asked = retryAfterMs(error.retryAfter);
  if (asked !== null && asked > policy.maxRetryAfter) return null;
  const wait = asked ?? backoffDelay(policy, attempts, options.random);
  if (options.elapsedMs + wait > policy.maxElapsed || wait >= options.remainingMs) return null;
  return wait;
}

export interface Deadline {
  /** Aborted by the total timeout or by the client's departure. */
  abort: CallAbort;
  expiresAt: number;
  clear(): void;
}

function startDeadline(options: CallOptions): Deadline {
  const { total } = options.policy.timeouts;
  const client = options.signal;
  const abort = derivedAbort(client);
  abort.forwardedHeaders = options.forwardedHeaders ?? null;
  const onClientGone = () => abort.abort(client.reason);
  if (client.aborted) onClientGone();
  else client.addEventListener('abort', onClientGone);
  const timer = setTimeout(() => {
    abort.abort(GatewayError.upstreamTimeout(`Endpoint '${options.endpointName}' did not finish within ${seconds(total)} (total timeout).`));
  }, total);
  const clear = () => {
    clearTimeout(timer);
    client.removeEventListener('abort', onClientGone);
  };
  return { abort, expiresAt: Date.now() + total, clear };
}

/** Waits, or rejects with the abort's reason as soon as it aborts. */
async function pause(ms: number, abort: CallAbort): Promise<void> {
  try {
    await sleep(ms, undefined, { signal: abort.signal });
  } catch (error) {
    throw abort.aborted ? abort.reason : error;
  }
}

/**
 * A plugin's promise, ended by the abort should the plugin not honour it: a plugin that ignores its
 * signal must not hold a request past its total timeout. Built-in providers honour the abort and
 * are not raced (that would cost a promise and a listener per call and per chunk).
 */
export function boundedBy<T>(promise: Promise<T>, abort: CallAbort, options: CallOptions): Promise<T> {
  return options.builtInProvider !== null ? promise : untilAborted(abort, promise);
}

/**
 * Runs attempts until one succeeds or a failure is final; none when the call is aborted before its
 * first one (or during a wait), which then rejects with the abort's reason. `attempt` gets the combined abort; the
 * deadline keeps running while `consume` uses the result (a stream), and is cleared after it.
 * Each failed attempt is observed here (upstream-attempts.ts); the one that succeeded, which started
 * at `attemptStartedAt`, by the caller: a stream's goes on until its end.
 */
export async function attemptUntilDone<T>(options: CallOptions, attempt: (abort: CallAbort) => Promise<T>): Promise<{ value: T; deadline: Deadline; attemptStartedAt: number }> {
  const deadline = startDeadline(options);
  const started = Date.now();
  const random = options.random ?? Math.random;
  for (let attempts = 1; ; attempts += 1) {
    // Ended already (the client left, or the drain ended the request, before the call began): no attempt is made, so none is observed.
    if (deadline.abort.aborted) {
      deadline.clear();
      throw deadline.abort.reason;
    }
    const attemptStartedAt = attemptStart();
    try {
      return { value: await boundedBy(attempt(deadline.abort), deadline.abort, options), deadline, attemptStartedAt };
    } catch (error) {
      // Aborted (client gone, total timeout): the reason is the outcome; nothing to retry.
      const failure = deadline.abort.aborted ? deadline.abort.reason : providerFailure(error, options);
      observeAttempt(options, attemptStartedAt, failedOutcome(failure, options));
      const now = Date.now();
      const wait = deadline.abort.aborted
        ? null
        : retryWait({ error: failure, policy: options.policy.retries, attempts, elapsedMs: now - started, remainingMs: deadline.expiresAt - now, random });
      if (wait === null) {
        deadline.clear();
        throw failure;
      }
      try {
        await pause(wait, deadline.abort);
      } catch (reason) {
        deadline.clear();
        throw reason;
      }
      // Told once the wait is over: a client that left (or a total timeout) during it ends the call, no retry is made.
      options.onRetry?.({ attempt: attempts, error: failure as GatewayError, waitMs: wait });
    }
  }
}

/**
 * A non-streaming call with retries and the total timeout. `accept` (the gateway's answer check) makes
 * the call's value of the answer; when it refuses the answer, the call fails (not retried) and the
 * answering attempt counts under that failure's code: the client got a failure from that provider.
 */
export async function callWithRetries<T, Accepted = T>(options: CallOptions, call: (abort: CallAbort) => Promise<T>, accept?: (answer: T) => Accepted): Promise<Accepted> {
  const { value, deadline, attemptStartedAt } = await attemptUntilDone(options, call);
  deadline.clear();
  let accepted: Accepted;
  try {
    accepted = accept === undefined ? (value as unknown as Accepted) : accept(value);
  } catch (error) {
    observeAttempt(options, attemptStartedAt, failedOutcome(error, options));
    throw error;
  }
  observeAttempt(options, attemptStartedAt, SUCCESS);
  return accepted;
}
