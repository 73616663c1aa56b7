/**
 * The CLI as users start it: config errors, env fallback, workers, graceful shutdown. The runs that
 * need nothing from a test while they go run side by side; the others one at a time after them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, runCliToExit, waitForHealth, waitForOutput, type CliRun } from '../support/cli';
import { BUILD_PROBLEMS, BUILD_PROBLEM_ISSUES, FOUR_PROBLEMS, FOUR_PROBLEM_ISSUES } from '../support/config-problems';
import { parseSse } from '../support/gateway';
import { heldEndpoint, startHeldUpstream } from '../support/held-upstream';
import { SIDE_BY_SIDE, startSideBySideByName } from '../support/side-by-side';
import { SIDE_BY_SIDE_TEST_MS, SOON_MS, within, WORKERS_SIDE_BY_SIDE_TEST_MS, WORKERS_TEST_MS } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-cli-'));

function writeConfig(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

const SLOW_CONFIG = `
endpoints:
  - name: slow
    endpoint_type: llm/v1/completions
    model:
      provider: mock
      config: { latency_ms: 150 }
`;

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';

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

/** The CLI with `args` run until it exits, as one of the runs side by side below. */
const exitOf = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliToExit(args, env, { sideBySide: true });

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
  return { exits: seen, primaryPid: run.child.pid, code: await within(run.exited, run.startMs, 'the gateway exiting') };
}

/** The CLI with --workers 2 on a port another server holds, until it exits. */
async function workersOnATakenPort() {
  const taken = createServer();
  const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
  try {
    return await exitOf(['--config-path', writeConfig('port-taken.yaml', SLOW_CONFIG), '--port', String(port), '--workers', '2']);
  } finally {
    taken.close();
  }
}

/**
 * The runs that need nothing from a test while they run (their own config file and port), started
 * side by side in the order written: the two that mostly wait (on a worker's slow start, on
 * server.shutdown_timeout) first, so the short ones share the time. The tests below are in the same
 * order, so each one's run has started by the time the test awaits it: a test's timeout is its
 * run's budget (which counts the runs beside it) and 20 s more, so a start that never ends fails
 * with its own message. A flag refused before any config is read still comes after every module
 * has loaded, most of a start, so it gets a start's budget too.
 */
function startIndependentRuns() {
  return startSideBySideByName({
    slowDyingWorkers: () => workerExits('slow-dying', SLOW_DYING_WORKERS_HOOK, 2),
    shutdown: () => shutdownWithRequestsInFlight(),
    dyingWorkers: () => workerExits('dying', DYING_WORKERS_HOOK, 4),
    badConfig: () =>
      exitOf(['--config-path', writeConfig('bad.yaml', `
endpoints:
  - name: good
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: bad
    endpoint_type: llm/v1/chat
    model: { provider: no-such-provider }
  - name: bad two
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`)]),
    manyProblems: () => exitOf(['--config-path', writeConfig('many-problems.yaml', FOUR_PROBLEMS)]),
    buildProblems: () => exitOf(['--config-path', writeConfig('build-problems.yaml', BUILD_PROBLEMS)]),
    badEffortDefault: () =>
      exitOf(['--config-path', writeConfig('bad-effort-default.yaml', `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: gemini-3
    endpoint_type: llm/v1/chat
    model:
      provider: gemini
      name: gemini-3-pro
      config: { gemini_api_key: gm-test, reasoning_effort: none }
  - name: claude-completions
    endpoint_type: llm/v1/completions
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, reasoning_effort: medium }
`)]),
    missingConfig: () => exitOf(['--config-path', join(directory, 'absent.yaml')]),
    noConfigPath: () => exitOf([]),
    portTooLarge: () => exitOf(['--config-path', writeConfig('port-too-large.yaml', SLOW_CONFIG), '--port', '70000']),
    portEmpty: () => exitOf(['--config-path', writeConfig('port-empty.yaml', SLOW_CONFIG), '--port', '']),
    emptyHost: async () => exitOf(['--config-path', writeConfig('host.yaml', SLOW_CONFIG), '--host', '', '--port', String(await freePort())]),
    workersOnATakenPort,
    unknownLogLevel: () => exitOf(['--config-path', writeConfig('unknown-log-level.yaml', SLOW_CONFIG), '--port', '0'], { LOG_LEVEL: 'verbose' }),
  });
}

