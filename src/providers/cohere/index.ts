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
 * from the unified 0..2 to Cohere's range by × 2.5; `stop` becomes `stop_sequences` (for chat too,
 * where the reference refuses it), `n` `num_generations` for completions; `top_p`/`top_k` become `p`/`k`. Finish reasons are mapped to
 * the unified set and usage is read from `token_count` or `meta`.
 *
 * Chat requests with tools, `tool_choice`, tool history, `reasoning_effort` (as `thinking`) or
 * Cohere's own `thinking` go to Cohere's v2 chat API instead (`/v2/chat`, the base's final `/v1` as
 * `/v2`, or `cohere_api_v2_base`; a 501 for a base without one and no v2 base): v2-chat.ts. Its thinking comes back as `reasoning_content`,
 * which an assistant message sends back there as a `thinking` item (v1 has none: it is left out).
 *
 * Rejected: the reference's checks with its messages (chat `n` ≠ 1 → 422,
 * native names → 422, completions native names → 400); logprobs and other OpenAI-only
 * parameters (`store`, ...: shared OPENAI_ONLY_PARAMETERS; `reasoning_effort` on completions) → 400 naming the
 * parameter; `max_completion_tokens` is sent as `max_tokens`; non-text content parts → 400;
 * token-id embedding inputs → 400. `encoding_format: base64` is produced by the gateway; embeddings
 * without `input_type` (which v3+ models require) are sent with `search_document`, and more than 96
 * texts (Cohere's limit per call) as consecutive calls of 96.
 * Code layout: request.ts, response.ts, stream.ts (v1), v2-chat.ts (v2 chat), wire.ts (the vendor's types).
 */
import type { CohereConfig } from '../../../generated/config';
import { embeddedInBatches, encodingFormatOf } from '../shared/embeddings';
import { requireModelName } from '../shared/model';
import { checkParameterDefaults, parameterDefaultsOf } from '../shared/parameter-defaults';
import { createUpstream, type Upstream } from '../transport/http';
import { foldEvents } from '../transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { checkCohereChatParameters, checkCohereCompletionsParameters, COHERE_MAX_TEXTS, COHERE_NAME, toCohereChat, toCohereCompletions, toCohereEmbeddings } from './request';
import { cohereErrorMessage, fromCohereChat, fromCohereCompletions, fromCohereEmbeddings, type CohereResponseContext } from './response';
import { createCohereChatStream, createCohereCompletionsStream } from './stream';
import { cohereV2BaseUrl, createCohereV2ChatStream, fromCohereV2Chat, noCohereV2Base, noCohereV2BaseForDefault, toCohereV2Chat, usesCohereV2 } from './v2-chat';

export * from './request';
export * from './response';
export * from './stream';
export * from './v2-chat';

export const COHERE_DEFAULT_API_BASE = 'https://api.cohere.ai/v1';

export const cohereAdapter = {
  displayName: COHERE_NAME,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<CohereConfig>): ProviderEndpoint<CallContext> {
    const model = requireModelName(settings.modelName, COHERE_NAME);
    checkParameterDefaults(settings, { 'llm/v1/chat': checkCohereChatParameters, 'llm/v1/completions': checkCohereCompletionsParameters });
    const upstreamAt = (baseUrl: string): Upstream =>
      createUpstream({
        timeouts: settings.timeouts,
        maxAnswerBytes: settings.maxAnswerBytes,
        baseUrl,
        headers: { Authorization: `Bearer ${settings.config.cohere_api_key}` },
        providerName: COHERE_NAME,
        endpointName: settings.name,
        errorMessage: cohereErrorMessage,
      });
    const baseUrl = settings.config.cohere_api_base ?? COHERE_DEFAULT_API_BASE;
    const upstream = upstreamAt(baseUrl);
    const context: CohereResponseContext = { model, now: settings.now };
    switch (settings.endpointType) {
      case 'llm/v1/chat': {
        // Requests with tools, tool history or thinking go to v2 (v2-chat.ts): the configured v2 base, else derived from the v1 base.
        const v2Base = settings.config.cohere_api_v2_base ?? cohereV2BaseUrl(baseUrl);
        // A `reasoning_effort` default would send every request to a v2 this base cannot give.
        if (v2Base === null && parameterDefaultsOf(settings.config).reasoning_effort !== undefined) throw noCohereV2BaseForDefault('reasoning_effort');
        const v2 = v2Base === null ? null : upstreamAt(v2Base);
        const v2Upstream = (): Upstream => {
          if (v2 === null) throw noCohereV2Base(settings.name);
          return v2;
        };
        return {
          // A client's own `thinking` replaces an endpoint's `reasoning_effort` default (Cohere has no `output_config`).
          reasoningEffortFields: ['thinking'],
          chat: async (request, { abort }) => {
            if (!usesCohereV2(request)) return fromCohereChat(await upstream.postJson('chat', toCohereChat(request, { model }), { signal: abort }), context);
            const body = toCohereV2Chat(request, { model });
            return fromCohereV2Chat(await v2Upstream().postJson('chat', body, { signal: abort }), context);
          },
          chatStream: (request, { abort }) => {
            if (!usesCohereV2(request)) {
              return foldEvents(upstream.postNdjson('chat', toCohereChat(request, { model, stream: true }), { signal: abort }), createCohereChatStream(context));
            }
            const body = toCohereV2Chat(request, { model, stream: true });
            return foldEvents(v2Upstream().postStream('chat', body, { signal: abort }), createCohereV2ChatStream(context));
          },
        };
      }
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromCohereCompletions(await upstream.postJson('generate', toCohereCompletions(request, { model }), { signal: abort }), context),
          completionsStream: (request, { abort }) =>
            foldEvents(upstream.postNdjson('generate', toCohereCompletions(request, { model, stream: true }), { signal: abort }), createCohereCompletionsStream(context)),
        };
      case 'llm/v1/embeddings':
        return {
          embeddings: async (request, call) => {
            const encodingFormat = encodingFormatOf(request);
            return embeddedInBatches(
              request,
              { size: COHERE_MAX_TEXTS, provider: COHERE_NAME },
              async (batch) => fromCohereEmbeddings(await upstream.postJson('embed', toCohereEmbeddings(batch, { model }), { signal: call.abort }), { model, encodingFormat }),
              call,
            );
          },
        };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<CohereConfig, CallContext>;
