/**
 * Mistral (`mistral_api_base`, default `https://api.mistral.ai/v1`, `Authorization: Bearer <key>`).
 * Mistral speaks OpenAI's wire format, so OpenAI's mappers do the work and this file adds only
 * Mistral's quirks:
 * - chat → `POST /chat/completions` (with tools and streaming; the reference has no chat):
 *   https://docs.mistral.ai/api/#tag/chat
 * - completions → the same chat endpoint with the prompt as one user message (reference §6.11);
 *   `stop` and `n` are forwarded (the reference drops them silently). Streams too.
 * - embeddings → `POST /embeddings`: https://docs.mistral.ai/api/#tag/embeddings
 * - function calling and its stream shape: https://docs.mistral.ai/capabilities/function_calling
 *
 * Quirks: temperature is halved (§6.13: the unified 0..2 onto Mistral's 0..1); `seed` is sent as
 * `random_seed`, `max_completion_tokens` (OpenAI's newer name) as `max_tokens`, embeddings' `dimensions` as
 * `output_dimension`; embeddings' `encoding_format: base64` is produced by the gateway from the float
 * vectors (Mistral answers floats even when asked for base64); `stream_options` is
 * not sent (Mistral's strict schema refuses it, and its last chunk always carries usage); finish reason `model_length` is `length`, `error` is raised as
 * a 502, and one outside OpenAI's set is `tool_calls` beside tool calls, else `stop`; tool calls without `index` or `type`, or with object `arguments`, are normalised;
 * tool-call ids other than Mistral's 9 letters and digits (another provider's, or the client's own)
 * go as a digest of themselves, `developer` messages as `system`, and `name` only on tool messages;
 * an `input_audio` part as Mistral's audio chunk (mistral-audio-parts.ts), a PDF `file` part as its
 * `document_url` chunk (mistral-document-parts.ts; other files and OpenAI file ids are a 400);
 * content given as a list of chunks (reasoning models: Magistral, and others with `reasoning_effort`,
 * https://docs.mistral.ai/capabilities/reasoning/) keeps its text parts as content and gives its
 * `thinking` chunks' text as `reasoning_content`, in answers and stream deltas alike (a stream's
 * `delta.content` is a list while the model thinks, then text); an assistant message's
 * `reasoning_content` goes back the same way, as a `thinking` chunk before its text, when the
 * request reasons (the field itself Mistral would refuse); `reasoning_effort` (Mistral's own
 * field: `high` or `none`) and `prompt_mode` are sent as given. Error bodies carry
 * `message` as a string, or as pydantic `detail` issues (422), which are spelled out.
 *
 * Rejected with a 400 naming the parameter: OpenAI parameters Mistral has no equivalent for
 * (logprobs, top_logprobs, logit_bias, user, top_k, the deprecated functions and function_call, ...), completions'
 * `best_of`, `echo` and `suffix`, and embeddings' `user`. Token-id embedding inputs → 400.
 * A `tool_choice` of `allowed_tools` goes as the allowed tools alone with its mode as the choice; any
 * other object but a named function is a 400 (shared/tool-choice.ts), and so are a `function` message
 * and an assistant's `function_call` (shared/function-messages.ts), and a conversation whose roles
 * come in an order Mistral refuses (mistral-message-order.ts).
 */
