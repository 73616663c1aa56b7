/**
 * Anthropic's event stream → unified chunks (reference §6.2 item 3, fixed): one choice (index 0),
 * tool calls numbered 0, 1, … in the order their blocks start, one finish chunk carrying usage.
 *
 * Events (https://docs.anthropic.com/en/docs/build-with-claude/streaming): `message_start` (id,
 * model, input usage), per content block `content_block_start` / `content_block_delta` (`text_delta`,
 * `input_json_delta`, `thinking_delta`, `signature_delta`, `citations_delta`) / `content_block_stop`, then `message_delta` (stop reason,
 * cumulative usage), `message_stop`; `ping` anywhere; `error` (e.g. `overloaded_error`) mid-stream.
 * Unknown event and delta types are skipped, as Anthropic's versioning policy asks. Web search's
 * blocks (`server_tool_use` and its `input_json_delta`s, `web_search_tool_result`) give nothing. A
 * text block's citations (web-search.ts) cite the whole block and come first, before its text: the
 * block's range is known at its `content_block_stop`. The annotations all go in one chunk before the
 * finish, as OpenAI's search models send them: openai-python's stream helper cannot join a second
 * list of annotations (it joins list entries on an `index` they lack). A message that stops with
 * `pause_turn` may be followed by its continuation's messages (pause-turn.ts): a `message_start` after
 * it carries on the same answer (no second role, tool calls and thinking blocks numbered on, the
 * text's length counted on for citations, the usage added up), and the finish comes at the end.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, CompletionsChunk, UrlCitation, Usage } from '../../schema';
import { excerpt } from '../shared/json';
import { ThinkingPlaces, withPlace } from '../shared/thinking-places';
import type { SseEvent, StreamFold } from '../transport/sse';
import { addedUsage } from './pause-turn';
import { anthropicStreamError, fromAnthropicUsage, mapAnthropicStopReason } from './response';
import { codePointLength } from '../shared/url-citations';
import { urlCitationsOf, webSearchRequestsOf } from './web-search';
import type { AnthropicCitation, AnthropicStreamEvent, AnthropicUsage } from './wire';

/** A thinking block's number in the answer's `thinking_blocks`, and its place among the answer's other blocks (../shared/thinking-places.ts). */
interface ThinkingBlockNumber {
  index: number;
  place: number;
}

/** What the upstream events mean, before they are shaped into chat or completions chunks. */
type StreamStep =
  | { kind: 'start' }
  | { kind: 'text'; text: string }
  | { kind: 'thinking'; block: ThinkingBlockNumber; text: string }
  | { kind: 'thinking-signature'; block: ThinkingBlockNumber; signature: string }
  | { kind: 'redacted-thinking'; block: ThinkingBlockNumber; data: string }
  | { kind: 'tool-start'; index: number; id: string; name: string }
  | { kind: 'tool-arguments'; index: number; fragment: string }
  | { kind: 'annotations'; annotations: UrlCitation[] }
  | { kind: 'finish'; finishReason: string | null; usage: Usage };

export interface AnthropicStreamOptions {
  /** Endpoint name, for error messages. */
  endpoint: string;
  now: () => number;
}

function parseEvent(data: string): AnthropicStreamEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    parsed = null;
  }
  // Not JSON (a proxy's page, a cut event): retryable, as an answer that is not JSON is. An object without a type is Anthropic's, of a shape we cannot read.
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  if (!isObject || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw GatewayError.upstreamUnavailable(`Anthropic sent a stream event that is not a JSON object with a type: ${excerpt(data)}`, !isObject);
  }
  return parsed as AnthropicStreamEvent;
}

/** Only the usage counts an event actually carries (its web searches included), so later events refine earlier ones. */
function presentUsage(usage: AnthropicUsage | null | undefined): AnthropicUsage {
  const present: AnthropicUsage = Object.fromEntries(Object.entries(usage ?? {}).filter(([, value]) => typeof value === 'number'));
  const searches = webSearchRequestsOf(usage);
  return searches > 0 ? { ...present, server_tool_use: { web_search_requests: searches } } : present;
}

/**
 * The stateful part shared by both chunk kinds: block bookkeeping, stop reason, usage, the end.
 * Blocks are found by their content index, which each message of a continued turn counts from 0.
 */
