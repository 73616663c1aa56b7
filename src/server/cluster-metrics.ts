/**
 * `GET /metrics` under `--workers N`: a worker asked for the metrics asks the primary, which collects
 * every live worker's registry over the cluster IPC and answers with the sum (prom-client's
 * `AggregatorRegistry.aggregate`, so each metric keeps its own way of summing).
 *
 * Counters and histograms must never go down, or Prometheus reads a counter reset (`rate()` spikes,
 * `increase()` is wrong). So the primary keeps the last snapshot each worker sent it, and when a
 * worker exits, that snapshot's cumulative metrics are added into one retired snapshot that every
 * later sum includes. Counts a worker made after the last scrape before it died are lost (no IPC per
 * request); gauges and Node's process metrics describe live processes and are not retained.
 * Memory stays bounded: one snapshot per live worker, one retired snapshot for all the dead ones.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { sendToWorker } from './send-to-worker';

/** One sample of a metric, as `Registry.getMetricsAsJSON()` gives it and the IPC carries it. */
export interface SampleJson {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

/** One metric of a snapshot (prom-client's typings call `type` an enum; at run time it is the text name). */
export interface MetricJson {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  values: SampleJson[];
}

/** One registry's metrics at one moment. */
export type MetricsSnapshot = MetricJson[];

/** One sample's identity: its name (`_bucket`, `_sum`…) and its labels in a fixed order. */
function seriesKey(sample: SampleJson): string {
  const labels = Object.entries(sample.labels).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `${sample.metricName ?? ''}\n${JSON.stringify(labels)}`;
}

/** Sums snapshots series by series (each metric's own header from the first snapshot that has it). */
export function sumSnapshots(snapshots: readonly MetricsSnapshot[]): MetricsSnapshot {
  const byName = new Map<string, { metric: MetricJson; samples: Map<string, SampleJson> }>();
  for (const snapshot of snapshots) {
    for (const metric of snapshot) {
      let entry = byName.get(metric.name);
      if (entry === undefined) {
        entry = { metric, samples: new Map() };
        byName.set(metric.name, entry);
      }
      for (const sample of metric.values) {
        const key = seriesKey(sample);
        const found = entry.samples.get(key);
        entry.samples.set(key, { ...sample, value: (found?.value ?? 0) + sample.value });
      }
    }
  }
  return [...byName.values()].map(({ metric, samples }) => ({ name: metric.name, help: metric.help, type: metric.type, aggregator: metric.aggregator, values: [...samples.values()] }));
}

/** The retired snapshot after a worker whose last snapshot was `last` exits: only its cumulative metrics add up. */
export function retireSnapshot(options: { retired: MetricsSnapshot; last: MetricsSnapshot; cumulative: ReadonlySet<string> }): MetricsSnapshot {
  return sumSnapshots([options.retired, options.last.filter((metric) => options.cumulative.has(metric.name))]);
}

/** A worker's snapshot with the number of the collection it answered (collections are numbered in order). */
export interface NumberedSnapshot {
  collection: number;
  snapshot: MetricsSnapshot;
}

/**
 * Whether a worker's answer replaces the snapshot kept for it: not when the worker has exited (its
 * counts are in the retired sum already) nor when it answers an older collection than the kept
 * snapshot's (two scrapes at once), either of which would make a sum go down or count twice.
 */
export function replacesSnapshot(kept: NumberedSnapshot | undefined, answer: { collection: number; workerExited: boolean }): boolean {
  return !answer.workerExited && (kept === undefined || kept.collection < answer.collection);
}

// ---------------------------------------------------------------------------------------------
// Messages: a worker asks the primary for the deployment's metrics; the primary asks every worker
// for its snapshot.

interface MetricsRequest {
  type: 'gateway:metrics-request';
  id: number;
}

interface MetricsAnswer {
  type: 'gateway:metrics';
  id: number;
  text?: string;
  error?: string;
}

interface SnapshotRequest {
  type: 'gateway:metrics-snapshot-request';
  id: number;
}

interface SnapshotAnswer {
  type: 'gateway:metrics-snapshot';
  id: number;
  snapshot?: MetricsSnapshot;
  error?: string;
}

const isMetricsRequest = (message: unknown): message is MetricsRequest => (message as MetricsRequest | null)?.type === 'gateway:metrics-request';
const isMetricsAnswer = (message: unknown): message is MetricsAnswer => (message as MetricsAnswer | null)?.type === 'gateway:metrics';
const isSnapshotRequest = (message: unknown): message is SnapshotRequest => (message as SnapshotRequest | null)?.type === 'gateway:metrics-snapshot-request';
const isSnapshotAnswer = (message: unknown): message is SnapshotAnswer => (message as SnapshotAnswer | null)?.type === 'gateway:metrics-snapshot';

const SNAPSHOT_TIMEOUT_MS = 5_000;

/** One scrape in the primary: the workers it still waits for. */
interface Collection {
  waitingFor: Set<number>;
  settle: (error?: Error) => void;
}

/**
 * Primary: answers workers' requests for the deployment's metrics. `cumulative` names the metrics
 * (counters and histograms) whose counts outlive the worker that made them.
 */
export function serveClusterMetrics(options: { cumulative: ReadonlySet<string> }): void {
  const latest = new Map<number, NumberedSnapshot>();
  let retired: MetricsSnapshot = [];
  const collections = new Map<number, Collection>();
  let nextCollectionId = 0;

  const collect = (): Promise<string> =>
    new Promise<void>((resolve, reject) => {
      const id = nextCollectionId++;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker?.isConnected() === true);
      const timer = setTimeout(() => settle(new Error('a worker did not send its metrics in time')), SNAPSHOT_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        collections.delete(id);
        if (error === undefined) resolve();
        else reject(error);
      };
      collections.set(id, { waitingFor: new Set(workers.map((worker) => worker.id)), settle });
      for (const worker of workers) sendToWorker(worker, { type: 'gateway:metrics-snapshot-request', id } satisfies SnapshotRequest);
      if (workers.length === 0) settle();
    }).then(() => AggregatorRegistry.aggregate([...[...latest.values()].map((kept) => kept.snapshot), retired]).metrics());

