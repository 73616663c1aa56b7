/**
 * The connectors the Redis store gives ioredis, so that no error of a connection goes uncaught:
 * ioredis listens for a connection's first error only (`once`, in its connectors and in
 * Redis.connect), and a refused TLS handshake can emit a second (an alert after the first), which was
 * thrown and stopped the gateway (redis/ioredis#961 and #962 proposed the same fix, not merged).
 * ioredis is loaded when a store is made, as in redis-store.ts.
 */
import type { Socket } from 'node:net';
import type { RedisOptions } from 'ioredis';

/** ioredis's connector to one server (and to each Cluster node), with every error of its connection handled. */
export function connectorKeepingErrors(): NonNullable<RedisOptions['Connector']> {
  type Standalone = typeof import('ioredis/built/connectors/StandaloneConnector');
  const { default: StandaloneConnector } = require('ioredis/built/connectors/StandaloneConnector') as Standalone;
  // ioredis types the constructor's options as unknown; it passes the standalone ones.
  return class extends StandaloneConnector {
    override async connect(...args: Parameters<InstanceType<Standalone['default']>['connect']>) {
      const stream = await super.connect(...args);
      // ioredis's own listeners still get the first error; this one keeps a later one from being thrown.
      stream.on('error', () => undefined);
      return stream;
    }
  } as unknown as NonNullable<RedisOptions['Connector']>;
}

/** What the Sentinel connector overrides: connectToSentinel is private in ioredis's types. */
interface SentinelConnectorMethods {
  connect(eventEmitter: (type: string, error: unknown) => void): Promise<Socket>;
  connectToSentinel(endpoint: unknown, options?: RedisOptions): unknown;
}

/**
 * ioredis's Sentinel connector with every error handled as connectorKeepingErrors does: of the
 * master's connection, and of each connection to a Sentinel (to ask for the master, and to hear of
 * failovers), which it makes as a Redis client of its own, given options spread last over its own.
 * ioredis gives only its own Sentinel connector an `emitter`, for two events its tests wait for.
 */
export function sentinelConnectorKeepingErrors(): NonNullable<RedisOptions['Connector']> {
  const { SentinelConnector } = require('ioredis') as typeof import('ioredis');
  const Base = SentinelConnector as unknown as new (options: unknown) => SentinelConnectorMethods;
  const Connector = connectorKeepingErrors();
  return class extends Base {
    override connectToSentinel(endpoint: unknown, options?: RedisOptions): unknown {
      return super.connectToSentinel(endpoint, { ...options, Connector });
    }

    override async connect(eventEmitter: (type: string, error: unknown) => void): Promise<Socket> {
      const stream = await super.connect(eventEmitter);
      stream.on('error', () => undefined);
      return stream;
    }
  } as unknown as NonNullable<RedisOptions['Connector']>;
}
