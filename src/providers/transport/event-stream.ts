/**
 * A streamed upstream answer as events, on undici's handler API (`Dispatcher.dispatch`): each piece
 * of the body is decoded as it arrives (server-sent events, or NDJSON lines) and its events wait in
 * a queue for the consumer's `next()`. Before, `Pool.request` wrapped the body in a Readable
 * stream, read through its async iterator and two generator layers: several promises and stream
 * callbacks per piece of body, more CPU than decoding it (`npm run bench`, README "Performance").
 *
 * Lazy: the request starts on the first `next()`. An answer that is not an event stream (an error
 * status, a JSON or HTML body) is read whole, up to `maxRefusedBytes`, and the first `next()`
 * rejects with `refusal` of it, unless `answerEvents` makes events of it.
 * Undici's errors (timeouts, resets) reach the consumer through `translate`, after the events that
 * arrived before them; a short `firstByteTimeout` has a native timer (native-timeouts.ts; undici's is
 * then a backstop), which fails with undici's HeadersTimeoutError too; so has a short
 * `idleTimeout` (native-timeouts.ts), with its BodyTimeoutError, stopped while the upstream is paused for a
 * slow consumer, as undici's is. An aborted signal rejects the next `next()` with its reason at once.
 * A body with a Content-Encoding is decoded as it comes (content-decoding.ts); the decoder pauses with
 * the upstream, so that a small compressed piece cannot queue megabytes of events.
 */
import type { Dispatcher } from 'undici';
import { noteRequestFate, type CallSignal } from '../abort';
import { BodyDecoder, parseContentEncoding } from './content-decoding';
import { startFirstByteTimer, startIdleTimer, type NativeTimer } from './native-timeouts';
import { SseDecoder, type SseEvent } from './sse';
import { AnswerTooLarge, readHeaders, UndecodableAnswer } from './whole-response';

/** Bytes in, events out: `SseDecoder` (sse.ts) or `NdjsonDecoder` (ndjson.ts). */
export interface EventDecoder {
  /** The events a piece of the body completed; throws when the stream cannot go on. */
  feed(bytes: Uint8Array): readonly SseEvent[];
  /** The events the end of the body completed. */
  end(): readonly SseEvent[];
}

/** An answer read whole instead of streamed. */
export interface RefusedAnswer {
  statusCode: number;
  contentType: string | null;
  retryAfter: string | null;
  text: string;
}

export interface EventStreamOptions {
  dispatcher: Dispatcher;
  /**
   * With `headersTimeout: undiciTimeout(firstByteTimeout)` and `bodyTimeout: undiciTimeout(idleTimeout)`
   * (native-timeouts.ts).
   */
  request: Dispatcher.DispatchOptions;
  /** The endpoint's first_byte timeout (ms). */
  firstByteTimeout: number;
  /** The endpoint's idle timeout (ms). */
  idleTimeout: number;
  signal: CallSignal;
  /** A decoder for one answer; server-sent events when absent. */
  createDecoder?: () => EventDecoder;
  /** Whether an answer with this status and content type is read whole and refused. */
  refuses(statusCode: number, contentType: string | null): boolean;
  /** The longest refused answer read (encoded and decoded); past it the request is aborted with AnswerTooLarge. */
  maxRefusedBytes: number;
  /** The error the consumer gets for a refused answer. */
  refusal(answer: RefusedAnswer): unknown;
  /**
   * The events a refused answer stands for, when it is a whole answer rather than an error (a server
   * that ignored `stream: true`); null makes it the `refusal`.
   */
  answerEvents?(answer: RefusedAnswer): readonly SseEvent[] | null;
  /** Told the id of the provider's answer when its headers come (null when it has none, and as the request starts). */
  noteAnswerId(signal: CallSignal, id: string | null): void;
  /** What the consumer gets for an undici error or the abort reason; `answerStarted` once the answer's headers came. */
  translate(error: unknown, answerStarted: boolean): unknown;
}

