/**
 * The caller's W3C trace context (https://www.w3.org/TR/trace-context/): its `traceparent` puts
 * `trace_id` and `parent_span_id` on the request's audit line and, with
 * `server.forward_trace_context`, goes with its `tracestate` to the provider's HTTP calls.
 *
 * The gateway makes no spans of its own, so it does not take part in the trace as the spec's
 * "vendor" does: it passes the headers on unchanged, as a proxy would, and the model server's span
 * becomes a child of the caller's. A header that is not valid is ignored: not logged, not sent.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** A valid `traceparent`, and the `tracestate` that may go with it. */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** The caller's span: 16 lowercase hex digits, not all zero. */
  parentId: string;
  /** The header as received (a later version's extra fields included). */
  traceparent: string;
  /** Null when absent or not passed on (see `tracestateOf`). */
  tracestate: string | null;
}

/**
 * version-trace-id-parent-id-flags, lowercase hex. A later version than `00` may add fields after
 * the flags, each after a dash (the spec's rule for versions it does not know yet); `00` has none.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-[\x20-\x7e]*)?$/;
const ALL_ZEROS = /^0+$/;
/** The spec's limit on the `tracestate` a vendor must pass on; a longer one is not passed on. */
const MAX_TRACESTATE_CHARS = 512;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** The `traceparent` header read as the spec says, or null when it is absent or not valid. */
export function parseTraceparent(header: string | string[] | undefined): Omit<TraceContext, 'tracestate'> | null {
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

/** The `tracestate` passed on: printable ASCII of at most 512 characters, else none. */
export function tracestateOf(header: string | string[] | undefined): string | null {
  // Node joins repeated tracestate headers with ", ": one list, as the spec combines them.
  if (typeof header !== 'string' || header.length > MAX_TRACESTATE_CHARS || !PRINTABLE_ASCII.test(header)) return null;
  return header;
}

/** The request's trace context from its headers; null without a valid `traceparent` (its `tracestate` is then ignored too). */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext | null {
  const parent = parseTraceparent(headers.traceparent);
  return parent === null ? null : { ...parent, tracestate: tracestateOf(headers.tracestate) };
}

/** The headers that pass the trace context on to a provider. */
export function traceHeadersOf(trace: TraceContext): Readonly<Record<string, string>> {
  return trace.tracestate === null ? { traceparent: trace.traceparent } : { traceparent: trace.traceparent, tracestate: trace.tracestate };
}
