/**
 * Loads an MLflow AI Gateway config file: read, parse (YAML), normalise spellings, validate against
 * config-schema/gateway-config.schema.json, apply MLflow's cross-field rules, resolve secrets,
 * check the rules compilePlan applies to settings (settings-issues.ts) and what the built-in
 * providers refuse when building an endpoint (provider-endpoint.ts). Every problem of the file is
 * reported at once in one ConfigError, each located by its YAML path, in document order; nothing
 * here builds anything that outlives the check (no pool, client, store or plugin import), so a
 * refused config (on reload) has no side effects.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CORE_SCHEMA, load as parseYaml, Type as YamlType, YAMLException } from 'js-yaml';
import type { EndpointType, GatewayConfig } from '../../generated/config';
import { discoverPlugins } from '../plugins/catalog';
import { ConfigError, type ConfigIssue } from './config-error';
import { ENDPOINT_TYPES, normaliseConfig } from './normalise';
import { pluginProviderIssues } from './plugin-issues';
import { endpointBuildIssues } from './provider-endpoint';
import { schemaIssues } from './schema-issues';
import { settingsIssues } from './settings-issues';
import { resolveConfigSecrets } from './secrets';
import { childPath, formatYamlPath, isRecord } from './yaml-path';

/** How a config file is loaded. */
export interface LoadOptions {
  /** Where `$NAME` secrets are looked up; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Filled with each secret file read: absolute path → its text. */
  secretFiles?: Map<string, string>;
  /** On reload: the secret files the served config read, which must still exist. */
  servedSecretFiles?: ReadonlyMap<string, string>;
  /** In a `--workers` worker: the secret files as the primary read them, used instead of the disk. */
  secretFileContents?: ReadonlyMap<string, string>;
}

/** Reads, parses, validates and normalises a config file; throws ConfigError listing every problem. */
export function loadConfigFile(filePath: string, options: LoadOptions = {}): GatewayConfig {
  return parseConfigText(readConfigFile(filePath), filePath, options);
}

/**
 * Same as loadConfigFile, from text. `filePath` is only used in messages and as the directory
 * that relative secret file paths start from.
 */
export function parseConfigText(text: string, filePath: string, options: LoadOptions = {}): GatewayConfig {
  const document = parseDocument(text, filePath);
  const normalised = normaliseConfig(document);
  const structuralIssues = schemaIssues(normalised);
  const plugins = discoverPlugins(normalised.plugins, filePath);
  // Secrets resolve even beside schema problems, so that an unset `$ENV_VAR` is reported with them.
  const sources = { env: options.env ?? process.env, baseDirectory: dirname(resolve(filePath)), filesRead: options.secretFiles, filesServed: options.servedSecretFiles, fileContents: options.secretFileContents };
  const resolved = resolveConfigSecrets(normalised, sources);
  // A secret the schema refuses (not a string, missing) has its schema issue; resolving adds nothing.
  const secretIssues = resolved.issues.filter((issue) => !structuralIssues.some((structural) => structural.path === issue.path));
  // A secret that could not be resolved has its own issue; later rules would only judge the reference.
  const unresolved = new Set(resolved.issues.map((issue) => issue.path));
  const issues = [
    ...deprecatedKeyIssues(document),
    ...structuralIssues,
    ...semanticIssues(normalised),
    ...plugins.issues,
    ...secretIssues,
    ...pluginProviderIssues(normalised, plugins, resolved.config).filter((issue) => !unresolved.has(issue.path)),
    ...settingsIssues(resolved.config, structuralIssues, unresolved),
  ];
  // Last: only an endpoint without a problem of its own (an unresolved secret included) is built.
  issues.push(...endpointBuildIssues(resolved.config, [...issues, ...resolved.issues]));
  if (issues.length > 0) throw new ConfigError(filePath, orderIssues(uniqueIssues(issues), Object.keys(document)));
  return resolved.config as unknown as GatewayConfig;
}

/** The file's text; throws ConfigError (same messages as loadConfigFile) when it cannot be read. */
export function readConfigFile(filePath: string): string {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `${filePath} does not exist`
        : code === 'EISDIR'
          ? `${filePath} is a directory, not a config file`
          : `cannot read ${filePath} (${code ?? 'unknown error'})`;
    throw new ConfigError(filePath, [{ path: '', message }]);
  }
}

// YAML 1.2 core types (so `2023-05-15` stays a string; PyYAML makes it a date that MLflow then
// rejects) plus `<<` merge keys, which PyYAML's safe loader honours and MLflow configs may use.
// The merge type is js-yaml's own definition; its typings do not export `types.merge`.
const mergeKeyType = new YamlType('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
});

/** PyYAML's booleans (YAML 1.1): YAML 1.2 has only true/false, so `public_docs: no` would be a string. */
const YAML_1_1_BOOLEANS: Record<string, boolean> = Object.fromEntries(
  ['yes', 'no', 'true', 'false', 'on', 'off'].flatMap((word) => {
    const value = word === 'yes' || word === 'true' || word === 'on';
    const spellings = [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()];
    return spellings.map((spelling) => [spelling, value]);
  }),
);
// Same tag as the core schema's boolean, so it replaces that one.
const booleanType = new YamlType('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && Object.hasOwn(YAML_1_1_BOOLEANS, data),
  construct: (data: string) => YAML_1_1_BOOLEANS[data],
  predicate: (value: unknown) => typeof value === 'boolean',
});
const configYamlSchema = CORE_SCHEMA.extend({ implicit: [mergeKeyType, booleanType] });

