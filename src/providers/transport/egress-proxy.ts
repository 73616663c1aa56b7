/**
 * Upstream calls through an outbound HTTP proxy, as curl, boto3 (MLflow's Bedrock calls) and most
 * HTTP clients do: `HTTPS_PROXY` / `HTTP_PROXY` (either case, else `ALL_PROXY`) name the proxy for
 * a URL's scheme, and `NO_PROXY` lists the hosts reached directly (`*` for all), by
 * proxy-from-env's rules. Decided once per upstream origin, at config load.
 *
 * HTTPS goes through a CONNECT tunnel, so the proxy sees only the host; plain HTTP is sent to the
 * proxy with the absolute URL. Credentials in the proxy URL (`http://user:password@proxy:3128`) are
 * sent as `Proxy-Authorization` and never appear in messages (`proxyLabel`); should a proxy, an
 * upstream or a plugin quote them, they are redacted like the endpoints' keys (`environmentProxyUrls`).
 */
import { getProxyForUrl } from 'proxy-from-env';

/**
 * The variable proxy-from-env takes a scheme's proxy from, with its value: `<scheme>_proxy` (lower
 * case first), else `all_proxy`; null when none is set. Its name is what messages may say, never its value.
 */
function proxyVariableFor(protocol: string): { name: string; value: string } | null {
  const scheme = `${protocol.replace(/:$/, '')}_proxy`;
  const name = [scheme, scheme.toUpperCase(), 'all_proxy', 'ALL_PROXY'].find((candidate) => process.env[candidate]);
  return name === undefined ? null : { name, value: process.env[name] ?? '' };
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/**
 * Whether the proxy URL's user name and password decode: they are sent decoded as
 * Proxy-Authorization, and one with a bare `%` would fail every call ("URI malformed"), since the
 * connections are opened at the first call, not at config load.
 */
function credentialsDecode(proxy: string): boolean {
  const { username, password } = new URL(proxy);
  try {
    decodeURIComponent(username);
    decodeURIComponent(password);
    return true;
  } catch {
    return false;
  }
}

/**
 * The proxy URL for calls to `url`, or null for a direct connection. Throws for a proxy that is not
 * an http:// or https:// URL, or whose credentials do not decode, without quoting it (it may hold credentials).
 */
export function proxyFor(url: string): string | null {
  const found = getProxyForUrl(url);
  // proxy-from-env found it in one of these variables, read in the same order.
  const variable = proxyVariableFor(new URL(url).protocol);
  if (found === '' || variable === null) return null;
  // proxy-from-env gives a proxy set without a scheme the called URL's (https:// for HTTPS calls);
  // curl, and most clients, take http://, the protocol proxies speak.
  const proxy = variable.value.includes('://') ? found : found.replace(/^[a-z]+:\/\//, 'http://');
  const setBy = `the outbound proxy set for ${new URL(url).origin} (by ${variable.name})`;
  if (!/^https?:$/.test(protocolOf(proxy))) throw new Error(`${setBy} is not an http:// or https:// URL`);
  if (!credentialsDecode(proxy)) throw new Error(`${setBy} has a user name or password that is not percent-encoded (write % as %25)`);
  return proxy;
}

/** The proxy as messages may name it: scheme, host and port, without credentials. */
export function proxyLabel(proxy: string): string {
  const url = new URL(proxy);
  return `${url.protocol}//${url.host}`;
}

/** The variables a proxy URL may come from, in either letter case. */
const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'all_proxy'].flatMap((name) => [name, name.toUpperCase()]);

/**
 * Every proxy URL the environment names (`http://` put before one written without a scheme, as
 * `proxyFor` does), for redaction: the credentials in any of them are secrets of every endpoint.
 */
export function environmentProxyUrls(): string[] {
  return PROXY_VARIABLES.map((name) => process.env[name] ?? '')
    .filter((value) => value !== '')
    .map((value) => (value.includes('://') ? value : `http://${value}`));
}
