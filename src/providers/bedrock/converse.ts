/**
 * Chat (and completions of the conversational families) through the Bedrock Converse API.
 *
 * Vendor references:
 * - Converse: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * - ConverseStream events: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * - Tool use: https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use-inference-call.html
 *
 * Mapping: `system` and `developer` messages become `system` blocks; `tool` messages become
 * `toolResult` blocks of a user turn; assistant `tool_calls` become `toolUse` blocks (ids outside
 * Converse's id syntax go as a digest, see shared/tool-call-ids.ts); consecutive
 * turns of the same Converse role are merged (Converse requires alternating roles). Images are
 * accepted as `data:` URLs only (Converse takes bytes, not links). `tools` keep their full JSON
 * Schema; `tool_choice` `auto`/`required`/a named function map to `auto`/`any`/`tool`, while `none`
 * has no Converse equivalent and is a 400. Sampling parameters go to `inferenceConfig`
 * (temperature scaled per family), Claude's `top_k` to `additionalModelRequestFields`. Any other
 * parameter is a 400 naming it. Reasoning blocks in answers are not part of the unified schema and
 * are left out.
 */
import type {
  ContentBlock,
  ConverseCommandInput,
  ConverseCommandOutput,
  ConverseStreamOutput,
  ImageFormat,
  InferenceConfiguration,
  Message,
  SystemContentBlock,
  Tool as ConverseTool,
  ToolChoice as ConverseToolChoice,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../errors';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, CompletionsChunk, CompletionsRequest, CompletionsResponse, ContentPart, Tool, ToolCall, Usage } from '../../schema';
import { strictToolCallId } from '../shared/tool-call-ids';
import type { BedrockFamily } from './families';
import { acceptOnly, providerLabel, readSampling, type AnswerContext, type EventFold } from './shared';

/** The Converse input without `modelId`, which the adapter adds. */
export type ConverseBody = Omit<ConverseCommandInput, 'modelId'>;

// ---- Requests ----

const SAMPLING_KEYS = ['temperature', 'top_p', 'n', 'stop', 'max_tokens', 'max_completion_tokens', 'stream', 'stream_options'];
const CHAT_KEYS = ['messages', 'tools', 'tool_choice', ...SAMPLING_KEYS];
const COMPLETIONS_KEYS = ['prompt', ...SAMPLING_KEYS];

/** inferenceConfig and additionalModelRequestFields from the sampling parameters; absent ones stay absent. */
function toConverseSampling(request: Readonly<Record<string, unknown>>, family: BedrockFamily): Pick<ConverseBody, 'inferenceConfig' | 'additionalModelRequestFields'> {
  const { temperature, topP, topK, maxTokens, stop } = readSampling(request, family);
  const inferenceConfig: InferenceConfiguration = {};
  if (temperature !== undefined) inferenceConfig.temperature = temperature;
  if (topP !== undefined) inferenceConfig.topP = topP;
  if (maxTokens !== undefined) inferenceConfig.maxTokens = maxTokens;
  if (stop !== undefined) inferenceConfig.stopSequences = stop;
  return {
    ...(Object.keys(inferenceConfig).length > 0 ? { inferenceConfig } : {}),
    // Converse has no top_k; Claude takes it as a native field.
    ...(topK !== undefined ? { additionalModelRequestFields: { top_k: topK } } : {}),
  };
}

const IMAGE_FORMATS: Record<string, ImageFormat> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp' };

function toConverseImage(url: string, param: string): ContentBlock {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw GatewayError.invalidParam(`${param}: Amazon Bedrock accepts images only as base64 data: URLs, not links.`, param);
  const format = IMAGE_FORMATS[match[1].toLowerCase()];
  if (!format) throw GatewayError.invalidParam(`${param}: Amazon Bedrock accepts png, jpeg, gif or webp images, not '${match[1]}'.`, param);
  return { image: { format, source: { bytes: new Uint8Array(Buffer.from(match[2], 'base64')) } } };
}

function toConverseBlocks(content: ChatMessage['content'], param: string): ContentBlock[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  return content.map((part: ContentPart, index): ContentBlock => {
    const partParam = `${param}[${index}]`;
    switch (part.type) {
      case 'text':
        return { text: part.text };
      case 'image_url':
        return toConverseImage(part.image_url.url, `${partParam}.image_url.url`);
      case 'input_audio':
        throw GatewayError.invalidParam(`${partParam}: audio input is not supported by Amazon Bedrock Converse.`, partParam);
      default: {
        const unreachable: never = part;
        throw GatewayError.invalidParam(`${partParam}: unknown content part ${JSON.stringify(unreachable)}.`, partParam);
      }
    }
  });
}

function toSystemBlocks(content: ChatMessage['content'], param: string): SystemContentBlock[] {
  return toConverseBlocks(content, param).map((block) => {
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

function toToolResult(message: ChatMessage, param: string): ContentBlock {
  if (typeof message.tool_call_id !== 'string') {
    throw GatewayError.invalidParam(`${param}.tool_call_id: a tool message needs the id of the tool call it answers.`, `${param}.tool_call_id`);
  }
  const text = toConverseBlocks(message.content, `${param}.content`).map((block) => {
    if (block.text === undefined) throw GatewayError.invalidParam(`${param}.content: a tool result can only hold text.`, `${param}.content`);
    return { text: block.text };
  });
  return { toolResult: { toolUseId: strictToolCallId(message.tool_call_id, TOOL_USE_ID_MAX_LENGTH), content: text } };
}

/** Appends blocks as a turn, merging into the previous turn when it has the same role. */
function appendTurn(messages: Message[], role: 'user' | 'assistant', content: ContentBlock[]): Message[] {
  const last = messages[messages.length - 1];
  if (last?.role === role) return [...messages.slice(0, -1), { role, content: [...(last.content ?? []), ...content] }];
  return [...messages, { role, content }];
}

/** Unified messages as Converse `system` blocks and alternating user/assistant turns. */
export function toConverseMessages(messages: readonly ChatMessage[]): { system: SystemContentBlock[]; messages: Message[] } {
  let system: SystemContentBlock[] = [];
  let turns: Message[] = [];
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system = [...system, ...toSystemBlocks(message.content, `${param}.content`)];
        break;
      case 'user':
        turns = appendTurn(turns, 'user', toConverseBlocks(message.content, `${param}.content`));
        break;
      case 'assistant': {
        const calls = (message.tool_calls ?? []).map((call, callIndex) => toToolUse(call, `${param}.tool_calls[${callIndex}]`));
        turns = appendTurn(turns, 'assistant', [...toConverseBlocks(message.content, `${param}.content`), ...calls]);
        break;
      }
      case 'tool':
        turns = appendTurn(turns, 'user', [toToolResult(message, param)]);
        break;
      default:
        throw GatewayError.invalidParam(
          `${param}.role: '${message.role}' is not supported by Amazon Bedrock (use system, developer, user, assistant or tool).`,
          `${param}.role`,
        );
    }
  });
  return { system, messages: turns };
}

function toConverseTool(tool: Tool): ConverseTool {
  const { name, description, parameters } = tool.function;
  // Converse requires a schema; a function without parameters takes an empty object.
  const schema = parameters ?? { type: 'object', properties: {} };
  return { toolSpec: { name, ...(description !== undefined ? { description } : {}), inputSchema: { json: schema as never } } };
}

function toConverseToolChoice(choice: ChatRequest['tool_choice']): ConverseToolChoice {
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  if (typeof choice === 'object' && choice !== null) {
    const name = (choice as { function?: { name?: unknown } }).function?.name;
    if (typeof name === 'string') return { tool: { name } };
  }
  throw GatewayError.invalidParam(
    `tool_choice: Amazon Bedrock Converse accepts 'auto', 'required' or {"type":"function","function":{"name":...}}, not ${JSON.stringify(choice)}. To keep the model from calling tools, send no tools.`,
    'tool_choice',
  );
}

export function toConverseChat(request: ChatRequest, family: BedrockFamily): ConverseBody {
  acceptOnly(request, family.topK ? [...CHAT_KEYS, 'top_k'] : CHAT_KEYS, family);
  const { system, messages } = toConverseMessages(request.messages);
  const body: ConverseBody = { messages, ...(system.length > 0 ? { system } : {}), ...toConverseSampling(request, family) };
  if (request.tool_choice !== undefined && !request.tools?.length) {
    throw GatewayError.invalidParam(`tool_choice: needs a non-empty 'tools' list on ${providerLabel(family)}.`, 'tool_choice');
  }
  if (request.tools?.length) {
    body.toolConfig = {
      tools: request.tools.map(toConverseTool),
      ...(request.tool_choice !== undefined ? { toolChoice: toConverseToolChoice(request.tool_choice) } : {}),
    };
  }
  return body;
}

export function toConverseCompletions(request: CompletionsRequest, family: BedrockFamily): ConverseBody {
  acceptOnly(request, family.topK ? [...COMPLETIONS_KEYS, 'top_k'] : COMPLETIONS_KEYS, family);
  return { messages: [{ role: 'user', content: [{ text: request.prompt }] }], ...toConverseSampling(request, family) };
}

// ---- Responses ----

export function fromConverseUsage(usage: TokenUsage | undefined): Usage {
  return { prompt_tokens: usage?.inputTokens ?? null, completion_tokens: usage?.outputTokens ?? null, total_tokens: usage?.totalTokens ?? null };
}

function answerBlocks(output: ConverseCommandOutput): ContentBlock[] {
  const content = output.output?.message?.content;
  if (!Array.isArray(content)) throw GatewayError.upstreamUnavailable('Amazon Bedrock answered without an output message.');
  return content;
}

export function fromConverseChat(output: ConverseCommandOutput, context: AnswerContext): ChatResponse {
  const blocks = answerBlocks(output);
  const text = blocks.flatMap((block) => (block.text !== undefined ? [block.text] : [])).join('');
  const toolCalls: ToolCall[] = blocks.flatMap((block) =>
    block.toolUse ? [{ id: block.toolUse.toolUseId ?? '', type: 'function' as const, function: { name: block.toolUse.name ?? '', arguments: JSON.stringify(block.toolUse.input ?? {}) } }] : [],
  );
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text, tool_calls: toolCalls.length > 0 ? toolCalls : null, refusal: null },
        finish_reason: mapConverseStopReason(output.stopReason),
      },
    ],
    usage: fromConverseUsage(output.usage),
  };
}

