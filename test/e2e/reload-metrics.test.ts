/**
 * Config reloads in /metrics, named as Prometheus names its own, so that the usual alert
 * (`gateway_config_last_reload_successful == 0`) catches a refused reload, which is otherwise a
 * log line while the old config serves on. Under --workers the primary reloads; any worker's
 * /metrics shows its counts, and a reload the workers cannot compile counts as refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { countOf, waitForMatches } from '../support/output-matches';
import { chatAdapterSource, createProject, installProviderPackage } from '../support/plugin-packages';
import { SOON_MS, within } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-reload-metrics-'));

const GOOD = 'endpoints:\n  - name: one\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n';
const BAD = 'endpoints:\n  - name: one\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n    limit: { renewal_period: fortnight, calls: 1 }\n';

const REFUSED = /rejected: still serving the last accepted config/;
const APPLIED = /config reloaded from /;

/** The reload samples of /metrics, by sample name and labels. */
async function reloadSamples(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const samples = text.split('\n').filter((line) => line.startsWith('gateway_config_'));
  return Object.fromEntries(samples.map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]));
}

/**
 * The samples once the reload counts equal the reloads logged: the watcher may also see an edit the
 * test signalled, and its reload may be logged a moment later.
 */
async function samplesMatchingLog(url: string, run: CliRun): Promise<Record<string, number>> {
  for (const deadline = Date.now() + SOON_MS; ; ) {
    const samples = await reloadSamples(url);
    const logged = { applied: countOf(run.output(), APPLIED), refused: countOf(run.output(), REFUSED) };
    const counted = { applied: samples['gateway_config_reloads_total{result="applied"}'], refused: samples['gateway_config_reloads_total{result="refused"}'] };
    if (counted.applied === logged.applied && counted.refused === logged.refused) return samples;
    if (Date.now() > deadline) throw new Error(`reloads counted ${JSON.stringify(counted)}, logged ${JSON.stringify(logged)}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starting the gateway took over 15 s on a loaded machine under --workers (three processes). */
const START_MS = 60_000;

async function checkReloads(args: string[], name: string): Promise<void> {
  const configPath = join(directory, `${name}.yaml`);
  writeFileSync(configPath, GOOD);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const startedAt = Date.now() / 1000;
  const run = runCli(['--config-path', configPath, '--port', String(port), ...args]);
  try {
    await waitForHealth(url, run, START_MS);
    const atStart = await reloadSamples(url);
    expect(atStart).toEqual({
      'gateway_config_reloads_total{result="applied"}': 0,
      'gateway_config_reloads_total{result="refused"}': 0,
      gateway_config_last_reload_successful: 1,
      gateway_config_last_reload_success_timestamp_seconds: expect.any(Number),
    });
    const loadedAt = atStart.gateway_config_last_reload_success_timestamp_seconds;
    expect(loadedAt).toBeGreaterThanOrEqual(Math.floor(startedAt));

    // The watcher may see the edit as well as the signal: each reload is counted as it is logged.
    writeFileSync(configPath, BAD);
    run.child.kill('SIGHUP');
    await waitForMatches(run, REFUSED, 1);
    const refused = await samplesMatchingLog(url, run);
    expect(refused['gateway_config_reloads_total{result="refused"}']).toBeGreaterThan(0);
    expect(refused['gateway_config_reloads_total{result="applied"}']).toBe(0);
    expect(refused.gateway_config_last_reload_successful).toBe(0);
    expect(refused.gateway_config_last_reload_success_timestamp_seconds).toBe(loadedAt);

    writeFileSync(configPath, GOOD);
    run.child.kill('SIGHUP');
    await waitForMatches(run, APPLIED, 1);
    const applied = await samplesMatchingLog(url, run);
    expect(applied['gateway_config_reloads_total{result="applied"}']).toBeGreaterThan(0);
    expect(applied.gateway_config_last_reload_successful).toBe(1);
    expect(applied.gateway_config_last_reload_success_timestamp_seconds).toBeGreaterThan(loadedAt);
  } finally {
    run.child.kill('SIGTERM');
    await within(run.exited, SOON_MS, 'the gateway exiting');
  }
}

test('a refused reload sets gateway_config_last_reload_successful to 0 and counts it; an applied one sets it back to 1', async () => {
  await checkReloads([], 'single');
}, 2 * START_MS);

test('with --workers 2, the primary reloads and a worker’s /metrics shows its counts once, not once per worker', async () => {
  await checkReloads(['--workers', '2'], 'workers');
}, 2 * START_MS);

test('with --workers 2, a config the primary accepts but the workers cannot compile counts as refused, as the workers keep the last one', async () => {
  // A plugin whose module loads in the primary only: the primary's compile succeeds, each worker's fails.
  const project = createProject();
  const source = `if (require('node:cluster').isWorker) throw new Error('this module cannot be loaded in a worker');\n${chatAdapterSource('fixed')}`;
  installProviderPackage(project, { packageName: 'primary-only', provider: 'primary-only', source });
  const configPath = join(project, 'gateway.yaml');
  writeFileSync(configPath, GOOD);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2']);
  try {
    await waitForHealth(url, run, START_MS);
    writeFileSync(configPath, `${GOOD}  - name: fixed\n    endpoint_type: llm/v1/chat\n    model: { provider: primary-only }\nplugins: [primary-only]\n`);
    run.child.kill('SIGHUP');
    await waitForMatches(run, /this module cannot be loaded in a worker/, 2);
    await waitForMatches(run, /not every worker serves the new config/, 1);
    expect(countOf(run.output(), APPLIED)).toBe(0);
    for (const deadline = Date.now() + SOON_MS; (await reloadSamples(url))['gateway_config_reloads_total{result="refused"}'] === 0; ) {
      if (Date.now() > deadline) throw new Error(`no refused reload counted:\n${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const samples = await reloadSamples(url);
    expect(samples['gateway_config_reloads_total{result="applied"}']).toBe(0);
    expect(samples.gateway_config_last_reload_successful).toBe(0);
    // What the workers serve: the last config they compiled.
    expect((await fetch(`${url}/endpoints/fixed/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[{"role":"user","content":"hi"}]}' })).status).toBe(404);
  } finally {
    run.child.kill('SIGTERM');
    await within(run.exited, SOON_MS, 'the gateway exiting');
  }
}, 2 * START_MS);
