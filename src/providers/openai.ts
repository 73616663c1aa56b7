/**
 * OpenAI and Azure OpenAI (`openai_api_type`: `openai`, `azure` or `azuread`, case-insensitive).
 *
 * Vendor references:
 * - Chat completions and chunks: https://platform.openai.com/docs/api-reference/chat
 * - Legacy completions: https://platform.openai.com/docs/api-reference/completions
 * - Embeddings: https://platform.openai.com/docs/api-reference/embeddings
 * - Errors: https://platform.openai.com/docs/guides/error-codes
 * - Azure: https://learn.microsoft.com/azure/ai-services/openai/reference
 *   (`/openai/deployments/{deployment}/...?api-version=`, `api-key` or Entra ID bearer token)
 *
 * The unified API is OpenAI's own shape, so requests pass through unchanged (plus the configured
 * `model` for the openai type; Azure's deployment decides the model) and responses are trimmed to
 * the unified schema: logprobs, system_fingerprint, service_tier, annotations and usage details are
 * dropped. Nothing is rejected here: OpenAI validates its own parameters (`n`, `stop`, ...) and its
 * 4xx answers reach the client with their status and message. Mistral, Together AI and TGI speak
 * the same wire format and reuse the exported mappers.
 */
import type { OpenAIConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  ToolCall,
  ToolCallDelta,
  Usage,
} from '../schema';
import { excerpt, isRecord, parseJsonObject } from './shared/json';
import { createUpstream, joinUrl } from './transport/http';
import { foldEvents, type SseEvent, type StreamFold } from './transport/sse';
import type { EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

// ---- Wire types (only the fields we read) ----

interface OpenAIUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
}

/** What every response and stream chunk carries. */
interface OpenAIEnvelope {
  id?: string | null;
  created: number;
  model: string;
  usage?: OpenAIUsage | null;
}

interface OpenAIToolCall {
  id: string;
  type?: string;
  function: { name: string; arguments: string };
}

interface OpenAIToolCallDelta {
  index: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null };
}

interface OpenAIChatResponse extends OpenAIEnvelope {
  choices: {
    message?: { role?: string; content?: string | null; tool_calls?: OpenAIToolCall[] | null; refusal?: string | null };
    finish_reason?: string | null;
  }[];
}

interface OpenAIChatChunk extends OpenAIEnvelope {
  choices?: {
    index?: number;
    finish_reason?: string | null;
    delta?: { role?: string | null; content?: string | null; tool_calls?: OpenAIToolCallDelta[] | null };
  }[] | null;
}

interface OpenAICompletionsResponse extends OpenAIEnvelope {
  choices: { text?: string | null; message?: { content?: string | null }; finish_reason?: string | null }[];
}

/** Genuine `/v1/completions` chunks carry `text`; chat-shaped ones (some servers) carry `delta`. */
interface OpenAICompletionsChunk extends OpenAIEnvelope {
  choices?: { index?: number; text?: string | null; delta?: { content?: string | null }; finish_reason?: string | null }[] | null;
}

interface OpenAIEmbeddingsResponse {
  data: { embedding: number[] | string }[];
  model: string;
  usage?: { prompt_tokens?: number | null; total_tokens?: number | null } | null;
}

// ---- Requests ----

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
  // The client's own `stream`/`model` flags never decide what we send.
  const { stream: _clientStream, model: _clientModel, ...rest } = request as Record<string, unknown>;
  return { ...rest, ...(model !== null ? { model } : {}), ...(stream ? { stream: true } : {}) };
}

export function toOpenAIChat(request: ChatRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  return toOpenAIBody(request, options);
}

// ---- Responses ----

/**
 * A vendor's fix-up of a response or stream chunk into OpenAI's shape, run before OpenAI's mapper
 * (OpenAI-compatible vendors: Mistral, Together AI, TGI). OpenAI's own bodies pass as they are.
 */
export type OpenAINormaliser = (body: Record<string, unknown>) => Record<string, unknown>;

const asIs: OpenAINormaliser = (body) => body;

