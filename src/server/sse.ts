/**
 * Writes a chunk stream as server-sent events. The first chunk is awaited before any header is
 * sent, so a failure before the first byte is still a real HTTP error status. After that, a
 * failure becomes an `event: error` (OpenAI clients raise it as an APIError) and the stream ends;
 * a normal end is `data: [DONE]`.
 */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { GatewayError } from '../errors';

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  // Tell nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export function sseError(error: GatewayError): string {
  const body = { error: { message: error.message, type: error.kind, param: error.param, code: error.code, status: error.status } };
  return `event: error\n${sseData(body)}`;
}

/** Resolves when a full socket buffer has drained (or the client left). */
function drained(response: ServerResponse): Promise<unknown> {
  return Promise.race([once(response, 'drain'), once(response, 'close')]);
}

/**
 * Streams `chunks` to the client. Rejects (before headers) if the first chunk fails; later
 * failures are reported in-stream through `toError`.
 */
export async function sendEventStream(options: {
  response: ServerResponse;
  chunks: AsyncIterable<unknown>;
  toError: (error: unknown) => GatewayError;
  /** Told of each chunk as it is written. */
  onChunk?: (chunk: unknown) => void;
}): Promise<void> {
  const { response, chunks, toError, onChunk } = options;
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  // No flushHeaders(): the headers leave with the first chunk, written next, in one socket write.
  response.writeHead(200, SSE_HEADERS);
  try {
    let current = first;
    while (!current.done) {
      if (response.destroyed) return;
      onChunk?.(current.value);
      // Waits only when the socket buffer is full: no promise per chunk otherwise.
      if (!response.write(sseData(current.value))) await drained(response);
      current = await iterator.next();
    }
    if (!response.destroyed) response.end('data: [DONE]\n\n');
  } catch (error) {
    if (!response.destroyed) response.end(sseError(toError(error)));
  } finally {
    if (response.destroyed) await iterator.return?.();
  }
}