import { createHash } from 'node:crypto';
import type { MistralConfig } from '../../generated/config';
import { GatewayError, vendorErrorOf, type VendorError } from '../errors';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, CompletionsChunk, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse } from '../schema';
import {
  chatAnswerWithUsageAsEvents,
  completionsAnswerWithUsageAsEvents,
  createOpenAIChatStream,
  createOpenAICompletionsStream,
  describeValidationIssues,
  fromOpenAIChat,
  fromOpenAICompletions,
  fromOpenAIEmbeddings,
  mapOpenAIChoices,
  openaiErrorMessage,
  openaiVendorError,
  ALL_REASONING,
  toOpenAIChat,
  toOpenAIEmbeddings,
  type OpenAINormaliser,
  type OpenAIRequestOptions,
} from './openai';
import { embeddingTexts, encodingFormatOf, type EncodingFormat } from './shared/embeddings';
import { createCalledTools, inOpenAIFinishReasons } from './shared/finish-reasons';
import { refuseFunctionMessages } from './shared/function-messages';
import { withMistralAudioParts } from './mistral-audio-parts';
import { withMistralDocumentParts } from './mistral-document-parts';
import { checkMistralMessageOrder } from './mistral-message-order';
import { argumentsText, isRecord } from './shared/json';
import { requireModelName } from './shared/model';
import { checkParameterDefaults } from './shared/parameter-defaults';
import { LEGACY_COMPLETIONS_PARAMETERS, LEGACY_FUNCTION_PARAMETERS, NEWER_OPENAI_PARAMETERS, rejectUnsupportedParameters, renameParameter, scaleTemperature, withMaxTokens, withoutNoOpValues } from './shared/parameters';
import { withCompatibleToolChoice } from './shared/tool-choice';
import { createUpstream } from './transport/http';
import { foldEvents, type StreamFold } from './transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

// ---- Wire types (only the fields we normalise) ----

type Wire = Record<string, unknown>;

interface MistralToolCall {
  index?: number;
  id?: string;
  type?: string | null;
  function?: { name?: string; arguments?: string | Record<string, unknown> };
}

/** A choice of a response (`message`) or of a stream chunk (`delta`). */
interface MistralChoice {
  index?: number;
  message?: { content?: unknown; tool_calls?: MistralToolCall[] | null };
  delta?: { content?: unknown; tool_calls?: MistralToolCall[] | null };
  finish_reason?: string | null;
}

const PROVIDER = 'Mistral';
const TEMPERATURE_FACTOR = 0.5;
const UNSUPPORTED = ['logprobs', 'top_logprobs', 'logit_bias', 'user', 'safety_identifier', 'top_k', 'store', 'metadata', 'service_tier', 'modalities', 'audio', ...LEGACY_FUNCTION_PARAMETERS, ...NEWER_OPENAI_PARAMETERS];

// ---- Requests ----

/** The parameter quirks shared by chat and completions. */
function toMistralParameters(clientRequest: Wire): Wire {
  const request = withoutNoOpValues(clientRequest);
  rejectUnsupportedParameters(request, UNSUPPORTED, PROVIDER);
  // Mistral always reports usage on its last chunk, so `include_usage` is honoured without the field.
  const { stream_options: _options, temperature, ...rest } = renameParameter(withMaxTokens(withCompatibleToolChoice(request, PROVIDER)), 'seed', 'random_seed', PROVIDER);
  return temperature === undefined ? rest : { ...rest, temperature: scaleTemperature(temperature, TEMPERATURE_FACTOR) };
}

const MISTRAL_TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;

/**
 * Mistral refuses a tool-call id that is not exactly 9 letters and digits ("Tool call id was … but
 * must be a-z, A-Z, 0-9, with a length of 9"), yet a conversation may carry ids OpenAI, Anthropic,
 * Gemini or the client wrote (a FALLBACK route mixes them): such an id goes as the first 9 hex
 * digits of its SHA-256, the same for the call and for the tool result answering it.
 */
export function mistralToolCallId(id: string): string {
  return MISTRAL_TOOL_CALL_ID.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 9);
}

/**
 * A message as Mistral takes it: its ids as above, and a `developer` message (OpenAI's name for the
 * instructions of its reasoning models) as `system`, since Mistral's roles are system, user,
 * assistant and tool. Only tool messages have a `name` at Mistral, which refuses it elsewhere (422
 * `extra_forbidden` at `messages[i].user.name`): LangChain's named messages and LangGraph's agent
 * names lose it, as for Anthropic, Gemini and Bedrock.
 */
function toMistralMessage(message: ChatMessage, reasons: boolean, index: number): ChatMessage {
  const { tool_calls: toolCalls, tool_call_id: toolCallId, name: _name, ...withoutName } = message;
  // Whatever the role: Mistral's assistant and tool messages take content chunks too.
  const content = withMistralDocumentParts(withMistralAudioParts(message.content), index);
  return {
    ...(message.role === 'tool' ? message : withoutName),
    ...(content !== message.content ? { content } : {}),
    ...(message.role === 'developer' ? { role: 'system' } : {}),
    ...(toolCalls ? { tool_calls: toolCalls.map((call) => ({ ...call, id: mistralToolCallId(call.id) })) } : {}),
    ...(typeof toolCallId === 'string' ? { tool_call_id: mistralToolCallId(toolCallId) } : {}),
    ...(reasons ? thinkingContentOf(message, content) : {}),
  };
}

