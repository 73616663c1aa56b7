/**
 * The caller's W3C trace context (https://www.w3.org/TR/trace-context/): its `traceparent` puts
 * `trace_id` and `parent_span_id` on the request's audit line. A header that is not valid is
 * ignored: not logged.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** A valid `traceparent`. */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** The caller's span: 16 lowercase hex digits, not all zero. */
  parentId: string;
  /** The header as received (a later version's extra fields included). */
  traceparent: string;
}

/**
 * version-trace-id-parent-id-flags, lowercase hex. A later version than `00` may add fields after
 * the flags, each after a dash (the spec's rule for versions it does not know yet); `00` has none.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-[\x20-\x7e]*)?$/;
const ALL_ZEROS = /^0+$/;

/** The `traceparent` header read as the spec says, or null when it is absent or not valid. */
export function parseTraceparent(header: string | string[] | undefined): TraceContext | null {
  // Node joins a repeated traceparent with ", ", which is not valid: ignored, as the spec asks.
  if (typeof header !== 'string') return null;
  const match = TRACEPARENT.exec(header);
  if (match === null) return null;
  const [, version, traceId, parentId, laterFields] = match;
  // Version ff is invalid; version 00 is exactly four fields.
  if (version === 'ff' || (version === '00' && laterFields !== undefined)) return null;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return null;
  return { traceId, parentId, traceparent: header };
}

/** The request's trace context from its headers; null without a valid `traceparent`. */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext | null {
  return parseTraceparent(headers.traceparent);
}
