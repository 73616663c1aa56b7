/**
 * Fuzzing what providers answer (fast-check, fixed seed, bounded runs): each built-in HTTP provider's
 * realistic fixture answer with one value replaced or removed, in a JSON answer or in one event of
 * a stream. Whatever comes back, the gateway answers a 200 whose body (or every chunk) matches its
 * own schema, a stream that ends with an error event, or a 502 with a JSON message: never a 500
 * and never an answer that breaks openapi/.
 */
import fc from 'fast-check';
import type { ServerResponse } from 'node:http';
import { CHUNK_SCHEMAS, chatBody, completionsBody, configOf, embeddingsBody, RESPONSE_SCHEMAS, tools, V1_PATHS, type EndpointKind, type EndpointSpec } from '../support/contract';
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
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';

jest.setTimeout(60_000);

/**
 * One JSON value replaced (or a key removed) at the `at`-th place of a depth-first walk of the
 * answer; in a stream, of its `event`-th JSON payload (modulo their number).
 */
interface Mutation {
  at: number;
  event: number;
  replacement: unknown;
}

const REMOVE = Symbol('remove');
const replacements = fc.constantFrom<unknown>(REMOVE, null, 0, -1, 1.5, '', 'text', true, [], {}, [null], { unexpected: 1 }, [[1]]);

/** `value` with the mutation applied; `counter` counts places in depth-first order. */
function mutated(value: unknown, mutation: Mutation, counter = { place: 0 }): unknown {
  if (counter.place++ === mutation.at) return mutation.replacement;
  if (Array.isArray(value)) return value.map((item) => mutated(item, mutation, counter)).filter((item) => item !== REMOVE);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, mutated(item, mutation, counter)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== REMOVE));
  }
  return value;
}

function mutatedJson(text: string, mutation: Mutation): string {
  const changed = mutated(JSON.parse(text), mutation);
  return JSON.stringify(changed === REMOVE ? {} : changed);
}

/** A JSON object, or null. */
function objectIn(text: string): object | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** A streamed body (SSE `data:` lines or NDJSON lines) with one of its JSON payloads mutated. */
function mutatedStream(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const payloads = lines.flatMap((line, index) => {
    const prefix = /^data: ?/.exec(line)?.[0] ?? '';
    return objectIn(line.slice(prefix.length)) === null ? [] : [{ index, prefix }];
  });
  if (payloads.length === 0) return text;
  const { index, prefix } = payloads[mutation.event % payloads.length];
  lines[index] = prefix + mutatedJson(lines[index].slice(prefix.length), mutation);
  return lines.join('\n');
}

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

const BODIES: Record<EndpointKind, Record<string, unknown>> = { chat: chatBody, completions: completionsBody, embeddings: embeddingsBody };

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
const WITH_TOOLS = new Set(['openai', 'anthropic', 'gemini', 'mistral']);

/** The request of a fuzz case: chat with tools where the provider has them, so tool-call answers are mutated too. */
function requestOf(endpoint: EndpointSpec, withTools: boolean): Record<string, unknown> {
  if (endpoint.kind === 'chat' && withTools && WITH_TOOLS.has(endpoint.provider)) return { ...chatBody, tools };
  // Together AI requires max_tokens for completions.
  return endpoint.kind === 'completions' ? { ...completionsBody, max_tokens: 50 } : BODIES[endpoint.kind];
}

async function call(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

/** What the test requires of an answer; anything else is returned as the offending outcome. */
function verdict(kind: EndpointKind, answer: { status: number; body: unknown }): string {
  if (answer.status === 502) return typeof answer.body === 'object' && answer.body !== null ? 'ok' : 'a 502 without a JSON body';
  if (answer.status !== 200) return `status ${answer.status}: ${JSON.stringify(answer.body)}`;
  const validate = RESPONSE_SCHEMAS[kind];
  return validate(answer.body) ? 'ok' : `a 200 that breaks the ${kind} schema: ${JSON.stringify(validate.errors?.[0])}`;
}

test('every mutated provider answer is a schema-valid 200 or a 502, on the MLflow route and on /v1', async () => {
  const failures: unknown[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(100), fc.nat(60), replacements, fc.boolean(), async (pick, at, replacement, withTools) => {
      const endpoint = endpoints[pick % endpoints.length];
      current.mutation = { at, event: 0, replacement };
      const body = requestOf(endpoint, withTools);
      for (const [path, request] of [
        [`/gateway/${endpoint.name}/invocations`, body],
        [V1_PATHS[endpoint.kind], { ...body, model: endpoint.name }],
      ] as const) {
        const outcome = verdict(endpoint.kind, await call(path, request));
        if (outcome !== 'ok') failures.push({ endpoint: endpoint.name, path, at, replacement: replacement === REMOVE ? 'removed' : replacement, withTools, outcome });
      }
      current.mutation = null;
    }),
    { seed: 20261201, numRuns: 600 },
  );
  expect(failures).toEqual([]);
});

/** Endpoints whose provider streams (the others answer a stream request with 501). */
const STREAMING = new Set(['openai', 'anthropic', 'gemini', 'cohere', 'mistral', 'togetherai', TGI]);

/** What the test requires of a streamed answer; anything else is returned as the offending outcome. */
function streamVerdict(kind: 'chat' | 'completions', status: number, text: string): string {
  if (status === 502) return objectIn(text) === null ? 'a 502 without a JSON body' : 'ok';
  if (status !== 200) return `status ${status}: ${text.slice(0, 300)}`;
  const events = parseSse(text);
  const last = events[events.length - 1];
  const ending = last?.event === 'error' ? 'error' : last?.data === '[DONE]' ? 'done' : null;
  if (ending === null) return `a stream that ends with neither [DONE] nor an error event: ${JSON.stringify(last)}`;
  const validate = CHUNK_SCHEMAS[kind]!;
  for (const event of events.slice(0, -1)) {
    if (event.event !== undefined || !validate(JSON.parse(event.data))) return `a chunk that breaks the ${kind} chunk schema: ${event.data.slice(0, 200)} ${JSON.stringify(validate.errors?.[0])}`;
  }
  return 'ok';
}

test('every mutated provider stream is schema-valid chunks ending in [DONE] or an error event, or a 502, on both routes', async () => {
  const streaming = () => endpoints.filter((endpoint) => endpoint.kind !== 'embeddings' && STREAMING.has(endpoint.provider));
  const failures: unknown[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(100), fc.nat(40), fc.nat(20), replacements, fc.boolean(), async (pick, at, event, replacement, withTools) => {
      const candidates = streaming();
      const endpoint = candidates[pick % candidates.length];
      const kind = endpoint.kind as 'chat' | 'completions';
      current.mutation = { at, event, replacement };
      const body = { ...requestOf(endpoint, withTools), stream: true };
      for (const [path, request] of [
        [`/endpoints/${endpoint.name}/invocations`, body],
        [V1_PATHS[kind], { ...body, model: endpoint.name }],
      ] as const) {
        const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        const outcome = streamVerdict(kind, response.status, await response.text());
        if (outcome !== 'ok') failures.push({ endpoint: endpoint.name, path, at, event, replacement: replacement === REMOVE ? 'removed' : replacement, withTools, outcome });
      }
      current.mutation = null;
    }),
    { seed: 20261202, numRuns: 400 },
  );
  expect(failures).toEqual([]);
});
