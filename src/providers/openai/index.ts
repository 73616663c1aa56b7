/**
 * OpenAI and Azure OpenAI (`openai_api_type`: `openai`, `azure` or `azuread`, case-insensitive).
 *
 * Vendor references:
 * - Chat completions and chunks: https://platform.openai.com/docs/api-reference/chat
 * - Legacy completions: https://platform.openai.com/docs/api-reference/completions
 * - Embeddings: https://platform.openai.com/docs/api-reference/embeddings
 * - Errors: https://platform.openai.com/docs/guides/error-codes
 * - Azure: https://learn.microsoft.com/azure/ai-services/openai/reference
 *   (`/openai/deployments/{deployment}/...?api-version=`, `api-key` or Entra ID bearer token; the
 *   azure types with a `/openai/v1` base call Azure's v1 API, the deployment as `model`). An
 *   `azuread` endpoint without `openai_api_key` gets its tokens from Azure's credential chain (entra-token.ts).
 *
 * The unified API is OpenAI's own shape, so requests pass through unchanged (plus the configured
 * `model` for the openai type; Azure's deployment decides the model) and responses are trimmed to
 * the unified schema (a completions request with several prompts, or token ids, goes whole to OpenAI's
 * and Azure's own APIs: `takesPromptList`): system_fingerprint and service_tier are dropped; a message's url citations
 * (web search, url-citations.ts), a choice's
 * `logprobs` (asked for with `logprobs` / `top_logprobs`), usage's `prompt_tokens_details` /
 * `completion_tokens_details` and Azure's `prompt_filter_results` / `content_filter_results` are passed on as sent. Nothing is rejected here: OpenAI validates its own parameters (`n`, `stop`, ...) and its
 * 4xx answers reach the client with their status and message. Mistral, Together AI and TGI speak
 * the same wire format and reuse the exported mappers.
 *
 * Code layout: request.ts, response.ts, stream.ts, stream-from-answer.ts (a JSON answer to a stream
 * request, as its stream), tei-batches.ts (embeddings in batches for Hugging Face TEI behind
 * `openai_api_base`, once it refused a request for its size), filter-annotations.ts (Azure's content filter results, and their chunks in streams),
 * url-citations.ts (web search citations), wire.ts (the vendor's types); the Azure and
 * OpenAI URLs, headers and the adapter are below.
 */
import type { OpenAIConfig } from '../../../generated/config';
import { createUpstream, joinUrl } from '../transport/http';
import { foldEvents } from '../transport/sse';
import type { Logger } from '../../server/logging';
import type { CallSignal } from '../abort';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { ALL_REASONING, OPENAI_TOOL_CALL_ID_MAX_LENGTH, THINKING_BLOCKS, toOpenAIChat, toOpenAICompletions, toOpenAIEmbeddings, type OmittedReasoning } from './request';
import { fromOpenAIChat, fromOpenAICompletions, fromOpenAIEmbeddings, openaiErrorMessage, openaiVendorError } from './response';
import { createOpenAIChatStream, createOpenAICompletionsStream } from './stream';
import { asksForStreamUsage, chatAnswerAsEvents, completionsAnswerAsEvents } from './stream-from-answer';
import { createFilterAnnotationsNormaliser } from './filter-annotations';
import { hasV1Path, isAzureHostedBase } from './azure-base';
import { entraTokenFailure, entraTokenSourceFor, type EntraTokenSource } from './entra-token';
import { createTeiBatching } from './tei-batches';

export { ALL_REASONING, THINKING_BLOCKS, toOpenAIChat, toOpenAICompletions, toOpenAIEmbeddings, type OmittedReasoning, type OpenAIRequestOptions } from './request';
export { describeValidationIssues, fromOpenAIChat, fromOpenAICompletions, fromOpenAIEmbeddings, mapOpenAIChoices, openaiErrorMessage, openaiVendorError, type OpenAINormaliser } from './response';
export { createOpenAIChatStream, createOpenAICompletionsStream, type OpenAIStreamError } from './stream';
export { chatAnswerWithUsageAsEvents, completionsAnswerWithUsageAsEvents } from './stream-from-answer';

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
  /** The `model` to send, null when none is sent (Azure's deployment API, or no `model.name`). */
  model: string | null;
  /** OpenAI's and Azure's own APIs refuse `reasoning_content`; other servers behind a custom base may want it. */
  omittedReasoning: OmittedReasoning;
  /** OpenAI's and Azure's own APIs refuse longer tool-call ids; unset (any length) for other servers behind a custom base. */
  toolCallIdMaxLength?: number;
  /** Set when the gateway gets the Entra ID token itself (azuread without `openai_api_key`): the managed identity to get it as, if not the default. */
  entraIdentity?: { clientId: string | undefined };
}

