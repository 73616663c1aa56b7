/**
 * Request bodies: parsed as JSON whatever the Content-Type says (MLflow does the same, and
 * `curl -d` sends form-encoded), up to the configured size (413 beyond) and nesting depth (checked
 * on the raw bytes before parsing, so no recursion ever sees a deeper body). Unsupported charsets
 * and content encodings are a 415. Both limits come from the plan, so a reload changes them.
 */
import express, { type RequestHandler } from 'express';
import type { ServerPlan } from '../config/server-settings';
import type { GatewayState } from './state';

const OPEN_BRACKETS = new Set([0x5b, 0x7b]); // [ {
const CLOSE_BRACKETS = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in JSON text, ignoring brackets inside strings. */
export function jsonDepth(bytes: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN_BRACKETS.has(byte)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (CLOSE_BRACKETS.has(byte)) {
      depth -= 1;
    }
  }
  return deepest;
}

/** body-parser passes a `verify` error on with its `status` and `type`; errors.ts turns it into a JSON answer. */
class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

function createParser(settings: ServerPlan): RequestHandler {
  return express.json({
    type: () => true,
    limit: settings.maxBodyBytes,
    verify: (_request, _response, buffer) => {
      if (jsonDepth(buffer, settings.maxJsonDepth) > settings.maxJsonDepth) {
        throw new TooDeepError(`the request body nests arrays and objects deeper than ${settings.maxJsonDepth} levels`);
      }
    },
  });
}

/** The JSON body parser for the plan being served (one per distinct pair of limits). */
export function jsonBody(state: GatewayState): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  return (request, response, next) => {
    const settings = state.plan.server;
    const key = `${settings.maxBodyBytes}/${settings.maxJsonDepth}`;
    let parser = parsers.get(key);
    if (parser === undefined) {
      parser = createParser(settings);
      parsers.set(key, parser);
    }
    parser(request, response, next);
  };
}
