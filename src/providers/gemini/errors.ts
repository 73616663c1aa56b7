/**
 * Gemini error bodies (`{"error":{"code","message","status","details":[...]}}`, Google's
 * `google.rpc.Status`): the message, whether the key was refused, and the retry delay.
 * Reference: https://ai.google.dev/gemini-api/docs/troubleshooting
 */
import { GatewayError, vendorErrorOf } from '../../errors';
import { isRecord } from '../shared/json';
import type { UpstreamErrorHints } from '../transport/http';

type ErrorObject = { code?: unknown; message?: unknown; status?: unknown; details?: unknown };

/** The `error` object; Google's streaming JSON answers wrap it in a one-element array. */
function errorObject(body: unknown): ErrorObject | null {
  const envelope = Array.isArray(body) && body.length === 1 ? body[0] : body;
  return isRecord(envelope) && isRecord(envelope.error) ? envelope.error : null;
}

function details(error: ErrorObject): Record<string, unknown>[] {
  return Array.isArray(error.details) ? error.details.filter(isRecord) : [];
}

export function geminiErrorMessage(body: unknown): string | null {
  const error = errorObject(body);
  return error !== null && typeof error.message === 'string' ? error.message : null;
}

/** `"27s"` or `"45.578569677s"` → whole seconds, rounded up, as `Retry-After` wants. */
function retryDelaySeconds(delay: unknown): string | null {
  if (typeof delay !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(delay);
  return match ? String(Math.ceil(Number(match[1]))) : null;
}

/**
 * Gemini refuses a bad or unknown key with 400 INVALID_ARGUMENT and an `ErrorInfo` whose reason is
 * `API_KEY_INVALID`: that is an auth failure (like 401/403: a 502 on `/v1`). A 429 carries
 * its delay in a `RetryInfo` detail rather than a `Retry-After` header. Google's `status`
 * (`INVALID_ARGUMENT`, `FAILED_PRECONDITION`, `NOT_FOUND`, `RESOURCE_EXHAUSTED`) is the code shown
 * on `/v1`; its `fieldViolations` name Gemini's fields, not the client's, so no `param`.
 */
export function geminiErrorHints(body: unknown): UpstreamErrorHints {
  const error = errorObject(body);
  if (error === null) return {};
  const items = details(error);
  const retryInfo = items.find((item) => item['@type'] === 'type.googleapis.com/google.rpc.RetryInfo');
  return {
    authFailure: items.some((item) => item.reason === 'API_KEY_INVALID'),
    retryAfter: retryDelaySeconds(retryInfo?.retryDelay),
    vendorError: vendorErrorOf({ code: error.status }),
  };
}

/** An `error` event inside a stream (after the first chunk): classified like an error status. */
export function geminiStreamError(body: unknown, endpoint: string): GatewayError {
  const error = errorObject(body);
  const status = typeof error?.code === 'number' && error.code >= 400 ? error.code : 500;
  const message = geminiErrorMessage(body) ?? 'Gemini reported an error mid-stream.';
  const hints = geminiErrorHints(body);
  return GatewayError.upstream({ status, message, endpoint, retryAfter: hints.retryAfter, authFailure: hints.authFailure, vendorError: hints.vendorError });
}
