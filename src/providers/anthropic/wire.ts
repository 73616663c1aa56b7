/**
 * Anthropic Messages API wire types: only the fields the gateway writes or reads.
 * https://docs.anthropic.com/en/api/messages and https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */

/** A prompt-caching breakpoint (`{"type": "ephemeral", "ttl"?: "5m" | "1h"}`), as the client sent it. */
export type AnthropicCacheControl = unknown;

export interface AnthropicTextBlock {
  type: 'text';
  text: string;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicImageBlock {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
  cache_control?: AnthropicCacheControl;
}

/** A PDF (base64) or plain-text document (https://docs.claude.com/en/docs/build-with-claude/pdf-support). */
export interface AnthropicDocumentBlock {
  type: 'document';
  source: { type: 'base64'; media_type: 'application/pdf'; data: string } | { type: 'text'; media_type: 'text/plain'; data: string };
  title?: string;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content?: string | AnthropicContentBlock[];
}

/** Extended thinking, signed; must come back unchanged during tool use. */
export interface AnthropicThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}

/** Thinking the safety systems encrypted; only `data` travels. */
export interface AnthropicRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

/** The blocks a content part becomes. */
export type AnthropicContentBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;

export type AnthropicRequestBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock;

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicRequestBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  strict?: boolean;
  cache_control?: AnthropicCacheControl;
}

/** Anthropic's web search, a server tool: Anthropic runs the searches (web-search.ts). */
export interface AnthropicWebSearchTool {
  type: 'web_search_20250305';
  name: 'web_search';
  user_location?: { type: 'approximate'; city?: string; region?: string; country?: string; timezone?: string };
  max_uses?: number;
  allowed_domains?: readonly string[];
  blocked_domains?: readonly string[];
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** The server tools' calls; each web search is billed (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool , "Usage"). */
  server_tool_use?: { web_search_requests?: number | null } | null;
}

/** A response content block; server-tool blocks and future types carry other fields. */
export interface AnthropicResponseBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  /** `thinking` blocks. */
  thinking?: string;
  signature?: string;
  /** `redacted_thinking` blocks. */
  data?: string;
  /** `text` blocks: what supports the block's text (for web search, `web_search_result_location`). */
  citations?: AnthropicCitation[] | null;
}

/** A citation of a text block; web search results carry `url` and `title`. */
export interface AnthropicCitation {
  type: string;
  url?: string;
  title?: string | null;
  cited_text?: string;
}

/** The `message` object of a response (and of `message_start`, with empty content). */
export interface AnthropicResponse {
  id?: string | null;
  model: string;
  role?: string;
  content: AnthropicResponseBlock[];
  stop_reason?: string | null;
  usage?: AnthropicUsage | null;
}

/** One `data:` payload of the event stream; `type` repeats the SSE event name. */
export interface AnthropicStreamEvent {
  type: string;
  message?: AnthropicResponse;
  index?: number;
  content_block?: AnthropicResponseBlock;
  delta?: { type?: string; text?: string; partial_json?: string; thinking?: string; signature?: string; citation?: AnthropicCitation; stop_reason?: string | null };
  usage?: AnthropicUsage | null;
  error?: { type?: string; message?: string };
}
