/**
 * The primary's sums under `--workers`: workers' snapshots add up series by series into the same
 * text prom-client's cluster aggregation prints, and a dead worker's counters and histograms are
 * folded into one retired sum (its gauges and process metrics are not), so the deployment's totals
 * never go down (test/e2e/metrics.test.ts kills a real worker).
 */
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { deploymentText, replacesSnapshot, retire, sumFamilies, workerSnapshot, type FamilyValues, type WorkerSnapshot } from '../../../src/server/cluster-metrics';
import { CounterFamily, GaugeFamily, HistogramFamily, MetricsRegistry } from '../../../src/server/metric-families';
import { sample } from '../../support/metrics';

const BUCKETS = [0.1, 1];

/** A process's registry as metrics.ts builds it: the gateway's families and a gauge. */
function gatewayRegistry() {
  const registry = new MetricsRegistry();
  const options = { labelNames: ['endpoint'] as const, registers: [registry] };
  const requests = new CounterFamily({ name: 'requests_total', help: 'Requests.', ...options });
  const duration = new HistogramFamily({ name: 'duration_seconds', help: 'Durations.', buckets: BUCKETS, ...options });
  const inFlight = new Gauge({ name: 'in_flight_requests', help: 'Requests in flight.', registers: [registry] });
  return { registry, requests, duration, inFlight };
}

/** One worker's snapshot after it served `durations` requests to `endpoint` with `inFlight` still running. */
async function snapshotOf(durations: number[], inFlight: number, endpoint = 'chat'): Promise<WorkerSnapshot> {
  const worker = gatewayRegistry();
  worker.inFlight.set(inFlight);
  for (const seconds of durations) {
    worker.requests.inc({ endpoint });
    worker.duration.observe({ endpoint }, seconds);
  }
  // Through JSON, as the cluster IPC carries it.
  return JSON.parse(JSON.stringify(await workerSnapshot(worker.registry))) as WorkerSnapshot;
}

/** What the primary answers: its own registry has the same families, empty. */
const primaryText = (snapshots: WorkerSnapshot[], retired: FamilyValues[] = []) => deploymentText({ registry: gatewayRegistry().registry, snapshots, retired });

test('series add up by label text, and a series only one worker has is kept', () => {
  const sum = sumFamilies([
    [{ name: 'tokens_total', series: [['endpoint="chat"', [3]]] }],
    [{ name: 'tokens_total', series: [['endpoint="chat"', [4]], ['endpoint="embed"', [5]]] }, { name: 'calls_total', series: [['', [1]]] }],
  ]);
  expect(sum).toEqual([
    { name: 'tokens_total', series: [['endpoint="chat"', [7]], ['endpoint="embed"', [5]]] },
    { name: 'calls_total', series: [['', [1]]] },
  ]);
});

test('the deployment’s text is what prom-client’s cluster aggregation prints for the same workers', async () => {
  const workers: [number[], number, string][] = [
    [[0.05, 0.5, 5], 2, 'chat'],
    [[0.1, 0.2], 1, 'chat'],
    [[3], 0, 'embed"dings\\\n'],
  ];
  const references = workers.map(([durations, inFlight, endpoint]) => {
    const registry = new Registry();
    const options = { labelNames: ['endpoint'] as const, registers: [registry] };
    const requests = new Counter({ name: 'requests_total', help: 'Requests.', ...options });
    const duration = new Histogram({ name: 'duration_seconds', help: 'Durations.', buckets: BUCKETS, ...options });
    new Gauge({ name: 'in_flight_requests', help: 'Requests in flight.', registers: [registry] }).set(inFlight);
    for (const seconds of durations) {
      requests.inc({ endpoint });
      duration.observe({ endpoint }, seconds);
    }
    return registry.getMetricsAsJSON();
  });
  const expected = await AggregatorRegistry.aggregate(await Promise.all(references)).metrics();

  const text = await primaryText(await Promise.all(workers.map(([durations, inFlight, endpoint]) => snapshotOf(durations, inFlight, endpoint))));
  expect(sample(text, 'duration_seconds_bucket', { endpoint: 'chat', le: '1' })).toBe(4);
  expect(sample(text, 'in_flight_requests', {})).toBe(3);
  expect(text).toBe(expected);
});

test('a dead worker keeps its counters and histograms in the sum, not its gauges', async () => {
  const dying = await snapshotOf([0.05, 0.5, 5], 2);
  const surviving = await snapshotOf([0.05], 1);
  const before = await primaryText([surviving, dying]);

  const retired = retire({ registry: gatewayRegistry().registry, retired: [], dead: dying.families });
  const after = await primaryText([surviving, await snapshotOf([], 0)], retired);

  expect(sample(before, 'requests_total', { endpoint: 'chat' })).toBe(4);
  expect(sample(after, 'requests_total', { endpoint: 'chat' })).toBe(4);
  for (const [le, count] of [['0.1', 2], ['1', 3], ['+Inf', 4]] as const) {
    expect(sample(after, 'duration_seconds_bucket', { endpoint: 'chat', le })).toBe(count);
  }
  expect(sample(after, 'duration_seconds_count', { endpoint: 'chat' })).toBe(4);
  expect(sample(after, 'duration_seconds_sum', { endpoint: 'chat' })).toBeCloseTo(5.6);
  // Requests in flight are those of live processes only.
  expect(sample(before, 'in_flight_requests', {})).toBe(3);
  expect(sample(after, 'in_flight_requests', {})).toBe(1);
});

