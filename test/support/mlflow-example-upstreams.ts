/**
 * Fake upstreams for MLflow's published gateway configs (test/fixtures/mlflow-configs/): one per
 * vendor family answering with the vendors' fixtures, how each provider's endpoint is pointed at
 * its fake (the example's base-URL key, or the gateway's `<provider>_api_base`), and what its calls
 * look like on the wire. Used by test/e2e/mlflow-config-examples.test.ts.
 */
import { dump as dumpYaml } from 'js-yaml';
import { startFakeBedrock, type FakeBedrock } from './fake-bedrock';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';
import {
  SERVING,
  TGI,
  serveAi21Fixtures,
  serveAnthropicFixtures,
  serveBedrockFixtures,
  serveCohereFixtures,
  serveGeminiFixtures,
  serveMistralFixtures,
  serveMlflowServingFixtures,
  serveMosaicmlFixtures,
  serveOpenAIFixtures,
  servePalmFixtures,
  serveTgiFixtures,
  serveTogetherAIFixtures,
} from './fixture-upstreams';
import { readJsonFixture } from './fixtures';

export type EndpointType = 'llm/v1/chat' | 'llm/v1/completions' | 'llm/v1/embeddings';
export interface ExampleEndpoint {
  name: string;
  endpoint_type: EndpointType;
  model: { provider: string; name?: string; config: Record<string, unknown> };
  limit?: { calls: number; renewal_period: string };
}
export interface ExampleRoute {
  name: string;
  task_type: EndpointType;
  destinations: { name: string; traffic_percentage: number }[];
  routing_strategy?: string;
}
export interface ExampleConfig {
  endpoints: ExampleEndpoint[];
  routes?: ExampleRoute[];
}

/** The fake upstreams, one per vendor family. */
export interface Fakes {
  http: Record<string, FakeUpstream>;
  bedrock: FakeBedrock;
}

/** How an endpoint of `provider` is pointed at its fake, and what its calls look like on the wire. */
export interface Wire {
  fake: string;
  base: (url: string) => Record<string, unknown>;
  /** The upstream path (with query) expected for an endpoint, by its type. */
  path: (endpoint: ExampleEndpoint) => RegExp;
  /** Header name → expected value, for the example's dummy key. */
  auth: (endpoint: ExampleEndpoint) => Record<string, string | RegExp>;
}

const keyOf = (endpoint: ExampleEndpoint, field: string): string => `dummy-${String(endpoint.model.config[field]).slice(1)}`;
const byType = (paths: Record<EndpointType, RegExp>) => (endpoint: ExampleEndpoint) => paths[endpoint.endpoint_type];
const bearer = (field: string) => (endpoint: ExampleEndpoint) => ({ authorization: `Bearer ${keyOf(endpoint, field)}` });

function openaiWire(endpoint: ExampleEndpoint): Wire {
  const type = String(endpoint.model.config.openai_api_type ?? 'openai').toLowerCase();
  if (type === 'openai') {
    return {
      fake: 'openai',
      base: (url) => ({ openai_api_base: `${url}/v1` }),
      path: byType({ 'llm/v1/chat': /^\/v1\/chat\/completions$/, 'llm/v1/completions': /^\/v1\/completions$/, 'llm/v1/embeddings': /^\/v1\/embeddings$/ }),
      auth: (example) => ({
        authorization: `Bearer ${keyOf(example, 'openai_api_key')}`,
        ...(example.model.config.openai_organization ? { 'openai-organization': String(example.model.config.openai_organization) } : {}),
      }),
    };
  }
  const deployment = encodeURIComponent(String(endpoint.model.config.openai_deployment_name));
  const operation = { 'llm/v1/chat': 'chat/completions', 'llm/v1/completions': 'completions', 'llm/v1/embeddings': 'embeddings' }[endpoint.endpoint_type];
  return {
    fake: 'openai',
    base: (url) => ({ openai_api_base: `${url}/` }),
    path: () => new RegExp(`^/openai/deployments/${deployment}/${operation}\\?api-version=2023-05-15$`),
    // azure: the key in api-key; azuread: an Entra ID token as a bearer.
    auth: (example): Record<string, string> => (type === 'azure' ? { 'api-key': keyOf(example, 'openai_api_key') } : { authorization: `Bearer ${keyOf(example, 'openai_api_key')}` }),
  };
}

