/**
 * Newline-delimited JSON streams (Cohere's v1 `stream: true` answers, content type
 * `application/stream+json`): one JSON document per line. Each non-empty line is yielded as an
 * `SseEvent` whose `data` is the line, so the same `StreamFold` / `foldEvents` machinery serves
 * NDJSON and SSE streams. Bytes are decoded with a streaming TextDecoder, so a multi-byte UTF-8
 * character split across network chunks survives; a line is yielded as soon as its `\n` arrives.
 */
import { GatewayError } from '../../errors';
import type { CallSignal } from '../abort';
import type { Upstream } from './http';
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

/** Splits a byte stream into its lines; a last line without `\n` is still yielded. */
export async function* decodeNdjson(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      const event = lineEvent(pending.slice(start, newline));
      start = newline + 1;
      if (event) yield event;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_NDJSON_LINE_CHARS) throw oversized();
  }
  const last = lineEvent(pending + decoder.decode());
  if (last) yield last;
}

/** POSTs JSON and yields the answer's lines; error statuses throw before the first line. */
export function postNdjson(upstream: Upstream, path: string, body: unknown, { signal }: { signal: CallSignal }): AsyncIterable<SseEvent> {
  return decodeNdjson(upstream.postByteStream(path, body, { signal, accept: NDJSON_ACCEPT }));
}
