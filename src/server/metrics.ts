/**
 * Prometheus metrics (prom-client) at `GET /metrics`. LLM metrics use the OpenTelemetry GenAI
 * semantic-convention names and attributes, as Prometheus spells them
 * (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-metrics/): `gen_ai_client_token_usage`,
 * `gen_ai_client_operation_duration_seconds`, `gen_ai_server_time_to_first_token_seconds` with
 * `gen_ai_operation_name`, `gen_ai_provider_name` (the conventions' well-known provider names,
 * src/config/gen-ai-provider.ts), `gen_ai_request_model`, `gen_ai_token_type`.
 * Per-request metrics use metric-families.ts (prom-client's format, cheaper calls).
 * Gateway metrics (`gateway_*`) count requests (those through a traffic route also by its name, with
 * its fallbacks), tokens by client key, web searches, upstream errors, retries, rate-limit rejections,
 * rate-limit store outages and the response store's size and lookups. The requests being served are
 * active-requests.ts's, each upstream attempt's time upstream-attempts.ts's. Every label value comes from the config or a fixed set, never from what
 * a client sent, so the series stay bounded.
 *
 * With `--workers N`, each worker keeps its own registry; a worker asked for `/metrics` asks the
 * primary, which sums every worker's registry, and keeps the counts of workers that died so that
 * counters never go down (src/server/cluster-metrics.ts).
 */
import cluster from 'node:cluster';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics } from 'prom-client';
import { GatewayError } from '../errors';
import type { CompiledEndpoint } from '../config/compile';
import type { StoreStatistics } from '../response-store';
import type { EndpointType } from '../schema';
import { reportedCountsOfFailure } from './audit-line';
import { askPrimaryForMetrics, joinClusterMetrics as joinPrimaryMetrics, serveClusterMetrics as serveWorkersMetrics } from './cluster-metrics';
import { CounterFamily as Counter, GaugeFamily as Gauge, HistogramFamily as Histogram, MetricsRegistry } from './metric-families';
import { methodLabel } from './method-label';
import type { RequestRecord } from './request-record';
import type { TokenDetails, TokenUsage } from './token-usage';

export const registry = new MetricsRegistry();

const OPERATION_NAMES: Record<EndpointType, string> = {
  'llm/v1/chat': 'chat',
  'llm/v1/completions': 'text_completion',
  'llm/v1/embeddings': 'embeddings',
};

const GEN_AI_LABELS = ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model', 'endpoint'] as const;

const requests = new Counter({
  name: 'gateway_requests_total',
  help: 'HTTP requests by route pattern, endpoint, provider and status (499: the client left first).',
  labelNames: ['route', 'endpoint', 'provider', 'status'] as const,
  registers: [registry],
});

// Each latency histogram holds its conventions' advised buckets, and past them bounds up to the default
// timeouts (total: 600 s, first_byte: 300 s): a reasoning model's answer or a long stream takes minutes,
// and everything past the last bound is +Inf, where a quantile reads as that bound however long it took.
const httpDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests, until the response ended (streams included).',
  labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300, 600],
  registers: [registry],
});

/** A call's or an attempt's (upstream-attempts.ts): the GenAI conventions' advice, then up to the total timeout's default. */
export const OPERATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 327.68, 655.36];

const operationDuration = new Histogram({
  name: 'gen_ai_client_operation_duration_seconds',
  help: 'GenAI operation duration: one call to an endpoint, retries and streaming included.',
  labelNames: [...GEN_AI_LABELS, 'error_type'] as const,
  buckets: OPERATION_BUCKETS,
  registers: [registry],
});

const timeToFirstToken = new Histogram({
  name: 'gen_ai_server_time_to_first_token_seconds',
  help: 'Time to the first chunk of a streamed answer with a generated token (text, a tool call, a refusal or reasoning; not a role alone).',
  labelNames: GEN_AI_LABELS,
  buckets: [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 15, 30, 60, 120, 300],
  registers: [registry],
});

