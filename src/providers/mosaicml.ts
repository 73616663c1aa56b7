/**
 * MosaicML (`mosaicml`). DEPRECATED UPSTREAM: MosaicML's hosted inference API (the "Starter tier"
 * at models.hosted-on.mosaicml.hosting) was shut down after Databricks acquired MosaicML; its
 * models now live in Databricks Model Serving. This adapter keeps MLflow configs loading and serves
 * deployments that still speak the MosaicML predict API (`mosaicml_api_base`).
 *
 * Vendor reference (archived): https://docs.mosaicml.com/en/latest/inference.html
 * (`POST {base}/{model}/v1/predict`, `Authorization: <key>` without a scheme,
 * `{"inputs": [...], "parameters": {...}}` → `{"outputs": [...]}`).
 *
 * As in the reference:
 * - completions: `inputs: [prompt]`, `max_tokens` (or `max_completion_tokens`) → `max_new_tokens` in `parameters`, temperature
 *   unchanged (§6.13); one output becomes one choice.
 * - chat: the messages are rendered into one Llama-2 prompt (`<s>[INST] <<SYS>> … <</SYS>> … [/INST]`);
 *   roles other than system, user and assistant are a 422 with MLflow's message.
 * - embeddings: `inputs` is the list of texts; `outputs` are the vectors. Any key but `input` and
 *   `encoding_format` is a 400 (MLflow drops them silently), but `stream: false`, which asks for nothing, is left out.
 * - an upstream 500 saying the prompt or output is over the token limit becomes a 422.
 * Refused: `max_new_tokens` / `inputs` (422, use `max_tokens` / `input`, as MLflow); `n` other than 1
 * (400, one output per input) and OpenAI parameters MosaicML has no equivalent for (400). No streams
 * (`stream_options` is left out: without a stream it asks for nothing).
 */
import type { MosaicMLConfig } from '../../generated/config';
import { GatewayError } from '../errors';
import type { ChatRequest, ChatResponse, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse } from '../schema';
import { embeddingsResponse, embeddingTexts, type EncodingFormat, encodingFormatOf, withoutEmbeddingsNoOpValues } from './shared/embeddings';
import { refuseFunctionCalls } from './shared/function-messages';
import { isRecord } from './shared/json';
import { checkParameterDefaults } from './shared/parameter-defaults';
import {
  messageText,
  OPENAI_ONLY_PARAMETERS,
  rejectNativeNames,
  rejectParametersOtherThan,
  rejectUnsupportedParameters,
  renameParameters,
  requireSingleChoice,
  withMaxTokens,
  withoutNoOpValues,
  withoutStreamFields,
} from './shared/parameters';
import { createUpstream } from './transport/http';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

const PROVIDER = 'MosaicML';

/** OpenAI parameters the predict API has no equivalent for. */
const UNSUPPORTED_PARAMETERS = [
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'echo',
  'suffix',
  'best_of',
  'user',
  'response_format',
  'tools',
  'tool_choice',
  ...OPENAI_ONLY_PARAMETERS,
];

// ---- Wire types (only the fields we read) ----

interface MosaicMLTextResponse {
  outputs: string[];
}

interface MosaicMLEmbeddingsResponse {
  outputs: number[][];
}

// ---- Shared mapping ----

/** `{"inputs": [...], "parameters": {...}}`; `parameters` only when the client set any. */
function toMosaicMLBody(inputs: string[], rest: Record<string, unknown>): Record<string, unknown> {
  const { n: _n, ...others } = withoutStreamFields(withMaxTokens(rest));
  const parameters = renameParameters(others, { max_tokens: 'max_new_tokens' });
  return Object.keys(parameters).length > 0 ? { inputs, parameters } : { inputs };
}

/** The chat and completions parameters MosaicML refuses (also run on an endpoint's parameter defaults at load). */
export function checkMosaicMLParameters(request: Readonly<Record<string, unknown>>): void {
  rejectNativeNames(request, { max_new_tokens: 'max_tokens' });
  requireSingleChoice(request, PROVIDER);
  rejectUnsupportedParameters(request, UNSUPPORTED_PARAMETERS, PROVIDER);
}

function expectOutputs<Output>(body: unknown, isOutput: (value: unknown) => boolean, what: string): Output[] {
  if (isRecord(body) && Array.isArray(body.outputs) && body.outputs.every(isOutput)) return body.outputs as Output[];
  throw GatewayError.unexpectedAnswer(`${PROVIDER} sent a response without an 'outputs' list of ${what}.`);
}

const isString = (value: unknown) => typeof value === 'string';
const isVector = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'number');

// ---- Chat ----

/**
 * Renders messages as one Llama-2 chat prompt, as the reference does: consecutive system/user
 * turns share one `[INST]` block, an assistant turn closes the exchange with `</s><s>`.
 */
export function toLlama2Prompt(messages: ChatRequest['messages']): string {
  // Pieces joined once: cutting an open block's `[/INST]` off the whole prompt at each turn copied
  // it every time (100,000 short turns held the event loop for over a minute).
  const pieces = ['<s>'];
  let instructionOpen = false;
  messages.forEach((message, index) => {
    const text = messageText(message, index, PROVIDER);
    switch (message.role) {
      case 'system':
      case 'user': {
        const instruction = message.role === 'system' ? `<<SYS>> ${text} <</SYS>>` : text;
        pieces.push(instructionOpen ? ` ${instruction}` : `[INST] ${instruction}`);
        instructionOpen = true;
        break;
      }
      case 'assistant':
        if (instructionOpen) pieces.push(' [/INST]');
        instructionOpen = false;
        pieces.push(` ${text} </s><s>`);
        break;
      default:
        throw GatewayError.invalidParam(
          `An invalid request structure was submitted. Invalid role ${message.role} inputted. Must be one of 'system', 'user', or 'assistant'.`,
          `messages[${index}].role`,
          422,
        );
    }
  });
  if (instructionOpen) pieces.push(' [/INST]');
  const prompt = pieces.join('');
  return prompt.endsWith('</s><s>') ? prompt.slice(0, -'</s><s>'.length) : prompt;
}

