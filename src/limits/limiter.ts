/**
 * Endpoint rate limits (`limit: {renewal_period, calls, tokens}`), enforced for the endpoint as a
 * whole: every client, every route that reaches it, every worker, and every host sharing a
 * `rate_limit_store`. (MLflow counts per client IP and per URL prefix, in each worker separately.)
 *
 * Counting is a fixed window from a counter's first hit (see store.ts). `calls`: a request is
 * admitted while the window holds at most `calls` requests (refused ones count too, as in MLflow).
 * A call admitted and then refused by the gateway before anything reached a provider (a parameter
 * its translation refuses, an operation it cannot serve) is given back.
 * `tokens`: a request is refused while the window's tokens are spent; tokens are added from the
 * usage the provider reports, after the response (non-stream) or from the stream's usage chunk (a
 * stream that ends without one counts an estimate: stream-tokens.ts).
 *
 * Limiters, their counter keys and their store are built at config load. A key is the endpoint
 * name plus the renewal period, not the numbers: a reload that changes `calls` or `tokens` (an
 * operator lowering a limit during an incident) keeps counting the current window against the new
 * number; a changed period starts a fresh window, whose length the old one no longer matches.
 */
import cluster from 'node:cluster';
import type { Limit, RateLimitStore as RateLimitStoreSettings } from '../../generated/config';
import { GatewayError, RATE_LIMIT_STORE_UNAVAILABLE_CODE } from '../errors';
import type { ConfigIssue } from '../config/config-error';
import { usageTotal } from '../providers/shared/usage';
import type { Logger } from '../server/logging';
import { countRateLimitStoreError, recordRateLimitStore } from '../server/metrics';
import { createClusterStore } from './cluster-store';
import { createMemoryStore } from './memory-store';
import { createRedisStore, describeRedisStore, parseRedisAddress, REDIS_RECONNECT_MAX_MS, type RedisStoreOptions } from './redis-store';
import type { CounterHit, RateLimitStore } from './store';
import { quoted } from '../config/quoted';

export type PeriodUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

/** The `limits` library's lengths: a month is 30 days, a year 12 such months. */
const UNIT_SECONDS: Record<PeriodUnit, number> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: 86_400,
  month: 30 * 86_400,
  year: 12 * 30 * 86_400,
};

export interface RenewalPeriod {
  count: number;
  unit: PeriodUnit;
  ms: number;
}

/** `minute`, `Minutes`, `2 hours`… (the config schema's grammar); null for anything else. */
export function parseRenewalPeriod(text: string): RenewalPeriod | null {
  const match = /^\s*([0-9]*)\s*(second|minute|hour|day|month|year)s?\s*$/i.exec(text);
  if (match === null) return null;
  const count = match[1] === '' ? 1 : Number(match[1]);
  const unit = match[2].toLowerCase() as PeriodUnit;
  return { count, unit, ms: count * UNIT_SECONDS[unit] * 1_000 };
}

/** A store plus what to do when it fails, and one warning per outage. */
export interface LimitBackend {
  store: RateLimitStore;
  onError: 'open' | 'closed';
  /** `Retry-After` of a 503 while the store is away (`on_error: closed`): about when it may be back. */
  outageRetryAfter: string;
  /** An operation on `subject`'s counters (its hash tag) failed. */
  failed(error: unknown, subject: string): void;
  succeeded(subject: string): void;
  /** No config names it any more and its last request has ended: an outage it was in ends for the metrics. */
  retired(): void;
}

/** How long a subject whose counters failed keeps a partial outage going without failing again. */
export const FAILED_SUBJECT_FORGOTTEN_MS = 60_000;

/**
 * `bySubject`: the store's subjects fail apart (a Redis Cluster node holds some hash tags), so an
 * outage lasts until every subject that failed has counted again, not until any operation succeeds:
 * with one node down, the live nodes' answers would otherwise end and restart it at each request.
 * A failed subject not counted again (a key seldom used, an endpoint a reload removed) stops
 * holding the outage after `FAILED_SUBJECT_FORGOTTEN_MS`.
 */
