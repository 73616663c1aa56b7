/** Spawns the built CLI (`node dist/src/main.js`) as a user would start it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CLI_START_MS, CLI_START_SIDE_BY_SIDE_MS, within, WORKERS_START_MS, WORKERS_START_SIDE_BY_SIDE_MS } from './timeouts';

export const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface CliRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** How long its start may take on a loaded machine: longer with --workers, and beside other runs. */
  startMs: number;
}

export interface RunOptions {
  /**
   * The gateway leads a process group of its own (with its workers), which a test signals whole as
   * a terminal's Ctrl+C or systemd does: `process.kill(-run.child.pid!, signal)`.
   */
  detached?: boolean;
  /** The directory the gateway is started from (default: the test's). */
  cwd?: string;
  /** One of the runs a file starts side by side (test/support/side-by-side.ts), which share the CPU. */
  sideBySide?: boolean;
}

function startMsOf(args: string[], sideBySide = false): number {
  if (args.includes('--workers')) return sideBySide ? WORKERS_START_SIDE_BY_SIDE_MS : WORKERS_START_MS;
  return sideBySide ? CLI_START_SIDE_BY_SIDE_MS : CLI_START_MS;
}

/** Runs not yet exited: a test whose assertions fail before it stops its gateway leaves one. */
const running = new Set<CliRun>();

// Registered by every test file that starts the CLI, when it imports this module: so it runs after
// the afterAll hooks of the file's describe blocks (which may stop runs their tests share) and before
// the file's own top-level ones. A leftover gateway (its workers exit with it) would keep jest from exiting.
afterAll(async () => {
  const leftovers = [...running];
  for (const run of leftovers) run.child.kill('SIGKILL');
  await Promise.all(leftovers.map((run) => run.exited));
});

/** Starts the CLI as a user would, collecting what it prints. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: RunOptions = {}): CliRun {
  const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached, cwd: options.cwd });
  let output = '';
  child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const run = { child, output: () => output, exited, startMs: startMsOf(args, options.sideBySide) };
  running.add(run);
  void exited.then(() => running.delete(run));
  return run;
}

/** What a run that ends by itself printed, and its exit code. */
export interface CliExit {
  code: number | null;
  output: string;
}

/**
 * Runs the CLI until it exits by itself within as long as its start may take (a refusal comes at
 * the end of one, after every module has loaded); past that it is killed and this rejects with its output.
 */
export async function runCliToExit(args: string[], env: NodeJS.ProcessEnv = {}, options: RunOptions = {}): Promise<CliExit> {
  const run = runCli(args, env, options);
  try {
    return { code: await within(run.exited, run.startMs, 'the gateway exiting'), output: run.output() };
  } catch (error) {
    throw new Error(`${(error as Error).message}:\n${run.output()}`);
  } finally {
    run.child.kill('SIGKILL');
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once the run's output (stdout and stderr) satisfies `done`, checked as each chunk arrives;
 * rejects naming `what`, with the output, when the process exits first or `timeoutMs` passes.
 */
export function waitForOutput(run: Omit<CliRun, 'startMs'>, done: (output: string) => boolean, what: string, timeoutMs: number): Promise<void> {
  const { stdout, stderr } = run.child;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stdout!.off('data', check);
      stderr!.off('data', check);
      run.child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    // Registered after runCli's own listeners: the chunk is in run.output() already.
    const check = () => {
      if (done(run.output())) finish();
    };
    const onExit = () => finish(new Error(`the gateway exited before ${what}:\n${run.output()}`));
    const timer = setTimeout(() => finish(new Error(`${what} did not happen within ${timeoutMs} ms:\n${run.output()}`)), timeoutMs);
    stdout!.on('data', check);
    stderr!.on('data', check);
    run.child.once('exit', onExit);
    if (done(run.output())) finish();
    else if (run.child.exitCode !== null || run.child.signalCode !== null) onExit();
  });
}

/**
 * Another process may have answered: freePort's port, given up before the gateway binds it, can be
 * handed out again (to a gateway started side by side, or as a connection's own port), and the run
 * that finds it taken exits only after the other answered. The answer counts once the run says it listens.
 */
async function ownListeningLine(run: CliRun, deadline: number): Promise<void> {
  await waitForOutput(run, (output) => output.includes('gateway listening on '), "its own 'gateway listening' line after /health answered", Math.max(1, deadline - Date.now()));
}

/**
 * Polls until `/health` answers 200; rejects with the gateway's output when the process exits first
 * or `timeoutMs` (by default as long as its start may take) passes. Tests that start --workers need
 * a jest timeout beyond that wait (WORKERS_TEST_MS), or jest's fires first without the output.
 */
export async function waitForHealth(url: string, run: CliRun, timeoutMs = run.startMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`the gateway exited (${run.child.exitCode ?? run.child.signalCode}) before /health answered:\n${run.output()}`);
    try {
      // Bounded too: a gateway that accepts the connection but never answers must not outlast the wait.
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      if (response.ok) return await ownListeningLine(run, deadline);
      last = `status ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      last = (error as Error).cause ? String((error as Error).cause) : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not answer /health with 200 within ${timeoutMs} ms (last: ${last}):\n${run.output()}`);
}

/**
 * The CLI with the arguments given its port, and `env`, started beside others (the side-by-side
 * budget), once it answers /health: its test goes on with it.
 */
export async function serving(args: (port: number) => string[], env: NodeJS.ProcessEnv = {}): Promise<{ run: CliRun; url: string }> {
  const port = await freePort();
  const run = runCli(args(port), env, { sideBySide: true });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, run);
  return { run, url };
}
