/**
 * Claude's extended thinking through Converse, in the unified shape of the Anthropic provider
 * (../../anthropic/thinking.ts): `reasoning_content` and `thinking_blocks`.
 *
 * - Extended thinking on Bedrock: https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * - ReasoningContentBlock (`reasoningText {text, signature}` or `redactedContent` bytes):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlock.html
 * - ReasoningContentBlockDelta (`text`, `signature` or `redactedContent`, one per delta):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlockDelta.html
 *
 * Redacted thinking is bytes on Converse (base64 on the wire, decoded by the SDK); the unified
 * `data` is their base64, which is what Bedrock sent, and goes back as the same bytes.
 */
import type { ContentBlock, ReasoningContentBlockDelta } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../errors';
import type { ChatMessage, ThinkingBlock } from '../../../schema';
import { placeOf } from '../../shared/thinking-places';

function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** A reasoningContent answer block in the unified shape; null for any other block. */
export function fromConverseReasoningBlock(block: ContentBlock): ThinkingBlock | null {
  const reasoning = block.reasoningContent;
  if (reasoning?.redactedContent !== undefined) return { type: 'redacted_thinking', data: base64Of(reasoning.redactedContent) };
  if (reasoning?.reasoningText !== undefined) return { type: 'thinking', thinking: reasoning.reasoningText.text ?? '', signature: reasoning.reasoningText.signature ?? '' };
  return null;
}

/** Decodes a redacted block's data; data that is not canonical base64 would reach Bedrock altered, so it is a 400. */
function redactedBytes(data: string, param: string): Uint8Array {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.toString('base64') !== data) {
    throw GatewayError.invalidParam(`${param}: must be the base64 data of a redacted_thinking block as Amazon Bedrock answered it.`, param);
  }
  return new Uint8Array(bytes);
}

/**
 * An assistant message's `thinking_blocks` as Converse reasoningContent blocks, each with its place in
 * that turn (first, unless interleaved: ../../shared/thinking-places.ts): during tool use Claude
 * requires the turn back with its thinking unchanged. `reasoning_content` is the readable copy of the
 * same blocks and is not sent.
 */
export function toConverseReasoningBlocks(message: ChatMessage, param: string): { block: ContentBlock; place: number }[] {
  return (message.thinking_blocks ?? []).map((block, index) => ({
    block:
      block.type === 'thinking'
        ? { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } }
        : { reasoningContent: { redactedContent: redactedBytes(block.data, `${param}.thinking_blocks[${index}].data`) } },
    place: placeOf(block),
  }));
}

/** What one reasoningContent stream delta adds: a text piece, the block's signature, or redacted bytes. */
export type ReasoningStep = { kind: 'text'; text: string } | { kind: 'signature'; signature: string } | { kind: 'redacted'; bytes: Uint8Array } | null;

export function readReasoningDelta(delta: ReasoningContentBlockDelta): ReasoningStep {
  if (delta.text) return { kind: 'text', text: delta.text };
  if (delta.signature) return { kind: 'signature', signature: delta.signature };
  if (delta.redactedContent !== undefined) return { kind: 'redacted', bytes: delta.redactedContent };
  return null;
}

/**
 * Collects a redacted block's bytes by content block index until its `contentBlockStop`: a delta
 * may carry part of them, and base64 pieces of parts would not join into the block's data.
 */
export function createRedactedBuffer() {
  const parts = new Map<number, Uint8Array[]>();
  return {
    add(index: number, bytes: Uint8Array): void {
      const list = parts.get(index);
      if (list) list.push(bytes);
      else parts.set(index, [bytes]);
    },
    /** The block's data once it stopped; null when the block was not a redacted one. */
    take(index: number): string | null {
      const list = parts.get(index);
      if (list === undefined) return null;
      parts.delete(index);
      return Buffer.concat(list).toString('base64');
    },
  };
}
