/**
 * OpenAI's `web_search_options` → Gemini's Grounding with Google Search, and the answer's
 * `groundingMetadata` → OpenAI's `url_citation` annotations
 * (https://ai.google.dev/gemini-api/docs/google-search ; GroundingMetadata and Segment:
 * https://ai.google.dev/api/generate-content#GroundingMetadata).
 *
 * Request: the `googleSearch` tool beside the client's function declarations. OpenAI's
 * `search_context_size` (how much of the pages OpenAI's search reads) has no Gemini setting: it is
 * checked and otherwise ignored, as on Anthropic. `user_location` and the gateway's
 * `filters.allowed_domains` are 400s: Gemini's search takes no location and no domain list (its
 * `googleSearch` has `timeRangeFilter`; `excludeDomains` is Vertex AI's, and leaves sites out:
 * https://googleapis.github.io/js-genai/release_docs/interfaces/types.GoogleSearch.html). Whether a model takes Google Search beside function declarations is Gemini's to say:
 * Gemini 2.x answers 400 "Tool use with function calling is unsupported", which reaches the client.
 *
 * Answer: each grounding support × each of its chunk indices naming a web page is one annotation:
 * `url` the chunk's `web.uri` (a Google redirect to the page), `title` its `web.title` (the site's
 * name), else Vertex AI's `web.domain`, else the URL. Gemini counts a segment in UTF-8 bytes from the
 * start of part `partIndex` (0 when left out), end exclusive; the message's `content` joins the
 * candidate's answer text parts (thought summaries are not in it), so the offsets are moved by the
 * answer text of the parts before that one and converted to code points. Gemini leaves `partIndex`
 * out even when a thought summary is part 0 and the answer part 1 (googleapis/python-genai#961):
 * thoughts counting for nothing, both readings land on the same text. Offsets past the text end at
 * its end; a span left empty gives no annotation; identical annotations are given once.
 *
 * Streams: each event's `groundingMetadata` counts over the candidate's whole answer text streamed so
 * far (the parts of a stream's events are pieces of one text, so `partIndex` is not read there), and
 * a later event may repeat what an earlier one sent (langchain-ai/langchainjs#11456). A candidate's
 * annotations all go in one list, on the chunk that finishes it, as OpenAI's search models send them
 * in one chunk: openai-python's stream helper cannot join a second list (it joins list entries on an
 * `index` they lack), and openai node's keeps the last. `searchEntryPoint` (the Search Suggestions
 * Google's terms ask apps to show) and `webSearchQueries` are not passed on.
 */
import type { UrlCitation } from '../../schema';
import { isRecord } from '../shared/json';
import { invalidSearchOption, readWebSearchOptions } from '../shared/web-search-options';
import type { GeminiPart, GeminiTool } from './wire';

/** The Google Search tool for a request's `web_search_options` (checked in shared/web-search-options.ts); undefined when it has none. */
export function toGeminiSearchTool(options: unknown): GeminiTool | undefined {
  if (options === undefined) return undefined;
  const asked = readWebSearchOptions(options);
  if (asked.userLocation !== undefined) {
    throw invalidSearchOption('web_search_options.user_location', 'cannot be honoured by Gemini: its Google Search takes no location.');
  }
  if (asked.allowedDomains !== undefined) {
    throw invalidSearchOption('web_search_options.filters.allowed_domains', "cannot be honoured by Gemini: its Google Search takes no list of domains to keep to (Vertex AI's excludeDomains only leaves some out).");
  }
  return { googleSearch: {} };
}

/** A cited span in UTF-8 bytes of a candidate's answer text, before conversion. */
interface ByteCitation {
  url: string;
  title: string;
  start: number;
  end: number;
}

const offsetOf = (value: unknown): number | undefined => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);

/** The web page of a grounding chunk; null for any other kind of chunk or a chunk without a URL. */
function webPageOf(chunk: unknown): { url: string; title: string } | null {
  const web = isRecord(chunk) && isRecord(chunk.web) ? chunk.web : undefined;
  if (web === undefined || typeof web.uri !== 'string' || web.uri === '') return null;
  const title = [web.title, web.domain].find((name) => typeof name === 'string' && name !== '');
  return { url: web.uri, title: (title as string | undefined) ?? web.uri };
}

