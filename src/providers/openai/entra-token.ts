/**
 * Entra ID tokens for `openai_api_type: azuread` endpoints without `openai_api_key`: the gateway
 * gets them from Azure's credential chain (`DefaultAzureCredential` of @azure/identity: the
 * AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET variables, workload identity, managed
 * identity, then the Azure CLI and other developer tools) for the scope of Azure OpenAI, keeps the
 * token and renews it before it expires. A token server that is down, or that takes more than
 * TOKEN_FETCH_BOUND_MS to answer, is logged once per outage (entra-outage.ts), not once per request it fails.
 * One fetch at a time per identity, and one call of the library: concurrent requests share it, and a
 * call still under way after the bound (the library ignores the abort) is waited for again, not joined by another.
 * https://learn.microsoft.com/javascript/api/@azure/identity/defaultazurecredential
 *
 * One token source per identity (`azure_client_id`, or none), shared by every endpoint and every
 * reload of the process: a request reads the kept token, with no network call. Not the library's
 * `getBearerTokenProvider`: its renewal in the background rejects a promise nobody awaits when the
 * token server is still failing as the token expires, and an unhandled rejection ends the process.
 */
import type { AccessToken, DefaultAzureCredentialClientIdOptions, TokenCredential } from '@azure/identity';
import { GatewayError } from '../../errors';
import { redacted } from '../../redaction';
import type { Logger } from '../../server/logging';
import type { CallSignal } from '../abort';
import { createEntraOutageLog, type EntraOutageLog } from './entra-outage';

/** The scope of Azure OpenAI (Cognitive Services) tokens. */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** A token is renewed this long before it expires (as MSAL does), or from the time its issuer says to refresh it. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a failed fetch, requests get the same failure for this long instead of asking again. */
const FAILURE_HELD_MS = 5_000;
/**
 * The longest one token fetch may take. A token server that accepts and never answers would otherwise
 * hold the fetch that every request waits on for as long as the library's own waits (each request
 * leaving only at its own total timeout); after this it is a failure like any other: held, and logged as an outage.
 */
export const TOKEN_FETCH_BOUND_MS = 10_000;
/** A library call still unsettled this long after it started is left to itself and a new one is made (see `call`). */
export const TOKEN_CALL_ABANDONED_MS = 120_000;
/** The longest reason of the library quoted in a message. */
const MAX_REASON_CHARS = 1_000;

/** Secrets of the credential chain that a library message might quote. */
const SECRET_VARIABLES = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD', 'AZURE_PASSWORD', 'IDENTITY_HEADER', 'MSI_SECRET'];

/** Gives the current token of one identity, fetching or renewing it when needed. */
export interface EntraTokenSource {
  /** The token to send; rejects with the library's error (a fetch failed with no usable token kept) or the signal's reason. */
  token(signal: CallSignal): Promise<string>;
  /** Whether a failure `token` gave is part of an outage the source logs (requests then log no line of their own). */
  isLoggedOutage(error: unknown): boolean;
}

/**
 * Keeps one identity's token from `credential`: fetched once, renewed before it expires, one fetch
 * at a time. With `outageLog`, the token server's outages and the requests they fail are logged there.
 */
