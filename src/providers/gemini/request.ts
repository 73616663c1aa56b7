/**
 * Unified chat and completions requests → Gemini `generateContent` bodies. Every parameter is
 * either translated or refused with a 400 naming it; nothing is dropped or defaulted.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatMessage, ChatRequest, CompletionsRequest, ContentPart, ToolCall } from '../../schema';
import { refuseFunctionMessages } from '../shared/function-messages';
import { isRecord } from '../shared/json';
import { base64DataUrl, dataUrlFault, imageMediaTypeOfUrl, standardMediaType } from '../shared/media-types';
import { maxTokensOf, rejectNativeNames, rejectParametersOtherThan, withoutNoOpValues, withParallelToolCallsAllowed } from '../shared/parameters';
import { readFileData } from '../shared/file-parts';
import { jsonSchemaFormatOf } from '../shared/response-format';
import { refuseToolCallsWithoutResults, TOOL_CALL_RULES, TOOL_RESULT_RULES, toolResultWithoutCall } from '../shared/tool-results';
import { toGeminiCompletionsLogprobsConfig, toGeminiLogprobsConfig } from './logprobs';
import { toGeminiJsonSchema } from './output-schema';
import { toGeminiThinkingConfig, type GeminiThinkingControl } from './thinking';
import { splitToolCallId, UNSIGNED_CALL_SIGNATURE } from './tool-call-ids';
import { toGeminiTools, toolConfigFor, withGeminiAllowedTools } from './tools';
import { GEMINI, type GeminiContent, type GeminiGenerateContentRequest, type GeminiGenerationConfig, type GeminiPart } from './wire';

/** Gemini's own spellings, refused in favour of the unified names (reference §6.3, in its order). */
const NATIVE_NAMES = { stopSequences: 'stop', candidateCount: 'n', maxOutputTokens: 'max_tokens', topK: 'top_k', topP: 'top_p' };

const SAMPLING_PARAMETERS = [
  'temperature',
  'top_p',
  'top_k',
  'n',
  'stop',
  'max_tokens',
  'max_completion_tokens',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'stream',
  'stream_options',
];
// `parallel_tool_calls` is accepted and not sent (withParallelToolCallsAllowed); the body is built field by field.
const CHAT_PARAMETERS = new Set(['messages', 'tools', 'tool_choice', 'response_format', 'reasoning_effort', 'parallel_tool_calls', 'logprobs', 'top_logprobs', 'web_search_options', ...SAMPLING_PARAMETERS]);
const COMPLETIONS_PARAMETERS = new Set(['prompt', 'system_prompt', 'logprobs', ...SAMPLING_PARAMETERS]);

function invalid(message: string, param: string): GatewayError {
  return GatewayError.invalidParam(message, param);
}

/** 422 for a native spelling, then 400 for any key Gemini has no counterpart for, on a request without its no-op values. */
function checkParameters(request: Readonly<Record<string, unknown>>, known: ReadonlySet<string>): void {
  rejectNativeNames(request, NATIVE_NAMES);
  rejectParametersOtherThan(request, known, GEMINI);
}

// ---- Generation config ----

function toResponseFormat(format: unknown): GeminiGenerationConfig {
  if (format === undefined) return {};
  const type = isRecord(format) ? format.type : undefined;
  switch (type) {
    case 'text':
      // Text is Gemini's default: saying so changes nothing (and with tools it is reported to make
      // function calls fail as MALFORMED_FUNCTION_CALL), so nothing is sent.
      return {};
    case 'json_object':
      return { responseMimeType: 'application/json' };
    case 'json_schema':
      // The same reading of the schema as Anthropic's and Bedrock's (a json_schema type always gives one, or a 400).
      return { responseMimeType: 'application/json', responseJsonSchema: toGeminiJsonSchema(jsonSchemaFormatOf(format, GEMINI)!.schema) };
    default:
      throw invalid(`'response_format.type' must be text, json_object or json_schema for ${GEMINI}.`, 'response_format.type');
  }
}

