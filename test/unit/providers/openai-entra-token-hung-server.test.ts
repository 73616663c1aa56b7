/**
 * A token server on 127.0.0.1 that accepts and does not answer, met by Azure's own credential chain
 * (App Service's managed identity: IDENTITY_ENDPOINT / IDENTITY_HEADER), whose call ignores the
 * abort. The token source gives up after TOKEN_FETCH_BOUND_MS, but the next fetch waits for that
 * call again rather than starting another: one call in flight per identity however long the server
 * hangs, and the token it finally gives is used. Nothing but the loopback is dialled.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { TokenCredential } from '@azure/identity';
import { CallAbort } from '../../../src/providers/abort';
import { createEntraTokenSource, TOKEN_CALL_ABANDONED_MS, TOKEN_FETCH_BOUND_MS } from '../../../src/providers/openai/entra-token';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { allowOnlyLoopback, type LoopbackGuard } from '../../support/loopback-only';

const CHAIN_VARIABLES = /^(AZURE_|IDENTITY_|MSI_|IMDS_)/;
const savedEnv = { ...process.env };
let guard: LoopbackGuard;
let tokenServer: FakeUpstream;
const held: ServerResponse[] = [];

beforeAll(async () => {
  guard = allowOnlyLoopback();
  tokenServer = await startFakeUpstream((_request, response) => void held.push(response));
  for (const name of Object.keys(process.env)) if (CHAIN_VARIABLES.test(name)) delete process.env[name];
  process.env.AZURE_TOKEN_CREDENTIALS = 'prod';
  process.env.IDENTITY_ENDPOINT = `${tokenServer.url}/msi/token`;
  process.env.IDENTITY_HEADER = 'hung-server-identity-header';
});

afterAll(async () => {
  // Answered, not cut: the library retries a call whose connection is reset (a call left by the token
  // source too, long after its test), with timers that would keep Jest running for some 20 seconds.
  const unanswered = held.filter((response) => !response.writableEnded);
  for (const response of unanswered) sendJson(response, 200, tokenAnswer('unused-token'));
  await Promise.all(unanswered.map((response) => once(response, 'close')));
  await tokenServer.close();
  guard.restore();
  process.env = savedEnv;
});

beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask', 'Date'] }));
afterEach(() => jest.useRealTimers());

/** App Service's token answer for `token`, valid for an hour. */
function tokenAnswer(token: string) {
  const expiresOn = Math.floor(Date.now() / 1000) + 3600;
  return { access_token: token, expires_on: String(expiresOn), resource: 'https://cognitiveservices.azure.com', token_type: 'Bearer' };
}

/** Lets real I/O (connections, requests reaching the server) happen while timers are fake: up to about a second. */
async function settleIo(until: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (!until() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
}

test('a hung token server: requests share one call, given up after the bound; later fetches wait for the same call, whose late token is used', async () => {
  let clock = 1_000_000;
  let credential: TokenCredential | undefined;
  const source = createEntraTokenSource(
    () => (credential ??= new (require('@azure/identity') as typeof import('@azure/identity')).DefaultAzureCredential({ managedIdentityClientId: 'hung-identity' })),
    () => clock,
  );
  const asked = () => source.token(new CallAbort()).catch((error: unknown) => error);

  const firstTwo = [asked(), asked()];
  await settleIo(() => tokenServer.requests.length > 0);
  expect(tokenServer.requests).toHaveLength(1);
  await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS);
  const [first, second] = await Promise.all(firstTwo);
  expect(first).toMatchObject({ name: 'TokenFetchTimeout' });
  expect(second).toBe(first);

  // The failure held for five seconds is over: a new fetch, which waits for the call still under way.
  clock += 5_000;
  const third = asked();
  await settleIo();
  await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS);
  expect(await third).toMatchObject({ name: 'TokenFetchTimeout' });
  expect(tokenServer.requests).toHaveLength(1);

  clock += 5_000;
  const fourth = asked();
  await settleIo();
  expect(tokenServer.requests).toHaveLength(1);
  sendJson(held[0], 200, tokenAnswer('late-token'));
  let answered: unknown;
  void fourth.then((value) => (answered = value));
  await settleIo(() => answered !== undefined);
  expect(answered).toBe('late-token');
  expect(await asked()).toBe('late-token');
  expect(tokenServer.requests).toHaveLength(1);
  expect(guard.refused).toEqual([]);
});

test('a call still unsettled after TOKEN_CALL_ABANDONED_MS is left, and the next fetch makes a new one (a stuck call cannot keep the identity tokenless)', async () => {
  let clock = 5_000_000;
  let credential: TokenCredential | undefined;
  const source = createEntraTokenSource(
    () => (credential ??= new (require('@azure/identity') as typeof import('@azure/identity')).DefaultAzureCredential({ managedIdentityClientId: 'stuck-identity' })),
    () => clock,
  );
  const asked = () => source.token(new CallAbort()).catch((error: unknown) => error);
  const before = tokenServer.requests.length;

  const first = asked();
  await settleIo(() => tokenServer.requests.length > before);
  await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS);
  expect(await first).toMatchObject({ name: 'TokenFetchTimeout' });

  clock += TOKEN_CALL_ABANDONED_MS - 1;
  const rejoined = asked();
  await settleIo();
  await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS);
  expect(await rejoined).toMatchObject({ name: 'TokenFetchTimeout' });
  expect(tokenServer.requests.length - before).toBe(1);

  // Past the held failure (five seconds) too.
  clock += 5_001;
  const renewed = asked();
  await settleIo(() => tokenServer.requests.length - before > 1);
  expect(tokenServer.requests.length - before).toBe(2);
  sendJson(held[held.length - 1], 200, tokenAnswer('fresh-token'));
  let answered: unknown;
  void renewed.then((value) => (answered = value));
  await settleIo(() => answered !== undefined);
  expect(answered).toBe('fresh-token');
  expect(guard.refused).toEqual([]);
});
