/**
 * Unified chat, completions and embeddings requests → OpenAI bodies. The unified API is OpenAI's
 * own shape, so requests pass through unchanged plus the configured `model` (none for Azure).
 */
import type { ChatRequest, CompletionsRequest, EmbeddingsRequest } from '../../schema';

/** What a request body needs besides the unified request. */
export interface OpenAIRequestOptions {
  /** Configured model name; null for Azure, where the deployment decides. */
  model: string | null;
  stream?: boolean;
}

/**
 * The unified request is OpenAI's shape already: keep every field (tools with their full JSON
 * Schema, a string `stop`, extras) and add only `model` and, for streams, `stream: true`.
 */
function toOpenAIBody(request: object, { model, stream = false }: OpenAIRequestOptions): Record<string, unknown> {
  // The client's own `stream`/`model` flags never decide what we send. A loop, not `{ ...rest }`:
  // this runs on every request, and rest destructuring is several times slower on Node 20.
  const body: Record<string, unknown> = {};
  for (const key in request) {
    if (key !== 'stream' && key !== 'model') body[key] = (request as Record<string, unknown>)[key];
  }
  if (model !== null) body.model = model;
  if (stream) body.stream = true;
  return body;
}

export function toOpenAIChat(request: ChatRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  return toOpenAIBody(request, options);
}

export function toOpenAICompletions(request: CompletionsRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  return toOpenAIBody(request, options);
}

/** `{model, input, ...extras}`; every extra (encoding_format, dimensions, even `stream`) is forwarded. */
export function toOpenAIEmbeddings(request: EmbeddingsRequest, { model }: { model: string | null }): Record<string, unknown> {
  const body: Record<string, unknown> = model !== null ? { model } : {};
  for (const key in request) if (key !== 'model') body[key] = (request as Record<string, unknown>)[key];
  return body;
}
