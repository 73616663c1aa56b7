/**
 * Compiles `auth:` into the table the server checks keys against. Only SHA-256 digests of the
 * keys are kept (a `sha256:<hex>` key is already one); the keys themselves go no further.
 */
import { createHash } from 'node:crypto';
import type { Auth, ClientKey } from '../../generated/config';
import { compileLimit, renewalPeriodIssue, type EndpointLimiter, type LimitBackend } from '../limits/limiter';
import { catalogNames, catalogPicker, type Catalog } from './catalog';
import type { ConfigIssue } from './config-error';
import { quotedValue } from './secret-like-keys';
import { mapInSlices, runWhole, type Steps } from './slices';
import { formatYamlPath, isRecord } from './yaml-path';
import { quoted } from './quoted';

export interface ClientKeyEntry {
  /** Shown in logs and metrics. */
  name: string;
  /** SHA-256 of the key. */
  digest: Buffer;
  /** Where the Responses API keeps this key's answers: its digest in hex, so that no other key reaches them. */
  storeSpace: string;
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

/** `sha256:<hex>` is a digest already; anything else is the key itself. */
function digestOf(key: string): Buffer {
  return key.startsWith(HASH_PREFIX) ? Buffer.from(key.slice(HASH_PREFIX.length), 'hex') : sha256(key);
}

/** Whether two resolved keys let in the same client: a key and its `sha256:` digest do. */
export function sameClientKey(a: string, b: string): boolean {
  return a === b || digestOf(a).equals(digestOf(b));
}

function limiterOf(entry: ClientKey, path: string, backend: () => LimitBackend): EndpointLimiter | null {
  if (entry.limit === undefined) return null;
  const limiter = compileLimit({ subject: { kind: 'client key', name: entry.name }, limit: entry.limit, path, backend });
  // clientKeyIssues has refused a bad renewal period before anything is compiled.
  return 'admit' in limiter ? limiter : null;
}

/**
 * What is wrong with `auth:` (resolved keys), without building anything: the config check runs it
 * with the others. `names`: the config's endpoint and route names. `unresolved`: the YAML paths of
 * keys whose secret could not be resolved (reported on their own): such a key is not compared.
 * `isSound`: whether the schema let the value at a YAML path through; a refused one is not judged
 * further, but it does not hide the problems of the other keys and fields.
 */
export function clientKeyIssues(
  auth: Auth,
  names: ReadonlySet<string>,
  unresolved: ReadonlySet<string> = new Set(),
  isSound: (path: string) => boolean = () => true,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seenNames = new Set<string>();
  const digests = new Set<string>();
  let sameKeyTwice = false;
  auth.api_keys.forEach((entry, index) => {
    const path = (field: string) => formatYamlPath(['auth', 'api_keys', index, field]);
    if (!isRecord(entry)) return;
    const judged = (field: keyof ClientKey) => entry[field] !== undefined && isSound(path(field));
    if (judged('name')) {
      if (seenNames.has(entry.name)) issues.push({ path: path('name'), message: `duplicate key name ${quoted(entry.name)}: each key needs its own name` });
      seenNames.add(entry.name);
    }
    for (const name of judged('endpoints') ? (entry.endpoints ?? []) : []) {
      // The key itself, pasted into the list by mistake, is not printed whole.
      if (!names.has(name)) issues.push({ path: path('endpoints'), message: `${quotedValue(name)} is not an endpoint or route of this config` });
    }
    if (judged('key') && !unresolved.has(path('key'))) {
      if (entry.key.startsWith(HASH_PREFIX) && !/^[0-9a-fA-F]{64}$/.test(entry.key.slice(HASH_PREFIX.length))) {
        issues.push({ path: path('key'), message: "a 'sha256:' key must be followed by the 64 hexadecimal digits of the key's SHA-256" });
      }
      const digest = digestOf(entry.key).toString('hex');
      sameKeyTwice ||= digests.has(digest);
      digests.add(digest);
    }
    const periodJudged = isRecord(entry.limit) && typeof entry.limit.renewal_period === 'string' && isSound(`${path('limit')}.renewal_period`);
    const limitIssue = periodJudged && renewalPeriodIssue({ kind: 'client key', name: String(entry.name) }, entry.limit!, path('limit'));
    if (limitIssue) issues.push(limitIssue);
  });
  if (sameKeyTwice) issues.push({ path: 'auth.api_keys', message: 'two entries hold the same key: each key must be unique so that it names one client' });
  return issues;
}

/** The plan of `auth:`, or why it cannot be served. */
interface CompiledAuth {
  plan: AuthPlan | null;
  issues: ConfigIssue[];
}

/**
 * The auth table, or null when the config has no `auth:`. `catalog` holds every endpoint and
 * route (the names a key may be limited to); `auth` holds resolved keys (secrets.ts).
 */
export function compileAuth(auth: Auth | undefined, catalog: Catalog, backend: () => LimitBackend): CompiledAuth {
  return runWhole(authSteps(auth, catalog, backend));
}

/** compileAuth's work, the keys compiled in slices (config/slices.ts). */
export function* authSteps(auth: Auth | undefined, catalog: Catalog, backend: () => LimitBackend): Steps<CompiledAuth> {
  if (auth === undefined) return { plan: null, issues: [] };
  const issues = clientKeyIssues(auth, catalogNames(catalog));
  if (issues.length > 0) return { plan: null, issues };
  const catalogFor = catalogPicker(catalog);
  const keys = yield* mapInSlices(auth.api_keys, (entry, index): ClientKeyEntry => {
    const endpoints = entry.endpoints ? new Set(entry.endpoints) : null;
    const digest = digestOf(entry.key);
    return {
      name: entry.name,
      digest,
      storeSpace: digest.toString('hex'),
      endpoints,
      catalog: catalogFor(endpoints),
      limiter: limiterOf(entry, formatYamlPath(['auth', 'api_keys', index, 'limit']), backend),
    };
  });
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
