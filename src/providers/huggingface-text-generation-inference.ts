/**
 * Hugging Face Text Generation Inference (`huggingface-text-generation-inference`): a self-hosted
 * TGI server at `hf_server_url`, called without a key.
 *
 * Vendor references:
 * - TGI API (`/generate`, `/generate_stream`, error bodies): https://huggingface.github.io/text-generation-inference/
 * - Messages API (`/v1/chat/completions`, OpenAI-compatible, TGI ≥ 1.4):
 *   https://huggingface.co/docs/text-generation-inference/messages_api
 *
 * Completions follow the reference: `POST /generate` with `{"inputs": prompt, "parameters": {...}}`,
 * `max_tokens` (or `max_completion_tokens`) → `max_new_tokens`, `stop` as a list, temperature sent as max(50 × t, 0.001) as MLflow
 * does (§6.13), and `details` / `decoder_input_details` on so usage can be counted. Streams use
 * `/generate_stream` (MLflow has no TGI stream); its last event carries the details.
 *
 * Chat (MLflow answers 501) uses the Messages API rather than a prompt built here: TGI renders the
 * served model's own chat template, so no prompt format is guessed. Its wire format is OpenAI's, so
 * the OpenAI mappers are reused; the temperature is not scaled there (that API takes OpenAI's 0–2),
 * `stop` is sent as a list (the only form it takes), `response_format` as TGI's grammar (toTgiGrammar;
 * GrammarType in TGI's OpenAPI reference), and `model` is TGI's documented `"tgi"` (any
 * other value selects a LoRA adapter). Its streams report usage (a last chunk without choices) only
 * when `stream_options.include_usage` asks, as OpenAI's: the field is sent, and the gateway adds it
 * under a token limit and for `/v1/responses` (TGI before 2.4 has no such field and ignores it, as
 * any key its ChatRequest does not know; such a stream counts an estimate).
 *
 * Rejected: `max_new_tokens` (422, use `max_tokens`, as MLflow); `n` other than 1 (400, TGI returns
 * one sequence); and, with a 400 naming the parameter, OpenAI parameters TGI would ignore silently
 * (listed below). In chat, a `tool_choice` of `allowed_tools` goes as the allowed tools alone with its
 * mode as the choice; any other object but a named function is a 400 (shared/tool-choice.ts), and so
 * are a `function` message and an assistant's `function_call` (shared/function-messages.ts), and an
 * `input_audio` or `file` part (the Messages API takes text and image_url parts only). Finish
 * reasons `eos_token` and `stop_sequence` become `stop`, and `tool_calls` when the choice called
 * tools, as does `stop` (TGI has no reason of its own for a tool call); one outside OpenAI's set
 * that TGI adds later `tool_calls` beside tool calls, else `stop` (shared/finish-reasons.ts).
 * A TGI 3 stream of tool calls, which has no finish reason, is finished with `tool_calls`.
 */
