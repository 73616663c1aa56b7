/**
 * Retries and the total deadline around one call to a ProviderEndpoint, for every provider.
 *
 * A failed attempt is retried when its GatewayError is `retryable` (connection errors, timeouts,
 * 5xx, 429), while attempts remain and the wait fits in `maxElapsed` and the total deadline. The
 * wait is exponential backoff with full jitter, or the provider's `Retry-After` when it sent one
 * (a longer one than `maxRetryAfter` is returned to the client at once). A stream is retried only
 * until its first chunk: once a chunk has been passed on, a failure ends the stream.
 *
 * The provider gets one abort (a CallAbort), set by the endpoint's total timeout or when the client
 * disconnects: a client that leaves aborts the attempt in flight or the wait between attempts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallPolicy, RetryPolicy } from '../config/call-policy';
import { GatewayError, isQuotaUsedUp, vendorErrorOf } from '../errors';
import { CallAbort, type CallSignal } from '../providers/abort';
import { seconds } from '../providers/transport/http';
import { retryAfterOf } from '../providers/transport/whole-response';
import { errorWithoutSecrets } from '../redaction';
import { DELAY_SECONDS, retryAfterHeader } from '../retry-after';

export interface RetryNotice {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  error: GatewayError;
  waitMs: number;
}

export interface CallOptions {
  endpointName: string;
  /**
   * The display name of a built-in provider, whose errors other than GatewayErrors come from
   * translating an answer of a shape it does not expect: they become a 502 naming it. Null for a
   * plugin provider, whose other errors answer 500 (as documented for plugins).
   */
  builtInProvider: string | null;
  /** The endpoint's credentials: removed from every failure's message (a vendor may echo a key, even inside a stream). */
  secrets: readonly string[];
  /** Those it sent that its config does not hold (`ProviderEndpoint.sentCredentials`, a body's: body-secrets.ts), removed too. */
  sentCredentials?: () => readonly string[];
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

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (DELAY_SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
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

interface Deadline {
  /** Aborted by the total timeout or by the client's departure. */
  abort: CallAbort;
  expiresAt: number;
  clear(): void;
}

function startDeadline(options: CallOptions): Deadline {
  const { total } = options.policy.timeouts;
  const client = options.signal;
  const abort = new CallAbort();
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

/** The endpoint's credentials, its config's and those it sent, longest first (as `redacted` takes them). */
function secretsOf(options: CallOptions): readonly string[] {
  const sent = options.sentCredentials?.() ?? [];
  return sent.length === 0 ? options.secrets : [...options.secrets, ...sent].sort((a, b) => b.length - a.length);
}

/** A failed attempt's error as the client should see it (see `CallOptions.builtInProvider`), without the endpoint's credentials. */
function providerFailure(error: unknown, options: CallOptions): unknown {
  const secrets = secretsOf(options);
  if (error instanceof GatewayError) {
    // A built-in translation's shape check (`unexpectedAnswer`) names the field; add the provider and endpoint.
    if (error.code === 'upstream_unreadable' && options.builtInProvider !== null) {
      return GatewayError.untranslatableAnswer(options.builtInProvider, options.endpointName, { reason: error.message.replace(/\.$/, '') }).withoutSecrets(secrets);
    }
    return error.withoutSecrets(secrets);
  }
  // Only logged, and without the endpoint's keys: a vendor SDK's error may quote the key it refused.
  const cause = errorWithoutSecrets(error, secrets);
  if (options.builtInProvider === null) return pluginFailure(error, cause, options.endpointName);
  return GatewayError.untranslatableAnswer(options.builtInProvider, options.endpointName, { cause });
}

/**
 * A plugin's own error (say, its vendor SDK's, with a status and the vendor's message) is not passed
 * on: its message may quote the plugin's key. A `status` of 429 or 5xx, a number or a string of
 * three digits (the OpenAI and Anthropic SDKs' errors carry one; Anthropic's "overloaded" is 529),
 * says no more than "try again later", so such an error is retried and falls back as a built-in
 * provider's 429 or 5xx is, with the gateway's own message; any other is a 500. A 429's `retry-after` (or `retry-after-ms`) in the
 * error's `headers` counts as a built-in provider's; no other header is read. An error without a
 * `status` or `headers` (axios's) is read by its `response`'s. A 429 whose `code` or `type` (on the error, in
 * its `error`, or in an axios `response.data.error`) is `insufficient_quota` (a quota used up) is not
 * retried, as a built-in provider's. The error itself
 * (`cause`, its keys redacted) is only logged.
 */
function pluginFailure(error: unknown, cause: unknown, endpoint: string): GatewayError {
  const { status, headers } = statusAndHeadersOf(error);
  const message = `The provider plugin of endpoint '${endpoint}' failed with status ${String(status)}.`;
  if (status === 429 && isInsufficientQuota(error as object)) {
    return GatewayError.quotaExceeded(`The provider plugin of endpoint '${endpoint}' failed with status 429 (quota used up).`, undefined, cause);
  }
  if (status === 429) {
    const retryAfter = retryAfterHeader(retryAfterOf(headerOf(headers, 'retry-after'), headerOf(headers, 'retry-after-ms')));
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: 'upstream_rate_limited', retryable: true, retryAfter, cause });
  }
  if (isServerErrorStatus(status)) return new GatewayError({ status: 502, message, kind: 'upstream_error', code: 'upstream_error', retryable: true, cause });
  return GatewayError.internal(cause);
}

