/**
 * ConverseStream events → unified chat and completions chunks: small stateful folds, no I/O (the
 * adapter feeds them the events the SDK decoded).
 */
import type { ConverseStreamOutput, ReasoningContentBlockDelta } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../errors';
import type { ChatChunk, CompletionsChunk, Usage } from '../../../schema';
import type { AnswerContext, EventFold } from '../shared';
import { createStreamCitations } from './citations';
import { fromConverseUsage, mapConverseStopReason, type ReasoningOutput } from './response';
import { ThinkingPlaces, withPlace } from '../../shared/thinking-places';
import { createRedactedBuffer, readReasoningDelta } from './thinking';

/**
 * The part both stream kinds share: the stop reason arrives in `messageStop`, usage in the
 * `metadata` event after it; the finish chunk carries both (the stop reason as Converse sent it, for
 * `finish` to map). A stream without `messageStop` was cut. Events of a kind the SDK does not know
 * (`$unknown`) or the fold does not read give nothing. A `messageStop` without a stop reason after
 * nothing else is no answer at all: it gives no chunk, so the stream is retried and falls back as
 * one that ends with `[DONE]` alone (retried-stream.ts), not a 200 with nothing in it.
 */
function createConverseFold<Chunk>(mapEvent: (event: ConverseStreamOutput) => Chunk[], finish: (reason: string | undefined, usage: Usage | null) => Chunk[]): EventFold<ConverseStreamOutput, Chunk> {
  let stopped = false;
  let stopReason: string | undefined;
  let finished = false;
  let answered = false;
  const finishing = (usage: Usage | null): Chunk[] => {
    finished = true;
    return answered || stopReason !== undefined ? finish(stopReason, usage) : [];
  };
  return {
    event(event) {
      if (finished) return [];
      if (event.messageStop) {
        stopped = true;
        stopReason = event.messageStop.stopReason;
        return [];
      }
      if (event.metadata && stopped) return finishing(fromConverseUsage(event.metadata.usage));
      const chunks = mapEvent(event);
      if (chunks.length > 0) answered = true;
      return chunks;
    },
    end() {
      if (!stopped) throw GatewayError.streamCutOff('Amazon Bedrock ended the stream before the answer was complete (no messageStop event).');
      return finished ? [] : finishing(null);
    },
  };
}

