/**
 * Stream folds for `streamGenerateContent?alt=sse`. Each SSE event is a whole
 * GenerateContentResponse holding the next piece of every candidate; Gemini sends a function call
 * whole in one event, so it becomes one OpenAI-style tool-call delta with its id, name and full
 * arguments. There is no `[DONE]`: the stream is complete once every candidate asked for
 * (`candidateCount`) carries a finishReason. Gemini may answer fewer candidates than asked: a body
 * that ends properly once every candidate that came has finished, with usageMetadata on the last
 * finish's event or after it, is complete too; one that ends with a candidate unfinished, or without
 * that usage, was cut off. Usage rides on the chunk with the last finish, once: each event's
 * usageMetadata holds the counts so far, of all candidates together, so an earlier candidate's
 * finish would report part of them; a finishing event without usageMetadata is held until an event
 * with usageMetadata (a chunk of usage alone, whose counts it then carries), one with more for a
 * candidate, the end, or a failure (`failed`: it goes out before the error). Choices are numbered
 * 0, 1, ... in the order their candidates first came, as fromGeminiChat numbers them, so a
 * candidate Gemini left out leaves no gap.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, CompletionsChunk, ToolCall, ToolCallDelta, UrlCitation, Usage } from '../../schema';
import { excerpt, parseJsonObject } from '../shared/json';
import { finishApartFold } from '../shared/finish-apart';
import type { SseEvent, StreamFold } from '../transport/sse';
import { geminiStreamError } from './errors';
import { fromGeminiCompletionsLogprobs, fromGeminiLogprobs } from './logprobs';
import { blockedPromptMessage, expectGeminiResponse, failedToolCall, finishExplanation, fromGeminiUsage, mapGeminiFinishReason, readCandidate } from './response';
import { createStreamCitations, type StreamCitations } from './web-search';
import type { GeminiGenerateContentResponse, GeminiLogprobsResult } from './wire';

export interface GeminiStreamContext {
  /** The configured model name. */
  model: string;
  /** Unix seconds, the same for every chunk. */
  created: number;
  /** Endpoint name, for mid-stream error messages. */
  endpointName: string;
  /** How many candidates the request asked for (`candidateCount`, `n`); 1 when not set. */
  candidateCount?: number;
  /** The request asked for Google Search: each candidate's text is kept to place its citations (web-search.ts). */
  grounded?: boolean;
}

/** One candidate's share of one event. */
interface StreamPiece {
  index: number;
  /** The candidate's first piece (carries the role). */
  first: boolean;
  text: string | null;
  /** Thought summary text, streamed as `reasoning_content`. */
  reasoning: string | null;
  /** Why Gemini blocked the prompt or cut the answer short, as the non-streamed answer's `refusal` says it. */
  refusal?: string;
  toolCalls: ToolCall[];
  /** The log probabilities of this event's tokens, when asked for (mapped by the chat or completions chunk). */
  logprobsResult?: GeminiLogprobsResult;
  /** Index of the first of `toolCalls` among all the candidate's calls so far. */
  firstCallIndex: number;
  finishReason: string | null;
  /** The web pages the candidate cites, all of them, on its finishing piece (web-search.ts). */
  annotations?: UrlCitation[];
}

interface StreamStep {
  responseId: string | undefined;
  pieces: StreamPiece[];
  usage: Usage | undefined;
}

interface CandidateState {
  /** The candidate's choice index: how many candidates came before it. */
  choiceIndex: number;
  callCount: number;
  citations: StreamCitations | undefined;
}

/**
 * The last event of a stream whose every candidate that came has finished, though fewer than were
 * asked for: its step goes out when the next event or the end comes, with the usage if the end.
 */
interface FinishedSoFar {
  step: StreamStep;
  usageMetadata: GeminiGenerateContentResponse['usageMetadata'];
}

function parseEvent(data: string): Record<string, unknown> {
  const parsed = parseJsonObject(data);
  if (parsed === null) throw GatewayError.upstreamUnavailable(`Gemini sent a stream event that is not a JSON object: ${excerpt(data)}`);
  return parsed;
}