export function fromConverseCompletions(output: ConverseCommandOutput, context: AnswerContext): CompletionsResponse {
  const text = answerBlocks(output).flatMap((block) => (block.text !== undefined ? [block.text] : [])).join('');
  return {
    id: context.id,
    object: 'text_completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, text, finish_reason: mapConverseStopReason(output.stopReason) }],
    usage: fromConverseUsage(output.usage),
  };
}

// ---- Streams ----

/**
 * The part both stream kinds share: the stop reason arrives in `messageStop`, usage in the
 * `metadata` event after it; the finish chunk carries both. A stream without `messageStop` was cut.
 */
function createConverseFold<Chunk>(mapEvent: (event: ConverseStreamOutput) => Chunk[], finish: (reason: string | null, usage: Usage | null) => Chunk): EventFold<ConverseStreamOutput, Chunk> {
  let stopReason: string | null | undefined;
  let finished = false;
  return {
    event(event) {
      if (finished) return [];
      if (event.messageStop) {
        stopReason = mapConverseStopReason(event.messageStop.stopReason);
        return [];
      }
      if (event.metadata && stopReason !== undefined) {
        finished = true;
        return [finish(stopReason, fromConverseUsage(event.metadata.usage))];
      }
      return mapEvent(event);
    },
    end() {
      if (stopReason === undefined) throw GatewayError.upstreamUnavailable('Amazon Bedrock ended the stream before the answer was complete (no messageStop event).', false);
      if (finished) return [];
      finished = true;
      return [finish(stopReason, null)];
    },
  };
}

