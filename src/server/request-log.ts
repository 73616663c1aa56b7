/**
 * The audit log: every request gets an id (a sane incoming `x-request-id`, or a new UUID), sent
 * back as `x-request-id`, and one JSON line when it ends: route, endpoint, provider, model, client
 * key name, status, latency, time to first chunk, retries, tokens, web searches and, through a
 * traffic route, the destinations tried (a successful probe or scrape: at debug only, `isRoutinePoll`). With
 * `logging.bodies`, the request and response bodies too, each bounded by `logging.max_body_size`:
 * one line must stay something a log collector takes, and a long stream must not be held whole
 * until it ends. Headers are never logged, so neither are keys; only the ids of a valid W3C
 * `traceparent` are (trace-context.ts). Nor are the credentials a body passes to a vendor (body-secrets.ts).
 *
 * Route handlers fill the request's record (`recordOf(response)`); the same finished record feeds
 * the metrics.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import type { CompiledEndpoint } from '../config/compile';
import type { GatewayError } from '../errors';
import type { EstimatedTokens, StreamTokenCount } from '../limits/stream-tokens';
import { clientOf } from './auth';
import { withoutBodySecrets } from './body-secrets';
import { carriesToken } from './first-token';
import { AUDIT_MESSAGE, auditWriterOf, loggedMessage, type Logger } from './logging';
import type { RouteTemplateMatcher } from './routed-paths';
import type { GatewayState } from './state';
import { traceContextOf, type TraceContext } from './trace-context';
import { addTokenCounts, addUsageDetails, usageOf, type TokenUsage } from './token-usage';

const REQUEST_ID_HEADER = 'x-request-id';

/** A response carrying per-request state in `locals`: Express's, or the fast path's (fast-path.ts). */
export type ResponseWithLocals = ServerResponse & { locals: Record<string, unknown> };

/**
 * A traffic route's call: its strategy and the destinations it tried, in order (a FALLBACK route
 * moves past failures), each with the status its answer or failure had and the failure's code.
 */
export interface RouteCall {
  strategy: 'TRAFFIC_SPLIT' | 'FALLBACK';
  attempts: { endpoint: string; status: number; code: string | null }[];
}

/** What is known about one request; filled as it is served. */
export interface RequestRecord {
  id: string;
  method: string;
  path: string;
  /** The route pattern, e.g. `/v1/chat/completions` or `/endpoints/{name}/invocations`. */
  route: string;
  /** The name the client called (an endpoint or a traffic route). */
  called: string | null;
  endpoint: CompiledEndpoint | null;
  client: string | null;
  stream: boolean;
  status: number;
  startedAt: number;
  latencyMs: number;
  /** Milliseconds until the first stream chunk was ready. */
  firstChunkMs: number | null;
  /** Milliseconds until the first stream chunk with a generated token (`carriesToken`) was ready. */
  firstTokenMs: number | null;
  retries: number;
  /** The client's valid `traceparent` (and `tracestate`), else null. */
  trace: TraceContext | null;
  /** Only when the client called a traffic route: a plain endpoint's line has no route fields. */
  routeCall?: RouteCall;
  /** As reported: what the token metrics count. */
  usage: TokenUsage | null;
  /** A stream's tokens: its estimate goes on the line when it reported no whole usage (see `lineEstimate`). */
  streamTokens: StreamTokenCount | null;
  /** A token limit counts `streamTokens` (meterStream observes its chunks); without one, `chunkObserver` does. */
  streamTokensLimited: boolean;
  error: { code: string | null; message: string } | null;
  /** The client left before the response was complete (logged and counted as 499; see `clientLeft`). */
  aborted: boolean;
  /** `error` is already in the upstream-error metrics (a FALLBACK route's answer from a destination it moved past). */
  errorCounted?: boolean;
  /** The status of an answer written straight to the socket (http-server.ts: a 408 to a client too slow to send its body). */
  rawStatus?: number;
  logBodies: boolean;
  /** The most of one body the line holds, in characters of its JSON. */
  maxBodyChars: number;
  requestBody?: unknown;
  /** A whole answer, or a stream's chunks. */
  responseBody?: unknown;
}

/** `x-request-id` values we pass on: up to 128 visible ASCII characters, no spaces or quotes. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function recordOf(response: ResponseWithLocals): RequestRecord {
  return response.locals.record as RequestRecord;
}

/**
 * Notes the route pattern, whether the client asked for a stream and, once known, the name it
 * called: a request refused before any endpoint (401/403/404/422/429) keeps them too, and (with
 * `logging.bodies`) its body, the first thing to look at when the gateway refused it.
 */
