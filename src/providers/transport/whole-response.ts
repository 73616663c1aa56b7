/**
 * One upstream request whose whole answer is read into memory, on undici's handler API
 * (`Dispatcher.dispatch`), for JSON answers. `Pool.request` wraps every answer in a Readable stream
 * inside an AsyncResource; for a JSON answer of a few kilobytes that machinery cost more CPU than the
 * JSON work itself (`npm run bench`, README "Performance"). Event streams use the same API
 * (event-stream.ts), NDJSON streams included.
 *
 * Timeouts (`headersTimeout`, `bodyTimeout`) and connection errors are undici's, as with `request`:
 * they reject with undici's errors (wrapped in AnswerBrokeOff once the headers came). A short
 * first_byte has a native timer (native-timeouts.ts; undici's is then a backstop), which rejects with
 * undici's HeadersTimeoutError too; so has a short idle (native-timeouts.ts), with its BodyTimeoutError. An
 * aborted signal aborts the request and rejects with its reason, at once even while the
 * connection is still being made (a proxy that is slow to open a tunnel).
 * An answer longer than `maxBytes` aborts the request as soon as it passes the limit and rejects
 * with AnswerTooLarge: without a limit, an upstream that never ends its answer fills the memory.
 * A body with a Content-Encoding is decoded as it comes (content-decoding.ts), its decoded bytes
 * bounded by the same limit (a zip bomb); an answer without one takes no other path.
 * What became of the request is noted on the call's abort as for a stream (`RequestFate`,
 * ../abort.ts): `sent` once written, `refused` at an error status.
 */
import type { Dispatcher } from 'undici';
import { GatewayError } from '../../errors';
import { retryAfterOf } from '../../retry-after';
import { noteRequestFate, type CallSignal } from '../abort';
import { BodyDecoder, parseContentEncoding, type ContentCoding } from './content-decoding';
import { startFirstByteTimer, startIdleTimer, type NativeTimer } from './native-timeouts';

/** An upstream answer to be read whole that passed the reader's limit; it was abandoned. */
export class AnswerTooLarge extends Error {
  /** `coding`: the answer's Content-Encoding, when its decoded bytes passed the limit. */
  constructor(
    readonly limit: number,
    readonly statusCode: number,
    readonly coding: ContentCoding | null = null,
  ) {
    super(`The answer (status ${statusCode}) is larger than ${limit} bytes.`);
  }

  /** What the client gets, from any provider's transport: a 502 naming the setting, not retried. */
  toGatewayError(providerName: string, endpointName: string): GatewayError {
    const decoded = this.coding === null ? '' : ` once decoded (Content-Encoding ${this.coding})`;
    return GatewayError.upstreamUnavailable(
      `${providerName} answered for endpoint '${endpointName}' with status ${this.statusCode} and more than ${this.limit} bytes${decoded}; the answer was abandoned (server.max_answer_size).`,
      false,
    );
  }
}

/**
 * An answer whose Content-Encoding the gateway does not decode (`refused`), or whose body does not
 * decode (`failure`). `retryAfter`: the answer's (`readHeaders`), which an error status keeps (http.ts).
 */
export class UndecodableAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly problem: { refused: string } | { coding: ContentCoding; failure: Error },
    readonly retryAfter: string | null,
  ) {
    super('refused' in problem ? `The answer is in ${problem.refused}.` : `The ${problem.coding} answer does not decode: ${problem.failure.message}`);
  }

  /** The body, as a message names it: `a body in the content coding 'zstd' (…)`, `a body that is not valid gzip (Content-Encoding): …`. */
  get body(): string {
    const { problem } = this;
    return 'refused' in problem ? `a body in ${problem.refused}` : `a body that is not valid ${problem.coding} (Content-Encoding): ${problem.failure.message}`;
  }

  /**
   * For a 2xx answer: a 502 naming the provider, the endpoint and the coding. A coding the gateway
   * lacks would come again: not retried. A corrupt body is retried, as an answer that is not JSON is.
   * An error status stays its own error (http.ts).
   */
  toGatewayError(providerName: string, endpointName: string): GatewayError {
    const answered = `${providerName} answered for endpoint '${endpointName}' with status ${this.statusCode} and ${this.body}.`;
    return GatewayError.upstreamUnavailable(answered, !('refused' in this.problem));
  }
}

