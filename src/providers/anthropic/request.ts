/**
 * Unified chat and completions requests → Anthropic Messages API bodies (reference §6.2 item 1,
 * with the fixes listed in the provider header).
 */
import { GatewayError } from '../../errors';
import type { ChatMessage, ChatRequest, CompletionsRequest, Tool, ToolCall } from '../../schema';
import { isRecord, ownValue } from '../shared/json';
import { maxTokensOf, NEWER_OPENAI_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, requireSingleChoice, scaleTemperature, withoutNoOpValues } from '../shared/parameters';
import type { ClaudeThinkingForm } from '../shared/claude-thinking-form';
import { claudeThinkingOf, thinkingBudgetOf, withClientOutputConfig, type ClaudeThinkingFields } from '../shared/thinking';
import { inAnswerOrder } from '../shared/thinking-places';
import { strictToolCallId } from '../shared/tool-call-ids';
import { toContentBlocks, withCacheControl, withMessageCacheControl, withMessageCacheControlOn } from './content';
import { withResponseFormat } from './output-format';
import { toAnthropicThinkingBlocks } from './thinking';
import { withWebSearchTool } from './web-search';
import type { AnthropicWebSearchBounds } from './web-search-settings';
import type {
  AnthropicMessage,
  AnthropicRequestBlock,
  AnthropicTextBlock,
  AnthropicTool,
  AnthropicToolChoice,
  AnthropicToolResultBlock,
  AnthropicToolUseBlock,
} from './wire';

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
  'functions', 'function_call', 'modalities', 'audio', 'prediction',
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

function invalid(param: string, message: string): GatewayError {
  return GatewayError.invalidParam(message, param);
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

// ---- Message content (content.ts) ----

/** Text blocks of a system message; parts must all be text. */
function systemBlocks(content: ChatMessage['content'], path: string): AnthropicTextBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (content === undefined || content === null) throw invalid(path, `${path} is required for a system message.`);
  return toContentBlocks(content, path, 'system') as AnthropicTextBlock[];
}

/**
 * The top-level `system`: one text joined by newlines, or, when a part carries a prompt-caching
 * breakpoint, the list of text blocks Anthropic takes it on.
 */
function toSystem(blocks: readonly AnthropicTextBlock[]): string | AnthropicTextBlock[] | undefined {
  if (blocks.length === 0) return undefined;
  if (blocks.some((block) => block.cache_control !== undefined)) return [...blocks];
  return blocks.map((block) => block.text).join('\n');
}

function toToolInput(call: ToolCall, path: string): Record<string, unknown> {
  const text = call.function.arguments;
  // Some clients send "" for a call without arguments.
  if (text.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw invalid(`${path}.function.arguments`, `${path}.function.arguments must be a JSON object text.`);
  }
  if (!isRecord(input)) throw invalid(`${path}.function.arguments`, `${path}.function.arguments must be a JSON object text.`);
  return input;
}

/**
 * Assistant turns keep their text (the reference loses it when there are tool calls), and have
 * their thinking blocks back where the answer had them when the client sent them (thinking-places.ts).
 */
function toAssistantContent(message: ChatMessage, path: string): AnthropicMessage['content'] {
  const { content, tool_calls: toolCalls } = message;
  const thinking = toAnthropicThinkingBlocks(message);
  const hasToolCalls = (toolCalls?.length ?? 0) > 0;
  if (!hasToolCalls) {
    if (content === undefined || content === null) throw invalid(`${path}.content`, `${path}: an assistant message needs content or tool_calls.`);
    if (thinking.length === 0) return typeof content === 'string' ? content : toContentBlocks(content, `${path}.content`, 'assistant');
  }
  const text: AnthropicRequestBlock[] =
    typeof content === 'string' ? (content === '' ? [] : [{ type: 'text', text: content }]) : toContentBlocks(content ?? [], `${path}.content`, 'assistant');
  const toolUses = (toolCalls ?? []).map(
    (call, index): AnthropicToolUseBlock => ({
      type: 'tool_use',
      id: strictToolCallId(call.id),
      name: call.function.name,
      input: toToolInput(call, `${path}.tool_calls[${index}]`),
    }),
  );
  return inAnswerOrder({ thinking, text, toolCalls: toolUses });
}

