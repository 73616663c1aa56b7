/**
 * Fuzzing what providers answer (fast-check, fixed seed, bounded runs): each built-in HTTP provider's
 * realistic fixture answer with one value replaced or removed, in a JSON answer or in one event of
 * a stream. Whatever comes back, the gateway answers a 200 whose body (or every chunk) matches its
 * own schema, a stream that ends with an error event, or a 502 with a JSON message: never a 500
 * and never an answer that breaks openapi/.
 */
import type { ServerResponse } from 'node:http';
import { fuzzAnswers, fuzzStreams, mutatedJson, mutatedStream, objectIn, type Mutation } from '../support/answer-mutations';
import { BODIES, chatBody, completionsBody, configOf, tools, type EndpointSpec } from '../support/contract';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest, type UpstreamHandler } from '../support/fake-upstream';
import {
  SERVING,
  serveAi21Fixtures,
  serveAnthropicFixtures,
  serveCohereFixtures,
  serveGeminiFixtures,
  serveMistralFixtures,
  serveMlflowServingFixtures,
  serveMosaicmlFixtures,
  serveOpenAIFixtures,
  servePalmFixtures,
  serveTgiFixtures,
  serveTogetherAIFixtures,
  TGI,
} from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';

// 600 and 400 runs of CPU-bound work: 8 s and 2.5 s here idle, which CI's loaded cores stretch tenfold.
jest.setTimeout(180_000);