test("a dead worker's gauge families are not retired: a store it could not reach counts only the live processes that cannot", async () => {
  /** A process's registry with a counter family and a gauge family, as metrics.ts registers `gateway_rate_limit_store_unavailable`. */
  const storeRegistry = () => {
    const registry = new MetricsRegistry();
    const errors = new CounterFamily({ name: 'store_errors_total', help: 'Errors.', labelNames: ['store'] as const, registers: [registry] });
    const unavailable = new GaugeFamily({ name: 'store_unavailable', help: 'Processes.', labelNames: ['store'] as const, registers: [registry] });
    return { registry, errors, unavailable };
  };
  const workerWith = async (unavailable: number) => {
    const worker = storeRegistry();
    worker.errors.inc({ store: 'redis' }, 3);
    worker.unavailable.set({ store: 'redis' }, unavailable);
    return JSON.parse(JSON.stringify(await workerSnapshot(worker.registry))) as WorkerSnapshot;
  };
  const primary = storeRegistry().registry;
  const dying = await workerWith(1);
  const surviving = await workerWith(0);
  const retired = retire({ registry: primary, retired: [], dead: dying.families });
  const text = await deploymentText({ registry: primary, snapshots: [surviving], retired });
  expect(sample(text, 'store_unavailable', { store: 'redis' })).toBe(0);
  expect(sample(text, 'store_errors_total', { store: 'redis' })).toBe(6);
});

test('with no live worker, the retired sum alone is printed', async () => {
  const retired = sumFamilies([(await snapshotOf([0.5], 4)).families]);
  const text = await primaryText([], retired);
  expect(sample(text, 'requests_total', { endpoint: 'chat' })).toBe(1);
  expect(text).not.toContain('in_flight_requests');
  expect(text.endsWith('_count{endpoint="chat"} 1\n')).toBe(true);
});

test('every dead worker is folded into one retired sum: one series per label set, however many workers died', async () => {
  let retired: FamilyValues[] = [];
  for (let worker = 0; worker < 50; worker += 1) {
    retired = sumFamilies([retired, (await snapshotOf([0.5, 2], 7)).families]);
  }
  expect(retired).toEqual([
    { name: 'requests_total', series: [['endpoint="chat"', [100]]] },
    // Per bucket (0.1, 1, above), the sum, the count.
    { name: 'duration_seconds', series: [['endpoint="chat"', [0, 50, 50, 125, 100]]] },
  ]);
  expect(sample(await primaryText([], retired), 'duration_seconds_bucket', { endpoint: 'chat', le: '1' })).toBe(50);
});

test("a worker's answer replaces its kept snapshot only when it is newer and the worker is alive", () => {
  const kept = { collection: 7, snapshot: { families: [], others: [] } };
  expect(replacesSnapshot(undefined, { collection: 0, workerExited: false })).toBe(true);
  expect(replacesSnapshot(kept, { collection: 8, workerExited: false })).toBe(true);
  // Two scrapes at once, answered out of order: the older answer would make the sum go down.
  expect(replacesSnapshot(kept, { collection: 6, workerExited: false })).toBe(false);
  // An answer after the worker's exit: its counts are in the retired sum already (counted twice, kept for ever).
  expect(replacesSnapshot(kept, { collection: 8, workerExited: true })).toBe(false);
  expect(replacesSnapshot(undefined, { collection: 8, workerExited: true })).toBe(false);
});

test("process_start_time_seconds, which prom-client's sum leaves out, is the primary's start", async () => {
  const workerRegistry = () => {
    const worker = gatewayRegistry();
    collectDefaultMetrics({ register: worker.registry });
    return worker.registry;
  };
  const snapshots = await Promise.all([workerRegistry(), workerRegistry()].map(async (registry) => JSON.parse(JSON.stringify(await workerSnapshot(registry))) as WorkerSnapshot));
  // prom-client alone drops it: its aggregator is `omit`.
  expect(await AggregatorRegistry.aggregate(snapshots.map((snapshot) => snapshot.others)).metrics()).not.toContain('process_start_time_seconds');

  const text = await primaryText(snapshots);
  // This process is the primary here: its start as prom-client reckons it (rounded to the second).
  expect(Math.abs(sample(text, 'process_start_time_seconds', {})! - (Date.now() / 1000 - process.uptime()))).toBeLessThanOrEqual(1);
  expect(text.match(/^process_start_time_seconds /gm)).toHaveLength(1);
  expect(text).toContain('# TYPE process_start_time_seconds gauge');
  // The other process metrics are summed as before.
  expect(sample(text, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
});
