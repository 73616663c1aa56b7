/**
 * The server processes under test: spawned on 127.0.0.1, each in its own process so its memory can
 * be read from /proc (Linux), and stopped with the signal a user would send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** The last lines the process printed (stdout and stderr), for error messages. */
  output(): string;
  /** Lines printed since start that begin with `prefix`. */
  linesStartingWith(prefix: string): string[];
  stop(): Promise<void>;
}

/**
 * The node flags of `npm start` (package.json), so the benchmark runs the gateway exactly as users
 * start it (`--liftoff-only`, see README "Running it" and "Performance").
 */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  // `exec` replaces npm's shell, so that npm's SIGTERM reaches the gateway (README "Running it").
  const match = /^(?:exec )?node (.*?)\s*dist\/src\/main\.js$/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script is not \`[exec] node [flags] dist/src/main.js\`: ${scripts.start}`);
  return match[1].split(/\s+/).filter((flag) => flag !== '');
}

const OUTPUT_KEPT = 64 * 1024;

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The marker lines (`LISTENING …`, `GC-REPORT …`, `LOOP-REPORT …`) printed so far. */
  markerLines: () => string[];
}

const isMarker = (line: string) => line.startsWith('LISTENING ') || line.startsWith('GC-REPORT ') || line.startsWith('LOOP-REPORT ');

/**
 * A log collector for `file`: a separate process reading a pipe into the file, as a container
 * runtime takes a container's standard output (the server writes to a pipe; the collector pays
 * for the file system). Read by the benchmark's own busy event loop instead, a logging server
 * would be measured holding the lines the benchmark has not read yet.
 */
function logCollector(file: string): ChildProcess {
  const fd = openSync(file, 'w');
  const collector = spawn('cat', [], { stdio: ['pipe', fd, 'ignore'] });
  closeSync(fd);
  return collector;
}

/** `stdoutFile`: standard output goes to that file through a log collector. Standard error is still collected. */
function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, stdoutFile?: string): Started {
  const collector = stdoutFile === undefined ? null : logCollector(stdoutFile);
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', collector?.stdin ?? 'pipe', 'pipe'] });
  // Only the server writes to the collector; it ends when the server's end of the pipe closes.
  collector?.stdin?.destroy();
  let output = '';
  let partial = '';
  const lines: string[] = [];
  const collect = (data: Buffer) => {
    const text = data.toString();
    output = (output + text).slice(-OUTPUT_KEPT);
    const split = (partial + text).split('\n');
    partial = split.pop() ?? '';
    // Only marker lines are kept whole; a gateway that logs every request must not fill memory here.
    for (const line of split) if (isMarker(line)) lines.push(line);
  };
  child.stdout?.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('error', (error) => {
    output += `\n${name}: ${error.message}`;
  });
  const fileTail = () => (stdoutFile === undefined ? '' : readFileSync(stdoutFile, 'utf8').slice(-OUTPUT_KEPT));
  return { child, output: () => `${fileTail()}${output}`, markerLines: () => lines };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(forced);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

async function until<T>(what: string, name: string, output: () => string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} did not ${what} within ${timeoutMs} ms:\n${output()}`);
}

/** Starts a bench server script that prints `LISTENING <port>`. */
export async function startScript(name: string, script: string, args: string[]): Promise<ServerProcess> {
  const { child, output, markerLines } = startProcess(name, process.execPath, [script, ...args]);
  const port = await until('print its port', name, output, () => {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output()}`);
    const line = markerLines().find((candidate) => candidate.startsWith('LISTENING '));
    return line ? Number(line.split(' ')[1]) : undefined;
  });
  return { name, url: `http://127.0.0.1:${port}`, child, output, linesStartingWith: (prefix) => markerLines().filter((line) => line.startsWith(prefix)), stop: stopper(child) };
}

/** Starts a server that takes its port on the command line, and waits until `readyPath` answers. */
export async function startListening(options: {
  name: string;
  command: string;
  args: (port: number) => string[];
  readyPath: string;
  env?: NodeJS.ProcessEnv;
  /** Send its standard output to this file rather than through a pipe (see startProcess). */
  logFile?: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  const { name } = options;
  const { child, output, markerLines } = startProcess(name, options.command, options.args(port), options.env, options.logFile);
  const url = `http://127.0.0.1:${port}`;
  await until('answer', name, output, async () => {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output()}`);
    try {
      await (await fetch(`${url}${options.readyPath}`)).arrayBuffer();
      return true;
    } catch {
      return undefined;
    }
  });
  return { name, url, child, output, linesStartingWith: (prefix) => markerLines().filter((line) => line.startsWith(prefix)), stop: stopper(child) };
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

/** CPU time (user + system) a process has used so far, in milliseconds; null where /proc is missing. */
export function cpuTimeOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** `VmHWM` (peak resident set) or `VmRSS` of a process, in bytes; null where /proc is missing. */
export function memoryOf(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
