/**
 * The CLI as users start it: config errors, flags and environment variables refused, the config path
 * from the environment, the port, host and log level it serves with, a provider key never logged.
 * (Shutdown, signals and workers dying: cli-shutdown.test.ts.) Every run is started side by side
 * before the tests, in their order; a test awaits its run's exit, or its start, and goes on with it.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, runCli, runCliToExit, serving, waitForOutput, type CliRun } from '../support/cli';
import { configFolder, SLOW_CONFIG } from '../support/cli-configs';
import { BUILD_PROBLEMS, BUILD_PROBLEM_ISSUES, FOUR_PROBLEMS, FOUR_PROBLEM_ISSUES } from '../support/config-problems';
import { startSideBySideByName } from '../support/side-by-side';
import { SIDE_BY_SIDE_TEST_MS, WORKERS_SIDE_BY_SIDE_TEST_MS } from '../support/timeouts';

// Every test awaits a run started side by side: a start that never ends fails with its own message
// (after its budget, which counts the runs beside it), not with jest's timeout.
jest.setTimeout(SIDE_BY_SIDE_TEST_MS);

const { directory, writeConfig } = configFolder('gateway-cli-start-');

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';

const PROVIDER_KEY = 'sk-live-LOGGED-NEVER-0123456789';

/** The CLI with `args` run until it exits, as one of the runs side by side below. */
const exitOf = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliToExit(args, env, { sideBySide: true });

/** The gateway's 'gateway listening on' log line, once it is written (within as long as its start may take). */
async function listeningLine(run: CliRun): Promise<{ port: number; msg: string }> {
  const listening = () => run.output().split('\n').find((text) => text.includes('gateway listening on'));
  await waitForOutput(run, () => listening() !== undefined, 'the gateway listening', run.startMs);
  return JSON.parse(listening()!) as { port: number; msg: string };
}