function createStepReader(endpoint: string) {
  const toolBlocks = new Map<number, { index: number; hasArguments: boolean }>();
  let toolCount = 0;
  // Thinking blocks are numbered 0, 1, … in the order of their first piece, as tool calls are, and
  // placed among the other blocks of the answer (a continued turn's too) as they come.
  const thinkingBlocks = new Map<number, ThinkingBlockNumber>();
  let thinkingCount = 0;
  const places = new ThinkingPlaces();
  const thinkingBlockOf = (contentIndex: number | undefined): ThinkingBlockNumber => {
    let block = thinkingBlocks.get(contentIndex ?? -1);
    if (block === undefined) {
      block = { index: thinkingCount++, place: places.current };
      thinkingBlocks.set(contentIndex ?? -1, block);
    }
    return block;
  };
  // Each text block's start in the joined text and its citations; the text so far in code points.
  const textBlocks = new Map<number, { start: number; citations: AnthropicCitation[] }>();
  let textLength = 0;
  const annotations: UrlCitation[] = [];
  const textStep = (text: string): StreamStep => {
    textLength += codePointLength(text);
    return { kind: 'text', text };
  };
  let usage: AnthropicUsage = {};
  /** The usage of the earlier messages of a continued turn. */
  let usageBefore: AnthropicUsage = {};
  let stopReason: string | null = null;
  /** The last message stopped with pause_turn: its continuation may follow, else the stream ends. */
  let paused = false;
  let done = false;
  const envelope = { id: null as string | null, model: '' };

  /** The next message of a paused turn: new content indexes, the same answer. */
  function continueTurn(): void {
    usageBefore = addedUsage(usageBefore, usage);
    toolBlocks.clear();
    thinkingBlocks.clear();
    textBlocks.clear();
    stopReason = null;
    paused = false;
  }

  function finishSteps(): StreamStep[] {
    const finish: StreamStep = { kind: 'finish', finishReason: mapAnthropicStopReason(stopReason, toolCount > 0), usage: fromAnthropicUsage(addedUsage(usageBefore, usage)) };
    return annotations.length > 0 ? [{ kind: 'annotations', annotations }, finish] : [finish];
  }

  function read(event: AnthropicStreamEvent): StreamStep[] {
    switch (event.type) {
      case 'message_start':
        if (paused) {
          continueTurn();
          usage = presentUsage(event.message?.usage);
          return [];
        }
        envelope.id = event.message?.id ?? null;
        envelope.model = event.message?.model ?? '';
        usage = presentUsage(event.message?.usage);
        return [{ kind: 'start' }];
      case 'content_block_start': {
        const block = event.content_block;
        if (block?.type === 'text') {
          places.text(block.text ?? '');
          textBlocks.set(event.index ?? -1, { start: textLength, citations: [...(block.citations ?? [])] });
          return block.text ? [textStep(block.text)] : [];
        }
        if (block?.type === 'thinking') return block.thinking ? [{ kind: 'thinking', block: thinkingBlockOf(event.index), text: block.thinking }] : [];
        // A redacted block has no deltas: it comes whole at its start.
        if (block?.type === 'redacted_thinking') return [{ kind: 'redacted-thinking', block: thinkingBlockOf(event.index), data: block.data ?? '' }];
        if (block?.type !== 'tool_use') return [];
        const tool = { index: toolCount++, hasArguments: false };
        toolBlocks.set(event.index ?? -1, tool);
        places.toolCall();
        return [{ kind: 'tool-start', index: tool.index, id: block.id ?? '', name: block.name ?? '' }];
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta?.type === 'text_delta' && delta.text) {
          // A text block may open empty: its text counts from its first piece that is not blank.
          places.text(delta.text);
          return [textStep(delta.text)];
        }
        if (delta?.type === 'citations_delta' && delta.citation) {
          textBlocks.get(event.index ?? -1)?.citations.push(delta.citation);
          return [];
        }
        if (delta?.type === 'thinking_delta' && delta.thinking) return [{ kind: 'thinking', block: thinkingBlockOf(event.index), text: delta.thinking }];
        if (delta?.type === 'signature_delta' && delta.signature) return [{ kind: 'thinking-signature', block: thinkingBlockOf(event.index), signature: delta.signature }];
        const tool = toolBlocks.get(event.index ?? -1);
        if (delta?.type !== 'input_json_delta' || !tool || !delta.partial_json) return [];
        tool.hasArguments = true;
        return [{ kind: 'tool-arguments', index: tool.index, fragment: delta.partial_json }];
      }
      case 'content_block_stop': {
        const text = textBlocks.get(event.index ?? -1);
        if (text !== undefined) {
          annotations.push(...urlCitationsOf(text.citations, text.start, textLength));
          return [];
        }
        // A call without arguments streams only an empty fragment; clients need a JSON object text.
        const tool = toolBlocks.get(event.index ?? -1);
        return tool && !tool.hasArguments ? [{ kind: 'tool-arguments', index: tool.index, fragment: '{}' }] : [];
      }
      case 'message_delta':
        stopReason = event.delta?.stop_reason ?? stopReason;
        usage = { ...usage, ...presentUsage(event.usage) };
        return [];
      case 'message_stop':
        if (stopReason === 'pause_turn') {
          paused = true;
          return [];
        }
        done = true;
        return finishSteps();
      case 'error':
        throw anthropicStreamError(event.error, endpoint);
      default:
        return [];
    }
  }

  return {
    envelope,
    get done() {
      return done;
    },
    event(event: SseEvent): StreamStep[] {
      if (done || event.data.trim() === '') return [];
      return read(parseEvent(event.data));
    },
    /** A turn left paused (not continued) ends here, its text so far the answer. */
    end(): StreamStep[] {
      if (done) return [];
      if (!paused) throw GatewayError.streamCutOff('Anthropic ended the stream before it was complete (no message_stop).');
      done = true;
      return finishSteps();
    },
  };
}

