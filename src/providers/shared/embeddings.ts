/**
 * Embedding helpers for providers whose API takes only text and answers only float vectors.
 * OpenAI clients ask for `encoding_format: "base64"` by default (little-endian float32, as OpenAI
 * sends it), so the gateway encodes the vectors itself instead of forwarding or dropping the option.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { noteServedRequest, type CallSignal } from '../abort';

export type EncodingFormat = 'float' | 'base64';

/**
 * The texts to embed; token-id inputs (`[1, 2]`, `[[1, 2]]`) are a 400 naming the provider, and saying
 * how to send text from LangChain's Python OpenAIEmbeddings, which sends token ids unless told not to
 * (it cuts texts to the model's context with tiktoken; LangChain.js sends text).
 */
export function embeddingTexts(input: EmbeddingsRequest['input'], provider: string): string[] {
  if (typeof input === 'string') return [input];
  const texts: unknown = input;
  if (Array.isArray(texts) && texts.every((item): item is string => typeof item === 'string')) return texts;
  throw GatewayError.invalidParam(
    `The parameter 'input' must be a string or a list of strings for ${provider}: token ids are not supported. Send the text; LangChain's OpenAIEmbeddings (Python) sends token ids unless created with check_embedding_ctx_length=False.`,
    'input',
  );
}

/**
 * The request's inputs, one item per vector the answer must hold: a string or a flat list of token
 * ids is one input; a list of strings or of token-id lists is one input per item.
 */
export function embeddingInputs(input: EmbeddingsRequest['input']): unknown[] {
  if (typeof input === 'string') return [input];
  if (input.length > 0 && typeof input[0] === 'number') return [input];
  return input;
}

/** `3 inputs`, `1 embedding`: a count with its noun. */
const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * What is wrong with an answer's entries (their `index` values, in answer order) for `inputs`
 * inputs, or null when there is one entry per input and the indexes name each input once. Anything
 * else would pair vectors with the wrong texts, silently, in the client's vector store.
 */
export function embeddingsMismatch(indexes: readonly number[], inputs: number): string | null {
  if (indexes.length !== inputs) return `${counted(indexes.length, 'embedding')} for ${counted(inputs, 'input')}`;
  const expected = `for ${counted(inputs, 'input')}, where ${inputs === 1 ? 'index 0 is' : `each of indexes 0 to ${inputs - 1} is`} expected once`;
  const named = new Set<number>();
  for (const index of indexes) {
    if (index < 0 || index >= inputs) return `an embedding with index ${index} ${expected}`;
    if (named.has(index)) return `two embeddings with index ${index} ${expected}`;
    named.add(index);
  }
  return null;
}

/**
 * One call's vectors, or a 502 unless it holds one per input the call sent. A request split into
 * several calls (`split`) is checked call by call: one call's missing vector and another's extra
 * one would join into the right count, each vector then standing for another text.
 */
export function checkedCallVectors<Vectors extends readonly unknown[]>(vectors: Vectors, options: { inputs: number; split: boolean }): Vectors {
  const { inputs, split } = options;
  if (vectors.length === inputs) return vectors;
  const sent = split ? `the ${counted(inputs, 'input')} of one of the calls the request was split into` : counted(inputs, 'input');
  throw GatewayError.unexpectedAnswer(`${counted(vectors.length, 'embedding')} for ${sent}`);
}

/**
 * The most texts one request may carry for a provider that the gateway sends them to in several
 * calls (Gemini, Cohere, Bedrock's Cohere, Titan and Nova; TEI once it named its limit): OpenAI's own limit per request. Beyond
 * it, one request within the body size limit (millions of short texts) became thousands or
 * millions of billed upstream calls that the rate limits count as one, with every vector held in
 * memory until the last came (enough to exhaust the heap).
 */
export const MAX_TEXTS_PER_REQUEST = 2048;

/** `items` (a request's texts or inputs, named by `noun`), or a 400 when there are more than `MAX_TEXTS_PER_REQUEST`. */
function withinRequestLimit<Item>(items: Item[], noun: string, provider: string): Item[] {
  if (items.length > MAX_TEXTS_PER_REQUEST) {
    throw GatewayError.invalidParam(
      `The parameter 'input' holds ${items.length} ${noun}: at most ${MAX_TEXTS_PER_REQUEST} per request (OpenAI's limit) for ${provider}, which the gateway embeds in several calls.`,
      'input',
    );
  }
  return items;
}

