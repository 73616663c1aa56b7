/**
 * The abort of one provider call: set when the client disconnects or the endpoint's total timeout
 * passes.
 *
 * Why not just an AbortController: on Node 20 creating one costs about 4 µs of CPU and each of
 * its listeners about 1 µs more, a noticeable share of what the gateway adds to a request
 * (README "Performance"). The built-in providers, the transports and undici need only the four
 * members of `CallSignal`; a real AbortSignal is made on first use of `signal` (plugins, the AWS
 * SDK, timers), and follows this abort from then on.
 */

/** What our code and undici read of an abort signal. An AbortSignal is one. */
export interface CallSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * What became of a call's latest request, as the HTTP transport (or, for Bedrock, the
 * AWS SDK's handler: bedrock/request-fate.ts) saw it: `sent` once it was written on a connection
 * (the provider reads the prompt, and may bill it, from then on), `refused` when the provider
 * answered with an error status (or, to a stream request, anything but a stream). Read by the token
 * estimate of a stream that ends before its first chunk, and of a call without a stream that failed
 * (src/limits/stream-tokens.ts). Plugins leave it `unsent`.
 */
export type RequestFate = 'unsent' | 'sent' | 'refused';

/**
 * A request the provider answered within a call of several requests (an embeddings batch, a paused
 * turn's call) when a later one failed: it was served, and billed, though the call fails. `usage` is
 * its answer's, in the unified fields (`prompt_tokens`, `completion_tokens`, `total_tokens`); without
 * a total, the estimate of `sent` (the texts or body it sent) counts instead (src/limits/stream-tokens.ts).
 */
export interface ServedRequest {
  usage: unknown;
  sent: unknown;
  /** `sent` is part of the call's own request (an embeddings batch's texts): the call's prompt estimate leaves it out, as it counts here. */
  partOfRequest?: boolean;
}

export class CallAbort implements CallSignal {
  aborted = false;
  reason: unknown = undefined;
  request: RequestFate = 'unsent';
  /** The requests of its attempts the provider answered before a later one failed (`noteServedRequest`); null for none. */
  served: ServedRequest[] | null = null;
  /**
   * Headers of the client's request that go with each of this call's HTTP requests (the HTTP
   * transport adds them): its trace context, with `server.forward_trace_context`. Null for none.
   */
  forwardedHeaders: Readonly<Record<string, string>> | null = null;
  /** The id the provider gave its latest answer (`noteProviderRequestId`), for the audit line; null for none, or before any answer. */
  providerRequestId: string | null = null;
  /** The abort this one was made from (a call's total timeout from its request's): told the ids noted here too. */
  derivedFrom: CallAbort | null = null;
  private listeners: (() => void)[] = [];
  private controller: AbortController | undefined;

  /** Aborts once (later calls are ignored) and tells every listener. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.listeners.indexOf(listener);
    if (index !== -1) this.listeners.splice(index, 1);
  }

  /** The same abort as a real AbortSignal, made on first use. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }
}

/** Notes what became of the request of the call `signal` aborts (a CallAbort; any other signal has no place for it). */
export function noteRequestFate(signal: CallSignal, fate: RequestFate): void {
  if (signal instanceof CallAbort) signal.request = fate;
}

/**
 * Notes a request the provider answered, within the call `signal` aborts, before a later request of
 * it failed. Noted only then (a call that is answered counts its answer's usage), and once per request.
 */
export function noteServedRequest(signal: CallSignal, request: ServedRequest): void {
  if (signal instanceof CallAbort) (signal.served ??= []).push(request);
}

/**
 * Notes the id of the provider's answer to the latest request of the call `signal` aborts (its
 * `x-request-id` or the like; null when it has none, and when a request starts): a support ticket
 * to the vendor names it.
 */
export function noteProviderRequestId(signal: CallSignal, id: string | null): void {
  for (let abort = signal instanceof CallAbort ? signal : null; abort !== null; abort = abort.derivedFrom) abort.providerRequestId = id;
}

/** A new abort made from `signal`'s: the ids its calls note reach `signal` too (when it is a CallAbort). */
export function derivedAbort(signal: CallSignal): CallAbort {
  const abort = new CallAbort();
  if (signal instanceof CallAbort) abort.derivedFrom = signal;
  return abort;
}

/** The headers the call `signal` aborts passes on to its HTTP requests (a CallAbort's `forwardedHeaders`), or null. */
export function forwardedHeadersOf(signal: CallSignal): Readonly<Record<string, string>> | null {
  return signal instanceof CallAbort ? signal.forwardedHeaders : null;
}

/**
 * `wait`, or `abort`'s reason as soon as it is aborted: for a wait that does not read the abort itself
 * (a rate-limit store's answer, a response-store lookup, a plugin that ignores its signal), which would
 * otherwise outlive a client gone or a shutdown's drain that ended the request.
 */
export function untilAborted<Value>(abort: CallSignal, wait: Promise<Value>): Promise<Value> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abort.reason);
    if (abort.aborted) onAbort();
    else abort.addEventListener('abort', onAbort);
    wait.then(
      (value) => {
        abort.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        abort.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
