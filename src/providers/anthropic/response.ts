/**
 * Anthropic Messages API responses → unified chat and completions responses (reference §6.2 item
 * 2), plus the stop-reason and error mappings shared with the stream fold.
 */
import { GatewayError, vendorErrorOf, type VendorError } from '../../errors';
import type { ChatResponse, CompletionsResponse, ThinkingBlock, ToolCall, UrlCitation, Usage } from '../../schema';
import { isRecord, ownValue } from '../shared/json';
import { pythonJsonDumps } from '../shared/python-json';
import { promptCacheDetails } from '../shared/usage';
import { withThinking } from '../shared/thinking';
import { ThinkingPlaces } from '../shared/thinking-places';
import type { UpstreamErrorHints } from '../transport/http';
import { fromAnthropicThinkingBlock } from './thinking';
import { codePointLength, withAnnotations } from '../shared/url-citations';
import { urlCitationsOf, webSearchRequestsOf } from './web-search';
import type { AnthropicResponse, AnthropicUsage } from './wire';

/** Guards the fields every mapper reads, so a malformed 2xx is a clear 502. */
function expectMessage(body: unknown): AnthropicResponse {
  if (!isRecord(body) || !Array.isArray(body.content)) {
    throw GatewayError.unexpectedAnswer("Anthropic's response has no 'content' list.");
  }
  return body as unknown as AnthropicResponse;
}

/**
 * Anthropic counts cached prompt tokens apart from `input_tokens` (the prompt is all three:
 * https://docs.claude.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance);
 * OpenAI's `prompt_tokens` includes them, so they are added in, and are reported as
 * `prompt_tokens_details` (`cached_tokens` for reads, `cache_creation_tokens` for writes). Web
 * searches (billed apart) are `server_tool_use.web_search_requests`, as LiteLLM reports them.
 */
export function fromAnthropicUsage(usage: AnthropicUsage | null | undefined): Usage {
  const input = usage?.input_tokens;
  const prompt = typeof input === 'number' ? input + (usage?.cache_creation_input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0) : null;
  const completion = typeof usage?.output_tokens === 'number' ? usage.output_tokens : null;
  const unified: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt !== null && completion !== null ? prompt + completion : null };
  const details = promptCacheDetails(usage?.cache_read_input_tokens, usage?.cache_creation_input_tokens);
  if (details !== undefined) unified.prompt_tokens_details = details;
  const searches = webSearchRequestsOf(usage);
  if (searches > 0) unified.server_tool_use = { web_search_requests: searches };
  return unified;
}

/**
 * Text blocks joined (their web citations as annotations over each block's place in the joined
 * text), tool_use blocks as tool calls with Python-JSON arguments like the reference, and thinking
 * blocks in order, kept whole for the client to send back, each with its place among the others (thinking-places.ts). Server-tool blocks (`server_tool_use`,
 * `web_search_tool_result`, its error form included) are not part of the unified answer and are skipped.
 */
function readContent(message: AnthropicResponse): { text: string[]; toolCalls: ToolCall[]; thinking: ThinkingBlock[]; annotations: UrlCitation[] } {
  const text: string[] = [];
  const toolCalls: ToolCall[] = [];
  const thinking: ThinkingBlock[] = [];
  const annotations: UrlCitation[] = [];
  let textLength = 0;
  const places = new ThinkingPlaces();
  for (const block of message.content) {
    if (block.type === 'text' && typeof block.text === 'string') {
      places.text(block.text);
      text.push(block.text);
      const start = textLength;
      textLength += codePointLength(block.text);
      if (block.citations) annotations.push(...urlCitationsOf(block.citations, start, textLength));
    } else if (block.type === 'tool_use') {
      places.toolCall();
      toolCalls.push({ id: block.id ?? '', type: 'function', function: { name: block.name ?? '', arguments: pythonJsonDumps(block.input ?? {}) } });
    } else {
      const thinkingBlock = fromAnthropicThinkingBlock(block);
      if (thinkingBlock !== null) thinking.push(places.placed(thinkingBlock));
    }
  }
  return { text, toolCalls, thinking, annotations };
}

