/**
 * The Node HTTP server around the app, with the `server:` timeouts against slow clients
 * (slowloris): a request whose headers or body do not arrive in time gets a 408 with a JSON body
 * and its connection closed; malformed HTTP gets a 400 (431 for oversized headers). Idle
 * keep-alive connections stay open `keep_alive_timeout` (65 s), not Node's 5 s: a load balancer
 * reusing connections (60 s idle at AWS ALB and nginx) must not find one the gateway just closed.
 * Timeouts are read at start-up. At shutdown, `closeConnectionsAfterAnswers` makes the answers still
 * to come close their connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestListener } from 'node:http';
import type { ServerPlan } from '../config/server-settings';
import { GatewayError } from '../errors';
import { errorBody } from './errors';

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
  const body = JSON.stringify(errorBody(error, url?.startsWith('/v1/') ? 'openai' : 'mlflow'));
  return `HTTP/1.1 ${error.status} ${REASONS[error.status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

type ConnectionSocket = Socket & { _httpMessage?: ServerResponse & { req?: IncomingMessage } };

/** Each server's open connections: one entry per connection (not per request), for the shutdown. */
const connectionsOf = new WeakMap<Server, Set<ConnectionSocket>>();

function trackConnections(server: Server): void {
  const sockets = new Set<ConnectionSocket>();
  connectionsOf.set(server, sockets);
  server.on('connection', (socket: ConnectionSocket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
}

/**
 * From now on every answer not yet started says `Connection: close`, and node closes its
 * connection once it is sent: a client or load balancer reusing connections does not send another
 * request on one the gateway is about to close. (Answers already started, such as streams, keep
 * their connection until it is idle; the shutdown closes idle connections.)
 */
export function closeConnectionsAfterAnswers(server: Server): void {
  for (const socket of connectionsOf.get(server) ?? []) {
    const answer = socket._httpMessage;
    if (answer && !answer.headersSent) answer.setHeader('Connection', 'close');
  }
  // Ahead of the app's listener, which may answer at once.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => response.setHeader('Connection', 'close'));
}

/** Node's own rule: answer only if nothing of a response has gone out on this socket yet. */
function onClientError(error: NodeJS.ErrnoException, socket: ConnectionSocket): void {
  const inFlight = socket._httpMessage;
  if (socket.writable && (!inFlight || !inFlight.headersSent)) socket.write(rawErrorResponse(error.code, inFlight?.req?.url));
  socket.destroy(error);
}

export function createGatewayServer(app: RequestListener, settings: ServerPlan): Server {
  const server = createServer(
    {
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      // How often Node checks those timeouts (default 30 s, far coarser than the timeouts themselves).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, settings.headersTimeoutMs / 4)),
    },
    app,
  );
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.on('clientError', onClientError);
  trackConnections(server);
  return server;
}
