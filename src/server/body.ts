/**
 * Request bodies: parsed as JSON whatever the Content-Type says (MLflow does the same, and
 * `curl -d` sends form-encoded), up to the configured size (413 beyond), nesting depth and keys per
 * object (checked on the raw bytes before parsing). Unsupported charsets, content encodings and
 * transfer codings are a 415. The limits come from the plan, so a reload changes them. A number
 * beyond a 64-bit float (`1e999`, which JSON.parse reads as Infinity and JSON.stringify would send
 * on as null) is refused wherever it is, looked for in the parsed body only when the raw bytes hold
 * a number long enough to be one. A body whose parsed form takes more heap than the bytes held for it
 * (many tiny arrays, objects or values: held-bodies.ts) holds that much, or is refused with a 503.
 */
import express, { type RequestHandler } from 'express';
import iconv from 'iconv-lite';
import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import type { ServerPlan } from '../config/server-settings';
import { GatewayError } from '../errors';
import { excerpt } from '../providers/shared/json';
import { holdBody, holdParsedSize } from './held-bodies';
import { whileUploading } from './in-flight';
import { parsedSize, scanJson, type JsonLimits, type JsonScan } from './json-scan';
import { recordOf, type RequestRecord, type ResponseWithLocals } from './request-record';
import type { GatewayState } from './state';
import { fieldPath } from './validation';

/** body-parser passes a `verify` error on with its `status` and `type`; errors.ts turns it into a JSON answer. */
class JsonLimitError extends Error {
  readonly status = 400;
  readonly type: string;

  constructor(passed: 'depth' | 'keys', limits: JsonLimits) {
    super(
      passed === 'depth'
        ? `the request body nests arrays and objects deeper than ${limits.maxJsonDepth} levels`
        : `the request body has an object with more than ${limits.maxJsonKeys} keys`,
    );
    this.type = passed === 'depth' ? 'entity.too.deep' : 'entity.too.many.keys';
  }
}

/**
 * Throws a JsonLimitError when the raw JSON passes one of the plan's limits; otherwise its scan (whether
 * it holds a number long enough to be beyond a 64-bit float, what its parsed form takes).
 */
function checkJsonLimits(bytes: Uint8Array, limits: JsonLimits): JsonScan {
  const scan = scanJson(bytes, limits);
  if (scan.finding === 'depth' || scan.finding === 'keys') throw new JsonLimitError(scan.finding, limits);
  return scan;
}

/** Requests through body-parser whose raw JSON holds a long number (its `verify` sees the bytes, not the parsed body). */
const withLongNumbers = new WeakSet<IncomingMessage>();

/** The size of the bodies read by body-parser, raw and parsed (its `verify` sees the bytes; the hold is taken after, with the plan's bound then). */
const bodySizes = new WeakMap<IncomingMessage, { bytes: number; parsedBytes: number }>();

/** Requests through body-parser whose body, once decoded, was empty: body-parser reads it as `{}`. */
const withEmptyBodies = new WeakSet<IncomingMessage>();

/**
 * The body's text in UTF-8, as the scan reads it: body-parser decodes another charset (iconv-lite,
 * as here) only after `verify`, and its bytes are not JSON's: in UTF-16 or UTF-32 an escaped quote
 * (`\"`) has 0 bytes between backslash and quote and seemed to end its string, so a body could pass
 * max_json_depth, max_json_keys and its parsed size unseen (UTF-7 is refused before: utf7Refusal).
 */
function utf8Of(buffer: Buffer, charset: string): Buffer {
  return charset === 'utf-8' ? buffer : Buffer.from(iconv.decode(buffer, charset));
}

