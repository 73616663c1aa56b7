/**
 * Contract of the `cohere` (NDJSON streams; SSE on v2 chat, for tools), `mistral` and `togetherai` providers: answers and
 * stream chunks built from the fixtures of test/fixtures/<vendor>/ match openapi/ (checks in
 * test/support/contract.ts).
 */
import { chatBody, completionsBody, configOf, embeddingsBody, JSON_AND_STREAM, testContract, tools, type ContractCase, type EndpointSpec } from '../support/contract';
import { serveCohereFixtures, serveMistralFixtures, serveTogetherAIFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const MODELS = {
  cohere: { chat: 'command-r-plus', completions: 'command', embeddings: 'embed-english-v3.0' },
  mistral: { chat: 'mistral-large-latest', completions: 'mistral-small-latest', embeddings: 'mistral-embed' },
  togetherai: { chat: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', completions: 'mistralai/Mixtral-8x7B-v0.1', embeddings: 'togethercomputer/m2-bert-80M-8k-retrieval' },
};
type Vendor = keyof typeof MODELS;

/** The three endpoint types of a vendor, named `<vendor>-<type>`, with `<vendor>_api_key` and `<vendor>_api_base`. */
function endpointsOf(vendor: Vendor, upstreamUrl: string): EndpointSpec[] {
  const config = { [`${vendor}_api_key`]: `$${vendor.toUpperCase()}_KEY`, [`${vendor}_api_base`]: `${upstreamUrl}/v1` };
  return (['chat', 'completions', 'embeddings'] as const).map((kind) => ({ name: `${vendor}-${kind}`, kind, provider: vendor, model: MODELS[vendor][kind], config }));
}

const setup = useGatewayWithUpstreams({
  upstreams: { cohere: serveCohereFixtures, mistral: serveMistralFixtures, togetherai: serveTogetherAIFixtures },
  config: (urls) => configOf((Object.keys(MODELS) as Vendor[]).flatMap((vendor) => endpointsOf(vendor, urls[vendor]))),
  env: { COHERE_KEY: 'co-contract-key', MISTRAL_KEY: 'mi-contract-key', TOGETHERAI_KEY: 'tg-contract-key' },
  validateResponses: true,
});
const gateway = () => setup.gateway;

/** Chat, completions and embeddings of a vendor; chat and completions streamed too. */
const everyType = (vendor: Vendor, completions: Record<string, unknown> = completionsBody): ContractCase[] => [
  { endpoint: `${vendor}-chat`, kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
  { endpoint: `${vendor}-completions`, kind: 'completions', body: completions, modes: JSON_AND_STREAM },
  { endpoint: `${vendor}-embeddings`, kind: 'embeddings', body: embeddingsBody },
];

describe('cohere', () =>
  testContract(gateway, [...everyType('cohere'), { endpoint: 'cohere-chat', kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'tool calls (v2 chat)' }]));

describe('mistral', () =>
  testContract(gateway, [
    ...everyType('mistral'),
    { endpoint: 'mistral-chat', kind: 'chat', body: { ...chatBody, tools }, modes: JSON_AND_STREAM, note: 'tool calls' },
    { endpoint: 'mistral-embeddings', kind: 'embeddings', body: { ...embeddingsBody, encoding_format: 'base64' }, note: 'base64' },
  ]));

describe('togetherai', () =>
  testContract(gateway, [
    // TogetherAI requires max_tokens on completions.
    ...everyType('togetherai', { ...completionsBody, max_tokens: 32 }),
    // The gateway encodes these itself (TogetherAI has no base64 option).
    { endpoint: 'togetherai-embeddings', kind: 'embeddings', body: { ...embeddingsBody, encoding_format: 'base64' }, note: 'base64' },
  ]));