describe('runs side by side', () => {
  let runs: ReturnType<typeof startIndependentRuns>;
  beforeAll(() => {
    runs = startIndependentRuns();
  });
  // A test left out (jest -t) leaves its run going: it ends before the tests run one at a time begin.
  afterAll(() => Promise.allSettled(Object.values(runs)), WORKER_EXITS_TEST_MS);

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
    const { exits, primaryPid, code } = await runs.dyingWorkers;
    // Each exit doubles the wait before the next worker (both workers die at once, then one by one).
    expect(exits.slice(0, 4).map((exit) => exit.restart_in_ms)).toEqual([250, 500, 1000, 2000]);
    expect(exits.every((exit) => exit.worker_pid !== primaryPid)).toBe(true);
    expect(code).toBe(0);
  }, WORKER_EXITS_TEST_MS);

  test('a bad config exits 2 naming the file and the YAML path of each problem', async () => {
    const { code, output } = await runs.badConfig;
    expect(code).toBe(2);
    expect(output).toContain(join(directory, 'bad.yaml'));
    expect(output).toContain('endpoints[1].model.provider');
    expect(output).toContain('endpoints[2].name');
  }, SIDE_BY_SIDE_TEST_MS);

  test('a config with problems in several stages (unset $ENV, schema, server:, auth:) exits 2 listing all of them at once, each once', async () => {
    const { code, output } = await runs.manyProblems;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'many-problems.yaml')}:`);
    for (const issue of FOUR_PROBLEM_ISSUES) {
      expect(output.split(`${issue.path}: `)).toHaveLength(2);
    }
    const positions = FOUR_PROBLEM_ISSUES.map((issue) => output.indexOf(`${issue.path}: `));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, SIDE_BY_SIDE_TEST_MS);

  test('what the providers refuse when their endpoints are built (a Bedrock chat model for embeddings, URL credentials, model.name) exits 2 with the server: and schema problems, at once', async () => {
    const { code, output } = await runs.buildProblems;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'build-problems.yaml')}:`);
    expect(output).toContain("endpoints[0].model: endpoint 'palmyra': model 'writer.palmyra-x5-v1:0' (Writer Palmyra) cannot serve llm/v1/embeddings on Amazon Bedrock");
    expect(output).not.toContain('s3cret-URL-password');
    const positions = BUILD_PROBLEM_ISSUES.map((issue) => output.indexOf(`${issue.path}: `));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, SIDE_BY_SIDE_TEST_MS);

  test('a reasoning_effort default no request could use exits 2 naming the file, its YAML path and the message a request would get', async () => {
    const { code, output } = await runs.badEffortDefault;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'bad-effort-default.yaml')}:`);
    expect(output).toContain("endpoints[1].model.config.reasoning_effort: endpoint 'gemini-3': reasoning_effort: Gemini 3 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'.");
    expect(output).toContain("endpoints[2].model.config.reasoning_effort: endpoint 'claude-completions': The parameter 'reasoning_effort' is not supported by Anthropic completions.");
  }, SIDE_BY_SIDE_TEST_MS);

  test('a missing config file exits 2', async () => {
    const { code, output } = await runs.missingConfig;
    expect(code).toBe(2);
    expect(output).toContain('absent.yaml');
  }, SIDE_BY_SIDE_TEST_MS);

  test('no config path at all exits 2 with the usage', async () => {
    const { code, output } = await runs.noConfigPath;
    expect(code).toBe(2);
    expect(output).toContain('--config-path is required');
  }, SIDE_BY_SIDE_TEST_MS);

  test.each([
    ['70000', "--port must be at most 65535, got '70000'", 'portTooLarge'],
    ['', "--port must be a whole number, got ''", 'portEmpty'],
  ] as const)('a port the system cannot listen on (%p) exits 2 with the usage, before any config is read', async (_port, message, name) => {
    const { code, output } = await runs[name];
    expect(code).toBe(2);
    expect(output).toBe(`${message}\n${USAGE}\n`);
  }, SIDE_BY_SIDE_TEST_MS);

  test('an empty --host (a script passing an unset variable) exits 2 rather than listening on every interface', async () => {
    const { code, output } = await runs.emptyHost;
    expect(code).toBe(2);
    expect(output).toBe(`--host must not be empty (127.0.0.1 by default, 0.0.0.0 for every interface)\n${USAGE}\n`);
  }, SIDE_BY_SIDE_TEST_MS);

  test('with --workers 2 a port already in use stops the gateway with exit 1, as one process does, instead of forking workers for ever', async () => {
    const { code, output } = await runs.workersOnATakenPort;
    expect(code).toBe(1);
    expect(output).toContain('EADDRINUSE');
    expect(output).not.toContain('worker exited; starting a new one');
  }, WORKERS_SIDE_BY_SIDE_TEST_MS);

  test('an unknown LOG_LEVEL exits 2 naming the levels, not with a stack trace', async () => {
    const { code, output } = await runs.unknownLogLevel;
    expect(code).toBe(2);
    expect(output).toBe("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'\n");
  }, SIDE_BY_SIDE_TEST_MS);
});

test('an empty AI_GATEWAY_CONFIG counts as not set (as click reads MLflow\'s variables): MLFLOW_GATEWAY_CONFIG is used, before a MLFLOW_DEPLOYMENTS_CONFIG left from MLflow 2.x', async () => {
  const port = await freePort();
  const leftOver = join(directory, 'mlflow-2-absent.yaml');
  const run = runCli(['--port', String(port)], { AI_GATEWAY_CONFIG: '', MLFLOW_GATEWAY_CONFIG: writeConfig('fallback.yaml', SLOW_CONFIG), MLFLOW_DEPLOYMENTS_CONFIG: leftOver });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, run);
    const answer = await fetch(`http://127.0.0.1:${port}/endpoints/slow/invocations`, { method: 'POST', body: JSON.stringify({ prompt: 'hi' }) });
    expect(answer.status).toBe(200);
  } finally {
    run.child.kill('SIGTERM');
  }
  expect(await run.exited).toBe(0);
});