/** The log probabilities asked for, read by chat's rules or completions' (their `logprobs` differ). */
type LogprobsConfig = Pick<GeminiGenerationConfig, 'responseLogprobs' | 'logprobs'>;

/**
 * The sampling parameters the client (or the endpoint defaults) set, renamed, the log probabilities
 * asked for, and for chat the thinking settings of `reasoning_effort`; undefined when none.
 */
function toGenerationConfig(request: Readonly<Record<string, unknown>>, logprobs: LogprobsConfig, thinking?: GeminiThinkingControl): GeminiGenerationConfig | undefined {
  const { stop } = request;
  const config: Record<string, unknown> = {
    // Not scaled: Gemini's temperature range is 0..2 like the unified one.
    temperature: request.temperature,
    topP: request.top_p,
    topK: request.top_k,
    candidateCount: request.n,
    maxOutputTokens: maxTokensOf(request),
    stopSequences: typeof stop === 'string' ? [stop] : stop,
    presencePenalty: request.presence_penalty,
    frequencyPenalty: request.frequency_penalty,
    seed: request.seed,
    ...toResponseFormat(request.response_format),
    ...logprobs,
    thinkingConfig: thinking === undefined ? undefined : toGeminiThinkingConfig(request.reasoning_effort, thinking),
  };
  const present = Object.entries(config).filter(([, value]) => value !== undefined);
  return present.length === 0 ? undefined : (Object.fromEntries(present) as GeminiGenerationConfig);
}

// ---- Message content ----

/**
 * The links Gemini fetches a file from (https://ai.google.dev/gemini-api/docs/file-input-methods):
 * http(s) (a public or signed URL, a Files API file, a YouTube video) and gs:// (a Cloud Storage
 * object registered with the Files API). Anything else (`file:///etc/passwd`, a relative path, "")
 * would be Gemini's 400 after the call, naming its own part.
 */
const FILE_URI = /^(?:https?|gs):\/\/[^\s/?#]/i;

/**
 * A link as a file URI for Gemini to fetch, with the media type its extension names (Google's SDKs
 * and guides give one with every file URI; Gemini cannot know the type of an arbitrary URL as it
 * knows an uploaded file's).
 */
function toFileDataPart(url: string): GeminiPart {
  const mimeType = imageMediaTypeOfUrl(url);
  return { fileData: mimeType === undefined ? { fileUri: url } : { mimeType, fileUri: url } };
}

/**
 * `data:<mime>[;param...];base64,<data>` → inline bytes; an http(s) or gs:// link → fileData
 * (toFileDataPart); anything else a 400 naming the part. OpenAI's `detail` is not sent, as on
 * Anthropic and Bedrock: Gemini's per-part resolution is Gemini 3's alone and only in v1alpha, and its
 * request-wide `mediaResolution` cannot hold a per-image choice.
 */
function toImagePart(part: Extract<ContentPart, { type: 'image_url' }>, path: string): GeminiPart {
  const { url } = part.image_url;
  if (FILE_URI.test(url)) return toFileDataPart(url);
  const data = base64DataUrl(url);
  if (!data) throw invalid(`'${path}.image_url.url' must be a base64 data URL (data:<mime type>;base64,...), an http(s) URL or a gs:// URI${dataUrlFault(url)}.`, `${path}.image_url.url`);
  return { inlineData: { mimeType: standardMediaType(data.mediaType), data: data.base64 } };
}

function toGeminiPart(part: ContentPart, path: string, allowMedia: boolean): GeminiPart {
  if (part.type === 'text') return { text: part.text };
  if (!allowMedia) throw invalid(`'${path}': ${GEMINI} accepts only text parts in this message.`, path);
  switch (part.type) {
    case 'image_url':
      return toImagePart(part, path);
    case 'input_audio':
      return { inlineData: { mimeType: `audio/${part.input_audio.format}`, data: part.input_audio.data } };
    case 'file': {
      // A document as inline bytes, as Gemini's document processing takes a PDF (other types are read as text):
      // https://ai.google.dev/gemini-api/docs/document-processing
      const { mediaType, base64 } = readFileData(part, path, GEMINI);
      return { inlineData: { mimeType: mediaType, data: base64 } };
    }
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

/** A message content as parts: a string is one text part; absent content has none. */
function toGeminiParts(content: ChatMessage['content'], path: string, allowMedia: boolean): GeminiPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ text: content }];
  return content.map((part, index) => toGeminiPart(part, `${path}[${index}]`, allowMedia));
}

