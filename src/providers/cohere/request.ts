/**
 * Unified chat, completions and embeddings requests → Cohere v1 `/chat`, `/generate` and `/embed`
 * bodies (reference §6.5): conversation split, parameter renames, temperature scaling, rejections.
 */
import { quoted, quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage, ChatRequest, CompletionsRequest, EmbeddingsRequest } from '../../schema';
import { embeddingTexts } from '../shared/embeddings';
import { refuseFunctionMessages } from '../shared/function-messages';
import { isRecord } from '../shared/json';
import { listOfValues } from '../shared/thinking';
import { OPENAI_ONLY_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, renameParameter, scaleTemperature, stopList, withMaxTokens, withoutNoOpValues, withParallelToolCallsAllowed } from '../shared/parameters';
import { toCohereOutputSchema } from './output-schema';

export const COHERE_NAME = 'Cohere';
/** Cohere embeds at most this many texts per call (https://docs.cohere.com/v1/reference/embed). */
export const COHERE_MAX_TEXTS = 96;
const TEMPERATURE_FACTOR = 2.5;

/**
 * `top_p`/`top_k` under Cohere's names, `max_completion_tokens` (OpenAI's newer name) as Cohere's
 * `max_tokens` (Cohere refuses a field it does not know), and the temperature in Cohere's range.
 */
export function toCohereSampling(request: Record<string, unknown>): Record<string, unknown> {
  const { temperature, ...rest } = renameParameter(renameParameter(withMaxTokens(request), 'top_p', 'p', COHERE_NAME), 'top_k', 'k', COHERE_NAME);
  // × 2.5 maps 0..2 onto Cohere's 0..5; zero stays zero (the reference scales only non-zero values).
  return temperature === undefined ? rest : { ...rest, temperature: scaleTemperature(temperature, TEMPERATURE_FACTOR) };
}

// ---- Chat ----

// Tools, tool_choice, tool history and reasoning_effort never get here: such requests go to v2 (v2-chat.ts), which takes reasoning_effort as `thinking`.
const CHAT_UNSUPPORTED = ['logprobs', 'top_logprobs', 'logit_bias', 'user', ...OPENAI_ONLY_PARAMETERS.filter((name) => name !== 'reasoning_effort')];
/** Fields the gateway builds from `messages` (a client sending them would be overwritten), and Cohere's spelling of `stop`. */
const CHAT_NATIVE_NAMES = { message: 'messages', chat_history: 'messages', preamble: 'messages', preamble_override: 'messages', stop_sequences: 'stop' };

/** A message's text: a string, or its text parts joined by newlines; other parts are a 400 naming the part. */
export function cohereMessageText(message: ChatMessage, index: number): string {
  const { content } = message;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part, partIndex) => {
      if (part.type === 'text') return part.text;
      const field = `messages[${index}].content[${partIndex}]`;
      throw GatewayError.invalidParam(`Cohere chat accepts text content only; ${field} is of type ${quoted(part.type)}.`, field);
    })
    .join('\n');
}

/** Splits the unified conversation into Cohere's `message`, `chat_history` and `preamble`. */
function toCohereConversation(messages: ChatMessage[]): Record<string, unknown> {
  const last = messages[messages.length - 1];
  if (last.role !== 'user') throw GatewayError.invalidParam(`Last message must be from user, got ${last.role}.`, 'messages', 422);
  // After MLflow's 422 above, which a conversation ending in a function message or call gets there too.
  refuseFunctionMessages(messages, COHERE_NAME);
  const preamble: string[] = [];
  const history: { role: 'USER' | 'CHATBOT'; message: string }[] = [];
  messages.slice(0, -1).forEach((message, index) => {
    const text = cohereMessageText(message, index);
    switch (message.role) {
      case 'system':
      case 'developer':
        preamble.push(text);
        break;
      case 'user':
        history.push({ role: 'USER', message: text });
        break;
      case 'assistant':
        history.push({ role: 'CHATBOT', message: text });
        break;
      default:
        throw GatewayError.invalidParam(
          `Cohere chat accepts system, user and assistant messages; messages[${index}].role is ${quoted(message.role)}.`,
          `messages[${index}].role`,
        );
    }
  });
  return {
    message: cohereMessageText(last, messages.length - 1),
    ...(history.length > 0 ? { chat_history: history } : {}),
    ...(preamble.length > 0 ? { preamble: preamble.join('\n') } : {}),
  };
}