function toToolResult(message: ChatMessage, path: string): AnthropicToolResultBlock {
  if (typeof message.tool_call_id !== 'string') throw invalid(`${path}.tool_call_id`, `${path}.tool_call_id is required for a tool message.`);
  const block: AnthropicToolResultBlock = { type: 'tool_result', tool_use_id: strictToolCallId(message.tool_call_id) };
  const { content } = message;
  if (typeof content === 'string') block.content = content;
  else if (Array.isArray(content)) block.content = toContentBlocks(content, `${path}.content`, 'tool');
  return block;
}

/**
 * Message fields Anthropic can represent, per role; any other field is refused, not dropped. Except
 * `name`, a participant's label with no Anthropic field, which LangChain's MLflow chat model and
 * LangGraph's agents send on named messages: dropped, as MLflow drops it and Gemini and Bedrock
 * ignore it, so that those clients work unchanged.
 */
const MESSAGE_FIELDS: Record<string, readonly string[]> = {
  system: ['role', 'content', 'name', 'cache_control'],
  developer: ['role', 'content', 'name', 'cache_control'],
  user: ['role', 'content', 'name', 'cache_control'],
  // reasoning_content is the readable copy of thinking_blocks, which are what Anthropic checks;
  // annotations (web citations) are not sent back: the text is.
  assistant: ['role', 'content', 'name', 'tool_calls', 'thinking_blocks', 'reasoning_content', 'annotations', 'cache_control'],
  tool: ['role', 'content', 'name', 'tool_call_id', 'cache_control'],
};

function checkMessageFields(message: ChatMessage, path: string): void {
  const allowed = ownValue(MESSAGE_FIELDS, message.role);
  if (allowed === undefined) {
    throw invalid(`${path}.role`, `${path}.role: the role '${message.role}' is not supported by Anthropic (use system, developer, user, assistant or tool).`);
  }
  for (const field of Object.keys(message)) {
    if (!allowed.includes(field)) throw invalid(`${path}.${field}`, `${path}.${field}: this field of a '${message.role}' message is not supported by Anthropic.`);
  }
}

/**
 * System (and developer) messages, wherever they are, become the top-level `system` text joined by
 * newlines; tool results become `tool_result` blocks, consecutive ones merged into one user turn as
 * Anthropic requires.
 */
function toAnthropicMessages(messages: ChatMessage[]): { system: string | AnthropicTextBlock[] | undefined; messages: AnthropicMessage[] } {
  const system: AnthropicTextBlock[] = [];
  const converted: AnthropicMessage[] = [];
  let toolResults: AnthropicRequestBlock[] | null = null;
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    checkMessageFields(message, path);
    if (message.role === 'tool') {
      const [result] = withMessageCacheControl([toToolResult(message, path)], message, path);
      if (toolResults) toolResults.push(result);
      else {
        toolResults = [result];
        converted.push({ role: 'user', content: toolResults });
      }
      return;
    }
    toolResults = null;
    if (message.role === 'system' || message.role === 'developer') system.push(...withMessageCacheControl(systemBlocks(message.content, `${path}.content`), message, path));
    else if (message.role === 'assistant') converted.push({ role: 'assistant', content: withMessageCacheControlOn(toAssistantContent(message, path), message, path) });
    else {
      const { content } = message;
      if (content === undefined || content === null) throw invalid(`${path}.content`, `${path}.content is required for a user message.`);
      const blocks = typeof content === 'string' ? content : toContentBlocks(content, `${path}.content`, 'user');
      converted.push({ role: 'user', content: withMessageCacheControlOn(blocks, message, path) });
    }
  });
  return { system: toSystem(system), messages: converted };
}

// ---- Tools ----

/** The function's JSON Schema goes through whole as `input_schema`; the tool's `cache_control` goes along. */
function toAnthropicTool(tool: Tool): AnthropicTool {
  const { name, description, parameters, strict } = tool.function;
  const converted: AnthropicTool = { name, input_schema: parameters ?? { type: 'object', properties: {} } };
  if (description !== undefined) converted.description = description;
  if (strict === true) converted.strict = true;
  return withCacheControl(converted, tool);
}

function namedFunction(choice: Record<string, unknown>): string | null {
  const fn = choice.function;
  return choice.type === 'function' && isRecord(fn) && typeof fn.name === 'string' ? fn.name : null;
}

