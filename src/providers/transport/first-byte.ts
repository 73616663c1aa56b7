import { errors } from 'undici';

/**
 * From this first_byte timeout (ms) on, undici's own timer alone: a second off is under 2 % of it,
 * and the default (300 s) takes no timer per request.
 */
export const NATIVE_FIRST_BYTE_BELOW_MS = 60_000;

/** How much later than a shorter first_byte undici's timer is set, so that it never fires first. */
const UNDICI_BACKSTOP_MS = 1_000;

/** A started first_byte timer; `clear` once the headers came or the request ended. */
export interface FirstByteTimer {
  clear(): void;
}

/**
 * The `headersTimeout` undici gets for a first_byte timeout (ms). Undici's clock ticks every 0.5 s
 * and counts a timer's first tick in full, so its timer fires up to half a second early as well as
 * up to a second late: under NATIVE_FIRST_BYTE_BELOW_MS it is set a second later, a mere backstop
 * behind `startFirstByteTimer`'s.
 */
export function undiciHeadersTimeout(firstByteTimeout: number): number {
  return firstByteTimeout < NATIVE_FIRST_BYTE_BELOW_MS ? firstByteTimeout + UNDICI_BACKSTOP_MS : firstByteTimeout;
}

/**
 * Starts the first_byte timer of a request undici has just handed to a connection (a dispatch
 * handler's `onConnect`, where undici starts its own): after `firstByteTimeout` ms, `abort`
 * (undici's) gets undici's own HeadersTimeoutError, which the transport maps as it maps undici's
 * timeout. Null, allocating nothing, from NATIVE_FIRST_BYTE_BELOW_MS on.
 */
export function startFirstByteTimer(firstByteTimeout: number, abort: (reason: Error) => void): FirstByteTimer | null {
  // Undici's header timer is off by up to a second (a clock ticking every 0.5 s): too coarse for a short first_byte.
  if (firstByteTimeout >= NATIVE_FIRST_BYTE_BELOW_MS) return null;
  let immediate: NodeJS.Immediate | undefined;
  // The abort waits for the poll phase, so that headers which came while the event loop was busy are read first.
  const timer = setTimeout(() => (immediate = setImmediate(() => abort(new errors.HeadersTimeoutError()))), firstByteTimeout).unref();
  return {
    clear() {
      clearTimeout(timer);
      clearImmediate(immediate);
    },
  };
}
