/**
 * Contract of the `huggingface-text-generation-inference`, `ai21labs`, `mosaicml`, `palm` and
 * `mlflow-model-serving` providers: answers (and TGI's stream chunks) built from the fixtures of
 * test/fixtures/<provider>/ match openapi/ (checks in test/support/contract.ts). Fixture variants
 * (a TGI stream cut by the length limit, the other shapes a scoring server may answer with) each
 * have an upstream of their own that always answers with that fixture.
 */
import { chatBody, completionsBody, configOf, embeddingsBody, JSON_AND_STREAM, testContract, type ContractCase } from '../support/contract';
import {
  SERVING,
  TGI,
  serveAi21Fixtures,
  serveFixture,
  serveMlflowServingFixtures,
  serveMosaicmlFixtures,
  servePalmFixtures,
  serveTgiFixtures,
} from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const upstreams = {
  tgi: serveTgiFixtures,
  tgiLength: serveFixture(TGI, 'generate-length.stream.sse'),
  ai21: serveAi21Fixtures,
  mosaic: serveMosaicmlFixtures,
  palm: servePalmFixtures,
  serving: serveMlflowServingFixtures,
  servingTextList: serveFixture(SERVING, 'text-list.response.json'),
  servingSingleKey: serveFixture(SERVING, 'text-single-key.response.json'),
  servingFlatVector: serveFixture(SERVING, 'embeddings-flat.response.json'),
};

const setup = useGatewayWithUpstreams({
  upstreams,
  config: (urls) => {
    const mosaic = { mosaicml_api_key: '$MOSAIC_KEY', mosaicml_api_base: urls.mosaic };
    const ai21 = { ai21labs_api_key: '$AI21_KEY', ai21labs_api_base: `${urls.ai21}/studio/v1` };
    const palm = { palm_api_key: '$PALM_KEY', palm_api_base: `${urls.palm}/v1beta3` };
    const served = (url: string) => ({ model_server_url: url });
    return configOf([
      { name: 'tgi-chat', kind: 'chat', provider: TGI, config: { hf_server_url: urls.tgi } },
      { name: 'tgi-completions', kind: 'completions', provider: TGI, model: 'mistral-7b', config: { hf_server_url: urls.tgi } },
      { name: 'tgi-length', kind: 'completions', provider: TGI, model: 'mistral-7b', config: { hf_server_url: urls.tgiLength } },
      { name: 'ai21-completions', kind: 'completions', provider: 'ai21labs', model: 'j2-ultra', config: ai21 },
      { name: 'jamba-chat', kind: 'chat', provider: 'ai21labs', model: 'jamba-mini', config: ai21 },
      { name: 'jamba-completions', kind: 'completions', provider: 'ai21labs', model: 'jamba-mini', config: ai21 },
      { name: 'mosaic-chat', kind: 'chat', provider: 'mosaicml', model: 'llama2-70b-chat', config: mosaic },
      { name: 'mosaic-completions', kind: 'completions', provider: 'mosaicml', model: 'mpt-7b-instruct', config: mosaic },
      { name: 'mosaic-embeddings', kind: 'embeddings', provider: 'mosaicml', model: 'instructor-large', config: mosaic },
      { name: 'palm-chat', kind: 'chat', provider: 'palm', model: 'chat-bison-001', config: palm },
      { name: 'palm-completions', kind: 'completions', provider: 'palm', model: 'text-bison-001', config: palm },
      { name: 'palm-embeddings', kind: 'embeddings', provider: 'palm', model: 'embedding-gecko-001', config: palm },
      { name: 'served-chat', kind: 'chat', provider: SERVING, model: 'my-llm', config: served(`${urls.serving}/llm`) },
      { name: 'served-completions', kind: 'completions', provider: SERVING, model: 'my-llm', config: served(`${urls.serving}/llm`) },
      { name: 'served-embeddings', kind: 'embeddings', provider: SERVING, model: 'my-embedder', config: served(`${urls.serving}/embed`) },
      { name: 'served-text-list', kind: 'completions', provider: SERVING, model: 'my-llm', config: served(urls.servingTextList) },
      { name: 'served-single-key', kind: 'chat', provider: SERVING, model: 'my-llm', config: served(urls.servingSingleKey) },
      { name: 'served-flat-vector', kind: 'embeddings', provider: SERVING, model: 'my-embedder', config: served(urls.servingFlatVector) },
    ]);
  },
  env: { AI21_KEY: 'ai21-contract-key', MOSAIC_KEY: 'mosaic-contract-key', PALM_KEY: 'palm-contract-key' },
  validateResponses: true,
});
const gateway = () => setup.gateway;

/** Chat, completions and embeddings of the endpoints named `<prefix>-<type>`, not streamed. */
const everyType = (prefix: string): ContractCase[] => [
  { endpoint: `${prefix}-chat`, kind: 'chat', body: chatBody },
  { endpoint: `${prefix}-completions`, kind: 'completions', body: completionsBody },
  { endpoint: `${prefix}-embeddings`, kind: 'embeddings', body: embeddingsBody },
];

describe('huggingface-text-generation-inference', () =>
  testContract(gateway, [
    { endpoint: 'tgi-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
    { endpoint: 'tgi-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM },
    { endpoint: 'tgi-length', kind: 'completions', body: completionsBody, modes: ['stream'], note: 'length limit' },
  ]));

describe('ai21labs', () =>
  testContract(gateway, [
    { endpoint: 'ai21-completions', kind: 'completions', body: completionsBody },
    { endpoint: 'jamba-chat', kind: 'chat', body: chatBody, modes: JSON_AND_STREAM },
    { endpoint: 'jamba-completions', kind: 'completions', body: completionsBody, modes: JSON_AND_STREAM },
  ]));

describe('mosaicml', () => testContract(gateway, everyType('mosaic')));

describe('palm', () => testContract(gateway, everyType('palm')));

describe('mlflow-model-serving', () =>
  testContract(gateway, [
    ...everyType('served'),
    { endpoint: 'served-text-list', kind: 'completions', body: completionsBody, note: 'a list of strings' },
    { endpoint: 'served-single-key', kind: 'chat', body: chatBody, note: 'an object with one key' },
    { endpoint: 'served-flat-vector', kind: 'embeddings', body: { input: 'un café' }, note: 'one flat vector' },
  ]));
