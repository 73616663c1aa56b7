/**
 * When a Redis Cluster or TLS Sentinels cannot be reached, the store checks the TLS handshake of
 * every configured address itself (ioredis does not say why) and names each that failed: a real
 * TLS-only redis-server with a certificate the process does not trust, a fake that closes the
 * connection during the handshake, and one that never answers (not a failure: cut at the timeout).
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisStore, type RedisAddress } from '../../../src/limits/redis-store';
import { freePort } from '../../support/cli';
import { selfSignedCertificate, startRedis, type RedisServer } from '../../support/redis';

const PASSWORD = 'tls-check-pw';
let untrusted: RedisServer;
let closing: Server;
let hanging: Server;
const heldSockets: Socket[] = [];
let nodes: RedisAddress[];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  const tls = selfSignedCertificate(mkdtempSync(join(tmpdir(), 'gateway-tls-check-')));
  const port = await freePort();
  untrusted = await startRedis({ port, args: ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.certificate, '--tls-key-file', tls.privateKey, '--tls-ca-cert-file', tls.certificate, '--tls-auth-clients', 'no'] });
  closing = createServer((socket) => socket.destroy());
  hanging = createServer((socket) => heldSockets.push(socket));
  nodes = [{ host: '127.0.0.1', port: await listen(hanging) }, { host: '127.0.0.1', port }, { host: '127.0.0.1', port: await listen(closing) }];
});

afterAll(async () => {
  for (const socket of heldSockets) socket.destroy();
  await Promise.all([closing, hanging].map((server) => new Promise((resolve) => server.close(resolve))));
  await untrusted?.stop();
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
  // The node that never answers is cut at the timeout, not reported as failed.
  expect(message).not.toContain('cluster_nodes[0]');
  expect(message).not.toContain(PASSWORD);
  // The checks run together: the hit waits about one timeout for the connection and at most one more for them.
  expect(ms).toBeLessThan(2_500);
});

test('Sentinels with sentinel_tls: every failing Sentinel is named with its config path', async () => {
  const sentinels = { addresses: nodes, master: 'mymaster', password: PASSWORD, tls: true };
  const { message } = await firstFailure(createRedisStore({ sentinels, timeoutMs: 500 }));
  expect(message).toContain(`TLS to 127.0.0.1:${nodes[1].port} (rate_limit_store.sentinels[1]): self-signed certificate`);
  expect(message).toContain(`(rate_limit_store.sentinels[2]): Client network socket disconnected`);
  expect(message).not.toContain('sentinels[0]');
  expect(message).not.toContain(PASSWORD);
});