/** `embeddingTexts` for a provider sent in several calls: more than `MAX_TEXTS_PER_REQUEST` is a 400. */
export function textsForSeveralCalls(input: EmbeddingsRequest['input'], provider: string): string[] {
  return withinRequestLimit(embeddingTexts(input, provider), 'texts', provider);
}

/**
 * The request without `stream: false`, for a provider whose embeddings body is built from the keys it
 * reads and which refuses any other (PaLM, MosaicML, Gemini, Amazon Bedrock). An embeddings answer is
 * never streamed, so `false` asks for what every answer is (some clients send it on every call); `true`
 * asks for what none is and is still refused by the provider's check, naming `stream`.
 */
export function withoutEmbeddingsNoOpValues<Request extends Readonly<Record<string, unknown>>>(request: Request): Request {
  if (request.stream !== false) return request;
  const { stream: _noOp, ...rest } = request;
  return rest as unknown as Request;
}

/** Reads `encoding_format` (default float); any other value than float or base64 is a 400. */
export function encodingFormatOf(request: Readonly<Record<string, unknown>>, provider?: string): EncodingFormat {
  const format = request.encoding_format;
  if (format === undefined || format === 'float' || format === 'base64') return format ?? 'float';
  const forProvider = provider === undefined ? '' : ` for ${provider}`;
  throw GatewayError.invalidParam(`The parameter 'encoding_format' must be 'float' or 'base64'${forProvider}, got ${quotedJson(format)}.`, 'encoding_format');
}

/**
 * A float vector as OpenAI sends it for `base64`: little-endian float32 bytes, base64-encoded. A value
 * that is not a number is a 502: written as bytes it would become NaN or 0 with no sign of it.
 */
export function encodeEmbedding(vector: number[], format: EncodingFormat): number[] | string {
  if (format === 'float') return vector;
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value: unknown, index) => {
    if (typeof value !== 'number') throw GatewayError.unexpectedAnswer(`an embedding's value at position ${index} is ${quotedJson(value)}, not a number`);
    bytes.writeFloatLE(value, index * 4);
  });
  return bytes.toString('base64');
}

