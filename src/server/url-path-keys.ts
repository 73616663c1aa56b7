/**
 * Keys written in a URL's path. Many hosted MCP servers take no header: their URL is the key, and
 * anyone who reads it can run the server's tools on its owner's accounts.
 * - Zapier: `https://mcp.zapier.com/api/mcp/s/<base64 key>/mcp`, formerly
 *   `https://actions.zapier.com/mcp/sk-ak-<key>/sse`.
 * - Make: `https://<zone>.make.com/mcp/api/v1/u/<token, a UUID>/sse` (or `/stream`, `/stateless`).
 * - n8n's MCP Server Trigger: `https://<host>/mcp/<UUID>/sse`.
 * - Composio: `https://mcp.composio.dev/<app>/<UUID>`, `https://backend.composio.dev/v3/mcp/<UUID>/mcp`.
 * No list of hosts is complete (self-hosted servers and proxies take the same shapes), so a segment
 * is judged by its look: a UUID, or a long run of letters mixed with digits (keys, base64, hex
 * digests, a JWT's parts). Words (`api`, `mcp`, `sse`, `v1`, `u`, an app's name, a dated model
 * name) are kept, so the log still says which server was called. Each segment is read once: linear
 * in the URL's length, which a client chooses.
 */
import { percentDecoded } from '../providers/transport/credentials';
import { MIN_SECRET_CHARS } from '../redaction';

/** A UUID (Make's MCP token, n8n's and Composio's server ids): none of its groups is a long run. */
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** Runs of letters and digits, between the separators keys and words have alike (`-`, `_`, `.`, `~`, `=`, `%XX`). */
const ALPHANUMERIC_RUN = /[a-z\d]+/gi;

/** A run this long holding letters and digits is a key: a path's words and dates are shorter, or one or the other. */
const MIN_MIXED_KEY_CHARS = 16;

/** A run this long is a key whatever it holds: no word is (`modelcontextprotocol` has 20 letters). */
const MIN_ANY_KEY_CHARS = 32;

const isMixedRun = (run: string): boolean => /\d/.test(run) && /[a-z]/i.test(run);

/** Whether one segment of a URL's path looks like a key rather than a word. */
export function isKeySegment(segment: string): boolean {
  if (segment.length < MIN_MIXED_KEY_CHARS) return false;
  if (UUID.test(segment)) return true;
  for (const [run] of segment.matchAll(ALPHANUMERIC_RUN)) {
    if (run.length >= MIN_ANY_KEY_CHARS || (run.length >= MIN_MIXED_KEY_CHARS && isMixedRun(run))) return true;
  }
  return false;
}

/**
 * Where the path of the URL written in `text` starts and ends: after `scheme://host`, before its
 * query or fragment. A text without a scheme (`mcp.zapier.com/api/…`) is read as a path from its start.
 */
function pathBounds(text: string): { start: number; end: number } {
  const queryOrFragment = text.search(/[?#]/);
  const end = queryOrFragment === -1 ? text.length : queryOrFragment;
  const schemeEnd = text.indexOf('://');
  if (schemeEnd === -1 || schemeEnd > end) return { start: 0, end };
  const slash = text.indexOf('/', schemeEnd + 3);
  return { start: slash === -1 || slash > end ? end : slash, end };
}

/** The key-like segments of the path of the URL in `text`, as written and percent-decoded: what an error quoting it may show. */
export function pathKeysOf(text: string): string[] {
  const { start, end } = pathBounds(text);
  const keys = text.slice(start, end).split('/').filter(isKeySegment);
  return [...new Set(keys.flatMap((key) => [key, percentDecoded(key)]))].filter((key) => key.length >= MIN_SECRET_CHARS);
}

/** `text` with each key-like segment of its URL's path as `[redacted]`; the same string when it has none. */
export function withoutPathKeys(text: string): string {
  const { start, end } = pathBounds(text);
  const segments = text.slice(start, end).split('/');
  if (!segments.some(isKeySegment)) return text;
  const path = segments.map((segment) => (isKeySegment(segment) ? '[redacted]' : segment)).join('/');
  return text.slice(0, start) + path + text.slice(end);
}
