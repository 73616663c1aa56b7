/**
 * The Entra ID token source on a fake credential and clock: what a request costs (nothing once a
 * token is kept), when a token is renewed, and what a failing token server gives; and which of the
 * library's failures are a token server down. Azure's chain itself is tested end to end in
 * test/e2e/azure-entra-id.test.ts.
 */
import {
  AggregateAuthenticationError,
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';
import { CallAbort } from '../../../src/providers/abort';
import { AZURE_OPENAI_SCOPE, createEntraTokenSource, entraTokenFailure, isTokenServerDown } from '../../../src/providers/openai/entra-token';

const MINUTE = 60_000;

/**
 * An error of MSAL (@azure/msal-node, which @azure/identity 4.13.1's credentials call and whose errors
 * they wrap), built with MSAL's own fields rather than imported: msal-node is @azure/identity's
 * dependency, not the gateway's, and is found only when npm happens to hoist it. The shape is
 * msal-common 16's (src/error/AuthError.ts, ServerError.ts, ClientAuthError.ts): `name` the class,
 * `message` the code, a colon and the description (MSAL's link for the code when it has none).
 * https://github.com/AzureAD/microsoft-authentication-library-for-js/tree/dev/lib/msal-common/src/error
 */
function msalError(name: 'ServerError' | 'ClientAuthError', errorCode: string, errorMessage = '', extra: { status?: number } = {}): Error {
  const description = errorMessage || `See https://aka.ms/msal.js.errors#${errorCode} for details`;
  const error = Object.assign(new Error(`${errorCode}: ${description}`), { errorCode, errorMessage: description, subError: '', correlationId: '', ...extra });
  error.name = name;
  return error;
}

/** A credential answering each getToken with the next of `answers` (a token, or an error to throw). */
function fakeCredential(answers: (AccessToken | Error)[]) {
  const scopes: unknown[] = [];
  const credential: TokenCredential = {
    getToken: async (scope) => {
      scopes.push(scope);
      const answer = answers[Math.min(scopes.length, answers.length) - 1];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { credential: () => credential, scopes };
}

let clock = 0;
const now = () => clock;
const signal = () => new CallAbort();
const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  clock = 1_000_000;
});

test('a kept token serves every request without asking the credential again, until the renewal time', async () => {
  const { credential, scopes } = fakeCredential([{ token: 'one', expiresOnTimestamp: clock + 60 * MINUTE }]);
  const source = createEntraTokenSource(credential, now);
  const tokens = await Promise.all([source.token(signal()), source.token(signal())]);
  clock += 50 * MINUTE;
  tokens.push(await source.token(signal()));
  expect(tokens).toEqual(['one', 'one', 'one']);
  expect(scopes).toEqual([AZURE_OPENAI_SCOPE]);
});

test("five minutes before expiry (or from the issuer's refresh time) the token is renewed while the kept one still serves", async () => {
  const { credential, scopes } = fakeCredential([
    { token: 'one', expiresOnTimestamp: clock + 60 * MINUTE },
    { token: 'two', expiresOnTimestamp: clock + 120 * MINUTE, refreshAfterTimestamp: clock + 70 * MINUTE },
    { token: 'three', expiresOnTimestamp: clock + 180 * MINUTE },
  ]);
  const source = createEntraTokenSource(credential, now);
  expect(await source.token(signal())).toBe('one');
  clock += 56 * MINUTE;
  expect(await source.token(signal())).toBe('one');
  await flush();
  expect(await source.token(signal())).toBe('two');
  clock += 15 * MINUTE; // past two's refresh time, long before its expiry
  expect(await source.token(signal())).toBe('two');
  await flush();
  expect(await source.token(signal())).toBe('three');
  expect(scopes).toHaveLength(3);
});

test('a renewal that fails leaves the kept token serving until it expires; then requests get the failure, held for five seconds before asking again', async () => {
  const refused = new Error('token server refused');
  const { credential, scopes } = fakeCredential([{ token: 'one', expiresOnTimestamp: clock + 60 * MINUTE }, refused, refused, { token: 'two', expiresOnTimestamp: clock + 180 * MINUTE }]);
  const source = createEntraTokenSource(credential, now);
  await source.token(signal());
  clock += 58 * MINUTE;
  expect(await source.token(signal())).toBe('one');
  await flush();
  expect(await source.token(signal())).toBe('one'); // the failure is held: no new attempt yet
  expect(scopes).toHaveLength(2);
  clock += 2 * MINUTE;
  await expect(source.token(signal())).rejects.toBe(refused);
  await expect(source.token(signal())).rejects.toBe(refused);
  expect(scopes).toHaveLength(3);
  clock += 4_000;
  await expect(source.token(signal())).rejects.toBe(refused);
  clock += 1_000;
  expect(await source.token(signal())).toBe('two');
  expect(scopes).toHaveLength(4);
});

test('requests waiting for the first token share one fetch; one whose client leaves stops waiting, the others get the token', async () => {
  let answer: (token: AccessToken) => void = () => {};
  let calls = 0;
  const credential: TokenCredential = {
    getToken: () => {
      calls += 1;
      return new Promise((resolve) => (answer = resolve));
    },
  };
  const source = createEntraTokenSource(() => credential, now);
  const leaving = signal();
  const first = source.token(leaving);
  const second = source.token(signal());
  leaving.abort(new Error('client left'));
  await expect(first).rejects.toThrow('client left');
  answer({ token: 'one', expiresOnTimestamp: clock + 60 * MINUTE });
  expect(await second).toBe('one');
  expect(calls).toBe(1);
});

// A fetch started for it would have no one awaiting it: its failure would be an unhandled rejection, which ends the process.
test('a request whose client left before it asked for a token is refused at once and starts no fetch', async () => {
  const { credential, scopes } = fakeCredential([new Error('token server down')]);
  const source = createEntraTokenSource(credential, now);
  const gone = signal();
  gone.abort(new Error('client left'));
  await expect(source.token(gone)).rejects.toThrow('client left');
  await flush();
  expect(scopes).toEqual([]);
});

test('a chain that cannot be built is a failure of the request, not a throw', async () => {
  const source = createEntraTokenSource(() => {
    throw new Error("Invalid value for AZURE_TOKEN_CREDENTIALS = 'nope'.");
  }, now);
  const pending = source.token(signal());
  await expect(pending).rejects.toThrow('Invalid value for AZURE_TOKEN_CREDENTIALS');
});

test("the failure's message names the endpoint and the library's reason on one line, without the chain's secrets", () => {
  const error = Object.assign(new Error('ClientSecretCredential: refused secret s3cr3t-value\n  AADSTS7000215: Invalid client secret.'), { name: 'AuthenticationError' });
  const failure = entraTokenFailure(error, 'azure-chat', { env: { AZURE_CLIENT_SECRET: 's3cr3t-value' } });
  expect(failure).toMatchObject({ status: 502, code: 'upstream_auth_failed', retryable: false });
  expect(failure.message).toBe(
    "The gateway could not get an Entra ID token for endpoint 'azure-chat' from Azure's credential chain (AuthenticationError: ClientSecretCredential: refused secret [redacted] AADSTS7000215: Invalid client secret.). Ask the gateway operator to check the gateway's Azure identity.",
  );
});

describe("the library's failures: a token server down, or the identity refused", () => {
  const scopes = [AZURE_OPENAI_SCOPE];
  const notSetUp = new CredentialUnavailableError('EnvironmentCredential is unavailable. No underlying credential could be used.');
  /** The chain's failure when only the managed identity was set up, as DefaultAzureCredential throws it (seen against a fake App Service token server). */
  const managedIdentityFailed = (message: string, cause: Error) =>
    new AggregateAuthenticationError([notSetUp, new CredentialUnavailableError(`ManagedIdentityCredential: ${message}`, { cause })], 'ChainedTokenCredential authentication failed.');
  /** MSAL's ServerError for a token server's answer: its OAuth code and its HTTP status. */
  const serverError = (status: number, code: string) => msalError('ServerError', code, `Error(s): Not Available - Description: answered ${status}`, { status });
  /** MSAL's ClientAuthError for a request that got no answer. */
  const networkError = () => msalError('ClientAuthError', 'network_error');
  /** EnvironmentCredential's error (a service principal): status 400 whatever happened, MSAL's message as the description. */
  const environmentCredentialFailed = (msalMessage: string) =>
    new AuthenticationError(400, { error: 'EnvironmentCredential authentication failed.', error_description: msalMessage });

  test.each([
    ['App Service or IMDS answering 500', managedIdentityFailed('Authentication failed. Message internal_failure', serverError(500, 'internal_failure'))],
    ['App Service or IMDS answering 503 with OAuth server_error', managedIdentityFailed('Authentication failed.', serverError(503, 'server_error'))],
    ['App Service or IMDS answering 429', managedIdentityFailed('Authentication failed. Message throttled', serverError(429, 'throttled'))],
    ['a token server not reached (closed port, reset connection)', managedIdentityFailed('Network unreachable. Message: network_error', networkError())],
    ['login.microsoftonline.com not reached for a service principal', environmentCredentialFailed(networkError().message)],
    ['login.microsoftonline.com temporarily unavailable for a service principal', environmentCredentialFailed('temporarily_unavailable: Error(s): 0 - Description: try later')],
    ['login.microsoftonline.com not reached for workload identity', new AggregateAuthenticationError([notSetUp, new AuthenticationRequiredError({ scopes, message: networkError().message })], 'ChainedTokenCredential authentication failed.')],
    ["a token server's 503 as the library's own AuthenticationError", new AuthenticationError(503, 'Service Unavailable')],
  ])('down: %s', (_case, error) => {
    expect(isTokenServerDown(error)).toBe(true);
  });

  test.each([
    ['App Service or IMDS refusing the identity (400)', managedIdentityFailed('Authentication failed. Message invalid_request', serverError(400, 'invalid_request'))],
    ['App Service refusing the identity (401)', managedIdentityFailed('Authentication failed. Message unauthorized_client', serverError(401, 'unauthorized_client'))],
    ['no credential set up at all', new AggregateAuthenticationError([notSetUp, new CredentialUnavailableError('ManagedIdentityCredential: Attempted to use the IMDS endpoint, but it is not available.')], 'ChainedTokenCredential authentication failed.')],
    ['a wrong client secret', environmentCredentialFailed("invalid_client: Error(s): 7000215 - Description: AADSTS7000215: Invalid client secret provided.")],
    ['an identity refused with 401', new AuthenticationError(401, { error: 'invalid_client', error_description: 'AADSTS700016: Application not found.' })],
    ['a credential unavailable', new CredentialUnavailableError('Failed to retrieve a valid token')],
    ['an unexpected error', new Error('the credential chain returned no token')],
  ])('refused: %s', (_case, error) => {
    expect(isTokenServerDown(error)).toBe(false);
  });

  test('a token server down is a 502 upstream_unavailable that falls back but is not retried, naming the endpoint and the reason without secrets', () => {
    const error = managedIdentityFailed('Authentication failed (header app-identity-header). Message internal_failure', serverError(500, 'internal_failure'));
    const failure = entraTokenFailure(error, 'azure-chat', { env: { IDENTITY_HEADER: 'app-identity-header' } });
    expect(failure).toMatchObject({ status: 502, kind: 'upstream_error', code: 'upstream_unavailable', retryable: false, fallsBack: true });
    expect(failure.message).toMatch(/^The gateway could not get an Entra ID token for endpoint 'azure-chat': Azure's token server could not be reached or failed \(AggregateAuthenticationError: ChainedTokenCredential authentication failed\. .*internal_failure/);
    expect(failure.message).toContain('(header [redacted])');
    expect(failure.message).not.toContain('app-identity-header');
  });

  test('a refused identity stays a 502 upstream_auth_failed that does not fall back', () => {
    const failure = entraTokenFailure(managedIdentityFailed('Authentication failed.', serverError(400, 'invalid_request')), 'azure-chat', { env: {} });
    expect(failure).toMatchObject({ status: 502, code: 'upstream_auth_failed', retryable: false, fallsBack: false });
  });
});
