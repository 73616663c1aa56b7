/**
 * The fallback loop: try the endpoints of a request in order until one answers. A retryable
 * failure (connection error, timeout, 429 — the provider's or our own rate limit —, 5xx; see
 * `GatewayError.retryable`) moves on to the next endpoint, and so do a failure marked `fallsBack` (an
 * Entra ID token server down), a provider quota used up (a 429 not retried:
 * `GatewayError.quotaExceeded`) and an operation the endpoint's
 * provider does not serve (a 501, such as a stream from a provider without streams: another
 * destination may serve it); any other failure goes to the client. When every endpoint failed, the
 * last failure goes to the client, unless it is such a 501 after a real failure of an endpoint that
 * could serve the call: that failure (say, a 502 the client may retry) is the answer. For a stream
 * the attempt includes its first chunk, so a stream falls back only before anything reached the client.
 */
import { GatewayError, QUOTA_EXCEEDED_CODE } from '../errors';

/** `GatewayError.unsupported`'s code: the endpoint's provider cannot serve the operation at all. */
const UNSUPPORTED_CODE = 'not_supported';

/** Whether the failure says only that the endpoint's provider cannot serve the operation (a 501). */
function isUnsupported(error: unknown): boolean {
  return error instanceof GatewayError && error.code === UNSUPPORTED_CODE;
}

/** Whether another endpoint may succeed where this failure happened (a used-up quota is this endpoint's account's, not retried). */
export function shouldFallBack(error: unknown): boolean {
  return error instanceof GatewayError && (error.retryable || error.fallsBack || isUnsupported(error) || error.code === QUOTA_EXCEEDED_CODE);
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
  for (let index = 0; ; index += 1) {
    const candidate = candidates[index];
    try {
      return { answeredBy: candidate, value: await attempt(candidate) };
    } catch (error) {
      if (!shouldFallBack(error)) throw error;
      // A 501 says nothing about the call itself: it does not hide the real failure of an endpoint that could serve it.
      if (answer === null || !isUnsupported(error) || isUnsupported(answer.error)) answer = { candidate, error };
      if (index === candidates.length - 1) {
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
