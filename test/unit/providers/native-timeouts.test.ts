/**
 * The native timers (src/providers/transport/native-timeouts.ts) that first_byte and idle share:
 * none from 60 s on, where undici's timer alone is precise enough, and nothing allocated there either
 * (the default first_byte and idle are 300 s, so a request makes no garbage for them); below, undici's
 * timer a second later as a backstop, and undici's own error when the native one fires. What each
 * timer does beyond that is in first-byte-timer.test.ts and idle-timer.test.ts.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { errors } from 'undici';
import { NATIVE_BELOW_MS, startFirstByteTimer, startIdleTimer, undiciTimeout } from '../../../src/providers/transport/native-timeouts';
import { SOON_MS, within } from '../../support/timeouts';

describe.each([
  ['first_byte', startFirstByteTimer, errors.HeadersTimeoutError, 'UND_ERR_HEADERS_TIMEOUT'],
  ['idle', startIdleTimer, errors.BodyTimeoutError, 'UND_ERR_BODY_TIMEOUT'],
] as const)('the %s timer', (name, startTimer, undiciError, code) => {
  test('from 60 s on (the default is 300 s): no timer', () => {
    const abort = jest.fn();
    expect(NATIVE_BELOW_MS).toBe(60_000);
    expect(startTimer(60_000, abort)).toBeNull();
    expect(startTimer(300_000, abort)).toBeNull();
  });

  test(`fires after its time with undici's ${undiciError.name}`, async () => {
    const started = performance.now();
    const fired = new Promise<Error>((resolve) => startTimer(50, resolve));
    const error = await within(fired, SOON_MS, `the ${name} timer firing`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(49);
    expect(error).toBeInstanceOf(undiciError);
    expect(error).toMatchObject({ code });
  });
});

test('undici gets the value itself from 60 s on; below, its timer is a second later, a backstop its clock (which fires up to half a second early) never makes fire first', () => {
  expect([undiciTimeout(60_000), undiciTimeout(300_000)]).toEqual([60_000, 300_000]);
  expect([undiciTimeout(1), undiciTimeout(300), undiciTimeout(500), undiciTimeout(59_999)]).toEqual([1_001, 1_300, 1_500, 60_999]);
});

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
