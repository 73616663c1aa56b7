/**
 * OpenAI's `web_search_options` on Anthropic: the web search tool in the request, the answer's web
 * citations as `url_citation` annotations (indexes in code points of the joined content), in answers
 * and streams, on the fixtures of test/fixtures/anthropic (chat-web-search*).
 */
import { allowedDomainsWithin } from '../../../src/providers/anthropic/web-search-domains';
import type { AnthropicWebSearchBounds } from '../../../src/providers/anthropic/web-search-settings';
import { validateChatChunk } from '../../../generated/request-validators';
import { createAnthropicChatStream, createAnthropicCompletionsStream, fromAnthropicChat, toAnthropicChat, toAnthropicCompletions } from '../../../src/providers/anthropic';
import { codePointLength } from '../../../src/providers/shared/url-citations';
import type { ChatChunk, ChatRequest, UrlCitation } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

const MODEL = 'claude-sonnet-4-5';
const now = () => 1_700_000_000;
const messages: ChatRequest['messages'] = [{ role: 'user', content: 'When was Claude Shannon born?' }];
const WEB_SEARCH_TOOL = { type: 'web_search_20250305', name: 'web_search' };
const weatherTool = { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } };

/** The fixtures' answer: five text blocks joined; the 🎓 of the first counts as one code point. */
const ANSWER_TEXT =
  "I'll search for when Claude Shannon 🎓 was born.Based on the search results, Claude Shannon was born on April 30, 1916, in Petoskey, Michigan. He is known as the “father of information theory”.";
const WIKIPEDIA = { url: 'https://en.wikipedia.org/wiki/Claude_Shannon', title: 'Claude Shannon - Wikipedia' };
const BRITANNICA = { url: 'https://www.britannica.com/biography/Claude-Shannon', title: 'Claude Shannon | American Engineer, Information Theory & Computer Science | Britannica' };
const citation = (page: { url: string; title: string }, start: number, end: number): UrlCitation => ({ type: 'url_citation', url_citation: { ...page, start_index: start, end_index: end } });
/** The fourth block (76–140) cites two passages of Wikipedia and one of Britannica; the last (142–192), Britannica. */
const ANNOTATIONS = [citation(WIKIPEDIA, 76, 140), citation(BRITANNICA, 76, 140), citation(BRITANNICA, 142, 192)];

const USAGE = { prompt_tokens: 6039, completion_tokens: 931, total_tokens: 6970, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } };

/** The text an annotation delimits, cut by code points as OpenAI's indexes count. */
const citedText = (content: string, annotation: UrlCitation) => [...content].slice(annotation.url_citation.start_index, annotation.url_citation.end_index).join('');