export function toMosaicMLChat(clientRequest: ChatRequest): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkMosaicMLParameters(request);
  refuseFunctionCalls(request.messages, PROVIDER);
  const { messages, ...rest } = request;
  return toMosaicMLBody([toLlama2Prompt(messages)], rest);
}

export function fromMosaicMLChat(body: unknown, { model, created }: { model: string; created: number }): ChatResponse {
  const outputs = expectOutputs<MosaicMLTextResponse['outputs'][number]>(body, isString, 'texts');
  return {
    id: null,
    object: 'chat.completion',
    created,
    model,
    choices: outputs.map((text, index) => ({
      index,
      message: { role: 'assistant', content: text, tool_calls: null, refusal: null },
      finish_reason: null,
    })),
    usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
  };
}

// ---- Completions ----

export function toMosaicMLCompletions(clientRequest: CompletionsRequest): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkMosaicMLParameters(request);
  const { prompt, ...rest } = request;
  return toMosaicMLBody([prompt], rest);
}

export function fromMosaicMLCompletions(body: unknown, { model, created }: { model: string; created: number }): CompletionsResponse {
  const outputs = expectOutputs<MosaicMLTextResponse['outputs'][number]>(body, isString, 'texts');
  return {
    id: null,
    object: 'text_completion',
    created,
    model,
    choices: outputs.map((text, index) => ({ index, text, finish_reason: null })),
    usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
  };
}

// ---- Embeddings ----

/** What the embeddings body holds: the inputs (`encoding_format` is the gateway's to apply). */
const EMBEDDINGS_PARAMETERS: ReadonlySet<string> = new Set(['input', 'encoding_format']);

export function toMosaicMLEmbeddings(clientRequest: EmbeddingsRequest): Record<string, unknown> {
  const request = withoutEmbeddingsNoOpValues(clientRequest);
  rejectNativeNames(request, { inputs: 'input' });
  // Any other key (`dimensions`, `user`, `safety_identifier`, `stream: true`, ...) has no place in the body.
  rejectParametersOtherThan(request, EMBEDDINGS_PARAMETERS, PROVIDER);
  return { inputs: embeddingTexts(request.input, PROVIDER) };
}

export function fromMosaicMLEmbeddings(body: unknown, { model, format }: { model: string; format: EncodingFormat }): EmbeddingsResponse {
  const vectors = expectOutputs<MosaicMLEmbeddingsResponse['outputs'][number]>(body, isVector, 'vectors');
  return embeddingsResponse({ vectors, model, format });
}

// ---- Errors ----

/** MosaicML error bodies: `{"message": "..."}` (some deployments wrap it as `{"error": ...}`). */
export function mosaicmlErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (typeof body.message === 'string') return body.message;
  if (typeof body.error === 'string') return body.error;
  if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  return null;
}

const TOKEN_LIMIT_MESSAGES = ['Error: max output tokens is limited to', 'Error: prompt token count'];

/** MosaicML reports requests over the token limit as 500; they are the client's to fix (422, as MLflow). */
export function mosaicmlErrorStatus(status: number, body: unknown): number {
  const message = mosaicmlErrorMessage(body);
  if (status === 500 && message !== null && TOKEN_LIMIT_MESSAGES.some((prefix) => message.startsWith(prefix))) return 422;
  return status;
}

// ---- Adapter ----

export const MOSAICML_DEFAULT_API_BASE = 'https://models.hosted-on.mosaicml.hosting';

export const mosaicmlAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<MosaicMLConfig>): ProviderEndpoint<CallContext> {
    const { mosaicml_api_key: key, mosaicml_api_base: base = MOSAICML_DEFAULT_API_BASE } = settings.config;
    if (!settings.modelName) throw new Error("MosaicML needs 'model.name' (e.g. mpt-7b-instruct): it is part of the URL");
    const model = settings.modelName;
    checkParameterDefaults(settings, { 'llm/v1/chat': checkMosaicMLParameters, 'llm/v1/completions': checkMosaicMLParameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: base,
      headers: { Authorization: key },
      endpointName: settings.name,
      providerName: PROVIDER,
      errorMessage: mosaicmlErrorMessage,
      errorHints: (body, status) => ({ status: mosaicmlErrorStatus(status, body) }),
    });
    const path = `${encodeURIComponent(model)}/v1/predict`;
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { abort }) =>
            fromMosaicMLChat(await upstream.postJson(path, toMosaicMLChat(request), { signal: abort }), { model, created: settings.now() }),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromMosaicMLCompletions(await upstream.postJson(path, toMosaicMLCompletions(request), { signal: abort }), { model, created: settings.now() }),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort }) => {
            const format = encodingFormatOf(request, PROVIDER);
            return fromMosaicMLEmbeddings(await upstream.postJson(path, toMosaicMLEmbeddings(request), { signal: abort }), { model, format });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<MosaicMLConfig, CallContext>;
