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
