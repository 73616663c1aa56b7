/**
 * OpenAI's tools and tool choice → Gemini's `tools` (function declarations, Google Search) and
 * `toolConfig.functionCallingConfig` (see index.ts for the mapping and its references).
 */
import { GatewayError } from '../../errors';
import type { ChatRequest, Tool } from '../../schema';
import { isRecord } from '../shared/json';
import { allowedToolsOf, withAllowedTools } from '../shared/tool-choice';
import { toGeminiJsonSchema } from './output-schema';
import { toGeminiSearchTool } from './web-search';
import { GEMINI, type GeminiFunctionDeclaration, type GeminiTool, type GeminiToolConfig } from './wire';

/** Function declarations with their JSON Schema as Gemini reads it (output-schema.ts); `strict` has no Gemini counterpart (see index.ts). */
function toFunctionDeclarationsTool(tools: readonly Tool[] | undefined): GeminiTool | undefined {
  if (tools === undefined || tools.length === 0) return undefined;
  const functionDeclarations = tools.map(({ function: definition }): GeminiFunctionDeclaration => {
    const declaration: GeminiFunctionDeclaration = { name: definition.name };
    if (definition.description !== undefined) declaration.description = definition.description;
    if (definition.parameters !== undefined) declaration.parametersJsonSchema = toGeminiJsonSchema(definition.parameters);
    return declaration;
  });
  return { functionDeclarations };
}

/** The client's functions, then Google Search when `web_search_options` asks for it (web-search.ts). */
export function toGeminiTools(request: ChatRequest): GeminiTool[] | undefined {
  const tools = [toFunctionDeclarationsTool(request.tools), toGeminiSearchTool(request.web_search_options)].filter((tool) => tool !== undefined);
  return tools.length === 0 ? undefined : tools;
}

function toGeminiToolConfig(toolChoice: ChatRequest['tool_choice'], allowedFunctionNames?: string[]): GeminiToolConfig | undefined {
  switch (toolChoice) {
    case undefined:
      return undefined;
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } };
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } };
    case 'required':
      return { functionCallingConfig: allowedFunctionNames === undefined ? { mode: 'ANY' } : { mode: 'ANY', allowedFunctionNames } };
    default: {
      const name = isRecord(toolChoice) && toolChoice.type === 'function' && isRecord(toolChoice.function) ? toolChoice.function.name : undefined;
      if (typeof name !== 'string') {
        throw GatewayError.invalidParam(`'tool_choice' must be "auto", "none", "required", {"type":"function","function":{"name":...}} or {"type":"allowed_tools",...} of function tools for ${GEMINI}.`, 'tool_choice');
      }
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name] } };
    }
  }
}

/**
 * Gemini refuses a `functionCallingConfig` without function declarations (400 "Function calling
 * config is set without function_declarations"), as with only Google Search: there `auto` and
 * `none` change nothing and are left out, while `required` or a named function asks for a call no
 * declared function can make: a 400 naming `tool_choice`.
 */
export function toolConfigFor(request: ChatRequest, allowedFunctionNames?: string[]): GeminiToolConfig | undefined {
  const config = toGeminiToolConfig(request.tool_choice, allowedFunctionNames);
  if (config === undefined || (request.tools !== undefined && request.tools.length > 0)) return config;
  if (config.functionCallingConfig.mode !== 'ANY') return undefined;
  throw GatewayError.invalidParam(`'tool_choice' asks ${GEMINI} for a function call, but 'tools' declares no function.`, 'tool_choice');
}

/**
 * OpenAI's `allowed_tools`: with mode `required`, Gemini's own `allowedFunctionNames` with mode ANY,
 * every declaration still sent; with `auto`, only the allowed declarations with mode AUTO, as
 * Gemini takes `allowedFunctionNames` with ANY only (its VALIDATED mode also takes them, but
 * constrains each call to its schema, which OpenAI's `auto` does not ask for). Gemini's
 * FunctionCallingConfig: https://ai.google.dev/api/caching#FunctionCallingConfig
 */
export function withGeminiAllowedTools(request: ChatRequest): { request: ChatRequest; allowedFunctionNames?: string[] } {
  const allowed = allowedToolsOf(request, GEMINI);
  if (allowed === null) return { request };
  if (allowed.mode === 'auto') return { request: withAllowedTools(request, GEMINI) };
  return { request: { ...request, tool_choice: 'required' }, allowedFunctionNames: allowed.names };
}
