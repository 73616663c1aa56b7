/**
 * Cohere's newline-delimited JSON streams (https://docs.cohere.com/v1/docs/streaming) → unified
 * chunks: `stream-start` gives the id, `text-generation` the text, `stream-end` the finish reason
 * and usage; `stream-error` or a bare `{"message"}` line throws; a stream without `stream-end` was cut off.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, CompletionsChunk } from '../../schema';
import { excerpt, parseJsonObject } from '../shared/json';
import type { SseEvent, StreamFold } from '../transport/sse';
import { fromCohereUsage, mapCohereFinishReason, type CohereResponseContext } from './response';
import type { CohereStreamLine } from './wire';

/** Parses one stream line; an error line (`stream-error`, or a bare `{"message"}`) throws. */
function parseCohereLine(event: SseEvent): CohereStreamLine {
  const line = parseJsonObject(event.data);
  if (line === null) throw GatewayError.upstreamUnavailable(`Cohere sent a stream line that is not a JSON object: ${excerpt(event.data)}`);
  const parsed = line as CohereStreamLine;
  if (parsed.event_type === 'stream-error') {
    throw GatewayError.upstreamUnavailable(`Cohere reported an error mid-stream: ${parsed.err ?? parsed.finish_reason ?? 'unknown error'}`, false);
  }
  if (parsed.event_type === undefined && parsed.is_finished === undefined && typeof parsed.message === 'string') {
    throw GatewayError.upstreamUnavailable(parsed.message, false);
  }
  return parsed;
}

/** Streams without the `stream-end` line were cut off. */
function cutOff(): GatewayError {
  return GatewayError.streamCutOff('Cohere ended the stream before it was complete (no stream-end).');
}

export function createCohereChatStream({ model, now }: CohereResponseContext): StreamFold<ChatChunk> {
  let done = false;
  let id: string | null = null;
  let roleSent = false;
  const chunk = (content: string | null, finishReason: string | null): ChatChunk => {
    const role = roleSent ? null : 'assistant';
    roleSent = true;
    return { id, object: 'chat.completion.chunk', created: now(), model, choices: [{ index: 0, finish_reason: finishReason, delta: { role, content, tool_calls: null } }] };
  };
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): ChatChunk[] {
      if (done) return [];
      const line = parseCohereLine(event);
      switch (line.event_type) {
        case 'stream-start':
          id = line.generation_id ?? null;
          return [];
        case 'text-generation':
          return [chunk(line.text ?? '', null)];
        case 'stream-end': {
          done = true;
          const last = chunk(null, mapCohereFinishReason(line.finish_reason));
          last.usage = fromCohereUsage(line.response ?? {});
          return [last];
        }
        default:
          // Search queries, search results and citations carry no text for the unified chunk.
          return [];
      }
    },
    end(): ChatChunk[] {
      if (!done) throw cutOff();
      return [];
    },
  };
}

/** Older generate streams have no `event_type`; `is_finished` tells the last line apart. */
function generateEventType(line: CohereStreamLine): string | undefined {
  return line.event_type ?? (line.is_finished ? 'stream-end' : line.text !== undefined ? 'text-generation' : undefined);
}

export function createCohereCompletionsStream({ model, now }: CohereResponseContext): StreamFold<CompletionsChunk> {
  let done = false;
  const chunk = (id: string | null, choices: CompletionsChunk['choices']): CompletionsChunk => ({ id, object: 'text_completion_chunk', created: now(), model, choices });
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): CompletionsChunk[] {
      if (done) return [];
      const line = parseCohereLine(event);
      switch (generateEventType(line)) {
        case 'text-generation':
          return [chunk(null, [{ index: line.index ?? 0, finish_reason: null, text: line.text ?? '' }])];
        case 'stream-end': {
          done = true;
          // One finish reason per generation when there are several (`num_generations`).
          const generations = line.response?.generations ?? [{ index: 0, finish_reason: line.finish_reason }];
          const choices = generations.map((generation, position) => ({
            index: generation.index ?? position,
            finish_reason: mapCohereFinishReason(generation.finish_reason ?? line.finish_reason),
            text: null,
          }));
          const last = chunk(line.response?.id ?? null, choices);
          if (line.response?.meta !== undefined) last.usage = fromCohereUsage(line.response);
          return [last];
        }
        default:
          return [];
      }
    },
    end(): CompletionsChunk[] {
      if (!done) throw cutOff();
      return [];
    },
  };
}