describe('request', () => {
  it('web_search_options adds the web search tool after the function tools; the field itself is not sent', () => {
    expect(toAnthropicChat({ messages, web_search_options: {} }, { model: MODEL })).toEqual({ model: MODEL, max_tokens: 8192, messages, tools: [WEB_SEARCH_TOOL] });
    const sent = toAnthropicChat({ messages, tools: [weatherTool], tool_choice: 'auto', web_search_options: {} }, { model: MODEL });
    expect(sent.tools).toEqual([{ name: 'get_weather', input_schema: weatherTool.function.parameters }, WEB_SEARCH_TOOL]);
    expect(sent.tool_choice).toEqual({ type: 'auto' });
    expect(sent).not.toHaveProperty('web_search_options');
  });

  it("user_location's approximate fields become the tool's user_location", () => {
    const userLocation = { type: 'approximate', approximate: { city: 'San Francisco', region: 'California', country: 'US', timezone: 'America/Los_Angeles' } };
    const sent = toAnthropicChat({ messages, web_search_options: { user_location: userLocation } }, { model: MODEL });
    expect(sent.tools).toEqual([
      { ...WEB_SEARCH_TOOL, user_location: { type: 'approximate', city: 'San Francisco', region: 'California', country: 'US', timezone: 'America/Los_Angeles' } },
    ]);
    expect(toAnthropicChat({ messages, web_search_options: { user_location: { type: 'approximate', approximate: { country: 'FR' } } } }, { model: MODEL }).tools).toEqual([
      { ...WEB_SEARCH_TOOL, user_location: { type: 'approximate', country: 'FR' } },
    ]);
  });

  it.each([
    ['low', 1],
    ['medium', 5],
    ['high', 10],
  ] as const)('search_context_size %s becomes max_uses %d (LiteLLM\'s reading) on an endpoint without max_uses; the field itself is not sent', (size, maxUses) => {
    const sent = toAnthropicChat({ messages, web_search_options: { search_context_size: size } }, { model: MODEL });
    expect(sent.tools).toEqual([{ ...WEB_SEARCH_TOOL, max_uses: maxUses }]);
    expect(JSON.stringify(sent)).not.toContain('search_context_size');
  });

  it("the endpoint's bounds go on every web search tool; its max_uses wins over search_context_size", () => {
    const allowed = { max_uses: 3, allowed_domains: ['en.wikipedia.org', 'britannica.com'] };
    const location = { type: 'approximate', approximate: { country: 'US' } };
    expect(toAnthropicChat({ messages, web_search_options: { search_context_size: 'high', user_location: location } }, { model: MODEL, webSearch: allowed }).tools).toEqual([
      { ...WEB_SEARCH_TOOL, max_uses: 3, allowed_domains: ['en.wikipedia.org', 'britannica.com'], user_location: { type: 'approximate', country: 'US' } },
    ]);
    const blocked = { blocked_domains: ['reddit.com'] };
    expect(toAnthropicChat({ messages, tools: [weatherTool], web_search_options: { search_context_size: 'low' } }, { model: MODEL, webSearch: blocked, stream: true }).tools).toEqual([
      { name: 'get_weather', input_schema: weatherTool.function.parameters },
      { ...WEB_SEARCH_TOOL, blocked_domains: ['reddit.com'], max_uses: 1 },
    ]);
    // Without web_search_options there is no tool to bound.
    expect(toAnthropicChat({ messages }, { model: MODEL, webSearch: allowed })).not.toHaveProperty('tools');
  });

  it('required and a named function are sent as without web search (a search may meet Anthropic\'s "any")', () => {
    const required = toAnthropicChat({ messages, tools: [weatherTool], tool_choice: 'required', web_search_options: {} }, { model: MODEL });
    expect(required.tool_choice).toEqual({ type: 'any' });
    const named = toAnthropicChat({ messages, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, web_search_options: {} }, { model: MODEL });
    expect(named.tool_choice).toEqual({ type: 'tool', name: 'get_weather' });
    expect(named.tools).toHaveLength(2);
  });

  it.each([
    ['a string', 'medium', 'web_search_options', "The parameter 'web_search_options' must be an object."],
    ['an unknown field', { max_uses: 3 }, 'web_search_options.max_uses', "The parameter 'web_search_options.max_uses' is not one of OpenAI's fields (search_context_size, user_location) or the gateway's filters."],
    ['an unknown size', { search_context_size: 'huge' }, 'web_search_options.search_context_size', "The parameter 'web_search_options.search_context_size' must be one of low, medium, high."],
    ['a location that is a string', { user_location: 'Paris' }, 'web_search_options.user_location', `The parameter 'web_search_options.user_location' must be an object: {"type": "approximate", "approximate": {...}}.`],
    ['a location of another type', { user_location: { type: 'exact', approximate: {} } }, 'web_search_options.user_location.type', `The parameter 'web_search_options.user_location.type' must be "approximate".`],
    ['a location without approximate', { user_location: { type: 'approximate' } }, 'web_search_options.user_location.approximate', "The parameter 'web_search_options.user_location.approximate' must be an object with city, country, region or timezone."],
    [
      'a location field OpenAI lacks',
      { user_location: { type: 'approximate', approximate: { postal_code: '75001' } } },
      'web_search_options.user_location.approximate.postal_code',
      "The parameter 'web_search_options.user_location.approximate.postal_code' is not one of OpenAI's fields (city, country, region, timezone).",
    ],
    ['a city that is not a string', { user_location: { type: 'approximate', approximate: { city: 75 } } }, 'web_search_options.user_location.approximate.city', "The parameter 'web_search_options.user_location.approximate.city' must be a string."],
  ])('%s is a 400 naming the field', (_case, options, param, message) => {
    expect(gatewayErrorOf(() => toAnthropicChat({ messages, web_search_options: options } as ChatRequest, { model: MODEL }))).toMatchObject({ status: 400, param, message });
  });

  it("tool_choice none, which on Anthropic turns the search off too, is a 400; so is tool history without tools (sent with tool_choice none) and a function named web_search", () => {
    expect(gatewayErrorOf(() => toAnthropicChat({ messages, tools: [weatherTool], tool_choice: 'none', web_search_options: {} }, { model: MODEL }))).toMatchObject({
      status: 400,
      param: 'tool_choice',
      message: "Anthropic's tool_choice none also turns off the web search that web_search_options asks for: send one or the other.",
    });
    const history: ChatRequest['messages'] = [
      ...messages,
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_01A', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'toolu_01A', content: '18°C' },
    ] as ChatRequest['messages'];
    expect(gatewayErrorOf(() => toAnthropicChat({ messages: history, web_search_options: {} }, { model: MODEL }))).toMatchObject({ status: 400, param: 'web_search_options' });
    expect(toAnthropicChat({ messages: history, tools: [weatherTool], web_search_options: {} }, { model: MODEL }).tools).toHaveLength(2);
    const clash = { type: 'function' as const, function: { name: 'web_search', parameters: { type: 'object' } } };
    expect(gatewayErrorOf(() => toAnthropicChat({ messages, tools: [weatherTool, clash], web_search_options: {} }, { model: MODEL }))).toMatchObject({
      status: 400,
      param: 'tools[1].function.name',
      message: "tools[1].function.name: 'web_search' is the name of Anthropic's web search tool, which web_search_options adds; rename the function.",
    });
    // Named by its place in the client's tools, though allowed_tools leaves the tool before it out; a clash it leaves out is not sent.
    const allow = (name: string) => ({ type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name } }] } }) as unknown as ChatRequest['tool_choice'];
    expect(gatewayErrorOf(() => toAnthropicChat({ messages, tools: [weatherTool, clash], tool_choice: allow('web_search'), web_search_options: {} }, { model: MODEL })).param).toBe('tools[1].function.name');
    expect(toAnthropicChat({ messages, tools: [weatherTool, clash], tool_choice: allow('get_weather'), web_search_options: {} }, { model: MODEL }).tools).toEqual([
      { name: 'get_weather', input_schema: weatherTool.function.parameters },
      WEB_SEARCH_TOOL,
    ]);
  });

  it('completions refuse web_search_options (a chat parameter); the other newer OpenAI fields stay refused on chat', () => {
    expect(gatewayErrorOf(() => toAnthropicCompletions({ prompt: 'Hi', web_search_options: {} }, { model: MODEL }))).toMatchObject({
      status: 400,
      param: 'web_search_options',
      message: "The parameter 'web_search_options' is not supported by Anthropic completions.",
    });
    expect(gatewayErrorOf(() => toAnthropicChat({ messages, web_search_options: {}, verbosity: 'low' }, { model: MODEL }))).toMatchObject({ status: 400, param: 'verbosity' });
  });

  it("an answer sent back with its annotations goes as its text (Anthropic's citations need no resending)", () => {
    // As the gateway passes it on: without the answer's nulls (refusal, tool_calls), which count as absent.
    const { content, annotations } = fromAnthropicChat(readJsonFixture('anthropic', 'chat-web-search.response.json'), { now }).choices[0].message;
    const followUp = [...messages, { role: 'assistant', content, annotations }, { role: 'user', content: 'And where did he work?' }] as ChatRequest['messages'];
    expect(toAnthropicChat({ messages: followUp, web_search_options: {} }, { model: MODEL }).messages).toEqual([
      { role: 'user', content: 'When was Claude Shannon born?' },
      { role: 'assistant', content: ANSWER_TEXT },
      { role: 'user', content: 'And where did he work?' },
    ]);
  });
});

