/**
 * Embeddings: one text → `:embedContent`, several → `:batchEmbedContents` (as MLflow splits them),
 * in calls of at most 100 texts, Gemini's limit per batch (OpenAI takes 2,048 inputs in one request).
 * `dimensions` → `outputDimensionality`, and those shorter vectors are scaled to unit length
 * (`unitLength`); `encoding_format: "base64"` is honoured by encoding the vectors as little-endian
 * float32 (OpenAI's format; the `openai` client asks for it by default).
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { embeddingsResponse, encodingFormatOf, textsForSeveralCalls, withoutEmbeddingsNoOpValues, type EncodingFormat } from '../shared/embeddings';
import { rejectParametersOtherThan } from '../shared/parameters';
import { GEMINI, type GeminiBatchEmbedContentsRequest, type GeminiBatchEmbedContentsResponse, type GeminiEmbedContentRequest, type GeminiEmbedContentResponse } from './wire';

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
export function toGeminiEmbeddings(clientRequest: EmbeddingsRequest, { model }: { model: string }): GeminiEmbeddingsCall[] {
  const request = withoutEmbeddingsNoOpValues(clientRequest);
  rejectParametersOtherThan(request, EMBEDDINGS_PARAMETERS, GEMINI);
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

/** How far from 1 a vector's length may be and still count as unit length: float32's precision, in which Gemini's values come. */
const UNIT_LENGTH_TOLERANCE = 1e-6;

/**
 * `vector` scaled to unit length. Google normalises only gemini-embedding-001's full-size (3072)
 * vectors and tells callers to normalise those asked with a smaller `outputDimensionality`
 * (https://ai.google.dev/gemini-api/docs/embeddings#quality-for-smaller-dimensions), while OpenAI's
 * `dimensions` vectors are unit length and OpenAI clients rank by dot product. A vector already of
 * unit length (gemini-embedding-2 normalises its own) comes back as it is, and so does a zero vector.
 */
export function unitLength(vector: number[]): number[] {
  // Anything but numbers is left as it came, for the answer check to refuse (a 502), not coerced.
  if (!vector.every((value) => Number.isFinite(value))) return vector;
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (length === 0 || Math.abs(length - 1) <= UNIT_LENGTH_TOLERANCE) return vector;
  return vector.map((value) => value / length);
}

/**
 * The vectors of the calls (`geminiEmbeddingVectors`), in order, as one response; Gemini's embedding
 * endpoints report no token counts. `dimensionsAsked`: the request set `dimensions`, so each vector is scaled
 * to unit length (`unitLength`) before it is encoded.
 */
export function fromGeminiEmbeddings(
  vectorsOfCalls: readonly number[][][],
  { model, encodingFormat = 'float', dimensionsAsked = false }: { model: string; encodingFormat?: EncodingFormat; dimensionsAsked?: boolean },
): EmbeddingsResponse {
  const vectors = vectorsOfCalls.flat();
  return embeddingsResponse({ vectors: dimensionsAsked ? vectors.map(unitLength) : vectors, model, format: encodingFormat });
}