/**
 * Whether the request reasons, so that its history's thinking goes back: a Magistral model always
 * does, another model when `reasoning_effort` is other than `none`. A model that does not think
 * refuses a thinking chunk: Mistral's tokenizers before v13, or without think tokens (Mistral Large,
 * Ministral, Codestral), cannot encode one (mistral-common, with which Mistral's API validates).
 */
function reasons(request: ChatRequest, model: string | null): boolean {
  const effort = request.reasoning_effort;
  return (effort != null && effort !== 'none') || (model?.toLowerCase().startsWith('magistral') ?? false);
}

/**
 * An assistant message's `reasoning_content` as Mistral takes thinking back: a `thinking` chunk
 * before the message's text, as its answers give them (content as a list of chunks; a string
 * content becomes one `text` chunk). Mistral asks for every turn's thinking to be replayed
 * (its SDK's `reasoning_multi_turn` example: dropping it degrades Mistral Medium 3.5), so each
 * assistant message that carries some gets it back, not only those after the last user turn.
 * `content` is the message's, its parts already in Mistral's shapes.
 */
function thinkingContentOf(message: ChatMessage, content: ChatMessage['content']): { content?: ChatMessage['content'] } {
  const reasoning = message.reasoning_content;
  if (message.role !== 'assistant' || typeof reasoning !== 'string' || reasoning === '') return {};
  const thinking = { type: 'thinking', thinking: [{ type: 'text', text: reasoning }] };
  const texts = typeof content === 'string' ? (content === '' ? [] : [{ type: 'text', text: content }]) : (content ?? []);
  // A thinking chunk is Mistral's own content type, which the unified ContentPart does not list.
  return { content: [thinking, ...texts] as unknown as ChatMessage['content'] };
}

/**
 * Mistral refuses unknown message fields (422 `extra_forbidden`), `reasoning_content` among them:
 * it goes as a `thinking` content chunk instead (thinkingContentOf) when the request reasons, and the field is left out.
 */
export function toMistralChat(request: ChatRequest, options: OpenAIRequestOptions): Wire {
  refuseFunctionMessages(request.messages, PROVIDER);
  checkMistralMessageOrder(request.messages);
  const parameters = toMistralParameters(request) as ChatRequest;
  const withThinking = reasons(parameters, options.model);
  return toOpenAIChat({ ...parameters, messages: parameters.messages.map((message, index) => toMistralMessage(message, withThinking, index)) }, { ...options, omittedReasoning: ALL_REASONING });
}

/**
 * Completions go to the chat endpoint: the prompt becomes the one user message. OpenAI's
 * completions-only parameters have no place in a chat request (Mistral would refuse them with its 422).
 */
export function toMistralCompletions(request: CompletionsRequest, options: OpenAIRequestOptions): Wire {
  rejectUnsupportedParameters(request, LEGACY_COMPLETIONS_PARAMETERS, PROVIDER);
  const { prompt, ...rest } = request;
  return toOpenAIChat({ ...toMistralParameters(rest), messages: [{ role: 'user', content: prompt }] } as ChatRequest, options);
}

// ---- Responses and streams ----