export function createEntraTokenSource(credential: () => TokenCredential, now: () => number = Date.now, outageLog: EntraOutageLog | null = null): EntraTokenSource {
  let kept: AccessToken | null = null;
  let fetching: Promise<AccessToken> | null = null;
  let failure: { error: unknown; at: number } | null = null;
  /**
   * The credential's getToken under way. It outlives a fetch that stopped waiting for it, when the
   * credential ignores the abort (MSAL's flows): the next fetch waits for it again rather than
   * starting another, so a token server that never answers holds one call per identity, not one
   * more every bound; and a token it gives late is kept. A call unsettled after TOKEN_CALL_ABANDONED_MS
   * is left (a server that accepted and went silent may never end it), so a stuck call cannot keep
   * the identity from a token until restart: at most one more call per that time.
   */
  let call: { settling: Promise<AccessToken>; startedAt: number } | null = null;

  const keep = (token: AccessToken) => {
    kept = token;
    failure = null;
    outageLog?.fetchAnswered();
  };

  const tokenCall = (abortSignal: AbortSignal): Promise<AccessToken> => {
    if (call !== null && now() - call.startedAt < TOKEN_CALL_ABANDONED_MS) return call.settling;
    // Async, so that a chain that cannot be built (AZURE_TOKEN_CREDENTIALS naming no credential) is a failure like any other.
    const started = (async () => {
      try {
        const token = await credential().getToken(AZURE_OPENAI_SCOPE, { abortSignal });
        if (token === null) throw new Error('the credential chain returned no token');
        return token;
      } catch (error) {
        // Failing once aborted is failing because the bound passed, also for a fetch that waited for it again.
        throw abortSignal.aborted ? abortSignal.reason : error;
      }
    })();
    call = { settling: started, startedAt: now() };
    const settled = () => {
      if (call?.settling === started) call = null;
    };
    started.then((token) => {
      settled();
      keep(token);
    }, settled);
    return started;
  };

  const getToken = async (): Promise<AccessToken> => {
    const bound = new AbortController();
    const timer = setTimeout(() => bound.abort(new TokenFetchTimeout()), TOKEN_FETCH_BOUND_MS);
    // A fetch going on must not keep a stopping process alive.
    timer.unref();
    try {
      // The library stops what honours `abortSignal`; a credential that does not is no longer awaited (but see `call`).
      return await untilAborted(() => tokenCall(bound.signal), bound.signal);
    } finally {
      clearTimeout(timer);
    }
  };

  const fetchToken = (): Promise<AccessToken> => {
    fetching ??= getToken()
      .catch((error: unknown) => {
        failure = { error, at: now() };
        if (!isTokenServerDown(error)) outageLog?.fetchAnswered();
        else outageLog?.fetchFailed(libraryReason(error), kept?.expiresOnTimestamp ?? null);
        throw error;
      })
      .finally(() => {
        fetching = null;
      });
    return fetching;
  };

  const fetchedToken = (signal: CallSignal): Promise<string> => {
    const time = now();
    if (kept !== null && time < renewalTime(kept)) return Promise.resolve(kept.token);
    const failedLately = failure !== null && time - failure.at < FAILURE_HELD_MS;
    if (kept !== null && time < kept.expiresOnTimestamp) {
      // Renewed while the kept token still serves; a failure is seen by the requests after its expiry.
      if (!failedLately) fetchToken().catch(() => {});
      return Promise.resolve(kept.token);
    }
    if (failedLately && fetching === null) return Promise.reject(failure!.error);
    return untilAborted(fetchToken, signal).then((token) => token.token);
  };

  return {
    token(signal) {
      const token = fetchedToken(signal);
      if (outageLog === null) return token;
      return token.catch((error: unknown) => {
        if (!signal.aborted && outageLog.ongoing) outageLog.requestFailed();
        throw error;
      });
    },
    isLoggedOutage(error) {
      return outageLog !== null && outageLog.ongoing && isTokenServerDown(error);
    },
  };
}

/** A token fetch that outlasted TOKEN_FETCH_BOUND_MS: a token server down (its code is one of OUTAGE_CODES). */
class TokenFetchTimeout extends Error {
  readonly code = 'ETIMEDOUT';

  constructor() {
    super(`Azure's credential chain gave no token within ${TOKEN_FETCH_BOUND_MS / 1000} s`);
    this.name = 'TokenFetchTimeout';
  }
}

function renewalTime(token: AccessToken): number {
  return Math.min(token.refreshAfterTimestamp ?? Infinity, token.expiresOnTimestamp - RENEW_BEFORE_EXPIRY_MS);
}

/**
 * `start()`'s promise, or the signal's reason once it aborts first (a client gone, the total timeout):
 * the fetch goes on for the others. Not started when the signal has already aborted, as nobody would
 * await it: its failure would be an unhandled rejection, which ends the process.
 */
