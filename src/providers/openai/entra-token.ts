/**
 * Entra ID tokens for `openai_api_type: azuread` endpoints without `openai_api_key`: the gateway
 * gets them from Azure's credential chain (`DefaultAzureCredential` of @azure/identity: the
 * AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET variables, workload identity, managed
 * identity, then the Azure CLI and other developer tools) for the scope of Azure OpenAI, keeps the
 * token and renews it before it expires.
 * https://learn.microsoft.com/javascript/api/@azure/identity/defaultazurecredential
 *
 * One token source per identity (`azure_client_id`, or none), shared by every endpoint and every
 * reload of the process: a request reads the kept token, with no network call. Not the library's
 * `getBearerTokenProvider`: its renewal in the background rejects a promise nobody awaits when the
 * token server is still failing as the token expires, and an unhandled rejection ends the process.
 */
import type { AccessToken, DefaultAzureCredentialClientIdOptions, TokenCredential } from '@azure/identity';
import { GatewayError, redacted } from '../../errors';
import type { CallSignal } from '../abort';

/** The scope of Azure OpenAI (Cognitive Services) tokens. */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** A token is renewed this long before it expires (as MSAL does), or from the time its issuer says to refresh it. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a failed fetch, requests get the same failure for this long instead of asking again. */
const FAILURE_HELD_MS = 5_000;
/** The longest reason of the library quoted in a message. */
const MAX_REASON_CHARS = 1_000;

/** Secrets of the credential chain that a library message might quote. */
const SECRET_VARIABLES = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD', 'AZURE_PASSWORD', 'IDENTITY_HEADER', 'MSI_SECRET'];

/** Gives the current token of one identity, fetching or renewing it when needed. */
export interface EntraTokenSource {
  /** The token to send; rejects with the library's error (a fetch failed with no usable token kept) or the signal's reason. */
  token(signal: CallSignal): Promise<string>;
}

/** Keeps one identity's token from `credential`: fetched once, renewed before it expires, one fetch at a time. */
export function createEntraTokenSource(credential: () => TokenCredential, now: () => number = Date.now): EntraTokenSource {
  let kept: AccessToken | null = null;
  let fetching: Promise<AccessToken> | null = null;
  let failure: { error: unknown; at: number } | null = null;

  // Async, so that a chain that cannot be built (AZURE_TOKEN_CREDENTIALS naming no credential) is a failure like any other.
  const getToken = async (): Promise<AccessToken> => {
    const token = await credential().getToken(AZURE_OPENAI_SCOPE);
    if (token === null) throw new Error('the credential chain returned no token');
    return token;
  };

  const fetchToken = (): Promise<AccessToken> => {
    fetching ??= getToken()
      .then((token) => {
        kept = token;
        failure = null;
        return token;
      })
      .catch((error: unknown) => {
        failure = { error, at: now() };
        throw error;
      })
      .finally(() => {
        fetching = null;
      });
    return fetching;
  };

  return {
    token(signal) {
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
    },
  };
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
 * The token source of the identity `clientId` (none: AZURE_CLIENT_ID or the system-assigned one).
 * The library is loaded, and the credential built, at the first request: most configs have no such
 * endpoint, and checking a config builds its endpoints, which must build nothing that outlives them.
 */
export function entraTokenSourceFor(clientId: string | undefined): EntraTokenSource {
  const key = clientId ?? '';
  let source = sources.get(key);
  if (source === undefined) {
    let credential: TokenCredential | undefined;
    source = createEntraTokenSource(() => (credential ??= defaultAzureCredential(clientId)));
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
 * The 502 of a request whose endpoint got no Entra ID token: no credential in the chain, or the token
 * server refused. The library's reason, one line and without the chain's secrets, tells the operator which.
 */
export function entraTokenFailure(error: unknown, endpoint: string, env: NodeJS.ProcessEnv = process.env): GatewayError {
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((value): value is string => typeof value === 'string' && value.length >= 4);
  const reason = redacted(String((error as Error | null)?.message ?? error), secrets).replace(/\s+/g, ' ').trim();
  const shown = reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
  return new GatewayError({
    status: 502,
    message: `The gateway could not get an Entra ID token for endpoint '${endpoint}' from Azure's credential chain (${(error as Error | null)?.name ?? 'Error'}: ${shown}). Ask the gateway operator to check the gateway's Azure identity.`,
    kind: 'upstream_error',
    code: 'upstream_auth_failed',
  });
}