/** The text of `text` chunks in a list (other chunks count for nothing). */
function textOfChunks(chunks: readonly unknown[]): string {
  return chunks.map((part) => (isRecord(part) && part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * A content given as a string or as a list of chunks (reasoning models) as OpenAI's fields: the
 * `text` chunks are the content (null when the list has none: a stream's thinking pieces), and the
 * text inside `thinking` chunks (`{"type":"thinking","thinking":[{"type":"text","text":…}]}`) is
 * `reasoning_content`, present only when there is some.
 */
function fromMistralContent(content: unknown): { content: string | null; reasoning_content?: string } {
  if (typeof content === 'string' || content === null || content === undefined) return { content: (content as string | null | undefined) ?? null };
  if (!Array.isArray(content)) return { content: null };
  const thinking = content.filter((part) => isRecord(part) && part.type === 'thinking' && Array.isArray(part.thinking));
  const texts = content.filter((part) => isRecord(part) && part.type === 'text');
  return {
    content: texts.length > 0 ? textOfChunks(texts) : null,
    ...(thinking.length > 0 ? { reasoning_content: thinking.map((part) => textOfChunks((part as { thinking: unknown[] }).thinking)).join('') } : {}),
  };
}

function normaliseToolCall(call: MistralToolCall, position: number): MistralToolCall {
  return {
    ...call,
    index: call.index ?? position,
    type: call.type ?? 'function',
    function: { ...call.function, arguments: argumentsText(call.function?.arguments) },
  };
}

function normaliseMessage<Message extends MistralChoice['message']>(message: Message): Message {
  if (!message) return message;
  const toolCalls = message.tool_calls?.map(normaliseToolCall);
  return { ...message, ...fromMistralContent(message.content), ...(toolCalls ? { tool_calls: toolCalls } : {}) };
}

/**
 * Mistral's finish reasons in the unified set: `model_length` (the context window filled) is `length`,
 * and `error` (generation failed) is raised as a 502. One outside OpenAI's set (Mistral adds one
 * later) is `tool_calls` when the choice called tools, else `stop` (shared/finish-reasons.ts).
 */
export function mapMistralFinishReason(reason: string | null | undefined, calledTools = false): string | null {
  if (reason === 'model_length') return 'length';
  if (reason === 'error') throw GatewayError.upstreamUnavailable('Mistral reported an error while generating (finish_reason error).', false);
  return inOpenAIFinishReasons(reason, calledTools);
}

/**
 * For one answer or one stream: a response or chunk with OpenAI's shape (which remembers the
 * choices that called tools, for a finish reason Mistral adds later); an `{"object":"error"}` body
 * throws its message.
 */
function createMistralNormaliser(): OpenAINormaliser {
  const calledTools = createCalledTools();
  return (body) => {
    if (body.object === 'error') throw GatewayError.upstreamUnavailable(mistralErrorMessage(body) ?? 'Mistral reported an error.', false);
    return mapOpenAIChoices<MistralChoice>(body, (choice, choiceIndex) => ({
      ...choice,
      ...(choice.message ? { message: normaliseMessage(choice.message) } : {}),
      ...(choice.delta ? { delta: normaliseMessage(choice.delta) } : {}),
      finish_reason: mapMistralFinishReason(choice.finish_reason, calledTools.see(choiceIndex, choice.message?.tool_calls ?? choice.delta?.tool_calls)),
    }));
  };
}

export function fromMistralChat(body: unknown): ChatResponse {
  return fromOpenAIChat(body, createMistralNormaliser());
}

export function createMistralChatStream(): StreamFold<ChatChunk> {
  return createOpenAIChatStream(createMistralNormaliser());
}

export function fromMistralCompletions(body: unknown): CompletionsResponse {
  return fromOpenAICompletions(body, createMistralNormaliser());
}

/** Chat-shaped chunks read as completions chunks (`delta.content` is the text). */
export function createMistralCompletionsStream(): StreamFold<CompletionsChunk> {
  return createOpenAICompletionsStream(createMistralNormaliser());
}

// ---- Embeddings ----

/** Mistral's embeddings schema has no `user` and refuses fields it does not know (422 `extra_forbidden`). */
const EMBEDDINGS_UNSUPPORTED = ['user', 'safety_identifier'];

export function toMistralEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): Wire {
  embeddingTexts(request.input, PROVIDER);
  encodingFormatOf(request, PROVIDER);
  rejectUnsupportedParameters(request, EMBEDDINGS_UNSUPPORTED, PROVIDER);
  // Mistral answers float lists to `encoding_format: "base64"` too, which OpenAI's clients (asking for
  // base64 by default) decode into zeros a quarter of the length: it gets floats, the gateway encodes.
  const { encoding_format: _format, ...rest } = request;
  // Mistral names OpenAI's `dimensions` `output_dimension` (codestral-embed takes it).
  return toOpenAIEmbeddings(renameParameter(rest, 'dimensions', 'output_dimension', PROVIDER) as EmbeddingsRequest, { model });
}

/** The answer in input order, its float vectors encoded when the request asked for `base64`. */
export function fromMistralEmbeddings(body: unknown, { encodingFormat = 'float' }: { encodingFormat?: EncodingFormat } = {}): EmbeddingsResponse {
  return fromOpenAIEmbeddings(body, { encodingFormat });
}

// ---- Errors ----

/** Mistral's own spellings of `message`: the issue list itself, or as a JSON text; other shapes are OpenAI's (openaiErrorMessage). */
function describeMessage(message: unknown): string | null {
  if (Array.isArray(message)) return describeValidationIssues(message);
  if (typeof message !== 'string') return null;
  // Some answers carry the issue list as a JSON text inside `message`.
  try {
    const parsed: unknown = JSON.parse(message);
    return (isRecord(parsed) ? describeValidationIssues(parsed.detail) : null) ?? message;
  } catch {
    return message;
  }
}

/**
 * The vendor's message from a Mistral error body: `{"object":"error","message":...}` where
 * `message` is a text or a validation `detail` list, a top-level `detail`, or OpenAI's shape.
 */
export function mistralErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  // openaiErrorMessage also reads `detail` and `message.detail` (FastAPI's shapes, which Mistral answers with).
  return describeMessage(body.message) ?? openaiErrorMessage(body);
}

/**
 * The vendor's `type`, `code` and `param`: in OpenAI's `error` object, or at the top level of
 * Mistral's own `{"object":"error",...}` (whose types, e.g. `invalid_request_message_error`, are
 * not OpenAI's and are not passed on).
 */
export function mistralVendorError(body: unknown): VendorError | null {
  if (!isRecord(body)) return null;
  return openaiVendorError(body) ?? (body.object === 'error' ? vendorErrorOf(body) : null);
}

// ---- Adapter ----

export const MISTRAL_DEFAULT_API_BASE = 'https://api.mistral.ai/v1';
const CHAT_PATH = 'chat/completions';
const EMBEDDINGS_PATH = 'embeddings';

export const mistralAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<MistralConfig>): ProviderEndpoint<CallContext> {
    const model = requireModelName(settings.modelName, PROVIDER);
    // Chat and completions share the parameter checks and renames (pure: run on the defaults as on a request).
    checkParameterDefaults(settings, { 'llm/v1/chat': toMistralParameters, 'llm/v1/completions': toMistralParameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: settings.config.mistral_api_base ?? MISTRAL_DEFAULT_API_BASE,
      headers: { Authorization: `Bearer ${settings.config.mistral_api_key}` },
      providerName: PROVIDER,
      endpointName: settings.name,
      errorMessage: mistralErrorMessage,
      errorHints: (body) => ({ vendorError: mistralVendorError(body) }),
    });
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { abort }) => fromMistralChat(await upstream.postJson(CHAT_PATH, toMistralChat(request, { model }), { signal: abort })),
          chatStream: (request, { abort }) =>
            foldEvents(upstream.postStream(CHAT_PATH, toMistralChat(request, { model, stream: true }), { signal: abort, eventsOfAnswer: chatAnswerWithUsageAsEvents }), createMistralChatStream()),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromMistralCompletions(await upstream.postJson(CHAT_PATH, toMistralCompletions(request, { model }), { signal: abort })),
          completionsStream: (request, { abort }) =>
            foldEvents(
              upstream.postStream(CHAT_PATH, toMistralCompletions(request, { model, stream: true }), { signal: abort, eventsOfAnswer: completionsAnswerWithUsageAsEvents }),
              createMistralCompletionsStream(),
            ),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort }) => {
            const encodingFormat = encodingFormatOf(request, PROVIDER);
            return fromMistralEmbeddings(await upstream.postJson(EMBEDDINGS_PATH, toMistralEmbeddings(request, { model }), { signal: abort }), { encodingFormat });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<MistralConfig, CallContext>;
