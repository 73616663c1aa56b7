/** Limiters: renewal periods, calls and token windows, Retry-After, and store failures. */
import pino from 'pino';
import type { Limit } from '../../../generated/config';
import { Writable } from 'node:stream';
import { GatewayError } from '../../../src/errors';
import { closeLimitBackends, createLimitBackend, createLimiter, FAILED_SUBJECT_FORGOTTEN_MS, limitBackendFor, parseRenewalPeriod, reportedTokens, retireLimitBackends } from '../../../src/limits/limiter';
import { createMemoryStore } from '../../../src/limits/memory-store';
import { meterStream, StreamTokens } from '../../../src/limits/stream-tokens';
import type { RateLimitStore } from '../../../src/limits/store';
import { silentLogger, type Logger } from '../../../src/server/logging';
import { registry } from '../../../src/server/metrics';
import { sample } from '../../support/metrics';
import { createRedisStore } from '../../../src/limits/redis-store';
import { startRedis } from '../../support/redis';
import { SOON_MS } from '../../support/timeouts';

describe('parseRenewalPeriod', () => {
  it.each([
    ['second', 1, 'second', 1_000],
    ['Minutes', 1, 'minute', 60_000],
    ['2 minutes', 2, 'minute', 120_000],
    [' 3hours ', 3, 'hour', 10_800_000],
    ['day', 1, 'day', 86_400_000],
    ['month', 1, 'month', 30 * 86_400_000],
    ['YEAR', 1, 'year', 360 * 86_400_000],
  ])('%s', (text, count, unit, ms) => {
    expect(parseRenewalPeriod(text)).toEqual({ count, unit, ms });
  });

  it.each(['fortnight', '2 weeks', '', 'minute minute'])('%s is not a period', (text) => {
    expect(parseRenewalPeriod(text)).toBeNull();
  });
});

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

function clockedLimiter(limit: Limit) {
  const clock = { now: 0 };
  const store = createMemoryStore({ now: () => clock.now });
  const backend = createLimitBackend({ store, label: 'memory', logger: silentLogger });
  const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit, period: parseRenewalPeriod(limit.renewal_period)!, backend });
  return { clock, store, limiter };
}

describe('calls', () => {
  it('admits `calls` requests per window, then answers 429 with the seconds until the window ends', async () => {
    const { clock, limiter } = clockedLimiter({ calls: 2, renewal_period: 'minute' });
    await limiter.admit();
    clock.now = 10_500;
    await limiter.admit();
    const error = await rejection(limiter.admit());
    expect(error).toMatchObject({ status: 429, kind: 'rate_limit_error', code: 'rate_limit_exceeded', retryable: true, retryAfter: '50' });
    expect(error.message).toBe("Rate limit exceeded: 2 per 1 minute for endpoint 'chat'.");
    clock.now = 60_000;
    await expect(limiter.admit()).resolves.toBe(true);
  });

  it('a call given back is not counted: the window admits another, and its end does not move', async () => {
    const { clock, limiter } = clockedLimiter({ calls: 1, renewal_period: 'minute' });
    await expect(limiter.admit()).resolves.toBe(true);
    limiter.giveBack();
    clock.now = 20_000;
    await expect(limiter.admit()).resolves.toBe(true);
    // The window opened by the first call, given back or not, ends at 60 s.
    expect((await rejection(limiter.admit())).retryAfter).toBe('40');
  });

  it('a call refused at the limit stays counted; giving back more calls than were made leaves the window at 0', async () => {
    const { store, limiter } = clockedLimiter({ calls: 1, renewal_period: 'minute' });
    await limiter.admit();
    await rejection(limiter.admit());
    limiter.giveBack();
    // The admitted call was given back; the refused one still counts, as in MLflow: still at the limit.
    await rejection(limiter.admit());
    for (let count = 0; count < 5; count += 1) limiter.giveBack();
    expect(store.hitNow([{ key: '{chat}:calls:60000', windowMs: 60_000, amount: 0 }])[0].count).toBe(0);
  });

  it('calls: 0 refuses every request; Retry-After is at least 1 second', async () => {
    const { clock, limiter } = clockedLimiter({ calls: 0, renewal_period: '2 seconds' });
    expect((await rejection(limiter.admit())).retryAfter).toBe('2');
    clock.now = 1_999.5;
    expect((await rejection(limiter.admit())).retryAfter).toBe('1');
  });

  it('keys counters by endpoint and renewal period: a new plan with other numbers counts the same window', async () => {
    const { store, limiter } = clockedLimiter({ calls: 5, tokens: 1_000, renewal_period: 'minute' });
    await limiter.admit();
    await limiter.admit();
    limiter.recordTokens(300);
    await new Promise((resolve) => setImmediate(resolve));
    const backend = createLimitBackend({ store, label: 'memory', logger: silentLogger });
    const reloaded = (limit: Limit) => createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit, period: parseRenewalPeriod(limit.renewal_period)!, backend });
    // Lowered during an incident: the two calls already made count against the new 2.
    await expect(reloaded({ calls: 2, renewal_period: 'minute' }).admit()).rejects.toThrow("Rate limit exceeded: 2 per 1 minute for endpoint 'chat'.");
    await expect(reloaded({ tokens: 300, renewal_period: '60 seconds' }).admit()).rejects.toThrow(/\(300 used\)/);
    // A new period is a new window: its length no longer matches the one counted.
    await expect(reloaded({ calls: 2, tokens: 300, renewal_period: '2 minutes' }).admit()).resolves.toBe(true);
  });
});

