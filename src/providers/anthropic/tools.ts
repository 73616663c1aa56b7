/**
 * OpenAI-shaped tools and tool choice → Anthropic's `tools` and `tool_choice`, and the tools declared
 * for tool history in a request that offers none (see index.ts for the mapping and its references).
 */
import type { ChatMessage, ChatRequest, Tool } from '../../schema';
import { isRecord } from '../shared/json';
import { invalid, withCacheControl } from './content';
import type { AnthropicTool, AnthropicToolChoice } from './wire';

/** The function's JSON Schema goes through whole as `input_schema`; the tool's `cache_control` goes along. */
function toAnthropicTool(tool: Tool): AnthropicTool {
  const { name, description, parameters, strict } = tool.function;
  const converted: AnthropicTool = { name, input_schema: parameters ?? { type: 'object', properties: {} } };
  if (description !== undefined) converted.description = description;
  if (strict === true) converted.strict = true;
  return withCacheControl(converted, tool);
}

function namedFunction(choice: Record<string, unknown>): string | null {
  const fn = choice.function;
  return choice.type === 'function' && isRecord(fn) && typeof fn.name === 'string' ? fn.name : null;
}

function toChoiceType(choice: unknown): AnthropicToolChoice {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  const name = isRecord(choice) ? namedFunction(choice) : null;
  if (name !== null) return { type: 'tool', name };
  throw invalid('tool_choice', `The parameter 'tool_choice' must be "auto", "none", "required", {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools.`);
}

/** auto → auto, required → any, none → none, a named function → tool; `parallel_tool_calls: false` → disable_parallel_tool_use. */
function toAnthropicToolChoice(choice: unknown, parallelToolCalls: unknown): AnthropicToolChoice | undefined {
  if (parallelToolCalls !== undefined && typeof parallelToolCalls !== 'boolean') {
    throw invalid('parallel_tool_calls', "The parameter 'parallel_tool_calls' must be a boolean.");
  }
  if (choice === undefined && parallelToolCalls !== false) return undefined;
  // Anthropic carries the parallel switch on tool_choice; `auto` is its default choice.
  const mapped = choice === undefined ? ({ type: 'auto' } as const) : toChoiceType(choice);
  return parallelToolCalls === false && mapped.type !== 'none' ? { ...mapped, disable_parallel_tool_use: true } : mapped;
}

/** The tools the conversation's tool calls name, once each, with an open schema (theirs is not sent). */
function historyToolsOf(messages: readonly ChatMessage[]): AnthropicTool[] {
  const names = new Set(messages.flatMap((message) => (message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.function.name) : [])));
  return [...names].map((name) => ({ name, input_schema: { type: 'object', properties: {} } }));
}

/**
 * A request that offers no tools (or says `tool_choice` none) but carries tool history, such as an
 * agent's final turn: Anthropic has refused tool_use / tool_result blocks without `tools` (400
 * "Requests which include `tool_use` or `tool_result` blocks must define tools"), so the tools the
 * history calls are declared with `tool_choice` none, which Anthropic enforces: the conversation
 * goes unchanged (signed thinking included) and no tool can be called.
 */
function toolsForHistory(request: ChatRequest): { tools: AnthropicTool[]; tool_choice: AnthropicToolChoice } | null {
  if ((request.tools?.length ?? 0) > 0 || (request.tool_choice !== undefined && request.tool_choice !== 'none')) return null;
  const tools = historyToolsOf(request.messages);
  return tools.length > 0 ? { tools, tool_choice: { type: 'none' } } : null;
}

/** The body with the request's tools and tool choice, or, for tool history without tools, those of toolsForHistory. */
export function withAnthropicTools(body: Readonly<Record<string, unknown>>, request: ChatRequest): Record<string, unknown> {
  const sent: Record<string, unknown> = { ...body };
  if (request.tools !== undefined) sent.tools = request.tools.map(toAnthropicTool);
  const toolChoice = toAnthropicToolChoice(request.tool_choice, request.parallel_tool_calls);
  if (toolChoice !== undefined) sent.tool_choice = toolChoice;
  return { ...sent, ...toolsForHistory(request) };
}
