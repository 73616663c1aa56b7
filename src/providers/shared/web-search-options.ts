/**
 * OpenAI's chat `web_search_options` (https://platform.openai.com/docs/api-reference/chat/create),
 * checked once for the providers that serve it with a search of their own (Anthropic's web search
 * tool, Gemini's Google Search): `search_context_size` low / medium / high (no other vendor has the
 * setting: Anthropic reads it as a number of searches, Gemini ignores it) and `user_location`
 * `{"type": "approximate", "approximate": {city, country, region, timezone}}`. Anything else is a 400
 * naming the field.
 */
import { GatewayError } from '../../errors';
import { isRecord } from './json';

const SEARCH_CONTEXT_SIZES = ['low', 'medium', 'high'] as const;

export type SearchContextSize = (typeof SEARCH_CONTEXT_SIZES)[number];
const LOCATION_FIELDS = ['city', 'country', 'region', 'timezone'];

/** The approximate location a client gave, as its string fields. */
export type ApproximateLocation = Readonly<Record<string, string>>;

export function invalidSearchOption(param: string, rule: string): GatewayError {
  return GatewayError.invalidParam(`The parameter '${param}' ${rule}`, param);
}

function checkKeys(value: Record<string, unknown>, param: string, allowed: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw invalidSearchOption(`${param}.${unknown}`, `is not one of OpenAI's fields (${allowed.join(', ')}).`);
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

/** What a well-formed `web_search_options` asks of a search: where the user is and how much to read, if it says. A 400 naming the field otherwise. */
export function readWebSearchOptions(options: unknown): { userLocation?: ApproximateLocation; searchContextSize?: SearchContextSize } {
  if (!isRecord(options)) throw invalidSearchOption('web_search_options', 'must be an object.');
  checkKeys(options, 'web_search_options', ['search_context_size', 'user_location']);
  const size = options.search_context_size;
  if (size !== undefined && !SEARCH_CONTEXT_SIZES.includes(size as SearchContextSize)) {
    throw invalidSearchOption('web_search_options.search_context_size', `must be one of ${SEARCH_CONTEXT_SIZES.join(', ')}.`);
  }
  const read: { userLocation?: ApproximateLocation; searchContextSize?: SearchContextSize } = {};
  if (size !== undefined) read.searchContextSize = size as SearchContextSize;
  if (options.user_location !== undefined) read.userLocation = approximateLocationOf(options.user_location);
  return read;
}
