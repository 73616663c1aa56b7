/**
 * `/v1/responses` errors raised after the request became a chat request (a provider's translation
 * and refusals, a vendor's own `param`) name the Responses fields the client sent, end to end: the
 * official openai client's responses.create against the gateway, which calls a fake Anthropic
 * Messages API and a fake OpenAI chat API on 127.0.0.1. (Claude's thinking missing from the input,
 * the kept-thinking refusal, is a 400 on `input`: responses-kept-thinking.test.ts.)
 */
import OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { sendJson } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), openai: serveOpenAIFixtures },
  config: ({ anthropic, openai }) =>
    [
      'endpoints:',
      `  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropic}/v1" } } }`,
      `  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${openai}/v1" } } }`,
    ].join('\n'),
});

const WEATHER: OpenAI.Responses.FunctionTool = { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false };

/** The conversation so far: a user's question with an image, the model's two calls and their outputs. */
const conversation = (image: string, tokyoArguments: string): OpenAI.Responses.ResponseInput => [
  { role: 'user', content: [{ type: 'input_text', text: 'Weather where this photo was taken, and in Tokyo?' }, { type: 'input_image', image_url: image, detail: 'auto' }] },
  { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
  { type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: tokyoArguments },
  { type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 21°C' },
  { type: 'function_call_output', call_id: 'call_2', output: 'Rain, 14°C' },
];

const PHOTO = 'https://example.com/photo.jpg';

/** Asserts the 4xx the request gets (nothing sent to any upstream), and returns its error object. */
async function refusal(request: OpenAI.Responses.ResponseCreateParams, status = 400): Promise<unknown> {
  const { status: got, error } = await openaiErrorOf(setup.openai.responses.create(request));
  expect(got).toBe(status);
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  expect(setup.upstreams.openai.requests).toHaveLength(0);
  return error;
}

test('a content part Anthropic refuses: the input item and part, after the instructions (the chat system message)', async () => {
  const input = conversation('ftp://example.com/photo.jpg', '{"city":"Tokyo"}');
  expect(await refusal({ model: 'claude', instructions: 'Be brief.', input, tools: [WEATHER] })).toEqual({
    message: 'input[0].content[1].image_url: Anthropic takes images as http(s) URLs or base64 data URLs (data:image/png;base64,...).',
    type: 'invalid_request_error',
    param: 'input[0].content[1].image_url',
    code: 'invalid_value',
  });
});

test("a function call's arguments: the function_call item, though its call joined the assistant turn of the one before", async () => {
  const input = conversation(PHOTO, 'Tokyo');
  expect(await refusal({ model: 'claude', instructions: 'Be brief.', input, tools: [WEATHER] })).toMatchObject({ param: 'input[2].arguments', message: 'input[2].arguments must be a JSON object text.' });
});

test('the same refusal before a stream: a real 400 with the same fields', async () => {
  const input = conversation(PHOTO, 'Tokyo');
  expect(await refusal({ model: 'claude', input, tools: [WEATHER], stream: true })).toMatchObject({ param: 'input[2].arguments', message: 'input[2].arguments must be a JSON object text.' });
});

test("a function tool: its place among the request's tools (the web search tool is no chat tool)", async () => {
  const clash = { ...WEATHER, name: 'web_search' };
  expect(await refusal({ model: 'claude', input: 'Weather in Paris?', tools: [{ type: 'web_search' }, clash] })).toMatchObject({
    param: 'tools[1].name',
    message: "tools[1].name: 'web_search' is the name of Anthropic's web search tool, which web_search_options adds; rename the function.",
  });
});

test("a web search filter OpenAI's chat search cannot keep to: the web search tool's filters", async () => {
  const tools: OpenAI.Responses.Tool[] = [WEATHER, { type: 'web_search', filters: { allowed_domains: ['louvre.fr'] } }];
  expect(await refusal({ model: 'gpt', input: 'Visitors to the Louvre in 2024?', tools })).toMatchObject({
    param: 'tools[1].filters',
    message: "tools[1].filters: OpenAI's chat web_search_options has no domain filter, so the search would not keep to it; leave it out (Anthropic endpoints serve it).",
  });
});

test("max_output_tokens over Anthropic's limit: a 422 on max_output_tokens", async () => {
  expect(await refusal({ model: 'claude', input: 'Hi', max_output_tokens: 2_000_000 }, 422)).toMatchObject({ param: 'max_output_tokens', message: 'Invalid value for max_output_tokens: cannot exceed 1000000.' });
});

test('text.format json_object, which Claude cannot keep to without a schema: text.format.type', async () => {
  expect(await refusal({ model: 'claude', input: 'Hi', text: { format: { type: 'json_object' } } })).toMatchObject({
    param: 'text.format.type',
    message: expect.stringMatching(/^'text\.format' of type 'json_object' is not supported by Anthropic, /),
  });
});

test('reasoning.effort Claude does not take: reasoning.effort', async () => {
  const body = { model: 'claude', input: 'Hi', reasoning: { effort: 'maximal' } } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
  expect(await refusal(body)).toMatchObject({ param: 'reasoning.effort', message: expect.stringMatching(/^reasoning\.effort: Anthropic takes .*, not "maximal"\.$/) });
});

test("the vendor's own param: the input, not the chat request's messages", async () => {
  setup.upstreams.openai.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400-context-length.json')));
  const { status, error } = await openaiErrorOf(setup.openai.responses.create({ model: 'gpt', input: 'Hi' }));
  expect(status).toBe(400);
  expect(error).toMatchObject({ code: 'context_length_exceeded', param: 'input' });
});
