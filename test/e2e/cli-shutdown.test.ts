/**
 * The CLI's shutdown and signals as users meet them: SIGTERM with requests in flight and
 * server.shutdown_timeout, SIGTERM to `npm start`, a stream finishing after SIGTERM, --workers 2 shut
 * down cleanly, workers that die at start replaced after a growing wait, Node's warnings and a crash
 * as log lines. (Config errors, flags, environment and log level: cli-start.test.ts.) Every run is
 * started side by side before the tests, in their order; a test awaits its run, or its start, and
 * goes on with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, serving, waitForOutput, type CliRun } from '../support/cli';
import { configFolder, SLOW_CONFIG } from '../support/cli-configs';
import { parseSse } from '../support/gateway';
import { heldEndpoint, startHeldUpstream } from '../support/held-upstream';
import { SIDE_BY_SIDE, startSideBySideByName } from '../support/side-by-side';
import { SIDE_BY_SIDE_TEST_MS, SOON_MS, within, WORKERS_SIDE_BY_SIDE_TEST_MS } from '../support/timeouts';

// Every test awaits a run started side by side: a start that never ends fails with its own message
// (after its budget, which counts the runs beside it), not with jest's timeout.
jest.setTimeout(SIDE_BY_SIDE_TEST_MS);

const { directory, writeConfig } = configFolder('gateway-cli-shutdown-');

const SHUTTING_DOWN = 'The gateway is shutting down and this request did not finish within 4 s (server.shutdown_timeout); send it again.';

/** An answer read whole: its status, its Connection header and its body. */
async function answerOf(response: Promise<Response>): Promise<{ status: number; connection: string | null; body: string }> {
  const answer = await response;
  return { status: answer.status, connection: answer.headers.get('connection'), body: await answer.text() };
}

/**
 * A gateway with server.shutdown_timeout 4 s gets SIGTERM while a stream and two requests are in
 * flight (an upstream holds them); one is answered during the shutdown, the others never. What each
 * client got, how long the gateway took to exit after the signal, its exit code and output.
 */
async function shutdownWithRequestsInFlight() {
  // Answers that wait for the test: a stream and a request never answered, and one answered once the shutdown began.
  const { upstream, arrival, release } = await startHeldUpstream();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The shutdown timeout is the time the test has to release the answer sent during the shutdown.
  const config = `endpoints:${heldEndpoint('held', upstream.url)}\nserver: { shutdown_timeout: 4 }\n`;
  const run = runCli(['--config-path', writeConfig('short-shutdown.yaml', config), '--port', String(port)], {}, { sideBySide: true });
  try {
    await waitForHealth(url, run);
    const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const stream = await post('/endpoints/held/invocations', { messages: [{ role: 'user', content: 'stream' }], stream: true });
    const reader = stream.body!.getReader();
    let body = Buffer.from((await reader.read()).value!).toString();
    const waiting = answerOf(post('/v1/chat/completions', { model: 'held', messages: [{ role: 'user', content: 'never answered' }] }));
    const quick = answerOf(post('/v1/chat/completions', { model: 'held', messages: [{ role: 'user', content: 'answered in time' }] }));
    await within(Promise.all([arrival('never answered'), arrival('answered in time')]), SOON_MS, 'both requests reaching the upstream');
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    await waitForOutput(run, (output) => output.includes('shutting down: finishing in-flight requests'), 'the shutdown beginning', SOON_MS);
    release('answered in time');
    for (let part = await reader.read(); !part.done; part = await reader.read()) body += Buffer.from(part.value).toString();
    const answer = await waiting;
    // The held answers would keep a gateway that ignored server.shutdown_timeout for ever.
    const code = await within(run.exited, SOON_MS, 'the gateway exiting');
    return { code, exitedAfterMs: Date.now() - signalled, stream: body, inTime: await quick, answer, output: run.output() };
  } finally {
    await upstream.close();
  }
}

/** Preloaded: every worker dies 100 ms after it starts, before it listens (the primary lives on). */
const DYING_WORKERS_HOOK = `
if (require('node:cluster').isWorker) setTimeout(() => process.exit(3), 100);
`;

/** Preloaded: every worker takes 5.5 s to start (past the 5 s a quick exit is measured in), then dies before it listens. */
const SLOW_DYING_WORKERS_HOOK = `
if (require('node:cluster').isWorker) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_500);
  process.exit(3);
}
`;

/** Starts the CLI with two workers, each preloading `hook`; `exits()` reads the primary's lines about workers it replaces. */
async function runWithWorkersHook(name: string, hook: string) {
  const hookPath = join(directory, `${name}-hook.js`);
  writeFileSync(hookPath, hook);
  const run = runCli(['--config-path', writeConfig(`${name}.yaml`, SLOW_CONFIG), '--port', String(await freePort()), '--workers', '2'], { NODE_OPTIONS: `--require ${hookPath}` }, { sideBySide: true });
  const exits = () =>
    run
      .output()
      .split('\n')
      .filter((line) => line.includes('worker exited; starting a new one'))
      .map((line) => JSON.parse(line) as { worker_pid: number; restart_in_ms: number });
  return { run, exits };
}

