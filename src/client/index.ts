/**
 * Typed client SDK for the gateway's MLflow-compatible routes, on openapi-fetch over the types
 * generated from openapi/. Usable from any TypeScript project on Node 18.17+ or a browser.
 *
 *   const gateway = createGatewayClient({ baseUrl: 'http://127.0.0.1:5000' });
 *   const answer = await gateway.chat('chat', { messages: [{ role: 'user', content: 'Hi' }] });
 *   for await (const chunk of gateway.streamChat('chat', { messages })) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 */
import createClient, { type Client } from 'openapi-fetch';
import { createParser } from 'eventsource-parser';
import type { paths } from '../../generated/api';
import { fetchWithConnectionErrors, GatewayConnectionError, refuseEventStreamAsJson } from './transport';
import { callOptionsOf, checkedMaxRetries, checkedMilliseconds, sendWithin, streamIdleTimeoutOf, type CallDefaults, type GatewayCallOptions, type RequestInitPart } from './call-options';
import type {
  ChatChunk,
  ClientChatRequest as ChatRequest,
  ChatResponse,
  CompletionsChunk,
  ClientCompletionsRequest as CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EndpointView as Endpoint,
  ErrorResponse,
  StreamError,
  Usage,
} from '../schema';

export { GatewayConnectionError };
export type {
  GatewayCallOptions,
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  Endpoint,
  ErrorResponse,
  StreamError,
  Usage,
};

export interface GatewayClientOptions {
  /** e.g. `http://127.0.0.1:5000` */
  baseUrl: string;
  /** Extra headers on every request (e.g. an API key for a gateway behind auth); a call's own `headers` add to them. */
  headers?: Record<string, string>;
  /**
   * Milliseconds each helper call waits for its answer (each page for listEndpoints; for a stream,
   * its start, its first chunk or the gateway's first keep-alive: the chunks may then take as long
   * as they take). A timeout throws a TimeoutError, as
   * AbortSignal.timeout does. It includes retries and their waits. None by default; a call's own
   * `timeout` replaces it.
   */
  timeout?: number;
  /**
   * How many times a helper call is sent again after a 429, 502, 503 or 504, or a connection that
   * failed before any answer (waiting Retry-After, else a backoff). Never once a stream has started,
   * nor after an abort, nor for a failure the gateway marks `x-should-retry: false`. 0 by default; a call's own `maxRetries` replaces it.
   */
  maxRetries?: number;
  /**
   * Milliseconds a stream may go without an event before it is aborted with a TimeoutError (time
   * spent by the loop reading it does not count; keep-alives are no event). None by default; a call's own replaces it.
   */
  streamIdleTimeout?: number;
  /** A custom fetch (tests, proxies). Its failures, other than an abort, become GatewayConnectionError. */
  fetch?: typeof globalThis.fetch;
}

/**
 * What a failure carried, as openapi/ describes it: the MLflow routes' error body (`detail`, and a
 * readable `message` for validation lists), or the data of a stream's `error` event.
 */
export type GatewayErrorBody = ErrorResponse | StreamError;

/** A non-2xx answer from the gateway, or an error event inside a stream (GatewayConnectionError: no answer). */
export class GatewayClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Undefined when the answer held no JSON object (e.g. a proxy's HTML page: its text is in `message`). */
    readonly body: GatewayErrorBody | undefined,
    /** The answer's headers: `Retry-After` on a 429 or 503, `x-request-id` (the id of the gateway's log lines). */
    readonly headers: Headers | undefined = undefined,
  ) {
    super(message);
    this.name = 'GatewayClientError';
  }
}

function errorMessage(body: unknown, status: number): string {
  if (typeof body === 'string') return body.trim() === '' ? `gateway answered ${status}` : `gateway answered ${status}: ${body.slice(0, 500)}`;
  const { message, detail, error } = (body ?? {}) as { message?: unknown; detail?: unknown; error?: { message?: unknown } | unknown };
  if (typeof message === 'string') return message;
  if (typeof detail === 'string') return detail;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return `gateway answered ${status}`;
}

/** The error, its body kept when it is a JSON object (what the gateway sends). */
function clientError(body: unknown, status: number, headers: Headers): GatewayClientError {
  const errorBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as GatewayErrorBody) : undefined;
  return new GatewayClientError(errorMessage(body, status), status, errorBody, headers);
}

function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw clientError(result.error, result.response.status, result.response.headers);
}

/** The next read, or a TimeoutError naming streamIdleTimeout when it does not come within `idleTimeout` of `waitingSince`. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, idleTimeout: number | undefined, waitingSince: number): ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> {
  if (idleTimeout === undefined) return reader.read();
  let handle: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_resolve, reject) => {
    const left = Math.max(0, waitingSince + idleTimeout - Date.now());
    handle = setTimeout(() => reject(new DOMException(`The stream sent no event for ${idleTimeout} ms (streamIdleTimeout).`, 'TimeoutError')), left);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(handle);
  }
}

/**
 * Yields the JSON of each `data:` event until `[DONE]`; an `error` event throws, and so does an
 * end without `[DONE]` (the gateway always sends one: the answer was cut off on the way), and a
 * wait for the next event longer than `idleTimeout` (the caller's time between events not counted).
 */
