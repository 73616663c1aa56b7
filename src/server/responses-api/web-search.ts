/**
 * The Responses API's web search tool on the chat path. References:
 * https://platform.openai.com/docs/guides/tools-web-search?api-mode=responses (the tool, `web_search_call`),
 * https://platform.openai.com/docs/api-reference/chat/create (`web_search_options`).
 *
 * A `web_search` tool (or `web_search_preview`, or a dated variant) becomes the chat request's
 * `web_search_options`, which each provider serves or refuses as on `/v1/chat/completions`; its
 * `filters.allowed_domains` goes as the gateway's `web_search_options.filters.allowed_domains`
 * (Anthropic serves it; OpenAI and Gemini refuse it). What chat cannot carry is a 400 naming the
 * field rather than a search wider than the client asked for: `filters.blocked_domains`,
 * `external_web_access: false`, image results.
 *
 * The chat answer does not say what was searched; its url citations are the only sign of a search.
 * So an answer citing pages, to a request with the tool, gets one `web_search_call` item whose action
 * has no query; its sources (when `include` asks for them) are the cited pages.
 */
import { GatewayError } from '../../errors';
import type { ResponsesOutputItem, ResponsesRequest, ResponsesUrlCitation } from '../../schema';

type ResponsesTool = NonNullable<ResponsesRequest['tools']>[number];
export type WebSearchTool = Exclude<ResponsesTool, { type: 'function' }>;
type ToolChoice = NonNullable<ResponsesRequest['tool_choice']>;
export type WebSearchChoice = Exclude<ToolChoice, string | { type: 'function' }>;
type WebSearchCall = Extract<ResponsesOutputItem, { type: 'web_search_call' }>;

/** What a Response reports of the search a request asked for. */
export interface WebSearchReport {
  /** `include` asks for `web_search_call.action.sources`: the cited pages are listed. */
  sources: boolean;
}

export function isWebSearchTool(tool: ResponsesTool): tool is WebSearchTool {
  return tool.type !== 'function';
}

export function isWebSearchChoice(choice: ToolChoice): choice is WebSearchChoice {
  return typeof choice === 'object' && choice.type !== 'function';
}

/** The request's web search tool and its index; a 400 naming the second one if there are two. */
export function webSearchToolOf(tools: readonly ResponsesTool[] | undefined): { tool: WebSearchTool; index: number } | undefined {
  const [first, second] = (tools ?? []).flatMap((tool, index) => (isWebSearchTool(tool) ? [{ tool, index }] : []));
  if (second !== undefined) {
    throw GatewayError.invalidParam(`tools[${second.index}]: a request takes one web search tool (tools[${first.index}] is one)`, `tools[${second.index}]`);
  }
  return first;
}

/** Refuses what chat's web search cannot do: it would search wider than the client asked for. */
function refuseUnservedSettings(tool: WebSearchTool, path: string): void {
  if ((tool.filters?.blocked_domains?.length ?? 0) > 0) {
    throw GatewayError.invalidParam(`${path}.filters.blocked_domains: the chat request's web_search_options takes allowed_domains only, so the search would not keep to it; leave it out`, `${path}.filters.blocked_domains`);
  }
  if (tool.external_web_access === false) {
    throw GatewayError.invalidParam(`${path}.external_web_access: the chat request's web search cannot keep to cached pages; leave it out or true`, `${path}.external_web_access`);
  }
  if (tool.search_content_types?.includes('image')) {
    throw GatewayError.invalidParam(`${path}.search_content_types: the chat request's web search finds text only; leave "image" out`, `${path}.search_content_types`);
  }
}

/** The tool as the chat request's `web_search_options`: the same context size, the location one level down, the allowed domains (when it lists any). */
export function chatWebSearchOptionsOf(tool: WebSearchTool, index: number): Record<string, unknown> {
  refuseUnservedSettings(tool, `tools[${index}]`);
  const options: Record<string, unknown> = {};
  if (tool.search_context_size !== undefined) options.search_context_size = tool.search_context_size;
  const { type: _type, ...approximate } = tool.user_location ?? {};
  if (Object.keys(approximate).length > 0) options.user_location = { type: 'approximate', approximate };
  const allowed = tool.filters?.allowed_domains;
  if (allowed != null && allowed.length > 0) options.filters = { allowed_domains: allowed };
  return options;
}

/** Refuses a tool_choice naming the web search tool when the request has none. */
export function checkWebSearchChoice(choice: ToolChoice | undefined, tool: WebSearchTool | undefined): void {
  if (choice !== undefined && isWebSearchChoice(choice) && tool === undefined) {
    throw GatewayError.invalidParam(`tool_choice: it names the web search tool (${choice.type}), which is not in tools`, 'tool_choice');
  }
}

/** What the Response reports of the search: nothing without the tool, or when tool_choice none turned it off. */
export function webSearchReportOf(request: ResponsesRequest): WebSearchReport | undefined {
  if (request.tool_choice === 'none' || !request.tools?.some(isWebSearchTool)) return undefined;
  return { sources: request.include?.includes('web_search_call.action.sources') ?? false };
}

/** The search the citations show, as a `web_search_call` item; the query is unknown, so it has none. */
export function webSearchCallOf(options: { id: string; status: WebSearchCall['status']; citations: readonly ResponsesUrlCitation[]; report: WebSearchReport }): WebSearchCall {
  const { id, status, citations, report } = options;
  const action: WebSearchCall['action'] = { type: 'search' };
  if (report.sources) action.sources = [...new Set(citations.map((citation) => citation.url))].map((url) => ({ type: 'url', url }));
  return { type: 'web_search_call', id, status, action };
}
