/**
 * A streamed chat request with tools to a model that takes tools in Converse but not in
 * ConverseStream (Llama, Mistral, Writer Palmyra: families.ts `streamed-tools`; AWS answers
 * "This model doesn't support tool use in streaming mode"): served by one Converse call, whose
 * answer becomes the stream it stands for (text, tool calls, finish reason, usage). The events are
 * those an OpenAI-compatible server's answer to a stream request becomes (openai/stream-from-answer.ts),
 * read by OpenAI's stream fold, so the chunks are shaped as every other stream's.
 */
import type { ChatChunk, ChatResponse } from '../../../schema';
import { chatAnswerAsEvents } from '../../openai/stream-from-answer';
import { createOpenAIChatStream } from '../../openai/stream';
import { foldEvents, type SseEvent } from '../../transport/sse';

/**
 * The chunks of the answer `call` gets. Lazy: the call starts on the first `next()`, so its failure
 * reaches the consumer before any chunk (a real error status, a retry, a fallback). Usage is always
 * a chunk of its own at the end: the server meters it, and sends it only to a client that asked
 * (`stream_options.include_usage`).
 */
export function wholeAnswerAsStream(call: () => Promise<ChatResponse>): AsyncIterableIterator<ChatChunk> {
  async function* events(): AsyncGenerator<SseEvent> {
    yield* chatAnswerAsEvents(await call(), { includeUsage: true }) ?? [];
  }
  return foldEvents(events(), createOpenAIChatStream());
}
