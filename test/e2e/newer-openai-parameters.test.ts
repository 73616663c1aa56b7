/**
 * Fields OpenAI's chat API gained since 2025, typed by the openai v6 client
 * (https://platform.openai.com/docs/api-reference/chat/create): `prompt_cache_key`,
 * `prompt_cache_options`, `prompt_cache_retention`, `verbosity`, `web_search_options`,
 * `moderation`. An OpenAI endpoint gets them as
 * sent; every other provider refuses them with a 400 naming the field, before any call, but where a
 * provider serves one (SERVED_ELSEWHERE; web search: anthropic-web-search.test.ts, gemini-web-search.test.ts).
 * Anthropic and Mistral had refused them with their own 400 (no `param`), Together AI would ignore them.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: {
    openai: (_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')),
    vendor: (_request, response) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } }),
  },
  config: (urls) => `
endpoints:
  - { name: gpt, endpoint_type: llm/v1/chat, model: { provider: openai, name: gpt-5-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } } }
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${urls.vendor}/v1" } } }
  - { name: together, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: test, togetherai_api_base: "${urls.vendor}/v1" } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r-plus, config: { cohere_api_key: test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: test, gemini_api_base: "${urls.vendor}/v1beta" } } }
  - { name: bedrock, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(urls.vendor)} } } }
`,
});

/** Values as OpenAI's chat API reference gives them. */
const FIELDS: Record<string, unknown> = {
  prompt_cache_key: 'tenant-42',
  prompt_cache_options: { mode: 'explicit', ttl: '30m' },
  prompt_cache_retention: '24h',
  verbosity: 'low',
  web_search_options: { search_context_size: 'low' },
  moderation: { model: 'omni-moderation-latest' },
};

/** The providers (by endpoint) that serve a field in their own way. */
const SERVED_ELSEWHERE: Record<string, readonly string[]> = { web_search_options: ['claude', 'gemini'] };

const ask = (model: string, extra: Record<string, unknown>) => setup.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Salut' }], ...extra } as OpenAI.ChatCompletionCreateParamsNonStreaming);

test('OpenAI: all of them reach the vendor as sent', async () => {
  await ask('gpt', FIELDS);
  expect(setup.upstreams.openai.requests[0].body).toMatchObject(FIELDS);
});

const REFUSING = [
  ['claude', 'Anthropic'],
  ['mistral', 'Mistral'],
  ['together', 'TogetherAI'],
  ['cohere', 'Cohere'],
  ['gemini', 'Gemini'],
  ['bedrock', 'Amazon Bedrock (Anthropic Claude)'],
];

describe.each(Object.entries(FIELDS))('%s', (field, value) => {
  test.each(REFUSING.filter(([model]) => !SERVED_ELSEWHERE[field]?.includes(model)))('%s: a 400 naming it and %s; the vendor is not called', async (model, provider) => {
    const error = await ask(model, { [field]: value }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: field, message: `400 The parameter '${field}' is not supported by ${provider}.` });
    expect(setup.upstreams.vendor.requests).toHaveLength(0);
  });
});
