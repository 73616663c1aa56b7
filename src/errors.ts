/**
 * The one error type of the gateway. Code throws a GatewayError with the right status; only the
 * server's error handler turns it into a response body (MLflow shape or OpenAI shape). Taking secrets
 * out of its message is redaction.ts's work; reading a vendor's `Retry-After`, retry-after.ts's.
 */
import { detailWithoutSecrets, errorWithoutSecrets, fieldWithoutSecrets, redacted } from './redaction';
import { retryAfterHeader } from './retry-after';

export type ErrorKind =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'not_supported_error'
  | 'rate_limit_error'
  | 'upstream_error'
  | 'timeout_error'
  | 'server_error';

/**
 * What a vendor said about a request it refused, in the terms of OpenAI's error object: shown on
 * `/v1` in place of the gateway's own `type`, `param` and `code` (OpenAI clients and LangChain branch
 * on `code`, e.g. `context_length_exceeded`). The gateway's own code stays on the error for the
 * log, the metrics and the routing; the MLflow routes never show these.
 */
export interface VendorError {
  type: string | null;
  code: string | null;
  param: string | null;
}

/**
 * The code of a parameter refused by the gateway itself (`GatewayError.invalidParam`): raised by a
 * provider's translation (or a plugin) before anything is sent, it says only that this provider
 * cannot take the request as it is. A vendor's own refusal is `upstream_rejected` (`GatewayError.upstream`).
 */
export const INVALID_VALUE_CODE = 'invalid_value';

/** The code of the 503 of a response store that did not answer a lookup (the cluster primary under --workers), made before anything is sent. */
export const RESPONSE_STORE_UNAVAILABLE_CODE = 'response_store_unavailable';

/** The code of the 503 of a rate-limit store that failed under `on_error: closed` (limits/limiter.ts). */
export const RATE_LIMIT_STORE_UNAVAILABLE_CODE = 'rate_limit_store_unavailable';

/** The code of a provider quota used up (`GatewayError.quotaExceeded`). */
export const QUOTA_EXCEEDED_CODE = 'upstream_quota_exceeded';

/** 424 Failed Dependency: Hugging Face TGI and TEI's status for a model that failed to answer (see `upstream`). */
const MODEL_FAILED_STATUS = 424;

/** 408 Request Timeout: Azure OpenAI's status for a call it gave up on (`{"code": "Timeout", "message": "The operation was timeout."}`; see `upstream`). */
const UPSTREAM_TIMEOUT_STATUS = 408;

/** OpenAI's type and code for a quota used up: clients branch on them to stop retrying. */
const INSUFFICIENT_QUOTA: VendorError = { type: 'insufficient_quota', code: 'insufficient_quota', param: null };

/** Whether a vendor's type or code says its account's quota is used up (OpenAI's `insufficient_quota`). */
export function isQuotaUsedUp(vendorError: VendorError | null | undefined): boolean {
  return vendorError?.type === 'insufficient_quota' || vendorError?.code === 'insufficient_quota';
}

/** The `type` values of OpenAI's error object that a vendor's may be passed on as. */
const OPENAI_ERROR_TYPES: ReadonlySet<string> = new Set(['invalid_request_error', 'not_found_error', 'rate_limit_error', 'insufficient_quota', 'tokens', 'requests']);

/** A code or field name as vendors write them (`context_length_exceeded`, `messages[0].content`, `3051`); anything else is not passed on. */
const VENDOR_TOKEN = /^[A-Za-z0-9_.\-[\]$:/]{1,128}$/;

function vendorToken(value: unknown): string | null {
  return typeof value === 'string' && VENDOR_TOKEN.test(value) ? value : null;
}

/**
 * The vendor's `type`, `code` and `param` worth passing on (null when none is): a type only when it is
 * one of OpenAI's, a code or param only when it reads like one (never free text, which may quote
 * the request or a key).
 */
export function vendorErrorOf(fields: { type?: unknown; code?: unknown; param?: unknown }): VendorError | null {
  const type = typeof fields.type === 'string' && OPENAI_ERROR_TYPES.has(fields.type) ? fields.type : null;
  const code = vendorToken(fields.code);
  const param = vendorToken(fields.param);
  return type === null && code === null && param === null ? null : { type, code, param };
}

/** `vendorError` without a code or param that echoes one of `secrets`. */
export function vendorErrorWithoutSecrets(vendorError: VendorError | null, secrets: readonly string[]): VendorError | null {
  if (vendorError === null) return null;
  const code = fieldWithoutSecrets(vendorError.code, secrets);
  const param = fieldWithoutSecrets(vendorError.param, secrets);
  return code === vendorError.code && param === vendorError.param ? vendorError : { type: vendorError.type, code, param };
}