export function createConverseChatStream(context: AnswerContext, reasoning: ReasoningOutput): EventFold<ConverseStreamOutput, ChatChunk> {
  // Converse numbers content blocks; OpenAI numbers tool calls from 0.
  const toolIndexes = new Map<number, number>();
  // Tool blocks whose input has had text: a call without parameters gets only an empty piece, and
  // its arguments must still be a JSON object text ("{}"), as in answers read whole.
  const withArguments = new Set<number>();
  // The role of `messageStart` goes on the first chunk with something in it, not on a chunk of its
  // own: until then the client has been sent nothing, so an exception event right after
  // `messageStart` (a throttlingException) can still be retried or fall back.
  let role = 'assistant';
  let roleSent = false;
  const chunk = (delta: Partial<ChatChunk['choices'][number]['delta']>, finishReason: string | null = null): ChatChunk => {
    const chunkRole = roleSent ? null : role;
    roleSent = true;
    return {
      id: context.id,
      object: 'chat.completion.chunk',
      created: context.created,
      model: context.model,
      choices: [{ index: 0, finish_reason: finishReason, delta: { role: chunkRole, content: null, tool_calls: null, ...delta } }],
    };
  };
  const redacted = createRedactedBuffer();
  const citations = createStreamCitations();
  // Reasoning blocks are numbered 0, 1, … in the order of their first delta, as tool calls are, and
  // placed among the answer's text and tool calls as they come (blocks stream one after another).
  const reasoningIndexes = new Map<number, { index: number; place: number }>();
  const places = new ThinkingPlaces();
  const reasoningIndexOf = (blockIndex: number): { index: number; place: number } => {
    let block = reasoningIndexes.get(blockIndex);
    if (block === undefined) {
      block = { index: reasoningIndexes.size, place: places.current };
      reasoningIndexes.set(blockIndex, block);
    }
    return block;
  };
  // The Anthropic stream's shape: thinking text pieces, then the block's signature as a piece of
  // its own; a redacted block whole, at its contentBlockStop; each piece with its block's index (and place when interleaved).
  const reasoningChunks = (blockIndex: number, delta: ReasoningContentBlockDelta): ChatChunk[] => {
    const step = readReasoningDelta(delta);
    if (step === null) return [];
    // Unsigned reasoning (DeepSeek-R1, gpt-oss): its text only, as DeepSeek's API streams it.
    if (!reasoning.thinkingBlocks) return step.kind === 'text' ? [chunk({ reasoning_content: step.text })] : [];
    const { index, place } = reasoningIndexOf(blockIndex);
    if (step.kind === 'text') return [chunk({ reasoning_content: step.text, thinking_blocks: [withPlace({ index, type: 'thinking', thinking: step.text }, place)] })];
    if (step.kind === 'signature') return [chunk({ thinking_blocks: [withPlace({ index, type: 'thinking', thinking: '', signature: step.signature }, place)] })];
    redacted.add(blockIndex, step.bytes);
    return [];
  };
  const mapEvent = (event: ConverseStreamOutput): ChatChunk[] => {
    if (event.messageStart) {
      role = event.messageStart.role ?? role;
      return [];
    }
    const toolUse = event.contentBlockStart?.start?.toolUse;
    if (toolUse) {
      const index = toolIndexes.size;
      toolIndexes.set(event.contentBlockStart?.contentBlockIndex ?? 0, index);
      places.toolCall();
      return [chunk({ tool_calls: [{ index, id: toolUse.toolUseId ?? null, type: 'function', function: { name: toolUse.name ?? null, arguments: '' } }] })];
    }
    const delta = event.contentBlockDelta?.delta;
    if (delta?.text !== undefined) {
      places.text(delta.text);
      citations.text(event.contentBlockDelta?.contentBlockIndex ?? 0, delta.text);
      return [chunk({ content: delta.text })];
    }
    if (delta?.citation) {
      citations.cite(event.contentBlockDelta?.contentBlockIndex ?? 0, delta.citation);
      return [];
    }
    if (delta?.reasoningContent) return reasoningChunks(event.contentBlockDelta?.contentBlockIndex ?? 0, delta.reasoningContent);
    if (delta?.toolUse) {
      const index = toolIndexes.get(event.contentBlockDelta?.contentBlockIndex ?? 0) ?? 0;
      const input = delta.toolUse.input ?? '';
      if (input === '') return [];
      withArguments.add(index);
      return [chunk({ tool_calls: [{ index, id: null, type: null, function: { name: null, arguments: input } }] })];
    }
    if (event.contentBlockStop === undefined) return [];
    const stoppedIndex = event.contentBlockStop.contentBlockIndex ?? 0;
    citations.stop(stoppedIndex);
    const data = redacted.take(stoppedIndex);
    if (data !== null) {
      const { index, place } = reasoningIndexOf(stoppedIndex);
      return [chunk({ thinking_blocks: [withPlace({ index, type: 'redacted_thinking', data }, place)] })];
    }
    const stopped = toolIndexes.get(event.contentBlockStop.contentBlockIndex ?? 0);
    if (stopped !== undefined && !withArguments.has(stopped)) {
      return [chunk({ tool_calls: [{ index: stopped, id: null, type: null, function: { name: null, arguments: '{}' } }] })];
    }
    return [];
  };
  // The web pages the answer cites, in one chunk before the finish chunk, as the Anthropic stream sends them.
  const finish = (reason: string | undefined, usage: Usage | null): ChatChunk[] => {
    const annotations = citations.annotations();
    const finishReason = mapConverseStopReason(reason, toolIndexes.size > 0);
    return [...(annotations.length > 0 ? [chunk({ annotations })] : []), { ...chunk({}, finishReason), ...(usage ? { usage } : {}) }];
  };
  return createConverseFold(mapEvent, finish);
}

export function createConverseCompletionsStream(context: AnswerContext): EventFold<ConverseStreamOutput, CompletionsChunk> {
  const chunk = (text: string | null, finishReason: string | null = null): CompletionsChunk => ({
    id: context.id,
    object: 'text_completion_chunk',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, finish_reason: finishReason, text }],
  });
  const mapEvent = (event: ConverseStreamOutput): CompletionsChunk[] => {
    const text = event.contentBlockDelta?.delta?.text;
    return text !== undefined ? [chunk(text)] : [];
  };
  return createConverseFold(mapEvent, (reason, usage) => [{ ...chunk(null, mapConverseStopReason(reason)), ...(usage ? { usage } : {}) }]);
}
