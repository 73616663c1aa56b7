/**
 * The SDK's fetch: a failure to reach the gateway, or a connection that breaks while an answer is
 * read, becomes a GatewayConnectionError (fetch's own is a bare `TypeError: fetch failed`, which a
 * caller cannot tell from a bug). An abort stays what it is: the signal's reason. Also the raw
 * client's guard against reading an event stream as JSON.
 */
import type { Middleware } from 'openapi-fetch';

/** The gateway could not be reached (refused, reset, DNS, TLS), or the connection broke mid-answer. */
export class GatewayConnectionError extends Error {
  constructor(
    message: string,
    options: { cause: unknown },
    /** True when the connection broke while an answer was read: the gateway may have served the request. */
    readonly answerStarted = false,
  ) {
    super(message, options);
    this.name = 'GatewayConnectionError';
  }
}

/** What an error says (undici puts the reason in its cause: `fetch failed (connect ECONNREFUSED …)`). Read by shape, as fetch's errors may come from another realm. */
function describe(error: unknown): string {
  const messageOf = (value: unknown) => (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' ? (value as Error).message : undefined);
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | undefined)?.cause);
  return cause && cause !== message ? `${message} (${cause})` : message;
}

/** Method, origin and path: no query, no credentials. */
function requestName(input: string | URL | Request, init: RequestInit | undefined): string {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request ? request.url : input instanceof URL ? input.href : input);
  return `${init?.method ?? request?.method ?? 'GET'} ${url.origin}${url.pathname}`;
}

/** The body, its read failures (other than an abort) turned into GatewayConnectionError. */
function guardedBody(body: ReadableStream<Uint8Array>, aborted: () => boolean, name: string): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(aborted() ? error : new GatewayConnectionError(`The connection to the gateway broke while reading the answer to ${name}: ${describe(error)}`, { cause: error }, true));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** `fetch` (the given one, else the global one at call time) with GatewayConnectionError for network failures. */
export function fetchWithConnectionErrors(fetch: typeof globalThis.fetch | undefined): typeof globalThis.fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const aborted = () => signal?.aborted === true;
    let response: Response;
    try {
      response = await (fetch ?? globalThis.fetch)(input, init);
    } catch (error) {
      if (aborted()) throw error;
      throw new GatewayConnectionError(`Could not reach the gateway for ${requestName(input, init)}: ${describe(error)}`, { cause: error });
    }
    if (response.body === null) return response;
    const guarded = new Response(guardedBody(response.body, aborted, requestName(input, init)), { status: response.status, statusText: response.statusText, headers: response.headers });
    // A Response built here has no url; the raw client's callers may read it (e.g. after a redirect).
    Object.defineProperty(guarded, 'url', { value: response.url });
    return guarded;
  };
}

/**
 * An event stream (a body with `stream: true`) read with openapi-fetch's default `parseAs: 'json'`
 * would throw a bare SyntaxError from JSON.parse; this says what to do instead. The raw client's
 * `data` stays what its type says: a JSON answer, or with `parseAs: 'stream'` the body's stream.
 */
export const refuseEventStreamAsJson: Middleware = {
  async onResponse({ request, response, options }) {
    if (options.parseAs !== 'json' || !response.ok || !/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) return undefined;
    await response.body?.cancel();
    throw new TypeError(
      `The answer to ${requestName(request, undefined)} is an event stream (the body asked for stream: true), which cannot be read as JSON: ` +
        "pass parseAs: 'stream' and read response.body, or use streamChat() / streamCompletions() on the MLflow routes, or the openai client on /v1.",
    );
  },
};