/** `{object: "list", data: [...], model, usage}`; token counts are unknown unless the provider reports them. */
export function embeddingsResponse(options: { vectors: number[][]; model: string; format: EncodingFormat; promptTokens?: number | null }): EmbeddingsResponse {
  const { vectors, model, format, promptTokens = null } = options;
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', embedding: encodeEmbedding(vector, format), index })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

/**
 * The request as consecutive requests of at most `size` texts each, for vendors that take fewer
 * texts per call than OpenAI's 2,048 (Cohere: 96). A request within the limit is returned alone.
 * With `tokenIds` (a vendor that takes them: TEI behind the openai provider), a list of token-id
 * lists is split as texts are, and a flat one is a single input.
 */
export function embeddingsBatches(request: EmbeddingsRequest, size: number, provider: string, options: { tokenIds?: boolean } = {}): EmbeddingsRequest[] {
  const inputs = options.tokenIds === true ? withinRequestLimit(embeddingInputs(request.input), 'inputs', provider) : textsForSeveralCalls(request.input, provider);
  if (inputs.length <= size) return [request];
  const batches: EmbeddingsRequest[] = [];
  for (let start = 0; start < inputs.length; start += size) batches.push({ ...request, input: inputs.slice(start, start + size) as EmbeddingsRequest['input'] });
  return batches;
}

/** The sum of token counts, or null unless every one is known (a partial sum would under-count). */
export function summedTokenCounts(counts: readonly (number | null | undefined)[]): number | null {
  return counts.every((count): count is number => typeof count === 'number') ? counts.reduce((total, count) => total + count, 0) : null;
}

/** The answers of consecutive batches as one: entries numbered in order, token counts summed when every batch has them. */
export function joinedEmbeddings(answers: readonly EmbeddingsResponse[]): EmbeddingsResponse {
  if (answers.length === 1) return answers[0];
  const sum = (field: 'prompt_tokens' | 'total_tokens'): number | null => summedTokenCounts(answers.map((answer) => answer.usage[field]));
  return {
    object: 'list',
    data: answers.flatMap((answer) => answer.data).map((item, index) => ({ ...item, index })),
    model: answers[0].model,
    usage: { prompt_tokens: sum('prompt_tokens'), total_tokens: sum('total_tokens') },
  };
}

/**
 * The answers of a request's calls received so far: in order for consecutive batches
 * (`answersInOrder`), at their item's index for one call per item (`answersOfEach`). One is made per
 * request and destination (`invokeEndpoint`) and kept between its attempts, so that a retry sends
 * only the calls that failed instead of sending (and paying for) the answered ones again; a fallback
 * destination gets a new one (its vectors are another model's). Attempts of a built-in provider run
 * one after the other, never two at once (see `boundedBy` in retry.ts), and neither helper returns
 * while one of its calls is in flight, so it has one writer at a time.
 */
export type AnsweredBatches = unknown[];

/**
 * Sends the batches one after the other (a large request should not spend a burst of the key's
 * per-minute quota) and returns their answers in order. Batches already in `answered` are not sent
 * again; each new answer joins it once `send` has resolved, so `send` should translate the answer
 * (a malformed one must fail its attempt, not be kept for the next).
 */
export async function answersInOrder<Batch, Answer>(
  batches: readonly Batch[],
  send: (batch: Batch) => Promise<Answer>,
  answered: AnsweredBatches = [],
  onServed?: OnServed<Batch, Answer>,
): Promise<Answer[]> {
  const first = answered.length;
  try {
    for (let index = first; index < batches.length; index += 1) answered.push(await send(batches[index]));
  } catch (error) {
    // The batches this attempt had answered were served (and billed) though the call fails; earlier attempts' were noted at their failure.
    for (let index = first; index < answered.length; index += 1) onServed?.(answered[index] as Answer, batches[index]);
    throw error;
  }
  // One request's batches always have answers of the same type.
  return answered.slice(0, batches.length) as Answer[];
}

/**
 * Told of each call an attempt had answered when a later call of it failed (`noteServedRequest`,
 * for the call's token count): once per call, since a retry does not send it again.
 */
export type OnServed<Batch, Answer> = (answer: Answer, batch: Batch) => void;

/** `OnServed` for calls answered as unified embeddings: each one's usage, else the estimate of what it sent, counts on `signal`'s call. */
export function servedEmbeddingsOf<Batch>(signal: CallSignal, sentOf: (batch: Batch) => unknown): OnServed<Batch, EmbeddingsResponse> {
  return (answer, batch) => noteServedRequest(signal, { usage: answer.usage, sent: sentOf(batch), partOfRequest: true });
}

/**
 * Sends one call per item, at most `parallel` at once (the next starts as one ends), and returns the
 * answers in item order. Items that have an answer in `answered` (indexed like `items`) are not sent
 * again. After a failure no further item is started, but the calls in flight run to their end
 * (under the same abort): they are sent, and billed, by then, so their answers are kept for the
 * retry; then the first failure is thrown. As for `answersInOrder`, `send` should translate the answer.
 */
export async function answersOfEach<Item, Answer>(
  items: readonly Item[],
  send: (item: Item) => Promise<Answer>,
  options: { parallel: number; answered?: AnsweredBatches; onServed?: OnServed<Item, Answer> },
): Promise<Answer[]> {
  const answered = options.answered ?? [];
  const missing = items.flatMap((_, index) => (index in answered ? [] : [index]));
  let next = 0;
  let failure: { error: unknown } | undefined;
  const sendMissing = async () => {
    while (failure === undefined && next < missing.length) {
      const index = missing[next];
      next += 1;
      try {
        answered[index] = await send(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel, missing.length) }, sendMissing));
  if (failure !== undefined) {
    for (const index of missing) if (index in answered) options.onServed?.(answered[index] as Answer, items[index]);
    throw failure.error;
  }
  // One request's items always have answers of the same type.
  return answered.slice(0, items.length) as Answer[];
}

/**
 * Embeds the request in consecutive calls of at most `size` texts and joins the answers; with
 * the call context's `answeredBatches`, a retry resumes at the batch that failed. The batches
 * answered before one failed count on the call's tokens (`OnServed`).
 */
export async function embeddedInBatches(
  request: EmbeddingsRequest,
  limit: { size: number; provider: string; tokenIds?: boolean },
  embed: (batch: EmbeddingsRequest) => Promise<EmbeddingsResponse>,
  call: { answeredBatches?: AnsweredBatches; abort: CallSignal },
): Promise<EmbeddingsResponse> {
  const batches = embeddingsBatches(request, limit.size, limit.provider, { tokenIds: limit.tokenIds });
  const embedChecked = async (batch: EmbeddingsRequest): Promise<EmbeddingsResponse> => {
    const answer = await embed(batch);
    checkedCallVectors(answer.data, { inputs: embeddingInputs(batch.input).length, split: batches.length > 1 });
    return answer;
  };
  return joinedEmbeddings(await answersInOrder(batches, embedChecked, call.answeredBatches, servedEmbeddingsOf(call.abort, (batch: EmbeddingsRequest) => batch.input)));
}
