/**
 * Converse citations, read as the Anthropic provider reads Claude's (../../anthropic/web-search.ts).
 * With citations on a document, an answer cites in `citationsContent` blocks, the cited text in
 * their `content` (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CitationsContentBlock.html);
 * a stream sends that text as `text` deltas and each citation as a `citation` delta of the same
 * block (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CitationsDelta.html).
 * The cited text keeps its place in the answer's text; a citation of a web page (a `web` location
 * with a URL) is a `url_citation` annotation over its block, and citations of documents
 * (`documentChar`, `documentPage`, `documentChunk`) or search results, which have no URL, are left
 * out, as Anthropic's document citations are.
 */
import type { Citation, CitationsContentBlock, CitationsDelta } from '@aws-sdk/client-bedrock-runtime';
import type { UrlCitation } from '../../../schema';
import { codePointLength, urlCitationsOver, type CitedPage } from '../../shared/url-citations';

/** The text a citationsContent block cites for, its pieces joined. */
export function citedText(block: CitationsContentBlock): string {
  return (block.content ?? []).map((piece) => piece.text ?? '').join('');
}

/** The web pages among citations; other locations have no URL. */
export function citedPages(citations: readonly (Citation | CitationsDelta)[] | undefined): CitedPage[] {
  return (citations ?? []).flatMap((citation) => {
    const web = citation.location?.web;
    return typeof web?.url === 'string' && web.url !== '' ? [{ url: web.url, title: citation.title ?? web.domain ?? '' }] : [];
  });
}

/**
 * A stream's citations: each block's place in the text so far (from its first text or citation
 * delta; text blocks have no contentBlockStart) and the pages it cites, an annotation over the
 * block once it stops.
 */
export function createStreamCitations() {
  let length = 0;
  const blocks = new Map<number, { start: number; pages: CitedPage[] }>();
  const annotations: UrlCitation[] = [];
  const blockAt = (index: number) => {
    let block = blocks.get(index);
    if (block === undefined) {
      block = { start: length, pages: [] };
      blocks.set(index, block);
    }
    return block;
  };
  return {
    text(index: number, text: string): void {
      blockAt(index);
      length += codePointLength(text);
    },
    cite(index: number, citation: CitationsDelta): void {
      blockAt(index).pages.push(...citedPages([citation]));
    },
    stop(index: number): void {
      const block = blocks.get(index);
      if (block !== undefined) annotations.push(...urlCitationsOver(block.pages, block.start, length));
      blocks.delete(index);
    },
    /** The annotations of the blocks stopped so far. */
    annotations: (): UrlCitation[] => annotations,
  };
}