/**
 * Cohere's `response_format` types are `text` and `json_object`, the latter with an optional
 * schema, named `schema` in v1 and `json_schema` in v2 (https://docs.cohere.com/v1/docs/structured-outputs,
 * https://docs.cohere.com/reference/chat): OpenAI's `json_schema` goes as `json_object` with its
 * schema, its references written out (output-schema.ts); anything else as sent, for Cohere to judge.
 */
export function toCohereResponseFormat(format: unknown, schemaField: 'schema' | 'json_schema' = 'schema'): unknown {
  if (!isRecord(format) || format.type !== 'json_schema') return format;
  const schema = isRecord(format.json_schema) ? format.json_schema.schema : undefined;
  if (!isRecord(schema)) throw GatewayError.invalidParam("'response_format.json_schema.schema' must be a JSON Schema object.", 'response_format.json_schema.schema');
  return { type: 'json_object', [schemaField]: toCohereOutputSchema(schema) };
}

/** Cohere v2's `thinking` (https://docs.cohere.com/reference/chat): on or off, and an optional `token_budget`. */
export interface CohereThinking {
  type: 'enabled' | 'disabled';
}

/**
 * Command A Reasoning thinks unless sent `{"type": "disabled"}` (https://docs.cohere.com/v2/docs/reasoning).
 * Cohere documents no levels and no budgets per effort (it recommends unlimited thinking), so
 * `none` and `minimal` turn thinking off and `low`, `medium` and `high` turn it on with no budget;
 * a client that wants a budget sends Cohere's own `thinking`.
 */
const THINKING_OF_EFFORT: Readonly<Record<string, CohereThinking['type']>> = { none: 'disabled', minimal: 'disabled', low: 'enabled', medium: 'enabled', high: 'enabled' };

/**
 * The `thinking` a request's `reasoning_effort` asks for (only v2 has the field: such requests go
 * there, v2-chat.ts); undefined without one. Another value, or `reasoning_effort` beside Cohere's
 * own `thinking` (one would be dropped), is a 400 naming it.
 */
export function cohereThinkingOf(request: Readonly<Record<string, unknown>>): CohereThinking | undefined {
  const effort = request.reasoning_effort;
  if (effort === undefined) return undefined;
  if (request.thinking !== undefined) {
    throw GatewayError.invalidParam(`Send 'reasoning_effort' or 'thinking' to ${COHERE_NAME}, not both: reasoning_effort is sent as thinking.`, 'reasoning_effort');
  }
  const type = typeof effort === 'string' && Object.hasOwn(THINKING_OF_EFFORT, effort) ? THINKING_OF_EFFORT[effort] : undefined;
  if (type === undefined) {
    throw GatewayError.invalidParam(`reasoning_effort: ${COHERE_NAME} takes ${listOfValues(Object.keys(THINKING_OF_EFFORT))}, not ${quotedJson(effort)}.`, 'reasoning_effort');
  }
  return { type };
}

/** The chat parameters Cohere refuses, given without their no-op values (also run on an endpoint's parameter defaults at load). */
export function checkCohereChatParameters(request: Readonly<Record<string, unknown>>): void {
  rejectUnsupportedParameters(request, CHAT_UNSUPPORTED, COHERE_NAME);
  rejectNativeNames(request, CHAT_NATIVE_NAMES);
  if (request.n !== undefined && request.n !== 1) throw GatewayError.invalidParam(`Parameter n must be 1 for Cohere chat, got ${String(request.n)}.`, 'n', 422);
  cohereThinkingOf(request);
}