export function createLimitBackend(options: { store: RateLimitStore; onError?: 'open' | 'closed'; reconnectMs?: number; label: string; logger: Logger; bySubject?: boolean }): LimitBackend {
  const { store, label, logger } = options;
  const onError = options.onError ?? 'open';
  const partOf = (subject: string) => (options.bySubject ? subject : '');
  /** The parts (subjects, or the whole store) whose last operation failed, with when. */
  const failedAt = new Map<string, number>();
  recordRateLimitStore(label, 'created');
  const endOutage = () => {
    failedAt.clear();
    recordRateLimitStore(label, 'back');
  };
  const stillFailing = () => [...failedAt.values()].some((time) => Date.now() - time < FAILED_SUBJECT_FORGOTTEN_MS);
  return {
    store,
    onError,
    outageRetryAfter: retryAfterSeconds(options.reconnectMs ?? 1_000),
    failed(error, subject) {
      countRateLimitStoreError(label);
      const started = failedAt.size === 0;
      failedAt.set(partOf(subject), Date.now());
      if (!started) return;
      recordRateLimitStore(label, 'outage');
      const consequence = onError === 'open' ? 'serving without rate limits until it is back (on_error: open)' : 'answering 503 on rate-limited endpoints until it is back (on_error: closed)';
      logger.warn({ store: label, reason: (error as Error).message }, `rate-limit store unavailable: ${consequence}`);
    },
    succeeded(subject) {
      if (failedAt.size === 0) return;
      failedAt.delete(partOf(subject));
      if (stillFailing()) return;
      endOutage();
      logger.info({ store: label }, 'rate-limit store is back: rate limits apply again');
    },
    retired() {
      if (failedAt.size > 0) endOutage();
    },
  };
}

const backends = new Map<string, LimitBackend>();

/** Whether this process serves requests (openLimitBackends was called): its stores then connect as soon as they are made. */
let serving = false;

/**
 * Called once the process serves requests (a single process, or each `--workers` worker; never the
 * primary, which checks no limit): every store connects now, and any a reload makes later at once,
 * rather than at the first request. A first connection made by a request is awaited only
 * `timeout_ms`, which a burst of first requests on a busy event loop (a fresh start) outlasts: they
 * would be served uncounted (`on_error: open`) or refused (`closed`) with Redis up.
 */
export function openLimitBackends(): void {
  serving = true;
  for (const backend of backends.values()) backend.store.open?.();
}

/**
 * The process-wide backend for a `rate_limit_store` setting (none: memory, or the cluster primary
 * in a `--workers` worker). Shared by every plan compiled with the same setting, so counters
 * survive a reload. `loggerFor` is called only when the backend is created: a logger owns a flush
 * timer, so one made per compile (per reload) would never be freed.
 */
export function limitBackendFor(settings: RateLimitStoreSettings | undefined, loggerFor: () => Logger): LimitBackend {
  const id = backendId(settings);
  let backend = backends.get(id);
  if (backend === undefined) {
    backend = reclaimRetiring(id) ?? createBackend(settings, loggerFor());
    backends.set(id, backend);
    if (serving) backend.store.open?.();
  }
  return backend;
}

function createBackend(settings: RateLimitStoreSettings | undefined, logger: Logger): LimitBackend {
  if (settings === undefined) {
    return createLimitBackend({ store: cluster.isWorker ? createClusterStore() : createMemoryStore(), label: cluster.isWorker ? 'cluster primary' : 'memory', logger });
  }
  const storeOptions = redisStoreOptions(settings);
  const label = describeRedisStore(storeOptions);
  // Once per change of what the handshake checks find, not per reconnection attempt.
  const onTlsFailuresChanged = (described: string) => logger.warn({ store: label, reason: described }, 'rate-limit store TLS handshake failed');
  return createLimitBackend({
    store: createRedisStore({ ...storeOptions, onTlsFailuresChanged }),
    onError: settings.on_error,
    reconnectMs: REDIS_RECONNECT_MAX_MS,
    label,
    logger,
    bySubject: storeOptions.clusterNodes !== undefined,
  });
}

/** The config's `rate_limit_store` as the Redis store takes it (the config check has refused bad addresses). */
function redisStoreOptions(settings: RateLimitStoreSettings): RedisStoreOptions {
  const addresses = (list: string[] | undefined) => list?.map((address) => parseRedisAddress(address)).filter((address) => address !== null);
  const sentinels = addresses(settings.sentinels);
  return {
    url: settings.url,
    sentinels:
      sentinels === undefined
        ? undefined
        : { addresses: sentinels, master: settings.sentinel_master ?? '', username: settings.sentinel_username, password: settings.sentinel_password, tls: settings.sentinel_tls === true },
    clusterNodes: addresses(settings.cluster_nodes),
    timeoutMs: settings.timeout_ms,
  };
}

const LOCAL_BACKEND = 'local';

function backendId(settings: RateLimitStoreSettings | undefined): string {
  return settings === undefined ? LOCAL_BACKEND : JSON.stringify([settings.url, settings.sentinels, settings.cluster_nodes, settings.sentinel_master, settings.sentinel_username, settings.sentinel_password, settings.sentinel_tls, settings.on_error, settings.timeout_ms]);
}