const tokenUsage = new Histogram({
  name: 'gen_ai_client_token_usage',
  help: 'Input and output tokens per operation, as the provider reported them.',
  labelNames: [...GEN_AI_LABELS, 'gen_ai_token_type'] as const,
  buckets: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864],
  registers: [registry],
});

const tokens = new Counter({
  name: 'gateway_tokens_total',
  help: 'Tokens by endpoint and client key name (`type`: prompt, completion, total; cached and cache_creation (part of prompt), reasoning (part of completion) when the provider reported them).',
  labelNames: ['endpoint', 'client', 'type'] as const,
  registers: [registry],
});

// Incremented only for an answer that reported searches: a request without any pays one null check.
const webSearches = new Counter({
  name: 'gateway_web_search_requests_total',
  help: "Web searches the provider ran for the endpoint's answers, as it reported them (Anthropic's server_tool_use.web_search_requests; each is billed).",
  labelNames: ['endpoint'] as const,
  registers: [registry],
});

const upstreamErrors = new Counter({
  name: 'gateway_upstream_errors_total',
  help: 'Calls to an endpoint that ended in an upstream error (unreachable, timeout, error status, unreadable answer).',
  labelNames: ['endpoint', 'provider', 'code', 'status'] as const,
  registers: [registry],
});

const retries = new Counter({
  name: 'gateway_upstream_retries_total',
  help: 'Upstream attempts that failed and were retried.',
  labelNames: ['endpoint', 'provider'] as const,
  registers: [registry],
});

// Traffic routes (config `routes:`), by the route's name: counted only for a request that called one,
// so a plain endpoint's request pays nothing for them.
const routeRequests = new Counter({
  name: 'gateway_route_requests_total',
  help: 'Requests to a traffic route, by route name, the endpoint that answered (or whose failure is the answer) and status.',
  labelNames: ['route', 'endpoint', 'status'] as const,
  registers: [registry],
});

const routeFallbacks = new Counter({
  name: 'gateway_route_fallbacks_total',
  help: 'Times a FALLBACK route moved past a failed destination, by the route called, the endpoint that failed (from) and the one tried next (to).',
  labelNames: ['route', 'from', 'to'] as const,
  registers: [registry],
});

const rateLimitRejections = new Counter({
  name: 'gateway_rate_limit_rejections_total',
  help: 'Requests refused by a gateway rate limit (429), by endpoint and client key name.',
  labelNames: ['endpoint', 'client'] as const,
  registers: [registry],
});

// The rate-limit store (Redis): an outage is otherwise one warning line, while every rate-limited
// request is served without its limit (on_error: open) or refused with 503 (closed).
const rateLimitStoreUnavailable = new Gauge({
  name: 'gateway_rate_limit_store_unavailable',
  help: 'Processes that cannot reach their rate-limit store: 1 per process from a failed store operation until one succeeds (summed over --workers).',
  labelNames: ['store'] as const,
  registers: [registry],
});

const rateLimitStoreErrors = new Counter({
  name: 'gateway_rate_limit_store_errors_total',
  help: "Rate-limit store operations that failed (a request's admission check, a response's token count), by store.",
  labelNames: ['store'] as const,
  registers: [registry],
});

// The Responses API's store (src/response-store/): read from the process that holds it when the
// metrics are read, so that keeping and looking up cost nothing more. Under --workers that is the
// primary; workers have no store of their own and report 0, which leaves the sum the primary's.
let responseStore: { statistics(): StoreStatistics } | null = null;
const storeStatistics = (): StoreStatistics => responseStore?.statistics() ?? { responses: 0, bytes: 0, hits: 0, misses: 0, evictions: 0 };

const storeResponses: Gauge<never> = new Gauge({
  name: 'gateway_response_store_responses',
  help: "Responses the Responses API keeps (for previous_response_id, item_reference and GET /v1/responses/{id}), and Claude's thinking kept for chat tool loops (one per answer with tool calls).",
  labelNames: [] as const,
  registers: [registry],
  collect: () => storeResponses.set({}, storeStatistics().responses),
});

