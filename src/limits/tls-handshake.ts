/**
 * Why a TLS connection to a Redis address fails. ioredis ignores the errors of its connections to
 * Redis Cluster nodes (while learning the slots) and to Sentinels: a refused certificate reaches the
 * store only as "Connection is closed.", so the store asks for itself to name the cause in its log.
 */
import { connect } from 'node:tls';
import type { RedisAddress } from './redis-store';

/**
 * Opens a TLS connection to `address` as ioredis would (the default trust, with NODE_EXTRA_CA_CERTS)
 * and closes it once the handshake is done: the error's message (`self-signed certificate`,
 * `connect ECONNREFUSED …`), or null when the handshake succeeds or takes longer than `timeoutMs`.
 */
export function tlsHandshakeFailure(address: RedisAddress, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const settle = (failure: string | null) => {
      socket.destroy();
      resolve(failure);
    };
    // It never keeps a stopping process alive.
    socket.unref();
    socket.setTimeout(timeoutMs, () => settle(null));
    socket.once('secureConnect', () => settle(null));
    socket.once('error', (error) => settle(error.message));
  });
}
