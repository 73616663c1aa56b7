/**
 * Cohere v1 wire types: only the fields the gateway reads.
 * https://docs.cohere.com/v1/reference/chat, /generate, /embed and https://docs.cohere.com/v1/docs/streaming
 */

/** Older v1 answers count tokens here; newer ones only in `meta`. */
export interface CohereTokenCount {
  prompt_tokens?: number;
  response_tokens?: number;
  total_tokens?: number;
}

export interface CohereMeta {
  tokens?: { input_tokens?: number; output_tokens?: number };
  billed_units?: { input_tokens?: number; output_tokens?: number };
}

export interface CohereCounted {
  token_count?: CohereTokenCount;
  meta?: CohereMeta;
}

export interface CohereChatResponse extends CohereCounted {
  response_id?: string;
  generation_id?: string;
  text: string;
  finish_reason?: string;
}

export interface CohereGenerateResponse extends CohereCounted {
  id?: string;
  generations: { text: string; index?: number; finish_reason?: string }[];
}

export interface CohereEmbedResponse extends CohereCounted {
  embeddings: number[][] | Record<string, number[][]>;
}

/** One line of a chat or generate stream. */
export interface CohereStreamLine {
  event_type?: string;
  generation_id?: string;
  text?: string;
  index?: number;
  is_finished?: boolean;
  finish_reason?: string;
  err?: string;
  message?: string;
  response?: CohereChatResponse & { id?: string; generations?: { index?: number; finish_reason?: string }[] };
}

// ---- v2 chat (tool calling): https://docs.cohere.com/reference/chat, https://docs.cohere.com/v2/docs/streaming ----

/** A tool call as v2 answers and takes it: OpenAI's shape, `arguments` a JSON text. */
export interface CohereV2ToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string | Record<string, unknown> };
}

/** v2's `usage`: the same two counts as v1's `meta`. */
export type CohereV2Usage = CohereMeta;

export interface CohereV2ChatResponse {
  id?: string;
  finish_reason?: string;
  message: {
    role?: string;
    /** Text items (`{"type":"text","text"}`) and a reasoning model's thinking (`{"type":"thinking","thinking"}`). */
    content?: { type?: string; text?: string; thinking?: string }[];
    /** What the model says it will do before its tool calls. */
    tool_plan?: string;
    tool_calls?: CohereV2ToolCall[];
  };
  usage?: CohereV2Usage;
}

/** One server-sent event of a v2 chat stream (its `data`), named by `type`. */
export interface CohereV2StreamEvent {
  type?: string;
  id?: string;
  index?: number;
  delta?: {
    message?: {
      /** A text item's `text` or a thinking item's `thinking` (a piece of it in `content-delta`). */
      content?: { type?: string; text?: string; thinking?: string };
      tool_plan?: string;
      tool_calls?: CohereV2ToolCall;
    };
    finish_reason?: string;
    usage?: CohereV2Usage;
  };
  /** A bare error line (`{"message": ...}`). */
  message?: string;
}