describe('tokens', () => {
  it('admits while the window has tokens left, counts reported usage, then refuses until the window ends', async () => {
    const { clock, limiter } = clockedLimiter({ tokens: 100, renewal_period: 'hour' });
    await limiter.admit();
    limiter.recordTokens(60);
    await limiter.admit();
    limiter.recordTokens(45);
    await new Promise((resolve) => setImmediate(resolve));
    clock.now = 600_000;
    const error = await rejection(limiter.admit());
    expect(error.message).toBe("Token limit exceeded: 100 tokens per 1 hour for endpoint 'chat' (105 used).");
    expect(error.retryAfter).toBe('3000');
    clock.now = 3_600_000;
    // A token limit alone counts no call: there is none to give back.
    await expect(limiter.admit()).resolves.toBe(false);
  });

  it('with calls and tokens, either one refuses', async () => {
    const { limiter } = clockedLimiter({ calls: 5, tokens: 10, renewal_period: 'minute' });
    await limiter.admit();
    limiter.recordTokens(10);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(limiter.admit()).rejects.toThrow(/^Token limit exceeded/);
  });

  it('reads total_tokens from a response or chunk usage', () => {
    expect(reportedTokens({ usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } })).toBe(7);
    expect(reportedTokens({ choices: [] })).toBeNull();
    expect(reportedTokens({ usage: null })).toBeNull();
    expect(reportedTokens(null)).toBeNull();
  });

  it('adds up the counts of a usage without total_tokens', () => {
    expect(reportedTokens({ usage: { prompt_tokens: 3, completion_tokens: 4 } })).toBe(7);
    expect(reportedTokens({ usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: null } })).toBe(7);
    expect(reportedTokens({ usage: { prompt_tokens: 3, completion_tokens: null } })).toBeNull();
  });

  it('counts a fractional or huge reported total as a whole number, which a Redis store can add', async () => {
    expect(reportedTokens({ usage: { total_tokens: 12.5 } })).toBe(13);
    expect(reportedTokens({ usage: { total_tokens: 1e30 } })).toBe(Number.MAX_SAFE_INTEGER);
    const redis = await startRedis();
    const warnings: string[] = [];
    const logger = { warn: (_fields: unknown, message: string) => warnings.push(message), info: () => undefined } as unknown as Logger;
    // Not the store's 250 ms: a stall that long of this process or of redis-server (a loaded machine)
    // failed the first connection or a hit, which the warnings below would count as the fraction refused.
    const backend = createLimitBackend({ store: createRedisStore({ url: redis.url, timeoutMs: SOON_MS }), label: 'redis', logger });
    try {
      const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'fractions' }, limit: { renewal_period: 'minute', tokens: 10 }, period: parseRenewalPeriod('minute')!, backend });
      await limiter.admit();
      async function* chunks() {
        yield { usage: { total_tokens: 12.5 } };
      }
      for await (const _chunk of meterStream(chunks(), [limiter], new StreamTokens({})));
      // The record is not awaited: poll until it is counted, or a warning says it failed.
      const deadline = Date.now() + SOON_MS;
      let refusal: string | null = null;
      while (refusal === null && warnings.length === 0 && Date.now() < deadline) {
        refusal = await limiter.admit().then(() => null, (error: Error) => error.message);
      }
      expect(warnings).toEqual([]);
      expect(refusal).toBe("Token limit exceeded: 10 tokens per 1 minute for endpoint 'fractions' (13 used).");
      expect(warnings).toEqual([]);
    } finally {
      await backend.store.close();
      await redis.stop();
    }
  });
});

