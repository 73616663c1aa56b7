/**
 * What the Anthropic Messages API and Bedrock Converse refuse of blank text (empty, or only whitespace),
 * in their words, for the fakes of the blank-text tests. Anthropic: a blank text block in `system` (as
 * blocks or as the string) or in a message ("text content blocks must be non-empty", "… must contain
 * non-whitespace text"), a message without content but the last assistant one, and a last assistant
 * content ending with whitespace. Converse: empty system text (its minimum length is 1), whitespace
 * system text (Claude's refusal, passed on), an empty turn and a blank text block. Sources:
 * test/fixtures/anthropic/README.md and test/fixtures/bedrock/README.md, "Blank text".
 */
import type { BedrockReply } from './fake-bedrock';

export type Block = { type?: string; text?: unknown };
export type Turn = { role: string; content: string | Block[] };

const isBlank = (text: string): boolean => text.trim() === '';
const isBlankText = (block: Block): boolean => typeof block.text === 'string' && isBlank(block.text);
const anthropicRule = (text: string): string => (text === '' ? 'text content blocks must be non-empty' : 'text content blocks must contain non-whitespace text');

/** Anthropic's refusal of the request's system and messages, or null. */
export function anthropicBlankTextRefusal({ system, messages }: { system?: string | Block[]; messages: readonly Turn[] }): string | null {
  const systemTexts = system === undefined ? [] : typeof system === 'string' ? [system] : system.map((block) => String(block.text ?? ''));
  const blankSystem = systemTexts.find(isBlank);
  if (blankSystem !== undefined) return `system: ${anthropicRule(blankSystem)}`;
  for (const [index, message] of messages.entries()) {
    const last = index === messages.length - 1 && message.role === 'assistant';
    const blocks: Block[] = typeof message.content === 'string' ? (message.content === '' ? [] : [{ type: 'text', text: message.content }]) : message.content;
    if (blocks.length === 0 && !last) return `messages.${index}: all messages must have non-empty content except for the optional final assistant message`;
    const blank = blocks.findIndex((block) => block.type === 'text' && isBlankText(block));
    if (blank !== -1) return `messages.${index}.content.${blank}: ${anthropicRule(String(blocks[blank].text))}`;
    const lastText = blocks.at(-1)?.text;
    if (last && typeof lastText === 'string' && /\s$/u.test(lastText)) return 'messages: final assistant content cannot end with trailing whitespace';
  }
  return null;
}

/** Anthropic's 400 body for `message`. */
export const anthropicRefusalBody = (message: string) => ({ type: 'error', error: { type: 'invalid_request_error', message } });

const validation = (message: string): BedrockReply => ({ error: { status: 400, type: 'ValidationException', message } });

/** Converse's refusal of the request's system and messages, or null. */
export function converseBlankTextRefusal({ system = [], messages }: { system?: { text?: string }[]; messages: readonly { content: Block[] }[] }): BedrockReply | null {
  for (const [index, block] of system.entries()) {
    if (block.text === '') return validation(`1 validation error detected: Value '' at 'system.${index + 1}.member.text' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    if (block.text !== undefined && isBlank(block.text)) return validation('The model returned the following errors: system: text content blocks must contain non-whitespace text');
  }
  for (const [index, message] of messages.entries()) {
    if (message.content.length === 0) return validation(`The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`);
    const blank = message.content.findIndex(isBlankText);
    if (blank !== -1) return validation(`The text field in the ContentBlock object at messages.${index}.content.${blank} is blank. Add text to the text field, and try again.`);
  }
  return null;
}
