/**
 * PaLM (`palm`). DEPRECATED UPSTREAM: Google decommissioned the PaLM API (`text-bison-001`,
 * `chat-bison-001`, `embedding-gecko-001`) in 2024 in favour of Gemini; this adapter keeps MLflow
 * configs loading and serves PaLM-compatible proxies. Use the `gemini` provider for Google models.
 *
 * Vendor references (archived):
 * - generateText / generateMessage / batchEmbedText: https://ai.google.dev/api/palm
 * - REST quickstart with request and response examples: https://ai.google.dev/palm_docs/curl_quickstart
 * - Errors (`{"error": {"code", "message", "status"}}`): https://cloud.google.com/apis/design/errors
 *
 * `POST {palm_api_base}/models/{model}:<method>` with `x-goog-api-key`, as in the reference:
 * - completions → `:generateText`: `prompt: {text}`, `stop` → `stopSequences`, `n` →
 *   `candidateCount`, `max_tokens` (or `max_completion_tokens`) → `maxOutputTokens`, temperature halved (§6.13, PaLM's range is
 *   0–1); other parameters (`top_p`, `top_k`, `safetySettings`) pass through.
 * - chat → `:generateMessage`: each message becomes `{author: role, content}`; `examples` and
 *   `context` go into the prompt; candidates answer with their `author` as role, as in MLflow.
 *   generateMessage has no output limit and no stop sequences, so `max_tokens` /
 *   `maxOutputTokens` (and `max_completion_tokens`) and `stop` are a 400.
 * - embeddings → `:batchEmbedText` with `texts` (a string becomes a one-item list); any key but `input` and
 *   `encoding_format` is a 400 (MLflow drops them silently), but `stream: false`, which asks for nothing, is left out.
 * PaLM's own spellings (`stopSequences`, `candidateCount`, `maxOutputTokens`) are refused (422, as
 * MLflow); OpenAI parameters PaLM has no equivalent for are a 400 naming the parameter. No streams
 * (`stream_options` is left out: without a stream it asks for nothing).
 */
import type { PaLMConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type { ChatRequest, ChatResponse, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse } from '../schema';
import { openaiErrorMessage } from './openai';
import { embeddingsResponse, embeddingTexts, encodingFormatOf, withoutEmbeddingsNoOpValues } from './shared/embeddings';
import { refuseFunctionCalls } from './shared/function-messages';
import { isRecord } from './shared/json';
import { checkParameterDefaults } from './shared/parameter-defaults';
import { messageText, OPENAI_ONLY_PARAMETERS, rejectNativeNames, rejectParametersOtherThan, rejectUnsupportedParameters, renameParameters, scaleTemperature, stopList, withMaxTokens, withoutNoOpValues, withoutStreamFields } from './shared/parameters';
import { createUpstream } from './transport/http';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

const PROVIDER = 'PaLM';

const NATIVE_NAMES = { stopSequences: 'stop', candidateCount: 'n', maxOutputTokens: 'max_tokens' };

/** OpenAI parameters PaLM has no equivalent for. */
const UNSUPPORTED_PARAMETERS = [
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'echo',
  'suffix',
  'best_of',
  'seed',
  'user',
  'response_format',
  'tools',
  'tool_choice',
  ...OPENAI_ONLY_PARAMETERS,
];

// ---- Wire types (only the fields we read) ----

interface PaLMTextResponse {
  candidates?: { output?: string }[];
  filters?: { reason?: string }[];
}

interface PaLMMessageResponse {
  candidates?: { author?: string; content?: string }[];
  filters?: { reason?: string }[];
}

interface PaLMEmbeddingsResponse {
  embeddings?: { value?: number[] }[];
}

// ---- Shared mapping ----

/** Unified sampling parameters in PaLM's spelling and temperature range. */
function toPaLMParameters(rest: Record<string, unknown>): Record<string, unknown> {
  const { temperature, stop, ...others } = rest;
  const body = renameParameters(others, { n: 'candidateCount', max_tokens: 'maxOutputTokens' });
  if (temperature !== undefined) body.temperature = scaleTemperature(temperature, 0.5);
  if (stop !== undefined) body.stopSequences = stopList(stop);
  return body;
}

/** The candidates list, or a 502 that says why PaLM gave none (it omits them when a safety filter fires). */
function expectCandidates<Candidate>(body: unknown): Candidate[] {
  if (isRecord(body) && Array.isArray(body.candidates)) return body.candidates as Candidate[];
  const filters = isRecord(body) && Array.isArray(body.filters) ? (body as PaLMTextResponse).filters! : [];
  const reasons = filters.map((filter) => filter.reason ?? 'unknown').join(', ');
  throw GatewayError.upstreamUnavailable(`${PROVIDER} returned no candidates${reasons ? ` (filtered: ${reasons})` : ''}.`, false);
}

// ---- Chat ----

/** The chat parameters PaLM refuses (also run on an endpoint's parameter defaults at load). */
export function checkPaLMChatParameters(request: Readonly<Record<string, unknown>>): void {
  rejectNativeNames(request, NATIVE_NAMES);
  rejectUnsupportedParameters(request, ['max_tokens', 'max_completion_tokens', 'stop', ...UNSUPPORTED_PARAMETERS], 'PaLM chat');
}

export function toPaLMChat(clientRequest: ChatRequest): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkPaLMChatParameters(request);
  refuseFunctionCalls(request.messages, PROVIDER);
  const { messages, examples, context, ...rest } = withoutStreamFields(request);
  const prompt: Record<string, unknown> = {
    messages: messages.map((message, index) => ({ author: message.role, content: messageText(message, index, PROVIDER) })),
  };
  if (examples !== undefined) prompt.examples = examples;
  if (context !== undefined) prompt.context = context;
  return { ...toPaLMParameters(rest), prompt };
}

