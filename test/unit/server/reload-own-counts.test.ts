/** A reload and the Redis store's own counts (limits/own-counts.ts), against a real redis-server. */
import Redis from 'ioredis';
import { closeLimitBackends, type EndpointLimiter } from '../../../src/limits/limiter';
import { silentLogger } from '../../../src/server/logging';
import { compileConfigText, retireUnusedStores } from '../../../src/server/reload';
import { startRedis } from '../../support/redis';

const minute = (extra = '') => `{ calls: 100, renewal_period: minute${extra} }`;

const configText = (port: number, endpoints: Record<string, string>, clientKeys: Record<string, string>) => `endpoints:
${Object.entries(endpoints)
  .map(([name, limit]) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: ${limit} }`)
  .join('\n')}
auth:
  api_keys:
${Object.entries(clientKeys)
  .map(([name, limit]) => `    - { name: ${name}, key: ${name}-secret-key${limit === '' ? '' : `, limit: ${limit}`} }`)
  .join('\n')}
rate_limit_store: { type: redis, url: 'redis://127.0.0.1:${port}', timeout_ms: 200 }
`;

/** The limiter's first admit once the store is connected again (admit counts nothing while Redis is away). */
async function admitOnceBack(limiter: EndpointLimiter): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await limiter.admit())) {
    if (Date.now() > deadline) throw new Error('the store did not reconnect in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('after a reload, a Redis restarted without its counters gets back only those the new config uses: not a removed endpoint\'s or client key\'s, nor an old period\'s', async () => {
  const redis = await startRedis();
  let restarted = redis;
  const inspector = new Redis(redis.port, { lazyConnect: true });
  const key = (tail: string) => `llm-gateway:rate-limit:${tail}`;
  try {
    const before = await compileConfigText(
      configText(redis.port, { kept: minute(), removed: minute(', tokens: 1000'), period: minute() }, { gone: minute(), stays: '' }),
      '/config.yaml',
      silentLogger,
    );
    const limiter = (name: string) => before.plan.endpoints.get(name)!.limiter!;
    for (const name of ['kept', 'kept', 'removed', 'period']) await limiter(name).admit();
    await before.plan.auth!.keys.find((entry) => entry.name === 'gone')!.limiter!.admit();

    // `calls` changed (the same counter), `removed` and the key `gone` removed, `period` counted per hour.
    const after = await compileConfigText(configText(redis.port, { kept: '{ calls: 50, renewal_period: minute }', period: '{ calls: 100, renewal_period: hour }' }, { stays: '' }), '/config.yaml', silentLogger);
    retireUnusedStores(before.plan, after);
    // A stream of the old config ends after the reload: its tokens still reach Redis.
    limiter('removed').recordTokens(10);
    while ((await inspector.get(key('{removed}:tokens:60000'))) !== '10') await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await inspector.keys('*')).toHaveLength(5);

    await redis.kill();
    restarted = await startRedis({ port: redis.port });
    await admitOnceBack(after.plan.endpoints.get('kept')!.limiter!);
    expect(await inspector.get(key('{kept}:calls:60000'))).toBe('3');
    expect((await inspector.keys('*')).sort()).toEqual([key('{kept}:calls:60000')]);
  } finally {
    inspector.disconnect();
    await closeLimitBackends();
    await restarted.stop();
  }
});
