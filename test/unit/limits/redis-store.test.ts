/** The Redis store against a real redis-server started for this file. */
import { createRedisStore, describeRedisStore, describeRedisUrl, parseRedisAddress } from '../../../src/limits/redis-store';
import Redis from 'ioredis';
import { RESTORE_SCRIPT } from '../../../src/limits/own-counts';
import type { CounterHit, CounterState, RateLimitStore } from '../../../src/limits/store';
import { freePort } from '../../support/cli';
import { startRedis, startRedisRelay, type RedisServer } from '../../support/redis';
import { describeStoreContract } from './store-contract';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

describeStoreContract('redis store', { open: async () => createRedisStore({ url: redis.url }), close: (store) => store.close() });

/** The store's first hit once Redis answers again (it reconnects every 100 ms at first). */
async function hitOnceBack(store: RateLimitStore, hit: CounterHit): Promise<CounterState> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = await store.hit([hit]).then(([answer]) => answer, () => undefined);
    if (state !== undefined) return state;
  }
  throw new Error('the store did not reconnect in 5 s');
}

test('with Redis down, a hit fails within the timeout instead of hanging; once Redis is back without the counters, each store gives back what it counted itself in the window', async () => {
  const own = await startRedis();
  const store: RateLimitStore = createRedisStore({ url: own.url, timeoutMs: 200 });
  // Another gateway host counting on the same server.
  const otherHost: RateLimitStore = createRedisStore({ url: own.url, timeoutMs: 200 });
  const hit = (amount: number, key = 'outage') => ({ key, windowMs: 60_000, amount });
  try {
    for (const amount of [1, 1, 1]) await store.hit([hit(amount)]);
    // A call given back (refused before it was sent) is not given back again after the loss.
    await store.hit([hit(-1)]);
    expect((await otherHost.hit([hit(1)]))[0].count).toBe(3);
    // A window that is about to end is not restored: it would outlive its end.
    await store.hit([{ key: 'ending', windowMs: 150, amount: 5 }]);
    await own.kill();
    const started = Date.now();
    await expect(store.hit([hit(1)])).rejects.toThrow();
    // At once, or after the 200 ms timeout; a hang would never end. Room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(3_000);
    // A fresh server without persistence: the counters are gone.
    const restarted = await startRedis({ port: own.port });
    const inspector = new Redis(restarted.port, { lazyConnect: true });
    try {
      // Each store's own count (2 and 1) comes back, not their sum: neither knows what the other's was
      // before the loss, so the counter is at least the larger share.
      const state = await hitOnceBack(store, hit(1));
      expect(state.count).toBe(3);
      // The window is the one that was open, not a new one started by the restore (at least 100 ms
      // after `started`: the restart, then the first retry's wait); 50 ms for the restore's own trip.
      expect(state.resetInMs).toBeLessThan(60_000 - (Date.now() - started) + 50);
      expect((await hitOnceBack(otherHost, hit(1))).count).toBe(4);
      expect(await inspector.exists('llm-gateway:rate-limit:ending')).toBe(0);
    } finally {
      inspector.disconnect();
      await restarted.stop();
    }
  } finally {
    await Promise.all([store.close(), otherHost.close()]);
  }
});

test('a counter started again after the loss (another host hit it first) gets the restored count and the end of the window it was counted in, not a new one', async () => {
  const inspector = new Redis(redis.port, { lazyConnect: true });
  try {
    const key = 'llm-gateway:rate-limit:{restarted}:calls:60000';
    // Another host's hit found the counter lost and started a full window of 60 s.
    await inspector.set(key, 1, 'PX', 60_000);
    // This process counted 3 in the window that had 2 s left.
    await inspector.eval(RESTORE_SCRIPT, 1, key, 3, 2_000);
    expect(Number(await inspector.get(key))).toBe(3);
    expect(await inspector.pttl(key)).toBeLessThanOrEqual(2_000);
    // A counter already restored to this window (by another process) keeps its end; one at or above the own count is left alone.
    const kept = 'llm-gateway:rate-limit:{kept}:calls:60000';
    await inspector.set(kept, 5, 'PX', 1_500);
    await inspector.eval(RESTORE_SCRIPT, 1, kept, 3, 2_000);
    expect(Number(await inspector.get(kept))).toBe(5);
    expect(await inspector.pttl(kept)).toBeLessThanOrEqual(1_500);
  } finally {
    inspector.disconnect();
  }
});

