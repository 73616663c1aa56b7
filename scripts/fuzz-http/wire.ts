/**
 * A raw HTTP/1.1 client on a TCP socket, so that a case can send anything (odd methods, targets,
 * headers, broken chunking, bodies in slow pieces, a connection cut mid-request) and read the
 * gateway's answers byte for byte, with how long they took.
 */
import { connect } from 'node:net';

export type WireStep = { write: Buffer | string } | { wait: number } | { halfClose: true } | { destroy: true };

export interface ParsedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body's end was seen (its length, the last chunk), not only the connection's. */
  complete: boolean;
}

export interface WireResult {
  answers: ParsedAnswer[];
  /** How the exchange ended. */
  ending: 'answered' | 'closed' | 'timed-out' | 'destroyed-by-us';
  /** From the first byte sent to the last answer's end (or the ending). */
  elapsedMs: number;
  /** Bytes received after the answers that could be parsed. */
  leftover: Buffer;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Undoes chunked transfer coding; null while the last chunk has not arrived. */
function dechunk(bytes: Buffer): { body: Buffer; used: number } | null {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) return null;
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) {
      const trailerEnd = bytes.indexOf(HEADER_END, lineEnd);
      return trailerEnd < 0 ? null : { body: Buffer.concat(parts), used: trailerEnd + 4 };
    }
    if (bytes.length < lineEnd + 2 + size + 2) return null;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

/** What a chunked body holds so far, for a stream that never ended. */
function dechunkPartial(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, Math.min(bytes.length, lineEnd + 2 + size)));
    offset = lineEnd + 2 + size + 2;
    if (offset > bytes.length) break;
  }
  return Buffer.concat(parts);
}

/**
 * The answers at the start of `bytes`: complete ones, then (when `closed`) a last one cut short.
 * `bodyless` says, per answer, whether its request was a HEAD.
 */
export function parseAnswers(bytes: Buffer, closed: boolean, bodyless: (index: number) => boolean): { answers: ParsedAnswer[]; rest: Buffer } {
  const answers: ParsedAnswer[] = [];
  let rest = bytes;
  for (;;) {
    const headerEnd = rest.indexOf(HEADER_END);
    if (headerEnd < 0) break;
    const [statusLine, ...headerLines] = rest.subarray(0, headerEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    if (Number.isNaN(status)) break;
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      headers[name] = headers[name] === undefined ? line.slice(colon + 1).trim() : `${headers[name]}, ${line.slice(colon + 1).trim()}`;
    }
    const afterHeaders = rest.subarray(headerEnd + 4);
    if (status >= 100 && status < 200) {
      rest = afterHeaders;
      continue;
    }
    if (bodyless(answers.length) || status === 204 || status === 304) {
      answers.push({ status, headers, body: Buffer.alloc(0), complete: true });
      rest = afterHeaders;
      continue;
    }
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const decoded = dechunk(afterHeaders);
      if (decoded === null) {
        if (closed) answers.push({ status, headers, body: dechunkPartial(afterHeaders), complete: false });
        rest = closed ? Buffer.alloc(0) : rest;
        break;
      }
      answers.push({ status, headers, body: decoded.body, complete: true });
      rest = afterHeaders.subarray(decoded.used);
      continue;
    }
    const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
    if (length === null) {
      if (!closed) break;
      answers.push({ status, headers, body: afterHeaders, complete: true });
      rest = Buffer.alloc(0);
      break;
    }
    if (afterHeaders.length < length) {
      if (closed) answers.push({ status, headers, body: afterHeaders, complete: false });
      rest = closed ? Buffer.alloc(0) : rest;
      break;
    }
    answers.push({ status, headers, body: afterHeaders.subarray(0, length), complete: true });
    rest = afterHeaders.subarray(length);
  }
  return { answers, rest };
}

/**
 * Runs `steps` on a new connection to 127.0.0.1:`port` and reads answers until `expected` have
 * come, the connection closes, or `timeoutMs` passes.
 */
export function exchange(options: { port: number; steps: readonly WireStep[]; expected: number; timeoutMs: number; heads?: readonly boolean[] }): Promise<WireResult> {
  const { port, steps, expected, timeoutMs } = options;
  const bodyless = (index: number) => options.heads?.[index] === true;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    const started = Date.now();
    let settled = false;
    let destroyedByUs = false;
    const finish = (ending: WireResult['ending'], closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const { answers, rest } = parseAnswers(Buffer.concat(received), closed, bodyless);
      socket.destroy();
      resolve({ answers, ending, elapsedMs: Date.now() - started, leftover: rest });
    };
    const timer = setTimeout(() => finish('timed-out', true), timeoutMs);
    socket.on('data', (data: Buffer) => {
      received.push(data);
      if (parseAnswers(Buffer.concat(received), false, bodyless).answers.length >= expected) finish('answered', false);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(destroyedByUs ? 'destroyed-by-us' : 'closed', true));
    const run = async () => {
      for (const step of steps) {
        if (settled || socket.destroyed) return;
        if ('write' in step) socket.write(step.write);
        else if ('wait' in step) await new Promise((done) => setTimeout(done, step.wait));
        else if ('halfClose' in step) socket.end();
        else {
          destroyedByUs = true;
          socket.destroy();
        }
      }
    };
    socket.once('connect', () => void run());
  });
}

/** A request's bytes: request line, headers as given (repeats and odd spellings kept), body. */
export function requestBytes(options: { method: string; target: string; headers: readonly (readonly [string, string])[]; body?: Buffer }): Buffer {
  const head = [`${options.method} ${options.target} HTTP/1.1`, ...options.headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), options.body ?? Buffer.alloc(0)]);
}
