/**
 * A 4xx raised after a Responses request became a chat request (the chat checks, a provider's
 * translation and refusals, a vendor's own `param`) names chat fields: `messages[3].content`,
 * `tools[2].function.parameters`, `web_search_options.filters…`, `max_tokens`, `response_format…`, `logprobs`.
 * The client sent `input[…]`, `tools[k]`, `max_output_tokens`, `text.format`, so the error's `param`,
 * and the chat field paths in its message, are rewritten to the Responses fields they came from
 * (the closest thing sent where a field has no counterpart: a function call's item for its
 * `tool_calls` entry, a reasoning item for `thinking_blocks`). request.ts records which input item
 * each chat message came from; everything else is read from the request when an error is rewritten,
 * so an answered request pays only for that small record.
 */
import { GatewayError, type VendorError } from '../../errors';
import type { ResponsesInputContent, ResponsesInputItem, ResponsesRequest } from '../../schema';
import { logprobsIncludeIndex } from './logprobs';
import { isWebSearchTool } from './web-search';

/** Where one chat message came from: its first item (null: `instructions`), and the items of its tool calls and thinking blocks. */
export interface MessageSource {
  /** An index in the conversation (a previous response's items, then the input's). */
  item: number | null;
  /** The `function_call` item of each of its `tool_calls`. */
  toolCalls: number[];
  /** The `reasoning` item of each of its `thinking_blocks`. */
  thinking: number[];
}

/** What a chat request was translated from, to name a chat field as the Responses field it came from. */
export interface ChatFieldSources {
  /** The request, its input resolved. */
  request: ResponsesRequest;
  /** How many of `items` are a previous response's conversation (`previous_response_id`). */
  earlierCount: number;
  /** The conversation: a previous response's items, then the input's (a string input as one message). */
  items: readonly ResponsesInputItem[];
  /** One per chat message. */
  messages: readonly MessageSource[];
}

type Segment = string | number;

/** A Responses field: how a message names it, and as `param` (which names a previous response's item by `previous_response_id` alone). */
interface ResponsesField {
  text: string;
  param: string;
}

// `$` too: a JSON Schema path names `$ref` and `$defs` (claude-output-schema.ts).
const SEGMENTS = /\[(\d+)\]|\.?([A-Za-z_$][\w$]*)/g;

function segmentsOf(path: string): Segment[] {
  return [...path.matchAll(SEGMENTS)].map(([, index, name]) => (index !== undefined ? Number(index) : name));
}

function pathOf(segments: readonly Segment[]): string {
  return segments.map((segment, position) => (typeof segment === 'number' ? `[${segment}]` : position === 0 ? segment : `.${segment}`)).join('');
}

function field(segments: readonly Segment[]): ResponsesField {
  const path = pathOf(segments);
  return { text: path, param: path };
}

/** An item of the conversation, and a field of it (`tail`). */
function itemField(sources: ChatFieldSources, index: number, tail: readonly Segment[]): ResponsesField {
  if (index < sources.earlierCount) return { text: pathOf([`previous_response_id (its conversation's item ${index})`, ...tail]), param: 'previous_response_id' };
  if (typeof sources.request.input === 'string') return field(['input']);
  return field(['input', index - sources.earlierCount, ...tail]);
}

