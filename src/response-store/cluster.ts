/**
 * The response store under `--workers N`: the cluster primary keeps the responses (in memory, as a
 * single process does), so that a follow-up resolves whichever worker serves it. A worker sends each
 * response to keep without waiting (one IPC message), and asks only when a request refers to one
 * (one round trip). A worker sends what to keep before the answer, so the primary has it before any
 * follow-up the client sends; a follow-up that reaches the primary in the same turn of its event loop
 * is answered after that turn's messages are handled.
 */
import type { Cluster, Worker } from 'node:cluster';
import { sendToWorker } from '../server/send-to-worker';
import { createMemoryResponseStore, type MemoryResponseStore } from './memory';
import type { KeptResponse, ResponseStore, StoreBounds, StoreFindings, StoreLookup } from './types';

/** Tags our IPC messages so that other cluster messages pass untouched. */
export const RESPONSE_STORE_CHANNEL = 'llm-gateway:response-store';

type WorkerMessage =
  | { channel: typeof RESPONSE_STORE_CHANNEL; kind: 'keep'; response: KeptResponse; bounds: StoreBounds }
  | { channel: typeof RESPONSE_STORE_CHANNEL; kind: 'find'; id: number; lookup: StoreLookup; bounds: StoreBounds };

interface FindAnswer {
  channel: typeof RESPONSE_STORE_CHANNEL;
  id: number;
  findings: StoreFindings;
}

/** The IPC side of a worker process (`process` in a cluster worker). */
export interface IpcChannel {
  send?(message: unknown, sendHandle?: undefined, callback?: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function isOurs<Message>(message: unknown): message is Message {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === RESPONSE_STORE_CHANNEL;
}

const ignoreSendFailure = (): void => undefined;

export function createClusterResponseStore(options: { channel?: IpcChannel; timeoutMs?: number } = {}): ResponseStore {
  const channel = options.channel ?? process;
  const timeoutMs = options.timeoutMs ?? 1_000;
  const pending = new Map<number, { resolve: (findings: StoreFindings) => void; timer: NodeJS.Timeout }>();
  let nextId = 0;
  const send = (message: WorkerMessage, onFailure: (error: Error | null) => void) => {
    if (typeof channel.send !== 'function') throw new Error('the cluster response store needs an IPC channel to the primary (run it in a cluster worker)');
    channel.send(message, undefined, onFailure);
  };

  channel.on('message', (message) => {
    if (!isOurs<FindAnswer>(message)) return;
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    waiting.resolve(message.findings);
  });

  return {
    keep: (response, bounds) => {
      try {
        send({ channel: RESPONSE_STORE_CHANNEL, kind: 'keep', response, bounds }, ignoreSendFailure);
      } catch {
        // Not kept: a later reference to it is a miss, as for one evicted.
      }
    },
    find: (lookup, bounds) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const fail = (error: Error) => {
          if (!pending.delete(id)) return;
          clearTimeout(timer);
          reject(error);
        };
        const timer = setTimeout(() => fail(new Error(`the cluster primary did not answer a response-store lookup within ${timeoutMs} ms`)), timeoutMs);
        pending.set(id, { resolve, timer });
        try {
          send({ channel: RESPONSE_STORE_CHANNEL, kind: 'find', id, lookup, bounds }, (error) => error && fail(error));
        } catch (error) {
          fail(error as Error);
        }
      }),
  };
}

/** Starts keeping the responses of the workers of `cluster` and answering their lookups. */
export function serveResponseStoreToWorkers(cluster: Cluster, store: MemoryResponseStore = createMemoryResponseStore()): void {
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isOurs<WorkerMessage>(message)) return;
    if (message.kind === 'keep') {
      store.keep(message.response, message.bounds);
      return;
    }
    const { id, lookup, bounds } = message;
    // Another worker's response to keep may have come in the same turn: it is handled first.
    setImmediate(() => {
      const answer: FindAnswer = { channel: RESPONSE_STORE_CHANNEL, id, findings: store.findNow(lookup, bounds) };
      sendToWorker(worker, answer);
    });
  });
}
