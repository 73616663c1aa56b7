/**
 * When a Redis Cluster or TLS Sentinels cannot be reached, the store checks the TLS handshake of
 * every configured address itself (ioredis does not say why) and names each that failed: a real
 * TLS-only redis-server with a certificate the process does not trust, a fake that closes the
 * connection during the handshake, and one that never answers (as a Redis without TLS does). A
 * single rediss:// server without TLS on its port (a real plain redis-server) is named the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisStore, type RedisAddress } from '../../../src/limits/redis-store';
import { createTlsHandshakeWatch, tlsHandshakeFailure, type ConfiguredRedisAddress } from '../../../src/limits/tls-handshake';
import { freePort } from '../../support/cli';
import { selfSignedCertificate, startRedis, type RedisServer } from '../../support/redis';

const PASSWORD = 'tls-check-pw';
let untrusted: RedisServer;
let plain: RedisServer;
let closing: Server;
let hanging: Server;
const heldSockets: Socket[] = [];
let nodes: RedisAddress[];

/**
 * Closes a connection once the client's TLS hello is read: the client then sees a clean end before
 * the handshake. Closed before the hello arrives, the hello would meet a closed socket, whose reset
 * a client held up (a loaded machine) reads first: "read ECONNRESET" instead.
 */
function closeAfterHello(socket: Socket): void {
  socket.once('data', () => socket.destroy());
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  const tls = selfSignedCertificate(mkdtempSync(join(tmpdir(), 'gateway-tls-check-')));
  const port = await freePort();
  untrusted = await startRedis({ port, args: ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.certificate, '--tls-key-file', tls.privateKey, '--tls-ca-cert-file', tls.certificate, '--tls-auth-clients', 'no'] });
  plain = await startRedis();
  closing = createServer(closeAfterHello);
  hanging = createServer((socket) => heldSockets.push(socket));
  nodes = [{ host: '127.0.0.1', port: await listen(hanging) }, { host: '127.0.0.1', port }, { host: '127.0.0.1', port: await listen(closing) }];
});

afterAll(async () => {
  for (const socket of heldSockets) socket.destroy();
  await Promise.all([closing, hanging].map((server) => new Promise((resolve) => server.close(resolve))));
  await untrusted?.stop();
  await plain?.stop();
});

async function firstFailure(store: ReturnType<typeof createRedisStore>): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  try {
    const error = (await store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]).catch((caught: Error) => caught)) as Error;
    return { message: error.message, ms: Date.now() - started };
  } finally {
    await store.close();
  }
}

test('a Redis Cluster over rediss://: every failing node is named with its config path, not only the first', async () => {
  const { message, ms } = await firstFailure(createRedisStore({ url: `rediss://:${PASSWORD}@ignored`, clusterNodes: nodes, timeoutMs: 500 }));
  expect(message).toContain(`TLS to 127.0.0.1:${nodes[1].port} (rate_limit_store.cluster_nodes[1]): self-signed certificate`);
  expect(message).toMatch(new RegExp(`TLS to 127\\.0\\.0\\.1:${nodes[2].port} \\(rate_limit_store\\.cluster_nodes\\[2\\]\\): Client network socket disconnected before secure TLS connection was established`));
  // The node that never answers is cut at the timeout, and named for it.
  expect(message).toContain(`TLS to 127.0.0.1:${nodes[0].port} (rate_limit_store.cluster_nodes[0]): no TLS handshake answer within 500 ms: is it a TLS port?`);
  expect(message).not.toContain(PASSWORD);
  // The checks run together: the hit waits about one timeout for the connection and at most one more for
  // them (1.1 s here, 1.7 s beside other work); ten timeouts leave a loaded machine room, and a hit left
  // waiting on the checks or on ioredis's own reconnections still fails.
  expect(ms).toBeLessThan(5_000);
});