/**
 * The shared fold: parses events, tracks candidates and completion; `toChunk` shapes the output.
 * A stream that ends cleanly without any candidate or block reason is Gemini answering with nothing
 * (as non-streamed answers sometimes do): it gets one empty `stop` choice, as in fromGeminiChat.
 * A failed function call before any content is thrown (failedToolCall), so that it is retried and
 * falls back; after some, the client has part of the answer, and the finish says why in `refusal`.
 * Chunks with no content (the role alone, empty text, log probabilities of no token) are held until
 * one with content comes, as OpenAI-shaped streams' role-only chunks are (shared/role-only.ts): sent
 * at once, they would commit the stream before anything was answered. An event after which every
 * candidate that came has finished, fewer than asked for, is held too: only the end of the body
 * tells that it was the last, and then its chunk carries the usage.
 */
function createGeminiFold<Chunk>(context: GeminiStreamContext, toChunk: (step: StreamStep) => Chunk | null): StreamFold<Chunk> {
  const candidates = new Map<number, CandidateState>();
  const finishedCandidates = new Set<number>();
  const expectedCandidates = context.candidateCount ?? 1;
  let finished = false;
  /** Contentless chunks not yet sent; null once a chunk with content has gone out. */
  let held: Chunk[] | null = [];
  /** The last event, while no candidate has come: the empty answer's id and usage. */
  let emptyAnswer: GeminiGenerateContentResponse | null = null;
  let finishedSoFar: FinishedSoFar | null = null;
  /** The finishing event's step, held while its event carried no usageMetadata: a chunk of usage alone may follow. */
  let finishAwaitingUsage: StreamStep | null = null;

  function piecesOf(response: GeminiGenerateContentResponse): StreamStep {
    const failure = held === null ? null : failedToolCall(response, context.endpointName);
    if (failure !== null) throw failure;
    const blockReason = response.promptFeedback?.blockReason;
    const pieces: StreamPiece[] = [];
    if ((response.candidates ?? []).length === 0 && blockReason !== undefined) {
      const refusal = blockedPromptMessage(blockReason);
      pieces.push({ index: 0, first: !candidates.has(0), text: null, reasoning: null, refusal, toolCalls: [], firstCallIndex: 0, finishReason: 'content_filter' });
    }
    (response.candidates ?? []).forEach((candidate, position) => {
      const candidateIndex = candidate.index ?? position;
      const state = candidates.get(candidateIndex);
      const choiceIndex = state?.choiceIndex ?? candidates.size;
      const firstCallIndex = state?.callCount ?? 0;
      const { text, reasoning, toolCalls } = readCandidate(candidate, { responseId: response.responseId, candidateIndex, firstCallIndex });
      const callCount = firstCallIndex + toolCalls.length;
      const citations = state === undefined ? (context.grounded ? createStreamCitations() : undefined) : state.citations;
      candidates.set(candidateIndex, { choiceIndex, callCount, citations });
      const finishReason = candidate.finishReason === undefined ? null : mapGeminiFinishReason(candidate.finishReason, callCount > 0);
      const annotations = citations?.next({ text, metadata: candidate.groundingMetadata, finished: finishReason !== null }) ?? [];
      if (state !== undefined && text === null && reasoning === null && toolCalls.length === 0 && finishReason === null) return;
      const refusal = finishExplanation(candidate) ?? undefined;
      const piece: StreamPiece = { index: choiceIndex, first: state === undefined, text, reasoning, refusal, toolCalls, logprobsResult: candidate.logprobsResult, firstCallIndex, finishReason };
      pieces.push(annotations.length === 0 ? piece : { ...piece, annotations });
    });
    for (const piece of pieces) if (piece.finishReason !== null) finishedCandidates.add(piece.index);
    // A blocked prompt has no candidates at all: its one choice ends the answer.
    const blocked = (response.candidates ?? []).length === 0 && blockReason !== undefined;
    const finishing = !finished && (blocked || finishedCandidates.size >= expectedCandidates);
    finished ||= finishing;
    emptyAnswer = candidates.size === 0 && !finished ? response : null;
    const usage = finishing && response.usageMetadata !== undefined ? fromGeminiUsage(response.usageMetadata) : undefined;
    return { responseId: response.responseId, pieces, usage };
  }

  /** The step's chunk, or none while it and the ones before carry no content (see above). */
  function emit(step: StreamStep): Chunk[] {
    const chunk = toChunk(step);
    if (chunk === null) return [];
    if (held === null) return [chunk];
    if (!carriesContent(step)) {
      held.push(chunk);
      return [];
    }
    const released = [...held, chunk];
    held = null;
    return released;
  }

  /** Every candidate that came has its finish, though fewer than were asked for. */
  const everyStartedFinished = (): boolean => !finished && candidates.size > 0 && finishedCandidates.size === candidates.size;

  return {
    get done() {
      return false;
    },
    event(event: SseEvent): Chunk[] {
      const text = event.data.trim();
      if (text === '') return [];
      const data = parseEvent(text);
      if (data.error !== undefined && data.error !== null) throw geminiStreamError(data, context.endpointName);
      const response = expectGeminiResponse(data);
      const wasFinished = finished;
      const step = piecesOf(response);
      if (finishAwaitingUsage !== null) {
        // An event with nothing for any candidate and no usage (empty, or only modelVersion and responseId) does not end the wait.
        if (response.usageMetadata === undefined && step.pieces.length === 0) return [];
        const usage = response.usageMetadata === undefined ? undefined : fromGeminiUsage(response.usageMetadata);
        const waiting: StreamStep = { ...finishAwaitingUsage, usage };
        finishAwaitingUsage = null;
        return [...emit(waiting), ...(step.pieces.length > 0 ? emit(step) : [])];
      }
      if (finishedSoFar !== null && step.pieces.length === 0 && !finished) {
        // An event with nothing for any candidate: only its usage counts.
        finishedSoFar = { ...finishedSoFar, usageMetadata: response.usageMetadata ?? finishedSoFar.usageMetadata };
        return [];
      }
      const before = finishedSoFar === null ? [] : emit(finishedSoFar.step);
      finishedSoFar = everyStartedFinished() ? { step, usageMetadata: response.usageMetadata } : null;
      if (finished && !wasFinished && response.usageMetadata === undefined) {
        finishAwaitingUsage = step;
        return before;
      }
      return finishedSoFar === null ? [...before, ...emit(step)] : before;
    },
    /**
     * The upstream failed (an error event, a broken connection, an event that is not JSON) while the
     * finish of the whole answer waited for its usage: that chunk goes out before the error, without
     * usage. The hold is only there to put the usage on it, and the answer is complete, so the client
     * gets it whole with its finish reason, as without the hold. Not the step held while fewer
     * candidates than asked have finished: only a clean end shows that answer complete, so on a
     * failure it is cut off like any other, and a stream that sent nothing yet is still retried.
     */
    failed(): Chunk[] {
      const waiting = finishAwaitingUsage;
      finishAwaitingUsage = null;
      return waiting === null ? [] : emit(waiting);
    },
    end(): Chunk[] {
      if (finishAwaitingUsage !== null) {
        const waiting = finishAwaitingUsage;
        finishAwaitingUsage = null;
        return emit(waiting);
      }
      if (finished) return [];
      if (finishedSoFar !== null && finishedSoFar.usageMetadata !== undefined) {
        finished = true;
        return emit({ ...finishedSoFar.step, usage: fromGeminiUsage(finishedSoFar.usageMetadata) });
      }
      if (finishedSoFar !== null) throw GatewayError.streamCutOff('Gemini ended the stream before the answer was complete (no usageMetadata after the last finishReason).');
      if (emptyAnswer === null) throw GatewayError.streamCutOff('Gemini ended the stream before the answer was complete (no finishReason).');
      const piece: StreamPiece = { index: 0, first: true, text: null, reasoning: null, toolCalls: [], firstCallIndex: 0, finishReason: 'stop' };
      const usage = emptyAnswer.usageMetadata === undefined ? undefined : fromGeminiUsage(emptyAnswer.usageMetadata);
      return emit({ responseId: emptyAnswer.responseId, pieces: [piece], usage });
    },
  };
}

