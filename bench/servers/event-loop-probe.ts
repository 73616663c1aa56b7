/**
 * Preloaded into the gateway (`node -r event-loop-probe.js dist/src/main.js …`) by
 * bench/config-scale.ts: watches how long the event loop is held (perf_hooks'
 * monitorEventLoopDelay, 1 ms resolution). On SIGUSR2 it prints one `LOOP-REPORT {json}` line on
 * standard error with the longest delay and the 99th percentile since the last report, in
 * milliseconds, and starts over.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

process.on('SIGUSR2', () => {
  const report = { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
  delay.reset();
  process.stderr.write(`LOOP-REPORT ${JSON.stringify(report)}\n`);
});

// A module, not a global script (isolatedModules).
export {};
