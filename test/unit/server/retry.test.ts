import type { CallPolicy, RetryPolicy } from '../../../src/config/call-policy';
import { GatewayError } from '../../../src/errors';
import type { CallAbort } from '../../../src/providers/abort';
import { streamWithRetries } from '../../../src/server/retried-stream';
import { registry } from '../../../src/server/metrics';
import { backoffDelay, callWithRetries, retryWait, type RetryNotice } from '../../../src/server/retry';
import { collectUntilError } from '../../support/iterables';
import { sample } from '../../support/metrics';

const RETRIES: RetryPolicy = { maxAttempts: 3, initialBackoff: 10, maxBackoff: 40, maxElapsed: 5_000, maxRetryAfter: 1_000 };
const POLICY: CallPolicy = { timeouts: { connect: 1_000, firstByte: 1_000, idle: 1_000, total: 5_000 }, retries: RETRIES };

const unavailable = () => GatewayError.upstreamUnavailable('OpenAI could not be reached (ECONNRESET).');
const badRequest = () => GatewayError.upstream({ status: 400, message: 'bad', endpoint: 'chat' });
const rateLimited = (retryAfter: string | null) => GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'chat', retryAfter });

function options(overrides: Partial<Parameters<typeof callWithRetries>[0]> = {}) {
  const notices: RetryNotice[] = [];
  return { notices, options: { endpointName: 'chat', builtInProvider: 'OpenAI' as string | null, provider: 'openai', secrets: [] as readonly string[], policy: POLICY, signal: new AbortController().signal, onRetry: (notice: RetryNotice) => notices.push(notice), ...overrides } };
}

/** An attempt function failing with the given errors in turn, then answering `ok`. */
function failingWith(...errors: Error[]) {
  const calls: CallAbort[] = [];
  return {
    calls,
    attempt: async (abort: CallAbort) => {
      calls.push(abort);
      const error = errors[calls.length - 1];
      if (error) throw error;
      return 'ok';
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('backoffDelay', () => {
  it('is full jitter under a doubling ceiling capped at maxBackoff', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(RETRIES, retry, () => 0.999999))).toEqual([9, 19, 39, 39]);
    expect(backoffDelay(RETRIES, 3, () => 0)).toBe(0);
    expect(backoffDelay(RETRIES, 2, () => 0.5)).toBe(10);
  });
});

describe('retryWait', () => {
  const base = { policy: RETRIES, attempts: 1, elapsedMs: 0, remainingMs: 10_000, random: () => 0.5 };

  it('retries retryable gateway errors with backoff', () => {
    expect(retryWait({ ...base, error: unavailable() })).toBe(5);
    expect(retryWait({ ...base, error: GatewayError.upstreamTimeout('slow') })).toBe(5);
    expect(retryWait({ ...base, error: GatewayError.upstream({ status: 503, message: 'x', endpoint: 'e' }) })).toBe(5);
  });

  it('never retries client errors or unknown errors', () => {
    expect(retryWait({ ...base, error: badRequest() })).toBeNull();
    expect(retryWait({ ...base, error: new Error('bug') })).toBeNull();
  });

  it('stops after maxAttempts', () => {
    expect(retryWait({ ...base, error: unavailable(), attempts: 2 })).not.toBeNull();
    expect(retryWait({ ...base, error: unavailable(), attempts: 3 })).toBeNull();
  });

  it('honours Retry-After up to maxRetryAfter, and returns longer ones at once', () => {
    expect(retryWait({ ...base, error: rateLimited('1') })).toBe(1_000);
    expect(retryWait({ ...base, error: rateLimited('2') })).toBeNull();
    expect(retryWait({ ...base, error: rateLimited(null) })).toBe(5);
  });

  it('does not start a wait that would end after maxElapsed or the deadline', () => {
    expect(retryWait({ ...base, error: rateLimited('1'), elapsedMs: 4_500 })).toBeNull();
    expect(retryWait({ ...base, error: rateLimited('1'), remainingMs: 900 })).toBeNull();
  });
});

