/**
 * Unified chat, completions and embeddings requests → OpenAI bodies. The unified API is OpenAI's
 * own shape, so requests pass through unchanged plus the configured `model` (none for Azure).
 */
import type { ChatMessage, ChatRequest, CompletionsRequest, EmbeddingsRequest } from '../../schema';

/** What a request body needs besides the unified request. */
export interface OpenAIRequestOptions {
  /** Configured model name; null for Azure, where the deployment decides. */
  model: string | null;
  stream?: boolean;
  /** The reasoning fields of messages this vendor does not get (default: `thinking_blocks`). */
  omittedReasoning?: OmittedReasoning;
}

/**
 * Reasoning fields of assistant messages a client sends back, and who gets them. Anthropic's signed
 * `thinking_blocks` mean nothing to OpenAI-shaped vendors; `reasoning_content` is wanted back by
 * some (DeepSeek-style servers behind a custom `openai_api_base`) but refused as an unknown field by
 * OpenAI, Azure OpenAI and Mistral (422 `extra_forbidden`), which would fail a conversation that
 * moved there from an endpoint that reasons (a FALLBACK route from Anthropic).
 */
export type OmittedReasoning = readonly (keyof ChatMessage)[];
export const THINKING_BLOCKS: OmittedReasoning = ['thinking_blocks'];
export const ALL_REASONING: OmittedReasoning = ['thinking_blocks', 'reasoning_content'];

/**
 * The unified request is OpenAI's shape already: keep every field (tools with their full JSON
 * Schema, a string `stop`, extras) and add only `model` and, for streams, `stream: true`.
 */
function toOpenAIBody(request: object, { model, stream = false }: OpenAIRequestOptions): Record<string, unknown> {
  // The client's own `stream`/`model` flags never decide what we send. Fields are set on the copy,
  // not spread from conditional literals (`...(stream ? { stream: true } : {})`): on every request,
  // those spreads cost about 1 µs against 0.05 µs on Node 20.
  const { stream: _clientStream, model: _clientModel, ...body } = request as Record<string, unknown>;
  if (model !== null) body.model = model;
  if (stream) body.stream = true;
  return body;
}

function withoutFields(message: ChatMessage, fields: OmittedReasoning): ChatMessage {
  const copy = { ...message };
  for (const field of fields) delete copy[field];
  return copy;
}

/** The request with `model` (and `stream`); messages are copied only when one carries an omitted field. */
export function toOpenAIChat(request: ChatRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  const body = toOpenAIBody(request, options);
  const omitted = options.omittedReasoning ?? THINKING_BLOCKS;
  const carries = (message: ChatMessage) => omitted.some((field) => message[field] !== undefined);
  if (request.messages.some(carries)) body.messages = request.messages.map((message) => withoutFields(message, omitted));
  return body;
}

export function toOpenAICompletions(request: CompletionsRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  return toOpenAIBody(request, options);
}

/** `{model, input, ...extras}`; every extra (encoding_format, dimensions, even `stream`) is forwarded. */
export function toOpenAIEmbeddings(request: EmbeddingsRequest, { model }: { model: string | null }): Record<string, unknown> {
  const { model: _clientModel, ...rest } = request;
  return model !== null ? { model, ...rest } : rest;
}
