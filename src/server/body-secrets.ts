/**
 * Credentials a client puts in a request body for the gateway to pass on to a vendor. The vendor
 * gets them; the audit log (`logging.bodies`) never shows them, nor do the gateway's errors (those
 * of 8 characters or more, the length found in a message). The fields:
 * - `mcp_servers[].authorization_token`: Anthropic's MCP connector (a chat request's unknown keys,
 *   and so a `/v1/responses` request's, go to Anthropic as sent).
 * - `connectors[].user_access_token`: Cohere's v1 chat connectors (passed on the same way).
 * - `tools[].authorization` and the values of `tools[].headers`: OpenAI's Responses `mcp` tool. The
 *   gateway refuses that tool with a 400, but a refused request's body is logged too.
 * - URLs, which may hold a password (`https://user:pass@host`), a token in their query, or a key in
 *   their path (`https://mcp.zapier.com/api/mcp/s/<key>/mcp`: url-path-keys.ts): the MCP servers'
 *   `mcp_servers[].url` and the `mcp` tool's `tools[].server_url` are logged with those parts as
 *   `[redacted]` (scheme, host and the path's other segments as sent).
 * - The URLs and base64 data of content parts (images, files, sound): part-secrets.ts.
 */
import { isRecord } from '../providers/shared/json';
import { urlCredentialValues, withoutUrlSecrets } from '../providers/transport/credentials';
import { MIN_SECRET_CHARS } from '../redaction';
import { partSecretsOf, withoutPartSecrets } from './part-secrets';
import { pathKeysOf, withoutPathKeys } from './url-path-keys';

const REDACTED = '[redacted]';

/** How a field's value is hidden from the log and which of its parts are looked for in messages. */
interface SecretKind {
  /** Whether the value holds anything to hide. */
  holds: (value: unknown) => boolean;
  /** The value as logged. */
  hidden: (value: unknown) => unknown;
  /** The secrets in it that a vendor's error may echo. */
  secrets: (value: unknown) => unknown[];
}

/** A credential: an object (`headers`) keeps its keys, which say what was sent, each value replaced whole; any other value is replaced. */
const CREDENTIAL: SecretKind = {
  holds: (value) => value !== null && value !== undefined,
  hidden: (value) => (isRecord(value) ? Object.fromEntries(Object.keys(value).map((name) => [name, REDACTED])) : REDACTED),
  secrets: (value) => (isRecord(value) ? Object.values(value) : [value]),
};

/** A URL as logged: its password, query values, fragment and the keys in its path hidden. */
const loggedUrl = (url: string): string => withoutPathKeys(withoutUrlSecrets(url));

/** A URL: its password, query values and path keys hidden, the rest kept (a URL without them is logged as sent). */
const URL_WITH_SECRETS: SecretKind = {
  holds: (value) => typeof value === 'string' && loggedUrl(value) !== value,
  hidden: (value) => loggedUrl(value as string),
  secrets: (value) => [...urlCredentialValues(value as string), ...pathKeysOf(value as string)],
};

/** The body's lists whose items may hold a secret, with the keys that do and what they hold. */
const SECRET_FIELDS_BY_LIST: readonly { list: string; keys: readonly { key: string; kind: SecretKind }[] }[] = [
  { list: 'mcp_servers', keys: [{ key: 'authorization_token', kind: CREDENTIAL }, { key: 'url', kind: URL_WITH_SECRETS }] },
  { list: 'connectors', keys: [{ key: 'user_access_token', kind: CREDENTIAL }] },
  { list: 'tools', keys: [{ key: 'authorization', kind: CREDENTIAL }, { key: 'headers', kind: CREDENTIAL }, { key: 'server_url', kind: URL_WITH_SECRETS }] },
];

type SecretKeys = (typeof SECRET_FIELDS_BY_LIST)[number]['keys'];

/** How a body's JSON text names those fields: by their keys, but a `url` (image parts have one too) by its list. */
const SECRET_NAMES_IN_TEXT = [...new Set(SECRET_FIELDS_BY_LIST.flatMap(({ list, keys }) => keys.map(({ key }) => (key === 'url' ? list : key))))].map((name) => `"${name}"`);


/** Whether `item[key]` holds something to hide. */
const holdsSecretAt = (item: Record<string, unknown>, { key, kind }: SecretKeys[number]): boolean => Object.hasOwn(item, key) && kind.holds(item[key]);

const holdsSecret = (item: unknown, keys: SecretKeys): item is Record<string, unknown> => isRecord(item) && keys.some((field) => holdsSecretAt(item, field));

/** `body[list]` when one of its items holds one of `keys`, else null (the usual body: one property read per list). */
function listWithSecrets(body: Record<string, unknown>, list: string, keys: SecretKeys): unknown[] | null {
  const items = body[list];
  return Array.isArray(items) && items.some((item) => holdsSecret(item, keys)) ? items : null;
}

/** Whether one of the body's lists holds a secret. */
function holdsAnySecret(body: Record<string, unknown>): boolean {
  for (const { list, keys } of SECRET_FIELDS_BY_LIST) if (listWithSecrets(body, list, keys) !== null) return true;
  return false;
}

function redactedItem(item: unknown, keys: SecretKeys): unknown {
  if (!holdsSecret(item, keys)) return item;
  const copy = { ...item };
  for (const field of keys) if (holdsSecretAt(item, field)) copy[field.key] = field.kind.hidden(item[field.key]);
  return copy;
}

/**
 * `body` as the audit log shows it: the body itself when it holds none of the credential fields
 * (nothing copied), else a copy with their values as `[redacted]`; only the lists concerned are copied.
 */
export function withoutBodySecrets(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const withoutParts = withoutPartSecrets(body);
  let copy: Record<string, unknown> | null = withoutParts === body ? null : withoutParts;
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
  const partSecrets = partSecretsOf(body).filter((value) => value.length >= MIN_SECRET_CHARS);
  if (!holdsAnySecret(body)) return partSecrets;
  const holders = SECRET_FIELDS_BY_LIST.flatMap(({ list, keys }) => (listWithSecrets(body, list, keys) ?? []).filter((item) => holdsSecret(item, keys)).map((item) => ({ item, keys })));
  const values = holders.flatMap(({ item, keys }) => keys.flatMap((field) => (holdsSecretAt(item, field) ? field.kind.secrets(item[field.key]) : [])));
  return [...values.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_CHARS), ...partSecrets];
}

/** Whether a body's JSON text (one that does not parse: nothing to walk) names one of the secret fields. */
export function namesSecretField(text: string): boolean {
  return SECRET_NAMES_IN_TEXT.some((name) => text.includes(name));
}

/**
 * A call's `sentCredentials` (provider-failure.ts removes them from its failures' messages): the provider's
 * own, and those of the body it was given, which a vendor's error (or an MCP server's, quoted) may echo.
 */
export function withBodySecrets(sentCredentials: (() => readonly string[]) | undefined, body: unknown): () => readonly string[] {
  // Looked for only when a call fails: walking every message's parts is no work for a call that succeeds.
  return () => [...(sentCredentials?.() ?? []), ...bodySecretsOf(body)];
}
