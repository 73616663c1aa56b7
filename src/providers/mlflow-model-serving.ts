/**
 * MLflow model serving (`mlflow-model-serving`): a model served by `mlflow models serve` (or any
 * server with the same scoring protocol) at `model_server_url`, called without a key.
 *
 * Vendor references:
 * - Scoring protocol (`POST /invocations`, `{"inputs": ..., "params": ...}` in,
 *   `{"predictions": ...}` out): https://mlflow.org/docs/latest/ml/deployment/deploy-model-locally/
 * - Errors (`{"error_code": "BAD_REQUEST", "message": "..."}`): same page, "Serving" section; the
 *   shape is MlflowException.serialize_as_json and `error_code` a name of databricks_pb2's ErrorCode
 *   (mlflow/exceptions.py, mlflow/pyfunc/scoring_server/__init__.py). On `/v1`, a refused request
 *   shows that `error_code` as its `code`.
 *
 * As in the reference, every request is `{"inputs": [...], "params": {...}}` (`params` only when
 * something is left after the input is taken out; the served model decides what it accepts):
 * completions send `[prompt]`, chat sends the content of its single message (more than one message
 * is a 422 with MLflow's message), embeddings send the inputs as a list. Chat and completions
 * params use MLflow's names and forms: `max_completion_tokens` (OpenAI's newer name) goes as
 * `max_tokens`, a `stop` string as a list of one; `stream` and `stream_options` are not params.
 * The answer must be one of the shapes MLflow accepts; any other shape is a 502 naming the endpoint:
 * - text: `predictions` is a non-empty list of strings, or an object whose `choices` (or whose only
 *   key) holds such a list; each string is one choice.
 * - embeddings: `predictions` is a non-empty list of non-empty number lists, or one flat number
 *   list (a single vector).
 * No streams; `encoding_format` is applied by the gateway. Usage is unknown (nulls).
 */
import type { MlflowModelServingConfig } from '../../generated/config';
import { GatewayError, vendorErrorOf, type VendorError } from '../errors';
import type { ChatRequest, ChatResponse, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse } from '../schema';
import { embeddingsResponse, type EncodingFormat, encodingFormatOf } from './shared/embeddings';
import { isRecord } from './shared/json';
import { messageText, stopList, withMaxTokens, withoutStreamFields } from './shared/parameters';
import { createUpstream } from './transport/http';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from './types';

const PROVIDER = 'MLflow Model Serving';

/** What a response mapper needs to build the answer and name the endpoint in errors. */
export interface ServingAnswerOptions {
  endpoint: string;
  model: string;
  created: number;
}

// ---- Requests ----

/** `{"inputs": [...], "params": {...}}`, `params` only when there are some. */
function toServingBody(inputs: unknown[], params: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(params).length > 0 ? { inputs, params } : { inputs };
}

/**
 * Chat and completions params in the form of MLflow's unified schema, which served models were
 * written against: one that reads `max_tokens` ignores `max_completion_tokens` (an unknown param),
 * and one whose params schema has `stop` as a list refuses a bare string (MLflow only sends lists).
 */
function textParams(rest: Record<string, unknown>): Record<string, unknown> {
  // Chat and completions `stream` and `stream_options` are the gateway's (it never streams from the server), not params.
  const params = withMaxTokens(withoutStreamFields(rest));
  return typeof params.stop === 'string' ? { ...params, stop: stopList(params.stop) } : params;
}

export function toServingChat(request: ChatRequest): Record<string, unknown> {
  const { messages, ...rest } = request;
  if (messages.length !== 1) {
    throw GatewayError.invalidParam(
      `MLflow chat models are only capable of processing a single query at a time. The request submitted consists of ${messages.length} queries.`,
      'messages',
      422,
    );
  }
  return toServingBody([messageText(messages[0], 0, PROVIDER)], textParams(rest));
}

export function toServingCompletions(request: CompletionsRequest): Record<string, unknown> {
  const { prompt, ...rest } = request;
  return toServingBody([prompt], textParams(rest));
}

/** Every key but the input and `encoding_format` (the gateway's to apply) goes in params, `stream` too, as MLflow sends it. */
export function toServingEmbeddings(request: EmbeddingsRequest): Record<string, unknown> {
  const { input, encoding_format: _format, ...rest } = request;
  return toServingBody(Array.isArray(input) ? input : [input], rest);
}

// ---- Responses ----

