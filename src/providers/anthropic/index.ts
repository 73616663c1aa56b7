/**
 * Anthropic (`provider: anthropic`): chat and completions over the Messages API, streamed or not.
 *
 * Vendor references:
 * - Messages API: https://docs.anthropic.com/en/api/messages
 * - Streaming: https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * - Tool use: https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use
 * - Vision (image blocks): https://docs.anthropic.com/en/docs/build-with-claude/vision
 * - Stop reasons: https://docs.anthropic.com/en/api/handling-stop-reasons
 * - Errors: https://docs.anthropic.com/en/api/errors
 *
 * Translation (reference §6.2, with our fixes): system and developer messages become the top-level
 * `system`; images become image blocks, OpenAI's `file` parts (base64 PDF or plain text) document
 * blocks (content.ts; https://docs.claude.com/en/docs/build-with-claude/pdf-support); tool calls and `tool` results become tool_use / tool_result
 * blocks (consecutive results merged into one user turn; ids outside Anthropic's id syntax go as a
 * digest, see shared/tool-call-ids.ts); `stop` → `stop_sequences`; temperature is
 * halved; `max_tokens` (or `max_completion_tokens`) defaults to 8192 (Anthropic requires one); `user` →
 * `metadata.user_id`; `cache_control` on parts and tools is kept, and on a message it goes on the
 * message's last block that is not thinking (prompt caching; system then goes as text blocks). Tool history in a request without tools declares the tools it calls with
 * `tool_choice` none (tools.ts, toolsForHistory). OpenAI's `allowed_tools` sends only the allowed
 * tools, with `auto` or `any` (shared/tool-choice.ts).
 * Extended thinking (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking): answers
 * and stream deltas carry `reasoning_content` and `thinking_blocks`, and an assistant message's
 * `thinking_blocks` go back in its content where the answer had them (see thinking.ts). `reasoning_effort` is sent as
 * `thinking` with LiteLLM's budgets (low 1024, medium 2048, high 4096 tokens; shared/thinking.ts),
 * the default `max_tokens` raised by the budget; a client `max_tokens` not above it is a 400. On
 * Claude 4.6 and later (shared/claude-thinking-form.ts, decided at config load) it is adaptive
 * thinking with `output_config.effort` instead (https://platform.claude.com/docs/en/build-with-claude/effort).
 * `response_format` `json_schema` is sent as structured outputs' `output_config.format` (output-format.ts).
 * `web_search_options` adds Anthropic's web search tool, and the answer's web citations become OpenAI's
 * `url_citation` annotations (web-search.ts; https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool),
 * the tool bounded by the endpoint's `web_search` (`max_uses`, a domain list; web-search-settings.ts);
 * a turn Anthropic pauses (`pause_turn`) is continued by the gateway, streamed or not (pause-turn.ts).
 * Completions send the prompt as one user message (the reference uses the retired `/v1/complete`).
 * The endpoint's `anthropic_beta` betas go as the `anthropic-beta` header of every call
 * (https://platform.claude.com/docs/en/api/beta-headers; shared/anthropic-beta.ts).
 *
 * Refused with a 400/422 naming the field: `n` other than 1, `temperature` together with `top_p`,
 * `max_tokens` over 1,000,000, OpenAI-only parameters (UNSUPPORTED_PARAMETERS), `response_format`
 * `json_object` (no schema, which Anthropic's JSON outputs need), Anthropic spellings
 * of unified parameters (`stop_sequences`, `system`, `max_tokens_to_sample`), audio parts, message
 * fields Anthropic cannot carry (`name`, `refusal`), unknown roles, a message with no content or blank
 * text alone that makes a turn of its own, OpenAI's completions-only `best_of`, `echo` and `suffix`, and a blank completions prompt (blank text beside other
 * content is left out: messages.ts, as on Bedrock). Embeddings are refused at config
 * load (Anthropic has no embeddings API). Other keys (top_k, metadata, thinking, ...) pass through.
 */
import type { AnthropicConfig } from '../../../generated/config';
import type { EndpointType } from '../../schema';
import { noteServedRequest } from '../abort';
import { anthropicBetasOf } from '../shared/anthropic-beta';
import { claudeReasoningEffortFields, claudeThinkingFormOf, type ClaudeThinkingForm } from '../shared/claude-thinking-form';
import { parameterDefaultsOf } from '../shared/parameter-defaults';
import { createUpstream } from '../transport/http';
import { foldEvents } from '../transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { ANTHROPIC_NAME, checkAnthropicCompletionsParameters, checkAnthropicParameters, toAnthropicChat, toAnthropicCompletions, withoutAnthropicNoOpValues } from './request';
import { answerContinuingPausedTurn, eventsContinuingPausedTurn, mayPauseTurn } from './pause-turn';
import { anthropicWebSearchBoundsOf, type AnthropicWebSearchBounds } from './web-search-settings';
import { anthropicErrorHints, anthropicErrorMessage, fromAnthropicChat, fromAnthropicCompletions, fromAnthropicUsage } from './response';
import type { AnthropicUsage } from './wire';
import { createAnthropicChatStream, createAnthropicCompletionsStream } from './stream';

export * from './request';
export * from './response';
export * from './stream';
export * from './thinking';

export const ANTHROPIC_DEFAULT_API_BASE = 'https://api.anthropic.com/v1';
export const ANTHROPIC_DEFAULT_VERSION = '2023-06-01';
const MESSAGES_PATH = 'messages';

