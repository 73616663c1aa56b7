/**
 * Native InvokeModel / InvokeModelWithResponseStream bodies, for what Converse does not serve:
 * embeddings, and completions of Amazon Titan Text, Cohere Command and AI21 (Jurassic-2, Jamba).
 *
 * Vendor references (request body, response body, stream chunk):
 * - Titan Text: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-text.html
 * - Titan Embeddings: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html
 * - Cohere Command: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-cohere-command.html
 * - Cohere Embed: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html
 * - Cohere Embed v4: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html
 * - AI21 Jurassic-2: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-jurassic2.html
 * - AI21 Jamba: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-jamba.html
 *
 * Completions' usage is the body's token counts (Titan Text, Jamba) or, where the body has none
 * (Jurassic-2, Cohere Command), Bedrock's token-count headers (`headerCounts`, token-count-headers.ts);
 * streams take it from the `amazon-bedrock-invocationMetrics` of their last chunk.
 *
 * Parameters follow MLflow's Bedrock mapping (stop→stopSequences/stop_sequences, n→numResults/
 * num_generations, max_tokens→maxTokenCount/maxTokens, temperature scaled per family), and the
 * native spellings are refused as MLflow does. A parameter the body has no place for is a 400.
 * Titan embeds one text per call, so a list input makes one call per text. Embeddings are returned
 * as float lists, or as base64 little-endian float32 when `encoding_format` is `base64` (OpenAI's
 * encoding, which the official clients ask for by default). Cohere Embed requires `input_type`;
 * when the client sends none we send `search_document` (documented in the README).
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { CompletionsChunk, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse, Usage } from '../../schema';
import { mapCohereFinishReason } from '../cohere/response';
import { embeddingsResponse, embeddingTexts, encodingFormatOf, summedTokenCounts, textsForSeveralCalls } from '../shared/embeddings';
import { isRecord, ownValue } from '../shared/json';
import { rejectNativeNames } from '../shared/parameters';
import type { BedrockFamily } from './families';
import { acceptOnly, readSampling, type AnswerContext, type EventFold } from './shared';
import { NO_HEADER_COUNTS, type HeaderTokenCounts } from './token-count-headers';

// ---- Wire types (only the fields we read) ----

interface TitanTextResponse {
  inputTextTokenCount?: number;
  results: { tokenCount?: number; outputText: string; completionReason?: string | null }[];
}

/** Bedrock adds invocation metrics to the last chunk of every InvokeModelWithResponseStream answer. */
interface InvocationMetrics {
  'amazon-bedrock-invocationMetrics'?: { inputTokenCount?: number; outputTokenCount?: number };
}

interface TitanTextChunk extends InvocationMetrics {
  outputText?: string;
  index?: number;
  completionReason?: string | null;
}

interface CohereCommandResponse {
  id?: string;
  generations: { text: string; finish_reason?: string }[];
}

interface CohereCommandChunk extends InvocationMetrics {
  text?: string;
  index?: number;
  is_finished?: boolean;
  finish_reason?: string;
}

interface JurassicResponse {
  id?: number | string;
  completions: { data: { text: string }; finishReason?: { reason?: string } }[];
}

