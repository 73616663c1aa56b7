/**
 * Mistral's rules for the order of a conversation's roles, checked before any call. Mistral's API
 * validates every chat request with its tokenizer library, mistral-common
 * (`src/mistral_common/protocol/instruct/validator.py`, MistralRequestValidator), and refuses a
 * conversation that breaks them with a 400 of its own after the call (`invalid_request_message_order`,
 * "Unexpected role 'user' after role 'tool'"), so a FALLBACK route stopped there. Its rules:
 * - after a system message comes a user, assistant or system message; after a user message an
 *   assistant, system or user message; after an assistant message an assistant, user or tool
 *   message; after a tool message only an assistant or tool message;
 * - a conversation of one message is a user or system message; a longer one ends with an assistant
 *   message only when it is marked `"prefix": true` (Mistral's prefill);
 * - the tool messages after an assistant message answer its tool calls, each once, all of them.
 * Consecutive user (or assistant) messages are taken as they are. The gateway neither merges nor
 * moves messages for Mistral (nothing in its reference does), so each rule broken is a 400 naming
 * the message. Roles are read as Mistral gets them (`developer` as `system`).
 */
import { quoted } from '../config/quoted';
import { GatewayError } from '../errors';
import type { ChatMessage } from '../schema';

/** The roles Mistral takes right after each role (mistral-common's _validate_message_order). */
const ROLES_AFTER: Readonly<Record<string, readonly string[]>> = {
  system: ['user', 'assistant', 'system'],
  user: ['assistant', 'system', 'user'],
  assistant: ['assistant', 'user', 'tool'],
  tool: ['assistant', 'tool'],
};

const orList = (roles: readonly string[]): string => `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;

const roleOf = (message: ChatMessage): string => (message.role === 'developer' ? 'system' : message.role);

function refused(param: string, rule: string): GatewayError {
  return GatewayError.invalidParam(`${param}: ${rule}`, param);
}

/** The order of roles and the last message (the first two rules above). */
function checkRoleOrder(messages: readonly ChatMessage[]): void {
  messages.forEach((message, index) => {
    if (index === 0) return;
    const previous = roleOf(messages[index - 1]);
    const role = roleOf(message);
    const allowed = ROLES_AFTER[previous];
    if (allowed !== undefined && ROLES_AFTER[role] !== undefined && !allowed.includes(role)) {
      throw refused(
        `messages[${index}].role`,
        `after a ${previous} message Mistral takes only ${orList(allowed)} messages, not a ${role} message ("Unexpected role '${role}' after role '${previous}'").`,
      );
    }
  });
  const lastIndex = messages.length - 1;
  const last = messages[lastIndex];
  const role = roleOf(last);
  if (messages.length === 1 && role !== 'user' && role !== 'system') {
    throw refused('messages[0].role', `Mistral takes a conversation of one message only as a user or system message, not ${quoted(last.role)}.`);
  }
  // Only an assistant message is refused last (mistral-common's _validate_last_message: a system message after a user's is taken).
  if (messages.length > 1 && role === 'assistant' && (last as { prefix?: unknown }).prefix !== true) {
    throw refused(
      `messages[${lastIndex}].role`,
      `Mistral answers a conversation that ends with a user or tool message, or with an assistant message marked "prefix": true for the model to continue, not with ${quoted(last.role)} ("Expected last role User or Tool (or Assistant with prefix True)").`,
    );
  }
}

/** Each assistant message's tool calls answered by the tool messages after it, each once (the third rule). */
function checkToolResults(messages: readonly ChatMessage[]): void {
  let calls = new Set<string>();
  let callsAt = -1;
  const answered = new Set<string>();
  const checkAllAnswered = (): void => {
    const unanswered = [...calls].find((id) => !answered.has(id));
    if (unanswered !== undefined) {
      throw refused(`messages[${callsAt}].tool_calls`, `Mistral needs a tool message answering each tool call before the conversation goes on; the call ${quoted(unanswered)} has none.`);
    }
  };
  messages.forEach((message, index) => {
    if (message.role === 'assistant') {
      checkAllAnswered();
      calls = new Set((message.tool_calls ?? []).map((call) => call.id));
      callsAt = index;
      answered.clear();
    } else if (message.role === 'tool') {
      const id = message.tool_call_id;
      if (typeof id !== 'string' || !calls.has(id) || answered.has(id)) {
        const why = typeof id === 'string' && answered.has(id) ? 'answers a call already answered' : 'matches no tool call of the assistant message before it';
        throw refused(`messages[${index}].tool_call_id`, `Mistral takes a tool message only as the answer to a tool call of the assistant message before it; ${quoted(String(id))} ${why}.`);
      }
      answered.add(id);
    }
  });
  checkAllAnswered();
}

/** A 400 naming the first message that breaks Mistral's order of roles, before any call. */
export function checkMistralMessageOrder(messages: readonly ChatMessage[]): void {
  if (messages.length === 0) return;
  checkRoleOrder(messages);
  checkToolResults(messages);
}
