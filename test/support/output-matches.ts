/** Waiting for log lines of a CLI run by pattern. */
import { waitForOutput, type CliRun } from './cli';
import { SOON_MS } from './timeouts';

/** How often `pattern` occurs in `text`. */
export function countOf(text: string, pattern: RegExp): number {
  return (text.match(new RegExp(pattern, 'g')) ?? []).length;
}

/** Resolves once the run's output holds `pattern` at least `count` times, as its output arrives; rejects with the output when the run exits first or `timeoutMs` passes. */
export function waitForMatches(run: CliRun, pattern: RegExp, count: number, timeoutMs = SOON_MS): Promise<void> {
  return waitForOutput(run, (output) => countOf(output, pattern) >= count, `${count} × ${pattern}`, timeoutMs);
}
