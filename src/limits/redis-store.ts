/**
 * Counters in Redis, shared by every gateway host that names the same `rate_limit_store`. One
 * Lua script applies all hits of a request atomically in one round trip (INCRBY, and PEXPIRE when
 * the counter is new: a fixed window from the first hit, as in the other stores; DECRBY for a give-back).
 *
 * A dead Redis never hangs a request: the offline queue is off (commands fail at once while
 * disconnected), every command has a short timeout, and the first connection (made once the process
 * serves, or on first use) is awaited at most that long. The caller decides what a failure means (`on_error`).
 */
import type { default as Redis, RedisOptions } from 'ioredis';
import type { CounterHit, CounterState, RateLimitStore } from './store';
import { formatYamlPath } from '../config/yaml-path';
import { OwnCounts, RESTORE_SCRIPT } from './own-counts';
import { connectorKeepingErrors, sentinelConnectorKeepingErrors } from './redis-connectors';
import { createTlsHandshakeWatch, type ConfiguredRedisAddress, type TlsCheckWindows, type TlsHandshakeWatch } from './tls-handshake';

/** Default longest wait for Redis, in milliseconds. */
const REDIS_TIMEOUT_MS = 250;

/** The longest wait between two reconnection attempts while Redis is away. */
export const REDIS_RECONNECT_MAX_MS = 2_000;

/** Every key starts with this; the subject part (endpoint or client key) is a hash tag, so in a Redis Cluster each hit's keys are in one slot. */
const KEY_PREFIX = 'llm-gateway:rate-limit:';

// KEYS: the counters; ARGV: window (ms) and amount, per key. Returns count and ms left, per key.
// A negative amount (a give-back, see store.ts) changes only a counter that exists, down to 0 at
// most; DECRBY keeps its expiry, so the window stays as it was.
const HIT_SCRIPT = `
local result = {}
for index, key in ipairs(KEYS) do
  local window = tonumber(ARGV[index * 2 - 1])
  local amount = tonumber(ARGV[index * 2])
  local count, left
  if amount < 0 then
    count = tonumber(redis.call('GET', key) or 0)
    if count > 0 then count = redis.call('DECRBY', key, math.min(-amount, count)) end
    left = math.max(redis.call('PTTL', key), 0)
  else
    count = redis.call('INCRBY', key, ARGV[index * 2])
    left = redis.call('PTTL', key)
    if left < 0 then
      redis.call('PEXPIRE', key, window)
      left = window
    end
  end
  result[index * 2 - 1] = count
  result[index * 2] = left
end
return result
`;

interface ScriptedRedis extends Redis {
  hitCounters(keyCount: number, ...keysAndArguments: (string | number)[]): Promise<number[]>;
  restoreCounters(keyCount: number, ...keysAndArguments: (string | number)[]): Promise<number>;
}

/** Counters restored per script after a reconnection, so that no one script holds Redis long. */
const RESTORE_BATCH = 500;

/** A Sentinel's or a cluster node's address. */
export interface RedisAddress {
  host: string;
  port: number;
}

export interface RedisStoreOptions {
  /** The server's URL; with `sentinels`, only the master's credentials, database and TLS (`rediss://`), all optional. */
  url?: string;
  /** With these, the master is found through Redis Sentinel (ioredis's own failover handling). */
  sentinels?: { addresses: RedisAddress[]; master: string; username?: string; password?: string; tls?: boolean };
  /** With these, the counters are in a Redis Cluster (`url`: only the nodes' credentials and TLS (`rediss://`), optional). */
  clusterNodes?: RedisAddress[];
  timeoutMs?: number;
  /** How often each address's TLS handshake may be checked while the store cannot connect (tls-handshake.ts: 30 s to 5 min). */
  tlsCheckWindows?: TlsCheckWindows;
  /** Told each time the handshake checks find other failures than last time (none after the store connected). */
  onTlsFailuresChanged?: (described: string) => void;
}

/**
 * A `host:port` (`[::1]:26379` for IPv6) read as a Sentinel's or a cluster node's address; null when it is not one
 * (no port, a port outside 1 to 65535, an empty host, a scheme or path).
 */
export function parseRedisAddress(text: string): RedisAddress | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:/@[\]]+)):([0-9]{1,5})$/.exec(text);
  if (match === null) return null;
  const port = Number(match[3]);
  return port >= 1 && port <= 65_535 ? { host: match[1] ?? match[2], port } : null;
}

/** The store's name in log lines and the `store` metrics label: addresses and master name, never a password. */
export function describeRedisStore(options: RedisStoreOptions): string {
  const list = (addresses: RedisAddress[]) => addresses.map(describeRedisAddress).join(',');
  if (options.clusterNodes !== undefined) return `cluster ${list(options.clusterNodes)}`;
  if (options.sentinels !== undefined) return `sentinel master ${options.sentinels.master} via ${list(options.sentinels.addresses)}`;
  return describeRedisUrl(options.url ?? '');
}

