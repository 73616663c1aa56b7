/**
 * Together AI (`togetherai_api_base`, default `https://api.together.xyz/v1`,
 * `Authorization: Bearer <key>`). OpenAI-compatible, so OpenAI's mappers do the work:
 * - chat → `POST /chat/completions`: https://docs.together.ai/reference/chat-completions-1
 * - completions → `POST /completions`: https://docs.together.ai/reference/completions-1
 * - embeddings → `POST /embeddings`: https://docs.together.ai/reference/embeddings-2
 * - streaming (SSE, `data: [DONE]`): https://docs.together.ai/docs/streaming-responses
 *
 * Quirks (reference §6.12): `logprobs` is an integer count on Together, so OpenAI's
 * `top_logprobs` is sent as `logprobs` (a boolean `logprobs` becomes 1 or 0); values that are
 * not 32-bit integers get the reference's 422. The `logprobs` Together answers with are passed on
 * in its own shape (`tokens`, `token_logprobs`: https://docs.together.ai/docs/logprobs), a stream chunk's
 * bare number as that object for its token. Completions require `max_tokens` (422, the
 * reference's message). `max_completion_tokens` (OpenAI's newer name) is sent as `max_tokens`, `stop`
 * as a list. `stream_options` is not sent: the API reference lists no such field, and every stream's
 * last chunk carries its usage, so `include_usage` (a client's, or the gateway's for
 * `/v1/responses`) is honoured without it. Finish reason `eos` is `stop`, one outside OpenAI's set
 * `tool_calls` beside tool calls, else `stop`. Legacy chat
 * chunks that carry only `choices[].text` are read too. Embeddings send the configured model (the
 * reference sends none) and the gateway produces `encoding_format: base64` itself, since
 * Together's embeddings API has no such field; it has no `dimensions`, `user` or `safety_identifier` either (a 400). The temperature is not scaled (§6.13).
 *
 * Rejected with a 400 naming the parameter: OpenAI parameters Together AI's API reference does not
 * list (user, store, ...), and OpenAI's deprecated `functions` with its `function_call` (listed alone,
 * with nothing to choose from), and completions' `best_of`, `suffix` and `echo` (Together answers the
 * echoed prompt apart). `parallel_tool_calls` is not sent (`true` is what it does anyway, `false`
 * the gateway honours on the answer, server/one-tool-call.ts). Token-id embedding inputs → 400.
 * A `tool_choice` of `allowed_tools` goes as the allowed tools alone with its mode as the choice; any
 * other object but a named function is a 400 (shared/tool-choice.ts), and so are a `function` message
 * and an assistant's `function_call` (shared/function-messages.ts), and a `file` content part (the chat
 * API takes no document), naming the part.
 */
