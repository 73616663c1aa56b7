/**
 * Request bodies: parsed as JSON whatever the Content-Type says (MLflow does the same, and
 * `curl -d` sends form-encoded), up to the configured size (413 beyond), nesting depth and keys per
 * object (checked on the raw bytes before parsing). Unsupported charsets, content encodings and
 * transfer codings are a 415. The limits come from the plan, so a reload changes them.
 */
import express, { type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { ServerPlan } from '../config/server-settings';
import { GatewayError } from '../errors';
import type { GatewayState } from './state';

const OPEN_BRACE = 0x7b; // {
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKETS = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** Not a count of keys: the open container is an array. */
const ARRAY = -1;

/** The limits a body's raw JSON is checked against before it is parsed (the plan's `server:` settings). */
interface JsonLimits {
  maxJsonDepth: number;
  maxJsonKeys: number;
}

/**
 * What the raw JSON passes of `limits`, read outside strings (escapes included) before any parsing,
 * so that no recursion sees a deeper body and no object of a million keys is built: 'depth', 'keys',
 * or null when neither. An object's keys are its commas plus one (from its first key on).
 */
export function jsonLimitPassed(bytes: Uint8Array, limits: JsonLimits): 'depth' | 'keys' | null {
  // Per open container, outermost first: ARRAY, or the keys of an object so far.
  const keys: number[] = [];
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
      if (keys[depth - 1] === 0) keys[depth - 1] = 1;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > limits.maxJsonDepth) return 'depth';
      keys[depth - 1] = byte === OPEN_BRACE ? 0 : ARRAY;
    } else if (CLOSE_BRACKETS.has(byte)) {
      depth -= 1;
    } else if (byte === COMMA && depth > 0 && keys[depth - 1] !== ARRAY) {
      keys[depth - 1] += 1;
      if (keys[depth - 1] > limits.maxJsonKeys) return 'keys';
    }
  }
  return null;
}

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

/** Throws a JsonLimitError when the raw JSON passes one of the plan's limits. */
function checkJsonLimits(bytes: Uint8Array, limits: JsonLimits): void {
  const passed = jsonLimitPassed(bytes, limits);
  if (passed !== null) throw new JsonLimitError(passed, limits);
}

function createParser(settings: ServerPlan): RequestHandler {
  return express.json({
    type: () => true,
    strict: false,
    limit: settings.maxBodyBytes,
    verify: (_request, _response, buffer) => checkJsonLimits(buffer, settings),
  });
}

/** body-parser's error shape (`type`, `status`), which errors.ts turns into a JSON answer. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

/**
 * A body's JSON, as body-parser reads it with `strict: false`: any JSON value. A string, number or
 * null is valid JSON, and the route's check refuses it for not being an object (strict parsing
 * called it invalid JSON, quoting JSON.parse's message for text it never parsed).
 */
function parseJsonBody(text: string): unknown {
  if (text.length === 0) return {}; // as body-parser: an empty body is a common client mistake
  try {
    return JSON.parse(text);
  } catch (error) {
    throw bodyError(400, 'entity.parse.failed', (error as Error).message);
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

/** Reads a plain body (node's parser stops at the declared length) and parses it as body-parser would. */
function readPlainBody(request: IncomingMessage & { body?: unknown }, settings: ServerPlan, next: (error?: unknown) => void): void {
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
    try {
      checkJsonLimits(bytes, settings);
      const text = bytes.toString('utf8'); // invalid bytes become U+FFFD, as with body-parser
      request.body = parseJsonBody(text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text);
    } catch (error) {
      next(error);
      return;
    }
    next();
  });
}

const BYTE_ORDER_MARK = 0xfeff;

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
    message: `Transfer-Encoding '${header}' is not supported: the gateway takes only chunked (or no Transfer-Encoding); send a compressed body with Content-Encoding instead`,
    kind: 'invalid_request_error',
    code: 'unsupported_transfer_encoding',
  });
}

/** Only these carry a body the gateway reads; a body sent with a GET (a probe's, say) is ignored, as by MLflow. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The JSON body parser for the plan being served (one per distinct pair of limits). */
export function jsonBody(state: GatewayState): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  return (request, response, next) => {
    if (!METHODS_WITH_BODY.has(request.method)) return next();
    const settings = state.plan.server;
    if (isPlainBody(request, settings.maxBodyBytes)) {
      readPlainBody(request, settings, next);
      return;
    }
    const refusal = transferCodingRefusal(request);
    if (refusal !== null) return next(refusal);
    const key = `${settings.maxBodyBytes}/${settings.maxJsonDepth}/${settings.maxJsonKeys}`;
    let parser = parsers.get(key);
    if (parser === undefined) {
      parser = createParser(settings);
      parsers.set(key, parser);
    }
    parser(request, response, next);
  };
}
