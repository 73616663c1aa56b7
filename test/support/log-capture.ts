/** A gateway logger whose JSON lines are kept in memory, for tests that read what was logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/server/logging';

/** At `debug` unless `level` says otherwise (`info`, the default of a gateway in production). */
export function captureLog(level = 'debug'): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level, destination }) };
}

/** A captured log line, parsed. */
export type LogLine = Record<string, unknown> & { msg: string; level: number };

/**
 * The first captured line (from index `from` on) that `matches`, once it is there. A request's
 * audit line is written when its response ends, which may be after the client has read it, so a
 * test that checks what a line does NOT hold waits for the line first: an empty capture proves nothing.
 */
export async function waitForLogLine(lines: string[], matches: (line: LogLine) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<LogLine> {
  return (await waitForLogLines(lines, matches, 1, options))[0];
}

/**
 * Every captured line (from index `from` on) that `matches`, once there are at least `count`: the
 * audit lines of requests a test sent, which a fixed pause may not outlast on a loaded machine.
 */
export async function waitForLogLines(lines: string[], matches: (line: LogLine) => boolean, count: number, options: { from?: number; timeoutMs?: number } = {}): Promise<LogLine[]> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.slice(options.from ?? 0).map((text) => JSON.parse(text) as LogLine).filter(matches);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} log lines matched within ${timeoutMs} ms; captured:\n${lines.slice(options.from ?? 0).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
