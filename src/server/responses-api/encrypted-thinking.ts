/**
 * Claude's signed thinking in the Responses API, OpenAI's way: a reasoning item's `encrypted_content`
 * (https://platform.openai.com/docs/api-reference/responses/object, given when the request's `include`
 * has `reasoning.encrypted_content`) holds the answer's `thinking_blocks`, so that a client that sends
 * the output items back (`store: false`) gives Claude its thinking back with the turn, as Claude requires
 * during tool use (https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows).
 *
 * The text is a version prefix and the blocks' JSON in base64url: opaque to clients, not secret (the
 * client saw the thinking as the summary; Claude checks each block's signature). A kept response's
 * reasoning items always hold it, so that `previous_response_id` and `item_reference` give the blocks
 * back too; it is shown only when asked for. An `encrypted_content` without the prefix (OpenAI's own)
 * is left out, as the reasoning item always was: no chat request has a place for it.
 */
import { GatewayError } from '../../errors';
import { isRecord } from '../../providers/shared/json';
import { placeOf, withPlace } from '../../providers/shared/thinking-places';
import type { ResponsesOutputItem, ResponsesResponse, ThinkingBlock } from '../../schema';

const PREFIX = 'gw-thinking.v1.';

const INCLUDE_VALUE = 'reasoning.encrypted_content';

/** Whether an `include` (the request's, or a query's: one value or a list) asks for reasoning items' `encrypted_content`. */
export function includesEncryptedContent(include: unknown): boolean {
  return include === INCLUDE_VALUE || (Array.isArray(include) && include.includes(INCLUDE_VALUE));
}

/** The blocks as a reasoning item's `encrypted_content`. */
export function encryptedContentOf(blocks: readonly ThinkingBlock[]): string {
  return PREFIX + Buffer.from(JSON.stringify(blocks)).toString('base64url');
}

function isThinkingBlock(block: unknown): block is ThinkingBlock {
  if (!isRecord(block)) return false;
  if (block.content_index !== undefined && !(Number.isInteger(block.content_index) && (block.content_index as number) >= 0)) return false;
  if (block.type === 'thinking') return typeof block.thinking === 'string' && typeof block.signature === 'string';
  return block.type === 'redacted_thinking' && typeof block.data === 'string';
}

/** The blocks, with only their documented fields (what Claude gets back anyway), and their places in the turn. */
function decodedBlocks(text: string): ThinkingBlock[] | null {
  let blocks: unknown;
  try {
    blocks = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(blocks) || blocks.length === 0 || !blocks.every(isThinkingBlock)) return null;
  return blocks.map((block) =>
    withPlace(block.type === 'thinking' ? { type: 'thinking', thinking: block.thinking, signature: block.signature } : { type: 'redacted_thinking', data: block.data }, placeOf(block)),
  );
}

/**
 * The thinking blocks of a reasoning input item (`path` names it: `input[i]`): null when it has no
 * `encrypted_content` the gateway made; one with the gateway's prefix that does not decode is a 400.
 */
export function thinkingBlocksOf(item: { encrypted_content?: string | null }, path: string): ThinkingBlock[] | null {
  const text = item.encrypted_content;
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return null;
  const blocks = decodedBlocks(text);
  if (blocks === null) {
    throw GatewayError.invalidParam(
      `${path}.encrypted_content: is not as the gateway gave it (its thinking blocks do not decode); send the reasoning item back unchanged, or leave its encrypted_content out`,
      `${path}.encrypted_content`,
    );
  }
  return blocks;
}

/** The item without its `encrypted_content` (the same item when it has none). */
export function withoutEncryptedContent<Item extends ResponsesOutputItem>(item: Item): Item {
  if (item.type !== 'reasoning' || item.encrypted_content === undefined) return item;
  const { encrypted_content: _hidden, ...shown } = item;
  return shown as Item;
}

/** The Response as shown to a client that did not ask for `encrypted_content` (the same object when it has none). */
export function withoutEncryptedContents(response: ResponsesResponse): ResponsesResponse {
  if (!response.output.some((item) => item.type === 'reasoning' && item.encrypted_content !== undefined)) return response;
  return { ...response, output: response.output.map(withoutEncryptedContent) };
}
