/**
 * Compiles a loaded config into the plan the request path reads: provider endpoints (URLs,
 * headers, pools built once), parameter defaults, the management views, and traffic routes.
 * Nothing here runs per request.
 */
import type { Defaults, Endpoint, Limit, TrafficRoute } from '../../generated/config';
import { adapterFor } from '../providers';
import type { ProviderEndpoint } from '../providers/types';
import type { EndpointType, EndpointView, GatewayConfig, LegacyRouteView, ProviderName, TrafficRouteView } from '../schema';
import { resolveCallPolicy, type CallPolicy } from './call-policy';
import { compileAuth, type AuthPlan } from './client-keys';
import { ConfigError, type ConfigIssue } from './config-error';
import { compileServerSettings, type ServerPlan } from './server-settings';

/** Keys of `model.config` that are request parameter defaults rather than provider settings. */
const PARAMETER_DEFAULT_KEYS = ['temperature', 'top_p', 'top_k', 'max_tokens', 'n', 'stop', 'presence_penalty', 'frequency_penalty', 'seed'] as const;

export interface CompiledEndpoint {
  name: string;
  endpointType: EndpointType;
  provider: ProviderName;
  /** Display name for messages, e.g. `OpenAI`. */
  providerDisplayName: string;
  target: ProviderEndpoint;
  /** Parameter defaults from `model.config`, applied when the client sends none. */
  defaults: Readonly<Record<string, unknown>>;
  limit: Limit | null;
  /** Timeouts and retries of its upstream calls. */
  callPolicy: CallPolicy;
  view: EndpointView;
  legacyView: LegacyRouteView;
}

export interface CompiledRoute {
  name: string;
  taskType: EndpointType;
  view: TrafficRouteView;
  /** Destinations with a non-zero share, each with its cumulative upper bound in [0, 1]. */
  destinations: { endpoint: CompiledEndpoint; upTo: number }[];
}

export interface GatewayPlan {
  endpoints: ReadonlyMap<string, CompiledEndpoint>;
  /** In config order, for the list APIs. */
  endpointViews: readonly EndpointView[];
  legacyViews: readonly LegacyRouteView[];
  routes: ReadonlyMap<string, CompiledRoute>;
  /** Client keys; null when the config has no `auth:` (every request is let in). */
  auth: AuthPlan | null;
  logging: { bodies: boolean };
  /** Limits on what clients send. */
  server: ServerPlan;
}

export interface CompileOptions {
  /** Unix seconds; injectable for tests. */
  now?: () => number;
}

const defaultNow = () => Math.floor(Date.now() / 1000);

function pickDefaults(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const key of PARAMETER_DEFAULT_KEYS) {
    if (config?.[key] !== undefined) defaults[key] = config[key];
  }
  return Object.freeze(defaults);
}

function limitView(limit: Limit | undefined): EndpointView['limit'] {
  return limit ? { calls: limit.calls, renewal_period: limit.renewal_period, key: limit.key ?? null } : null;
}

function compileEndpoint(endpoint: Endpoint, index: number, defaults: Defaults | undefined, now: () => number): CompiledEndpoint | ConfigIssue {
  const provider = endpoint.model.provider;
  const adapter = adapterFor(provider);
  if (!adapter.endpointTypes.includes(endpoint.endpoint_type)) {
    return {
      path: `endpoints[${index}].endpoint_type`,
      message: `endpoint '${endpoint.name}': provider '${provider}' does not support ${endpoint.endpoint_type} (it supports ${adapter.endpointTypes.join(', ')})`,
    };
  }
  const modelName = endpoint.model.name ?? null;
  const callPolicy = resolveCallPolicy(defaults, endpoint);
  const { connect, firstByte, idle } = callPolicy.timeouts;
  const timeouts = { connect, headers: firstByte, body: idle };
  let target: ProviderEndpoint;
  try {
    target = adapter.createEndpoint({ name: endpoint.name, endpointType: endpoint.endpoint_type, modelName, config: endpoint.model.config, timeouts, now });
  } catch (error) {
    return { path: `endpoints[${index}].model`, message: `endpoint '${endpoint.name}': ${(error as Error).message}` };
  }
  const model = { name: modelName, provider };
  const url = `/gateway/${endpoint.name}/invocations`;
  return {
    name: endpoint.name,
    endpointType: endpoint.endpoint_type,
    provider,
    providerDisplayName: adapter.displayName,
    target,
    defaults: endpoint.endpoint_type === 'llm/v1/embeddings' ? {} : pickDefaults(endpoint.model.config as Record<string, unknown> | undefined),
    limit: endpoint.limit ?? null,
    callPolicy,
    view: { name: endpoint.name, endpoint_type: endpoint.endpoint_type, model, endpoint_url: url, limit: limitView(endpoint.limit) },
    legacyView: { name: endpoint.name, route_type: endpoint.endpoint_type, model, route_url: url, limit: limitView(endpoint.limit) },
  };
}

function compileRoute(route: TrafficRoute, endpoints: ReadonlyMap<string, CompiledEndpoint>): CompiledRoute {
  let total = 0;
  const destinations = route.destinations
    .filter((destination) => destination.traffic_percentage > 0)
    .map((destination) => {
      total += destination.traffic_percentage / 100;
      return { endpoint: endpoints.get(destination.name)!, upTo: total };
    });
  return {
    name: route.name,
    taskType: route.task_type,
    destinations,
    view: {
      name: route.name,
      task_type: route.task_type,
      destinations: route.destinations.map(({ name, traffic_percentage }) => ({ name, traffic_percentage })),
      routing_strategy: route.routing_strategy ?? 'TRAFFIC_SPLIT',
    },
  };
}

/** Builds the plan; throws ConfigError (with YAML paths) when an endpoint cannot be served. */
export function compilePlan(config: GatewayConfig, filePath: string, options: CompileOptions = {}): GatewayPlan {
  const now = options.now ?? defaultNow;
  const issues: ConfigIssue[] = [];
  const endpoints = new Map<string, CompiledEndpoint>();
  config.endpoints.forEach((endpoint, index) => {
    const compiled = compileEndpoint(endpoint, index, config.defaults, now);
    if ('path' in compiled) issues.push(compiled);
    else endpoints.set(compiled.name, compiled);
  });
  const routes = new Map((config.routes ?? []).map((route) => [route.name, compileRoute(route, endpoints)] as const));
  const auth = compileAuth(config.auth, new Set([...endpoints.keys(), ...routes.keys()]));
  const server = compileServerSettings(config.server);
  issues.push(...auth.issues, ...server.issues);
  if (issues.length > 0) throw new ConfigError(filePath, issues);
  const compiled = [...endpoints.values()];
  return {
    endpoints,
    endpointViews: compiled.map((endpoint) => endpoint.view),
    legacyViews: compiled.map((endpoint) => endpoint.legacyView),
    routes,
    auth: auth.plan,
    logging: { bodies: config.logging?.bodies ?? false },
    server: server.plan,
  };
}