/** The gateway's 'gateway listening on' log line, once it is written (within as long as its start may take). */
async function listeningLine(run: CliRun): Promise<{ port: number; msg: string }> {
  const listening = () => run.output().split('\n').find((text) => text.includes('gateway listening on'));
  await waitForOutput(run, () => listening() !== undefined, 'the gateway listening', run.startMs);
  return JSON.parse(listening()!) as { port: number; msg: string };
}

test('--port 0 listens on a free port and logs the one it got', async () => {
  const run = runCli(['--port', '0', '--config-path', writeConfig('port-zero.yaml', SLOW_CONFIG)]);
  try {
    const line = await listeningLine(run);
    expect(line.port).toBeGreaterThan(0);
    expect(line.msg).toBe(`gateway listening on http://127.0.0.1:${line.port}`);
    expect((await fetch(`http://127.0.0.1:${line.port}/health`)).status).toBe(200);
  } finally {
    run.child.kill('SIGTERM');
  }
  expect(await run.exited).toBe(0);
});

test('SIGTERM to `npm start` (what a container runtime signals) reaches the gateway: it drains and npm exits 0', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // --ignore-scripts skips the prestart build (dist/ is built already); detached: the group is killed whatever happens.
  const npm = spawn('npm', ['start', '--ignore-scripts', '--', '--config-path', writeConfig('npm.yaml', SLOW_CONFIG), '--port', String(port)], {
    cwd: join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  npm.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  npm.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  try {
    await waitForOutput({ child: npm, output: () => output, exited }, (text) => text.includes('gateway listening on'), 'the gateway listening', 30_000);
    npm.kill('SIGTERM');
    expect(await within(exited, 10_000, 'npm exiting')).toBe(0);
    expect(output).toContain('"signal":"SIGTERM"');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  } finally {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // the whole group has exited
    }
  }
});

