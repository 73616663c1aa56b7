/**
 * Embeddings: one text → `:embedContent`, several → `:batchEmbedContents` (as MLflow splits them).
 * `dimensions` → `outputDimensionality`; `encoding_format: "base64"` is honoured by encoding the
 * vectors as little-endian float32 (OpenAI's format; the `openai` client asks for it by default).
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { rejectUnsupportedParameters } from '../shared/parameters';
import { GEMINI } from './request';
import type { GeminiBatchEmbedContentsRequest, GeminiBatchEmbedContentsResponse, GeminiEmbedContentRequest, GeminiEmbedContentResponse } from './wire';

const EMBEDDINGS_PARAMETERS = new Set(['input', 'dimensions', 'encoding_format']);

export type GeminiEmbeddingsCall =
  | { operation: 'embedContent'; body: GeminiEmbedContentRequest }
  | { operation: 'batchEmbedContents'; body: GeminiBatchEmbedContentsRequest };

function textsOf(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.length === 0) throw GatewayError.invalidParam("'input' must not be empty.", 'input');
  if (input.every((item): item is string => typeof item === 'string')) return input;
  throw GatewayError.invalidParam(`'input' must be text for ${GEMINI}: token arrays are not supported.`, 'input');
}

function checkEncodingFormat(format: unknown): void {
  if (format !== undefined && format !== 'float' && format !== 'base64') {
    throw GatewayError.invalidParam("'encoding_format' must be 'float' or 'base64'.", 'encoding_format');
  }
}

/** `model` is the configured model name, as Gemini wants it in each batch request (`models/<name>`). */
export function toGeminiEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): GeminiEmbeddingsCall {
  rejectUnsupportedParameters(request, Object.keys(request).filter((name) => !EMBEDDINGS_PARAMETERS.has(name)), GEMINI);
  checkEncodingFormat(request.encoding_format);
  const texts = textsOf(request.input);
  const dimensions = request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions as number };
  const contentOf = (text: string): GeminiEmbedContentRequest => ({ content: { parts: [{ text }] }, ...dimensions });
  if (texts.length === 1) return { operation: 'embedContent', body: contentOf(texts[0]) };
  return { operation: 'batchEmbedContents', body: { requests: texts.map((text) => ({ model: `models/${model}`, ...contentOf(text) })) } };
}

function toBase64(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

function vectorsOf(body: unknown): number[][] {
  const response = (typeof body === 'object' && body !== null ? body : {}) as GeminiEmbedContentResponse & GeminiBatchEmbedContentsResponse;
  const embeddings = response.embeddings ?? (response.embedding ? [response.embedding] : undefined);
  if (!Array.isArray(embeddings) || !embeddings.every((embedding) => Array.isArray(embedding?.values))) {
    throw GatewayError.upstreamUnavailable("Gemini's embeddings response has no 'embedding.values' or 'embeddings[].values'.");
  }
  return embeddings.map((embedding) => embedding.values as number[]);
}

export function fromGeminiEmbeddings(body: unknown, { model, encodingFormat }: { model: string; encodingFormat?: unknown }): EmbeddingsResponse {
  return {
    object: 'list',
    data: vectorsOf(body).map((values, index) => ({ object: 'embedding', embedding: encodingFormat === 'base64' ? toBase64(values) : values, index })),
    model,
    // Gemini's embedding endpoints report no token counts.
    usage: { prompt_tokens: null, total_tokens: null },
  };
}