/**
 * The citations of one `groundingMetadata`, in its order (support by support, chunk index by chunk
 * index); `partStart(partIndex)`: the byte offset where that part's text begins in the answer text.
 * Read defensively: what is missing or malformed gives no citation.
 */
function groundingCitations(metadata: unknown, partStart: (partIndex: number) => number): ByteCitation[] {
  if (!isRecord(metadata) || !Array.isArray(metadata.groundingSupports)) return [];
  const chunks: unknown[] = Array.isArray(metadata.groundingChunks) ? metadata.groundingChunks : [];
  return metadata.groundingSupports.flatMap((support: unknown): ByteCitation[] => {
    if (!isRecord(support) || !isRecord(support.segment) || !Array.isArray(support.groundingChunkIndices)) return [];
    const { segment } = support;
    const base = partStart(offsetOf(segment.partIndex) ?? 0);
    const start = base + (offsetOf(segment.startIndex) ?? 0);
    const end = base + (offsetOf(segment.endIndex) ?? 0);
    if (end <= start) return [];
    return support.groundingChunkIndices.flatMap((index: unknown) => {
      const page = Number.isInteger(index) ? webPageOf(chunks[index as number]) : null;
      return page === null ? [] : [{ ...page, start, end }];
    });
  });
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Code point offsets of UTF-8 byte offsets in `text`, in one pass: an offset inside a character
 * counts up to its end, one at or past the text's end is its length. A lone surrogate counts 3
 * bytes, as Buffer encodes it.
 */
function codePointOffsets(text: string, byteOffsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(byteOffsets)].sort((left, right) => left - right);
  const found = new Map<number, number>();
  let bytes = 0;
  let codePoints = 0;
  let next = 0;
  for (const character of text) {
    while (next < wanted.length && wanted[next] <= bytes) found.set(wanted[next++], codePoints);
    if (next === wanted.length) return found;
    bytes += utf8Length(character.codePointAt(0)!);
    codePoints += 1;
  }
  while (next < wanted.length) found.set(wanted[next++], codePoints);
  return found;
}

const keyOf = ({ url_citation: citation }: UrlCitation): string => JSON.stringify([citation.url, citation.title, citation.start_index, citation.end_index]);

/** The citations as annotations on `text`, each once, without empty spans. */
function toUrlCitations(citations: readonly ByteCitation[], text: string): UrlCitation[] {
  if (citations.length === 0) return [];
  const offsets = codePointOffsets(text, citations.flatMap(({ start, end }) => [start, end]));
  const seen = new Set<string>();
  return citations.flatMap(({ url, title, start, end }): UrlCitation[] => {
    const annotation: UrlCitation = { type: 'url_citation', url_citation: { url, title, start_index: offsets.get(start)!, end_index: offsets.get(end)! } };
    const key = keyOf(annotation);
    if (annotation.url_citation.end_index <= annotation.url_citation.start_index || seen.has(key)) return [];
    seen.add(key);
    return [annotation];
  });
}

/** Answer text, as readCandidate joins it into `content`: text parts that are not thought summaries. */
const answerTextOf = (part: GeminiPart): string => (typeof part.text === 'string' && part.thought !== true ? part.text : '');

/** A candidate's annotations, from its parts and `groundingMetadata` (none without it). */
export function fromGeminiGrounding(parts: readonly GeminiPart[], metadata: unknown): UrlCitation[] {
  if (metadata === undefined) return [];
  const texts = parts.map(answerTextOf);
  const partStarts = [0];
  for (const text of texts) partStarts.push(partStarts[partStarts.length - 1] + Buffer.byteLength(text));
  const partStart = (partIndex: number) => partStarts[Math.min(partIndex, texts.length)];
  return toUrlCitations(groundingCitations(metadata, partStart), texts.join(''));
}

/** One candidate's citations in a stream (see the header): `next` takes each event's share; the annotations come with the finish. */
export interface StreamCitations {
  next(piece: { text: string | null; metadata: unknown; finished: boolean }): UrlCitation[];
}

export function createStreamCitations(): StreamCitations {
  let text = '';
  // Every event's citations; one an event repeats is given once (toUrlCitations).
  const citations: ByteCitation[] = [];
  return {
    next(piece) {
      if (piece.text !== null) text += piece.text;
      citations.push(...groundingCitations(piece.metadata, () => 0));
      return piece.finished ? toUrlCitations(citations, text) : [];
    },
  };
}
