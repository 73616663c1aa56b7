/**
 * The Node HTTP server around the app, with the `server:` timeouts against slow clients
 * (slowloris): a request whose headers or body do not arrive in time gets a 408 with a JSON body
 * and its connection closed; malformed HTTP gets a 400 (431 for oversized headers). Idle
 * keep-alive connections stay open `keep_alive_timeout` (65 s), not Node's 5 s: a load balancer
 * reusing connections (60 s idle at AWS ALB and nginx) must not find one the gateway just closed.
 * Timeouts are read at start-up. At shutdown, `closeConnectionsAfterAnswers` makes the answers still
 * to come close their connections.
 */
import { createServer, ServerResponse, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerPlan } from '../config/server-settings';
import { GatewayError } from '../errors';
import { dialectOfPath, errorBody, sendError } from './errors';
import { recordRawAnswer } from './request-log';

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

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The raw answer written straight to the socket (no ServerResponse exists, or none was started). */
export function rawErrorResponse(code: string | undefined, url: string | undefined): string {
  const error = clientErrorOf(code);
  const body = JSON.stringify(errorBody(error, dialectOfPath(url)));
  return `HTTP/1.1 ${error.status} ${REASONS[error.status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

type ConnectionSocket = Socket & { _httpMessage?: ServerResponse & { req?: IncomingMessage } };

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

/** Node's own rule: answer only if nothing of a response has gone out on this socket yet. */
function onClientError(error: NodeJS.ErrnoException, socket: ConnectionSocket): void {
  const inFlight = socket._httpMessage;
  if (socket.writable && (!inFlight || !inFlight.headersSent)) {
    socket.write(rawErrorResponse(error.code, inFlight?.req?.url));
    if (inFlight) recordRawAnswer(inFlight, clientErrorOf(error.code));
  }
  socket.destroy(error);
}

/** Node answers an `Expect` other than 100-continue with a bare 417; the gateway's is JSON, as its other errors. */
function onUnmetExpectation(request: IncomingMessage, response: ServerResponse): void {
  const error = new GatewayError({ status: 417, message: "the Expect header is not supported: only 'Expect: 100-continue' is", kind: 'invalid_request_error', code: 'expectation_failed' });
  sendError(response, error, dialectOfPath(request.url));
}

export function createGatewayServer(app: RequestListener, settings: ServerPlan): Server {
  const responseClass = serverResponseClass(() => server);
  inheritResponseClass(app, responseClass);
  const server: Server = createServer(
    {
      ServerResponse: responseClass,
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      // How often Node checks those timeouts (default 30 s, far coarser than the timeouts themselves).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, settings.headersTimeoutMs / 4)),
    },
    app,
  );
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.on('clientError', onClientError);
  server.on('checkExpectation', onUnmetExpectation);
  return server;
}
