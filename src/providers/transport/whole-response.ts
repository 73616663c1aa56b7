/**
 * One upstream request whose whole answer is read into memory, on undici's handler API
 * (`Dispatcher.dispatch`), for JSON answers. `Pool.request` wraps every answer in a Readable stream
 * inside an AsyncResource; for a JSON answer of a few kilobytes that machinery cost more CPU than the
 * JSON work itself (`npm run bench`, README "Performance"). Streams still use `Pool.request`.
 *
 * Timeouts (`headersTimeout`, `bodyTimeout`) and connection errors are undici's, as with `request`:
 * they reject with undici's errors. An aborted signal aborts the request and rejects with its reason.
 */
import type { Dispatcher } from 'undici';
import type { CallSignal } from '../abort';

export interface WholeResponse {
  statusCode: number;
  /** The first value of each header, names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Header names and values as HTTP/1.1 carries them (latin1), first value of each name kept. */
function headersOf(raw: Buffer[]): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index].toString('latin1').toLowerCase();
    headers[name] ??= raw[index + 1].toString('latin1');
  }
  return headers;
}

export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: CallSignal): Promise<WholeResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let abortRequest: ((reason: Error) => void) | null = null;
    let statusCode = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const onAbort = () => abortRequest?.(signal.reason as Error);
    signal.addEventListener('abort', onAbort);
    const done = () => signal.removeEventListener('abort', onAbort);
    dispatcher.dispatch(options, {
      onConnect(abort) {
        if (signal.aborted) abort(signal.reason as Error);
        else abortRequest = abort;
      },
      onHeaders(status, rawHeaders) {
        // 1xx answers are informational; the real status follows.
        if (status >= 200) {
          statusCode = status;
          headers = headersOf(rawHeaders);
        }
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        done();
        resolve({ statusCode, headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
      },
      onError(error) {
        done();
        reject(error);
      },
    });
  });
}
