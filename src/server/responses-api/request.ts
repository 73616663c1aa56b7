/**
 * A Responses API request (`POST /v1/responses`) as the unified chat request that
 * `/v1/chat/completions` serves. Reference: https://platform.openai.com/docs/api-reference/responses/create
 *
 * `input` items become chat messages: `instructions` a system message first (none when empty), content parts chat
 * content parts (an `input_file` the chat `file` part, so each provider maps or refuses it as on chat;
 * one by `file_url` is refused, as a chat file part has no URL), a `function_call` item a tool call on
 * the assistant turn before it (or a new one), a `function_call_output` item a `tool` message (an
 * output given as parts, its content parts), a `reasoning` item nothing but the thinking blocks of its
 * `encrypted_content` (encrypted-thinking.ts), as the `thinking_blocks` of the assistant turn after it
 * (of the one before it when it follows an assistant message or function call: interleaved thinking, placed after that turn's items sent before it), nor `web_search_call` items (the message's text holds what was found), nor an `item_reference` to
 * either that the store did not resolve. Other references, and `previous_response_id`, are resolved from the
 * response store before (stored.ts), whose conversation comes first; with the store off they are refused.
 * Function tools are chat tools; the web search tool is `web_search_options` (web-search.ts).
 * `max_output_tokens` → `max_tokens`, `text.format` → `response_format`, `reasoning.effort` →
 * `reasoning_effort`, `text.verbosity` → `verbosity`, `include: ["message.output_text.logprobs"]` →
 * `logprobs: true` with `top_logprobs` (logprobs.ts; `top_logprobs` is not sent without it); `metadata`, `store`, `include`, `truncation`,
 * `reasoning.summary` and `stream_options` are not sent; `conversation` and `background: true` are
 * refused (the gateway keeps no conversations and answers no request later), and so is an `n` but 1
 * (a Response holds one answer). Other keys pass on as on `/v1/chat/completions`.
 */
import { GatewayError } from '../../errors';
import type { ChatMessage, ContentPart, ResponsesFunctionTool, ResponsesInputContent, ResponsesInputItem, ResponsesRequest, ResponsesTextFormat, ThinkingBlock, Tool, ToolCall } from '../../schema';
import { hasText } from '../../providers/shared/blank-text';
import { placedFrom } from '../../providers/shared/thinking-places';
import { thinkingBlocksOf } from './encrypted-thinking';
import type { ChatFieldSources, MessageSource } from './error-fields';
import { chatLogprobsFieldsOf } from './logprobs';
import { firstOfEachSameId } from './unique-items';
import { chatWebSearchOptionsOf, checkWebSearchChoice, isWebSearchChoice, webSearchToolOf, type WebSearchChoice } from './web-search';

/** Why the gateway cannot look up a response or item: its response store is off. */
export const STORE_OFF = 'the gateway keeps no responses (response_store.enabled is false)';

/**
 * Refuses a request that needs what the gateway does not keep (call it on the request without nulls,
 * before validation): a conversation, a background answer, and with the store off a previous response.
 */
export function refuseStoredState(request: unknown, storeEnabled: boolean): void {
  if (typeof request !== 'object' || request === null) return;
  const fields = request as Record<string, unknown>;
  if (fields.conversation !== undefined) throw GatewayError.invalidParam('conversation: the gateway keeps no conversations; continue a response with previous_response_id, or send the whole input', 'conversation');
  if (!storeEnabled && fields.previous_response_id !== undefined) {
    throw GatewayError.invalidParam(`previous_response_id: ${STORE_OFF}; send the whole input`, 'previous_response_id');
  }
  if (fields.background === true) {
    throw GatewayError.invalidParam('background: the gateway answers every request while it waits, so it cannot answer in the background; leave it out or false', 'background');
  }
}

/**
 * Refuses an `n` but 1 on a valid request, before any stored input is looked up: a Response holds one
 * answer, so the provider's other choices would be billed and never shown.
 */
export function refuseSeveralChoices(request: ResponsesRequest): void {
  const { n } = request as { n?: unknown };
  if (n !== undefined && n !== 1) throw GatewayError.invalidParam('n: a Response holds one answer (the Responses API takes no n); leave it out, or ask /v1/chat/completions for several choices', 'n');
}

type InputFilePart = Extract<ResponsesInputContent, { type: 'input_file' }>;

