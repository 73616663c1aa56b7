/**
 * Content parts a vendor's API has no shape for, refused before the call. For vendors whose chat
 * bodies are built with OpenAI's mapper, which sends every part as it came, a part the vendor does
 * not take would otherwise reach it and be refused in its own words, naming no part.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';

/** 400 naming the first part whose type is in `refused`: `messages[i].content[j]: <provider> takes <taken>, not '<type>'.` */
export function refuseContentParts(messages: readonly ChatMessage[], refused: ReadonlySet<string>, options: { provider: string; taken: string }): void {
  messages.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content)) return;
    message.content.forEach((part: { type: string }, partIndex) => {
      if (!refused.has(part.type)) return;
      const param = `messages[${messageIndex}].content[${partIndex}]`;
      throw GatewayError.invalidParam(`${param}: ${options.provider} takes ${options.taken}, not ${quoted(part.type)}.`, param);
    });
  });
}
