/**
 * The Responses API's web search tool end to end: the official openai client, the Vercel AI SDK
 * (`openai.tools.webSearch()`) and the OpenAI Agents SDK (`webSearchTool()`) against `/v1/responses`
 * (answers validated against openapi/), the gateway calling a fake OpenAI search model and a fake
 * Anthropic Messages API on 127.0.0.1 (test/fixtures/{openai,anthropic}/chat-web-search.*). The tool
 * reaches the provider as `web_search_options`; the citations come back on the message, with a
 * web_search_call item, and that item sent back in a later turn is accepted.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { Agent, OpenAIProvider, Runner, setTracingDisabled, webSearchTool } from '@openai/agents';
import { generateText, streamText, type ModelMessage } from 'ai';
import OpenAI from 'openai';
import { serveAnthropicFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { fakeSearchModel, RESPONSES_SEARCH_CITATIONS, SEARCH_CITATIONS, SEARCH_TEXT as TEXT, searchAndClaudeConfig } from '../support/search-answers';

const CITED_PAGES = SEARCH_CITATIONS.map(({ url_citation: { url, title } }) => ({ url, title }));
const QUESTION = 'How many visitors did the Louvre have in 2024?';

const setup = useGatewayWithUpstreams({
  // A request with Anthropic's web search tool gets chat-web-search.{response.json,stream.sse}.
  upstreams: { openai: fakeSearchModel, anthropic: serveAnthropicFixtures('claude-haiku-4-5') },
  config: searchAndClaudeConfig,
  validateResponses: true,
});

const sentToOpenAI = () => setup.upstreams.openai.requests.map((request) => request.body as Record<string, unknown>);
const searchItem = { type: 'web_search_call', id: expect.stringMatching(/^ws_/), status: 'completed', action: { type: 'search' } };
const messageItem = { type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: TEXT, annotations: RESPONSES_SEARCH_CITATIONS, logprobs: [] }] };

describe('the openai client', () => {
  const location = { type: 'approximate' as const, city: 'Paris', country: 'FR', region: 'Île-de-France', timezone: 'Europe/Paris' };
  const searchTool = { type: 'web_search' as const };

  test('responses.create: the tool is web_search_options; a web_search_call item, then the message with its citations', async () => {
    const response = await setup.openai.responses.create({ model: 'search', input: QUESTION, tools: [{ type: 'web_search', search_context_size: 'low', user_location: location }] });
    expect(sentToOpenAI()).toEqual([
      {
        model: 'gpt-4o-search-preview',
        messages: [{ role: 'user', content: QUESTION }],
        web_search_options: { search_context_size: 'low', user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR', region: 'Île-de-France', timezone: 'Europe/Paris' } } },
      },
    ]);
    expect(response.output).toEqual([searchItem, { ...messageItem, id: expect.stringMatching(/^msg_/) }]);
    expect(response.output_text).toBe(TEXT);
  });

  test('responses.stream: the web_search_call events after the message; the final Response as the client accumulates it', async () => {
    const stream = setup.openai.responses.stream({ model: 'search', input: QUESTION, tools: [{ type: 'web_search_preview' }], include: ['web_search_call.action.sources'] });
    const stages: string[] = [];
    const onStage = (event: { type: string; output_index: number }) => stages.push(`${event.type} ${event.output_index}`);
    stream.on('response.web_search_call.in_progress', onStage).on('response.web_search_call.searching', onStage).on('response.web_search_call.completed', onStage);
    const response = await stream.finalResponse();
    expect(stages).toEqual(['response.web_search_call.in_progress 1', 'response.web_search_call.searching 1', 'response.web_search_call.completed 1']);
    const sources = CITED_PAGES.map(({ url }) => ({ type: 'url', url }));
    // The client's accumulator adds `parsed` to the text part.
    expect(response.output).toMatchObject([messageItem, { ...searchItem, action: { type: 'search', sources } }]);
    expect(sentToOpenAI()[0]).toMatchObject({ stream: true, web_search_options: {} });
  });

  test('the answer items sent back (web_search_call whole, or by its ws_ id) are accepted; OpenAI gets the text alone', async () => {
    const first = await setup.openai.responses.create({ model: 'search', input: QUESTION, tools: [{ type: 'web_search' }] });
    const [search, message] = first.output as OpenAI.Responses.ResponseInputItem[];
    for (const earlier of [search, { type: 'item_reference' as const, id: first.output[0].id as string }]) {
      const next = await setup.openai.responses.create({ model: 'search', input: [{ role: 'user', content: QUESTION }, earlier, message, { role: 'user', content: 'And in 2023?' }], tools: [{ type: 'web_search' }] });
      expect(next.status).toBe('completed');
      expect(sentToOpenAI().at(-1)?.messages).toEqual([
        { role: 'user', content: QUESTION },
        { role: 'assistant', content: TEXT },
        { role: 'user', content: 'And in 2023?' },
      ]);
    }
  });

  test("a domain allow-list on an OpenAI endpoint, whose chat web search has no filter: 400 naming the tool's field, nothing sent", async () => {
    const error = await setup.openai.responses.create({ model: 'search', input: QUESTION, tools: [{ type: 'web_search', filters: { allowed_domains: ['louvre.fr'] } }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      param: 'tools[0].filters',
      type: 'invalid_request_error',
      message: "tools[0].filters: OpenAI's chat web_search_options has no domain filter, so the search would not keep to it; leave it out (Anthropic endpoints serve it).",
    });
    expect(sentToOpenAI()).toHaveLength(0);
  });

  test.each([
    ['a location key the tool lacks', { tools: [{ ...searchTool, user_location: { ...location, zip: '75001' } }] }, 'tools[0].user_location.zip', 'tools[0].user_location.zip: is not allowed here (the keys allowed are type, city, country, region, timezone)'],
    ['a tool_choice of a tool the gateway does not serve', { tools: [searchTool], tool_choice: { type: 'file_search' } }, 'tool_choice.type', 'tool_choice.type: must be one of "function", "web_search", "web_search_2025_08_26", "web_search_preview", "web_search_preview_2025_03_11"'],
  ])('%s: 400 whose message and param name the field, nothing sent', async (_what, fields, param, message) => {
    const request = { model: 'search', input: QUESTION, ...fields } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
    const error = await setup.openai.responses.create(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ message, param, type: 'invalid_request_error' });
    expect(sentToOpenAI()).toHaveLength(0);
  });
});

describe('an anthropic endpoint', () => {
  test("the tool is Anthropic's web search tool; its citations come back as the message's annotations, with a web_search_call item", async () => {
    const response = await setup.openai.responses.create({
      model: 'claude',
      input: 'When was Claude Shannon born?',
      tools: [{ type: 'web_search', user_location: { type: 'approximate', city: 'Boston', country: 'US' } }],
    });
    expect((setup.upstreams.anthropic.requests[0].body as { tools: unknown }).tools).toEqual([{ type: 'web_search_20250305', name: 'web_search', user_location: { type: 'approximate', city: 'Boston', country: 'US' } }]);
    expect(response.output.map((item) => item.type)).toEqual(['web_search_call', 'message']);
    const [part] = (response.output[1] as OpenAI.Responses.ResponseOutputMessage).content as OpenAI.Responses.ResponseOutputText[];
    expect(part.text).toContain('April 30, 1916');
    expect(part.annotations.map((annotation) => (annotation as { url: string }).url)).toEqual([
      'https://en.wikipedia.org/wiki/Claude_Shannon',
      'https://www.britannica.com/biography/Claude-Shannon',
      'https://www.britannica.com/biography/Claude-Shannon',
    ]);
  });

  test('streamed: the same citations, and the web_search_call item last', async () => {
    const response = await setup.openai.responses.stream({ model: 'claude', input: 'When was Claude Shannon born?', tools: [{ type: 'web_search' }] }).finalResponse();
    expect(response.output.map((item) => item.type)).toEqual(['message', 'web_search_call']);
    expect(((response.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0] as OpenAI.Responses.ResponseOutputText).annotations).toHaveLength(3);
  });
});

describe('SDKs', () => {
  /** The bodies the SDKs sent to /v1/responses, in order. */
  const sent: Record<string, unknown>[] = [];
  const recordingFetch: typeof fetch = (url, init) => {
    sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return fetch(url, init);
  };
  let aiSdk: ReturnType<typeof createOpenAI>;
  let runner: Runner;
  beforeAll(() => {
    aiSdk = createOpenAI({ apiKey: 'unused', baseURL: `${setup.gateway.url}/v1`, fetch: recordingFetch });
    setTracingDisabled(true);
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${setup.gateway.url}/v1`, maxRetries: 0, fetch: recordingFetch });
    runner = new Runner({ modelProvider: new OpenAIProvider({ openAIClient: client, useResponses: true }), tracingDisabled: true });
  });
  beforeEach(() => {
    sent.length = 0;
  });

  const webSearchTools = (args?: Parameters<typeof aiSdk.tools.webSearch>[0]) => ({ web_search: aiSdk.tools.webSearch(args) });
  const sources = () => CITED_PAGES.map((page) => ({ type: 'source', sourceType: 'url', id: expect.any(String), ...page }));

  test('AI SDK generateText with openai.tools.webSearch(): its sources are the cited pages, the search a provider-executed tool call', async () => {
    const result = await generateText({ model: aiSdk('search'), prompt: QUESTION, tools: webSearchTools({ searchContextSize: 'high' }), maxRetries: 0 });
    expect(result.text).toBe(TEXT);
    expect(result.sources).toEqual(sources());
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolName: 'web_search', providerExecuted: true })]);
    expect(result.toolResults).toEqual([expect.objectContaining({ toolName: 'web_search', output: { action: { type: 'search' }, sources: CITED_PAGES.map(({ url }) => ({ type: 'url', url })) } })]);
    expect(sent[0]).toMatchObject({ tools: [{ type: 'web_search', search_context_size: 'high' }], tool_choice: 'auto', include: ['web_search_call.action.sources'] });
    // No function tools: no tools and no tool_choice, which OpenAI refuses without tools.
    expect(sentToOpenAI()[0]).toEqual({ model: 'gpt-4o-search-preview', messages: [{ role: 'user', content: [{ type: 'text', text: QUESTION }] }], web_search_options: { search_context_size: 'high' } });
  });

  test('AI SDK streamText: the sources as the stream brings them; the next turn (store: false) sends the search back whole, accepted', async () => {
    const tools = webSearchTools();
    const result = streamText({ model: aiSdk('search'), prompt: QUESTION, tools, maxRetries: 0 });
    expect(await result.text).toBe(TEXT);
    expect(await result.sources).toEqual(sources());
    const messages: ModelMessage[] = [{ role: 'user', content: QUESTION }, ...(await result.response).messages, { role: 'user', content: 'And in 2023?' }];
    const next = await generateText({ model: aiSdk('search'), messages, tools, providerOptions: { openai: { store: false } }, maxRetries: 0 });
    expect(next.text).toBe(TEXT);
    // In a stream the search item came after the message, and the SDK sends the items in that order.
    expect((sent[1].input as { type?: string }[]).map((item) => item.type ?? 'message')).toEqual(['message', 'message', 'web_search_call', 'message']);
    expect(sentToOpenAI()[1].messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: QUESTION }] },
      { role: 'assistant', content: TEXT },
      { role: 'user', content: [{ type: 'text', text: 'And in 2023?' }] },
    ]);
  });

  test('Agents SDK with webSearchTool(): the answer is the final output, the search a tool call item, plain and streamed', async () => {
    const agent = new Agent({ name: 'Researcher', instructions: 'Search the web.', model: 'search', tools: [webSearchTool()] });
    const result = await runner.run(agent, QUESTION);
    expect(result.finalOutput).toBe(TEXT);
    expect(result.newItems.map((item) => item.type)).toEqual(['tool_call_item', 'message_output_item']);
    expect(result.newItems[0].rawItem).toMatchObject({ type: 'hosted_tool_call', name: 'web_search_call', status: 'completed' });
    expect(sent[0]).toMatchObject({ tools: [{ type: 'web_search', search_context_size: 'medium' }] });

    const streamed = await runner.run(agent, QUESTION, { stream: true });
    const calls: string[] = [];
    for await (const event of streamed) if (event.type === 'run_item_stream_event' && event.name === 'tool_called') calls.push((event.item.rawItem as { name: string }).name);
    await streamed.completed;
    expect(streamed.finalOutput).toBe(TEXT);
    expect(calls).toEqual(['web_search_call']);

    // The conversation so far sent back with a new question: the search item goes back, and is accepted.
    const next = await runner.run(agent, [...result.history, { role: 'user', content: 'And in 2023?' }]);
    expect(next.finalOutput).toBe(TEXT);
    expect((sent.at(-1)?.input as { type?: string }[]).some((item) => item.type === 'web_search_call')).toBe(true);
  });
});