/**
 * Text, thoughts, tool calls, a refusal, log probabilities, a finish or usage: something the client
 * can use. A `logprobsResult` of no step (an event with no token: empty lists, or none) is not.
 */
function carriesContent({ pieces, usage }: StreamStep): boolean {
  const pieceCarries = (piece: StreamPiece): boolean =>
    Boolean(piece.text) ||
    Boolean(piece.reasoning) ||
    piece.toolCalls.length > 0 ||
    piece.refusal !== undefined ||
    (piece.logprobsResult?.chosenCandidates ?? []).length > 0 ||
    piece.finishReason !== null;
  return usage !== undefined || pieces.some(pieceCarries);
}

function toToolCallDeltas(piece: StreamPiece): ToolCallDelta[] | null {
  if (piece.toolCalls.length === 0) return null;
  return piece.toolCalls.map((call, offset) => ({
    index: piece.firstCallIndex + offset,
    id: call.id,
    type: 'function',
    function: { name: call.function.name, arguments: call.function.arguments },
  }));
}

/** `reasoning_content`, `refusal` and `annotations` only on pieces that have them, so other chunks keep MLflow's keys. */
function toChatDelta(piece: StreamPiece): ChatChunk['choices'][number]['delta'] {
  const delta = { role: piece.first ? 'assistant' : null, content: piece.text, tool_calls: toToolCallDeltas(piece) };
  const withRefusal = piece.refusal === undefined ? delta : { ...delta, refusal: piece.refusal };
  const withAnnotations = piece.annotations === undefined ? withRefusal : { ...withRefusal, annotations: piece.annotations };
  return piece.reasoning === null ? withAnnotations : { ...withAnnotations, reasoning_content: piece.reasoning };
}

