/**
 * A rate-limit store outage shows in `/metrics`, not only as one warning line: with the CLI under
 * `--workers 2` and a real Redis that is killed and restarted, `gateway_rate_limit_store_unavailable`
 * counts the processes that cannot reach it (0 before, 2 during the outage, 0 once it is back) and
 * `gateway_rate_limit_store_errors_total` the store operations that failed.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { sample } from '../support/metrics';
import { startRedis, type RedisServer } from '../support/redis';
import { WORKERS_TEST_MS } from '../support/timeouts';

/** One POST on a fresh connection (no keep-alive), so the cluster spreads requests over workers. */
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

let redis: RedisServer;
let gateway: { url: string; run: CliRun };

beforeAll(async () => {
  redis = await startRedis();
  const config = join(mkdtempSync(join(tmpdir(), 'gateway-store-metrics-')), 'config.yaml');
  writeFileSync(
    config,
    `rate_limit_store: { type: redis, url: "${redis.url}", on_error: open, timeout_ms: 1000 }
endpoints:
  - name: limited
    endpoint_type: llm/v1/completions
    model: { provider: mock }
    limit: { calls: 1000, renewal_period: minute }
`,
  );
  const port = await freePort();
  gateway = { url: `http://127.0.0.1:${port}`, run: runCli(['--config-path', config, '--port', String(port), '--workers', '2']) };
  await waitForHealth(gateway.url, gateway.run);
}, WORKERS_TEST_MS);
afterAll(async () => {
  if (gateway.run.child.exitCode === null) gateway.run.child.kill('SIGTERM');
  await gateway.run.exited;
  await redis.stop();
});

async function storeMetrics(): Promise<{ unavailable: number | undefined; errors: number | undefined }> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const labels = { store: `redis://127.0.0.1:${redis.port}` };
  return { unavailable: sample(text, 'gateway_rate_limit_store_unavailable', labels), errors: sample(text, 'gateway_rate_limit_store_errors_total', labels) };
}

/** Sends requests (spread over both workers) until the store metrics satisfy `done`, or fails at the deadline. */
async function trafficUntil(done: (metrics: Awaited<ReturnType<typeof storeMetrics>>) => boolean, what: string): Promise<Awaited<ReturnType<typeof storeMetrics>>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    expect(await Promise.all([invoke(gateway.url), invoke(gateway.url)])).toEqual([200, 200]);
    const metrics = await storeMetrics();
    if (done(metrics)) return metrics;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(metrics)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('before, during and after a Redis outage, summed over the workers', async () => {
  expect(await trafficUntil(() => true, 'an answer')).toEqual({ unavailable: 0, errors: 0 });

  await redis.kill();
  const during = await trafficUntil((metrics) => metrics.unavailable === 2, 'both workers to see the outage');
  expect(during.errors).toBeGreaterThanOrEqual(2);

  redis = await startRedis({ port: redis.port });
  const after = await trafficUntil((metrics) => metrics.unavailable === 0, 'both workers to reach Redis again');
  // A counter: the outage's failures stay counted.
  expect(after.errors).toBeGreaterThanOrEqual(during.errors!);
}, 60_000);
