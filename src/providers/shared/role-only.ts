/**
 * OpenAI-shaped chat streams open with a chunk that carries only `role: "assistant"` (and
 * `content: ""`), sent before the model has produced anything. Sent at once, it commits the stream:
 * a failure right after it could no longer be retried or fall back. The OpenAI-shaped providers and
 * the plugin wrapper hold such chunks until one with something in it comes.
 */
import type { SseEvent, StreamFold } from '../transport/sse';
import { isRecord } from './json';

/** Null, absent, "" or []: a delta field that adds nothing to the message. */
export function carriesNothing(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function isRoleOnlyChoice(choice: unknown): boolean {
  if (!isRecord(choice) || !carriesNothing(choice.finish_reason) || !carriesNothing(choice.logprobs)) return false;
  const delta = choice.delta;
  if (!isRecord(delta) || typeof delta.role !== 'string') return false;
  return Object.keys(delta).every((key) => key === 'role' || carriesNothing(delta[key]));
}

/** A chunk whose every choice has a role and nothing else: no content, tool call, finish or usage. */
export function isRoleOnlyChunk(chunk: unknown): chunk is Record<string, unknown> {
  if (!isRecord(chunk) || !carriesNothing(chunk.usage)) return false;
  const choices = chunk.choices;
  return Array.isArray(choices) && choices.length > 0 && choices.every(isRoleOnlyChoice);
}

/** The chunk that `stream_options.include_usage` adds at a stream's end (some servers send it unasked): usage, no choices. */
export function isUsageOnlyChunk(chunk: unknown): boolean {
  return isRecord(chunk) && Array.isArray(chunk.choices) && chunk.choices.length === 0 && isRecord(chunk.usage);
}

/** Role-only and usage-only chunks: none of them answers anything (a usage-only one reaches only a client that asked for it). */
export const answersNothing = (chunk: unknown): chunk is Record<string, unknown> => isRoleOnlyChunk(chunk) || isUsageOnlyChunk(chunk);

/**
 * A chat stream fold whose leading role-only chunks are held until the first chunk with something
 * in it (content, a tool call, a refusal, reasoning or a finish), then sent with it as they came:
 * until then the client has nothing, so a failure is retried and falls back. A stream that ends
 * with only role-only and usage-only chunks ends empty, as one that sent `[DONE]` alone.
 */
export function leadingRolesHeldFold<Chunk>(fold: StreamFold<Chunk>): StreamFold<Chunk> {
  // Null once a chunk with something in it has gone out: from then on, chunks pass unchecked.
  let held: Chunk[] | null = [];
  const release = (chunks: Chunk[]): Chunk[] => {
    if (held === null || chunks.length === 0) return chunks;
    if (chunks.every(answersNothing)) {
      held.push(...chunks);
      return [];
    }
    const released = [...held, ...chunks];
    held = null;
    return released;
  };
  return {
    get done() {
      return fold.done;
    },
    event: (event: SseEvent) => release(fold.event(event)),
    end: () => {
      const chunks = release(fold.end());
      return held === null ? chunks : [];
    },
  };
}
