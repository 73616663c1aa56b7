/**
 * The upstream connection pools, shared by every endpoint that talks to the same origin: a
 * keep-alive undici `Pool`, or a `ProxyAgent` when the environment names an outbound proxy for the
 * origin (egress-proxy.ts). Through a proxy, plain HTTP is sent with the absolute URL
 * (`proxyTunnel: false`) and HTTPS goes through a CONNECT tunnel.
 */
import { Dispatcher, errors, Pool, ProxyAgent } from 'undici';

const pools = new Map<string, Dispatcher>();

/**
 * The proxy's own pool, which carries the CONNECT requests. A CONNECT the proxy accepts but does
 * not answer within the connect timeout fails as a connect timeout; undici alone would wait for
 * its 300 s headers timeout, and a request cannot be aborted before it has a connection.
 */
function tunnelPool(origin: URL, options: object, connectTimeout: number): Dispatcher {
  const pool = new Pool(origin, { ...options, headersTimeout: connectTimeout });
  const connect = pool.connect.bind(pool) as (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
  const connectInTime = (options: Dispatcher.ConnectOptions) =>
    connect(options).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'UND_ERR_HEADERS_TIMEOUT') throw error;
      throw new errors.ConnectTimeoutError('The proxy did not answer the CONNECT request in time.');
    });
  return Object.assign(pool, { connect: connectInTime });
}

/** What a pool is shared by: its origin, connect timeout (a pool setting, not a request one) and proxy. */
function poolKey(origin: string, connectTimeout: number, proxy: string | null): string {
  return `${origin} ${connectTimeout} ${proxy ?? 'direct'}`;
}

/** The pool keys the config being compiled uses (`poolKeysUsedBy`); null outside a compile. */
let keysInUse: Set<string> | null = null;

/**
 * Notes that the config being compiled calls `origin` (createUpstream). No pool is opened: a config
 * that is refused must leave none behind.
 */
export function notePoolUse(origin: string, connectTimeout: number, proxy: string | null): void {
  keysInUse?.add(poolKey(origin, connectTimeout, proxy));
}

/** Runs a config's synchronous compile and returns what it built with the pool keys its upstreams use. */
export function poolKeysUsedBy<Value>(compile: () => Value): { value: Value; poolKeys: ReadonlySet<string> } {
  const poolKeys = new Set<string>();
  return { value: notingPoolUse(poolKeys, compile), poolKeys };
}

/**
 * Runs one synchronous part of a config's compile, adding to `poolKeys` the pool keys its upstreams
 * use. A compile in slices notes only while its own slices run, not what is built between them.
 */
export function notingPoolUse<Value>(poolKeys: Set<string>, compile: () => Value): Value {
  const outer = keysInUse;
  keysInUse = poolKeys;
  try {
    return compile();
  } finally {
    keysInUse = outer;
  }
}

const closedPools = new WeakSet<Dispatcher>();

/** Whether `pool` was closed (`closePoolsNotIn`): a request of an older config then takes a new one with `poolFor`. */
export function isClosed(pool: Dispatcher): boolean {
  return closedPools.has(pool);
}

/**
 * After a reload: closes the pools of origins the config now served does not call (an `api_base`
 * edited away), which would otherwise keep their keep-alive sockets and sit in the map for good.
 * `close` lets the requests already on a pool finish; a request of the old config that comes later
 * (a retry) gets a pool of its own, closed once its answer is read (OneCallPerPool).
 */
export async function closePoolsNotIn(live: ReadonlySet<string>): Promise<void> {
  liveKeys = live;
  const unused = [...pools].filter(([key]) => !live.has(key));
  for (const [key, pool] of unused) {
    pools.delete(key);
    closedPools.add(pool);
  }
  await Promise.all(unused.map(([, pool]) => pool.close()));
}

/** The pool keys of the config served since the last reload; null before any reload (every key is live). */
let liveKeys: ReadonlySet<string> | null = null;

function openPool(origin: string, connectTimeout: number, proxy: string | null): Dispatcher {
  const connect = { timeout: connectTimeout };
  return proxy === null
    ? new Pool(origin, { connect })
    : new ProxyAgent({
        uri: proxy,
        proxyTunnel: false,
        proxyTls: connect,
        requestTls: connect,
        clientFactory: (proxyOrigin, options) => tunnelPool(proxyOrigin, options, connectTimeout),
      });
}

const isLive = (key: string) => liveKeys === null || liveKeys.has(key);

/**
 * For a request of an older config to an origin a reload has since dropped (a retry): each call
 * gets a pool of its own, closed once its answer is read. Kept in the map, such a pool would hold
 * its keep-alive sockets until a next reload, which may never come. Calls made once a reload has
 * brought the origin back take its shared pool.
 */
class OneCallPerPool extends Dispatcher {
  constructor(private readonly origin: string, private readonly connectTimeout: number, private readonly proxy: string | null) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const { origin, connectTimeout, proxy } = this;
    if (isLive(poolKey(origin, connectTimeout, proxy))) return poolFor(origin, connectTimeout, proxy).dispatch(options, handler);
    const pool = openPool(origin, connectTimeout, proxy);
    const queued = pool.dispatch(options, handler);
    void pool.close();
    return queued;
  }

  override async close(): Promise<void> {}

  override async destroy(): Promise<void> {}
}

/** The pool for an origin, connect timeout and proxy, opened at its first call. */
export function poolFor(origin: string, connectTimeout: number, proxy: string | null): Dispatcher {
  const key = poolKey(origin, connectTimeout, proxy);
  if (!isLive(key)) return new OneCallPerPool(origin, connectTimeout, proxy);
  let pool = pools.get(key);
  if (!pool) {
    pool = openPool(origin, connectTimeout, proxy);
    pools.set(key, pool);
  }
  return pool;
}

/** Closes every pool (shutdown). Upstreams created before must not be used afterwards. */
export async function closeAllPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  liveKeys = null;
  await Promise.all(open.map((pool) => pool.close()));
}