/** An `input_file` part as the chat request's `file` part, which carries `file_data` or `file_id`, never a URL. */
function chatFilePartOf(part: InputFilePart, path: string): ContentPart {
  if (part.file_url !== undefined) {
    throw GatewayError.invalidParam(`${path}.file_url: the gateway sends a file as a chat file part, which takes file_data (a base64 data URL) or file_id, not a URL; download the file and send it as file_data`, `${path}.file_url`);
  }
  const { file_data: fileData, file_id: fileId, filename } = part;
  if (fileData === undefined && fileId === undefined) {
    throw GatewayError.invalidParam(`${path}.file_data: an input_file needs file_data (a base64 data URL) or file_id`, `${path}.file_data`);
  }
  return { type: 'file', file: { ...(fileData !== undefined ? { file_data: fileData } : {}), ...(fileId !== undefined ? { file_id: fileId } : {}), ...(filename !== undefined ? { filename } : {}) } };
}

/** A content part as a chat content part; `path` names it in the request (`input[i].content[j]`). */
function chatPartOf(part: ResponsesInputContent, path: string): ContentPart {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    // A refusal sent back is the assistant's words in the conversation.
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image':
      return { type: 'image_url', image_url: part.detail ? { url: part.image_url, detail: part.detail } : { url: part.image_url } };
    case 'input_file':
      return chatFilePartOf(part, path);
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

type MessageItem = Extract<ResponsesInputItem, { role: string }>;

/** A message item as a chat message; an assistant turn's text as one string, as answers give it. */
function chatMessageOf(item: MessageItem, path: string): ChatMessage {
  if (typeof item.content === 'string') return { role: item.role, content: item.content };
  const parts = item.content.map((part, partIndex) => chatPartOf(part, `${path}.content[${partIndex}]`));
  if (item.role === 'assistant' && parts.every((part) => part.type === 'text')) {
    return { role: 'assistant', content: parts.map((part) => (part as { text: string }).text).join('') };
  }
  return { role: item.role, content: parts };
}

function isMessageItem(item: ResponsesInputItem): item is MessageItem {
  return item.type === undefined || item.type === 'message';
}

type FunctionOutput = Extract<ResponsesInputItem, { type: 'function_call_output' }>['output'];

/** A function call's output as the tool message's content: its text, or its parts as chat content parts. */
function toolContentOf(output: FunctionOutput, path: string): ChatMessage['content'] {
  if (typeof output === 'string') return output;
  return output.map((part, partIndex) => chatPartOf(part, `${path}.output[${partIndex}]`));
}

/**
 * Reasoning items and web search calls (OpenAI's and the gateway's prefixes) are left out (but for a
 * reasoning item's thinking blocks), and so are references to them that the store did not resolve.
 */
export function isLeftOutItem(id: string): boolean {
  return isReasoningId(id) || id.startsWith('ws_');
}

/** A reasoning item's id: a reference to one is looked up (its thinking blocks), and left out when not kept. */
export function isReasoningId(id: string): boolean {
  return id.startsWith('rs_');
}

/** Any other reference was resolved (stored.ts), unless the store is off. */
function refuseStoredItem(id: string, path: string): void {
  if (isLeftOutItem(id)) return;
  throw GatewayError.invalidParam(
    `${path}.id: ${STORE_OFF}, so it cannot look up item ${id}; send the item itself (the Vercel AI SDK does with providerOptions: { openai: { store: false } })`,
    `${path}.id`,
  );
}

/**
 * Adds tool calls or thinking blocks to the last message, an assistant turn. Its lists were made here
 * (never a client's), so they grow in place: copying them for each of thousands of function calls in
 * a row took time quadratic in their number, blocking every other request meanwhile.
 */
function joinTurn<Key extends 'tool_calls' | 'thinking_blocks'>(messages: ChatMessage[], key: Key, added: NonNullable<ChatMessage[Key]>): void {
  const last = messages[messages.length - 1];
  const list = last[key] as unknown[] | undefined;
  if (list === undefined) messages[messages.length - 1] = { ...last, [key]: [...added] };
  else list.push(...added);
}

/** How many blocks an assistant turn has so far, a thinking block's place after them: its text as one (unless blank: blank-text.ts), each tool call. */
function blocksIn(turn: ChatMessage): number {
  return (hasText(turn.content) ? 1 : 0) + (turn.tool_calls?.length ?? 0);
}

/**
 * The conversation as chat messages: the `earlier` items (a previous response's conversation), then
 * the input, each item id once (unique-items.ts: a repeat with other content is refused); consecutive function calls join the assistant turn before them.
 * With each message, the items it came from (error-fields.ts names a chat field by them).
 */
function chatMessagesOf(input: ResponsesRequest['input'], earlier: readonly ResponsesInputItem[]): { messages: ChatMessage[]; sources: MessageSource[]; items: ResponsesInputItem[] } {
  const items = typeof input === 'string' ? [...earlier, { role: 'user' as const, content: input }] : [...earlier, ...input];
  const pathOf = (index: number) => (index < earlier.length ? `previous_response_id (its conversation's item ${index})` : `input[${index - earlier.length}]`);
  const messages: ChatMessage[] = [];
  const sources: MessageSource[] = [];
  const isFirst = firstOfEachSameId();
  // A reasoning item's thinking blocks, for the assistant turn it comes before, and the item of each.
  let thinking: ThinkingBlock[] | null = null;
  let thinkingItems: number[] = [];
  const push = (message: ChatMessage, item: number, toolCalls: number[] = []) => {
    messages.push(message);
    sources.push({ item, toolCalls, thinking: message.thinking_blocks === undefined ? [] : thinkingItems });
    thinking = null;
    thinkingItems = [];
  };
  const withThinking = (message: ChatMessage): ChatMessage => (thinking === null ? message : { ...message, thinking_blocks: thinking });
  for (const [index, item] of items.entries()) {
    if (!isFirst(item, { path: pathOf(index), sentNow: index >= earlier.length })) continue;
    const last = messages.at(-1);
    if (isMessageItem(item)) {
      const message = chatMessageOf(item, pathOf(index));
      push(message.role === 'assistant' ? withThinking(message) : message, index);
      continue;
    }
    switch (item.type) {
      case 'function_call': {
        const call: ToolCall = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
        if (last?.role === 'assistant' && thinking === null) {
          joinTurn(messages, 'tool_calls', [call]);
          sources[sources.length - 1].toolCalls.push(index);
        } else push(withThinking({ role: 'assistant', tool_calls: [call] }), index, [index]);
        break;
      }
      case 'function_call_output':
        push({ role: 'tool', tool_call_id: item.call_id, content: toolContentOf(item.output, pathOf(index)) }, index);
        break;
      case 'reasoning': {
        const decoded = thinkingBlocksOf(item, pathOf(index));
        if (decoded === null) break;
        const blockItems = decoded.map(() => index);
        // Claude's interleaved thinking, after the text or between the tool calls of one answer, is that
        // answer's turn's, placed after the turn's blocks that came before the item (providers/shared/thinking-places.ts).
        const joinsTurn = thinking === null && last?.role === 'assistant';
        const blocks = placedFrom(decoded, joinsTurn ? blocksIn(last) : 0);
        if (joinsTurn) {
          joinTurn(messages, 'thinking_blocks', blocks);
          sources[sources.length - 1].thinking.push(...blockItems);
        } else if (thinking === null) {
          thinking = blocks;
          thinkingItems = blockItems;
        } else {
          thinking.push(...blocks);
          thinkingItems.push(...blockItems);
        }
        break;
      }
      case 'web_search_call':
        break;
      case 'item_reference':
        refuseStoredItem(item.id, pathOf(index));
        break;
      default: {
        const unreachable: never = item;
        return unreachable;
      }
    }
  }
  return { messages, sources, items };
}

function chatToolOf(tool: ResponsesFunctionTool): Tool {
  const { name, description, parameters, strict } = tool;
  const definition: Tool['function'] = { name };
  if (description != null) definition.description = description;
  if (parameters != null) definition.parameters = parameters;
  if (strict != null) definition.strict = strict;
  return { type: 'function', function: definition };
}

function chatToolChoiceOf(choice: Exclude<NonNullable<ResponsesRequest['tool_choice']>, WebSearchChoice>): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

/**
 * The chat request's tool fields. With a web search tool: `web_search_options` unless tool_choice is
 * none (which turns every tool off); the tool choice unless it names the search (chat cannot force
 * one); and no tool fields at all without function tools (OpenAI refuses a tool_choice or
 * parallel_tool_calls without tools). Without any tool (or `tools: []`, which the OpenAI Agents SDK
 * sends for an agent without tools and OpenAI's chat API refuses), only a tool_choice that asks for a
 * call goes on, for the provider to refuse: the others change nothing there.
 */
function chatToolFieldsOf(request: ResponsesRequest): Record<string, unknown> {
  const { tools, tool_choice: choice, parallel_tool_calls: parallel } = request;
  const search = webSearchToolOf(tools);
  checkWebSearchChoice(choice, search?.tool);
  const functions = (tools ?? []).filter((tool): tool is ResponsesFunctionTool => tool.type === 'function').map(chatToolOf);
  const fields: Record<string, unknown> = {};
  if (search !== undefined && choice !== 'none') fields.web_search_options = chatWebSearchOptionsOf(search.tool, search.index);
  if (search !== undefined && functions.length === 0) return fields;
  if (functions.length === 0) return choice === undefined || choice === 'auto' || choice === 'none' || isWebSearchChoice(choice) ? fields : { tool_choice: chatToolChoiceOf(choice) };
  fields.tools = functions;
  if (choice !== undefined && !isWebSearchChoice(choice)) fields.tool_choice = chatToolChoiceOf(choice);
  if (parallel !== undefined) fields.parallel_tool_calls = parallel;
  return fields;
}

function responseFormatOf(format: ResponsesTextFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type };
  const { type: _type, ...jsonSchema } = format;
  return { type: 'json_schema', json_schema: jsonSchema };
}

