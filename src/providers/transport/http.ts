/**
 * The shared upstream HTTP layer on undici: one connection pool per origin (pools.ts), shared by
 * every endpoint that talks to that origin, with connect / headers / body timeouts. Providers get an
 * `Upstream` built once at config load (its pool is taken at its first call, so that building has no
 * side effects); a request only serialises the body and reads the answer.
 *
 * Every failure leaves as a GatewayError: an error status keeps the vendor's message (401/403 are
 * masked by GatewayError.upstream; redirects are not followed, so a 3xx is a 502 naming the status),
 * unreachable hosts, unreadable answers (a Content-Encoding the gateway does not decode, a corrupt
 * compressed body) and answers over `maxAnswerBytes` (decoded) are 502, timeouts 504.
 * Request headers (API keys) never appear in any message, not even when the upstream echoes them. An aborted signal aborts the undici
 * request and rethrows the signal's reason unchanged: the client is gone and nobody reads it.
 */
import type { Dispatcher } from 'undici';
import { GatewayError, vendorErrorWithoutSecrets, type VendorError } from '../../errors';
import { redacted } from '../../redaction';
import { forwardedHeadersOf, noteProviderRequestId, type CallSignal } from '../abort';
import { keepSourceText } from '../shared/json';
import { proxyFor, proxyLabel } from './egress-proxy';
import { requestEvents, type EventStreamOptions, type RefusedAnswer } from './event-stream';
import { undiciTimeout } from './native-timeouts';
import { NDJSON_ACCEPT, NdjsonDecoder } from './ndjson';
import { isClosed, notePoolUse, poolFor } from './pools';
import { credentialValues, urlCredentialsHeader, urlCredentialValues } from './credentials';
import { certificateFailure } from './tls-failures';
import { isUnexpectedContinue, unexpectedContinueError } from './unexpected-continue';
import type { SseEvent } from './sse';
import { AnswerBrokeOff, AnswerTooLarge, requestWhole, UndecodableAnswer, type WholeResponse } from './whole-response';

export type { SseEvent } from './sse';
export { closeAllPools } from './pools';
export { credentialValues, urlCredentialValues } from './credentials';

/**
 * Milliseconds, from the endpoint's `timeouts` config: `headers` is its `first_byte` timeout (a
 * short one on a native timer, native-timeouts.ts), `body` its `idle` timeout (the longest silence
 * allowed between two body chunks; a short one on a native timer too, native-timeouts.ts).
 */
export interface UpstreamTimeouts {
  connect: number;
  headers: number;
  body: number;
}

export interface UpstreamOptions {
  /** Base URL up to the version segment; a query on it (Azure `?api-version=`) is kept. */
  baseUrl: string;
  /** Provider headers (auth, versions). Content-Type and Accept are added here. */
  headers: Record<string, string>;
  /**
   * A bearer token taken for each request (Azure's Entra ID tokens, which the gateway renews), sent
   * as `Authorization` and hidden from messages like the headers' credentials. Rejects with the
   * GatewayError the request fails with.
   */
  accessToken?: (signal: CallSignal) => Promise<string>;
  /** Endpoint name, for error messages. */
  endpointName: string;
  /** Provider display name, for error messages. */
  providerName: string;
  /** Extracts the vendor's message from a parsed error body, or null when it has none. */
  errorMessage: (body: unknown) => string | null;
  /**
   * What an error body says beyond its message, for vendors whose status alone misleads: Gemini
   * refuses a bad key with 400 `API_KEY_INVALID` and gives its retry delay in the body; MosaicML
   * reports token-limit errors as 500. A `Retry-After` header, when sent, wins over the body's delay.
   */
  errorHints?: (body: unknown, status: number) => UpstreamErrorHints;
  /** The endpoint's timeouts (`EndpointSettings.timeouts`). */
  timeouts: UpstreamTimeouts;
  /**
   * The longest answer read whole, decoded and as sent: a JSON answer, or the body of an error or
   * of a refused stream (`EndpointSettings.maxAnswerBytes`). Streams are not limited in total.
   */
  maxAnswerBytes: number;
}

/** How one kind of stream is asked for, decoded and refused (see `requestEvents`). */
type StreamFormat = Pick<EventStreamOptions, 'createDecoder' | 'refuses' | 'refusal' | 'answerEvents'> & { headers: Record<string, string> };