describe('store failures', () => {
  const broken: RateLimitStore = { hit: async () => Promise.reject(new Error('connection refused')), close: async () => undefined };

  function logLines() {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(chunk.toString())), done()) }));
    return { lines, logger };
  }

  it('on_error open: admits and warns once per outage, then says when the store is back', async () => {
    const { lines, logger } = logLines();
    let failing = true;
    const store: RateLimitStore = { hit: (hits) => (failing ? broken.hit(hits) : createMemoryStore().hit(hits)), close: async () => undefined };
    const backend = createLimitBackend({ store, label: 'redis://cache:6379', logger });
    const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit: { calls: 1, renewal_period: 'minute' }, period: parseRenewalPeriod('minute')!, backend });
    // Admitted without counting: there is no call to give back.
    await expect(limiter.admit()).resolves.toBe(false);
    await limiter.admit();
    failing = false;
    await expect(limiter.admit()).resolves.toBe(true);
    expect(lines.map((line) => line.msg)).toEqual([
      'rate-limit store unavailable: serving without rate limits until it is back (on_error: open)',
      'rate-limit store is back: rate limits apply again',
    ]);
    expect(lines[0]).toMatchObject({ store: 'redis://cache:6379', reason: 'connection refused' });
  });

  it('a store failing by subject (a Redis Cluster node down): one outage while other subjects count, until each failed subject counts again', async () => {
    const { lines, logger } = logLines();
    const down = new Set(['{chat}']);
    const store: RateLimitStore = { hit: (hits) => (hits.some((item) => down.has(item.key.split(':')[0])) ? broken.hit(hits) : createMemoryStore().hit(hits)), close: async () => undefined };
    const backend = createLimitBackend({ store, label: 'cluster redis-1:6379', logger, bySubject: true });
    const limiterOf = (name: string) => createLimiter({ subject: { kind: 'endpoint', name }, limit: { calls: 100, renewal_period: 'minute' }, period: parseRenewalPeriod('minute')!, backend });
    const [chat, embed] = [limiterOf('chat'), limiterOf('embed')];
    for (let round = 0; round < 3; round += 1) {
      await chat.admit();
      await embed.admit();
    }
    expect(lines.map((line) => line.msg)).toEqual(['rate-limit store unavailable: serving without rate limits until it is back (on_error: open)']);
    down.clear();
    await embed.admit();
    expect(lines).toHaveLength(1);
    await chat.admit();
    expect(lines.map((line) => line.msg)).toEqual([
      'rate-limit store unavailable: serving without rate limits until it is back (on_error: open)',
      'rate-limit store is back: rate limits apply again',
    ]);
  });

  it('a failed subject not counted again stops holding the outage after FAILED_SUBJECT_FORGOTTEN_MS', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const { lines, logger } = logLines();
      const backend = createLimitBackend({ store: createMemoryStore(), label: 'cluster redis-1:6379', logger, bySubject: true });
      backend.failed(new Error('Connection is closed.'), '{client:nightly}');
      backend.succeeded('{chat}');
      // Held until then: a millisecond before, another subject counting does not end the outage.
      jest.advanceTimersByTime(FAILED_SUBJECT_FORGOTTEN_MS - 1);
      backend.succeeded('{chat}');
      expect(lines).toHaveLength(1);
      jest.advanceTimersByTime(1);
      backend.succeeded('{chat}');
      expect(lines.map((line) => line.msg)).toEqual([
        'rate-limit store unavailable: serving without rate limits until it is back (on_error: open)',
        'rate-limit store is back: rate limits apply again',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('on_error closed: answers 503, which a FALLBACK route moves past, with a Retry-After of the store\'s reconnect interval', async () => {
    const { logger } = logLines();
    const backend = createLimitBackend({ store: broken, onError: 'closed', reconnectMs: 2_000, label: 'redis://cache:6379', logger });
    const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit: { calls: 1, renewal_period: 'minute' }, period: parseRenewalPeriod('minute')!, backend });
    const error = await rejection(limiter.admit());
    expect(error).toMatchObject({ status: 503, code: 'rate_limit_store_unavailable', retryable: true, retryAfter: '2' });
  });

  it('a Redis store answers its outages with Retry-After: 2 (it reconnects at least every 2 s)', async () => {
    try {
      expect(limitBackendFor({ type: 'redis', url: 'redis://127.0.0.1:1/0', on_error: 'closed' }, () => silentLogger).outageRetryAfter).toBe('2');
    } finally {
      await closeLimitBackends();
    }
  });

  it('a failed token record is logged, never thrown', async () => {
    const { lines, logger } = logLines();
    const backend = createLimitBackend({ store: broken, label: 'memory', logger });
    const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit: { tokens: 5, renewal_period: 'minute' }, period: parseRenewalPeriod('minute')!, backend });
    limiter.recordTokens(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
  });
});