/** Queued event text above which the upstream is paused until the consumer has caught up. */
const HIGH_WATER_CHARS = 64 * 1024;

/**
 * How long, and how much, the tail of a stream the consumer stopped reading (after `[DONE]`, or
 * the client left) is still read: a server that ends promptly keeps its keep-alive connection;
 * otherwise the request is aborted and the connection closed.
 */
const DRAIN_MS = 1_000;
const DRAIN_BYTES = 64 * 1024;

const DONE: IteratorResult<SseEvent> = { done: true, value: undefined };

export function requestEvents(options: EventStreamOptions): AsyncIterable<SseEvent> {
  return { [Symbol.asyncIterator]: () => new EventStream(options) };
}

interface Waiter {
  resolve(result: IteratorResult<SseEvent>): void;
  reject(error: unknown): void;
}

class EventStream implements AsyncIterator<SseEvent>, Dispatcher.DispatchHandler {
  private readonly decoder: EventDecoder;
  private readonly queue: SseEvent[] = [];
  private queuedChars = 0;
  private waiter: Waiter | null = null;
  private failure: { error: unknown } | null = null;
  private started = false;
  /** The upstream answer is over (complete or failed). */
  private ended = false;
  /** The consumer has had its last result, or stopped reading. */
  private closed = false;
  private abortRequest: ((reason: Error) => void) | null = null;
  private firstByte: NativeTimer | null = null;
  private idle: NativeTimer | null = null;
  private resumeUpstream: (() => void) | null = null;
  private paused = false;
  private answer: Omit<RefusedAnswer, 'text'> = { statusCode: 0, contentType: null, retryAfter: null };
  /** The body of an answer that is read whole; null while streaming. */
  private refusedBody: Buffer[] | null = null;
  private refusedBytes = 0;
  /** Decodes a body with a Content-Encoding; null for identity. */
  private contentDecoder: BodyDecoder | null = null;
  /** The encoded bytes of a refused answer with a Content-Encoding. */
  private refusedEncodedBytes = 0;
  /** undici has the whole body, which `contentDecoder` is still decoding: an abort of undici's does nothing now. */
  private decodingRest = false;
  private drainedBytes = 0;
  private drainTimer: NodeJS.Timeout | null = null;
  private readonly onAbort = () => {
    const { reason } = this.options.signal;
    if (this.abortRequest && !this.decodingRest) this.abortRequest(reason as Error);
    else {
      // No connection yet (onConnect will abort), or undici has the whole body: stop waiting now.
      this.end();
      this.fail(reason);
    }
  };

  constructor(private readonly options: EventStreamOptions) {
    this.decoder = options.createDecoder?.() ?? new SseDecoder();
  }

  next(): Promise<IteratorResult<SseEvent>> {
    if (this.closed) return Promise.resolve(DONE);
    const { signal } = this.options;
    if (signal.aborted) {
      this.closed = true;
      return Promise.reject(signal.reason);
    }
    if (!this.started) this.start();
    if (this.queue.length > 0) return Promise.resolve({ done: false, value: this.take() });
    if (this.failure || this.ended) {
      // The consumer's last result: later calls get `done`.
      this.closed = true;
      return this.failure ? Promise.reject(this.failure.error) : Promise.resolve(DONE);
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** The consumer stops: the rest of the answer is drained (or the request aborted) in the background. */
  return(): Promise<IteratorResult<SseEvent>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      this.waiter?.resolve(DONE);
      this.waiter = null;
      this.contentDecoder?.destroy();
      if (this.decodingRest) this.end();
      else if (this.started && !this.ended) this.drainTail();
    }
    return Promise.resolve(DONE);
  }