describe('callWithRetries', () => {
  it('retries until an attempt succeeds, telling onRetry each time', async () => {
    const { options: callOptions, notices } = options();
    const attempts = failingWith(unavailable(), unavailable());
    await expect(callWithRetries(callOptions, attempts.attempt)).resolves.toBe('ok');
    expect(attempts.calls).toHaveLength(3);
    expect(notices.map((notice) => notice.attempt)).toEqual([1, 2]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const last = unavailable();
    const attempts = failingWith(unavailable(), unavailable(), last);
    expect(await rejection(callWithRetries(options().options, attempts.attempt))).toBe(last);
    expect(attempts.calls).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    const error = badRequest();
    const attempts = failingWith(error);
    expect(await rejection(callWithRetries(options().options, attempts.attempt))).toBe(error);
    expect(attempts.calls).toHaveLength(1);
  });

  it("turns a built-in provider's unexpected error (its translation of an odd answer threw) into a 502 naming it, not retried", async () => {
    const typeError = new TypeError("Cannot read properties of null (reading 'message')");
    const attempts = failingWith(typeError);
    const error = (await rejection(callWithRetries(options().options, attempts.attempt))) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 502,
      code: 'upstream_unreadable',
      retryable: false,
      message: "OpenAI answered endpoint 'chat' with a response of an unexpected shape; the gateway could not translate it.",
      cause: typeError,
    });
    expect(attempts.calls).toHaveLength(1);
  });

  it("turns a plugin provider's unexpected error into a 502 naming the plugin and the endpoint, not retried, that keeps it only as the cause (its status and message are never passed on)", async () => {
    const typeError = Object.assign(new TypeError('401 plugin bug with sk-live-KEY-0000'), { status: 401, type: 'invalid_request_error' });
    const attempts = failingWith(typeError);
    const failure = (await rejection(callWithRetries(options({ builtInProvider: null, provider: 'acme-llm' }).options, attempts.attempt))) as GatewayError;
    expect(failure).toBeInstanceOf(GatewayError);
    expect({ status: failure.status, code: failure.code, message: failure.message, cause: failure.cause, failedPlugin: failure.failedPlugin }).toEqual({
      status: 502,
      code: 'upstream_plugin_failed',
      message: "The provider plugin 'acme-llm' of endpoint 'chat' failed (its error is in the gateway's log).",
      cause: typeError,
      failedPlugin: { endpoint: 'chat', provider: 'acme-llm' },
    });
    expect(attempts.calls).toHaveLength(1);
  });

  it("removes the endpoint's credentials from a failure's message", async () => {
    const echoed = GatewayError.upstreamUnavailable('the vendor said: bad key Bearer sk-live-SECRET-123456789');
    const attempts = failingWith(echoed);
    const failure = (await rejection(callWithRetries(options({ secrets: ['sk-live-SECRET-123456789'], policy: { ...POLICY, retries: { ...POLICY.retries, maxAttempts: 1 } } }).options, attempts.attempt))) as GatewayError;
    expect(failure.message).toBe('the vendor said: bad key Bearer [redacted]');
    expect(failure.status).toBe(echoed.status);
  });

  it('aborts a wait between attempts when the client disconnects, and makes no further attempt', async () => {
    const client = new AbortController();
    const policy = { timeouts: { ...POLICY.timeouts, total: 300_000 }, retries: { ...RETRIES, initialBackoff: 60_000, maxBackoff: 60_000, maxElapsed: 120_000 } };
    const attempts = failingWith(unavailable(), unavailable());
    const started = Date.now();
    const pending = rejection(callWithRetries({ ...options().options, policy, signal: client.signal, random: () => 0.9 }, attempts.attempt));
    setTimeout(() => client.abort(new Error('client gone')), 50);
    expect(await pending).toEqual(new Error('client gone'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(attempts.calls).toHaveLength(1);
  });

  it('does not count a retry whose wait the client left during (onRetry is told only when the retry starts)', async () => {
    const client = new AbortController();
    const policy = { timeouts: { ...POLICY.timeouts, total: 300_000 }, retries: { ...RETRIES, initialBackoff: 60_000, maxBackoff: 60_000, maxElapsed: 120_000 } };
    const { options: callOptions, notices } = options({ policy, signal: client.signal, random: () => 0.9 });
    const pending = rejection(
      callWithRetries(callOptions, async () => {
        // Promise callbacks run before setImmediate: by then the failure has been handled and the wait has begun.
        setImmediate(() => client.abort(new Error('client gone')));
        throw unavailable();
      }),
    );
    expect(await pending).toEqual(new Error('client gone'));
    expect(notices).toEqual([]);
  });

  it('passes the client abort to the attempt in flight', async () => {
    const client = new AbortController();
    let seen: CallAbort | undefined;
    const pending = rejection(
      callWithRetries({ ...options().options, signal: client.signal }, (abort) => {
        seen = abort;
        return new Promise((_resolve, reject) => abort.addEventListener('abort', () => reject(abort.reason)));
      }),
    );
    client.abort(new Error('client gone'));
    expect(await pending).toEqual(new Error('client gone'));
    expect(seen?.aborted).toBe(true);
  });

  it('ends the call with a 504 naming the endpoint and the total timeout', async () => {
    const policy = { ...POLICY, timeouts: { ...POLICY.timeouts, total: 100 } };
    const error = await rejection(
      callWithRetries({ ...options().options, policy }, (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))),
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 504, message: "Endpoint 'chat' did not finish within 0.1 s (total timeout)." });
  });
});