/** A chat content part's field as the Responses part's: `image_url.url` is `image_url`, `file.file_data` is `file_data`, … */
function partTail(part: ResponsesInputContent | undefined, rest: readonly Segment[]): Segment[] {
  const [name, inner] = rest;
  if (part === undefined || name === undefined) return [];
  if (name === 'type') return ['type'];
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return name === 'text' ? ['text'] : [];
    case 'refusal':
      return name === 'text' ? ['refusal'] : [];
    case 'input_image':
      return name === 'image_url' ? [inner === 'detail' ? 'detail' : 'image_url'] : [];
    case 'input_file':
      return name === 'file' && (inner === 'file_data' || inner === 'file_id' || inner === 'filename') ? [inner] : [];
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

/** `content` of a chat message as the item's field holding it (a message's `content`, a function output's `output`). */
function contentTail(name: 'content' | 'output', content: string | readonly ResponsesInputContent[], rest: readonly Segment[]): Segment[] {
  const [index, ...inner] = rest;
  if (typeof content === 'string' || typeof index !== 'number' || content[index] === undefined) return [name];
  return [name, index, ...partTail(content[index], inner)];
}

/** A field of a chat message as one of the item it came from. */
function itemTail(item: ResponsesInputItem, rest: readonly Segment[]): Segment[] {
  const [name, ...inner] = rest;
  if (item.type === undefined || item.type === 'message') {
    if (name === 'content') return contentTail('content', item.content, inner);
    return name === 'role' ? ['role'] : [];
  }
  if (item.type === 'function_call_output') {
    if (name === 'content') return contentTail('output', item.output, inner);
    return name === 'tool_call_id' ? ['call_id'] : [];
  }
  return [];
}

/** A field of a chat tool call as one of its `function_call` item. */
function callTail(rest: readonly Segment[]): Segment[] {
  const [name, inner] = rest;
  if (name === 'id') return ['call_id'];
  return name === 'function' && (inner === 'name' || inner === 'arguments') ? [inner] : [];
}

function messageField(sources: ChatFieldSources, index: number, rest: readonly Segment[]): ResponsesField {
  const source = sources.messages[index];
  if (source === undefined) return field(['input']);
  if (source.item === null) return field(['instructions']);
  const [name, position, ...inner] = rest;
  const call = name === 'tool_calls' && typeof position === 'number' ? source.toolCalls[position] : undefined;
  if (call !== undefined) return itemField(sources, call, callTail(inner));
  // Blocks the gateway kept (kept-thinking.ts) came from no item: the message's own then.
  const reasoning = name === 'thinking_blocks' ? source.thinking[typeof position === 'number' ? position : 0] : undefined;
  if (reasoning !== undefined) return itemField(sources, reasoning, []);
  return itemField(sources, source.item, itemTail(sources.items[source.item], rest));
}

/** The chat tool `index` is the request's function tool of the same rank (the web search tool is not a chat tool). */
function toolField(request: ResponsesRequest, index: number, rest: readonly Segment[]): ResponsesField {
  const functions = (request.tools ?? []).flatMap((tool, position) => (tool.type === 'function' ? [position] : []));
  const position = functions[index] ?? index;
  return field(['tools', position, ...(rest[0] === 'function' ? rest.slice(1) : rest)]);
}

/** `web_search_options` is the request's web search tool, its `user_location.approximate` the tool's `user_location`. */
function webSearchField(request: ResponsesRequest, rest: readonly Segment[]): ResponsesField | null {
  const position = (request.tools ?? []).findIndex(isWebSearchTool);
  if (position === -1) return null;
  const tail = rest[0] === 'user_location' && rest[1] === 'approximate' ? ['user_location', ...rest.slice(2)] : rest;
  return field(['tools', position, ...tail]);
}

/** The chat request's `logprobs: true` is the `include` value that asked for it (logprobs.ts); the client's own `logprobs` is itself. */
function logprobsField(request: ResponsesRequest): ResponsesField | null {
  const index = logprobsIncludeIndex(request.include);
  return index < 0 ? null : { text: `include[${index}] (message.output_text.logprobs)`, param: `include[${index}]` };
}

/** The Responses field a chat field path came from; null when it is the same (`temperature`) or was sent as it is. */
function responsesFieldOf(path: string, sources: ChatFieldSources): ResponsesField | null {
  const [name, ...rest] = segmentsOf(path);
  const { request } = sources;
  switch (name) {
    case 'messages':
      return typeof rest[0] === 'number' ? messageField(sources, rest[0], rest.slice(1)) : field(['input', ...rest]);
    case 'tools':
      return typeof rest[0] === 'number' ? toolField(request, rest[0], rest.slice(1)) : null;
    case 'tool_choice':
      return rest[0] === 'function' ? field(['tool_choice', ...rest.slice(1)]) : null;
    case 'web_search_options':
      return webSearchField(request, rest);
    case 'max_tokens':
      return request.max_output_tokens === undefined ? null : field(['max_output_tokens', ...rest]);
    case 'response_format':
      return request.text?.format === undefined ? null : field(['text', 'format', ...(rest[0] === 'json_schema' ? rest.slice(1) : rest)]);
    case 'reasoning_effort':
      return request.reasoning?.effort == null ? null : field(['reasoning', 'effort']);
    case 'verbosity':
      return request.text?.verbosity == null ? null : field(['text', 'verbosity']);
    case 'logprobs':
      return logprobsField(request);
    default:
      return null;
  }
}

/** A chat field path in a message (a bare `messages` is a word too). */
const CHAT_PATH = /\b(?:messages\[\d+\]|tools\[\d+\]|tool_choice\.function|web_search_options|response_format|max_tokens|reasoning_effort|verbosity|logprobs)(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*/g;

/**
 * Whether a path in a message names a field: an indexed message or tool always does, and so does a
 * quoted one; another only as the error's `param` or a field within it, or it may be the rule's word
 * for a chat feature ("OpenAI's chat web_search_options has no domain filter").
 */
function namesField(path: string, quoted: boolean, param: string | null): boolean {
  if (quoted || /^(messages|tools)\[/.test(path)) return true;
  return param !== null && (path === param || path.startsWith(`${param}.`) || path.startsWith(`${param}[`));
}

const QUOTES = new Set(["'", '"', '`']);

function inResponsesText(text: string, param: string | null, sources: ChatFieldSources): string {
  return text.replace(CHAT_PATH, (path: string, offset: number) => {
    const quoted = QUOTES.has(text[offset - 1]) && text[offset - 1] === text[offset + path.length];
    return namesField(path, quoted, param) ? (responsesFieldOf(path, sources)?.text ?? path) : path;
  });
}

function responsesParam(param: string | null, sources: ChatFieldSources): string | null {
  return param === null ? null : (responsesFieldOf(param, sources)?.param ?? param);
}

function vendorErrorIn(vendorError: VendorError | null, sources: ChatFieldSources): VendorError | null {
  const param = responsesParam(vendorError?.param ?? null, sources);
  return vendorError === null || param === vendorError.param ? vendorError : { ...vendorError, param };
}

/**
 * `error` as a /v1/responses client reads it: a 4xx's `param` (its own, or the vendor's) and the chat
 * field paths in its message named as the Responses fields they came from; anything else as it is.
 */
export function inResponsesTerms<Failure>(error: Failure, sources: ChatFieldSources): Failure | GatewayError {
  if (!(error instanceof GatewayError) || error.status >= 500) return error;
  const message = inResponsesText(error.message, error.vendorError?.param ?? error.param, sources);
  const param = responsesParam(error.param, sources);
  const vendorError = vendorErrorIn(error.vendorError, sources);
  if (message === error.message && param === error.param && vendorError === error.vendorError) return error;
  return error.changed({ message, param, vendorError });
}