export interface UpstreamErrorHints {
  /** The status the error really has, when the vendor's is wrong. */
  status?: number;
  /** The body says the gateway's credentials were refused, whatever the status. */
  authFailure?: boolean;
  /** Seconds to wait before retrying, from the body. */
  retryAfter?: string | null;
  /** The vendor's own type/code/param (`vendorErrorOf`), shown on `/v1` for a refused request. */
  vendorError?: VendorError | null;
}

/**
 * A request body as the bytes undici sends. Given the JSON text, undici encodes it into a Buffer of
 * its own, and the request's options kept the text too, on the heap, for the whole call: 2 bytes a
 * character when the text holds any beyond Latin-1 (10 MB for a 5 MB agent history), per request waiting on a model.
 */
function jsonBytes(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body));
}

/** A compiled upstream: POST JSON, get parsed JSON or a stream of SSE events back. */
export interface Upstream {
  /** With `keepText`, the answer's text is kept for `sourceTextOf` (shared/json.ts). */
  postJson(path: string, body: unknown, options: { signal: CallSignal; keepText?: boolean }): Promise<unknown>;
  /**
   * Lazy: the request starts on the first `next()`, which throws on an error status. With
   * `eventsOfAnswer`, a 2xx JSON answer that is not an error (a server that ignored `stream: true`)
   * becomes the events it returns, unless it returns null.
   */
  postStream(path: string, body: unknown, options: { signal: CallSignal; eventsOfAnswer?: (answer: unknown) => readonly SseEvent[] | null }): AsyncIterable<SseEvent>;
  /** Like `postStream`, for newline-delimited JSON streams (Cohere's, see `ndjson.ts`): each line is an event's `data`. */
  postNdjson(path: string, body: unknown, options: { signal: CallSignal }): AsyncIterable<SseEvent>;
  /** The tokens of `accessToken` sent lately (`ProviderEndpoint.sentCredentials`); none without one. */
  sentCredentials(): readonly string[];
}

/**
 * Appends `path` to the base URL's path, POSIX style (one slash between segments). A query on the
 * base is kept after the new path; a query in `path` is kept too (both, joined by `&`).
 */
