/**
 * Peer gateways (`--peers`): Portkey's open-source gateway from npm, installed on demand into
 * bench/peers/ (ignored by git, its own package.json), never into the project. Installing is the
 * only download the benchmark ever makes, and only with `--peers`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startListening, type ServerProcess } from './processes';

const PEERS_FOLDER = join(__dirname, '..', '..', 'bench', 'peers');
const PORTKEY_PACKAGE = '@portkey-ai/gateway';
const PORTKEY_SERVER = join(PEERS_FOLDER, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');

/** Installs Portkey into bench/peers/ unless it is there; false (with the reason printed) on failure. */
export function ensurePortkey(log: (line: string) => void): boolean {
  if (existsSync(PORTKEY_SERVER)) return true;
  log(`--peers: ${PORTKEY_PACKAGE} is not installed; installing it into ${PEERS_FOLDER} (not a project dependency):`);
  log(`  npm install --prefix ${PEERS_FOLDER} --no-audit --no-fund ${PORTKEY_PACKAGE}`);
  try {
    mkdirSync(PEERS_FOLDER, { recursive: true });
    const manifest = join(PEERS_FOLDER, 'package.json');
    if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'bench-peers', private: true, description: 'Peers for npm run bench -- --peers; not part of the project.' }, null, 2)}\n`);
    execFileSync('npm', ['install', '--prefix', PEERS_FOLDER, '--no-audit', '--no-fund', PORTKEY_PACKAGE], { stdio: 'inherit' });
  } catch (error) {
    log(`--peers: installing ${PORTKEY_PACKAGE} failed (${(error as Error).message.split('\n')[0]}); continuing without it.`);
    return false;
  }
  if (existsSync(PORTKEY_SERVER)) return true;
  log(`--peers: ${PORTKEY_PACKAGE} installed but ${PORTKEY_SERVER} is missing; continuing without it.`);
  return false;
}

/** Starts Portkey headless on 127.0.0.1 (it binds every interface by itself; a preload narrows it). */
export function startPortkey(): Promise<ServerProcess> {
  return startListening({
    name: 'portkey',
    command: process.execPath,
    args: (port) => ['-r', join(__dirname, 'servers', 'loopback-only.js'), PORTKEY_SERVER, `--port=${port}`, '--headless'],
    readyPath: '/',
    env: { NODE_ENV: 'production' },
  });
}
