/**
 * The primary's messages to its `--workers`. A worker that has just died still looks connected until
 * the primary reads the end of its IPC channel (a busy primary may first handle a message the worker
 * sent before it died, or a timer), and a send to it then fails with EPIPE, which Node emits as an
 * `error` event on the worker: without a callback, an uncaught exception that ends the primary and
 * every other worker with it. A message to a dead worker is lost with it; its `exit` is handled as usual.
 */
import type { Worker } from 'node:cluster';

const ignoreSendFailure = (): void => undefined;

export function sendToWorker(worker: Worker, message: object): void {
  if (worker.isConnected()) worker.send(message, undefined, ignoreSendFailure);
}
