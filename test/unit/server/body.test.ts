import { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import type { Request, Response } from 'express';
import type { GatewayPlan } from '../../../src/config/compile';
import { compileServerSettings, defaultMaxInFlightBodyBytes, shareMemoryAmong, sizeInBytes } from '../../../src/config/server-settings';
import { infiniteNumberLocation, jsonBody, scanJson } from '../../../src/server/body';
import { rawErrorResponse } from '../../../src/server/http-server';
import { newRecord } from '../../../src/server/request-record';
import { collectGarbage } from '../../support/garbage';

const passed = (text: string, limits: { maxJsonDepth?: number; maxJsonKeys?: number } = {}) =>
  scanJson(Buffer.from(text), { maxJsonDepth: limits.maxJsonDepth ?? 64, maxJsonKeys: limits.maxJsonKeys ?? 1000 });

test('nesting is counted outside strings, escapes included', () => {
  expect(passed('1', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('{"a":[1,{"b":[]}]}', { maxJsonDepth: 4 })).toBeNull();
  expect(passed('{"a":[1,{"b":[]}]}', { maxJsonDepth: 3 })).toBe('depth');
  expect(passed('{"a":"[[[{{{"}', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('{"a":"\\"[[["}', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('["\\\\",[[]]]', { maxJsonDepth: 3 })).toBeNull();
  expect(passed('["\\\\",[[]]]', { maxJsonDepth: 2 })).toBe('depth');
  // A quote after an odd run of backslashes is in the string; after an even run, it ends it.
  expect(passed('["\\\\\\"[[[",1]', { maxJsonDepth: 1 })).toBeNull();
  expect(passed('["\\\\\\\\",[[]]]', { maxJsonDepth: 2 })).toBe('depth');
  // An unclosed string runs to the end of the body.
  expect(passed('[["[[[[', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('['.repeat(1_000_000), { maxJsonDepth: 10 })).toBe('depth');
});

test('a string is passed over, not read byte by byte: a body holding a 1 MB image URL is read at fewer than 1,000 places', () => {
  const bytes = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(1_000_000)}` } }] }] }));
  let reads = 0;
  const counted = new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && key.charCodeAt(0) >= 0x30 && key.charCodeAt(0) <= 0x39) reads += 1;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  expect(scanJson(counted, { maxJsonDepth: 64, maxJsonKeys: 1000 })).toBeNull();
  expect(reads).toBeLessThan(1_000);
});

test('keys are counted per object, outside strings; arrays are not limited', () => {
  const object = (keys: number) => `{${Array.from({ length: keys }, (_, index) => `"k${index}":${index}`).join(',')}}`;
  expect(passed(object(3), { maxJsonKeys: 3 })).toBeNull();
  expect(passed(object(4), { maxJsonKeys: 3 })).toBe('keys');
  expect(passed('{}', { maxJsonKeys: 1 })).toBeNull();
  // Commas in strings, in nested objects and in arrays are not the object's keys.
  expect(passed('{"a":"x,y,z,w","b":[1,2,3,4,5],"c":{"d":1,"e":2}}', { maxJsonKeys: 3 })).toBeNull();
  expect(passed('{"a":{"b":1,"c":2,"d":3,"e":4}}', { maxJsonKeys: 3 })).toBe('keys');
  expect(passed(`[${Array.from({ length: 5000 }, () => object(2)).join(',')}]`, { maxJsonKeys: 2 })).toBeNull();
  expect(passed(`{"messages":[${object(2)},${object(3)}],"x":1}`, { maxJsonKeys: 2 })).toBe('keys');
  // An object's count goes on after a nested one closes.
  expect(passed('{"a":{"x":1},"b":{"y":2},"c":3}', { maxJsonKeys: 2 })).toBe('keys');
});

test('a number that may be beyond a 64-bit float is noted outside strings: an exponent of three digits, or 210 characters', () => {
  expect(passed('{"top_k":1e999}')).toBe('long-number');
  expect(passed('{"a":[1,-1E+400]}')).toBe('long-number');
  expect(passed('1e999')).toBe('long-number');
  expect(passed(`{"a":${'9'.repeat(210)}}`)).toBe('long-number');
  expect(passed('9'.repeat(210))).toBe('long-number');
  expect(passed(`[${'9'.repeat(209)}, 1]`)).toBeNull();
  expect(passed('{"a":1e99,"b":1e-999,"c":true,"d":false,"e":null}')).toBeNull();
  expect(passed(`{"text":"1e999 ${'9'.repeat(400)}"}`)).toBeNull();
  // The limits still win: they are checked before anything is parsed.
  expect(passed('[1e999,[[[]]]]', { maxJsonDepth: 3 })).toBe('depth');
});

test('every number JSON.parse reads as Infinity is noted, at every length of digits and exponent around the limit', () => {
  const numbers = [];
  for (let digits = 1; digits <= 320; digits += 1) {
    const nearLimit = Math.max(0, 309 - digits);
    for (const exponent of ['', 'e99', 'E+99', 'e098', `e${nearLimit}`, `e+${nearLimit + 1}`]) numbers.push(`-${'9'.repeat(digits)}.5${exponent}`);
  }
  const infinite = numbers.filter((number) => !Number.isFinite(JSON.parse(number)));
  expect(infinite.length).toBeGreaterThan(100);
  for (const number of infinite) {
    expect([number, passed(`{"a":[${number}]}`)]).toEqual([number, 'long-number']);
    expect([number, passed(number)]).toEqual([number, 'long-number']);
  }
});

test('infiniteNumberLocation finds where the parsed body holds ±Infinity', () => {
  expect(infiniteNumberLocation(JSON.parse('{"messages":[{"content":"1e999"}],"top_k":1e999}'))).toEqual(['top_k']);
  expect(infiniteNumberLocation(JSON.parse('{"tools":[{"function":{"parameters":{"maximum":-1e400}}}]}'))).toEqual(['tools', 0, 'function', 'parameters', 'maximum']);
  expect(infiniteNumberLocation(JSON.parse('{"__proto__":[0,1e999]}'))).toEqual(['__proto__', 1]);
  expect(infiniteNumberLocation(JSON.parse('1e999'))).toEqual([]);
  expect(infiniteNumberLocation(JSON.parse('{"a":1e308,"b":[1e-999,"x",null,true]}'))).toBeNull();
});

test('sizeInBytes reads bytes and size strings', () => {
  expect(sizeInBytes(1234)).toBe(1234);
  expect(sizeInBytes('10mb')).toBe(10 * 1024 * 1024);
  expect(sizeInBytes(' 1.5 KB ')).toBe(1536);
  expect(sizeInBytes('512')).toBe(512);
});

test('compileServerSettings: defaults, and headers_timeout may not exceed request_timeout', () => {
  expect(compileServerSettings(undefined)).toEqual({
    plan: { maxBodyBytes: 10 * 1024 * 1024, maxInFlightBodyBytes: defaultMaxInFlightBodyBytes(), maxAnswerBytes: 256 * 1024 * 1024, maxJsonDepth: 64, maxJsonKeys: 1000, requestTimeoutMs: 60_000, headersTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000, shutdownTimeoutMs: 10_000, forwardTraceContext: false, streamKeepAliveMs: 15_000 },
    issues: [],
  });
  expect(compileServerSettings({ request_timeout: 5, headers_timeout: 10 }).issues).toEqual([
    { path: 'server.headers_timeout', message: 'must not be longer than server.request_timeout (5 s): the headers are part of the request' },
  ]);
});

test('compileServerSettings: max_answer_size in bytes, at most 500mb (held as one text, and Node holds about 512 MB)', () => {
  expect(compileServerSettings({ max_answer_size: '64kb' }).plan.maxAnswerBytes).toBe(65_536);
  expect(compileServerSettings({ max_answer_size: '500mb' }).issues).toEqual([]);
  expect(compileServerSettings({ max_answer_size: '1gb' }).issues).toEqual([{ path: 'server.max_answer_size', message: 'must be at most 500mb (524288000 bytes)' }]);
  expect(compileServerSettings({ max_answer_size: '0.1b' }).issues).toEqual([{ path: 'server.max_answer_size', message: 'must be at least 1 byte' }]);
});

test('compileServerSettings: max_in_flight_body_size in bytes, by default a quarter of the heap limit (Node sets it from the memory there is)', () => {
  expect(defaultMaxInFlightBodyBytes()).toBe(Math.floor(getHeapStatistics().heap_size_limit / 4));
  // `--workers 3`: each worker's heap limit is sized from the memory all three share.
  shareMemoryAmong(3);
  expect(compileServerSettings(undefined).plan.maxInFlightBodyBytes).toBe(Math.floor(getHeapStatistics().heap_size_limit / 12));
  shareMemoryAmong(1);
  expect(compileServerSettings({ max_in_flight_body_size: '64mb' }).plan.maxInFlightBodyBytes).toBe(64 * 1024 * 1024);
  expect(compileServerSettings({ max_in_flight_body_size: 300_000 }).plan.maxInFlightBodyBytes).toBe(300_000);
  expect(compileServerSettings({ max_in_flight_body_size: '0.1b' }).issues).toEqual([{ path: 'server.max_in_flight_body_size', message: 'must be at least 1 byte' }]);
});

test('rawErrorResponse writes a complete HTTP answer with a JSON body in the route shape', () => {
  const response = rawErrorResponse('ERR_HTTP_REQUEST_TIMEOUT', '/v1/embeddings');
  const [head, body] = response.split('\r\n\r\n');
  expect(head.split('\r\n')).toEqual(['HTTP/1.1 408 Request Timeout', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']);
  expect(JSON.parse(body).error.code).toBe('request_timeout');
  expect(rawErrorResponse('HPE_HEADER_OVERFLOW', undefined)).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
});

test('a body read keeps none of its raw bytes: its request lives on through the upstream call, for minutes at times', async () => {
  const text = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(100_000) }] });
  const request = Object.assign(new Readable({ read() {} }), { method: 'POST', headers: { 'content-length': String(text.length) } });
  // Made in a function, so that only the request's reading can hold the chunks.
  const sent = (() => {
    const chunks = [Buffer.from(text.slice(0, 50_000)), Buffer.from(text.slice(50_000))];
    for (const chunk of chunks) request.push(chunk);
    request.push(null);
    return chunks.map((chunk) => new WeakRef(chunk));
  })();
  const state = { plan: { server: compileServerSettings(undefined).plan } as GatewayPlan };
  const response = { locals: { record: newRecord({ id: 'request-1', method: 'POST', path: '/v1/chat/completions', logging: { bodies: false, maxBodyChars: 0 } }) } };
  await new Promise<void>((resolve, reject) => jsonBody(state)(request as unknown as Request, response as unknown as Response, (error?: unknown) => (error === undefined ? resolve() : reject(error))));
  expect((request as unknown as Request).body).toEqual(JSON.parse(text));
  await collectGarbage();
  expect(sent.map((chunk) => chunk.deref() === undefined)).toEqual([true, true]);
});
