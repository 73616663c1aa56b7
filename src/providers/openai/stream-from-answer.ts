/**
 * A whole chat or completions answer given to a stream request, as the stream it stands for. Some
 * OpenAI-compatible servers (model servers, proxies, a deployment with streaming off) ignore
 * `stream: true` and send a normal JSON completion. The answer becomes the events OpenAI would have
 * streamed (per choice: its message, then its finish; usage when the request asked for it; then
 * `[DONE]`), which the ordinary stream fold reads: the client gets the answer as a stream, with the
 * same checks as any other. Azure's content filter results go where an Azure stream has them.
 */
import { isRecord } from '../shared/json';
import type { SseEvent } from '../transport/sse';
import { streamedContentFilterResults, withPromptFilterResults } from './filter-annotations';

type Wire = Record<string, unknown>;

const DONE: SseEvent = { event: undefined, data: '[DONE]' };

/** Whether the request asked for the usage chunk at a stream's end (the client, or the gateway for a token limit). */
export function asksForStreamUsage(request: Wire): boolean {
  return isRecord(request.stream_options) && request.stream_options.include_usage === true;
}

function event(chunk: Wire): SseEvent {
  return { event: undefined, data: JSON.stringify(chunk) };
}

/** The answer's choices, or null when it is no completion (its shape is then refused as before). */
function choicesOf(answer: unknown): Wire[] | null {
  if (!isRecord(answer) || !Array.isArray(answer.choices) || !answer.choices.every(isRecord)) return null;
  return answer.choices;
}

/**
 * The events for `answer`: for each choice, a chunk with what `delta` makes of it and a chunk with
 * its finish reason; then usage, when asked for and sent; then `[DONE]`.
 */
function answerEvents(answer: unknown, options: { object: string; includeUsage: boolean; delta: (choice: Wire) => Wire; finish: (choice: Wire) => Wire }): SseEvent[] | null {
  const choices = choicesOf(answer);
  if (choices === null) return null;
  const { id, created, model, usage, prompt_filter_results: promptResults } = answer as Wire;
  const envelope = { id, object: options.object, created, model };
  const chunks: Wire[] = choices.flatMap((choice, position) => {
    const index = typeof choice.index === 'number' ? choice.index : position;
    const filterResults = streamedContentFilterResults(choice);
    return [
      { ...envelope, choices: [{ index, ...options.delta(choice), logprobs: choice.logprobs ?? null, finish_reason: null, ...filterResults.text }] },
      { ...envelope, choices: [{ index, ...options.finish(choice), finish_reason: choice.finish_reason ?? null, ...filterResults.finish }] },
    ];
  });
  // Azure's prompt results come on a stream's first chunk with choices (filter-annotations.ts).
  if (chunks.length > 0) withPromptFilterResults(chunks[0], promptResults);
  if (options.includeUsage && isRecord(usage)) chunks.push({ ...envelope, choices: [], usage });
  return [...chunks.map(event), DONE];
}

/** A tool call of a message as a delta: OpenAI's deltas number them. */
const indexedToolCalls = (calls: unknown): unknown => (Array.isArray(calls) ? calls.map((call, index) => (isRecord(call) ? { index, ...call } : call)) : calls);

/** A chat completion as its stream's events; null when it is not one. */
export function chatAnswerAsEvents(answer: unknown, options: { includeUsage: boolean }): SseEvent[] | null {
  return answerEvents(answer, {
    object: 'chat.completion.chunk',
    includeUsage: options.includeUsage,
    // The message is the whole delta: role, content, tool calls, refusal and reasoning in one chunk.
    delta: (choice) => {
      const message = isRecord(choice.message) ? choice.message : {};
      return { delta: { ...message, tool_calls: indexedToolCalls(message.tool_calls) } };
    },
    finish: () => ({ delta: {} }),
  });
}

/** A completions answer as its stream's events; null when it is not one. */
export function completionsAnswerAsEvents(answer: unknown, options: { includeUsage: boolean }): SseEvent[] | null {
  return answerEvents(answer, {
    object: 'text_completion',
    includeUsage: options.includeUsage,
    // Some servers answer completions with a chat-shaped `message` (read the same way unstreamed).
    delta: (choice) => ({ text: choice.text ?? (isRecord(choice.message) ? choice.message.content : null) ?? null }),
    finish: () => ({ text: '' }),
  });
}

/**
 * For OpenAI-compatible vendors whose streams always report usage, unasked (Mistral, Together AI,
 * TGI): a whole answer's usage is always an event too (the gateway sends it only to a client that
 * asked for usage, and counts it either way).
 */
export const chatAnswerWithUsageAsEvents = (answer: unknown): SseEvent[] | null => chatAnswerAsEvents(answer, { includeUsage: true });

/** As `chatAnswerWithUsageAsEvents`, for completions. */
export const completionsAnswerWithUsageAsEvents = (answer: unknown): SseEvent[] | null => completionsAnswerAsEvents(answer, { includeUsage: true });
