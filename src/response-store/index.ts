/**
 * The process's response store: its own memory, or in a `--workers` worker the cluster primary's
 * (cluster.ts). Created on first use: a gateway that serves no Responses API keeps nothing.
 */
import cluster from 'node:cluster';
import { observeResponseStore } from '../server/metrics';
import { createClusterResponseStore } from './cluster';
import { createMemoryResponseStore } from './memory';
import type { ResponseStore } from './types';

export type { InputStep, KeptResponse, ResponseStore, StoreBounds, StoreFindings, StoreLookup, StoreStatistics } from './types';

let processStore: ResponseStore | undefined;

/** A worker asks the primary; any other process keeps its own, which its metrics read. */
function createProcessStore(): ResponseStore {
  if (cluster.isWorker) return createClusterResponseStore();
  const memory = createMemoryResponseStore();
  observeResponseStore(memory);
  return memory;
}

export function responseStoreOfProcess(): ResponseStore {
  processStore ??= createProcessStore();
  return processStore;
}