function textOf(content: ChatMessage['content'], path: string): string {
  return toGeminiParts(content, path, false)
    .map((part) => part.text)
    .join('');
}

// ---- Tool calls and results ----

function parseArguments(call: ToolCall, path: string): Record<string, unknown> {
  // Some clients send "" for a call without arguments.
  if (call.function.arguments.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.function.arguments);
  } catch {
    throw invalid(`'${path}.function.arguments' is not valid JSON.`, `${path}.function.arguments`);
  }
  if (!isRecord(parsed)) throw invalid(`'${path}.function.arguments' must be a JSON object.`, `${path}.function.arguments`);
  return parsed;
}

/**
 * A tool call goes back with its id and, for Gemini 3, its thought signature. Gemini signs only the
 * first of parallel calls; a first call without one was not Gemini's and takes the documented
 * stand-in (see tool-call-ids.ts): Gemini 3 needs it, and Google's gemini-cli sends it to every model.
 */
function toFunctionCallPart(call: ToolCall, path: string, first: boolean): GeminiPart {
  const { id, thoughtSignature } = splitToolCallId(call.id);
  const part: GeminiPart = { functionCall: { id, name: call.function.name, args: parseArguments(call, path) } };
  const signature = thoughtSignature ?? (first ? UNSIGNED_CALL_SIGNATURE : undefined);
  if (signature !== undefined) part.thoughtSignature = signature;
  return part;
}

/**
 * Gemini wants an object: a JSON object result is sent as it is; any other result (plain text, a
 * JSON array or scalar) goes under `output`, the key Gemini documents for a function's output.
 */
function toFunctionResponse(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : { output: parsed };
  } catch {
    return { output: text };
  }
}

interface ConvertedMessages {
  contents: GeminiContent[];
  system: GeminiPart[];
}

/**
 * Messages → contents: system and developer messages become the system instruction; user →
 * `user`, assistant → `model` (text, then function calls); consecutive tool results join one
 * `user` turn of function responses, named after the call with the same id of the assistant message before them,
 * which must answer each of its calls (Gemini counts them), or the turn is a 400 before any call.
 */
export function toGeminiContents(messages: readonly ChatMessage[]): ConvertedMessages {
  const contents: GeminiContent[] = [];
  const system: GeminiPart[] = [];
  // The calls of the last assistant message: Gemini takes responses only right after their call's turn (shared/tool-results.ts).
  let callNames = new Map<string, string>();
  // The turn of function responses being filled: checking the last turn's parts instead, for each
  // tool message, made many consecutive results cost time quadratic in their number.
  let responsesTurn: GeminiContent | null = null;
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...toGeminiParts(message.content, `${path}.content`, false));
        break;
      case 'user': {
        const parts = toGeminiParts(message.content, `${path}.content`, true);
        if (parts.length === 0) throw invalid(`'${path}.content' is required for a user message.`, `${path}.content`);
        contents.push({ role: 'user', parts });
        break;
      }
      case 'assistant': {
        const calls = message.tool_calls ?? [];
        callNames = new Map(calls.map((call) => [call.id, call.function.name]));
        const parts = [
          ...toGeminiParts(message.content, `${path}.content`, false).filter((part) => part.text !== ''),
          ...calls.map((call, callIndex) => toFunctionCallPart(call, `${path}.tool_calls[${callIndex}]`, callIndex === 0)),
        ];
        if (parts.length === 0) throw invalid(`'${path}': an assistant message needs content or tool_calls.`, `${path}.content`);
        contents.push({ role: 'model', parts });
        break;
      }
      case 'tool': {
        const callId = message.tool_call_id;
        if (callId === undefined) throw invalid(`'${path}.tool_call_id' is required for a tool message.`, `${path}.tool_call_id`);
        const name = callNames.get(callId);
        if (name === undefined) throw toolResultWithoutCall(index, callId, GEMINI, TOOL_RESULT_RULES.gemini);
        const part: GeminiPart = {
          functionResponse: { id: splitToolCallId(callId).id, name, response: toFunctionResponse(textOf(message.content, `${path}.content`)) },
        };
        if (responsesTurn !== null && contents[contents.length - 1] === responsesTurn) responsesTurn.parts.push(part);
        else {
          responsesTurn = { role: 'user', parts: [part] };
          contents.push(responsesTurn);
        }
        break;
      }
      default:
        throw invalid(`'${path}.role' ${quoted(message.role)} is not supported by ${GEMINI}; use system, developer, user, assistant or tool.`, `${path}.role`);
    }
  });
  refuseToolCallsWithoutResults(messages, GEMINI, TOOL_CALL_RULES.gemini, 'apart');
  return { contents, system };
}

