/**
 * Stop signals before the gateway serves (see src/main.ts): SIGTERM or SIGINT ends the process at
 * once, with a log line. The CLI removes exactly these handlers when it takes the signals over for
 * its drain: others (a plugin's telemetry flush) keep running, as they did before the entry point
 * handled signals.
 */
const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Levels at which pino would not write an info line (the logger is not loaded yet; it reads LOG_LEVEL trimmed, in any case). */
const QUIET_LEVELS = new Set(['warn', 'error', 'fatal', 'silent']);

function stopBeforeServing(signal: keyof typeof SIGNAL_NUMBERS): void {
  if (!QUIET_LEVELS.has(process.env.LOG_LEVEL?.trim().toLowerCase() ?? '')) {
    const line = { level: 30, time: Date.now(), pid: process.pid, signal, msg: `${signal} before the gateway was serving; exiting` };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  // As a shell reports a process ended by the signal.
  process.exit(128 + SIGNAL_NUMBERS[signal]);
}

/** From the entry point's first line. */
export function stopAtOnceUntilServing(): void {
  process.on('SIGTERM', stopBeforeServing);
  process.on('SIGINT', stopBeforeServing);
}

/**
 * When the CLI handles the signals itself: from then on, a stop is `drain`. Its handler is added
 * before these are removed: a signal without a listener is dropped with Node's watcher, and one that
 * came while start-up kept the event loop busy is still waiting to be handled.
 */
export function handOverStopSignals(drain: (signal: NodeJS.Signals) => void): void {
  process.on('SIGTERM', drain);
  process.on('SIGINT', drain);
  process.off('SIGTERM', stopBeforeServing);
  process.off('SIGINT', stopBeforeServing);
}
