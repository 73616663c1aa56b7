/**
 * Unified chat messages → Anthropic's top-level `system` and its user/assistant turns: tool calls and
 * results as tool_use / tool_result blocks, thinking blocks back in answer order, and the message
 * fields Anthropic cannot carry refused (see index.ts for the mapping and its references).
 */
import { quoted } from '../../config/quoted';
import type { ChatMessage, ToolCall } from '../../schema';
import { blankLastTurn, emptyMessageRefusal, hasText, isBlank } from '../shared/blank-text';
import { isRecord, ownValue } from '../shared/json';
import { inAnswerOrder } from '../shared/thinking-places';
import { strictToolCallId } from '../shared/tool-call-ids';
import { refuseToolCallsWithoutResults, refuseToolResultsWithoutCalls, TOOL_CALL_RULES, TOOL_RESULT_RULES } from '../shared/tool-results';
import { invalid, toContentBlocks, toNonBlankContentBlocks, withMessageCacheControl, withMessageCacheControlOn } from './content';
import { toAnthropicThinkingBlocks } from './thinking';
import type { AnthropicMessage, AnthropicRequestBlock, AnthropicTextBlock, AnthropicToolResultBlock, AnthropicToolUseBlock } from './wire';

/**
 * Text blocks of a system message, parts all text; blank text is no block, as Anthropic refuses one
 * in `system`, as a block or as the string ("system: text content blocks must be non-empty").
 */
function systemBlocks(content: ChatMessage['content'], path: string): AnthropicTextBlock[] {
  if (typeof content === 'string') return isBlank(content) ? [] : [{ type: 'text', text: content }];
  if (content === undefined || content === null) throw invalid(path, `${path} is required for a system message.`);
  return toNonBlankContentBlocks(content, path, 'system') as AnthropicTextBlock[];
}

/**
 * The top-level `system`: one text joined by newlines, or, when a part carries a prompt-caching
 * breakpoint, the list of text blocks Anthropic takes it on.
 */
function toSystem(blocks: readonly AnthropicTextBlock[]): string | AnthropicTextBlock[] | undefined {
  if (blocks.length === 0) return undefined;
  if (blocks.some((block) => block.cache_control !== undefined)) return [...blocks];
  return blocks.map((block) => block.text).join('\n');
}

function toToolInput(call: ToolCall, path: string): Record<string, unknown> {
  const text = call.function.arguments;
  // Some clients send "" for a call without arguments.
  if (text.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw invalid(`${path}.function.arguments`, `${path}.function.arguments must be a JSON object text.`);
  }
  if (!isRecord(input)) throw invalid(`${path}.function.arguments`, `${path}.function.arguments must be a JSON object text.`);
  return input;
}

/**
 * An assistant turn's text as blocks, blank text left out (toNonBlankContentBlocks): Claude answers
 * with such blocks beside its tool calls, and Anthropic refuses them.
 */
function toAssistantTextBlocks(content: ChatMessage['content'], path: string): AnthropicRequestBlock[] {
  if (typeof content === 'string') return isBlank(content) ? [] : [{ type: 'text', text: content }];
  return toNonBlankContentBlocks(content ?? [], path, 'assistant');
}

/**
 * Assistant turns keep their text (the reference loses it when there are tool calls), and have
 * their thinking blocks back where the answer had them when the client sent them (thinking-places.ts).
 * A message of blank text alone has no block (see withoutEmptyTurns).
 */
function toAssistantContent(message: ChatMessage, path: string): AnthropicMessage['content'] {
  const { content, tool_calls: toolCalls } = message;
  const thinking = toAnthropicThinkingBlocks(message);
  const hasToolCalls = (toolCalls?.length ?? 0) > 0;
  if (!hasToolCalls) {
    if (content === undefined || content === null) throw invalid(`${path}.content`, `${path}: an assistant message needs content or tool_calls.`);
    if (thinking.length === 0 && hasText(content)) return typeof content === 'string' ? content : toNonBlankContentBlocks(content, `${path}.content`, 'assistant');
  }
  const text = toAssistantTextBlocks(content, `${path}.content`);
  const toolUses = (toolCalls ?? []).map(
    (call, index): AnthropicToolUseBlock => ({
      type: 'tool_use',
      id: strictToolCallId(call.id),
      name: call.function.name,
      input: toToolInput(call, `${path}.tool_calls[${index}]`),
    }),
  );
  return inAnswerOrder({ thinking, text, toolCalls: toolUses });
}

function toToolResult(message: ChatMessage, path: string): AnthropicToolResultBlock {
  if (typeof message.tool_call_id !== 'string') throw invalid(`${path}.tool_call_id`, `${path}.tool_call_id is required for a tool message.`);
  const block: AnthropicToolResultBlock = { type: 'tool_result', tool_use_id: strictToolCallId(message.tool_call_id) };
  const { content } = message;
  if (typeof content === 'string') block.content = content;
  else if (Array.isArray(content)) block.content = toContentBlocks(content, `${path}.content`, 'tool');
  return block;
}

