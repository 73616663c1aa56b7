/**
 * Reading a vendor's `Retry-After` (or its `retry-after-ms`): the gateway waits for it before its own
 * retry (server/retry.ts) and passes it on to the client on a 429 (`GatewayError.upstream`).
 */

/** `Retry-After`'s delay-seconds (fractions allowed, as some vendors send them), blanks around it allowed. */
const DELAY_SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/** `Retry-After`, or else Azure's and OpenAI's `retry-after-ms` in seconds (the unit of `Retry-After`); null when neither came. */
export function retryAfterOf(retryAfter: string | null, milliseconds: string | null): string | null {
  if (retryAfter !== null) return retryAfter;
  if (milliseconds === null || !DELAY_SECONDS.test(milliseconds)) return null;
  return String(Number(milliseconds) / 1000);
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (DELAY_SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const date = httpDateMs(value);
  return date === null ? null : Math.max(0, date - now);
}

/**
 * An HTTP date (RFC 9110's three forms, blanks around it allowed) as milliseconds since the epoch;
 * null for anything else. The asctime form names no zone, which Date.parse would read as the
 * machine's local time: HTTP dates are all GMT.
 */
export function httpDateMs(value: string): number | null {
  const trimmed = value.trim();
  const match = HTTP_DATE.exec(trimmed);
  if (match === null) return null;
  const date = Date.parse(match[1] === undefined ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(date) ? null : date;
}

/**
 * A vendor's `Retry-After` as a header every client can read: delay-seconds rounded up to whole
 * seconds (a fractional `0.5` is valid for OpenAI's clients, but urllib3, under MLflow's Python
 * client, raises on it), an HTTP date as sent, anything else dropped.
 */
export function retryAfterHeader(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return String(Math.ceil(Number(trimmed)));
  // Only HTTP's own date formats: Date.parse is lenient (it skips a parenthesised comment, and words
  // before a year), so '… GMT (sk-…)' or 'sk-… 2015' read as dates and passed on what they quote.
  return httpDateMs(trimmed) === null ? null : trimmed;
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** RFC 9110's HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime (captured: it names no zone) forms, which it still asks recipients to read. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|(${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}))$`,
);
