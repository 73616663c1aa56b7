/**
 * Chat requests with tools, `tool_choice` or tool history, on Cohere's v2 chat API
 * (`POST /v2/chat`: https://docs.cohere.com/reference/chat, tool use:
 * https://docs.cohere.com/v2/docs/tool-use-overview, streams: https://docs.cohere.com/v2/docs/streaming
 * and https://docs.cohere.com/v2/docs/tool-use-streaming). v1 has tools too, but with flat
 * `parameter_definitions` (no nested JSON Schema), calls without ids and results in a separate
 * `tool_results` field; v2 takes OpenAI's shapes: JSON Schema tools, assistant `tool_calls` with
 * ids, `tool` messages with `tool_call_id`. Plain text requests stay on v1 (MLflow's wire format).
 *
 * Mapping: messages in order (system and developer as `system`); an assistant turn with tool calls
 * sends its text as `tool_plan` (Cohere refuses text content beside tool calls), and an answer's
 * `tool_plan` comes back as the message's content, so it goes back where it came from. `tool_choice`
 * `required`/`none` → `REQUIRED`/`NONE`; OpenAI's `allowed_tools` sends only the allowed tools with its
 * mode (shared/tool-choice.ts); a named function (Cohere cannot name one) sends only that
 * tool, with `REQUIRED`. `strict` on every tool sent → `strict_tools: true`, their schemas' references
 * written out as for `response_format` (output-schema.ts); on some only → 400 (Cohere's switch covers all tools).
 * Tools `allowed_tools` or a named choice leaves out are not sent, so their `strict` and schemas are not
 * checked either. `parallel_tool_calls` is not sent (withParallelToolCallsAllowed).
 * Sampling, `stop` and `response_format` as on v1 (the v2 schema field is `json_schema`).
 * Requests with `reasoning_effort` (sent as `thinking`, request.ts) or Cohere's own `thinking` come
 * here too (https://docs.cohere.com/v2/docs/reasoning): answers' `thinking` content items, and
 * streamed thinking pieces, are `reasoning_content`; an assistant message's `reasoning_content` goes
 * back as a `thinking` content item, before its text (or beside its `tool_plan` and tool calls), when
 * the request thinks (historyThinks).
 * Streams are server-sent events: tool calls are numbered 0, 1, ... in the order they start.
 */
import { quoted, quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatChunk, ChatMessage, ChatRequest, ChatResponse, Tool, ToolCall, ToolCallDelta } from '../../schema';
import { refuseFunctionMessages } from '../shared/function-messages';
import { argumentsText, excerpt, isRecord, parseJsonObject } from '../shared/json';
import { rejectNativeNames, stopList, withoutNoOpValues, withParallelToolCallsAllowed } from '../shared/parameters';
import { allowedToolNames, withAllowedTools } from '../shared/tool-choice';
import type { SseEvent, StreamFold } from '../transport/sse';
import { withCohereStrictTools } from './output-schema';
import { checkCohereChatParameters, COHERE_NAME, cohereMessageText, cohereThinkingOf, toCohereResponseFormat, toCohereSampling } from './request';
import { fromCohereUsage, mapCohereFinishReason, type CohereResponseContext } from './response';
import type { CohereV2ChatResponse, CohereV2StreamEvent, CohereV2ToolCall } from './wire';

/** Whether a chat request needs v2: it offers tools, chooses among them, carries a tool round, or sets thinking (`reasoning_effort` or Cohere's own `thinking`, which v1 lacks). */
export function usesCohereV2(request: ChatRequest): boolean {
  if (request.tools !== undefined || request.tool_choice !== undefined) return true;
  if (request.reasoning_effort !== undefined || (request as Record<string, unknown>).thinking !== undefined) return true;
  return request.messages.some((message) => message.role === 'tool' || (message.tool_calls?.length ?? 0) > 0);
}

/**
 * The v2 base for a configured `cohere_api_base`: its final `/v1` segment as `/v2` (the default
 * `https://api.cohere.ai/v1` → `https://api.cohere.ai/v2`). Null for a base without one (a proxy
 * path): where v2 lives there cannot be known.
 */