test('a Redis that was never reachable fails the first hit within the timeout, and later ones at once', async () => {
  const store = createRedisStore({ url: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 2_000 });
  try {
    const started = Date.now();
    await expect(store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }])).rejects.toThrow(/not reachable \(no connection within 2000 ms: connect ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Before a timer of the store's timeout, set first, fires: timers of one process fire in the order
    // they are due, so a hit that waited for the timeout again loses even on a loaded machine.
    let timer: NodeJS.Timeout | undefined;
    const timeoutFirst = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('waited for the timeout again'), 2_000)));
    const later = store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]).then(
      () => 'counted',
      (error: Error) => error.message,
    );
    expect(await Promise.race([later, timeoutFirst]).finally(() => clearTimeout(timer))).toMatch(/is not connected: connect ECONNREFUSED/);
  } finally {
    await store.close();
  }
});

test('a Redis that refuses the password: the failure says so (for the log), without the password', async () => {
  const guarded = await startRedis({ args: ['--requirepass', 'right-password'] });
  const store = createRedisStore({ url: `redis://:wrong-password@127.0.0.1:${guarded.port}`, timeoutMs: 1_000 });
  try {
    const first = (await store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]).catch((error: Error) => error)) as Error;
    expect(first.message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is not reachable \(no connection within 1000 ms: WRONGPASS /);
    const later = (await store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]).catch((error: Error) => error)) as Error;
    expect(later.message).toMatch(/ is not connected: WRONGPASS /);
    expect(`${first.message} ${later.message}`).not.toContain('wrong-password');
  } finally {
    await store.close();
    await guarded.stop();
  }
});

test('a database the server does not have fails every hit (on_error decides), instead of counting in database 0', async () => {
  const store = createRedisStore({ url: `${redis.url}/99`, timeoutMs: 1_000 });
  const databaseZero = createRedisStore({ url: `${redis.url}/0` });
  const key = `{database-${Date.now()}}:calls`;
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = (await store.hit([{ key, windowMs: 60_000, amount: 1 }]).catch((caught: Error) => caught)) as Error;
      expect(error.message).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+\/99 refused its database \(ERR DB index is out of range\): it has fewer databases/);
    }
    expect((await databaseZero.hit([{ key, windowMs: 60_000, amount: 1 }]))[0].count).toBe(1);
  } finally {
    await Promise.all([store.close(), databaseZero.close()]);
  }
});

test('log descriptions of a Redis URL never include its password', () => {
  expect(describeRedisUrl('redis://user:s3cret@cache.internal:6380/2')).toBe('redis://cache.internal:6380/2');
  expect(describeRedisUrl('rediss://:s3cret@cache.internal')).toBe('rediss://cache.internal:6379');
});

test('a Sentinel store is described by its master name and Sentinel addresses, a cluster by its nodes, never a password', () => {
  const addresses = ['sentinel-1:26379', '[::1]:26380'].map((address) => parseRedisAddress(address)!);
  expect(addresses).toEqual([
    { host: 'sentinel-1', port: 26379 },
    { host: '::1', port: 26380 },
  ]);
  const options = { url: 'redis://:m4ster@ignored/1', sentinels: { addresses, master: 'mymaster', password: 's3ntinel' } };
  expect(describeRedisStore(options)).toBe('sentinel master mymaster via sentinel-1:26379,[::1]:26380');
  expect(describeRedisStore({ url: 'redis://:m4ster@ignored', clusterNodes: addresses })).toBe('cluster sentinel-1:26379,[::1]:26380');
});

test('a window is remembered from when its hit was sent: an answer that arrives late does not make the restored window outlive the one Redis had', async () => {
  const own = await startRedis();
  const relay = await startRedisRelay(own.port, { answerDelayMs: 400 });
  const store: RateLimitStore = createRedisStore({ url: `redis://127.0.0.1:${relay.port}`, timeoutMs: 2_000 });
  const inspector = new Redis(own.port, { lazyConnect: true });
  try {
    await store.hit([{ key: 'slow', windowMs: 60_000, amount: 2 }]);
    const pttl = await inspector.pttl('llm-gateway:rate-limit:slow');
    // Closed while its server is up: ioredis closes a connection its server ended on a 2 s timer,
    // waiting for a close the socket never emits again (and jest for that timer).
    inspector.disconnect();
    const windowEndAtMost = Date.now() + pttl;
    await own.kill();
    const restarted = await startRedis({ port: own.port });
    const afterRestart = new Redis(restarted.port, { lazyConnect: true });
    try {
      await hitOnceBack(store, { key: 'other', windowMs: 60_000, amount: 1 });
      expect(Number(await afterRestart.get('llm-gateway:rate-limit:slow'))).toBe(2);
      const restoredEndAtLeast = Date.now() + (await afterRestart.pttl('llm-gateway:rate-limit:slow'));
      // Dated from the answer, it would end about 400 ms after Redis's; the restore's own trip is allowed for.
      expect(restoredEndAtLeast).toBeLessThanOrEqual(windowEndAtMost + 100);
    } finally {
      afterRestart.disconnect();
      await restarted.stop();
    }
  } finally {
    if (inspector.status !== 'end') inspector.disconnect();
    await store.close();
    await relay.close();
  }
});