/** The longest delay a Node.js timer holds; a longer one fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Stores a reload stopped naming, waiting for the old config's requests to end before they close. */
const retiring = new Map<string, { backend: LimitBackend; closing: NodeJS.Timeout }>();

/**
 * A retiring store that a config names again is kept rather than closed: switching back and forth
 * would otherwise open a new connection (and leave the old one open for the grace period) each time.
 */
function reclaimRetiring(id: string): LimitBackend | undefined {
  const entry = retiring.get(id);
  if (entry === undefined) return undefined;
  clearTimeout(entry.closing);
  retiring.delete(id);
  return entry.backend;
}

/**
 * After a reload: the Redis stores the new config no longer names (an old URL, a rotated password)
 * are closed once the requests that started before it have ended, which take at most `graceMs`.
 */
export function retireLimitBackends(inUse: RateLimitStoreSettings | undefined, graceMs: number): void {
  const kept = backendId(inUse);
  for (const [id, backend] of backends) {
    if (id === kept || id === LOCAL_BACKEND) continue;
    backends.delete(id);
    const closing = setTimeout(() => {
      retiring.delete(id);
      backend.retired();
      void backend.store.close().catch(() => undefined);
    }, Math.min(graceMs, LONGEST_TIMER_MS));
    closing.unref();
    retiring.set(id, { backend, closing });
  }
}

/**
 * After a reload: the store the new config counts in (`settings`) is told the counters it uses
 * (`counterKeys`, its limiters'), and forgets what it keeps of the others (the Redis store's own counts).
 */
export function keepCountersInUse(settings: RateLimitStoreSettings | undefined, counterKeys: ReadonlySet<string>): void {
  backends.get(backendId(settings))?.store.keepOnlyCounters?.(counterKeys);
}

/** Closes every store (shutdown), retiring ones included. */
export async function closeLimitBackends(): Promise<void> {
  const open = [...backends.values()];
  backends.clear();
  for (const id of [...retiring.keys()]) open.push(reclaimRetiring(id)!);
  await Promise.all(open.map((backend) => backend.store.close()));
}

/** One endpoint's or client key's limit, compiled. */
export interface EndpointLimiter {
  /**
   * Counts this request; throws a 429 GatewayError (with Retry-After) when the limit is reached.
   * Resolves to whether a call was counted (false without `calls`, or with the store failing open):
   * only such a call may be given back.
   */
  admit(): Promise<boolean>;
  /**
   * Gives back the call `admit` counted, for a request refused before anything reached a provider
   * (see `sentNothing` in routing/fallback.ts). Never throws.
   */
  giveBack(): void;
  /** Adds the tokens a response used (no-op without a token limit). Never throws. */
  recordTokens(tokens: number): void;
  /** Whether the limit counts tokens: a stream then needs its usage reported. */
  readonly countsTokens: boolean;
  /** The keys of the counters it counts in (`calls`, `tokens`), as its store's hits name them. */
  readonly counterKeys: readonly string[];
}

function retryAfterSeconds(resetInMs: number): string {
  return String(Math.max(1, Math.ceil(resetInMs / 1_000)));
}

/** The 503 of `on_error: closed`; `retryAfter` lets clients (the OpenAI SDKs) wait for the store rather than retry at once. */
function storeUnavailable(retryAfter: string): GatewayError {
  return new GatewayError({
    status: 503,
    message: 'The rate-limit store is unavailable, so rate-limited endpoints are refused for now (rate_limit_store.on_error: closed).',
    kind: 'server_error',
    code: RATE_LIMIT_STORE_UNAVAILABLE_CODE,
    // Only this endpoint is refused: a FALLBACK route moves on, as past one at its limit (admit is never retried).
    retryable: true,
    retryAfter,
  });
}

/** Whose limit it is: an endpoint's (`limit:`) or a client key's (`auth.api_keys[].limit`). */
export interface LimitSubject {
  kind: 'endpoint' | 'client key';
  name: string;
}

/** What is wrong with a limit's renewal period (`path` is the limit's); null when nothing is. Checked before any store is opened. */
export function renewalPeriodIssue(subject: LimitSubject, limit: Pick<Limit, 'renewal_period'>, path: string): ConfigIssue | null {
  const period = parseRenewalPeriod(limit.renewal_period);
  const problem = period === null || period.ms <= 0 ? `must be at least 1 ${period?.unit ?? 'second'}` : period.ms > LONGEST_RENEWAL_PERIOD_MS ? LONGEST_RENEWAL_PERIOD_RULE : null;
  return problem === null ? null : { path: `${path}.renewal_period`, message: `${subject.kind} ${quoted(subject.name)}: the renewal period ${problem}` };
}