/** A connection failure (undici's error, `reason`) after the answer's headers came: the upstream was reached. */
export class AnswerBrokeOff extends Error {
  constructor(readonly reason: Error) {
    super(`The answer broke off: ${reason.message}`);
  }
}

export interface WholeResponse {
  statusCode: number;
  /** The first value of each header the gateway reads from a JSON answer; null when absent. */
  contentType: string | null;
  retryAfter: string | null;
  /** The provider's id for this answer (`readHeaders`); null when it gave none. */
  requestId: string | null;
  /** Decoded, when the answer had a Content-Encoding. */
  body: Buffer;
}

/**
 * The headers that carry a provider's id for its answer: OpenAI's, Azure's and most others'
 * `x-request-id`, Anthropic's `request-id`, Azure API Management's `apim-request-id`, AWS's
 * `x-amzn-requestid`. The first present is the one noted.
 */
const REQUEST_ID_HEADERS = new Set(['x-request-id', 'request-id', 'apim-request-id', 'x-amzn-requestid']);

/** An id as the audit line may show it: up to 128 visible ASCII characters; else none. */
const PLAIN_ID = /^[\x21-\x7e]{1,128}$/;

export function requestIdOf(value: string | undefined): string | null {
  return value !== undefined && PLAIN_ID.test(value) ? value : null;
}

export type AnswerHeaders = Pick<WholeResponse, 'contentType' | 'retryAfter' | 'requestId'> & {
  /** The answer's `Content-Encoding` (several lines joined by commas); null without one. */
  contentEncoding: string | null;
};

/**
 * The headers read, from undici's raw name/value list. Only those, and only a name of one of their
 * lengths is made a string: converting every name and value showed up in profiles of the request path.
 */
export function readHeaders(raw: Buffer[]): AnswerHeaders {
  let contentType: string | null = null;
  let retryAfter: string | null = null;
  let retryAfterMs: string | null = null;
  let requestId: string | undefined;
  let contentEncoding: string | null = null;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const length = raw[index].length;
    // content-type, x-request-id: 12; retry-after: 11; retry-after-ms: 14; request-id: 10; apim-request-id: 15; x-amzn-requestid, content-encoding: 16.
    if (length < 10 || length > 16 || length === 13) continue;
    const name = raw[index].toString('latin1').toLowerCase();
    if (contentType === null && name === 'content-type') contentType = raw[index + 1].toString('latin1');
    else if (retryAfter === null && name === 'retry-after') retryAfter = raw[index + 1].toString('latin1');
    else if (retryAfterMs === null && name === 'retry-after-ms') retryAfterMs = raw[index + 1].toString('latin1');
    else if (requestId === undefined && REQUEST_ID_HEADERS.has(name)) requestId = raw[index + 1].toString('latin1');
    else if (name === 'content-encoding') {
      // Several lines are one list (RFC 9110 §5.3), so a second coding is not missed.
      const value = raw[index + 1].toString('latin1');
      contentEncoding = contentEncoding === null ? value : `${contentEncoding}, ${value}`;
    }
  }
  return { contentType, retryAfter: retryAfterOf(retryAfter, retryAfterMs), requestId: requestIdOf(requestId), contentEncoding };
}

/** The answer read, from its parts. */
function wholeResponse(statusCode: number, headers: AnswerHeaders, chunks: Buffer[]): WholeResponse {
  const { contentType, retryAfter, requestId } = headers;
  return { statusCode, contentType, retryAfter, requestId, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) };
}

/**
 * `timeouts`: the endpoint's first_byte (`headers`) and idle (`body`) in ms, as compiled at config
 * load (no object per request), whose `undiciTimeout`s are in `options`. A body with a
 * Content-Encoding is decoded as it comes (content-decoding.ts): `maxBytes` bounds its encoded and
 * its decoded bytes, and a coding the gateway lacks, or a body that does not decode, rejects with
 * UndecodableAnswer.
 */
