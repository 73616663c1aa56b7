/**
 * The Node HTTP server around the app, with the `server:` timeouts against slow clients
 * (slowloris): a request whose headers or body do not arrive in time gets a 408 with a JSON body
 * and its connection closed; malformed HTTP gets a 400 (431 for oversized headers; a missing Host:
 * `checkRequestHead`, run by the app, as an unmet `Expect`'s 417), a CONNECT a 405. Idle
 * keep-alive connections stay open `keep_alive_timeout` (65 s), not Node's 5 s: a load balancer
 * reusing connections (60 s idle at AWS ALB and nginx) must not find one the gateway just closed.
 * Timeouts are read at start-up. At shutdown, `closeConnectionsAfterAnswers` makes the answers still
 * to come close their connections. A response queued behind another (pipelining) closes with its
 * connection, as node's own do (`closeWithConnection`).
 */
import { createServer, ServerResponse, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerPlan } from '../config/server-settings';
import { GatewayError } from '../errors';
import { dialectOfPath, errorBody } from './errors';
import type { ParserRefusal } from './request-log';
import { recordRawAnswer } from './request-record';

function clientErrorOf(code: string | undefined): GatewayError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new GatewayError({ status: 408, message: 'the request was not received in time (server.request_timeout / server.headers_timeout)', kind: 'invalid_request_error', code: 'request_timeout' });
    case 'HPE_HEADER_OVERFLOW':
      return new GatewayError({ status: 431, message: 'the request headers are too large', kind: 'invalid_request_error', code: 'headers_too_large' });
    default:
      return new GatewayError({ status: 400, message: 'the request is not valid HTTP', kind: 'invalid_request_error', code: 'bad_http_request' });
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The raw answer written straight to the socket (no ServerResponse exists, or none was started). */
export function rawErrorResponse(code: string | undefined, url: string | undefined): string {
  return rawAnswer(clientErrorOf(code), url);
}