/**
 * Whether the base is OpenAI's API or Azure OpenAI's, which refuse `reasoning_content` and tool-call
 * ids over 40 characters. Other servers behind a custom base (Groq's `/openai/v1` among them) may want both.
 */
function isOpenAIsOwnApi(baseUrl: string): boolean {
  return new URL(baseUrl).hostname.toLowerCase() === 'api.openai.com' || isAzureHostedBase(baseUrl);
}

/**
 * Whether the completions take `prompt` as a list (several prompts, token ids) in one call: OpenAI's
 * and Azure OpenAI's APIs do. Another server behind a custom base may take a string only (Ollama's
 * `/v1/completions`), so it gets one call per prompt.
 */
function takesPromptList(target: Pick<OpenAITarget, 'apiType' | 'baseUrl'>): boolean {
  return target.apiType !== 'openai' || isOpenAIsOwnApi(target.baseUrl);
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

const OPENAI_NAME = 'OpenAI';
const AZURE_OPENAI_NAME = 'Azure OpenAI';

/** The vendor's name in messages: Azure OpenAI for the azure and azuread types, so every message of an endpoint names the same vendor. */
export function openaiProviderName(config: Pick<OpenAIConfig, 'openai_api_type'>): string {
  return parseOpenAIApiType(config.openai_api_type) === 'openai' ? OPENAI_NAME : AZURE_OPENAI_NAME;
}

/**
 * Whether the API takes `stream_options.include_usage` (and reports a stream's usage only then):
 * OpenAI's and the servers that follow it; Azure OpenAI from API version 2024-09-01 (older versions
 * refuse the field), and Azure's v1 API, which has no versions.
 */
function takesStreamUsageOption(config: OpenAIConfig): boolean {
  if (parseOpenAIApiType(config.openai_api_type) === 'openai' || hasV1Path(config.openai_api_base)) return true;
  return (config.openai_api_version ?? '').slice(0, 10) >= '2024-09-01';
}

/** Builds URL, headers and model from the config (the loader has already checked which keys each type may carry). */
export function resolveOpenAITarget(config: OpenAIConfig, modelName: string | null): OpenAITarget {
  const apiType = parseOpenAIApiType(config.openai_api_type);
  const key = config.openai_api_key;
  if (key === undefined && apiType !== 'azuread') throw new Error("'openai_api_key' is required unless 'openai_api_type' is 'azuread'");
  switch (apiType) {
    case 'openai': {
      const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
      if (config.openai_organization) headers['OpenAI-Organization'] = config.openai_organization;
      // The reference appends `?api-version=` for plain OpenAI too when a version is configured.
      const baseUrl = withApiVersion(config.openai_api_base ?? OPENAI_DEFAULT_API_BASE, config.openai_api_version);
      if (!isOpenAIsOwnApi(baseUrl)) return { apiType, providerName: OPENAI_NAME, baseUrl, headers, model: modelName, omittedReasoning: THINKING_BLOCKS };
      return { apiType, providerName: OPENAI_NAME, baseUrl, headers, model: modelName, omittedReasoning: ALL_REASONING, toolCallIdMaxLength: OPENAI_TOOL_CALL_ID_MAX_LENGTH };
    }
    case 'azure':
    case 'azuread': {
      const { openai_api_base: base, openai_deployment_name: deployment, openai_api_version: version } = config;
      const headers: Record<string, string> = apiType === 'azure' ? { 'api-key': key! } : key === undefined ? {} : { Authorization: `Bearer ${key}` };
      const entraIdentity = apiType === 'azuread' && key === undefined ? { entraIdentity: { clientId: config.azure_client_id } } : {};
      // Azure's v1 API, or a proxy of it: the deployment is the model's name, and there is no api-version.
      if (hasV1Path(base)) {
        return { apiType, providerName: AZURE_OPENAI_NAME, baseUrl: base, headers, model: modelName, omittedReasoning: ALL_REASONING, toolCallIdMaxLength: OPENAI_TOOL_CALL_ID_MAX_LENGTH, ...entraIdentity };
      }
      if (!base || !deployment || !version) {
        throw new Error(
          "OpenAI route configuration must specify 'openai_api_base', 'openai_deployment_name', and 'openai_api_version' if 'openai_api_type' is 'azure' or 'azuread'.",
        );
      }
      const baseUrl = withApiVersion(joinUrl(base, `openai/deployments/${encodeURIComponent(deployment)}`), version);
      return { apiType, providerName: AZURE_OPENAI_NAME, baseUrl, headers, model: null, omittedReasoning: ALL_REASONING, toolCallIdMaxLength: OPENAI_TOOL_CALL_ID_MAX_LENGTH, ...entraIdentity };
    }
    default: {
      const unreachable: never = apiType;
      throw new Error(`Invalid OpenAI API type '${String(unreachable)}'`);
    }
  }
}

// ---- Adapter ----

/**
 * The endpoint's Entra ID token for each request; a failure to get one is its 502 (entra-token.ts).
 * The identity's token source is taken at the first request (the config check builds endpoints too).
 */
function entraAccessToken(clientId: string | undefined, endpoint: string, logger: Logger | undefined): (signal: CallSignal) => Promise<string> {
  let source: EntraTokenSource | undefined;
  return (signal) => {
    const current = (source ??= entraTokenSourceFor(clientId, logger));
    return current.token(signal).catch((error: unknown) => {
      throw signal.aborted ? error : entraTokenFailure(error, endpoint, { outageLogged: current.isLoggedOutage(error) });
    });
  };
}

const CHAT_PATH = 'chat/completions';
const COMPLETIONS_PATH = 'completions';
const EMBEDDINGS_PATH = 'embeddings';

export const openaiAdapter = {
  displayName: OPENAI_NAME,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<OpenAIConfig>): ProviderEndpoint<CallContext> {
    const target = resolveOpenAITarget(settings.config, settings.modelName);
    const { baseUrl, headers, providerName, model, omittedReasoning, toolCallIdMaxLength, entraIdentity } = target;
    const upstream = createUpstream({
      baseUrl,
      headers,
      ...(entraIdentity && { accessToken: entraAccessToken(entraIdentity.clientId, settings.name, settings.logger) }),
      providerName,
      endpointName: settings.name,
      errorMessage: openaiErrorMessage,
      errorHints: (body) => ({ vendorError: openaiVendorError(body) }),
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
    });
    const streamUsageWhenAsked = takesStreamUsageOption(settings.config);
    const { sentCredentials } = upstream;
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          streamUsageWhenAsked,
          sentCredentials,
          chat: async (request, { abort }) => fromOpenAIChat(await upstream.postJson(CHAT_PATH, toOpenAIChat(request, { model, omittedReasoning, toolCallIdMaxLength }), { signal: abort })),
          chatStream: (request, { abort }) => {
            const body = toOpenAIChat(request, { model, stream: true, omittedReasoning, toolCallIdMaxLength });
            // Only the flag is captured: undici keeps a finished request's handler (and so this) for a while, and a request body kept alive that long costs memory.
            const includeUsage = asksForStreamUsage(body);
            const eventsOfAnswer = (answer: unknown) => chatAnswerAsEvents(answer, { includeUsage });
            return foldEvents(upstream.postStream(CHAT_PATH, body, { signal: abort, eventsOfAnswer }), createOpenAIChatStream(createFilterAnnotationsNormaliser()));
          },
        };
      case 'llm/v1/completions':
        return {
          streamUsageWhenAsked,
          takesPromptList: takesPromptList(target),
          sentCredentials,
          completions: async (request, { abort }) =>
            fromOpenAICompletions(await upstream.postJson(COMPLETIONS_PATH, toOpenAICompletions(request, { model }), { signal: abort })),
          completionsStream: (request, { abort }) => {
            const body = toOpenAICompletions(request, { model, stream: true });
            // Only the flag is captured: undici keeps a finished request's handler (and so this) for a while, and a request body kept alive that long costs memory.
            const includeUsage = asksForStreamUsage(body);
            const eventsOfAnswer = (answer: unknown) => completionsAnswerAsEvents(answer, { includeUsage });
            return foldEvents(upstream.postStream(COMPLETIONS_PATH, body, { signal: abort, eventsOfAnswer }), createOpenAICompletionsStream(createFilterAnnotationsNormaliser()));
          },
        };
      case 'llm/v1/embeddings': {
        const embedWithTeiBatches = createTeiBatching(providerName);
        return {
          sentCredentials,
          embeddings: (request, call) =>
            embedWithTeiBatches(request, call, async (batch) =>
              fromOpenAIEmbeddings(await upstream.postJson(EMBEDDINGS_PATH, toOpenAIEmbeddings(batch, { model }), { signal: call.abort, keepText: true }), {
                encodingFormat: batch.encoding_format === 'base64' ? 'base64' : 'float',
              }),
            ),
        };
      }
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<OpenAIConfig, CallContext>;
