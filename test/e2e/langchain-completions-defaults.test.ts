/**
 * LangChain's `OpenAI` LLM (langchain_openai.llms.BaseOpenAI) sends its sampling defaults with every
 * completions call: `temperature: 0.7, top_p: 1, frequency_penalty: 0, presence_penalty: 0, n: 1,
 * max_tokens: 256`. The penalties at 0 and `top_p: 1` change nothing, so providers without those
 * parameters (or with a narrower range) serve the call; any other value is still refused.
 */
import { serveAi21Fixtures, serveAnthropicFixtures, serveMosaicmlFixtures, servePalmFixtures, serveTgiFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const servers = { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), tgi: serveTgiFixtures, ai21: serveAi21Fixtures, mosaic: serveMosaicmlFixtures, palm: servePalmFixtures };
type Vendor = keyof typeof servers;

const config = (urls: Record<Vendor, string>) => `
endpoints:
  - { name: anthropic, endpoint_type: llm/v1/completions, model: { provider: anthropic, name: claude-haiku-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: tgi, endpoint_type: llm/v1/completions, model: { provider: huggingface-text-generation-inference, name: mistral-7b, config: { hf_server_url: "${urls.tgi}" } } }
  - { name: ai21, endpoint_type: llm/v1/completions, model: { provider: ai21labs, name: j2-ultra, config: { ai21labs_api_key: k, ai21labs_api_base: "${urls.ai21}/studio/v1" } } }
  - { name: mosaic, endpoint_type: llm/v1/completions, model: { provider: mosaicml, name: mpt-7b-instruct, config: { mosaicml_api_key: k, mosaicml_api_base: "${urls.mosaic}" } } }
  - { name: palm, endpoint_type: llm/v1/completions, model: { provider: palm, name: text-bison-001, config: { palm_api_key: k, palm_api_base: "${urls.palm}/v1beta3" } } }
`;

const setup = useGatewayWithUpstreams({ upstreams: servers, config });
const sent = (vendor: Vendor) => setup.upstreams[vendor].requests.at(-1)?.body;

const LANGCHAIN_DEFAULTS = { temperature: 0.7, top_p: 1, frequency_penalty: 0, presence_penalty: 0, n: 1, max_tokens: 256 };

test.each([
  ['anthropic', { model: 'claude-haiku-4-5', max_tokens: 256, temperature: 0.35, messages: [{ role: 'user', content: 'Hi' }] }],
  // TGI refuses top_p 1 ("must be > 0.0 and < 1.0"); its frequency penalty at 0 is left out as well.
  ['tgi', { inputs: 'Hi', parameters: { max_new_tokens: 256, temperature: 35, details: true, decoder_input_details: true } }],
  ['ai21', { prompt: 'Hi', temperature: 0.7, topP: 1, numResults: 1, maxTokens: 256 }],
  ['mosaic', { inputs: ['Hi'], parameters: { temperature: 0.7, top_p: 1, max_new_tokens: 256 } }],
  ['palm', { top_p: 1, candidateCount: 1, maxOutputTokens: 256, temperature: 0.35, prompt: { text: 'Hi' } }],
] as const)("%s serves the official openai client with LangChain's defaults, sending none of the no-op values it cannot take", async (vendor, upstreamBody) => {
  const completion = await setup.openai.completions.create({ model: vendor, prompt: 'Hi', ...LANGCHAIN_DEFAULTS });
  expect(completion.choices.length).toBeGreaterThan(0);
  expect(sent(vendor)).toEqual(upstreamBody);
});

test.each(['anthropic', 'tgi', 'ai21', 'mosaic', 'palm'] as const)('%s still refuses a penalty that would change the answer', async (vendor) => {
  await expect(setup.openai.completions.create({ model: vendor, prompt: 'Hi', presence_penalty: 0.5 })).rejects.toMatchObject({ status: 400, param: 'presence_penalty' });
  expect(setup.upstreams[vendor].requests).toHaveLength(0);
});

test('anthropic still refuses a top_p below 1 beside temperature', async () => {
  await expect(setup.openai.completions.create({ model: 'anthropic', prompt: 'Hi', temperature: 0.7, top_p: 0.9 })).rejects.toMatchObject({ status: 422, param: 'top_p' });
});

describe("prompt as a list, as LangChain's OpenAI LLM always sends it", () => {
  test('a list of one string is that prompt, on /v1 and on the MLflow routes', async () => {
    const completion = await setup.openai.completions.create({ model: 'anthropic', prompt: ['Hi'], ...LANGCHAIN_DEFAULTS });
    expect(completion.choices[0].text).toEqual(expect.any(String));
    expect(sent('anthropic')).toMatchObject({ messages: [{ role: 'user', content: 'Hi' }] });
    const answer = await fetch(`${setup.gateway.url}/endpoints/tgi/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: ['Bonjour'] }) });
    expect(answer.status).toBe(200);
    expect(sent('tgi')).toMatchObject({ inputs: 'Bonjour' });
  });

  test('token-id prompts are refused by a provider that takes text only, before anything is sent', async () => {
    await expect(setup.openai.completions.create({ model: 'anthropic', prompt: [1, 2, 3] })).rejects.toMatchObject({ status: 400, param: 'prompt', code: 'invalid_value' });
    expect(setup.upstreams.anthropic.requests).toHaveLength(0);
  });
});
