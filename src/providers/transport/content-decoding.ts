/**
 * Decoding of an upstream answer's `Content-Encoding` (RFC 9110 §8.4) for the dispatch handlers
 * (whole-response.ts, event-stream.ts): undici's dispatch API hands over the body as it came. A
 * server or proxy may compress without being asked (compression middleware that ignores
 * Accept-Encoding, nginx's `gzip_static always`, a cache holding only the compressed copy).
 *
 * One coding is decoded, on node:zlib's streams (off the event loop, as the body arrives); a stack of
 * codings (`gzip, br`), which no server we know sends, and any other coding are refused with a reason.
 * The output is read in flowing mode; `pause()` stops it and, as zlib stops inflating once its output
 * buffer is full, bounds what one small compressed piece can turn into (a zip bomb): the caller
 * counts the decoded bytes against its own limit.
 */
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** A coding the gateway decodes (`x-gzip` is gzip, RFC 9110 §8.4.1.3). */
export type ContentCoding = 'gzip' | 'deflate' | 'br';

/** A header's coding, null for identity, or why it cannot be decoded. */
export type ParsedContentEncoding = { coding: ContentCoding | null } | { refused: string };

const CODINGS: Readonly<Record<string, ContentCoding>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

const IDENTITY: ParsedContentEncoding = { coding: null };

/** The coding a `Content-Encoding` value names (case-insensitive; `identity` and empty items are no coding). */
export function parseContentEncoding(value: string): ParsedContentEncoding {
  const codings = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '' && item !== 'identity');
  if (codings.length === 0) return IDENTITY;
  if (codings.length > 1) return { refused: `the stacked content codings '${codings.join(', ')}' (the gateway decodes one of gzip, deflate, br)` };
  const coding = CODINGS[codings[0]];
  return coding === undefined ? { refused: `the content coding '${codings[0]}' (the gateway decodes gzip, deflate and br)` } : { coding };
}

/**
 * Whether a deflate body starts with a zlib header (RFC 1950: compression method 8 in the low four
 * bits), as RFC 9110 says; else it is raw deflate (RFC 1951), which some servers send and browsers accept.
 */
export function isZlibWrapped(firstByte: number): boolean {
  return (firstByte & 0x0f) === 8;
}

// Each piece is decoded as far as it goes, so a stream's event is delivered before the next is sent.
const ZLIB_OPTIONS = { flush: constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = { flush: constants.BROTLI_OPERATION_FLUSH };

function decoderFor(coding: ContentCoding, firstByte: number): Transform {
  switch (coding) {
    case 'gzip':
      return createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      return isZlibWrapped(firstByte) ? createInflate(ZLIB_OPTIONS) : createInflateRaw(ZLIB_OPTIONS);
    case 'br':
      return createBrotliDecompress(BROTLI_OPTIONS);
    default: {
      const unreachable: never = coding;
      return unreachable;
    }
  }
}

/** Where decoded bytes go. Nothing is called after `end`, `error`, or the decoder's `destroy`. */
export interface DecodedSink {
  data(chunk: Buffer): void;
  end(): void;
  /** zlib's error (a corrupt or truncated body). */
  error(error: Error): void;
  /** The decoder takes input again after a `write` that returned false. */
  drain?(): void;
}

/** The decoding of one answer's body. */
export class BodyDecoder {
  private stream: Transform | null = null;
  private paused = false;
  private over = false;

  constructor(
    readonly coding: ContentCoding,
    private readonly sink: DecodedSink,
  ) {}

  /** A piece of the encoded body; false when the decoder holds enough input for now (wait for `drain`). */
  write(chunk: Buffer): boolean {
    if (this.over || chunk.length === 0) return true;
    return (this.stream ??= this.open(chunk[0])).write(chunk);
  }

  /** The encoded body is complete: the sink gets the rest, then `end` (or `error` for a truncated body). */
  end(): void {
    if (this.over) return;
    if (this.stream === null) {
      // An empty body is empty decoded; zlib would call it truncated.
      this.over = true;
      this.sink.end();
    } else this.stream.end();
  }

  /** Stops delivering decoded data (and soon decoding) until `resume`. */
  pause(): void {
    this.paused = true;
    if (!this.over) this.stream?.pause();
  }

  resume(): void {
    this.paused = false;
    if (!this.over) this.stream?.resume();
  }

  /** Stops at once; the sink hears nothing more. */
  destroy(): void {
    this.over = true;
    this.stream?.destroy();
  }

  private open(firstByte: number): Transform {
    const stream = decoderFor(this.coding, firstByte);
    stream.on('data', (chunk: Buffer) => {
      if (!this.over) this.sink.data(chunk);
    });
    stream.on('end', () => this.finish(() => this.sink.end()));
    stream.on('error', (error: Error) => this.finish(() => this.sink.error(error)));
    stream.on('drain', () => {
      if (!this.over) this.sink.drain?.();
    });
    if (this.paused) stream.pause();
    return stream;
  }

  private finish(tell: () => void): void {
    if (this.over) return;
    this.over = true;
    tell();
  }
}
