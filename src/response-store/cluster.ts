/**
 * The response store under `--workers N`: the cluster primary keeps the responses (in memory, as a
 * single process does), so that a follow-up resolves whichever worker serves it. A worker sends each
 * response to keep without waiting (one IPC message), and asks only when a request refers to one
 * (one round trip). A worker sends what to keep before the answer, so the primary has it before any
 * follow-up the client sends; a question that reaches the primary in the same turn of its event loop
 * is answered after that turn's messages are handled.
 */
import type { Cluster, Worker } from 'node:cluster';
import { observeResponseStore } from '../server/metrics';
import { sendToWorker } from '../server/send-to-worker';
import { createMemoryResponseStore, type MemoryResponseStore } from './memory';
import type { KeptResponse, ResponseStore, StoreBounds, StoreLookup } from './types';

/** Tags our IPC messages so that other cluster messages pass untouched. */
export const RESPONSE_STORE_CHANNEL = 'llm-gateway:response-store';

type Channel = typeof RESPONSE_STORE_CHANNEL;

/** What a worker asks the primary, by kind; the answer is the memory store's. */
type Question = { kind: 'find'; lookup: StoreLookup } | { kind: 'get' | 'remove' | 'inputItems'; space: string; id: string };

type WorkerMessage = { channel: Channel; kind: 'keep'; response: KeptResponse; bounds: StoreBounds } | ({ channel: Channel; questionId: number; bounds: StoreBounds } & Question);

interface Answer {
  channel: Channel;
  questionId: number;
  result: unknown;
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
  const pending = new Map<number, { resolve: (result: unknown) => void; timer: NodeJS.Timeout }>();
  let nextId = 0;
  const send = (message: WorkerMessage, onFailure: (error: Error | null) => void) => {
    if (typeof channel.send !== 'function') throw new Error('the cluster response store needs an IPC channel to the primary (run it in a cluster worker)');
    channel.send(message, undefined, onFailure);
  };

  channel.on('message', (message) => {
    if (!isOurs<Answer>(message)) return;
    const waiting = pending.get(message.questionId);
    if (waiting === undefined) return;
    pending.delete(message.questionId);
    clearTimeout(waiting.timer);
    waiting.resolve(message.result);
  });

  function ask<Result>(question: Question, bounds: StoreBounds): Promise<Result> {
    return new Promise((resolve, reject) => {
      const questionId = nextId++;
      const fail = (error: Error) => {
        if (!pending.delete(questionId)) return;
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`the cluster primary did not answer a response-store ${question.kind} within ${timeoutMs} ms`)), timeoutMs);
      pending.set(questionId, { resolve: resolve as (result: unknown) => void, timer });
      try {
        send({ channel: RESPONSE_STORE_CHANNEL, questionId, bounds, ...question }, (error) => error && fail(error));
      } catch (error) {
        fail(error as Error);
      }
    });
  }

  return {
    keep: (response, bounds) => {
      try {
        send({ channel: RESPONSE_STORE_CHANNEL, kind: 'keep', response, bounds }, ignoreSendFailure);
      } catch {
        // Not kept: a later reference to it is a miss, as for one evicted.
      }
    },
    find: (lookup, bounds) => ask({ kind: 'find', lookup }, bounds),
    get: (space, id, bounds) => ask({ kind: 'get', space, id }, bounds),
    remove: (space, id, bounds) => ask({ kind: 'remove', space, id }, bounds),
    inputItems: (space, id, bounds) => ask({ kind: 'inputItems', space, id }, bounds),
  };
}

function answerOf(store: MemoryResponseStore, question: Question, bounds: StoreBounds): unknown {
  switch (question.kind) {
    case 'find':
      return store.findNow(question.lookup, bounds);
    case 'get':
      return store.getNow(question.space, question.id, bounds);
    case 'remove':
      return store.removeNow(question.space, question.id, bounds);
    case 'inputItems':
      return store.inputItemsNow(question.space, question.id, bounds);
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

/** Starts keeping the responses of the workers of `cluster` and answering their questions. */
export function serveResponseStoreToWorkers(cluster: Cluster, store: MemoryResponseStore = createMemoryResponseStore()): void {
  observeResponseStore(store);
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isOurs<WorkerMessage>(message)) return;
    if (message.kind === 'keep') {
      store.keep(message.response, message.bounds);
      return;
    }
    // Another worker's response to keep may have come in the same turn: it is handled first.
    setImmediate(() => {
      const answer: Answer = { channel: RESPONSE_STORE_CHANNEL, questionId: message.questionId, result: answerOf(store, message, message.bounds) };
      sendToWorker(worker, answer);
    });
  });
}
