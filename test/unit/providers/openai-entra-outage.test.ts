/**
 * The log of an Entra ID token server's outages, on a fake credential and clock: one warning when it
 * starts, at most one a minute while it lasts, one line when it ends, and the requests it fails
 * marked as logged there; a token server that never answers is one after TOKEN_FETCH_BOUND_MS. The
 * token server on 127.0.0.1 is in test/e2e/azure-entra-id.test.ts.
 */
import { AuthenticationError, type AccessToken, type TokenCredential } from '@azure/identity';
import { CallAbort } from '../../../src/providers/abort';
import { createEntraOutageLog } from '../../../src/providers/openai/entra-outage';
import { createEntraTokenSource, entraTokenFailure, TOKEN_FETCH_BOUND_MS } from '../../../src/providers/openai/entra-token';
import { captureLog, type LogLine } from '../../support/log-capture';

const MINUTE = 60_000;
const START = 1_700_000_000_000;

let clock = START;
const now = () => clock;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A credential whose answer `answer()` decides at each call: a token, or an error to throw. */
function switchableCredential() {
  let answer: () => AccessToken | Error = () => new Error('no answer set');
  const credential: TokenCredential = {
    getToken: async () => {
      const result = answer();
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { credential: () => credential, answerWith: (next: () => AccessToken | Error) => (answer = next) };
}

// The library's error for a token server answering 503, quoting a secret it was sent.
const down = () => new AuthenticationError(503, { error: 'temporarily_unavailable', error_description: 'The token service is restarting (header app-identity-secret)' });
const refused = () => new AuthenticationError(400, { error: 'invalid_request', error_description: 'Identity not found' });
const tokenFor = (lifetimeMs: number): AccessToken => ({ token: 'fresh', expiresOnTimestamp: clock + lifetimeMs });

function setUp() {
  const { lines, logger } = captureLog();
  const { credential, answerWith } = switchableCredential();
  const source = createEntraTokenSource(credential, now, createEntraOutageLog({ logger, clientId: 'app-identity', now }));
  const ask = () => source.token(new CallAbort());
  const failure = async () => {
    const error = await ask().catch((rejection: unknown) => rejection);
    return entraTokenFailure(error, 'azure-chat', { outageLogged: source.isLoggedOutage(error) });
  };
  const logged = () => lines.map((text) => JSON.parse(text) as LogLine).map(({ level, msg, azure_client_id, reason, lasted_s, failed_requests }) => ({ level, msg, azure_client_id, reason, lasted_s, failed_requests }));
  return { source, ask, failure, answerWith, logged };
}

const savedHeader = process.env.IDENTITY_HEADER;
beforeEach(() => {
  clock = START;
  process.env.IDENTITY_HEADER = 'app-identity-secret';
});
afterAll(() => {
  if (savedHeader === undefined) delete process.env.IDENTITY_HEADER;
  else process.env.IDENTITY_HEADER = savedHeader;
});

const REASON = 'AuthenticationError: temporarily_unavailable Status code: 503 More details: The token service is restarting (header [redacted]),';

test('an outage is logged when it starts, at most once a minute while requests fail, and when it ends with its length and failed requests', async () => {
  const { failure, answerWith, logged, ask } = setUp();
  answerWith(down);
  const failures = [await failure(), await failure()];
  clock += 30_000; // past the five seconds a failure is held: the token server is asked again
  failures.push(await failure());
  clock += 31_000; // a minute after the first line
  failures.push(await failure(), await failure());
  clock += 4 * MINUTE;
  answerWith(() => tokenFor(60 * MINUTE));
  expect(await ask()).toBe('fresh');
  expect(await ask()).toBe('fresh');

  expect(failures.map(({ status, code, loggedElsewhere }) => ({ status, code, loggedElsewhere }))).toEqual(Array(5).fill({ status: 502, code: 'upstream_unavailable', loggedElsewhere: true }));
  expect(logged()).toEqual([
    {
      level: 40,
      msg: "Entra ID token server unavailable for identity 'app-identity': its endpoints' requests fail with a 502 until it is back",
      azure_client_id: 'app-identity',
      reason: REASON,
      lasted_s: undefined,
      failed_requests: undefined,
    },
    { level: 40, msg: "Entra ID token server still unavailable for identity 'app-identity' (for 61 s; requests failed so far: 4)", azure_client_id: 'app-identity', reason: REASON, lasted_s: 61, failed_requests: 4 },
    { level: 30, msg: "Entra ID token server is back for identity 'app-identity' after 301 s (requests failed meanwhile: 5)", azure_client_id: 'app-identity', reason: undefined, lasted_s: 301, failed_requests: 5 },
  ]);
  expect(JSON.stringify(logged())).not.toContain('app-identity-secret');
});

test('a renewal failing while the kept token serves starts the outage then, saying until when the token serves', async () => {
  const { ask, answerWith, logged, failure } = setUp();
  answerWith(() => tokenFor(60 * MINUTE));
  await ask();
  clock += 56 * MINUTE;
  answerWith(down);
  expect(await ask()).toBe('fresh');
  await flush();
  expect(logged()).toEqual([
    expect.objectContaining({ level: 40, msg: `Entra ID token server unavailable for identity 'app-identity': the token kept serves until ${new Date(START + 60 * MINUTE).toISOString()}, then its endpoints' requests fail with a 502 until it is back` }),
  ]);
  clock += 5 * MINUTE; // the kept token has expired
  expect(await failure()).toMatchObject({ code: 'upstream_unavailable', loggedElsewhere: true });
  answerWith(() => tokenFor(60 * MINUTE));
  clock += 10_000;
  await ask();
  expect(logged().slice(1).map(({ level, lasted_s, failed_requests }) => ({ level, lasted_s, failed_requests }))).toEqual([
    { level: 40, lasted_s: 300, failed_requests: 1 },
    { level: 30, lasted_s: 310, failed_requests: 1 },
  ]);
});

test("a refusal is no outage: each request's failure is its own line; a refusal after an outage ends it", async () => {
  const { failure, answerWith, logged } = setUp();
  answerWith(refused);
  expect(await failure()).toMatchObject({ code: 'upstream_auth_failed', loggedElsewhere: false });
  expect(logged()).toEqual([]);
  clock += 10_000;
  answerWith(down);
  await failure();
  clock += 10_000;
  answerWith(refused);
  expect(await failure()).toMatchObject({ code: 'upstream_auth_failed', loggedElsewhere: false });
  expect(logged().map(({ level, lasted_s, failed_requests }) => ({ level, lasted_s, failed_requests }))).toEqual([
    { level: 40, lasted_s: undefined, failed_requests: undefined },
    { level: 30, lasted_s: 10, failed_requests: 1 },
  ]);
});

test('a request whose client left is not counted as failed by the outage', async () => {
  const { source, answerWith, logged, ask } = setUp();
  answerWith(down);
  await ask().catch(() => {});
  const gone = new CallAbort();
  gone.abort(new Error('client left'));
  await expect(source.token(gone)).rejects.toBeInstanceOf(AuthenticationError);
  clock += MINUTE;
  answerWith(() => tokenFor(60 * MINUTE));
  await ask();
  expect(logged()[1]).toMatchObject({ failed_requests: 1 });
});

/**
 * A token server that accepts and never answers, as the library meets it: a getToken that never
 * settles, except (`honoursAbort`) by rejecting when its abortSignal aborts, as the library's HTTP
 * pipeline does; MSAL's flows do not.
 */
function hungCredential(honoursAbort: boolean) {
  const signals: AbortSignal[] = [];
  const credential: TokenCredential = {
    getToken: (_scopes, options) =>
      new Promise((_resolve, reject) => {
        const signal = options!.abortSignal as AbortSignal;
        signals.push(signal);
        if (honoursAbort) signal.addEventListener('abort', () => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })));
      }),
  };
  return { credential: () => credential, signals };
}

