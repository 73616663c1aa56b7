/**
 * Builds the unified embeddings response for providers that answer with plain float vectors.
 * OpenAI clients ask for `encoding_format: "base64"` by default (little-endian float32, as OpenAI
 * sends it), so the gateway encodes the vectors itself instead of forwarding a field the vendor
 * does not know.
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsResponse } from '../../schema';

export type EncodingFormat = 'float' | 'base64';

/** Reads `encoding_format` from a request: absent means float; anything else is a 400. */
export function encodingFormatOf(request: Readonly<Record<string, unknown>>, provider: string): EncodingFormat {
  const format = request.encoding_format;
  if (format === undefined || format === 'float' || format === 'base64') return format ?? 'float';
  throw GatewayError.invalidParam(`The parameter 'encoding_format' must be 'float' or 'base64' for ${provider}.`, 'encoding_format');
}

function encodeVector(vector: number[], format: EncodingFormat): number[] | string {
  return format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
}

/** `{object: "list", data: [...], model, usage}` with unknown token counts. */
export function embeddingsResponse(options: { vectors: number[][]; model: string; format: EncodingFormat }): EmbeddingsResponse {
  const { vectors, model, format } = options;
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', embedding: encodeVector(vector, format), index })),
    model,
    usage: { prompt_tokens: null, total_tokens: null },
  };
}
