/**
 * Domain lists of Anthropic's web search tool (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool ,
 * "Domain filtering": a domain without its scheme, subdomains included, a path allowed, never both
 * lists in one request): the form of an entry, and a request's `allowed_domains`
 * (`web_search_options.filters`, shared/web-search-options.ts) within the endpoint's bounds
 * (web-search-settings.ts). A request may narrow the endpoint's list, never widen it.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { AnthropicWebSearchBounds } from './web-search-settings';

const PARAM = 'web_search_options.filters.allowed_domains';

/** A DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A domain entry read: its host in lower case, its path ('' for none). */
interface Domain {
  entry: string;
  host: string;
  path: string;
}

function domainOf(entry: string): Domain {
  const slash = entry.indexOf('/');
  return { entry, host: (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase(), path: slash < 0 ? '' : entry.slice(slash) };
}

/** Why a domain entry is not `host` or `host/path`, or null when it is. */
export function domainProblem(entry: string): string | null {
  if (entry.includes('://')) return 'has a scheme: give the host name alone, e.g. example.com';
  if (/\s/.test(entry)) return 'holds whitespace';
  const { host } = domainOf(entry);
  if (host === '') return 'has no host name';
  if (!host.split('.').every((label) => LABEL.test(label))) return 'is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path';
  return null;
}

/** Whether every page `outer` lets a search find is one `inner` does too: the same host or a subdomain, within its path. */
function covers(outer: Domain, inner: Domain): boolean {
  if (outer.path !== '') return inner.host === outer.host && (inner.path === outer.path || inner.path.startsWith(outer.path.endsWith('/') ? outer.path : `${outer.path}/`));
  return inner.host === outer.host || inner.host.endsWith(`.${outer.host}`);
}

/** The narrower entry of each pair where one covers the other, once each. */
function intersection(requested: readonly Domain[], bounds: readonly Domain[]): string[] {
  const kept = new Set<string>();
  for (const asked of requested) {
    for (const bound of bounds) {
      if (covers(bound, asked)) kept.add(asked.entry);
      else if (covers(asked, bound)) kept.add(bound.entry);
    }
  }
  return [...kept];
}

/**
 * The tool's `allowed_domains` for a request's list: the list, within the endpoint's own when it has
 * one (their intersection). A 400 naming the field for an entry that is not a domain, for an endpoint
 * with `blocked_domains` (Anthropic refuses both lists together), and for lists with nothing in common.
 */
export function allowedDomainsWithin(requested: readonly string[], bounds: AnthropicWebSearchBounds): readonly string[] {
  requested.forEach((entry, index) => {
    const problem = domainProblem(entry);
    if (problem !== null) throw GatewayError.invalidParam(`${PARAM}[${index}]: ${quotedJson(entry)} ${problem}.`, `${PARAM}[${index}]`);
  });
  if (bounds.blocked_domains !== undefined) {
    throw GatewayError.invalidParam(`${PARAM}: this endpoint's web_search sets blocked_domains, and Anthropic refuses allowed_domains beside them; leave the filter out or use an endpoint without blocked_domains.`, PARAM);
  }
  if (bounds.allowed_domains === undefined) return requested;
  const kept = intersection(requested.map(domainOf), bounds.allowed_domains.map(domainOf));
  if (kept.length === 0) {
    throw GatewayError.invalidParam(`${PARAM}: none of these domains is within this endpoint's allowed_domains (${bounds.allowed_domains.join(', ')}); a request may narrow them, not widen them.`, PARAM);
  }
  return kept;
}