describe('store metrics', () => {
  async function storeMetrics(store: string) {
    const text = await registry.metrics();
    return { unavailable: sample(text, 'gateway_rate_limit_store_unavailable', { store }), errors: sample(text, 'gateway_rate_limit_store_errors_total', { store }) };
  }

  it('an outage: unavailable from the first failure until an operation succeeds; every failure counted', async () => {
    let failing = false;
    const store: RateLimitStore = { hit: (hits) => (failing ? Promise.reject(new Error('connection refused')) : createMemoryStore().hit(hits)), close: async () => undefined };
    const backend = createLimitBackend({ store, label: 'redis://outage:6379', logger: silentLogger });
    const limiter = createLimiter({ subject: { kind: 'endpoint', name: 'chat' }, limit: { calls: 100, renewal_period: 'minute' }, period: parseRenewalPeriod('minute')!, backend });
    expect(await storeMetrics('redis://outage:6379')).toEqual({ unavailable: 0, errors: 0 });
    failing = true;
    await limiter.admit();
    await limiter.admit();
    expect(await storeMetrics('redis://outage:6379')).toEqual({ unavailable: 1, errors: 2 });
    failing = false;
    await limiter.admit();
    expect(await storeMetrics('redis://outage:6379')).toEqual({ unavailable: 0, errors: 2 });
  });

  it('a store retired during its outage no longer counts as unavailable (a reload moved to another URL)', async () => {
    const broken: RateLimitStore = { hit: async () => Promise.reject(new Error('connection refused')), close: async () => undefined };
    const backend = createLimitBackend({ store: broken, label: 'redis://old-url:6379', logger: silentLogger });
    backend.failed(new Error('connection refused'), '{chat}');
    expect((await storeMetrics('redis://old-url:6379')).unavailable).toBe(1);
    backend.retired();
    expect((await storeMetrics('redis://old-url:6379')).unavailable).toBe(0);
  });
});

describe('retireLimitBackends', () => {
  test('a Redis store a reload no longer names stays open for the longest total timeout a config allows', async () => {
    jest.useFakeTimers();
    try {
      const retired = limitBackendFor({ type: 'redis', url: 'redis://127.0.0.1:1/0' }, () => silentLogger);
      const close = jest.spyOn(retired.store, 'close');
      // The schema's longest total timeout (2147483 s) and a second to end: longer than a Node.js timer holds.
      retireLimitBackends(undefined, 2_147_483_000 + 1_000);
      jest.advanceTimersByTime(60_000);
      expect(close).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
      await closeLimitBackends();
    }
  });
});
