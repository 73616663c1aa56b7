/**
 * Unified chat messages → Converse `system` blocks and alternating user/assistant turns: tool calls
 * and results, Claude's thinking blocks in answer order, blank text left out, and `cache_control` on
 * parts and messages as cachePoints (see index.ts for the mapping and its references).
 */
import type { CachePointBlock, ContentBlock, ImageBlock, Message, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { quoted } from '../../../config/quoted';
import { GatewayError } from '../../../errors';
import type { ChatMessage, ContentPart, ToolCall } from '../../../schema';
import { blankLastTurn, emptyMessageRefusal, isBlank, withoutBlankParts } from '../../shared/blank-text';
import { inAnswerOrder } from '../../shared/thinking-places';
import { strictToolCallId } from '../../shared/tool-call-ids';
import { withCachePoint, withMessageCachePoint } from './cache-points';
import { toConverseBlock } from './content';
import { toConverseReasoningBlocks } from './thinking';
import { toolCallAsText, toolResultAsText } from './tool-history';

const asContentBlock = (cachePoint: CachePointBlock): ContentBlock => ({ cachePoint });

/**
 * A message's content as blocks, blank text left out (withoutBlankParts): Converse refuses it ("The
 * text field in the ContentBlock object at messages.N.content.M is blank", and system text must not be
 * empty), counting merged turns the client cannot map back to its messages, and such text carries
 * nothing. With `cachePoints`, a part's `cache_control` adds a cachePoint after its block; a blank
 * part's follows the block before it, and is a 400 as the message's first part.
 */
function toConverseBlocks(content: ChatMessage['content'], param: string, cachePoints = false): ContentBlock[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return isBlank(content) ? [] : [{ text: content }];
  return withoutBlankParts(content, param, cachePoints).flatMap(({ part, index }: { part: ContentPart; index: number }) =>
    withCachePoint(toConverseBlock(part, `${param}[${index}]`), part, cachePoints, asContentBlock),
  );
}

/** The last part of a tool message asking for a cache point: Converse takes it after the whole result, not inside. */
function toolResultCacheSource(content: ChatMessage['content']): object {
  const parts: readonly object[] = Array.isArray(content) ? content : [];
  return parts.filter((part) => (part as { cache_control?: unknown }).cache_control != null).at(-1) ?? {};
}

function toSystemBlocks(content: ChatMessage['content'], param: string, cachePoints: boolean): SystemContentBlock[] {
  return toConverseBlocks(content, param, cachePoints).map((block): SystemContentBlock => {
    if (block.cachePoint !== undefined) return { cachePoint: block.cachePoint };
    if (block.text === undefined) throw GatewayError.invalidParam(`${param}: system messages can only hold text on Amazon Bedrock.`, param);
    return { text: block.text };
  });
}

/** Converse's limit on `toolUseId` (API_runtime_ToolUseBlock). */
const TOOL_USE_ID_MAX_LENGTH = 64;

function toToolUse(call: ToolCall, param: string): ContentBlock {
  const text = call.function.arguments;
  const toolUseId = strictToolCallId(call.id, TOOL_USE_ID_MAX_LENGTH);
  const refused = () =>
    GatewayError.invalidParam(`${param}.function.arguments: must be a JSON object text (Amazon Bedrock takes tool input as an object).`, `${param}.function.arguments`);
  // Some clients send "" for a call without arguments (and streams of such calls used to end so).
  if (text.trim() === '') return { toolUse: { toolUseId, name: call.function.name, input: {} } };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw refused();
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw refused();
  return { toolUse: { toolUseId, name: call.function.name, input: input as never } };
}

/** What a tool result holds: text, and images, as Converse takes both in a toolResult (ToolResultContentBlock). */
type ToolResultBlock = { text: string } | { image: ImageBlock };

/** A tool message's id and blocks, checked: a file part is a 400, as Converse's tool results here hold text and images. */
function readToolResult(message: ChatMessage, param: string): { toolCallId: string; blocks: ToolResultBlock[] } {
  if (typeof message.tool_call_id !== 'string') {
    throw GatewayError.invalidParam(`${param}.tool_call_id: a tool message needs the id of the tool call it answers.`, `${param}.tool_call_id`);
  }
  const blocks = toConverseBlocks(message.content, `${param}.content`).map((block): ToolResultBlock => {
    if (block.text !== undefined) return { text: block.text };
    if (block.image !== undefined) return { image: block.image };
    throw GatewayError.invalidParam(`${param}.content: a tool result can only hold text and images.`, `${param}.content`);
  });
  return { toolCallId: message.tool_call_id, blocks };
}

/**
 * A tool result; an empty one (a tool that returned nothing) as one empty text block, since some
 * models refuse a toolResult with an empty content list (Nemotron, a ValidationException) while
 * Bedrock's blank check does not cover text inside a toolResult: AWS's Strands SDK sends the same
 * after checking it on Claude and Nemotron (strands-agents/harness-sdk#2122). A screenshot a tool
 * returned goes as an image block inside it, which Claude and Nova read (refused-features.ts).
 */
function toToolResult(message: ChatMessage, param: string): ContentBlock {
  const { toolCallId, blocks } = readToolResult(message, param);
  return { toolResult: { toolUseId: strictToolCallId(toolCallId, TOOL_USE_ID_MAX_LENGTH), content: blocks.length > 0 ? blocks : [{ text: '' }] } };
}

/** A tool result as text (tool-history.ts), its images as image blocks after it in the user turn. */
function toolResultAsBlocks(message: ChatMessage, param: string, toolNames: ReadonlyMap<string, string>): ContentBlock[] {
  const { toolCallId, blocks } = readToolResult(message, param);
  const images = blocks.filter((block): block is { image: ImageBlock } => 'image' in block);
  const text = blocks.filter((block): block is { text: string } => 'text' in block);
  return [toolResultAsText(toolCallId, toolNames.get(toolCallId), text), ...images];
}

/** Blocks added at the end of a list built here, in place. */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * Adds blocks as a turn, merged into the previous turn when it has the same role. In place: copying
 * the turns for each message made a long chat cost time quadratic in its length (20,000 short
 * messages held the event loop for seconds). Returns whether it started a new turn.
 */
function addTurnTo(turns: Message[], role: 'user' | 'assistant', content: readonly ContentBlock[]): boolean {
  const last = turns[turns.length - 1];
  if (last?.role === role && last.content !== undefined) {
    pushAll(last.content, content);
    return false;
  }
  turns.push({ role, content: [...content] });
  return true;
}

/**
 * Converse refuses a turn without content blocks ("The content field in the Message object at
 * messages.N is empty"): an empty or blank user message, or an assistant message with no text other
 * than whitespace and no tool calls, that no neighbour of the same role fills (a last such assistant
 * turn was left out: ../../shared/blank-text.ts). A 400 naming the message that began the turn, before any call.
 */
function refuseEmptyTurn(turns: readonly Message[], firstMessages: readonly number[]): void {
  const empty = turns.findIndex((turn) => (turn.content?.length ?? 0) === 0);
  if (empty !== -1) throw emptyMessageRefusal('Amazon Bedrock', firstMessages[empty], turns[empty].role ?? 'user');
}

/**
 * Converse refuses a conversation whose first turn is the assistant's, such as an app's greeting
 * ("A conversation must start with a user message. Try again with a conversation that starts with a
 * user message."), after the call and naming no message: a 400 naming the client's, before any call.
 */
function refuseAssistantFirst(turns: readonly Message[], firstMessages: readonly number[]): void {
  if (turns[0]?.role !== 'assistant') return;
  const param = `messages[${firstMessages[0]}].role`;
  throw GatewayError.invalidParam(`${param}: Amazon Bedrock takes a conversation that starts with a user message (system messages aside), not with an assistant message.`, param);
}

/** How toConverseMessages writes a conversation. */
export interface ConverseMessagesOptions {
  /** Claude: assistant turns start with their thinking blocks; other models ignore them. */
  thinking: boolean;
  /** Tool calls and results as toolUse / toolResult blocks (the request declares tools), else as text (tool-history.ts). */
  toolBlocks: boolean;
  /** The model caches prompts: a part's `cache_control` becomes a cachePoint after it (cache-points.ts). */
  cachePoints: boolean;
}

/** Unified messages as Converse `system` blocks and alternating user/assistant turns. */
export function toConverseMessages(messages: readonly ChatMessage[], options: ConverseMessagesOptions): { system: SystemContentBlock[]; messages: Message[] } {
  const system: SystemContentBlock[] = [];
  const turns: Message[] = [];
  // The index of the message that began each turn, to name it in a 400.
  const firstMessages: number[] = [];
  const toolNames = new Map<string, string>();
  const leftOut = blankLastTurn(messages);
  const addTurn = (index: number, role: 'user' | 'assistant', content: readonly ContentBlock[]): void => {
    if (addTurnTo(turns, role, content)) firstMessages.push(index);
  };
  messages.forEach((message, index) => {
    if (leftOut.has(index)) return;
    const param = `messages[${index}]`;
    // A message's own cache_control: a cachePoint after its last block (cache-points.ts).
    const closed = <Block extends { cachePoint?: CachePointBlock }>(blocks: Block[]): Block[] => withMessageCachePoint(blocks, message, options.cachePoints, param);
    switch (message.role) {
      case 'system':
      case 'developer':
        pushAll(system, closed(toSystemBlocks(message.content, `${param}.content`, options.cachePoints)));
        break;
      case 'user':
        addTurn(index, 'user', closed(toConverseBlocks(message.content, `${param}.content`, options.cachePoints)));
        break;
      case 'assistant': {
        const toolCalls = message.tool_calls ?? [];
        toolCalls.forEach((call) => toolNames.set(call.id, call.function.name));
        const calls = options.toolBlocks ? toolCalls.map((call, callIndex) => toToolUse(call, `${param}.tool_calls[${callIndex}]`)) : toolCalls.map(toolCallAsText);
        const reasoning = options.thinking ? toConverseReasoningBlocks(message, param) : [];
        addTurn(index, 'assistant', closed(inAnswerOrder({ thinking: reasoning, text: toConverseBlocks(message.content, `${param}.content`, options.cachePoints), toolCalls: calls })));
        break;
      }
      case 'tool': {
        const cacheSource = toolResultCacheSource(message.content);
        if (options.toolBlocks) {
          addTurn(index, 'user', closed(withCachePoint(toToolResult(message, param), cacheSource, options.cachePoints, asContentBlock)));
          break;
        }
        addTurn(index, 'user', closed(withCachePoint(toolResultAsBlocks(message, param, toolNames), cacheSource, options.cachePoints, (cachePoint) => [asContentBlock(cachePoint)]).flat()));
        break;
      }
      default:
        throw GatewayError.invalidParam(
          `${param}.role: ${quoted(message.role)} is not supported by Amazon Bedrock (use system, developer, user, assistant or tool).`,
          `${param}.role`,
        );
    }
  });
  refuseEmptyTurn(turns, firstMessages);
  refuseAssistantFirst(turns, firstMessages);
  return { system, messages: turns };
}
