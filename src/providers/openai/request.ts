/**
 * Unified chat, completions and embeddings requests → OpenAI bodies. The unified API is OpenAI's
 * own shape, so requests pass through unchanged plus the configured `model` (none for Azure).
 */
import { GatewayError } from '../../errors';
import type { ChatMessage, ChatRequest, CompletionsRequest, EmbeddingsRequest } from '../../schema';
import { isRecord } from '../shared/json';
import { strictToolCallId } from '../shared/tool-call-ids';

/** What a request body needs besides the unified request. */
export interface OpenAIRequestOptions {
  /** Configured model name; null for Azure, where the deployment decides. */
  model: string | null;
  stream?: boolean;
  /** The reasoning fields of messages this vendor does not get (default: `thinking_blocks`). */
  omittedReasoning?: OmittedReasoning;
  /** The longest tool-call id the vendor takes back (OPENAI_TOOL_CALL_ID_MAX_LENGTH); default: any. */
  toolCallIdMaxLength?: number;
}

/**
 * OpenAI and Azure OpenAI refuse a longer tool-call id in the history (400 `string_above_max_length`,
 * "Invalid 'messages[2].tool_calls[0].id': string too long. Expected a string with maximum length 40"),
 * yet a conversation that moved from another endpoint carries that provider's ids: a Gemini id
 * carries its thought signature and runs to hundreds of characters.
 */
export const OPENAI_TOOL_CALL_ID_MAX_LENGTH = 40;

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

/** The message's tool-call ids the vendor would refuse as a digest of themselves (shared/tool-call-ids), the same for a call and its result. */
function withAcceptedToolCallIds(message: ChatMessage, maxLength: number): ChatMessage {
  const { tool_calls: calls, tool_call_id: answered } = message;
  const copy = { ...message };
  if (calls) copy.tool_calls = calls.map((call) => ({ ...call, id: strictToolCallId(call.id, maxLength) }));
  if (typeof answered === 'string') copy.tool_call_id = strictToolCallId(answered, maxLength);
  return copy;
}

function hasLongToolCallId(message: ChatMessage, maxLength: number): boolean {
  return (message.tool_call_id?.length ?? 0) > maxLength || (message.tool_calls ?? []).some((call) => call.id.length > maxLength);
}

/**
 * `web_search_options.filters` is the gateway's (the Responses API tool's domain filter), which
 * OpenAI's chat field lacks: OpenAI would refuse it, a compatible server might ignore it and search
 * everywhere, so it is a 400 here.
 */
function refuseDomainFilter(request: ChatRequest): void {
  const options = (request as Record<string, unknown>).web_search_options;
  if (isRecord(options) && options.filters !== undefined) {
    throw GatewayError.invalidParam("web_search_options.filters: OpenAI's chat web_search_options has no domain filter, so the search would not keep to it; leave it out (Anthropic endpoints serve it).", 'web_search_options.filters');
  }
}

/** The request with `model` (and `stream`); messages are copied only when one carries an omitted field or an overlong tool-call id. */
export function toOpenAIChat(request: ChatRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  refuseDomainFilter(request);
  const body = toOpenAIBody(request, options);
  const omitted = options.omittedReasoning ?? THINKING_BLOCKS;
  const carries = (message: ChatMessage) => omitted.some((field) => message[field] !== undefined);
  let messages = request.messages;
  if (messages.some(carries)) messages = messages.map((message) => withoutFields(message, omitted));
  const maxLength = options.toolCallIdMaxLength;
  if (maxLength !== undefined && messages.some((message) => hasLongToolCallId(message, maxLength))) {
    messages = messages.map((message) => withAcceptedToolCallIds(message, maxLength));
  }
  if (messages !== request.messages) body.messages = messages;
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