const storeBytes: Gauge<never> = new Gauge({
  name: 'gateway_response_store_bytes',
  help: 'The size of the kept responses, as counted against response_store.max_size.',
  labelNames: [] as const,
  registers: [registry],
  collect: () => storeBytes.set({}, storeStatistics().bytes),
});

const storeLookups: Counter<'result'> = new Counter({
  name: 'gateway_response_store_lookups_total',
  help: "Kept responses and items asked for by id (previous_response_id, item_reference, GET, DELETE, input_items, cancel, and the tool call ids of a chat tool loop whose Claude thinking is looked up), by result: hit or miss.",
  labelNames: ['result'] as const,
  registers: [registry],
  collect: () => {
    const { hits, misses } = storeStatistics();
    storeLookups.set({ result: 'hit' }, hits);
    storeLookups.set({ result: 'miss' }, misses);
  },
});

const storeEvictions: Counter<never> = new Counter({
  name: 'gateway_response_store_evictions_total',
  help: 'Kept responses dropped for response_store.max_age or max_size (not those deleted).',
  labelNames: [] as const,
  registers: [registry],
  collect: () => storeEvictions.set({}, storeStatistics().evictions),
});

/** For the process that holds the response store (the primary under --workers): its metrics are read from it. */
export function observeResponseStore(store: { statistics(): StoreStatistics }): void {
  responseStore = store;
}

// Config reloads, named as Prometheus and Alertmanager name theirs (`prometheus_config_last_reload_successful`),
// so that the usual alert works: a refused reload is otherwise only a log line, and the old config
// serves on until the next restart refuses to start.
const configReloads = new Counter({
  name: 'gateway_config_reloads_total',
  help: 'Config reloads (a config or secret file changed, or SIGHUP) by result: applied, or refused (the last accepted config still serves).',
  labelNames: ['result'] as const,
  registers: [registry],
});

const lastReloadSuccessful = new Gauge({
  name: 'gateway_config_last_reload_successful',
  help: 'Whether the last config load (start-up or reload) was applied: 1, or 0 after a refused reload.',
  labelNames: [] as const,
  registers: [registry],
});

const lastReloadSuccessTime = new Gauge({
  name: 'gateway_config_last_reload_success_timestamp_seconds',
  help: 'When the config now serving was loaded (start-up or reload), in seconds since the Unix epoch.',
  labelNames: [] as const,
  registers: [registry],
});

function recordLastLoad(applied: boolean): void {
  lastReloadSuccessful.set({}, applied ? 1 : 0);
  if (applied) lastReloadSuccessTime.set({}, Date.now() / 1000);
}

/** For the process that loads and reloads the config (the primary under --workers): the start-up load. */
export function recordConfigStart(): void {
  // Both results from the start, so that `increase()` sees the first reload of each.
  configReloads.inc({ result: 'applied' }, 0);
  configReloads.inc({ result: 'refused' }, 0);
  recordLastLoad(true);
}

/** For the config reload: one reload, applied or refused. */
export function recordConfigReload(result: 'applied' | 'refused'): void {
  configReloads.inc({ result });
  recordLastLoad(result === 'applied');
}

/**
 * For a rate-limit store (`store`: its URL without credentials, `memory` or `cluster primary`):
 * `created` makes both series exist before the first outage (for alerts and `increase()`);
 * `outage` and `back` start and end an outage of one of this process's stores (a store retired during
 * one ends it too: see LimitBackend.retired).
 */
export function recordRateLimitStore(store: string, event: 'created' | 'outage' | 'back'): void {
  rateLimitStoreUnavailable.add({ store }, event === 'created' ? 0 : event === 'outage' ? 1 : -1);
  if (event === 'created') rateLimitStoreErrors.inc({ store }, 0);
}

/** For a rate-limit store: one operation that failed. */
export function countRateLimitStoreError(store: string): void {
  rateLimitStoreErrors.inc({ store });
}

