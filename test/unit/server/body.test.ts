import { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import type { Request, Response } from 'express';
import type { GatewayPlan } from '../../../src/config/compile';
import { compileServerSettings, defaultMaxInFlightBodyBytes, shareMemoryAmong, sizeInBytes } from '../../../src/config/server-settings';
import { infiniteNumberLocation, jsonBody } from '../../../src/server/body';
import { rawErrorResponse } from '../../../src/server/http-server';
import { newRecord } from '../../../src/server/request-record';
import { collectGarbage } from '../../support/garbage';

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
