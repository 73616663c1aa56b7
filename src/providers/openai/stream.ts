/**
 * OpenAI's SSE chat and completions streams → unified chunks: `[DONE]` ends a stream, an `error`
 * object mid-stream throws, and a stream that ends without `[DONE]` before each of its choices had a
 * finish reason was cut off. A chat stream's leading role-only chunks are held until its first
 * chunk with something in it (shared/role-only.ts), so that a failure right after them is retried.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, CompletionsChunk, ToolCallDelta } from '../../schema';
import { argumentsText, excerpt, isRecord, parseJsonObject } from '../shared/json';
import { finishApartFold } from '../shared/finish-apart';
import { leadingRolesHeldFold } from '../shared/role-only';
import type { SseEvent, StreamFold } from '../transport/sse';
import { withContentFilterResults, withPromptFilterResults } from './filter-annotations';
import { asIs, contentText, expectFunctionCall, fromOpenAIUsage, openaiErrorMessage, reasoningTextOf, withLogprobs, type OpenAINormaliser } from './response';
import { withUrlCitations } from './url-citations';
import type { OpenAIChatChunk, OpenAICompletionsChunk, OpenAIToolCallDelta } from './wire';

/** What an event carrying an `error` becomes (a vendor may say more than OpenAI does, e.g. TGI's `error_type`). */
export type OpenAIStreamError = (event: Record<string, unknown>, data: string) => GatewayError;

/**
 * OpenAI's: a 502 with the vendor's message. A `server_error` (the type of OpenAI's 500s, whose
 * message says to retry) is retryable, as the 500 of the same request unstreamed: as the stream's
 * first event it is retried and falls back; after a chunk, the stream ends with it all the same.
 */
const openaiStreamError: OpenAIStreamError = (event, data) =>
  GatewayError.upstreamUnavailable(openaiErrorMessage(event) ?? `The provider reported an error mid-stream: ${excerpt(data)}`, isRecord(event.error) && event.error.type === 'server_error');

/**
 * Parses one `data:` payload; a vendor `error` object mid-stream is thrown as `streamError` makes it.
 * An event that is not JSON is retryable, as an answer that is not JSON is: as the first event it is
 * retried and falls back (the client has nothing yet); after a chunk, the stream ends with it.
 */
function parseStreamData(data: string, streamError: OpenAIStreamError): Record<string, unknown> {
  const parsed = parseJsonObject(data);
  if (parsed === null) throw GatewayError.upstreamUnavailable(`The provider sent a stream event that is not a JSON object: ${excerpt(data)}`);
  if (parsed.error !== undefined && parsed.error !== null) throw streamError(parsed, data);
  return parsed;
}

/** What the fold reads of the chunks it makes: which choices have begun and finished. */
interface ChoicesOf {
  choices: readonly { index: number; finish_reason: string | null }[];
}

/**
 * Whether the answer was whole when the upstream closed without `[DONE]`: some choice came, and each
 * had a finish reason. OpenAI-compatible servers that never send `[DONE]` (llama.cpp's server before
 * September 2024, ik_llama.cpp, TGI before 2.2) end their answers this way, and MLflow reads them to
 * the end of the body.
 */
function createFinishTracker(): { see(chunk: ChoicesOf): void; allFinished(): boolean } {
  // Per choice index: true once finished, false while open (an array: this runs for every chunk).
  const finished: boolean[] = [];
  let open = 0;
  let finishedCount = 0;
  return {
    see(chunk) {
      for (const { index, finish_reason: finishReason } of chunk.choices) {
        const state = finished[index];
        if (state === true) continue;
        if (finishReason !== null) {
          if (state === false) open -= 1;
          finished[index] = true;
          finishedCount += 1;
        } else if (state === undefined) {
          finished[index] = false;
          open += 1;
        }
      }
    },
    allFinished: () => finishedCount > 0 && open === 0,
  };
}

/** The fold shared by both stream kinds: `[DONE]` ends it, empty events are skipped. */
function createOpenAIFold<Chunk extends ChoicesOf>(mapChunk: (wire: Record<string, unknown>) => Chunk | null, streamError: OpenAIStreamError): StreamFold<Chunk> {
  let done = false;
  const finishes = createFinishTracker();
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): Chunk[] {
      const data = event.data.trim();
      if (done || data === '') return [];
      if (data === '[DONE]') {
        done = true;
        return [];
      }
      const chunk = mapChunk(parseStreamData(data, streamError));
      if (chunk === null) return [];
      finishes.see(chunk);
      return [chunk];
    },
    end(): Chunk[] {
      // OpenAI always closes a complete stream with [DONE]; without it, an answer with an unfinished choice was cut off.
      if (!done && !finishes.allFinished()) throw GatewayError.streamCutOff('The provider ended the stream before it was complete (no [DONE]).');
      return [];
    },
  };
}

/** Which call of its choice a tool-call delta continues: OpenAI's `index`, or one made up when the server sent none. */
type ToolCallIndexer = (choiceIndex: number, call: OpenAIToolCallDelta) => number;