export function createConverseChatStream(context: AnswerContext): EventFold<ConverseStreamOutput, ChatChunk> {
  // Converse numbers content blocks; OpenAI numbers tool calls from 0.
  const toolIndexes = new Map<number, number>();
  // Tool blocks whose input has had text: a call without parameters gets only an empty piece, and
  // its arguments must still be a JSON object text ("{}"), as in answers read whole.
  const withArguments = new Set<number>();
  // The role of `messageStart` goes on the first chunk with something in it, not on a chunk of its
  // own: until then the client has been sent nothing, so an exception event right after
  // `messageStart` (a throttlingException) can still be retried or fall back.
  let role = 'assistant';
  let roleSent = false;
  const chunk = (delta: Partial<ChatChunk['choices'][number]['delta']>, finishReason: string | null = null): ChatChunk => {
    const chunkRole = roleSent ? null : role;
    roleSent = true;
    return {
      id: context.id,
      object: 'chat.completion.chunk',
      created: context.created,
      model: context.model,
      choices: [{ index: 0, finish_reason: finishReason, delta: { role: chunkRole, content: null, tool_calls: null, ...delta } }],
    };
  };
  const mapEvent = (event: ConverseStreamOutput): ChatChunk[] => {
    if (event.messageStart) {
      role = event.messageStart.role ?? role;
      return [];
    }
    const toolUse = event.contentBlockStart?.start?.toolUse;
    if (toolUse) {
      const index = toolIndexes.size;
      toolIndexes.set(event.contentBlockStart?.contentBlockIndex ?? 0, index);
      return [chunk({ tool_calls: [{ index, id: toolUse.toolUseId ?? null, type: 'function', function: { name: toolUse.name ?? null, arguments: '' } }] })];
    }
    const delta = event.contentBlockDelta?.delta;
    if (delta?.text !== undefined) return [chunk({ content: delta.text })];
    if (delta?.toolUse) {
      const index = toolIndexes.get(event.contentBlockDelta?.contentBlockIndex ?? 0) ?? 0;
      const input = delta.toolUse.input ?? '';
      if (input === '') return [];
      withArguments.add(index);
      return [chunk({ tool_calls: [{ index, id: null, type: null, function: { name: null, arguments: input } }] })];
    }
    const stopped = event.contentBlockStop === undefined ? undefined : toolIndexes.get(event.contentBlockStop.contentBlockIndex ?? 0);
    if (stopped !== undefined && !withArguments.has(stopped)) {
      return [chunk({ tool_calls: [{ index: stopped, id: null, type: null, function: { name: null, arguments: '{}' } }] })];
    }
    return [];
  };
  return createConverseFold(mapEvent, (reason, usage) => ({ ...chunk({}, reason), ...(usage ? { usage } : {}) }));
}

export function createConverseCompletionsStream(context: AnswerContext): EventFold<ConverseStreamOutput, CompletionsChunk> {
  const chunk = (text: string | null, finishReason: string | null = null): CompletionsChunk => ({
    id: context.id,
    object: 'text_completion_chunk',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, finish_reason: finishReason, text }],
  });
  const mapEvent = (event: ConverseStreamOutput): CompletionsChunk[] => {
    const text = event.contentBlockDelta?.delta?.text;
    return text !== undefined ? [chunk(text)] : [];
  };
  return createConverseFold(mapEvent, (reason, usage) => ({ ...chunk(null, reason), ...(usage ? { usage } : {}) }));
}

/** Converse stop reasons in the unified set; values without an equivalent pass through unchanged. */
export function mapConverseStopReason(reason: string | undefined): string | null {
  switch (reason) {
    case undefined:
      return null;
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content_filter';
    default:
      return reason;
  }
}