  onConnect(abort: (reason?: Error) => void): void {
    const { signal } = this.options;
    if (signal.aborted) abort(signal.reason as Error);
    else {
      this.abortRequest = abort;
      noteRequestFate(signal, 'sent');
      // Per connection: undici may hand the request to another one after an informational close.
      this.firstByte?.clear();
      this.firstByte = startFirstByteTimer(this.options.firstByteTimeout, abort);
    }
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    // 1xx answers are informational; the real status follows, and the first_byte wait starts again (as undici's).
    if (statusCode < 200) {
      this.firstByte?.refresh();
      return true;
    }
    this.clearFirstByte();
    this.idle?.clear();
    if (this.abortRequest !== null) this.idle = startIdleTimer(this.options.idleTimeout, this.abortRequest);
    const { contentType, retryAfter, requestId, contentEncoding } = readHeaders(rawHeaders);
    this.answer = { statusCode, contentType, retryAfter };
    this.options.noteAnswerId(this.options.signal, requestId);
    this.resumeUpstream = resume;
    if (this.options.refuses(statusCode, contentType)) {
      this.refusedBody = [];
      noteRequestFate(this.options.signal, 'refused');
    }
    return contentEncoding === null || this.startDecoding(contentEncoding);
  }

  onData(chunk: Buffer): boolean {
    this.idle?.refresh();
    if (this.closed) return this.drainPiece(chunk.length);
    if (this.contentDecoder !== null) return this.decode(chunk);
    if (this.refusedBody !== null) return this.keepRefused(chunk);
    try {
      this.enqueue(this.decoder.feed(chunk));
    } catch (error) {
      this.fail(error);
      this.abortRequest?.(error as Error);
      return false;
    }
    this.paused = this.queuedChars > HIGH_WATER_CHARS;
    if (this.paused) this.idle?.clear();
    return !this.paused;
  }

  onComplete(): void {
    if (this.contentDecoder !== null && !this.closed && !this.failure) {
      // The rest is decoded off the event loop; the decoder's end completes the answer.
      this.decodingRest = true;
      this.idle?.clear();
      this.idle = null;
      this.contentDecoder.end();
      return;
    }
    this.complete();
  }

  onError(error: Error): void {
    this.end();
    if (!this.closed && !this.failure) this.fail(this.options.translate(error, this.answer.statusCode !== 0));
  }

  /** The whole body has been read (and decoded). */
  private complete(): void {
    this.end();
    if (this.closed || this.failure) return;
    if (this.refusedBody !== null) {
      const answer = { ...this.answer, text: Buffer.concat(this.refusedBody).toString() };
      const events = this.options.answerEvents?.(answer) ?? null;
      if (events === null) this.fail(this.options.refusal(answer));
      else this.enqueue(events);
      this.wake();
      return;
    }
    try {
      this.enqueue(this.decoder.end());
    } catch (error) {
      this.fail(error);
      return;
    }
    this.wake();
  }

  private keepRefused(chunk: Buffer): boolean {
    this.refusedBytes += chunk.length;
    if (this.refusedBytes <= this.options.maxRefusedBytes) {
      this.refusedBody!.push(chunk);
      return true;
    }
    this.refusedBody = [];
    this.stop(new AnswerTooLarge(this.options.maxRefusedBytes, this.answer.statusCode, this.contentDecoder?.coding));
    return false;
  }

  /** Ends the request with `error`: undici's abort, whose onError translates it; here once undici is done (`decodingRest`). */
  private stop(error: Error): void {
    if (!this.decodingRest) {
      this.abortRequest?.(error);
      return;
    }
    this.end();
    if (!this.closed && !this.failure) this.fail(this.options.translate(error, true));
  }

  /** Whether the answer goes on: a coding the gateway lacks ends it. Only an encoded answer gets here. */
  private startDecoding(contentEncoding: string): boolean {
    const { statusCode, retryAfter } = this.answer;
    const parsed = parseContentEncoding(contentEncoding);
    if ('refused' in parsed) {
      this.abortRequest?.(new UndecodableAnswer(statusCode, parsed, retryAfter));
      return false;
    }
    const { coding } = parsed;
    if (coding === null) return true;
    this.contentDecoder = new BodyDecoder(coding, {
      data: (chunk) => this.takeDecoded(chunk),
      end: () => this.complete(),
      error: (failure) => this.stop(new UndecodableAnswer(statusCode, { coding, failure }, retryAfter)),
      drain: () => {
        if (this.paused && this.queuedChars <= HIGH_WATER_CHARS) this.resume();
      },
    });
    return true;
  }

