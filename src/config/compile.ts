/**
 * Compiles a loaded config into the plan the request path reads: provider endpoints (URLs and
 * headers built once, pools at their first call; provider-endpoint.ts), parameter defaults, rate
 * limiters (keys and store), the management views, and routes (traffic split and fallback).
 * Nothing here runs per request.
 */
import type { Endpoint, Limit, OpenAIConfig, TrafficRoute } from '../../generated/config';
import type { PluginAdapters } from '../plugins/modules';
import { compileLimit, limitBackendFor, type EndpointLimiter, type LimitBackend } from '../limits/limiter';
import { isBuiltInProvider } from '../providers';
import { openaiProviderName } from '../providers/openai';
import { parameterDefaultsOf } from '../providers/shared/parameter-defaults';
import { REASONING_EFFORT_FIELDS, type CallContext, type ProviderEndpoint, type ReasoningEffortField } from '../providers/types';
import type { EndpointType, EndpointView, GatewayConfig, LegacyRouteView, ModelView, TrafficRouteView } from '../schema';
import { createLogger, type Logger } from '../server/logging';
import type { CallPolicy } from './call-policy';
import type { Catalog } from './catalog';
import { authSteps, clientKeyIssues, type AuthPlan } from './client-keys';
import { ConfigError, type ConfigIssue } from './config-error';
import { genAiProviderName } from './gen-ai-provider';
import { compileLoggingSettings, type LoggingPlan } from './logging-settings';
import { buildProviderEndpoint, credentialsOf, type ProviderEndpointOptions } from './provider-endpoint';
import { compileResponseStoreSettings, type ResponseStorePlan } from './response-store-settings';
import { compileServerSettings, type ServerPlan } from './server-settings';
import { mapInSlices, runWhole, type Steps } from './slices';


export interface CompiledEndpoint {
  kind: 'endpoint';
  name: string;
  /** The name as the `x-gateway-endpoint` header carries it: percent-encoded UTF-8 (a header holds Latin-1 at most). */
  headerValue: string;
  endpointType: EndpointType;
  /** A built-in provider name (ProviderName) or a plugin provider's. */
  provider: string;
  /** Display name for messages, e.g. `OpenAI`; `Azure OpenAI` for the openai provider's azure and azuread types. */
  providerDisplayName: string;
  /** OpenTelemetry's `gen_ai.provider.name` for the GenAI metrics, e.g. `azure.ai.openai`. */
  genAiProviderName: string;
  /** Whether the provider is built in (not a plugin). */
  builtIn: boolean;
  /** Called with a CallContext; a plugin's endpoint reads only its `signal`. */
  target: ProviderEndpoint<CallContext>;
  /** Parameter defaults from `model.config`, applied when the client sends none. */
  defaults: Readonly<Record<string, unknown>>;
  /** The defaults applied to a stream: without `n` where the endpoint's streams return one choice (ProviderEndpoint.streamsOneChoice). */
  streamDefaults: Readonly<Record<string, unknown>>;
  /** The client fields that replace the `reasoning_effort` default on this model (ProviderEndpoint.reasoningEffortFields). */
  reasoningEffortFields: readonly ReasoningEffortField[];
  limit: Limit | null;
  /** Enforces `limit`; null when the endpoint has none. */
  limiter: EndpointLimiter | null;
  /** Timeouts and retries of its upstream calls. */
  callPolicy: CallPolicy;
  /** Its credentials (API keys, AWS secrets), longest first: never in an error message. */
  secrets: readonly string[];
  view: EndpointView;
  legacyView: LegacyRouteView;
}

/** What a route destination names: an endpoint or another route (never, through any chain, itself). */
export type RouteTarget = CompiledEndpoint | CompiledRoute;

interface RouteBase {
  kind: 'route';
  name: string;
  taskType: EndpointType;
  view: TrafficRouteView;
}

export interface TrafficSplitRoute extends RouteBase {
  strategy: 'TRAFFIC_SPLIT';
  /** Destinations with a non-zero share, each with its cumulative upper bound in [0, 1]. */
  destinations: { target: RouteTarget; upTo: number }[];
}

export interface FallbackRoute extends RouteBase {
  strategy: 'FALLBACK';
  /** Tried in this order. */
  destinations: RouteTarget[];
}

export type CompiledRoute = TrafficSplitRoute | FallbackRoute;

/** The plan is also the whole catalog: what a client without a key restriction sees. */
export interface GatewayPlan extends Catalog {
  endpoints: ReadonlyMap<string, CompiledEndpoint>;
  routes: ReadonlyMap<string, CompiledRoute>;
  /** Client keys; null when the config has no `auth:` (every request is let in). */
  auth: AuthPlan | null;
  logging: LoggingPlan;
  /** Limits on what clients send. */
  server: ServerPlan;
  /** What the Responses API keeps for `previous_response_id` and `item_reference`. */
  responseStore: ResponseStorePlan;
}