import type { TogetherAIConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type { ChatChunk, ChatRequest, ChatResponse, CompletionsChunk, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse } from '../schema';
import {
  chatAnswerWithUsageAsEvents,
  completionsAnswerWithUsageAsEvents,
  createOpenAIChatStream,
  createOpenAICompletionsStream,
  fromOpenAIChat,
  fromOpenAICompletions,
  fromOpenAIEmbeddings,
  mapOpenAIChoices,
  openaiErrorMessage,
  openaiVendorError,
  toOpenAIChat,
  toOpenAICompletions,
  toOpenAIEmbeddings,
  type OpenAINormaliser,
  type OpenAIRequestOptions,
} from './openai';
import { embeddingTexts, encodeEmbedding, encodingFormatOf, type EncodingFormat } from './shared/embeddings';
import { createCalledTools, inOpenAIFinishReasons } from './shared/finish-reasons';
import { refuseContentParts } from './shared/content-parts';
import { refuseFunctionMessages } from './shared/function-messages';
import { requireModelName } from './shared/model';
import { checkParameterDefaults } from './shared/parameter-defaults';
import { LEGACY_FUNCTION_PARAMETERS, NEWER_OPENAI_PARAMETERS, rejectUnsupportedParameters, stopList, withMaxTokens, withoutNoOpValues, withParallelToolCallsAllowed } from './shared/parameters';
import { withCompatibleToolChoice } from './shared/tool-choice';
import { createUpstream } from './transport/http';
import { foldEvents, type StreamFold } from './transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

// ---- Wire types (only the fields we normalise) ----

type Wire = Record<string, unknown>;

interface TogetherChoice {
  index?: number;
  text?: string | null;
  message?: { tool_calls?: unknown };
  delta?: { content?: string | null; tool_calls?: unknown };
  finish_reason?: string | null;
  /** An answer's `{tokens, token_logprobs}`; in a stream chunk, the chunk's token's log probability alone (a number). */
  logprobs?: unknown;
}

/** The reference's display name, used in its messages. */
const PROVIDER = 'TogetherAI';
const UNSUPPORTED = ['user', 'safety_identifier', 'store', 'metadata', 'service_tier', 'modalities', 'audio', 'prediction', ...LEGACY_FUNCTION_PARAMETERS, ...NEWER_OPENAI_PARAMETERS];

// ---- Requests ----

function isInt32(value: unknown): boolean {
  return typeof value === 'boolean' || (Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31);
}

/** Together's integer `logprobs` from OpenAI's `logprobs` flag and `top_logprobs` count. */
function toTogetherLogprobs(request: Wire): Wire {
  const { logprobs, top_logprobs: topLogprobs, ...rest } = request;
  // The reference's checks and messages (a boolean passes, as a bool is an int in Python).
  if (logprobs !== undefined && !isInt32(logprobs)) throw GatewayError.invalidParam('Wrong type for logprobs. It should be an 32bit integer.', 'logprobs', 422);
  if (topLogprobs !== undefined && !isInt32(topLogprobs)) throw GatewayError.invalidParam('Wrong type for top_logprobs. It should a 32bit integer.', 'top_logprobs', 422);
  const count = topLogprobs ?? logprobs;
  if (count === undefined) return rest;
  return { ...rest, logprobs: typeof count === 'boolean' ? Number(count) : count };
}

/** The parameter quirks shared by chat and completions. */
function toTogetherParameters<Request extends Wire>(clientRequest: Request): Request {
  const request = withoutNoOpValues(clientRequest);
  rejectUnsupportedParameters(request, UNSUPPORTED, PROVIDER);
  // Together's API reference has no `stream_options`, and its last chunk carries the usage anyway.
  const { stop, stream_options: _options, ...rest } = toTogetherLogprobs(withMaxTokens(withParallelToolCallsAllowed(withCompatibleToolChoice(request, PROVIDER), PROVIDER)));
  return { ...rest, ...(stop !== undefined ? { stop: stopList(stop) } : {}) } as Request;
}

/**
 * Content parts Together's chat API has no shape for: its user content takes text, image_url,
 * video_url, audio_url and input_audio parts, no document (ChatCompletionUserMessageContentMultimodal
 * in togethercomputer/together-py `src/together/types/chat/completion_create_params.py`).
 */
const REFUSED_PARTS: ReadonlySet<string> = new Set(['file']);

export function toTogetherAIChat(request: ChatRequest, options: OpenAIRequestOptions): Wire {
  refuseFunctionMessages(request.messages, PROVIDER);
  refuseContentParts(request.messages, REFUSED_PARTS, { provider: PROVIDER, taken: 'text, image_url, video_url, audio_url and input_audio parts' });
  return toOpenAIChat(toTogetherParameters(request), options);
}

/**
 * OpenAI's completions-only parameters Together's completions reference does not list (`best_of`,
 * `suffix`: ignored there), and `echo`, which Together answers apart, in a `prompt` list beside the
 * choices, where OpenAI puts the prompt at the start of each choice's text: the client would get the
 * text without it. `echo: false` asks for nothing and is Together's own default.
 */
function refuseLegacyCompletionsParameters(request: Wire): void {
  rejectUnsupportedParameters(request, ['best_of', 'suffix'], PROVIDER);
  if (request.echo !== undefined && request.echo !== false) {
    throw GatewayError.invalidParam(
      "The parameter 'echo' is not supported by TogetherAI: it answers the echoed prompt apart from the completion, not at the start of its text as OpenAI does.",
      'echo',
    );
  }
}

export function toTogetherAICompletions(request: CompletionsRequest, options: OpenAIRequestOptions): Wire {
  refuseLegacyCompletionsParameters(request);
  if (request.max_tokens === undefined && (request as Wire).max_completion_tokens === undefined) {
    throw GatewayError.invalidParam('max_tokens is not present in payload.It is a required parameter for TogetherAI completions.', 'max_tokens', 422);
  }
  return toOpenAICompletions(toTogetherParameters(request), options);
}

// ---- Responses and streams ----

/**
 * `eos` (end of sequence) is the unified `stop`; one outside OpenAI's set (Together adds one later)
 * is `tool_calls` when the choice called tools, else `stop` (shared/finish-reasons.ts).
 */
export function mapTogetherAIFinishReason(reason: string | null | undefined, calledTools = false): string | null {
  return reason === 'eos' ? 'stop' : inOpenAIFinishReasons(reason, calledTools);
}

/**
 * A stream chunk's log probability, which Together sends as a bare number (the chunk's one token's:
 * `CompletionChoicesChunk.logprobs: float` in togethercomputer/together-python's types, read so by
 * meta-llama/llama-stack's Together adapter), as the `{tokens, token_logprobs}` object its answers carry
 * for the same tokens; a number is no logprobs object, and the chunk would go without it.
 */
function chunkLogprobs(choice: TogetherChoice): { logprobs: unknown } | undefined {
  if (typeof choice.logprobs !== 'number') return undefined;
  const token = typeof choice.text === 'string' ? choice.text : (choice.delta?.content ?? '');
  return { logprobs: { tokens: [token], token_logprobs: [choice.logprobs] } };
}

/**
 * For one answer or one stream: a response or chunk in OpenAI's shape (finish reasons mapped, legacy
 * chunk `text` as delta content, a chunk's logprob as an object), which remembers the choices that called tools.
 */
function createTogetherAINormaliser(): OpenAINormaliser {
  const calledTools = createCalledTools();
  return (body) =>
    mapOpenAIChoices<TogetherChoice>(body, (choice, choiceIndex) => ({
      ...choice,
      ...(choice.delta && choice.delta.content == null && typeof choice.text === 'string' ? { delta: { ...choice.delta, content: choice.text } } : {}),
      ...chunkLogprobs(choice),
      finish_reason: mapTogetherAIFinishReason(choice.finish_reason, calledTools.see(choiceIndex, choice.message?.tool_calls ?? choice.delta?.tool_calls)),
    }));
}

export function fromTogetherAIChat(body: unknown): ChatResponse {
  return fromOpenAIChat(body, createTogetherAINormaliser());
}

export function createTogetherAIChatStream(): StreamFold<ChatChunk> {
  return createOpenAIChatStream(createTogetherAINormaliser());
}

export function fromTogetherAICompletions(body: unknown): CompletionsResponse {
  return fromOpenAICompletions(body, createTogetherAINormaliser());
}

export function createTogetherAICompletionsStream(): StreamFold<CompletionsChunk> {
  return createOpenAICompletionsStream(createTogetherAINormaliser());
}

// ---- Embeddings ----

export function toTogetherAIEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): Wire {
  embeddingTexts(request.input, PROVIDER);
  // Together's embeddings take only `model` and `input`: a `dimensions` would come back as full-size
  // vectors, and the end-user id (`user`, or its newer name `safety_identifier`) would be dropped, as in chat.
  rejectUnsupportedParameters(request, ['dimensions', 'user', 'safety_identifier'], PROVIDER);
  const { encoding_format: _format, ...rest } = request;
  return toOpenAIEmbeddings(rest as EmbeddingsRequest, { model });
}