/** The chat request for a valid Responses request without nulls (`chatTranslationOf`'s). */
export function toChatRequest(request: ResponsesRequest, earlier: readonly ResponsesInputItem[] = []): Record<string, unknown> {
  return chatTranslationOf(request, earlier).chatRequest;
}

const NOTHING_FOR_THE_MODEL =
  "has nothing the model is given: reasoning items (but for Claude's thinking, which goes with the assistant turn after them), web_search_call items and references to either are left out; send a message, or instructions";

/**
 * The chat request for a valid Responses request without nulls (`model` kept: the route removes it
 * as on chat), and where its fields came from (error-fields.ts); `earlier`: the conversation of its
 * `previous_response_id`, whose instructions are not carried over (as OpenAI's).
 */
export function chatTranslationOf(request: ResponsesRequest, earlier: readonly ResponsesInputItem[] = []): { chatRequest: Record<string, unknown>; sources: ChatFieldSources } {
  const {
    input,
    instructions,
    max_output_tokens: maxOutputTokens,
    tools: _tools,
    tool_choice: _toolChoice,
    parallel_tool_calls: _parallelToolCalls,
    text,
    reasoning,
    stream_options: _streamOptions,
    metadata: _metadata,
    store: _store,
    include,
    top_logprobs: topLogprobs,
    truncation: _truncation,
    background: _background,
    previous_response_id: _previousResponseId,
    ...rest
  } = request;
  // Empty instructions are none: an empty system message would tell the model nothing.
  const hasInstructions = instructions !== undefined && instructions !== '';
  const system: ChatMessage[] = hasInstructions ? [{ role: 'system', content: instructions }] : [];
  const conversation = chatMessagesOf(input, earlier);
  const messages = [...system, ...conversation.messages];
  // Else the chat request's schema would refuse `messages`, a field the client did not send.
  if (messages.length === 0) throw GatewayError.invalidParam(`input: ${NOTHING_FOR_THE_MODEL}`, 'input');
  const chat: Record<string, unknown> = { ...rest, messages, ...chatToolFieldsOf(request), ...chatLogprobsFieldsOf(include, topLogprobs) };
  if (maxOutputTokens !== undefined) chat.max_tokens = maxOutputTokens;
  if (text?.format !== undefined) chat.response_format = responseFormatOf(text.format);
  if (text?.verbosity != null) chat.verbosity = text.verbosity;
  if (reasoning?.effort != null) chat.reasoning_effort = reasoning.effort;
  // No stream_options: the gateway asks for the stream's usage, for the last event, where the API takes it (endpoint-request.ts).
  const messageSources = !hasInstructions ? conversation.sources : [{ item: null, toolCalls: [], thinking: [] }, ...conversation.sources];
  return { chatRequest: chat, sources: { request, earlierCount: earlier.length, items: conversation.items, messages: messageSources } };
}
