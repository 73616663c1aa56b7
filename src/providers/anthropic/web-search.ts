/**
 * OpenAI's `web_search_options` as Anthropic's web search tool, and the answer's web citations as
 * OpenAI's `url_citation` annotations.
 * - Tool: https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool
 * - Citations (`citations_delta` in streams): https://docs.anthropic.com/en/docs/build-with-claude/citations
 * - OpenAI's side: https://platform.openai.com/docs/api-reference/chat/create (`web_search_options`)
 *   and https://platform.openai.com/docs/guides/tools-web-search?api-mode=chat (`annotations`)
 *
 * `web_search_options` adds `{"type": "web_search_20250305", "name": "web_search"}` beside the
 * function tools, with `user_location.approximate` as the tool's `user_location` and the endpoint's
 * bounds (`max_uses`, a domain list: web-search-settings.ts). `search_context_size` (how much of the
 * pages OpenAI's search puts in context) has no Anthropic setting; as LiteLLM does, low / medium /
 * high become `max_uses` 1 / 5 / 10, only when the endpoint sets no `max_uses` of its own. The
 * gateway's `filters.allowed_domains` (the Responses API tool's) is the tool's `allowed_domains`,
 * within the endpoint's list (web-search-domains.ts).
 * Anthropic's tool_choice none would turn the search off too, so it is a 400 beside `web_search_options`.
 */
import { GatewayError } from '../../errors';
import type { Tool, UrlCitation } from '../../schema';
import { urlCitationsOver } from '../shared/url-citations';
import { readWebSearchOptions, type SearchContextSize } from '../shared/web-search-options';
import { allowedDomainsWithin } from './web-search-domains';
import type { AnthropicWebSearchBounds } from './web-search-settings';
import type { AnthropicCitation, AnthropicTool, AnthropicToolChoice, AnthropicUsage, AnthropicWebSearchTool } from './wire';

const WEB_SEARCH_TOOL_NAME = 'web_search';

/** LiteLLM's reading of `search_context_size` as Anthropic's `max_uses`. */
const MAX_USES_BY_CONTEXT_SIZE: Readonly<Record<SearchContextSize, number>> = { low: 1, medium: 5, high: 10 };

/**
 * The web search tool `web_search_options` asks for, within the endpoint's bounds; a 400 naming the
 * field for a malformed one (shared/web-search-options.ts).
 */
export function toAnthropicWebSearchTool(options: unknown, bounds: AnthropicWebSearchBounds = {}): AnthropicWebSearchTool {
  const { userLocation, searchContextSize, allowedDomains } = readWebSearchOptions(options);
  const tool: AnthropicWebSearchTool = { type: 'web_search_20250305', name: WEB_SEARCH_TOOL_NAME, ...bounds };
  if (allowedDomains !== undefined) tool.allowed_domains = allowedDomainsWithin(allowedDomains, bounds);
  if (tool.max_uses === undefined && searchContextSize !== undefined) tool.max_uses = MAX_USES_BY_CONTEXT_SIZE[searchContextSize];
  // OpenAI's location one level down; Anthropic's is flat.
  if (userLocation !== undefined) tool.user_location = { type: 'approximate', ...userLocation };
  return tool;
}

/**
 * The request body with the web search tool after its function tools. A 400 for what would clash
 * with the search or switch it off: a function of the search tool's name (Anthropic refuses two
 * tools of one name), and tool_choice none, whether the client's or the one the gateway sends for
 * tool history without tools (tools.ts, toolsForHistory).
 */
export function withWebSearchTool(
  body: Readonly<Record<string, unknown>>,
  request: { options: unknown; clientToolChoice: unknown; clientTools: readonly Tool[]; bounds?: AnthropicWebSearchBounds },
): Record<string, unknown> {
  const { options, clientToolChoice, clientTools, bounds } = request;
  const webSearch = toAnthropicWebSearchTool(options, bounds);
  const tools = (body.tools ?? []) as readonly AnthropicTool[];
  if ((body.tool_choice as AnthropicToolChoice | undefined)?.type === 'none') {
    if (clientToolChoice === 'none') {
      throw GatewayError.invalidParam("Anthropic's tool_choice none also turns off the web search that web_search_options asks for: send one or the other.", 'tool_choice');
    }
    throw GatewayError.invalidParam(
      "web_search_options: this conversation's tool calls come without 'tools', so the gateway declares them with Anthropic's tool_choice none, which turns the search off: send the tools with it.",
      'web_search_options',
    );
  }
  // After the tool_choice check: tools declared for history are not the client's. A clash is sent,
  // and named by its place in the client's tools, before allowed_tools left some out.
  if (tools.some((tool) => tool.name === WEB_SEARCH_TOOL_NAME)) {
    const param = `tools[${clientTools.findIndex((tool) => tool.function.name === WEB_SEARCH_TOOL_NAME)}].function.name`;
    throw GatewayError.invalidParam(`${param}: '${WEB_SEARCH_TOOL_NAME}' is the name of Anthropic's web search tool, which web_search_options adds; rename the function.`, param);
  }
  return { ...body, tools: [...tools, webSearch] };
}

/** The searches a usage reports (`server_tool_use.web_search_requests`); 0 when it reports none. */
export function webSearchRequestsOf(usage: AnthropicUsage | null | undefined): number {
  const count = usage?.server_tool_use?.web_search_requests;
  return typeof count === 'number' && Number.isFinite(count) && count > 0 ? count : 0;
}

/**
 * A text block's web citations as annotations over the block's text, `[start, end)` in the joined
 * content: Anthropic cites a whole block. Other citation kinds (documents' `char_location`, ...)
 * have no URL and are left out; a page cited twice for one block (two passages) is one annotation.
 */
export function urlCitationsOf(citations: readonly AnthropicCitation[] | null | undefined, start: number, end: number): UrlCitation[] {
  const pages = (citations ?? []).flatMap((citation) =>
    citation.type === 'web_search_result_location' && typeof citation.url === 'string' ? [{ url: citation.url, title: citation.title ?? '' }] : [],
  );
  return urlCitationsOver(pages, start, end);
}
