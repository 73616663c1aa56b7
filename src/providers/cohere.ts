/**
 * Cohere, on its v1 API as the MLflow gateway calls it (`cohere_api_base`, default
 * `https://api.cohere.ai/v1`, `Authorization: Bearer <key>`):
 * - chat → `POST /chat`: https://docs.cohere.com/v1/reference/chat
 * - completions → `POST /generate` (legacy): https://docs.cohere.com/v1/reference/generate
 * - embeddings → `POST /embed`: https://docs.cohere.com/v1/reference/embed
 * - streams are newline-delimited JSON (`application/stream+json`), not SSE:
 *   https://docs.cohere.com/v1/docs/streaming
 *
 * Mapping (reference §6.5): the last message must be from the user and becomes `message`; earlier
 * system (and developer) messages are joined into `preamble` (MLflow still sends the pre-2024 name
 * `preamble_override`); earlier user/assistant turns become `chat_history`. Temperature is scaled
 * from the unified 0..2 to Cohere's range by × 2.5; `stop`/`n` become `stop_sequences`/
 * `num_generations` for completions; `top_p`/`top_k` become `p`/`k`. Finish reasons are mapped to
 * the unified set and usage is read from `token_count` or `meta`.
 *
 * Rejected: the reference's checks with its messages (chat `n` ≠ 1 and any chat `stop` → 422,
 * native names → 422, completions native names → 400); tools, logprobs and other OpenAI-only
 * parameters → 400 naming the parameter; non-text content parts and tool messages → 400;
 * token-id embedding inputs → 400. `encoding_format: base64` is produced by the gateway.
 */
import type { CohereConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type {
  ChatChunk,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  CompletionsChunk,
  CompletionsRequest,
  CompletionsResponse,
  EmbeddingsRequest,
  EmbeddingsResponse,
  Usage,
} from '../schema';
import { embeddingTexts, encodeEmbedding, encodingFormatOf, type EncodingFormat } from './shared/embeddings';
import { excerpt, isRecord, parseJsonObject } from './shared/json';
import { requireModelName } from './shared/model';
import { rejectNativeNames, rejectUnsupportedParameters, renameParameter, scaleTemperature, stopList } from './shared/parameters';
import { createUpstream } from './transport/http';
import { postNdjson } from './transport/ndjson';
import { foldEvents, type SseEvent, type StreamFold } from './transport/sse';
import type { EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

// ---- Wire types (only the fields we read) ----

/** Older v1 answers count tokens here; newer ones only in `meta`. */
interface CohereTokenCount {
  prompt_tokens?: number;
  response_tokens?: number;
  total_tokens?: number;
}

interface CohereMeta {
  tokens?: { input_tokens?: number; output_tokens?: number };
  billed_units?: { input_tokens?: number; output_tokens?: number };
}

interface CohereCounted {
  token_count?: CohereTokenCount;
  meta?: CohereMeta;
}

interface CohereChatResponse extends CohereCounted {
  response_id?: string;
  generation_id?: string;
  text: string;
  finish_reason?: string;
}

interface CohereGenerateResponse extends CohereCounted {
  id?: string;
  generations: { text: string; index?: number; finish_reason?: string }[];
}

interface CohereEmbedResponse extends CohereCounted {
  embeddings: number[][] | Record<string, number[][]>;
}

/** One line of a chat or generate stream. */
interface CohereStreamLine {
  event_type?: string;
  generation_id?: string;
  text?: string;
  index?: number;
  is_finished?: boolean;
  finish_reason?: string;
  err?: string;
  message?: string;
  response?: CohereChatResponse & { id?: string; generations?: { index?: number; finish_reason?: string }[] };
}

/** What the response mappers need besides the body: Cohere echoes no model or timestamp. */
export interface CohereResponseContext {
  model: string;
  now: () => number;
}

const PROVIDER = 'Cohere';
const TEMPERATURE_FACTOR = 2.5;

/** `top_p`/`top_k` under Cohere's names, and the temperature in Cohere's range. */
function toCohereSampling(request: Record<string, unknown>): Record<string, unknown> {
  const { temperature, ...rest } = renameParameter(renameParameter(request, 'top_p', 'p', PROVIDER), 'top_k', 'k', PROVIDER);
  // × 2.5 maps 0..2 onto Cohere's 0..5; zero stays zero (the reference scales only non-zero values).
  return temperature === undefined ? rest : { ...rest, temperature: scaleTemperature(temperature, TEMPERATURE_FACTOR) };
}

// ---- Chat ----

const CHAT_UNSUPPORTED = ['tools', 'tool_choice', 'parallel_tool_calls', 'logprobs', 'top_logprobs', 'logit_bias', 'user'];
/** Fields the gateway builds from `messages`; a client sending them would be overwritten. */
const CHAT_NATIVE_NAMES = { message: 'messages', chat_history: 'messages', preamble: 'messages', preamble_override: 'messages' };

function messageText(message: ChatMessage, index: number): string {
  const { content } = message;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part, partIndex) => {
      if (part.type === 'text') return part.text;
      const field = `messages[${index}].content[${partIndex}]`;
      throw GatewayError.invalidParam(`Cohere chat accepts text content only; ${field} is of type '${part.type}'.`, field);
    })
    .join('\n');
}