  const answered = (collection: Collection, workerId: number) => {
    collection.waitingFor.delete(workerId);
    if (collection.waitingFor.size === 0) collection.settle();
  };

  cluster.on('message', (worker, message: unknown) => {
    if (isSnapshotAnswer(message)) {
      const collection = collections.get(message.id);
      const answer = { collection: message.id, workerExited: worker.isDead() };
      if (message.snapshot !== undefined && replacesSnapshot(latest.get(worker.id), answer)) latest.set(worker.id, { collection: message.id, snapshot: message.snapshot });
      if (collection === undefined) return;
      if (message.error !== undefined) collection.settle(new Error(message.error));
      else answered(collection, worker.id);
      return;
    }
    if (!isMetricsRequest(message)) return;
    collect().then(
      (text) => sendToWorker(worker, { type: 'gateway:metrics', id: message.id, text } satisfies MetricsAnswer),
      (error: Error) => sendToWorker(worker, { type: 'gateway:metrics', id: message.id, error: error.message } satisfies MetricsAnswer),
    );
  });

  // The dead worker's last reported counts stay in every later sum; its snapshot slot is freed.
  cluster.on('exit', (worker) => {
    const last = latest.get(worker.id);
    latest.delete(worker.id);
    if (last !== undefined) retired = retireSnapshot({ retired, last: last.snapshot, cumulative: options.cumulative });
    for (const collection of [...collections.values()]) answered(collection, worker.id);
  });
}

const pending = new Map<number, (answer: MetricsAnswer) => void>();
let nextRequestId = 0;

/** Worker: sends this registry to the primary when asked, and routes the primary's answers. */
export function joinClusterMetrics(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (isSnapshotRequest(message)) {
      registry.getMetricsAsJSON().then(
        (snapshot) => process.send?.({ type: 'gateway:metrics-snapshot', id: message.id, snapshot: snapshot as unknown as MetricsSnapshot } satisfies SnapshotAnswer),
        (error: Error) => process.send?.({ type: 'gateway:metrics-snapshot', id: message.id, error: error.message } satisfies SnapshotAnswer),
      );
      return;
    }
    if (!isMetricsAnswer(message)) return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
}

const CLUSTER_METRICS_TIMEOUT_MS = 10_000;

/** Worker: the deployment's metrics in Prometheus text, from the primary. */
export function askPrimaryForMetrics(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = nextRequestId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('the primary process did not answer with the metrics in time'));
    }, CLUSTER_METRICS_TIMEOUT_MS);
    pending.set(id, (answer) => {
      clearTimeout(timer);
      if (answer.text !== undefined) resolve(answer.text);
      else reject(new Error(answer.error ?? 'no metrics'));
    });
    process.send!({ type: 'gateway:metrics-request', id } satisfies MetricsRequest);
  });
}
