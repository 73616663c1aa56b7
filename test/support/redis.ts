/**
 * A real `redis-server` for tests: started on a free 127.0.0.1 port with no persistence, stopped
 * (or killed, to test outages) by the test that started it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './cli';
import { REDIS_CLUSTER_OK_MS, REDIS_START_MS } from './timeouts';

export interface RedisServer {
  port: number;
  url: string;
  /** Its working folder (a cluster node's nodes.conf): a restart given it comes back as the same node. */
  folder: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server without a goodbye (SIGKILL), as a crash or a network loss would. */
  kill(): Promise<void>;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `redis-server` (from PATH) on a free port; `port` and `folder` reuse a stopped server's (a
 * restart); `args` adds settings (`--requirepass`…).
 */
export async function startRedis(options: { port?: number; folder?: string; args?: string[] } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  // Its own folder: a replica's full sync writes dump.rdb there, which a server started later in the
  // same folder would load (counters from another test).
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'redis-'));
  return launch(port, folder, ['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--save', '', '--appendonly', 'no', ...(options.args ?? [])]);
}

/**
 * Starts a Redis Sentinel (`redis-server <file> --sentinel`) on a free port, watching the master
 * `masterName` at 127.0.0.1:`masterPort` with a quorum of 1. `settings` adds lines to its config
 * file (`requirepass …`, `sentinel auth-pass …`), which Sentinel must be able to rewrite. With
 * `tls`, it takes only TLS on its port (and reaches the master over TLS).
 */
export async function startSentinel(options: { masterName: string; masterPort: number; settings?: string[]; tls?: TlsFiles }): Promise<RedisServer> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'redis-sentinel-'));
  const file = join(folder, 'sentinel.conf');
  const listening = options.tls === undefined ? { port: String(port) } : { ...tlsOnlySettings(port, options.tls), 'tls-replication': 'yes' };
  const lines = [
    ...Object.entries(listening).map(([name, value]) => `${name} ${value}`),
    'bind 127.0.0.1',
    `sentinel monitor ${options.masterName} 127.0.0.1 ${options.masterPort} 1`,
    // Small, so that a test's failover takes about a second.
    `sentinel down-after-milliseconds ${options.masterName} 1000`,
    `sentinel failover-timeout ${options.masterName} 10000`,
    ...(options.settings ?? []),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return launch(port, folder, [file, '--sentinel']);
}

async function launch(port: number, folder: string, args: string[]): Promise<RedisServer> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let spawnError: Error | null = null;
  child.on('error', (error) => (spawnError = error));
  child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  const deadline = Date.now() + REDIS_START_MS;
  while (!(await accepts(port))) {
    if (spawnError !== null) {
      throw new Error(`cannot start redis-server (${(spawnError as Error).message}): the rate-limit tests need it on PATH, e.g. apt-get install -y redis-server`);
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const signal = async (name: NodeJS.Signals) => {
    child.kill(name);
    await exited(child);
  };
  return { port, url: `redis://127.0.0.1:${port}`, folder, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}

/** A self-signed certificate for 127.0.0.1 (its own CA) and its key. */
export interface TlsFiles {
  certificate: string;
  privateKey: string;
}

/**
 * Makes a self-signed certificate with openssl, valid for a day, in `folder`: for 127.0.0.1, or with
 * `hostName` for that name only (as a managed service's certificate names its hosts, not their addresses).
 */
export function selfSignedCertificate(folder: string, hostName?: string): TlsFiles {
  const files = { certificate: join(folder, 'certificate.pem'), privateKey: join(folder, 'key.pem') };
  const [name, altName] = hostName === undefined ? ['127.0.0.1', 'IP:127.0.0.1'] : [hostName, `DNS:${hostName}`];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', files.privateKey, '-out', files.certificate, '-days', '1', '-subj', `/CN=${name}`, '-addext', `subjectAltName=${altName}`], { stdio: 'ignore' });
  return files;
}

/** Settings for a server that takes only TLS on `port`, its certificate `tls`, clients not asked for one. */
function tlsOnlySettings(port: number, tls: TlsFiles): Record<string, string> {
  return { port: '0', 'tls-port': String(port), 'tls-cert-file': tls.certificate, 'tls-key-file': tls.privateKey, 'tls-ca-cert-file': tls.certificate, 'tls-auth-clients': 'no' };
}

function asArgs(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => [`--${name}`, value]);
}

/**
 * Starts a Redis Cluster of `size` masters (no replicas) on free ports, `args` added to each
 * (`--requirepass`…, with `password` for redis-cli), and waits until every node says the cluster is ok.
 * With `tls`, each node takes only TLS, on its port and on the cluster bus.
 */
export async function startRedisCluster(options: { size: number; args?: string[]; password?: string; tls?: TlsFiles }): Promise<RedisServer[]> {
  const nodes: RedisServer[] = [];
  for (let index = 0; index < options.size; index += 1) {
    const port = await freePort();
    const tls = options.tls === undefined ? [] : asArgs({ ...tlsOnlySettings(port, options.tls), 'tls-cluster': 'yes', 'tls-replication': 'yes' });
    nodes.push(await startRedis({ port, args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', ...tls, ...(options.args ?? [])] }));
  }
  const tlsCli = options.tls === undefined ? [] : ['--tls', '--cacert', options.tls.certificate];
  const auth = [...tlsCli, ...(options.password === undefined ? [] : ['--no-auth-warning', '-a', options.password])];
  await redisCli([...auth, '--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-yes']);
  const deadline = Date.now() + REDIS_CLUSTER_OK_MS;
  for (const node of nodes) {
    while (!(await redisCli([...auth, '-p', String(node.port), 'CLUSTER', 'INFO'])).includes('cluster_state:ok')) {
      if (Date.now() > deadline) throw new Error(`the Redis Cluster on port ${node.port} did not become ok`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return nodes;
}

function redisCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', ['-h', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`redis-cli ${args.join(' ')} failed:\n${output}`))));
  });
}

/** A TCP relay in front of a Redis: what its clients send, and `stall()`, from when on Redis's answers are held back for good. */
export interface RedisRelay {
  port: number;
  /** Everything the relay's clients have sent Redis (commands, their keys), as text. */
  sent(): string;
  /** From now on nothing Redis sends reaches the clients: a Redis (or a network) that stopped answering, its connections still open. */
  stall(): void;
  close(): Promise<void>;
}

/** Starts a RedisRelay to the Redis on 127.0.0.1:`port`; with `answerDelayMs`, each of Redis's answers is held back that long (a slow network, or a busy client's late read). */
export async function startRedisRelay(port: number, options: { answerDelayMs?: number } = {}): Promise<RedisRelay> {
  let sent = '';
  let stalled = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (bytes: Buffer) => {
      sent += bytes.toString('latin1');
      upstream.write(bytes);
    });
    const answer = (bytes: Buffer) => stalled || !client.writable || client.write(bytes);
    upstream.on('data', (bytes: Buffer) => (options.answerDelayMs === undefined ? answer(bytes) : setTimeout(answer, options.answerDelayMs, bytes)));
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sent: () => sent,
    stall: () => (stalled = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
