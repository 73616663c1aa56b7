/**
 * The Entra ID token source on a fake credential and clock: what a request costs (nothing once a
 * token is kept), when a token is renewed, and what a failing token server gives. Azure's chain
 * itself is tested end to end in test/e2e/azure-entra-id.test.ts.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { CallAbort } from '../../../src/providers/abort';
import { AZURE_OPENAI_SCOPE, createEntraTokenSource, entraTokenFailure } from '../../../src/providers/openai/entra-token';

const MINUTE = 60_000;

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
  const failure = entraTokenFailure(error, 'azure-chat', { AZURE_CLIENT_SECRET: 's3cr3t-value' });
  expect(failure).toMatchObject({ status: 502, code: 'upstream_auth_failed', retryable: false });
  expect(failure.message).toBe(
    "The gateway could not get an Entra ID token for endpoint 'azure-chat' from Azure's credential chain (AuthenticationError: ClientSecretCredential: refused secret [redacted] AADSTS7000215: Invalid client secret.). Ask the gateway operator to check the gateway's Azure identity.",
  );
});