/** For the rate limiter: count one request it refused. */
export function countRateLimitRejection(options: { endpoint: string; client: string | null }): void {
  rateLimitRejections.inc({ endpoint: options.endpoint, client: options.client ?? '' });
}

/**
 * For the invocation routes: one failed upstream attempt that is retried, counted for the endpoint
 * it was made to (a FALLBACK route's request may end on another endpoint).
 */
export function countUpstreamRetry(endpoint: CompiledEndpoint): void {
  retries.inc({ endpoint: endpoint.name, provider: endpoint.provider });
}

/**
 * A call to an endpoint that ended in an upstream error: the request's answer (`recordRequestMetrics`),
 * or a FALLBACK route's call whose failure is not the answer (`recordFailedCall`), which the request's own record does not show.
 */
function countUpstreamError(options: { endpoint: CompiledEndpoint; code: string; status: number }): void {
  const { endpoint, code, status } = options;
  upstreamErrors.inc({ endpoint: endpoint.name, provider: endpoint.provider, code, status: String(status) });
}

/**
 * For a FALLBACK route: a destination's call whose failure is not the answer (moved past, or tried last
 * after the answer's). An operation of its own, as each call to a model is for the GenAI conventions.
 */
export function recordFailedCall(options: { endpoint: CompiledEndpoint; code: string | null; status: number; seconds: number }): void {
  const { endpoint, code, status } = options;
  operationDuration.observe({ ...genAiLabelsOf(endpoint).base, error_type: code ?? String(status) }, options.seconds);
  if (code?.startsWith('upstream_')) countUpstreamError({ endpoint, code, status });
}

/** For a FALLBACK route: one move past the endpoint `from`, which failed, to the endpoint `to`. */
export function countRouteFallback(options: { route: string; from: CompiledEndpoint; to: CompiledEndpoint }): void {
  routeFallbacks.inc({ route: options.route, from: options.from.name, to: options.to.name });
}

type GenAiLabels = Record<(typeof GEN_AI_LABELS)[number], string>;

/** An endpoint's GenAI labels, alone and with each value of the extra label its metrics add. */
interface EndpointLabels {
  base: GenAiLabels;
  succeeded: GenAiLabels & { error_type: string };
  input: GenAiLabels & { gen_ai_token_type: string };
  output: GenAiLabels & { gen_ai_token_type: string };
}

/** Built once per compiled endpoint (a reload compiles new ones), not per request. */
const endpointLabels = new WeakMap<CompiledEndpoint, EndpointLabels>();

function genAiLabelsOf(endpoint: CompiledEndpoint): EndpointLabels {
  let labels = endpointLabels.get(endpoint);
  if (labels === undefined) {
    const base: GenAiLabels = {
      gen_ai_operation_name: OPERATION_NAMES[endpoint.endpointType],
      gen_ai_provider_name: endpoint.genAiProviderName,
      gen_ai_request_model: endpoint.view.model.name ?? '',
      endpoint: endpoint.name,
    };
    labels = {
      base,
      succeeded: { ...base, error_type: '' },
      input: { ...base, gen_ai_token_type: 'input' },
      output: { ...base, gen_ai_token_type: 'output' },
    };
    endpointLabels.set(endpoint, labels);
  }
  return labels;
}

/**
 * Cached, cache-creation and reasoning tokens, which bill differently, by client key. Not on
 * `gen_ai_client_token_usage`: the conventions' `gen_ai.token.type` is `input` or `output` only,
 * and these tokens are already counted in those.
 */
function countTokenDetails(options: { endpoint: string; client: string; details: TokenDetails }): void {
  const { endpoint, client, details } = options;
  if (details.cached !== null) tokens.inc({ endpoint, client, type: 'cached' }, details.cached);
  if (details.cacheCreation !== null) tokens.inc({ endpoint, client, type: 'cache_creation' }, details.cacheCreation);
  if (details.reasoning !== null) tokens.inc({ endpoint, client, type: 'reasoning' }, details.reasoning);
}