import type { HuggingFaceTGIConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type { ChatChunk, ChatRequest, ChatResponse, CompletionsChunk, CompletionsRequest, CompletionsResponse, Usage } from '../schema';
import { chatAnswerWithUsageAsEvents, createOpenAIChatStream, fromOpenAIChat, mapOpenAIChoices, openaiErrorMessage, toOpenAIChat, type OpenAINormaliser } from './openai';
import { createCalledTools, inOpenAIFinishReasons } from './shared/finish-reasons';
import { refuseContentParts } from './shared/content-parts';
import { refuseFunctionMessages } from './shared/function-messages';
import { isRecord } from './shared/json';
import { checkParameterDefaults } from './shared/parameter-defaults';
import { OPENAI_ONLY_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, renameParameters, requireSingleChoice, scaleTemperature, stopList, withMaxTokens, withoutNoOpValues } from './shared/parameters';
import { withCompatibleToolChoice } from './shared/tool-choice';
import { createUpstream } from './transport/http';
import { foldEvents, type SseEvent, type StreamFold } from './transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

const PROVIDER = 'Hugging Face Text Generation Inference';

/** The Messages API's chunks are text and image_url only (MessageChunk, TGI's router/src/lib.rs): others get TGI's 422. */
const REFUSED_PARTS: ReadonlySet<string> = new Set(['input_audio', 'file']);

/**
 * OpenAI completions parameters `/generate` has no equivalent for; also chat's `top_logprobs`, which
 * would otherwise pass through as if it were one of TGI's own parameters.
 */
const UNSUPPORTED_COMPLETIONS_PARAMETERS = ['presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'echo', 'suffix', 'user', 'response_format', 'tools', 'tool_choice', ...OPENAI_ONLY_PARAMETERS];
/** Chat parameters the Messages API accepts but does not use, and OpenAI's own that it lacks (its ChatRequest ignores unknown keys). */
const UNSUPPORTED_CHAT_PARAMETERS = ['logit_bias', 'user', ...OPENAI_ONLY_PARAMETERS];

// ---- Wire types (only the fields we read) ----

interface TgiToken {
  text: string;
  special?: boolean;
}

interface TgiDetails {
  finish_reason?: string;
  generated_tokens?: number;
  /** Prompt tokens, present with `decoder_input_details: true`. */
  prefill?: unknown[];
}

interface TgiGenerateResponse {
  generated_text: string;
  details?: TgiDetails | null;
}

interface TgiStreamEvent {
  token?: TgiToken;
  generated_text?: string | null;
  details?: (TgiDetails & { input_length?: number }) | null;
}

// ---- Completions ----

/** Temperature in TGI's range as the reference maps it; TGI needs it strictly positive. */
export function scaleTgiTemperature(temperature: unknown): number | undefined {
  const scaled = scaleTemperature(temperature, 50);
  return scaled === undefined ? undefined : Math.max(scaled, 0.001);
}

/** Checks shared by both chat and completions, on a request without its no-op values. */
function checkTgiRequest(request: Readonly<Record<string, unknown>>, unsupported: readonly string[]): void {
  rejectNativeNames(request, { max_new_tokens: 'max_tokens' });
  requireSingleChoice(request, PROVIDER);
  rejectUnsupportedParameters(request, unsupported, PROVIDER);
}

/** The completions parameters TGI refuses (also run on an endpoint's parameter defaults at load). */
export const checkTgiCompletionsParameters = (request: Readonly<Record<string, unknown>>) => checkTgiRequest(request, UNSUPPORTED_COMPLETIONS_PARAMETERS);
/** The chat parameters TGI refuses (also run on an endpoint's parameter defaults at load). */
export const checkTgiChatParameters = (request: Readonly<Record<string, unknown>>) => checkTgiRequest(request, UNSUPPORTED_CHAT_PARAMETERS);

/**
 * `{"inputs": prompt, "parameters": {...}}`. TGI-only parameters (`top_k`, `repetition_penalty`,
 * `do_sample`, `grammar`, ...) pass through; `stream_options` is dropped because usage is always
 * reported on the last stream chunk.
 */
export function toTgiCompletions(clientRequest: CompletionsRequest, { stream = false }: { stream?: boolean } = {}): Record<string, unknown> {
  // TGI refuses `top_p` outside (0, 1): at 1 (no truncation) it changes nothing.
  const request = withoutNoOpValues(clientRequest, { top_p: 1 });
  checkTgiCompletionsParameters(request);
  const { prompt, stream: _stream, stream_options: _streamOptions, n: _n, temperature, stop, ...rest } = withMaxTokens(request) as CompletionsRequest;
  const parameters: Record<string, unknown> = renameParameters(rest, { max_tokens: 'max_new_tokens' });
  if (temperature !== undefined) parameters.temperature = scaleTgiTemperature(temperature);
  if (stop !== undefined) parameters.stop = stopList(stop);
  parameters.details = true;
  // TGI refuses prefill details on streams; the last stream event reports `input_length` instead.
  if (!stream) parameters.decoder_input_details = true;
  return { inputs: prompt, parameters };
}

function sumOrNull(first: number | null, second: number | null): number | null {
  return first !== null && second !== null ? first + second : null;
}

function tgiUsage(promptTokens: number | null, details: TgiDetails | null | undefined): Usage {
  const completionTokens = details?.generated_tokens ?? null;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: sumOrNull(promptTokens, completionTokens) };
}

export function fromTgiCompletions(body: unknown, { model, created }: { model: string; created: number }): CompletionsResponse {
  if (!isRecord(body) || typeof body.generated_text !== 'string') {
    throw GatewayError.unexpectedAnswer(`${PROVIDER} sent a response without 'generated_text'.`);
  }
  const { generated_text: text, details } = body as unknown as TgiGenerateResponse;
  return {
    id: null,
    object: 'text_completion',
    created,
    model,
    choices: [{ index: 0, text, finish_reason: mapTgiFinishReason(details?.finish_reason) }],
    usage: tgiUsage(details?.prefill?.length ?? null, details),
  };
}

function parseTgiEvent(data: string, endpoint: string): TgiStreamEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw GatewayError.upstreamUnavailable(`${PROVIDER} sent a stream event that is not JSON: ${data.slice(0, 200)}`);
  }
  if (!isRecord(parsed)) throw GatewayError.upstreamUnavailable(`${PROVIDER} sent a stream event that is not a JSON object.`);
  if (parsed.error !== undefined) throw tgiStreamError(parsed, endpoint);
  return parsed as TgiStreamEvent;
}