export function recordCall(response: ResponseWithLocals, options: { route: string; called: string | null; stream: boolean; requestBody: unknown }): void {
  const record = recordOf(response);
  record.route = options.route;
  record.called = options.called;
  record.stream = options.stream;
  if (record.logBodies) record.requestBody = options.requestBody;
}

/** Notes the endpoint serving the request and the name the client called. */
export function recordEndpoint(response: ResponseWithLocals, options: { route: string; called: string; endpoint: CompiledEndpoint; requestBody: unknown }): void {
  const record = recordOf(response);
  record.route = options.route;
  record.called = options.called;
  record.endpoint = options.endpoint;
  if (record.logBodies) record.requestBody = options.requestBody;
}

/**
 * Notes that the name called is a traffic route, and returns the list its tried destinations go in
 * (`routing_strategy` and `attempts` on the line: which destinations failed, and why, before the answer).
 */
export function recordRouteCall(response: ResponseWithLocals, strategy: RouteCall['strategy']): RouteCall['attempts'] {
  const routeCall: RouteCall = { strategy, attempts: [] };
  recordOf(response).routeCall = routeCall;
  return routeCall.attempts;
}

/** The request's id, for the other lines it causes (warnings, errors): so they can be found with its audit line. */
export function requestIdOfResponse(response: ResponseWithLocals): string | null {
  return (response.locals.record as RequestRecord | undefined)?.id ?? null;
}

export function recordError(response: ResponseWithLocals, error: GatewayError): void {
  const record = response.locals.record as RequestRecord | undefined;
  // After a raw answer (recordRawAnswer), the handler's own failure (its body cut short) is not what the client was told.
  if (record && record.rawStatus === undefined) record.error = { code: error.code, message: error.message };
}

/**
 * The server answered this request itself, on the socket, and closed the connection (a body not
 * received within `request_timeout`): the line shows that status and error, not a client that left.
 */
export function recordRawAnswer(response: ServerResponse, error: GatewayError): void {
  const record = (response as Partial<ResponseWithLocals>).locals?.record as RequestRecord | undefined;
  if (!record) return;
  record.rawStatus = error.status;
  record.error = { code: error.code, message: error.message };
}

export function recordResult(response: ResponseWithLocals, body: unknown): void {
  const record = recordOf(response);
  record.usage = usageOf(body);
  if (record.logBodies) record.responseBody = body;
}

/** Notes a stream's tokens and whether a token limit counts them (see `RequestRecord.streamTokens`). */
export function recordStreamTokens(response: ResponseWithLocals, stream: { tokens: StreamTokenCount; limited: boolean }): void {
  const record = recordOf(response);
  record.streamTokens = stream.tokens;
  record.streamTokensLimited = stream.limited;
}

/** A stream's chunks as logged: the first ones whose JSON fits the limit together, and a count of the rest. */
class LoggedChunks {
  readonly chunks: unknown[] = [];
  omitted = 0;
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  add(chunk: unknown): void {
    if (this.omitted === 0) {
      const chars = JSON.stringify(chunk).length;
      if (this.chars + chars <= this.maxChars) {
        this.chunks.push(chunk);
        this.chars += chars;
        return;
      }
    }
    this.omitted += 1;
  }
}

/**
 * For a streamed answer: returns what to call with each chunk as it is sent, noting when the first
 * was ready, the usage, and (with body logging) the chunks. A callback, not a generator around the
 * stream: each generator layer costs a promise per chunk.
 */
export function chunkObserver(response: ResponseWithLocals): (chunk: unknown) => void {
  const record = recordOf(response);
  record.stream = true;
  const logged = record.logBodies ? new LoggedChunks(record.maxBodyChars) : null;
  if (logged) record.responseBody = logged;
  // No token limit meters this stream: its tokens are observed here, for the line of a stream cut short.
  const tokens = record.streamTokensLimited ? null : record.streamTokens;
  return (chunk) => {
    record.firstChunkMs ??= performance.now() - record.startedAt;
    if (record.firstTokenMs === null && carriesToken(chunk)) record.firstTokenMs = performance.now() - record.startedAt;
    record.usage = usageOf(chunk) ?? record.usage;
    tokens?.observe(chunk);
    logged?.add(chunk);
  };
}

/**
 * `name` and its body as the line holds them: the body itself when its JSON fits `maxChars`, else
 * the start of that JSON text and `<name>_omitted_chars`; a stream's first chunks and
 * `<name>_omitted_chunks` when some were left out.
 */
