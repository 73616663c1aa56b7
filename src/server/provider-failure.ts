/**
 * A failed attempt's error as the client should see it, for every provider: a built-in provider's
 * GatewayError without the endpoint's credentials (its translation's shape check naming the provider),
 * a plugin's or vendor SDK's own error read only for its status and `Retry-After` (its message may
 * quote the plugin's key), anything else a 502 naming the provider or the plugin.
 */
import { GatewayError, isQuotaUsedUp, vendorErrorOf, type FailedPlugin } from '../errors';
import { errorWithoutSecrets } from '../redaction';
import { retryAfterHeader, retryAfterOf } from '../retry-after';

/** The call a failure came from: its endpoint, its provider and the credentials to take out of messages. */
export interface FailureContext {
  endpointName: string;
  /**
   * The display name of a built-in provider, whose errors other than GatewayErrors come from
   * translating an answer of a shape it does not expect: they become a 502 naming it. Null for a
   * plugin provider, whose other errors are read by `pluginFailure`.
   */
  builtInProvider: string | null;
  /** The endpoint's provider as `model.provider` spells it: a plugin's failures name it, to the client and on the log line. */
  provider: string;
  /** The endpoint's credentials: removed from every failure's message (a vendor may echo a key, even inside a stream). */
  secrets: readonly string[];
  /** Those it sent that its config does not hold (`ProviderEndpoint.sentCredentials`, a body's: body-secrets.ts), removed too. */
  sentCredentials?: () => readonly string[];
}

/** The endpoint's credentials, its config's and those it sent, longest first (as `redacted` takes them). */
function secretsOf(options: FailureContext): readonly string[] {
  const sent = options.sentCredentials?.() ?? [];
  return sent.length === 0 ? options.secrets : [...options.secrets, ...sent].sort((a, b) => b.length - a.length);
}

/** A failed attempt's error as the client should see it (see `FailureContext.builtInProvider`), without the endpoint's credentials. */
export function providerFailure(error: unknown, options: FailureContext): unknown {
  const secrets = secretsOf(options);
  if (error instanceof GatewayError) {
    // A built-in translation's shape check (`unexpectedAnswer`) names the field; add the provider and endpoint.
    if (error.code === 'upstream_unreadable' && options.builtInProvider !== null) {
      return GatewayError.untranslatableAnswer(options.builtInProvider, options.endpointName, { reason: error.message.replace(/\.$/, '') }).withoutSecrets(secrets);
    }
    return error.withoutSecrets(secrets);
  }
  // Only logged, and without the endpoint's keys: a vendor SDK's error may quote the key it refused.
  const cause = errorWithoutSecrets(error, secrets);
  if (options.builtInProvider === null) return pluginFailure(error, cause, { endpoint: options.endpointName, provider: options.provider });
  return GatewayError.untranslatableAnswer(options.builtInProvider, options.endpointName, { cause });
}

/**
 * A plugin's own error (say, its vendor SDK's, with a status and the vendor's message) is not passed
 * on: its message may quote the plugin's key. A `status` of 429 or 5xx, a number or a string of
 * three digits (the OpenAI and Anthropic SDKs' errors carry one; Anthropic's "overloaded" is 529),
 * says no more than "try again later", so such an error is retried and falls back as a built-in
 * provider's 429 or 5xx is, with the gateway's own message; any other is `GatewayError.pluginFailed`'s 502. A 429's `retry-after` (or `retry-after-ms`) in the
 * error's `headers` counts as a built-in provider's; no other header is read. An error without a
 * `status` or `headers` (axios's) is read by its `response`'s. A 429 whose `code` or `type` (on the error, in
 * its `error`, or in an axios `response.data.error`) is `insufficient_quota` (a quota used up) is not
 * retried, as a built-in provider's. The error itself
 * (`cause`, its keys redacted) is only logged.
 */
function pluginFailure(error: unknown, cause: unknown, plugin: FailedPlugin): GatewayError {
  const { status, headers } = statusAndHeadersOf(error);
  const named = `The provider plugin '${plugin.provider}' of endpoint '${plugin.endpoint}'`;
  const message = `${named} failed with status ${String(status)}.`;
  if (status === 429 && isInsufficientQuota(error as object)) {
    return GatewayError.quotaExceeded(`${named} failed with status 429 (quota used up).`, undefined, { cause, failedPlugin: plugin });
  }
  if (status === 429) {
    const retryAfter = retryAfterHeader(retryAfterOf(headerOf(headers, 'retry-after'), headerOf(headers, 'retry-after-ms')));
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: 'upstream_rate_limited', retryable: true, retryAfter, cause, failedPlugin: plugin });
  }
  if (isServerErrorStatus(status)) return new GatewayError({ status: 502, message, kind: 'upstream_error', code: 'upstream_error', retryable: true, cause, failedPlugin: plugin });
  return GatewayError.pluginFailed(plugin, cause);
}

interface ErrorFields {
  status?: unknown;
  headers?: unknown;
  response?: unknown;
  data?: unknown;
  error?: unknown;
}

function fieldsOf(value: unknown): ErrorFields {
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * The status of a plugin's error and the headers to read with it: the error's own (the openai and
 * Anthropic SDKs'), else its `response`'s (an axios error's): axios 1.7.5 and later put the
 * status on the error too, but the headers on its `response` alone.
 */
function statusAndHeadersOf(error: unknown): { status: unknown; headers: unknown } {
  const fields = fieldsOf(error);
  const response = fieldsOf(fields.response);
  return { status: statusOf(fields.status ?? response.status), headers: fields.headers ?? response.headers };
}

/**
 * OpenAI's `insufficient_quota` as the openai SDK's `RateLimitError` carries it: `code` and `type` on
 * the error and in its `error` (the body's error object); as an axios error carries it, in its
 * `response.data.error`. Read by the rule built-in providers follow, for the classification only.
 */
function isInsufficientQuota(error: object): boolean {
  const body = (error as { error?: unknown }).error;
  const axiosBody = fieldsOf(fieldsOf(fieldsOf(error).response).data).error;
  return [error, body, axiosBody].some((fields) => typeof fields === 'object' && fields !== null && isQuotaUsedUp(vendorErrorOf(fields)));
}

/** A status as some SDKs and HTTP wrappers give it, a string of three digits (`"503"`), read as the number. */
function statusOf(status: unknown): unknown {
  return typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : status;
}

function isServerErrorStatus(status: unknown): boolean {
  return typeof status === 'number' && Number.isInteger(status) && status >= 500 && status <= 599;
}

/**
 * One header of a vendor SDK's error: `headers` is a fetch `Headers` (openai v5 and later, recent
 * Anthropic SDKs) or a plain record (openai v4), whose names may come in any case. Null when absent.
 */
function headerOf(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value: unknown = (headers as { get(name: string): unknown }).get(name);
    return typeof value === 'string' ? value : null;
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : null;
}
