/**
 * Credentials a client puts in a request body for the gateway to pass on to a vendor. The vendor
 * gets them; the audit log (`logging.bodies`) never shows them, nor do the gateway's errors (those
 * of 8 characters or more, the length found in a message). The fields:
 * - `mcp_servers[].authorization_token`: Anthropic's MCP connector (a chat request's unknown keys,
 *   and so a `/v1/responses` request's, go to Anthropic as sent).
 * - `connectors[].user_access_token`: Cohere's v1 chat connectors (passed on the same way).
 * - `tools[].authorization` and the values of `tools[].headers`: OpenAI's Responses `mcp` tool. The
 *   gateway refuses that tool with a 400, but a refused request's body is logged too.
 */
import { isRecord } from '../providers/shared/json';

const REDACTED = '[redacted]';

/** The body's lists whose items may hold a credential, with the keys that do. */
const SECRET_FIELDS_BY_LIST: readonly { list: string; keys: readonly string[] }[] = [
  { list: 'mcp_servers', keys: ['authorization_token'] },
  { list: 'connectors', keys: ['user_access_token'] },
  { list: 'tools', keys: ['authorization', 'headers'] },
];

/** How a body's JSON text spells the keys of those fields. */
const SECRET_KEYS_IN_TEXT = [...new Set(SECRET_FIELDS_BY_LIST.flatMap(({ keys }) => keys))].map((key) => `"${key}"`);

/** Shorter values are not looked for in error messages: "abc" would take pieces out of any text. */
const MIN_SECRET_CHARS = 8;

const holdsValue = (item: Record<string, unknown>, key: string): boolean => Object.hasOwn(item, key) && item[key] !== null && item[key] !== undefined;

const holdsSecret = (item: unknown, keys: readonly string[]): item is Record<string, unknown> => isRecord(item) && keys.some((key) => holdsValue(item, key));

/** `body[list]` when one of its items holds one of `keys`, else null (the usual body: one property read per list). */
function listWithSecrets(body: Record<string, unknown>, list: string, keys: readonly string[]): unknown[] | null {
  const items = body[list];
  return Array.isArray(items) && items.some((item) => holdsSecret(item, keys)) ? items : null;
}

/** An object (`headers`) keeps its keys, which say what was sent, each value replaced whole; any other value is replaced. */
function redactedValue(value: unknown): unknown {
  return isRecord(value) ? Object.fromEntries(Object.keys(value).map((name) => [name, REDACTED])) : REDACTED;
}

function redactedItem(item: unknown, keys: readonly string[]): unknown {
  if (!holdsSecret(item, keys)) return item;
  const copy = { ...item };
  for (const key of keys) if (holdsValue(item, key)) copy[key] = redactedValue(item[key]);
  return copy;
}

/**
 * `body` as the audit log shows it: the body itself when it holds none of the credential fields
 * (nothing copied), else a copy with their values as `[redacted]`; only the lists concerned are copied.
 */
export function withoutBodySecrets(body: unknown): unknown {
  if (!isRecord(body)) return body;
  let copy: Record<string, unknown> | null = null;
  for (const { list, keys } of SECRET_FIELDS_BY_LIST) {
    const items = listWithSecrets(body, list, keys);
    if (items === null) continue;
    copy ??= { ...body };
    copy[list] = items.map((item) => redactedItem(item, keys));
  }
  return copy ?? body;
}

/** The credential values in `body` long enough to look for in a message (a vendor's error may echo one). */
export function bodySecretsOf(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const holders = SECRET_FIELDS_BY_LIST.flatMap(({ list, keys }) => (listWithSecrets(body, list, keys) ?? []).filter((item) => holdsSecret(item, keys)).map((item) => ({ item, keys })));
  const values = holders.flatMap(({ item, keys }) => keys.flatMap((key) => (isRecord(item[key]) ? Object.values(item[key]) : [item[key]])));
  return values.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_CHARS);
}

/** Whether a body's JSON text (one that does not parse: nothing to walk) names one of the credential fields. */
export function namesSecretField(text: string): boolean {
  return SECRET_KEYS_IN_TEXT.some((key) => text.includes(key));
}

/**
 * A call's `sentCredentials` (retry.ts removes them from its failures' messages): the provider's
 * own, and those of the body it was given, which a vendor's error (or an MCP server's, quoted) may echo.
 */
export function withBodySecrets(sentCredentials: (() => readonly string[]) | undefined, body: unknown): (() => readonly string[]) | undefined {
  const secrets = bodySecretsOf(body);
  if (secrets.length === 0) return sentCredentials;
  return () => [...(sentCredentials?.() ?? []), ...secrets];
}
