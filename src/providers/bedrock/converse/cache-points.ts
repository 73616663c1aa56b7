/**
 * Prompt caching on Converse (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html):
 * a `cachePoint` block closes the prefix to cache, right after the system block, content block or
 * tool it follows. Clients ask for one as LiteLLM's do: Anthropic's `cache_control` on the
 * OpenAI-shaped part or tool (as the Anthropic provider takes it); its `ttl` goes along for AWS to judge.
 */
import type { CachePointBlock, CacheTTL } from '@aws-sdk/client-bedrock-runtime';

/** The cache point a part or tool asks for with its `cache_control`, or undefined. */
function requestedCachePoint(source: object): CachePointBlock | undefined {
  const { cache_control: cacheControl } = source as { cache_control?: { ttl?: unknown } | null };
  if (cacheControl === undefined || cacheControl === null) return undefined;
  return typeof cacheControl.ttl === 'string' ? { type: 'default', ttl: cacheControl.ttl as CacheTTL } : { type: 'default' };
}

/** `item`, followed by the cache point `source` asks for when the model caches. */
export function withCachePoint<Block>(item: Block, source: object, cachePoints: boolean, asBlock: (cachePoint: CachePointBlock) => Block): Block[] {
  const cachePoint = cachePoints ? requestedCachePoint(source) : undefined;
  return cachePoint === undefined ? [item] : [item, asBlock(cachePoint)];
}