function loggedBody(name: string, body: unknown, maxChars: number): Record<string, unknown> {
  if (body instanceof LoggedChunks) return body.omitted === 0 ? { [name]: body.chunks } : { [name]: body.chunks, [`${name}_omitted_chunks`]: body.omitted };
  if (body === undefined) return { [name]: null };
  const text = JSON.stringify(body);
  return text.length <= maxChars ? { [name]: body } : { [name]: text.slice(0, maxChars), [`${name}_omitted_chars`]: text.length - maxChars };
}

/** `path` is the request's path as it arrived: a mounted app (Swagger UI at /docs) strips `request.path`. */
function routeLabel(request: Request, path: string, templateOf: RouteTemplateMatcher): string {
  const routePath = (request.route as { path?: unknown } | undefined)?.path;
  // Express spells parameters `:name`; labels use the spec's `{name}`, as the fast path does.
  if (typeof routePath === 'string') return routePath.replace(/:(\w+)/g, '{$1}');
  if (path === '/docs' || path.startsWith('/docs/')) return '/docs';
  return templateOf(path) ?? 'unmatched';
}

/** nginx's "client closed request": the client left before the response was complete. */
const CLIENT_CLOSED_STATUS = 499;

/**
 * Whether the client left before its answer was complete: an answer cut before it was complete, a
 * stream cut after its first chunks included (its 200 said only that it had started). Not when the
 * gateway itself ended it with an error (an error event to a client that stopped reading, a failure
 * after the headers), nor when the server answered on the socket: those keep the status the client
 * was sent, and their line says `request` with the error.
 */
function clientLeft(record: RequestRecord, response: ServerResponse): boolean {
  if (record.rawStatus !== undefined || response.writableFinished) return false;
  return !response.headersSent || record.error === null;
}

/**
 * A stream's estimate on its line, when it reported no whole usage (none, or `prompt_tokens` alone):
 * the one a token limit counted, however the stream ended; without a limit, only for a stream cut
 * short (the client left, or it failed). The gateway then asks for no usage, so a stream that ended
 * normally without it is one whose client did not ask (OpenAI's), not a count that was lost.
 */
function lineEstimate(record: RequestRecord): EstimatedTokens | null {
  const tokens = record.streamTokens;
  if (tokens === null || (!record.streamTokensLimited && !record.aborted && record.error === null)) return null;
  return tokens.estimate();
}

/** A route's fields on the line: a failed attempt with its error's code, an answer with its status alone. */
function addRouteCall(line: Record<string, unknown>, routeCall: RouteCall): void {
  line.routing_strategy = routeCall.strategy;
  line.attempts = routeCall.attempts.map(({ endpoint, status, code }) => (code === null ? { endpoint, status } : { endpoint, status, code }));
}

/** The fields of a request's audit line (pino's level, time, pid and msg come around them). */
export function logLine(record: RequestRecord): Record<string, unknown> {
  const line: Record<string, unknown> = {
    request_id: record.id,
    method: record.method,
    path: record.path,
    route: record.route,
    endpoint: record.endpoint?.name ?? null,
    called: record.called === null ? null : loggedMessage(record.called),
    provider: record.endpoint?.provider ?? null,
    model: record.endpoint?.view.model.name ?? null,
    client: record.client,
    stream: record.stream,
    status: record.status,
    latency_ms: Math.round(record.latencyMs),
    first_chunk_ms: record.firstChunkMs === null ? null : Math.round(record.firstChunkMs),
    retries: record.retries,
  };
  if (record.trace) Object.assign(line, { trace_id: record.trace.traceId, parent_span_id: record.trace.parentId });
  const estimate = lineEstimate(record);
  addTokenCounts(line, estimate === null ? record.usage : null, estimate);
  // The time the gen_ai_server_time_to_first_token_seconds metric observes: a stream's line only.
  if (record.stream) line.first_token_ms = record.firstTokenMs === null ? null : Math.round(record.firstTokenMs);
  if (record.usage) addUsageDetails(line, record.usage);
  if (record.routeCall) addRouteCall(line, record.routeCall);
  if (record.error) line.error = { code: record.error.code, message: loggedMessage(record.error.message) };
  if (record.logBodies) {
    Object.assign(line, loggedBody('request_body', withoutBodySecrets(record.requestBody), record.maxBodyChars), loggedBody('response_body', record.responseBody, record.maxBodyChars));
  }
  return line;
}

/** The routes machines poll: Kubernetes probes `/health` every few seconds, Prometheus scrapes `/metrics`. */
const POLLED_ROUTES = new Set(['/health', '/metrics']);