async function* readEvents<T>(response: Response, signal: AbortSignal | undefined, idleTimeout: number | undefined): AsyncGenerator<T, void, undefined> {
  const ready: { event?: string; data: string }[] = [];
  const parser = createParser({ onEvent: (event) => ready.push(event) });
  const decoder = new TextDecoder();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let waitingSince = Date.now();
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, idleTimeout, waitingSince);
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      while (ready.length > 0) {
        // One read can hold many events (or the whole answer): an abort stops them too, not only the next read.
        signal?.throwIfAborted();
        const event = ready.shift()!;
        if (event.data === '[DONE]') return;
        const body = JSON.parse(event.data) as unknown;
        if (event.event === 'error') throw clientError(body, (body as Partial<StreamError>).error?.status ?? 502, response.headers);
        yield body as T;
        waitingSince = Date.now();
      }
      if (done) throw new GatewayClientError('The stream ended before its end ([DONE]): the answer was cut off.', 502, undefined, response.headers);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export function createGatewayClient(options: GatewayClientOptions) {
  // JSON answers only: an event stream read as JSON is refused (refuseEventStreamAsJson), so `data`
  // is never a chunk; with `parseAs: 'stream'` it is the body's stream, as openapi-fetch types it.
  const defaults: CallDefaults = {
    timeout: checkedMilliseconds('timeout', options.timeout),
    maxRetries: checkedMaxRetries(options.maxRetries) ?? 0,
    streamIdleTimeout: checkedMilliseconds('streamIdleTimeout', options.streamIdleTimeout),
  };
  const client: Client<paths, 'application/json'> = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    headers: options.headers,
    fetch: fetchWithConnectionErrors(options.fetch),
  });
  client.use(refuseEventStreamAsJson);

  /** One request with the call's signal, headers, timeout and retries (the client's when the call has none). */
  const send = <T extends { response: Response }>(call: GatewayCallOptions | AbortSignal | undefined, request: (init: RequestInitPart) => Promise<T>): Promise<T> =>
    sendWithin({ call: callOptionsOf(call), defaults, send: request });

  async function invoke<T>(endpoint: string, body: object, call: GatewayCallOptions | AbortSignal | undefined, streamHelper?: string): Promise<T> {
    // The answer would be an event stream, which this call cannot return as JSON (embeddings have no streams).
    if (streamHelper && (body as { stream?: unknown }).stream === true) throw new TypeError(`stream: true is for ${streamHelper}(), which yields the chunks; this call returns one answer.`);
    const result = await send(call, (init) => client.POST('/endpoints/{name}/invocations', { params: { path: { name: endpoint } }, body: body as never, ...init }));
    return unwrap(result) as T;
  }

  async function* invokeStream<T>(endpoint: string, body: object, call: GatewayCallOptions | AbortSignal | undefined): AsyncGenerator<T, void, undefined> {
    const options = callOptionsOf(call);
    const idleTimeout = streamIdleTimeoutOf(options, defaults);
    const result = await send(options, (init) =>
      client.POST('/endpoints/{name}/invocations', { params: { path: { name: endpoint } }, body: { ...body, stream: true } as never, parseAs: 'stream', ...init }),
    );
    if (!result.response.ok || !result.data) {
      throw clientError(result.error, result.response.status, result.response.headers);
    }
    yield* readEvents<T>(result.response, options.signal, idleTimeout);
  }

  return {
    /** The raw openapi-fetch client, for routes without a helper. */
    raw: client,

    /** Every endpoint, following `next_page_token` to the end. */
    async listEndpoints(call?: GatewayCallOptions | AbortSignal): Promise<Endpoint[]> {
      const endpoints: Endpoint[] = [];
      let pageToken: string | undefined;
      do {
        const query = pageToken ? { page_token: pageToken } : {};
        const page = unwrap(await send(call, (init) => client.GET('/api/2.0/endpoints/', { params: { query }, ...init })));
        endpoints.push(...page.endpoints);
        pageToken = page.next_page_token ?? undefined;
      } while (pageToken);
      return endpoints;
    },

    async getEndpoint(name: string, call?: GatewayCallOptions | AbortSignal): Promise<Endpoint> {
      return unwrap(await send(call, (init) => client.GET('/api/2.0/endpoints/{name}', { params: { path: { name } }, ...init })));
    },

    chat: (endpoint: string, request: ChatRequest, call?: GatewayCallOptions | AbortSignal) => invoke<ChatResponse>(endpoint, request, call, 'streamChat'),
    completions: (endpoint: string, request: CompletionsRequest, call?: GatewayCallOptions | AbortSignal) => invoke<CompletionsResponse>(endpoint, request, call, 'streamCompletions'),
    embeddings: (endpoint: string, request: EmbeddingsRequest, call?: GatewayCallOptions | AbortSignal) => invoke<EmbeddingsResponse>(endpoint, request, call),
    streamChat: (endpoint: string, request: ChatRequest, call?: GatewayCallOptions | AbortSignal) => invokeStream<ChatChunk>(endpoint, request, call),
    streamCompletions: (endpoint: string, request: CompletionsRequest, call?: GatewayCallOptions | AbortSignal) => invokeStream<CompletionsChunk>(endpoint, request, call),
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
