/**
 * Server-sent events decoding for upstream streams, on `eventsource-parser` (the one SSE parser of
 * the gateway; no hand-written line splitting). Bytes are decoded with a streaming TextDecoder so a
 * multi-byte UTF-8 character split across network chunks survives, and every event is delivered as
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

const NO_EVENTS: readonly SseEvent[] = [];

/**
 * Bytes in, events out: a streaming TextDecoder in front of the parser. Comments (`: ping`),
 * `retry:` and unknown fields are skipped, as the SSE specification says.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private ready: SseEvent[] = [];
  private oversized = false;
  private readonly parser = createParser({
    maxBufferSize: MAX_SSE_EVENT_CHARS,
    onEvent: (message) => this.ready.push(toSseEvent(message)),
    onError: (error: ParseError) => {
      if (error.type === 'max-buffer-size-exceeded') this.oversized = true;
    },
  });

  /** The events a piece of the body completed; throws once an event has grown past the limit. */
  feed(bytes: Uint8Array): readonly SseEvent[] {
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
    return this.take();
  }

  /**
   * The end of the body: flushes a trailing partial character, then ends the last event. Some
   * servers omit the final blank line, and a truncated JSON event is better reported by the caller
   * than silently lost.
   */
  end(): readonly SseEvent[] {
    this.parser.feed(`${this.decoder.decode()}\n\n`);
    return this.take();
  }

  private take(): readonly SseEvent[] {
    if (this.oversized) {
      throw GatewayError.upstreamUnavailable(
        `The upstream event stream sent an event larger than ${MAX_SSE_EVENT_CHARS} characters; the stream was abandoned.`,
        false,
      );
    }
    if (this.ready.length === 0) return NO_EVENTS;
    const events = this.ready;
    this.ready = [];
    return events;
  }
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
  // Loops rather than `yield*` over the arrays: in an async generator that wraps every value in one
  // more promise (about 0.3 µs per event).
  for await (const event of events) {
    for (const chunk of fold.event(event)) yield chunk;
    // Leaving the loop releases the connection even if the server keeps it open after its end.
    if (fold.done) break;
  }
  for (const chunk of fold.end()) yield chunk;
}
