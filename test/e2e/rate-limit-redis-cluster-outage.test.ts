/**
 * `rate_limit_store` in a Redis Cluster of three masters when one of them dies: the requests whose
 * counters are on its slots get `on_error` at once (not after `timeout_ms`), the others keep counting on
 * the live nodes, and the log has one line when the outage starts and one when the node is back.
 * The nodes keep serving their slots with one of them down (`cluster-require-full-coverage no`), so
 * what the test sees does not depend on when the cluster would mark the node failed.
 */
import Redis from 'ioredis';
import { closeLimitBackends } from '../../src/limits/limiter';
import { captureLog } from '../support/log-capture';
import { startGateway, type RunningGateway } from '../support/gateway';
import { startRedis, startRedisCluster, type RedisServer } from '../support/redis';

const NODE_ARGS = ['--cluster-require-full-coverage', 'no'];
const TIMEOUT_MS = 1_000;

let nodes: RedisServer[];
let gateway: RunningGateway;
const clients: Redis[] = [];
const log = captureLog('info');

/** The index of the node holding an endpoint's `calls` counter, and its value there. */
async function counterOf(endpoint: string): Promise<{ node: number; count: number }> {
  const key = `llm-gateway:rate-limit:{${endpoint}}:calls:60000`;
  for (const [index, node] of nodes.entries()) {
    const client = new Redis({ host: '127.0.0.1', port: node.port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    clients.push(client);
    const value = await client.get(key).catch(() => null);
    if (value !== null) return { node: index, count: Number(value) };
  }
  throw new Error(`no node holds ${key}`);
}

async function invoke(endpoint: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${gateway.url}/gateway/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return { status: response.status, ms: Date.now() - started };
}

const storeLines = (text: string) => log.lines.filter((line) => line.includes(text)).length;

beforeAll(async () => {
  nodes = await startRedisCluster({ size: 3, args: NODE_ARGS });
  gateway = await startGateway(
    `rate_limit_store:
  type: redis
  cluster_nodes: [${nodes.map((node) => `"127.0.0.1:${node.port}"`).join(', ')}]
  on_error: closed
  timeout_ms: ${TIMEOUT_MS}
endpoints:
  - { name: down, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 100, renewal_period: minute } }
  - { name: up, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 100, renewal_period: minute } }
`,
    { logger: log.logger },
  );
}, 30_000);

afterAll(async () => {
  await gateway?.close();
  await closeLimitBackends();
  // A client whose connection was refused (the dead node's) has ended: ioredis would close it again
  // and wait 2 s for a close its socket never emits again, and jest for that.
  for (const client of clients) if (client.status !== 'end') client.disconnect();
  for (const node of nodes ?? []) await node.stop();
});

test('a dead node fails its subjects at once while the live nodes keep counting; one line when it starts, one when it ends', async () => {
  expect([(await invoke('down')).status, (await invoke('up')).status]).toEqual([200, 200]);
  const down = await counterOf('down');
  const up = await counterOf('up');
  // Their hash slots (CRC16 of 'down' and 'up') are on different nodes.
  expect(down.node).not.toBe(up.node);

  const dead = nodes[down.node];
  await dead.kill();
  const outcomes = [];
  for (let round = 0; round < 4; round += 1) outcomes.push(await invoke('down'), await invoke('up'));
  expect(outcomes.map(({ status }) => status)).toEqual([503, 200, 503, 200, 503, 200, 503, 200]);
  // At once (a refused connection), not after timeout_ms; half of it leaves room for a busy test machine.
  for (const { ms } of outcomes) expect(ms).toBeLessThan(TIMEOUT_MS / 2);
  expect(await counterOf('up')).toEqual({ node: up.node, count: 5 });
  expect({ outage: storeLines('rate-limit store unavailable'), back: storeLines('rate-limit store is back') }).toEqual({ outage: 1, back: 0 });

  nodes[down.node] = await startRedis({ port: dead.port, folder: dead.folder, args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', ...NODE_ARGS] });
  const deadline = Date.now() + 15_000;
  while ((await invoke('down')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the gateway did not count on the restarted node');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect((await invoke('up')).status).toBe(200);
  expect({ outage: storeLines('rate-limit store unavailable'), back: storeLines('rate-limit store is back') }).toEqual({ outage: 1, back: 1 });
}, 30_000);