export interface CompileOptions {
  /** Unix seconds; injectable for tests. */
  now?: () => number;
  /** Adapters of the plugin providers the config uses, from `loadPlugins`. */
  plugins?: PluginAdapters;
  /** Where rate-limit store and Entra ID token server outages are logged. */
  logger?: Logger;
  /** Overrides the process-wide rate-limit backend of `rate_limit_store` (tests). */
  limitBackend?: LimitBackend;
}

const defaultNow = () => Math.floor(Date.now() / 1000);

/**
 * The limit as the management routes show it: MLflow's call limit (`calls`, `renewal_period`, `key`;
 * null without calls, because MLflow's client requires an integer `calls`), and the token budget
 * beside it.
 */
function limitViews(limit: Limit | undefined): Pick<EndpointView, 'limit' | 'token_limit'> {
  return {
    limit: limit?.calls === undefined ? null : { calls: limit.calls, renewal_period: limit.renewal_period, key: limit.key ?? null },
    token_limit: limit?.tokens === undefined ? null : { tokens: limit.tokens, renewal_period: limit.renewal_period },
  };
}

function compileLimiter(endpoint: Endpoint, index: number, backend: () => LimitBackend): EndpointLimiter | null | ConfigIssue {
  if (!endpoint.limit) return null;
  return compileLimit({ subject: { kind: 'endpoint', name: endpoint.name }, limit: endpoint.limit, path: `endpoints[${index}].limit`, backend });
}

/** What every endpoint's compilation shares. */
interface EndpointCompilation extends ProviderEndpointOptions {
  backend: () => LimitBackend;
}

function withoutDefaultN(defaults: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (defaults.n === undefined) return defaults;
  const { n: _oneChoiceStreams, ...rest } = defaults;
  return Object.freeze(rest);
}

function compileEndpoint(endpoint: Endpoint, index: number, shared: EndpointCompilation): CompiledEndpoint | ConfigIssue {
  const built = buildProviderEndpoint(endpoint, index, shared);
  if ('path' in built) return built;
  const { adapter, target, callPolicy } = built;
  const { backend } = shared;
  const provider = endpoint.model.provider;
  const modelName = endpoint.model.name ?? null;
  const limiter = compileLimiter(endpoint, index, backend);
  if (limiter !== null && 'path' in limiter) return limiter;
  const model = { name: modelName, provider };
  const url = `/gateway/${endpoint.name}/invocations`;
  const defaults = endpoint.endpoint_type === 'llm/v1/embeddings' ? {} : Object.freeze(parameterDefaultsOf(endpoint.model.config));
  return {
    kind: 'endpoint',
    name: endpoint.name,
    headerValue: encodeURIComponent(endpoint.name),
    secrets: credentialsOf(endpoint.model.config),
    endpointType: endpoint.endpoint_type,
    provider,
    providerDisplayName: provider === 'openai' ? openaiProviderName(endpoint.model.config as OpenAIConfig) : adapter.displayName,
    genAiProviderName: genAiProviderName(provider, endpoint.model.config),
    builtIn: isBuiltInProvider(provider),
    target,
    defaults,
    streamDefaults: target.streamsOneChoice === true ? withoutDefaultN(defaults) : defaults,
    // Without a provider's word, either client field replaces the `reasoning_effort` default (server/endpoint-request.ts).
    reasoningEffortFields: target.reasoningEffortFields ?? REASONING_EFFORT_FIELDS,
    limit: endpoint.limit ?? null,
    limiter,
    callPolicy,
    view: { name: endpoint.name, endpoint_type: endpoint.endpoint_type, model, endpoint_url: url, ...limitViews(endpoint.limit) },
    legacyView: { name: endpoint.name, route_type: endpoint.endpoint_type, model, route_url: url, ...limitViews(endpoint.limit) },
  };
}

function routeView(route: TrafficRoute): TrafficRouteView {
  const strategy = route.routing_strategy ?? 'TRAFFIC_SPLIT';
  return {
    name: route.name,
    task_type: route.task_type,
    destinations: route.destinations.map(({ name, traffic_percentage }) => (strategy === 'FALLBACK' ? { name } : { name, traffic_percentage: traffic_percentage! })),
    routing_strategy: strategy,
  };
}

/**
 * Compiles every route, each after the routes it names (the loader has rejected unknown names and
 * cycles, so the recursion ends).
 */