test('Sentinels with sentinel_tls: every failing Sentinel is named with its config path', async () => {
  const sentinels = { addresses: nodes, master: 'mymaster', password: PASSWORD, tls: true };
  const { message } = await firstFailure(createRedisStore({ sentinels, timeoutMs: 500 }));
  expect(message).toContain(`TLS to 127.0.0.1:${nodes[1].port} (rate_limit_store.sentinels[1]): self-signed certificate`);
  expect(message).toContain(`(rate_limit_store.sentinels[2]): Client network socket disconnected`);
  expect(message).toContain('(rate_limit_store.sentinels[0]): no TLS handshake answer within 500 ms: is it a TLS port?');
  expect(message).not.toContain(PASSWORD);
});

test('a single rediss:// server without TLS on its port (a plain redis-server, silent after the TLS hello) is named as giving no handshake answer', async () => {
  const { message } = await firstFailure(createRedisStore({ url: `rediss://:${PASSWORD}@127.0.0.1:${plain.port}/0`, timeoutMs: 250 }));
  expect(message).toBe(
    `Redis at rediss://127.0.0.1:${plain.port}/0 is not reachable (no connection within 250 ms: TLS to 127.0.0.1:${plain.port} (rate_limit_store.url): no TLS handshake answer within 250 ms: is it a TLS port?)`,
  );
});

test('a server whose TCP connection never opens (its SYN unanswered, as behind a firewall) is not named as a port without TLS', async () => {
  // A listener whose process never accepts: once its backlog is full, the kernel drops further SYNs and a connect waits.
  const child = spawn(process.execPath, ['-e', "const s = require('net').createServer(); s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => { console.log(s.address().port); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); })"], { stdio: ['ignore', 'pipe', 'inherit'] });
  const fillers: Socket[] = [];
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (data) => resolve(Number(String(data).trim()))));
    for (let filled = 0; filled < 4; filled += 1) fillers.push(connect(port, '127.0.0.1').on('error', () => undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fillers.some((socket) => socket.connecting)).toBe(true);
    expect(await tlsHandshakeFailure({ host: '127.0.0.1', port }, 300)).toBeNull();
    const { message } = await firstFailure(createRedisStore({ url: `rediss://127.0.0.1:${port}`, timeoutMs: 300 }));
    expect(message).toBe(`Redis at rediss://127.0.0.1:${port} is not reachable (no connection within 300 ms)`);
  } finally {
    for (const socket of fillers) socket.destroy();
    child.kill();
  }
});

test("a single rediss:// server's own error is not repeated by a handshake check", async () => {
  const { message } = await firstFailure(createRedisStore({ url: `rediss://127.0.0.1:${nodes[1].port}`, timeoutMs: 500 }));
  expect(message).toBe(`Redis at rediss://127.0.0.1:${nodes[1].port} is not reachable (no connection within 500 ms: self-signed certificate)`);
});

describe('a check whose deadline passes while the event loop is busy (a loaded machine)', () => {
  /** Holds this process's event loop, using no CPU, until `time`. */
  const busyUntil = (time: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, time - Date.now()));
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((socket) => socket.destroy()));

  // The fake server answers the TLS hello, then holds the event loop past the deadline: its answer
  // reaches the check before the deadline's timer runs, but is read only after it.
  test.each([
    ['closes the connection', (socket: Socket) => socket.destroy(), expect.stringMatching(/^Client network socket disconnected/)],
    ['answers, only slowly (no failure)', (socket: Socket) => socket.write(Buffer.from([0x16])), null],
  ])('a server that %s is judged by its answer, not as giving none', async (_name, answer, expected) => {
    let started = 0;
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => {
        answer(socket);
        busyUntil(started + 1_100);
      });
    });
    const port = await listen(server);
    try {
      started = Date.now();
      expect(await tlsHandshakeFailure({ host: '127.0.0.1', port }, 1_000)).toEqual(expected);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a connection seen open only after the deadline is not judged: its hello was sent too late for an answer', async () => {
    // The silent server: the TCP connection opens while the event loop is held, the hello goes out after it.
    const check = tlsHandshakeFailure(nodes[0], 100);
    busyUntil(Date.now() + 300);
    expect(await check).toBeNull();
  });
});