export function joinUrl(baseUrl: string, path: string): string {
  const url = new URL(baseUrl);
  const queryStart = path.indexOf('?');
  const pathPart = queryStart === -1 ? path : path.slice(0, queryStart);
  const pathQuery = queryStart === -1 ? '' : path.slice(queryStart + 1);
  const segments = [url.pathname.replace(/\/+$/, ''), pathPart.replace(/^\/+/, '')].filter((part) => part !== '');
  url.pathname = segments.join('/');
  const queries = [url.search.replace(/^\?/, ''), pathQuery].filter((query) => query !== '');
  url.search = queries.join('&');
  return url.toString();
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
  if (Array.isArray(errors)) return errorCode(errors[0]);
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** `1500` → `1.5 s`, as timeouts are written in the config. */
export function seconds(milliseconds: number): string {
  return `${milliseconds / 1000} s`;
}

/**
 * A connection failure in brief: its code; through a proxy, undici's message too (such as
 * "Proxy response (407) !== 200 when HTTP Tunneling"), which never holds the proxy's credentials.
 */
function failureOf(error: unknown, code: string | null, proxied: boolean): string {
  const label = code ?? 'network error';
  return proxied && error instanceof Error && error.message !== '' ? `${label}: ${error.message}` : label;
}

function excerpt(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/**
 * Answers are asked for plain. Without the header any coding is acceptable (RFC 9110 §12.5.3), and a
 * server may compress; decoding a compressed answer (content-decoding.ts) costs far more CPU than the
 * bytes it saves are worth on a gateway that is CPU-bound (README "Compressed upstream answers").
 */
const ACCEPT_ENCODING = 'identity';

export function createUpstream(options: UpstreamOptions): Upstream {
  const { endpointName, providerName, errorMessage } = options;
  const { timeouts, maxAnswerBytes } = options;
  const headersTimeout = undiciTimeout(timeouts.headers);
  const bodyTimeout = undiciTimeout(timeouts.body);
  const vendorHeaders = Object.fromEntries(Object.entries(options.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const providerHeaders = { ...vendorHeaders, ...urlCredentialsHeader(options.baseUrl, vendorHeaders) };
  const { origin } = new URL(options.baseUrl);
  const proxy = proxyFor(origin);
  // Taken at the first call, not here: checking a config builds its endpoints, and a config that
  // is refused must leave no pool behind.
  let pool: Dispatcher | undefined;
  notePoolUse(origin, timeouts.connect, proxy);
  // Taken again when a reload closed it (the origin left the config) under a request of the old one.
  const connections = (): Dispatcher => (pool !== undefined && !isClosed(pool) ? pool : (pool = poolFor(origin, timeouts.connect, proxy)));
  // A failure to connect names the proxy it went through, which is often the one at fault.
  const through = proxy === null ? '' : ` through the proxy ${proxyLabel(proxy)}`;
  const urlCredentials = [...urlCredentialValues(options.baseUrl), ...(proxy === null ? [] : urlCredentialValues(proxy))];
  const fixedCredentials = [...credentialValues(providerHeaders), ...urlCredentials];
  let credentials = [...new Set(fixedCredentials)].sort((a, b) => b.length - a.length);
  /** The tokens of `accessToken` last sent: a request may still be under way with the one before. */
  let sentTokens: string[] = [];
  const jsonHeaders = { ...providerHeaders, 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': ACCEPT_ENCODING };
  const streamHeaders = { ...providerHeaders, 'content-type': 'application/json', accept: 'text/event-stream', 'accept-encoding': ACCEPT_ENCODING };
  const requestPaths = new Map<string, string>();
  const ndjsonHeaders = { ...providerHeaders, 'content-type': 'application/json', accept: NDJSON_ACCEPT, 'accept-encoding': ACCEPT_ENCODING };
  const forEndpoint = `for endpoint '${endpointName}'`;

  /** `headers` with the current token of `accessToken` (the upstream has one). */
  async function withAccessToken(accessToken: (signal: CallSignal) => Promise<string>, headers: Record<string, string>, signal: CallSignal): Promise<Record<string, string>> {
    const token = await accessToken(signal);
    if (sentTokens[0] !== token) {
      sentTokens = [token, ...sentTokens.slice(0, 1)];
      credentials = [...new Set([...fixedCredentials, ...sentTokens])].sort((a, b) => b.length - a.length);
    }
    return { ...headers, authorization: `Bearer ${token}` };
  }

  /** Notes the id of the provider's answer (null: none, or a request starting), unless it holds a credential: the audit line shows it. */
  function noteAnswerId(signal: CallSignal, id: string | null): void {
    noteProviderRequestId(signal, id !== null && credentials.some((secret) => id.includes(secret)) ? null : id);
  }

  /** `headers` with those the call passes on from the client's request (its trace context), if any. */
  function withForwarded(headers: Record<string, string>, signal: CallSignal): Record<string, string> {
    const forwarded = forwardedHeadersOf(signal);
    return forwarded === null ? headers : { ...headers, ...forwarded };
  }

  function requestPath(path: string): string {
    let resolved = requestPaths.get(path);
    if (resolved === undefined) {
      const url = new URL(joinUrl(options.baseUrl, path));
      resolved = `${url.pathname}${url.search}`;
      requestPaths.set(path, resolved);
    }
    return resolved;
  }

  /**
   * Maps a thrown network/undici error; the abort reason and GatewayErrors pass through. A connection
   * that fails once the answer has started was reached: saying otherwise sends an operator to the network.
   */
  function translate(error: unknown, signal: CallSignal, answerStarted = false): unknown {
    if (signal.aborted) return signal.reason ?? error;
    if (error instanceof AnswerBrokeOff) return translate(error.reason, signal, true);
    if (error instanceof GatewayError) return error;
    if (error instanceof UndecodableAnswer && error.statusCode >= 300) return errorOfUndecodable(error);
    if (error instanceof AnswerTooLarge || error instanceof UndecodableAnswer) return error.toGatewayError(providerName, endpointName);
    const code = errorCode(error);
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return GatewayError.upstreamTimeout(`${providerName} could not be connected to${through} within ${seconds(timeouts.connect)} ${forEndpoint} (connect timeout).`);
      case 'UND_ERR_HEADERS_TIMEOUT':
        return GatewayError.upstreamTimeout(`${providerName} sent no response within ${seconds(timeouts.headers)} ${forEndpoint} (first_byte timeout).`);
      case 'UND_ERR_BODY_TIMEOUT':
        return GatewayError.upstreamTimeout(`${providerName} stopped sending its response for ${seconds(timeouts.body)} ${forEndpoint} (idle timeout).`);
      default: {
        if (isUnexpectedContinue(error, code)) return unexpectedContinueError({ providerName, through, forEndpoint });
        if (answerStarted) return GatewayError.upstreamUnavailable(`The connection to ${providerName}${through} broke while it was sending its answer ${forEndpoint} (${failureOf(error, code, proxy !== null)}).`);
        const unreached = `${providerName} could not be reached${through} ${forEndpoint}`;
        return GatewayError.upstreamUnavailable(certificateFailure(code, unreached) ?? `${unreached} (${failureOf(error, code, proxy !== null)}).`);
      }
    }
  }

  function describeBody(text: string, contentType: string | null, status: number): string {
    if (contentType?.includes('html')) return `${providerName} answered with an HTML page (status ${status}) instead of JSON.`;
    if (text.trim() === '') return `${providerName} answered with status ${status} and an empty body.`;
    return excerpt(text);
  }

  /** The gateway error for an error status, with the vendor's message when its body has one. */
  function errorFromAnswer(answer: { statusCode: number; contentType: string | null; retryAfter: string | null; text: string }): GatewayError {
    const parsed = parseJson(answer.text);
    const hints = parsed.ok ? options.errorHints?.(parsed.value, answer.statusCode) : undefined;
    const status = hints?.status ?? answer.statusCode;
    const described = (parsed.ok ? errorMessage(parsed.value) : null) ?? describeBody(answer.text, answer.contentType, status);
    return GatewayError.upstream({
      status,
      message: redacted(described, credentials),
      endpoint: endpointName,
      retryAfter: answer.retryAfter ?? hints?.retryAfter ?? null,
      authFailure: hints?.authFailure,
      vendorError: vendorErrorWithoutSecrets(hints?.vendorError ?? null, credentials),
    });
  }

  /**
   * An error status whose body does not decode is still that error, as one whose body is not JSON
   * (`errorFromAnswer`): its status and Retry-After kept, the coding named where the vendor's message would be.
   */
  function errorOfUndecodable(error: UndecodableAnswer): GatewayError {
    const { statusCode: status, retryAfter } = error;
    const message = `${providerName} answered with status ${status} and ${error.body}; its message could not be decoded.`;
    return GatewayError.upstream({ status, message: redacted(message, credentials), endpoint: endpointName, retryAfter });
  }

  function wrongContentType(status: number, contentType: string | null, expected: string): GatewayError {
    return GatewayError.upstreamUnavailable(
      `${providerName} answered ${forEndpoint} with status ${status} and content type '${contentType ?? 'none'}' instead of ${expected}.`,
    );
  }

  async function postJson(path: string, body: unknown, { signal, keepText = false }: { signal: CallSignal; keepText?: boolean }): Promise<unknown> {
    let answer: WholeResponse;
    const headers = withForwarded(jsonHeaders, signal);
    noteProviderRequestId(signal, null);
    try {
      answer = await requestWhole(
        connections(),
        { origin, method: 'POST', path: requestPath(path), headers: options.accessToken === undefined ? headers : await withAccessToken(options.accessToken, headers, signal), body: jsonBytes(body), headersTimeout, bodyTimeout },
        signal,
        maxAnswerBytes,
        timeouts,
      );
    } catch (error) {
      throw translate(error, signal);
    }
    const { statusCode, contentType } = answer;
    noteAnswerId(signal, answer.requestId);
    if (statusCode >= 300) {
      throw errorFromAnswer({ statusCode, contentType, retryAfter: answer.retryAfter, text: answer.body.toString() });
    }
    if (!contentType?.includes('json')) throw wrongContentType(statusCode, contentType, 'JSON');
    const text = answer.body.toString();
    const parsed = parseJson(text);
    if (!parsed.ok) throw GatewayError.upstreamUnavailable(`${providerName} sent a response that is not valid JSON ${forEndpoint}.`);
    if (keepText) keepSourceText(parsed.value, text);
    return parsed.value;
  }

  /** A stream request's answer is read whole, to become an error, when it cannot be an event stream. */
  function refusesStream(statusCode: number, contentType: string | null): boolean {
    return statusCode >= 300 || contentType?.includes('json') === true || contentType?.includes('html') === true;
  }

  function streamRefusal(answer: RefusedAnswer): GatewayError {
    if (answer.statusCode >= 300) return errorFromAnswer(answer);
    // A JSON answer to a stream request is usually an error in a 2xx envelope; show its message.
    const parsed = parseJson(answer.text);
    const vendorMessage = parsed.ok ? errorMessage(parsed.value) : null;
    if (vendorMessage !== null) return GatewayError.upstreamUnavailable(`${providerName} answered ${forEndpoint}: ${redacted(vendorMessage, credentials)}`);
    return wrongContentType(answer.statusCode, answer.contentType, 'an event stream');
  }

  /** A 2xx JSON answer to a stream request that is not an error, as `eventsOfAnswer` makes events of it. */
  function answerAsEvents(answer: RefusedAnswer, eventsOfAnswer: (answer: unknown) => readonly SseEvent[] | null): readonly SseEvent[] | null {
    if (answer.statusCode >= 300 || answer.contentType?.includes('json') !== true) return null;
    const parsed = parseJson(answer.text);
    // An error in a 2xx envelope stays an error (`streamRefusal`).
    return parsed.ok && errorMessage(parsed.value) === null ? eventsOfAnswer(parsed.value) : null;
  }

  /** Requests a stream: SSE (`postStream`) or NDJSON lines (`postNdjson`), on the same transport. */
  function requestStream(path: string, body: unknown, signal: CallSignal, format: StreamFormat): AsyncIterable<SseEvent> {
    const headers = withForwarded(format.headers, signal);
    return options.accessToken === undefined ? openStream(path, body, signal, format, headers) : afterAccessToken(options.accessToken, { path, body, signal, format, headers });
  }

  function openStream(path: string, body: unknown, signal: CallSignal, format: StreamFormat, headers: Record<string, string>): AsyncIterable<SseEvent> {
    return requestEvents({
      dispatcher: connections(),
      request: { origin, method: 'POST', path: requestPath(path), headers, body: jsonBytes(body), headersTimeout, bodyTimeout },
      firstByteTimeout: timeouts.headers,
      idleTimeout: timeouts.body,
      signal,
      createDecoder: format.createDecoder,
      refuses: format.refuses,
      maxRefusedBytes: maxAnswerBytes,
      refusal: format.refusal,
      answerEvents: format.answerEvents,
      noteAnswerId,
      translate: (error, answerStarted) => translate(error, signal, answerStarted),
    });
  }

  /** A stream that takes the access token first; lazy like the others (nothing before the first `next()`). */
  async function* afterAccessToken(
    accessToken: (signal: CallSignal) => Promise<string>,
    { path, body, signal, format, headers: sent }: { path: string; body: unknown; signal: CallSignal; format: StreamFormat; headers: Record<string, string> },
  ): AsyncIterable<SseEvent> {
    let headers: Record<string, string>;
    try {
      headers = await withAccessToken(accessToken, sent, signal);
    } catch (error) {
      throw translate(error, signal);
    }
    yield* openStream(path, body, signal, format, headers);
  }

  const sse: StreamFormat = { headers: streamHeaders, refuses: refusesStream, refusal: streamRefusal };
  const ndjson: StreamFormat = {
    headers: ndjsonHeaders,
    createDecoder: () => new NdjsonDecoder(),
    // `application/stream+json` is the stream itself: only an error status or a web page is refused.
    refuses: (statusCode, contentType) => statusCode >= 300 || contentType?.includes('html') === true,
    refusal: (answer) => (answer.statusCode >= 300 ? errorFromAnswer(answer) : wrongContentType(answer.statusCode, answer.contentType, `'${NDJSON_ACCEPT}'`)),
  };

  return {
    postJson,
    postStream: (path, body, { signal, eventsOfAnswer }) =>
      requestStream(path, body, signal, eventsOfAnswer ? { ...sse, answerEvents: (answer) => answerAsEvents(answer, eventsOfAnswer) } : sse),
    postNdjson: (path, body, { signal }) => requestStream(path, body, signal, ndjson),
    sentCredentials: () => sentTokens,
  };
}
