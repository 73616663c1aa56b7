import { GatewayError, vendorErrorOf } from '../../src/errors';
import { errorWithoutSecrets } from '../../src/redaction';
import { errorBody } from '../../src/server/errors';

describe('vendorErrorOf', () => {
  test("keeps a code and param that read like ones, and a type only when it is OpenAI's", () => {
    expect(vendorErrorOf({ type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages[0].content' })).toEqual({
      type: 'invalid_request_error',
      code: 'context_length_exceeded',
      param: 'messages[0].content',
    });
    expect(vendorErrorOf({ type: 'invalid_request_message_error', code: 3051, param: null })).toBeNull();
    expect(vendorErrorOf({ type: null, code: 'content_filter', param: 'prompt' })).toEqual({ type: null, code: 'content_filter', param: 'prompt' });
  });

  test('never passes on free text, which may quote the request', () => {
    expect(vendorErrorOf({ code: 'the prompt "tell me a secret" was refused', param: 'x'.repeat(129) })).toBeNull();
  });
});

describe("GatewayError.upstream and the vendor's fields", () => {
  const vendorError = { type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages' };

  test('a refused request shows them on /v1 only; the gateway keeps its own code', () => {
    const error = GatewayError.upstream({ status: 400, message: 'too long', endpoint: 'chat', vendorError });
    expect(error.code).toBe('upstream_rejected');
    expect(errorBody(error, 'openai')).toEqual({ error: { message: 'too long', ...vendorError } });
    expect(errorBody(error, 'mlflow')).toEqual({ detail: 'too long' });
    expect(error.withoutSecrets(['long']).vendorError).toEqual(vendorError);
  });

  test("a refused key and a vendor's failure never show the vendor's code", () => {
    for (const status of [401, 403, 500, 503]) {
      const error = GatewayError.upstream({ status, message: 'no', endpoint: 'chat', vendorError: { type: null, code: 'invalid_api_key', param: null } });
      expect(error.vendorError).toBeNull();
    }
  });
});

describe('errorWithoutSecrets', () => {
  it('copies an error with the secrets out of its message, stack and causes, keeping its class, even when its causes loop', () => {
    class VendorError extends Error {}
    const error = new VendorError('bad key sk-SECRET-123456', { cause: new Error('sk-SECRET-123456 refused') });
    (error.cause as Error).cause = error;
    const copy = errorWithoutSecrets(error, ['sk-SECRET-123456']) as Error;
    expect(copy).toBeInstanceOf(VendorError);
    expect([copy.message, copy.stack?.split('\n')[0], (copy.cause as Error).message]).toEqual(['bad key [redacted]', 'Error: bad key [redacted]', '[redacted] refused']);
    expect(error.message).toBe('bad key sk-SECRET-123456');
  });

  it('takes the secrets out of its other text fields, which the log shows too (`code`, `address`)', () => {
    const error = Object.assign(new Error('refused'), { code: 'KEY_sk-SECRET-123456_REFUSED', address: 'http://user:pw123@10.0.0.1', port: 443 });
    const copy = errorWithoutSecrets(error, ['sk-SECRET-123456']) as Error & { code: string; address: string; port: number };
    expect({ code: copy.code, address: copy.address, port: copy.port }).toEqual({ code: 'KEY_[redacted]_REFUSED', address: 'http://user:[redacted]@10.0.0.1', port: 443 });
    expect(error.code).toBe('KEY_sk-SECRET-123456_REFUSED');
  });

  it("hides a URL's password even for an endpoint without secrets of its own", () => {
    const error = new Error('connect failed: http://gateway:pw123@proxy.corp:3128');
    expect((errorWithoutSecrets(error, []) as Error).message).toBe('connect failed: http://gateway:[redacted]@proxy.corp:3128');
  });
});

describe("a vendor's Retry-After", () => {
  const retryAfterOf = (value: string) => GatewayError.upstream({ status: 429, message: 'slow down', endpoint: 'chat', retryAfter: value }).retryAfter;

  test('delay-seconds rounded up, an HTTP date as sent, anything else dropped', () => {
    expect(retryAfterOf('0.5')).toBe('1');
    expect(retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterOf('soon')).toBeNull();
  });

  test('a date that is not a valid header value (a control character a plugin put in it) is dropped, so setting the header cannot throw', () => {
    expect(retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT (\u0001)')).toBeNull();
    expect(retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT (é)')).toBeNull();
  });

  test("a date Date.parse reads past the text it quotes (a comment, words before the year) is dropped, so a vendor's echo of the key never reaches the client", () => {
    expect(retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT (sk-secret-key-123456)')).toBeNull();
    expect(retryAfterOf('sk-secret-key-123456 2015')).toBeNull();
    // RFC 9110's obsolete forms, which recipients must still read, pass as sent.
    expect(retryAfterOf('Wednesday, 21-Oct-15 07:28:00 GMT')).toBe('Wednesday, 21-Oct-15 07:28:00 GMT');
    expect(retryAfterOf('Wed Oct  1 07:28:00 2015')).toBe('Wed Oct  1 07:28:00 2015');
  });
});

test('an error without its secrets still falls back when the original did', () => {
  const error = new GatewayError({ status: 502, message: 'no token: key sk-secret-value', kind: 'upstream_error', code: 'upstream_unavailable', fallsBack: true });
  const shown = error.withoutSecrets(['sk-secret-value']);
  expect(shown).toMatchObject({ message: 'no token: key [redacted]', fallsBack: true, retryable: false });
});

test("an error without its secrets has them out of its cause (the log's) and has no vendor code or param quoting one (the client's)", () => {
  const cause = new Error('SignatureDoesNotMatch: the canonical request was x-amz-security-token:sk-secret-value');
  const refused = new GatewayError({ status: 502, message: 'AWS refused the credentials', kind: 'upstream_error', code: 'upstream_auth_failed', cause });
  expect((refused.withoutSecrets(['sk-secret-value']).cause as Error).message).toBe('SignatureDoesNotMatch: the canonical request was x-amz-security-token:[redacted]');
  expect(cause.message).toContain('sk-secret-value');

  const quoting = GatewayError.upstream({ status: 400, message: 'refused', endpoint: 'chat', vendorError: { type: 'invalid_request_error', code: 'sk-secret-value', param: 'messages' } });
  expect(quoting.withoutSecrets(['sk-secret-value']).vendorError).toEqual({ type: 'invalid_request_error', code: null, param: 'messages' });
});

test("a plugin's own GatewayError loses a code, param or detail quoting a secret (they reach /v1 bodies, the log and metrics labels); others stay", () => {
  const quoting = new GatewayError({ status: 400, message: 'refused', kind: 'invalid_request_error', code: 'sk-secret-value', param: 'key sk-secret-value', detail: [{ msg: 'sk-secret-value' }] });
  expect(quoting.withoutSecrets(['sk-secret-value'])).toMatchObject({ code: null, param: null, detail: undefined, message: 'refused' });
  const plain = GatewayError.invalidParam('too long', 'messages');
  expect(plain.withoutSecrets(['sk-secret-value'])).toBe(plain);
});