/** The finish goes on a chunk of its own when the finishing event holds function calls (see finish-apart.ts). */
export function createGeminiChatStream(context: GeminiStreamContext): StreamFold<ChatChunk> {
  return finishApartFold(createGeminiFold(context, ({ responseId, pieces, usage }) => {
    if (pieces.length === 0 && usage === undefined) return null;
    const chunk: ChatChunk = {
      id: responseId ?? `gemini-chat-stream-${context.created}`,
      object: 'chat.completion.chunk',
      created: context.created,
      model: context.model,
      choices: pieces.map((piece) => {
        const choice = { index: piece.index, finish_reason: piece.finishReason, delta: toChatDelta(piece) };
        const logprobs = fromGeminiLogprobs(piece.logprobsResult);
        return logprobs === undefined ? choice : { ...choice, logprobs };
      }),
    };
    if (usage !== undefined) chunk.usage = usage;
    return chunk;
  }));
}

export function createGeminiCompletionsStream(context: GeminiStreamContext): StreamFold<CompletionsChunk> {
  return createGeminiFold(context, ({ responseId, pieces, usage }) => {
    if (pieces.length === 0 && usage === undefined) return null;
    const chunk: CompletionsChunk = {
      id: responseId ?? `gemini-completions-stream-${context.created}`,
      object: 'text_completion_chunk',
      created: context.created,
      model: context.model,
      choices: pieces.map((piece) => {
        const choice = { index: piece.index, finish_reason: piece.finishReason, text: piece.text };
        const logprobs = fromGeminiCompletionsLogprobs(piece.logprobsResult);
        return logprobs === undefined ? choice : { ...choice, logprobs };
      }),
    };
    if (usage !== undefined) chunk.usage = usage;
    return chunk;
  });
}
