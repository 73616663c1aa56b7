/**
 * `rate_limit_store` in a Redis Cluster whose three nodes take only TLS (`tls-port`, `port 0`, TLS on
 * the cluster bus too), as managed clusters with in-transit encryption do: a `rediss://` `url`
 * beside `cluster_nodes` reaches every node over TLS. As on ElastiCache, the certificate names the
 * nodes' host (`localhost` here), not their address, and the nodes announce that name
 * (`cluster-preferred-endpoint-type hostname`), so each is reached by its name. The certificate is
 * self-signed, made with openssl for this run, and trusted the way the README says: the CLI started
 * with `NODE_EXTRA_CA_CERTS`. Started without it, the gateway refuses the certificate and says so once, for each listed node, in the outage
 * warning and in one warning of the handshake checks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { selfSignedCertificate, startRedisCluster, type RedisServer } from '../support/redis';
import { sequentialStartsTestMs } from '../support/timeouts';

const PASSWORD = 'cluster-tls-pw';

const folder = mkdtempSync(join(tmpdir(), 'gateway-cluster-tls-'));
const HOST = 'localhost';
const tls = selfSignedCertificate(folder, HOST);
let nodes: RedisServer[];
let client: Cluster;
const gateways: Record<'trusting' | 'untrusting', { url: string; run: CliRun }> = {} as never;

async function invoke(gateway: { url: string }): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/limited/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return response.status;
}

async function startCli(env: NodeJS.ProcessEnv): Promise<{ url: string; run: CliRun }> {
  const port = await freePort();
  const gateway = { url: `http://127.0.0.1:${port}`, run: runCli(['--config-path', join(folder, 'config.yaml'), '--port', String(port)], { REDIS_URL: `rediss://:${PASSWORD}@127.0.0.1:1`, ...env }) };
  await waitForHealth(gateway.url, gateway.run);
  return gateway;
}

beforeAll(async () => {
  const announceHost = ['--cluster-announce-hostname', HOST, '--cluster-preferred-endpoint-type', 'hostname'];
  nodes = await startRedisCluster({ size: 3, tls, args: ['--requirepass', PASSWORD, '--masterauth', PASSWORD, ...announceHost], password: PASSWORD });
  client = new Cluster([{ host: HOST, port: nodes[0].port }], {
    lazyConnect: true,
    dnsLookup: (hostname, callback) => callback(null, hostname),
    redisOptions: { password: PASSWORD, tls: { ca: readFileSync(tls.certificate) } },
  });
  writeFileSync(
    join(folder, 'config.yaml'),
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  cluster_nodes: [${nodes.map((node) => `"${HOST}:${node.port}"`).join(', ')}]
  on_error: closed
  timeout_ms: 1000
endpoints:
  - { name: limited, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 2, renewal_period: minute } }
`,
  );
  gateways.trusting = await startCli({ NODE_EXTRA_CA_CERTS: tls.certificate });
  gateways.untrusting = await startCli({});
}, sequentialStartsTestMs({ redisServers: 3, cluster: true, gateways: 2 }));

afterAll(async () => {
  for (const gateway of Object.values(gateways)) {
    if (gateway.run.child.exitCode === null) gateway.run.child.kill('SIGTERM');
    await gateway.run.exited;
  }
  client?.disconnect();
  for (const node of nodes ?? []) await node.stop();
});

test('counts over TLS on the TLS-only nodes: 429 after the limit', async () => {
  expect([await invoke(gateways.trusting), await invoke(gateways.trusting), await invoke(gateways.trusting)]).toEqual([200, 200, 429]);
  expect(await client.get('llm-gateway:rate-limit:{limited}:calls:60000')).toBe('3');
  expect(gateways.trusting.run.output()).not.toContain('rate-limit store unavailable');
});

test('a certificate the gateway does not trust is an outage logged once, naming the cause and not the password', async () => {
  expect([await invoke(gateways.untrusting), await invoke(gateways.untrusting)]).toEqual([503, 503]);
  const output = gateways.untrusting.run.output();
  const warnings = output.split('\n').filter((line) => line.includes('rate-limit store unavailable'));
  expect(warnings).toHaveLength(1);
  // Every listed node is checked and named, not only the first.
  const causes = nodes.map((node, index) => `TLS to ${HOST}:${node.port} (rate_limit_store.cluster_nodes[${index}]): self-signed certificate`);
  expect(warnings[0]).toContain(causes.join('; '));
  // The handshake findings are a warning of their own, once: ioredis's reconnections meanwhile neither check again within 30 s nor log them again.
  const tlsWarnings = output.split('\n').filter((line) => line.includes('rate-limit store TLS handshake failed'));
  expect(tlsWarnings).toHaveLength(1);
  expect(tlsWarnings[0]).toContain(causes.join('; '));
  expect(output).not.toContain(PASSWORD);
});
