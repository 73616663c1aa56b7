/**
 * OpenAI's tools and tool choice → Gemini's `tools` (function declarations, Google Search) and
 * `toolConfig.functionCallingConfig` (see index.ts for the mapping and its references).
 *
 * `strict: true` (OpenAI's promise that a call's arguments follow the function's schema) has no field
 * in a function declaration; Gemini's counterpart is its function calling mode
 * (https://ai.google.dev/gemini-api/docs/function-calling#function_calling_modes): `ANY` (tool_choice
 * `required` or a named function) already "guarantees function schema adherence", and `VALIDATED`, a
 * preview mode, is `AUTO` (text or calls, as the model decides) with its calls held to their schemas.
 * `AUTO` promises no such thing, so a strict function sent with tool_choice `auto` or none goes with
 * `VALIDATED`, on the models known to take it (geminiTakesValidatedMode); other models keep `AUTO`, as
 * before. The mode covers every function of the request, so loose functions beside a strict one are
 * held to their schemas too, which their calls may always do.
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

/**
 * Whether an endpoint's model takes mode `VALIDATED`, from its name (at config load). Google lists no
 * models for the preview mode; it is used with Gemini 2.5 and later (`gemini-2.5-flash`,
 * `models/gemini-3-pro-preview`: pydantic-ai turns it on for these, pydantic/pydantic-ai#6353) and
 * with Gemini's `-latest` aliases, which name the newest models. Earlier models (1.5, 2.0), names
 * without a version (tuned models, a proxy's names), and image and speech models, which make no
 * function calls, keep `AUTO`, so what worked there before still does.
 */
export function geminiTakesValidatedMode(model: string): boolean {
  if (/image|tts/i.test(model)) return false;
  if (/(?:^|\/)gemini-[a-z-]*latest$/.test(model)) return true;
  const version = /(?:^|\/)gemini-(\d+)(?:\.(\d+))?(?:-|$)/.exec(model);
  return version !== null && Number(`${version[1]}.${version[2] ?? 0}`) >= 2.5;
}

/** `VALIDATED` where `AUTO` would go, or where no mode would: the request sends a strict function, to a model that takes it. */
function validatedFor(request: ChatRequest, validatedMode: boolean): boolean {
  return validatedMode && (request.tools ?? []).some((tool) => tool.function.strict === true);
}

function toGeminiToolConfig(toolChoice: ChatRequest['tool_choice'], allowedFunctionNames: string[] | undefined, validated: boolean): GeminiToolConfig | undefined {
  if (validated && (toolChoice === undefined || toolChoice === 'auto')) return { functionCallingConfig: { mode: 'VALIDATED' } };
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
 * The request's `toolConfig`; `validatedMode`: the model takes mode `VALIDATED`
 * (geminiTakesValidatedMode). Gemini refuses a `functionCallingConfig` without function
 * declarations (400 "Function calling config is set without function_declarations"), as with only
 * Google Search: there `auto` and `none` change nothing and are left out, while `required` or a
 * named function asks for a call no declared function can make: a 400 naming `tool_choice`.
 */
export function toolConfigFor(request: ChatRequest, { allowedFunctionNames, validatedMode = false }: { allowedFunctionNames?: string[]; validatedMode?: boolean } = {}): GeminiToolConfig | undefined {
  const config = toGeminiToolConfig(request.tool_choice, allowedFunctionNames, validatedFor(request, validatedMode));
  if (config === undefined || (request.tools !== undefined && request.tools.length > 0)) return config;
  if (config.functionCallingConfig.mode !== 'ANY') return undefined;
  throw GatewayError.invalidParam(`'tool_choice' asks ${GEMINI} for a function call, but 'tools' declares no function.`, 'tool_choice');
}

/**
 * OpenAI's `allowed_tools`: with mode `required`, Gemini's own `allowedFunctionNames` with mode ANY,
 * every declaration still sent; with `auto`, only the allowed declarations with mode AUTO (VALIDATED
 * when one of them is strict, toolConfigFor), as Gemini takes `allowedFunctionNames` with ANY only
 * (its VALIDATED mode also takes them, but constrains each call to its schema, which OpenAI's `auto`
 * does not ask for of a function that is not strict). Gemini's
 * FunctionCallingConfig: https://ai.google.dev/api/caching#FunctionCallingConfig
 */
export function withGeminiAllowedTools(request: ChatRequest): { request: ChatRequest; allowedFunctionNames?: string[] } {
  const allowed = allowedToolsOf(request, GEMINI);
  if (allowed === null) return { request };
  if (allowed.mode === 'auto') return { request: withAllowedTools(request, GEMINI) };
  return { request: { ...request, tool_choice: 'required' }, allowedFunctionNames: allowed.names };
}
