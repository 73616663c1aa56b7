/**
 * OpenAI's completions-only parameters, `best_of`, `echo` and `suffix`, sent by the official openai
 * client to completions endpoints whose vendor API lacks them: Anthropic and Mistral (the prompt goes
 * as a chat message, and each vendor refuses an unknown field after the call) and Together AI (whose
 * completions reference lists no `best_of` or `suffix`, and which answers `echo` apart from the text).
 * Each is a 400 naming the parameter before anything is sent, on /v1 and on the MLflow routes,
 * streamed or not. Fake vendors on 127.0.0.1 serve the fixtures of test/fixtures/<vendor>/.
 */
import { openaiErrorOf } from '../support/errors';
import { serveAnthropicFixtures, serveMistralFixtures, serveTogetherAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const servers = { anthropic: serveAnthropicFixtures('claude-haiku-4-5'), mistral: serveMistralFixtures, togetherai: serveTogetherAIFixtures };
type Vendor = keyof typeof servers;

const setup = useGatewayWithUpstreams({
  upstreams: servers,
  config: (urls) => `
endpoints:
  - { name: anthropic, endpoint_type: llm/v1/completions, model: { provider: anthropic, name: claude-haiku-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } } }
  - { name: mistral, endpoint_type: llm/v1/completions, model: { provider: mistral, name: mistral-small-latest, config: { mistral_api_key: k, mistral_api_base: "${urls.mistral}/v1" } } }
  - { name: togetherai, endpoint_type: llm/v1/completions, model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: k, togetherai_api_base: "${urls.togetherai}/v1", max_tokens: 16 } } }
`,
});

const VENDORS = ['anthropic', 'mistral', 'togetherai'] as const satisfies readonly Vendor[];
/** What OpenAI's completions reference documents for each (https://platform.openai.com/docs/api-reference/completions/create). */
const PARAMETERS = [
  ['best_of', { best_of: 3, n: 1 }],
  ['echo', { echo: true, logprobs: 1 }],
  ['suffix', { suffix: '\n    return result' }],
] as const;
const NAMES = { anthropic: 'Anthropic completions', mistral: 'Mistral', togetherai: 'TogetherAI' };

const sentNothing = () => {
  for (const vendor of VENDORS) expect(setup.upstreams[vendor].requests).toHaveLength(0);
};

describe.each(VENDORS)('%s', (vendor) => {
  // Anthropic and Mistral take no logprobs: the echo case asks for them alone where they are not the point.
  const fieldsFor = (fields: Record<string, unknown>) => (vendor === 'togetherai' ? fields : Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'logprobs')));

  test.each(PARAMETERS)('%s: a 400 naming it through the openai client, streamed or not, nothing sent', async (name, fields) => {
    for (const stream of [false, true]) {
      const call = setup.openai.completions.create({ model: vendor, prompt: 'def total(values):', stream, ...fieldsFor(fields) } as never);
      const { status, error } = await openaiErrorOf(call);
      expect(status).toBe(400);
      expect(error).toMatchObject({ param: name, code: 'invalid_value', type: 'invalid_request_error' });
      expect((error as { message: string }).message).toContain(`'${name}' is not supported by ${NAMES[vendor]}`);
    }
    sentNothing();
  });

  test.each(PARAMETERS)('%s: a 400 on the MLflow route, nothing sent', async (name, fields) => {
    const answer = await fetch(`${setup.gateway.url}/endpoints/${vendor}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'def total(values):', ...fieldsFor(fields) }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toContain(`'${name}' is not supported by ${NAMES[vendor]}`);
    sentNothing();
  });
});

test("Together AI says why it refuses echo: the prompt would not come back in the completion's text", async () => {
  const { error } = await openaiErrorOf(setup.openai.completions.create({ model: 'togetherai', prompt: 'Bonjour', echo: true }));
  expect(error).toMatchObject({
    message: "The parameter 'echo' is not supported by TogetherAI: it answers the echoed prompt apart from the completion, not at the start of its text as OpenAI does.",
    param: 'echo',
  });
});

test("Together AI serves echo: false, which asks for nothing (and is Together's own parameter)", async () => {
  const completion = await setup.openai.completions.create({ model: 'togetherai', prompt: 'Bonjour', echo: false });
  expect(completion.choices[0].text).toBe('\nThis is indeed a test of the café menu');
  expect(setup.upstreams.togetherai.requests[0].body).toEqual({ prompt: 'Bonjour', echo: false, max_tokens: 16, model: 'mistralai/Mixtral-8x7B-v0.1' });
});