// ---- Requests ----

function withOptionalFields(body: GeminiGenerateContentRequest, fields: Partial<GeminiGenerateContentRequest>): GeminiGenerateContentRequest {
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  return { ...body, ...Object.fromEntries(present) };
}

/**
 * An endpoint's parameter defaults, checked at config load as a request carrying them would be
 * (the parameters Gemini takes, and a `reasoning_effort` the model takes), so that a default every
 * request would be refused for is a config problem. `thinking`: undefined for completions.
 */
export function checkGeminiParameterDefaults(allDefaults: Readonly<Record<string, unknown>>, thinking: GeminiThinkingControl | undefined): void {
  const defaults = withoutNoOpValues(allDefaults);
  checkParameters(defaults, thinking === undefined ? COMPLETIONS_PARAMETERS : CHAT_PARAMETERS);
  withParallelToolCallsAllowed(defaults, GEMINI);
  if (thinking !== undefined) toGeminiThinkingConfig(defaults.reasoning_effort, thinking);
}

/**
 * `thinking`: how the endpoint's model takes `reasoning_effort` (geminiThinkingControl, at config
 * load); `validatedMode`: whether it takes function calling mode VALIDATED (geminiTakesValidatedMode).
 */
export function toGeminiChat(clientRequest: ChatRequest, thinking: GeminiThinkingControl, { validatedMode = false }: { validatedMode?: boolean } = {}): GeminiGenerateContentRequest {
  const { request, allowedFunctionNames } = withGeminiAllowedTools(withoutNoOpValues(clientRequest));
  checkParameters(request, CHAT_PARAMETERS);
  withParallelToolCallsAllowed(request, GEMINI);
  refuseFunctionMessages(request.messages, GEMINI);
  const { contents, system } = toGeminiContents(request.messages);
  return withOptionalFields(
    { contents },
    {
      systemInstruction: system.length > 0 ? { parts: system } : undefined,
      generationConfig: toGenerationConfig(request, toGeminiLogprobsConfig(request), thinking),
      tools: toGeminiTools(request),
      toolConfig: toolConfigFor(request, { allowedFunctionNames, validatedMode }),
    },
  );
}

/** The prompt is one user turn; `system_prompt` (an MLflow extra) becomes the system instruction. */
export function toGeminiCompletions(clientRequest: CompletionsRequest): GeminiGenerateContentRequest {
  const request = withoutNoOpValues(clientRequest);
  checkParameters(request, COMPLETIONS_PARAMETERS);
  const { system_prompt: systemPrompt } = request;
  if (systemPrompt !== undefined && typeof systemPrompt !== 'string') throw invalid("'system_prompt' must be a string.", 'system_prompt');
  return withOptionalFields(
    { contents: [{ role: 'user', parts: [{ text: request.prompt }] }] },
    {
      systemInstruction: systemPrompt !== undefined ? { parts: [{ text: systemPrompt }] } : undefined,
      generationConfig: toGenerationConfig(request, toGeminiCompletionsLogprobsConfig(request)),
    },
  );
}
