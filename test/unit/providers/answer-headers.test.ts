/** readHeaders: the few headers the transport reads of undici's raw list, in any case, the first of each (Content-Encoding: all). */
import { readHeaders } from '../../../src/providers/transport/whole-response';

/** undici's raw form: name and value buffers, alternating. */
const raw = (headers: [string, string][]): Buffer[] => headers.flatMap(([name, value]) => [Buffer.from(name, 'latin1'), Buffer.from(value, 'latin1')]);

test('content type, Retry-After and the request id, whatever their case; the others are not read', () => {
  const headers = raw([
    ['Date', 'Tue, 03 Jun 2025 10:00:00 GMT'],
    ['Content-Type', 'application/json'],
    ['Connection', 'keep-alive'],
    ['X-Request-ID', 'req_7f3a9c'],
    ['Retry-After', '7'],
    ['x-ratelimit-remaining-requests', '0'],
  ]);
  expect(readHeaders(headers)).toEqual({ contentType: 'application/json', retryAfter: '7', requestId: 'req_7f3a9c', contentEncoding: null });
});

test.each([
  ['request-id', 'req_011CAnthropic'],
  ['apim-request-id', '6c1a3f2e-55b0-4d0c-9e11-0123456789ab'],
  ['x-amzn-RequestId', 'fake-request-id'],
])("a provider's id from %s", (name, id) => {
  expect(readHeaders(raw([[name, id]])).requestId).toBe(id);
});

test('the first id present is the one read; none, an empty one, one with spaces or one over 128 characters is null', () => {
  expect(readHeaders(raw([['apim-request-id', 'first'], ['x-request-id', 'second']])).requestId).toBe('first');
  expect(readHeaders(raw([['content-type', 'text/plain']])).requestId).toBeNull();
  for (const odd of ['', 'has spaces', 'é-accented', 'x'.repeat(129)]) expect(readHeaders(raw([['x-request-id', odd]])).requestId).toBeNull();
  expect(readHeaders(raw([['x-request-id', 'x'.repeat(128)]])).requestId).toBe('x'.repeat(128));
});

test('Retry-After-Ms when Retry-After is absent', () => {
  expect(readHeaders(raw([['retry-after-ms', '1500']])).retryAfter).toBe('1.5');
});

test('Content-Encoding in any case; several lines make one list, so that a second coding is not missed', () => {
  expect(readHeaders(raw([['Content-Encoding', 'gzip']])).contentEncoding).toBe('gzip');
  expect(readHeaders(raw([['content-encoding', 'gzip'], ['x-amzn-requestid', 'abc'], ['CONTENT-ENCODING', 'br']]))).toMatchObject({ contentEncoding: 'gzip, br', requestId: 'abc' });
});
