/**
 * A gateway with `rate_limit_store` connects to Redis as soon as it serves, not at its first
 * rate-limited request: that request would wait only `timeout_ms` (250 ms by default) for the
 * connection, which a burst of first requests on a freshly started process outlasts (40 at once
 * took longer on this 2-core machine), so the burst was served uncounted (`on_error: open`) or
 * refused with a 503 (`closed`) while Redis was up.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { startRedis, type RedisServer } from '../support/redis';
import { CLI_START_MS, SOON_MS } from '../support/timeouts';

let redis: RedisServer;
let observer: Redis;
let gateway: { url: string; run: CliRun };

beforeAll(async () => {
  redis = await startRedis();
  observer = new Redis(redis.url);
  const config = join(mkdtempSync(join(tmpdir(), 'gateway-store-start-')), 'config.yaml');
  // The default timeout_ms: what a user who writes no timeout gets.
  writeFileSync(
    config,
    `rate_limit_store: { type: redis, url: "${redis.url}", on_error: closed }
endpoints:
  - name: limited
    endpoint_type: llm/v1/completions
    model: { provider: mock }
    limit: { calls: 4, renewal_period: minute }
`,
  );
  const port = await freePort();
  gateway = { url: `http://127.0.0.1:${port}`, run: runCli(['--config-path', config, '--port', String(port)]) };
  await waitForHealth(gateway.url, gateway.run);
}, CLI_START_MS + 10_000);
afterAll(async () => {
  if (gateway?.run.child.exitCode === null) gateway.run.child.kill('SIGTERM');
  await gateway?.run.exited;
  observer?.disconnect();
  await redis?.stop();
});

/** The connections Redis has besides the observer's own (`CLIENT LIST` names the observer by its last command). */
async function gatewayConnections(): Promise<number> {
  const list = (await observer.client('LIST')) as string;
  return list.split('\n').filter((line) => line.includes('id=') && !line.includes('cmd=client')).length;
}

/** One POST on a fresh connection. */
function invoke(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/gateway/limited/invocations`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ prompt: 'hello' }));
  });
}

test('connects to Redis before any request, so a burst of first requests is counted exactly', async () => {
  const deadline = Date.now() + SOON_MS;
  while ((await gatewayConnections()) === 0) {
    if (Date.now() > deadline) throw new Error(`the gateway made no connection to Redis within ${SOON_MS} ms of serving, before any request`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const statuses = await Promise.all(Array.from({ length: 12 }, () => invoke(gateway.url)));
  expect(statuses.filter((status) => status === 200)).toHaveLength(4);
  expect(statuses.filter((status) => status === 429)).toHaveLength(8);
  expect(gateway.run.output()).not.toContain('rate-limit store unavailable');
});
