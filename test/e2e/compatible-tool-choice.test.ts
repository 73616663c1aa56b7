/**
 * OpenAI's newer tool_choice forms and its deprecated function messages, through the official openai
 * client, at Mistral, Together AI and TGI (shared/tool-choice.ts, shared/function-messages.ts). They
 * went to the vendor unchanged: Mistral and TGI answered with a 422 of their own. Now `allowed_tools`
 * reaches each as the allowed tools alone with the mode as tool_choice, and a custom tool's choice
 * or a function message is a 400 naming the field before any call.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: {
    mistral: (_request, response) => sendJson(response, 200, readJsonFixture('mistral', 'chat-tool-calls.response.json')),
    together: (_request, response) => sendJson(response, 200, readJsonFixture('togetherai', 'chat.response.json')),
    tgi: (_request, response) => sendJson(response, 200, readJsonFixture('huggingface-text-generation-inference', 'chat-tool-calls.response.json')),
  },
  config: (urls) => `
endpoints:
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${urls.mistral}/v1" } } }
  - { name: together, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: test, togetherai_api_base: "${urls.together}/v1" } } }
  - { name: tgi, endpoint_type: llm/v1/chat, model: { provider: huggingface-text-generation-inference, name: llama, config: { hf_server_url: "${urls.tgi}" } } }
`,
});

const tool = (name: string, description: string): OpenAI.Chat.Completions.ChatCompletionFunctionTool => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
});
const GET_WEATHER = tool('get_weather', 'Get the current weather in a given location');
const GET_TIME = tool('get_time', 'Get the local time in a given location');
const MESSAGES: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'What time is it in Paris, and is it raining?' }];

const VENDORS = [
  ['mistral', 'Mistral'],
  ['together', 'TogetherAI'],
  ['tgi', 'Hugging Face Text Generation Inference'],
] as const;

test.each(VENDORS)('%s: allowed_tools reaches the vendor as the allowed tools alone, the mode as tool_choice', async (model) => {
  const answer = await setup.openai.chat.completions.create({
    model,
    messages: MESSAGES,
    tools: [GET_WEATHER, GET_TIME],
    tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] } },
  });
  expect(answer.choices).toHaveLength(1);
  const [sent] = setup.upstreams[model].requests;
  expect(sent.url).toBe('/v1/chat/completions');
  expect(sent.body).toMatchObject({ tools: [GET_TIME], tool_choice: 'required' });
});

test.each(VENDORS)('%s: a custom tool’s choice is a 400 naming tool_choice; the vendor is not called', async (model, provider) => {
  const error = await setup.openai.chat.completions.create({ model, messages: MESSAGES, tools: [GET_WEATHER], tool_choice: { type: 'custom', custom: { name: 'code_exec' } } }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param: 'tool_choice', message: expect.stringContaining(`400 tool_choice: ${provider} accepts 'auto', 'none', 'required'`) });
  expect(setup.upstreams[model].requests).toHaveLength(0);
});

/** OpenAI's function-calling guide before tools: the call, then the function's result. */
const LEGACY_HISTORY: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
  { role: 'user', content: "What's the weather like in Boston today?" },
  { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"location":"Boston, MA"}' } },
  { role: 'function', name: 'get_weather', content: '{"temperature":"22","unit":"celsius","description":"Sunny"}' },
];

test.each(VENDORS)('%s: function-calling history is a 400 naming the message, streamed or not; the vendor is not called', async (model, provider) => {
  for (const stream of [false, true]) {
    const error = await setup.openai.chat.completions.create({ model, messages: LEGACY_HISTORY, tools: [GET_WEATHER], stream }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'messages[1].function_call', message: expect.stringContaining(`400 messages[1].function_call: ${provider} does not take an assistant's function_call`) });
  }
  const error = await setup.openai.chat.completions.create({ model, messages: [LEGACY_HISTORY[0], LEGACY_HISTORY[2]] }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'messages[1].role', message: expect.stringContaining(`400 messages[1].role: ${provider} does not take "function" messages`) });
  expect(setup.upstreams[model].requests).toHaveLength(0);
});