interface ErrorFields {
  status?: unknown;
  headers?: unknown;
  response?: unknown;
  data?: unknown;
  error?: unknown;
}

function fieldsOf(value: unknown): ErrorFields {
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * The status of a plugin's error and the headers to read with it: the error's own (the openai and
 * Anthropic SDKs'), else its `response`'s (an axios error's): axios 1.7.5 and later put the
 * status on the error too, but the headers on its `response` alone.
 */
function statusAndHeadersOf(error: unknown): { status: unknown; headers: unknown } {
  const fields = fieldsOf(error);
  const response = fieldsOf(fields.response);
  return { status: statusOf(fields.status ?? response.status), headers: fields.headers ?? response.headers };
}

/**
 * OpenAI's `insufficient_quota` as the openai SDK's `RateLimitError` carries it: `code` and `type` on
 * the error and in its `error` (the body's error object); as an axios error carries it, in its
 * `response.data.error`. Read by the rule built-in providers follow, for the classification only.
 */
function isInsufficientQuota(error: object): boolean {
  const body = (error as { error?: unknown }).error;
  const axiosBody = fieldsOf(fieldsOf(fieldsOf(error).response).data).error;
  return [error, body, axiosBody].some((fields) => typeof fields === 'object' && fields !== null && isQuotaUsedUp(vendorErrorOf(fields)));
}

/** A status as some SDKs and HTTP wrappers give it, a string of three digits (`"503"`), read as the number. */
function statusOf(status: unknown): unknown {
  return typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : status;
}

function isServerErrorStatus(status: unknown): boolean {
  return typeof status === 'number' && Number.isInteger(status) && status >= 500 && status <= 599;
}

/**
 * One header of a vendor SDK's error: `headers` is a fetch `Headers` (openai v5 and later, recent
 * Anthropic SDKs) or a plain record (openai v4), whose names may come in any case. Null when absent.
 */
function headerOf(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value: unknown = (headers as { get(name: string): unknown }).get(name);
    return typeof value === 'string' ? value : null;
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : null;
}

/**
 * A plugin's promise, ended by the abort should the plugin not honour it: a plugin that ignores its
 * signal must not hold a request past its total timeout. Built-in providers honour the abort and
 * are not raced (that would cost a promise and a listener per call and per chunk).
 */
function boundedBy<T>(promise: Promise<T>, abort: CallAbort, options: CallOptions): Promise<T> {
  if (options.builtInProvider !== null) return promise;
  if (abort.aborted) return Promise.reject(abort.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abort.reason);
    abort.addEventListener('abort', onAbort);
    promise.then(
      (value) => {
        abort.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        abort.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Runs attempts until one succeeds or a failure is final. `attempt` gets the combined abort; the
 * deadline keeps running while `consume` uses the result (a stream), and is cleared after it.
 */
async function attemptUntilDone<T>(options: CallOptions, attempt: (abort: CallAbort) => Promise<T>): Promise<{ value: T; deadline: Deadline }> {
  const deadline = startDeadline(options);
  const started = Date.now();
  const random = options.random ?? Math.random;
  for (let attempts = 1; ; attempts += 1) {
    try {
      return { value: await boundedBy(attempt(deadline.abort), deadline.abort, options), deadline };
    } catch (error) {
      // Aborted (client gone, total timeout): the reason is the outcome; nothing to retry.
      const failure = deadline.abort.aborted ? deadline.abort.reason : providerFailure(error, options);
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

/** A non-streaming call with retries and the total timeout. */
export async function callWithRetries<T>(options: CallOptions, call: (abort: CallAbort) => Promise<T>): Promise<T> {
  const { value, deadline } = await attemptUntilDone(options, call);
  deadline.clear();
  return value;
}

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

/**
 * A stream under its total deadline, after its first chunk: a plain iterator passing each chunk on
 * with one `then`, instead of an async generator (two more promises and a resume per chunk).
 */
class RetriedStream<T> implements AsyncIterableIterator<T> {
  private opened: { iterator: AsyncIterator<T>; deadline: Deadline } | null = null;
  private closed = false;

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

  async return(): Promise<IteratorResult<T>> {
    await this.close();
    return FINISHED;
  }

  /** The attempts: each opens the stream and waits for its first chunk; retries happen only here. */
  private async start(): Promise<IteratorResult<T>> {
    try {
      const { value, deadline } = await attemptUntilDone(this.options, async (abort) => {
        const iterator = this.open(abort)[Symbol.asyncIterator]();
        const first = await iterator.next();
        if (first.done) throw endedEmpty(this.options);
        return { iterator, first };
      });
      this.opened = { iterator: value.iterator, deadline };
      this.options.onOpened?.(deadline.abort);
      return await this.passOn(value.first);
    } catch (error) {
      this.closed = true;
      throw error;
    }
  }

  private readonly passOn = (result: IteratorResult<T>): IteratorResult<T> | Promise<IteratorResult<T>> =>
    result.done ? this.close().then(() => result) : result;

  private readonly fail = async (error: unknown): Promise<never> => {
    const abort = this.opened!.deadline.abort;
    const reason = abort.aborted ? abort.reason : providerFailure(error, this.options);
    await this.close();
    throw reason;
  };

  /** Clears the deadline and lets the provider release its connection (also when the client left). */
  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.opened === null) return;
    this.opened.deadline.clear();
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
export function streamWithRetries<T>(options: CallOptions, open: (abort: CallAbort) => AsyncIterable<T>): AsyncIterableIterator<T> {
  return new RetriedStream(options, open);
}