/**
 * Worker starts take seconds each on a loaded machine (Node, then the gateway's modules), and these
 * tests wait for several in a row: they wait for the lines they expect, up to a minute for each run
 * sharing the CPU with theirs.
 */
const WORKER_STARTS_MS = 60_000 * SIDE_BY_SIDE;

/** Jest's timeout for a test of worker exits: the exits, then the primary's exit, then the rest. */
const WORKER_EXITS_TEST_MS = WORKER_STARTS_MS + WORKERS_SIDE_BY_SIDE_TEST_MS;

/** Runs two workers preloading `hook` until the primary has replaced `count`, then SIGTERM: the lines about them (as they were then), the primary's pid and its exit code. */
async function workerExits(name: string, hook: string, count: number) {
  const { run, exits } = await runWithWorkersHook(name, hook);
  let seen: ReturnType<typeof exits>;
  try {
    await waitForOutput(run, () => exits().length >= count, `${count} worker exits`, WORKER_STARTS_MS);
    seen = exits();
  } finally {
    run.child.kill('SIGTERM');
  }
  return { exits: seen, primaryPid: run.child.pid, code: await within(run.exited, run.startMs, 'the gateway exiting'), output: run.output() };
}

/** How long `npm start` may take to start the gateway: npm's own start, then the gateway's, among the runs side by side. */
const NPM_START_MS = 30_000 * SIDE_BY_SIDE;

/** The `npm start` run's process group, killed whole once its test is done (or left out). */
let npmGroup: number | undefined;