function createParser(settings: ServerPlan): RequestHandler {
  return express.json({
    type: () => true,
    strict: false,
    limit: settings.maxBodyBytes,
    verify: (request, _response, buffer, charset) => {
      if (buffer.length === 0) {
        withEmptyBodies.add(request);
        return;
      }
      const text = utf8Of(buffer, charset);
      const scan = checkJsonLimits(text, settings);
      if (scan.finding === 'long-number') withLongNumbers.add(request);
      bodySizes.set(request, { bytes: buffer.length, parsedBytes: parsedSize(text.length, scan) });
    },
  });
}

/** body-parser's error shape (`type`, `status`), which errors.ts turns into a JSON answer. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

/** Where `value` holds a number beyond a 64-bit float (±Infinity once parsed), the first one's location; else null. */
export function infiniteNumberLocation(value: unknown): (string | number)[] | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : [];
  if (typeof value !== 'object' || value === null) return null;
  const entries: Iterable<[string | number, unknown]> = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const location = infiniteNumberLocation(item);
    if (location !== null) return [key, ...location];
  }
  return null;
}

/** A 400 (422 on MLflow routes: errors.ts) naming where the parsed `body` holds a number beyond a 64-bit float, if it does. */
function checkNumbersFinite(body: unknown): void {
  const location = infiniteNumberLocation(body);
  if (location === null) return;
  const param = location.length > 0 ? fieldPath(location) : null;
  const message = `${param ?? 'body'}: must be a finite number (got a number beyond the range of a 64-bit float, such as 1e999)`;
  throw Object.assign(bodyError(400, 'entity.number.infinite', message), { param, location });
}

/**
 * A body's JSON, as body-parser reads it with `strict: false`: any JSON value. A string, number or
 * null is valid JSON, and the route's check refuses it for not being an object (strict parsing
 * called it invalid JSON, quoting JSON.parse's message for text it never parsed). An empty body is
 * none (undefined), as a request without one: the route's check says it is empty (body-parser reads `{}`).
 */
function parseJsonBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // The text, as body-parser gives it: errors.ts looks at it for credential fields before quoting JSON.parse's reason.
    throw Object.assign(bodyError(400, 'entity.parse.failed', (error as Error).message), { body: text });
  }
}

/**
 * The usual request: a declared length within the limit, no content encoding, no charset
 * parameter. Read here, because body-parser's general path (charsets through iconv, inflation,
 * stream plumbing) cost about 8 µs of CPU per request; anything else still goes to body-parser.
 */
function isPlainBody(request: IncomingMessage, maxBodyBytes: number): boolean {
  const { headers } = request;
  const length = headers['content-length'];
  return (
    length !== undefined &&
    Number(length) <= maxBodyBytes &&
    headers['transfer-encoding'] === undefined &&
    headers['content-encoding'] === undefined &&
    !headers['content-type']?.includes(';')
  );
}

/**
 * Reads a plain body (node's parser stops at the declared length) and parses it as body-parser would,
 * once the request of `record` holds what its parsed form takes (else the 503, and no parsing).
 */