export function toCohereChat(clientRequest: ChatRequest, { model, stream = false }: { model: string; stream?: boolean }): Record<string, unknown> {
  // Only a parallel_tool_calls that is not true or false gets here (with tools, a request goes to v2): a 400.
  const request = withParallelToolCallsAllowed(withoutNoOpValues(clientRequest), COHERE_NAME);
  checkCohereChatParameters(request);
  // `stream_options` needs no field: the last chunk always carries the usage of stream-end.
  const { messages, n: _n, stream: _stream, stream_options: _options, model: _model, response_format: responseFormat, stop, ...rest } = request;
  return {
    ...toCohereSampling(rest),
    model,
    ...toCohereConversation(messages),
    // Cohere v1 chat takes `stop_sequences` (https://docs.cohere.com/v1/reference/chat); MLflow refuses `stop` with a 422.
    ...(stop !== undefined ? { stop_sequences: stopList(stop) } : {}),
    ...(responseFormat !== undefined ? { response_format: toCohereResponseFormat(responseFormat) } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

// ---- Completions ----

const COMPLETIONS_UNSUPPORTED = ['tools', 'tool_choice', 'response_format', 'logprobs', 'top_logprobs', 'logit_bias', 'user', 'echo', 'best_of', 'suffix', ...OPENAI_ONLY_PARAMETERS];

/** The completions parameters Cohere refuses, given without their no-op values (also run on an endpoint's parameter defaults at load). */
export function checkCohereCompletionsParameters(request: Readonly<Record<string, unknown>>): void {
  // The reference answers Cohere's own spellings with 400 here (422 everywhere else).
  rejectNativeNames(request, { stop_sequences: 'stop', num_generations: 'n' }, 400);
  rejectUnsupportedParameters(request, COMPLETIONS_UNSUPPORTED, COHERE_NAME);
}

export function toCohereCompletions(clientRequest: CompletionsRequest, { model, stream = false }: { model: string; stream?: boolean }): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkCohereCompletionsParameters(request);
  // `stream_options` needs no field: stream-end carries the usage (`meta`), passed on with the finish.
  const { stop, n, stream: _stream, stream_options: _options, model: _model, ...rest } = request;
  return {
    ...toCohereSampling(rest),
    model,
    ...(stop !== undefined ? { stop_sequences: stopList(stop) } : {}),
    ...(n !== undefined ? { num_generations: n } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

// ---- Embeddings ----

/**
 * OpenAI's embeddings options Cohere v1 `/embed` has no field for (its fields: texts, model,
 * input_type, embedding_types, truncate): a `dimensions` sent on would come back as full-size
 * vectors, which a vector store sized for the asked dimensions then refuses. `safety_identifier`,
 * OpenAI's newer name for `user`, is refused with it (README: wherever `user` is).
 */
const EMBEDDINGS_UNSUPPORTED = ['dimensions', 'user', 'safety_identifier'];

export function toCohereEmbeddings(request: EmbeddingsRequest, { model }: { model: string }): Record<string, unknown> {
  rejectNativeNames(request, { texts: 'input' });
  rejectUnsupportedParameters(request, EMBEDDINGS_UNSUPPORTED, COHERE_NAME);
  const types = request.embedding_types;
  if (types !== undefined && (!Array.isArray(types) || types.length !== 1)) {
    throw GatewayError.invalidParam("The parameter 'embedding_types' must name exactly one type for Cohere: the unified answer has one vector per input.", 'embedding_types');
  }
  // The gateway produces `encoding_format` itself; Cohere's v1 API has no such field.
  const { input, model: _model, encoding_format: _format, ...rest } = request;
  // Cohere requires input_type for its v3+ models and OpenAI clients never send one: search_document
  // (vectors to store) is the neutral choice, as for Cohere Embed on Bedrock.
  return { input_type: 'search_document', ...rest, model, texts: embeddingTexts(input, COHERE_NAME) };
}