/** Splits the unified conversation into Cohere's `message`, `chat_history` and `preamble`. */
function toCohereConversation(messages: ChatMessage[]): Record<string, unknown> {
  const last = messages[messages.length - 1];
  if (last.role !== 'user') throw GatewayError.invalidParam(`Last message must be from user, got ${last.role}.`, 'messages', 422);
  const preamble: string[] = [];
  const history: { role: 'USER' | 'CHATBOT'; message: string }[] = [];
  messages.slice(0, -1).forEach((message, index) => {
    if (message.tool_calls !== undefined) {
      throw GatewayError.invalidParam(`The parameter 'messages[${index}].tool_calls' is not supported by Cohere.`, `messages[${index}].tool_calls`);
    }
    const text = messageText(message, index);
    switch (message.role) {
      case 'system':
      case 'developer':
        preamble.push(text);
        break;
      case 'user':
        history.push({ role: 'USER', message: text });
        break;
      case 'assistant':
        history.push({ role: 'CHATBOT', message: text });
        break;
      default:
        throw GatewayError.invalidParam(
          `Cohere chat accepts system, user and assistant messages; messages[${index}].role is '${message.role}'.`,
          `messages[${index}].role`,
        );
    }
  });
  return {
    message: messageText(last, messages.length - 1),
    ...(history.length > 0 ? { chat_history: history } : {}),
    ...(preamble.length > 0 ? { preamble: preamble.join('\n') } : {}),
  };
}

export function toCohereChat(request: ChatRequest, { model, stream = false }: { model: string; stream?: boolean }): Record<string, unknown> {
  rejectUnsupportedParameters(request, CHAT_UNSUPPORTED, PROVIDER);
  rejectNativeNames(request, CHAT_NATIVE_NAMES);
  if (request.n !== undefined && request.n !== 1) throw GatewayError.invalidParam(`Parameter n must be 1 for Cohere chat, got ${request.n}.`, 'n', 422);
  if (request.stop !== undefined) throw GatewayError.invalidParam('Parameter stop is not supported for Cohere chat.', 'stop', 422);
  // `stream_options` needs no field: the last chunk always carries the usage of stream-end.
  const { messages, n: _n, stream: _stream, stream_options: _options, model: _model, ...rest } = request;
  return { ...toCohereSampling(rest), model, ...toCohereConversation(messages), ...(stream ? { stream: true } : {}) };
}

function fromCohereUsage(counted: CohereCounted): Usage {
  const counts = counted.token_count;
  if (counts) {
    return { prompt_tokens: counts.prompt_tokens ?? null, completion_tokens: counts.response_tokens ?? null, total_tokens: counts.total_tokens ?? null };
  }
  const tokens = counted.meta?.tokens ?? counted.meta?.billed_units;
  const prompt = tokens?.input_tokens ?? null;
  const completion = tokens?.output_tokens ?? null;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt !== null && completion !== null ? prompt + completion : null };
}

function expectField<Wire>(body: unknown, field: string, type: 'string' | 'array'): Wire {
  const value = isRecord(body) ? body[field] : undefined;
  if (type === 'array' ? !Array.isArray(value) : typeof value !== 'string') {
    throw GatewayError.upstreamUnavailable(`Cohere's response has no '${field}' ${type === 'array' ? 'list' : 'text'}.`);
  }
  return body as Wire;
}

export function fromCohereChat(body: unknown, { model, now }: CohereResponseContext): ChatResponse {
  const response = expectField<CohereChatResponse>(body, 'text', 'string');
  return {
    id: response.response_id ?? response.generation_id ?? null,
    object: 'chat.completion',
    created: now(),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content: response.text, tool_calls: null, refusal: null }, finish_reason: mapCohereFinishReason(response.finish_reason) },
    ],
    usage: fromCohereUsage(response),
  };
}

