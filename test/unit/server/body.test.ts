import { compileServerSettings, sizeInBytes } from '../../../src/config/server-settings';
import { jsonDepth } from '../../../src/server/body';
import { rawErrorResponse } from '../../../src/server/http-server';

const depth = (text: string, stopAbove?: number) => jsonDepth(Buffer.from(text), stopAbove);

test('jsonDepth counts nesting outside strings, escapes included', () => {
  expect(depth('1')).toBe(0);
  expect(depth('{"a":[1,{"b":[]}]}')).toBe(4);
  expect(depth('{"a":"[[[{{{"}')).toBe(1);
  expect(depth('{"a":"\\"[[["}')).toBe(1);
  expect(depth('["\\\\",[[]]]')).toBe(3);
  expect(depth('['.repeat(1_000_000), 10)).toBe(11);
});

test('sizeInBytes reads bytes and size strings', () => {
  expect(sizeInBytes(1234)).toBe(1234);
  expect(sizeInBytes('10mb')).toBe(10 * 1024 * 1024);
  expect(sizeInBytes(' 1.5 KB ')).toBe(1536);
  expect(sizeInBytes('512')).toBe(512);
});

test('compileServerSettings: defaults, and headers_timeout may not exceed request_timeout', () => {
  expect(compileServerSettings(undefined)).toEqual({
    plan: { maxBodyBytes: 10 * 1024 * 1024, maxAnswerBytes: 256 * 1024 * 1024, maxJsonDepth: 64, requestTimeoutMs: 60_000, headersTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000, shutdownTimeoutMs: 10_000 },
    issues: [],
  });
  expect(compileServerSettings({ request_timeout: 5, headers_timeout: 10 }).issues).toEqual([
    { path: 'server.headers_timeout', message: 'must not be longer than server.request_timeout (5 s): the headers are part of the request' },
  ]);
});

test('compileServerSettings: max_answer_size in bytes, at most the longest text Node can hold', () => {
  expect(compileServerSettings({ max_answer_size: '64kb' }).plan.maxAnswerBytes).toBe(65_536);
  expect(compileServerSettings({ max_answer_size: 536_870_888 }).issues).toEqual([]);
  expect(compileServerSettings({ max_answer_size: '1gb' }).issues).toEqual([
    { path: 'server.max_answer_size', message: 'must be at most 536870888 bytes, the longest text Node can hold' },
  ]);
  expect(compileServerSettings({ max_answer_size: '0.1b' }).issues).toEqual([{ path: 'server.max_answer_size', message: 'must be at least 1 byte' }]);
});

test('rawErrorResponse writes a complete HTTP answer with a JSON body in the route shape', () => {
  const response = rawErrorResponse('ERR_HTTP_REQUEST_TIMEOUT', '/v1/embeddings');
  const [head, body] = response.split('\r\n\r\n');
  expect(head.split('\r\n')).toEqual(['HTTP/1.1 408 Request Timeout', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']);
  expect(JSON.parse(body).error.code).toBe('request_timeout');
  expect(rawErrorResponse('HPE_HEADER_OVERFLOW', undefined)).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
});