describe('streamWithRetries', () => {
  async function* chunks(values: string[], failAfter?: Error): AsyncGenerator<string> {
    for (const value of values) yield value;
    if (failAfter) throw failAfter;
  }

  it('retries a stream that fails before its first chunk', async () => {
    let opened = 0;
    const stream = streamWithRetries(options().options, () => {
      opened += 1;
      return opened === 1 ? chunks([], unavailable()) : chunks(['a', 'b']);
    });
    expect(await collectUntilError(stream)).toEqual({ values: ['a', 'b'] });
    expect(opened).toBe(2);
  });

  it('never retries once a chunk has been passed on', async () => {
    let opened = 0;
    const failure = unavailable();
    const stream = streamWithRetries(options().options, () => {
      opened += 1;
      return chunks(['a'], failure);
    });
    expect(await collectUntilError(stream)).toEqual({ values: ['a'], error: failure });
    expect(opened).toBe(1);
  });

  it("turns a built-in provider's unexpected error after the first chunk into the 502 naming it", async () => {
    const typeError = new TypeError("Cannot read properties of undefined (reading 'text')");
    const stream = streamWithRetries(options().options, () => chunks(['a'], typeError));
    const { values, error } = await collectUntilError(stream);
    expect(values).toEqual(['a']);
    expect(error).toMatchObject({ status: 502, code: 'upstream_unreadable', cause: typeError });
  });

  it('reports the total timeout when it cuts a stream after its first chunk, and closes the provider stream', async () => {
    const policy = { ...POLICY, timeouts: { ...POLICY.timeouts, total: 100 } };
    let closed = false;
    const stream = streamWithRetries(options({ policy }).options, (abort) => ({
      async *[Symbol.asyncIterator]() {
        try {
          yield 'a';
          await new Promise((_resolve, reject) => abort.signal.addEventListener('abort', () => reject(new Error('aborted by the deadline'))));
        } finally {
          closed = true;
        }
      },
    }));
    const { values, error } = await collectUntilError(stream);
    expect(values).toEqual(['a']);
    expect(error).toMatchObject({ status: 504, message: "Endpoint 'chat' did not finish within 0.1 s (total timeout)." });
    expect(closed).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('gives the reason of a stream that fails before any chunk on every attempt, then is over', async () => {
    const failure = badRequest();
    const stream = streamWithRetries(options().options, () => chunks([], failure));
    expect(await collectUntilError(stream)).toEqual({ values: [], error: failure });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('closes the provider stream when the consumer stops early', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        for (;;) yield 'x';
      } finally {
        closed = true;
      }
    }
    for await (const value of streamWithRetries(options().options, () => endless())) {
      expect(value).toBe('x');
      break;
    }
    expect(closed).toBe(true);
  });
});

describe('each attempt in gateway_upstream_attempt_duration_seconds', () => {
  beforeEach(() => registry.resetMetrics());

  /** How many attempts of endpoint `chat` were observed, by outcome. */
  async function outcomes(): Promise<Record<string, number>> {
    const text = await registry.metrics();
    const counts: Record<string, number> = {};
    for (const [, outcome] of text.matchAll(/^gateway_upstream_attempt_duration_seconds_count\{endpoint="chat",provider="openai",outcome="(\w+)"\}/gm)) {
      counts[outcome] = sample(text, 'gateway_upstream_attempt_duration_seconds_count', { endpoint: 'chat', provider: 'openai', outcome })!;
    }
    return counts;
  }

  it('observes every attempt of a call: the failed ones by their code, the last as success', async () => {
    await callWithRetries(options().options, failingWith(unavailable(), unavailable()).attempt);
    expect(await outcomes()).toEqual({ upstream_unavailable: 2, success: 1 });
  });

  it("observes an answer its check refuses under the refusal's code, without retrying it", async () => {
    const call = failingWith(unavailable());
    const refusal = GatewayError.untranslatableAnswer('OpenAI', 'chat', { reason: 'in the translated answer, choices[0].message.content must be string' });
    const refuse = (): never => {
      throw refusal;
    };
    expect(await rejection(callWithRetries(options().options, call.attempt, refuse))).toBe(refusal);
    expect(call.calls).toHaveLength(2);
    expect(await outcomes()).toEqual({ upstream_unavailable: 1, upstream_unreadable: 1 });
    registry.resetMetrics();
    expect(await callWithRetries(options().options, failingWith().attempt, (answer) => `${answer}, checked`)).toBe('ok, checked');
    expect(await outcomes()).toEqual({ success: 1 });
  });

  it('does not observe a refusal before anything was sent', async () => {
    await rejection(callWithRetries(options().options, failingWith(GatewayError.invalidParam("OpenAI does not take 'top_k'.", 'top_k')).attempt));
    expect(await outcomes()).toEqual({});
  });

  it('makes and observes no attempt of a call whose client left before it began, with or without a stream', async () => {
    const client = new AbortController();
    const gone = new DOMException('The client disconnected.', 'AbortError');
    client.abort(gone);
    const call = failingWith();
    expect(await rejection(callWithRetries(options({ signal: client.signal }).options, call.attempt))).toBe(gone);
    let opened = 0;
    const stream = streamWithRetries(options({ signal: client.signal }).options, async function* () {
      opened += 1;
      yield 'a';
    });
    expect(await rejection(stream.next())).toBe(gone);
    expect({ calls: call.calls.length, opened }).toEqual({ calls: 0, opened: 0 });
    expect(await outcomes()).toEqual({});
  });

  it("observes a stream's attempt once, when the stream ends, fails or is left", async () => {
    async function* chunks(failAfter?: Error): AsyncGenerator<string> {
      yield 'a';
      yield 'b';
      if (failAfter) throw failAfter;
    }
    const opened = streamWithRetries(options().options, () => chunks());
    await opened.next();
    expect(await outcomes()).toEqual({});
    await collectUntilError(opened);
    expect(await outcomes()).toEqual({ success: 1 });

    registry.resetMetrics();
    await collectUntilError(streamWithRetries(options().options, () => chunks(badRequest())));
    expect(await outcomes()).toEqual({ upstream_rejected: 1 });

    // The reader stopped (a chunk that failed its check), then the client left: the gateway ended both.
    registry.resetMetrics();
    const stopped = streamWithRetries(options().options, () => chunks());
    await stopped.next();
    await stopped.return!();
    const client = new AbortController();
    const left = streamWithRetries(options({ signal: client.signal }).options, () => chunks());
    await left.next();
    client.abort(new DOMException('The client disconnected.', 'AbortError'));
    await left.return!();
    expect(await outcomes()).toEqual({ aborted: 2 });
  });

  it('observes a stream cut by the total timeout as the timeout', async () => {
    const policy = { ...POLICY, timeouts: { ...POLICY.timeouts, total: 50 } };
    const stream = streamWithRetries(options({ policy }).options, (abort) => ({
      async *[Symbol.asyncIterator]() {
        yield 'a';
        await new Promise((_resolve, reject) => abort.signal.addEventListener('abort', () => reject(new Error('aborted by the deadline'))));
      },
    }));
    await collectUntilError(stream);
    expect(await outcomes()).toEqual({ upstream_timeout: 1 });
  });
});
