/**
 * The stdout logger buffers lines; when standard output is not read, it holds at most its bound,
 * drops the rest, and reports how many lines it dropped once output moves again. Run in a child
 * process, since the logger writes to file descriptor 1; the child loads the TypeScript source
 * through ts-node (transpiling only, as jest does), so the test needs no build.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const LOGGING = join(ROOT, 'src', 'server', 'logging.ts');

/** Runs `source` in a child node process that can require TypeScript files, with `stdio`. */
function runChild(source: string, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', '-e', source], { cwd: ROOT, stdio });
}
const LINES = 2_000;

/**
 * Logs LINES lines of about 1 KB at once with a 64 KB bound, says so over IPC, and exits when the
 * test has read the report of dropped lines (no fixed waits: a slow start under load cannot race).
 */
const CHILD = `
const { createLogger } = require(${JSON.stringify(LOGGING)});
const logger = createLogger({ maxBufferedChars: 64 * 1024 });
for (let line = 0; line < ${LINES}; line += 1) logger.info({ line, padding: 'x'.repeat(1000) }, 'request');
process.send('logged');
process.on('message', () => process.exit(0));
`;

interface LogLine {
  msg: string;
  line?: number;
  dropped_lines?: number;
}

test('an unread stdout bounds the buffer: lines beyond it are dropped and counted, none silently', async () => {
  const child = runChild(CHILD, ['ignore', 'pipe', 'inherit', 'ipc']);
  const stdout = child.stdout!;
  stdout.pause();
  // Nobody reads standard output until the child has logged everything.
  await new Promise((resolve) => child.once('message', resolve));
  let output = '';
  let reported = false;
  stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (!reported && output.includes('"dropped_lines"')) {
      reported = true;
      child.send('exit');
    }
  });
  stdout.resume();
  await new Promise((resolve) => child.on('close', resolve));

  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as LogLine);
  const written = lines.filter((line) => line.msg === 'request');
  const dropped = lines.filter((line) => line.dropped_lines !== undefined).reduce((sum, line) => sum + line.dropped_lines!, 0);
  expect(dropped).toBeGreaterThan(0);
  expect(written.length).toBeGreaterThan(0);
  expect(written.length + dropped).toBe(LINES);
  // What was kept is in order, each line once, starting with the first: the lines logged before
  // the bound was reached, and perhaps the last batch, if it was flushed after output moved again.
  const numbers = written.map((line) => line.line!);
  expect(numbers[0]).toBe(0);
  numbers.slice(1).forEach((number, index) => expect(number).toBeGreaterThan(numbers[index]));
});

/**
 * A line longer than the 64 KB bound (an audit line with long bodies), then a short one, with output
 * read; exits when the test says so (once it has read the short line, or given up waiting for it).
 */
const LONG_LINE = `
const { createLogger, auditWriterOf } = require(${JSON.stringify(LOGGING)});
const write = auditWriterOf(createLogger({ maxBufferedChars: 64 * 1024 }));
write({ line: 0, request_body: 'x'.repeat(200 * 1024) }, 'request');
write({ line: 1 }, 'request');
process.on('message', () => process.exit(0));
`;

test('a line longer than the bound is written while output is read: the bound is on what waits, not on one line', async () => {
  const child = runChild(LONG_LINE, ['ignore', 'pipe', 'inherit', 'ipc']);
  let output = '';
  // Not a fixed time: on a loaded machine the test may read 200 KB slower than any guess.
  const giveUp = setTimeout(() => child.send('exit'), 10_000);
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (/"line":1[,}][^\n]*\n/.test(output)) {
      clearTimeout(giveUp);
      child.send('exit');
    }
  });
  await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(giveUp);
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as LogLine & { request_body?: string });
  expect(lines.map((line) => line.line)).toEqual([0, 1]);
  expect(lines[0].request_body).toHaveLength(200 * 1024);
});

