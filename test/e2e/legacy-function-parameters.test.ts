/**
 * OpenAI's deprecated function calling, `functions` and `function_call`, which the openai v6 client
 * still types (https://platform.openai.com/docs/api-reference/chat/create#chat-create-functions).
 * An OpenAI endpoint gets them as sent; every other provider refuses them with a 400 naming the
 * field, before any call. TGI and Together AI had been sent them and ignore them (TGI's ChatRequest
 * drops unknown keys; Together's API reference has no `functions`), so the model answered without
 * the functions; Cohere, Mistral and AI21 were sent them too.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: {
    openai: (_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')),
    vendor: (_request, response) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } }),
  },
  config: (urls) => `
endpoints:
  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } } }
  - { name: tgi, endpoint_type: llm/v1/chat, model: { provider: huggingface-text-generation-inference, name: llama, config: { hf_server_url: "${urls.vendor}" } } }
  - { name: together, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: test, togetherai_api_base: "${urls.vendor}/v1" } } }
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${urls.vendor}/v1" } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r-plus, config: { cohere_api_key: test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: jamba, endpoint_type: llm/v1/chat, model: { provider: ai21labs, name: jamba-mini, config: { ai21labs_api_key: test, ai21labs_api_base: "${urls.vendor}/studio/v1" } } }
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
`,
});

/** The function of OpenAI's function-calling guide, as the legacy API took it. */
const GET_CURRENT_WEATHER = {
  name: 'get_current_weather',
  description: 'Get the current weather in a given location',
  parameters: {
    type: 'object',
    properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['location'],
  },
};

const REQUEST = {
  messages: [{ role: 'user' as const, content: "What's the weather like in Boston today?" }],
  functions: [GET_CURRENT_WEATHER],
  function_call: 'auto' as const,
};

test('OpenAI: both reach the vendor as sent', async () => {
  await setup.openai.chat.completions.create({ model: 'gpt', ...REQUEST });
  expect(setup.upstreams.openai.requests[0].body).toMatchObject({ functions: [GET_CURRENT_WEATHER], function_call: 'auto' });
});

const REFUSING = [
  ['tgi', 'Hugging Face Text Generation Inference'],
  ['together', 'TogetherAI'],
  ['mistral', 'Mistral'],
  ['cohere', 'Cohere'],
  ['jamba', 'AI21Labs'],
  ['claude', 'Anthropic'],
];

test.each(REFUSING)('%s: a 400 naming functions and %s; the vendor is not called', async (model, provider) => {
  const error = await setup.openai.chat.completions.create({ model, ...REQUEST }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param: 'functions', message: `400 The parameter 'functions' is not supported by ${provider}.` });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});

test('function_call alone (a forced function, the functions left out) is refused too', async () => {
  const error = await setup.openai.chat.completions.create({ model: 'together', messages: REQUEST.messages, function_call: { name: 'get_current_weather' } }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'function_call', message: "400 The parameter 'function_call' is not supported by TogetherAI." });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});

test('a stream is refused before its first byte', async () => {
  const error = await setup.openai.chat.completions.create({ model: 'tgi', ...REQUEST, stream: true }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'functions' });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});
