/**
 * The operator's bounds on Anthropic's web search, per endpoint: the config's `web_search` (our
 * setting; MLflow has none) is checked once at load and becomes the fields every web search tool the
 * endpoint sends carries (web-search.ts). Anthropic's tool takes `max_uses`, `allowed_domains` and
 * `blocked_domains` (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool ,
 * "Tool definition", "Domain filtering": a domain without its scheme, subdomains included, a path
 * allowed, and never both lists in one request). The schema checks the types; this checks what it
 * cannot say: the domains' form, both lists at once, the setting on a completions endpoint.
 */
import type { AnthropicConfig } from '../../../generated/config';
import { quotedJson } from '../../config/quoted';
import type { EndpointType } from '../../schema';
import { ConfigKeyError } from '../shared/config-key-error';
import { domainProblem } from './web-search-domains';

const KEY = 'web_search';
const DOMAIN_LISTS = ['allowed_domains', 'blocked_domains'] as const;

/** The fields of the tool that the endpoint's setting fixes, ready to spread into each tool. */
export interface AnthropicWebSearchBounds {
  max_uses?: number;
  allowed_domains?: readonly string[];
  blocked_domains?: readonly string[];
}

function checkedDomains(list: readonly string[], key: (typeof DOMAIN_LISTS)[number]): readonly string[] {
  list.forEach((entry, index) => {
    const problem = domainProblem(entry);
    if (problem !== null) throw new ConfigKeyError(`${quotedJson(entry)} ${problem}`, [KEY, key, index]);
  });
  return Object.freeze([...list]);
}

/**
 * The tool fields an endpoint's `web_search` fixes (none when it is unset). Throws a ConfigKeyError
 * at the setting for a completions endpoint (which has no web search), at the second list when both
 * are set (Anthropic refuses them together), at the entry for a domain that is not a host name.
 */
export function anthropicWebSearchBoundsOf(setting: AnthropicConfig['web_search'], endpointType: EndpointType): AnthropicWebSearchBounds {
  if (setting === undefined) return {};
  if (endpointType !== 'llm/v1/chat') {
    throw new ConfigKeyError("applies to chat endpoints only (web search is chat's web_search_options); remove it from this completions endpoint", [KEY]);
  }
  if (setting.allowed_domains !== undefined && setting.blocked_domains !== undefined) {
    throw new ConfigKeyError('Anthropic refuses allowed_domains and blocked_domains in one request: keep one of the two lists', [KEY, 'blocked_domains']);
  }
  const bounds: AnthropicWebSearchBounds = {};
  if (setting.max_uses !== undefined) bounds.max_uses = setting.max_uses;
  for (const key of DOMAIN_LISTS) {
    const list = setting[key];
    if (list !== undefined) bounds[key] = checkedDomains(list, key);
  }
  return Object.freeze(bounds);
}
