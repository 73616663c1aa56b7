/**
 * OpenAI parameters at values that change nothing: `logprobs: false`, `top_logprobs: 0` without
 * `logprobs: true`, an empty `logit_bias`, `store: false`, and `parallel_tool_calls` on a request
 * offering no tools. Providers without those
 * parameters serve such a call without sending them (LangChain's `OpenAI` LLM sends `logit_bias: {}`
 * on every call); any other value is still a 400 naming the field, before the vendor is called.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { serveAnthropicFixtures, serveCohereFixtures, serveGeminiFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** Converse answers as JSON: enough for a fake that does not check the request's signature. */
const serveConverse = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 200, readJsonFixture('bedrock', 'converse-chat.response.json'));

const servers = { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), gemini: serveGeminiFixtures('gemini-2.0-flash-lite'), bedrock: serveConverse, cohere: serveCohereFixtures };
type Vendor = keyof typeof servers;

const setup = useGatewayWithUpstreams({
  upstreams: servers,
  config: (urls) => `
endpoints:
  - { name: anthropic, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: anthropic-completions, endpoint_type: llm/v1/completions, model: { provider: anthropic, name: claude-haiku-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: k, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: bedrock, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(urls.bedrock)} } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r, config: { cohere_api_key: k, cohere_api_base: "${urls.cohere}/v1" } } }
  - { name: cohere-completions, endpoint_type: llm/v1/completions, model: { provider: cohere, name: command, config: { cohere_api_key: k, cohere_api_base: "${urls.cohere}/v1" } } }
`,
});

const sent = (vendor: Vendor) => setup.upstreams[vendor].requests.at(-1)?.body as Record<string, unknown>;
const messages = [{ role: 'user' as const, content: 'Un café ?' }];
const NO_OPS = { logprobs: false, top_logprobs: 0, logit_bias: {}, store: false, parallel_tool_calls: false } as const;
const NO_OP_NAMES = ['logprobs', 'top_logprobs', 'logit_bias', 'store', 'parallel_tool_calls', 'tool_choice'];
/** The body fields, at any depth, named by the no-op values (Anthropic would carry parallel_tool_calls in tool_choice). */
const namesIn = (body: unknown): string[] => JSON.stringify(body).match(new RegExp(`"(${NO_OP_NAMES.join('|')}|disable_parallel_tool_use)"`, 'g')) ?? [];

test.each([
  ['anthropic', 'anthropic'],
  ['gemini', 'gemini'],
  ['bedrock', 'bedrock'],
  ['cohere', 'cohere'],
] as const)('%s chat serves values that change nothing, without sending them', async (endpoint, vendor) => {
  const completion = await setup.openai.chat.completions.create({ model: endpoint, messages, ...NO_OPS });
  expect(completion.choices[0].message.content).toEqual(expect.any(String));
  expect(namesIn(sent(vendor))).toEqual([]);
});

test.each([
  ['anthropic', 'anthropic'],
  ['gemini', 'gemini'],
  ['bedrock', 'bedrock'],
  ['cohere', 'cohere'],
] as const)('%s chat serves top_logprobs: 0 without logprobs, without sending it', async (endpoint, vendor) => {
  const completion = await setup.openai.chat.completions.create({ model: endpoint, messages, top_logprobs: 0 });
  expect(completion.choices[0].message.content).toEqual(expect.any(String));
  expect(namesIn(sent(vendor))).toEqual([]);
});

test.each([
  ['anthropic-completions', 'anthropic'],
  ['cohere-completions', 'cohere'],
] as const)('%s serves logit_bias {}, store: false, top_logprobs: 0 and parallel_tool_calls (no tools in completions), without sending them', async (endpoint, vendor) => {
  const completion = await setup.openai.completions.create({ model: endpoint, prompt: 'Un café ?', logit_bias: {}, store: false, parallel_tool_calls: true, top_logprobs: 0 } as never);
  expect(completion.choices[0].text).toEqual(expect.any(String));
  expect(namesIn(sent(vendor))).toEqual([]);
});

test.each([
  ['anthropic', 'logit_bias', { logit_bias: { '50256': -100 } }],
  ['anthropic', 'logprobs', { logprobs: true }],
  ['anthropic', 'logprobs', { logprobs: true, top_logprobs: 0 }],
  ['cohere', 'top_logprobs', { top_logprobs: 1 }],
  ['gemini', 'store', { store: true }],
  ['gemini', 'logit_bias', { logit_bias: { '50256': -100 } }],
  ['bedrock', 'logprobs', { logprobs: true }],
  ['bedrock', 'store', { store: true }],
  ['cohere', 'logit_bias', { logit_bias: { '50256': -100 } }],
  ['cohere', 'parallel_tool_calls', { parallel_tool_calls: 'no' }],
])('%s chat still refuses %s at a value that changes the answer', async (endpoint, param, values) => {
  await expect(setup.openai.chat.completions.create({ model: endpoint, messages, ...values } as never)).rejects.toMatchObject({ status: 400, param });
  expect(Object.values(setup.upstreams).flatMap((upstream) => upstream.requests)).toHaveLength(0);
});

test('a string logprobs is still refused by the schema, not taken for false', async () => {
  await expect(setup.openai.chat.completions.create({ model: 'cohere', messages, logprobs: 'false' } as never)).rejects.toMatchObject({ status: 400 });
});

test('anthropic keeps parallel_tool_calls: false when tools are offered', async () => {
  const tools = [{ type: 'function' as const, function: { name: 'order', parameters: { type: 'object', properties: {} } } }];
  await setup.openai.chat.completions.create({ model: 'anthropic', messages, tools, parallel_tool_calls: false, store: false });
  expect(sent('anthropic')).toMatchObject({ tool_choice: { type: 'auto', disable_parallel_tool_use: true } });
  expect(sent('anthropic').store).toBeUndefined();
});