/** `body` with `mapChoice` applied to each of its `choices`; a body without that list is returned as is. */
export function mapOpenAIChoices<Choice>(body: Record<string, unknown>, mapChoice: (choice: Choice) => Choice): Record<string, unknown> {
  return Array.isArray(body.choices) ? { ...body, choices: (body.choices as Choice[]).map(mapChoice) } : body;
}

/** Reads a body through a vendor's normaliser (only objects are normalised; anything else fails in `expectList`). */
function normalised(body: unknown, normalise: OpenAINormaliser): unknown {
  return isRecord(body) ? normalise(body) : body;
}

/** Guards the one field every mapper below depends on, so a malformed 2xx is a clear 502. */
function expectList<Wire>(body: unknown, field: 'choices' | 'data'): Wire {
  if (!isRecord(body) || !Array.isArray(body[field])) {
    throw GatewayError.upstreamUnavailable(`The provider's response has no '${field}' list.`);
  }
  return body as Wire;
}

function fromOpenAIUsage(usage: OpenAIUsage | null | undefined): Usage {
  return {
    prompt_tokens: usage?.prompt_tokens ?? null,
    completion_tokens: usage?.completion_tokens ?? null,
    total_tokens: usage?.total_tokens ?? null,
  };
}

function fromOpenAIToolCall(call: OpenAIToolCall): ToolCall {
  return { id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } };
}

export function fromOpenAIChat(body: unknown, normalise: OpenAINormaliser = asIs): ChatResponse {
  const response = expectList<OpenAIChatResponse>(normalised(body, normalise), 'choices');
  return {
    id: response.id ?? null,
    object: 'chat.completion',
    created: response.created,
    model: response.model,
    choices: response.choices.map((choice, index) => ({
      index,
      message: {
        role: choice.message?.role ?? 'assistant',
        content: choice.message?.content ?? null,
        tool_calls: choice.message?.tool_calls?.map(fromOpenAIToolCall) ?? null,
        refusal: choice.message?.refusal ?? null,
      },
      finish_reason: choice.finish_reason ?? null,
    })),
    usage: fromOpenAIUsage(response.usage),
  };
}

// ---- Streams ----

/** Parses one `data:` payload; a vendor `error` object mid-stream becomes a non-retryable 502. */
function parseStreamData(data: string): Record<string, unknown> {
  const parsed = parseJsonObject(data);
  if (parsed === null) {
    throw GatewayError.upstreamUnavailable(`The provider sent a stream event that is not a JSON object: ${excerpt(data)}`, false);
  }
  if (parsed.error !== undefined && parsed.error !== null) {
    const message = openaiErrorMessage(parsed) ?? `The provider reported an error mid-stream: ${excerpt(data)}`;
    throw GatewayError.upstreamUnavailable(message, false);
  }
  return parsed;
}

/** The fold shared by both stream kinds: `[DONE]` ends it, empty events are skipped. */
function createOpenAIFold<Chunk>(mapChunk: (wire: Record<string, unknown>) => Chunk | null): StreamFold<Chunk> {
  let done = false;
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): Chunk[] {
      const data = event.data.trim();
      if (done || data === '') return [];
      if (data === '[DONE]') {
        done = true;
        return [];
      }
      const chunk = mapChunk(parseStreamData(data));
      return chunk === null ? [] : [chunk];
    },
    end(): Chunk[] {
      // OpenAI always closes a complete stream with [DONE]; without it the answer was cut off.
      if (!done) throw GatewayError.upstreamUnavailable('The provider ended the stream before it was complete (no [DONE]).', false);
      return [];
    },
  };
}

function fromOpenAIToolCallDelta(call: OpenAIToolCallDelta): ToolCallDelta {
  return {
    index: call.index,
    id: call.id ?? null,
    type: call.type ?? null,
    function: { name: call.function?.name ?? null, arguments: call.function?.arguments ?? null },
  };
}