function rawAnswer(error: GatewayError, url: string | undefined): string {
  const body = JSON.stringify(errorBody(error, dialectOfPath(url)));
  return `HTTP/1.1 ${error.status} ${REASONS[error.status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** What node keeps on a server's socket: the response being written, and the parser with the request it is reading. */
type ConnectionSocket = Socket & {
  _httpMessage?: ServerResponse & { req?: IncomingMessage };
  parser?: { incoming?: IncomingMessage | null; _url?: string } | null;
};

/** node's parse errors carry the bytes being parsed and how far the parser got in them. */
type ParseError = NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number };

/**
 * A request line (`POST /v1/chat/completions HTTP/1.1`): method, target. Pipelined, it follows the
 * previous body directly. The method starts a run of capitals (the only place a match can start
 * anyway): tried at every capital of a long run, each try scanning the target after it, a 64 KB
 * packet of `AAA…A xxx…x` took 30 s of the event loop, with nothing authenticated yet.
 */
const REQUEST_LINE = /(?<![A-Z])([A-Z]+) (\S+) HTTP\/\d/g;

/**
 * The request line of the request a parse error belongs to: the last one that starts before the
 * point where the parser stopped (earlier requests in the same packet were parsed fine), its target
 * in origin form (`http://host/v1/…` → `/v1/…`). Undefined when the packet holds none.
 */
export function failedRequestLine(packet: Buffer | undefined, bytesParsed: number | undefined): { method: string; target: string } | undefined {
  if (packet === undefined) return undefined;
  const text = packet.toString('latin1');
  const stop = bytesParsed ?? text.length;
  let line: { method: string; target: string } | undefined;
  for (const match of text.matchAll(REQUEST_LINE)) {
    if ((match.index ?? 0) > stop) break;
    line = { method: match[1], target: match[2].replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') };
  }
  return line;
}

/**
 * The method and URL of a request that failed before node made a request of it: the request line
 * in the failing packet, else the URL node's parser had kept (it keeps it once past 32 headers).
 */
function failedRequest(error: ParseError, socket: ConnectionSocket): { method: string | null; url: string | undefined } {
  const line = failedRequestLine(error.rawPacket, error.bytesParsed);
  return line ? { method: line.method, url: line.target } : { method: null, url: socket.parser?._url || undefined };
}

/** Writes the audit line of a request refused by the parser (request-log.ts, through the app's `locals`). */
type RefusalLog = (refusal: ParserRefusal) => void;

/** Set for a server when its shutdown starts. */
const shuttingDown = new WeakSet<Server>();

/**
 * The server's responses: once its shutdown has started, an answer says `Connection: close` as its
 * headers are written, and node closes the connection once it is sent, so a client or load
 * balancer reusing connections does not send another request on one the gateway is about to close.
 * A flag read here rather than a collection of the responses in flight: holding those (or their
 * sockets) in a process-wide collection raised the gateway's peak memory by 20-50 MB under load.
 */
function serverResponseClass(server: () => Server): typeof ServerResponse {
  return class GatewayResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
    override writeHead(statusCode: number, ...rest: unknown[]): this {
      if (shuttingDown.has(server()) && !this.headersSent) this.setHeader('Connection', 'close');
      return (super.writeHead as (statusCode: number, ...rest: unknown[]) => this)(statusCode, ...rest);
    }
  };
}

/**
 * From now on every answer not yet started closes its connection (see `serverResponseClass`).
 * Answers already started, such as streams, keep their connection until it is idle; the shutdown
 * closes idle connections.
 */
export function closeConnectionsAfterAnswers(server: Server): void {
  shuttingDown.add(server);
}

/** node's list of a server's connections (`server[kConnections]`, their parsers), which `closeIdleConnections` reads. */
type ConnectionList = { idle(): { socket: ConnectionSocket }[]; all(): { socket: ConnectionSocket | null }[] };

export function connectionsOf(server: Server): ConnectionList | undefined {
  const symbol = Object.getOwnPropertySymbols(server).find((key) => key.description === 'http.server.connections');
  return symbol === undefined ? undefined : (server as unknown as Record<symbol, ConnectionList | undefined>)[symbol];
}

/**
 * The server's `closeIdleConnections()` (which `server.close()` calls too, and the shutdown every
 * 100 ms): node's, except that it leaves the connections whose answer is not yet all sent. Node
 * counts an answer as done once `end()` is called, so a client still reading a long answer (a large
 * JSON body, the end of a stream) had it cut at SIGTERM, the drain ending at once with its client
 * holding half an answer. Such a connection closes once the answer is sent (its `Connection: close`,
 * or the next call of this), or at the drain's end. A connection that has sent nothing yet (a
 * client or load balancer connecting ahead of its requests) is idle too, though node counts it
 * active (its headers timer runs from the connection's start): left open, it held every drain to
 * `shutdown_timeout`.
 */
function keepAnswersBeingSent(server: Server): void {
  const nodeRule = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    // Made when the server listens. A node without it (not one the gateway runs on) keeps its own rule.
    const connections = connectionsOf(server);
    if (connections === undefined) return nodeRule();
    for (const { socket } of connections.idle()) {
      const answer = socket._httpMessage;
      if (!answer || answer.writableFinished) socket.destroy();
    }
    for (const { socket } of connections.all()) if (socket && socket.bytesRead === 0 && !socket._httpMessage) socket.destroy();
  };
}

/**
 * Express gives the responses of its own routes (all but the LLM routes) its `app.response` as
 * prototype, whose methods object inherits from node's ServerResponse, so without the server's
 * class. The app gets a copy of those methods that inherits from the server's class instead (its
 * own copy: other apps in the process keep theirs), so those answers close their connections at
 * shutdown too.
 */
function inheritResponseClass(app: RequestListener, responseClass: typeof ServerResponse): void {
  const appResponse = (app as Partial<{ response: object }>).response;
  const expressMethods = appResponse && Object.getPrototypeOf(appResponse);
  if (!expressMethods || Object.getPrototypeOf(expressMethods) !== ServerResponse.prototype) return;
  Object.setPrototypeOf(appResponse, Object.create(responseClass.prototype, Object.getOwnPropertyDescriptors(expressMethods)));
}

/** Sockets whose parse error is answered once the answers due before it are sent. */
const answeringLater = new WeakSet<Socket>();

/**
 * Writes the raw answer once the responses due before the failed request are sent (node attaches
 * them to the socket one after another, in order), then closes the connection. When the failed
 * request has a response (its body failed), that response is the one answered, unless it was sent.
 */
