/**
 * Reading a vendor's `Retry-After`: the gateway waits for it before its own retry (server/retry.ts)
 * and passes it on to the client on a 429 (`GatewayError.upstream`).
 */

/** `Retry-After`'s delay-seconds (fractions allowed, as some vendors send them), blanks around it allowed. */
export const DELAY_SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * A vendor's `Retry-After` as a header every client can read: delay-seconds rounded up to whole
 * seconds (a fractional `0.5` is valid for OpenAI's clients, but urllib3, under MLflow's Python
 * client, raises on it), an HTTP date as sent, anything else dropped.
 */
export function retryAfterHeader(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return String(Math.ceil(Number(trimmed)));
  // Date.parse is lenient (it skips a parenthesised comment), so a date must also be a valid header value.
  return VISIBLE_ASCII.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : null;
}

const VISIBLE_ASCII = /^[\x20-\x7e]+$/;
