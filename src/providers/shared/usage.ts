/**
 * Usage details of vendors that count prompt caching in fields of their own (Anthropic, Amazon
 * Bedrock Converse), in OpenAI's `prompt_tokens_details` shape.
 */
import type { PromptTokensDetails } from '../../schema';

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
