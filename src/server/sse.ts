/**
 * Writes a chunk stream as server-sent events. The first chunk is awaited before any header is
 * sent, so a failure before the first byte is still a real HTTP error status. After that, a
 * failure becomes an `event: error` (OpenAI clients raise it as an APIError) and the stream ends;
 * a normal end is `data: [DONE]`. A route with its own event format (`/v1/responses`) passes it.
 * A stream that waits long for its first chunk may have had its headers sent by a keep-alive
 * (stream-keep-alive.ts): then its first failure is an `event: error` too.
 */
import type { ServerResponse } from 'node:http';
import type { GatewayError } from '../errors';
import type { CallSignal } from '../providers/abort';
import { openaiErrorObject } from './errors';
import type { Dialect } from './request-preparation';
import { SSE_HEADERS, type StreamKeepAlive } from './stream-keep-alive';

function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** The `error` event: on `/v1` with the vendor's own code of a refused request, as its error bodies (errors.ts). */
function sseError(error: GatewayError, dialect: Dialect): string {
  const fields = dialect === 'openai' ? openaiErrorObject(error) : { message: error.message, type: error.kind, param: error.param, code: error.code };
  const body = { error: { ...fields, status: error.status } };
  return `event: error\n${sseData(body)}`;
}

/**
 * Resolves when a full socket buffer has drained, the client left, or the call was aborted (its
 * total timeout, the shutdown), whichever comes first; then none of its listeners is left.
 */
function drained(response: ServerResponse, signal: CallSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
    signal?.addEventListener('abort', done);
  });
}

/** How long a client that does not read gets to take the final error event before its connection is closed. */
const LAST_EVENT_GRACE_MS = 1_000;

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
  /** Set when a write found the socket buffer full: resolves once it has drained, the client left or the call was aborted. */
  congested: Promise<void> | null = null;

  constructor(
    private readonly response: ServerResponse,
    private readonly signal: CallSignal | undefined,
    private readonly keepAlive: StreamKeepAlive | null,
  ) {}

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
    this.keepAlive?.wrote();
    if (!this.response.write(text)) this.congested = drained(this.response, this.signal);
  };
}

const asIs = (chunk: unknown): unknown => chunk;

/** How a route writes its events, its failure mid-stream and its end, when not as chat's chunks. */
export interface EventFormat {
  event(chunk: unknown): string;
  error(error: GatewayError): string;
  end: string;
}

/** Events named by their `type` (`event: response.created`), as OpenAI's Responses API streams them; no `[DONE]`. */
export function typedEventText(event: { type: string }): string {
  return `event: ${event.type}\n${sseData(event)}`;
}

/**
 * Streams `chunks` to the client. Rejects (before headers) if the first chunk fails or fails its
 * check; later failures are reported in-stream through `toError`, as are all once a keep-alive has
 * sent the headers.
 */
export async function sendEventStream(options: {
  response: ServerResponse;
  chunks: AsyncIterable<unknown>;
  /** Each chunk as it may be sent, or a throw when it may not (see answer-check.ts). */
  checkChunk?: (chunk: unknown) => unknown;
  toError: (error: unknown) => GatewayError;
  /** Told of each chunk as it is written (or kept back by `sends`). */
  onChunk?: (chunk: unknown) => void;
  /** Whether a chunk is written; one it refuses is only observed (default: every chunk). */
  sends?: (chunk: unknown) => boolean;
  /** The call's abort (client gone, total timeout, shutdown): also ends a wait on a client that does not read. */
  signal?: CallSignal;
  /** The route family, for the fields of an `error` event. */
  dialect: Dialect;
  /** The route's own event format (default: `data: {chunk}`, `event: error`, `data: [DONE]`). */
  format?: EventFormat;
  /** The stream's keep-alive timer (stream-keep-alive.ts), told of every write. */
  keepAlive?: StreamKeepAlive | null;
}): Promise<void> {
  const { response, chunks, toError, onChunk, sends, signal, dialect, format } = options;
  const eventText = format ? format.event : sseData;
  const errorText = format ? format.error : (error: GatewayError) => sseError(error, dialect);
  const checkChunk = options.checkChunk ?? asIs;
  const iterator = chunks[Symbol.asyncIterator]();
  // Read here while a failure can still be a real HTTP error; once a keep-alive has sent the headers, in the loop.
  let current: IteratorResult<unknown> | null = null;
  let chunk: unknown;
  if (!response.headersSent) {
    try {
      current = await iterator.next();
      if (!current.done) chunk = checkChunk(current.value);
    } catch (error) {
      // After a failed check the provider's stream is still open: it is not read any further.
      if (current !== null) await iterator.return?.();
      // Still before the headers: a real HTTP error; unless a keep-alive sent them meanwhile.
      if (!response.headersSent) throw error;
      if (!response.destroyed) response.end(errorText(toError(error)));
      return;
    }
    // No flushHeaders(): the headers leave with the first chunk, in one socket write.
    if (!response.headersSent) response.writeHead(200, SSE_HEADERS);
  }
  const writer = new TickBatchedWriter(response, signal, options.keepAlive ?? null);
  let failed = false;
  try {
    if (current === null) {
      current = await iterator.next();
      if (!current.done) chunk = checkChunk(current.value);
    }
    while (!current.done) {
      if (response.destroyed) return;
      onChunk?.(chunk);
      if (sends === undefined || sends(chunk)) writer.write(eventText(chunk));
      // Waits only when the socket buffer is full: no promise per chunk otherwise.
      if (writer.congested) {
        await writer.congested;
        writer.congested = null;
        if (signal?.aborted && !response.destroyed) {
          // The client stopped reading: the error event goes into its buffer, the connection goes soon after.
          failed = true;
          writer.end(errorText(toError(signal.reason)));
          const cut = setTimeout(() => response.destroy(), LAST_EVENT_GRACE_MS);
          response.once('close', () => clearTimeout(cut));
          return;
        }
      }
      current = await iterator.next();
      if (!current.done) chunk = checkChunk(current.value);
    }
    writer.end(format ? format.end : 'data: [DONE]\n\n');
  } catch (error) {
    failed = true;
    if (!response.destroyed) writer.end(errorText(toError(error)));
  } finally {
    // After a failed check the provider's stream is still open (after its own failure this does nothing).
    if (response.destroyed || failed) await iterator.return?.();
  }
}
