/** The SDK's retry waits: how Retry-After is read, and the backoff when there is none. */
import { backoffMs, retryAfterMs } from '../../../src/client/retries';

const now = Date.parse('2026-01-01T00:00:00Z');
const retryAfter = (value: string) => retryAfterMs(new Headers({ 'retry-after': value }), now);

test('Retry-After is read as seconds or as an HTTP date, and anything else as absent', () => {
  expect(retryAfter('2')).toBe(2_000);
  expect(retryAfter(' 1.5 ')).toBe(1_500);
  expect(retryAfter('Thu, 01 Jan 2026 00:00:30 GMT')).toBe(30_000);
  expect(retryAfter('Wed, 31 Dec 2025 23:59:00 GMT')).toBe(0);
  expect(retryAfter('-1')).toBeUndefined();
  expect(retryAfter('soon')).toBeUndefined();
  expect(retryAfterMs(new Headers(), now)).toBeUndefined();
});

test('an asctime Retry-After, which names no zone, is read as GMT (the zone is tested with retryAfterMs of src/retry-after.ts)', () => {
  expect(retryAfter('Thu Jan  1 00:00:30 2026')).toBe(30_000);
  expect(retryAfter('2026-01-01T00:00:30Z')).toBeUndefined();
});

test('the backoff doubles from 0.5 s up to 8 s, less up to 25 % at random', () => {
  expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  expect(backoffMs(0, () => 1)).toBe(375);
});
