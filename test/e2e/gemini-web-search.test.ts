/**
 * `web_search_options` on a Gemini endpoint end to end: the official OpenAI client asks through
 * `/v1`, the gateway sends Google Search to a fake Gemini API on 127.0.0.1, which answers with the
 * grounded fixtures (test/fixtures/gemini/chat-google-search-citations.*); the client gets
 * OpenAI's `url_citation` annotations, counted in code points of the content, answered or streamed.
 */
import OpenAI from 'openai';
import { sendJson } from '../support/fake-upstream';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { pythonStreamMessage } from '../support/openai-python-accumulate';

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: serveGeminiFixtures('gemini-2.0-flash') },
  config: (urls) => `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST-web-search, gemini_api_base: "${urls.gemini}/v1beta" } } }
`,
});
const { upstreams } = setup;

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: "Qui a gagné l'Euro 2024 ?" }];
const REDIRECT = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/';
const cite = (token: string, title: string, start: number, end: number) => ({ type: 'url_citation', url_citation: { url: `${REDIRECT}${token}`, title, start_index: start, end_index: end } });
const ANNOTATIONS = [
  cite('AUZIYQFh2kq8Vb1mXo3Rz7TnLwE5aJcPdGyU0sKiM4vN', 'aljazeera.com', 0, 82),
  cite('AUZIYQGx7pT2nWcJ9eKbL4sHq1VmYdZr8FoUi3AtN6wE', 'uefa.com', 0, 82),
  cite('AUZIYQGx7pT2nWcJ9eKbL4sHq1VmYdZr8FoUi3AtN6wE', 'uefa.com', 83, 129),
  cite('AUZIYQEm5Rb0cXwT8yLq2HnVj7KdPs4GiFoZa1UeN9rC', 'fr.wikipedia.org', 83, 129),
];
/** What each annotation delimits, in code points (Python's `content[start:end]`). */
const citedTexts = (content: string, annotations: readonly { url_citation: { start_index: number; end_index: number } }[]) =>
  annotations.map(({ url_citation: citation }) => [...content].slice(citation.start_index, citation.end_index).join(''));
const FIRST = "L'Espagne a remporté l'Euro 2024 🏆 en battant l'Angleterre 2-1 en finale à Berlin.";
const SECOND = "C'est son quatrième titre européen, un record.";

const lastBody = () => upstreams.gemini.requests[upstreams.gemini.requests.length - 1].body as Record<string, unknown>;

test('answer: Gemini gets Google Search; the message carries each cited page once, its span in code points', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'chat', messages, web_search_options: {} });
  expect(lastBody().tools).toEqual([{ googleSearch: {} }]);
  expect(lastBody()).not.toHaveProperty('web_search_options');
  const { message } = completion.choices[0];
  expect(message.content).toBe(`${FIRST} ${SECOND}`);
  expect(message.annotations).toEqual(ANNOTATIONS);
  expect(citedTexts(message.content!, message.annotations!)).toEqual([FIRST, FIRST, SECOND, SECOND]);
});

test('stream: the same annotations, all in one list on the finishing chunk (context size accepted and changing nothing)', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, web_search_options: { search_context_size: 'low' }, stream: true });
  const deltas: { content: string; annotations: unknown[]; finish: string | null }[] = [];
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta as { content?: string | null; annotations?: unknown[] } | undefined;
    deltas.push({ content: delta?.content ?? '', annotations: delta?.annotations ?? [], finish: chunk.choices[0]?.finish_reason ?? null });
  }
  expect(lastBody().tools).toEqual([{ googleSearch: {} }]);
  expect(deltas.map(({ content }) => content).join('')).toBe(`${FIRST} ${SECOND}`);
  expect(deltas.filter(({ annotations }) => annotations.length > 0)).toEqual([{ content: ' européen, un record.', annotations: ANNOTATIONS, finish: 'stop' }]);
});

test("the clients' stream helpers end with the whole answer: openai node's finalChatCompletion(), openai-python's delta accumulation", async () => {
  const final = await setup.openai.chat.completions.stream({ model: 'chat', messages, web_search_options: {} }).finalChatCompletion();
  expect(final.choices[0].message).toMatchObject({ content: `${FIRST} ${SECOND}`, annotations: ANNOTATIONS });
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, web_search_options: {}, stream: true });
  expect(await pythonStreamMessage(stream)).toMatchObject({ role: 'assistant', content: `${FIRST} ${SECOND}`, annotations: ANNOTATIONS });
});

test('an option Gemini cannot honour is a 400 naming it, before Gemini is called', async () => {
  const error = await setup.openai.chat.completions
    .create({ model: 'chat', messages, web_search_options: { user_location: { type: 'approximate', approximate: { city: 'Lyon', country: 'FR' } } } })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param: 'web_search_options.user_location', message: "400 The parameter 'web_search_options.user_location' cannot be honoured by Gemini: its Google Search takes no location." });
  expect(upstreams.gemini.requests).toHaveLength(0);
});

test("beside function tools both go to Gemini; a model that refuses the pair answers with Google's 400, which the client gets", async () => {
  upstreams.gemini.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('gemini', 'error-400-search-with-functions.json')));
  const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_score', parameters: { type: 'object', properties: { match: { type: 'string' } } } } }];
  const error = await setup.openai.chat.completions.create({ model: 'chat', messages, tools, web_search_options: {} }).catch((caught: unknown) => caught);
  expect(lastBody().tools).toEqual([{ functionDeclarations: [{ name: 'get_score', parametersJsonSchema: { type: 'object', properties: { match: { type: 'string' } } } }] }, { googleSearch: {} }]);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT', message: '400 Tool use with function calling is unsupported' });
});
