/**
 * `GET /metrics` under `--workers N`: a worker asked for the metrics asks the primary, which collects
 * every live worker's snapshot over the cluster IPC and answers with the sum. The gateway's own
 * families (metric-families.ts) travel as label texts and numbers and are summed series by series;
 * the few other metrics (Node's process metrics) are summed by prom-client's
 * `AggregatorRegistry.aggregate`, so each keeps its own way of summing.
 *
 * Counters and histograms must never go down, or Prometheus reads a counter reset (`rate()` spikes,
 * `increase()` is wrong). So the primary keeps the last snapshot each worker sent it, and when a
 * worker exits, that snapshot's counters and histograms are added into one retired sum that every
 * later answer includes. Counts a worker made after the last scrape before it died are lost (no IPC per
 * request); gauges and Node's process metrics describe live processes and are not retained.
 * Memory stays bounded: one snapshot per live worker, one retired sum for all the dead ones.
 *
 * `process_start_time_seconds`, which prom-client's sum leaves out (its aggregator is `omit`), is the
 * primary's start: the deployment's, when its counters last started from zero (a worker replaced
 * resets none), so an alert on restarts (`changes()`, `time() - …`) means what it means for one process.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Metric, type Registry } from 'prom-client';
import { MetricFamily, type SeriesValues } from './metric-families';
import { sendToWorker } from './send-to-worker';

/** One metric as prom-client's `get()` gives it and the IPC carries it. */
type MetricJson = Awaited<ReturnType<Metric['get']>>;

const START_TIME = 'process_start_time_seconds';

/** This process's start in seconds since the epoch, as prom-client reckons it: once, so that it never moves. */
const PROCESS_START_SECONDS = Math.round(Date.now() / 1000 - process.uptime());

/** A worker's process metrics with `process_start_time_seconds` as this process's (the primary's), which their sum then keeps. */
function withPrimaryStart(others: readonly MetricJson[]): MetricJson[] {
  return others.map((metric) => (metric.name === START_TIME ? { ...metric, aggregator: 'first', values: [{ labels: {}, value: PROCESS_START_SECONDS }] } : metric));
}

/** One of the gateway's families, by name, as a worker sends it. */
export interface FamilyValues {
  name: string;
  series: SeriesValues[];
}

/** One worker's metrics at one moment. */
export interface WorkerSnapshot {
  families: FamilyValues[];
  others: MetricJson[];
}

/** Sums families series by series (a series only some have is kept), in the order first seen. */
export function sumFamilies(lists: readonly (readonly FamilyValues[])[]): FamilyValues[] {
  const byName = new Map<string, Map<string, number[]>>();
  for (const families of lists) {
    for (const { name, series } of families) {
      let sums = byName.get(name);
      if (sums === undefined) {
        sums = new Map();
        byName.set(name, sums);
      }
      for (const [labelText, values] of series) {
        const sum = sums.get(labelText);
        if (sum === undefined) sums.set(labelText, [...values]);
        else values.forEach((value, index) => (sum[index] += value));
      }
    }
  }
  return [...byName].map(([name, sums]) => ({ name, series: [...sums] }));
}

/**
 * A dead worker's last snapshot added into the retired sum: its counters and histograms, not its
 * gauges, which say something of live processes only (a worker that died while its rate-limit store
 * was down would otherwise count as a process that cannot reach it for as long as the primary runs).
 */
export function retire(options: { registry: Registry; retired: readonly FamilyValues[]; dead: readonly FamilyValues[] }): FamilyValues[] {
  const gauges = new Set(partition(options.registry).families.filter((family) => family.type === 'gauge').map((family) => family.name));
  return sumFamilies([options.retired, options.dead.filter((family) => !gauges.has(family.name))]);
}

/** The gateway's families and its other metrics in a registry. */
function partition(registry: Registry): { families: MetricFamily[]; others: Metric[] } {
  const metrics = registry.getMetricsAsArray() as unknown as (Metric | MetricFamily)[];
  return {
    families: metrics.filter((metric): metric is MetricFamily => metric instanceof MetricFamily),
    others: metrics.filter((metric): metric is Metric => !(metric instanceof MetricFamily)),
  };
}

/** Worker: this registry's snapshot for the primary. */
export async function workerSnapshot(registry: Registry): Promise<WorkerSnapshot> {
  const { families, others } = partition(registry);
  const othersJson = await Promise.all(others.map((metric) => metric.get()));
  // The families' live arrays: the IPC copies them when the answer is sent, a microtask later.
  return { families: families.map((family) => ({ name: family.name, series: family.seriesValues() })), others: othersJson };
}

/**
 * Primary: the deployment's metrics in the text format: the families summed over the live workers'
 * snapshots, the retired sum and the primary's own series (it registers the same families as its
 * workers; only the config reload's have series there), then the live workers' other metrics, with
 * the primary's start time.
 */
export async function deploymentText(options: { registry: Registry; snapshots: readonly WorkerSnapshot[]; retired: readonly FamilyValues[] }): Promise<string> {
  const { snapshots, retired } = options;
  const families = partition(options.registry).families;
  const own = families.map((family) => ({ name: family.name, series: family.seriesValues() }));
  const sums = new Map(sumFamilies([...snapshots.map((snapshot) => snapshot.families), retired, own]).map((family) => [family.name, family.series]));
  const texts = families.map((family) => family.text(sums.get(family.name) ?? []));
  if (snapshots.length > 0) {
    const others = await AggregatorRegistry.aggregate(snapshots.map((snapshot) => withPrimaryStart(snapshot.others))).metrics();
    if (others.trim() !== '') texts.push(others.replace(/\n$/, ''));
  }
  return `${texts.join('\n\n')}\n`;
}

/** A worker's snapshot with the number of the collection it answered (collections are numbered in order). */
export interface NumberedSnapshot {
  collection: number;
  snapshot: WorkerSnapshot;
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
  snapshot?: WorkerSnapshot;
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

/** Primary: answers workers' requests for the deployment's metrics, summing `registry`'s families. */
export function serveClusterMetrics(registry: Registry): void {
  const latest = new Map<number, NumberedSnapshot>();
  let retired: FamilyValues[] = [];
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
    }).then(() => deploymentText({ registry, snapshots: [...latest.values()].map((kept) => kept.snapshot), retired }));

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
    if (last !== undefined) retired = retire({ registry, retired, dead: last.snapshot.families });
    for (const collection of [...collections.values()]) answered(collection, worker.id);
  });
}

const pending = new Map<number, (answer: MetricsAnswer) => void>();
let nextRequestId = 0;

/** Worker: sends this registry to the primary when asked, and routes the primary's answers. */
export function joinClusterMetrics(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (isSnapshotRequest(message)) {
      workerSnapshot(registry).then(
        (snapshot) => process.send?.({ type: 'gateway:metrics-snapshot', id: message.id, snapshot } satisfies SnapshotAnswer),
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
