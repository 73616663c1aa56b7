import { Writable } from 'node:stream';
import { withoutUrlSecrets } from '../../../src/providers/transport/credentials';
import { credentialValues } from '../../../src/providers/transport/http';
import { redacted } from '../../../src/redaction';
import { createLogger } from '../../../src/server/logging';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

test('credentialValues picks credential headers, with and without their scheme, longest first', () => {
  expect(credentialValues({ authorization: 'Bearer sk-secret-123', 'anthropic-version': '2023-06-01', 'x-goog-api-key': 'AIza-key-456' })).toEqual([
    'Bearer sk-secret-123',
    'sk-secret-123',
    'AIza-key-456',
  ]);
  expect(credentialValues({ 'api-key': 'short' })).toEqual([]);
});

test('the logger redacts secret headers in a headers object at the top or under a request, response or error', () => {
  let output = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  logger.debug({ headers: { authorization: 'Bearer one-secret', 'x-api-key': 'two-secret', accept: 'json' }, request: { headers: { 'api-key': 'three-secret' } } }, 'headers');
  expect(output).not.toMatch(/one-secret|two-secret|three-secret/);
  expect(JSON.parse(output)).toMatchObject({ headers: { authorization: '[redacted]', 'x-api-key': '[redacted]', accept: 'json' }, request: { headers: { 'api-key': '[redacted]' } } });
});

test('redacted hides a secret whole, and the start of one that an excerpt cut off at the end of the text', () => {
  const secrets = ['Bearer sk-proj-abcdef123456', 'sk-proj-abcdef123456'];
  expect(redacted('echo: Bearer sk-proj-abcdef123456 and sk-proj-abcdef123456.', secrets)).toBe('echo: [redacted] and [redacted].');
  expect(redacted('Upstream error (status 503): xxx key sk-proj-abc…', secrets)).toBe('Upstream error (status 503): xxx key [redacted]…');
  expect(redacted('stream event that is not JSON: yyy sk-proj-ab', secrets)).toBe('stream event that is not JSON: yyy [redacted]');
  // Fewer than four characters say nothing about a key (`sk-` is every OpenAI key's).
  expect(redacted('a message ending in sk-', secrets)).toBe('a message ending in sk-');
});

test('redacted hides a secret quoted masked, its start or end or both around asterisks, dots or an ellipsis, as vendors quote a key they refused', () => {
  const secrets = ['Bearer sk-proj-5ZHQnAbCdEfGh1234pYxy', 'sk-proj-5ZHQnAbCdEfGh1234pYxy'];
  // OpenAI's 'Incorrect API key provided' (first 8 and last 4 characters), LiteLLM's (first and last 4), and others'.
  expect(redacted('Incorrect API key provided: sk-proj-5******************pYxy. You can find your API key at …', secrets)).toBe('Incorrect API key provided: [redacted]. You can find your API key at …');
  expect(redacted('Received: sk-p****pYxy, expected', secrets)).toBe('Received: [redacted], expected');
  expect(redacted('key sk-proj-5ZH...1234pYxy refused; key sk-proj-5ZH… refused; key ••••pYxy refused', secrets)).toBe('key [redacted] refused; key [redacted] refused; key [redacted] refused');
  // Too little of a key (`sk-` is every OpenAI key's start), another key, a scheme alone, and prose keep their text.
  expect(redacted('sk-..., sk-proj-9XY***abcd, Bearer ..., Retrying... done', secrets)).toBe('sk-..., sk-proj-9XY***abcd, Bearer ..., Retrying... done');
});

test("redacted hides the password of every URL in a text (or its token), whatever its length, and leaves the same word elsewhere", () => {
  expect(redacted('proxy http://gateway:pw123@proxy.corp:3128 refused; pw123 is a word here', [])).toBe('proxy http://gateway:[redacted]@proxy.corp:3128 refused; pw123 is a word here');
  expect(redacted('GET https://tok@tgi.internal/generate and s3://:k@bucket', [])).toBe('GET https://[redacted]@tgi.internal/generate and s3://[redacted]@bucket');
  // A password with an unencoded `@`: URL parsers end the userinfo at the authority's last one.
  expect(redacted('"http://user:p@ss@host:8080/v1?x=a@b"', [])).toBe('"http://user:[redacted]@host:8080/v1?x=a@b"');
  expect(redacted('mail admin@example.com about https://example.com/a@b', [])).toBe('mail admin@example.com about https://example.com/a@b');
  expect(redacted('http://user:long-password-1@host failed', ['long-password-1'])).toBe('http://user:[redacted]@host failed');
});

test('withoutUrlSecrets hides a URL\'s password (or its token user), its query values and its fragment, and keeps its scheme, host, path and parameter names', () => {
  expect(withoutUrlSecrets('https://mcp.example.com/sse')).toBe('https://mcp.example.com/sse');
  expect(withoutUrlSecrets('https://wiki-bot:s3cr%40t@mcp.example.com:8443/v1/sse')).toBe('https://wiki-bot:[redacted]@mcp.example.com:8443/v1/sse');
  expect(withoutUrlSecrets('https://p@ss:w@rd@mcp.example.com/sse')).toBe('https://p@ss:[redacted]@mcp.example.com/sse');
  expect(withoutUrlSecrets('https://ghp_0123456789abcdef@mcp.example.com/sse')).toBe('https://[redacted]@mcp.example.com/sse');
  expect(withoutUrlSecrets('https://mcp.example.com/sse?token=mcp-4d7e9a1c&api-version=2024-10-21&region=eu&flag&empty=')).toBe(
    'https://mcp.example.com/sse?token=[redacted]&api-version=2024-10-21&region=[redacted]&[redacted]&empty=',
  );
  expect(withoutUrlSecrets('https://u:pw@mcp.example.com/sse?code=abc#access_token=xyz')).toBe('https://u:[redacted]@mcp.example.com/sse?code=[redacted]#[redacted]');
  expect(withoutUrlSecrets('https://mcp.example.com/sse#access_token=xyz?x=1')).toBe('https://mcp.example.com/sse#[redacted]');
  expect(withoutUrlSecrets('https://mcp.example.com/sse?#')).toBe('https://mcp.example.com/sse?#');
});

test("a long text of short words (or of masks) is read in linear time: a client's mcp_servers[].url passes through withoutUrlSecrets on every request", () => {
  // Each "a" after a dot starts a word that could be a URL's scheme; 100,000 characters took seconds when each was read to the end.
  const words = 'a.'.repeat(50_000);
  // CPU time: on a loaded machine, waiting for the CPU took the clock's time past the bound.
  const took = leastCpuMillisecondsOf(() => {
    expect(withoutUrlSecrets(words)).toBe(words);
    expect(redacted(`${words} https://u:pw@host/`, [])).toBe(`${words} https://u:[redacted]@host/`);
    // Masks between runs of key characters, each run read at most twice.
    const masks = redacted(`${'abcdefgh... '.repeat(20_000)}x`, ['sk-proj-5ZHQnAbCdEfGh1234pYxy', 'abcdefgh-secret-1']);
    expect(masks === `${'[redacted] '.repeat(20_000)}x`).toBe(true);
  }, 500);
  expect(took).toBeLessThan(500);
});
