/**
 * One stop, several signals: Ctrl+C and systemd (KillMode=control-group) signal every process of the
 * group, and npm or the --workers primary passes the signal on as well, so a gateway process often
 * gets SIGINT or SIGTERM twice. The drain must go on to its end, not stop at the second signal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, waitForOutput, type CliRun } from '../support/cli';
import { parseSse } from '../support/gateway';
import { HELD_STREAM_LAST_WORD, heldEndpoint, startHeldUpstream, type HeldUpstream } from '../support/held-upstream';
import { waitForMatches } from '../support/output-matches';
import { chatAdapterSource, createProject, installProviderPackage } from '../support/plugin-packages';
import { SOON_MS, within } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-signals-'));

/** A config whose endpoint `held` streams from `held`, which holds the stream after its first word until the test releases it. */
let configs = 0;
function heldConfig(held: HeldUpstream): string {
  configs += 1;
  const path = join(directory, `held-${configs}.yaml`);
  writeFileSync(path, `endpoints:${heldEndpoint('held', held.upstream.url)}\n`);
  return path;
}

/**
 * Starts a stream, calls `signal` once its first word has arrived, then lets its upstream send the
 * rest, and returns the whole body: the stream is in flight whatever time the signals take.
 */
async function streamAcrossSignal(url: string, held: HeldUpstream, signal: () => Promise<void>): Promise<string> {
  const response = await fetch(`${url}/endpoints/held/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'stream' }], stream: true }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let body = Buffer.from((await reader.read()).value!).toString();
  await signal();
  held.release('stream');
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
  expect(events.map((event) => event.data).join('')).toContain(HELD_STREAM_LAST_WORD);
}

let held: HeldUpstream;
beforeEach(async () => {
  held = await startHeldUpstream();
});
afterEach(async () => {
  await held.upstream.close();
});

test('a second signal during the drain (SIGINT, then SIGTERM) is logged and the in-flight stream still finishes; exit 0', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', heldConfig(held), '--port', String(port)]);
  await waitForHealth(url, run);
  const body = await streamAcrossSignal(url, held, async () => {
    run.child.kill('SIGINT');
    await waitForMatches(run, /shutting down: finishing in-flight requests/, 1);
    run.child.kill('SIGTERM');
    await waitForMatches(run, /already shutting down on SIGINT; SIGTERM changes nothing/, 1);
  });
  expectWholeStream(body);
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  expect(lastLogLine(run)).toMatchObject({ signal: 'SIGINT', requests_ended: 0, msg: 'shut down: every request finished; exiting 0' });
});

test("with --workers 2, a worker gets the SIGTERM of the whole process group (systemd, Ctrl+C) and the primary's: its in-flight stream finishes; exit 0", async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Debug level logs each request as it arrives, with the pid of the worker that has it.
  const run = runCli(['--config-path', heldConfig(held), '--port', String(port), '--workers', '2'], { LOG_LEVEL: 'debug' });
  // Starting three processes took over 15 s on a loaded machine.
  await waitForMatches(run, /gateway listening/, 2, 60_000);
  const lines = () => run.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { pid: number; msg: string; path?: string });
  const workers = () => lines().filter((line) => line.msg.startsWith('gateway listening')).map((line) => line.pid);
  const streamingWorker = () => lines().find((line) => line.msg === 'request received' && line.path === '/endpoints/held/invocations')?.pid;
  const logged = (pid: number | undefined, start: string) => lines().some((line) => line.pid === pid && line.msg.startsWith(start));
  // The group's signal goes to each process in turn, the workers first: sent at once, a worker's two
  // signals reach it as one when both come before it runs (the kernel keeps one pending SIGTERM).
  const body = await streamAcrossSignal(url, held, async () => {
    for (const pid of workers()) process.kill(pid, 'SIGTERM');
    await waitForOutput(run, () => logged(streamingWorker(), 'shutting down: finishing in-flight requests'), 'the worker with the stream draining', SOON_MS);
    // The primary passes the signal on to the workers.
    run.child.kill('SIGTERM');
    await waitForOutput(run, () => logged(streamingWorker(), 'already shutting down on SIGTERM; SIGTERM changes nothing'), "the primary's SIGTERM reaching the worker with the stream", SOON_MS);
  });
  expectWholeStream(body);
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  // Each worker says how its drain ended, then the primary that it exits.
  expect(run.output().match(/"msg":"shut down: every request finished; exiting 0"/g)).toHaveLength(2);
  expect(lastLogLine(run)).toMatchObject({ exit_code: 0, msg: 'shut down: every worker has exited; exiting 0' });
}, 120_000);

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
  await waitForMatches(run, /slow plugin loading/, 1);
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
  await waitForMatches(run, /slow plugin loading/, 1);
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(143);
  expect(run.output()).toBe('slow plugin loading\n');
});

test('a stop signal that came while start-up kept the event loop busy, still waiting when the CLI takes the signals over, starts the drain rather than being lost', () => {
  // What the CLI does once it serves, with the signal sent during the synchronous work before it.
  const script = `
    const { stopAtOnceUntilServing, handOverStopSignals } = require(${JSON.stringify(join(__dirname, '../../dist/src/stop-before-serving.js'))});
    stopAtOnceUntilServing();
    process.kill(process.pid, 'SIGTERM');
    const busyUntil = Date.now() + 50;
    while (Date.now() < busyUntil);
    handOverStopSignals((signal) => { process.stdout.write('drain on ' + signal); process.exit(0); });
    setTimeout(() => { process.stdout.write('signal lost'); process.exit(3); }, 2_000);
  `;
  expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('drain on SIGTERM');
});