export function cohereV2BaseUrl(v1Base: string): string | null {
  const url = new URL(v1Base);
  if (!/\/v1\/*$/.test(url.pathname)) return null;
  url.pathname = url.pathname.replace(/\/v1\/*$/, '/v2');
  return url.toString();
}

const NO_V2_BASE =
  "tool calling and thinking go to Cohere's v2 chat API, whose URL the gateway derives from cohere_api_base by replacing its final '/v1' with '/v2'; this endpoint's cohere_api_base does not end in '/v1': set cohere_api_v2_base to the v2 API's base.";

/** The 501 of an endpoint whose base gives no v2 URL. */
export function noCohereV2Base(endpointName: string): GatewayError {
  return GatewayError.unsupported(`Endpoint '${endpointName}': ${NO_V2_BASE}`);
}

/** The refusal at load of a `reasoning_effort` default on such an endpoint: it would send every request to v2. */
export function noCohereV2BaseForDefault(param: string): GatewayError {
  return GatewayError.invalidParam(`${param}: ${NO_V2_BASE}`, param);
}

// ---- Request ----

function toCohereV2ToolCall(call: ToolCall): Record<string, unknown> {
  return { id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } };
}

/**
 * An assistant message's `reasoning_content` as the `thinking` content item Cohere's answers give
 * (https://docs.cohere.com/reference/chat: an assistant message's content items are `text` or
 * `thinking`), so that a reasoning model sees its earlier thinking in a tool loop. Every assistant
 * message that carries some sends it (Cohere documents no trimming to the last user turn).
 */
function thinkingItemOf(message: ChatMessage): { type: 'thinking'; thinking: string } | null {
  const reasoning = message.reasoning_content;
  return typeof reasoning === 'string' && reasoning !== '' ? { type: 'thinking', thinking: reasoning } : null;
}

/**
 * Whether the request's history may carry thinking items: it asks for thinking (`reasoning_effort`
 * low to high, or Cohere's own `thinking` enabled), or its model reasons unasked (Command A
 * Reasoning: a name with "reasoning"). Otherwise they are left out, as Mistral's are for a model
 * that does not think (a conversation moved from Claude): Cohere documents thinking items for its
 * reasoning models only.
 */
function historyThinks(thinking: { type?: unknown } | undefined, model: string): boolean {
  return thinking !== undefined ? thinking.type === 'enabled' : /reasoning/i.test(model);
}

function toCohereV2Message(message: ChatMessage, index: number, withThinking: boolean): Record<string, unknown> {
  const text = cohereMessageText(message, index);
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: text };
    case 'user':
      return { role: 'user', content: text };
    case 'assistant': {
      const calls = message.tool_calls ?? [];
      const thinking = withThinking ? thinkingItemOf(message) : null;
      if (calls.length === 0) return { role: 'assistant', content: thinking ? [thinking, ...(text !== '' ? [{ type: 'text', text }] : [])] : text };
      // Cohere refuses text content beside tool calls: the text is the turn's plan, the thinking its content.
      return { role: 'assistant', ...(thinking ? { content: [thinking] } : {}), ...(text !== '' ? { tool_plan: text } : {}), tool_calls: calls.map(toCohereV2ToolCall) };
    }
    case 'tool': {
      const param = `messages[${index}].tool_call_id`;
      if (typeof message.tool_call_id !== 'string') throw GatewayError.invalidParam(`${param}: a tool message needs the id of the tool call it answers.`, param);
      return { role: 'tool', tool_call_id: message.tool_call_id, content: text };
    }
    default:
      throw GatewayError.invalidParam(
        `Cohere chat accepts system, developer, user, assistant and tool messages; messages[${index}].role is ${quoted(message.role)}.`,
        `messages[${index}].role`,
      );
  }
}

function toCohereV2Tool(tool: Tool, index: number): Record<string, unknown> {
  if (tool.type !== 'function') throw GatewayError.invalidParam(`tools[${index}].type: Cohere takes function tools only, not ${quoted(String(tool.type))}.`, `tools[${index}].type`);
  const { name, description, parameters } = tool.function;
  return { type: 'function', function: { name, ...(description !== undefined ? { description } : {}), ...(parameters !== undefined ? { parameters } : {}) } };
}

