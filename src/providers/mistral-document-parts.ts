/**
 * OpenAI's `file` part as Mistral's chat API takes a document: a PDF as a `document_url` chunk,
 * `{"type": "document_url", "document_url": "<url>", "document_name"?: "<file name>"}`
 * (https://docs.mistral.ai/capabilities/OCR/document_understanding; `DocumentURLChunk` in
 * mistralai/client-python `src/mistralai/models/documenturlchunk.py`), the URL being the part's
 * base64 data URL as sent (`data:application/pdf;base64,...`, as Mistral's OCR reference takes it in
 * the same field and @ai-sdk/mistral sends PDFs to chat). OpenAI's `{"file": {...}}` object would be
 * refused there with a 422 naming no part. Another media type, and an OpenAI `file_id` (Mistral cannot
 * read OpenAI's files), are a 400 naming the part before any call.
 */
import { quoted } from '../config/quoted';
import { GatewayError } from '../errors';
import type { ChatMessage, ContentPart } from '../schema';
import { readFileData, type FilePart } from './shared/file-parts';

const PROVIDER = 'Mistral';

/** One file part as Mistral's `document_url` chunk; `path` names the part (`messages[i].content[j]`). */
function toMistralDocument(part: FilePart, path: string): Record<string, string> {
  const { mediaType, filename } = readFileData(part, path, PROVIDER);
  if (mediaType !== 'application/pdf') {
    throw GatewayError.invalidParam(`${path}: ${PROVIDER} takes PDF files only (as a document_url chunk), not ${quoted(mediaType)}.`, path);
  }
  // readFileData checked `file_data`: it is the data URL.
  return { type: 'document_url', document_url: part.file.file_data!, ...(filename !== undefined ? { document_name: filename } : {}) };
}

/** A message's content with each file part as Mistral's document chunk; the same content when it has none. */
export function withMistralDocumentParts(content: ChatMessage['content'], messageIndex: number): ChatMessage['content'] {
  if (!Array.isArray(content) || !content.some((part) => part.type === 'file')) return content;
  // Mistral's chunk is not among the unified ContentPart shapes.
  return content.map((part, partIndex) => (part.type === 'file' ? toMistralDocument(part, `messages[${messageIndex}].content[${partIndex}]`) : part)) as unknown as ContentPart[];
}