/** Records a finished request (the request log's `onDone`). */
export function recordRequestMetrics(record: RequestRecord): void {
  const { endpoint } = record;
  const status = String(record.status);
  requests.inc({ route: record.route, endpoint: endpoint?.name ?? '', provider: endpoint?.provider ?? '', status });
  httpDuration.observe({ http_request_method: methodLabel(record.method), http_route: record.route, http_response_status_code: status }, record.latencyMs / 1000);
  if (record.routeCall !== undefined) routeRequests.inc({ route: record.called ?? '', endpoint: endpoint?.name ?? '', status });
  if (endpoint === null) return;
  const labels = genAiLabelsOf(endpoint);
  // After a FALLBACK route moved past others, the endpoint's call is timed from when it was tried.
  const operationStartMs = record.operationStartMs ?? 0;
  if (!record.errorCounted) {
    const errorType = record.error?.code ?? (record.status >= 400 ? status : '');
    operationDuration.observe(errorType === '' ? labels.succeeded : { ...labels.base, error_type: errorType }, (record.latencyMs - operationStartMs) / 1000);
    if (record.error?.code?.startsWith('upstream_')) countUpstreamError({ endpoint, code: record.error.code, status: record.status });
  }
  if (record.firstTokenMs !== null) timeToFirstToken.observe(labels.base, (record.firstTokenMs - operationStartMs) / 1000);
  const client = record.client ?? '';
  if (record.usage !== null) return countUsage({ endpoint, client, usage: record.usage });
  const reported = reportedCountsOfFailure(record);
  // A FALLBACK route's line may keep an earlier destination's counts: they are that endpoint's calls.
  if (reported !== null) countUsage({ endpoint: record.streamTokensEndpoint ?? endpoint, client, usage: reported });
}

/** The token metrics of `usage`, reported by the calls of `endpoint`. */
function countUsage(options: { endpoint: CompiledEndpoint; client: string; usage: TokenUsage }): void {
  const { endpoint, client, usage } = options;
  const labels = genAiLabelsOf(endpoint);
  if (usage.prompt !== null) tokenUsage.observe(labels.input, usage.prompt);
  if (usage.completion !== null) tokenUsage.observe(labels.output, usage.completion);
  for (const [type, value] of [['prompt', usage.prompt], ['completion', usage.completion], ['total', usage.total]] as const) {
    if (value !== null) tokens.inc({ endpoint: endpoint.name, client, type }, value);
  }
  if (usage.details !== null) countTokenDetails({ endpoint: endpoint.name, client, details: usage.details });
  if (usage.webSearches !== null) webSearches.inc({ endpoint: endpoint.name }, usage.webSearches);
}

/** Process metrics (CPU, memory, event loop lag); once per process, in cli.ts. */
export function collectProcessMetrics(): void {
  collectDefaultMetrics({ register: registry });
}

// ---------------------------------------------------------------------------------------------
// --workers: the primary sums every worker's registry for whichever worker was asked.

/** Primary: answers workers' requests for the deployment's metrics (src/server/cluster-metrics.ts). */
export function serveClusterMetrics(): void {
  serveWorkersMetrics(registry);
}

/** Worker: lets the primary collect this registry, and routes the primary's answers. */
export function joinClusterMetrics(): void {
  joinPrimaryMetrics(registry);
}

function unavailable(error: Error): never {
  throw new GatewayError({ status: 503, message: `The deployment's metrics are not available: ${error.message}.`, kind: 'server_error', code: 'metrics_unavailable' });
}

/** `GET /metrics`: this process's registry, or the whole deployment's under --workers. */
export const metricsHandler: RequestHandler = async (_request, response) => {
  const text = cluster.isWorker && process.send ? await askPrimaryForMetrics().catch(unavailable) : await registry.metrics();
  response.setHeader('Content-Type', registry.contentType);
  response.send(text);
};
