/**
 * `rate_limit_store` through Redis Sentinel to a master that speaks only TLS: a `rediss://` `url`
 * beside `sentinels` reaches the master the Sentinel names over TLS (the Sentinel itself without).
 * The certificate is self-signed, made with openssl for this run, and trusted the way the README
 * says: the CLI started with `NODE_EXTRA_CA_CERTS`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { startRedis, startSentinel, type RedisServer } from '../support/redis';

const MASTER_PASSWORD = 'm4ster-tls-pw';
const MASTER_NAME = 'tlsmaster';

const folder = mkdtempSync(join(tmpdir(), 'gateway-sentinel-tls-'));
const certificate = join(folder, 'certificate.pem');
const privateKey = join(folder, 'key.pem');
let master: RedisServer;
let sentinel: RedisServer;
let gateway: { url: string; run: CliRun };
let client: Redis;

async function invoke(): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/limited/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return response.status;
}

beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', privateKey, '-out', certificate, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const tlsFiles = { 'tls-cert-file': certificate, 'tls-key-file': privateKey, 'tls-ca-cert-file': certificate };
  // TLS only: the port the Sentinel watches (and names to the gateway) takes no plain connection.
  const port = await freePort();
  const tlsArgs = Object.entries(tlsFiles).flatMap(([name, file]) => [`--${name}`, file]);
  master = await startRedis({ port, args: ['--port', '0', '--tls-port', String(port), ...tlsArgs, '--tls-auth-clients', 'no', '--requirepass', MASTER_PASSWORD] });
  sentinel = await startSentinel({
    masterName: MASTER_NAME,
    masterPort: master.port,
    settings: ['tls-replication yes', ...Object.entries(tlsFiles).map(([name, file]) => `${name} ${file}`), `sentinel auth-pass ${MASTER_NAME} ${MASTER_PASSWORD}`],
  });
  client = new Redis({ host: '127.0.0.1', port: master.port, password: MASTER_PASSWORD, tls: { ca: readFileSync(certificate) }, lazyConnect: true, maxRetriesPerRequest: 1 });
  const config = join(folder, 'config.yaml');
  writeFileSync(
    config,
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  sentinels: ["127.0.0.1:${sentinel.port}"]
  sentinel_master: ${MASTER_NAME}
  on_error: closed
  timeout_ms: 1000
endpoints:
  - { name: limited, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 2, renewal_period: minute } }
`,
  );
  const gatewayPort = await freePort();
  const env = { REDIS_URL: `rediss://:${MASTER_PASSWORD}@127.0.0.1:1/0`, NODE_EXTRA_CA_CERTS: certificate };
  gateway = { url: `http://127.0.0.1:${gatewayPort}`, run: runCli(['--config-path', config, '--port', String(gatewayPort)], env) };
  await waitForHealth(gateway.url, gateway.run);
}, 30_000);

afterAll(async () => {
  if (gateway?.run.child.exitCode === null) gateway.run.child.kill('SIGTERM');
  await gateway?.run.exited;
  client?.disconnect();
  for (const server of [sentinel, master]) await server?.stop();
});

test('counts over TLS on the TLS-only master the Sentinel names: 429 after the limit', async () => {
  expect([await invoke(), await invoke(), await invoke()]).toEqual([200, 200, 429]);
  expect(await client.get('llm-gateway:rate-limit:{limited}:calls:60000')).toBe('3');
  expect(gateway.run.output()).not.toContain('rate-limit store unavailable');
});