describe('answer', () => {
  it('text blocks joined; each cited block gives url_citation annotations over its place in the content, in code points; search blocks are left out', () => {
    const response = fromAnthropicChat(readJsonFixture('anthropic', 'chat-web-search.response.json'), { now });
    expect(response.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: ANSWER_TEXT, tool_calls: null, refusal: null, annotations: ANNOTATIONS }, finish_reason: 'stop' },
    ]);
    // Anthropic's count of searches (billed apart) as LiteLLM reports it.
    expect(response.usage).toEqual({ ...USAGE, server_tool_use: { web_search_requests: 1 } });
    expect(ANNOTATIONS.map((annotation) => citedText(ANSWER_TEXT, annotation))).toEqual([
      'Claude Shannon was born on April 30, 1916, in Petoskey, Michigan',
      'Claude Shannon was born on April 30, 1916, in Petoskey, Michigan',
      'He is known as the “father of information theory”.',
    ]);
  });

  it('a failed search (web_search_tool_result_error) does not fail the answer; pause_turn ends it with stop and the text so far; no citations, no annotations field', () => {
    const response = fromAnthropicChat(readJsonFixture('anthropic', 'chat-web-search-pause-turn.response.json'), { now });
    expect(response.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: "Je cherche les cafés ouverts à Paris cette semaine. La recherche est saturée ; j'essaie encore.", tool_calls: null, refusal: null },
        finish_reason: 'stop',
      },
    ]);
  });

  it('a usage without searches (none reported, 0, or not a count) has no server_tool_use: OpenAI\'s shape stays exact', () => {
    const continued = fromAnthropicChat(readJsonFixture('anthropic', 'chat-web-search-continued.response.json'), { now });
    expect(continued.usage).toEqual({ prompt_tokens: 4790, completion_tokens: 86, total_tokens: 4876, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } });
    const answer = readJsonFixture<{ usage: Record<string, unknown> }>('anthropic', 'chat-web-search.response.json');
    for (const serverToolUse of [undefined, null, {}, { web_search_requests: '2' }, { web_search_requests: -1 }]) {
      expect(fromAnthropicChat({ ...answer, usage: { ...answer.usage, server_tool_use: serverToolUse } }, { now }).usage).toEqual(USAGE);
    }
  });

  it('code points: a character outside the BMP counts once, a lone surrogate once', () => {
    expect(codePointLength('🎓 ok')).toBe(4);
    expect(codePointLength('é“”')).toBe(3);
    expect(codePointLength('\ud83c')).toBe(1);
    expect(codePointLength('')).toBe(0);
  });
});

