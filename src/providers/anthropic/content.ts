/**
 * OpenAI-shaped content parts → Anthropic content blocks (text, image, document), with the
 * prompt-caching breakpoints clients put on parts and messages.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage, ContentPart } from '../../schema';
import { withoutBlankParts } from '../shared/blank-text';
import { readFileData, type FilePart } from '../shared/file-parts';
import { base64DataUrl, dataUrlFault, standardMediaType } from '../shared/media-types';
import type { AnthropicCacheControl, AnthropicContentBlock, AnthropicDocumentBlock, AnthropicImageBlock, AnthropicMessage, AnthropicRequestBlock } from './wire';

/** A 400 naming `param`, for the refusals of the Anthropic request mappers (content, messages, tools, request). */
export function invalid(param: string, message: string): GatewayError {
  return GatewayError.invalidParam(message, param);
}

/**
 * The image types Anthropic takes (https://docs.claude.com/en/docs/build-with-claude/vision): any
 * other is its 400 after the call, naming its own block ("messages.36.content.2.image.source.base64.media_type:
 * Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"), not the client's part.
 */
const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function toImageBlock(url: string, path: string): AnthropicImageBlock {
  const data = base64DataUrl(url);
  if (data) {
    const mediaType = standardMediaType(data.mediaType);
    if (!IMAGE_MEDIA_TYPES.has(mediaType)) {
      throw invalid(`${path}.image_url.url`, `${path}.image_url.url: Anthropic takes JPEG, PNG, GIF or WebP images (image/jpeg, image/png, image/gif, image/webp), not ${quoted(data.mediaType)}.`);
    }
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data: data.base64 } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw invalid(`${path}.image_url.url`, `${path}.image_url.url: Anthropic takes images as http(s) URLs or base64 data URLs (data:image/png;base64,...)${dataUrlFault(url)}.`);
}

/**
 * OpenAI's `file` part as a document block: a PDF as it came, plain text decoded (Anthropic takes
 * its text source as text); the file name is the document's `title`.
 */
function toDocumentBlock(part: FilePart, path: string): AnthropicDocumentBlock {
  const { mediaType, base64, filename } = readFileData(part, path, 'Anthropic');
  const title = filename !== undefined ? { title: filename } : {};
  if (mediaType === 'application/pdf') return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: base64 }, ...title };
  if (mediaType === 'text/plain') return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: Buffer.from(base64, 'base64').toString('utf8') }, ...title };
  throw invalid(`${path}.file.file_data`, `${path}.file.file_data: Anthropic takes PDF (application/pdf) or plain-text (text/plain) files, not ${quoted(mediaType)}.`);
}

/** Where a part appears: user and tool messages may carry images and documents, system and assistant ones only text. */
export type PartContext = 'user' | 'tool' | 'system' | 'assistant';

/**
 * A prompt-caching breakpoint the client put on a part or a tool (LiteLLM's convention: Anthropic's
 * own `cache_control`, on the OpenAI-shaped object) goes on the block it becomes, for Anthropic to
 * judge (https://docs.claude.com/en/docs/build-with-claude/prompt-caching).
 */
export function withCacheControl<Block extends object>(block: Block, source: object): Block & { cache_control?: AnthropicCacheControl } {
  const { cache_control: cacheControl } = source as { cache_control?: AnthropicCacheControl };
  return cacheControl === undefined ? block : { ...block, cache_control: cacheControl };
}

function toContentBlock(part: ContentPart, path: string, context: PartContext): AnthropicContentBlock {
  if (part.type === 'text') return withCacheControl({ type: 'text', text: part.text }, part);
  if ((part.type === 'image_url' || part.type === 'file') && context !== 'user' && context !== 'tool') {
    throw invalid(`${path}.type`, `${path}: Anthropic accepts only text parts in ${context} messages.`);
  }
  if (part.type === 'image_url') return withCacheControl(toImageBlock(part.image_url.url, path), part);
  if (part.type === 'file') return withCacheControl(toDocumentBlock(part, path), part);
  throw invalid(`${path}.type`, `${path}: content parts of type ${quoted(part.type)} are not supported by Anthropic.`);
}

export function toContentBlocks(parts: ContentPart[], path: string, context: PartContext): AnthropicContentBlock[] {
  return parts.map((part, index) => toContentBlock(part, `${path}[${index}]`, context));
}

/**
 * Parts as blocks without their blank text, which Anthropic refuses ("text content blocks must be
 * non-empty", "… must contain non-whitespace text") and which carries nothing; a blank part's
 * cache_control follows the block before it (../shared/blank-text.ts, as on Bedrock Converse).
 */
export function toNonBlankContentBlocks(parts: ContentPart[], path: string, context: PartContext): AnthropicContentBlock[] {
  return withoutBlankParts(parts, path, true).map(({ part, index }) => toContentBlock(part, `${path}[${index}]`, context));
}

/**
 * Anthropic takes no `cache_control` on a thinking or redacted_thinking block ("Thinking blocks cannot
 * be explicitly marked with cache_control",
 * https://docs.claude.com/en/docs/build-with-claude/prompt-caching#caching-with-thinking-blocks).
 */
function mayCarryCacheControl(block: object): boolean {
  const { type } = block as { type?: unknown };
  return type !== 'thinking' && type !== 'redacted_thinking';
}

/**
 * A breakpoint on the message itself (LiteLLM's convention, also LangChain's and OpenRouter's) goes on
 * the last block the message becomes that may carry one, unless that block has one of its own (an
 * interleaved thinking block may come last: thinking-places.ts); string content becomes one text
 * block to carry it. A message of thinking blocks alone has none, a 400 as on Bedrock.
 */
export function withMessageCacheControl<Block extends object>(blocks: readonly Block[], message: ChatMessage, path: string): Block[] {
  const { cache_control: cacheControl } = message as { cache_control?: AnthropicCacheControl };
  if (cacheControl === undefined) return [...blocks];
  if (blocks.length === 0) throw invalid(`${path}.cache_control`, `${path}.cache_control: the message has no content for the cache breakpoint to follow.`);
  let target = blocks.length - 1;
  while (target >= 0 && !mayCarryCacheControl(blocks[target])) target -= 1;
  if (target < 0) {
    throw invalid(
      `${path}.cache_control`,
      `${path}.cache_control: Anthropic takes no cache_control on thinking blocks, and this message has only thinking_blocks for it to go on; give the message text or tool calls, or move cache_control to another message.`,
    );
  }
  if ('cache_control' in blocks[target]) return [...blocks];
  return blocks.map((block, index) => (index === target ? { ...block, cache_control: cacheControl } : block));
}

/** Content as Anthropic takes it: the string as sent, or blocks once the message carries a breakpoint. */
export function withMessageCacheControlOn(content: AnthropicMessage['content'], message: ChatMessage, path: string): AnthropicMessage['content'] {
  if ((message as { cache_control?: unknown }).cache_control === undefined) return content;
  const blocks: AnthropicRequestBlock[] = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
  return withMessageCacheControl(blocks, message, path);
}
