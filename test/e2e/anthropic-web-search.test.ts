/**
 * `web_search_options` on an `anthropic` endpoint, end to end: the official OpenAI client through
 * `/v1` (responses validated against openapi/), the gateway calling a fake Anthropic Messages API on
 * 127.0.0.1 that answers with the web search fixtures of test/fixtures/anthropic. An endpoint's
 * `web_search` bounds (`max_uses`, a domain list) go on the tool it sends.
 */
import OpenAI from 'openai';
import { validateChatChunk } from '../../generated/request-validators';
import { serveAnthropicFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { pythonStreamMessage } from '../support/openai-python-accumulate';

const setup = useGatewayWithUpstreams({
  // A request with the web search tool gets chat-web-search.{response.json,stream.sse}.
  upstreams: { anthropic: serveAnthropicFixtures('claude-haiku-4-5') },
  config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - name: claude-reference
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config:
        anthropic_api_key: sk-ant-test
        anthropic_api_base: "${urls.anthropic}/v1"
        web_search: { max_uses: 2, allowed_domains: [en.wikipedia.org, britannica.com/biography] }
  - name: claude-no-forums
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1", web_search: { blocked_domains: [reddit.com, quora.com] } }
`,
  validateResponses: true,
});
const sentBodies = () => setup.upstreams.anthropic.requests.map((request) => request.body as Record<string, unknown>);

const question: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'When was Claude Shannon born?' }];
const webSearchOptions: OpenAI.ChatCompletionCreateParams.WebSearchOptions = {
  search_context_size: 'medium',
  user_location: { type: 'approximate', approximate: { city: 'Boston', region: 'Massachusetts', country: 'US', timezone: 'America/New_York' } },
};
const weatherTool: OpenAI.ChatCompletionTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } };

const ANSWER_TEXT =
  "I'll search for when Claude Shannon 🎓 was born.Based on the search results, Claude Shannon was born on April 30, 1916, in Petoskey, Michigan. He is known as the “father of information theory”.";
const WIKIPEDIA = { url: 'https://en.wikipedia.org/wiki/Claude_Shannon', title: 'Claude Shannon - Wikipedia' };
const BRITANNICA = { url: 'https://www.britannica.com/biography/Claude-Shannon', title: 'Claude Shannon | American Engineer, Information Theory & Computer Science | Britannica' };
const ANNOTATIONS = [
  { type: 'url_citation', url_citation: { ...WIKIPEDIA, start_index: 76, end_index: 140 } },
  { type: 'url_citation', url_citation: { ...BRITANNICA, start_index: 76, end_index: 140 } },
  { type: 'url_citation', url_citation: { ...BRITANNICA, start_index: 142, end_index: 192 } },
];

test("the web search tool goes beside the function tools; the answer's text joined, its citations as url_citation annotations", async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: question, tools: [weatherTool], web_search_options: webSearchOptions });
  expect(sentBodies()).toEqual([
    {
      model: 'claude-sonnet-4-5',
      max_tokens: 8192,
      messages: [{ role: 'user', content: 'When was Claude Shannon born?' }],
      tools: [
        { name: 'get_weather', input_schema: weatherTool.function.parameters },
        // search_context_size medium: max_uses 5, as LiteLLM reads it.
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5, user_location: { type: 'approximate', city: 'Boston', region: 'Massachusetts', country: 'US', timezone: 'America/New_York' } },
      ],
    },
  ]);
  expect(completion.choices[0]).toEqual({
    index: 0,
    message: { role: 'assistant', content: ANSWER_TEXT, tool_calls: null, refusal: null, annotations: ANNOTATIONS },
    finish_reason: 'stop',
  });
  expect(completion.usage).toMatchObject({ prompt_tokens: 6039, completion_tokens: 931, total_tokens: 6970 });
});

test("an endpoint's web_search bounds go on the tool, streamed or not; its max_uses wins over search_context_size", async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'claude-reference', messages: question, web_search_options: { search_context_size: 'high' } });
  expect(completion.choices[0].message.annotations).toEqual(ANNOTATIONS);
  const stream = await setup.openai.chat.completions.create({ model: 'claude-no-forums', messages: question, tools: [weatherTool], web_search_options: { search_context_size: 'low' }, stream: true });
  for await (const chunk of stream) expect(validateChatChunk(chunk)).toBe(true);
  await setup.openai.chat.completions.create({ model: 'claude-no-forums', messages: question, web_search_options: {} });
  expect(sentBodies().map((body) => (body.tools as unknown[]).at(-1))).toEqual([
    { type: 'web_search_20250305', name: 'web_search', max_uses: 2, allowed_domains: ['en.wikipedia.org', 'britannica.com/biography'] },
    { type: 'web_search_20250305', name: 'web_search', blocked_domains: ['reddit.com', 'quora.com'], max_uses: 1 },
    { type: 'web_search_20250305', name: 'web_search', blocked_domains: ['reddit.com', 'quora.com'] },
  ]);
});

test("streamed: the same text, no tool-call deltas, the annotations in one chunk before the finish", async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {}, stream: true, stream_options: { include_usage: true } });
  let text = '';
  const annotationLists: unknown[] = [];
  const finishes: (string | null)[] = [];
  for await (const chunk of stream) {
    expect(validateChatChunk(chunk)).toBe(true);
    const choice = chunk.choices[0];
    text += choice.delta.content ?? '';
    const { annotations } = choice.delta as { annotations?: unknown[] };
    if (annotations) annotationLists.push(annotations);
    expect(choice.delta.tool_calls ?? null).toBeNull();
    if (choice.finish_reason) finishes.push(choice.finish_reason);
  }
  expect(text).toBe(ANSWER_TEXT);
  expect(annotationLists).toEqual([ANNOTATIONS]);
  expect(finishes).toEqual(['stop']);
  expect(sentBodies()[0]).toMatchObject({ stream: true, tools: [{ type: 'web_search_20250305', name: 'web_search' }] });
});

test("the clients' stream helpers end with the whole answer: openai node's finalChatCompletion(), openai-python's delta accumulation", async () => {
  const final = await setup.openai.chat.completions.stream({ model: 'claude', messages: question, web_search_options: {} }).finalChatCompletion();
  expect(final.choices[0].message).toMatchObject({ content: ANSWER_TEXT, annotations: ANNOTATIONS });
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {}, stream: true });
  expect(await pythonStreamMessage(stream)).toMatchObject({ role: 'assistant', content: ANSWER_TEXT, annotations: ANNOTATIONS });
});

test('the next turn, with the answer sent back whole (annotations included), reaches Anthropic as plain text', async () => {
  const first = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {} });
  await setup.openai.chat.completions.create({ model: 'claude', messages: [...question, first.choices[0].message, { role: 'user', content: 'Where did he work?' }], web_search_options: {} });
  expect(sentBodies()[1].messages).toEqual([
    { role: 'user', content: 'When was Claude Shannon born?' },
    { role: 'assistant', content: ANSWER_TEXT },
    { role: 'user', content: 'Where did he work?' },
  ]);
});

test.each([
  [{ search_context_size: 'maximal' }, 'web_search_options.search_context_size'],
  [{ user_location: { type: 'approximate', approximate: { zip: '02139' } } }, 'web_search_options.user_location.approximate.zip'],
])('a malformed web_search_options (%j) is a 400 naming the field; Anthropic is not called', async (options, param) => {
  const error = await setup.openai.chat.completions
    .create({ model: 'claude', messages: question, web_search_options: options } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param });
  expect(sentBodies()).toHaveLength(0);
});

test("tool_choice none beside web_search_options is a 400 naming tool_choice (Anthropic's none would turn the search off)", async () => {
  const error = await setup.openai.chat.completions.create({ model: 'claude', messages: question, tools: [weatherTool], tool_choice: 'none', web_search_options: {} }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'tool_choice' });
  expect(sentBodies()).toHaveLength(0);
});
