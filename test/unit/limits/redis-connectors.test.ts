/** The store's connectors (src/limits/redis-connectors.ts): to one server against plain socket servers, through a real Sentinel, and as the store (redis-store.ts) uses them. */
import * as net from 'node:net';
import Redis from 'ioredis';
import { connectorKeepingErrors, sentinelConnectorKeepingErrors } from '../../../src/limits/redis-connectors';
import { createRedisStore } from '../../../src/limits/redis-store';
import { startRedis, startSentinel, type RedisServer } from '../../support/redis';
import { REDIS_START_MS } from '../../support/timeouts';

/** The module ioredis makes its connections with (not a namespace copy, so a spy on it sees them). */
const netModule = require('net') as typeof net;

/** Whether a socket's second error is thrown (no listener of its own for it), after a first one that ioredis's listener takes. */
function secondErrorThrows(socket: net.Socket): boolean {
  socket.emit('error', new Error('self-signed certificate'));
  try {
    socket.emit('error', new Error('tlsv1 alert decode error'));
    return false;
  } catch {
    return true;
  }
}

/** A server that closes every connection at once, as a Redis refusing it would. */
let server: net.Server;
let port: number;
beforeAll(async () => {
  server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test("a connection's second error (a TLS alert after a refused handshake) is handled, not thrown: ioredis listens for its first only", async () => {
  const Connector = connectorKeepingErrors();
  const connector = new Connector({ host: '127.0.0.1', port });
  const stream = await connector.connect(() => undefined);
  // As ioredis's Redis does once it has the stream.
  stream.once('error', () => undefined);
  stream.emit('error', new Error('self-signed certificate'));
  expect(() => stream.emit('error', new Error('tlsv1 alert decode error'))).not.toThrow();
  stream.destroy();
});

test('closing a connection that is already closed leaves no timer: ioredis would wait its disconnectTimeout for a close the socket never emits again', async () => {
  const Connector = connectorKeepingErrors();
  const connector = new Connector({ host: '127.0.0.1', port, disconnectTimeout: 60_000 });
  const stream = await connector.connect(() => undefined);
  await new Promise((resolve) => stream.once('close', resolve));
  // Only the timers: the socket's own events stay real.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    connector.disconnect();
    expect(jest.getTimerCount()).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});

test('closing an open connection still ends it', async () => {
  const open = net.createServer(() => undefined);
  await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', resolve));
  try {
    const Connector = connectorKeepingErrors();
    const connector = new Connector({ host: '127.0.0.1', port: (open.address() as net.AddressInfo).port, disconnectTimeout: 60_000 });
    const stream = await connector.connect(() => undefined);
    const closed = new Promise((resolve) => stream.once('close', resolve));
    connector.disconnect();
    await closed;
    expect(stream.closed).toBe(true);
  } finally {
    await new Promise((resolve) => open.close(resolve));
  }
});

describe('through a Sentinel', () => {
  let master: RedisServer;
  let sentinel: RedisServer;
  beforeAll(async () => {
    master = await startRedis();
    sentinel = await startSentinel({ masterName: 'mymaster', masterPort: master.port });
  }, 2 * REDIS_START_MS + 5_000);
  afterAll(async () => {
    await sentinel?.stop();
    await master?.stop();
  });

  const sentinelConnector = () => {
    const Connector = sentinelConnectorKeepingErrors();
    return new Connector({ sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'mymaster', disconnectTimeout: 60_000 }) as InstanceType<ReturnType<typeof sentinelConnectorKeepingErrors>> & {
      connectToSentinel(endpoint: { host: string; port: number }, options?: { lazyConnect: boolean }): Redis;
    };
  };

  test("the master's connection handles a second error", async () => {
    const connector = sentinelConnector();
    const stream = await connector.connect(() => undefined);
    stream.once('error', () => undefined);
    stream.emit('error', new Error('self-signed certificate'));
    expect(() => stream.emit('error', new Error('tlsv1 alert decode error'))).not.toThrow();
    connector.disconnect();
  });

  test("each connection to a Sentinel handles a second error (a TLS Sentinel's refused certificate stopped the gateway) and its close leaves no timer", async () => {
    const client = sentinelConnector().connectToSentinel({ host: '127.0.0.1', port: sentinel.port }, { lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    const stream = client.stream;
    // ioredis's own listener takes the first.
    stream.emit('error', new Error('self-signed certificate'));
    expect(() => stream.emit('error', new Error('tlsv1 alert decode error'))).not.toThrow();
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      client.disconnect();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
  test("a client's connections (to the Sentinel, the master, and the Sentinel again to hear of failovers) all handle a second error", async () => {
    const connections = jest.spyOn(netModule, 'createConnection');
    const client = new Redis({ sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'mymaster', failoverDetector: true, lazyConnect: true, Connector: sentinelConnectorKeepingErrors() });
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
    }
  });
  // The tests above give ioredis the connectors themselves: this one is what the gateway runs.
  test.each([
    ['one server', () => ({ url: master.url }), () => [master.port]],
    ['through the Sentinel', () => ({ sentinels: { addresses: [{ host: '127.0.0.1', port: sentinel.port }], master: 'mymaster' } }), () => [sentinel.port, master.port, sentinel.port]],
  ])("the store's own connections (%s) handle a second error: it gives ioredis these connectors", async (_name, options, ports) => {
    const connections = jest.spyOn(netModule, 'createConnection');
    const store = createRedisStore({ ...options(), timeoutMs: 2_000 });
    try {
      await store.hit([{ key: 'second-error', windowMs: 60_000, amount: 1 }]);
      for (let waited = 0; connections.mock.calls.length < ports().length && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(connections.mock.calls.map(([connected]: unknown[]) => (connected as net.TcpNetConnectOpts).port)).toEqual(ports());
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(connections.mock.results.map((result) => secondErrorThrows(result.value as net.Socket))).toEqual(ports().map(() => false));
    } finally {
      jest.restoreAllMocks();
      await store.close();
    }
  });
});