export const WIRES: Record<string, (endpoint: ExampleEndpoint) => Wire> = {
  openai: openaiWire,
  anthropic: () => ({
    fake: 'anthropic',
    base: (url) => ({ anthropic_api_base: `${url}/v1` }),
    path: () => /^\/v1\/messages$/,
    auth: (endpoint) => ({ 'x-api-key': keyOf(endpoint, 'anthropic_api_key'), 'anthropic-version': '2023-06-01' }),
  }),
  gemini: (endpoint) => ({
    fake: 'gemini',
    base: (url) => ({ gemini_api_base: `${url}/v1beta` }),
    path: () => new RegExp(`^/v1beta/models/${endpoint.model.name}:(generateContent|batchEmbedContents)$`),
    auth: () => ({ 'x-goog-api-key': keyOf(endpoint, 'gemini_api_key') }),
  }),
  cohere: () => ({
    fake: 'cohere',
    base: (url) => ({ cohere_api_base: `${url}/v1` }),
    path: byType({ 'llm/v1/chat': /^\/v1\/chat$/, 'llm/v1/completions': /^\/v1\/generate$/, 'llm/v1/embeddings': /^\/v1\/embed$/ }),
    auth: bearer('cohere_api_key'),
  }),
  mistral: () => ({
    fake: 'mistral',
    base: (url) => ({ mistral_api_base: `${url}/v1` }),
    path: byType({ 'llm/v1/chat': /^\/v1\/chat\/completions$/, 'llm/v1/completions': /^\/v1\/chat\/completions$/, 'llm/v1/embeddings': /^\/v1\/embeddings$/ }),
    auth: bearer('mistral_api_key'),
  }),
  togetherai: () => ({
    fake: 'togetherai',
    base: (url) => ({ togetherai_api_base: `${url}/v1` }),
    path: byType({ 'llm/v1/chat': /^\/v1\/chat\/completions$/, 'llm/v1/completions': /^\/v1\/completions$/, 'llm/v1/embeddings': /^\/v1\/embeddings$/ }),
    auth: bearer('togetherai_api_key'),
  }),
  [TGI]: () => ({ fake: 'tgi', base: (url) => ({ hf_server_url: url }), path: () => /^\/generate$/, auth: () => ({}) }),
  ai21labs: (endpoint) => ({
    fake: 'ai21labs',
    base: (url) => ({ ai21labs_api_base: `${url}/studio/v1` }),
    path: () => new RegExp(`^/studio/v1/${endpoint.model.name}/complete$`),
    auth: bearer('ai21labs_api_key'),
  }),
  mosaicml: (endpoint) => ({
    fake: 'mosaicml',
    base: (url) => ({ mosaicml_api_base: url }),
    path: () => new RegExp(`^/${endpoint.model.name}/v1/predict$`),
    // MosaicML takes the key without a scheme.
    auth: () => ({ authorization: keyOf(endpoint, 'mosaicml_api_key') }),
  }),
  palm: (endpoint) => ({
    fake: 'palm',
    base: (url) => ({ palm_api_base: `${url}/v1beta3` }),
    path: byType({
      'llm/v1/chat': new RegExp(`^/v1beta3/models/${endpoint.model.name}:generateMessage$`),
      'llm/v1/completions': new RegExp(`^/v1beta3/models/${endpoint.model.name}:generateText$`),
      'llm/v1/embeddings': new RegExp(`^/v1beta3/models/${endpoint.model.name}:batchEmbedText$`),
    }),
    auth: () => ({ 'x-goog-api-key': keyOf(endpoint, 'palm_api_key') }),
  }),
  // Two served models of one example keep apart by path: `/embed` answers vectors.
  [SERVING]: (endpoint) => {
    const prefix = endpoint.endpoint_type === 'llm/v1/embeddings' ? '/embed' : '/llm';
    return { fake: 'serving', base: (url) => ({ model_server_url: `${url}${prefix}` }), path: () => new RegExp(`^${prefix}/invocations$`), auth: () => ({}) };
  },
};

/** The example with every endpoint's base URL pointed at its fake. */
export function pointedAtFakes(config: ExampleConfig, fakes: Fakes): string {
  const endpoints = config.endpoints.map((endpoint) => {
    const provider = endpoint.model.provider;
    if (provider === 'bedrock' || provider === 'amazon-bedrock') {
      const aws = endpoint.model.config.aws_config as Record<string, unknown>;
      return { ...endpoint, model: { ...endpoint.model, config: { ...endpoint.model.config, aws_config: { ...aws, aws_endpoint_url: fakes.bedrock.url } } } };
    }
    const wire = WIRES[provider](endpoint);
    return { ...endpoint, model: { ...endpoint.model, config: { ...endpoint.model.config, ...wire.base(fakes.http[wire.fake].url) } } };
  });
  return dumpYaml({ ...config, endpoints });
}

/** Starts every fake; close them with closeFakes. */
export async function startFakes(): Promise<Fakes> {
  const handlers = {
    openai: serveOpenAIFixtures,
    // The completions example's model (claude-1.3-100k) gets the completions fixture.
    anthropic: serveAnthropicFixtures('claude-1.3-100k'),
    // The Gemini example's chat and completions share a model: both get the chat answer (one generateContent shape).
    gemini: serveGeminiFixtures('no-completions-only-model'),
    cohere: serveCohereFixtures,
    mistral: serveMistralFixtures,
    togetherai: serveTogetherAIFixtures,
    tgi: serveTgiFixtures,
    ai21labs: serveAi21Fixtures,
    mosaicml: serveMosaicmlFixtures,
    palm: servePalmFixtures,
    serving: serveMlflowServingFixtures,
  };
  const http: Record<string, FakeUpstream> = {};
  for (const [name, handler] of Object.entries(handlers)) http[name] = await startFakeUpstream(handler);
  // amazon.titan-tg1-large (the Bedrock example's model) is a Titan Text model under its first id.
  const bedrock = await startFakeBedrock((call) =>
    call.operation === 'invoke' && call.modelId === 'amazon.titan-tg1-large' ? { json: readJsonFixture('bedrock', 'titan-text.response.json') } : serveBedrockFixtures(call),
  );
  return { http, bedrock };
}

export async function closeFakes(fakes: Partial<Fakes>): Promise<void> {
  await Promise.all(Object.values(fakes.http ?? {}).map((fake) => fake.close()));
  await fakes.bedrock?.close();
}