function readPlainBody(request: IncomingMessage & { body?: unknown }, record: RequestRecord, settings: ServerPlan, next: (error?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let aborted = false;
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.once('error', () => {
    aborted = true;
    next(bodyError(400, 'request.aborted', 'request aborted'));
  });
  request.once('end', () => {
    if (aborted) return;
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    // The 'data' listener's array lives as long as the request, through its upstream call (minutes, at times): it must not keep the raw bytes that long.
    chunks.length = 0;
    try {
      const scan = checkJsonLimits(bytes, settings);
      const overloaded = holdParsedSize(record, bytes.length, parsedSize(bytes.length, scan), settings.maxInFlightBodyBytes);
      if (overloaded !== null) throw overloaded;
      const text = bytes.toString('utf8'); // invalid bytes become U+FFFD, as with body-parser
      request.body = parseJsonBody(text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text);
      if (scan.finding === 'long-number') checkNumbersFinite(request.body);
    } catch (error) {
      next(error);
      return;
    }
    next();
  });
}

const BYTE_ORDER_MARK = 0xfeff;

/** A header value as a 415 quotes it: a client may send anything, so only its start. */
const QUOTED_HEADER_LIMIT = 40;

function quotedHeaderValue(value: string): string {
  return JSON.stringify(excerpt(value, QUOTED_HEADER_LIMIT));
}

/** The Content-Encodings body-parser inflates: zstd only where node's zlib has it (Node 22.15 and later). */
const ACCEPTED_CONTENT_ENCODINGS = ['gzip', 'deflate', 'br', ...('createZstdDecompress' in zlib ? ['zstd'] : [])].join(', ');

/** body-parser's 415s, by its error type: the code in the gateway's snake_case, the header to change and what it takes. */
const UNSUPPORTED_BODY_REFUSALS = new Map([
  ['charset.unsupported', { code: 'unsupported_charset', header: 'Content-Type charset', accepted: 'utf-8 (or no charset parameter), utf-16 or utf-32' }],
  ['encoding.unsupported', { code: 'unsupported_content_encoding', header: 'Content-Encoding', accepted: `${ACCEPTED_CONTENT_ENCODINGS} or identity (one coding), or no Content-Encoding` }],
]);

/**
 * The code and message of body-parser's 415 for an unsupported charset or content encoding, naming
 * the header, the value received and what the gateway takes (body-parser's own message names none
 * but the value); null for any other error type.
 */
export function unsupportedBodyRefusal(error: { type: string; charset?: string; encoding?: string }): { code: string; message: string } | null {
  const refusal = UNSUPPORTED_BODY_REFUSALS.get(error.type);
  if (refusal === undefined) return null;
  const value = quotedHeaderValue(error.charset ?? error.encoding ?? '');
  return { code: refusal.code, message: `${refusal.header} ${value} is not supported: the gateway takes ${refusal.accepted}` };
}

/** The transfer codings node's parser undoes: it removes `chunked` only (`identity` is no coding). */
const READ_TRANSFER_CODINGS = new Set(['chunked', 'identity']);

/**
 * A 415 for a Transfer-Encoding with another coding (`gzip, chunked`), or null: node would hand
 * over the body still compressed, to be refused as invalid JSON, or worse, read as something else.
 */
function transferCodingRefusal(request: IncomingMessage): GatewayError | null {
  const header = request.headers['transfer-encoding'];
  if (header === undefined || header.split(',').every((coding) => READ_TRANSFER_CODINGS.has(coding.trim().toLowerCase()))) return null;
  return new GatewayError({
    status: 415,
    message: `Transfer-Encoding ${quotedHeaderValue(header)} is not supported: the gateway takes only chunked (or no Transfer-Encoding); send a compressed body with Content-Encoding instead`,
    kind: 'invalid_request_error',
    code: 'unsupported_transfer_encoding',
  });
}

/** A Content-Type's charset parameter, lower-cased (as body-parser reads it), or null. */
const CHARSET_PARAMETER = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * body-parser's 415 for a UTF-7 body (`utf-7`, `utf-7-imap`), which it takes as it takes any `utf-*`:
 * JSON is UTF-8, 16 or 32 (RFC 8259, RFC 7159), as the 415 says, and UTF-7 may send every bracket and
 * quote base64-encoded. Null for any other charset.
 */
function utf7Refusal(request: IncomingMessage): Error | null {
  const charset = CHARSET_PARAMETER.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
  if (charset === undefined || !charset.startsWith('utf-7')) return null;
  return Object.assign(bodyError(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`), { charset });
}

/** body-parser's 413, whose `limit` errors.ts names in its message. */
function tooLarge(maxBodyBytes: number): Error {
  return Object.assign(bodyError(413, 'entity.too.large', 'request entity too large'), { limit: maxBodyBytes });
}

/** Whether the body comes as sent (no Content-Encoding, or identity), so its bytes on the wire are what the limit counts. */
function isIdentityEncoded(request: IncomingMessage): boolean {
  const coding = request.headers['content-encoding'];
  return coding === undefined || coding === '' || coding.trim().toLowerCase() === 'identity';
}

/**
 * Calls `refuse` with a 413 as soon as an identity body without a declared length (chunked) passes
 * the limit. body-parser answers its own 413 only once it has read the whole body, so a client
 * sending without end, or slowly, got a 408 at server.request_timeout instead.
 */
function refuseOnOverflow(request: IncomingMessage, maxBodyBytes: number, refuse: (error: Error) => void): void {
  let received = 0;
  const count = (chunk: Buffer): void => {
    received += chunk.length;
    if (received <= maxBodyBytes) return;
    request.off('data', count);
    refuse(tooLarge(maxBodyBytes));
  };
  request.on('data', count);
}

/** Only these carry a body the gateway reads; a body sent with a GET (a probe's, say) is ignored, as by MLflow. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * `next`, called once: with the body's outcome, or with the shutdown's 503 for a body still arriving
 * when server.shutdown_timeout ends (in-flight.ts), which otherwise had its connection cut, unanswered.
 */
function answerOnce(next: (error?: unknown) => void): (error?: unknown) => void {
  let answered = false;
  const answer = (error?: unknown): void => {
    if (answered) return;
    answered = true;
    uploaded();
    next(error);
  };
  const uploaded = whileUploading(answer);
  return answer;
}

/** The JSON body parser for the plan being served (one per distinct pair of limits). */
export function jsonBody(state: GatewayState): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  return (request, response, next) => {
    if (!METHODS_WITH_BODY.has(request.method)) return next();
    const settings = state.plan.server;
    const record = recordOf(response as ResponseWithLocals);
    if (isPlainBody(request, settings.maxBodyBytes)) {
      const overloaded = holdBody(record, Number(request.headers['content-length']), settings.maxInFlightBodyBytes);
      if (overloaded !== null) return next(overloaded);
      readPlainBody(request, record, settings, answerOnce(next));
      return;
    }
    const refusal = transferCodingRefusal(request) ?? utf7Refusal(request);
    if (refusal !== null) return next(refusal);
    const identity = isIdentityEncoded(request);
    const length = request.headers['content-length'];
    // At once, before reading: body-parser would read (and drop) all the declared bytes first. Node reads off the rest after the answer.
    if (identity && length !== undefined && Number(length) > settings.maxBodyBytes) return next(tooLarge(settings.maxBodyBytes));
    // A chunked or compressed body's size is known only once read: it counts as the most it may be.
    const overloaded = holdBody(record, identity && length !== undefined ? Number(length) : settings.maxBodyBytes, settings.maxInFlightBodyBytes);
    if (overloaded !== null) return next(overloaded);
    const key = `${settings.maxBodyBytes}/${settings.maxJsonDepth}/${settings.maxJsonKeys}`;
    let parser = parsers.get(key);
    if (parser === undefined) {
      parser = createParser(settings);
      parsers.set(key, parser);
    }
    const answer = answerOnce(next);
    let parsed = false;
    parser(request, response, (error?: unknown) => {
      parsed = true;
      if (withEmptyBodies.has(request)) request.body = undefined;
      if (error !== undefined) return answer(error);
      const size = bodySizes.get(request);
      // Held after parsing: body-parser parses right after `verify`, whose errors it wraps as its own.
      const overloaded = size === undefined ? null : holdParsedSize(record, size.bytes, size.parsedBytes, settings.maxInFlightBodyBytes);
      if (overloaded !== null) return answer(overloaded);
      if (!withLongNumbers.has(request)) return answer();
      try {
        checkNumbersFinite(request.body);
      } catch (refusal) {
        return answer(refusal);
      }
      answer();
    });
    if (identity && length === undefined && !parsed) refuseOnOverflow(request, settings.maxBodyBytes, answer);
  };
}
