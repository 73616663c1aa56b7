/**
 * What Anthropic refuses in a user message the client wrote: no content ("all messages must have
 * non-empty content except for the optional final assistant message"), and text that is empty or only
 * whitespace ("text content blocks must be non-empty", "text content blocks must contain non-whitespace
 * text"). Such a message is a 400 naming its field before any call, as on Amazon Bedrock, rather than
 * Anthropic's error about a block the client never named. (An assistant turn's blank text is the
 * model's, and is left out of the turn: messages.ts.)
 */
import type { ChatMessage } from '../../schema';
import { isBlank } from '../shared/blank-text';
import { invalid } from './content';

const EMPTY_MESSAGE = 'Anthropic refuses a user message with no content or only text that is empty or whitespace; give it text, or leave the message out.';
const BLANK_PART = 'Anthropic refuses a text part that is empty or only whitespace; give it text, or leave the part out.';

/** Refuses the first user message with no content, or with a text (or text part) that is blank. */
export function checkAnthropicUserText(messages: readonly ChatMessage[]): void {
  messages.forEach((message, index) => {
    const { role, content } = message;
    const path = `messages[${index}].content`;
    // null and undefined: messages.ts refuses them as a missing content.
    if (role !== 'user' || content === null || content === undefined) return;
    if (typeof content === 'string' ? isBlank(content) : content.length === 0) throw invalid(path, `${path}: ${EMPTY_MESSAGE}`);
    if (typeof content === 'string') return;
    const blank = content.findIndex((part) => part.type === 'text' && isBlank(part.text));
    if (blank !== -1) throw invalid(`${path}[${blank}].text`, `${path}[${blank}].text: ${BLANK_PART}`);
  });
}