/** Parses one stream line; an error line (`stream-error`, or a bare `{"message"}`) throws. */
function parseCohereLine(event: SseEvent): CohereStreamLine {
  const line = parseJsonObject(event.data);
  if (line === null) throw GatewayError.upstreamUnavailable(`Cohere sent a stream line that is not a JSON object: ${excerpt(event.data)}`, false);
  const parsed = line as CohereStreamLine;
  if (parsed.event_type === 'stream-error') {
    throw GatewayError.upstreamUnavailable(`Cohere reported an error mid-stream: ${parsed.err ?? parsed.finish_reason ?? 'unknown error'}`, false);
  }
  if (parsed.event_type === undefined && parsed.is_finished === undefined && typeof parsed.message === 'string') {
    throw GatewayError.upstreamUnavailable(parsed.message, false);
  }
  return parsed;
}

/** Streams without the `stream-end` line were cut off. */
function cutOff(): GatewayError {
  return GatewayError.upstreamUnavailable('Cohere ended the stream before it was complete (no stream-end).', false);
}

export function createCohereChatStream({ model, now }: CohereResponseContext): StreamFold<ChatChunk> {
  let done = false;
  let id: string | null = null;
  let roleSent = false;
  const chunk = (content: string | null, finishReason: string | null): ChatChunk => {
    const role = roleSent ? null : 'assistant';
    roleSent = true;
    return { id, object: 'chat.completion.chunk', created: now(), model, choices: [{ index: 0, finish_reason: finishReason, delta: { role, content, tool_calls: null } }] };
  };
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): ChatChunk[] {
      if (done) return [];
      const line = parseCohereLine(event);
      switch (line.event_type) {
        case 'stream-start':
          id = line.generation_id ?? null;
          return [];
        case 'text-generation':
          return [chunk(line.text ?? '', null)];
        case 'stream-end': {
          done = true;
          const last = chunk(null, mapCohereFinishReason(line.finish_reason));
          last.usage = fromCohereUsage(line.response ?? {});
          return [last];
        }
        default:
          // Search queries, search results and citations carry no text for the unified chunk.
          return [];
      }
    },
    end(): ChatChunk[] {
      if (!done) throw cutOff();
      return [];
    },
  };
}

// ---- Completions ----

const COMPLETIONS_UNSUPPORTED = ['tools', 'tool_choice', 'response_format', 'logprobs', 'top_logprobs', 'logit_bias', 'user', 'stream_options', 'echo', 'best_of', 'suffix'];

export function toCohereCompletions(request: CompletionsRequest, { model, stream = false }: { model: string; stream?: boolean }): Record<string, unknown> {
  // The reference answers Cohere's own spellings with 400 here (422 everywhere else).
  rejectNativeNames(request, { stop_sequences: 'stop', num_generations: 'n' }, 400);
  rejectUnsupportedParameters(request, COMPLETIONS_UNSUPPORTED, PROVIDER);
  const { stop, n, stream: _stream, model: _model, ...rest } = request;
  return {
    ...toCohereSampling(rest),
    model,
    ...(stop !== undefined ? { stop_sequences: stopList(stop) } : {}),
    ...(n !== undefined ? { num_generations: n } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

export function fromCohereCompletions(body: unknown, { model, now }: CohereResponseContext): CompletionsResponse {
  const response = expectField<CohereGenerateResponse>(body, 'generations', 'array');
  return {
    id: response.id ?? null,
    object: 'text_completion',
    created: now(),
    model,
    choices: response.generations.map((generation, index) => ({ index, text: generation.text, finish_reason: mapCohereFinishReason(generation.finish_reason) })),
    usage: fromCohereUsage(response),
  };
}

/** Older generate streams have no `event_type`; `is_finished` tells the last line apart. */
function generateEventType(line: CohereStreamLine): string | undefined {
  return line.event_type ?? (line.is_finished ? 'stream-end' : line.text !== undefined ? 'text-generation' : undefined);
}

export function createCohereCompletionsStream({ model, now }: CohereResponseContext): StreamFold<CompletionsChunk> {
  let done = false;
  const chunk = (id: string | null, choices: CompletionsChunk['choices']): CompletionsChunk => ({ id, object: 'text_completion_chunk', created: now(), model, choices });
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): CompletionsChunk[] {
      if (done) return [];
      const line = parseCohereLine(event);
      switch (generateEventType(line)) {
        case 'text-generation':
          return [chunk(null, [{ index: line.index ?? 0, finish_reason: null, text: line.text ?? '' }])];
        case 'stream-end': {
          done = true;
          // One finish reason per generation when there are several (`num_generations`).
          const generations = line.response?.generations ?? [{ index: 0, finish_reason: line.finish_reason }];
          const choices = generations.map((generation, position) => ({
            index: generation.index ?? position,
            finish_reason: mapCohereFinishReason(generation.finish_reason ?? line.finish_reason),
            text: null,
          }));
          return [chunk(line.response?.id ?? null, choices)];
        }
        default:
          return [];
      }
    },
    end(): CompletionsChunk[] {
      if (!done) throw cutOff();
      return [];
    },
  };
}

// ---- Embeddings ----

export function toCohereEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): Record<string, unknown> {
  rejectNativeNames(request, { texts: 'input' });
  const types = request.embedding_types;
  if (types !== undefined && (!Array.isArray(types) || types.length !== 1)) {
    throw GatewayError.invalidParam("The parameter 'embedding_types' must name exactly one type for Cohere: the unified answer has one vector per input.", 'embedding_types');
  }
  // The gateway produces `encoding_format` itself; Cohere's v1 API has no such field.
  const { input, model: _model, encoding_format: _format, ...rest } = request;
  return { ...rest, model, texts: embeddingTexts(input, PROVIDER) };
}

