/**
 * The fallback loop: try the endpoints of a request in order until one answers. A retryable
 * failure (connection error, timeout, 429 — the provider's or our own rate limit —, 5xx; see
 * `GatewayError.retryable`) moves on to the next endpoint, and so do a failure marked `fallsBack` (an
 * Entra ID token server down), a provider quota used up (a 429 not retried:
 * `GatewayError.quotaExceeded`), an operation the endpoint's provider does not serve (a 501, such as
 * a stream from a provider without streams) and a parameter its translation refuses (see
 * `isRefusal`): another destination may serve the call. Any other failure, a vendor's own 400 or
 * 422 included, goes to the client. When every endpoint failed, the answer is chosen by
 * `replacesAnswer`: a real failure of an endpoint that could serve the call (say, a 502 the client
 * may retry) is never hidden by another's 501 or refusal. For a stream the attempt includes its
 * first chunk, so a stream falls back only before anything reached the client.
 */
import { GatewayError, INVALID_VALUE_CODE, QUOTA_EXCEEDED_CODE, RESPONSE_STORE_UNAVAILABLE_CODE } from '../errors';
import { retryAfterMs } from '../retry-after';

/** `GatewayError.unsupported`'s code: the endpoint's provider cannot serve the operation at all. */
const UNSUPPORTED_CODE = 'not_supported';

/** Whether the failure says only that the endpoint's provider cannot serve the operation (a 501). */
function isUnsupported(error: unknown): boolean {
  return error instanceof GatewayError && error.code === UNSUPPORTED_CODE;
}

/**
 * Whether the failure is a parameter the endpoint's provider cannot take, refused by the gateway
 * while translating the request for it (`GatewayError.invalidParam`, from a provider's request
 * mapper or a plugin; a 400, or MLflow's 422 for some): nothing was sent, another provider may
 * take the request as it is. Every such refusal is thrown by the provider method before its call
 * (a stream's, before its first chunk); the request's own checks run before any endpoint is tried.
 * A vendor's refusal is `upstream_rejected` and goes to the client.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof GatewayError && error.code === INVALID_VALUE_CODE;
}

/** Refusals of a request some of whose calls may have reached the provider first (`afterSentCalls`). */
const refusedAfterSentCalls = new WeakSet<object>();

/**
 * Marks `error`, a refusal or a 501, as raised after other calls of the same request may have
 * reached the provider (several prompts: a later prompt refused, while earlier ones were answered):
 * it still falls back and is answered as a refusal, but `sentNothing` no longer says so.
 */
export function afterSentCalls(error: unknown): unknown {
  if (error instanceof GatewayError) refusedAfterSentCalls.add(error);
  return error;
}

/** Whether the failure is the response store not answering the lookup of a request's kept thinking, which is made before any call. */
function isStoreUnavailable(error: unknown): boolean {
  return error instanceof GatewayError && error.code === RESPONSE_STORE_UNAVAILABLE_CODE;
}

/**
 * Whether the failure says the gateway sent the endpoint's provider nothing: a refusal or a 501,
 * raised before any call (and not `afterSentCalls`), or the response store's 503 (kept thinking, looked
 * up before the call). Such an attempt gives back the call its endpoint's limit counted, and the client key's.
 */
export function sentNothing(error: unknown): boolean {
  return (isUnsupported(error) || isRefusal(error) || isStoreUnavailable(error)) && !refusedAfterSentCalls.has(error as object);
}

/** Whether another endpoint may succeed where this failure happened (a used-up quota is this endpoint's account's, not retried). */
export function shouldFallBack(error: unknown): boolean {
  return error instanceof GatewayError && (error.retryable || error.fallsBack || isUnsupported(error) || isRefusal(error) || error.code === QUOTA_EXCEEDED_CODE);
}

/** How much a failure says about the call itself: a 501 nothing, a refusal what this provider cannot take, any other the call's fate. */
function weightOf(error: unknown): number {
  if (isUnsupported(error)) return 0;
  return isRefusal(error) ? 1 : 2;
}

/**
 * Whether `error` is the answer rather than `answer` when every endpoint failed. A real failure of an
 * endpoint that could serve the call beats a 501 or a refusal (the client may retry it), and a later
 * one an earlier one (when that is a 429 with `Retry-After`, the shortest such wait answers instead:
 * see `withFallback`). A refusal beats a 501: it names the field the client may change. Among
 * refusals the first stays: it is the route's primary's, the destination the route means to serve
 * the call, so the client learns what that one cannot take (a later one's would send it to a backup).
 * Among 501s the last, as among real failures.
 */
function replacesAnswer(error: unknown, answer: unknown): boolean {
  const weight = weightOf(error);
  const current = weightOf(answer);
  if (weight !== current) return weight > current;
  return !isRefusal(error);
}

/**
 * A 429's `Retry-After` in milliseconds (null for any other failure, or a 429 without one). Among
 * 429s the one that renews first is the answer: the client that waits it out finds that
 * destination open again, rather than waiting for the slowest (an hour's window after a minute's).
 */
function waitOf(error: unknown): number | null {
  return error instanceof GatewayError && error.status === 429 ? retryAfterMs(error.retryAfter) : null;
}

export interface Answered<Candidate, Value> {
  /** The candidate that answered. */
  answeredBy: Candidate;
  value: Value;
}

export async function withFallback<Candidate, Value>(options: {
  candidates: readonly Candidate[];
  attempt: (candidate: Candidate) => Promise<Value>;
  /** Told about each failure that moves on, and the candidate tried next (for logs and metrics). */
  onFallback?: (candidate: Candidate, error: unknown, next: Candidate) => void;
  /** When every candidate failed: told whose failure is the answer (not always the last one tried). */
  onGiveUp?: (candidate: Candidate, error: unknown) => void;
}): Promise<Answered<Candidate, Value>> {
  const { candidates, attempt, onFallback, onGiveUp } = options;
  let answer: { candidate: Candidate; error: unknown } | null = null;
  // The 429 with the shortest Retry-After so far (the later on a tie), whatever failed between the 429s.
  let soonest: { candidate: Candidate; error: unknown; waitMs: number } | null = null;
  for (let index = 0; ; index += 1) {
    const candidate = candidates[index];
    try {
      return { answeredBy: candidate, value: await attempt(candidate) };
    } catch (error) {
      if (!shouldFallBack(error)) throw error;
      if (answer === null || replacesAnswer(error, answer.error)) answer = { candidate, error };
      const waitMs = waitOf(error);
      if (waitMs !== null && (soonest === null || waitMs <= soonest.waitMs)) soonest = { candidate, error, waitMs };
      if (index === candidates.length - 1) {
        if (waitOf(answer.error) !== null) answer = soonest!;
        onGiveUp?.(answer.candidate, answer.error);
        throw answer.error;
      }
      onFallback?.(candidate, error, candidates[index + 1]);
    }
  }
}

/**
 * Waits for a stream's first chunk and returns a stream that replays it, then the rest: a failure
 * before the first chunk rejects here (and may fall back); later ones stay in the stream.
 */
export async function withFirstChunk<Chunk>(chunks: AsyncIterable<Chunk>): Promise<AsyncIterable<Chunk>> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  let replayed = false;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (replayed) return iterator.next();
        replayed = true;
        return Promise.resolve(first);
      },
      return: async (value?: unknown) => (await iterator.return?.(value)) ?? { done: true, value: undefined },
    }),
  };
}