function parseDocument(text: string, filePath: string): Record<string, unknown> {
  let document: unknown;
  try {
    // `json: true` lets a repeated key win over the earlier one, as PyYAML does, instead of failing.
    document = parseYaml(text, { schema: configYamlSchema, json: true });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw new ConfigError(filePath, [{ path: '', message: yamlErrorMessage(filePath, error) }]);
  }
  if (document === undefined || document === null) {
    throw new ConfigError(filePath, [{ path: '', message: "the file is empty: it must be a mapping with an 'endpoints' list" }]);
  }
  if (!isRecord(document)) {
    throw new ConfigError(filePath, [{ path: '', message: "the file must be a mapping with an 'endpoints' list" }]);
  }
  return document;
}

/** Reason and position only: js-yaml's full message quotes the surrounding lines, which may hold secrets. */
function yamlErrorMessage(filePath: string, error: YAMLException): string {
  const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
  const position = mark ? ` (line ${mark.line + 1}, column ${mark.column + 1})` : '';
  return `The file at ${filePath} is not a valid yaml file: ${error.reason}${position}`;
}

function deprecatedKeyIssues(document: Record<string, unknown>): ConfigIssue[] {
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

// ---------------------------------------------------------------------------------------------
// Cross-field rules MLflow applies beyond the schema (reference §2.2, §2.3, §2.5). They read the
// document defensively so that they still run, and report, when the schema found problems too.

interface Entry {
  index: number;
  value: Record<string, unknown>;
}

function recordsIn(list: unknown): Entry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => (isRecord(value) ? [{ index, value }] : []));
}

function semanticIssues(document: Record<string, unknown>): ConfigIssue[] {
  const endpoints = recordsIn(document.endpoints);
  const routes = recordsIn(document.routes);
  return [
    ...duplicateNameIssues(endpoints, routes),
    ...endpoints.flatMap(modelIssues),
    ...routes.flatMap((route) => routeIssues(route, endpoints, routes)),
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
        message: `duplicate name '${value.name}' (already used at ${first}): endpoint and route names must be unique`,
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
      return openAiIssues(model.config, childPath(modelPath, 'config'));
    case 'mosaicml':
      return endpoint.endpoint_type === 'llm/v1/chat' ? mosaicMlChatIssues(model.name, childPath(modelPath, 'name')) : [];
    case 'ai21labs':
      return ai21LabsIssues(model.name, childPath(modelPath, 'name'));
    default:
      return [];
  }
}

function openAiIssues(config: unknown, configPath: string): ConfigIssue[] {
  if (!isRecord(config)) return [];
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
      message: `can only be set if 'openai_api_type' is 'openai'. Found type: '${type}'`,
    });
  }
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

function ai21LabsIssues(name: unknown, namePath: string): ConfigIssue[] {
  if (typeof name === 'string' && ai21LabsModels.includes(name)) return [];
  return [
    {
      path: namePath,
      message: `An unsupported AI21Labs model has been specified: ${quoteName(name)}. Supported models: ${ai21LabsModels.join(', ')}`,
    },
  ];
}

function quoteName(name: unknown): string {
  return typeof name === 'string' ? `'${name}'` : 'no model name';
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

function routeIssues({ index, value: route }: Entry, endpoints: Entry[], routes: Entry[]): ConfigIssue[] {
  if (!Array.isArray(route.destinations) || route.destinations.length === 0) return [];
  const routeName = typeof route.name === 'string' ? route.name : formatYamlPath(['routes', index]);
  const destinations = destinationsByName(endpoints, routes);
  const listed = new Set<string>();
  const issues: ConfigIssue[] = [];
  route.destinations.forEach((destination: unknown, position) => {
    if (!isRecord(destination) || typeof destination.name !== 'string') return;
    const path = formatYamlPath(['routes', index, 'destinations', position, 'name']);
    const named = destinations.get(destination.name);
    if (named === undefined) {
      issues.push({
        path,
        message: `The route destination name must be an endpoint or route name, but the route '${routeName}' has an invalid destination name '${destination.name}'`,
      });
    } else if (isEndpointType(route.task_type) && isEndpointType(named.type) && named.type !== route.task_type) {
      issues.push({
        path,
        message: `The route destination endpoint types in the route '${routeName}' must have endpoint type '${route.task_type}' but got endpoint type '${named.type}' (${named.kind} '${destination.name}')`,
      });
    }
    if (isFallback(route) && listed.has(destination.name)) {
      issues.push({ path, message: `'${destination.name}' is listed twice in the FALLBACK route '${routeName}': each destination is tried once` });
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
        const cycle = [...chain.slice(chain.indexOf(next)), next].map((item) => `'${item}'`).join(' -> ');
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
      message: `the traffic percentage sum of destinations must be 100, but route '${routeName}' adds up to ${sum}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

function uniqueIssues(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Document order: top-level sections as the file lists them (file-wide problems first), the issues
 * of one endpoint or route together in list order; stable within a group.
 */
function orderIssues(issues: ConfigIssue[], sectionsInFile: string[]): ConfigIssue[] {
  const sectionRank = (section: string): number => (section === '' ? -1 : sectionsInFile.includes(section) ? sectionsInFile.indexOf(section) : sectionsInFile.length);
  const groupOf = (path: string): [number, number] => {
    const match = /^(endpoints|routes)\[(\d+)\]/.exec(path);
    if (match) return [sectionRank(match[1]), Number(match[2])];
    return [sectionRank(path.split(/[.[]/)[0]), -1];
  };
  return issues
    .map((issue, order) => ({ issue, order, group: groupOf(issue.path) }))
    .sort((a, b) => a.group[0] - b.group[0] || a.group[1] - b.group[1] || a.order - b.order)
    .map(({ issue }) => issue);
}