function untilAborted<T>(start: () => Promise<T>, signal: CallSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  const promise = start();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** One token source per identity in the process: endpoints and reloads with the same `azure_client_id` share it. */
const sources = new Map<string, EntraTokenSource>();

/**
 * The token source of the identity `clientId` (none: AZURE_CLIENT_ID or the system-assigned one),
 * whose outages go to `logger` (the first one given for the identity; none: each failed request logs
 * its own line). Taken at the first request, when the library is loaded and the credential built: most
 * configs have no such endpoint, and checking a config builds its endpoints, which must build nothing
 * that outlives them.
 */
export function entraTokenSourceFor(clientId: string | undefined, logger: Logger | undefined): EntraTokenSource {
  const key = clientId ?? '';
  let source = sources.get(key);
  if (source === undefined) {
    let credential: TokenCredential | undefined;
    const outageLog = logger === undefined ? null : createEntraOutageLog({ logger, clientId, now: Date.now });
    source = createEntraTokenSource(() => (credential ??= defaultAzureCredential(clientId)), Date.now, outageLog);
    sources.set(key, source);
  }
  return source;
}

function defaultAzureCredential(clientId: string | undefined): TokenCredential {
  const identity = require('@azure/identity') as typeof import('@azure/identity');
  const options: DefaultAzureCredentialClientIdOptions = clientId === undefined ? {} : { managedIdentityClientId: clientId };
  return new identity.DefaultAzureCredential(options);
}

/**
 * Codes that say a token server failed rather than refused: OAuth 2.0's for a server failing
 * (RFC 6749 section 5.2), MSAL's for a request that got no answer, @azure/core-rest-pipeline's
 * RestError for one, and Node's socket errors.
 */
const OUTAGE_CODES: ReadonlySet<string> = new Set([
  'server_error',
  'temporarily_unavailable',
  'network_error',
  'REQUEST_SEND_ERROR',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/** How deep wrapped errors are followed (the chain wraps two or three levels). */
const MAX_WRAPPING_DEPTH = 5;

/**
 * Whether getting a token failed because a token server (IMDS, App Service's, login.microsoftonline.com)
 * could not be reached or was failing (a 5xx, a 429), rather than because Entra ID refused the identity
 * or no credential exists. Decided from the innermost errors: the chain wraps each credential's failure
 * (AggregateAuthenticationError's `errors`, a managed identity's CredentialUnavailableError's `cause`),
 * and one that says so is enough, the others being credentials not set up here. An innermost error
 * says so by its HTTP status (MSAL's ServerError `status`, AuthenticationError's `statusCode`) or its
 * code; the MSAL-based credentials (service principal, workload identity) keep only MSAL's message,
 * which starts with the code (`network_error: …`), inside EnvironmentCredential's AuthenticationError
 * (status 400 whatever happened) as its `errorDescription`.
 */
export function isTokenServerDown(error: unknown): boolean {
  return innermostErrors(error, 0).some(saysOutage);
}

function innermostErrors(error: unknown, depth: number): unknown[] {
  const { errors, cause } = fieldsOf(error);
  if (depth >= MAX_WRAPPING_DEPTH) return [error];
  if (Array.isArray(errors) && errors.length > 0) return errors.flatMap((inner) => innermostErrors(inner, depth + 1));
  return cause === undefined || cause === null ? [error] : innermostErrors(cause, depth + 1);
}

interface LibraryErrorFields {
  errors?: unknown;
  cause?: unknown;
  status?: unknown;
  statusCode?: unknown;
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  errorResponse?: { error?: unknown; errorDescription?: unknown };
}

function fieldsOf(error: unknown): LibraryErrorFields {
  return typeof error === 'object' && error !== null ? error : {};
}

function saysOutage(error: unknown): boolean {
  const { status, statusCode, code, errorCode, message, errorResponse } = fieldsOf(error);
  const httpStatus = typeof status === 'number' ? status : statusCode;
  if (typeof httpStatus === 'number' && (httpStatus === 429 || httpStatus >= 500)) return true;
  const codes = [code, errorCode, errorResponse?.error, leadingCode(message), leadingCode(errorResponse?.errorDescription)];
  return codes.some((value) => typeof value === 'string' && OUTAGE_CODES.has(value));
}

/** MSAL's error code at the start of its message (`network_error: See …`). */
function leadingCode(text: unknown): string | undefined {
  return typeof text === 'string' ? /^([A-Za-z_]+):/.exec(text)?.[1] : undefined;
}

/** The library's reason for a failure, on one line, without the credential chain's secrets and cut to MAX_REASON_CHARS. */
function libraryReason(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((value): value is string => typeof value === 'string' && value.length >= 4);
  const reason = redacted(String((error as Error | null)?.message ?? error), secrets).replace(/\s+/g, ' ').trim();
  const shown = reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
  return `${(error as Error | null)?.name ?? 'Error'}: ${shown}`;
}

/**
 * The 502 of a request whose endpoint got no Entra ID token. A token server down (`isTokenServerDown`)
 * is `upstream_unavailable`, as an Azure OpenAI that cannot be reached: a FALLBACK route moves on, but
 * it is not retried within the endpoint (the library has retried, and the failure is held). No
 * credential in the chain, or Entra ID refusing the identity, is `upstream_auth_failed`, which does
 * not fall back. The library's reason, one line and without the chain's secrets, tells the operator which.
 * `outageLogged`: the token source logs the outage, so the request writes no line of its own.
 */
export function entraTokenFailure(error: unknown, endpoint: string, options: { env?: NodeJS.ProcessEnv; outageLogged?: boolean } = {}): GatewayError {
  const reason = libraryReason(error, options.env);
  if (isTokenServerDown(error)) {
    return new GatewayError({
      status: 502,
      message: `The gateway could not get an Entra ID token for endpoint '${endpoint}': Azure's token server could not be reached or failed (${reason}).`,
      kind: 'upstream_error',
      code: 'upstream_unavailable',
      fallsBack: true,
      loggedElsewhere: options.outageLogged ?? false,
    });
  }
  return new GatewayError({
    status: 502,
    message: `The gateway could not get an Entra ID token for endpoint '${endpoint}' from Azure's credential chain (${reason}). Ask the gateway operator to check the gateway's Azure identity.`,
    kind: 'upstream_error',
    code: 'upstream_auth_failed',
  });
}
