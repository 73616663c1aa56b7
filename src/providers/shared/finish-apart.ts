/**
 * OpenAI ends each choice of a chat stream with a chunk of its own: the finish reason on an empty
 * delta. The openai clients' stream helpers (node and python) rely on it: at a chunk's finish reason
 * they close the tool call open until then, before reading that chunk's tool calls, so the calls of
 * a finishing chunk never get their `tool_calls.function.arguments.done` event (and the call before
 * them gets two). Gemini (the last event holds the last function call and the finish) and Mistral
 * (every call on the finishing chunk) put them together: such a chunk is sent as two.
 */
import type { ChatChunk } from '../../schema';
import type { SseEvent, StreamFold } from '../transport/sse';

type ChunkChoice = ChatChunk['choices'][number];

const finishesWithToolCalls = (choice: ChunkChoice): boolean => choice.finish_reason !== null && (choice.delta.tool_calls?.length ?? 0) > 0;

const needsSplit = (chunk: ChatChunk): boolean => chunk.choices.some(finishesWithToolCalls);

/**
 * The chunk as it is, or, when a choice finishes on a chunk that carries tool calls, two chunks:
 * the deltas without those finishes, then the finishes on empty deltas with the chunk's usage.
 */
export function withFinishApart(chunk: ChatChunk): ChatChunk[] {
  if (!needsSplit(chunk)) return [chunk];
  const { usage, ...envelope } = chunk;
  const deltas: ChatChunk = { ...envelope, choices: chunk.choices.map((choice) => (finishesWithToolCalls(choice) ? { ...choice, finish_reason: null } : choice)) };
  const finishes: ChatChunk = {
    ...envelope,
    choices: chunk.choices
      .filter(finishesWithToolCalls)
      .map(({ index, finish_reason: finishReason }) => ({ index, finish_reason: finishReason, delta: { role: null, content: null, tool_calls: null } })),
  };
  if (usage !== undefined) finishes.usage = usage;
  return [deltas, finishes];
}

/** The fold's chunks, split where need be; the same array when none is (this runs for every upstream event). */
const splitWhereNeeded = (chunks: ChatChunk[]): ChatChunk[] => (chunks.some(needsSplit) ? chunks.flatMap(withFinishApart) : chunks);

/** A chat stream fold whose chunks go through `withFinishApart`. */
export function finishApartFold(fold: StreamFold<ChatChunk>): StreamFold<ChatChunk> {
  return {
    get done() {
      return fold.done;
    },
    event: (event: SseEvent) => splitWhereNeeded(fold.event(event)),
    end: () => splitWhereNeeded(fold.end()),
    failed: () => splitWhereNeeded(fold.failed?.() ?? []),
  };
}
