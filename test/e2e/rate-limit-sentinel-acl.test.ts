/**
 * `rate_limit_store` through a Redis Sentinel that admits only an ACL user (`user` lines in its
 * config, Redis 6.2 or later; its `default` user is off): the gateway authenticates to it with
 * `sentinel_username` and `sentinel_password`, and counts on the master it names.
 */
import Redis from 'ioredis';
import { closeLimitBackends } from '../../src/limits/limiter';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';
import { startRedis, startSentinel, type RedisServer } from '../support/redis';

const MASTER_PASSWORD = 'm4ster-pw';
const SENTINEL_USER = 'gateway';
const SENTINEL_PASSWORD = 's3ntinel-user-pw';
const MASTER_NAME = 'aclmaster';

let master: RedisServer;
let sentinel: RedisServer;
let gateway: RunningGateway;
let client: Redis;
const log = captureLog('info');

async function invoke(endpoint: string): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return response.status;
}

beforeAll(async () => {
  master = await startRedis({ args: ['--requirepass', MASTER_PASSWORD] });
  sentinel = await startSentinel({
    masterName: MASTER_NAME,
    masterPort: master.port,
    // The gateway reads the master's address and subscribes to +switch-master: commands and channels.
    settings: ['user default off', `user ${SENTINEL_USER} on >${SENTINEL_PASSWORD} allchannels +@all`, `sentinel auth-pass ${MASTER_NAME} ${MASTER_PASSWORD}`],
  });
  client = new Redis({ host: '127.0.0.1', port: master.port, password: MASTER_PASSWORD, lazyConnect: true, maxRetriesPerRequest: 1 });
  gateway = await startGateway(
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  sentinels: ["127.0.0.1:${sentinel.port}"]
  sentinel_master: ${MASTER_NAME}
  sentinel_username: ${SENTINEL_USER}
  sentinel_password: $SENTINEL_PASSWORD
  on_error: closed
  timeout_ms: 1000
endpoints:
  - { name: limited, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 2, renewal_period: minute } }
`,
    { env: { REDIS_URL: `redis://:${MASTER_PASSWORD}@127.0.0.1:1/0`, SENTINEL_PASSWORD }, logger: log.logger },
  );
}, 30_000);

afterAll(async () => {
  await gateway?.close();
  await closeLimitBackends();
  client?.disconnect();
  for (const server of [sentinel, master]) await server?.stop();
});

test('authenticates to the Sentinel as its ACL user and counts on the master it names: 429 after the limit', async () => {
  expect([await invoke('limited'), await invoke('limited'), await invoke('limited')]).toEqual([200, 200, 429]);
  expect(await client.get('llm-gateway:rate-limit:{limited}:calls:60000')).toBe('3');

  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(sample(metrics, 'gateway_rate_limit_store_unavailable', { store: `sentinel master ${MASTER_NAME} via 127.0.0.1:${sentinel.port}` })).toBe(0);
  expect(metrics + log.lines.join('\n')).not.toMatch(new RegExp(`${MASTER_PASSWORD}|${SENTINEL_PASSWORD}`));
});
