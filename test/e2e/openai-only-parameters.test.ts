/**
 * OpenAI-only request fields (`reasoning_effort`, `store`, `service_tier`, ...) on the providers whose
 * APIs have no such field (Cohere v1, PaLM, MosaicML, AI21 Jurassic-2, TGI; Cohere chat takes
 * `reasoning_effort` as v2's `thinking`, cohere-reasoning.test.ts): a 400 naming the field
 * and the provider, before any call, as Anthropic, Gemini and Bedrock refuse them (store-parameter.test.ts);
 * forwarded, the vendor would ignore them or refuse a field the client never named to it.
 * `max_completion_tokens`, OpenAI's newer name for the limit, reaches them under their own name.
 * Vendor references: https://docs.cohere.com/reference/chat-v1 , https://ai.google.dev/api/palm ,
 * https://docs.ai21.com/reference/j2-complete-api-ref , https://huggingface.co/docs/text-generation-inference/messages_api
 */
import type { ServerResponse } from 'node:http';
import { readJsonFixture } from '../support/fixtures';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { serveCohereFixtures, serveMosaicmlFixtures, TGI } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const never = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } });

const setup = useGatewayWithUpstreams({
  upstreams: { vendor: never },
  config: (urls) => `
endpoints:
  - { name: cohere-chat, endpoint_type: llm/v1/chat, model: { provider: cohere, name: command-r-plus, config: { cohere_api_key: co-test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: cohere-completions, endpoint_type: llm/v1/completions, model: { provider: cohere, name: command, config: { cohere_api_key: co-test, cohere_api_base: "${urls.vendor}/v1" } } }
  - { name: palm-chat, endpoint_type: llm/v1/chat, model: { provider: palm, name: chat-bison-001, config: { palm_api_key: palm-test, palm_api_base: "${urls.vendor}/v1beta3" } } }
  - { name: palm-completions, endpoint_type: llm/v1/completions, model: { provider: palm, name: text-bison-001, config: { palm_api_key: palm-test, palm_api_base: "${urls.vendor}/v1beta3" } } }
  - { name: mosaic-chat, endpoint_type: llm/v1/chat, model: { provider: mosaicml, name: llama2-70b-chat, config: { mosaicml_api_key: mosaic-test, mosaicml_api_base: "${urls.vendor}" } } }
  - { name: mosaic-completions, endpoint_type: llm/v1/completions, model: { provider: mosaicml, name: mpt-7b-instruct, config: { mosaicml_api_key: mosaic-test, mosaicml_api_base: "${urls.vendor}" } } }
  - { name: ai21, endpoint_type: llm/v1/completions, model: { provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: ai21-test, ai21labs_api_base: "${urls.vendor}/studio/v1" } } }
  - { name: tgi-chat, endpoint_type: llm/v1/chat, model: { provider: ${TGI}, config: { hf_server_url: "${urls.vendor}" } } }
  - { name: tgi-completions, endpoint_type: llm/v1/completions, model: { provider: ${TGI}, name: mistral-7b, config: { hf_server_url: "${urls.vendor}" } } }
`,
});

const PROVIDERS: Record<string, string> = {
  'cohere-chat': 'Cohere',
  'cohere-completions': 'Cohere',
  'palm-chat': 'PaLM chat',
  'palm-completions': 'PaLM',
  'mosaic-chat': 'MosaicML',
  'mosaic-completions': 'MosaicML',
  ai21: 'AI21Labs',
  'tgi-chat': 'Hugging Face Text Generation Inference',
  'tgi-completions': 'Hugging Face Text Generation Inference',
};

const chatEndpoints = Object.keys(PROVIDERS).filter((name) => name.endsWith('-chat'));
const completionsEndpoints = Object.keys(PROVIDERS).filter((name) => !name.endsWith('-chat'));

/** What the OpenAI clients send for these fields (values from OpenAI's chat API reference). */
const OPENAI_ONLY_FIELDS: Record<string, unknown> = { reasoning_effort: 'low', store: true, service_tier: 'auto', metadata: { team: 'caisse' } };

/** The chat endpoints without the field: Cohere chat has `reasoning_effort` (as v2's `thinking`). */
const chatEndpointsWithout = (field: string) => chatEndpoints.filter((endpoint) => !(field === 'reasoning_effort' && endpoint === 'cohere-chat'));

describe.each(Object.entries(OPENAI_ONLY_FIELDS))('%s', (field, value) => {
  test.each(chatEndpointsWithout(field))('%s on /v1: a 400 naming the field and the provider; the vendor is not called', async (endpoint) => {
    const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: endpoint, messages: [{ role: 'user', content: 'Un café ?' }], [field]: value }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      message: `The parameter '${field}' is not supported by ${PROVIDERS[endpoint]}.`,
      param: field,
    });
    expect(setup.upstreams.vendor.requests).toHaveLength(0);
  });

  test.each(completionsEndpoints)('%s on the MLflow route: the same 400', async (endpoint) => {
    const response = await fetch(`${setup.gateway.url}/endpoints/${endpoint}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'Un café ?', [field]: value }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: `The parameter '${field}' is not supported by ${PROVIDERS[endpoint]}.` });
    expect(setup.upstreams.vendor.requests).toHaveLength(0);
  });
});

test("Cohere chat: max_completion_tokens is sent as Cohere's max_tokens", async () => {
  setup.upstreams.vendor.setHandler(serveCohereFixtures);
  await setup.openai.chat.completions.create({ model: 'cohere-chat', messages: [{ role: 'user', content: 'Un café ?' }], max_completion_tokens: 50 });
  expect(setup.upstreams.vendor.requests[0].body).toMatchObject({ max_tokens: 50 });
  expect(setup.upstreams.vendor.requests[0].body).not.toHaveProperty('max_completion_tokens');
});

test("MosaicML chat: max_completion_tokens is sent as the predict API's max_new_tokens", async () => {
  setup.upstreams.vendor.setHandler(serveMosaicmlFixtures);
  await setup.openai.chat.completions.create({ model: 'mosaic-chat', messages: [{ role: 'user', content: 'Un café ?' }], max_completion_tokens: 50 });
  expect(setup.upstreams.vendor.requests[0].body).toMatchObject({ parameters: { max_new_tokens: 50 } });
});

test("TGI chat: max_completion_tokens is sent as the Messages API's max_tokens", async () => {
  setup.upstreams.vendor.setHandler((_request, response) => sendJson(response, 200, readJsonFixture(TGI, 'chat.response.json')));
  await setup.openai.chat.completions.create({ model: 'tgi-chat', messages: [{ role: 'user', content: 'Un café ?' }], max_completion_tokens: 50 });
  expect(setup.upstreams.vendor.requests[0].body).toMatchObject({ max_tokens: 50 });
  expect(setup.upstreams.vendor.requests[0].body).not.toHaveProperty('max_completion_tokens');
});

test('PaLM chat: max_completion_tokens is a 400 like max_tokens (generateMessage has no output limit)', async () => {
  const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'palm-chat', messages: [{ role: 'user', content: 'Un café ?' }], max_completion_tokens: 50 }),
  });
  expect(response.status).toBe(400);
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});