/** `npm start` as a container runs it, once the gateway it started listens: npm's process and all either printed. */
async function npmStart(): Promise<{ npm: ChildProcess; output: () => string; exited: Promise<number | null>; url: string }> {
  const port = await freePort();
  // --ignore-scripts skips the prestart build (dist/ is built already); detached: the group is killed whatever happens.
  const npm = spawn('npm', ['start', '--ignore-scripts', '--', '--config-path', writeConfig('npm.yaml', SLOW_CONFIG), '--port', String(port)], {
    cwd: join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  npmGroup = npm.pid;
  let output = '';
  npm.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  npm.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  await waitForOutput({ child: npm, output: () => output, exited }, (text) => text.includes('gateway listening on'), 'the gateway listening', NPM_START_MS);
  return { npm, output: () => output, exited, url: `http://127.0.0.1:${port}` };
}

function killNpmGroup(): void {
  try {
    if (npmGroup !== undefined) process.kill(-npmGroup, 'SIGKILL');
  } catch {
    // the whole group has exited
  }
}

/**
 * Preloaded into the gateway: on SIGUSR2 (sent once it serves, so however slow its start) a warning,
 * then an error nobody catches. Node emits the warning on the next tick, before the immediate throws.
 */
const PROCESS_EVENTS_HOOK = `
process.once('SIGUSR2', () => {
  process.emitWarning('a dependency says something', { type: 'ExampleWarning', code: 'EXAMPLE_1' });
  setImmediate(() => { throw new Error('boom from a test hook'); });
});
`;

/** The gateway preloading PROCESS_EVENTS_HOOK, once it serves: what it writes to stdout and to stderr, each apart. */
async function withProcessEventsHook(): Promise<{ run: CliRun; stdout: () => string; stderr: () => string }> {
  const hook = join(directory, 'process-events-hook.js');
  writeFileSync(hook, PROCESS_EVENTS_HOOK);
  const port = await freePort();
  const run = runCli(['--config-path', writeConfig('events.yaml', SLOW_CONFIG), '--port', String(port)], { NODE_OPTIONS: `--require ${hook}` }, { sideBySide: true });
  let stdout = '';
  let stderr = '';
  run.child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  run.child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  await waitForHealth(`http://127.0.0.1:${port}`, run);
  return { run, stdout: () => stdout, stderr: () => stderr };
}

/**
 * Every run, side by side in the order of the tests: the two that mostly wait (on a worker's slow
 * start, on server.shutdown_timeout) first, so the short ones share the time. Each test's run has
 * started by the time the test awaits it: a test's timeout is its run's budget (which counts the
 * runs beside it) and 20 s more, so a start that never ends fails with its own message.
 */
function startRuns() {
  return startSideBySideByName({
    slowDyingWorkers: () => workerExits('slow-dying', SLOW_DYING_WORKERS_HOOK, 2),
    shutdown: () => shutdownWithRequestsInFlight(),
    dyingWorkers: () => workerExits('dying', DYING_WORKERS_HOOK, 4),
    npmStart,
    streamAtSigterm: () => serving((port) => ['--port', String(port)], { AI_GATEWAY_CONFIG: writeConfig('slow.yaml', SLOW_CONFIG) }),
    workers: () => serving((port) => ['--port', String(port), '--workers', '2'], { MLFLOW_DEPLOYMENTS_CONFIG: writeConfig('workers.yaml', SLOW_CONFIG) }),
    processEvents: withProcessEventsHook,
  });
}

describe('runs side by side', () => {
  let runs: ReturnType<typeof startRuns>;
  beforeAll(() => {
    runs = startRuns();
  });
  // A test left out (jest -t) leaves its run going: it ends, or starts serving and is then killed
  // with the leftovers (test/support/cli.ts), before the file does; no run starts after that.
  afterAll(async () => {
    await Promise.allSettled(Object.values(runs));
    killNpmGroup();
  }, WORKER_EXITS_TEST_MS);

  test('a worker whose start takes longer than 5 s (a busy host) and that dies before it listens is replaced after the growing wait too', async () => {
    const { exits, code } = await runs.slowDyingWorkers;
    expect(exits.slice(0, 2).map((exit) => exit.restart_in_ms)).toEqual([250, 500]);
    expect(code).toBe(0);
  }, WORKER_EXITS_TEST_MS);

  test('after SIGTERM answers close their connection; requests still in flight at server.shutdown_timeout end with a 503, streams with an error event; exit 0', async () => {
    const { code, exitedAfterMs, stream, inTime, answer, output } = await runs.shutdown;
    expect(code).toBe(0);
    expect(exitedAfterMs).toBeGreaterThanOrEqual(3_900);

    expect(stream).not.toContain('[DONE]');
    const last = parseSse(stream).at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toMatchObject({ error: { message: SHUTTING_DOWN, code: 'shutting_down' } });
    // Answers sent during the shutdown close their connection, so no client sends another request on it.
    expect(inTime.status).toBe(200);
    expect(inTime.connection).toBe('close');
    expect(answer.status).toBe(503);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { message: SHUTTING_DOWN, code: 'shutting_down', type: 'server_error' } });
    expect(output).toContain('"shutdown_timeout_s":4,"requests":2');
    expect(output).toContain('"requests_ended":2,"msg":"shut down: 2 ended at server.shutdown_timeout; exiting 0"');
  }, SIDE_BY_SIDE_TEST_MS);

  test('workers that keep dying at start are replaced after a growing wait, not in a tight loop; SIGTERM still exits 0', async () => {
    const { exits, primaryPid, code, output } = await runs.dyingWorkers;
    // Each exit doubles the wait before the next worker (both workers die at once, then one by one).
    expect(exits.slice(0, 4).map((exit) => exit.restart_in_ms)).toEqual([250, 500, 1000, 2000]);
    expect(exits.every((exit) => exit.worker_pid !== primaryPid)).toBe(true);
    expect(code).toBe(0);
    // Its last line, though no worker was left to wait for (both waiting to be replaced).
    expect(output).toContain('"msg":"shut down: every worker has exited; exiting 0"');
  }, WORKER_EXITS_TEST_MS);

  test('SIGTERM to `npm start` (what a container runtime signals) reaches the gateway: it drains and npm exits 0', async () => {
    const { npm, output, exited, url } = await runs.npmStart;
    try {
      npm.kill('SIGTERM');
      expect(await within(exited, 10_000, 'npm exiting')).toBe(0);
      expect(output()).toContain('"signal":"SIGTERM"');
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      killNpmGroup();
    }
  }, NPM_START_MS + 20_000);

  test('config path from AI_GATEWAY_CONFIG; SIGTERM lets an in-flight stream finish, then exits 0', async () => {
    const { run, url } = await runs.streamAtSigterm;
    const response = await fetch(`${url}/endpoints/slow/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'one two three four', stream: true }),
    });
    expect(response.status).toBe(200);
    run.child.kill('SIGTERM');
    const body = await response.text();
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  test('MLFLOW_DEPLOYMENTS_CONFIG is accepted too, and --workers 2 serves and shuts down cleanly', async () => {
    const { run, url } = await runs.workers;
    const answers = await Promise.all(
      [1, 2, 3, 4].map(async (index) => {
        const response = await fetch(`${url}/endpoints/slow/invocations`, { method: 'POST', body: JSON.stringify({ prompt: `n${index}` }) });
        return ((await response.json()) as { choices: { text: string }[] }).choices[0].text;
      }),
    );
    expect(answers).toEqual(['Echo: n1', 'Echo: n2', 'Echo: n3', 'Echo: n4']);
    await waitForOutput(run, (output) => (output.match(/gateway listening/g) ?? []).length >= 2, 'both workers listening', run.startMs);
    expect(run.output().match(/gateway listening/g)).toHaveLength(2);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, WORKERS_SIDE_BY_SIDE_TEST_MS);

  test("Node's warnings and a crash are JSON log lines, not text on stderr; the crash still exits 1", async () => {
    const { run, stdout, stderr } = await runs.processEvents;
    run.child.kill('SIGUSR2');
    expect(await run.exited).toBe(1);
    expect(stderr()).toBe('');
    const lines = stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; warning?: unknown; err?: { message: string; stack: string }; origin?: string });
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'a dependency says something', warning: { name: 'ExampleWarning', code: 'EXAMPLE_1' } }));
    const fatal = lines.find((line) => line.level === 60);
    expect(fatal).toMatchObject({ msg: 'the gateway stopped on an unexpected error', origin: 'uncaughtException', err: { message: 'boom from a test hook' } });
    expect(fatal!.err!.stack).toContain('process-events-hook.js');
  });
});