/**
 * Folds `/generate_stream` events: one chunk per token (special tokens such as `</s>` add no
 * text), the last one (with `generated_text` and `details`) carries the finish reason and usage.
 */
export function createTgiCompletionsStream({ model, created, endpoint }: { model: string; created: number; endpoint: string }): StreamFold<CompletionsChunk> {
  let done = false;
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): CompletionsChunk[] {
      const data = event.data.trim();
      if (done || data === '') return [];
      const wire = parseTgiEvent(data, endpoint);
      done = wire.details != null || wire.generated_text != null;
      const text = wire.token && !wire.token.special ? wire.token.text : '';
      if (!done && text === '') return [];
      const chunk: CompletionsChunk = {
        id: null,
        object: 'text_completion_chunk',
        created,
        model,
        choices: [{ index: 0, finish_reason: done ? mapTgiFinishReason(wire.details?.finish_reason) : null, text }],
      };
      if (wire.details) chunk.usage = tgiUsage(wire.details.input_length ?? null, wire.details);
      return [chunk];
    },
    end(): CompletionsChunk[] {
      if (!done) throw GatewayError.streamCutOff(`${PROVIDER} ended the stream before its final event.`);
      return [];
    },
  };
}

// ---- Chat (Messages API) ----

/** JSON Schema's "any JSON object": OpenAI's JSON mode, for a grammar that needs a schema. */
const ANY_JSON_OBJECT = { type: 'object' };

/**
 * OpenAI's `response_format` as the Messages API's grammar (its GrammarType: `{"type": "json",
 * "value": schema}` or `{"type": "regex", "value": pattern}`, `value` required), which refuses
 * OpenAI's shapes with a 422: `json_schema` becomes its schema (TGI's grammar always holds to it,
 * as `strict` asks; the name has no place), `json_object` any JSON object, and `text`, the default,
 * is left out. A format that already has a `value` is TGI's own and goes as sent.
 */
export function toTgiGrammar(responseFormat: unknown): Record<string, unknown> | undefined {
  if (!isRecord(responseFormat) || responseFormat.value !== undefined) return responseFormat as Record<string, unknown> | undefined;
  switch (responseFormat.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return { type: 'json', value: ANY_JSON_OBJECT };
    case 'json_schema': {
      const schema = isRecord(responseFormat.json_schema) ? responseFormat.json_schema.schema : undefined;
      if (!isRecord(schema)) throw GatewayError.invalidParam("'response_format.json_schema.schema' must be a JSON Schema object.", 'response_format.json_schema.schema');
      return { type: 'json', value: schema };
    }
    default:
      throw GatewayError.invalidParam(`'response_format.type' must be text, json_object or json_schema for ${PROVIDER} (or TGI's own json or regex with a value).`, 'response_format.type');
  }
}

