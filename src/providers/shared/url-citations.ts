/**
 * What every provider's url citations share: OpenAI's `url_citation` annotations index the answer's
 * text in code points (https://platform.openai.com/docs/guides/tools-web-search?api-mode=chat), and
 * an answer without any keeps OpenAI's shape (no `annotations` field).
 */
import type { ChatResponse, UrlCitation } from '../../schema';

/** The length of `text` in Unicode code points, as OpenAI's annotation indexes count (a surrogate pair is one). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length -= 1;
        index += 1;
      }
    }
  }
  return length;
}

type ResponseMessage = ChatResponse['choices'][number]['message'];

/** The answer's message with its annotations; without any it keeps OpenAI's shape as before (no field). */
export function withAnnotations(message: ResponseMessage, annotations: UrlCitation[]): ResponseMessage {
  return annotations.length === 0 ? message : { ...message, annotations };
}

/** A cited page: its URL and title. */
export interface CitedPage {
  url: string;
  title: string;
}

/** Cited pages as annotations over one span `[start, end)` of the answer's text; a page cited twice there (two passages) is one annotation. */
export function urlCitationsOver(pages: readonly CitedPage[], start: number, end: number): UrlCitation[] {
  const annotations: UrlCitation[] = [];
  for (const { url, title } of pages) {
    if (annotations.some((annotation) => annotation.url_citation.url === url)) continue;
    annotations.push({ type: 'url_citation', url_citation: { url, title, start_index: start, end_index: end } });
  }
  return annotations;
}