/** Where and how one endpoint calls Anthropic; computed once at config load. */
export interface AnthropicTarget {
  baseUrl: string;
  headers: Record<string, string>;
  model: string;
  /** How `reasoning_effort` turns thinking on for this model: a budget, or adaptive (Claude 4.6 and later). */
  thinkingForm: ClaudeThinkingForm;
  /** What every web search tool of this endpoint carries (its config's `web_search`). */
  webSearch: AnthropicWebSearchBounds;
}

/**
 * An `anthropic_api_base` that is only a host (older MLflow's `https://api.anthropic.com/`, which
 * MLflow now ignores) gets the `/v1` the Messages API lives under; one with a path is used as is.
 */
function withVersionSegment(base: string): string {
  const url = URL.canParse(base) ? new URL(base) : null;
  return url !== null && url.origin !== 'null' && (url.pathname === '/' || url.pathname === '') ? new URL('/v1', url).href : base;
}

/**
 * URL, headers and model from the config. Refuses a config that would fail every request: no
 * model name (an Error), parameter defaults Anthropic cannot take (the GatewayError a request
 * carrying them gets, which the config check reports at the parameter's key), or a beta name the
 * header cannot carry or a `web_search` setting Anthropic would refuse (a ConfigKeyError at its key).
 */
export function resolveAnthropicTarget(config: AnthropicConfig, modelName: string | null, endpointType: EndpointType = 'llm/v1/chat'): AnthropicTarget {
  if (!modelName) throw new Error('the Anthropic provider needs model.name (e.g. claude-sonnet-4-5)');
  const { anthropic_api_key: key, anthropic_version: version, anthropic_api_base: base, anthropic_beta: betaSetting } = config;
  const betas = anthropicBetasOf(betaSetting);
  const webSearch = anthropicWebSearchBoundsOf(config.web_search, endpointType);
  // Only the parameter defaults reach a request: any other key is ignored (with a warning), so it refuses nothing.
  const parameterDefaults = withoutAnthropicNoOpValues(parameterDefaultsOf(config));
  const thinkingForm = claudeThinkingFormOf(modelName);
  if (endpointType === 'llm/v1/completions') checkAnthropicCompletionsParameters(parameterDefaults);
  checkAnthropicParameters(parameterDefaults, thinkingForm);
  return {
    baseUrl: base === undefined ? ANTHROPIC_DEFAULT_API_BASE : withVersionSegment(base),
    headers: { 'x-api-key': key, 'anthropic-version': version ?? ANTHROPIC_DEFAULT_VERSION, ...(betas.length > 0 ? { 'anthropic-beta': betas.join(',') } : {}) },
    model: modelName,
    thinkingForm,
    webSearch,
  };
}

export const anthropicAdapter = {
  displayName: ANTHROPIC_NAME,
  // Anthropic has no embeddings API: such endpoints are refused at config load.
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  createEndpoint(settings: EndpointSettings<AnthropicConfig>): ProviderEndpoint<CallContext> {
    const { baseUrl, headers, model, thinkingForm, webSearch } = resolveAnthropicTarget(settings.config, settings.modelName, settings.endpointType);
    const { name: endpoint, now } = settings;
    const reasoningEffortFields = claudeReasoningEffortFields(thinkingForm);
    const upstream = createUpstream({ baseUrl, headers, providerName: ANTHROPIC_NAME, endpointName: endpoint, errorMessage: anthropicErrorMessage, errorHints: anthropicErrorHints, timeouts: settings.timeouts, maxAnswerBytes: settings.maxAnswerBytes });
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return {
          reasoningEffortFields,
          signedThinking: true,
          chat: async (request, { abort }) => {
            const body = toAnthropicChat(request, { model, thinkingForm, webSearch });
            const send = (sent: Record<string, unknown>) => upstream.postJson(MESSAGES_PATH, sent, { signal: abort });
            const onServed = (paused: Record<string, unknown>) => noteServedRequest(abort, { usage: fromAnthropicUsage(paused.usage as AnthropicUsage | undefined), sent: body });
            return fromAnthropicChat(await (mayPauseTurn(body) ? answerContinuingPausedTurn(body, send, onServed) : send(body)), { now });
          },
          chatStream: (request, { abort }) => {
            // Checked before the stream starts, so a bad request is a plain 4xx rather than a broken stream.
            const body = toAnthropicChat(request, { model, thinkingForm, webSearch, stream: true });
            const open = (sent: Record<string, unknown>) => upstream.postStream(MESSAGES_PATH, sent, { signal: abort });
            return foldEvents(mayPauseTurn(body) ? eventsContinuingPausedTurn(body, open) : open(body), createAnthropicChatStream({ endpoint, now }));
          },
        };
      case 'llm/v1/completions':
        return {
          completions: async (request, { abort }) =>
            fromAnthropicCompletions(await upstream.postJson(MESSAGES_PATH, toAnthropicCompletions(request, { model, thinkingForm }), { signal: abort }), { now }),
          completionsStream: (request, { abort }) => {
            const body = toAnthropicCompletions(request, { model, thinkingForm, stream: true });
            return foldEvents(upstream.postStream(MESSAGES_PATH, body, { signal: abort }), createAnthropicCompletionsStream({ endpoint, now }));
          },
        };
      case 'llm/v1/embeddings':
        throw new Error('Anthropic has no embeddings API');
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<AnthropicConfig, CallContext>;