/**
 * Builds a fold from a step reader and a step → chunk mapping. A `message_stop` without a stop
 * reason after nothing else (no `message_delta`, no content) is no answer at all: its finish gives no
 * chunk, so the stream is retried and falls back as one that ends with `[DONE]` alone
 * (retried-stream.ts), not a 200 with nothing in it.
 */
function createFold<Chunk>(endpoint: string, toChunk: (step: StreamStep, envelope: { id: string | null; model: string }) => Chunk | null): StreamFold<Chunk> {
  const reader = createStepReader(endpoint);
  let answered = false;
  const toChunks = (steps: StreamStep[]): Chunk[] => {
    const chunks: Chunk[] = [];
    for (const step of steps) {
      if (step.kind === 'finish' && step.finishReason === null && !answered) continue;
      const chunk = toChunk(step, reader.envelope);
      if (chunk !== null) chunks.push(chunk);
    }
    if (chunks.length > 0) answered = true;
    return chunks;
  };
  return {
    get done() {
      return reader.done;
    },
    event(event: SseEvent): Chunk[] {
      return toChunks(reader.event(event));
    },
    end(): Chunk[] {
      return toChunks(reader.end());
    },
  };
}

type ChatDelta = ChatChunk['choices'][number]['delta'];

/**
 * OpenAI streams open with the role, which the official client requires: it goes on the first chunk
 * with something in it, not on a chunk of its own for `message_start`. Until then the client has been
 * sent nothing, so an error event that follows `message_start` (an `overloaded_error`) can still be
 * retried or fall back to another endpoint.
 */
export function createAnthropicChatStream({ endpoint, now }: AnthropicStreamOptions): StreamFold<ChatChunk> {
  const created = now();
  const emptyDelta: ChatDelta = { role: null, content: null, tool_calls: null };
  let roleSent = false;
  return createFold<ChatChunk>(endpoint, (step, { id, model }) => {
    const chunk = (delta: Partial<ChatDelta>, finishReason: string | null = null): ChatChunk => {
      const role = roleSent ? null : 'assistant';
      roleSent = true;
      return { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, finish_reason: finishReason, delta: { ...emptyDelta, ...delta, role } }] };
    };
    switch (step.kind) {
      case 'start':
        return null;
      case 'text':
        return chunk({ content: step.text });
      // LiteLLM's stream shape: thinking text pieces, then the block's signature as a piece of its own;
      // each piece with its block's index, on which clients join list deltas (openai-python's stream helpers require one).
      // An interleaved block's place (`content_index`) is on each of its pieces.
      case 'thinking':
        return chunk({ reasoning_content: step.text, thinking_blocks: [withPlace({ index: step.block.index, type: 'thinking', thinking: step.text }, step.block.place)] });
      case 'thinking-signature':
        return chunk({ thinking_blocks: [withPlace({ index: step.block.index, type: 'thinking', thinking: '', signature: step.signature }, step.block.place)] });
      case 'redacted-thinking':
        return chunk({ thinking_blocks: [withPlace({ index: step.block.index, type: 'redacted_thinking', data: step.data }, step.block.place)] });
      case 'tool-start':
        return chunk({ tool_calls: [{ index: step.index, id: step.id, type: 'function', function: { name: step.name, arguments: '' } }] });
      case 'tool-arguments':
        return chunk({ tool_calls: [{ index: step.index, id: null, type: null, function: { name: null, arguments: step.fragment } }] });
      case 'annotations':
        return chunk({ annotations: step.annotations });
      case 'finish':
        return { ...chunk({}, step.finishReason), usage: step.usage };
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  });
}

export function createAnthropicCompletionsStream({ endpoint, now }: AnthropicStreamOptions): StreamFold<CompletionsChunk> {
  const created = now();
  return createFold<CompletionsChunk>(endpoint, (step, { id, model }) => {
    const chunk = (text: string | null, finishReason: string | null = null): CompletionsChunk => ({
      id,
      object: 'text_completion_chunk',
      created,
      model,
      choices: [{ index: 0, finish_reason: finishReason, text }],
    });
    switch (step.kind) {
      case 'text':
        return chunk(step.text);
      case 'finish':
        return { ...chunk(null, step.finishReason), usage: step.usage };
      case 'start':
      case 'thinking':
      case 'thinking-signature':
      case 'redacted-thinking':
      case 'tool-start':
      case 'tool-arguments':
      case 'annotations':
        return null;
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  });
}