function toChoiceType(choice: unknown): AnthropicToolChoice {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  const name = isRecord(choice) ? namedFunction(choice) : null;
  if (name !== null) return { type: 'tool', name };
  throw invalid('tool_choice', `The parameter 'tool_choice' must be "auto", "none", "required" or {"type":"function","function":{"name":...}}.`);
}

/** auto → auto, required → any, none → none, a named function → tool; `parallel_tool_calls: false` → disable_parallel_tool_use. */
function toAnthropicToolChoice(choice: unknown, parallelToolCalls: unknown): AnthropicToolChoice | undefined {
  if (parallelToolCalls !== undefined && typeof parallelToolCalls !== 'boolean') {
    throw invalid('parallel_tool_calls', "The parameter 'parallel_tool_calls' must be a boolean.");
  }
  if (choice === undefined && parallelToolCalls !== false) return undefined;
  // Anthropic carries the parallel switch on tool_choice; `auto` is its default choice.
  const mapped = choice === undefined ? ({ type: 'auto' } as const) : toChoiceType(choice);
  return parallelToolCalls === false && mapped.type !== 'none' ? { ...mapped, disable_parallel_tool_use: true } : mapped;
}

/** The tools the conversation's tool calls name, once each, with an open schema (theirs is not sent). */
function historyToolsOf(messages: readonly ChatMessage[]): AnthropicTool[] {
  const names = new Set(messages.flatMap((message) => (message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.function.name) : [])));
  return [...names].map((name) => ({ name, input_schema: { type: 'object', properties: {} } }));
}

/**
 * A request that offers no tools (or says `tool_choice` none) but carries tool history, such as an
 * agent's final turn: Anthropic has refused tool_use / tool_result blocks without `tools` (400
 * "Requests which include `tool_use` or `tool_result` blocks must define tools"), so the tools the
 * history calls are declared with `tool_choice` none, which Anthropic enforces: the conversation
 * goes unchanged (signed thinking included) and no tool can be called.
 */
function toolsForHistory(request: ChatRequest): { tools: AnthropicTool[]; tool_choice: AnthropicToolChoice } | null {
  if ((request.tools?.length ?? 0) > 0 || (request.tool_choice !== undefined && request.tool_choice !== 'none')) return null;
  const tools = historyToolsOf(request.messages);
  return tools.length > 0 ? { tools, tool_choice: { type: 'none' } } : null;
}

// ---- Requests ----

export function toAnthropicChat(clientRequest: ChatRequest, options: AnthropicRequestOptions): Record<string, unknown> {
  // Without tools, `parallel_tool_calls` would become a tool_choice Anthropic refuses without tools.
  const request = withoutAnthropicNoOpValues(clientRequest);
  rejectNativeNames(request, CHAT_NATIVE_NAMES);
  const body = toAnthropicParameters(request, options);
  const { system, messages } = toAnthropicMessages(request.messages);
  if (system !== undefined) body.system = system;
  body.messages = messages;
  if (request.tools !== undefined) body.tools = request.tools.map(toAnthropicTool);
  const toolChoice = toAnthropicToolChoice(request.tool_choice, request.parallel_tool_calls);
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  const sent = { ...body, ...toolsForHistory(request) };
  if (request.web_search_options === undefined) return sent;
  return withWebSearchTool(sent, { options: request.web_search_options, clientToolChoice: request.tool_choice, bounds: options.webSearch });
}

/**
 * What completions refuse beside the shared checks (given without their no-op values:
 * withoutAnthropicNoOpValues); also run on a completions endpoint's parameter defaults at load.
 */
export function checkAnthropicCompletionsParameters(parameters: Readonly<Record<string, unknown>>): void {
  // reasoning_effort, response_format and web_search_options are chat parameters (OpenAI's completions have none).
  rejectUnsupportedParameters(parameters, ['tools', 'tool_choice', 'parallel_tool_calls', 'reasoning_effort', 'response_format', 'web_search_options'], `${ANTHROPIC_NAME} completions`);
}

/** Completions go through the Messages API: the prompt is one user message. */
export function toAnthropicCompletions(clientRequest: CompletionsRequest, options: AnthropicRequestOptions): Record<string, unknown> {
  const request = withoutAnthropicNoOpValues(clientRequest);
  rejectNativeNames(request, COMPLETIONS_NATIVE_NAMES);
  checkAnthropicCompletionsParameters(request);
  const body = toAnthropicParameters(request, options);
  body.messages = [{ role: 'user', content: request.prompt }];
  return body;
}