function answerInTurn(socket: ConnectionSocket, failed: IncomingMessage | undefined, error: ParseError, logRefusal: RefusalLog | undefined): void {
  const pending = socket._httpMessage;
  // Its answer already sent (node detaches it once sent) while its body was still coming, a 413 or 401
  // given before the body: the connection just closes, with no second answer or audit line.
  if (failed !== undefined && !pending) {
    socket.destroy(error);
    return;
  }
  if (pending && pending.req !== failed && !pending.destroyed) {
    // Registered after node's own 'finish' handler, which detaches it and attaches the next response.
    pending.once('finish', () => answerInTurn(socket, failed, error, logRefusal));
    pending.once('close', () => pending.writableFinished || socket.destroy());
    return;
  }
  if (socket.writable && !pending?.headersSent) {
    const request = failed ? { method: failed.method ?? null, url: failed.url } : failedRequest(error, socket);
    socket.write(rawErrorResponse(error.code, request.url));
    // A request with a response has its audit line already coming (request-log.ts); one without is
    // logged here, unless the connection never sent a byte (a load balancer's or browser's preconnect
    // timed out: no request to log).
    if (pending) recordRawAnswer(pending, clientErrorOf(error.code));
    else if (socket.bytesRead > 0) logRefusal?.({ method: request.method, path: request.url ?? null, error: clientErrorOf(error.code) });
  }
  socket.destroy(error);
}

/**
 * A request the parser could not read, or not in time. Node's own rule answered at once (or only
 * closed the connection once a response had started), so the requests before it on the connection,
 * already being served (pipelined, or a body longer than its Content-Length), lost their answers or
 * got this one. They are answered first now, in order, then this 400 (431, 408) with a JSON body.
 */
function onClientError(error: ParseError, socket: ConnectionSocket, logRefusal: RefusalLog | undefined): void {
  // Data after a request that said `Connection: close`: not to be processed (RFC 9112, 9.6); the
  // answers due still go out, and node closes the connection after the last.
  if (error.code === 'HPE_CLOSED_CONNECTION' || answeringLater.has(socket)) return;
  answeringLater.add(socket);
  const incoming = socket.parser?.incoming;
  answerInTurn(socket, incoming && !incoming.complete ? incoming : undefined, error, logRefusal);
}

const CONNECT_REFUSAL = new GatewayError({
  status: 405,
  message: 'Method not allowed: CONNECT (the gateway is not a proxy: send requests to its routes)',
  kind: 'invalid_request_error',
  code: 'method_not_allowed',
});

/**
 * How long a CONNECT's connection stays open after its 405 for the client to close it. Node hands the
 * socket over whole (no timeout, not among the connections shutdown closes) and keeps it half open,
 * so a client that never closed its side held it for good and kept `server.close()` from finishing.
 */
const CONNECT_LINGER_MS = 1_000;

/**
 * A CONNECT (a client that takes the gateway for its proxy) reaches no route: without this, node
 * closes the connection without a word. It gets a 405 with a JSON body, logged as the parser's refusals
 * are; the connection closes when the client closes it (what it sends meanwhile is read and dropped,
 * so its close is seen) or after CONNECT_LINGER_MS.
 */
function onConnect(request: IncomingMessage, socket: Socket, logRefusal: RefusalLog | undefined): void {
  socket.on('error', () => socket.destroy());
  socket.on('end', () => socket.destroy());
  socket.setTimeout(CONNECT_LINGER_MS, () => socket.destroy());
  socket.resume();
  socket.end(rawAnswer(CONNECT_REFUSAL, request.url));
  logRefusal?.({ method: 'CONNECT', path: request.url ?? null, error: CONNECT_REFUSAL });
}

const MISSING_HOST = new GatewayError({ status: 400, message: 'the request has no Host header, which HTTP/1.1 requires (RFC 9112, section 3.2)', kind: 'invalid_request_error', code: 'bad_http_request' });

/** What node takes for `Expect: 100-continue` (its `continueExpression`); any other `Expect` is unmet. */
const CONTINUE_EXPECTED = /(?:^|\W)100-continue(?:$|\W)/i;

const UNMET_EXPECTATION = new GatewayError({ status: 417, message: "the Expect header is not supported: only 'Expect: 100-continue' is", kind: 'invalid_request_error', code: 'expectation_failed' });

