/** Per-call options of the SDK's helpers, and the timeout and retries they share with the client's defaults. */
import { sendWithRetries } from './retries';

/** Given last to every helper; an AbortSignal alone is the same as `{ signal }`. */
export interface GatewayCallOptions {
  /** Cancels the call; an abort throws the signal's reason (AbortError, or TimeoutError for AbortSignal.timeout). */
  signal?: AbortSignal;
  /** Headers of this call only, over the client's (e.g. a tracing `traceparent` or an `x-request-id`). */
  headers?: Record<string, string>;
  /** This call's timeout in milliseconds, instead of the client's. */
  timeout?: number;
  /** How many times this call may be sent again after a retryable failure, instead of the client's. */
  maxRetries?: number;
  /** For a stream: milliseconds it may go without an event, instead of the client's. */
  streamIdleTimeout?: number;
}

/** The client-wide values a call's own replace. */
export interface CallDefaults {
  timeout: number | undefined;
  maxRetries: number;
  streamIdleTimeout: number | undefined;
}

/** What one request is sent with: openapi-fetch's `signal` and `headers`. */
export interface RequestInitPart {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function callOptionsOf(options: GatewayCallOptions | AbortSignal | undefined): GatewayCallOptions {
  if (options === undefined) return {};
  return 'aborted' in options ? { signal: options } : options;
}

/** The milliseconds, refused at once when not a positive number (a typo would otherwise never fire, or fire at once). */
export function checkedMilliseconds(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number of milliseconds, not ${value}`);
  return value;
}

/** The retry count, refused at once when not a whole number of 0 or more. */
export function checkedMaxRetries(value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new RangeError(`maxRetries must be a whole number of 0 or more, not ${value}`);
  return value;
}

/** The stream idle timeout of a call: its own, else the client's. */
export function streamIdleTimeoutOf(call: GatewayCallOptions, defaults: CallDefaults): number | undefined {
  return checkedMilliseconds('streamIdleTimeout', call.streamIdleTimeout) ?? defaults.streamIdleTimeout;
}

/**
 * Runs `send` with the call's signal and headers, again after a retryable failure up to maxRetries
 * times; with a timeout, the signal also aborts with a TimeoutError unless the whole (retries and
 * their waits included) settles in time. A stream's `send` settles when the answer starts, so its
 * chunks are not bounded by the timeout, and a stream is never sent again once it has started.
 */
export async function sendWithin<T extends { response: Response }>(options: { call: GatewayCallOptions; defaults: CallDefaults; send: (init: RequestInitPart) => Promise<T> }): Promise<T> {
  const { signal, headers } = options.call;
  const timeout = checkedMilliseconds('timeout', options.call.timeout) ?? options.defaults.timeout;
  const maxRetries = checkedMaxRetries(options.call.maxRetries) ?? options.defaults.maxRetries;
  if (timeout === undefined) return sendWithRetries({ maxRetries, signal, deadline: undefined, send: () => options.send({ signal, headers }) });
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(new DOMException(`The gateway did not answer within ${timeout} ms.`, 'TimeoutError')), timeout);
  const bounded = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  try {
    return await sendWithRetries({ maxRetries, signal: bounded, deadline: Date.now() + timeout, send: () => options.send({ signal: bounded, headers }) });
  } finally {
    clearTimeout(handle);
  }
}
