/**
 * The Responses API web search tool's `filters.allowed_domains`, end to end: the official openai
 * client's responses.create against `/v1/responses` (answers validated against openapi/), the gateway
 * calling a fake Anthropic Messages API (test/fixtures/anthropic/chat-web-search.*) and a fake Gemini
 * API on 127.0.0.1. On Anthropic the list is the web search tool's `allowed_domains`, within an
 * endpoint's own `web_search.allowed_domains` (the domains both allow); Gemini's Google Search takes
 * no list, so there it is a 400 naming the field and the provider, with nothing sent.
 */
import OpenAI from 'openai';
import { serveAnthropicFixtures, serveGeminiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const claude = (name: string, url: string, webSearch = '') =>
  `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${url}/v1"${webSearch} } } }`;

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), gemini: serveGeminiFixtures('gemini-2.0-flash') },
  config: ({ anthropic, gemini }) =>
    [
      'endpoints:',
      claude('claude', anthropic),
      claude('museums', anthropic, ', web_search: { max_uses: 3, allowed_domains: [louvre.fr, en.wikipedia.org/wiki, Museum.example] }'),
      claude('no-forums', anthropic, ', web_search: { blocked_domains: [reddit.com] }'),
      `  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST-domains, gemini_api_base: "${gemini}/v1beta" } } }`,
    ].join('\n'),
  validateResponses: true,
});

const QUESTION = 'How many visitors did the Louvre have in 2024?';
const search = (allowed: string[]) => [{ type: 'web_search' as const, filters: { allowed_domains: allowed } }];
const sentSearchTools = () =>
  setup.upstreams.anthropic.requests.map((request) => ((request.body as { tools?: { type: string }[] }).tools ?? []).filter((tool) => tool.type === 'web_search_20250305'));

async function refusal(request: OpenAI.Responses.ResponseCreateParamsNonStreaming): Promise<Record<string, unknown>> {
  const error = await setup.openai.responses.create(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  return (error as InstanceType<typeof OpenAI.BadRequestError>).error as Record<string, unknown>;
}

test("an Anthropic endpoint without bounds: the list is the search tool's allowed_domains, the answer as usual", async () => {
  const response = await setup.openai.responses.create({ model: 'claude', input: QUESTION, tools: search(['louvre.fr', 'en.wikipedia.org/wiki/Louvre']) });
  expect(sentSearchTools()).toEqual([[{ type: 'web_search_20250305', name: 'web_search', allowed_domains: ['louvre.fr', 'en.wikipedia.org/wiki/Louvre'] }]]);
  expect(response.status).toBe('completed');
  expect(response.output.some((item) => item.type === 'web_search_call')).toBe(true);
});

test("streamed too: the same tool goes to Anthropic", async () => {
  await setup.openai.responses.stream({ model: 'claude', input: QUESTION, tools: search(['louvre.fr']) }).finalResponse();
  expect(sentSearchTools()).toEqual([[{ type: 'web_search_20250305', name: 'web_search', allowed_domains: ['louvre.fr'] }]]);
});

test("an endpoint's own allowed_domains: the request narrows them (a subdomain, a deeper path, a wider domain cut to the endpoint's), never widens them", async () => {
  await setup.openai.responses.create({ model: 'museums', input: QUESTION, tools: search(['collections.louvre.fr', 'wikipedia.org', 'en.wikipedia.org/wiki/Louvre', 'museum.example/paintings', 'reddit.com']) });
  expect(sentSearchTools()).toEqual([
    [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3, allowed_domains: ['collections.louvre.fr', 'en.wikipedia.org/wiki', 'en.wikipedia.org/wiki/Louvre', 'museum.example/paintings'] }],
  ]);
});

test('nothing in common with the endpoint\'s list: a 400 naming the field, nothing sent', async () => {
  expect(await refusal({ model: 'museums', input: QUESTION, tools: search(['reddit.com', 'fr.wikipedia.org']) })).toMatchObject({
    param: 'tools[0].filters.allowed_domains',
    message: expect.stringContaining("none of these domains is within this endpoint's allowed_domains (louvre.fr, en.wikipedia.org/wiki, Museum.example)"),
  });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test("an endpoint with blocked_domains, which Anthropic refuses beside allowed_domains: a 400 naming the field, nothing sent", async () => {
  expect(await refusal({ model: 'no-forums', input: QUESTION, tools: search(['louvre.fr']) })).toMatchObject({
    param: 'tools[0].filters.allowed_domains',
    message: expect.stringContaining("this endpoint's web_search sets blocked_domains"),
  });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test('an entry that is not a domain (a scheme): a 400 naming it', async () => {
  expect(await refusal({ model: 'claude', input: QUESTION, tools: search(['louvre.fr', 'https://www.louvre.fr']) })).toMatchObject({
    param: 'tools[0].filters.allowed_domains[1]',
    message: 'tools[0].filters.allowed_domains[1]: "https://www.louvre.fr" has a scheme: give the host name alone, e.g. example.com.',
  });
});

test('Gemini, whose Google Search takes no list: a 400 naming the field and Gemini, nothing sent', async () => {
  expect(await refusal({ model: 'gemini', input: QUESTION, tools: search(['louvre.fr']) })).toMatchObject({
    param: 'tools[0].filters.allowed_domains',
    message: expect.stringContaining('cannot be honoured by Gemini'),
  });
  expect(setup.upstreams.gemini.requests).toHaveLength(0);
});

test('an empty list is no filter, as before', async () => {
  await setup.openai.responses.create({ model: 'museums', input: QUESTION, tools: search([]) });
  expect(sentSearchTools()).toEqual([[{ type: 'web_search_20250305', name: 'web_search', max_uses: 3, allowed_domains: ['louvre.fr', 'en.wikipedia.org/wiki', 'Museum.example'] }]]);
});
