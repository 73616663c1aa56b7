/**
 * A streaming call under the retries and the total deadline of retry.ts: each attempt opens the
 * stream and waits for its first chunk, and retries happen only there; once a chunk has been passed
 * on, a failure ends the stream. The rest of the stream runs under the same total timeout, and is
 * part of the attempt that opened it, observed when the stream closes (upstream-attempts.ts).
 */
import { GatewayError } from '../errors';
import type { CallAbort } from '../providers/abort';
import { providerFailure } from './provider-failure';
import { attemptUntilDone, boundedBy, type CallOptions, type Deadline } from './retry';
import { ABORTED, failedOutcome, observeAttempt, SUCCESS } from './upstream-attempts';

const FINISHED: IteratorResult<never> = { done: true, value: undefined };

/**
 * A stream that ended (`data: [DONE]` alone, say) before its first chunk: no answer at all, not
 * even a finish reason. The client has nothing yet, so it is retried and falls back like a
 * connection dropped there, rather than a 200 with nothing in it.
 */
function endedEmpty(options: CallOptions): GatewayError {
  const provider = options.builtInProvider ?? 'The provider';
  return GatewayError.upstreamUnavailable(`${provider} ended the stream for endpoint '${options.endpointName}' without sending anything.`);
}

/** A stream call's chunks, told of a chunk the gateway's check refused. */
export interface RetriedChunks<T> extends AsyncIterableIterator<T> {
  /**
   * A chunk it passed on failed the gateway's check (answer-check.ts; `refusal`, a 502
   * `upstream_unreadable`): when the stream is then ended, its attempt counts under the refusal's
   * code, as the client, the audit line and `gateway_upstream_errors_total` see it, not as aborted.
   */
  refused(refusal: unknown): void;
}

/**
 * A stream under its total deadline, after its first chunk: a plain iterator passing each chunk on
 * with one `then`, instead of an async generator (two more promises and a resume per chunk).
 */
class RetriedStream<T> implements RetriedChunks<T> {
  private opened: { iterator: AsyncIterator<T>; deadline: Deadline; attemptStartedAt: number } | null = null;
  private closed = false;
  /** The outcome of a refused chunk's attempt, set by `refused`. */
  private refusedAs: string | null | undefined = undefined;

  constructor(
    private readonly options: CallOptions,
    private readonly open: (abort: CallAbort) => AsyncIterable<T>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.closed) return Promise.resolve(FINISHED);
    if (this.opened === null) return this.start();
    return boundedBy(this.opened.iterator.next(), this.opened.deadline.abort, this.options).then(this.passOn, this.fail);
  }

  /** The reader stopped: the client left, or the gateway ended the stream (the total timeout, a chunk that failed its check: see `refused`). */
  async return(): Promise<IteratorResult<T>> {
    const abort = this.opened?.deadline.abort;
    await this.close(this.refusedOr(abort?.aborted ? failedOutcome(abort.reason, this.options) : ABORTED));
    return FINISHED;
  }

  refused(refusal: unknown): void {
    // Judged as the chunk is refused: a client gone (or a total timeout) after it does not change why the stream ended.
    if (!this.closed && this.refusedAs === undefined) this.refusedAs = failedOutcome(refusal, this.options);
  }

  /**
   * A refused chunk's outcome, else `outcome`. With several prompts a read runs one chunk ahead, so
   * the refused prompt's stream may end, or fail at the abort, before its reader stops.
   */
  private refusedOr(outcome: string | null): string | null {
    return this.refusedAs !== undefined ? this.refusedAs : outcome;
  }

  /** The attempts: each opens the stream and waits for its first chunk; retries happen only here. */
  private async start(): Promise<IteratorResult<T>> {
    try {
      const { value, deadline, attemptStartedAt } = await attemptUntilDone(this.options, async (abort) => {
        const iterator = this.open(abort)[Symbol.asyncIterator]();
        const first = await iterator.next();
        if (first.done) throw endedEmpty(this.options);
        return { iterator, first };
      });
      this.opened = { iterator: value.iterator, deadline, attemptStartedAt };
      this.options.onOpened?.(deadline.abort);
      return await this.passOn(value.first);
    } catch (error) {
      this.closed = true;
      throw error;
    }
  }

  private readonly passOn = (result: IteratorResult<T>): IteratorResult<T> | Promise<IteratorResult<T>> =>
    result.done ? this.close(this.refusedOr(SUCCESS)).then(() => result) : result;

  private readonly fail = async (error: unknown): Promise<never> => {
    const abort = this.opened!.deadline.abort;
    const reason = abort.aborted ? abort.reason : providerFailure(error, this.options);
    await this.close(this.refusedOr(failedOutcome(reason, this.options)));
    throw reason;
  };

  /** Clears the deadline, lets the provider release its connection (also when the client left) and observes the attempt once, with `outcome`. */
  private async close(outcome: string | null): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.opened === null) return;
    this.opened.deadline.clear();
    observeAttempt(this.options, this.opened.attemptStartedAt, outcome);
    const returned = this.opened.iterator.return?.();
    // A plugin's stream stuck in its own await would never return: it is let go, not waited for.
    if (this.options.builtInProvider === null) void Promise.resolve(returned).catch(() => undefined);
    else await returned;
  }
}

/**
 * A streaming call: each attempt opens the stream and waits for its first chunk; retries happen
 * only there. The rest of the stream runs under the same total timeout.
 */
export function streamWithRetries<T>(options: CallOptions, open: (abort: CallAbort) => AsyncIterable<T>): RetriedChunks<T> {
  return new RetriedStream(options, open);
}
