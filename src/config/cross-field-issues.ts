/**
 * Cross-field rules MLflow applies to a config beyond the schema (reference §2.2, §2.3, §2.5):
 * unique names, the OpenAI/Azure settings that go together, MosaicML and AI21 model names, route
 * destinations (existing, of the route's type, no cycles, percentages adding up to 100), and the
 * keys of older layouts MLflow refuses. They read the document defensively so that they still run,
 * and report, when the schema found problems too.
 */
import type { EndpointType } from '../../generated/config';
import { isJambaModel } from '../providers/ai21labs/models';
import { deploymentBaseProblem, hasV1Path } from '../providers/openai/azure-base';
import type { ConfigIssue } from './config-error';
import { ENDPOINT_TYPES } from './normalise';
import { quotedValue } from './secret-like-keys';
import { childPath, formatYamlPath, isRecord } from './yaml-path';
import { quoted } from './quoted';

/** The keys of layouts MLflow no longer reads: `route_type` on an endpoint, a `model` under `routes` (2.x). */
export function deprecatedKeyIssues(document: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const { index, value } of recordsIn(document.endpoints)) {
    if ('route_type' in value) {
      issues.push({
        path: formatYamlPath(['endpoints', index, 'route_type']),
        message:
          "The 'route_type' configuration key is not supported in the configuration file. Use 'endpoint_type' instead.",
      });
    }
  }
  for (const { index, value } of recordsIn(document.routes)) {
    if ('model' in value) {
      issues.push({
        path: formatYamlPath(['routes', index]),
        message:
          "'routes' holds traffic-split routes (name, task_type, destinations); endpoint definitions with a 'model' belong under 'endpoints' (the MLflow 2.x layout is not supported)",
      });
    }
  }
  return issues;
}

interface Entry {
  index: number;
  value: Record<string, unknown>;
}

function recordsIn(list: unknown): Entry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => (isRecord(value) ? [{ index, value }] : []));
}

/** The cross-field problems of the endpoints and routes: names, model settings, destinations, cycles. */
export function semanticIssues(document: Record<string, unknown>): ConfigIssue[] {
  const endpoints = recordsIn(document.endpoints);
  const routes = recordsIn(document.routes);
  // Built once: per route, it would make the check quadratic in the size of the config.
  const destinations = destinationsByName(endpoints, routes);
  return [
    ...duplicateNameIssues(endpoints, routes),
    ...endpoints.flatMap(modelIssues),
    ...routes.flatMap((route) => routeIssues(route, destinations)),
    ...routeCycleIssues(endpoints, routes),
  ];
}

function duplicateNameIssues(endpoints: Entry[], routes: Entry[]): ConfigIssue[] {
  const firstUse = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  const named = [
    ...endpoints.map((entry) => ({ section: 'endpoints', ...entry })),
    ...routes.map((entry) => ({ section: 'routes', ...entry })),
  ];
  for (const { section, index, value } of named) {
    if (typeof value.name !== 'string') continue;
    const path = formatYamlPath([section, index, 'name']);
    const first = firstUse.get(value.name);
    if (first === undefined) {
      firstUse.set(value.name, path);
    } else {
      issues.push({
        path,
        message: `duplicate name ${quoted(value.name)} (already used at ${first}): endpoint and route names must be unique`,
      });
    }
  }
  return issues;
}

function modelIssues({ index, value: endpoint }: Entry): ConfigIssue[] {
  const model = endpoint.model;
  if (!isRecord(model)) return [];
  const modelPath = formatYamlPath(['endpoints', index, 'model']);
  switch (model.provider) {
    case 'openai':
      return openAiIssues(model.config, childPath(modelPath, 'config'), { name: model.name, path: childPath(modelPath, 'name') });
    case 'mosaicml':
      return endpoint.endpoint_type === 'llm/v1/chat' ? mosaicMlChatIssues(model.name, childPath(modelPath, 'name')) : [];
    case 'ai21labs':
      return ai21LabsIssues(endpoint.endpoint_type, model.name, childPath(modelPath, 'name'));
    default:
      return [];
  }
}

/** Keys an azure type with a `/openai/v1` base (Azure's v1 API) does not use: the deployment goes as `model`, and the v1 API has no api-version. */
const V1_BASE_UNUSED_KEYS: Record<string, string> = {
  openai_deployment_name:
    "is not used when 'openai_api_base' is Azure's v1 API (/openai/v1): the deployment goes as the model's name (model.name); " +
    'for the deployment API give the resource alone (https://<resource>.openai.azure.com) as openai_api_base',
  openai_api_version:
    "is not used when 'openai_api_base' is Azure's v1 API (/openai/v1), which takes no api-version; " +
    'for the deployment API give the resource alone (https://<resource>.openai.azure.com) as openai_api_base',
};

/**
 * Bases the azure types cannot call: they add `/openai/deployments/<deployment>` and `?api-version=`
 * to the base, so a base that has them already gives a URL Azure answers with 404 on every request
 * (MLflow takes the config all the same).
 */
