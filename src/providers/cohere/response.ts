/**
 * Cohere v1 answers → unified chat, completions and embeddings responses, plus the finish-reason
 * and error mappings shared with the stream folds.
 */
import { GatewayError } from '../../errors';
import type { ChatResponse, CompletionsResponse, EmbeddingsResponse, Usage } from '../../schema';
import { encodeEmbedding, type EncodingFormat } from '../shared/embeddings';
import { isRecord } from '../shared/json';
import { addedUp } from '../shared/usage';
import type { CohereChatResponse, CohereCounted, CohereEmbedResponse, CohereGenerateResponse } from './wire';

/** What the response mappers need besides the body: Cohere echoes no model or timestamp. */
export interface CohereResponseContext {
  model: string;
  now: () => number;
}

/** Usage from `token_count` (older answers; a missing `total_tokens` is the two counts added up) or `meta` (which has no total). */
export function fromCohereUsage(counted: CohereCounted): Usage {
  const counts = counted.token_count;
  if (counts) {
    const prompt = counts.prompt_tokens ?? null;
    const completion = counts.response_tokens ?? null;
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: counts.total_tokens ?? addedUp(prompt, completion) };
  }
  const tokens = counted.meta?.tokens ?? counted.meta?.billed_units;
  const prompt = tokens?.input_tokens ?? null;
  const completion = tokens?.output_tokens ?? null;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: addedUp(prompt, completion) };
}

function expectField<Wire>(body: unknown, field: string, type: 'string' | 'array'): Wire {
  const value = isRecord(body) ? body[field] : undefined;
  if (type === 'array' ? !Array.isArray(value) : typeof value !== 'string') {
    throw GatewayError.unexpectedAnswer(`Cohere's response has no '${field}' ${type === 'array' ? 'list' : 'text'}.`);
  }
  return body as Wire;
}

export function fromCohereChat(body: unknown, { model, now }: CohereResponseContext): ChatResponse {
  const response = expectField<CohereChatResponse>(body, 'text', 'string');
  return {
    id: response.response_id ?? response.generation_id ?? null,
    object: 'chat.completion',
    created: now(),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content: response.text, tool_calls: null, refusal: null }, finish_reason: mapCohereFinishReason(response.finish_reason) },
    ],
    usage: fromCohereUsage(response),
  };
}

export function fromCohereCompletions(body: unknown, { model, now }: CohereResponseContext): CompletionsResponse {
  const response = expectField<CohereGenerateResponse>(body, 'generations', 'array');
  return {
    id: response.id ?? null,
    object: 'text_completion',
    created: now(),
    model,
    choices: response.generations.map((generation, index) => ({ index, text: generation.text, finish_reason: mapCohereFinishReason(generation.finish_reason) })),
    usage: fromCohereUsage(response),
  };
}

/** Float vectors, or the one requested type of an `embeddings_by_type` answer. */
function cohereVectors(response: CohereEmbedResponse): number[][] {
  const { embeddings } = response;
  if (Array.isArray(embeddings)) return embeddings;
  const byType = Object.values(embeddings);
  if (byType.length === 1 && Array.isArray(byType[0])) return byType[0];
  throw GatewayError.unexpectedAnswer('Cohere answered with several embedding types; the unified answer holds one vector per input.');
}

export function fromCohereEmbeddings(body: unknown, { model, encodingFormat }: { model: string; encodingFormat: EncodingFormat }): EmbeddingsResponse {
  if (!isRecord(body) || (!Array.isArray(body.embeddings) && !isRecord(body.embeddings))) {
    throw GatewayError.unexpectedAnswer("Cohere's response has no 'embeddings'.");
  }
  const response = body as unknown as CohereEmbedResponse;
  const inputTokens = response.meta?.billed_units?.input_tokens ?? null;
  return {
    object: 'list',
    data: cohereVectors(response).map((vector, index) => ({ object: 'embedding', embedding: encodeEmbedding(vector, encodingFormat), index })),
    model,
    usage: { prompt_tokens: inputTokens, total_tokens: inputTokens },
  };
}

// ---- Finish reasons and errors ----

/**
 * Cohere's finish reasons in the unified set (v1's and v2's: https://docs.cohere.com/reference/chat ,
 * `finish_reason`). `ERROR` means the generation failed: it is raised as a 502 rather than returned
 * as a normal answer. v2's `TIMEOUT` (the model ran out of time) cut the answer short: `length`. A
 * reason Cohere adds later is `tool_calls` when the answer holds tool calls, else `stop`: clients may
 * take only OpenAI's values (openai-dotnet fails the whole answer on any other).
 */
export function mapCohereFinishReason(reason: string | undefined, hasToolCalls = false): string | null {
  switch (reason) {
    case undefined:
      return null;
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
    case 'USER_CANCEL':
      return 'stop';
    case 'MAX_TOKENS':
    case 'ERROR_LIMIT':
    case 'TIMEOUT':
      return 'length';
    case 'ERROR_TOXIC':
      return 'content_filter';
    // v2 only: the answer is tool calls.
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR':
      throw GatewayError.upstreamUnavailable('Cohere reported an error while generating (finish_reason ERROR).', false);
    default:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}

/** Cohere error bodies are `{"message": "..."}`; `{"error": ...}` shapes are read too. */
export function cohereErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { message, error } = body;
  if (typeof message === 'string') return message;
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return null;
}