/** What a child process running `source` writes to standard output, once it has exited. */
async function standardOutputOf(source: string): Promise<string> {
  const child = runChild(source, ['ignore', 'pipe', 'inherit']);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

/** The same fields through pino and through the audit writer, then the writer with info disabled. */
const SAME_LINES = `
const { createLogger, auditWriterOf } = require(${JSON.stringify(LOGGING)});
const fields = { request_id: 'r-1', path: '/v1/chat/completions', client: null, stream: false, status: 200, latency_ms: 3,
  note: 'quotes " and \\\\ backslash, é, 中文, emoji 🎉, control \\u0001', skipped: undefined, error: { code: 'upstream_error', message: 'x' } };
const logger = createLogger();
logger.info(fields, 'request');
auditWriterOf(logger)(fields, 'request');
logger.info({}, 'request aborted by the client');
auditWriterOf(logger)({}, 'request aborted by the client');
const quiet = createLogger({ level: 'warn' });
auditWriterOf(quiet)(fields, 'request');
setTimeout(() => process.exit(0), 300);
`;

test("the audit writer writes pino's own line for the same fields, and nothing when info is off", async () => {
  const output = await standardOutputOf(SAME_LINES);
  const lines = output.trim().split('\n').map((line) => line.replace(/"time":\d+/, '"time":0'));
  expect(lines).toHaveLength(4);
  expect(lines[1]).toBe(lines[0]);
  expect(lines[3]).toBe(lines[2]);
  expect(JSON.parse(lines[0])).toMatchObject({ level: 30, request_id: 'r-1', msg: 'request', error: { code: 'upstream_error' } });
});

/** Audit lines still waiting for their batch when the process exits. */
const AT_EXIT = `
const { createLogger, auditWriterOf } = require(${JSON.stringify(LOGGING)});
const logger = createLogger();
const write = auditWriterOf(logger);
for (let line = 0; line < 50; line += 1) write({ line }, 'request');
logger.warn({ line: 50 }, 'a warning after the audit lines');
for (let line = 51; line < 100; line += 1) write({ line }, 'request');
process.exit(0);
`;

test('audit lines waiting for their batch are written, in order, when the process exits at once', async () => {
  const output = await standardOutputOf(AT_EXIT);
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { line: number; level: number });
  expect(lines.map((line) => line.line)).toEqual([...Array(100).keys()]);
  expect(lines[50].level).toBe(40);
});

/**
 * Twenty stdout loggers in one process (the CLI's, one per rate-limit store opened without one, one
 * per app): audit lines of one, then a warning of another, then the listeners they left.
 */
const MANY_LOGGERS = `
const { createLogger, auditWriterOf } = require(${JSON.stringify(LOGGING)});
const listeners = () => process.stdout.listenerCount('error') + process.listenerCount('exit');
const before = listeners();
const [first, second] = Array.from({ length: 20 }, () => createLogger());
auditWriterOf(first)({ line: 0 }, 'request');
second.warn({ line: 1 }, 'a warning of another logger');
auditWriterOf(second)({ line: 2 }, 'request');
first.info({ line: 3, listeners_added: listeners() - before }, 'listeners');
process.exit(0);
`;

test("stdout loggers of one process share one batch: their lines stay in order, and they add standard output's listeners once", async () => {
  const output = await standardOutputOf(MANY_LOGGERS);
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { line: number; listeners_added?: number });
  expect(lines.map((line) => line.line)).toEqual([0, 1, 2, 3]);
  // One on standard output's errors, one at exit.
  expect(lines[3].listeners_added).toBe(2);
});

/** Audit lines for a while, then a clean exit: whatever became of standard output. */
const AFTER_CLOSE = `
const { createLogger, auditWriterOf } = require(${JSON.stringify(LOGGING)});
const write = auditWriterOf(createLogger());
const timer = setInterval(() => { for (let line = 0; line < 200; line += 1) write({ line, padding: 'x'.repeat(200) }, 'request'); }, 5);
setTimeout(() => { clearInterval(timer); process.exit(0); }, 500);
`;

test('a closed standard output (the log collector went away) does not crash the gateway', async () => {
  const child = runChild(AFTER_CLOSE, ['ignore', 'pipe', 'pipe']);
  child.stdout!.destroy();
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(errors).toBe('');
  expect(code).toBe(0);
});
