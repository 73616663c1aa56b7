/** HTTP's methods (RFC 9110 and PATCH), the only ones OpenTelemetry's `http.request.method` takes. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * A method as a label: `_OTHER` for any other (OpenTelemetry's rule), so that the thirty-odd WebDAV
 * and other methods node's parser takes (PROPFIND, MKCOL, PURGE…) make no series of their own.
 */
export function methodLabel(method: string | null): string {
  return method !== null && KNOWN_METHODS.has(method) ? method : '_OTHER';
}
