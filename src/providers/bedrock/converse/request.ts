/**
 * Unified chat and completions requests → the Converse request body: accepted keys, inferenceConfig and
 * native fields, tools, tool choice and output format; messages.ts writes the conversation (see
 * index.ts for the mapping and its references).
 */
import type {
  ConverseCommandInput,
  InferenceConfiguration,
  Tool as ConverseTool,
  ToolChoice as ConverseToolChoice,
} from '@aws-sdk/client-bedrock-runtime';
import type { DocumentType } from '@smithy/types';
import { quotedJson } from '../../../config/quoted';
import { GatewayError } from '../../../errors';
import type { ChatRequest, CompletionsRequest, Tool } from '../../../schema';
import { isBlank, refuseBlankStopSequences } from '../../shared/blank-text';
import { refuseFunctionMessages } from '../../shared/function-messages';
import { withParallelToolCallsAllowed } from '../../shared/parameters';
import { withClaudeStrictTools } from '../../shared/claude-output-schema';
import { allowedToolNames, withAllowedTools } from '../../shared/tool-choice';
import { withClientOutputConfig } from '../../shared/thinking';
import { refuseToolCallsWithoutResults, refuseToolResultsWithoutCalls, TOOL_CALL_RULES, TOOL_RESULT_RULES } from '../../shared/tool-results';
import { CONVERSE_TEMPERATURE_FACTOR, type BedrockFamily } from '../families';
import { acceptOnly, providerLabel, readSampling } from '../shared';
import { refuseTooManyCachePoints, withCachePoint } from './cache-points';
import { toConverseMessages } from './messages';
import { toConverseOutputConfig } from './output-format';
import { reasoningEffortFields } from './reasoning-effort';
import { refuseWhatTheModelRefuses } from './refused-features';

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
  // Claude (the family with Claude's thinking) refuses blank stop sequences on Bedrock as on Anthropic's API.
  if (family.thinking) refuseBlankStopSequences(request.stop, providerLabel(family));
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

function toConverseTool(tool: Tool): ConverseTool {
  const { name, description, parameters, strict } = tool.function;
  // Converse requires a schema; a function without parameters takes an empty object.
  const schema = parameters ?? { type: 'object', properties: {} };
  // OpenAI's `strict` is Converse's own flag (structured outputs); whether a model takes it is AWS's to decide (Claude's schema reshaped in toConverseChat).
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
    `tool_choice: Amazon Bedrock Converse accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${quotedJson(choice)}.`,
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

/**
 * The names of the tools Converse is sent: none with `tool_choice` none (offersTools), those
 * `allowed_tools` allows; null when every tool goes (a named function too: toolChoice names it).
 */
function sentToolNames(request: ChatRequest, family: BedrockFamily): ReadonlySet<string> | null {
  return request.tool_choice === 'none' ? new Set() : allowedToolNames(request, providerLabel(family));
}

export function toConverseChat(clientRequest: ChatRequest, family: BedrockFamily): ConverseBody {
  acceptOnly(clientRequest, chatKeysOf(family), family);
  // Converse's toolChoice names no list of tools: `allowed_tools` sends only those (shared/tool-choice.ts).
  // Claude's strict tools are its structured outputs' grammar (family.thinking marks Claude, as in output-format.ts);
  // only those sent are read.
  const strictRead = family.thinking ? withClaudeStrictTools(clientRequest, providerLabel(family), sentToolNames(clientRequest, family)) : clientRequest;
  const request = withAllowedTools(strictRead, providerLabel(family));
  withParallelToolCallsAllowed(request, providerLabel(family));
  refuseFunctionMessages(request.messages, providerLabel(family));
  const toolBlocks = offersTools(request, family);
  refuseWhatTheModelRefuses(request, family, { toolBlocks });
  // Claude's rules for tool calls and results; other families' are not known, and without tool blocks both go as text.
  if (family.thinking && toolBlocks) {
    refuseToolResultsWithoutCalls(request.messages, providerLabel(family), TOOL_RESULT_RULES.claude);
    refuseToolCallsWithoutResults(request.messages, providerLabel(family), TOOL_CALL_RULES.claude, 'merged');
  }
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
