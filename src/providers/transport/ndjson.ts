/**
 * Newline-delimited JSON streams (Cohere's v1 `stream: true` answers, content type
 * `application/stream+json`): one JSON document per line. Each non-empty line becomes an
 * `SseEvent` whose `data` is the line, so the same transport (event-stream.ts) and the same
 * `StreamFold` / `foldEvents` machinery serve NDJSON and SSE streams. Bytes are decoded with a
 * streaming TextDecoder, so a multi-byte UTF-8 character split across network chunks survives; a
 * line is delivered as soon as its `\n` arrives.
 */
import { GatewayError } from '../../errors';
import type { SseEvent } from './sse';

/** Largest line we hold in memory before giving up on the stream. */
export const MAX_NDJSON_LINE_CHARS = 16 * 1024 * 1024;

/** What we ask for; Cohere answers `application/stream+json`. */
export const NDJSON_ACCEPT = 'application/stream+json, application/x-ndjson, application/json';

function lineEvent(line: string): SseEvent | null {
  // Tolerates CRLF line ends and blank keep-alive lines.
  const data = line.endsWith('\r') ? line.slice(0, -1) : line;
  return data.trim() === '' ? null : { event: undefined, data };
}

function oversized(): GatewayError {
  return GatewayError.upstreamUnavailable(
    `The upstream JSON-lines stream sent a line longer than ${MAX_NDJSON_LINE_CHARS} characters; the stream was abandoned.`,
    false,
  );
}

const NO_EVENTS: readonly SseEvent[] = [];

/**
 * Bytes in, lines out, as `SseDecoder` does for server-sent events. The pieces of an unfinished
 * line wait in a list and are joined once its newline arrives: searching (and so flattening) the
 * whole unfinished line on every piece made a long line cost time quadratic in its length (a
 * 16M-character line in 16 KiB TLS records: minutes of CPU, the event loop held all along).
 */
export class NdjsonDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  /** The unfinished line's pieces, none holding a newline. */
  private pieces: string[] = [];
  private pendingChars = 0;

  /** The lines a piece of the body completed; throws once an unfinished line has grown past the limit. */
  feed(bytes: Uint8Array): readonly SseEvent[] {
    const text = this.decoder.decode(bytes, { stream: true });
    if (!text.includes('\n')) {
      this.keep(text);
      return NO_EVENTS;
    }
    const pending = this.pieces.length === 0 ? text : this.pieces.join('') + text;
    this.pieces = [];
    this.pendingChars = 0;
    let events: SseEvent[] | null = null;
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      const event = lineEvent(pending.slice(start, newline));
      start = newline + 1;
      if (event) (events ??= []).push(event);
    }
    this.keep(pending.slice(start));
    return events ?? NO_EVENTS;
  }

  /** The end of the body: a last line without `\n` is still delivered. */
  end(): readonly SseEvent[] {
    const last = lineEvent(this.pieces.join('') + this.decoder.decode());
    this.pieces = [];
    this.pendingChars = 0;
    return last ? [last] : NO_EVENTS;
  }

  private keep(text: string): void {
    if (text === '') return;
    this.pieces.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars > MAX_NDJSON_LINE_CHARS) throw oversized();
  }
}