  /** A piece of an encoded body; the upstream waits while the decoder has enough, or the queue is full. */
  private decode(chunk: Buffer): boolean {
    // An endless run of empty gzip members decodes to nothing: a refused answer's encoded bytes are bounded too.
    if (this.refusedBody !== null && (this.refusedEncodedBytes += chunk.length) > this.options.maxRefusedBytes) {
      this.stop(new AnswerTooLarge(this.options.maxRefusedBytes, this.answer.statusCode));
      return false;
    }
    if (!this.contentDecoder!.write(chunk)) this.paused = true;
    if (this.paused) this.idle?.clear();
    return !this.paused;
  }

  private takeDecoded(chunk: Buffer): void {
    if (this.closed || this.failure) return;
    if (this.refusedBody !== null) {
      this.keepRefused(chunk);
      return;
    }
    try {
      this.enqueue(this.decoder.feed(chunk));
    } catch (error) {
      this.fail(error);
      this.stop(error as Error);
      return;
    }
    if (this.queuedChars > HIGH_WATER_CHARS) {
      // Stops decoding too: one compressed piece may hold megabytes of events.
      this.paused = true;
      this.contentDecoder!.pause();
      this.idle?.clear();
    }
  }

  private start(): void {
    this.started = true;
    this.options.noteAnswerId(this.options.signal, null);
    this.options.signal.addEventListener('abort', this.onAbort);
    this.options.dispatcher.dispatch(this.options.request, this);
  }

  private end(): void {
    this.ended = true;
    this.contentDecoder?.destroy();
    this.options.signal.removeEventListener('abort', this.onAbort);
    this.clearFirstByte();
    if (this.idle !== null) {
      this.idle.clear();
      this.idle = null;
    }
    if (this.drainTimer !== null) clearTimeout(this.drainTimer);
  }

  /** Resumes the paused upstream; its silence counts again from now, as with undici's timer. */
  private resume(): void {
    this.paused = false;
    this.idle?.refresh();
    this.contentDecoder?.resume();
    this.resumeUpstream?.();
  }

  private clearFirstByte(): void {
    if (this.firstByte !== null) {
      this.firstByte.clear();
      this.firstByte = null;
    }
  }

  private take(): SseEvent {
    const event = this.queue.shift()!;
    this.queuedChars -= event.data.length;
    if (this.paused && this.queue.length === 0) this.resume();
    return event;
  }

  private enqueue(events: readonly SseEvent[]): void {
    for (const event of events) {
      this.queue.push(event);
      this.queuedChars += event.data.length;
    }
    if (this.queue.length > 0) this.wake();
  }

  private fail(error: unknown): void {
    this.failure = { error };
    this.wake();
  }

  /** Answers a waiting `next()`: an event, else the failure, else the end. */
  private wake(): void {
    const waiter = this.waiter;
    if (waiter === null) return;
    if (this.queue.length > 0) {
      this.waiter = null;
      waiter.resolve({ done: false, value: this.take() });
    } else if (this.failure || this.ended) {
      this.waiter = null;
      this.closed = true;
      if (this.failure) waiter.reject(this.failure.error);
      else waiter.resolve(DONE);
    }
  }

  private drainTail(): void {
    if (this.paused) this.resume();
    this.drainTimer = setTimeout(() => this.abortRequest?.(new Error('The stream was released.')), DRAIN_MS);
  }

  private drainPiece(bytes: number): boolean {
    this.drainedBytes += bytes;
    if (this.drainedBytes > DRAIN_BYTES) this.abortRequest?.(new Error('The stream was released.'));
    return true;
  }
}
