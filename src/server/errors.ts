/**
 * Turns any error into a response: MLflow routes get `{"detail": …}` (with a readable `message`
 * for validation lists), `/v1` routes get OpenAI's `{"error": {message, type, param, code}}`.
 * Only this module writes error bodies.
 */
import type { ErrorRequestHandler, Request } from 'express';
import type { ServerResponse } from 'node:http';
import { GatewayError, QUOTA_EXCEEDED_CODE, RATE_LIMIT_STORE_UNAVAILABLE_CODE, RESPONSE_STORE_UNAVAILABLE_CODE } from '../errors';
import { retryAfterMs } from '../retry-after';
import { unsupportedBodyRefusal } from './body';
import { namesSecretField } from './body-secrets';
import { BODIES_OVERLOADED_CODE } from './held-bodies';
import { undecodableParameterOf } from './path-parameters';
import { sendJson } from './json-response';
import { loggedMessage, type Logger } from './logging';
import type { Dialect } from './request-preparation';
import { recordError, requestIdOfResponse, type ResponseWithLocals } from './request-record';
import { quoted } from '../config/quoted';

/** A `/v1` path in any letter case (Express routes them so), after any number of slashes. */
const OPENAI_PATH = /^\/+v1\//i;

/**
 * The error shape of a path or raw URL: `/V1/…` is a `/v1` route too, and so is `//v1/…` (a client
 * whose base URL ends in a slash before `/v1`), which no route serves but an OpenAI client reads.
 */
export function dialectOfPath(path: string | undefined): Dialect {
  return path !== undefined && OPENAI_PATH.test(path) ? 'openai' : 'mlflow';
}

export function dialectOf(request: Request): Dialect {
  return dialectOfPath(request.path);
}

interface BodyParserError {
  type: string;
  status?: number;
  message: string;
  body?: string;
  /** For `entity.too.large`: the limit in bytes. */
  limit?: number;
  /** For `entity.number.infinite` (body.ts): the number's location and field. */
  location?: (string | number)[];
  param?: string | null;
  /** For `charset.unsupported` and `encoding.unsupported`: the value received. */
  charset?: string;
  encoding?: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && 'status' in error;
}

/** The setting behind each limit body.ts checks on the raw JSON, by its error's type. */
const JSON_LIMIT_SETTINGS = new Map([
  ['entity.too.deep', 'server.max_json_depth'],
  ['entity.too.many.keys', 'server.max_json_keys'],
]);

/** V8's quote of the text around an unexpected character: `Unexpected token 's', ..."on_token": sk-ab"... is not valid JSON`. */
const QUOTED_JSON_TEXT = /, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/;

/** JSON.parse's reason, without the text it quotes when the body names a credential field (body-secrets.ts): it may be the value. */
function parseFailureReason(error: BodyParserError): string {
  if (error.body === undefined || !namesSecretField(error.body)) return error.message;
  return error.message.replace(QUOTED_JSON_TEXT, ' (the text around it is not quoted: the body has a credential field)');
}

