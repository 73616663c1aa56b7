/**
 * Every answer the gateway sends matches openapi/: each provider answer and stream chunk, once
 * translated, is checked against its schema (about 0.1 µs for a chat answer). Whatever a provider
 * (built-in or plugin) sends, the client gets a valid answer or a clear 502, never a body that
 * breaks the contract its client library was generated from.
 *
 * Fields that only describe an answer are repaired instead of refused, since the content is fine:
 * a missing or odd `id` becomes null, `created` now, `model` the endpoint's model, a token count
 * that is not a whole number null, token `logprobs` of a shape the schema does not allow are left
 * out. Anything else (the content, choices, tool calls, vectors) is a
 * 502 naming the provider, the endpoint and the field. So is an embeddings answer without one
 * vector per input (`oneVectorPerInput`, which also puts its vectors in input order).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CompiledEndpoint } from '../config/compile';
import { GatewayError } from '../errors';
import { embeddingInputs, embeddingsMismatch } from '../providers/shared/embeddings';
import { isRecord } from '../providers/shared/json';
import type { EmbeddingsRequest, EmbeddingsResponse, EndpointType } from '../schema';
import * as firstError from '../../generated/first-error-validators';
import type { RetriedChunks } from './retried-stream';
import { fieldPath, summarise } from './validation';

const ANSWER_SCHEMAS: Record<EndpointType, ValidateFunction> = {
  'llm/v1/chat': firstError.validateChatResponse,
  'llm/v1/completions': firstError.validateCompletionsResponse,
  'llm/v1/embeddings': firstError.validateEmbeddingsResponse,
};

const CHUNK_SCHEMAS: Record<'llm/v1/chat' | 'llm/v1/completions', ValidateFunction> = {
  'llm/v1/chat': firstError.validateChatChunk,
  'llm/v1/completions': firstError.validateCompletionsChunk,
};

type Envelope = Record<string, unknown>;

/** The top-level field an error is about, when it is one that can be repaired (`logprobs`: any choice's). */
function repairableField(error: ErrorObject): string | null {
  const [, field, , choiceField] = error.instancePath.split('/');
  if (field === 'choices' && choiceField === 'logprobs') return 'logprobs';
  const name = field ?? (error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined);
  return name === 'id' || name === 'created' || name === 'model' || name === 'usage' ? name : null;
}

/** Whether a usage details object holds only whole numbers (or nulls), so it can be kept as it is. */
const isWholeCounts = (details: unknown): boolean => isRecord(details) && Object.values(details).every((count) => count === null || Number.isInteger(count));

/**
 * `usage` with every count that is not a whole number set to null; its details objects are kept
 * when they hold only whole numbers, dropped otherwise.
 */
function repairedUsage(usage: unknown, fields: readonly string[]): Envelope {
  const source = isRecord(usage) ? usage : {};
  const counts: Envelope = {};
  for (const field of fields) counts[field] = Number.isInteger(source[field]) ? source[field] : null;
  for (const details of USAGE_DETAILS) if (isWholeCounts(source[details])) counts[details] = source[details];
  return counts;
}

const USAGE_FIELDS = ['prompt_tokens', 'completion_tokens', 'total_tokens'] as const;
const EMBEDDINGS_USAGE_FIELDS = ['prompt_tokens', 'total_tokens'] as const;
const USAGE_DETAILS = ['prompt_tokens_details', 'completion_tokens_details'] as const;

/** The choices without their `logprobs` (a vendor that sends one malformed sends them all so). */
function withoutLogprobs(choices: unknown): unknown {
  if (!Array.isArray(choices)) return choices;
  return choices.map((choice: unknown) => {
    if (!isRecord(choice)) return choice;
    const { logprobs: _logprobs, ...rest } = choice;
    return rest;
  });
}

function repaired(answer: Envelope, field: string, endpoint: CompiledEndpoint, isChunk: boolean): Envelope {
  const copy = { ...answer };
  switch (field) {
    case 'id':
      copy.id = null;
      break;
    case 'created':
      copy.created = Math.floor(Date.now() / 1000);
      break;
    case 'model':
      copy.model = endpoint.view.model.name ?? endpoint.name;
      break;
    case 'logprobs':
      copy.choices = withoutLogprobs(answer.choices);
      break;
    default:
      // A chunk's usage is optional and may be null; an answer's is required.
      copy.usage = isChunk && (answer.usage === null || typeof answer.usage !== 'object') ? null : repairedUsage(answer.usage, endpoint.endpointType === 'llm/v1/embeddings' ? EMBEDDINGS_USAGE_FIELDS : USAGE_FIELDS);
  }
  return copy;
}

/** At most one repair per field, so the loop ends. */
const MAX_REPAIRS = 5;

function checked(validate: ValidateFunction, answer: unknown, endpoint: CompiledEndpoint, isChunk: boolean): unknown {
  let current = answer;
  for (let repairs = 0; !validate(current); repairs += 1) {
    const errors = validate.errors ?? [];
    const field = errors.length > 0 ? repairableField(errors[0]) : null;
    if (field === null || repairs === MAX_REPAIRS || typeof current !== 'object' || current === null) throw refusal(endpoint, errors, isChunk);
    current = repaired(current as Envelope, field, endpoint, isChunk);
  }
  return current;
}

