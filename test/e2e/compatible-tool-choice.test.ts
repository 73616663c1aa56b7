/**
 * OpenAI's newer tool_choice forms and its deprecated function messages, through the official openai
 * client (shared/tool-choice.ts, shared/function-messages.ts). At Mistral, Together AI and TGI they
 * went to the vendor unchanged: Mistral and TGI answered with a 422 of their own. Now `allowed_tools`
 * reaches each as the allowed tools alone with the mode as tool_choice, and a custom tool's choice
 * or a function message is a 400 naming the field before any call. At Anthropic, Gemini, Bedrock
 * Converse, Cohere, AI21, PaLM and MosaicML an assistant's `function_call` was dropped from the
 * history sent (AI21 also took a `function` message on): the same 400 now.
 */
import OpenAI from 'openai';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { serveAi21Fixtures, serveAnthropicFixtures, serveBedrockFixtures, serveCohereFixtures, serveGeminiFixtures, serveMosaicmlFixtures, servePalmFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

// Before the gateway's hooks (jest runs beforeAll hooks in order): its config names the fake's URL.
let bedrock: FakeBedrock;
beforeAll(async () => {
  bedrock = await startFakeBedrock(serveBedrockFixtures);
});
beforeEach(() => {
  bedrock.calls.length = 0;
});
afterAll(async () => {
  await bedrock.close();
});

const setup = useGatewayWithUpstreams({
  upstreams: {
    mistral: (_request, response) => sendJson(response, 200, readJsonFixture('mistral', 'chat-tool-calls.response.json')),
    together: (_request, response) => sendJson(response, 200, readJsonFixture('togetherai', 'chat.response.json')),
    tgi: (_request, response) => sendJson(response, 200, readJsonFixture('huggingface-text-generation-inference', 'chat-tool-calls.response.json')),
    claude: serveAnthropicFixtures('claude-completions-unused'),
    gemini: serveGeminiFixtures('gemini-completions-unused'),
    cohere: serveCohereFixtures,
    jamba: serveAi21Fixtures,
    palm: servePalmFixtures,
    mosaicml: serveMosaicmlFixtures,
  },
  config: (urls) => `
endpoints:
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${urls.mistral}/v1" } } }
  - { name: together, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: test, togetherai_api_base: "${urls.together}/v1" } } }
  - { name: tgi, endpoint_type: llm/v1/chat, model: { provider: huggingface-text-generation-inference, name: llama, config: { hf_server_url: "${urls.tgi}" } } }
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.claude}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: bedrock, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-20250514-v1:0, config: { aws_config: ${fakeAwsConfig(bedrock.url)} } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-test, cohere_api_base: "${urls.cohere}/v1" } } }
  - { name: jamba, endpoint_type: llm/v1/chat, model: { provider: ai21labs, name: jamba-large, config: { ai21labs_api_key: test, ai21labs_api_base: "${urls.jamba}/studio/v1" } } }
  - { name: palm, endpoint_type: llm/v1/chat, model: { provider: palm, name: chat-bison-001, config: { palm_api_key: test, palm_api_base: "${urls.palm}/v1beta3" } } }
  - { name: mosaicml, endpoint_type: llm/v1/chat, model: { provider: mosaicml, name: llama2-70b-chat, config: { mosaicml_api_key: test, mosaicml_api_base: "${urls.mosaicml}" } } }
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

/** What each vendor with tool calling of its own got for allowed_tools, streamed or not. */
const ALLOWED_TOOLS_SENT = [
  // Gemini's own list of allowed functions, with every declaration.
  ['gemini', { tools: [{ functionDeclarations: [{ name: 'get_weather' }, { name: 'get_time' }] }], toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } } }],
  ['claude', { tools: [{ name: 'get_time' }], tool_choice: { type: 'any' } }],
  ['bedrock', { toolConfig: { tools: [{ toolSpec: { name: 'get_time' } }], toolChoice: { any: {} } } }],
  ['cohere', { tools: [{ function: { name: 'get_time' } }], tool_choice: 'REQUIRED' }],
] as const;

test.each(ALLOWED_TOOLS_SENT)('%s: allowed_tools with mode required goes as the vendor forces a call among those tools, streamed or not', async (model, expected) => {
  for (const stream of [false, true]) {
    const answer = await setup.openai.chat.completions.create({
      model,
      messages: MESSAGES,
      tools: [GET_WEATHER, GET_TIME],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] } },
      stream,
    });
    if (stream) for await (const _chunk of answer as AsyncIterable<unknown>);
  }
  const sent = model === 'bedrock' ? bedrock.calls.map((call) => call.body) : setup.upstreams[model].requests.map((request) => request.body);
  expect(sent).toHaveLength(2);
  for (const body of sent) {
    expect(body).toMatchObject(expected);
    expect(JSON.stringify(body)).not.toContain('allowed_tools');
  }
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

/** The vendors that dropped an assistant's function_call from the history, and the name each 400 gives. */
const DROPPED_CALLS = [
  ['claude', 'Anthropic'],
  ['gemini', 'Gemini'],
  ['bedrock', 'Amazon Bedrock (Anthropic Claude)'],
  ['cohere', 'Cohere'],
  ['jamba', 'AI21Labs'],
  ['palm', 'PaLM'],
  ['mosaicml', 'MosaicML'],
] as const;

/** Nothing reached the endpoint's vendor. */
function expectNoCall(model: (typeof DROPPED_CALLS)[number][0]): void {
  if (model === 'bedrock') expect(bedrock.calls).toHaveLength(0);
  else expect(setup.upstreams[model].requests).toHaveLength(0);
}

test.each(DROPPED_CALLS)('%s: an assistant turn with a function_call is a 400 naming it, streamed or not; the vendor is not called', async (model, provider) => {
  // A model of 2023 said something and called a function; the conversation then went on.
  const history: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    LEGACY_HISTORY[0],
    { role: 'assistant', content: 'Let me look that up.', function_call: { name: 'get_weather', arguments: '{"location":"Boston, MA"}' } },
    { role: 'user', content: 'Well?' },
  ];
  // PaLM and MosaicML do not stream.
  for (const stream of model === 'palm' || model === 'mosaicml' ? [false] : [false, true]) {
    const error = await setup.openai.chat.completions.create({ model, messages: history, stream }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'messages[1].function_call', message: expect.stringContaining(`400 messages[1].function_call: ${provider} does not take an assistant's function_call`) });
  }
  expectNoCall(model);
});

test.each(DROPPED_CALLS.filter(([model]) => model !== 'palm' && model !== 'mosaicml'))('%s: a function message is a 400 naming its role', async (model, provider) => {
  // Not last: Cohere v1 answers a conversation that does not end with a user message with MLflow's 422.
  const messages = [LEGACY_HISTORY[0], LEGACY_HISTORY[2], { role: 'user' as const, content: 'Well?' }];
  const error = await setup.openai.chat.completions.create({ model, messages }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 400, param: 'messages[1].role', message: expect.stringContaining(`400 messages[1].role: ${provider} does not take "function" messages`) });
  expectNoCall(model);
});
