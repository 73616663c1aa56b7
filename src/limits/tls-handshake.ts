/**
 * Why a TLS connection to a Redis address fails. ioredis ignores the errors of its connections to
 * Redis Cluster nodes (while learning the slots) and to Sentinels: a refused certificate reaches the
 * store only as "Connection is closed.", so the store asks for itself to name the cause in its log.
 */
import { connect as netConnect } from 'node:net';
import { connect } from 'node:tls';
import type { RedisAddress } from './redis-store';

/** An address from the config, with where it is written there (`rate_limit_store.cluster_nodes[1]`). */
export interface ConfiguredRedisAddress {
  address: RedisAddress;
  path: string;
}

/**
 * Opens a TLS connection to `address` as ioredis would (the default trust, with NODE_EXTRA_CA_CERTS)
 * and closes it once the handshake is done: the error's message (`self-signed certificate`,
 * `connect ECONNREFUSED …`), or that no byte came back within `timeoutMs` over an open connection (a
 * Redis without TLS on that port reads the TLS hello as the start of a command and waits for the
 * rest, saying nothing); null when the handshake succeeds, when the server answered but did not
 * finish in time, or when the TCP connection did not open in time.
 */
export function tlsHandshakeFailure(address: RedisAddress, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    // Its own TCP socket under the TLS one: only it counts the bytes the server sent before the handshake ended.
    const tcp = netConnect({ host: address.host, port: address.port });
    const socket = connect({ socket: tcp, host: address.host });
    // A hard deadline rather than the socket's idle timeout, which a server trickling bytes would keep resetting.
    // A TCP connection still opening (a host behind a firewall that drops it) says nothing about TLS.
    const deadline = setTimeout(() => {
      const opened = !tcp.connecting;
      // Timers run before I/O in a turn of the event loop: when it was busy past the deadline (a loaded
      // machine), what the server sent meanwhile (its certificate, a close) is read first, and decides.
      setImmediate(() => settle(opened && tcp.bytesRead === 0 ? `no TLS handshake answer within ${timeoutMs} ms: is it a TLS port?` : null));
    }, timeoutMs);
    const settle = (failure: string | null) => {
      clearTimeout(deadline);
      socket.destroy();
      tcp.destroy();
      resolve(failure);
    };
    // It never keeps a stopping process alive.
    deadline.unref();
    tcp.unref();
    socket.once('secureConnect', () => settle(null));
    socket.once('error', (error) => settle(error.message));
  });
}

/**
 * Checks every address at once, so the whole check takes at most about `timeoutMs`: the addresses
 * whose handshake failed, in the config's order, each with why; empty when none failed.
 */
export async function tlsHandshakeFailures(addresses: readonly ConfiguredRedisAddress[], timeoutMs: number): Promise<(ConfiguredRedisAddress & { failure: string })[]> {
  const failures = await Promise.all(addresses.map(({ address }) => tlsHandshakeFailure(address, timeoutMs)));
  return addresses.flatMap((configured, index) => {
    const failure = failures[index];
    return failure === null ? [] : [{ ...configured, failure }];
  });
}

/** How often each address's handshake may be checked while Redis stays away: the first window, doubled while it fails. */
export interface TlsCheckWindows {
  firstMs: number;
  maxMs: number;
}

/** At most one check per address per 30 s, doubling to 5 min while its handshake fails. */
export const TLS_CHECK_WINDOWS: TlsCheckWindows = { firstMs: 30_000, maxMs: 300_000 };

/** The handshake checks of a store that cannot connect, with what they found. */
export interface TlsHandshakeWatch {
  /** Checks the addresses whose window has passed (one check at a time); resolves once it is done. */
  check(): Promise<void>;
  /** Each address's latest failure, in the config's order; empty when none failed. */
  failures(): (ConfiguredRedisAddress & { failure: string })[];
  /** The store connected: forget every finding and window, so the next outage checks at once. */
  reset(): void;
}

interface AddressState {
  failure: string | null;
  /** When the address may be checked again (0: at once), and the window after its next failure. */
  nextCheckAt: number;
  windowMs: number;
}

/**
 * The handshake checks of `addresses`, throttled: an ioredis error comes at every reconnection
 * attempt (every 2 s at most while Redis is away), and checking every address each time would open
 * a TLS connection to each node that often for as long as it lasts. An address is checked at most
 * once per window; a failing one's window doubles up to `windows.maxMs`, a passing one's starts over.
 * A check that ends after `isConnected()` says nothing about now and is dropped.
 */
export function createTlsHandshakeWatch(options: {
  addresses: readonly ConfiguredRedisAddress[];
  timeoutMs: number;
  windows?: TlsCheckWindows;
  isConnected: () => boolean;
  now?: () => number;
}): TlsHandshakeWatch {
  const { addresses, timeoutMs, isConnected } = options;
  const windows = options.windows ?? TLS_CHECK_WINDOWS;
  const now = options.now ?? Date.now;
  const fresh = (): AddressState[] => addresses.map(() => ({ failure: null, nextCheckAt: 0, windowMs: windows.firstMs }));
  let states = fresh();
  let inFlight: Promise<void> | null = null;
  const runCheck = async (due: number[]): Promise<void> => {
    const checkedStates = states;
    const results = await tlsHandshakeFailures(due.map((index) => addresses[index]), timeoutMs);
    if (checkedStates !== states || isConnected()) return;
    const checkedAt = now();
    due.forEach((index) => {
      const state = states[index];
      const failure = results.find((result) => result.path === addresses[index].path)?.failure ?? null;
      state.windowMs = failure === null || state.failure === null ? windows.firstMs : Math.min(state.windowMs * 2, windows.maxMs);
      state.failure = failure;
      state.nextCheckAt = checkedAt + state.windowMs;
    });
  };
  return {
    check() {
      if (inFlight !== null) return inFlight;
      const due = addresses.flatMap((_, index) => (states[index].nextCheckAt <= now() ? [index] : []));
      if (due.length === 0) return Promise.resolve();
      const check: Promise<void> = runCheck(due).finally(() => {
        if (inFlight === check) inFlight = null;
      });
      inFlight = check;
      return check;
    },
    failures() {
      return addresses.flatMap((configured, index) => {
        const { failure } = states[index];
        return failure === null ? [] : [{ ...configured, failure }];
      });
    },
    reset() {
      states = fresh();
      inFlight = null;
    },
  };
}