/** One upstream chat chunk, or null when it carries nothing (no choices and no usage). */
function fromOpenAIChatChunk(wire: OpenAIChatChunk): ChatChunk | null {
  const choices = wire.choices ?? [];
  // Azure opens streams with a `prompt_filter_results` chunk that has neither choices nor usage.
  if (choices.length === 0 && !wire.usage) return null;
  const chunk: ChatChunk = {
    id: wire.id ?? null,
    object: 'chat.completion.chunk',
    created: wire.created,
    model: wire.model,
    choices: choices.map((choice, position) => ({
      index: choice.index ?? position,
      finish_reason: choice.finish_reason ?? null,
      delta: {
        role: choice.delta?.role ?? null,
        content: choice.delta?.content ?? null,
        tool_calls: choice.delta?.tool_calls?.map(fromOpenAIToolCallDelta) ?? null,
      },
    })),
  };
  if (wire.usage) chunk.usage = fromOpenAIUsage(wire.usage);
  return chunk;
}

export function createOpenAIChatStream(normalise: OpenAINormaliser = asIs): StreamFold<ChatChunk> {
  return createOpenAIFold((wire) => fromOpenAIChatChunk(normalise(wire) as unknown as OpenAIChatChunk));
}

// ---- Completions ----

export function toOpenAICompletions(request: CompletionsRequest, options: OpenAIRequestOptions): Record<string, unknown> {
  return toOpenAIBody(request, options);
}

export function fromOpenAICompletions(body: unknown, normalise: OpenAINormaliser = asIs): CompletionsResponse {
  const response = expectList<OpenAICompletionsResponse>(normalised(body, normalise), 'choices');
  return {
    id: response.id ?? null,
    object: 'text_completion',
    created: response.created,
    model: response.model,
    choices: response.choices.map((choice, index) => ({
      index,
      text: choice.text ?? choice.message?.content ?? '',
      finish_reason: choice.finish_reason ?? null,
    })),
    usage: fromOpenAIUsage(response.usage),
  };
}

/** One upstream completions chunk, genuine (`text`) or chat-shaped (`delta.content`). */
function fromOpenAICompletionsChunk(wire: OpenAICompletionsChunk): CompletionsChunk | null {
  const choices = wire.choices ?? [];
  if (choices.length === 0 && !wire.usage) return null;
  const chunk: CompletionsChunk = {
    id: wire.id ?? null,
    object: 'text_completion_chunk',
    created: wire.created,
    model: wire.model,
    choices: choices.map((choice, position) => ({
      index: choice.index ?? position,
      finish_reason: choice.finish_reason ?? null,
      text: choice.text ?? choice.delta?.content ?? null,
    })),
  };
  if (wire.usage) chunk.usage = fromOpenAIUsage(wire.usage);
  return chunk;
}

export function createOpenAICompletionsStream(normalise: OpenAINormaliser = asIs): StreamFold<CompletionsChunk> {
  return createOpenAIFold((wire) => fromOpenAICompletionsChunk(normalise(wire) as unknown as OpenAICompletionsChunk));
}

// ---- Embeddings ----

/** `{model, input, ...extras}`; every extra (encoding_format, dimensions, even `stream`) is forwarded. */
export function toOpenAIEmbeddings(request: EmbeddingsRequest, { model }: { model: string | null }): Record<string, unknown> {
  const { model: _clientModel, ...rest } = request;
  return { ...(model !== null ? { model } : {}), ...rest };
}

export function fromOpenAIEmbeddings(body: unknown): EmbeddingsResponse {
  const response = expectList<OpenAIEmbeddingsResponse>(body, 'data');
  return {
    object: 'list',
    data: response.data.map((item, index) => ({ object: 'embedding', embedding: item.embedding, index })),
    model: response.model,
    usage: { prompt_tokens: response.usage?.prompt_tokens ?? null, total_tokens: response.usage?.total_tokens ?? null },
  };
}

// ---- Errors ----

/**
 * The vendor's message from an error body: `error.message`, a bare string `error` (some
 * OpenAI-compatible servers; the reference crashes on it), a top-level `message`, else null.
 */
export function openaiErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { error, message } = body;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  if (typeof message === 'string') return message;
  return null;
}

// ---- Configuration ----

export const OPENAI_DEFAULT_API_BASE = 'https://api.openai.com/v1';

export type OpenAIApiType = 'openai' | 'azure' | 'azuread';

