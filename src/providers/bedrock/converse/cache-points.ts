/**
 * Prompt caching on Converse (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html):
 * a `cachePoint` block closes the prefix to cache, right after the system block, content block or
 * tool it follows. Clients ask for one as LiteLLM's do: Anthropic's `cache_control` on the
 * OpenAI-shaped part or tool (as the Anthropic provider takes it), or on a message for its last
 * block; its `ttl` goes along for AWS to judge.
 */
import type { CachePointBlock, CacheTTL, ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../errors';

/** The cache point a part or tool asks for with its `cache_control`, or undefined. */
function requestedCachePoint(source: object): CachePointBlock | undefined {
  const { cache_control: cacheControl } = source as { cache_control?: { ttl?: unknown } | null };
  if (cacheControl === undefined || cacheControl === null) return undefined;
  return typeof cacheControl.ttl === 'string' ? { type: 'default', ttl: cacheControl.ttl as CacheTTL } : { type: 'default' };
}

/** The cache point `source` asks for when the model caches, as a block: one or none. */
function cachePointOf<Block>(source: object, cachePoints: boolean, asBlock: (cachePoint: CachePointBlock) => Block): Block[] {
  const cachePoint = cachePoints ? requestedCachePoint(source) : undefined;
  return cachePoint === undefined ? [] : [asBlock(cachePoint)];
}

/** `item`, followed by the cache point `source` asks for when the model caches. */
export function withCachePoint<Block>(item: Block, source: object, cachePoints: boolean, asBlock: (cachePoint: CachePointBlock) => Block): Block[] {
  return [item, ...cachePointOf(source, cachePoints, asBlock)];
}

/** A block of a message: its cache point, or Claude's reasoning (which Bedrock takes no cache point after). */
type MessageBlock = { cachePoint?: CachePointBlock; reasoningContent?: unknown };

/**
 * A message's own `cache_control`: a cache point after the last block the message becomes, unless
 * a part's cache point already closes it. `param` names the message in the 400 for one with no block,
 * or one whose last block is reasoning: Bedrock refuses a cache point right after a reasoningContent
 * block ("Cache point cannot be inserted after reasoning block"), and an assistant message's thinking
 * goes first in it, so only a message of thinking_blocks alone ends in one; caching another prefix
 * than the client's would bill otherwise than it asked.
 */
export function withMessageCachePoint<Block extends MessageBlock>(blocks: Block[], message: object, cachePoints: boolean, param: string): Block[] {
  const last = blocks.at(-1);
  const asked = cachePoints && requestedCachePoint(message) !== undefined;
  if (last === undefined) {
    if (asked) throw GatewayError.invalidParam(`${param}.cache_control: the message has no content for the cache point to follow.`, `${param}.cache_control`);
    return blocks;
  }
  if (last.cachePoint !== undefined) return blocks;
  if (asked && last.reasoningContent !== undefined) {
    throw GatewayError.invalidParam(
      `${param}.cache_control: Amazon Bedrock takes no cache point right after a reasoning block, and this message's last block is one of its thinking_blocks (it has no text or tool call after it); move cache_control to another message.`,
      `${param}.cache_control`,
    );
  }
  return [...blocks.slice(0, -1), ...withCachePoint(last, message, cachePoints, (cachePoint) => ({ cachePoint }) as Block)];
}

/** The most cache points Bedrock takes in one request: 4 on every model with prompt caching, Claude and Nova (the guide's table of supported models and limits). */
export const MAX_CACHE_POINTS = 4;

const cachePointsIn = (blocks: readonly { cachePoint?: CachePointBlock }[] | undefined): number => (blocks ?? []).filter((block) => block.cachePoint !== undefined).length;

/**
 * A 400 before the call when the request's `cache_control`s make more cache points than Bedrock
 * takes, counted where Converse reads them (tools, system and messages together): AWS refuses such
 * a request whole, and dropping some would cache another prefix than the client chose.
 */
export function refuseTooManyCachePoints(body: Pick<ConverseCommandInput, 'system' | 'messages' | 'toolConfig'>, label: string): void {
  const inMessages = (body.messages ?? []).reduce((sum, message) => sum + cachePointsIn(message.content), 0);
  const count = cachePointsIn(body.system) + inMessages + cachePointsIn(body.toolConfig?.tools);
  if (count > MAX_CACHE_POINTS) {
    throw GatewayError.invalidParam(
      `cache_control: ${label} takes at most ${MAX_CACHE_POINTS} cache points in a request (on tools, system and messages together), and this request asks for ${count}.`,
      null,
    );
  }
}
