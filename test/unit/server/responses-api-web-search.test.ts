/**
 * The Responses API's web search tool (src/server/responses-api/web-search.ts): the tool as the chat
 * request's `web_search_options`, what it cannot carry refused, earlier web_search_call items left out,
 * and an answer's citations reported as a web_search_call item, in answers and streams (replayed
 * through the openai client's own accumulator, which must build the Response the last event holds).
 */
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import { createOpenAIChatStream, fromOpenAIChat } from '../../../src/providers/openai';
import { fromChatResponse, settingsOf } from '../../../src/server/responses-api/answer';
import { toChatRequest } from '../../../src/server/responses-api/request';
import { ResponsesStreamFold } from '../../../src/server/responses-api/stream';
import { webSearchReportOf } from '../../../src/server/responses-api/web-search';
import { validateResponsesRequestBody } from '../../../src/server/validation';
import type { ChatChunk, ResponsesRequest, ResponsesResponse, ResponsesStreamEvent, UrlCitation } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { readFixture, readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { RESPONSES_SEARCH_CITATIONS, SEARCH_CITATIONS, SEARCH_TEXT as TEXT, searchAnswer as wireAnswer } from '../../support/search-answers';
import { replay } from '../../support/stream-replay';
import { specSchemaValidator } from '../../support/spec-answers';

const QUESTION = 'How many visitors did the Louvre have in 2024?';
const weatherTool = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
const chatWeatherTool = { type: 'function', function: { name: 'get_weather', parameters: weatherTool.parameters } };

const requestWith = (fields: Partial<ResponsesRequest>): ResponsesRequest => ({ model: 'search', input: QUESTION, ...fields });
const chatFieldsOf = (fields: Partial<ResponsesRequest>) => {
  const { model: _model, messages: _messages, ...rest } = toChatRequest(requestWith(fields));
  return rest;
};

describe('the web search tool as web_search_options', () => {
  test("a second turn as the Vercel AI SDK sends it: the location one level down, the earlier web_search_call item left out, the message's text kept", () => {
    const request = readJsonFixture<ResponsesRequest>('openai-responses', 'web-search-turn.request.json');
    expect(validateResponsesRequestBody(request)).toBeUndefined();
    const [, , message] = request.input as { content: { text: string }[] }[];
    expect(toChatRequest(request)).toEqual({
      model: 'search',
      messages: [
        { role: 'user', content: [{ type: 'text', text: QUESTION }] },
        { role: 'assistant', content: message.content[0].text },
        { role: 'user', content: [{ type: 'text', text: 'And in 2023?' }] },
      ],
      web_search_options: {
        search_context_size: 'low',
        user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR', region: 'Île-de-France', timezone: 'Europe/Paris' } },
      },
    });
  });

  test.each(['web_search', 'web_search_2025_08_26', 'web_search_preview', 'web_search_preview_2025_03_11'] as const)('%s is the same tool', (type) => {
    expect(chatFieldsOf({ tools: [{ type, search_context_size: 'high' }] })).toEqual({ web_search_options: { search_context_size: 'high' } });
  });

  test('a bare tool is empty web_search_options; a location without any field is left out', () => {
    expect(chatFieldsOf({ tools: [{ type: 'web_search' }] })).toEqual({ web_search_options: {} });
    expect(chatFieldsOf({ tools: [{ type: 'web_search_preview', user_location: { type: 'approximate' } }] })).toEqual({ web_search_options: {} });
  });

  test('beside function tools: those are the chat tools, with tool_choice and parallel_tool_calls', () => {
    expect(chatFieldsOf({ tools: [weatherTool, { type: 'web_search' }], tool_choice: 'required', parallel_tool_calls: false })).toEqual({
      tools: [chatWeatherTool],
      tool_choice: 'required',
      parallel_tool_calls: false,
      web_search_options: {},
    });
  });

  test('without function tools, no tool fields (OpenAI refuses tool_choice or parallel_tool_calls without tools)', () => {
    // As the Vercel AI SDK sends openai.tools.webSearch() alone: tool_choice auto.
    expect(chatFieldsOf({ tools: [{ type: 'web_search' }], tool_choice: 'auto', parallel_tool_calls: true })).toEqual({ web_search_options: {} });
  });

  test("without any tool, no tool fields but a choice that asks for a call (the OpenAI Agents SDK sends tools: [] for an agent without tools)", () => {
    // OpenAI's chat API refuses an empty tools list, and a tool_choice or parallel_tool_calls without tools; the Responses API takes them.
    expect(chatFieldsOf({ tools: [], tool_choice: 'auto', parallel_tool_calls: false })).toEqual({});
    expect(chatFieldsOf({ tool_choice: 'none', parallel_tool_calls: true })).toEqual({});
    // One that asks for a call no tool can make goes on, for the provider to refuse.
    expect(chatFieldsOf({ tools: [], tool_choice: 'required' })).toEqual({ tool_choice: 'required' });
  });

  test('a tool_choice naming the search is not sent (chat cannot force a search); with function tools the choice is left to the model', () => {
    expect(chatFieldsOf({ tools: [{ type: 'web_search' }], tool_choice: { type: 'web_search' } })).toEqual({ web_search_options: {} });
    expect(chatFieldsOf({ tools: [weatherTool, { type: 'web_search_preview' }], tool_choice: { type: 'web_search_preview' } })).toEqual({ tools: [chatWeatherTool], web_search_options: {} });
  });

  test('tool_choice none turns the search off with the tools: no web_search_options, and the Response reports no search', () => {
    expect(chatFieldsOf({ tools: [weatherTool, { type: 'web_search' }], tool_choice: 'none' })).toEqual({ tools: [chatWeatherTool], tool_choice: 'none' });
    expect(chatFieldsOf({ tools: [{ type: 'web_search' }], tool_choice: 'none' })).toEqual({});
    expect(webSearchReportOf(requestWith({ tools: [{ type: 'web_search' }], tool_choice: 'none' }))).toBeUndefined();
  });

  test('an item_reference to a web search call is left out, as the item is; one to a message is still refused', () => {
    const input: ResponsesRequest['input'] = [
      { role: 'user', content: QUESTION },
      { type: 'item_reference', id: 'ws_68c1f2a9d4e08190b7a3c5e2f1d09b44' },
    ];
    expect(toChatRequest(requestWith({ input })).messages).toEqual([{ role: 'user', content: QUESTION }]);
    expect(gatewayErrorOf(() => toChatRequest(requestWith({ input: [...input, { type: 'item_reference', id: 'msg_1' }] })))).toMatchObject({ status: 400, param: 'input[2].id' });
  });
});

describe('what chat web search cannot do: a 400 naming the field', () => {
  test.each([
    ['a second web search tool', { tools: [{ type: 'web_search' }, weatherTool, { type: 'web_search_preview' }] }, 'tools[2]', 'tools[2]: a request takes one web search tool (tools[0] is one)'],
    [
      'a domain block-list',
      { tools: [{ type: 'web_search', filters: { blocked_domains: ['example.com'] } }] },
      'tools[0].filters.blocked_domains',
      "tools[0].filters.blocked_domains: the chat request's web_search_options takes allowed_domains only, so the search would not keep to it; leave it out",
    ],
    ['cached pages only', { tools: [{ type: 'web_search', external_web_access: false }] }, 'tools[0].external_web_access', "tools[0].external_web_access: the chat request's web search cannot keep to cached pages; leave it out or true"],
    ['image results', { tools: [{ type: 'web_search_preview', search_content_types: ['text', 'image'] }] }, 'tools[0].search_content_types', 'tools[0].search_content_types: the chat request\'s web search finds text only; leave "image" out'],
    ['tool_choice naming a search the request lacks', { tools: [weatherTool], tool_choice: { type: 'web_search' } }, 'tool_choice', 'tool_choice: it names the web search tool (web_search), which is not in tools'],
  ] as [string, Partial<ResponsesRequest>, string, string][])('%s', (_what, fields, param, message) => {
    expect(validateResponsesRequestBody(requestWith(fields))).toBeUndefined();
    expect(gatewayErrorOf(() => toChatRequest(requestWith(fields)))).toMatchObject({ status: 400, param, message });
  });

  test("a domain allow-list is the gateway's web_search_options.filters.allowed_domains, for the provider to serve or refuse", () => {
    expect(chatFieldsOf({ tools: [weatherTool, { type: 'web_search', search_context_size: 'low', filters: { allowed_domains: ['pubmed.ncbi.nlm.nih.gov', 'nih.gov/news'] } }] })).toMatchObject({
      web_search_options: { search_context_size: 'low', filters: { allowed_domains: ['pubmed.ncbi.nlm.nih.gov', 'nih.gov/news'] } },
    });
  });

  test('empty filters and external_web_access true are what chat does anyway: accepted', () => {
    expect(chatFieldsOf({ tools: [{ type: 'web_search', filters: { allowed_domains: [] }, external_web_access: true }] })).toEqual({ web_search_options: {} });
  });

  test.each([
    ['another built-in tool', { tools: [{ type: 'file_search' }] }, 'tools[0].type: must be one of "function", "web_search", "web_search_2025_08_26", "web_search_preview", "web_search_preview_2025_03_11"'],
    ['an unknown context size', { tools: [{ type: 'web_search', search_context_size: 'huge' }] }, 'tools[0].search_context_size: must be one of "low", "medium", "high", null'],
    ['a location of another type', { tools: [{ type: 'web_search_preview', user_location: { type: 'exact' } }] }, 'tools[0].user_location.type: must be "approximate"'],
  ])('the schema: %s', (_what, fields, message) => {
    expect(validateResponsesRequestBody(requestWith(fields as Partial<ResponsesRequest>))?.message).toBe(message);
  });
});

const CITATIONS = SEARCH_CITATIONS as UrlCitation[];
const CITED_PAGES = CITATIONS.map(({ url_citation: { url } }) => ({ type: 'url', url }));

const searchRequest = (include?: string[]) => requestWith({ tools: [{ type: 'web_search' }], ...(include ? { include } : {}) });
const webSearchCall = (action: Record<string, unknown> = { type: 'search' }) => ({ type: 'web_search_call', id: expect.stringMatching(/^ws_[0-9a-f]{32}$/), status: 'completed', action });
const messageItem = (status = 'completed') => ({ type: 'message', id: expect.stringMatching(/^msg_/), status, role: 'assistant', content: [{ type: 'output_text', text: TEXT, annotations: RESPONSES_SEARCH_CITATIONS, logprobs: [] }] });

describe('an answer citing pages', () => {
  const answerTo = (request: ResponsesRequest) => fromChatResponse(fromOpenAIChat(wireAnswer()), settingsOf(request), webSearchReportOf(request));

  test('to a request with the tool: a web_search_call item (no query: the chat answer does not say) before the message', () => {
    expect(answerTo(searchRequest()).output).toEqual([webSearchCall(), messageItem()]);
  });

  test("include web_search_call.action.sources lists the cited pages, each once", () => {
    const answer = wireAnswer();
    answer.choices[0].message.annotations.push(CITATIONS[0]);
    const request = searchRequest(['web_search_call.action.sources', 'reasoning.encrypted_content']);
    expect(fromChatResponse(fromOpenAIChat(answer), settingsOf(request), webSearchReportOf(request)).output[0]).toEqual(webSearchCall({ type: 'search', sources: CITED_PAGES }));
  });

  test('without the tool (a search model searches anyway), or without citations, no web_search_call item', () => {
    expect(answerTo(requestWith({})).output).toEqual([messageItem()]);
    const uncited = fromChatResponse(fromOpenAIChat(readJsonFixture('openai', 'chat.response.json')), settingsOf(searchRequest()), webSearchReportOf(searchRequest()));
    expect(uncited.output.map((item) => item.type)).toEqual(['message']);
  });

  test('cut at the token limit: the message is the incomplete item, the search completed', () => {
    const answer = wireAnswer();
    answer.choices[0].finish_reason = 'length';
    const response = fromChatResponse(fromOpenAIChat(answer), settingsOf(searchRequest()), webSearchReportOf(searchRequest()));
    expect(response.output).toEqual([webSearchCall(), messageItem('incomplete')]);
  });
});

describe('a stream citing pages (chat-web-search.stream.sse through the OpenAI provider)', () => {
  async function eventsOf(request: ResponsesRequest, sse = readFixtureBytes('openai', 'chat-web-search.stream.sse')): Promise<ResponsesStreamEvent[]> {
    const chunks = await replay([sse], createOpenAIChatStream());
    const fold = new ResponsesStreamFold(settingsOf(request), webSearchReportOf(request));
    return [...chunks.flatMap((chunk) => fold.chunk(chunk)), ...fold.end()];
  }

  test("after the message closes, the search item's events; the accumulator builds the completed Response", async () => {
    const events = await eventsOf(searchRequest(['web_search_call.action.sources']));
    const validateEvent = specSchemaValidator('ResponsesStreamEvent');
    expect(events.filter((event) => !validateEvent(event))).toEqual([]);
    const types = events.map((event) => event.type);
    const messageDone = types.indexOf('response.output_item.done');
    expect(types.slice(messageDone)).toEqual([
      'response.output_item.done',
      'response.output_item.added',
      'response.web_search_call.in_progress',
      'response.web_search_call.searching',
      'response.web_search_call.completed',
      'response.output_item.done',
      'response.completed',
    ]);
    const search = webSearchCall({ type: 'search', sources: CITED_PAGES });
    const added = events[messageDone + 1];
    expect(added).toEqual({ type: 'response.output_item.added', sequence_number: expect.any(Number), output_index: 1, item: { ...search, status: 'in_progress' } });
    const itemId = (added.item as { id: string }).id;
    expect(events[messageDone + 2]).toEqual({ type: 'response.web_search_call.in_progress', sequence_number: expect.any(Number), item_id: itemId, output_index: 1 });
    expect(events[messageDone + 5]).toEqual({ type: 'response.output_item.done', sequence_number: expect.any(Number), output_index: 1, item: { ...search, id: itemId } });
    const last = events.at(-1) as ResponsesStreamEvent & { response: ResponsesResponse };
    expect(last.response.output).toEqual([messageItem(), { ...search, id: itemId }]);
    let snapshot: unknown;
    for (const event of events) snapshot = accumulateResponse(event as never, snapshot as never);
    expect(snapshot).toEqual({ ...last.response, output_text: TEXT });
  });

  test('a stream cut at the token limit: the message incomplete, the search item still reported', async () => {
    const cut = Buffer.from(readFixture('openai', 'chat-web-search.stream.sse').replace('"finish_reason":"stop"', '"finish_reason":"length"'));
    const last = (await eventsOf(searchRequest(), cut)).at(-1) as ResponsesStreamEvent & { response: ResponsesResponse };
    expect(last).toMatchObject({ type: 'response.incomplete', response: { output: [messageItem('incomplete'), webSearchCall()] } });
  });

  test('without the tool, or a stream that ends with no finish reason: none, or reported at the end', async () => {
    expect((await eventsOf(requestWith({}))).some((event) => event.type.startsWith('response.web_search_call'))).toBe(false);
    const fold = new ResponsesStreamFold(settingsOf(searchRequest()), webSearchReportOf(searchRequest()));
    const chunk: ChatChunk = { id: 'c', object: 'chat.completion.chunk', created: 7, model: 'm', choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: TEXT, tool_calls: null, annotations: CITATIONS } }] };
    const events = [...fold.chunk(chunk), ...fold.end()];
    expect(events.filter((event) => event.type.startsWith('response.web_search_call')).map((event) => event.type)).toHaveLength(3);
    expect((events.at(-1) as { response: ResponsesResponse }).response.output.map((item) => item.type)).toEqual(['message', 'web_search_call']);
  });
});
