/**
 * What a model refuses on Converse (families.ts, `converseRefuses`, from AWS's supported-features
 * table), refused before any call with a 400 naming the client's field: AWS's ValidationException
 * for it names the merged Converse turns, or nothing. Tools in a stream (`streamed-tools`) are not
 * refused: such a request is answered by Converse and replayed as a stream (whole-answer-stream.ts).
 */
import { GatewayError } from '../../../errors';
import type { ChatMessage, ChatRequest } from '../../../schema';
import type { BedrockFamily } from '../families';
import { providerLabel } from '../shared';

/** The index of the first system or developer message with text: blank ones are not sent. */
function firstSystemMessage(messages: readonly ChatMessage[]): number {
  return messages.findIndex(({ role, content }) => {
    if (role !== 'system' && role !== 'developer') return false;
    if (typeof content === 'string') return content.trim() !== '';
    return (content ?? []).some((part) => part.type !== 'text' || part.text.trim() !== '');
  });
}

/** The field of the first content part of a type (in `roles`' messages, or any), or null. */
function firstPart(messages: readonly ChatMessage[], type: 'image_url' | 'file', roles?: readonly string[]): string | null {
  for (const [index, { role, content }] of messages.entries()) {
    if (roles !== undefined && !roles.includes(role)) continue;
    const part = Array.isArray(content) ? content.findIndex((candidate) => candidate.type === type) : -1;
    if (part !== -1) return `messages[${index}].content[${part}]`;
  }
  return null;
}

/**
 * Throws the 400 for the first thing in the request the family's models refuse. `toolBlocks`: the
 * request lets the model call its tools (with `tool_choice: "none"` they are not sent).
 */
export function refuseWhatTheModelRefuses(request: ChatRequest, family: BedrockFamily, { toolBlocks }: { toolBlocks: boolean }): void {
  const refuses = family.converseRefuses;
  if (refuses.length === 0) return;
  const model = providerLabel(family);
  if (toolBlocks && refuses.includes('tools')) {
    throw GatewayError.invalidParam(`tools: ${model} takes no tools; send the request without them.`, 'tools');
  }
  const system = refuses.includes('system') ? firstSystemMessage(request.messages) : -1;
  if (system !== -1) {
    const param = `messages[${system}].role`;
    throw GatewayError.invalidParam(`${param}: ${model} takes no system prompt; put its instructions in a user message.`, param);
  }
  const image = refuses.includes('images') ? firstPart(request.messages, 'image_url') : null;
  if (image !== null) throw GatewayError.invalidParam(`${image}: ${model} reads no images.`, image);
  const document = refuses.includes('documents') ? firstPart(request.messages, 'file') : null;
  if (document !== null) throw GatewayError.invalidParam(`${document}: ${model} reads no documents.`, document);
  // Without tools a tool result goes as text, its images after it in the user turn (messages.ts).
  const toolImage = toolBlocks && refuses.includes('tool-result-images') ? firstPart(request.messages, 'image_url', ['tool']) : null;
  if (toolImage !== null) {
    throw GatewayError.invalidParam(`${toolImage}: ${model} reads no images in a tool result (Converse takes them for Claude and Amazon Nova); send the image in a user message.`, toolImage);
  }
}