const DEPLOYMENT_BASE_MESSAGES = {
  'deployment-url':
    "is a deployment's URL (/openai/deployments/...), but the azure types add /openai/deployments/<deployment> and ?api-version= to the base themselves: " +
    'give the resource alone (https://<resource>.openai.azure.com), with the deployment as openai_deployment_name and the version as openai_api_version',
  'openai-path':
    'ends in /openai, which the azure types add to the base themselves (with /deployments/<deployment> and ?api-version=): ' +
    'give the resource alone (https://<resource>.openai.azure.com), or https://<resource>.openai.azure.com/openai/v1 for the v1 API',
} as const;

/** Azure's v1 API takes the deployment as `model`: without a model name every request is Azure's 400. */
const V1_BASE_MISSING_NAME =
  "is required when 'openai_api_base' is Azure's v1 API (/openai/v1): it is the deployment's name, sent as the request's model; " +
  'for the deployment API give the resource alone (https://<resource>.openai.azure.com) as openai_api_base, with openai_deployment_name and openai_api_version';

function openAiIssues(config: unknown, configPath: string, modelName: { name: unknown; path: string }): ConfigIssue[] {
  if (!isRecord(config)) return [];
  const type = config.openai_api_type ?? 'openai';
  const isSet = (key: string): boolean => config[key] !== undefined && config[key] !== null;
  const clientIdIssues = isSet('azure_client_id') && (type !== 'azuread' || isSet('openai_api_key')) ? [{ path: childPath(configPath, 'azure_client_id'), message: AZURE_CLIENT_ID_UNUSED }] : [];
  return [...clientIdIssues, ...openAiTypeIssues(config, configPath, modelName)];
}

/** `azure_client_id` picks the identity the gateway gets Entra ID tokens as, which only an azuread endpoint without a key does. */
const AZURE_CLIENT_ID_UNUSED = "can only be set if 'openai_api_type' is 'azuread' and 'openai_api_key' is not set: it is the managed identity the gateway gets Entra ID tokens as";

function openAiTypeIssues(config: Record<string, unknown>, configPath: string, modelName: { name: unknown; path: string }): ConfigIssue[] {
  const type = config.openai_api_type ?? 'openai';
  const isSet = (key: string): boolean => config[key] !== undefined && config[key] !== null;
  if (type === 'openai') {
    return isSet('openai_deployment_name')
      ? [
          {
            path: childPath(configPath, 'openai_deployment_name'),
            message: "can only be set if 'openai_api_type' is 'azure' or 'azuread'. Found type: 'openai'",
          },
        ]
      : [];
  }
  if (type !== 'azure' && type !== 'azuread') return [];
  const issues: ConfigIssue[] = [];
  if (isSet('openai_organization')) {
    issues.push({
      path: childPath(configPath, 'openai_organization'),
      message: `can only be set if 'openai_api_type' is 'openai'. Found type: ${quoted(String(type))}`,
    });
  }
  if (hasV1Path(config.openai_api_base)) {
    if (typeof modelName.name !== 'string' || modelName.name === '') issues.push({ path: modelName.path, message: V1_BASE_MISSING_NAME });
    for (const [key, message] of Object.entries(V1_BASE_UNUSED_KEYS)) {
      if (isSet(key)) issues.push({ path: childPath(configPath, key), message });
    }
    return issues;
  }
  const baseProblem = typeof config.openai_api_base === 'string' ? deploymentBaseProblem(config.openai_api_base) : null;
  if (baseProblem) issues.push({ path: childPath(configPath, 'openai_api_base'), message: DEPLOYMENT_BASE_MESSAGES[baseProblem] });
  for (const key of ['openai_api_base', 'openai_deployment_name', 'openai_api_version']) {
    if (!isSet(key)) {
      issues.push({
        path: childPath(configPath, key),
        message:
          "is required: OpenAI configuration must specify 'openai_api_base', 'openai_deployment_name', and 'openai_api_version' if 'openai_api_type' is 'azure' or 'azuread'",
      });
    }
  }
  return issues;
}

function mosaicMlChatIssues(name: unknown, namePath: string): ConfigIssue[] {
  if (typeof name === 'string' && name.toLowerCase().startsWith('llama2')) return [];
  return [
    {
      path: namePath,
      message: `An invalid model has been specified for the chat route: ${quoteName(name)}. Ensure the model selected starts with one of: ['llama2']`,
    },
  ];
}

const ai21LabsModels = ['j2-ultra', 'j2-mid', 'j2-light'];

/**
 * MLflow's completions take the Jurassic-2 names only; AI21 retired those, so a Jamba model
 * (`jamba-*`, served through AI21's chat API) is taken too. Chat takes Jamba models only.
 */
function ai21LabsIssues(endpointType: unknown, name: unknown, namePath: string): ConfigIssue[] {
  if (isJambaModel(name)) return [];
  if (endpointType === 'llm/v1/chat') {
    return [
      {
        path: namePath,
        message: `An unsupported AI21Labs model has been specified for the chat route: ${quoteName(name)}. Supported models: AI21's Jamba models (jamba-large, jamba-mini, or a version such as jamba-mini-1.7)`,
      },
    ];
  }
  if (typeof name === 'string' && ai21LabsModels.includes(name)) return [];
  return [
    {
      path: namePath,
      message: `An unsupported AI21Labs model has been specified: ${quoteName(name)}. Supported models: ${ai21LabsModels.join(', ')}, or AI21's Jamba models (jamba-*)`,
    },
  ];
}

