/**
 * Fails any connection this process opens to a host other than the loopback: for tests of code
 * whose libraries would reach a real service (Azure's login or instance metadata) if a setting
 * were wrong. The refused hosts are kept, so a test can also check that none was tried.
 */
import { Socket } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface LoopbackGuard {
  /** Hosts a connection was refused to, in order. */
  readonly refused: string[];
  restore(): void;
}

/** The host a `Socket.connect` call is for; null for a Unix socket or a pipe. */
function hostOf(args: unknown[]): string | null {
  // net.connect passes its normalised arguments as one array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    // As net does: a path (http's options carry `path: null`) makes it a pipe.
    const options = first as { host?: string; path?: string | null };
    return options.path ? null : (options.host ?? 'localhost');
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null;
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

export function allowOnlyLoopback(): LoopbackGuard {
  const original = Socket.prototype.connect;
  const refused: string[] = [];
  Socket.prototype.connect = function connect(this: Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== null && !LOOPBACK.has(host)) {
      refused.push(host);
      throw new Error(`this test may only connect to the loopback, not to ${host}`);
    }
    return (original as (...values: unknown[]) => Socket).apply(this, args);
  } as typeof original;
  return {
    refused,
    restore: () => {
      Socket.prototype.connect = original;
    },
  };
}
