/**
 * The one error type of the gateway. Code throws a GatewayError with the right status; only the
 * server's error handler turns it into a response body (MLflow shape or OpenAI shape).
 */
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
}

/** `Retry-After`'s delay-seconds (fractions allowed, as some vendors send them), blanks around it allowed. */
export const DELAY_SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * A vendor's `Retry-After` as a header every client can read: delay-seconds rounded up to whole
 * seconds (a fractional `0.5` is valid for OpenAI's clients, but urllib3, under MLflow's Python
 * client, raises on it), an HTTP date as sent, anything else dropped.
 */
export function retryAfterHeader(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return String(Math.ceil(Number(trimmed)));
  // Date.parse is lenient (it skips a parenthesised comment), so a date must also be a valid header value.
  return VISIBLE_ASCII.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : null;
}

const VISIBLE_ASCII = /^[\x20-\x7e]+$/;

/** The shortest start of a secret worth hiding: shorter ones are public prefixes (`sk-`) or chance matches. */
const MIN_CUT_OFF_CHARS = 4;

/**
 * `text` without the start of `secret` that an excerpt of an upstream's answer cut off at its end
 * (`… key sk-proj-AbC…`): the whole secret is no longer there to be found, but its start is.
 */
function withoutCutOffSecret(text: string, secret: string): string {
  const ellipsis = text.endsWith('…') ? '…' : '';
  const body = text.slice(0, text.length - ellipsis.length);
  for (let length = Math.min(secret.length - 1, body.length); length >= MIN_CUT_OFF_CHARS; length -= 1) {
    if (body.endsWith(secret.slice(0, length))) return `${body.slice(0, -length)}[redacted]${ellipsis}`;
  }
  return text;
}

/**
 * A URL's userinfo (`scheme://user:password@` or `scheme://token@`): up to the authority's last `@`,
 * as URL parsers take it, since a password may hold an unencoded `@`. A scheme is read to at most 64
 * characters: unbounded, each word of a text (`a.a.a.…`, a client's URL field) was read to the
 * text's end, in time quadratic in its length.
 */
const URL_USERINFO = /\b([a-z][a-z\d+.-]{0,63}:\/\/)([^\s/?#]+)@/gi;

/**
 * `text` with every URL's password (or its user when it has no password: a token) replaced, whatever
 * its length: `secrets` holds only values long enough not to be common words, so a short password is
 * found by where it is written, not by itself. A user name beside a password is kept: it is not secret.
 */
export function withoutUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    const user = colon > 0 && colon < userinfo.length - 1 ? userinfo.slice(0, colon + 1) : '';
    return `${scheme}${user}[redacted]@`;
  });
}

/**
 * The shortest value looked for in messages as a secret: a shorter one ("abc") would take pieces out
 * of any text, and no provider credential is that short.
 */
export const MIN_SECRET_CHARS = 8;

/**
 * `text` with every one of `secrets` replaced by `[redacted]` (longest first, so a key inside another
 * is not left half shown), a secret cut off at the end of the text (an excerpt) as well, and the
 * userinfo of any URL in it (`withoutUrlCredentials`).
 */
export function redacted(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => withoutCutOffSecret(result.split(secret).join('[redacted]'), secret), withoutUrlCredentials(text));
}

/**
 * An unexpected error (a plugin's, its vendor SDK's) as the log may show it: a copy whose message
 * and stack, and those of its causes, are `redacted` of `secrets` (and of URLs' userinfo). A vendor
 * often quotes the key it refused ("Incorrect API key provided: sk-…"). The copy keeps the error's
 * prototype, so the log still names its class.
 */
export function errorWithoutSecrets(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof error === 'string') return redacted(error, secrets);
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return error;
  const original = error as Error & { errors?: unknown };
  const copy = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as Error & { errors?: unknown }, original);
  const hidden = (value: unknown) => ({ value: typeof value === 'string' ? redacted(value, secrets) : value, writable: true, configurable: true });
  // Causes nest (and may loop back): a few levels are enough for a log line.
  const inner = (value: unknown) => (depth < MAX_CAUSE_DEPTH ? errorWithoutSecrets(value, secrets, depth + 1) : undefined);
  Object.defineProperties(copy, { message: hidden(original.message), stack: hidden(original.stack) });
  if (original.cause !== undefined) Object.defineProperty(copy, 'cause', hidden(inner(original.cause)));
  if (Array.isArray(original.errors)) copy.errors = original.errors.map(inner);
  return copy;
}

const MAX_CAUSE_DEPTH = 5;

/** A code or param field, or null when it echoes one of `secrets` (improbable, but never shown: these reach `/v1` bodies, the log and metrics labels). */
function fieldWithoutSecrets(value: string | null, secrets: readonly string[]): string | null {
  return value !== null && redacted(value, secrets) !== value ? null : value;
}

/** `vendorError` without a code or param that echoes one of `secrets`. */
export function vendorErrorWithoutSecrets(vendorError: VendorError | null, secrets: readonly string[]): VendorError | null {
  if (vendorError === null) return null;
  const code = fieldWithoutSecrets(vendorError.code, secrets);
  const param = fieldWithoutSecrets(vendorError.param, secrets);
  return code === vendorError.code && param === vendorError.param ? vendorError : { type: vendorError.type, code, param };
}

/** A `detail` body (a plugin's GatewayError may carry any) that quotes one of `secrets` is dropped: the message then stands for it. */
function detailWithoutSecrets(detail: unknown, secrets: readonly string[]): unknown {
  if (detail === undefined) return undefined;
  let text: string;
  try {
    text = JSON.stringify(detail) ?? '';
  } catch {
    return undefined;
  }
  return redacted(text, secrets) === text ? detail : undefined;
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
    const { status, kind, retryable, fallsBack, retryAfter, mlflowStatus, loggedElsewhere } = this;
    const cause = this.cause === undefined ? undefined : errorWithoutSecrets(this.cause, secrets);
    return new GatewayError({ status, kind, param, code, retryable, fallsBack, retryAfter, detail, vendorError, mlflowStatus, loggedElsewhere, message, cause });
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

  /** 401: no client key, or not one of the configured keys. */
  static unauthenticated(message: string, code: 'missing_api_key' | 'invalid_api_key'): GatewayError {
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
   * or provider, and tells clients not to retry). `cause`: a plugin's own error, for the log only.
   */
  static quotaExceeded(message: string, vendorError: VendorError | null = INSUFFICIENT_QUOTA, cause?: unknown): GatewayError {
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: QUOTA_EXCEEDED_CODE, vendorError, cause });
  }

  static rateLimited(message: string, retryAfter: string | null): GatewayError {
    return new GatewayError({ status: 429, message, kind: 'rate_limit_error', code: 'rate_limit_exceeded', retryable: true, retryAfter });
  }

  /**
   * An upstream answered with an error status. 4xx request errors keep their status; auth failures
   * become 502 (the client did nothing wrong and must not learn about our keys); 429 stays 429;
   * 5xx become 502. A refused request (4xx other than auth) keeps the vendor's `vendorError` for `/v1`.
   * On MLflow's routes an auth failure keeps the vendor's status, as MLflow does: MLflow's Python
   * client retries a 502 seven times over about four minutes, but not a 4xx.
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
    if (status >= 400 && status < 500) {
      return new GatewayError({ status, message, kind: 'invalid_request_error', code: 'upstream_rejected', vendorError });
    }
    return new GatewayError({
      status: 502,
      message: `Upstream error from endpoint '${endpoint}' (status ${status}): ${message}`,
      kind: 'upstream_error',
      code: 'upstream_error',
      retryable: status >= 500,
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