function quoteName(name: unknown): string {
  return typeof name === 'string' ? quoted(name) : 'no model name';
}

function isEndpointType(value: unknown): value is EndpointType {
  return (ENDPOINT_TYPES as readonly unknown[]).includes(value);
}

/** What a destination may name: an endpoint (its type) or a route (its task type). */
interface Destination {
  kind: 'endpoint' | 'route';
  type: unknown;
}

function destinationsByName(endpoints: Entry[], routes: Entry[]): Map<unknown, Destination> {
  const byName = new Map<unknown, Destination>();
  for (const { value } of routes) byName.set(value.name, { kind: 'route', type: value.task_type });
  // An endpoint wins over a route of the same name (a duplicate, reported on its own).
  for (const { value } of endpoints) byName.set(value.name, { kind: 'endpoint', type: value.endpoint_type });
  return byName;
}

function isFallback(route: Record<string, unknown>): boolean {
  return route.routing_strategy === 'FALLBACK';
}

function routeIssues({ index, value: route }: Entry, destinations: ReadonlyMap<unknown, Destination>): ConfigIssue[] {
  if (!Array.isArray(route.destinations) || route.destinations.length === 0) return [];
  const routeName = typeof route.name === 'string' ? route.name : formatYamlPath(['routes', index]);
  const listed = new Set<string>();
  const issues: ConfigIssue[] = [];
  route.destinations.forEach((destination: unknown, position) => {
    if (!isRecord(destination) || typeof destination.name !== 'string') return;
    const path = formatYamlPath(['routes', index, 'destinations', position, 'name']);
    const named = destinations.get(destination.name);
    if (named === undefined) {
      issues.push({
        path,
        message: `The route destination name must be an endpoint or route name, but the route ${quoted(routeName)} has an invalid destination name ${quotedValue(destination.name)}`,
      });
    } else if (isEndpointType(route.task_type) && isEndpointType(named.type) && named.type !== route.task_type) {
      issues.push({
        path,
        message: `The route destination endpoint types in the route ${quoted(routeName)} must have endpoint type '${route.task_type}' but got endpoint type '${named.type}' (${named.kind} ${quoted(destination.name)})`,
      });
    }
    if (isFallback(route) && listed.has(destination.name)) {
      issues.push({ path, message: `${quoted(destination.name)} is listed twice in the FALLBACK route ${quoted(routeName)}: each destination is tried once` });
    }
    listed.add(destination.name);
  });
  if (isFallback(route)) return issues;
  return [...issues, ...percentageSumIssues(route.destinations, routeName, formatYamlPath(['routes', index, 'destinations']))];
}

/**
 * Routes may name routes, but no route may reach itself. Each cycle is reported once, at the
 * destination that closes it, with the whole chain.
 */
function routeCycleIssues(endpoints: Entry[], routes: Entry[]): ConfigIssue[] {
  // A name used by an endpoint and a route means the endpoint (the duplicate is reported on its own).
  const endpointNames = new Set(endpoints.map(({ value }) => value.name));
  const byName = new Map(
    routes.filter(({ value }) => typeof value.name === 'string' && !endpointNames.has(value.name)).map((entry) => [entry.value.name as string, entry]),
  );
  const done = new Set<string>();
  const issues: ConfigIssue[] = [];

  /** `chain`: the routes from where the walk started down to `name`, inclusive. */
  function visit(name: string, chain: string[]): void {
    if (done.has(name)) return;
    const { index, value } = byName.get(name)!;
    const destinations = Array.isArray(value.destinations) ? value.destinations : [];
    destinations.forEach((destination: unknown, position) => {
      const next = isRecord(destination) ? destination.name : undefined;
      if (typeof next !== 'string' || !byName.has(next)) return;
      if (chain.includes(next)) {
        const cycle = [...chain.slice(chain.indexOf(next)), next].map(quoted).join(' -> ');
        issues.push({ path: formatYamlPath(['routes', index, 'destinations', position, 'name']), message: `routes must not form a cycle, but ${cycle} does` });
      } else {
        visit(next, [...chain, next]);
      }
    });
    done.add(name);
  }

  for (const name of byName.keys()) visit(name, [name]);
  return issues;
}

function percentageSumIssues(destinations: unknown[], routeName: string, path: string): ConfigIssue[] {
  const percentages = destinations.map((destination) => (isRecord(destination) ? destination.traffic_percentage : undefined));
  // A missing or non-integer percentage already has its own schema issue; a sum of it would only add noise.
  if (!percentages.every(Number.isInteger)) return [];
  const sum = (percentages as number[]).reduce((total, percentage) => total + percentage, 0);
  if (sum === 100) return [];
  return [
    {
      path,
      message: `the traffic percentage sum of destinations must be 100, but route ${quoted(routeName)} adds up to ${sum}`,
    },
  ];
}
