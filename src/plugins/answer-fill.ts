/**
 * What the gateway completes in a plugin's answers and stream chunks before they are checked and
 * counted, so that a plugin written the way vendors answer still works:
 *
 * - `usage.total_tokens` when the plugin left it out (or null) but gave the counts it adds up to:
 *   token limits, the audit line and the token metrics read `total_tokens`, and many vendors report
 *   only input and output counts. Without it, a plugin endpoint's `limit.tokens` was never reached.
 */
import { isRecord } from '../providers/shared/json';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** `usage` with `total_tokens` added up from its other counts, when it had none and they are there. */
export function usageWithTotal(usage: unknown): unknown {
  if (!isRecord(usage) || (usage.total_tokens !== undefined && usage.total_tokens !== null)) return usage;
  const { prompt_tokens: prompt, completion_tokens: completion } = usage;
  if (!isCount(prompt)) return usage;
  // Embeddings have no completion: their total is the prompt, as OpenAI reports it.
  if (completion === undefined) return { ...usage, total_tokens: prompt };
  return isCount(completion) ? { ...usage, total_tokens: prompt + completion } : usage;
}

/** An answer or chunk with its usage's total filled in (the same object when there is nothing to fill). */
export function withUsageTotal(answer: unknown): unknown {
  if (!isRecord(answer) || !isRecord(answer.usage)) return answer;
  const usage = usageWithTotal(answer.usage);
  return usage === answer.usage ? answer : { ...answer, usage };
}

/** A plugin's stream with the fills above applied to each chunk. */
export async function* filledChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  for await (const chunk of chunks) yield withUsageTotal(chunk);
}