interface JambaResponse {
  id?: string;
  choices: { message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

interface TitanEmbeddingResponse {
  embedding: number[];
  inputTextTokenCount?: number;
}

interface CohereEmbedResponse {
  /** A list of vectors, or `{float: [...]}` when `embedding_types` was sent. */
  embeddings: number[][] | { float?: number[][] };
}

// ---- Shared pieces ----

const COMPLETIONS_KEYS = ['prompt', 'temperature', 'top_p', 'n', 'stop', 'max_tokens', 'max_completion_tokens', 'stream', 'stream_options'];

/** Drops undefined members, so absent parameters stay absent from the body. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Guards the list a mapper reads, so a malformed answer is a clear 502. */
function expectList<Wire>(body: unknown, field: string, model: string): Wire {
  if (!isRecord(body) || !Array.isArray(body[field])) {
    throw GatewayError.unexpectedAnswer(`Amazon Bedrock's answer for model '${model}' has no '${field}' list.`);
  }
  return body as Wire;
}

const NULL_USAGE: Usage = { prompt_tokens: null, completion_tokens: null, total_tokens: null };

/**
 * A completion reason these families' mappings below do not know (one added later): the completion
 * ended without a limit or a filter the gateway can tell, and clients may take only OpenAI's values.
 */
const UNMAPPED_FINISH_REASON = 'stop';

function usageOf(prompt: number | null | undefined, completion: number | null | undefined): Usage {
  if (prompt == null && completion == null) return NULL_USAGE;
  return { prompt_tokens: prompt ?? null, completion_tokens: completion ?? null, total_tokens: prompt != null && completion != null ? prompt + completion : null };
}

/**
 * An InvokeModel answer's usage: each count from the body where it has one, else from the headers
 * (not in AWS's API reference, so they never replace what the body says).
 */
function answerUsage(body: { prompt?: number; completion?: number }, headerCounts: HeaderTokenCounts): Usage {
  return usageOf(body.prompt ?? headerCounts.input, body.completion ?? headerCounts.output);
}

function metricsUsage(chunk: InvocationMetrics): Usage | null {
  const metrics = chunk['amazon-bedrock-invocationMetrics'];
  return metrics ? usageOf(metrics.inputTokenCount, metrics.outputTokenCount) : null;
}

function completionsResponse(context: AnswerContext, choices: { text: string; finish_reason: string | null }[], usage: Usage): CompletionsResponse {
  return { id: context.id, object: 'text_completion', created: context.created, model: context.model, choices: choices.map((choice, index) => ({ index, ...choice })), usage };
}

function completionsChunk(context: AnswerContext, index: number, text: string | null, finishReason: string | null, usage: Usage | null): CompletionsChunk {
  const chunk: CompletionsChunk = { id: context.id, object: 'text_completion_chunk', created: context.created, model: context.model, choices: [{ index, finish_reason: finishReason, text }] };
  if (usage) chunk.usage = usage;
  return chunk;
}

/** A native stream fold: maps each decoded chunk; the stream must have reported its end. */
function createNativeFold<Wire>(map: (chunk: Wire) => { chunks: CompletionsChunk[]; finished: boolean }): EventFold<unknown, CompletionsChunk> {
  let finished = false;
  return {
    event(chunk) {
      const mapped = map(chunk as Wire);
      finished ||= mapped.finished;
      return mapped.chunks;
    },
    end() {
      if (!finished) throw GatewayError.streamCutOff('Amazon Bedrock ended the stream before the answer was complete.');
      return [];
    },
  };
}

// ---- Amazon Titan Text ----

export function toTitanCompletions(request: CompletionsRequest, family: BedrockFamily): Record<string, unknown> {
  acceptOnly(request, COMPLETIONS_KEYS, family);
  const { temperature, topP, maxTokens, stop } = readSampling(request, family);
  const config = defined({ temperature, topP, maxTokenCount: maxTokens, stopSequences: stop });
  return { inputText: request.prompt, ...(Object.keys(config).length > 0 ? { textGenerationConfig: config } : {}) };
}

export function fromTitanCompletions(body: unknown, context: AnswerContext, headerCounts: HeaderTokenCounts = NO_HEADER_COUNTS): CompletionsResponse {
  const response = expectList<TitanTextResponse>(body, 'results', context.model);
  const outputTokens = response.results.reduce<number | undefined>((sum, result) => (result.tokenCount === undefined ? sum : (sum ?? 0) + result.tokenCount), undefined);
  return completionsResponse(
    context,
    response.results.map((result) => ({ text: result.outputText, finish_reason: mapTitanCompletionReason(result.completionReason) })),
    answerUsage({ prompt: response.inputTextTokenCount, completion: outputTokens }, headerCounts),
  );
}

export function createTitanCompletionsStream(context: AnswerContext): EventFold<unknown, CompletionsChunk> {
  return createNativeFold<TitanTextChunk>((chunk) => {
    const finishReason = mapTitanCompletionReason(chunk.completionReason);
    return { chunks: [completionsChunk(context, chunk.index ?? 0, chunk.outputText ?? '', finishReason, metricsUsage(chunk))], finished: finishReason !== null };
  });
}

export function mapTitanCompletionReason(reason: string | null | undefined): string | null {
  switch (reason) {
    case undefined:
    case null:
      return null;
    case 'FINISH':
    case 'FINISHED':
    case 'STOP_CRITERIA_MET':
      return 'stop';
    case 'LENGTH':
      return 'length';
    case 'CONTENT_FILTERED':
      return 'content_filter';
    default:
      return UNMAPPED_FINISH_REASON;
  }
}

// ---- Cohere Command ----

export function toCohereCompletions(request: CompletionsRequest, family: BedrockFamily, { stream }: { stream: boolean }): Record<string, unknown> {
  rejectNativeNames(request, { stop_sequences: 'stop', num_generations: 'n' }, 400);
  acceptOnly(request, [...COMPLETIONS_KEYS, 'top_k'], family);
  const { temperature, topP, topK, maxTokens, stop } = readSampling(request, family, { multipleChoices: true });
  return defined({
    prompt: request.prompt,
    temperature,
    p: topP,
    k: topK,
    max_tokens: maxTokens,
    stop_sequences: stop,
    num_generations: request.n,
    // Cohere streams only when the body asks for it.
    stream: stream ? true : undefined,
  });
}

/** Cohere Command's answer counts no tokens (its stream's last chunk does): usage is the headers'. */
export function fromCohereCompletions(body: unknown, context: AnswerContext, headerCounts: HeaderTokenCounts = NO_HEADER_COUNTS): CompletionsResponse {
  const response = expectList<CohereCommandResponse>(body, 'generations', context.model);
  return completionsResponse(
    context,
    response.generations.map((generation) => ({ text: generation.text, finish_reason: mapBedrockCohereFinishReason(generation.finish_reason) })),
    answerUsage({}, headerCounts),
  );
}

export function createCohereCompletionsStream(context: AnswerContext): EventFold<unknown, CompletionsChunk> {
  return createNativeFold<CohereCommandChunk>((chunk) => {
    // The last chunk carries `is_finished`, the finish reason and the whole response again.
    if (chunk.is_finished) {
      return { chunks: [completionsChunk(context, chunk.index ?? 0, null, mapBedrockCohereFinishReason(chunk.finish_reason), metricsUsage(chunk))], finished: true };
    }
    return { chunks: [completionsChunk(context, chunk.index ?? 0, chunk.text ?? '', null, null)], finished: false };
  });
}

/**
 * Cohere Command's reasons as from Cohere itself (cohere/response.ts), so an endpoint answers alike
 * on either: `ERROR_LIMIT` (the model's token limit was reached) is `length`, not `stop`.
 */
export function mapBedrockCohereFinishReason(reason: string | undefined): string | null {
  // The generation failed: no answer to give as finished; the 502 names Bedrock.
  if (reason === 'ERROR') throw GatewayError.upstreamUnavailable("Amazon Bedrock's Cohere Command reported an error while generating (finish_reason ERROR).", false);
  return mapCohereFinishReason(reason);
}

// ---- AI21 Jurassic-2 and Jamba ----

const AI21_NATIVE_NAMES = { stopSequences: 'stop', numResults: 'n', maxTokens: 'max_tokens' };

export function toJurassicCompletions(request: CompletionsRequest, family: BedrockFamily): Record<string, unknown> {
  rejectNativeNames(request, AI21_NATIVE_NAMES);
  acceptOnly(request, COMPLETIONS_KEYS, family);
  const { temperature, topP, maxTokens, stop } = readSampling(request, family, { multipleChoices: true });
  return defined({ prompt: request.prompt, temperature, topP, maxTokens, stopSequences: stop, numResults: request.n });
}

/** Jurassic-2's answer has no token count: usage is the headers'. */
export function fromJurassicCompletions(body: unknown, context: AnswerContext, headerCounts: HeaderTokenCounts = NO_HEADER_COUNTS): CompletionsResponse {
  const response = expectList<JurassicResponse>(body, 'completions', context.model);
  return completionsResponse(
    context,
    response.completions.map((completion) => ({ text: completion.data.text, finish_reason: mapAi21FinishReason(completion.finishReason?.reason) })),
    answerUsage({}, headerCounts),
  );
}

export function toJambaCompletions(request: CompletionsRequest, family: BedrockFamily): Record<string, unknown> {
  rejectNativeNames(request, AI21_NATIVE_NAMES);
  acceptOnly(request, COMPLETIONS_KEYS, family);
  const { temperature, topP, maxTokens, stop } = readSampling(request, family, { multipleChoices: true });
  return defined({ messages: [{ role: 'user', content: request.prompt }], temperature, top_p: topP, max_tokens: maxTokens, stop, n: request.n });
}

export function fromJambaCompletions(body: unknown, context: AnswerContext, headerCounts: HeaderTokenCounts = NO_HEADER_COUNTS): CompletionsResponse {
  const response = expectList<JambaResponse>(body, 'choices', context.model);
  return completionsResponse(
    context,
    response.choices.map((choice) => ({ text: choice.message?.content ?? '', finish_reason: mapAi21FinishReason(choice.finish_reason ?? undefined) })),
    answerUsage({ prompt: response.usage?.prompt_tokens, completion: response.usage?.completion_tokens }, headerCounts),
  );
}

export function mapAi21FinishReason(reason: string | undefined): string | null {
  switch (reason) {
    case undefined:
      return null;
    case 'endoftext':
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    default:
      return UNMAPPED_FINISH_REASON;
  }
}

// ---- Embeddings ----

const PROVIDER = 'Amazon Bedrock';

/** One Titan body per input text (Titan embeds one text per call). */
export function toTitanEmbeddings(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown>[] {
  acceptOnly(request, ['input', 'encoding_format', 'dimensions', 'normalize'], family);
  encodingFormatOf(request, PROVIDER);
  return textsForSeveralCalls(request.input, PROVIDER).map((text) => defined({ inputText: text, dimensions: request.dimensions, normalize: request.normalize }));
}

/** Titan Multimodal Embeddings G1's `outputEmbeddingLength` values. */
const TITAN_MULTIMODAL_DIMENSIONS = [256, 384, 1024];

/**
 * One Titan Multimodal Embeddings G1 body per input text: it takes the vector size as
 * `embeddingConfig.outputEmbeddingLength` (256, 384 or 1024) and has no `dimensions` or `normalize`,
 * which it refuses as extraneous keys. Its answer is the text model's.
 */
export function toTitanMultimodalEmbeddings(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown>[] {
  acceptOnly(request, ['input', 'encoding_format', 'dimensions'], family);
  encodingFormatOf(request, PROVIDER);
  const { dimensions } = request;
  if (dimensions !== undefined && !(typeof dimensions === 'number' && TITAN_MULTIMODAL_DIMENSIONS.includes(dimensions))) {
    throw GatewayError.invalidParam(`dimensions: ${family.label} on Amazon Bedrock takes ${TITAN_MULTIMODAL_DIMENSIONS.join(', ')}, not ${quotedJson(dimensions)}.`, 'dimensions');
  }
  const embeddingConfig = dimensions === undefined ? {} : { embeddingConfig: { outputEmbeddingLength: dimensions } };
  return textsForSeveralCalls(request.input, PROVIDER).map((text) => ({ inputText: text, ...embeddingConfig }));
}

/**
 * The Titan answers, in input order, as one response; usage sums the input tokens of each answer's
 * body, or of its `X-Amzn-Bedrock-Input-Token-Count` header (`headerInputTokens`, same order) where the body has none.
 */
export function fromTitanEmbeddings(bodies: readonly unknown[], request: EmbeddingsRequest, model: string, headerInputTokens: readonly (number | null)[] = []): EmbeddingsResponse {
  const answers = bodies.map((body) => {
    if (!isRecord(body) || !Array.isArray(body.embedding)) throw GatewayError.unexpectedAnswer(`Amazon Bedrock's answer for model '${model}' has no 'embedding' list.`);
    return body as unknown as TitanEmbeddingResponse;
  });
  const promptTokens = summedTokenCounts(answers.map((answer, index) => answer.inputTextTokenCount ?? headerInputTokens[index]));
  return embeddingsResponse({ vectors: answers.map((answer) => answer.embedding), model, format: encodingFormatOf(request, PROVIDER), promptTokens });
}

export function toCohereEmbeddings(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown> {
  acceptOnly(request, ['input', 'encoding_format', 'input_type', 'truncate'], family);
  encodingFormatOf(request, PROVIDER);
  // Cohere requires input_type; search_document is the neutral choice for stored vectors.
  return defined({ texts: embeddingTexts(request.input, PROVIDER), input_type: request.input_type ?? 'search_document', truncate: request.truncate });
}

/** Embed v4's `output_dimension` values. */
const COHERE_V4_DIMENSIONS = [256, 512, 1024, 1536];

/** Embed v4 names the ends of a text LEFT/RIGHT where v3 (and Cohere's own API) say START/END. */
const COHERE_V4_TRUNCATE: Record<string, string> = { START: 'LEFT', END: 'RIGHT' };

/**
 * Embed v4: as v3, plus `dimensions` → `output_dimension`, and `embedding_types: ["float"]` so the
 * answer's shape is the documented `{"float": [...]}` whatever v4's default (base64 is made here).
 */
export function toCohereEmbedV4Embeddings(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown> {
  acceptOnly(request, ['input', 'encoding_format', 'input_type', 'truncate', 'dimensions'], family);
  encodingFormatOf(request, PROVIDER);
  const { dimensions } = request;
  if (dimensions !== undefined && !(typeof dimensions === 'number' && COHERE_V4_DIMENSIONS.includes(dimensions))) {
    throw GatewayError.invalidParam(`dimensions: ${family.label} on Amazon Bedrock takes ${COHERE_V4_DIMENSIONS.join(', ')}, not ${quotedJson(dimensions)}.`, 'dimensions');
  }
  const truncate = typeof request.truncate === 'string' ? (ownValue(COHERE_V4_TRUNCATE, request.truncate) ?? request.truncate) : request.truncate;
  return defined({
    texts: embeddingTexts(request.input, PROVIDER),
    input_type: request.input_type ?? 'search_document',
    embedding_types: ['float'],
    output_dimension: dimensions,
    truncate,
  });
}

/**
 * Cohere's answer on Bedrock counts no tokens (unlike Cohere's own API, no `meta.billed_units`):
 * usage is the call's `X-Amzn-Bedrock-Input-Token-Count` header (`headerInputTokens`), or null.
 */
export function fromCohereEmbeddings(body: unknown, request: EmbeddingsRequest, model: string, headerInputTokens: number | null = null): EmbeddingsResponse {
  const embeddings = isRecord(body) ? (body as unknown as CohereEmbedResponse).embeddings : undefined;
  const vectors = Array.isArray(embeddings) ? embeddings : embeddings?.float;
  if (!Array.isArray(vectors)) throw GatewayError.unexpectedAnswer(`Amazon Bedrock's answer for model '${model}' has no 'embeddings' list.`);
  return embeddingsResponse({ vectors, model, format: encodingFormatOf(request, PROVIDER), promptTokens: headerInputTokens });
}
