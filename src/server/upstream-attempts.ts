/**
 * `gateway_upstream_attempt_duration_seconds`: each attempt of a call to an endpoint, observed by the
 * retry loop (retry.ts) and, for the attempt that opened a stream, when the stream ends (retried-stream.ts).
 * `gen_ai_client_operation_duration_seconds` times the whole call, its retries and the waits between
 * them included; this shows what each attempt took and how it ended, so a slow provider can be told
 * from a flaky one. A FALLBACK route's destinations are calls of their own: each one's attempts count
 * under its endpoint.
 *
 * `outcome`: `success`; else the failure's code, as `gateway_upstream_errors_total`'s `code` and the
 * audit line's `error.code` name it (`upstream_error`, `upstream_timeout` for the first_byte or the
 * total timeout, `upstream_unreadable` for an answer or a stream's chunk, the first or a later one, the
 * gateway's check refused once it came, …); `aborted` when the gateway ended the attempt itself: the
 * client left, a shutdown's drain ended the request, another prompt's call failed (several prompts;
 * the prompt whose chunk was refused counts under its code). An attempt the gateway refused before sending
 * anything (a parameter the provider cannot take, a 501) is no attempt: not observed; nor is one the
 * call never made, its client gone or its request ended by the drain before it (retry.ts).
 */
import { performance } from 'node:perf_hooks';
import { GatewayError } from '../errors';
import type { CallSignal } from '../providers/abort';
import { sentNothing } from '../routing/fallback';
import { HistogramFamily } from './metric-families';
import { OPERATION_BUCKETS, registry } from './metrics';

const attemptDuration = new HistogramFamily({
  name: 'gateway_upstream_attempt_duration_seconds',
  help: "Each attempt of a call to an endpoint (a retry is another), by outcome: success, the failure's code, or aborted (by the client or the gateway); a stream's until it ended.",
  labelNames: ['endpoint', 'provider', 'outcome'] as const,
  buckets: OPERATION_BUCKETS,
  registers: [registry],
});

export const SUCCESS = 'success';
export const ABORTED = 'aborted';

/** What an attempt is counted under: its call's endpoint and provider (config names), and the client's signal. */
export interface AttemptCall {
  endpointName: string;
  provider: string;
  /** Aborted when the client left, or the gateway ended the request (a shutdown's drain, another prompt's failure). */
  signal: CallSignal;
}

/** When an attempt started, for `observeAttempt`. */
export function attemptStart(): number {
  return performance.now();
}

/**
 * How an attempt that ended with `failure` (the error the client would see, or the call's abort reason)
 * is counted; null for a refusal before anything was sent.
 */
export function failedOutcome(failure: unknown, call: AttemptCall): string | null {
  if (call.signal.aborted) return ABORTED;
  if (sentNothing(failure)) return null;
  return failure instanceof GatewayError ? (failure.code ?? String(failure.status)) : 'internal_error';
}

/** One attempt, from `startedAt` (`attemptStart`) until now; nothing for a null outcome. */
export function observeAttempt(call: AttemptCall, startedAt: number, outcome: string | null): void {
  if (outcome === null) return;
  attemptDuration.observe({ endpoint: call.endpointName, provider: call.provider, outcome }, (performance.now() - startedAt) / 1000);
}