function excerpt(value: unknown, limit = 200): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function wrongShape(body: unknown, endpoint: string, rule: string): GatewayError {
  const predictions = isRecord(body) && 'predictions' in body ? body.predictions : body;
  return GatewayError.upstreamUnavailable(
    `The MLflow model server for endpoint '${endpoint}' answered with an unexpected shape: ${rule} Received: ${excerpt(predictions)}`,
    false,
  );
}

const TEXT_RULE =
  "'predictions' must be a non-empty list of strings, or an object whose 'choices' (or only key) holds one.";
const EMBEDDINGS_RULE = "'predictions' must be a non-empty list of non-empty number lists, or one list of numbers.";

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
const isNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number');

/** The texts of a text prediction, or a 502 naming the endpoint and the accepted shapes. */
export function servingTexts(body: unknown, endpoint: string): string[] {
  const predictions = isRecord(body) ? body.predictions : undefined;
  let candidates: unknown = predictions;
  if (isRecord(predictions)) {
    const keys = Object.keys(predictions);
    candidates = 'choices' in predictions ? predictions.choices : keys.length === 1 ? predictions[keys[0]] : undefined;
  }
  if (!isStringList(candidates)) throw wrongShape(body, endpoint, TEXT_RULE);
  return candidates;
}

/** The vectors of an embeddings prediction (a flat list is one vector), or a 502. */
export function servingVectors(body: unknown, endpoint: string): number[][] {
  const predictions = isRecord(body) ? body.predictions : undefined;
  if (isNumberList(predictions)) return [predictions];
  if (Array.isArray(predictions) && predictions.length > 0 && predictions.every(isNumberList)) return predictions;
  throw wrongShape(body, endpoint, EMBEDDINGS_RULE);
}

const UNKNOWN_USAGE = { prompt_tokens: null, completion_tokens: null, total_tokens: null };

export function fromServingChat(body: unknown, { endpoint, model, created }: ServingAnswerOptions): ChatResponse {
  return {
    id: null,
    object: 'chat.completion',
    created,
    model,
    choices: servingTexts(body, endpoint).map((text, index) => ({
      index,
      message: { role: 'assistant', content: text, tool_calls: null, refusal: null },
      finish_reason: null,
    })),
    usage: UNKNOWN_USAGE,
  };
}

export function fromServingCompletions(body: unknown, { endpoint, model, created }: ServingAnswerOptions): CompletionsResponse {
  return {
    id: null,
    object: 'text_completion',
    created,
    model,
    choices: servingTexts(body, endpoint).map((text, index) => ({ index, text, finish_reason: null })),
    usage: UNKNOWN_USAGE,
  };
}

export function fromServingEmbeddings(body: unknown, options: { endpoint: string; model: string; format: EncodingFormat }): EmbeddingsResponse {
  return embeddingsResponse({ vectors: servingVectors(body, options.endpoint), model: options.model, format: options.format });
}

// ---- Errors ----

/** The scoring server answers `{"error_code": "BAD_REQUEST", "message": "...", "stack_trace": ...}`. */
export function servingErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (typeof body.message === 'string') return body.message;
  if (typeof body.error === 'string') return body.error;
  return null;
}

/** MLflow's `error_code` (`BAD_REQUEST`, `INVALID_PARAMETER_VALUE`, `RESOURCE_DOES_NOT_EXIST`, …) as the code `/v1` shows. */
export function servingVendorError(body: unknown): VendorError | null {
  return isRecord(body) ? vendorErrorOf({ code: body.error_code }) : null;
}

// ---- Adapter ----

export const mlflowModelServingAdapter = {
  displayName: PROVIDER,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<MlflowModelServingConfig>): ProviderEndpoint<CallContext> {
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: settings.config.model_server_url,
      headers: {},
      endpointName: settings.name,
      providerName: PROVIDER,
      errorMessage: servingErrorMessage,
      errorHints: (body) => ({ vendorError: servingVendorError(body) }),
    });
    const endpoint = settings.name;
    // The served model does not name itself; the configured name (or the endpoint's) stands in.
    const model = settings.modelName ?? settings.name;
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          chat: async (request, { abort }) =>
            fromServingChat(await upstream.postJson('invocations', toServingChat(request), { signal: abort }), { endpoint, model, created: settings.now() }),
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromServingCompletions(await upstream.postJson('invocations', toServingCompletions(request), { signal: abort }), {
              endpoint,
              model,
              created: settings.now(),
            }),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, { abort }) => {
            const format = encodingFormatOf(request, PROVIDER);
            return fromServingEmbeddings(await upstream.postJson('invocations', toServingEmbeddings(request), { signal: abort }), { endpoint, model, format });
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<MlflowModelServingConfig, CallContext>;