/** Float vectors, or the one requested type of an `embeddings_by_type` answer. */
function cohereVectors(response: CohereEmbedResponse): number[][] {
  const { embeddings } = response;
  if (Array.isArray(embeddings)) return embeddings;
  const byType = Object.values(embeddings);
  if (byType.length === 1 && Array.isArray(byType[0])) return byType[0];
  throw GatewayError.upstreamUnavailable('Cohere answered with several embedding types; the unified answer holds one vector per input.');
}

export function fromCohereEmbeddings(body: unknown, { model, encodingFormat }: { model: string; encodingFormat: EncodingFormat }): EmbeddingsResponse {
  if (!isRecord(body) || (!Array.isArray(body.embeddings) && !isRecord(body.embeddings))) {
    throw GatewayError.upstreamUnavailable("Cohere's response has no 'embeddings'.");
  }
  const response = body as unknown as CohereEmbedResponse;
  const inputTokens = response.meta?.billed_units?.input_tokens ?? null;
  return {
    object: 'list',
    data: cohereVectors(response).map((vector, index) => ({ object: 'embedding', embedding: encodeEmbedding(vector, encodingFormat), index })),
    model,
    usage: { prompt_tokens: inputTokens, total_tokens: inputTokens },
  };
}

// ---- Finish reasons and errors ----

/**
 * Cohere's finish reasons in the unified set. `ERROR` means the generation failed: it is raised
 * as a 502 rather than returned as a normal answer. Unknown values pass through unchanged.
 */
export function mapCohereFinishReason(reason: string | undefined): string | null {
  switch (reason) {
    case undefined:
      return null;
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
    case 'USER_CANCEL':
      return 'stop';
    case 'MAX_TOKENS':
    case 'ERROR_LIMIT':
      return 'length';
    case 'ERROR_TOXIC':
      return 'content_filter';
    case 'ERROR':
      throw GatewayError.upstreamUnavailable('Cohere reported an error while generating (finish_reason ERROR).', false);
    default:
      return reason;
  }
}

/** Cohere error bodies are `{"message": "..."}`; `{"error": ...}` shapes are read too. */
export function cohereErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { message, error } = body;
  if (typeof message === 'string') return message;
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return null;
}

// ---- Adapter ----

export const COHERE_DEFAULT_API_BASE = 'https://api.cohere.ai/v1';

export const cohereAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<CohereConfig>): ProviderEndpoint {
    const model = requireModelName(settings.modelName, PROVIDER);
    const upstream = createUpstream({
      baseUrl: settings.config.cohere_api_base ?? COHERE_DEFAULT_API_BASE,
      headers: { Authorization: `Bearer ${settings.config.cohere_api_key}` },
      providerName: PROVIDER,
      endpointName: settings.name,
      errorMessage: cohereErrorMessage,
    });
    const context: CohereResponseContext = { model, now: settings.now };
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { signal }) => fromCohereChat(await upstream.postJson('chat', toCohereChat(request, { model }), { signal }), context),
          chatStream: (request, { signal }) =>
            foldEvents(postNdjson(upstream, 'chat', toCohereChat(request, { model, stream: true }), { signal }), createCohereChatStream(context)),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { signal }) =>
            fromCohereCompletions(await upstream.postJson('generate', toCohereCompletions(request, { model }), { signal }), context),
          completionsStream: (request, { signal }) =>
            foldEvents(postNdjson(upstream, 'generate', toCohereCompletions(request, { model, stream: true }), { signal }), createCohereCompletionsStream(context)),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { signal }) => {
            const encodingFormat = encodingFormatOf(request);
            return fromCohereEmbeddings(await upstream.postJson('embed', toCohereEmbeddings(request, { model }), { signal }), { model, encodingFormat });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<CohereConfig>;
