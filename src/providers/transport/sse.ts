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
 * `done` turns true when the upstream has signalled its end (e.g. `data: [DONE]`). `failed`, when
 * the fold has it, gives the chunks it held that should still reach the client when the stream
 * fails (the source breaks, or `event` or `end` throws): they go out before the error.
 */
export interface StreamFold<Chunk> {
  event(event: SseEvent): Chunk[];
  end(): Chunk[];
  failed?(): Chunk[];
  readonly done: boolean;
}

const FINISHED: IteratorResult<never> = { done: true, value: undefined };

/**
 * Upstream events run through a fold, as an async iterator of its chunks: a plain object rather
 * than an async generator, which costs two more promises and a generator resume per chunk (with the
 * same change to `streamWithRetries`, about 3% of a stream's CPU, pinned A/B). Stops reading (and
 * lets the source release its connection) once the fold is done or fails; the consumer's `return()`
 * does the same.
 */
class FoldedEvents<Chunk> implements AsyncIterableIterator<Chunk> {
  private ready: Chunk[] = [];
  private readyIndex = 0;
  private events: AsyncIterator<SseEvent> | null = null;
  /** The source has ended, failed or been let go; only `ready` and the fold's end remain. */
  private sourceOver = false;
  /** Everything has been handed out (or the consumer stopped). */
  private over = false;
  /** The failure to throw once the chunks the fold gave for it (`failed`) have been read. */
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly source: AsyncIterable<SseEvent>,
    private readonly fold: StreamFold<Chunk>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Chunk>> {
    for (;;) {
      if (this.readyIndex < this.ready.length) return { done: false, value: this.ready[this.readyIndex++] };
      if (this.failure !== null) {
        const { error } = this.failure;
        this.failure = null;
        throw error;
      }
      if (this.over) return FINISHED;
      if (this.sourceOver) {
        this.over = true;
        try {
          this.hand(this.fold.end());
        } catch (error) {
          this.fail(error);
        }
        continue;
      }
      // Reads one upstream event into `ready`; inline rather than a method: one promise less per event.
      this.events ??= this.source[Symbol.asyncIterator]();
      let result: IteratorResult<SseEvent>;
      try {
        result = await this.events.next();
      } catch (error) {
        // A failed source is over: nothing to release.
        this.sourceOver = true;
        this.over = true;
        this.fail(error);
        continue;
      }
      if (result.done) {
        this.sourceOver = true;
        continue;
      }
      try {
        this.hand(this.fold.event(result.value));
      } catch (error) {
        this.over = true;
        await this.letGo();
        this.fail(error);
        continue;
      }
      // Stopping here releases the connection even if the server keeps it open after its end.
      if (this.fold.done) await this.letGo();
    }
  }

  async return(): Promise<IteratorResult<Chunk>> {
    this.over = true;
    this.ready = [];
    this.failure = null;
    await this.letGo();
    return FINISHED;
  }

  /** Hands out what the fold still has for the client (`failed`), then `error` is thrown. */
  private fail(error: unknown): void {
    this.hand(this.fold.failed?.() ?? []);
    this.failure = { error };
  }

  private hand(chunks: Chunk[]): void {
    this.ready = chunks;
    this.readyIndex = 0;
  }

  private async letGo(): Promise<void> {
    if (this.sourceOver) return;
    this.sourceOver = true;
    await this.events?.return?.();
  }
}

/** Runs upstream events through a fold; stops reading once the fold is done. */
export function foldEvents<Chunk>(events: AsyncIterable<SseEvent>, fold: StreamFold<Chunk>): AsyncIterableIterator<Chunk> {
  return new FoldedEvents(events, fold);
}