export function toTgiChat(clientRequest: ChatRequest, { stream = false }: { stream?: boolean } = {}): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkTgiChatParameters(request);
  refuseFunctionMessages(request.messages, PROVIDER);
  refuseContentParts(request.messages, REFUSED_PARTS, { provider: PROVIDER, taken: "only text and image_url parts (its Messages API's MessageChunk)" });
  // The Messages API knows only `max_tokens`, OpenAI's older name for the limit.
  const { response_format: responseFormat, ...body } = toOpenAIChat(withMaxTokens(withCompatibleToolChoice(request, PROVIDER)) as ChatRequest, { model: 'tgi', stream });
  const grammar = toTgiGrammar(responseFormat);
  // The Messages API takes `stop` only as a list (its ChatRequest has `stop: Vec<String>`); a string is a 422 there.
  return { ...body, ...(body.stop === undefined ? {} : { stop: stopList(body.stop) }), ...(grammar === undefined ? {} : { response_format: grammar }) };
}

/** A Messages API choice: `message` in answers, `delta` in stream chunks. */
interface TgiChatChoice {
  index?: number;
  message?: { tool_calls?: unknown };
  delta?: { tool_calls?: unknown };
  finish_reason?: string | null;
}

/**
 * OpenAI's shape with TGI's finish reasons mapped, for one answer or one stream (which remembers
 * the choices that called tools, for a finish reason TGI adds later).
 */
function createTgiChatNormaliser(): OpenAINormaliser {
  const calledTools = createCalledTools();
  return (body) =>
    mapOpenAIChoices<TgiChatChoice>(body, (choice, choiceIndex) => {
      // TGI 2.x streams `delta.tool_calls` as one call object rather than OpenAI's list (its ToolCallDelta).
      const delta = isRecord(choice.delta?.tool_calls) ? { ...choice.delta, tool_calls: [choice.delta.tool_calls] } : choice.delta;
      const called = calledTools.see(choiceIndex, choice.message?.tool_calls ?? delta?.tool_calls);
      return { ...choice, ...(delta === choice.delta ? {} : { delta }), finish_reason: mapTgiFinishReason(choice.finish_reason, called) };
    });
}

export function fromTgiChat(body: unknown): ChatResponse {
  return fromOpenAIChat(body, createTgiChatNormaliser());
}

export function createTgiChatStream(endpoint: string): StreamFold<ChatChunk> {
  return withToolCallsFinished(createOpenAIChatStream(createTgiChatNormaliser(), (event) => tgiStreamError(event, endpoint)));
}

/** The chunk finishing one choice with `tool_calls`, in the envelope of that choice's last chunk. */
function toolCallsFinish({ id, object, created, model }: ChatChunk, index: number): ChatChunk {
  return { id, object, created, model, choices: [{ index, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } }] };
}

/**
 * TGI 3 ends a stream of tool calls without a finish reason: ChatState::push (router/src/chat.rs)
 * sends nothing once the call's JSON is closed, its end-of-sequence token included, though OpenAI
 * clients need one (openai-node's stream helper fails on "missing finish_reason"). A choice that
 * called tools and has not finished by TGI's usage chunk or `[DONE]` is finished there with `tool_calls`.
 */
function withToolCallsFinished(fold: StreamFold<ChatChunk>): StreamFold<ChatChunk> {
  // Per choice that called tools and has not finished: its last chunk.
  const unfinished = new Map<number, ChatChunk>();
  const finishes = (): ChatChunk[] => {
    const chunks = [...unfinished].map(([index, last]) => toolCallsFinish(last, index));
    unfinished.clear();
    return chunks;
  };
  return {
    get done() {
      return fold.done;
    },
    event(event: SseEvent): ChatChunk[] {
      const chunks = fold.event(event).flatMap((chunk) => {
        if (chunk.choices.length === 0) return [...finishes(), chunk];
        for (const choice of chunk.choices) {
          if (choice.finish_reason !== null) unfinished.delete(choice.index);
          else if (unfinished.has(choice.index) || (choice.delta.tool_calls?.length ?? 0) > 0) unfinished.set(choice.index, chunk);
        }
        return [chunk];
      });
      return fold.done ? [...chunks, ...finishes()] : chunks;
    },
    end: () => fold.end(),
  };
}

