/**
 * Unified chat and completions requests → Anthropic Messages API bodies (reference §6.2 item 1,
 * with the fixes listed in the provider header): parameters here, the conversation in messages.ts
 * (blank text left out, and a message of none refused, there too), tools and tool choice in tools.ts.
 */
import { GatewayError } from '../../errors';
import type { ChatRequest, CompletionsRequest } from '../../schema';
import { isBlank, refuseBlankStopSequences } from '../shared/blank-text';
import { refuseFunctionMessages } from '../shared/function-messages';
import { isRecord } from '../shared/json';
import { withClaudeStrictTools } from '../shared/claude-output-schema';
import { allowedToolNames, withAllowedTools } from '../shared/tool-choice';
import { LEGACY_COMPLETIONS_PARAMETERS, LEGACY_FUNCTION_PARAMETERS, maxTokensOf, NEWER_OPENAI_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, requireSingleChoice, scaleTemperature, withoutNoOpValues } from '../shared/parameters';
import type { ClaudeThinkingForm } from '../shared/claude-thinking-form';
import { claudeThinkingOf, thinkingBudgetOf, withClientOutputConfig, type ClaudeThinkingFields } from '../shared/thinking';
import { invalid } from './content';
import { toAnthropicMessages } from './messages';
import { withResponseFormat } from './output-format';
import { withAnthropicTools } from './tools';
import { withWebSearchTool } from './web-search';
import type { AnthropicWebSearchBounds } from './web-search-settings';

export const ANTHROPIC_NAME = 'Anthropic';

/**
 * Anthropic requires `max_tokens`; like the reference we send 8192 when the client set none, plus
 * the thinking budget when `reasoning_effort` (or the client's own `thinking`) turns budget thinking
 * on (thinking counts toward it), so the answer keeps the same room. Adaptive thinking has no budget
 * to add: 8192 it stays.
 */
const DEFAULT_MAX_TOKENS = 8192;
const MAX_TOKENS_LIMIT = 1_000_000;

/** Anthropic's temperature range is [0, 1]: the unified [0, 2] is halved (§6.13). */
const TEMPERATURE_FACTOR = 0.5;

/** OpenAI parameters with no Anthropic counterpart: refused instead of silently dropped. */
export const UNSUPPORTED_PARAMETERS = [
  'presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'seed',
  ...LEGACY_FUNCTION_PARAMETERS, 'modalities', 'audio', 'prediction',
  // OpenAI's stored completions; the Messages API has no such field (Anthropic would answer 400 itself).
  'store',
  // `web_search_options` is served: Anthropic's web search tool (web-search.ts).
  ...NEWER_OPENAI_PARAMETERS.filter((name) => name !== 'web_search_options'),
];

/**
 * Besides the shared values that change nothing (withoutNoOpValues), `top_p: 1` (no truncation),
 * which would otherwise clash with `temperature`; LangChain's `OpenAI` LLM sends it on every call.
 */
const ANTHROPIC_NO_OP_VALUES = { top_p: 1 };

/** The request (or an endpoint's parameter defaults) without the values that change nothing for Anthropic: what the checks below take. */
export function withoutAnthropicNoOpValues<Request extends Readonly<Record<string, unknown>>>(request: Request): Request {
  return withoutNoOpValues(request, ANTHROPIC_NO_OP_VALUES);
}

/** Anthropic's own spellings of unified parameters (reference §5.4). */
const CHAT_NATIVE_NAMES = { stop_sequences: 'stop', system: "a message with role 'system'" };
const COMPLETIONS_NATIVE_NAMES = { stop_sequences: 'stop', max_tokens_to_sample: 'max_tokens', messages: 'prompt' };

/** What a request body needs besides the unified request. */
export interface AnthropicRequestOptions {
  model: string;
  /** The thinking form of the model (decided at config load); `budget` when absent. */
  thinkingForm?: ClaudeThinkingForm;
  stream?: boolean;
  /** The endpoint's bounds on the web search tool (decided at config load, web-search-settings.ts). */
  webSearch?: AnthropicWebSearchBounds;
}

// ---- Parameters shared by chat and completions ----

