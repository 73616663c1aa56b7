/**
 * The LLM requests being served, for the shutdown: when it starts, those not yet answered are told
 * to close their connection after the answer (`Connection: close`), so a load balancer does not
 * send another request on a connection about to close; if it runs out of time, they end with a
 * clear error rather than a cut connection: a stream gets an SSE `error` event, a request not yet
 * answered a 503, which the OpenAI clients retry (reaching another instance).
 */
import { GatewayError } from '../errors';
import { CallAbort } from '../providers/abort';
import { seconds } from '../providers/transport/http';
import type { ServerResponse } from 'node:http';
import type { ResponseWithLocals } from './request-log';

const inFlight = new Map<ServerResponse, CallAbort>();

/** The request's abort: set when the client leaves, or by `endRequestsInFlight`. */
export function requestAbort(response: ResponseWithLocals): CallAbort {
  const abort = new CallAbort();
  inFlight.set(response, abort);
  response.on('close', () => {
    inFlight.delete(response);
    if (!response.writableFinished) abort.abort(new DOMException('The client disconnected.', 'AbortError'));
  });
  return abort;
}

/** Answers still to be sent will ask the client to close the connection afterwards. */
export function closeConnectionsAfterAnswers(): void {
  for (const response of inFlight.keys()) if (!response.headersSent) response.shouldKeepAlive = false;
}

/** Ends every request still in flight with a 503 saying why; returns how many there were. */
export function endRequestsInFlight(shutdownTimeoutMs: number): number {
  const error = new GatewayError({
    status: 503,
    message: `The gateway is shutting down and this request did not finish within ${seconds(shutdownTimeoutMs)} (server.shutdown_timeout); send it again.`,
    kind: 'server_error',
    code: 'shutting_down',
  });
  const ended = inFlight.size;
  for (const abort of inFlight.values()) abort.abort(error);
  return ended;
}