test('config path from AI_GATEWAY_CONFIG; SIGTERM lets an in-flight stream finish, then exits 0', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--port', String(port)], { AI_GATEWAY_CONFIG: writeConfig('slow.yaml', SLOW_CONFIG) });
  await waitForHealth(url, run);
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
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--port', String(port), '--workers', '2'], { MLFLOW_DEPLOYMENTS_CONFIG: writeConfig('workers.yaml', SLOW_CONFIG) });
  await waitForHealth(url, run);
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
}, WORKERS_TEST_MS);

test('logs never show a provider key, even when its upstream fails', async () => {
  const key = 'sk-live-LOGGED-NEVER-0123456789';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const path = writeConfig('keyed.yaml', `
endpoints:
  - name: down
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $PROVIDER_KEY, openai_api_base: "http://127.0.0.1:9/v1" }
`);
  const run = runCli(['--config-path', path, '--port', String(port)], { PROVIDER_KEY: key, LOG_LEVEL: 'debug' });
  await waitForHealth(url, run);
  const response = await fetch(`${url}/endpoints/down/invocations`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }) });
  expect(response.status).toBe(502);
  expect(await response.text()).not.toContain(key);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.output()).toContain('upstream failure');
  expect(run.output()).not.toContain(key);
});

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

test("Node's warnings and a crash are JSON log lines, not text on stderr; the crash still exits 1", async () => {
  const hook = join(directory, 'process-events-hook.js');
  writeFileSync(hook, PROCESS_EVENTS_HOOK);
  const port = await freePort();
  const run = runCli(['--config-path', writeConfig('events.yaml', SLOW_CONFIG), '--port', String(port)], { NODE_OPTIONS: `--require ${hook}` });
  let stdout = '';
  let stderr = '';
  run.child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  run.child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  await waitForHealth(`http://127.0.0.1:${port}`, run);
  run.child.kill('SIGUSR2');
  expect(await run.exited).toBe(1);
  expect(stderr).toBe('');
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: number; msg: string; warning?: unknown; err?: { message: string; stack: string }; origin?: string });
  expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'a dependency says something', warning: { name: 'ExampleWarning', code: 'EXAMPLE_1' } }));
  const fatal = lines.find((line) => line.level === 60);
  expect(fatal).toMatchObject({ msg: 'the gateway stopped on an unexpected error', origin: 'uncaughtException', err: { message: 'boom from a test hook' } });
  expect(fatal!.err!.stack).toContain('process-events-hook.js');
});

test("an empty LOG_LEVEL counts as not set (info), as an empty config variable does", async () => {
  const port = await freePort();
  const run = runCli(['--config-path', writeConfig('log-level.yaml', SLOW_CONFIG), '--port', String(port)], { LOG_LEVEL: '' });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, run);
    expect(run.output()).toContain('"level":30');
  } finally {
    run.child.kill('SIGTERM');
  }
  expect(await run.exited).toBe(0);
});

test('--host with an IPv6 address logs a URL that can be opened (the address in brackets)', async () => {
  const run = runCli(['--host', '::1', '--port', '0', '--config-path', writeConfig('ipv6.yaml', SLOW_CONFIG)]);
  try {
    const line = await listeningLine(run);
    expect(line.msg).toBe(`gateway listening on http://[::1]:${line.port}`);
    expect((await fetch(`http://[::1]:${line.port}/health`)).status).toBe(200);
  } finally {
    run.child.kill('SIGTERM');
  }
  expect(await run.exited).toBe(0);
});