/**
 * The checks of §6.2 on sampling parameters (given without their no-op values:
 * withoutAnthropicNoOpValues), without the reference's invented defaults: `top_p` is refused only
 * when the client (or the endpoint config) also set `temperature`. Returns the thinking fields
 * `reasoning_effort` asks for in the model's form (null when it asks for none).
 */
export function checkAnthropicParameters(parameters: Readonly<Record<string, unknown>>, thinkingForm: ClaudeThinkingForm): ClaudeThinkingFields | null {
  rejectUnsupportedParameters(parameters, UNSUPPORTED_PARAMETERS, ANTHROPIC_NAME);
  requireSingleChoice(parameters, ANTHROPIC_NAME);
  refuseBlankStopSequences(parameters.stop, ANTHROPIC_NAME);
  if (parameters.temperature !== undefined && parameters.top_p !== undefined) {
    throw GatewayError.invalidParam("Cannot set both 'temperature' and 'top_p' parameters.", 'top_p', 422);
  }
  const maxTokens = maxTokensOf(parameters);
  if (typeof maxTokens === 'number' && maxTokens > MAX_TOKENS_LIMIT) {
    throw GatewayError.invalidParam(`Invalid value for max_tokens: cannot exceed ${MAX_TOKENS_LIMIT}.`, 'max_tokens', 422);
  }
  withResponseFormat(parameters.output_config, parameters.response_format, ANTHROPIC_NAME);
  // OpenAI's `reasoning_effort` is Anthropic's `thinking`, with a budget or adaptive (shared/thinking.ts).
  return claudeThinkingOf(parameters, ANTHROPIC_NAME, thinkingForm);
}

function toStopSequences(stop: unknown): string[] | undefined {
  if (stop === undefined) return undefined;
  return typeof stop === 'string' ? [stop] : (stop as string[]);
}

/**
 * OpenAI's end-user id, `user` or its newer name `safety_identifier`, is Anthropic's
 * `metadata.user_id`; more than one of the three is a 400 (one would have to be dropped).
 */
function toMetadata(metadata: unknown, ids: { user: unknown; safety_identifier: unknown }): unknown {
  const given = Object.entries(ids).filter(([, value]) => value !== undefined);
  if (given.length === 0) return metadata;
  const [[name, id], ...others] = given;
  if (others.length > 0) throw invalid(others[0][0], "Set either 'user' or 'safety_identifier' for Anthropic, not both: they are the same setting.");
  if (typeof id !== 'string') throw invalid(name, `The parameter '${name}' must be a string.`);
  if (isRecord(metadata) && metadata.user_id !== undefined) {
    throw invalid(name, `Set either '${name}' or 'metadata.user_id' for Anthropic, not both.`);
  }
  return { ...(isRecord(metadata) ? metadata : {}), user_id: id };
}

/**
 * The budget of a client's own `{"type": "enabled", "budget_tokens": N}` (0 for any other thinking):
 * Anthropic refuses a budget not below `max_tokens`, so the default makes room for it as for
 * `reasoning_effort`'s budgets.
 */
function clientThinkingBudgetOf(thinking: unknown): number {
  return isRecord(thinking) && thinking.type === 'enabled' && typeof thinking.budget_tokens === 'number' ? thinking.budget_tokens : 0;
}

/**
 * Everything but the messages: renamed, scaled and defaulted parameters, `reasoning_effort` as
 * `thinking`, then every key we do not translate (top_k, metadata, thinking, ...) passed through
 * for Anthropic to judge. The request comes without its no-op values (withoutAnthropicNoOpValues).
 */
