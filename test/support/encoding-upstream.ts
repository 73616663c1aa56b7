/**
 * Fake upstream answers with a Content-Encoding, as a server or proxy set to always compress sends
 * them (nginx with `gzip_proxied any`, Envoy's compressor): one compressed stream per answer,
 * flushed at every write, so that each event of a stream goes out as soon as it is written.
 */
import type { ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createDeflate, createDeflateRaw, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { UpstreamHandler } from './fake-upstream';

/** How an answer is compressed: `deflate` with its zlib header, `deflate-raw` without one (both sent as `deflate`). */
export type TestCoding = 'gzip' | 'x-gzip' | 'deflate' | 'deflate-raw' | 'br';

export const TEST_CODINGS: readonly TestCoding[] = ['gzip', 'x-gzip', 'deflate', 'deflate-raw', 'br'];

/** The Content-Encoding header the coding is sent under. */
export function headerOf(coding: TestCoding): string {
  return coding === 'deflate-raw' ? 'deflate' : coding;
}

/** `body` compressed whole. */
export function encoded(coding: TestCoding, body: string | Buffer): Buffer {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gzipSync(body);
    case 'deflate':
      return deflateSync(body);
    case 'deflate-raw':
      return deflateRawSync(body);
    case 'br':
      return brotliCompressSync(body);
  }
}

function compressor(coding: TestCoding): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGzip();
    case 'deflate':
      return createDeflate();
    case 'deflate-raw':
      return createDeflateRaw();
    case 'br':
      return createBrotliCompress();
  }
}

/** Sends `body` compressed, with this status and content type. */
export function sendEncoded(response: ServerResponse, coding: TestCoding, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'content-encoding': headerOf(coding), ...headers });
  response.end(encoded(coding, body));
}

/**
 * The answer's body goes through one compressor: each `write` is flushed (Z_SYNC_FLUSH, or brotli's
 * flush), `end` ends the compressed stream. `writeHead` adds the Content-Encoding.
 */
export function encodeResponse(response: ServerResponse, coding: TestCoding): ServerResponse {
  const zip = compressor(coding);
  const writeHead = response.writeHead.bind(response) as (status: number, headers?: Record<string, string>) => ServerResponse;
  const write = response.write.bind(response) as (chunk: Buffer) => boolean;
  const end = response.end.bind(response) as () => ServerResponse;
  zip.on('data', (chunk: Buffer) => write(chunk));
  zip.on('end', () => end());
  const flush = coding === 'br' ? () => (zip as unknown as { flush(): void }).flush() : () => (zip as unknown as { flush(kind: number): void }).flush(constants.Z_SYNC_FLUSH);
  Object.assign(response, {
    writeHead: (status: number, headers: Record<string, string> = {}) => writeHead(status, { ...headers, 'content-encoding': headerOf(coding) }),
    write: (chunk: string | Buffer) => {
      zip.write(chunk);
      flush();
      return true;
    },
    end: (chunk?: string | Buffer) => {
      if (chunk !== undefined) zip.write(chunk);
      zip.end();
      return response;
    },
  });
  return response;
}

/** `handler`'s answers, compressed with `coding` (see `encodeResponse`). */
export function encoding(coding: TestCoding, handler: UpstreamHandler): UpstreamHandler {
  return (request, response) => handler(request, encodeResponse(response, coding));
}
