/**
 * Contract: every response the gateway sends matches openapi/ (express-openapi-validator response
 * validation is on, so a mismatch turns into a 500), and every stream chunk matches the chunk schema.
 * This file: the mock provider, OpenAI in its three flavours (openai, azure, azuread) against a fake
 * upstream serving test/fixtures/openai, and error bodies. The other providers are in the other
 * files of this folder; the checks themselves are in test/support/contract.ts.
 */
import { chatBody, completionsBody, configOf, embeddingsBody, JSON_AND_STREAM, testContract, tools, type ContractCase, type EndpointSpec } from '../support/contract';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway } from '../support/gateway';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const OPENAI_MODELS = { chat: 'gpt-4o-mini', completions: 'gpt-3.5-turbo-instruct', embeddings: 'text-embedding-3-small' } as const;
const AZURE = { openai_api_key: '$OPENAI_KEY', openai_deployment_name: 'prod', openai_api_version: '2024-10-21' };

/** The three endpoint types of one OpenAI flavour, named `<flavour>-<type>`. */
function openaiEndpoints(flavour: 'openai' | 'azure' | 'azuread', upstreamUrl: string): EndpointSpec[] {
  const config = flavour === 'openai' ? { openai_api_key: '$OPENAI_KEY', openai_api_base: `${upstreamUrl}/v1` } : { ...AZURE, openai_api_type: flavour, openai_api_base: upstreamUrl };
  return (['chat', 'completions', 'embeddings'] as const).map((kind) => ({ name: `${flavour}-${kind}`, kind, provider: 'openai', model: OPENAI_MODELS[kind], config }));
}

/** Chat (with and without tools), completions and embeddings of the endpoints named `<prefix>-<type>`. */
function everyType(prefix: string): ContractCase[] {
  return [
    { endpoint: `${prefix}-chat`, kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
    { endpoint: `${prefix}-chat`, kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'tools' },
    { endpoint: `${prefix}-completions`, kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM },
    { endpoint: `${prefix}-embeddings`, kind: 'embeddings', body: embeddingsBody },
  ];
}

const mockEndpoints: EndpointSpec[] = (['chat', 'completions', 'embeddings'] as const).map((kind) => ({ name: `mock-${kind}`, kind, provider: 'mock' }));

const setup = useGatewayWithUpstreams({
  upstreams: { openai: serveOpenAIFixtures },
  config: (urls) => configOf([...mockEndpoints, ...(['openai', 'azure', 'azuread'] as const).flatMap((flavour) => openaiEndpoints(flavour, urls.openai))]),
  env: { OPENAI_KEY: 'sk-contract-key' },
  validateResponses: true,
});
const gateway = () => setup.gateway;

describe('mock', () => testContract(gateway, everyType('mock')));
describe.each(['openai', 'azure', 'azuread'])('openai (%s)', (flavour) => testContract(gateway, everyType(flavour)));

async function post(path: string, body: unknown) {
  const response = await fetch(`${gateway().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

test('error bodies match the spec too', async () => {
  expect((await post('/endpoints/mock-chat/invocations', { messages: [] })).status).toBe(422);
  expect((await post('/v1/chat/completions', { model: 'mock-chat', messages: [] })).status).toBe(400);
  expect((await post('/gateway/nope/invocations', chatBody)).status).toBe(404);
});

test('the response validator does reject a response that breaks the spec', async () => {
  const broken = await startGateway('endpoints:\n  - { name: c, endpoint_type: llm/v1/chat, model: { provider: mock } }\n', { validateResponses: true });
  try {
    // An endpoint list entry with a numeric name must not get past the contract.
    (broken.state.plan as unknown as { endpointViews: unknown[] }).endpointViews = [{ name: 7, endpoint_type: 'llm/v1/chat' }];
    expect((await fetch(`${broken.url}/api/2.0/endpoints/`)).status).toBe(500);
  } finally {
    await broken.close();
  }
});

test("a provider answer that breaks the spec is stopped before the response validator: a 502 that matches the spec", async () => {
  const broken = await startGateway('endpoints:\n  - { name: c, endpoint_type: llm/v1/chat, model: { provider: mock } }\n', { validateResponses: true });
  try {
    const endpoint = broken.state.plan.endpoints.get('c')!;
    (endpoint.target as { chat: unknown }).chat = async () => ({ id: 7, object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 5 } }] });
    const response = await fetch(`${broken.url}/endpoints/c/invocations`, { method: 'POST', body: JSON.stringify(chatBody) });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toContain('(in the translated answer, choices[0].');
  } finally {
    await broken.close();
  }
});
