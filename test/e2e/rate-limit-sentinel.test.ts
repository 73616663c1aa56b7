/**
 * `rate_limit_store` through Redis Sentinel, with real processes: a master and its replica (both
 * with a password), and a Sentinel (with its own password) watching them. The gateway is given the
 * Sentinel only: it counts on the master the Sentinel names, and after a failover (the replica
 * promoted, the old master made its replica) it counts on the new master, which holds the hits
 * made before, those it replicated and those the gateway gives back.
 */
import Redis from 'ioredis';
import { createServer, connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { closeLimitBackends } from '../../src/limits/limiter';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';
import { startRedis, startSentinel, type RedisServer } from '../support/redis';

const MASTER_PASSWORD = 'm4ster-pw';
const SENTINEL_PASSWORD = 's3ntinel-pw';
const MASTER_NAME = 'mymaster';

let master: RedisServer;
let replica: RedisServer;
let replication: ReplicationRelay;
let sentinel: RedisServer;
let gateway: RunningGateway;
const clients: Redis[] = [];
const log = captureLog('info');

/**
 * The replica's link to the master, relayed so that a test can hold back what the master sends it:
 * hits counted on the master after that never reach the replica, as when a failover comes before
 * the last writes were replicated (replication is asynchronous).
 */
interface ReplicationRelay {
  port: number;
  holdBack(): void;
  close(): Promise<void>;
}

async function startReplicationRelay(masterPort: number): Promise<ReplicationRelay> {
  const links: { fromMaster: Socket; toReplica: Socket }[] = [];
  const server = createServer((toReplica) => {
    const fromMaster = netConnect(masterPort, '127.0.0.1');
    for (const socket of [fromMaster, toReplica]) socket.on('error', () => undefined);
    fromMaster.pipe(toReplica);
    toReplica.pipe(fromMaster);
    links.push({ fromMaster, toReplica });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    holdBack: () => {
      for (const { fromMaster, toReplica } of links) {
        fromMaster.unpipe(toReplica);
        fromMaster.pause();
      }
    },
    close: () => {
      for (const { fromMaster, toReplica } of links) for (const socket of [fromMaster, toReplica]) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A test's own connection, to look at a server or command the Sentinel. */
function connect(port: number, password: string): Redis {
  const client = new Redis({ host: '127.0.0.1', port, password, lazyConnect: true, maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function masterPort(): Promise<number> {
  const [, port] = (await connect(sentinel.port, SENTINEL_PASSWORD).call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER_NAME)) as string[];
  return Number(port);
}

/** The endpoint's `calls` counter on one server (null: no key yet). */
async function counter(server: RedisServer, endpoint: string): Promise<number | null> {
  const client = connect(server.port, MASTER_PASSWORD);
  const [key] = await client.keys(`llm-gateway:rate-limit:*${endpoint}*`);
  return key === undefined ? null : Number(await client.get(key));
}

async function invoke(endpoint: string): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return response.status;
}

beforeAll(async () => {
  // No wait before a full sync (5 s by default).
  const passwords = ['--requirepass', MASTER_PASSWORD, '--masterauth', MASTER_PASSWORD, '--repl-diskless-sync-delay', '0'];
  // The old master stays a master after the failover, as when the Sentinels cannot reach it to
  // demote it (a partition), which would otherwise come at a moment no test controls.
  master = await startRedis({ args: [...passwords, '--rename-command', 'REPLICAOF', 'replicaof-off', '--rename-command', 'SLAVEOF', 'slaveof-off'] });
  replication = await startReplicationRelay(master.port);
  replica = await startRedis({ args: [...passwords, '--replicaof', '127.0.0.1', String(replication.port)] });
  await until('the replica to sync', async () => ((await connect(replica.port, MASTER_PASSWORD).info('replication')).includes('master_link_status:up') ? true : undefined));
  sentinel = await startSentinel({ masterName: MASTER_NAME, masterPort: master.port, settings: [`requirepass ${SENTINEL_PASSWORD}`, `sentinel auth-pass ${MASTER_NAME} ${MASTER_PASSWORD}`] });
  // The master's URL gives its password and database; its host and port (nothing listens on port 1) are not used.
  gateway = await startGateway(
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  sentinels: ["127.0.0.1:${sentinel.port}"]
  sentinel_master: ${MASTER_NAME}
  sentinel_password: $SENTINEL_PASSWORD
  on_error: open
  timeout_ms: 1000
endpoints:
  - { name: limited, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 3, renewal_period: minute } }
  - { name: failover, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 4, renewal_period: minute } }
`,
    { env: { REDIS_URL: `redis://:${MASTER_PASSWORD}@127.0.0.1:1/0`, SENTINEL_PASSWORD }, logger: log.logger },
  );
}, 30_000);

afterAll(async () => {
  await gateway?.close();
  await closeLimitBackends();
  for (const client of clients) client.disconnect();
  for (const server of [sentinel, replica, master]) await server?.stop();
  await replication?.close();
});

test('counts on the master the Sentinel names: 429 after the limit; the store label names the Sentinel and master, no password', async () => {
  expect(await masterPort()).toBe(master.port);
  expect([await invoke('limited'), await invoke('limited'), await invoke('limited'), await invoke('limited')]).toEqual([200, 200, 200, 429]);
  expect(await counter(master, 'limited')).toBe(4);

  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(sample(metrics, 'gateway_rate_limit_store_unavailable', { store: `sentinel master ${MASTER_NAME} via 127.0.0.1:${sentinel.port}` })).toBe(0);
  expect(metrics).not.toContain(MASTER_PASSWORD);
  expect(metrics).not.toContain(SENTINEL_PASSWORD);
});

test('after a failover, counting goes on at the new master, from the hits it replicated and those the gateway gives back, while the old master is still up', async () => {
  expect([await invoke('failover'), await invoke('failover')]).toEqual([200, 200]);
  // Both hits reached the replica before it is promoted; the next two never do.
  expect(await connect(master.port, MASTER_PASSWORD).call('WAIT', '1', '5000')).toBe(1);
  replication.holdBack();
  expect([await invoke('failover'), await invoke('failover')]).toEqual([200, 200]);
  expect(await counter(master, 'failover')).toBe(4);
  const sentinelClient = connect(sentinel.port, SENTINEL_PASSWORD);
  // Refused (NOGOODSLAVE) until the Sentinel has found the replica through the master's INFO.
  await until('the Sentinel to start a failover', async () => ((await sentinelClient.call('SENTINEL', 'FAILOVER', MASTER_NAME)) === 'OK' ? true : undefined));
  await until('the Sentinel to name the replica as master', async () => ((await masterPort()) === replica.port ? true : undefined));
  expect(await counter(replica, 'failover')).toBe(2);

  // Until the gateway hears of the failover from the Sentinel (+switch-master), it counts on the old
  // master (a request made while it reconnects is served uncounted: on_error: open). Once it
  // reconnects, it gives the new master what it counted itself in the window, so no counted hit is
  // lost: the new master holds the old one's count, then every hit, until the limit refuses.
  await until('the gateway to count on the new master', async () => {
    await invoke('failover');
    return ((await counter(replica, 'failover')) ?? 0) > 2 ? true : undefined;
  });
  const onOldMaster = (await counter(master, 'failover')) ?? 0;
  const onNewMaster = (await counter(replica, 'failover')) ?? 0;
  expect(onOldMaster).toBeGreaterThanOrEqual(4);
  // The restore alone, or with the hit that found it.
  expect([onOldMaster, onOldMaster + 1]).toContain(onNewMaster);
  expect(await invoke('failover')).toBe(429);
  expect(await counter(replica, 'failover')).toBe(onNewMaster + 1);
  expect((await connect(master.port, MASTER_PASSWORD).info('replication')).includes('role:master')).toBe(true);
  // A hit made while the gateway reconnected logs an outage, naming the store without its passwords.
  for (const line of log.lines.filter((text) => text.includes('rate-limit store'))) {
    expect(JSON.parse(line)).toMatchObject({ store: `sentinel master ${MASTER_NAME} via 127.0.0.1:${sentinel.port}` });
  }
  expect(log.lines.join('\n')).not.toMatch(new RegExp(`${MASTER_PASSWORD}|${SENTINEL_PASSWORD}`));
});
