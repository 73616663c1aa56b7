/**
 * The upstream connection pools, shared by every endpoint that talks to the same origin: a
 * keep-alive undici `Pool`, or a `ProxyAgent` when the environment names an outbound proxy for the
 * origin (egress-proxy.ts). Through a proxy, plain HTTP is sent with the absolute URL
 * (`proxyTunnel: false`) and HTTPS goes through a CONNECT tunnel.
 */
import { errors, Pool, ProxyAgent, type Dispatcher } from 'undici';

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

/** One pool per origin, connect timeout (a pool setting, not a request one) and proxy. */
export function poolFor(origin: string, connectTimeout: number, proxy: string | null): Dispatcher {
  const key = `${origin} ${connectTimeout} ${proxy ?? 'direct'}`;
  let pool = pools.get(key);
  if (!pool) {
    const connect = { timeout: connectTimeout };
    pool =
      proxy === null
        ? new Pool(origin, { connect })
        : new ProxyAgent({
            uri: proxy,
            proxyTunnel: false,
            proxyTls: connect,
            requestTls: connect,
            clientFactory: (proxyOrigin, options) => tunnelPool(proxyOrigin, options, connectTimeout),
          });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes every pool (shutdown). Upstreams created before must not be used afterwards. */
export async function closeAllPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.close()));
}
