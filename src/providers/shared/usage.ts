/**
 * Usage helpers: a usage's total by one rule for everything that counts tokens, and the usage
 * details of vendors that count prompt caching in fields of their own (Anthropic, Amazon Bedrock
 * Converse), in OpenAI's `prompt_tokens_details` shape.
 */
import type { PromptTokensDetails } from '../../schema';
import { isRecord } from './json';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * A usage's total tokens, as token limits, the audit line and the token metrics read it and as
 * plugin and OpenAI-shaped answers are filled with it: `total_tokens` when reported (null when it is not a finite number of 0 or more), else the counts it adds up
 * to, which some OpenAI-compatible servers and plugins report alone: `prompt_tokens` plus
 * `completion_tokens`, or `prompt_tokens` alone for a usage without `completion_tokens` (embeddings,
 * whose total OpenAI reports as the prompt's). Null when there is nothing to add up.
 */
export function usageTotal(usage: unknown): number | null {
  if (!isRecord(usage)) return null;
  const { total_tokens: total, prompt_tokens: prompt, completion_tokens: completion } = usage;
  if (total !== undefined && total !== null) return isCount(total) ? total : null;
  if (!isCount(prompt)) return null;
  if (completion === undefined) return prompt;
  return isCount(completion) ? prompt + completion : null;
}

/**
 * `usageTotal` for a chat or completions usage: a usage without `completion_tokens` is partial (the
 * prompt's, sent first in a stream), not a total, so it is null then. Shared by OpenAI-shaped
 * answers and plugins' so that both fill a missing total by one rule.
 */
export function generatedUsageTotal(usage: unknown): number | null {
  if (!isRecord(usage)) return null;
  if ((usage.total_tokens === undefined || usage.total_tokens === null) && (usage.completion_tokens === undefined || usage.completion_tokens === null)) return null;
  return usageTotal(usage);
}

/**
 * The total of a vendor usage that left it out: `prompt + completion` when both counts are there,
 * else null (a usage with the prompt alone is partial, not a total). Called only when the total is
 * missing (`reported ?? addedUp(…)`), so a usage with its total costs nothing.
 */
export function addedUp(prompt: number | null, completion: number | null): number | null {
  return prompt !== null && completion !== null ? prompt + completion : null;
}

/**
 * `cached_tokens` (cache reads) and `cache_creation_tokens` (cache writes, LiteLLM's name) for the
 * counts the vendor reported; undefined when it reported neither, so answers without them keep
 * OpenAI's exact shape.
 */
export function promptCacheDetails(cacheRead: number | null | undefined, cacheWrite: number | null | undefined): PromptTokensDetails | undefined {
  const readReported = typeof cacheRead === 'number';
  const writeReported = typeof cacheWrite === 'number';
  if (!readReported && !writeReported) return undefined;
  const details: PromptTokensDetails = {};
  if (readReported) details.cached_tokens = cacheRead;
  if (writeReported) details.cache_creation_tokens = cacheWrite;
  return details;
}