function describeRedisAddress({ host, port }: RedisAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `host:port`, never the password: for log lines. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'an unparsable Redis URL';
  }
}

/** The highest database number Redis can have (its `databases` setting is a 32-bit int). */
const HIGHEST_DATABASE = 2 ** 31 - 2;

/**
 * What is wrong with a Redis URL's database (its path, or ioredis's `?db=`); null when nothing that
 * can be known without the server is. ioredis reads it with parseInt: `/abc` becomes `SELECT NaN`,
 * whose refusal nothing catches (the gateway would stop at its first rate-limited request), and
 * `/1.5` or `/0/x` quietly another database. A number past the server's `databases` (16 by default)
 * is only known from the server: see `createRedisStore`.
 */
export function redisDatabaseIssue(url: URL): string | null {
  const database = url.pathname.length > 1 ? url.pathname.slice(1) : url.searchParams.get('db');
  if (database === null || (/^[0-9]+$/.test(database) && Number(database) <= HIGHEST_DATABASE)) return null;
  return 'the database (the path after host:port) must be a whole number from 0, as in redis://127.0.0.1:6379/0 (Redis has databases 0 to 15 unless its `databases` setting says otherwise)';
}

/** Loaded on first use: only configs with a Redis store pay its memory (about 20 MB per process). */
function ioredis(): typeof import('ioredis') {
  return require('ioredis') as typeof import('ioredis');
}

/** ioredis's Sentinel settings; ioredis asks the Sentinels again for the master on every reconnection. */
function sentinelOptions(sentinels: RedisStoreOptions['sentinels'], timeoutMs: number): RedisOptions {
  if (sentinels === undefined) return {};
  return {
    sentinels: sentinels.addresses,
    name: sentinels.master,
    sentinelUsername: sentinels.username,
    sentinelPassword: sentinels.password,
    sentinelCommandTimeout: timeoutMs,
    // The default trust (with NODE_EXTRA_CA_CERTS), as ioredis gives one rediss:// server.
    sentinelTLS: sentinels.tls === true ? {} : undefined,
    // A rediss:// url means TLS to the master too, which ioredis otherwise reaches without it (even
    // with sentinelTLS, which is for the Sentinels only).
    enableTLSForSentinelMode: true,
    // Listens to the Sentinels' +switch-master and reconnects at once: the old master, when still up,
    // is demoted only when the Sentinels next reach it (up to 10 s; never while they cannot), and
    // hits counted there meanwhile are lost with its data.
    failoverDetector: true,
  };
}

/**
 * A Redis Cluster client: `nodes` are where it starts to learn the cluster's slots, `url` gives the
 * nodes' user and password, and with `rediss://` TLS to every node. Each hit touches one subject's
 * keys, which share a hash tag, so its script runs on the one node holding that slot.
 */
function clusterClient(nodes: RedisAddress[], url: string | undefined, settings: RedisOptions): Redis {
  const { enableOfflineQueue, retryStrategy, lazyConnect, ...nodeSettings } = settings;
  const credentials = url === undefined ? {} : urlCredentials(new URL(url));
  // The default trust (with NODE_EXTRA_CA_CERTS), as ioredis gives one rediss:// server. A node
  // named by its host name is reached by that name, not the address ioredis would look up first:
  // a managed cluster's certificate names its hosts (ElastiCache's `*.cache.amazonaws.com`), not
  // their addresses, so TLS would refuse it (ioredis's advice for ElastiCache with TLS).
  const tls = usesTls(url) ? { tls: {} } : {};
  const hostNamesKept = usesTls(url) ? { dnsLookup: keepHostName } : {};
  return new (ioredis().Cluster)(nodes, {
    ...hostNamesKept,
    enableOfflineQueue,
    clusterRetryStrategy: retryStrategy,
    lazyConnect,
    // A hit on a node that is down fails at once, as with one server, rather than being sent again
    // every 100 ms until the command timeout: a node taken over by its replica answers again only
    // after the cluster's node timeout (seconds), past any hit's timeout.
    retryDelayOnFailover: 0,
    retryDelayOnClusterDown: 0,
    redisOptions: { ...nodeSettings, ...credentials, ...tls },
  }) as unknown as Redis;
}

/** A `dnsLookup` that gives the host name back, so the connection is made, and its certificate checked, by that name. */
function keepHostName(hostname: string, callback: (error: Error | null, address: string) => void): void {
  callback(null, hostname);
}

function usesTls(url: string | undefined): boolean {
  return url?.startsWith('rediss:') ?? false;
}

