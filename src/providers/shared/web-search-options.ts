/**
 * OpenAI's chat `web_search_options` (https://platform.openai.com/docs/api-reference/chat/create),
 * checked once for the providers that serve it with a search of their own (Anthropic's web search
 * tool, Gemini's Google Search): `search_context_size` low / medium / high (no other vendor has the
 * setting: Anthropic reads it as a number of searches, Gemini ignores it) and `user_location`
 * `{"type": "approximate", "approximate": {city, country, region, timezone}}`; and the gateway's
 * `filters.allowed_domains` (the Responses API web search tool's domain filter, which OpenAI's chat
 * field lacks; an empty list is no filter). Anything else is a 400 naming the field.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import { isRecord } from './json';

const SEARCH_CONTEXT_SIZES = ['low', 'medium', 'high'] as const;

export type SearchContextSize = (typeof SEARCH_CONTEXT_SIZES)[number];
const LOCATION_FIELDS = ['city', 'country', 'region', 'timezone'];

/** The approximate location a client gave, as its string fields. */
export type ApproximateLocation = Readonly<Record<string, string>>;

export function invalidSearchOption(param: string, rule: string): GatewayError {
  return GatewayError.invalidParam(`The parameter ${quoted(param)} ${rule}`, param);
}

function checkKeys(value: Record<string, unknown>, param: string, allowed: readonly string[], fields = `OpenAI's fields (${allowed.join(', ')})`): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw invalidSearchOption(`${param}.${unknown}`, `is not one of ${fields}.`);
}

function approximateLocationOf(location: unknown): ApproximateLocation {
  const param = 'web_search_options.user_location';
  if (!isRecord(location)) throw invalidSearchOption(param, 'must be an object: {"type": "approximate", "approximate": {...}}.');
  checkKeys(location, param, ['type', 'approximate']);
  if (location.type !== 'approximate') throw invalidSearchOption(`${param}.type`, 'must be "approximate".');
  const { approximate } = location;
  if (!isRecord(approximate)) throw invalidSearchOption(`${param}.approximate`, 'must be an object with city, country, region or timezone.');
  checkKeys(approximate, `${param}.approximate`, LOCATION_FIELDS);
  for (const [field, value] of Object.entries(approximate)) {
    if (typeof value !== 'string') throw invalidSearchOption(`${param}.approximate.${field}`, 'must be a string.');
  }
  return approximate as ApproximateLocation;
}

/** The domains a search must keep to, when the filter names any. */
function allowedDomainsOf(filters: unknown): readonly string[] | undefined {
  const param = 'web_search_options.filters';
  if (!isRecord(filters)) throw invalidSearchOption(param, 'must be an object: {"allowed_domains": [...]}.');
  const unknown = Object.keys(filters).find((key) => key !== 'allowed_domains');
  if (unknown !== undefined) throw invalidSearchOption(`${param}.${unknown}`, 'is not supported: the filter takes allowed_domains only.');
  const list = filters.allowed_domains;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) throw invalidSearchOption(`${param}.allowed_domains`, 'must be a list of domain names.');
  return list.length > 0 ? (list as string[]) : undefined;
}

/** What a search is asked, once read. */
export interface WebSearchAsked {
  userLocation?: ApproximateLocation;
  searchContextSize?: SearchContextSize;
  allowedDomains?: readonly string[];
}

/** What a well-formed `web_search_options` asks of a search: where the user is, how much to read, which sites, if it says. A 400 naming the field otherwise. */
export function readWebSearchOptions(options: unknown): WebSearchAsked {
  if (!isRecord(options)) throw invalidSearchOption('web_search_options', 'must be an object.');
  checkKeys(options, 'web_search_options', ['search_context_size', 'user_location', 'filters'], "OpenAI's fields (search_context_size, user_location) or the gateway's filters");
  const size = options.search_context_size;
  if (size !== undefined && !SEARCH_CONTEXT_SIZES.includes(size as SearchContextSize)) {
    throw invalidSearchOption('web_search_options.search_context_size', `must be one of ${SEARCH_CONTEXT_SIZES.join(', ')}.`);
  }
  const read: WebSearchAsked = {};
  if (size !== undefined) read.searchContextSize = size as SearchContextSize;
  if (options.user_location !== undefined) read.userLocation = approximateLocationOf(options.user_location);
  const allowedDomains = options.filters === undefined ? undefined : allowedDomainsOf(options.filters);
  if (allowedDomains !== undefined) read.allowedDomains = allowedDomains;
  return read;
}