// ---- Finish reasons and errors ----

/**
 * TGI: `length`, `eos_token`, `stop_sequence` (the Messages API says `stop` for `eos_token` since TGI
 * 2.3); one TGI adds later is `tool_calls` when the choice called tools, else `stop` (`/generate` has
 * no tools). `length` stays `length` beside tool calls: the call's arguments were cut off.
 */
export function mapTgiFinishReason(reason: string | null | undefined, calledTools = false): string | null {
  switch (reason) {
    // TGI ends a tool call as any answer (its FinishReason has no tool call), so OpenAI clients, which
    // run the calls on `tool_calls`, would take the answer for a final one.
    case 'stop':
    case 'eos_token':
    case 'stop_sequence':
      return calledTools ? 'tool_calls' : 'stop';
    default:
      return inOpenAIFinishReasons(reason, calledTools);
  }
}

/** TGI error bodies are `{"error": "<message>", "error_type": "validation"}`; the OpenAI reader handles that shape. */
export const tgiErrorMessage = openaiErrorMessage;

/**
 * An `{"error", "error_type"}` event. TGI answers every stream request 200 and reports a refused
 * request (too many tokens, a full queue) as the stream's first event, so those get the status TGI
 * gives the same request unstreamed (router/src/server.rs): 422, or a retryable 429 that retries and
 * fallback routes act on. A failure during generation stays a 502.
 */
export function tgiStreamError(event: Record<string, unknown>, endpoint: string): GatewayError {
  const message = tgiErrorMessage(event) ?? `${PROVIDER} reported an error mid-stream.`;
  switch (event.error_type) {
    case 'validation':
    case 'template_error':
    case 'missing_template_variable':
    case 'tool_error':
      return GatewayError.upstream({ status: 422, message, endpoint });
    case 'overloaded':
      return GatewayError.upstream({ status: 429, message, endpoint });
    default:
      return GatewayError.upstreamUnavailable(message, false);
  }
}

// ---- Adapter ----

export const tgiAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  createEndpoint(settings: EndpointSettings<HuggingFaceTGIConfig>): ProviderEndpoint<CallContext> {
    checkParameterDefaults(settings, { 'llm/v1/chat': checkTgiChatParameters, 'llm/v1/completions': checkTgiCompletionsParameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: settings.config.hf_server_url,
      headers: {},
      endpointName: settings.name,
      providerName: PROVIDER,
      errorMessage: tgiErrorMessage,
    });
    // `/generate` does not name its model; the configured name (or the endpoint's) stands in.
    const model = settings.modelName ?? settings.name;
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          // The Messages API streams usage only when `stream_options.include_usage` asks (TGI ≥ 2.4; earlier ones ignore the field).
          streamUsageWhenAsked: true,
          chat: async (request, { abort }) => fromTgiChat(await upstream.postJson('v1/chat/completions', toTgiChat(request), { signal: abort })),
          chatStream: (request, { abort }) =>
            foldEvents(
              upstream.postStream('v1/chat/completions', toTgiChat(request, { stream: true }), { signal: abort, eventsOfAnswer: chatAnswerWithUsageAsEvents }),
              createTgiChatStream(settings.name),
            ),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromTgiCompletions(await upstream.postJson('generate', toTgiCompletions(request), { signal: abort }), { model, created: settings.now() }),
          completionsStream: (request, { abort }) =>
            foldEvents(
              upstream.postStream('generate_stream', toTgiCompletions(request, { stream: true }), { signal: abort }),
              createTgiCompletionsStream({ model, created: settings.now(), endpoint: settings.name }),
            ),
        };
      case 'llm/v1/embeddings':
        throw new Error(`${PROVIDER} does not serve embeddings`);
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<HuggingFaceTGIConfig, CallContext>;
