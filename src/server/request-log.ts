/**
 * The audit log's middleware: every request gets an id (a sane incoming `x-request-id`, or a new
 * UUID), sent back as `x-request-id`, and a record (request-record.ts); when it ends, one JSON line
 * (audit-line.ts; a successful probe or scrape at debug only, `isRoutinePoll`). Headers are never
 * logged, so neither are keys; only the ids of a valid W3C `traceparent` are (trace-context.ts).
 * The same finished record feeds the metrics (`onDone`); until its response closes, the request
 * counts as active (active-requests.ts).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import type { GatewayError } from '../errors';
import { activeRequestLabels, requestEnded, requestStarted } from './active-requests';
import { isRoutinePoll, logLine } from './audit-line';
import { clientOf } from './auth';
import { releaseBody } from './held-bodies';
import { AUDIT_MESSAGE, auditWriterOf, type Logger } from './logging';
import { methodLabel } from './method-label';
import { newRecord, type RequestRecord } from './request-record';
import type { RouteTemplateMatcher } from './routed-paths';
import type { GatewayState } from './state';
import { traceContextOf } from './trace-context';

const REQUEST_ID_HEADER = 'x-request-id';

/** `x-request-id` values we pass on: up to 128 visible ASCII characters, no spaces or quotes. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
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
 * The requests whose audit line is still to come. The shutdown waits for them before the process
 * exits (cli.ts): a connection cut at its end closes in a later turn of the event loop than the
 * server's own close, so exiting then lost the lines of the requests cut (a stream not read, a body
 * still arriving), and the log showed no trace of them.
 */
export class UnloggedRequests {
  private count = 0;
  private waiting: (() => void)[] = [];

  opened(): void {
    this.count += 1;
  }

  logged(): void {
    this.count -= 1;
    if (this.count > 0) return;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Resolves once every request opened so far has its line. */
  allLogged(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
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
  unlogged?: UnloggedRequests;
}): RequestHandler {
  const { logger, state, unlogged } = options;
  const templateOf = options.routeTemplateOf ?? (() => undefined);
  const writeAudit = auditWriterOf(logger);
  return (request, response, next) => {
    const { headers } = request;
    const record = newRecord({ id: requestIdOf(headers[REQUEST_ID_HEADER]), method: request.method, path: request.path, trace: traceContextOf(headers), logging: state.plan.logging });
    response.locals.record = record;
    response.setHeader(REQUEST_ID_HEADER, record.id);
    logger.debug({ request_id: record.id, method: record.method, path: record.path }, 'request received');
    unlogged?.opened();
    const active = activeRequestLabels(request.method);
    requestStarted(active);
    response.on('close', () => {
      // Here rather than in listeners of their own: fewer per request on the hot path.
      requestEnded(active);
      releaseBody(record);
      record.latencyMs = performance.now() - record.startedAt;
      // Status and message are decided together, so that a line never says 200 and "aborted by the client".
      record.aborted = clientLeft(record, response);
      record.status = record.rawStatus ?? (record.aborted ? CLIENT_CLOSED_STATUS : response.statusCode);
      record.client = clientOf(response)?.name ?? null;
      if (record.route === 'unmatched') record.route = routeLabel(request, record.path, templateOf);
      if (!isRoutinePoll(record)) writeAudit(logLine(record), record.aborted ? AUDIT_MESSAGE.aborted : AUDIT_MESSAGE.done);
      else if (logger.isLevelEnabled('debug')) logger.debug(logLine(record), AUDIT_MESSAGE.done);
      options.onDone?.(record);
      unlogged?.logged();
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
      method: methodLabel(method),
      path: path ?? '',
      logging: { bodies: false, maxBodyChars: options.state.plan.logging.maxBodyChars },
    });
    record.status = error.status;
    record.error = { code: error.code, message: error.message };
    writeAudit(logLine(record), AUDIT_MESSAGE.done);
    options.onDone?.(record);
  };
}
