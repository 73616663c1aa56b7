/**
 * Preloaded into the gateway (`node --expose-gc -r gc-hook.js dist/src/main.js …`) by the leak
 * check only: on SIGUSR2 it collects garbage and prints one `GC-REPORT {json}` line (on standard
 * error, which the benchmark reads while standard output goes to a file) with the
 * process's memory, so rounds are compared after garbage that is merely uncollected is gone.
 */
process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`GC-REPORT ${JSON.stringify({ rss, heapUsed, collected: collect !== undefined })}\n`);
});

// A module, not a global script (isolatedModules).
export {};
