/**
 * Compiles `auth:` into the table the server checks keys against. Only SHA-256 digests of the
 * keys are kept (a `sha256:<hex>` key is already one); the keys themselves go no further.
 */
import { createHash } from 'node:crypto';
import type { Auth, ClientKey } from '../../generated/config';
import { compileLimit, type EndpointLimiter, type LimitBackend } from '../limits/limiter';
import { catalogFor, catalogNames, type Catalog } from './catalog';
import type { ConfigIssue } from './config-error';
import { formatYamlPath } from './yaml-path';

export interface ClientKeyEntry {
  /** Shown in logs and metrics. */
  name: string;
  /** SHA-256 of the key. */
  digest: Buffer;
  /** Endpoints and traffic routes the key may call; null for all. */
  endpoints: ReadonlySet<string> | null;
  /** What the key sees in the list APIs and `/v1/models`: only what it may call. */
  catalog: Catalog;
  /** The key's own rate limit; null when it has none. */
  limiter: EndpointLimiter | null;
}

export interface AuthPlan {
  keys: readonly ClientKeyEntry[];
  publicDocs: boolean;
  publicEndpointList: boolean;
  publicMetrics: boolean;
}

const HASH_PREFIX = 'sha256:';

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function digestOf(key: string, path: string, issues: ConfigIssue[]): Buffer {
  if (!key.startsWith(HASH_PREFIX)) return sha256(key);
  const hex = key.slice(HASH_PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) issues.push({ path, message: "a 'sha256:' key must be followed by the 64 hexadecimal digits of the key's SHA-256" });
  return Buffer.from(hex, 'hex');
}

function limiterOf(entry: ClientKey, path: string, backend: () => LimitBackend, issues: ConfigIssue[]): EndpointLimiter | null {
  if (entry.limit === undefined) return null;
  const limiter = compileLimit({ subject: { kind: 'client key', name: entry.name }, limit: entry.limit, path, backend: backend() });
  if ('admit' in limiter) return limiter;
  issues.push(limiter);
  return null;
}

/**
 * The auth table, or null when the config has no `auth:`. `catalog` holds every endpoint and
 * route (the names a key may be limited to); `auth` holds resolved keys (secrets.ts).
 */
export function compileAuth(
  auth: Auth | undefined,
  catalog: Catalog,
  backend: () => LimitBackend,
): { plan: AuthPlan | null; issues: ConfigIssue[] } {
  if (auth === undefined) return { plan: null, issues: [] };
  const names = catalogNames(catalog);
  const issues: ConfigIssue[] = [];
  const seenNames = new Set<string>();
  const keys = auth.api_keys.map((entry, index): ClientKeyEntry => {
    const path = (field: string) => formatYamlPath(['auth', 'api_keys', index, field]);
    if (seenNames.has(entry.name)) issues.push({ path: path('name'), message: `duplicate key name '${entry.name}': each key needs its own name` });
    seenNames.add(entry.name);
    for (const name of entry.endpoints ?? []) {
      if (!names.has(name)) issues.push({ path: path('endpoints'), message: `'${name}' is not an endpoint or route of this config` });
    }
    const endpoints = entry.endpoints ? new Set(entry.endpoints) : null;
    return {
      name: entry.name,
      digest: digestOf(entry.key, path('key'), issues),
      endpoints,
      catalog: catalogFor(catalog, endpoints),
      limiter: limiterOf(entry, path('limit'), backend, issues),
    };
  });
  const digests = new Set(keys.map((key) => key.digest.toString('hex')));
  if (digests.size < keys.length) issues.push({ path: 'auth.api_keys', message: 'two entries hold the same key: each key must be unique so that it names one client' });
  return {
    plan: {
      keys,
      publicDocs: auth.public_docs ?? true,
      publicEndpointList: auth.public_endpoint_list ?? false,
      publicMetrics: auth.public_metrics ?? false,
    },
    issues,
  };
}