/** The function a `{"type": "function", "function": {"name": ...}}` tool choice names, else null. */
function namedFunctionOf(choice: ChatRequest['tool_choice']): string | null {
  return isRecord(choice) && choice.type === 'function' && isRecord(choice.function) && typeof choice.function.name === 'string' ? choice.function.name : null;
}

/** The tools a `tool_choice` naming one function leaves: that one only (Cohere cannot name a tool to call). */
function namedTool(tools: Tool[], choice: Record<string, unknown>): Tool[] {
  const name = namedFunctionOf(choice);
  if (name === null) {
    throw GatewayError.invalidParam(`tool_choice: Cohere accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${quotedJson(choice)}.`, 'tool_choice');
  }
  const chosen = tools.filter((tool) => tool.function.name === name);
  if (chosen.length === 0) throw GatewayError.invalidParam(`tool_choice.function.name: no tool named ${quoted(name)} in tools.`, 'tool_choice.function.name');
  return chosen;
}

/** The tools sent and Cohere's `tool_choice` for them. */
function chooseTools(tools: Tool[], choice: ChatRequest['tool_choice']): { tools: Tool[]; toolChoice?: 'REQUIRED' | 'NONE' } {
  if (choice === undefined || choice === 'auto') return { tools };
  if (choice === 'none') return { tools, toolChoice: 'NONE' };
  if (tools.length === 0) throw GatewayError.invalidParam(`tool_choice: ${quotedJson(choice)} needs a non-empty 'tools' list.`, 'tool_choice');
  if (choice === 'required') return { tools, toolChoice: 'REQUIRED' };
  if (isRecord(choice)) return { tools: namedTool(tools, choice), toolChoice: 'REQUIRED' };
  throw GatewayError.invalidParam(`tool_choice: Cohere accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${quotedJson(choice)}.`, 'tool_choice');
}

/**
 * The names of the tools Cohere is sent: those `allowed_tools` allows, or the one a named choice
 * names; null when every tool goes.
 */
function sentToolNames(request: ChatRequest): ReadonlySet<string> | null {
  const allowed = allowedToolNames(request, COHERE_NAME);
  if (allowed !== null) return allowed;
  const name = namedFunctionOf(request.tool_choice);
  return name === null ? null : new Set([name]);
}

/**
 * `strict_tools: true` when every tool sent is strict; strict on some only cannot be expressed: a 400
 * naming the first loose tool sent by its place in the client's `tools` (tools that are not strict
 * reach here as the client's own objects).
 */
function strictToolsOf(tools: Tool[], clientTools: readonly Tool[]): Record<string, unknown> {
  if (!tools.some((tool) => tool.function.strict === true)) return {};
  const loose = tools.find((tool) => tool.function.strict !== true);
  if (loose === undefined) return { strict_tools: true };
  const param = `tools[${clientTools.indexOf(loose)}].function.strict`;
  throw GatewayError.invalidParam(`${param}: Cohere makes all tools strict or none (strict_tools); mark every tool strict, or none.`, param);
}

function toCohereV2Tools(request: ChatRequest, clientTools: readonly Tool[]): Record<string, unknown> {
  const offered = request.tools ?? [];
  offered.forEach(toCohereV2Tool); // every tool is checked, also those a named choice leaves out
  const { tools, toolChoice } = chooseTools(offered, request.tool_choice);
  return {
    ...(tools.length > 0 ? { tools: tools.map(toCohereV2Tool), ...strictToolsOf(tools, clientTools) } : {}),
    ...(toolChoice !== undefined ? { tool_choice: toolChoice } : {}),
  };
}

/** Cohere's own `thinking` as the client sent it, when it is an object. */
function clientThinkingOf(request: Record<string, unknown>): { type?: unknown } | undefined {
  const thinking = request.thinking;
  return typeof thinking === 'object' && thinking !== null ? (thinking as { type?: unknown }) : undefined;
}

