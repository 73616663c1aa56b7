/**
 * `rate_limit_store` in a Redis Cluster of three masters with a password, started as real
 * processes. The gateway is given one node: it learns the others, and a request limited both for
 * its endpoint and for its client key counts each on the node holding that subject's hash slot.
 */
import Redis from 'ioredis';
import { closeLimitBackends } from '../../src/limits/limiter';
import { captureLog } from '../support/log-capture';
import { startGateway, type RunningGateway } from '../support/gateway';
import { sample } from '../support/metrics';
import { startRedisCluster, type RedisServer } from '../support/redis';

const PASSWORD = 'cluster-pw';
const CLIENT_KEY = 'gw-key-abcdefgh';

let nodes: RedisServer[];
let gateway: RunningGateway;
const clients: Redis[] = [];
const log = captureLog('info');

function connect(node: RedisServer): Redis {
  const client = new Redis({ host: '127.0.0.1', port: node.port, password: PASSWORD, lazyConnect: true, maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
}

/** The node holding a subject's counters (its hash tag's slot), and its `calls` counter there. */
async function counterOf(tag: string): Promise<{ node: number; count: number }> {
  const key = `llm-gateway:rate-limit:{${tag}}:calls:60000`;
  for (const [index, node] of nodes.entries()) {
    const value = await connect(node).get(key).catch(() => null);
    if (value !== null) return { node: index, count: Number(value) };
  }
  throw new Error(`no node holds ${key}`);
}

async function invoke(endpoint: string): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/${endpoint}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
    body: JSON.stringify({ prompt: 'hello' }),
  });
  await response.text();
  return response.status;
}

beforeAll(async () => {
  nodes = await startRedisCluster({ size: 3, args: ['--requirepass', PASSWORD, '--masterauth', PASSWORD], password: PASSWORD });
  gateway = await startGateway(
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  cluster_nodes: ["127.0.0.1:${nodes[0].port}"]
  on_error: closed
  timeout_ms: 1000
endpoints:
  - { name: limited, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 3, renewal_period: minute } }
auth:
  api_keys:
    - { name: web, key: ${CLIENT_KEY}, limit: { calls: 100, renewal_period: minute } }
`,
    { env: { REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:1` }, logger: log.logger },
  );
}, 30_000);

afterAll(async () => {
  await gateway?.close();
  await closeLimitBackends();
  for (const client of clients) client.disconnect();
  for (const node of nodes ?? []) await node.stop();
});

test('counts each subject on the node of its hash slot: 429 after the endpoint limit, the key counted too', async () => {
  expect([await invoke('limited'), await invoke('limited'), await invoke('limited'), await invoke('limited')]).toEqual([200, 200, 200, 429]);
  const endpoint = await counterOf('limited');
  const clientKey = await counterOf('client:web');
  expect({ endpoint: endpoint.count, clientKey: clientKey.count }).toEqual({ endpoint: 4, clientKey: 4 });
  // Their hash slots (CRC16 of 'limited' and 'client:web') are on different nodes: one request's counting spans the cluster.
  expect(endpoint.node).not.toBe(clientKey.node);

  const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${CLIENT_KEY}` } })).text();
  expect(sample(metrics, 'gateway_rate_limit_store_unavailable', { store: `cluster 127.0.0.1:${nodes[0].port}` })).toBe(0);
  expect(metrics + log.lines.join('\n')).not.toContain(PASSWORD);
});