function toAnthropicParameters(request: Record<string, unknown>, { model, thinkingForm = 'budget', stream = false }: AnthropicRequestOptions): Record<string, unknown> {
  const thinking = checkAnthropicParameters(request, thinkingForm);
  const {
    messages: _messages,
    prompt: _prompt,
    model: _clientModel,
    stream: _clientStream,
    // Anthropic always reports stream usage; we pass it on, so `include_usage` needs nothing sent.
    stream_options: _streamOptions,
    n: _n,
    tools: _tools,
    tool_choice: _toolChoice,
    parallel_tool_calls: _parallelToolCalls,
    stop,
    max_tokens: _maxTokens,
    max_completion_tokens: _maxCompletionTokens,
    temperature,
    metadata,
    user,
    safety_identifier: safetyIdentifier,
    reasoning_effort: _reasoningEffort,
    response_format: responseFormat,
    web_search_options: _webSearchOptions,
    ...passThrough
  } = request;
  const maxTokens = maxTokensOf(request) ?? DEFAULT_MAX_TOKENS + (thinkingBudgetOf(thinking)?.budget_tokens ?? clientThinkingBudgetOf(passThrough.thinking));
  const body: Record<string, unknown> = { ...passThrough, model, max_tokens: maxTokens, ...withClientOutputConfig(thinking ?? {}, passThrough.output_config) };
  const outputConfig = withResponseFormat(body.output_config, responseFormat, ANTHROPIC_NAME);
  if (outputConfig !== undefined) body.output_config = outputConfig;
  const stopSequences = toStopSequences(stop);
  if (stopSequences !== undefined) body.stop_sequences = stopSequences;
  const scaled = scaleTemperature(temperature, TEMPERATURE_FACTOR);
  if (scaled !== undefined) body.temperature = scaled;
  const mergedMetadata = toMetadata(metadata, { user, safety_identifier: safetyIdentifier });
  if (mergedMetadata !== undefined) body.metadata = mergedMetadata;
  if (stream) body.stream = true;
  return body;
}

// ---- Requests ----

export function toAnthropicChat(clientRequest: ChatRequest, options: AnthropicRequestOptions): Record<string, unknown> {
  // Without tools, `parallel_tool_calls` would become a tool_choice Anthropic refuses without tools.
  // Anthropic has no list of allowed tools: `allowed_tools` sends only those (shared/tool-choice.ts),
  // so only their strict schemas are read; a named function or `none` still sends every tool.
  const asked = withoutAnthropicNoOpValues(clientRequest);
  const request = withAllowedTools(withClaudeStrictTools(asked, ANTHROPIC_NAME, allowedToolNames(asked, ANTHROPIC_NAME)), ANTHROPIC_NAME);
  rejectNativeNames(request, CHAT_NATIVE_NAMES);
  const body = toAnthropicParameters(request, options);
  // Before the field checks of messages.ts, which would refuse them in words of their own.
  refuseFunctionMessages(request.messages, ANTHROPIC_NAME);
  const { system, messages } = toAnthropicMessages(request.messages);
  if (system !== undefined) body.system = system;
  body.messages = messages;
  const sent = withAnthropicTools(body, request);
  if (request.web_search_options === undefined) return sent;
  return withWebSearchTool(sent, { options: request.web_search_options, clientToolChoice: request.tool_choice, clientTools: asked.tools ?? [], bounds: options.webSearch });
}

/**
 * What completions refuse beside the shared checks (given without their no-op values:
 * withoutAnthropicNoOpValues); also run on a completions endpoint's parameter defaults at load.
 */
export function checkAnthropicCompletionsParameters(parameters: Readonly<Record<string, unknown>>): void {
  // reasoning_effort, response_format and web_search_options are chat parameters (OpenAI's completions have none);
  // the Messages API has none of OpenAI's completions-only ones (Anthropic would refuse them after the call).
  rejectUnsupportedParameters(
    parameters,
    ['tools', 'tool_choice', 'parallel_tool_calls', 'reasoning_effort', 'response_format', 'web_search_options', ...LEGACY_COMPLETIONS_PARAMETERS],
    `${ANTHROPIC_NAME} completions`,
  );
}

/** Completions go through the Messages API: the prompt is one user message. */
export function toAnthropicCompletions(clientRequest: CompletionsRequest, options: AnthropicRequestOptions): Record<string, unknown> {
  const request = withoutAnthropicNoOpValues(clientRequest);
  rejectNativeNames(request, COMPLETIONS_NATIVE_NAMES);
  checkAnthropicCompletionsParameters(request);
  // The prompt is the only message, which Anthropic refuses blank, naming messages.0 (as Converse does).
  if (isBlank(request.prompt)) throw invalid('prompt', 'prompt: Anthropic refuses a prompt that is empty or only whitespace.');
  const body = toAnthropicParameters(request, options);
  body.messages = [{ role: 'user', content: request.prompt }];
  return body;
}