export function toCohereV2Chat(clientRequest: ChatRequest, { model, stream = false }: { model: string; stream?: boolean }): Record<string, unknown> {
  // Cohere names no list of allowed tools: `allowed_tools` sends only those (shared/tool-choice.ts).
  const asked = withParallelToolCallsAllowed(withoutNoOpValues(clientRequest), COHERE_NAME);
  const request = withAllowedTools(withCohereStrictTools(asked, sentToolNames(asked)), COHERE_NAME);
  checkCohereChatParameters(request);
  rejectNativeNames(request, { strict_tools: 'tools[].function.strict' });
  refuseFunctionMessages(request.messages, COHERE_NAME);
  const thinking = cohereThinkingOf(request);
  const withThinking = historyThinks(thinking ?? clientThinkingOf(request), model);
  const { messages, tools: _tools, tool_choice: _choice, n: _n, stream: _stream, stream_options: _options, model: _model, response_format: responseFormat, stop, reasoning_effort: _effort, ...rest } = request;
  return {
    ...toCohereSampling(rest),
    model,
    messages: messages.map((message, index) => toCohereV2Message(message, index, withThinking)),
    ...toCohereV2Tools(request, asked.tools ?? []),
    ...(thinking !== undefined ? { thinking } : {}),
    ...(stop !== undefined ? { stop_sequences: stopList(stop) } : {}),
    ...(responseFormat !== undefined ? { response_format: toCohereResponseFormat(responseFormat, 'json_schema') } : {}),
    ...(stream ? { stream: true } : {}),
  };
}

// ---- Response ----

/** A call's arguments (or a piece of them) as text: Cohere sends a JSON text; an object is serialised. */
function argumentsOf(value: unknown): string {
  const text = argumentsText(value ?? '');
  if (typeof text !== 'string') throw GatewayError.unexpectedAnswer("Cohere's tool call arguments are neither a JSON text nor an object.");
  return text;
}

function fromCohereV2ToolCall(call: CohereV2ToolCall): ToolCall {
  const name = call.function?.name;
  if (typeof call.id !== 'string' || typeof name !== 'string') throw GatewayError.unexpectedAnswer("Cohere's response has a tool call without an id or a name.");
  return { id: call.id, type: 'function', function: { name, arguments: argumentsOf(call.function?.arguments) } };
}

/** A list field of the answer: absent is empty, anything but a list an unexpected answer. */
function listOf<Item>(value: Item[] | undefined, field: string): Item[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw GatewayError.unexpectedAnswer(`Cohere's response has a '${field}' that is not a list.`);
  return value;
}

export function fromCohereV2Chat(body: unknown, { model, now }: CohereResponseContext): ChatResponse {
  if (!isRecord(body) || !isRecord(body.message)) throw GatewayError.unexpectedAnswer("Cohere's response has no 'message'.");
  const { id, message, finish_reason: finishReason, usage } = body as unknown as CohereV2ChatResponse;
  const calls = listOf(message.tool_calls, 'message.tool_calls').map((call) => fromCohereV2ToolCall(isRecord(call) ? call : {}));
  const items = listOf(message.content, 'message.content');
  const texts = items.flatMap((item) => (isRecord(item) && item.type === 'text' && typeof item.text === 'string' ? [item.text] : []));
  const thoughts = items.flatMap((item) => (isRecord(item) && item.type === 'thinking' && typeof item.thinking === 'string' ? [item.thinking] : []));
  const content = [typeof message.tool_plan === 'string' ? message.tool_plan : '', ...texts].join('');
  const answer: ChatResponse['choices'][number]['message'] = { role: 'assistant', content: content === '' && calls.length > 0 ? null : content, tool_calls: calls.length > 0 ? calls : null, refusal: null };
  return {
    id: typeof id === 'string' ? id : null,
    object: 'chat.completion',
    created: now(),
    model,
    choices: [
      {
        index: 0,
        // Only an answer that thought has the field, so others keep OpenAI's exact shape.
        message: thoughts.length > 0 ? { ...answer, reasoning_content: thoughts.join('') } : answer,
        finish_reason: mapCohereFinishReason(finishReason, calls.length > 0),
      },
    ],
    usage: fromCohereUsage({ meta: usage }),
  };
}

// ---- Stream ----

function parseCohereV2Event(event: SseEvent): CohereV2StreamEvent {
  const parsed = parseJsonObject(event.data) as CohereV2StreamEvent | null;
  if (parsed === null) throw GatewayError.upstreamUnavailable(`Cohere sent a stream event that is not a JSON object: ${excerpt(event.data)}`);
  if (parsed.type === undefined && typeof parsed.message === 'string') throw GatewayError.upstreamUnavailable(`Cohere reported an error mid-stream: ${parsed.message}`, false);
  return parsed;
}