describe('stream', () => {
  const bytes = readFixtureBytes('anthropic', 'chat-web-search.stream.sse');

  it("the same text as the answer, no tool-call deltas; its annotations all in one chunk right before the finish, as OpenAI's search models send them; whole, re-chunked at every byte, CRLF", async () => {
    const chunks = await replayEverySplit(bytes, () => createAnthropicChatStream({ endpoint: 'claude', now }), { crlf: true });
    expect(summariseChat(chunks)).toEqual({
      text: ANSWER_TEXT,
      finishReason: 'stop',
      toolCalls: [],
      usage: { ...USAGE, server_tool_use: { web_search_requests: 1 } },
    });
    for (const chunk of chunks) expect(validateChatChunk(chunk)).toBe(true);
    const withAnnotations = chunks.flatMap((chunk: ChatChunk, position) => (chunk.choices[0].delta.annotations ? [position] : []));
    expect(withAnnotations).toEqual([chunks.length - 2]);
    expect(chunks[chunks.length - 2].choices[0]).toEqual({ index: 0, finish_reason: null, delta: { role: null, content: null, tool_calls: null, annotations: ANNOTATIONS } });
  });

  it('completions from the same stream: the text, no annotations', async () => {
    const chunks = await replayEverySplit(bytes, () => createAnthropicCompletionsStream({ endpoint: 'claude', now }));
    expect(summariseCompletions(chunks)).toMatchObject({ text: ANSWER_TEXT, finishReason: 'stop' });
    expect(JSON.stringify(chunks)).not.toContain('url_citation');
  });
});

describe("a request's allowed_domains within the endpoint's (web-search-domains.ts)", () => {
  const within = (requested: string[], bounds: AnthropicWebSearchBounds) => allowedDomainsWithin(requested, bounds);

  it('keeps the narrower of each pair: a subdomain, a deeper path (by whole segments), the endpoint entry inside a wider one', () => {
    const bounds = { allowed_domains: ['example.com/docs', 'wikipedia.org'] };
    expect(within(['example.com/docs/api', 'example.com/docsearch', 'fr.wikipedia.org', 'example.com'], bounds)).toEqual(['example.com/docs/api', 'fr.wikipedia.org', 'example.com/docs']);
    // A path bounds its own host only: a subdomain of it is not within.
    expect(() => within(['api.example.com/docs'], { allowed_domains: ['example.com/docs'] })).toThrow("none of these domains is within this endpoint's allowed_domains");
  });

  it('without endpoint lists the request list goes as it is', () => {
    expect(within(['example.com'], { max_uses: 2 })).toEqual(['example.com']);
  });

  it('an entry that is not a host name is a 400 naming it; a long one is quoted cut', () => {
    expect(gatewayErrorOf(() => within(['example.com', LONG_VALUE], {}))).toMatchObject({
      status: 400,
      param: 'web_search_options.filters.allowed_domains[1]',
      message: `web_search_options.filters.allowed_domains[1]: ${LONG_VALUE_CUT} is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path.`,
    });
  });
});
