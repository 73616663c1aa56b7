/**
 * The credentials an upstream's requests carry (provider headers, a user and password or a token
 * in its base URL), found once when the upstream is built: sent as MLflow's aiohttp sends them, and
 * hidden from every message.
 */
import { MIN_SECRET_CHARS, withoutUrlCredentials } from '../../redaction';

/** Header names whose values are credentials. */
const CREDENTIAL_HEADER = /authorization|api-key|token|secret|key/i;

/**
 * The credentials among provider headers (whole values, and bearer tokens without their scheme),
 * so that an upstream echoing them back in an error body cannot pass them on.
 */
export function credentialValues(headers: Record<string, string>): string[] {
  const values = Object.entries(headers)
    .filter(([name]) => CREDENTIAL_HEADER.test(name))
    .flatMap(([, value]) => [value, value.replace(/^\S+\s+/, '')]);
  return [...new Set(values)].filter((value) => value.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}

/** A URL part with its %XX escapes decoded; a broken escape is kept as written (yarl does the same). */
export function percentDecoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The `Authorization: Basic` header for credentials written in a base URL
 * (`http://user:password@tgi.internal`), as MLflow's aiohttp sends them; none without. The URL's
 * host alone is used to connect, so without this header they would be silently dropped. Throws
 * when the provider's own headers already authorize (aiohttp refuses to combine the two as well).
 */
export function urlCredentialsHeader(baseUrl: string, providerHeaders: Record<string, string>): Record<string, string> {
  const { username, password } = new URL(baseUrl);
  if (username === '' && password === '') return {};
  if (providerHeaders.authorization !== undefined) {
    throw new Error("the base URL holds credentials (user:password@), which cannot be combined with the provider's own Authorization header: remove them from the URL");
  }
  // aiohttp's BasicAuth: the URL's percent-decoded parts, encoded as latin-1.
  const pair = `${percentDecoded(username)}:${percentDecoded(password)}`;
  return { authorization: `Basic ${Buffer.from(pair, 'latin1').toString('base64')}` };
}

/** Query parameters of a base URL that are public settings rather than tokens. */
const PUBLIC_QUERY_PARAMETERS: ReadonlySet<string> = new Set(['api-version']);

const isPublicQueryParameter = (name: string): boolean => PUBLIC_QUERY_PARAMETERS.has(percentDecoded(name).toLowerCase());

/**
 * The values of a URL's query parameters (an Azure Functions `?code=`, a SAS `sig`, a proxy's
 * `?token=`): a token there is a credential. Each as sent (percent-encoded), percent-decoded and
 * form-decoded (`+` as a space), for an upstream may echo its URL in any of these.
 */
function queryValues(url: URL): string[] {
  return url.search
    .slice(1)
    .split('&')
    .flatMap((pair) => {
      const separator = pair.indexOf('=');
      if (separator === -1 || isPublicQueryParameter(pair.slice(0, separator))) return [];
      const sent = pair.slice(separator + 1);
      return [sent, percentDecoded(sent), percentDecoded(sent.replace(/\+/g, ' '))];
    });
}

/**
 * The secrets written in a URL, for redaction: its password (or its user, when that is a token
 * written without a password: `https://TOKEN@host`) and the Basic header made from them, and its
 * query parameters' values; none for a string that is not a URL or has none.
 */
export function urlCredentialValues(text: string): string[] {
  if (!URL.canParse(text)) return [];
  const url = new URL(text);
  const header = urlCredentialsHeader(text, {}).authorization;
  // A user name beside a password is not secret, and often a word that messages hold for other reasons.
  const secret = percentDecoded(url.password === '' ? url.username : url.password);
  const basic = header === undefined ? [] : [secret, header, header.slice('Basic '.length)];
  return [...new Set([...basic, ...queryValues(url)])].filter((value) => value.length >= MIN_SECRET_CHARS);
}

/** A query's pairs with their values hidden, names kept (a public setting's value too); a bare value is hidden whole. */
function queryWithoutValues(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator === -1) return pair === '' ? pair : '[redacted]';
      const name = pair.slice(0, separator);
      return separator === pair.length - 1 || isPublicQueryParameter(name) ? pair : `${name}=[redacted]`;
    })
    .join('&');
}

/**
 * A URL as a log may show it: its scheme, host, path and query parameter names as written; its
 * password (or its user, when that is a token: `withoutUrlCredentials`), its query parameters'
 * values (a public setting's, `api-version`, kept) and its fragment as `[redacted]`.
 */
export function withoutUrlSecrets(text: string): string {
  const shown = withoutUrlCredentials(text);
  const queryOrFragment = shown.search(/[?#]/);
  if (queryOrFragment === -1) return shown;
  const fragmentStart = shown.indexOf('#', queryOrFragment);
  const queryEnd = fragmentStart === -1 ? shown.length : fragmentStart;
  const query = shown[queryOrFragment] === '?' ? `?${queryWithoutValues(shown.slice(queryOrFragment + 1, queryEnd))}` : '';
  const fragment = fragmentStart === -1 || fragmentStart === shown.length - 1 ? shown.slice(queryEnd) : '#[redacted]';
  return shown.slice(0, queryOrFragment) + query + fragment;
}
