/**
 * What counts as an answer's text around Claude's thinking: text that is not blank. Anthropic refuses
 * a text block that is empty ("text content blocks must be non-empty") or only whitespace ("text
 * content blocks must contain non-whitespace text"), and Bedrock Converse one that is blank ("The text
 * field in the ContentBlock object at messages.N.content.M is blank"), so the request mappers leave such
 * text out. The places of an answer's thinking blocks (thinking-places.ts), the kept thinking's record
 * of whether the answer had text, and the turn a Responses input rebuilds count text by the same rule,
 * so that each block goes back where Claude wrote it among the blocks sent.
 *
 * An assistant message with nothing but blank text (a turn where the model said nothing, after a
 * max_tokens cut or a refusal, sent back by a chat client) has no block then. Both vendors refuse a
 * message without content (Anthropic: "all messages must have non-empty content except for the optional
 * final assistant message"; Converse: "The content field in the Message object at messages.N is empty"),
 * so both mappers answer such a message with the same 400 (emptyMessageRefusal), rather than join the user
 * turns around it, unless it is part of the last turn (blankLastTurn).
 *
 * A blank text part beside other content carries nothing either, and Anthropic refuses it as Converse
 * does, in a user or system message as in an assistant turn ("system: text content blocks must be
 * non-empty"; Converse's system text must not be empty), so both mappers leave it out (withoutBlankParts).
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage } from '../../schema';
import { isRecord } from './json';

/** Whether text is empty or only whitespace: no block in a request to Claude. */
export const isBlank = (text: string): boolean => text.trim() === '';

/**
 * Claude refuses a stop sequence that is empty ("stop_sequences: each stop sequence must be
 * non-empty") or only whitespace ("... must contain non-whitespace"), on Anthropic's API and on
 * Bedrock alike, naming `stop_sequences`, which the client never sent, while completions clients
 * often stop at a line's end (`stop: ["\n"]`). So such a `stop` is a 400 naming it before any call
 * (a FALLBACK route then moves on). The param is `stop` (an endpoint default is reported there).
 */
export function refuseBlankStopSequences(stop: unknown, provider: string): void {
  const sequences: unknown[] = typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : [];
  const position = sequences.findIndex((sequence) => typeof sequence === 'string' && isBlank(sequence));
  if (position === -1) return;
  const where = typeof stop === 'string' ? 'stop' : `stop[${position}]`;
  throw GatewayError.invalidParam(`${where}: ${provider} refuses a stop sequence that is empty or only whitespace (${quotedJson(sequences[position])}).`, 'stop');
}

/** Whether a message's content becomes any block: text that is not blank, or a part other than text. */
export function hasText(content: unknown): boolean {
  if (typeof content === 'string') return !isBlank(content);
  return Array.isArray(content) && content.some((part) => !(isRecord(part) && part.type === 'text' && typeof part.text === 'string' && isBlank(part.text)));
}

const hasCacheControl = (value: object): boolean => (value as { cache_control?: unknown }).cache_control != null;

/** An assistant message of blank text alone: no tool calls, no thinking blocks, no cache breakpoint on it or its parts. */
function isBlankAssistantMessage(message: ChatMessage): boolean {
  if (message.role !== 'assistant' || (message.tool_calls?.length ?? 0) > 0 || (message.thinking_blocks?.length ?? 0) > 0 || hasCacheControl(message)) return false;
  const { content } = message;
  if (typeof content === 'string') return isBlank(content);
  return Array.isArray(content) && content.every((part) => part.type === 'text' && isBlank(part.text) && !hasCacheControl(part));
}

/**
 * The indexes of the messages that make a last assistant turn of blank text alone (system messages
 * between them aside). That turn would be a prefill of nothing: Anthropic takes an empty last one (the
 * "optional final assistant message" of its rule above) but refuses whitespace there ("final assistant
 * content cannot end with trailing whitespace") and a blank text block, and Converse refuses the empty
 * turn; so both mappers leave it out, and the model answers the conversation before it.
 */
export function blankLastTurn(messages: readonly ChatMessage[]): ReadonlySet<number> {
  const indexes = new Set<number>();
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message.role === 'system' || message.role === 'developer') continue;
    if (!isBlankAssistantMessage(message)) break;
    indexes.add(index);
  }
  return indexes;
}

type Part = { type: string; text?: unknown; cache_control?: unknown };

const isBlankPart = (part: Part): boolean => part.type === 'text' && typeof part.text === 'string' && isBlank(part.text);

/**
 * A message's parts without blank text, each with its index among the client's parts (to name it).
 * With `breakpoints` (the provider caches prompts), a blank part's `cache_control` goes on the part
 * kept before it, unless that part has its own: the prefix the client meant to cache ends there, the
 * blank text adding nothing. As the message's first part it has nothing to follow: a 400 naming it,
 * rather than dropping a breakpoint the client set. `param` names the content.
 */
export function withoutBlankParts<P extends Part>(parts: readonly P[], param: string, breakpoints: boolean): { part: P; index: number }[] {
  const kept: { part: P; index: number }[] = [];
  parts.forEach((part, index) => {
    if (!isBlankPart(part)) {
      kept.push({ part, index });
      return;
    }
    if (!breakpoints || part.cache_control == null) return;
    const previous = kept.at(-1);
    if (previous === undefined) {
      const field = `${param}[${index}].cache_control`;
      throw GatewayError.invalidParam(
        `${field}: a text part that is empty or only whitespace is left out, and as its message's first part its cache breakpoint has no block before it to follow; put cache_control on the part or message that ends the prefix to cache.`,
        field,
      );
    }
    if (previous.part.cache_control == null) kept[kept.length - 1] = { ...previous, part: { ...previous.part, cache_control: part.cache_control } };
  });
  return kept;
}

/** The 400 for a message that begins a turn with no content: `provider` refuses it, and the gateway makes up no text for it. */
export function emptyMessageRefusal(provider: string, index: number, role: string): GatewayError {
  const param = `messages[${index}].content`;
  const rule = role === 'assistant' ? 'an assistant message needs text other than whitespace, or tool_calls' : 'a user message needs text other than whitespace, or another part';
  return GatewayError.invalidParam(`${param}: ${provider} refuses a message with no content (${rule}); leave the message out or give it content.`, param);
}