/** The fixture handler, with the JSON answer or stream it sends mutated as `current.mutation` says. */
function mutating(handler: UpstreamHandler, current: { mutation: Mutation | null }): UpstreamHandler {
  return (request: RecordedRequest, response: ServerResponse) => {
    const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
    response.end = ((chunk?: unknown) => {
      if (current.mutation === null || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return end(chunk);
      const text = chunk.toString();
      return end(objectIn(text) === null ? mutatedStream(text, current.mutation) : mutatedJson(text, current.mutation));
    }) as ServerResponse['end'];
    return handler(request, response);
  };
}

const upstreamHandlers = {
  openai: serveOpenAIFixtures,
  anthropic: serveAnthropicFixtures('claude-haiku-4-5'),
  gemini: serveGeminiFixtures('gemini-2.0-flash'),
  cohere: serveCohereFixtures,
  mistral: serveMistralFixtures,
  togetherai: serveTogetherAIFixtures,
  tgi: serveTgiFixtures,
  ai21: serveAi21Fixtures,
  mosaic: serveMosaicmlFixtures,
  palm: servePalmFixtures,
  serving: serveMlflowServingFixtures,
};
type Upstream = keyof typeof upstreamHandlers;

function endpointsOf(urls: Record<Upstream, string>): EndpointSpec[] {
  const keyed = (vendor: string, base: string) => ({ [`${vendor}_api_key`]: 'sk-fuzz', [`${vendor}_api_base`]: base });
  return [
    { name: 'openai-chat', kind: 'chat', provider: 'openai', model: 'gpt-4o-mini', config: keyed('openai', `${urls.openai}/v1`) },
    { name: 'openai-completions', kind: 'completions', provider: 'openai', model: 'gpt-3.5-turbo-instruct', config: keyed('openai', `${urls.openai}/v1`) },
    { name: 'openai-embeddings', kind: 'embeddings', provider: 'openai', model: 'text-embedding-3-small', config: keyed('openai', `${urls.openai}/v1`) },
    { name: 'anthropic-chat', kind: 'chat', provider: 'anthropic', model: 'claude-sonnet-4-5', config: keyed('anthropic', `${urls.anthropic}/v1`) },
    { name: 'anthropic-completions', kind: 'completions', provider: 'anthropic', model: 'claude-haiku-4-5', config: keyed('anthropic', `${urls.anthropic}/v1`) },
    { name: 'gemini-chat', kind: 'chat', provider: 'gemini', model: 'gemini-2.5-flash', config: keyed('gemini', `${urls.gemini}/v1beta`) },
    { name: 'gemini-completions', kind: 'completions', provider: 'gemini', model: 'gemini-2.0-flash', config: keyed('gemini', `${urls.gemini}/v1beta`) },
    { name: 'gemini-embeddings', kind: 'embeddings', provider: 'gemini', model: 'gemini-embedding-001', config: keyed('gemini', `${urls.gemini}/v1beta`) },
    { name: 'cohere-chat', kind: 'chat', provider: 'cohere', model: 'command-r-plus', config: keyed('cohere', `${urls.cohere}/v1`) },
    { name: 'cohere-completions', kind: 'completions', provider: 'cohere', model: 'command', config: keyed('cohere', `${urls.cohere}/v1`) },
    { name: 'cohere-embeddings', kind: 'embeddings', provider: 'cohere', model: 'embed-english-v3.0', config: keyed('cohere', `${urls.cohere}/v1`) },
    { name: 'mistral-chat', kind: 'chat', provider: 'mistral', model: 'mistral-large-latest', config: keyed('mistral', `${urls.mistral}/v1`) },
    { name: 'mistral-embeddings', kind: 'embeddings', provider: 'mistral', model: 'mistral-embed', config: keyed('mistral', `${urls.mistral}/v1`) },
    { name: 'togetherai-chat', kind: 'chat', provider: 'togetherai', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', config: keyed('togetherai', `${urls.togetherai}/v1`) },
    { name: 'togetherai-completions', kind: 'completions', provider: 'togetherai', model: 'mistralai/Mixtral-8x7B-v0.1', config: keyed('togetherai', `${urls.togetherai}/v1`) },
    { name: 'togetherai-embeddings', kind: 'embeddings', provider: 'togetherai', model: 'm2-bert', config: keyed('togetherai', `${urls.togetherai}/v1`) },
    { name: 'tgi-chat', kind: 'chat', provider: TGI, config: { hf_server_url: urls.tgi } },
    { name: 'tgi-completions', kind: 'completions', provider: TGI, model: 'mistral-7b', config: { hf_server_url: urls.tgi } },
    { name: 'ai21-completions', kind: 'completions', provider: 'ai21labs', model: 'j2-ultra', config: keyed('ai21labs', `${urls.ai21}/studio/v1`) },
    { name: 'jamba-chat', kind: 'chat', provider: 'ai21labs', model: 'jamba-large', config: keyed('ai21labs', `${urls.ai21}/studio/v1`) },
    { name: 'jamba-completions', kind: 'completions', provider: 'ai21labs', model: 'jamba-mini', config: keyed('ai21labs', `${urls.ai21}/studio/v1`) },
    { name: 'mosaic-chat', kind: 'chat', provider: 'mosaicml', model: 'llama2-70b-chat', config: keyed('mosaicml', urls.mosaic) },
    { name: 'mosaic-completions', kind: 'completions', provider: 'mosaicml', model: 'mpt-7b-instruct', config: keyed('mosaicml', urls.mosaic) },
    { name: 'mosaic-embeddings', kind: 'embeddings', provider: 'mosaicml', model: 'instructor-large', config: keyed('mosaicml', urls.mosaic) },
    { name: 'palm-chat', kind: 'chat', provider: 'palm', model: 'chat-bison-001', config: keyed('palm', `${urls.palm}/v1beta3`) },
    { name: 'palm-completions', kind: 'completions', provider: 'palm', model: 'text-bison-001', config: keyed('palm', `${urls.palm}/v1beta3`) },
    { name: 'palm-embeddings', kind: 'embeddings', provider: 'palm', model: 'embedding-gecko-001', config: keyed('palm', `${urls.palm}/v1beta3`) },
    { name: 'served-chat', kind: 'chat', provider: SERVING, model: 'my-llm', config: { model_server_url: `${urls.serving}/llm` } },
    { name: 'served-completions', kind: 'completions', provider: SERVING, model: 'my-llm', config: { model_server_url: `${urls.serving}/llm` } },
    { name: 'served-embeddings', kind: 'embeddings', provider: SERVING, model: 'my-embedder', config: { model_server_url: `${urls.serving}/embed` } },
  ];
}

const current: { mutation: Mutation | null } = { mutation: null };
const upstreams: FakeUpstream[] = [];
let gateway: RunningGateway;
let endpoints: EndpointSpec[];

beforeAll(async () => {
  const urls = {} as Record<Upstream, string>;
  for (const [name, handler] of Object.entries(upstreamHandlers)) {
    const upstream = await startFakeUpstream(mutating(handler, current));
    upstreams.push(upstream);
    urls[name as Upstream] = upstream.url;
  }
  endpoints = endpointsOf(urls);
  gateway = await startGateway(configOf(endpoints).replace('endpoints:', 'defaults: { retries: { max_attempts: 1 } }\nendpoints:'));
});
afterAll(async () => {
  await gateway.close();
  for (const upstream of upstreams) await upstream.close();
});

/** Providers whose fixtures include a tool-call answer (the others refuse `tools` with a 400). */
const WITH_TOOLS = new Set(['openai', 'anthropic', 'gemini', 'mistral', 'cohere']);

/** The request of a fuzz case: chat with tools where the provider has them, so tool-call answers are mutated too. */
function requestOf(endpoint: EndpointSpec, withTools: boolean): Record<string, unknown> {
  if (endpoint.kind === 'chat' && withTools && WITH_TOOLS.has(endpoint.provider)) return { ...chatBody, tools };
  // Together AI requires max_tokens for completions.
  return endpoint.kind === 'completions' ? { ...completionsBody, max_tokens: 50 } : BODIES[endpoint.kind];
}

const fuzzOptions = { gatewayUrl: () => gateway.url, requestOf, current };

test('every mutated provider answer is a schema-valid 200 or a 502, on the MLflow route and on /v1', async () => {
  expect(await fuzzAnswers({ ...fuzzOptions, endpoints, places: 60, seed: 20261201, numRuns: 600 })).toEqual([]);
});

/** Endpoints whose provider streams (the others answer a stream request with 501). */
const STREAMING = new Set(['openai', 'anthropic', 'gemini', 'cohere', 'mistral', 'togetherai', TGI]);

test('every mutated provider stream is schema-valid chunks ending in [DONE] or an error event, or a 502, on both routes', async () => {
  const streaming = endpoints.filter((endpoint) => endpoint.kind !== 'embeddings' && STREAMING.has(endpoint.provider));
  expect(await fuzzStreams({ ...fuzzOptions, endpoints: streaming, places: 40, events: 20, seed: 20261202, numRuns: 400 })).toEqual([]);
});
