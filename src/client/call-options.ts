/** Per-call options of the SDK's helpers, and the timeout they share with the client's defaults. */

/** Given last to every helper; an AbortSignal alone is the same as `{ signal }`. */
export interface GatewayCallOptions {
  /** Cancels the call; an abort throws the signal's reason (AbortError, or TimeoutError for AbortSignal.timeout). */
  signal?: AbortSignal;
  /** Headers of this call only, over the client's (e.g. a tracing `traceparent` or an `x-request-id`). */
  headers?: Record<string, string>;
  /** This call's timeout in milliseconds, instead of the client's. */
  timeout?: number;
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

/** The timeout, refused at once when it is not a positive number of milliseconds (a typo would otherwise never fire, or fire at once). */
export function checkedTimeout(timeout: number | undefined): number | undefined {
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new RangeError(`timeout must be a positive number of milliseconds, not ${timeout}`);
  return timeout;
}

/**
 * Runs `send` with the call's signal and headers; with a timeout, the signal also aborts with a
 * TimeoutError unless `send` settles in time. A stream's `send` settles when the answer starts, so
 * its chunks may then take as long as they take.
 */
export async function sendWithin<T>(options: { call: GatewayCallOptions; defaultTimeout: number | undefined; send: (init: RequestInitPart) => Promise<T> }): Promise<T> {
  const { signal, headers } = options.call;
  const timeout = checkedTimeout(options.call.timeout ?? options.defaultTimeout);
  if (timeout === undefined) return options.send({ signal, headers });
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(new DOMException(`The gateway did not answer within ${timeout} ms.`, 'TimeoutError')), timeout);
  try {
    return await options.send({ signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal, headers });
  } finally {
    clearTimeout(handle);
  }
}