export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: CallSignal, maxBytes: number, timeouts: { headers: number; body: number }): Promise<WholeResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let abortRequest: ((reason: Error) => void) | null = null;
    let firstByte: NativeTimer | null = null;
    let idle: NativeTimer | null = null;
    let statusCode = 0;
    let headers: AnswerHeaders = { contentType: null, retryAfter: null, requestId: null, contentEncoding: null };
    const chunks: Buffer[] = [];
    let bytes = 0;
    /** Null for an answer without a Content-Encoding. */
    let decoder: BodyDecoder | null = null;
    /** undici has the whole body, which the decoder is still decoding: an abort of undici's does nothing now. */
    let decodingRest = false;
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      firstByte?.clear();
      idle?.clear();
    };
    // Before undici has a connection there is nothing to abort: stop waiting now (onConnect aborts).
    const onAbort = () => {
      if (abortRequest && !decodingRest) abortRequest(signal.reason as Error);
      else {
        done();
        decoder?.destroy();
        reject(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort);
    dispatcher.dispatch(options, {
      onConnect(abort) {
        if (signal.aborted) abort(signal.reason as Error);
        else {
          abortRequest = abort;
          noteRequestFate(signal, 'sent');
          // Per connection: undici may hand the request to another one after an informational close.
          firstByte?.clear();
          firstByte = startFirstByteTimer(timeouts.headers, abort);
        }
      },
      onHeaders(status, rawHeaders) {
        // 1xx answers are informational; the real status follows, and the first_byte wait starts again (as undici's).
        if (status < 200) {
          firstByte?.refresh();
          return true;
        }
        if (firstByte !== null) {
          firstByte.clear();
          firstByte = null;
        }
        statusCode = status;
        idle?.clear();
        if (abortRequest !== null) idle = startIdleTimer(timeouts.body, abortRequest);
        headers = readHeaders(rawHeaders);
        if (status >= 300) noteRequestFate(signal, 'refused');
        if (headers.contentEncoding === null) return true;
        const parsed = parseContentEncoding(headers.contentEncoding);
        if ('refused' in parsed) {
          abortRequest?.(new UndecodableAnswer(status, parsed, headers.retryAfter));
          return false;
        }
        const { coding } = parsed;
        if (coding === null) return true;
        // Built only for an encoded answer, so that the closures cost nothing per request otherwise.
        const stop = (error: Error) => {
          decoder?.destroy();
          chunks.length = 0;
          if (!decodingRest) abortRequest?.(error);
          else {
            done();
            reject(error);
          }
        };
        let decodedBytes = 0;
        decoder = new BodyDecoder(coding, {
          data(chunk) {
            decodedBytes += chunk.length;
            if (decodedBytes > maxBytes) stop(new AnswerTooLarge(maxBytes, statusCode, coding));
            else chunks.push(chunk);
          },
          end() {
            done();
            resolve(wholeResponse(statusCode, headers, chunks));
          },
          error: (failure) => stop(new UndecodableAnswer(statusCode, { coding, failure }, headers.retryAfter)),
        });
        return true;
      },
      onData(chunk) {
        idle?.refresh();
        bytes += chunk.length;
        if (bytes > maxBytes) {
          chunks.length = 0;
          abortRequest?.(new AnswerTooLarge(maxBytes, statusCode));
          return false;
        }
        if (decoder !== null) decoder.write(chunk);
        else chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (decoder !== null) {
          // The rest is decoded off the event loop; the decoder's end resolves.
          decodingRest = true;
          idle?.clear();
          decoder.end();
          return;
        }
        done();
        resolve(wholeResponse(statusCode, headers, chunks));
      },
      onError(error) {
        done();
        decoder?.destroy();
        // The limit's own abort, a refused coding's, and an abort's reason, stay what they are.
        reject(statusCode === 0 || error instanceof AnswerTooLarge || error instanceof UndecodableAnswer || signal.aborted ? error : new AnswerBrokeOff(error));
      },
    });
  });
}