export function fromTogetherAIEmbeddings(body: unknown, { encodingFormat }: { encodingFormat: EncodingFormat }): EmbeddingsResponse {
  const response = fromOpenAIEmbeddings(body);
  return { ...response, data: response.data.map((item) => ({ ...item, embedding: Array.isArray(item.embedding) ? encodeEmbedding(item.embedding, encodingFormat) : item.embedding })) };
}

// ---- Errors ----

/** Together AI answers errors in OpenAI's shape (`{"error":{"message"}}`), sometimes as `{"message"}`. */
export function togetheraiErrorMessage(body: unknown): string | null {
  return openaiErrorMessage(body);
}

/** Together AI's `type` (when OpenAI's), `code` and `param` from its OpenAI-shaped error object. */
export const togetheraiVendorError = openaiVendorError;

// ---- Adapter ----

export const TOGETHERAI_DEFAULT_API_BASE = 'https://api.together.xyz/v1';
const CHAT_PATH = 'chat/completions';
const COMPLETIONS_PATH = 'completions';
const EMBEDDINGS_PATH = 'embeddings';

export const togetheraiAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<TogetherAIConfig>): ProviderEndpoint<CallContext> {
    const model = requireModelName(settings.modelName, PROVIDER);
    // Chat and completions share the parameter checks (pure: run on the defaults as on a request).
    checkParameterDefaults(settings, { 'llm/v1/chat': toTogetherParameters, 'llm/v1/completions': toTogetherParameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: settings.config.togetherai_api_base ?? TOGETHERAI_DEFAULT_API_BASE,
      headers: { Authorization: `Bearer ${settings.config.togetherai_api_key}` },
      providerName: PROVIDER,
      endpointName: settings.name,
      errorMessage: togetheraiErrorMessage,
      errorHints: (body) => ({ vendorError: togetheraiVendorError(body) }),
    });
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { abort }) => fromTogetherAIChat(await upstream.postJson(CHAT_PATH, toTogetherAIChat(request, { model }), { signal: abort })),
          chatStream: (request, { abort }) =>
            foldEvents(
              upstream.postStream(CHAT_PATH, toTogetherAIChat(request, { model, stream: true }), { signal: abort, eventsOfAnswer: chatAnswerWithUsageAsEvents }),
              createTogetherAIChatStream(),
            ),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromTogetherAICompletions(await upstream.postJson(COMPLETIONS_PATH, toTogetherAICompletions(request, { model }), { signal: abort })),
          completionsStream: (request, { abort }) =>
            foldEvents(
              upstream.postStream(COMPLETIONS_PATH, toTogetherAICompletions(request, { model, stream: true }), { signal: abort, eventsOfAnswer: completionsAnswerWithUsageAsEvents }),
              createTogetherAICompletionsStream(),
            ),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort }) => {
            const encodingFormat = encodingFormatOf(request);
            return fromTogetherAIEmbeddings(await upstream.postJson(EMBEDDINGS_PATH, toTogetherAIEmbeddings(request, { model }), { signal: abort }), { encodingFormat });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<TogetherAIConfig, CallContext>;
