/**
 * Unified chat and completions requests → Converse input (see index.ts for the mapping and its
 * references).
 */
import type {
  CachePointBlock,
  ContentBlock,
  ConverseCommandInput,
  DocumentFormat,
  ImageFormat,
  InferenceConfiguration,
  Message,
  SystemContentBlock,
  Tool as ConverseTool,
  ToolChoice as ConverseToolChoice,
} from '@aws-sdk/client-bedrock-runtime';
import type { DocumentType } from '@smithy/types';
import { GatewayError } from '../../../errors';
import type { ChatMessage, ChatRequest, CompletionsRequest, ContentPart, Tool, ToolCall } from '../../../schema';
import { readFileData, type FilePart } from '../../shared/file-parts';
import { ownValue } from '../../shared/json';
import { withParallelToolCallsAllowed } from '../../shared/parameters';
import { withClientOutputConfig } from '../../shared/thinking';
import { inAnswerOrder } from '../../shared/thinking-places';
import { strictToolCallId } from '../../shared/tool-call-ids';
import { CONVERSE_TEMPERATURE_FACTOR, type BedrockFamily } from '../families';
import { acceptOnly, providerLabel, readSampling } from '../shared';
import { cachePointOf, refuseTooManyCachePoints, withCachePoint, withMessageCachePoint } from './cache-points';
import { toConverseOutputConfig } from './output-format';
import { reasoningEffortFields } from './reasoning-effort';
import { refuseWhatTheModelRefuses } from './refused-features';
import { toConverseReasoningBlocks } from './thinking';
import { toolCallAsText, toolResultAsText } from './tool-history';

/** The Converse input without `modelId`, which the adapter adds. */
export type ConverseBody = Omit<ConverseCommandInput, 'modelId'>;

const SAMPLING_KEYS = ['temperature', 'top_p', 'n', 'stop', 'max_tokens', 'max_completion_tokens', 'stream', 'stream_options'];
// `parallel_tool_calls` is accepted and not sent (withParallelToolCallsAllowed); the body is built field by field.
const CHAT_KEYS = ['messages', 'tools', 'tool_choice', 'response_format', 'parallel_tool_calls', ...SAMPLING_KEYS];
const COMPLETIONS_KEYS = ['prompt', ...SAMPLING_KEYS];

/**
 * inferenceConfig from the sampling parameters, and additionalModelRequestFields from `top_k` and
 * the model's other native fields; absent ones stay absent.
 */
function toConverseSampling(
  request: Readonly<Record<string, unknown>>,
  family: BedrockFamily,
  nativeFields: Record<string, DocumentType> = {},
): Pick<ConverseBody, 'inferenceConfig' | 'additionalModelRequestFields'> {
  const { temperature, topP, topK, maxTokens, stop } = readSampling(request, family, { temperatureFactor: CONVERSE_TEMPERATURE_FACTOR });
  const inferenceConfig: InferenceConfiguration = {};
  if (temperature !== undefined) inferenceConfig.temperature = temperature;
  if (topP !== undefined) inferenceConfig.topP = topP;
  if (maxTokens !== undefined) inferenceConfig.maxTokens = maxTokens;
  if (stop !== undefined) inferenceConfig.stopSequences = stop;
  // Converse has no top_k; Claude takes it as a native field.
  const additionalModelRequestFields = { ...(topK !== undefined ? { top_k: topK } : {}), ...nativeFields };
  return {
    ...(Object.keys(inferenceConfig).length > 0 ? { inferenceConfig } : {}),
    ...(Object.keys(additionalModelRequestFields).length > 0 ? { additionalModelRequestFields } : {}),
  };
}

const IMAGE_FORMATS: Record<string, ImageFormat> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp' };