export function fromAnthropicChat(body: unknown, { now }: { now: () => number }): ChatResponse {
  const message = expectMessage(body);
  const { text, toolCalls, thinking, annotations } = readContent(message);
  // OpenAI's shape: null content beside tool calls, a string otherwise.
  const content = text.length > 0 ? text.join('') : toolCalls.length > 0 ? null : '';
  return {
    id: message.id ?? null,
    object: 'chat.completion',
    created: now(),
    model: message.model,
    choices: [
      {
        index: 0,
        message: withAnnotations(withThinking({ role: message.role ?? 'assistant', content, tool_calls: toolCalls.length > 0 ? toolCalls : null, refusal: null }, thinking), annotations),
        finish_reason: mapAnthropicStopReason(message.stop_reason, toolCalls.length > 0),
      },
    ],
    usage: fromAnthropicUsage(message.usage),
  };
}

export function fromAnthropicCompletions(body: unknown, { now }: { now: () => number }): CompletionsResponse {
  const message = expectMessage(body);
  const { text, toolCalls } = readContent(message);
  return {
    id: message.id ?? null,
    object: 'text_completion',
    created: now(),
    model: message.model,
    choices: [{ index: 0, text: text.join(''), finish_reason: mapAnthropicStopReason(message.stop_reason, toolCalls.length > 0) }],
    usage: fromAnthropicUsage(message.usage),
  };
}

/**
 * Anthropic stop reasons in the unified (OpenAI) set. Tool use is `tool_calls` (the reference says
 * `stop`). `pause_turn` (Anthropic paused a long run of server-tool use, such as web searches) is
 * `stop`: the gateway continues a paused turn (pause-turn.ts), and one still paused after that ends
 * with the text so far. `refusal` (the model declined) is `content_filter`; `model_context_window_exceeded`
 * (the answer filled the context window) is `length`.
 * A reason Anthropic adds later is `tool_calls` when the answer holds tool calls, else `stop`: clients
 * may take only OpenAI's values (openai-dotnet, under Semantic Kernel, fails the whole answer on any
 * other), and the answer it ends is whole as far as the client can tell.
 * https://docs.anthropic.com/en/api/handling-stop-reasons
 */
export function mapAnthropicStopReason(reason: string | null | undefined, hasToolCalls = false): string | null {
  switch (reason) {
    case null:
    case undefined:
      return null;
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}

/** The vendor's message from `{"type":"error","error":{"type","message"}}`, else null. */
export function anthropicErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { error } = body;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return null;
}

/**
 * Anthropic's `error.type` (`invalid_request_error`, `not_found_error`, `request_too_large`,
 * `billing_error`, ...) is its only machine-readable code: it becomes `code` on `/v1`, and `type`
 * too where OpenAI has the same type. Anthropic names no parameter.
 */
export function anthropicVendorError(error: unknown): VendorError | null {
  return isRecord(error) ? vendorErrorOf({ type: error.type, code: error.type }) : null;
}

/** What an error body says besides its message: Anthropic's type, for `/v1`. */
export function anthropicErrorHints(body: unknown): UpstreamErrorHints {
  return { vendorError: isRecord(body) ? anthropicVendorError(body.error) : null };
}

/** HTTP status of each documented error type (https://docs.anthropic.com/en/api/errors). */
const ERROR_TYPE_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

/**
 * An `error` event inside a 200 stream, treated like the HTTP error of the same type: e.g.
 * `overloaded_error` is a retryable 502, an authentication error a 502 that names the endpoint.
 */
export function anthropicStreamError(error: unknown, endpoint: string): GatewayError {
  const type = isRecord(error) && typeof error.type === 'string' ? error.type : 'api_error';
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : `Anthropic reported a ${type} mid-stream.`;
  return GatewayError.upstream({ status: ownValue(ERROR_TYPE_STATUS, type) ?? 500, message, endpoint, vendorError: anthropicVendorError(error) });
}
