/**
 * Azure OpenAI's content filter annotations in a stream
 * (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-streaming). In the
 * asynchronous filter mode, Azure sends chunks that only annotate text already sent: their choices
 * carry `content_filter_results` and `content_filter_offsets` but no delta (legacy completions: an
 * empty `text`) and no finish reason, and their envelope is blank (`id: ""`, `model: ""`,
 * `created: 0`), one of them even after the choice's finish. When the filter stops the answer, the
 * finish reason `content_filter` comes on such a blank chunk. Passed on as they are, a client would
 * get empty chunks after the finish and an answer whose id and model change mid-stream.
 */
import { isRecord } from '../shared/json';
import type { OpenAINormaliser } from './response';

/** Whether a stream choice carries anything beyond filter annotations: a delta, text, a finish reason or logprobs. */
function carriesAnswer(choice: unknown): boolean {
  if (!isRecord(choice)) return true;
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) return true;
  if (choice.logprobs !== null && choice.logprobs !== undefined) return true;
  return isRecord(choice.delta) || (typeof choice.text === 'string' && choice.text !== '');
}

type Envelope = { id: unknown; created: unknown; model: unknown };

/**
 * A stream's normaliser (one per stream: it remembers the answer's envelope) that drops the choices
 * carrying only annotations (a chunk left with none then carries nothing and is skipped) and gives
 * a blank chunk the envelope of the answer's chunks before it.
 */
export function createFilterAnnotationsNormaliser(): OpenAINormaliser {
  let envelope: Envelope | null = null;
  return (chunk) => {
    const choices = Array.isArray(chunk.choices) && !chunk.choices.every(carriesAnswer) ? chunk.choices.filter(carriesAnswer) : chunk.choices;
    if (typeof chunk.id === 'string' && chunk.id !== '') envelope = { id: chunk.id, created: chunk.created, model: chunk.model };
    else if (chunk.id === '' && envelope !== null) return { ...chunk, ...envelope, choices };
    return choices === chunk.choices ? chunk : { ...chunk, choices };
  };
}
