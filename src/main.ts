/**
 * The entry point (`npm start`, `node dist/src/main.js`). Stop signals are handled from its first
 * line: loading the modules and the config takes seconds, and a process with no handler for
 * SIGTERM is not stopped by it when it is PID 1 (a container started with `node`), so a pod stopped
 * while starting waited out its whole grace period. Until the CLI (src/cli.ts) takes the signals
 * over, SIGTERM or SIGINT ends the process at once, with a log line: nothing is served yet.
 */
const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Levels at which pino would not write an info line (the logger is not loaded yet). */
const QUIET_LEVELS = new Set(['warn', 'error', 'fatal', 'silent']);

function stopBeforeServing(signal: keyof typeof SIGNAL_NUMBERS): void {
  if (!QUIET_LEVELS.has(process.env.LOG_LEVEL ?? '')) {
    const line = { level: 30, time: Date.now(), pid: process.pid, signal, msg: `${signal} before the gateway was serving; exiting` };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  // As a shell reports a process ended by the signal.
  process.exit(128 + SIGNAL_NUMBERS[signal]);
}

process.on('SIGTERM', stopBeforeServing);
process.on('SIGINT', stopBeforeServing);

// Required here, not imported: an import would be loaded before the handlers above exist.
const { main } = require('./cli') as typeof import('./cli');
void main();
