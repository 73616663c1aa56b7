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

/** Text waiting beyond this is written at once, so that a full socket buffer is noticed. */
const MAX_PENDING_CHARS = 16 * 1024;

/**
 * The SSE text of one response, written once per tick. The chunks that one piece of upstream body
 * completes arrive through promise callbacks within one tick: one `write` of their joined text costs
 * much less than one per chunk, each of which goes through node's whole OutgoingMessage and Writable
 * path (the socket write itself was one already: node corks a response until the tick ends).
 */
class TickBatchedWriter {
  private pending = '';
  /** Set when a write found the socket buffer full: resolves once it has drained or the client left. */
  congested: Promise<unknown> | null = null;

  constructor(private readonly response: ServerResponse) {}

  write(text: string): void {
    if (this.pending === '') process.nextTick(this.flush);
    this.pending += text;
    if (this.pending.length >= MAX_PENDING_CHARS) this.flush();
  }

  /** Ends the response with what is waiting, then `last`. */
  end(last: string): void {
    const text = this.pending + last;
    this.pending = '';
    if (!this.response.destroyed) this.response.end(text);
  }

  private readonly flush = (): void => {
    const text = this.pending;
    this.pending = '';
    // Runs outside sendEventStream's try: never write to a response that is gone or ended.
    if (text === '' || this.response.destroyed || this.response.writableEnded) return;
    if (!this.response.write(text)) this.congested = drained(this.response);
  };
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
  // No flushHeaders(): the headers leave with the first chunk, in one socket write.
  response.writeHead(200, SSE_HEADERS);
  const writer = new TickBatchedWriter(response);
  try {
    let current = first;
    while (!current.done) {
      if (response.destroyed) return;
      onChunk?.(current.value);
      writer.write(sseData(current.value));
      // Waits only when the socket buffer is full: no promise per chunk otherwise.
      if (writer.congested) {
        await writer.congested;
        writer.congested = null;
      }
      current = await iterator.next();
    }
    writer.end('data: [DONE]\n\n');
  } catch (error) {
    if (!response.destroyed) writer.end(sseError(toError(error)));
  } finally {
    if (response.destroyed) await iterator.return?.();
  }
}