/**
 * The addresses whose TLS handshakes the store checks itself when it cannot connect. ioredis does
 * not say why a handshake failed with a Cluster's nodes or with Sentinels (`errorsHidden`): every
 * `cluster_nodes` entry over `rediss://`, or every Sentinel with `sentinel_tls`. A single
 * `rediss://` server's errors reach the store, but a Redis without TLS on that port sends none: it
 * is checked when the first connection times out with no error.
 */
function tlsAddressesToCheck(options: RedisStoreOptions): { addresses: ConfiguredRedisAddress[]; errorsHidden: boolean } {
  const configured = (key: 'cluster_nodes' | 'sentinels', addresses: RedisAddress[]) => addresses.map((address, index) => ({ address, path: formatYamlPath(['rate_limit_store', key, index]) }));
  if (options.clusterNodes !== undefined) return { addresses: usesTls(options.url) ? configured('cluster_nodes', options.clusterNodes) : [], errorsHidden: true };
  if (options.sentinels !== undefined) return { addresses: options.sentinels.tls === true ? configured('sentinels', options.sentinels.addresses) : [], errorsHidden: true };
  const server = usesTls(options.url) ? urlAddress(options.url!) : null;
  return { addresses: server === null ? [] : [{ address: server, path: 'rate_limit_store.url' }], errorsHidden: false };
}

/** The host and port of a Redis URL (ioredis's defaults: localhost, 6379); null when it does not parse. */
function urlAddress(url: string): RedisAddress | null {
  try {
    const parsed = new URL(url);
    // An IPv6 host is bracketed in a URL, not in a socket's address.
    return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost', port: Number(parsed.port || '6379') };
  } catch {
    return null;
  }
}

/** `TLS to host:port (rate_limit_store.cluster_nodes[1]): self-signed certificate; …` for each failed handshake: no password is in an address. */
function describeTlsFailures(failures: ReturnType<TlsHandshakeWatch['failures']>): string {
  return failures.map(({ address, path, failure }) => `TLS to ${describeRedisAddress(address)} (${path}): ${failure}`).join('; ');
}

function urlCredentials(url: URL): { username?: string; password?: string } {
  return {
    username: url.username === '' ? undefined : decodeURIComponent(url.username),
    password: url.password === '' ? undefined : decodeURIComponent(url.password),
  };
}

/**
 * Raises each counter of a window still open to at least what this process counted in it. A failed
 * restore is not retried: its counters stay as the server has them, as without it.
 */
function restoreOwnCounts(client: ScriptedRedis, ownCounts: OwnCounts, marginMs: number): void {
  const { keys, countsAndWindows } = ownCounts.toRestore(Date.now(), marginMs);
  for (let start = 0; start < keys.length; start += RESTORE_BATCH) {
    const batch = keys.slice(start, start + RESTORE_BATCH);
    client.restoreCounters(batch.length, ...batch, ...countsAndWindows.slice(start * 2, (start + batch.length) * 2)).catch(() => undefined);
  }
}