function toConverseImage(url: string, param: string): ContentBlock {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw GatewayError.invalidParam(`${param}: Amazon Bedrock accepts images only as base64 data: URLs, not links.`, param);
  const format = ownValue(IMAGE_FORMATS, match[1].toLowerCase());
  if (!format) throw GatewayError.invalidParam(`${param}: Amazon Bedrock accepts png, jpeg, gif or webp images, not '${match[1]}'.`, param);
  return { image: { format, source: { bytes: new Uint8Array(Buffer.from(match[2], 'base64')) } } };
}

/** Converse's document formats (API_runtime_DocumentBlock) by media type. */
const DOCUMENT_FORMATS: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

/**
 * Converse requires a document name of ASCII letters, digits, single spaces, hyphens, parentheses and
 * square brackets (a file name's dot is refused): the file name without its folders and extension,
 * other characters as spaces, or `document` when nothing is left.
 */
export function toDocumentName(filename: string | undefined): string {
  const stem = (filename ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const name = stem.replace(/[^A-Za-z0-9\s()[\]-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  return name === '' ? 'document' : name;
}

/** OpenAI's `file` part as a document block (bytes, as Converse takes them). */
function toConverseDocument(part: FilePart, partParam: string): ContentBlock {
  const { mediaType, base64, filename } = readFileData(part, partParam, 'Amazon Bedrock');
  const format = ownValue(DOCUMENT_FORMATS, mediaType);
  if (!format) {
    throw GatewayError.invalidParam(`${partParam}.file.file_data: Amazon Bedrock takes pdf, csv, doc, docx, xls, xlsx, html, txt or md documents, not '${mediaType}'.`, `${partParam}.file.file_data`);
  }
  return { document: { format, name: toDocumentName(filename), source: { bytes: new Uint8Array(Buffer.from(base64, 'base64')) } } };
}

function toConverseBlock(part: ContentPart, partParam: string): ContentBlock {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image_url':
      return toConverseImage(part.image_url.url, `${partParam}.image_url.url`);
    case 'input_audio':
      throw GatewayError.invalidParam(`${partParam}: audio input is not supported by Amazon Bedrock Converse.`, partParam);
    case 'file':
      return toConverseDocument(part, partParam);
    default: {
      const unreachable: never = part;
      throw GatewayError.invalidParam(`${partParam}: unknown content part ${JSON.stringify(unreachable)}.`, partParam);
    }
  }
}

const asContentBlock = (cachePoint: CachePointBlock): ContentBlock => ({ cachePoint });

/**
 * Converse refuses a text block that is empty or only whitespace ("The text field in the ContentBlock
 * object at messages.N.content.M is blank"), counting merged turns the client cannot map back to its
 * messages; such text carries nothing, so it is left out.
 */
const isBlank = (text: string): boolean => text.trim() === '';

/**
 * A message's content as blocks, blank text left out; with `cachePoints`, a part's `cache_control`
 * adds a cachePoint after its block. A blank part's cache point follows the block before it (the
 * prefix the client meant to cache ends there); as the message's first block it has nothing to follow.
 */
function toConverseBlocks(content: ChatMessage['content'], param: string, cachePoints = false): ContentBlock[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return isBlank(content) ? [] : [{ text: content }];
  const blocks: ContentBlock[] = [];
  content.forEach((part: ContentPart, index) => {
    if (part.type !== 'text' || !isBlank(part.text)) {
      pushAll(blocks, withCachePoint(toConverseBlock(part, `${param}[${index}]`), part, cachePoints, asContentBlock));
      return;
    }
    const previous = blocks.at(-1);
    // Two cache points in a row would close the same prefix twice.
    if (previous !== undefined && previous.cachePoint === undefined) pushAll(blocks, cachePointOf(part, cachePoints, asContentBlock));
  });
  return blocks;
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

/** A tool message's id and text blocks, checked. */
function readToolResult(message: ChatMessage, param: string): { toolCallId: string; text: { text: string }[] } {
  if (typeof message.tool_call_id !== 'string') {
    throw GatewayError.invalidParam(`${param}.tool_call_id: a tool message needs the id of the tool call it answers.`, `${param}.tool_call_id`);
  }
  const text = toConverseBlocks(message.content, `${param}.content`).map((block) => {
    if (block.text === undefined) throw GatewayError.invalidParam(`${param}.content: a tool result can only hold text.`, `${param}.content`);
    return { text: block.text };
  });
  return { toolCallId: message.tool_call_id, text };
}

/**
 * A tool result; an empty one (a tool that returned nothing) as one empty text block, since some
 * models refuse a toolResult with an empty content list (Nemotron, a ValidationException) while
 * Bedrock's blank check does not cover text inside a toolResult: AWS's Strands SDK sends the same
 * after checking it on Claude and Nemotron (strands-agents/harness-sdk#2122).
 */
function toToolResult(message: ChatMessage, param: string): ContentBlock {
  const { toolCallId, text } = readToolResult(message, param);
  return { toolResult: { toolUseId: strictToolCallId(toolCallId, TOOL_USE_ID_MAX_LENGTH), content: text.length > 0 ? text : [{ text: '' }] } };
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
 * than whitespace and no tool calls, that no neighbour of the same role fills. A 400 naming the
 * message that began the turn, before any call.
 */
function refuseEmptyTurn(turns: readonly Message[], firstMessages: readonly number[]): void {
  const empty = turns.findIndex((turn) => (turn.content?.length ?? 0) === 0);
  if (empty === -1) return;
  const param = `messages[${firstMessages[empty]}].content`;
  const role = turns[empty].role;
  const rule = role === 'assistant' ? 'an assistant message needs text other than whitespace, or tool_calls' : 'a user message needs text other than whitespace, or another part';
  throw GatewayError.invalidParam(`${param}: Amazon Bedrock refuses a message with no content (${rule}); leave the message out or give it content.`, param);
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
  const addTurn = (index: number, role: 'user' | 'assistant', content: readonly ContentBlock[]): void => {
    if (addTurnTo(turns, role, content)) firstMessages.push(index);
  };
  messages.forEach((message, index) => {
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
        const { toolCallId, text } = readToolResult(message, param);
        addTurn(index, 'user', closed(withCachePoint(toolResultAsText(toolCallId, toolNames.get(toolCallId), text), cacheSource, options.cachePoints, asContentBlock)));
        break;
      }
      default:
        throw GatewayError.invalidParam(
          `${param}.role: '${message.role}' is not supported by Amazon Bedrock (use system, developer, user, assistant or tool).`,
          `${param}.role`,
        );
    }
  });
  refuseEmptyTurn(turns, firstMessages);
  return { system, messages: turns };
}

function toConverseTool(tool: Tool): ConverseTool {
  const { name, description, parameters, strict } = tool.function;
  // Converse requires a schema; a function without parameters takes an empty object.
  const schema = parameters ?? { type: 'object', properties: {} };
  // OpenAI's `strict` is Converse's own flag (structured outputs); whether a model takes it is AWS's to decide.
  return { toolSpec: { name, ...(description !== undefined ? { description } : {}), inputSchema: { json: schema as never }, ...(strict === true ? { strict: true } : {}) } };
}

function toConverseToolChoice(choice: ChatRequest['tool_choice']): ConverseToolChoice {
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  if (typeof choice === 'object' && choice !== null) {
    const name = (choice as { function?: { name?: unknown } }).function?.name;
    if (typeof name === 'string') return { tool: { name } };
  }
  throw GatewayError.invalidParam(
    `tool_choice: Amazon Bedrock Converse accepts 'auto', 'none', 'required' or {"type":"function","function":{"name":...}}, not ${JSON.stringify(choice)}.`,
    'tool_choice',
  );
}

/**
 * Request keys each family's chat accepts besides CHAT_KEYS: Claude's `top_k`, `thinking` and
 * `output_config` (the effort of adaptive thinking, a structured output `format`), `reasoning_effort`
 * where the family maps it.
 */
function chatKeysOf(family: BedrockFamily): string[] {
  return [
    ...CHAT_KEYS,
    ...(family.topK ? ['top_k'] : []),
    ...(family.thinking ? ['thinking', 'output_config'] : []),
    ...(family.reasoningEffort !== null ? ['reasoning_effort'] : []),
  ];
}

/**
 * The native fields of a chat request: Claude's extended `thinking` and `output_config`, passed as
 * the client sent them (Bedrock checks them), and `reasoning_effort` in the family's own field
 * (reasoning-effort.ts), whose adaptive effort joins the rest of the client's `output_config`
 * (reasoning_effort beside an `output_config.effort` of the client's own is a 400 there).
 */
function chatNativeFields(request: ChatRequest, family: BedrockFamily): Record<string, DocumentType> {
  const { thinking, output_config: outputConfig } = request;
  return {
    ...(thinking !== undefined ? { thinking: thinking as DocumentType } : {}),
    ...(outputConfig !== undefined ? { output_config: outputConfig as DocumentType } : {}),
    ...withClientOutputConfig(reasoningEffortFields(request, family), outputConfig),
  };
}

/**
 * Whether the model may call the request's tools. Converse has no tool choice "none": with `none`
 * the tools are not sent at all, so the model cannot call one (and the history goes as text).
 */
function offersTools(request: ChatRequest, family: BedrockFamily): boolean {
  const hasTools = (request.tools?.length ?? 0) > 0;
  if (request.tool_choice === 'none') return false;
  if (request.tool_choice !== undefined && !hasTools) {
    throw GatewayError.invalidParam(`tool_choice: needs a non-empty 'tools' list on ${providerLabel(family)}.`, 'tool_choice');
  }
  return hasTools;
}

/**
 * Whether a stream request is served by a Converse call answered whole: the model takes tools only
 * in Converse (ConverseStream refuses them, families.ts `streamed-tools`) and may call the request's.
 */
export function streamsToolsFromWholeAnswer(request: ChatRequest, family: BedrockFamily): boolean {
  return family.converseRefuses.includes('streamed-tools') && offersTools(request, family);
}

export function toConverseChat(request: ChatRequest, family: BedrockFamily): ConverseBody {
  acceptOnly(request, chatKeysOf(family), family);
  withParallelToolCallsAllowed(request, providerLabel(family));
  const toolBlocks = offersTools(request, family);
  refuseWhatTheModelRefuses(request, family, { toolBlocks });
  const { system, messages } = toConverseMessages(request.messages, { thinking: family.thinking, toolBlocks, cachePoints: family.promptCaching !== null });
  const body: ConverseBody = {
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...toConverseSampling(request, family, chatNativeFields(request, family)),
    ...toConverseOutputConfig(request, family),
  };
  if (toolBlocks && request.tools) {
    body.toolConfig = {
      // Claude caches tools; Nova refuses a cachePoint among them.
      tools: request.tools.flatMap((tool) => withCachePoint(toConverseTool(tool), tool, family.promptCaching?.tools === true, (cachePoint): ConverseTool => ({ cachePoint }))),
      ...(request.tool_choice !== undefined ? { toolChoice: toConverseToolChoice(request.tool_choice) } : {}),
    };
  }
  if (family.promptCaching !== null) refuseTooManyCachePoints(body, providerLabel(family));
  return body;
}

export function toConverseCompletions(request: CompletionsRequest, family: BedrockFamily): ConverseBody {
  acceptOnly(request, family.topK ? [...COMPLETIONS_KEYS, 'top_k'] : COMPLETIONS_KEYS, family);
  // The prompt is Converse's only text block, which it refuses blank, naming messages.0.content.0.
  if (isBlank(request.prompt)) throw GatewayError.invalidParam(`prompt: ${providerLabel(family)} refuses a prompt that is empty or only whitespace.`, 'prompt');
  return { messages: [{ role: 'user', content: [{ text: request.prompt }] }], ...toConverseSampling(request, family) };
}
