/**
 * One upstream request whose whole answer is read into memory, on undici's handler API
 * (`Dispatcher.dispatch`), for JSON answers. `Pool.request` wraps every answer in a Readable stream
 * inside an AsyncResource; for a JSON answer of a few kilobytes that machinery cost more CPU than the
 * JSON work itself (`npm run bench`, README "Performance"). Event streams use the same API
 * (event-stream.ts), NDJSON streams included.
 *
 * Timeouts (`headersTimeout`, `bodyTimeout`) and connection errors are undici's, as with `request`:
 * they reject with undici's errors (wrapped in AnswerBrokeOff once the headers came). An aborted signal aborts the request and rejects with its reason,
 * at once even while the connection is still being made (a proxy that is slow to open a tunnel).
 * An answer longer than `maxBytes` aborts the request as soon as it passes the limit and rejects
 * with AnswerTooLarge: without a limit, an upstream that never ends its answer fills the memory.
 * What became of the request is noted on the call's abort as for a stream (`RequestFate`,
 * ../abort.ts): `sent` once written, `refused` at an error status.
 */
import type { Dispatcher } from 'undici';
import { GatewayError } from '../../errors';
import { retryAfterOf } from '../../retry-after';
import { noteRequestFate, type CallSignal } from '../abort';

/** An upstream answer to be read whole that passed the reader's limit; it was abandoned. */
export class AnswerTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly statusCode: number,
  ) {
    super(`The answer (status ${statusCode}) is larger than ${limit} bytes.`);
  }

  /** What the client gets, from any provider's transport: a 502 naming the setting, not retried. */
  toGatewayError(providerName: string, endpointName: string): GatewayError {
    return GatewayError.upstreamUnavailable(
      `${providerName} answered for endpoint '${endpointName}' with status ${this.statusCode} and more than ${this.limit} bytes; the answer was abandoned (server.max_answer_size).`,
      false,
    );
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
  body: Buffer;
}

/** `name` (lower case) as HTTP/1.1 carries it (latin1, any case): the length is checked first. */
function isHeader(raw: Buffer, name: string): boolean {
  return raw.length === name.length && raw.toString('latin1').toLowerCase() === name;
}

/**
 * The headers read, from undici's raw name/value list. Only those: converting every name and
 * value to a string showed up in profiles of the request path.
 */
export function readHeaders(raw: Buffer[]): Pick<WholeResponse, 'contentType' | 'retryAfter'> {
  let contentType: string | null = null;
  let retryAfter: string | null = null;
  let retryAfterMs: string | null = null;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    if (contentType === null && isHeader(raw[index], 'content-type')) contentType = raw[index + 1].toString('latin1');
    else if (retryAfter === null && isHeader(raw[index], 'retry-after')) retryAfter = raw[index + 1].toString('latin1');
    else if (retryAfterMs === null && isHeader(raw[index], 'retry-after-ms')) retryAfterMs = raw[index + 1].toString('latin1');
  }
  return { contentType, retryAfter: retryAfterOf(retryAfter, retryAfterMs) };
}

export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: CallSignal, maxBytes: number): Promise<WholeResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let abortRequest: ((reason: Error) => void) | null = null;
    let statusCode = 0;
    let headers: Pick<WholeResponse, 'contentType' | 'retryAfter'> = { contentType: null, retryAfter: null };
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = () => signal.removeEventListener('abort', onAbort);
    // Before undici has a connection there is nothing to abort: stop waiting now (onConnect aborts).
    const onAbort = () => {
      if (abortRequest) abortRequest(signal.reason as Error);
      else {
        done();
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
        }
      },
      onHeaders(status, rawHeaders) {
        // 1xx answers are informational; the real status follows.
        if (status >= 200) {
          statusCode = status;
          headers = readHeaders(rawHeaders);
          if (status >= 300) noteRequestFate(signal, 'refused');
        }
        return true;
      },
      onData(chunk) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          chunks.length = 0;
          abortRequest?.(new AnswerTooLarge(maxBytes, statusCode));
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        done();
        resolve({ statusCode, ...headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
      },
      onError(error) {
        done();
        // The limit's own abort, and an abort's reason, stay what they are.
        reject(statusCode === 0 || error instanceof AnswerTooLarge || signal.aborted ? error : new AnswerBrokeOff(error));
      },
    });
  });
}