/** The provider plugin a failure came from: named on its log line, beside the error (see `GatewayError.failedPlugin`). */
export interface FailedPlugin {
  /** The endpoint whose call failed. */
  endpoint: string;
  /** The plugin's provider name, as `model.provider` spells it. */
  provider: string;
}

export interface GatewayErrorOptions {
  status: number;
  message: string;
  kind: ErrorKind;
  /** The request field at fault, e.g. `messages[0].content`. */
  param?: string | null;
  /** A short machine-readable code, e.g. `invalid_value`. */
  code?: string | null;
  /** Whether another attempt (retry, fallback) could succeed. */
  retryable?: boolean;
  /**
   * Whether a FALLBACK route moves past it though it is not `retryable`: another endpoint may
   * succeed where this one would fail again at once (an Entra ID token server that is down, which
   * its library has already retried). A `retryable` failure falls back anyway.
   */
  fallsBack?: boolean;
  /** Seconds, for 429 answers. */
  retryAfter?: string | null;
  /** Body used as-is for the MLflow `detail` (validation issue lists). */
  detail?: unknown;
  /** The unexpected error behind this one, for the log only (never sent to the client). */
  cause?: unknown;
  /** The vendor's own type/code/param of a refused request, for `/v1` bodies. */
  vendorError?: VendorError | null;
  /** The status MLflow's routes answer instead of `status` (see `upstream`). */
  mlflowStatus?: number | null;
  /**
   * Logged once for every request it fails (an Entra ID token server's outage): the server writes no
   * line for it. The request's audit line still shows it.
   */
  loggedElsewhere?: boolean;
  /** The plugin whose own error or answer this is (set by the gateway), for the log line. */
  failedPlugin?: FailedPlugin | null;
}