/** Errors raised before a handler ran (JSON syntax, body size) become GatewayErrors. */
function fromBodyParser(error: BodyParserError, dialect: Dialect): GatewayError {
  if (error.type === 'entity.parse.failed') {
    const reason = parseFailureReason(error);
    const message = `the request body is not valid JSON: ${reason}`;
    const issues = [{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error', ctx: { error: reason } }];
    return GatewayError.invalidBody(message, null, issues, dialect === 'openai' ? 400 : 422);
  }
  if (error.type === 'entity.number.infinite') {
    const issues = [{ type: 'finite_number', loc: ['body', ...(error.location ?? [])], msg: 'Input should be a finite number' }];
    return GatewayError.invalidBody(error.message, error.param ?? null, issues, dialect === 'openai' ? 400 : 422);
  }
  if (error.type === 'entity.too.large') {
    const limit = error.limit === undefined ? '' : ` (the limit is ${error.limit} bytes: server.max_body_size)`;
    return new GatewayError({ status: 413, message: `the request body is too large${limit}`, kind: 'invalid_request_error', code: 'body_too_large' });
  }
  const limit = JSON_LIMIT_SETTINGS.get(error.type);
  if (limit !== undefined) return GatewayError.invalidParam(`${error.message} (${limit})`, null, dialect === 'openai' ? 400 : 422);
  const { code, message } = unsupportedBodyRefusal(error) ?? { code: error.type, message: error.message };
  return new GatewayError({ status: error.status ?? 400, message, kind: 'invalid_request_error', code });
}

/**
 * A 4xx meant for the client: an http-errors error (`expose`), such as body-parser's failed
 * decompression, or the router's URIError for a path parameter it cannot decode.
 */
interface ClientHttpError {
  status: number;
  message: string;
  code?: string;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const candidate = error as (Partial<ClientHttpError> & { expose?: unknown }) | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.status !== 'number') return false;
  return candidate.status >= 400 && candidate.status < 500 && (candidate.expose === true || error instanceof URIError);
}

/** zlib's codes (gzip, deflate, and a cut brotli body) and its brotli decoder's (`ERR__ERROR_FORMAT_PADDING_1`…). */
const DECOMPRESSION_ERROR_CODE = /^(Z_|ERR__ERROR_)/;

function fromClientHttpError(error: ClientHttpError): GatewayError {
  // A failed decompression reaches here as "incorrect header check" or, for brotli, "Decompression failed", with the decoder's code.
  const message = error.code !== undefined && DECOMPRESSION_ERROR_CODE.test(error.code) ? `the request body could not be decompressed as its Content-Encoding says (${error.code})` : error.message;
  return new GatewayError({ status: error.status, message, kind: 'invalid_request_error', code: 'bad_request' });
}

interface SpecValidatorError {
  status: number;
  message: string;
  errors: { path?: string; message: string }[];
}

function isSpecValidatorError(error: unknown): error is SpecValidatorError {
  return typeof error === 'object' && error !== null && Array.isArray((error as SpecValidatorError).errors) && typeof (error as SpecValidatorError).status === 'number';
}

/** express-openapi-validator errors (query/path parameters; responses in contract tests). */
function fromSpecValidator(error: SpecValidatorError): GatewayError {
  // The validator names fields `/query/page_token` (or `.query.page_token`): the field is what the client knows.
  const message = error.errors.map((item) => `${(item.path ?? '').replace(/^[./](query|params|body|response)[./]?/, '') || 'request'}: ${item.message}`).join('; ');
  const kind = error.status >= 500 ? 'server_error' : 'invalid_request_error';
  return new GatewayError({ status: error.status, message: message || error.message, kind, code: 'invalid_request' });
}

export function toGatewayError(error: unknown, dialect: Dialect): GatewayError {
  if (error instanceof GatewayError) return error;
  if (isBodyParserError(error)) return fromBodyParser(error, dialect);
  if (isSpecValidatorError(error)) return fromSpecValidator(error);
  if (isClientHttpError(error)) return fromClientHttpError(error);
  return new GatewayError({ status: 500, message: 'Internal server error', kind: 'server_error', code: 'internal_error' });
}

/**
 * OpenAI's error object for `error`. A refused request shows the vendor's own type, param and code
 * when it gave them (`context_length_exceeded`, `content_filter`): what OpenAI clients branch on.
 */
export function openaiErrorObject(error: GatewayError): { message: string; type: string; param: string | null; code: string | null } {
  const vendor = error.vendorError;
  return { message: error.message, type: vendor?.type ?? error.kind, param: vendor?.param ?? error.param, code: vendor?.code ?? error.code };
}

export function errorBody(error: GatewayError, dialect: Dialect): unknown {
  if (dialect === 'openai') return { error: openaiErrorObject(error) };
  return error.detail !== undefined ? { detail: error.detail, message: error.message } : { detail: error.message };
}

/**
 * Failures that the same request would meet again: a 501, and every 502 the gateway itself does not
 * retry (its key refused, an answer it cannot translate, a model the provider does not know, an
 * answer over `max_answer_size`), a provider quota used up (a 429), and a wait longer than clients wait (waitsPastClientRetries). The official OpenAI clients retry every 5xx and 429 (twice by default)
 * unless told `x-should-retry: false`: without it, such a request would be sent, and billed, three times.
 */
function isNotWorthRetrying(error: GatewayError, status: number): boolean {
  return status === 501 || (status === 502 && !error.retryable) || error.code === QUOTA_EXCEEDED_CODE || waitsPastClientRetries(error.retryAfter);
}

/** The longest `Retry-After` the OpenAI Python client waits out (a longer one it replaces with a short backoff), as the gateway's SDK does. */
const LONGEST_CLIENT_WAIT_MS = 60_000;

/**
 * Whether a failure asks the client to wait longer than clients wait before a retry: an endpoint's
 * hourly or daily window that is full, a provider's 429 with a long `Retry-After`. The openai Node
 * client (v5 and later) sleeps for any `Retry-After` before each of its retries, so its call would
 * hang for the window (an hour, a day); the Python client would retry at once into the same full window.
 */
function waitsPastClientRetries(retryAfter: string | null): boolean {
  return (retryAfterMs(retryAfter) ?? 0) > LONGEST_CLIENT_WAIT_MS;
}

/** The status the client is sent for `error` (MLflow's routes keep a provider's 401/403 for a refused gateway key). */
export function statusFor(error: GatewayError, dialect: Dialect): number {
  return dialect === 'mlflow' && error.mlflowStatus !== null ? error.mlflowStatus : error.status;
}

/**
 * Whether the answer says `Retry-After`: always on `/v1`; on MLflow's routes only up to the longest
 * wait clients sleep out. MLflow's Python client (urllib3, `respect_retry_after_header`) sleeps out
 * any `Retry-After` before each of its retries (7 by default): a full hourly or daily window hung its
 * call for hours, where MLflow's gateway, which sends none, fails it within minutes.
 */
function saysRetryAfter(retryAfter: string | null, dialect: Dialect): retryAfter is string {
  return retryAfter !== null && retryAfter !== '' && (dialect === 'openai' || !waitsPastClientRetries(retryAfter));
}

export function sendError(response: ServerResponse, error: GatewayError, dialect: Dialect): void {
  const status = statusFor(error, dialect);
  if (saysRetryAfter(error.retryAfter, dialect)) response.setHeader('Retry-After', error.retryAfter);
  if (isNotWorthRetrying(error, status)) response.setHeader('x-should-retry', 'false');
  sendJson(response, status, errorBody(error, dialect));
}

/**
 * The warnings of 5xxs the gateway's own stores cause (worded apart from the rate-limit store's one
 * outage warning, `rate-limit store unavailable: …`, which log searches count); any other 5xx is the provider's.
 */
const OWN_FAILURE_WARNINGS: Readonly<Record<string, string>> = {
  [RATE_LIMIT_STORE_UNAVAILABLE_CODE]: 'request refused: the rate-limit store was unavailable',
  [RESPONSE_STORE_UNAVAILABLE_CODE]: 'request refused: the response store was unavailable',
  [BODIES_OVERLOADED_CODE]: 'request refused: the bodies in flight were at server.max_in_flight_body_size',
};

function failureWarning(code: string | null): string {
  return (code !== null && OWN_FAILURE_WARNINGS[code]) || 'upstream failure';
}

/**
 * Logs a failure that deserves it: an unexpected error (or one behind a GatewayError's `cause`)
 * at error level with its stack, any other 5xx as a warning (but one `loggedElsewhere`, once for
 * all the requests it fails), each with the request's id and, for a plugin's failure, the endpoint
 * and the plugin's provider name (a route's line would otherwise not say which destination failed). A plugin's
 * "try again later" (its 429 or 5xx, retryable, with the plugin's own error, keys redacted, as
 * `cause`), and its quota used up, are the vendor's failure, not the gateway's: logged as a built-in provider's is (a 5xx as
 * a warning, a 429 not at all), its cause beside it (a 429's at debug level).
 */
export function logFailure(options: { logger: Logger; error: unknown; gatewayError: GatewayError; path: string; requestId: string | null }): void {
  const { logger, error, gatewayError, path } = options;
  const { status, code, message, cause, failedPlugin } = gatewayError;
  const request_id = options.requestId;
  if (gatewayError.loggedElsewhere) return;
  // A plugin's quota used up is not retryable, yet as much the vendor's failure as its rate limit.
  const upstreamCause = cause !== undefined && (gatewayError.retryable || code === QUOTA_EXCEEDED_CODE);
  const fields = { request_id, path, status, code, ...(failedPlugin !== null && { endpoint: failedPlugin.endpoint, provider: failedPlugin.provider }) };
  if (!(error instanceof GatewayError) && status >= 500) logger.error({ request_id, err: error, path }, 'unhandled error');
  else if (cause !== undefined && !upstreamCause) logger.error({ ...fields, err: cause }, loggedMessage(message));
  else if (status >= 500) logger.warn({ ...fields, message: loggedMessage(message), ...(upstreamCause && { err: cause }) }, failureWarning(code));
  else if (upstreamCause) logger.debug({ ...fields, err: cause }, loggedMessage(message));
}

/** Logs what deserves it and answers with the error's status and body (headers not yet sent). */
export function answerError(options: { error: unknown; response: ResponseWithLocals; dialect: Dialect; path: string; logger: Logger }): void {
  const { error, response, dialect, path, logger } = options;
  const gatewayError = toGatewayError(error, dialect);
  recordError(response, gatewayError);
  logFailure({ logger, error, gatewayError, path, requestId: requestIdOfResponse(response) });
  sendError(response, gatewayError, dialect);
}

/**
 * The router's URIError for a path parameter that does not decode, as a 400 naming the parameter;
 * also the OpenAPI validator's 400 (`malformed uri'`), which meets it first on the spec's other routes.
 */
function namingPathParameter(error: unknown, path: string): unknown {
  const mayBeUndecodable = error instanceof URIError || (isSpecValidatorError(error) && error.status === 400);
  const parameter = mayBeUndecodable ? undecodableParameterOf(path) : null;
  if (parameter === null) return error;
  return GatewayError.invalidParam(`${parameter.name}: ${quoted(parameter.text)} in the URL path does not decode as percent-encoded UTF-8`, parameter.name);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (thrown, request, response, next) => {
    const error = namingPathParameter(thrown, request.path);
    // The client is gone (its disconnect aborted the call): nobody to answer, nothing went wrong.
    if (response.destroyed) return;
    if (response.headersSent) {
      // Express cuts the connection: noted, so that the cut is not taken for a client that left (request-log.ts).
      recordError(response, toGatewayError(error, dialectOf(request)));
      return next(error);
    }
    answerError({ error, response, dialect: dialectOf(request), path: request.path, logger });
  };
}
