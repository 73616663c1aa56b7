/**
 * `--workers`: a reload the primary accepts but the workers cannot compile (here a plugin module that
 * loads in the primary only; in practice, say, a plugin package upgraded in place that the primary
 * imported before the upgrade while a newer worker imports the new files). The primary does not log
 * it as reloaded, and a worker replacing a crashed one starts on the last config every worker
 * compiled, rather than on the refused one, which it would fail to compile, exiting again and again.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { chatAdapterSource, createProject, installProviderPackage } from '../support/plugin-packages';
import { SOON_MS, within, WORKERS_TEST_MS } from '../support/timeouts';

const GOOD = 'endpoints:\n  - name: one\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n';
const WITH_PRIMARY_ONLY_PLUGIN = `${GOOD}  - name: fixed\n    endpoint_type: llm/v1/chat\n    model: { provider: primary-only }\nplugins: [primary-only]\n`;
const GOOD_WITH_TWO = `${GOOD}  - name: two\n    endpoint_type: llm/v1/chat\n    model: { provider: mock }\n`;

const LISTENING = 'gateway listening on';
const WORKER_FAILED = 'this module cannot be loaded in a worker';
const NOT_SERVED_EVERYWHERE = 'not every worker serves the new config';
const RELOADED = 'config reloaded from';
const WORKER_EXITED = 'worker exited; starting a new one';

/** The log lines whose message contains `text`. */
function linesWith(run: CliRun, text: string): { pid: number; msg: string }[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(text))
    .map((line) => JSON.parse(line) as { pid: number; msg: string })
    .filter((line) => line.msg.includes(text));
}

async function waitForLines(run: CliRun, text: string, count: number): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; linesWith(run, text).length < count; ) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`expected ${count} × '${text}':\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function chat(url: string, endpoint: string): Promise<number> {
  return fetch(`${url}/endpoints/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[{"role":"user","content":"hi"}]}' }).then((response) => response.status);
}

test('with --workers 2, a reload every worker refused is not logged as reloaded, and a replacement worker starts on the last config every worker compiled', async () => {
  const project = createProject();
  const source = `if (require('node:cluster').isWorker) throw new Error(${JSON.stringify(WORKER_FAILED)});\n${chatAdapterSource('fixed')}`;
  installProviderPackage(project, { packageName: 'primary-only', provider: 'primary-only', source });
  const configPath = join(project, 'gateway.yaml');
  writeFileSync(configPath, GOOD);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2']);
  try {
    await waitForHealth(url, run);
    await waitForLines(run, LISTENING, 2);

    writeFileSync(configPath, WITH_PRIMARY_ONLY_PLUGIN);
    run.child.kill('SIGHUP');
    await waitForLines(run, NOT_SERVED_EVERYWHERE, 1);
    expect(linesWith(run, WORKER_FAILED)).toHaveLength(2);
    expect(linesWith(run, RELOADED)).toEqual([]);

    // A crash: the replacement asks the primary for the config and must be able to serve it.
    process.kill(linesWith(run, LISTENING)[0].pid, 'SIGKILL');
    await waitForLines(run, LISTENING, 3);
    expect(await chat(url, 'one')).toBe(200);

    // A config every worker compiles is applied everywhere, the replacement included.
    writeFileSync(configPath, GOOD_WITH_TWO);
    run.child.kill('SIGHUP');
    await waitForLines(run, RELOADED, 1);
    const statuses = await Promise.all(Array.from({ length: 6 }, () => chat(url, 'two')));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    // Each worker handles the configs the primary sends in turn, and answered this one before the
    // primary logged it: a replacement handed the refused config would have logged its failure by now.
    expect({ exited: linesWith(run, WORKER_EXITED).length, failed: linesWith(run, WORKER_FAILED).length }).toEqual({ exited: 1, failed: 2 });
  } finally {
    run.child.kill('SIGTERM');
    await within(run.exited, SOON_MS, 'the gateway exiting');
  }
}, WORKERS_TEST_MS);