/** Where and how one endpoint calls the vendor; computed once at config load. */
export interface OpenAITarget {
  apiType: OpenAIApiType;
  providerName: string;
  /** Base URL for the operation paths, with `?api-version=` when configured. */
  baseUrl: string;
  headers: Record<string, string>;
  /** The `model` to send, null when none is sent (Azure, or no `model.name`). */
  model: string | null;
}

export function parseOpenAIApiType(value: string | undefined): OpenAIApiType {
  const type = (value ?? 'openai').toLowerCase();
  if (type === 'openai' || type === 'azure' || type === 'azuread') return type;
  throw new Error(`Invalid OpenAI API type '${value}'`);
}

function withApiVersion(baseUrl: string, version: string | undefined): string {
  if (!version) return baseUrl;
  const url = new URL(baseUrl);
  url.searchParams.set('api-version', version);
  return url.toString();
}

/** Builds URL, headers and model from the config (the loader has already checked which keys each type may carry). */
export function resolveOpenAITarget(config: OpenAIConfig, modelName: string | null): OpenAITarget {
  const apiType = parseOpenAIApiType(config.openai_api_type);
  const key = config.openai_api_key;
  switch (apiType) {
    case 'openai': {
      const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
      if (config.openai_organization) headers['OpenAI-Organization'] = config.openai_organization;
      // The reference appends `?api-version=` for plain OpenAI too when a version is configured.
      const baseUrl = withApiVersion(config.openai_api_base ?? OPENAI_DEFAULT_API_BASE, config.openai_api_version);
      return { apiType, providerName: 'OpenAI', baseUrl, headers, model: modelName };
    }
    case 'azure':
    case 'azuread': {
      const { openai_api_base: base, openai_deployment_name: deployment, openai_api_version: version } = config;
      if (!base || !deployment || !version) {
        throw new Error(
          "OpenAI route configuration must specify 'openai_api_base', 'openai_deployment_name', and 'openai_api_version' if 'openai_api_type' is 'azure' or 'azuread'.",
        );
      }
      const baseUrl = withApiVersion(joinUrl(base, `openai/deployments/${encodeURIComponent(deployment)}`), version);
      const headers: Record<string, string> = apiType === 'azure' ? { 'api-key': key } : { Authorization: `Bearer ${key}` };
      return { apiType, providerName: 'Azure OpenAI', baseUrl, headers, model: null };
    }
    default: {
      const unreachable: never = apiType;
      throw new Error(`Invalid OpenAI API type '${String(unreachable)}'`);
    }
  }
}

// ---- Adapter ----

const CHAT_PATH = 'chat/completions';
const COMPLETIONS_PATH = 'completions';
const EMBEDDINGS_PATH = 'embeddings';

export const openaiAdapter = {
  displayName: 'OpenAI',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<OpenAIConfig>): ProviderEndpoint {
    const { baseUrl, headers, providerName, model } = resolveOpenAITarget(settings.config, settings.modelName);
    const upstream = createUpstream({
      baseUrl,
      headers,
      providerName,
      endpointName: settings.name,
      errorMessage: openaiErrorMessage,
      timeouts: settings.timeouts,
    });
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { signal }) => fromOpenAIChat(await upstream.postJson(CHAT_PATH, toOpenAIChat(request, { model }), { signal })),
          chatStream: (request, { signal }) =>
            foldEvents(upstream.postStream(CHAT_PATH, toOpenAIChat(request, { model, stream: true }), { signal }), createOpenAIChatStream()),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { signal }) =>
            fromOpenAICompletions(await upstream.postJson(COMPLETIONS_PATH, toOpenAICompletions(request, { model }), { signal })),
          completionsStream: (request, { signal }) =>
            foldEvents(
              upstream.postStream(COMPLETIONS_PATH, toOpenAICompletions(request, { model, stream: true }), { signal }),
              createOpenAICompletionsStream(),
            ),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { signal }) =>
            fromOpenAIEmbeddings(await upstream.postJson(EMBEDDINGS_PATH, toOpenAIEmbeddings(request, { model }), { signal })),
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<OpenAIConfig>;