function compileRoutes(routes: readonly TrafficRoute[], endpoints: ReadonlyMap<string, CompiledEndpoint>): Map<string, CompiledRoute> {
  const definitions = new Map(routes.map((route) => [route.name, route] as const));
  const compiled = new Map<string, CompiledRoute>();

  function targetNamed(name: string): RouteTarget {
    return endpoints.get(name) ?? compileRoute(definitions.get(name)!);
  }

  function compileRoute(route: TrafficRoute): CompiledRoute {
    const done = compiled.get(route.name);
    if (done) return done;
    const base = { kind: 'route', name: route.name, taskType: route.task_type, view: routeView(route) } as const;
    let result: CompiledRoute;
    if (route.routing_strategy === 'FALLBACK') {
      result = { ...base, strategy: 'FALLBACK', destinations: route.destinations.map((destination) => targetNamed(destination.name)) };
    } else {
      let total = 0;
      const destinations = route.destinations
        .filter((destination) => destination.traffic_percentage! > 0)
        .map((destination) => {
          total += destination.traffic_percentage! / 100;
          return { target: targetNamed(destination.name), upTo: total };
        });
      result = { ...base, strategy: 'TRAFFIC_SPLIT', destinations };
    }
    compiled.set(route.name, result);
    return result;
  }

  for (const route of routes) compileRoute(route);
  // Config order, for readers of the map.
  return new Map(routes.map((route) => [route.name, compiled.get(route.name)!] as const));
}

/** What `GET /v1/models` lists: every name a client may pass as `model`, with its owner. */
function modelViews(endpoints: readonly CompiledEndpoint[], routes: ReadonlyMap<string, CompiledRoute>, loadedAt: number): ModelView[] {
  const model = (id: string, owner: string): ModelView => ({ id, object: 'model', created: loadedAt, owned_by: owner });
  return [...endpoints.map((endpoint) => model(endpoint.name, endpoint.provider)), ...[...routes.keys()].map((name) => model(name, 'llm-gateway'))];
}

/** The keys of every counter the plan's limits count in: its endpoints' and its client keys'. */
export function counterKeysOf(plan: GatewayPlan): Set<string> {
  const limiters = [...plan.endpoints.values(), ...(plan.auth?.keys ?? [])].map((holder) => holder.limiter);
  return new Set(limiters.flatMap((limiter) => limiter?.counterKeys ?? []));
}

/** Builds the plan; throws ConfigError (with YAML paths) when an endpoint cannot be served. */
export function compilePlan(config: GatewayConfig, filePath: string, options: CompileOptions = {}): GatewayPlan {
  return runWhole(planSteps(config, filePath, options));
}

/** compilePlan's work, the endpoints built in slices (runInSlices lets requests be served between them). */
export function* planSteps(config: GatewayConfig, filePath: string, options: CompileOptions = {}): Steps<GatewayPlan> {
  const now = options.now ?? defaultNow;
  // Only a config with limits opens a store (a Redis connection).
  const backend = () => options.limitBackend ?? limitBackendFor(config.rate_limit_store, () => options.logger ?? createLogger());
  const server = compileServerSettings(config.server);
  const logging = compileLoggingSettings(config.logging);
  const responseStore = compileResponseStoreSettings(config.response_store);
  const shared = { defaults: config.defaults, now, maxAnswerBytes: server.plan.maxAnswerBytes, backend, plugins: options.plugins, logger: options.logger };
  const issues: ConfigIssue[] = [];
  const endpoints = new Map<string, CompiledEndpoint>();
  const compiledOrIssues = yield* mapInSlices(config.endpoints, (endpoint, index) => compileEndpoint(endpoint, index, shared));
  for (const compiled of compiledOrIssues) {
    if ('path' in compiled) issues.push(compiled);
    else endpoints.set(compiled.name, compiled);
  }
  yield;
  // Everything else is checked too (against the config's names, not only the endpoints that
  // compiled), so that one error lists every problem.
  const names = new Set([...config.endpoints, ...(config.routes ?? [])].map((definition) => definition.name));
  issues.push(...(config.auth ? clientKeyIssues(config.auth, names) : []), ...server.issues, ...logging.issues, ...responseStore.issues);
  if (issues.length > 0) throw new ConfigError(filePath, issues);
  const routes = compileRoutes(config.routes ?? [], endpoints);
  const compiled = [...endpoints.values()];
  const catalog: Catalog = {
    endpointViews: compiled.map((endpoint) => endpoint.view),
    legacyViews: compiled.map((endpoint) => endpoint.legacyView),
    models: modelViews(compiled, routes, now()),
  };
  yield;
  const auth = yield* authSteps(config.auth, catalog, backend);
  // Checked above already; should the two checks ever differ, refuse rather than serve without keys.
  if (auth.issues.length > 0) throw new ConfigError(filePath, auth.issues);
  return {
    ...catalog,
    endpoints,
    routes,
    auth: auth.plan,
    logging: logging.plan,
    server: server.plan,
    responseStore: responseStore.plan,
  };
}
