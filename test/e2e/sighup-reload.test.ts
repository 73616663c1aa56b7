/**
 * SIGHUP reloads the config (systemd's `ExecReload=kill -HUP $MAINPID`, as for nginx or Prometheus)
 * instead of ending the process, Node's default. Under --workers the primary reloads and the workers
 * ignore the hang-up a process group gets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { SOON_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-sighup-'));

function writeConfig(path: string, names: string[]): void {
  writeFileSync(path, `endpoints:\n${names.map((name) => `  - name: ${name}\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n`).join('')}`);
}

async function waitForOutput(run: CliRun, pattern: RegExp, count = 1): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; (run.output().match(new RegExp(pattern, 'g')) ?? []).length < count; ) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`expected ${count} × ${pattern}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function endpointStatus(url: string, name: string): Promise<number> {
  return (await fetch(`${url}/api/2.0/endpoints/${name}`)).status;
}

async function stop(run: CliRun): Promise<void> {
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
}

test('SIGHUP reads the config again and the gateway goes on serving', async () => {
  const configPath = join(directory, 'single.yaml');
  writeConfig(configPath, ['one']);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port)]);
  await waitForHealth(url, run);

  run.child.kill('SIGHUP');
  await waitForOutput(run, /config reloaded from [^"]*: nothing changed \(SIGHUP\)/);
  expect(run.child.exitCode).toBeNull();
  expect(await endpointStatus(url, 'one')).toBe(200);

  writeConfig(configPath, ['one', 'two']);
  run.child.kill('SIGHUP');
  // Whichever notices the edit first, the watcher or the signal, both reloads run in turn.
  await waitForOutput(run, /config reloaded from [^"]*\(SIGHUP\)/, 2);
  expect(await endpointStatus(url, 'two')).toBe(200);
  await stop(run);
});

test('with --workers 2, a hang-up of the whole process group reloads in the primary and no worker exits', async () => {
  const configPath = join(directory, 'workers.yaml');
  writeConfig(configPath, ['one']);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], {}, { detached: true });
  await waitForHealth(url, run);
  await waitForOutput(run, /gateway listening/, 2);

  process.kill(-run.child.pid!, 'SIGHUP');
  await waitForOutput(run, /config reloaded from [^"]*: nothing changed \(SIGHUP\)/);
  expect(run.output()).not.toMatch(/worker exited/);
  expect(await endpointStatus(url, 'one')).toBe(200);
  await stop(run);
  expect(run.output()).not.toMatch(/worker exited/);
  expect(run.output().match(/"msg":"shut down: every request finished; exiting 0"/g)).toHaveLength(2);
}, WORKERS_TEST_MS);
