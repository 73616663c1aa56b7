/**
 * Native timers for short `first_byte` and `idle` timeouts. Undici runs its header and body timers on
 * a clock that ticks every 0.5 s and counts a timer's first tick in full, so they end up to half a
 * second early or a second late: a first_byte of 0.3 s gave its 504 after about 1 s, an idle of 0.8 s
 * fired 0.5 to 1 s after the last chunk. Under NATIVE_BELOW_MS the dispatch handlers (whole-response.ts,
 * event-stream.ts) run these, which abort with undici's own errors (so the transport maps them as
 * undici's), and undici's timers stay a second later as a backstop. From NATIVE_BELOW_MS on (the
 * defaults are 300 s), undici's alone: a second off is under 2 %, and no timer per request or chunk.
 */
import { errors } from 'undici';

export const NATIVE_BELOW_MS = 60_000;

/** How much later than a shorter timeout undici's timer is set, so that its early ticks never fire first. */
const UNDICI_BACKSTOP_MS = 1_000;

/** A started timer: `refresh` counts again from now (also after a `clear`), `clear` stops it. */
export interface NativeTimer {
  refresh(): void;
  clear(): void;
}

/** The value undici gets (`headersTimeout`, `bodyTimeout`) for a timeout of `ms`. */
export function undiciTimeout(ms: number): number {
  return ms < NATIVE_BELOW_MS ? ms + UNDICI_BACKSTOP_MS : ms;
}

/** After `ms` without a refresh, `abort` (undici's) gets `timeoutError()`; null, allocating nothing, from NATIVE_BELOW_MS on. */
function startNativeTimer(ms: number, abort: (reason: Error) => void, timeoutError: () => Error): NativeTimer | null {
  // Apart: a function whose variables closures keep allocates their context as it starts, before any early return.
  return ms >= NATIVE_BELOW_MS ? null : nativeTimer(ms, abort, timeoutError);
}

function nativeTimer(ms: number, abort: (reason: Error) => void, timeoutError: () => Error): NativeTimer {
  let immediate: NodeJS.Immediate | undefined;
  // The abort waits for the poll phase, so that headers or body that came while the event loop was busy are read first.
  const fire = () => (immediate = setImmediate(() => abort(timeoutError())));
  let timer: NodeJS.Timeout | null = setTimeout(fire, ms).unref();
  return {
    refresh() {
      clearImmediate(immediate);
      // A cleared timer does not come back with refresh().
      if (timer === null) timer = setTimeout(fire, ms).unref();
      else timer.refresh();
    },
    clear() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      clearImmediate(immediate);
    },
  };
}

// Made once: an arrow written in the call would be a new function at every request, timer or not.
const headersTimeoutError = () => new errors.HeadersTimeoutError();
const bodyTimeoutError = () => new errors.BodyTimeoutError();

/**
 * The first_byte timer of a request undici has just handed to a connection (`onConnect`, where undici
 * starts its own). The upload counts, as in undici's: a Buffer body is written at once, which
 * refreshes nothing (undici refreshes only between the pieces of a streamed body).
 */
export function startFirstByteTimer(firstByteTimeout: number, abort: (reason: Error) => void): NativeTimer | null {
  return startNativeTimer(firstByteTimeout, abort, headersTimeoutError);
}

/** The idle timer of an answer whose headers just came (where undici starts its body timer): refreshed at each piece of body. */
export function startIdleTimer(idleTimeout: number, abort: (reason: Error) => void): NativeTimer | null {
  return startNativeTimer(idleTimeout, abort, bodyTimeoutError);
}
