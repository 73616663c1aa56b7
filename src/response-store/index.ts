/**
 * The process's response store: its own memory, or in a `--workers` worker the cluster primary's
 * (cluster.ts). Created on first use: a gateway that serves no Responses API keeps nothing.
 */
import cluster from 'node:cluster';
import { createClusterResponseStore } from './cluster';
import { createMemoryResponseStore } from './memory';
import type { ResponseStore } from './types';

export type { InputStep, KeptResponse, ResponseStore, StoreBounds, StoreFindings, StoreLookup } from './types';

let processStore: ResponseStore | undefined;

export function responseStoreOfProcess(): ResponseStore {
  processStore ??= cluster.isWorker ? createClusterResponseStore() : createMemoryResponseStore();
  return processStore;
}
