/**
 * OpenAI wire types: only the fields the gateway reads from responses and stream chunks
 * (`logprobs` is passed on unread, and `annotations` checked entry by entry, so they are `unknown` here).
 * https://platform.openai.com/docs/api-reference/chat, /completions and /embeddings
 */

export interface OpenAIUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: Record<string, unknown> | null;
  completion_tokens_details?: Record<string, unknown> | null;
  /** DeepSeek's documented count of cached prompt tokens (https://api-docs.deepseek.com/api/create-chat-completion). */
  prompt_cache_hit_tokens?: number | null;
}

/** What every response and stream chunk carries. */
export interface OpenAIEnvelope {
  id?: string | null;
  created: number;
  model: string;
  usage?: OpenAIUsage | null;
  /** Azure OpenAI's content filter results for the prompt, passed on unread. */
  prompt_filter_results?: unknown;
}

/**
 * `arguments` is a JSON text per OpenAI; some compatible servers send the object (`argumentsText`).
 * A call of another `type` (OpenAI's `custom`) has no `function`.
 */
export interface OpenAIToolCall {
  id: string;
  type?: string;
  function?: { name: string; arguments: string | Record<string, unknown> };
}

export interface OpenAIToolCallDelta {
  /** Required by OpenAI; some compatible servers leave it out or send null. */
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | Record<string, unknown> | null };
}

export interface OpenAIChatResponse extends OpenAIEnvelope {
  choices: {
    index?: number | null;
    /** `reasoning_content`: DeepSeek-style servers' thinking text, which they want back on tool-call turns; `reasoning`: vLLM's and Ollama's name for it. */
    message?: { role?: string; content?: unknown; tool_calls?: OpenAIToolCall[] | null; refusal?: string | null; reasoning_content?: string | null; reasoning?: string | null; annotations?: unknown };
    finish_reason?: string | null;
    logprobs?: unknown;
    /** Azure OpenAI's content filter results for the choice, passed on unread. */
    content_filter_results?: unknown;
  }[];
}

export interface OpenAIChatChunk extends OpenAIEnvelope {
  choices?: {
    index?: number;
    finish_reason?: string | null;
    delta?: { role?: string | null; content?: unknown; tool_calls?: OpenAIToolCallDelta[] | null; refusal?: string | null; reasoning_content?: string | null; reasoning?: string | null; annotations?: unknown };
    logprobs?: unknown;
    content_filter_results?: unknown;
  }[] | null;
}

export interface OpenAICompletionsResponse extends OpenAIEnvelope {
  choices: { index?: number | null; text?: string | null; message?: { content?: unknown }; finish_reason?: string | null; logprobs?: unknown; content_filter_results?: unknown }[];
}

/** Genuine `/v1/completions` chunks carry `text`; chat-shaped ones (some servers) carry `delta`. */
export interface OpenAICompletionsChunk extends OpenAIEnvelope {
  choices?: { index?: number; text?: string | null; delta?: { content?: unknown }; finish_reason?: string | null; logprobs?: unknown; content_filter_results?: unknown }[] | null;
}

export interface OpenAIEmbeddingsResponse {
  data: { embedding: number[] | string; index?: number }[];
  model: string;
  usage?: { prompt_tokens?: number | null; total_tokens?: number | null } | null;
}
