/**
 * Embeddings: one text → `:embedContent`, several → `:batchEmbedContents` (as MLflow splits them),
 * in calls of at most 100 texts, Gemini's limit per batch (OpenAI takes 2,048 inputs in one request).
 * `dimensions` → `outputDimensionality`; `encoding_format: "base64"` is honoured by encoding the
 * vectors as little-endian float32 (OpenAI's format; the `openai` client asks for it by default).
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { embeddingsResponse, encodingFormatOf, textsForSeveralCalls, type EncodingFormat } from '../shared/embeddings';
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
  return textsForSeveralCalls(input, GEMINI);
}

/** Gemini refuses a batchEmbedContents call of more requests ("at most 100 requests can be in one batch"). */
const GEMINI_MAX_BATCH_REQUESTS = 100;

/**
 * The calls that embed the request's texts, to be made in order (their vectors concatenated).
 * `model` is the configured model name, as Gemini wants it in each batch request (`models/<name>`).
 */
export function toGeminiEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): GeminiEmbeddingsCall[] {
  rejectUnsupportedParameters(request, Object.keys(request).filter((name) => !EMBEDDINGS_PARAMETERS.has(name)), GEMINI);
  encodingFormatOf(request, GEMINI);
  const texts = textsOf(request.input);
  const dimensions = request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions as number };
  const contentOf = (text: string): GeminiEmbedContentRequest => ({ content: { parts: [{ text }] }, ...dimensions });
  if (texts.length === 1) return [{ operation: 'embedContent', body: contentOf(texts[0]) }];
  const calls: GeminiEmbeddingsCall[] = [];
  for (let start = 0; start < texts.length; start += GEMINI_MAX_BATCH_REQUESTS) {
    const batch = texts.slice(start, start + GEMINI_MAX_BATCH_REQUESTS);
    calls.push({ operation: 'batchEmbedContents', body: { requests: batch.map((text) => ({ model: `models/${model}`, ...contentOf(text) })) } });
  }
  return calls;
}

/** How many texts a call sends: its answer holds as many vectors. */
export function textsOfCall(call: GeminiEmbeddingsCall): number {
  return call.operation === 'embedContent' ? 1 : call.body.requests.length;
}

/** The contents a call sends (its texts, without the model name each batch request repeats). */
export function contentsOfCall(call: GeminiEmbeddingsCall): unknown[] {
  return call.operation === 'embedContent' ? [call.body.content] : call.body.requests.map((request) => request.content);
}

/** One call's answer as its vectors, in order; an answer without them is a 502 (and is not kept for a retry). */
export function geminiEmbeddingVectors(body: unknown): number[][] {
  const response = (typeof body === 'object' && body !== null ? body : {}) as GeminiEmbedContentResponse & GeminiBatchEmbedContentsResponse;
  const embeddings = response.embeddings ?? (response.embedding ? [response.embedding] : undefined);
  if (!Array.isArray(embeddings) || !embeddings.every((embedding) => Array.isArray(embedding?.values))) {
    throw GatewayError.unexpectedAnswer("Gemini's embeddings response has no 'embedding.values' or 'embeddings[].values'.");
  }
  return embeddings.map((embedding) => embedding.values as number[]);
}

/** The vectors of the calls (`geminiEmbeddingVectors`), in order, as one response; Gemini's embedding endpoints report no token counts. */
export function fromGeminiEmbeddings(vectorsOfCalls: readonly number[][][], { model, encodingFormat = 'float' }: { model: string; encodingFormat?: EncodingFormat }): EmbeddingsResponse {
  return embeddingsResponse({ vectors: vectorsOfCalls.flat(), model, format: encodingFormat });
}
