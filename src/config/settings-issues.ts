/**
 * The rules compilePlan applies to `server:`, `logging:`, `response_store:`, `auth:`, limits and `rate_limit_store:`,
 * checked without building anything (no connection pool, no rate-limit store), so that the config
 * check reports them with the file's other problems, and a refused reload has no side effects.
 * A value with a schema problem, or a secret that could not be resolved, is not judged further:
 * whatever else it broke follows from that problem. The other keys of its section still are.
 */
import type { Auth, Logging, ResponseStore, ServerSettings } from '../../generated/config';
import { renewalPeriodIssue } from '../limits/limiter';
import { parseRedisAddress, redisDatabaseIssue } from '../limits/redis-store';
import { clientKeyIssues } from './client-keys';
import type { ConfigIssue } from './config-error';
import { compileLoggingSettings } from './logging-settings';
import { compileResponseStoreSettings } from './response-store-settings';
import { COMPARED_KEYS, compileServerSettings } from './server-settings';
import { formatYamlPath, isRecord } from './yaml-path';

/** `document`: the config with its secrets resolved; `unresolved`: the paths of secrets that were not. */
export function settingsIssues(document: Record<string, unknown>, structuralIssues: readonly ConfigIssue[], unresolved: ReadonlySet<string>): ConfigIssue[] {
  const isSound = (path: string) => !structuralIssues.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`));
  const issues: ConfigIssue[] = [];
  const judge = <Settings>(section: string, compile: (settings: Settings | undefined) => { issues: ConfigIssue[] }) => {
    const settings = soundKeys(section, document[section], isSound);
    if (isSound(section) || settings !== undefined) issues.push(...compile(settings as Settings | undefined).issues);
  };
  judge<ServerSettings>('server', compileServerSettings);
  judge<Logging>('logging', compileLoggingSettings);
  judge<ResponseStore>('response_store', compileResponseStoreSettings);
  const auth = document.auth;
  if (isRecord(auth) && Array.isArray(auth.api_keys)) issues.push(...clientKeyIssues(auth as unknown as Auth, definedNames(document), unresolved, isSound));
  issues.push(...endpointLimitIssues(document.endpoints, isSound));
  if (isSound('rate_limit_store')) issues.push(...addressIssues(document.rate_limit_store));
  if (isSound('rate_limit_store') && !unresolved.has('rate_limit_store.url')) issues.push(...rateLimitStoreIssues(document.rate_limit_store));
  return issues;
}

/**
 * The keys of a settings section the schema let through, so that one refused value does not hide
 * another's problem (`max_json_depth: 0` beside `max_body_size: 600mb`). A key compared with a
 * refused one (headers_timeout with request_timeout) is left out too: it keeps its default there.
 * Undefined for a section that is not a mapping (absent, or refused as a whole).
 */
function soundKeys(section: string, settings: unknown, isSound: (path: string) => boolean): Record<string, unknown> | undefined {
  if (!isRecord(settings)) return undefined;
  const refused = Object.keys(settings).filter((key) => !isSound(`${section}.${key}`));
  const compared = COMPARED_KEYS.filter((group) => group.some((key) => refused.includes(key))).flat();
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !refused.includes(key) && !compared.includes(key)));
}

/** Endpoint and route names: what a client key may be limited to. */
function definedNames(document: Record<string, unknown>): Set<string> {
  const listed = [document.endpoints, document.routes].flatMap((list) => (Array.isArray(list) ? list : []));
  return new Set(listed.flatMap((definition: unknown) => (isRecord(definition) && typeof definition.name === 'string' ? [definition.name] : [])));
}

function endpointLimitIssues(endpoints: unknown, isSound: (path: string) => boolean): ConfigIssue[] {
  if (!Array.isArray(endpoints)) return [];
  return endpoints.flatMap((endpoint: unknown, index) => {
    const path = formatYamlPath(['endpoints', index, 'limit']);
    // The period is judged on its own: a refused `calls` beside it does not make it right.
    if (!isRecord(endpoint) || !isRecord(endpoint.limit) || typeof endpoint.limit.renewal_period !== 'string' || !isSound(`${path}.renewal_period`)) return [];
    const issue = renewalPeriodIssue({ kind: 'endpoint', name: String(endpoint.name) }, endpoint.limit as { renewal_period: string }, path);
    return issue ? [issue] : [];
  });
}

/** Not quoted: a mistaken address may hold a password (`user:pw@host:port`). */
function addressIssues(store: unknown): ConfigIssue[] {
  if (!isRecord(store)) return [];
  if (store.sentinels !== undefined && store.cluster_nodes !== undefined) {
    return [{ path: 'rate_limit_store.cluster_nodes', message: 'cannot be set with sentinels: a store is one Redis server, a Sentinel-managed master or a Redis Cluster' }];
  }
  const listed = (key: 'sentinels' | 'cluster_nodes', what: string, example: string) =>
    (Array.isArray(store[key]) ? (store[key] as string[]) : []).flatMap((address, index) =>
      parseRedisAddress(address) === null ? [{ path: formatYamlPath(['rate_limit_store', key, index]), message: `must be ${what} host:port, e.g. 127.0.0.1:${example} or [::1]:${example} (port 1 to 65535)` }] : [],
    );
  return [...listed('sentinels', "a Sentinel's", '26379'), ...listed('cluster_nodes', "a cluster node's", '6379')];
}

/** Checked once resolved (it may be `$REDIS_URL`); the value may hold a password, so it is never quoted. */
function rateLimitStoreIssues(store: unknown): ConfigIssue[] {
  const url = isRecord(store) ? store.url : undefined;
  if (typeof url !== 'string' || url.startsWith('$')) return [];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'redis:' && parsed?.protocol !== 'rediss:') {
    return [{ path: 'rate_limit_store.url', message: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0' }];
  }
  if (isRecord(store) && store.cluster_nodes !== undefined) return clusterUrlIssues(parsed);
  const database = redisDatabaseIssue(parsed);
  return database === null ? [] : [{ path: 'rate_limit_store.url', message: database }];
}

/** Only the URL's user, password and TLS (`rediss://`) reach a cluster's nodes: anything else it says would be dropped. */
function clusterUrlIssues(url: URL): ConfigIssue[] {
  const database = url.pathname.length > 1 ? url.pathname.slice(1) : url.searchParams.get('db');
  if (database !== null && database !== '0') return [{ path: 'rate_limit_store.url', message: 'must name database 0 or none with cluster_nodes: a Redis Cluster has no other' }];
  return [];
}
