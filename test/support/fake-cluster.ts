/**
 * A cluster primary and its workers' IPC channels in one process, copying each message (structured
 * clone) and delivering it on a later turn as Node's cluster channel does; the CLI end-to-end tests
 * use real processes.
 */
import type { Cluster } from 'node:cluster';
import { EventEmitter } from 'node:events';

/** A primary with `count` workers; each worker's channel talks to it the way cluster IPC does. */
export function fakeCluster(count: number) {
  const primary = new EventEmitter();
  const workers = Array.from({ length: count }, () => {
    const channel = new EventEmitter() as EventEmitter & { send(message: unknown, handle?: unknown, callback?: (error: Error | null) => void): boolean };
    const worker = {
      isConnected: () => true,
      send: (message: unknown, _handle: unknown, callback: () => void) => {
        setImmediate(() => channel.emit('message', structuredClone(message)));
        callback();
        return true;
      },
    };
    channel.send = (message, _handle, callback) => {
      setImmediate(() => primary.emit('message', worker, structuredClone(message)));
      callback?.(null);
      return true;
    };
    return channel;
  });
  return { primary: primary as unknown as Cluster, workers };
}
