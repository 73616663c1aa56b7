/**
 * Why a TLS connection to a Redis address fails. ioredis ignores the errors of its connections to
 * Redis Cluster nodes (while learning the slots) and to Sentinels: a refused certificate reaches the
 * store only as "Connection is closed.", so the store asks for itself to name the cause in its log.
 */
import { connect } from 'node:tls';
import type { RedisAddress } from './redis-store';

/** An address from the config, with where it is written there (`rate_limit_store.cluster_nodes[1]`). */
export interface ConfiguredRedisAddress {
  address: RedisAddress;
  path: string;
}

/**
 * Opens a TLS connection to `address` as ioredis would (the default trust, with NODE_EXTRA_CA_CERTS)
 * and closes it once the handshake is done: the error's message (`self-signed certificate`,
 * `connect ECONNREFUSED …`), or null when the handshake succeeds or takes longer than `timeoutMs`.
 */
export function tlsHandshakeFailure(address: RedisAddress, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    // A hard deadline rather than the socket's idle timeout, which a server trickling bytes would keep resetting.
    const deadline = setTimeout(() => settle(null), timeoutMs);
    const settle = (failure: string | null) => {
      clearTimeout(deadline);
      socket.destroy();
      resolve(failure);
    };
    // It never keeps a stopping process alive.
    deadline.unref();
    socket.unref();
    socket.once('secureConnect', () => settle(null));
    socket.once('error', (error) => settle(error.message));
  });
}

/**
 * Checks every address at once, so the whole check takes at most about `timeoutMs`: the addresses
 * whose handshake failed, in the config's order, each with why; empty when none failed.
 */
export async function tlsHandshakeFailures(addresses: readonly ConfiguredRedisAddress[], timeoutMs: number): Promise<(ConfiguredRedisAddress & { failure: string })[]> {
  const failures = await Promise.all(addresses.map(({ address }) => tlsHandshakeFailure(address, timeoutMs)));
  return addresses.flatMap((configured, index) => {
    const failure = failures[index];
    return failure === null ? [] : [{ ...configured, failure }];
  });
}
