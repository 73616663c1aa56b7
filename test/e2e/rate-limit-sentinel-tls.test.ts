/**
 * `rate_limit_store` through Redis Sentinel to a master that speaks only TLS: a `rediss://` `url`
 * beside `sentinels` reaches the master the Sentinel names over TLS (the Sentinel itself without),
 * and with `sentinel_tls: true` the Sentinels too, here one that listens only on a `tls-port`.
 * The certificate is self-signed, made with openssl for this run, and trusted the way the README
 * says: the CLI started with `NODE_EXTRA_CA_CERTS`. Started without it, the gateway refuses the
 * TLS Sentinel's certificate and says so once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { selfSignedCertificate, startRedis, startSentinel, type RedisServer } from '../support/redis';

const MASTER_PASSWORD = 'm4ster-tls-pw';
const MASTER_NAME = 'tlsmaster';

const folder = mkdtempSync(join(tmpdir(), 'gateway-sentinel-tls-'));
const tls = selfSignedCertificate(folder);
let master: RedisServer;
let sentinel: RedisServer;
let tlsSentinel: RedisServer;
let client: Redis;
const gateways: CliRun[] = [];

async function invoke(gateway: { url: string }, endpoint: string): Promise<number> {
  const response = await fetch(`${gateway.url}/gateway/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.text();
  return response.status;
}

/** The CLI with a store through `sentinelPort`, counting `endpoint` (2 calls a minute). */
async function startCli(options: { sentinelPort: number; sentinelTls: boolean; endpoint: string; env: NodeJS.ProcessEnv }): Promise<{ url: string; run: CliRun }> {
  const config = join(folder, `${options.endpoint}.yaml`);
  writeFileSync(
    config,
    `rate_limit_store:
  type: redis
  url: $REDIS_URL
  sentinels: ["127.0.0.1:${options.sentinelPort}"]
  sentinel_master: ${MASTER_NAME}
  sentinel_tls: ${options.sentinelTls}
  on_error: closed
  timeout_ms: 1000
endpoints:
  - { name: ${options.endpoint}, endpoint_type: llm/v1/completions, model: { provider: mock }, limit: { calls: 2, renewal_period: minute } }
`,
  );
  const port = await freePort();
  const run = runCli(['--config-path', config, '--port', String(port)], { REDIS_URL: `rediss://:${MASTER_PASSWORD}@127.0.0.1:1/0`, ...options.env });
  gateways.push(run);
  const gateway = { url: `http://127.0.0.1:${port}`, run };
  await waitForHealth(gateway.url, run);
  return gateway;
}

beforeAll(async () => {
  // TLS only: the port the Sentinels watch (and name to the gateway) takes no plain connection.
  const port = await freePort();
  const tlsArgs = ['--tls-cert-file', tls.certificate, '--tls-key-file', tls.privateKey, '--tls-ca-cert-file', tls.certificate];
  master = await startRedis({ port, args: ['--port', '0', '--tls-port', String(port), ...tlsArgs, '--tls-auth-clients', 'no', '--requirepass', MASTER_PASSWORD] });
  const auth = `sentinel auth-pass ${MASTER_NAME} ${MASTER_PASSWORD}`;
  sentinel = await startSentinel({
    masterName: MASTER_NAME,
    masterPort: master.port,
    settings: ['tls-replication yes', `tls-cert-file ${tls.certificate}`, `tls-key-file ${tls.privateKey}`, `tls-ca-cert-file ${tls.certificate}`, auth],
  });
  tlsSentinel = await startSentinel({ masterName: MASTER_NAME, masterPort: master.port, tls, settings: [auth] });
  client = new Redis({ host: '127.0.0.1', port: master.port, password: MASTER_PASSWORD, tls: { ca: readFileSync(tls.certificate) }, lazyConnect: true, maxRetriesPerRequest: 1 });
}, 30_000);

afterAll(async () => {
  for (const run of gateways) {
    if (run.child.exitCode === null) run.child.kill('SIGTERM');
    await run.exited;
  }
  client?.disconnect();
  for (const server of [tlsSentinel, sentinel, master]) await server?.stop();
});

test('counts over TLS on the TLS-only master the Sentinel names: 429 after the limit', async () => {
  const gateway = await startCli({ sentinelPort: sentinel.port, sentinelTls: false, endpoint: 'limited', env: { NODE_EXTRA_CA_CERTS: tls.certificate } });
  expect([await invoke(gateway, 'limited'), await invoke(gateway, 'limited'), await invoke(gateway, 'limited')]).toEqual([200, 200, 429]);
  expect(await client.get('llm-gateway:rate-limit:{limited}:calls:60000')).toBe('3');
  expect(gateway.run.output()).not.toContain('rate-limit store unavailable');
}, 20_000);

test('with sentinel_tls, asks a Sentinel that takes only TLS for the master and counts there', async () => {
  const gateway = await startCli({ sentinelPort: tlsSentinel.port, sentinelTls: true, endpoint: 'through-tls', env: { NODE_EXTRA_CA_CERTS: tls.certificate } });
  expect([await invoke(gateway, 'through-tls'), await invoke(gateway, 'through-tls'), await invoke(gateway, 'through-tls')]).toEqual([200, 200, 429]);
  expect(await client.get('llm-gateway:rate-limit:{through-tls}:calls:60000')).toBe('3');
  expect(gateway.run.output()).not.toContain('rate-limit store unavailable');
}, 20_000);

test("a TLS Sentinel's certificate the gateway does not trust is an outage logged once, naming the cause and not the password", async () => {
  const gateway = await startCli({ sentinelPort: tlsSentinel.port, sentinelTls: true, endpoint: 'untrusted', env: {} });
  expect([await invoke(gateway, 'untrusted'), await invoke(gateway, 'untrusted')]).toEqual([503, 503]);
  const output = gateway.run.output();
  const warnings = output.split('\n').filter((line) => line.includes('rate-limit store unavailable'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(`TLS to 127.0.0.1:${tlsSentinel.port} (rate_limit_store.sentinels[0]): self-signed certificate`);
  expect(output).not.toContain(MASTER_PASSWORD);
}, 20_000);
