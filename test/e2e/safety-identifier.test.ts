/**
 * `safety_identifier`, the end-user id OpenAI now documents in place of the deprecated `user`
 * (https://platform.openai.com/docs/api-reference/chat/create#chat-create-safety_identifier), typed
 * by the openai v6 client. It is the same setting as `user`, so it gets the same treatment: Anthropic
 * takes it as `metadata.user_id`; providers that refuse `user` refuse it too, with a 400 naming it,
 * rather than forwarding it to a vendor that refuses fields it does not know with a message of its own.
 */
import OpenAI from 'openai';
import { readJsonFixture } from '../support/fixtures';
import { sendJson } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: {
    anthropic: (_request, response) => sendJson(response, 200, readJsonFixture('anthropic', 'chat.response.json')),
    vendor: (_request, response) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } }),
  },
  config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${urls.vendor}/v1" } } }
  - { name: together, endpoint_type: llm/v1/chat, model: { provider: togetherai, name: meta-llama/Llama-3.3-70B-Instruct-Turbo, config: { togetherai_api_key: test, togetherai_api_base: "${urls.vendor}/v1" } } }
  - { name: cohere, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r-plus, config: { cohere_api_key: test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: test, gemini_api_base: "${urls.vendor}/v1beta" } } }
`,
});

const ask = (model: string, extra: Record<string, unknown>) => setup.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Salut' }], ...extra });

test("Anthropic: safety_identifier is metadata.user_id, as user is, beside the client's other metadata", async () => {
  await ask('claude', { safety_identifier: 'user-7f3a', metadata: { session: 'abc' } });
  const sent = setup.upstreams.anthropic.requests[0].body as Record<string, unknown>;
  expect(sent.metadata).toEqual({ session: 'abc', user_id: 'user-7f3a' });
  expect(sent).not.toHaveProperty('safety_identifier');
});

test.each([
  [{ safety_identifier: 'a', user: 'b' }, 'safety_identifier'],
  [{ safety_identifier: 'a', metadata: { user_id: 'b' } }, 'safety_identifier'],
  [{ safety_identifier: 42 }, 'safety_identifier'],
])('Anthropic: %j is a 400 naming %s, and Anthropic is not called', async (extra, param) => {
  const error = await ask('claude', extra).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param });
  expect(setup.upstreams.anthropic.requests).toHaveLength(0);
});

test.each([
  ['mistral', 'Mistral'],
  ['together', 'TogetherAI'],
  ['cohere', 'Cohere'],
  ['gemini', 'Gemini'],
])('%s refuses safety_identifier as it refuses user: a 400 naming it and %s; the vendor is not called', async (model, provider) => {
  const error = await ask(model, { safety_identifier: 'user-7f3a' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error).toMatchObject({ status: 400, param: 'safety_identifier', message: `400 The parameter 'safety_identifier' is not supported by ${provider}.` });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});