describe.each([
  ['a getToken that rejects when aborted', true],
  ['a getToken that ignores the abort', false],
])('a hung token server (%s)', (_name, honoursAbort) => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask', 'Date'] }));
  afterEach(() => jest.useRealTimers());

  test('fails the fetch every request waits on after the bound, with the abort signalled: held, logged once as an outage, a 502 at once until asked again', async () => {
    const { lines, logger } = captureLog();
    const { credential, signals } = hungCredential(honoursAbort);
    const source = createEntraTokenSource(credential, now, createEntraOutageLog({ logger, clientId: 'app-identity', now }));
    const waiting = [source.token(new CallAbort()), source.token(new CallAbort())].map((token) => token.catch((error: unknown) => error));
    await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS - 1);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);

    await jest.advanceTimersByTimeAsync(1);
    const [first, second] = await Promise.all(waiting);
    expect(signals[0].aborted).toBe(true);
    expect(second).toBe(first);
    expect(first).toMatchObject({ name: 'TokenFetchTimeout', message: "Azure's credential chain gave no token within 10 s" });
    expect(entraTokenFailure(first, 'azure-chat', { outageLogged: source.isLoggedOutage(first) })).toMatchObject({ status: 502, code: 'upstream_unavailable', loggedElsewhere: true });
    expect(lines.map((text) => JSON.parse(text) as LogLine)).toEqual([
      expect.objectContaining({ level: 40, msg: "Entra ID token server unavailable for identity 'app-identity': its endpoints' requests fail with a 502 until it is back", reason: "TokenFetchTimeout: Azure's credential chain gave no token within 10 s" }),
    ]);

    // Held: the next request fails at once, without a new fetch.
    await expect(source.token(new CallAbort())).rejects.toBe(first);
    expect(signals).toHaveLength(1);
    clock += 5_000;
    const askedAgain = source.token(new CallAbort()).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(0);
    // A getToken that rejected on the abort is over: asked again. One that ignored it is still under
    // way: waited for again, not joined by another, so a hung server holds one call, not one per bound.
    expect(signals).toHaveLength(honoursAbort ? 2 : 1);
    await jest.advanceTimersByTimeAsync(TOKEN_FETCH_BOUND_MS);
    expect(await askedAgain).toMatchObject({ name: 'TokenFetchTimeout' });
    expect(signals).toHaveLength(honoursAbort ? 2 : 1);
  });
});