/**
 * v2 stream events → unified chunks: `message-start` gives the id; `content-delta` and
 * `tool-plan-delta` are content (a thinking item's `content-delta` pieces `reasoning_content`);
 * `tool-call-start` opens a call (id, name), `tool-call-delta` adds to its arguments; `message-end`
 * gives the finish reason and usage. Citations carry nothing for the unified chunk. A stream
 * without `message-end` was cut off.
 */
export function createCohereV2ChatStream({ model, now }: CohereResponseContext): StreamFold<ChatChunk> {
  let done = false;
  let id: string | null = null;
  let roleSent = false;
  // Cohere's index of each started call → its place among the answer's calls.
  const callIndexes = new Map<number, number>();
  const chunk = (delta: { content?: string; tool_calls?: ToolCallDelta[]; reasoning_content?: string }, finishReason: string | null = null): ChatChunk => {
    const role = roleSent ? null : 'assistant';
    roleSent = true;
    return { id, object: 'chat.completion.chunk', created: now(), model, choices: [{ index: 0, finish_reason: finishReason, delta: { role, content: null, tool_calls: null, ...delta } }] };
  };
  const text = (value: unknown): ChatChunk[] => (typeof value === 'string' && value !== '' ? [chunk({ content: value })] : []);
  const thinking = (value: unknown): ChatChunk[] => (typeof value === 'string' && value !== '' ? [chunk({ reasoning_content: value })] : []);
  const startCall = (line: CohereV2StreamEvent): ChatChunk[] => {
    const call = line.delta?.message?.tool_calls;
    const callId = call?.id;
    const name = call?.function?.name;
    if (typeof callId !== 'string' || typeof name !== 'string') throw GatewayError.upstreamUnavailable('Cohere started a tool call without an id or a name (tool-call-start).');
    const index = callIndexes.size;
    callIndexes.set(line.index ?? index, index);
    const first: ToolCallDelta = { index, id: callId, type: 'function', function: { name, arguments: '' } };
    return [chunk({ tool_calls: [first] }), ...callArguments(index, argumentsOf(call?.function?.arguments))];
  };
  const callArguments = (index: number, fragment: string): ChatChunk[] =>
    fragment === '' ? [] : [chunk({ tool_calls: [{ index, id: null, type: null, function: { name: null, arguments: fragment } }] })];
  return {
    get done() {
      return done;
    },
    event(event: SseEvent): ChatChunk[] {
      if (done || event.data === '[DONE]') return [];
      const line = parseCohereV2Event(event);
      switch (line.type) {
        case 'message-start':
          id = typeof line.id === 'string' ? line.id : null;
          return [];
        case 'content-start':
        case 'content-delta': {
          // A thinking item streams its pieces as `content.thinking`, a text item as `content.text`.
          const content = line.delta?.message?.content;
          return [...thinking(content?.thinking), ...text(content?.text)];
        }
        case 'tool-plan-delta':
          return text(line.delta?.message?.tool_plan);
        case 'tool-call-start':
          return startCall(line);
        case 'tool-call-delta': {
          const index = callIndexes.get(line.index ?? callIndexes.size - 1);
          if (index === undefined) throw GatewayError.upstreamUnavailable('Cohere streamed tool-call arguments before the call started (tool-call-delta without tool-call-start).');
          return callArguments(index, argumentsOf(line.delta?.message?.tool_calls?.function?.arguments));
        }
        case 'message-end': {
          done = true;
          const last = chunk({}, mapCohereFinishReason(line.delta?.finish_reason, callIndexes.size > 0));
          last.usage = fromCohereUsage({ meta: line.delta?.usage });
          return [last];
        }
        default:
          // content-end, tool-call-end, citation-start/-end, debug: nothing for the unified chunk.
          return [];
      }
    },
    end(): ChatChunk[] {
      if (!done) throw GatewayError.streamCutOff('Cohere ended the stream before it was complete (no message-end).');
      return [];
    },
  };
}
