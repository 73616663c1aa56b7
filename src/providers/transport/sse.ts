/**
 * Server-sent events decoding for upstream streams, on `eventsource-parser` (the one SSE parser of
 * the gateway; no hand-written line splitting). Bytes are decoded with a streaming TextDecoder so a
 * multi-byte UTF-8 character split across network chunks survives, and every event is yielded as
 * soon as its terminating blank line has arrived.
 */
import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import { GatewayError } from '../../errors';

/** One decoded event. `event` is undefined when the server sent no `event:` line. */
export type SseEvent = { event: string | undefined; data: string; id?: string };

/** Largest event (or unterminated line) we hold in memory before giving up on the stream. */
export const MAX_SSE_EVENT_CHARS = 16 * 1024 * 1024;

function toSseEvent(message: EventSourceMessage): SseEvent {
  const event: SseEvent = { event: message.event, data: message.data };
  if (message.id !== undefined) event.id = message.id;
  return event;
}

/**
 * Decodes an SSE byte stream into events. Comments (`: ping`), `retry:` and unknown fields are
 * skipped, as the SSE specification says.
 */
export async function* decodeSse(body: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  const ready: SseEvent[] = [];
  let oversized = false;
  const parser = createParser({
    maxBufferSize: MAX_SSE_EVENT_CHARS,
    onEvent: (message) => ready.push(toSseEvent(message)),
    onError: (error: ParseError) => {
      if (error.type === 'max-buffer-size-exceeded') oversized = true;
    },
  });

  /** The events parsed so far, once; throws if the parser gave up on an oversized event. */
  function takeReady(): SseEvent[] {
    if (oversized) {
      throw GatewayError.upstreamUnavailable(
        `The upstream event stream sent an event larger than ${MAX_SSE_EVENT_CHARS} characters; the stream was abandoned.`,
        false,
      );
    }
    return ready.splice(0);
  }

  // Plain loops, not `yield*` over a sync iterable: in an async generator that wraps every value
  // in one more promise (about 0.3 µs per event).
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    for (const event of takeReady()) yield event;
  }
  // Flush a trailing partial character, then end the last event: some servers omit the final
  // blank line, and a truncated JSON event is better reported by the caller than silently lost.
  parser.feed(`${decoder.decode()}\n\n`);
  for (const event of takeReady()) yield event;
}

/**
 * A provider's stream translation: a small stateful fold with no I/O. `event` maps one upstream
 * event to zero or more unified chunks, `end` flushes what is left when the upstream ends, and
 * `done` turns true when the upstream has signalled its end (e.g. `data: [DONE]`).
 */
export interface StreamFold<Chunk> {
  event(event: SseEvent): Chunk[];
  end(): Chunk[];
  readonly done: boolean;
}

/** Runs upstream events through a fold; stops reading once the fold is done. */
export async function* foldEvents<Chunk>(events: AsyncIterable<SseEvent>, fold: StreamFold<Chunk>): AsyncGenerator<Chunk> {
  // Loops rather than `yield*` over the arrays (see decodeSse).
  for await (const event of events) {
    for (const chunk of fold.event(event)) yield chunk;
    // Leaving the loop releases the connection even if the server keeps it open after its end.
    if (fold.done) break;
  }
  for (const chunk of fold.end()) yield chunk;
}
