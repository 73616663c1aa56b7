/**
 * Embeddings: one text → `:embedContent`, several → `:batchEmbedContents` (as MLflow splits them).
 * `dimensions` → `outputDimensionality`; `encoding_format: "base64"` is honoured by encoding the
 * vectors as little-endian float32 (OpenAI's format; the `openai` client asks for it by default).
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { embeddingsResponse, embeddingTexts, encodingFormatOf, type EncodingFormat } from '../shared/embeddings';
import { rejectUnsupportedParameters } from '../shared/parameters';
import { GEMINI } from './request';
import type { GeminiBatchEmbedContentsRequest, GeminiBatchEmbedContentsResponse, GeminiEmbedContentRequest, GeminiEmbedContentResponse } from './wire';

const EMBEDDINGS_PARAMETERS = new Set(['input', 'dimensions', 'encoding_format']);

export type GeminiEmbeddingsCall =
  | { operation: 'embedContent'; body: GeminiEmbedContentRequest }
  | { operation: 'batchEmbedContents'; body: GeminiBatchEmbedContentsRequest };

function textsOf(input: EmbeddingsRequest['input']): string[] {
  // Gemini refuses an empty batch with a less helpful message.
  if (Array.isArray(input) && input.length === 0) throw GatewayError.invalidParam("'input' must not be empty.", 'input');
  return embeddingTexts(input, GEMINI);
}

/** `model` is the configured model name, as Gemini wants it in each batch request (`models/<name>`). */
export function toGeminiEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): GeminiEmbeddingsCall {
  rejectUnsupportedParameters(request, Object.keys(request).filter((name) => !EMBEDDINGS_PARAMETERS.has(name)), GEMINI);
  encodingFormatOf(request, GEMINI);
  const texts = textsOf(request.input);
  const dimensions = request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions as number };
  const contentOf = (text: string): GeminiEmbedContentRequest => ({ content: { parts: [{ text }] }, ...dimensions });
  if (texts.length === 1) return { operation: 'embedContent', body: contentOf(texts[0]) };
  return { operation: 'batchEmbedContents', body: { requests: texts.map((text) => ({ model: `models/${model}`, ...contentOf(text) })) } };
}

function vectorsOf(body: unknown): number[][] {
  const response = (typeof body === 'object' && body !== null ? body : {}) as GeminiEmbedContentResponse & GeminiBatchEmbedContentsResponse;
  const embeddings = response.embeddings ?? (response.embedding ? [response.embedding] : undefined);
  if (!Array.isArray(embeddings) || !embeddings.every((embedding) => Array.isArray(embedding?.values))) {
    throw GatewayError.upstreamUnavailable("Gemini's embeddings response has no 'embedding.values' or 'embeddings[].values'.");
  }
  return embeddings.map((embedding) => embedding.values as number[]);
}

/** Gemini's embedding endpoints report no token counts. */
export function fromGeminiEmbeddings(body: unknown, { model, encodingFormat = 'float' }: { model: string; encodingFormat?: EncodingFormat }): EmbeddingsResponse {
  return embeddingsResponse({ vectors: vectorsOf(body), model, format: encodingFormat });
}
