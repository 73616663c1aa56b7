/**
 * ioredis's connectors (to one server, used for a single server and for each Redis Cluster node; and
 * through Sentinels), with two of their faults mended:
 * - every error of a connection is handled: ioredis listens for a connection's first error only
 *   (`once`), and a refused TLS handshake can emit a second (an alert after the first), which went
 *   uncaught and stopped the gateway (redis/ioredis#961, not merged);
 * - closing a connection that is already closed (refused, or lost with Redis) does not wait: ioredis
 *   ends the socket and waits up to `disconnectTimeout` for its 'close', which such a socket never
 *   emits again, on a timer that kept a stopping process alive that long.
 * Through Sentinels, the connections to the Sentinels themselves (asking for the master, watching for
 * failovers) are clients of their own, given the mended connector to one server.
 */
import type { RedisOptions } from 'ioredis';
import type { NetStream } from 'ioredis/built/types';

type Connector = NonNullable<RedisOptions['Connector']>;

/** What the mends use of ioredis's connectors (its types keep `connectToSentinel` private). */
interface ConnectorParts {
  stream: NetStream;
  options: { disconnectTimeout?: number };
  connect(...args: unknown[]): Promise<NetStream>;
  disconnect(): void;
  connectToSentinel(endpoint: unknown, options?: Record<string, unknown>): unknown;
}

type ConnectorClass = new (options: unknown) => ConnectorParts;

/** `Base` with both mends. */
function mended(Base: ConnectorClass): ConnectorClass {
  return class extends Base {
    override async connect(...args: unknown[]): Promise<NetStream> {
      const stream = await super.connect(...args);
      // ioredis's own listeners still get the first error; this one keeps a later one from being thrown.
      stream.on('error', () => undefined);
      return stream;
    }

    override disconnect(): void {
      // Without a stream ioredis only marks the connector as not connecting (and stops watching the Sentinels).
      if (this.stream?.closed) this.stream = undefined as unknown as NetStream;
      super.disconnect();
    }
  };
}

function ioredisConnector(name: 'StandaloneConnector' | 'SentinelConnector'): ConnectorClass {
  return (require(`ioredis/built/connectors/${name}`) as { default: ConnectorClass }).default;
}

export function connectorKeepingErrors(): Connector {
  return mended(ioredisConnector('StandaloneConnector')) as unknown as Connector;
}

export function sentinelConnectorKeepingErrors(): Connector {
  const toOneServer = connectorKeepingErrors();
  return class extends mended(ioredisConnector('SentinelConnector')) {
    override connectToSentinel(endpoint: unknown, options: Record<string, unknown> = {}): unknown {
      return super.connectToSentinel(endpoint, { ...options, Connector: toOneServer, disconnectTimeout: this.options.disconnectTimeout });
    }
  } as unknown as Connector;
}
