/**
 * Azure OpenAI's content filter annotations
 * (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter): the prompt's
 * `prompt_filter_results` and each choice's `content_filter_results` are passed on as Azure sent them,
 * in answers and stream chunks (the spec's optional vendor extensions), only when Azure sent them.
 *
 * In a stream (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-streaming), Azure
 * sends the prompt's results first, on a chunk of their own without choices and with a blank envelope;
 * they go on the first chunk with choices instead, so that every chunk the client gets is the answer's. In the
 * asynchronous filter mode, Azure sends chunks that only annotate text already sent: their choices
 * carry `content_filter_results` and `content_filter_offsets` but no delta (legacy completions: an
 * empty `text`) and no finish reason, and their envelope is blank (`id: ""`, `model: ""`,
 * `created: 0`), one of them even after the choice's finish. When the filter stops the answer, the
 * finish reason `content_filter` comes on such a blank chunk. Passed on as they are, a client would
 * get empty chunks after the finish and an answer whose id and model change mid-stream.
 */
import { isRecord } from '../shared/json';
import type { OpenAINormaliser } from './response';

/** `choice` with the vendor's `content_filter_results`, only when it sent an object. */
export function withContentFilterResults<Choice extends object>(choice: Choice, results: unknown): Choice {
  if (isRecord(results)) (choice as { content_filter_results?: unknown }).content_filter_results = results;
  return choice;
}

/** `answer` (or a chunk) with the vendor's `prompt_filter_results`, only when it sent a list of objects (anything else would fail the answer's check). */
export function withPromptFilterResults<Answer extends object>(answer: Answer, results: unknown): Answer {
  if (Array.isArray(results) && results.every(isRecord)) (answer as { prompt_filter_results?: unknown }).prompt_filter_results = results;
  return answer;
}

/**
 * A whole answer's choice results as an Azure stream carries them over the choice's two chunks
 * (stream-from-answer.ts): on the chunk of its text, with an empty object on its finish, as in Azure's
 * default streaming; when the filter stopped the answer (`content_filter`), on the finish instead,
 * where Azure sends the verdict that stopped it. Nothing when the answer had none.
 */
export function streamedContentFilterResults(choice: Record<string, unknown>): { text: Record<string, unknown>; finish: Record<string, unknown> } {
  const results = choice.content_filter_results;
  if (!isRecord(results)) return { text: {}, finish: {} };
  const stopped = choice.finish_reason === 'content_filter';
  return { text: { content_filter_results: stopped ? {} : results }, finish: { content_filter_results: stopped ? results : {} } };
}

/** Azure's chunk of the prompt's filter results alone: the list, no choices. */
function isPromptResultsChunk(chunk: Record<string, unknown>): boolean {
  return Array.isArray(chunk.prompt_filter_results) && (!Array.isArray(chunk.choices) || chunk.choices.length === 0);
}

/** Whether a stream choice carries anything beyond filter annotations: a delta, text, a finish reason or logprobs. */
function carriesAnswer(choice: unknown): boolean {
  if (!isRecord(choice)) return true;
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) return true;
  if (choice.logprobs !== null && choice.logprobs !== undefined) return true;
  return isRecord(choice.delta) || (typeof choice.text === 'string' && choice.text !== '');
}

type Envelope = { id: unknown; created: unknown; model: unknown };

/**
 * A stream's normaliser (one per stream: it remembers the answer's envelope and the prompt's filter
 * results) that drops the choices carrying only annotations (a chunk left with none then carries
 * nothing and is skipped), gives a blank chunk the envelope of the answer's chunks before it, and
 * puts the prompt's results, from their own chunk (then skipped), on the next chunk with choices.
 */
export function createFilterAnnotationsNormaliser(): OpenAINormaliser {
  let envelope: Envelope | null = null;
  let promptResults: unknown;
  return (chunk) => {
    // Skipped as a chunk without choices; its results wait for the next chunk with some.
    if (isPromptResultsChunk(chunk)) {
      promptResults = chunk.prompt_filter_results;
      return chunk;
    }
    const choices = Array.isArray(chunk.choices) && !chunk.choices.every(carriesAnswer) ? chunk.choices.filter(carriesAnswer) : chunk.choices;
    const extra: Record<string, unknown> = {};
    if (promptResults !== undefined && Array.isArray(choices) && choices.length > 0) {
      extra.prompt_filter_results = promptResults;
      promptResults = undefined;
    }
    if (typeof chunk.id === 'string' && chunk.id !== '') envelope = { id: chunk.id, created: chunk.created, model: chunk.model };
    else if (chunk.id === '' && envelope !== null) return { ...chunk, ...envelope, ...extra, choices };
    return choices === chunk.choices && extra.prompt_filter_results === undefined ? chunk : { ...chunk, ...extra, choices };
  };
}