describe('throttled while Redis stays away', () => {
  /** A fake node whose handshake fails (it closes the connection) or is cut at the timeout (it sends a byte and holds it), counting connections. */
  let behaviour: 'close' | 'hold' = 'close';
  let connections = 0;
  const held: Socket[] = [];
  const fake = createServer((socket) => {
    connections += 1;
    if (behaviour === 'close') closeAfterHello(socket);
    else {
      // A byte of a TLS record's header: the server answered, only slowly.
      socket.write(Buffer.from([0x16]));
      held.push(socket);
    }
  });
  let address: ConfiguredRedisAddress;
  beforeAll(async () => {
    address = { address: { host: '127.0.0.1', port: await listen(fake) }, path: 'rate_limit_store.cluster_nodes[0]' };
  });
  beforeEach(() => {
    behaviour = 'close';
    connections = 0;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => fake.close(resolve));
  });

  test('each address is checked at most once per window, the window doubling while it fails up to the longest, starting over once it passes or the store connects', async () => {
    let now = 0;
    const watch = createTlsHandshakeWatch({ addresses: [address], timeoutMs: 200, windows: { firstMs: 1_000, maxMs: 3_000 }, isConnected: () => false, now: () => now });
    // Errors arriving together share one check.
    await Promise.all([watch.check(), watch.check(), watch.check()]);
    expect(connections).toBe(1);
    expect(watch.failures()).toEqual([{ ...address, failure: expect.stringMatching(/^Client network socket disconnected/) }]);
    const checksAt = async (times: number[]) => {
      const counts: number[] = [];
      for (const time of times) {
        now = time;
        await watch.check();
        counts.push(connections);
      }
      return counts;
    };
    // Windows of 1 s, 2 s, then 3 s (the longest) and 3 s again: checks at 1 s, 3 s, 6 s and 9 s only.
    expect(await checksAt([999, 1_000, 2_999, 3_000, 5_999, 6_000, 8_999, 9_000])).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
    // A handshake cut at the timeout after an answer began is no failure: the finding goes, and the window starts over at 1 s.
    behaviour = 'hold';
    expect(await checksAt([12_000, 12_999, 13_000])).toEqual([6, 6, 7]);
    expect(watch.failures()).toEqual([]);
    behaviour = 'close';
    expect(await checksAt([14_000, 14_999])).toEqual([8, 8]);
    expect(watch.failures()).toHaveLength(1);
    // Connected: everything is forgotten, and the next outage checks at once.
    watch.reset();
    expect(watch.failures()).toEqual([]);
    expect(await checksAt([14_999])).toEqual([9]);
  });

  test('a check that ends after the store connected is dropped', async () => {
    let connected = false;
    const watch = createTlsHandshakeWatch({ addresses: [address], timeoutMs: 200, isConnected: () => connected });
    const check = watch.check();
    connected = true;
    await check;
    expect(watch.failures()).toEqual([]);
  });

  test('the store reports the TLS failures once per change, not at each of ioredis\'s reconnection attempts', async () => {
    const reports: string[] = [];
    const store = createRedisStore({
      url: 'rediss://ignored',
      clusterNodes: [address.address],
      timeoutMs: 200,
      tlsCheckWindows: { firstMs: 300, maxMs: 300 },
      onTlsFailuresChanged: (described) => reports.push(described),
    });
    const failing = `TLS to 127.0.0.1:${address.address.port} (rate_limit_store.cluster_nodes[0]): Client network socket disconnected before secure TLS connection was established`;
    try {
      await expect(store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }])).rejects.toThrow(failing);
      // ioredis keeps reconnecting (and erring) meanwhile; the checks every 300 ms find the same failure.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(reports).toEqual([failing]);
      // The node now holds the handshake (no failure found), then closes it again: reported again.
      behaviour = 'hold';
      await waitFor(() => store.hit([{ key: 'k', windowMs: 1_000, amount: 1 }]).then(() => false, (error: Error) => !error.message.includes('TLS to')));
      behaviour = 'close';
      await waitFor(async () => reports.length === 2);
      expect(reports).toEqual([failing, failing]);
    } finally {
      await store.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition did not come true in 5 s');
}
