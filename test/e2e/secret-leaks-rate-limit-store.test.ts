/**
 * Can a Redis password leak? A `rate_limit_store` whose URL holds a password (a canary, from `$ENV`),
 * with Sentinels whose own user and password are canaries too, is refused or cannot be reached in
 * every way: a wrong password, a password sent to a Redis that has none, a closed port, `rediss://`
 * to a server without TLS, Sentinels that refuse their password or cannot be reached, a cluster
 * whose nodes cannot be reached. Each gateway is called through a rate-limited endpoint (its store
 * failing open); its answers, its log at debug level (the store's warnings say why it failed) and
 * `/metrics` (whose `store` label names it) are one text.
 */
import { closeLimitBackends } from '../../src/limits/limiter';
import { freePort } from '../support/cli';
import { startGateway } from '../support/gateway';
import { canary, everythingLetOut, leaksIn, viewsOf } from '../support/leak-hunt';
import { captureLog } from '../support/log-capture';
import { startRedis, startSentinel, type RedisServer } from '../support/redis';

const SECRETS = { password: canary('redis-password'), sentinelUser: canary('sentinel-user'), sentinelPassword: canary('sentinel-password') };
const FORBIDDEN = Object.values(SECRETS);
const MASTER_NAME = 'leakmaster';

let withPassword: RedisServer;
let withoutPassword: RedisServer;
let sentinel: RedisServer;
let closedPort: number;

beforeAll(async () => {
  withPassword = await startRedis({ args: ['--requirepass', 'the-right-password'] });
  withoutPassword = await startRedis();
  sentinel = await startSentinel({ masterName: MASTER_NAME, masterPort: withoutPassword.port, settings: ['requirepass the-right-sentinel-password'] });
  closedPort = await freePort();
}, 30_000);

afterAll(async () => {
  for (const server of [sentinel, withPassword, withoutPassword]) await server?.stop();
});

/** The store settings of each scenario (`url` from `$REDIS_URL`, the Sentinels' password from `$SENTINEL_PASSWORD`). */
const STORES: [string, () => { url: string; settings?: string }][] = [
  ['a Redis refusing the password', () => ({ url: `redis://:${SECRETS.password}@127.0.0.1:${withPassword.port}/0` })],
  ['a Redis without a password, sent a user and password', () => ({ url: `redis://gateway:${SECRETS.password}@127.0.0.1:${withoutPassword.port}/0` })],
  ['a Redis that cannot be reached', () => ({ url: `redis://:${SECRETS.password}@127.0.0.1:${closedPort}/0` })],
  ['a Redis without TLS, reached with rediss://', () => ({ url: `rediss://:${SECRETS.password}@127.0.0.1:${withoutPassword.port}/0` })],
  [
    'Sentinels refusing their user and password',
    () => ({ url: `redis://:${SECRETS.password}@127.0.0.1:1/0`, settings: `sentinels: ["127.0.0.1:${sentinel.port}"], sentinel_master: ${MASTER_NAME}, sentinel_username: ${SECRETS.sentinelUser}, sentinel_password: $SENTINEL_PASSWORD` }),
  ],
  [
    'Sentinels that cannot be reached',
    () => ({ url: `redis://:${SECRETS.password}@127.0.0.1:1/0`, settings: `sentinels: ["127.0.0.1:${closedPort}"], sentinel_master: ${MASTER_NAME}, sentinel_password: $SENTINEL_PASSWORD` }),
  ],
  ['a cluster whose nodes cannot be reached', () => ({ url: `redis://gateway:${SECRETS.password}@127.0.0.1:1`, settings: `cluster_nodes: ["127.0.0.1:${closedPort}"]` })],
];

test.each(STORES)('a rate-limit store at %s: no password reaches a client, the log or /metrics', async (_name, store) => {
  const { url, settings } = store();
  const { lines, logger } = captureLog('debug');
  const config = `rate_limit_store: { type: redis, url: $REDIS_URL, on_error: open, timeout_ms: 500${settings ? `, ${settings}` : ''} }
endpoints:
  - { name: limited, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 100, renewal_period: minute } }
`;
  const gateway = await startGateway(config, { logger, env: { REDIS_URL: url, SENTINEL_PASSWORD: SECRETS.sentinelPassword } });
  try {
    const calls = Array.from({ length: 3 }, () => ({ path: '/v1/chat/completions', body: { model: 'limited', messages: [{ role: 'user', content: 'Bonjour' }] } }));
    const output = `${await everythingLetOut({ url: gateway.url, calls, lines })}\n${await viewsOf(gateway.url, ['/metrics'])}\n${lines.join('\n')}`;
    // The store failed and the log says why: its words are what a password could hide in.
    expect(output).toContain('rate-limit store unavailable');
    expect(leaksIn(output, FORBIDDEN)).toEqual([]);
  } finally {
    await gateway.close();
    await closeLimitBackends();
  }
});
