/**
 * Timeouts and retries of one endpoint's upstream calls: the endpoint's `timeouts` / `retries`
 * over `defaults.timeouts` / `defaults.retries` over the built-in defaults, key by key, in
 * milliseconds. Computed once at config load.
 */
import type { Defaults, Retries, Timeouts } from '../../generated/config';

/** Milliseconds. */
export interface EndpointTimeouts {
  connect: number;
  /** Until the provider's response headers arrive. */
  firstByte: number;
  /** Longest silence between two chunks of the response body. */
  idle: number;
  /** The whole call: every attempt, the waits between them, and reading the answer or stream. */
  total: number;
}

/** Milliseconds, except `maxAttempts`. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialBackoff: number;
  maxBackoff: number;
  /** No retry starts later than this after the first attempt started. */
  maxElapsed: number;
  /** A longer `Retry-After` is returned to the client instead of waited for. */
  maxRetryAfter: number;
}

export interface CallPolicy {
  timeouts: EndpointTimeouts;
  retries: RetryPolicy;
}

/**
 * Seconds, as written in the config. first_byte and idle wait as long as MLflow's gateway lets any
 * call run (300 s): a reasoning model asked without a stream sends its headers only once its answer
 * is complete, and one that streams no reasoning is silent until its first token, each often minutes.
 */
const DEFAULT_TIMEOUTS: Required<Timeouts> = { connect: 10, first_byte: 300, idle: 300, total: 600 };
const DEFAULT_RETRIES: Required<Retries> = { max_attempts: 3, initial_backoff: 0.25, max_backoff: 4, max_elapsed: 30, max_retry_after: 10 };

const milliseconds = (seconds: number): number => Math.round(seconds * 1000);

export function resolveCallPolicy(defaults: Defaults | undefined, endpoint: { timeouts?: Timeouts; retries?: Retries }): CallPolicy {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...defaults?.timeouts, ...endpoint.timeouts };
  const retries = { ...DEFAULT_RETRIES, ...defaults?.retries, ...endpoint.retries };
  return {
    timeouts: {
      connect: milliseconds(timeouts.connect),
      firstByte: milliseconds(timeouts.first_byte),
      idle: milliseconds(timeouts.idle),
      total: milliseconds(timeouts.total),
    },
    retries: {
      maxAttempts: retries.max_attempts,
      initialBackoff: milliseconds(retries.initial_backoff),
      maxBackoff: milliseconds(retries.max_backoff),
      maxElapsed: milliseconds(retries.max_elapsed),
      maxRetryAfter: milliseconds(retries.max_retry_after),
    },
  };
}