export class GatewayError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly param: string | null;
  readonly code: string | null;
  readonly retryable: boolean;
  readonly fallsBack: boolean;
  readonly retryAfter: string | null;
  readonly detail: unknown;
  readonly vendorError: VendorError | null;
  readonly mlflowStatus: number | null;
  readonly loggedElsewhere: boolean;
  readonly failedPlugin: FailedPlugin | null;

  constructor(options: GatewayErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.status = options.status;
    this.kind = options.kind;
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.retryable = options.retryable ?? false;
    this.fallsBack = options.fallsBack ?? false;
    this.retryAfter = options.retryAfter ?? null;
    this.detail = options.detail;
    this.vendorError = options.vendorError ?? null;
    this.mlflowStatus = options.mlflowStatus ?? null;
    this.loggedElsewhere = options.loggedElsewhere ?? false;
    this.failedPlugin = options.failedPlugin ?? null;
  }

  /**
   * The same error with every one of `secrets` in its message replaced by `[redacted]`, a code, param
   * or `detail` holding one dropped (a plugin sets its own; the vendor's reach `/v1` bodies), and its
   * `cause` (the log's) redacted too: an SDK's error quotes the vendor's text, which may echo the
   * credentials it was sent.
   */
  withoutSecrets(secrets: readonly string[]): GatewayError {
    const message = redacted(this.message, secrets);
    const param = fieldWithoutSecrets(this.param, secrets);
    const code = fieldWithoutSecrets(this.code, secrets);
    const detail = detailWithoutSecrets(this.detail, secrets);
    const vendorError = vendorErrorWithoutSecrets(this.vendorError, secrets);
    const unchanged = message === this.message && param === this.param && code === this.code && detail === this.detail && vendorError === this.vendorError;
    if (unchanged && this.cause === undefined) return this;
    const cause = this.cause === undefined ? undefined : errorWithoutSecrets(this.cause, secrets);
    return this.changed({ message, param, code, detail, vendorError, cause });
  }

  /**
   * This error with `changes` made and every other field kept. The copy is typed as every option, so
   * an option added later and not copied here fails to compile instead of being lost.
   */
  changed(changes: Partial<GatewayErrorOptions>): GatewayError {
    const { status, kind, param, code, retryable, fallsBack, retryAfter, detail, vendorError, mlflowStatus, loggedElsewhere, failedPlugin, message, cause } = this;
    const copy: Required<GatewayErrorOptions> = { status, kind, param, code, retryable, fallsBack, retryAfter, detail, vendorError, mlflowStatus, loggedElsewhere, failedPlugin, message, cause };
    return new GatewayError({ ...copy, ...changes });
  }

  /** 500 for an unexpected error; it is logged (`cause`), never sent to the client. */
  static internal(cause: unknown): GatewayError {
    return new GatewayError({ status: 500, message: 'Internal server error', kind: 'server_error', code: 'internal_error', cause });
  }

  /** 400: a parameter the provider or gateway cannot accept. */
  static invalidParam(message: string, param: string | null = null, status = 400): GatewayError {
    return new GatewayError({ status, message, kind: 'invalid_request_error', param, code: INVALID_VALUE_CODE });
  }

  /** 422: the body does not match the schema; `detail` is the list of issues. */
  static invalidBody(message: string, param: string | null, detail: unknown, status = 422): GatewayError {
    return new GatewayError({ status, message, kind: 'invalid_request_error', param, code: 'invalid_body', detail });
  }

  /** 501: the provider has no such capability. */
  static unsupported(message: string): GatewayError {
    return new GatewayError({ status: 501, message, kind: 'not_supported_error', code: 'not_supported' });
  }

  static notFound(message: string, param: string | null = null): GatewayError {
    return new GatewayError({ status: 404, message, kind: 'not_found_error', param, code: 'not_found' });
  }

  /** 401: no client key, a malformed one, or not one of the configured keys. */
  static unauthenticated(message: string, code: 'missing_api_key' | 'invalid_api_key' | 'malformed_authorization'): GatewayError {
    return new GatewayError({ status: 401, message, kind: 'authentication_error', code });
  }

  /** 403: the client key may not call this endpoint. */
  static forbidden(message: string): GatewayError {
    return new GatewayError({ status: 403, message, kind: 'permission_error', code: 'endpoint_not_allowed' });
  }

  /**
   * 429: the provider account's quota is used up (OpenAI's `insufficient_quota`, Bedrock's
   * ServiceQuotaExceededException), not a rate: another attempt within the request meets the same
   * quota, so it is not retried (QUOTA_EXCEEDED_CODE lets a FALLBACK route move on to another account
   * or provider, and tells clients not to retry). `fromPlugin`: the plugin's own error (for the log only) and its name.
   */
  static quotaExceeded(message: string, vendorError: VendorError | null = INSUFFICIENT_QUOTA, fromPlugin?: { cause: unknown; failedPlugin: FailedPlugin }): GatewayError {
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: QUOTA_EXCEEDED_CODE, vendorError, ...fromPlugin });
  }

  static rateLimited(message: string, retryAfter: string | null): GatewayError {
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: 'rate_limit_exceeded', retryable: true, retryAfter });
  }

  /**
   * An upstream answered with an error status. 4xx request errors keep their status; auth failures
   * become 502 (the client did nothing wrong and must not learn about our keys); 429 stays 429;
   * 5xx become 502, and so does 424: Hugging Face TGI and TEI answer it when their model failed
   * ("Request failed during generation", "Inference failed"), the server's failure, not the request's,
   * as for Bedrock's ModelErrorException (not retried either). A 408 is the provider's own timeout
   * (Azure OpenAI gives up on a call so), not the client's slow upload: a 504 retried and moved past by a
   * FALLBACK route, as Bedrock's ModelTimeoutException (its 408) and the openai clients (which retry a 408).
   * A refused request (4xx other than auth, 408 and 424) keeps the vendor's `vendorError` for `/v1`.
   * On MLflow's routes an auth failure, a 408 and a 424 keep the vendor's status, as MLflow does: MLflow's
   * Python client retries a 502 seven times over about four minutes, but not a 4xx.
   */
  static upstream(options: {
    status: number;
    message: string;
    endpoint: string;
    retryAfter?: string | null;
    authFailure?: boolean;
    vendorError?: VendorError | null;
  }): GatewayError {
    const { status, message, endpoint, vendorError } = options;
    const retryAfter = retryAfterHeader(options.retryAfter ?? null);
    // `authFailure`: the vendor's body says the key was refused under another status (Gemini: 400).
    if (status === 401 || status === 403 || options.authFailure === true) {
      return new GatewayError({
        status: 502,
        message: `The provider rejected the gateway's credentials for endpoint '${endpoint}' (upstream status ${status}). Ask the gateway operator to check the endpoint's API key.`,
        kind: 'upstream_error',
        code: 'upstream_auth_failed',
        mlflowStatus: status,
      });
    }
    if (status === 429 && isQuotaUsedUp(vendorError)) return GatewayError.quotaExceeded(message, vendorError);
    if (status === 429) {
      return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: 'upstream_rate_limited', retryable: true, retryAfter, vendorError });
    }
    if (status === UPSTREAM_TIMEOUT_STATUS) {
      return new GatewayError({ status: 504, message: `Endpoint '${endpoint}' timed out at the provider (upstream status 408): ${message}`, kind: 'timeout_error', code: 'upstream_timeout', retryable: true, mlflowStatus: status });
    }
    if (status >= 400 && status < 500 && status !== MODEL_FAILED_STATUS) {
      return new GatewayError({ status, message, kind: 'invalid_request_error', code: 'upstream_rejected', vendorError });
    }
    return new GatewayError({
      status: 502,
      message: `Upstream error from endpoint '${endpoint}' (status ${status}): ${message}`,
      kind: 'upstream_error',
      code: 'upstream_error',
      retryable: status >= 500,
      mlflowStatus: status === MODEL_FAILED_STATUS ? status : null,
    });
  }

  /**
   * 502: a provider answered, but not in the shape its translation expects (a field of the wrong
   * type, a null where an object belongs): the translation threw (`cause`), or its result breaks
   * the answer schema (`reason`). Not retried: the call succeeded and was billed, and the same kind
   * of answer would most likely come back.
   */
  static untranslatableAnswer(provider: string, endpoint: string, detail: { reason?: string; cause?: unknown }): GatewayError {
    const reason = detail.reason === undefined ? '' : ` (${detail.reason})`;
    return new GatewayError({
      status: 502,
      message: `${provider} answered endpoint '${endpoint}' with a response of an unexpected shape; the gateway could not translate it${reason}.`,
      kind: 'upstream_error',
      code: 'upstream_unreadable',
      cause: detail.cause,
    });
  }

  /**
   * 502: a provider plugin threw an error that says nothing the gateway can act on (no GatewayError,
   * no "try again later" status). Its message may quote the plugin's key, so the client learns only
   * which plugin of which endpoint failed; the error itself (`cause`, keys redacted) is logged. Not
   * retried: nothing says another attempt would fare better (a plugin bug would fail it again).
   */
  static pluginFailed(plugin: FailedPlugin, cause: unknown): GatewayError {
    return new GatewayError({
      status: 502,
      message: `The provider plugin '${plugin.provider}' of endpoint '${plugin.endpoint}' failed (its error is in the gateway's log).`,
      kind: 'upstream_error',
      code: 'upstream_plugin_failed',
      cause,
      failedPlugin: plugin,
    });
  }

  /**
   * 502: a provider plugin's answer or chunk the gateway cannot send; `reason` says, for the plugin's
   * author, which method gave it, which field is wrong and by which rule. Not retried, as `untranslatableAnswer`.
   */
  static invalidPluginAnswer(plugin: FailedPlugin & { displayName: string }, reason: string): GatewayError {
    const { endpoint, provider, displayName } = plugin;
    return new GatewayError({
      status: 502,
      message: `Provider plugin '${provider}' (${displayName}) of endpoint '${endpoint}': ${reason}.`,
      kind: 'upstream_error',
      code: 'upstream_unreadable',
      failedPlugin: { endpoint, provider },
    });
  }

  /**
   * 502: a JSON answer without what its translation reads (`reason` names the field, e.g. Anthropic's
   * `content` list). Thrown by a provider's translation, which knows no endpoint: the retry loop
   * makes it an `untranslatableAnswer`, which names both. Not retried, for the same reasons.
   */
  static unexpectedAnswer(reason: string): GatewayError {
    return new GatewayError({ status: 502, message: reason, kind: 'upstream_error', code: 'upstream_unreadable' });
  }

  /** The upstream could not be reached or its answer could not be read. */
  static upstreamUnavailable(message: string, retryable = true): GatewayError {
    return new GatewayError({ status: 502, message, kind: 'upstream_error', code: 'upstream_unavailable', retryable });
  }

  /**
   * A stream that ended before its end event (`[DONE]`, `message_stop`, …): the connection closed
   * early. Retryable like a connection dropped mid-answer: before the stream's first chunk it is
   * retried and falls back (the client has nothing yet); after it, the stream ends with it anyway.
   */
  static streamCutOff(message: string): GatewayError {
    return GatewayError.upstreamUnavailable(message);
  }

  static upstreamTimeout(message: string): GatewayError {
    return new GatewayError({ status: 504, message, kind: 'timeout_error', code: 'upstream_timeout', retryable: true });
  }
}
