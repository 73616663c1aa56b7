/**
 * What is known about one request as it is served: its record, made when it arrives (request-log.ts)
 * and filled by the route handlers (`recordOf(response)`, `recordCall`, `recordEndpoint`, `recordResult`,
 * a stream's `chunkObserver`). The finished record makes the audit line (audit-line.ts) and feeds the metrics.
 */
import { performance } from 'node:perf_hooks';
import type { ServerResponse } from 'node:http';
import type { CompiledEndpoint } from '../config/compile';
import type { GatewayError } from '../errors';
import type { CallAbort } from '../providers/abort';
import type { StreamTokenCount } from '../limits/stream-tokens';
import { carriesToken } from './first-token';
import type { TraceContext } from './trace-context';
import { usageOf, type TokenUsage } from './token-usage';

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
  /** The provider call's abort, which holds the id of the provider's latest answer (`providerRequestId`); null before a call. */
  providerCall: CallAbort | null;
  /** The client's valid `traceparent` (and `tracestate` header), else null. */
  trace: TraceContext | null;
  /** Only when the client called a traffic route: a plain endpoint's line has no route fields. */
  routeCall?: RouteCall;
  /** As reported: what the token metrics count. */
  usage: TokenUsage | null;
  /** A stream's tokens: its estimate goes on the line when it reported no whole usage (see `lineEstimate`). */
  streamTokens: StreamTokenCount | null;
  /** A token limit counts `streamTokens` (meterStream observes its chunks); without one, `chunkObserver` does. */
  streamTokensLimited: boolean;
  /** The endpoint whose calls `streamTokens` counts: after a FALLBACK route, maybe not `endpoint` (see invocations.ts). */
  streamTokensEndpoint: CompiledEndpoint | null;
  error: { code: string | null; message: string } | null;
  /** The client left before the response was complete (logged and counted as 499; see `clientLeft`). */
  aborted: boolean;
  /**
   * Milliseconds after `startedAt` when the call of `endpoint` started, set only when a FALLBACK route
   * moved past a destination (see `startNextCall`): each destination's call is timed from its own start.
   */
  operationStartMs?: number;
  /**
   * `error` and its call are already in the metrics (upstream errors, operation duration): a FALLBACK
   * route's answer from a destination it moved past, counted then.
   */
  errorCounted?: boolean;
  /** The status of an answer written straight to the socket (http-server.ts: a 408 to a client too slow to send its body). */
  rawStatus?: number;
  /** The bytes its body holds of `server.max_in_flight_body_size` until its response closes (held-bodies.ts). */
  heldBodyBytes: number;
  logBodies: boolean;
  /** The most of one body the line holds, in characters of its JSON. */
  maxBodyChars: number;
  requestBody?: unknown;
  /** A whole answer, or a stream's chunks. */
  responseBody?: unknown;
}

/** A request's record as it starts: nothing known yet but its id, method and path. */
export function newRecord(options: { id: string; method: string; path: string; trace?: TraceContext | null; logging: { bodies: boolean; maxBodyChars: number } }): RequestRecord {
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
    providerCall: null,
    trace: options.trace ?? null,
    usage: null,
    streamTokens: null,
    streamTokensLimited: false,
    streamTokensEndpoint: null,
    error: null,
    aborted: false,
    heldBodyBytes: 0,
    logBodies: options.logging.bodies,
    maxBodyChars: options.logging.maxBodyChars,
  };
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

/** Notes a stream's tokens, whether a token limit counts them and whose calls they are (see `RequestRecord.streamTokens`). */
export function recordStreamTokens(response: ResponseWithLocals, stream: { tokens: StreamTokenCount; limited: boolean; endpoint: CompiledEndpoint }): void {
  const record = recordOf(response);
  record.streamTokens = stream.tokens;
  record.streamTokensLimited = stream.limited;
  record.streamTokensEndpoint = stream.endpoint;
}

/**
 * For a FALLBACK route: ends the call of the destination tried last, whose failure is not the answer,
 * and starts the next one's now. Returns how long the call that ended took, in seconds, from its own
 * start (the request's arrival for the first destination).
 */
export function startNextCall(record: RequestRecord): number {
  const nowMs = performance.now() - record.startedAt;
  const seconds = (nowMs - (record.operationStartMs ?? 0)) / 1000;
  record.operationStartMs = nowMs;
  return seconds;
}

/** A stream's chunks as logged: the first ones whose JSON fits the limit together, and a count of the rest. */
export class LoggedChunks {
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