export function createRedisStore(options: RedisStoreOptions): RateLimitStore {
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  const RedisClient = ioredis().default;
  const settings: RedisOptions = {
    ...sentinelOptions(options.sentinels, timeoutMs),
    Connector: options.sentinels === undefined ? connectorKeepingErrors() : sentinelConnectorKeepingErrors(),
    enableOfflineQueue: false,
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(timeoutMs, 1_000),
    // How long closing waits for a socket that may already be gone (default 2 s keeps a process alive).
    disconnectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    // Keep trying to reconnect (fail-open/closed applies meanwhile), at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, REDIS_RECONNECT_MAX_MS),
    // Connect when the process starts serving (open) or on first use: the cluster primary, which never checks a limit, never connects.
    lazyConnect: true,
  };
  const client = (options.clusterNodes !== undefined
    ? clusterClient(options.clusterNodes, options.url, settings)
    : options.url === undefined
      ? new RedisClient(settings)
      : new RedisClient(options.url, settings)) as ScriptedRedis;
  client.defineCommand('hitCounters', { lua: HIT_SCRIPT });
  client.defineCommand('restoreCounters', { lua: RESTORE_SCRIPT });
  // One server (or Sentinel's master): what this process counted, given back after a reconnection
  // (the server may have lost it). A Cluster's node failovers are not seen as reconnections.
  const ownCounts = options.clusterNodes === undefined ? new OwnCounts() : null;
  let connectedBefore = false;
  // Failures reach the caller through the rejected command or connected(); the event would
  // otherwise be thrown. The last one says why Redis is away (ECONNREFUSED, WRONGPASS…) in the log.
  let lastError: Error | null = null;
  // ioredis reports a refused SELECT (a database past the server's `databases`) as an error event
  // and then carries on in database 0: this connection is counted as failed instead.
  let refusedDatabase: Error | null = null;
  // Where ioredis hides why a TLS handshake failed, the store checks the handshakes itself after an
  // error; a single rediss:// server's, when no error came at all (tlsAddressesToCheck).
  const { addresses: tlsAddresses, errorsHidden } = tlsAddressesToCheck(options);
  const tlsWatch = createTlsHandshakeWatch({ addresses: tlsAddresses, timeoutMs, windows: options.tlsCheckWindows, isConnected: () => client.status === 'ready' });
  let reportedTlsFailures = '';
  const checkTls = (): Promise<void> => {
    if (tlsAddresses.length === 0) return Promise.resolve();
    return tlsWatch.check().then(() => {
      const described = describeTlsFailures(tlsWatch.failures());
      if (described !== reportedTlsFailures && described !== '') options.onTlsFailuresChanged?.(described);
      reportedTlsFailures = described;
    });
  };
  let firstConnection: Promise<void> | undefined;
  // Once the store has connected (opened before any hit, or at one), a hit never waits for a connection again.
  let firstConnectionSettled = false;
  client.on('connect', () => (refusedDatabase = null));
  client.on('error', (error: Error & { command?: { name?: string } }) => {
    lastError = error;
    if (error.command?.name === 'select') refusedDatabase = error;
    if (errorsHidden) void checkTls();
  });
  client.on('ready', () => {
    // Sent first on the new connection: a hit sent after it counts on the restored counters.
    if (connectedBefore && ownCounts !== null) restoreOwnCounts(client, ownCounts, timeoutMs);
    connectedBefore = true;
    firstConnectionSettled = true;
    lastError = null;
    tlsWatch.reset();
    reportedTlsFailures = '';
  });
  const where = describeRedisStore(options);
  const because = () => {
    const tlsFailures = describeTlsFailures(tlsWatch.failures());
    if (lastError === null) return tlsFailures === '' ? '' : `: ${tlsFailures}`;
    return `: ${lastError.message}${tlsFailures === '' ? '' : ` (${tlsFailures})`}`;
  };

  /**
   * The first use connects and waits for it (bounded). After that, commands never wait: while
   * Redis is away they fail at once, and the client keeps reconnecting in the background.
   */
  function connected(): Promise<void> {
    if (client.status === 'ready') return Promise.resolve();
    if (firstConnectionSettled) return Promise.reject(new Error(`Redis at ${where} is not connected${because()}`));
    firstConnection ??= new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        firstConnectionSettled = true;
        // The handshake checks say why (they take at most timeoutMs too), also when no error came
        // in time: a first node that never answers must not hide the others' refused certificates.
        const checked = errorsHidden || lastError === null ? checkTls() : Promise.resolve();
        void checked.then(() => reject(new Error(`Redis at ${where} is not reachable (no connection within ${timeoutMs} ms${because()})`)));
      }, timeoutMs);
      // A request's wait, which must not keep a stopping process alive (the store closed meanwhile).
      timer.unref();
      const onReady = () => {
        clearTimeout(timer);
        firstConnectionSettled = true;
        resolve();
      };
      client.once('ready', onReady);
      client.connect().catch(() => undefined);
    });
    return firstConnection;
  }

  async function hit(hits: readonly CounterHit[]): Promise<CounterState[]> {
    await connected();
    if (refusedDatabase !== null) {
      throw new Error(`Redis at ${where} refused its database (${refusedDatabase.message}): it has fewer databases (its \`databases\` setting, 16 by default, numbered from 0)`);
    }
    const keys = hits.map((item) => KEY_PREFIX + item.key);
    const values = hits.flatMap((item) => [item.windowMs, item.amount]);
    // Windows are dated from before the call: Redis read each one's time left later, so a window
    // remembered here ends no later than Redis's, however slow the answer (a restore never extends it).
    const sentAt = Date.now();
    const reply = await client.hitCounters(keys.length, ...keys, ...values);
    const states = hits.map((_, index) => ({ count: Number(reply[index * 2]), resetInMs: Number(reply[index * 2 + 1]) }));
    ownCounts?.record(keys, hits, states, sentAt);
    return states;
  }

  function keepOnlyCounters(keys: ReadonlySet<string>): void {
    ownCounts?.keepOnly(new Set([...keys].map((key) => KEY_PREFIX + key)));
  }

  // ioredis reconnects by itself from here on; a hit still waits at most timeoutMs for this first connection (connected()).
  function open(): void {
    if (client.status === 'wait') client.connect().catch(() => undefined);
  }

  async function close(): Promise<void> {
    client.disconnect();
  }

  return { hit, keepOnlyCounters, open, close };
}
