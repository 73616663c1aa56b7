/**
 * What counts as an answer's text around Claude's thinking: text that is not blank. Anthropic refuses
 * a text block that is empty ("text content blocks must be non-empty") or only whitespace ("text
 * content blocks must contain non-whitespace text"), and Bedrock Converse one that is blank ("The text
 * field in the ContentBlock object at messages.N.content.M is blank"), so the request mappers leave such
 * text out. The places of an answer's thinking blocks (thinking-places.ts), the kept thinking's record
 * of whether the answer had text, and the turn a Responses input rebuilds count text by the same rule,
 * so that each block goes back where Claude wrote it among the blocks sent.
 */
import { isRecord } from './json';

/** Whether text is empty or only whitespace: no block in a request to Claude. */
export const isBlank = (text: string): boolean => text.trim() === '';

/** Whether a message's content becomes any block: text that is not blank, or a part other than text. */
export function hasText(content: unknown): boolean {
  if (typeof content === 'string') return !isBlank(content);
  return Array.isArray(content) && content.some((part) => !(isRecord(part) && part.type === 'text' && typeof part.text === 'string' && isBlank(part.text)));
}
