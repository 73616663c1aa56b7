/**
 * The caller's W3C trace context (https://www.w3.org/TR/trace-context/): its `traceparent` puts
 * `trace_id` and `parent_span_id` on the request's audit line and, with
 * `server.forward_trace_context`, goes with its `tracestate` to the provider's HTTP calls.
 *
 * The gateway makes no spans of its own, so it does not take part in the trace as the spec's
 * "vendor" does: it passes the headers on unchanged, as a proxy would, and the model server's span
 * becomes a child of the caller's. A header that is not valid is ignored: not logged, not sent (a
 * `tracestate` that is not valid alone: its `traceparent` still goes). A `tracestate` over 512
 * characters is cut by whole members, the one change the spec allows a proxy.
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
  /** The `tracestate` header as received, null when absent; read only when it is passed on (see `tracestateOf`). */
  tracestate: string | null;
}

/**
 * version-trace-id-parent-id-flags, lowercase hex. A later version than `00` may add fields after
 * the flags, each after a dash (the spec's rule for versions it does not know yet); `00` has none.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-[\x20-\x7e]*)?$/;
const ALL_ZEROS = /^0+$/;
/** The `tracestate` length a vendor should pass on at least; a longer one is cut by whole members to fit. */
const MAX_TRACESTATE_CHARS = 512;
/** The spec's limit on the members of one `tracestate`. */
const MAX_TRACESTATE_MEMBERS = 32;
/** Members longer than this go first when a `tracestate` is cut, as the spec advises. */
const LONG_MEMBER_CHARS = 128;
/**
 * A list-member with the optional whitespace (space, tab) around it: key = simple-key or
 * multi-tenant-key (tenant-id@system-id), value = up to 256 printable ASCII characters but `,` and
 * `=`, not ending with a space (W3C Trace Context Level 1, 3.3.1.3).
 */
const LIST_MEMBER =
  /^[ \t]*((?:[a-z][a-z0-9_*/-]{0,255}|[a-z0-9][a-z0-9_*/-]{0,240}@[a-z][a-z0-9_*/-]{0,13})=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e])[ \t]*$/;
const OPTIONAL_WHITESPACE = /^[ \t]*$/;

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

/**
 * The `tracestate` list-members (`key=value`, without the whitespace around them) when the header
 * is a list as the spec writes it: members separated by commas, empty ones allowed (what joining
 * several headers leaves), at most 32, each key once. Null when it is not.
 */
export function parseTracestate(header: string): string[] | null {
  const members: string[] = [];
  const keys = new Set<string>();
  for (const part of header.split(',')) {
    if (OPTIONAL_WHITESPACE.test(part)) continue;
    const member = LIST_MEMBER.exec(part)?.[1];
    if (member === undefined) return null;
    const key = member.slice(0, member.indexOf('='));
    if (keys.has(key)) return null;
    keys.add(key);
    members.push(member);
  }
  return members.length > MAX_TRACESTATE_MEMBERS ? null : members;
}

/**
 * Whole members dropped until the list fits in 512 characters (commas included), as the spec says:
 * members over 128 characters first, then from the end. Never a member cut in the middle.
 */
export function truncateTracestate(members: readonly string[]): string[] {
  const kept = [...members];
  let length = kept.join(',').length;
  const drop = (index: number) => {
    length -= kept[index].length + (kept.length > 1 ? 1 : 0);
    kept.splice(index, 1);
  };
  for (let index = kept.length - 1; index >= 0 && length > MAX_TRACESTATE_CHARS; index -= 1) {
    if (kept[index].length > LONG_MEMBER_CHARS) drop(index);
  }
  while (length > MAX_TRACESTATE_CHARS) drop(kept.length - 1);
  return kept;
}

/**
 * The `tracestate` passed on: the header unchanged when it is a valid list of at most 512
 * characters; a longer one cut by whole members (`truncateTracestate`); none when it is absent, not
 * a valid list (the `traceparent` still goes) or has no member.
 */
export function tracestateOf(header: string | string[] | undefined): string | null {
  // Node joins repeated tracestate headers with ", ": one list, as the spec combines them.
  if (typeof header !== 'string') return null;
  const members = parseTracestate(header);
  if (members === null || members.length === 0) return null;
  if (header.length <= MAX_TRACESTATE_CHARS) return header;
  const kept = truncateTracestate(members);
  return kept.length === 0 ? null : kept.join(',');
}

/** The request's trace context from its headers; null without a valid `traceparent` (its `tracestate` is then ignored too). */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext | null {
  const parent = parseTraceparent(headers.traceparent);
  const tracestate = headers.tracestate;
  return parent === null ? null : { ...parent, tracestate: typeof tracestate === 'string' ? tracestate : null };
}

/** The headers that pass the trace context on to a provider: the `traceparent`, and the `tracestate` when there is one to pass on. */
export function traceHeadersOf(trace: TraceContext): Readonly<Record<string, string>> {
  const tracestate = tracestateOf(trace.tracestate ?? undefined);
  return tracestate === null ? { traceparent: trace.traceparent } : { traceparent: trace.traceparent, tracestate };
}