/**
 * config-schema's bound on a window (a string pattern cannot say it): a longer one never renews while
 * the gateway runs, and `2000000000 years` in milliseconds is no integer Redis takes as an expiry.
 */
const LONGEST_RENEWAL_PERIOD_MS = 10 * UNIT_SECONDS.year * 1_000;
const LONGEST_RENEWAL_PERIOD_RULE = 'must be at most 10 years (120 months, 3600 days: a month counts 30 days)';

/** The limiter of a `limit:` block, or the issue at `path` when its renewal period is refused (see renewalPeriodIssue). */
export function compileLimit(options: { subject: LimitSubject; limit: Limit; path: string; backend: () => LimitBackend }): EndpointLimiter | ConfigIssue {
  const { subject, limit, path, backend } = options;
  const issue = renewalPeriodIssue(subject, limit, path);
  if (issue !== null) return issue;
  // Only a valid limit gets a backend: opening a store (a Redis connection) is a side effect.
  return createLimiter({ subject, limit, period: parseRenewalPeriod(limit.renewal_period)!, backend: backend() });
}

export function createLimiter(options: { subject: LimitSubject; limit: Limit; period: RenewalPeriod; backend: LimitBackend }): EndpointLimiter {
  const { subject, limit, period, backend } = options;
  const per = `per ${period.count} ${period.unit}`;
  const forSubject = `for ${subject.kind} ${quoted(subject.name)}`;
  // The name in braces is a Redis hash tag (one slot per subject in a Redis Cluster).
  const tag = subject.kind === 'endpoint' ? `{${subject.name}}` : `{client:${subject.name}}`;
  const calls = limit.calls === undefined ? null : { key: `${tag}:calls:${period.ms}`, max: limit.calls };
  const tokens = limit.tokens === undefined ? null : { key: `${tag}:tokens:${period.ms}`, max: limit.tokens };
  const hits: CounterHit[] = [];
  if (calls) hits.push({ key: calls.key, windowMs: period.ms, amount: 1 });
  if (tokens) hits.push({ key: tokens.key, windowMs: period.ms, amount: 0 });

  // Built once: the hit that takes back one call (`giveBack`).
  const givenBack: CounterHit[] = calls ? [{ key: calls.key, windowMs: period.ms, amount: -1 }] : [];

  async function admit(): Promise<boolean> {
    let states;
    try {
      states = await backend.store.hit(hits);
    } catch (error) {
      backend.failed(error, tag);
      if (backend.onError === 'closed') throw storeUnavailable(backend.outageRetryAfter);
      return false;
    }
    backend.succeeded(tag);
    const [callState, tokenState] = calls ? states : [undefined, states[0]];
    if (calls && callState!.count > calls.max) {
      throw GatewayError.rateLimited(`Rate limit exceeded: ${calls.max} ${per} ${forSubject}.`, retryAfterSeconds(callState!.resetInMs));
    }
    if (tokens && tokenState!.count >= tokens.max) {
      throw GatewayError.rateLimited(
        `Token limit exceeded: ${tokens.max} tokens ${per} ${forSubject} (${tokenState!.count} used).`,
        retryAfterSeconds(tokenState!.resetInMs),
      );
    }
    return calls !== null;
  }

  /** Applies a hit that nothing waits for (a give-back, a response's tokens); its failure counts as the store's. */
  function applyLater(later: readonly CounterHit[]): void {
    backend.store.hit(later).then(
      () => backend.succeeded(tag),
      (error: unknown) => backend.failed(error, tag),
    );
  }

  function giveBack(): void {
    if (calls) applyLater(givenBack);
  }

  function recordTokens(count: number): void {
    if (!tokens || !(count > 0)) return;
    applyLater([{ key: tokens.key, windowMs: period.ms, amount: count }]);
  }

  return { admit, giveBack, recordTokens, countsTokens: tokens !== null, counterKeys: hits.map((hit) => hit.key) };
}

/**
 * The total tokens of a response's or stream chunk's usage (`usageTotal`: `total_tokens`, else the
 * counts it adds up to), when it has one, as a whole number: stream chunks reach the limiter before the answer check, and Redis's INCRBY refuses a
 * fraction (or a number past 2^63), which would be logged as the store failing. Rounded up: the
 * tokens were used.
 */
export function reportedTokens(value: unknown): number | null {
  const total = usageTotal((value as { usage?: unknown } | null | undefined)?.usage);
  // No call uses no tokens (a prompt is never empty): a total of 0 or less is a server's placeholder, not a count.
  return total === null || !(total > 0) ? null : Math.min(Math.ceil(total), Number.MAX_SAFE_INTEGER);
}
