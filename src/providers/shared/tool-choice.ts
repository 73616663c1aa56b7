/**
 * OpenAI's chat `tool_choice` for the OpenAI-compatible vendors (Mistral, Together AI, TGI), and
 * its `allowed_tools` for every vendor with tool calling of its own. The compatible vendors'
 * APIs take only "auto", "none", "required" (Mistral also "any"; TGI also a function's name) and
 * `{"type": "function", "function": {"name": ...}}`: Mistral's ToolChoice, Together AI's function
 * calling guide (https://docs.together.ai/docs/inference/function-calling/single-call), TGI's
 * ToolType (its OpenAPI reference). OpenAI's newer object forms, which the openai v6 client types,
 * went to them unchanged, and Mistral and TGI answered with a 422 of their own. `allowed_tools` has
 * an exact equivalent there: only the allowed tools are sent, with its mode as the choice, so the
 * model can call those and no other, as OpenAI allows; so it is at Anthropic, Bedrock Converse and
 * Cohere, whose tool choices name no list of tools either (withAllowedTools), at AI21 Jamba with mode
 * `auto` (Jamba has no tool choice: ai21labs/chat.ts), and at Gemini with mode `auto`, while its forced call takes the list itself (allowedToolsOf, gemini/tools.ts). Any
 * other object (`custom`, which names a custom tool, a kind no vendor here has) is a 400 naming
 * `tool_choice`, on those vendors too.
 */
import { quoted, quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { Tool } from '../../schema';
import { isRecord } from './json';

type Request = Readonly<Record<string, unknown>>;

const ALLOWED_TOOLS = 'tool_choice.allowed_tools';

/** The function a `{"type": "function", "function": {"name": ...}}` names (`type` is optional in Mistral's and TGI's references), else null. */
function namedFunction(value: Record<string, unknown>): string | null {
  const fn = value.function;
  return (value.type === undefined || value.type === 'function') && isRecord(fn) && typeof fn.name === 'string' ? fn.name : null;
}

/** The names of the allowed tools, each `{"type": "function", "function": {"name": ...}}`. */
function allowedNames(tools: unknown, provider: string): string[] {
  if (!Array.isArray(tools) || tools.length === 0) {
    throw GatewayError.invalidParam(`${ALLOWED_TOOLS}.tools: must list at least one tool the model may call.`, `${ALLOWED_TOOLS}.tools`);
  }
  return tools.map((tool: unknown, index) => {
    const name = isRecord(tool) && tool.type === 'function' ? namedFunction(tool) : null;
    if (name !== null) return name;
    const param = `${ALLOWED_TOOLS}.tools[${index}]`;
    throw GatewayError.invalidParam(`${param}: ${provider} takes function tools only, as {"type":"function","function":{"name":...}}, not ${quotedJson(tool)}.`, param);
  });
}

/** OpenAI's `allowed_tools` checked against the request's tools: its mode and the allowed functions' names, each once. */
export interface AllowedTools {
  mode: 'auto' | 'required';
  names: string[];
}

const toolName = (tool: unknown): string | null => (isRecord(tool) ? namedFunction(tool) : null);

/**
 * The request's `tool_choice` `{"type": "allowed_tools", ...}`, checked (a mode of "auto" or
 * "required", function tools each in `tools`; else a 400 naming the field); null for any other choice.
 */
export function allowedToolsOf(request: Request, provider: string): AllowedTools | null {
  const choice = request.tool_choice;
  if (!isRecord(choice) || choice.type !== 'allowed_tools') return null;
  const allowed = choice.allowed_tools;
  if (!isRecord(allowed) || (allowed.mode !== 'auto' && allowed.mode !== 'required')) {
    const mode = isRecord(allowed) ? allowed.mode : allowed;
    throw GatewayError.invalidParam(`${ALLOWED_TOOLS}.mode: must be "auto" or "required", not ${quotedJson(mode)}.`, `${ALLOWED_TOOLS}.mode`);
  }
  const names = allowedNames(allowed.tools, provider);
  const tools = Array.isArray(request.tools) ? (request.tools as unknown[]) : [];
  names.forEach((name, index) => {
    if (!tools.some((tool) => toolName(tool) === name)) {
      const param = `${ALLOWED_TOOLS}.tools[${index}]`;
      throw GatewayError.invalidParam(`${param}: no tool named ${quoted(name)} in tools.`, param);
    }
  });
  // A tool listed twice is allowed once: Gemini's allowedFunctionNames would name it twice.
  return { mode: allowed.mode, names: [...new Set(names)] };
}

/**
 * Whether a vendor's strict-tool rules apply to `tool`: it is marked strict and is sent (`sent`: the
 * names of the tools sent, null for all). A tool the tool choice leaves out is never sent, so what the
 * vendor could not follow in it is no reason to refuse the request.
 */
export function isSentStrictTool(tool: Tool, sent: ReadonlySet<string> | null): boolean {
  return tool.function?.strict === true && (sent === null || sent.has(tool.function.name));
}

/** The names of the tools withAllowedTools leaves in the request; null when it leaves them all. */
export function allowedToolNames(request: Request, provider: string): ReadonlySet<string> | null {
  const allowed = allowedToolsOf(request, provider);
  return allowed === null ? null : new Set(allowed.names);
}

/**
 * For a vendor with no list of allowed tools (or one that takes it with a forced call only): the
 * request with only the allowed tools, in their order in `tools`, and the mode as its tool_choice,
 * so the model may call those and no other; any other request as it is.
 */
export function withAllowedTools<Body extends Request>(request: Body, provider: string): Body {
  const allowed = allowedToolsOf(request, provider);
  if (allowed === null) return request;
  const tools = (request.tools as unknown[]).filter((tool) => allowed.names.includes(toolName(tool) ?? ''));
  return { ...request, tools, tool_choice: allowed.mode };
}

/**
 * The request with a `tool_choice` the vendor takes: a string or a named function as sent,
 * `allowed_tools` as above; another object is a 400.
 */
export function withCompatibleToolChoice<Body extends Request>(request: Body, provider: string): Body {
  const choice = request.tool_choice;
  if (!isRecord(choice) || namedFunction(choice) !== null) return request;
  if (choice.type === 'allowed_tools') return withAllowedTools(request, provider);
  throw GatewayError.invalidParam(
    `tool_choice: ${provider} accepts 'auto', 'none', 'required', {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools, not ${quotedJson(choice)}.`,
    'tool_choice',
  );
}
