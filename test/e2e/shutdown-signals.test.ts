/**
 * One stop, several signals: Ctrl+C and systemd (KillMode=control-group) signal every process of the
 * group, and npm or the --workers primary passes the signal on as well, so a gateway process often
 * gets SIGINT or SIGTERM twice. The drain must go on to its end, not stop at the second signal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun } from '../support/cli';
import { parseSse } from '../support/gateway';
import { chatAdapterSource, createProject, installProviderPackage } from '../support/plugin-packages';
import { SOON_MS, within } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-signals-'));

// Twenty words, 150 ms each: a three-second stream.
const configPath = join(directory, 'slow.yaml');
writeFileSync(configPath, `
endpoints:
  - name: slow
    endpoint_type: llm/v1/completions
    model: { provider: mock, config: { latency_ms: 150 } }
`);
const PROMPT = Array.from({ length: 20 }, (_, index) => `word${index}`).join(' ');

async function waitForOutput(run: CliRun, pattern: RegExp, count: number): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; (run.output().match(pattern) ?? []).length < count; ) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`expected ${count} × ${pattern}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a stream, calls `signal` once its first event has arrived, and returns the whole body read after it. */
async function streamAcrossSignal(url: string, signal: () => Promise<void> | void): Promise<string> {
  const response = await fetch(`${url}/endpoints/slow/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: PROMPT, stream: true }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let body = Buffer.from((await reader.read()).value!).toString();
  await signal();
  for (let part = await reader.read(); !part.done; part = await reader.read()) body += Buffer.from(part.value).toString();
  return body;
}

function lastLogLine(run: CliRun): Record<string, unknown> {
  return JSON.parse(run.output().trim().split('\n').at(-1)!) as Record<string, unknown>;
}

function expectWholeStream(body: string): void {
  const events = parseSse(body);
  expect(events.filter((event) => event.event === 'error')).toEqual([]);
  expect(events.at(-1)!.data).toBe('[DONE]');
  expect(events.map((event) => event.data).join('')).toContain('word19');
}

test('a second signal during the drain (SIGINT, then SIGTERM) is logged and the in-flight stream still finishes; exit 0', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port)]);
  await waitForHealth(url, run);
  const body = await streamAcrossSignal(url, async () => {
    run.child.kill('SIGINT');
    await waitForOutput(run, /shutting down: finishing in-flight requests/g, 1);
    run.child.kill('SIGTERM');
    await waitForOutput(run, /already shutting down on SIGINT; SIGTERM changes nothing/g, 1);
  });
  expectWholeStream(body);
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  expect(lastLogLine(run)).toMatchObject({ signal: 'SIGINT', requests_ended: 0, msg: 'shut down: every request finished; exiting 0' });
});

test('with --workers 2, SIGTERM to the whole process group (systemd, Ctrl+C) lets the in-flight stream finish; exit 0', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2'], {}, { detached: true });
  await waitForHealth(url, run);
  await waitForOutput(run, /gateway listening/g, 2);
  // Each worker gets the group's SIGTERM and the primary's.
  const body = await streamAcrossSignal(url, () => void process.kill(-run.child.pid!, 'SIGTERM'));
  expectWholeStream(body);
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  expect(run.output()).toMatch(/already shutting down on SIGTERM; SIGTERM changes nothing/);
  // Each worker says how its drain ended, then the primary that it exits.
  expect(run.output().match(/"msg":"shut down: every request finished; exiting 0"/g)).toHaveLength(2);
  expect(lastLogLine(run)).toMatchObject({ exit_code: 0, msg: 'shut down: every worker has exited; exiting 0' });
});

/** A config whose plugin module takes long to load (an ES module awaiting at its top level): the start-up is held there. */
function slowStartConfig(): string {
  const project = createProject();
  installProviderPackage(project, {
    packageName: 'slow-plugin',
    provider: 'slow',
    manifest: { type: 'module' },
    source: "process.stdout.write('slow plugin loading\\n');\nawait new Promise((resolve) => setTimeout(resolve, 60_000));\nexport default {};\n",
  });
  const slowConfig = join(project, 'config.yaml');
  writeFileSync(slowConfig, 'plugins: [slow-plugin]\nendpoints:\n  - { name: a, endpoint_type: llm/v1/chat, model: { provider: slow } }\n');
  return slowConfig;
}

test('a stop signal while the config still loads ends the process at once with a log line (as PID 1 in a container, an unhandled SIGTERM would be ignored)', async () => {
  const run = runCli(['--config-path', slowStartConfig(), '--port', String(await freePort())]);
  await waitForOutput(run, /slow plugin loading/g, 1);
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(143);
  expect(lastLogLine(run)).toMatchObject({ level: 30, signal: 'SIGTERM', msg: 'SIGTERM before the gateway was serving; exiting' });
});

test("a plugin's own SIGTERM handler (a telemetry flush) still runs when the gateway drains: only the entry point's start-up handlers are replaced", async () => {
  const project = createProject();
  const source = `process.on('SIGTERM', () => process.stdout.write('plugin flushed on SIGTERM\\n'));\n${chatAdapterSource('hi')}`;
  installProviderPackage(project, { packageName: 'flushing-plugin', provider: 'flushing', source });
  const pluginConfig = join(project, 'config.yaml');
  writeFileSync(pluginConfig, 'plugins: [flushing-plugin]\nendpoints:\n  - { name: a, endpoint_type: llm/v1/chat, model: { provider: flushing } }\n');
  const port = await freePort();
  const run = runCli(['--config-path', pluginConfig, '--port', String(port)]);
  await waitForHealth(`http://127.0.0.1:${port}`, run);
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  expect(run.output()).toContain('plugin flushed on SIGTERM');
});

test('LOG_LEVEL=WARN (any case, as the logger reads it) keeps the start-up stop quiet too', async () => {
  const run = runCli(['--config-path', slowStartConfig(), '--port', String(await freePort())], { LOG_LEVEL: 'WARN' });
  await waitForOutput(run, /slow plugin loading/g, 1);
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(143);
  expect(run.output()).toBe('slow plugin loading\n');
});