/**
 * A probe or scrape that succeeded: its line would say nothing but that the gateway is up, every few
 * seconds per probe, so it is logged at debug only (it is still counted in the metrics). A failed
 * one (a 401 on `/metrics`, a probe cut short: 499) is logged like any request.
 */
export function isRoutinePoll(record: Pick<RequestRecord, 'route' | 'method' | 'status'>): boolean {
  return POLLED_ROUTES.has(record.route) && (record.method === 'GET' || record.method === 'HEAD') && record.status < 400;
}

/** A request's record as it starts: nothing known yet but its id, method and path. */
function newRecord(options: { id: string; method: string; path: string; trace?: TraceContext | null; logging: { bodies: boolean; maxBodyChars: number } }): RequestRecord {
  return {
    id: options.id,
    method: options.method,
    path: options.path,
    route: 'unmatched',
    called: null,
    endpoint: null,
    client: null,
    stream: false,
    status: 0,
    startedAt: performance.now(),
    latencyMs: 0,
    firstChunkMs: null,
    firstTokenMs: null,
    retries: 0,
    trace: options.trace ?? null,
    usage: null,
    streamTokens: null,
    streamTokensLimited: false,
    error: null,
    aborted: false,
    logBodies: options.logging.bodies,
    maxBodyChars: options.logging.maxBodyChars,
  };
}

/**
 * First middleware: gives the request its id and record, and logs (and hands to `onDone`) the
 * record when the response ends or the client leaves.
 */
export function requestLog(options: {
  logger: Logger;
  state: GatewayState;
  /** The spec's route for requests answered before routing; none matches when not given. */
  routeTemplateOf?: RouteTemplateMatcher;
  onDone?: (record: RequestRecord) => void;
}): RequestHandler {
  const { logger, state } = options;
  const templateOf = options.routeTemplateOf ?? (() => undefined);
  const writeAudit = auditWriterOf(logger);
  return (request, response, next) => {
    const { headers } = request;
    const record = newRecord({ id: requestIdOf(headers[REQUEST_ID_HEADER]), method: request.method, path: request.path, trace: traceContextOf(headers), logging: state.plan.logging });
    response.locals.record = record;
    response.setHeader(REQUEST_ID_HEADER, record.id);
    logger.debug({ request_id: record.id, method: record.method, path: record.path }, 'request received');
    response.on('close', () => {
      record.latencyMs = performance.now() - record.startedAt;
      // Status and message are decided together, so that a line never says 200 and "aborted by the client".
      record.aborted = clientLeft(record, response);
      record.status = record.rawStatus ?? (record.aborted ? CLIENT_CLOSED_STATUS : response.statusCode);
      record.client = clientOf(response)?.name ?? null;
      if (record.route === 'unmatched') record.route = routeLabel(request, record.path, templateOf);
      if (!isRoutinePoll(record)) writeAudit(logLine(record), record.aborted ? AUDIT_MESSAGE.aborted : AUDIT_MESSAGE.done);
      else if (logger.isLevelEnabled('debug')) logger.debug(logLine(record), AUDIT_MESSAGE.done);
      options.onDone?.(record);
    });
    next();
  };
}

/** What the audit log knows of a request node's parser refused before any request object existed. */
export interface ParserRefusal {
  /** From the request line, when the packet held one. */
  method: string | null;
  path: string | null;
  error: GatewayError;
}

/** The methods a metric label may take; any other spelling a client sent is `_OTHER` (OpenTelemetry's rule). */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * The audit line (and the metrics, through `onDone`) of a request refused by node's parser: bad
 * HTTP (400), headers too large (431), headers not received in time (408). No middleware ran, so
 * it gets a new id and the route `unmatched`; the client was answered on the socket (http-server.ts).
 */
export function parserRefusalLog(options: { logger: Logger; state: GatewayState; onDone?: (record: RequestRecord) => void }): (refusal: ParserRefusal) => void {
  const writeAudit = auditWriterOf(options.logger);
  return ({ method, path, error }) => {
    const record = newRecord({
      id: randomUUID(),
      method: method !== null && KNOWN_METHODS.has(method) ? method : '_OTHER',
      path: path ?? '',
      logging: { bodies: false, maxBodyChars: options.state.plan.logging.maxBodyChars },
    });
    record.status = error.status;
    record.error = { code: error.code, message: error.message };
    writeAudit(logLine(record), AUDIT_MESSAGE.done);
    options.onDone?.(record);
  };
}
