/**
 * ioredis listens for a connection's first error only, and a refused TLS handshake can emit a second
 * (an alert after the first), which was thrown and stopped the gateway: the store's connectors keep a
 * listener for every later one, for one server and each Cluster node, and with Sentinel for the
 * master's connection and each connection to a Sentinel (real redis-server and Sentinel here).
 */
import Redis from 'ioredis';
import * as net from 'node:net';
import { connectorKeepingErrors, sentinelConnectorKeepingErrors } from '../../../src/limits/redis-connectors';
import { startRedis, startSentinel } from '../../support/redis';

/** The module ioredis makes its connections with (not a namespace copy, so a spy on it sees them). */
const netModule = require('net') as typeof net;

/** Emits a refused handshake's two errors on `socket`; whether the second was thrown. */
function secondErrorThrows(socket: net.Socket): boolean {
  socket.emit('error', new Error('self-signed certificate'));
  try {
    socket.emit('error', new Error('tlsv1 alert decode error'));
    return false;
  } catch {
    return true;
  }
}

test("a connection's second error (a TLS alert after a refused handshake) is handled, not thrown: ioredis listens for its first only", async () => {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as net.AddressInfo;
    const Connector = connectorKeepingErrors();
    const connector = new Connector({ host: '127.0.0.1', port });
    const stream = await connector.connect(() => undefined);
    // As ioredis's Redis does once it has the stream.
    stream.once('error', () => undefined);
    expect(secondErrorThrows(stream)).toBe(false);
    stream.destroy();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("with Sentinel, a second error on the master's connection or on a connection to a Sentinel (asking for the master, listening for failovers) is handled, not thrown", async () => {
  const master = await startRedis();
  const sentinel = await startSentinel({ masterName: 'gateway', masterPort: master.port });
  const connections = jest.spyOn(netModule, 'createConnection');
  const client = new Redis({ sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'gateway', failoverDetector: true, lazyConnect: true, Connector: sentinelConnectorKeepingErrors() });
  client.on('error', () => undefined);
  try {
    await client.connect();
    // The failover detector connects to the Sentinel once the master's connection is made.
    for (let waited = 0; connections.mock.calls.length < 3 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const ports = connections.mock.calls.map(([options]: unknown[]) => (options as net.TcpNetConnectOpts).port);
    expect(ports).toEqual([sentinel.port, master.port, sentinel.port]);
    const sockets = connections.mock.results.map((result) => result.value as net.Socket);
    // The failover detector's client has no error listener, so ioredis writes its first error to the console.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(sockets.map(secondErrorThrows)).toEqual([false, false, false]);
  } finally {
    jest.restoreAllMocks();
    client.disconnect();
    await sentinel.stop();
    await master.stop();
  }
});
