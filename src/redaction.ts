/**
 * Taking secrets (provider keys, client keys, URL passwords) out of what the gateway writes: error
 * messages, log lines, error bodies. A secret is found by its value (callers collect the values of at
 * least MIN_SECRET_CHARS characters) or, in a URL, by where it is written.
 */

/** The shortest start of a secret worth hiding: shorter ones are public prefixes (`sk-`) or chance matches. */
const MIN_CUT_OFF_CHARS = 4;

/**
 * `text` without the start of `secret` that an excerpt of an upstream's answer cut off at its end
 * (`… key sk-proj-AbC…`): the whole secret is no longer there to be found, but its start is.
 */
function withoutCutOffSecret(text: string, secret: string): string {
  const ellipsis = text.endsWith('…') ? '…' : '';
  const body = text.slice(0, text.length - ellipsis.length);
  for (let length = Math.min(secret.length - 1, body.length); length >= MIN_CUT_OFF_CHARS; length -= 1) {
    if (body.endsWith(secret.slice(0, length))) return `${body.slice(0, -length)}[redacted]${ellipsis}`;
  }
  return text;
}

/**
 * What a vendor writes for the hidden middle of a key it quotes masked (OpenAI's 'Incorrect API key
 * provided: sk-abc1***…***xyz9', and `sk-abc...xyz`, `sk-abc…xyz`, `••••xyz9`).
 */
const MASK = /\*{3,}|•{3,}|\.{3,}|…/g;

/** A character of a key as vendors write them (letters, digits, `-`, `_`): a masked quote's shown parts are runs of these. */
const isKeyChar = (char: string | undefined): boolean => char !== undefined && /[\w-]/.test(char);

/**
 * Whether `before` and `after` (the runs of key characters either side of a mask) are a start and an
 * end of `secret` that show at least MIN_CUT_OFF_CHARS of it between them.
 */
function showsPartOf(secret: string, before: string, after: string): boolean {
  const start = before.length < secret.length && secret.startsWith(before) ? before.length : 0;
  const end = after.length < secret.length && secret.endsWith(after) ? after.length : 0;
  return start + end >= MIN_CUT_OFF_CHARS;
}

/**
 * `text` with every masked quote of one of `secrets` (its start or end, or both, around a mask)
 * replaced whole: a vendor that refuses a key often quotes it so, and its first and last characters
 * still tell which key it is. Each stretch of the text is read at most twice (linear time).
 */
function withoutMaskedSecrets(text: string, secrets: readonly string[]): string {
  // A header value ('Bearer sk-…') is in the list with its token: its scheme alone is no part of a key.
  const keys = secrets.filter((secret) => !/\s/.test(secret));
  let shown = '';
  let copied = 0;
  for (const match of text.matchAll(MASK)) {
    let start = match.index;
    while (start > copied && isKeyChar(text[start - 1])) start -= 1;
    let end = match.index + match[0].length;
    const afterStart = end;
    while (isKeyChar(text[end])) end += 1;
    const [before, after] = [text.slice(start, match.index), text.slice(afterStart, end)];
    if (!keys.some((secret) => showsPartOf(secret, before, after))) continue;
    shown += `${text.slice(copied, start)}[redacted]`;
    copied = end;
  }
  return copied === 0 ? text : shown + text.slice(copied);
}

/**
 * A URL's userinfo (`scheme://user:password@` or `scheme://token@`): up to the authority's last `@`,
 * as URL parsers take it, since a password may hold an unencoded `@`. A scheme is read to at most 64
 * characters: unbounded, each word of a text (`a.a.a.…`, a client's URL field) was read to the
 * text's end, in time quadratic in its length.
 */
const URL_USERINFO = /\b([a-z][a-z\d+.-]{0,63}:\/\/)([^\s/?#]+)@/gi;

/**
 * `text` with every URL's password (or its user when it has no password: a token) replaced, whatever
 * its length: `secrets` holds only values long enough not to be common words, so a short password is
 * found by where it is written, not by itself. A user name beside a password is kept: it is not secret.
 */
export function withoutUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    const user = colon > 0 && colon < userinfo.length - 1 ? userinfo.slice(0, colon + 1) : '';
    return `${scheme}${user}[redacted]@`;
  });
}

/**
 * The shortest value looked for in messages as a secret: a shorter one ("abc") would take pieces out
 * of any text, and no provider credential is that short.
 */
export const MIN_SECRET_CHARS = 8;

/**
 * `text` with every one of `secrets` replaced by `[redacted]` (longest first, so a key inside another
 * is not left half shown), a secret cut off at the end of the text (an excerpt) or quoted masked
 * (`sk-abc***xyz`) as well, and the userinfo of any URL in it (`withoutUrlCredentials`).
 */
export function redacted(text: string, secrets: readonly string[]): string {
  const whole = secrets.reduce((result, secret) => withoutCutOffSecret(result.split(secret).join('[redacted]'), secret), withoutUrlCredentials(text));
  return secrets.length === 0 ? whole : withoutMaskedSecrets(whole, secrets);
}

/**
 * An unexpected error (a plugin's, its vendor SDK's) as the log may show it: a copy whose message
 * and stack, its other text fields (`code`, `address`, which the log shows too) and those of its
 * causes, are `redacted` of `secrets` (and of URLs' userinfo). A vendor often quotes the key it
 * refused ("Incorrect API key provided: sk-…"). The copy keeps the error's prototype, so the log
 * still names its class.
 */
export function errorWithoutSecrets(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof error === 'string') return redacted(error, secrets);
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return error;
  const original = error as Error & { errors?: unknown };
  const copy = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as Error & { errors?: unknown }, original);
  const hidden = (value: unknown) => ({ value: typeof value === 'string' ? redacted(value, secrets) : value, writable: true, configurable: true });
  // Causes nest (and may loop back): a few levels are enough for a log line.
  const inner = (value: unknown) => (depth < MAX_CAUSE_DEPTH ? errorWithoutSecrets(value, secrets, depth + 1) : undefined);
  for (const [field, value] of Object.entries(copy)) if (typeof value === 'string') Object.defineProperty(copy, field, hidden(value));
  Object.defineProperties(copy, { message: hidden(original.message), stack: hidden(original.stack) });
  if (original.cause !== undefined) Object.defineProperty(copy, 'cause', hidden(inner(original.cause)));
  if (Array.isArray(original.errors)) copy.errors = original.errors.map(inner);
  return copy;
}

const MAX_CAUSE_DEPTH = 5;

/** A code or param field, or null when it echoes one of `secrets` (improbable, but never shown: these reach `/v1` bodies, the log and metrics labels). */
export function fieldWithoutSecrets(value: string | null, secrets: readonly string[]): string | null {
  return value !== null && redacted(value, secrets) !== value ? null : value;
}

/** A `detail` body (a plugin's GatewayError may carry any) that quotes one of `secrets` is dropped: the message then stands for it. */
export function detailWithoutSecrets(detail: unknown, secrets: readonly string[]): unknown {
  if (detail === undefined) return undefined;
  let text: string;
  try {
    text = JSON.stringify(detail) ?? '';
  } catch {
    return undefined;
  }
  return redacted(text, secrets) === text ? detail : undefined;
}
