/** content-decoding.ts: which Content-Encoding values are decoded, deflate's two forms, and BodyDecoder's flow. */
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { BodyDecoder, isZlibWrapped, parseContentEncoding, type ContentCoding } from '../../../src/providers/transport/content-decoding';
import { encoded, headerOf, TEST_CODINGS } from '../../support/encoding-upstream';

describe('parseContentEncoding', () => {
  test.each([
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZip', 'gzip'],
    ['deflate', 'deflate'],
    ['br', 'br'],
    [' br ', 'br'],
    ['identity, gzip', 'gzip'],
    ['gzip,', 'gzip'],
  ])('%j is %s', (value, coding) => {
    expect(parseContentEncoding(value)).toEqual({ coding });
  });

  test.each(['', 'identity', ' , identity'])('%j is no coding', (value) => {
    expect(parseContentEncoding(value)).toEqual({ coding: null });
  });

  test('a coding the gateway lacks, and a stack of codings, are refused, named', () => {
    expect(parseContentEncoding('zstd')).toEqual({ refused: "the content coding 'zstd' (the gateway decodes gzip, deflate and br)" });
    expect(parseContentEncoding('Compress')).toEqual({ refused: "the content coding 'compress' (the gateway decodes gzip, deflate and br)" });
    expect(parseContentEncoding('gzip, br')).toEqual({ refused: "the stacked content codings 'gzip, br' (the gateway decodes one of gzip, deflate, br)" });
    expect(parseContentEncoding('gzip, gzip')).toEqual({ refused: "the stacked content codings 'gzip, gzip' (the gateway decodes one of gzip, deflate, br)" });
  });
});

test('isZlibWrapped: every level of zlib-wrapped deflate, and raw deflate of any level, told apart by the first byte', () => {
  const inputs = [Buffer.from(''), Buffer.from('{"id":"chatcmpl-1"}'), Buffer.alloc(200_000, 'abc'), Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 7919) % 256))];
  for (const level of [0, 1, 5, 6, 9]) {
    for (const input of inputs) {
      expect(isZlibWrapped(deflateSync(input, { level })[0])).toBe(true);
      expect(isZlibWrapped(deflateRawSync(input, { level })[0])).toBe(false);
    }
  }
});

/** Decodes `pieces` with a BodyDecoder; resolves with the decoded text, rejects with zlib's error. */
function decodeAll(coding: ContentCoding, pieces: Buffer[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const decoder = new BodyDecoder(coding, { data: (chunk) => parts.push(chunk), end: () => resolve(Buffer.concat(parts).toString()), error: reject });
    for (const piece of pieces) decoder.write(piece);
    decoder.end();
  });
}

const TEXT = 'data: {"choices":[{"delta":{"content":"Un café ? ☕"}}]}\n\n'.repeat(50);

test.each(TEST_CODINGS)('%s decodes, also fed a byte at a time', async (coding) => {
  const body = encoded(coding, TEXT);
  const contentCoding = parseContentEncoding(headerOf(coding)) as { coding: ContentCoding };
  expect(await decodeAll(contentCoding.coding, [body])).toBe(TEXT);
  expect(await decodeAll(contentCoding.coding, [...body].map((byte) => Buffer.from([byte])))).toBe(TEXT);
});

test('an empty body is empty, not a truncated one; a truncated or corrupt body is an error', async () => {
  expect(await decodeAll('gzip', [])).toBe('');
  expect(await decodeAll('br', [Buffer.alloc(0)])).toBe('');
  await expect(decodeAll('gzip', [gzipSync(TEXT).subarray(0, 20)])).rejects.toThrow('unexpected end of file');
  await expect(decodeAll('gzip', [Buffer.from(TEXT)])).rejects.toThrow('incorrect header check');
});

test('destroyed, the decoder tells the sink nothing more', async () => {
  const told: string[] = [];
  const decoder = new BodyDecoder('gzip', { data: () => told.push('data'), end: () => told.push('end'), error: () => told.push('error') });
  decoder.write(gzipSync(TEXT));
  decoder.destroy();
  decoder.end();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(told).toEqual([]);
});

test('paused, a zip bomb stops inflating: 100 MB of zeros in 100 KB of gzip grows the memory by a few chunks, not 100 MB', async () => {
  const size = 100 * 1024 * 1024;
  const bomb = gzipSync(Buffer.alloc(size));
  expect(bomb.length).toBeLessThan(128 * 1024);
  let delivered = 0;
  let holding = true;
  let ended: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const decoder = new BodyDecoder('gzip', {
    data: (chunk) => {
      delivered += chunk.length;
      if (holding) decoder.pause();
    },
    end: () => ended(),
    error: (error) => {
      throw error;
    },
  });
  const before = process.memoryUsage().arrayBuffers;
  decoder.write(bomb);
  decoder.end();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(delivered).toBeLessThanOrEqual(64 * 1024);
  // Without zlib's backpressure the whole 100 MB would be inflated into the paused stream's buffer.
  // Wide of what it takes (under 10 MB alone), so that buffers other test files free or take meanwhile do not count.
  expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);

  holding = false;
  decoder.resume();
  await end;
  expect(delivered).toBe(size);
});
