/**
 * The cluster primary's side of the `--workers N` rate-limit store: it owns the counters (in
 * memory) and answers each worker's hit request over cluster IPC. Counters therefore survive a
 * crashed worker being replaced.
 */
import type { Cluster, Worker } from 'node:cluster';
import { RATE_LIMIT_CHANNEL, type HitAnswer, type HitRequest } from './cluster-store';
import { sendToWorker } from '../server/send-to-worker';
import { createMemoryStore, type MemoryStore } from './memory-store';

function isHitRequest(message: unknown): message is HitRequest {
  return typeof message === 'object' && message !== null && (message as HitRequest).channel === RATE_LIMIT_CHANNEL && Array.isArray((message as HitRequest).hits);
}

/** Starts answering rate-limit requests from the workers of `cluster`. */
export function serveRateLimitsToWorkers(cluster: Cluster, store: MemoryStore = createMemoryStore()): void {
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isHitRequest(message)) return;
    const answer: HitAnswer = { channel: RATE_LIMIT_CHANNEL, id: message.id, states: store.hitNow(message.hits) };
    // A worker that died meanwhile cannot be answered; its request died with it.
    sendToWorker(worker, answer);
  });
}