export function fromPaLMChat(body: unknown, { model, created }: { model: string; created: number }): ChatResponse {
  const candidates = expectCandidates<NonNullable<PaLMMessageResponse['candidates']>[number]>(body);
  return {
    id: null,
    object: 'chat.completion',
    created,
    model,
    choices: candidates.map((candidate, index) => ({
      index,
      // PaLM names the bot author itself (often "1"); MLflow passes it on as the role.
      message: { role: candidate.author ?? 'assistant', content: candidate.content ?? '', tool_calls: null, refusal: null },
      finish_reason: null,
    })),
    usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
  };
}

// ---- Completions ----

/** The completions parameters PaLM refuses (also run on an endpoint's parameter defaults at load). */
export function checkPaLMCompletionsParameters(request: Readonly<Record<string, unknown>>): void {
  rejectNativeNames(request, NATIVE_NAMES);
  rejectUnsupportedParameters(request, UNSUPPORTED_PARAMETERS, PROVIDER);
}

export function toPaLMCompletions(clientRequest: CompletionsRequest): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkPaLMCompletionsParameters(request);
  const { prompt, ...rest } = withoutStreamFields(withMaxTokens(request) as CompletionsRequest);
  return { ...toPaLMParameters(rest), prompt: { text: prompt } };
}

export function fromPaLMCompletions(body: unknown, { model, created }: { model: string; created: number }): CompletionsResponse {
  const candidates = expectCandidates<NonNullable<PaLMTextResponse['candidates']>[number]>(body);
  return {
    id: null,
    object: 'text_completion',
    created,
    model,
    choices: candidates.map((candidate, index) => ({ index, text: candidate.output ?? '', finish_reason: null })),
    usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
  };
}

// ---- Embeddings ----

/** What batchEmbedText takes: the texts (`encoding_format` is the gateway's to apply). */
const EMBEDDINGS_PARAMETERS: ReadonlySet<string> = new Set(['input', 'encoding_format']);

export function toPaLMEmbeddings(clientRequest: EmbeddingsRequest): Record<string, unknown> {
  const request = withoutEmbeddingsNoOpValues(clientRequest);
  // Any other key (`dimensions`, `user`, `safety_identifier`, `stream: true`, one of PaLM's own) has no place in the body.
  rejectParametersOtherThan(request, EMBEDDINGS_PARAMETERS, PROVIDER);
  return { texts: embeddingTexts(request.input, PROVIDER) };
}

export function fromPaLMEmbeddings(body: unknown, { model, format }: { model: string; format: ReturnType<typeof encodingFormatOf> }): EmbeddingsResponse {
  const embeddings = isRecord(body) && Array.isArray(body.embeddings) ? (body as PaLMEmbeddingsResponse).embeddings! : null;
  if (embeddings === null || !embeddings.every((embedding) => Array.isArray(embedding?.value))) {
    throw GatewayError.unexpectedAnswer(`${PROVIDER} sent a response without an 'embeddings[].value' list.`);
  }
  return embeddingsResponse({ vectors: embeddings.map((embedding) => embedding.value!), model, format });
}

// ---- Errors ----

/** Google error bodies: `{"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}`. */
export const palmErrorMessage = openaiErrorMessage;

// ---- Adapter ----

export const PALM_DEFAULT_API_BASE = 'https://generativelanguage.googleapis.com/v1beta3';

export const palmAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<PaLMConfig>): ProviderEndpoint<CallContext> {
    const { palm_api_key: key, palm_api_base: base = PALM_DEFAULT_API_BASE } = settings.config;
    if (!settings.modelName) throw new Error("PaLM needs 'model.name' (e.g. text-bison-001): it is part of the URL");
    const model = settings.modelName;
    checkParameterDefaults(settings, { 'llm/v1/chat': checkPaLMChatParameters, 'llm/v1/completions': checkPaLMCompletionsParameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: base,
      headers: { 'x-goog-api-key': key },
      endpointName: settings.name,
      providerName: PROVIDER,
      errorMessage: palmErrorMessage,
    });
    const path = (method: string) => `models/${encodeURIComponent(model)}:${method}`;
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { abort }) =>
            fromPaLMChat(await upstream.postJson(path('generateMessage'), toPaLMChat(request), { signal: abort }), { model, created: settings.now() }),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromPaLMCompletions(await upstream.postJson(path('generateText'), toPaLMCompletions(request), { signal: abort }), { model, created: settings.now() }),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort }) => {
            const format = encodingFormatOf(request, PROVIDER);
            return fromPaLMEmbeddings(await upstream.postJson(path('batchEmbedText'), toPaLMEmbeddings(request), { signal: abort }), { model, format });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<PaLMConfig, CallContext>;
