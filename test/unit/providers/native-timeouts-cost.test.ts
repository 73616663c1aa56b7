/**
 * The native timers cost nothing on the default path: from 60 s on (the default first_byte and idle
 * are 300 s) starting them gives null without allocating, so a request makes no garbage for them.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { startFirstByteTimer, startIdleTimer } from '../../../src/providers/transport/native-timeouts';

/** The garbage collections that start while `run` runs, once they are reported. */
async function collectionsBetween(run: () => void): Promise<number> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const from = performance.now();
  run();
  const to = performance.now();
  // GC entries are reported after the synchronous run, on a later turn of the loop.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return entries.filter((entry) => entry.startTime >= from && entry.startTime <= to).length;
}

test('from 60 s on, starting the timers allocates nothing: a million requests cause no garbage collection', async () => {
  const abort = () => {};
  let none = 0;
  // Warmed up first, so that the measured run is the optimised code a busy gateway runs.
  for (let request = 0; request < 100_000; request++) if (startFirstByteTimer(300_000, abort) === null && startIdleTimer(300_000, abort) === null) none++;
  const collections = await collectionsBetween(() => {
    for (let request = 0; request < 1_000_000; request++) if (startFirstByteTimer(300_000, abort) === null && startIdleTimer(300_000, abort) === null) none++;
  });
  expect(none).toBe(1_100_000);
  // The timeoutError arrows and startNativeTimer's context, made before its early return, were 10 to 16
  // collections here; none now. Two allow for one another part of the process might have started.
  expect(collections).toBeLessThan(3);
});