/** The CLI with `args` once it logged where it listens: its run and that line. */
async function listening(args: string[]): Promise<{ run: CliRun; line: { port: number; msg: string } }> {
  const run = runCli(args, {}, { sideBySide: true });
  return { run, line: await listeningLine(run) };
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
 * Every run, side by side in the order of the tests (the one with --workers, the longest, first):
 * each test's run has started by the time the test awaits it, and a test's timeout is its run's
 * budget (which counts the runs beside it) and 20 s more. A flag refused before any config is read
 * still comes after every module has loaded, most of a start, so it gets a start's budget too.
 */
function startRuns() {
  return startSideBySideByName({
    workersOnATakenPort,
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
    unknownLogLevel: () => exitOf(['--config-path', writeConfig('unknown-log-level.yaml', SLOW_CONFIG), '--port', '0'], { LOG_LEVEL: 'verbose' }),
    configFallback: () =>
      serving((port) => ['--port', String(port)], { AI_GATEWAY_CONFIG: '', MLFLOW_GATEWAY_CONFIG: writeConfig('fallback.yaml', SLOW_CONFIG), MLFLOW_DEPLOYMENTS_CONFIG: join(directory, 'mlflow-2-absent.yaml') }),
    portZero: () => listening(['--port', '0', '--config-path', writeConfig('port-zero.yaml', SLOW_CONFIG)]),
    keyedUpstreamDown: () =>
      serving(
        (port) => [
          '--config-path',
          writeConfig('keyed.yaml', `
endpoints:
  - name: down
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $PROVIDER_KEY, openai_api_base: "http://127.0.0.1:9/v1" }
`),
          '--port',
          String(port),
        ],
        { PROVIDER_KEY, LOG_LEVEL: 'debug' },
      ),
    emptyLogLevel: () => serving((port) => ['--config-path', writeConfig('log-level.yaml', SLOW_CONFIG), '--port', String(port)], { LOG_LEVEL: '' }),
    ipv6: () => listening(['--host', '::1', '--port', '0', '--config-path', writeConfig('ipv6.yaml', SLOW_CONFIG)]),
  });
}

describe('runs side by side', () => {
  let runs: ReturnType<typeof startRuns>;
  beforeAll(() => {
    runs = startRuns();
  });
  // A test left out (jest -t) leaves its run going: it ends, or starts serving and is then killed
  // with the leftovers (test/support/cli.ts), before the file does; no run starts after that.
  afterAll(() => Promise.allSettled(Object.values(runs)), WORKERS_SIDE_BY_SIDE_TEST_MS);

  test('with --workers 2 a port already in use stops the gateway with exit 1, as one process does, instead of forking workers for ever', async () => {
    const { code, output } = await runs.workersOnATakenPort;
    expect(code).toBe(1);
    expect(output).toContain('EADDRINUSE');
    expect(output).not.toContain('worker exited; starting a new one');
  }, WORKERS_SIDE_BY_SIDE_TEST_MS);

  test('a bad config exits 2 naming the file and the YAML path of each problem', async () => {
    const { code, output } = await runs.badConfig;
    expect(code).toBe(2);
    expect(output).toContain(join(directory, 'bad.yaml'));
    expect(output).toContain('endpoints[1].model.provider');
    expect(output).toContain('endpoints[2].name');
  });

  test('a config with problems in several stages (unset $ENV, schema, server:, auth:) exits 2 listing all of them at once, each once', async () => {
    const { code, output } = await runs.manyProblems;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'many-problems.yaml')}:`);
    for (const issue of FOUR_PROBLEM_ISSUES) {
      expect(output.split(`${issue.path}: `)).toHaveLength(2);
    }
    const positions = FOUR_PROBLEM_ISSUES.map((issue) => output.indexOf(`${issue.path}: `));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('what the providers refuse when their endpoints are built (a Bedrock chat model for embeddings, URL credentials, model.name) exits 2 with the server: and schema problems, at once', async () => {
    const { code, output } = await runs.buildProblems;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'build-problems.yaml')}:`);
    expect(output).toContain("endpoints[0].model: endpoint 'palmyra': model 'writer.palmyra-x5-v1:0' (Writer Palmyra) cannot serve llm/v1/embeddings on Amazon Bedrock");
    expect(output).not.toContain('s3cret-URL-password');
    const positions = BUILD_PROBLEM_ISSUES.map((issue) => output.indexOf(`${issue.path}: `));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('a reasoning_effort default no request could use exits 2 naming the file, its YAML path and the message a request would get', async () => {
    const { code, output } = await runs.badEffortDefault;
    expect(code).toBe(2);
    expect(output).toContain(`Invalid gateway configuration in ${join(directory, 'bad-effort-default.yaml')}:`);
    expect(output).toContain("endpoints[1].model.config.reasoning_effort: endpoint 'gemini-3': reasoning_effort: Gemini 3 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'.");
    expect(output).toContain("endpoints[2].model.config.reasoning_effort: endpoint 'claude-completions': The parameter 'reasoning_effort' is not supported by Anthropic completions.");
  });

  test('a missing config file exits 2', async () => {
    const { code, output } = await runs.missingConfig;
    expect(code).toBe(2);
    expect(output).toContain('absent.yaml');
  });

  test('no config path at all exits 2 with the usage', async () => {
    const { code, output } = await runs.noConfigPath;
    expect(code).toBe(2);
    expect(output).toContain('--config-path is required');
  });

  test.each([
    ['70000', "--port must be at most 65535, got '70000'", 'portTooLarge'],
    ['', "--port must be a whole number, got ''", 'portEmpty'],
  ] as const)('a port the system cannot listen on (%p) exits 2 with the usage, before any config is read', async (_port, message, name) => {
    const { code, output } = await runs[name];
    expect(code).toBe(2);
    expect(output).toBe(`${message}\n${USAGE}\n`);
  });

  test('an empty --host (a script passing an unset variable) exits 2 rather than listening on every interface', async () => {
    const { code, output } = await runs.emptyHost;
    expect(code).toBe(2);
    expect(output).toBe(`--host must not be empty (127.0.0.1 by default, 0.0.0.0 for every interface)\n${USAGE}\n`);
  });

  test('an unknown LOG_LEVEL exits 2 naming the levels, not with a stack trace', async () => {
    const { code, output } = await runs.unknownLogLevel;
    expect(code).toBe(2);
    expect(output).toBe("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'\n");
  });

  test('an empty AI_GATEWAY_CONFIG counts as not set (as click reads MLflow\'s variables): MLFLOW_GATEWAY_CONFIG is used, before a MLFLOW_DEPLOYMENTS_CONFIG left from MLflow 2.x', async () => {
    const { run, url } = await runs.configFallback;
    try {
      const answer = await fetch(`${url}/endpoints/slow/invocations`, { method: 'POST', body: JSON.stringify({ prompt: 'hi' }) });
      expect(answer.status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  test('--port 0 listens on a free port and logs the one it got', async () => {
    const { run, line } = await runs.portZero;
    try {
      expect(line.port).toBeGreaterThan(0);
      expect(line.msg).toBe(`gateway listening on http://127.0.0.1:${line.port}`);
      expect((await fetch(`http://127.0.0.1:${line.port}/health`)).status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  test('logs never show a provider key, even when its upstream fails', async () => {
    const { run, url } = await runs.keyedUpstreamDown;
    const response = await fetch(`${url}/endpoints/down/invocations`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }) });
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(PROVIDER_KEY);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('upstream failure');
    expect(run.output()).not.toContain(PROVIDER_KEY);
  });

  test("an empty LOG_LEVEL counts as not set (info), as an empty config variable does", async () => {
    const { run } = await runs.emptyLogLevel;
    try {
      expect(run.output()).toContain('"level":30');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  test('--host with an IPv6 address logs a URL that can be opened (the address in brackets)', async () => {
    const { run, line } = await runs.ipv6;
    try {
      expect(line.msg).toBe(`gateway listening on http://[::1]:${line.port}`);
      expect((await fetch(`http://[::1]:${line.port}/health`)).status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });
});