/**
 * Message fields Anthropic can represent, per role; any other field is refused, not dropped. Except
 * `name`, a participant's label with no Anthropic field, which LangChain's MLflow chat model and
 * LangGraph's agents send on named messages: dropped, as MLflow drops it and Gemini and Bedrock
 * ignore it, so that those clients work unchanged.
 */
const MESSAGE_FIELDS: Record<string, readonly string[]> = {
  system: ['role', 'content', 'name', 'cache_control'],
  developer: ['role', 'content', 'name', 'cache_control'],
  user: ['role', 'content', 'name', 'cache_control'],
  // reasoning_content is the readable copy of thinking_blocks, which are what Anthropic checks;
  // annotations (web citations) are not sent back: the text is.
  assistant: ['role', 'content', 'name', 'tool_calls', 'thinking_blocks', 'reasoning_content', 'annotations', 'cache_control'],
  tool: ['role', 'content', 'name', 'tool_call_id', 'cache_control'],
};

function checkMessageFields(message: ChatMessage, path: string): void {
  const allowed = ownValue(MESSAGE_FIELDS, message.role);
  if (allowed === undefined) {
    throw invalid(`${path}.role`, `${path}.role: the role ${quoted(message.role)} is not supported by Anthropic (use system, developer, user, assistant or tool).`);
  }
  for (const field of Object.keys(message)) {
    if (!allowed.includes(field)) throw invalid(`${path}.${field}`, `${path}.${field}: this field of a '${message.role}' message is not supported by Anthropic.`);
  }
}

/**
 * Anthropic refuses a message without content but the last ("all messages must have non-empty content
 * except for the optional final assistant message") and combines consecutive turns of one role. So a
 * message that became no block (no content, or blank text alone) is left out beside another message of
 * its role with content (a user message beside a tool result too), and one that makes a turn alone is
 * a 400 naming it, as on Bedrock (../shared/blank-text.ts; a last such assistant turn was left out
 * before). `firstMessages` holds the index of the message each turn came from.
 */
function withoutEmptyTurns(turns: readonly AnthropicMessage[], firstMessages: readonly number[]): AnthropicMessage[] {
  const kept: AnthropicMessage[] = [];
  for (let start = 0; start < turns.length; ) {
    const { role } = turns[start];
    let end = start + 1;
    while (end < turns.length && turns[end].role === role) end += 1;
    const filled = turns.slice(start, end).filter((turn) => turn.content.length > 0);
    if (filled.length === 0) throw emptyMessageRefusal('Anthropic', firstMessages[start], role);
    kept.push(...filled);
    start = end;
  }
  return kept;
}

/**
 * System (and developer) messages, wherever they are, become the top-level `system` text joined by
 * newlines; tool results become `tool_result` blocks, consecutive ones merged into one user turn as
 * Anthropic requires.
 */
export function toAnthropicMessages(messages: ChatMessage[]): { system: string | AnthropicTextBlock[] | undefined; messages: AnthropicMessage[] } {
  const system: AnthropicTextBlock[] = [];
  const converted: AnthropicMessage[] = [];
  const firstMessages: number[] = [];
  const leftOut = blankLastTurn(messages);
  let toolResults: AnthropicRequestBlock[] | null = null;
  const add = (index: number, turn: AnthropicMessage): void => {
    converted.push(turn);
    firstMessages.push(index);
  };
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    checkMessageFields(message, path);
    if (leftOut.has(index)) return;
    if (message.role === 'tool') {
      const [result] = withMessageCacheControl([toToolResult(message, path)], message, path);
      if (toolResults) toolResults.push(result);
      else {
        toolResults = [result];
        add(index, { role: 'user', content: toolResults });
      }
      return;
    }
    toolResults = null;
    if (message.role === 'system' || message.role === 'developer') system.push(...withMessageCacheControl(systemBlocks(message.content, `${path}.content`), message, path));
    else if (message.role === 'assistant') add(index, { role: 'assistant', content: withMessageCacheControlOn(toAssistantContent(message, path), message, path) });
    else {
      // No content is no block, as blank text: left out beside a turn of its own role, else a 400 (withoutEmptyTurns).
      const { content } = message;
      const blocks = typeof content === 'string' ? (isBlank(content) ? [] : content) : toNonBlankContentBlocks(content ?? [], `${path}.content`, 'user');
      add(index, { role: 'user', content: withMessageCacheControlOn(blocks, message, path) });
    }
  });
  refuseToolResultsWithoutCalls(messages, 'Anthropic', TOOL_RESULT_RULES.claude);
  refuseToolCallsWithoutResults(messages, 'Anthropic', TOOL_CALL_RULES.claude, 'merged');
  return { system: toSystem(system), messages: withoutEmptyTurns(converted, firstMessages) };
}
