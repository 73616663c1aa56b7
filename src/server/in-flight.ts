/**
 * The LLM requests being served (from when their body has been read and their route known, also
 * while they wait on a rate-limit store), the Responses API's reads of its store (routes/responses.ts:
 * under --workers they wait on the primary), and the requests whose body is still arriving, so that a
 * shutdown running out of time ends them with a clear error rather than cutting their connections: a
 * stream gets an SSE `error` event, a request not yet answered a 503, which the OpenAI clients retry
 * (reaching another instance).
 */
import { GatewayError } from '../errors';
import { CallAbort } from '../providers/abort';
import { seconds } from '../providers/transport/http';
import type { ResponseWithLocals } from './request-record';

const inFlight = new Set<CallAbort>();

/** The request's abort: set when the client leaves, or by `endRequestsInFlight`. Made before the request's first wait (untilAborted). */
export function requestAbort(response: ResponseWithLocals): CallAbort {
  const abort = new CallAbort();
  // Gone already (it sent its body and left at once): its 'close' has been and will not come again.
  if (response.destroyed) {
    abort.abort(new DOMException('The client disconnected.', 'AbortError'));
    return abort;
  }
  inFlight.add(abort);
  response.on('close', () => {
    inFlight.delete(abort);
    if (!response.writableFinished) abort.abort(new DOMException('The client disconnected.', 'AbortError'));
  });
  return abort;
}

/** How to answer each request whose body is still being read (body.ts). */
const uploading = new Set<(error: GatewayError) => void>();

/** Notes a body being read until the returned function is called; at the drain's end, `refuse` answers its request. */
export function whileUploading(refuse: (error: GatewayError) => void): () => void {
  uploading.add(refuse);
  return () => uploading.delete(refuse);
}

/** Ends every request still in flight, or still sending its body, with a 503 saying why; returns how many there were. */
export function endRequestsInFlight(shutdownTimeoutMs: number): number {
  const error = new GatewayError({
    status: 503,
    message: `The gateway is shutting down and this request did not finish within ${seconds(shutdownTimeoutMs)} (server.shutdown_timeout); send it again.`,
    kind: 'server_error',
    code: 'shutting_down',
  });
  const ended = inFlight.size + uploading.size;
  for (const abort of inFlight) abort.abort(error);
  for (const refuse of [...uploading]) refuse(error);
  return ended;
}