/**
 * What node itself refused in a request's head, answered through the app (its JSON body, audit line
 * and metrics), where node answered bare, logged and counted nowhere: an HTTP/1.1 request without a
 * Host header is a 400 (RFC 9112, 3.2; node's `requireHostHeader` is turned off in
 * `createGatewayServer`), an `Expect` other than 100-continue a 417 (node's 'checkExpectation' event
 * passes such a request on to the app).
 */
export function checkRequestHead(request: IncomingMessage, _response: ServerResponse, next: (error?: unknown) => void): void {
  if (request.headers.host === undefined && request.httpVersion === '1.1') next(MISSING_HOST);
  else if (request.headers.expect !== undefined && !CONTINUE_EXPECTED.test(request.headers.expect)) next(UNMET_EXPECTATION);
  else next();
}

/**
 * `Expect: 100-continue`: node answered `100 Continue` before the app ran, so a client with a wrong key
 * or a declared length over server.max_body_size uploaded the whole body before hearing its 401 or 413.
 * The 100 now goes when the app first reads the body, so those checks answer first; an answer given
 * before it closes the connection (node's rule for a 100 never sent: the body may never come).
 */
function continueOnFirstRead(request: IncomingMessage, response: ServerResponse): void {
  const read = request._read;
  request._read = function readAfterContinue(size: number) {
    request._read = read;
    // Node reads off an unread body once the answer is sent: too late for a 100.
    if (!response.headersSent) response.writeContinue();
    read.call(this, size);
  };
}

/** Per connection, the responses queued behind the one being written (pipelined requests): see `closeWithConnection`. */
const queuedAnswers = new WeakMap<Socket, Set<ServerResponse>>();

/** What node does when a response's connection closes (its `emitCloseNT`): once, marked destroyed. */
function emitClose(response: ServerResponse): void {
  const closing = response as ServerResponse & { _closed?: boolean; destroyed: boolean };
  if (closing._closed) return;
  closing.destroyed = true;
  closing._closed = true;
  response.emit('close');
}

/**
 * A response queued behind another on its connection (a pipelined request) has no socket until the
 * one before it is sent, and node never emits its 'close' when the connection closes first: its call
 * went on with no client, it had no audit line, and http_server_active_requests counted it for good.
 * It closes with its connection now, as the response being written does. One 'close' listener per
 * connection, whatever the number queued.
 */
function closeWithConnection(request: IncomingMessage, response: ServerResponse): void {
  if (response.socket !== null) return;
  const socket = request.socket;
  let queued = queuedAnswers.get(socket);
  if (queued === undefined) {
    const answers = new Set<ServerResponse>();
    queuedAnswers.set(socket, (queued = answers));
    socket.once('close', () => {
      for (const answer of answers) emitClose(answer);
      answers.clear();
    });
  }
  queued.add(response);
  // Its turn came: node closes it from now on.
  response.once('socket', () => queued.delete(response));
}

export function createGatewayServer(app: RequestListener, settings: ServerPlan): Server {
  const responseClass = serverResponseClass(() => server);
  inheritResponseClass(app, responseClass);
  const server: Server = createServer(
    {
      ServerResponse: responseClass,
      requireHostHeader: false,
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      // How often Node checks those timeouts (default 30 s, far coarser than the timeouts themselves).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, settings.headersTimeoutMs / 4)),
    },
    // One listener: a second 'request' listener would make node copy the listener list for every request.
    (request, response) => {
      closeWithConnection(request, response);
      app(request, response);
    },
  );
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  keepAnswersBeingSent(server);
  // Node's default (2000, counted as names and values) kept only the first 1,000 header lines in
  // `request.headers`, while its parser still framed the body by a Content-Length after them: the
  // gateway read no body, no key, no Content-Encoding. Their total size stays bounded (431 past 16 KB).
  server.maxHeadersCount = 0;
  const logRefusal = (app as Partial<{ locals: { logParserRefusal?: RefusalLog } }>).locals?.logParserRefusal;
  server.on('clientError', (error: ParseError, socket: ConnectionSocket) => onClientError(error, socket, logRefusal));
  // Answered by the app (checkRequestHead), not by node's bare 417.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => server.emit('request', request, response));
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    continueOnFirstRead(request, response);
    server.emit('request', request, response);
  });
  server.on('connect', (request: IncomingMessage, socket: Socket) => onConnect(request, socket, logRefusal));
  return server;
}
