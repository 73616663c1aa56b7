/**
 * OpenAI's web search citations (https://platform.openai.com/docs/guides/tools-web-search?api-mode=chat):
 * the search models (gpt-4o-search-preview, gpt-5-search-api) and `web_search_options` give an answer's
 * message `annotations`, a list of `{"type": "url_citation", "url_citation": {url, title, start_index,
 * end_index}}`, and a stream the same list in a delta. They reach the client in the same shape, only the
 * well-formed `url_citation` entries: OpenAI sends `annotations: []` on every answer, and other annotation
 * types (or an OpenAI-compatible server's malformed entries) would fail the answer's check.
 */
import type { UrlCitation } from '../../schema';
import { isRecord } from '../shared/json';

const isIndex = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/** Whether `entry` is a `url_citation` the unified schema takes (UrlCitation in openapi/schemas/chat.yaml). */
function isUrlCitation(entry: unknown): entry is UrlCitation {
  if (!isRecord(entry) || entry.type !== 'url_citation' || !isRecord(entry.url_citation)) return false;
  const { url, title, start_index: start, end_index: end } = entry.url_citation;
  return typeof url === 'string' && typeof title === 'string' && isIndex(start) && isIndex(end);
}

/**
 * The well-formed url citations of a message's or delta's `annotations`, as they came (the same list
 * when every entry is one); undefined when there are none, so answers without citations keep their shape.
 */
export function urlCitationsOf(annotations: unknown): UrlCitation[] | undefined {
  if (!Array.isArray(annotations) || annotations.length === 0) return undefined;
  if (annotations.every(isUrlCitation)) return annotations;
  const citations = annotations.filter(isUrlCitation);
  return citations.length > 0 ? citations : undefined;
}

/** `message` (an answer's message or a stream delta) with the url citations of `annotations`, only when there are some. */
export function withUrlCitations<Message extends object>(message: Message, annotations: unknown): Message {
  const citations = urlCitationsOf(annotations);
  if (citations !== undefined) (message as { annotations?: UrlCitation[] }).annotations = citations;
  return message;
}