/**
 * Some OpenAI-compatible servers leave `index` out of tool-call deltas, or send null (Gemini's
 * OpenAI-compatible API, older Ollama releases, SGLang, mistral.rs), though OpenAI's chunk schema requires
 * it and clients join the argument pieces by it. A delta without one that names an `id` or a function
 * starts the next call of its choice; one with neither (an arguments piece) continues the choice's last call.
 */
function createToolCallIndexer(): ToolCallIndexer {
  const started = new Map<number, number>();
  return (choiceIndex, call) => {
    const count = started.get(choiceIndex) ?? 0;
    if (typeof call.index === 'number') {
      started.set(choiceIndex, Math.max(count, call.index + 1));
      return call.index;
    }
    if (count > 0 && !call.id && !call.function?.name) return count - 1;
    started.set(choiceIndex, count + 1);
    return count;
  };
}

function fromOpenAIToolCallDelta(call: OpenAIToolCallDelta, index: number, where: () => string): ToolCallDelta {
  expectFunctionCall(call.type, where);
  return {
    index,
    id: call.id ?? null,
    type: call.type ?? null,
    function: { name: call.function?.name ?? null, arguments: argumentsText(call.function?.arguments ?? null) },
  };
}

/** One upstream chat chunk, or null when it carries nothing (no choices and no usage). */
type OpenAIChatDelta = NonNullable<NonNullable<OpenAIChatChunk['choices']>[number]['delta']>;

/**
 * A refusal (which OpenAI streams in place of content), a reasoning server's `reasoning_content`
 * (or `reasoning`) pieces and web search citations (OpenAI sends the list whole, in one delta)
 * are passed on only when there is one, so other chunks keep MLflow's keys.
 */
function fromOpenAIChatDelta(delta: OpenAIChatDelta | undefined, choiceIndex: number, toolCallIndex: ToolCallIndexer): ChatChunk['choices'][number]['delta'] {
  const unified: ChatChunk['choices'][number]['delta'] = {
    role: delta?.role ?? null,
    content: contentText(delta?.content) as string | null,
    tool_calls: delta?.tool_calls?.map((call, position) => fromOpenAIToolCallDelta(call, toolCallIndex(choiceIndex, call), () => `choices[${choiceIndex}].delta.tool_calls[${position}]`)) ?? null,
  };
  if (typeof delta?.refusal === 'string') unified.refusal = delta.refusal;
  const reasoning = reasoningTextOf(delta);
  if (reasoning !== undefined) unified.reasoning_content = reasoning;
  return withUrlCitations(unified, delta?.annotations);
}

function fromOpenAIChatChunk(wire: OpenAIChatChunk, toolCallIndex: ToolCallIndexer): ChatChunk | null {
  const choices = wire.choices ?? [];
  // Azure opens streams with a `prompt_filter_results` chunk that has neither choices nor usage.
  if (choices.length === 0 && !wire.usage) return null;
  const chunk: ChatChunk = {
    id: wire.id ?? null,
    object: 'chat.completion.chunk',
    created: wire.created,
    model: wire.model,
    choices: choices.map((choice, position) => {
      const index = choice.index ?? position;
      const delta = fromOpenAIChatDelta(choice.delta, index, toolCallIndex);
      return withContentFilterResults(withLogprobs({ index, finish_reason: choice.finish_reason ?? null, delta }, choice.logprobs), choice.content_filter_results);
    }),
  };
  if (wire.usage) chunk.usage = fromOpenAIUsage(wire.usage);
  return withPromptFilterResults(chunk, wire.prompt_filter_results);
}

export function createOpenAIChatStream(normalise: OpenAINormaliser = asIs, streamError: OpenAIStreamError = openaiStreamError): StreamFold<ChatChunk> {
  const toolCallIndex = createToolCallIndexer();
  // Mistral (and other OpenAI-compatible servers) send tool calls on the finishing chunk.
  return leadingRolesHeldFold(finishApartFold(createOpenAIFold((wire) => fromOpenAIChatChunk(normalise(wire) as unknown as OpenAIChatChunk, toolCallIndex), streamError)));
}

/** One upstream completions chunk, genuine (`text`) or chat-shaped (`delta.content`). */
function fromOpenAICompletionsChunk(wire: OpenAICompletionsChunk): CompletionsChunk | null {
  const choices = wire.choices ?? [];
  if (choices.length === 0 && !wire.usage) return null;
  const chunk: CompletionsChunk = {
    id: wire.id ?? null,
    object: 'text_completion_chunk',
    created: wire.created,
    model: wire.model,
    choices: choices.map((choice, position) =>
      withContentFilterResults(
        withLogprobs({ index: choice.index ?? position, finish_reason: choice.finish_reason ?? null, text: choice.text ?? (contentText(choice.delta?.content) as string | null) }, choice.logprobs),
        choice.content_filter_results,
      ),
    ),
  };
  if (wire.usage) chunk.usage = fromOpenAIUsage(wire.usage);
  return withPromptFilterResults(chunk, wire.prompt_filter_results);
}

export function createOpenAICompletionsStream(normalise: OpenAINormaliser = asIs, streamError: OpenAIStreamError = openaiStreamError): StreamFold<CompletionsChunk> {
  return createOpenAIFold((wire) => fromOpenAICompletionsChunk(normalise(wire) as unknown as OpenAICompletionsChunk), streamError);
}