/** The plugin method that answers each endpoint type (a stream's is `<method>Stream`), whose types `llm-gateway` exports. */
const PLUGIN_METHODS: Record<EndpointType, 'chat' | 'completions' | 'embeddings'> = {
  'llm/v1/chat': 'chat',
  'llm/v1/completions': 'completions',
  'llm/v1/embeddings': 'embeddings',
};

/** What a plugin's author reads of an answer or chunk refused: the method that gave it and the type it breaks (`ChatChunk`). */
function pluginAnswerOf(endpointType: EndpointType, isChunk: boolean): string {
  const method = PLUGIN_METHODS[endpointType];
  const type = `${method[0].toUpperCase()}${method.slice(1)}`;
  return isChunk ? `a chunk its ${method}Stream method yielded is not a valid ${type}Chunk` : `what its ${method} method returned is not a valid ${type}Response`;
}

/** What an answer's refusal names of its endpoint. */
export type RefusingEndpoint = Pick<CompiledEndpoint, 'name' | 'provider' | 'providerDisplayName' | 'builtIn'>;

/**
 * A plugin's answer refused (`reason` names the field and the rule): the message names the plugin
 * by its provider name and `displayName`, for its author, and says nothing of a translation (a
 * plugin's answers are not translated). A built-in provider's names the provider, as its other 502s do.
 */
export function answerRefusal(endpoint: RefusingEndpoint, reason: { plugin: string; builtIn: string }): GatewayError {
  if (endpoint.builtIn) return GatewayError.untranslatableAnswer(endpoint.providerDisplayName, endpoint.name, { reason: reason.builtIn });
  return GatewayError.invalidPluginAnswer({ endpoint: endpoint.name, provider: endpoint.provider, displayName: endpoint.providerDisplayName }, reason.plugin);
}

function refusal(endpoint: CompiledEndpoint, errors: ErrorObject[], isChunk: boolean): GatewayError {
  const { location, rule } = errors.length > 0 ? summarise(errors) : { location: [], rule: 'is invalid' };
  const field = location.length > 0 ? fieldPath(location) : null;
  const plugin = `${pluginAnswerOf(endpoint.endpointType, isChunk)}: ${field ?? 'it'} ${rule}`;
  return answerRefusal(endpoint, { plugin, builtIn: `in the translated answer, ${field ?? 'the answer'} ${rule}` });
}

/** The endpoint's answer as it may be sent (repaired if need be); throws a 502 GatewayError otherwise. */
export function checkedAnswer(endpoint: CompiledEndpoint, answer: unknown): unknown {
  return checked(ANSWER_SCHEMAS[endpoint.endpointType], answer, endpoint, false);
}

/**
 * A stream chunk of a chat or completions endpoint as it may be sent; throws a 502 GatewayError
 * otherwise, first telling `stream` (retried-stream.ts), whose attempt then counts under its code.
 */
export function checkedChunk(endpoint: CompiledEndpoint, chunk: unknown, stream?: Pick<RetriedChunks<unknown>, 'refused'>): unknown {
  if (endpoint.endpointType === 'llm/v1/embeddings') throw new Error(`endpoint '${endpoint.name}': embeddings do not stream`);
  try {
    return checked(CHUNK_SCHEMAS[endpoint.endpointType], chunk, endpoint, true);
  } catch (refusal) {
    stream?.refused(refusal);
    throw refusal;
  }
}

/**
 * A checked embeddings answer in input order; throws a 502 unless it holds one vector per input of
 * the request, their indexes naming each input once. Whoever answered (a server behind
 * `openai_api_base`, a plugin), vectors paired with the wrong texts would reach the client as a 200
 * and its vector store unseen.
 */
export function oneVectorPerInput(endpoint: CompiledEndpoint, answer: EmbeddingsResponse, input: EmbeddingsRequest['input']): EmbeddingsResponse {
  const mismatch = embeddingsMismatch(answer.data.map((entry) => entry.index), embeddingInputs(input).length);
  if (mismatch !== null) throw answerRefusal(endpoint, { plugin: `what its embeddings method returned does not answer the request: ${mismatch}`, builtIn: mismatch });
  return inIndexOrder(answer);
}

/**
 * The answer with its entries sorted by their indexes (which name each entry once): a client may
 * pair vectors with texts by position. Built-in providers already answer in order (OpenAI's answers
 * are sorted as they are read); a plugin may not. Copied only when out of order.
 */
function inIndexOrder(answer: EmbeddingsResponse): EmbeddingsResponse {
  if (answer.data.every((entry, position) => entry.index === position)) return answer;
  const ordered: EmbeddingsResponse['data'] = new Array(answer.data.length);
  for (const entry of answer.data) ordered[entry.index] = entry;
  return { ...answer, data: ordered };
}
