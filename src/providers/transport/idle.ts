import { errors } from 'undici';
import { NATIVE_FIRST_BYTE_BELOW_MS, undiciHeadersTimeout } from './first-byte';

/** From this idle timeout (ms) on, undici's own timer alone, as for first_byte (the default is 300 s). */
export const NATIVE_IDLE_BELOW_MS = NATIVE_FIRST_BYTE_BELOW_MS;

/**
 * A started idle timer: `refresh` at each piece of body (and when a paused upstream resumes),
 * `clear` when the upstream is paused or the answer is over.
 */
export interface IdleTimer {
  refresh(): void;
  clear(): void;
}

/**
 * The `bodyTimeout` undici gets for an idle timeout (ms): as its header timer, undici's body timer
 * fires up to half a second early, so under NATIVE_IDLE_BELOW_MS it is set a second later, a mere
 * backstop behind `startIdleTimer`'s.
 */
export function undiciBodyTimeout(idleTimeout: number): number {
  return undiciHeadersTimeout(idleTimeout);
}

/**
 * Starts the idle timer of an answer whose headers just came (where undici starts its body timer):
 * after `idleTimeout` ms without a `refresh`, `abort` (undici's) gets undici's own BodyTimeoutError,
 * which the transport maps as it maps undici's timeout. Null, allocating nothing, from
 * NATIVE_IDLE_BELOW_MS on. A refresh allocates nothing, except after a `clear`.
 */
export function startIdleTimer(idleTimeout: number, abort: (reason: Error) => void): IdleTimer | null {
  // Undici's body timer runs on a clock ticking every 0.5 s: a healthy stream pausing for less than a short idle could be cut.
  if (idleTimeout >= NATIVE_IDLE_BELOW_MS) return null;
  let immediate: NodeJS.Immediate | undefined;
  // The abort waits for the poll phase, so that body which came while the event loop was busy is read first.
  const fire = () => (immediate = setImmediate(() => abort(new errors.BodyTimeoutError())));
  let timer: NodeJS.Timeout | null = setTimeout(fire, idleTimeout).unref();
  return {
    refresh() {
      clearImmediate(immediate);
      // A cleared timer does not come back with refresh().
      if (timer === null) timer = setTimeout(fire, idleTimeout).unref();
      else timer.refresh();
    },
    clear() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      clearImmediate(immediate);
    },
  };
}
