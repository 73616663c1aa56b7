/**
 * Where each of Claude's thinking blocks was in its answer (Anthropic, Claude on Bedrock), so that the
 * turn goes back in the order Claude wrote it. With interleaved thinking (Claude 4 with tools, the
 * `interleaved-thinking-2025-05-14` beta, adaptive thinking) a block may come after the answer's text
 * or between its tool calls, and Claude checks the turn it gets back against what it answered ("Echo
 * the assistant message exactly as received",
 * https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows).
 *
 * A block's place is its `content_index`: how many of the turn's other blocks came before it, its
 * text counted as one block (the unified message joins it) once it is not blank (blank-text.ts: no
 * request carries blank text back) and each tool call as one. A block before all of them (the usual
 * place) has none, so such answers keep their shape.
 */
import type { ThinkingBlock } from '../../schema';
import { isBlank } from './blank-text';

/** Counts an answer's blocks other than thinking as they come, to place its thinking blocks among them. */
export class ThinkingPlaces {
  private before = 0;
  private textCounted = false;

  /** A text block, or a piece of one, came: the turn's text counts once, however many blocks it came in, from its first piece that is not blank. */
  text(piece: string): void {
    if (this.textCounted || isBlank(piece)) return;
    this.textCounted = true;
    this.before += 1;
  }

  /** A tool call came. */
  toolCall(): void {
    this.before += 1;
  }

  /** The place of a thinking block that comes now: 0 before every other block. */
  get current(): number {
    return this.before;
  }

  /** The block with its place (none when it comes first). */
  placed(block: ThinkingBlock): ThinkingBlock {
    return withPlace(block, this.before);
  }
}

/** A thinking block, or a stream's piece of one, with `content_index` when it is not first in its turn. */
export function withPlace<Block extends object>(block: Block, place: number): Block {
  return place === 0 ? block : { ...block, content_index: place };
}

/**
 * An assistant turn's content in its answer's order: each thinking block before the other block its
 * `content_index` names (after them all when it names none), the text's blocks kept together before
 * the tool calls. Thinking blocks keep their own order whatever their places say.
 */
export function inAnswerOrder<Block>(turn: { thinking: readonly { block: Block; place: number }[]; text: readonly Block[]; toolCalls: readonly Block[] }): Block[] {
  const others: (readonly Block[])[] = [...(turn.text.length > 0 ? [turn.text] : []), ...turn.toolCalls.map((block) => [block])];
  const content: Block[] = [];
  let next = 0;
  for (const { block, place } of turn.thinking) {
    for (; next < place && next < others.length; next += 1) content.push(...others[next]);
    content.push(block);
  }
  for (; next < others.length; next += 1) content.push(...others[next]);
  return content;
}

/**
 * Blocks that came together (one reasoning item of the Responses API), placed from `place` on, the place
 * where they are now among the turn's other blocks: a client may have dropped blocks their places
 * counted (the answer's message item). Blocks of one item keep their spacing, as the gateway once gave a
 * whole answer's blocks in one item, each with its place.
 */
export function placedFrom(blocks: readonly ThinkingBlock[], place: number): ThinkingBlock[] {
  const first = blocks.length > 0 ? placeOf(blocks[0]) : 0;
  return blocks.map((block) => movedTo(block, place + Math.max(0, placeOf(block) - first)));
}

/** An answer's blocks, placed counting its text, for its turn sent back without the text: those after the text one place earlier. */
export function placedWithoutText(blocks: readonly ThinkingBlock[]): ThinkingBlock[] {
  return blocks.map((block) => movedTo(block, Math.max(0, placeOf(block) - 1)));
}

function movedTo(block: ThinkingBlock, place: number): ThinkingBlock {
  const { content_index: _old, ...bare } = block;
  return withPlace(bare as ThinkingBlock, place);
}

/** Each of a message's thinking blocks' place (0 when it has none). */
export function placeOf(block: ThinkingBlock): number {
  return block.content_index ?? 0;
}
