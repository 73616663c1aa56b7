/**
 * The primary's sums under `--workers`: snapshots add up series by series, and a dead worker's
 * counters and histograms are folded into one retired snapshot (its gauges and process metrics are
 * not), so the deployment's totals never go down (test/e2e/metrics.test.ts kills a real worker).
 */
import { AggregatorRegistry, Gauge, Registry } from 'prom-client';
import { replacesSnapshot, retireSnapshot, sumSnapshots, type MetricsSnapshot } from '../../../src/server/cluster-metrics';
import { CounterFamily, HistogramFamily } from '../../../src/server/metric-families';
import { sample } from '../../support/metrics';

const CUMULATIVE = new Set(['requests_total', 'duration_seconds']);

/** One worker's registry after it served `durations` requests with `inFlight` still running. */
async function workerSnapshot(durations: number[], inFlight: number): Promise<MetricsSnapshot> {
  const registry = new Registry();
  const options = { labelNames: ['endpoint'] as const, registers: [registry] };
  const requests = new CounterFamily({ name: 'requests_total', help: 'Requests.', ...options });
  const duration = new HistogramFamily({ name: 'duration_seconds', help: 'Durations.', buckets: [0.1, 1], ...options });
  new Gauge({ name: 'in_flight_requests', help: 'Requests in flight.', registers: [registry] }).set(inFlight);
  for (const seconds of durations) {
    requests.inc({ endpoint: 'chat' });
    duration.observe({ endpoint: 'chat' }, seconds);
  }
  // Through JSON, as the cluster IPC carries it.
  return JSON.parse(JSON.stringify(await registry.getMetricsAsJSON())) as MetricsSnapshot;
}

const deploymentText = (snapshots: MetricsSnapshot[]) => AggregatorRegistry.aggregate(snapshots).metrics();

test('snapshots add up series by series, whatever order their labels come in, and a series only one has is kept', () => {
  const help = { help: 'Tokens.', type: 'counter', aggregator: 'sum' };
  const sum = sumSnapshots([
    [{ name: 'tokens_total', ...help, values: [{ labels: { endpoint: 'chat', type: 'prompt' }, value: 3, metricName: 'tokens_total' }] }],
    [
      {
        name: 'tokens_total',
        ...help,
        values: [
          { labels: { type: 'prompt', endpoint: 'chat' }, value: 4, metricName: 'tokens_total' },
          { labels: { endpoint: 'embed', type: 'prompt' }, value: 5, metricName: 'tokens_total' },
        ],
      },
    ],
  ]);
  expect(sum).toEqual([
    {
      name: 'tokens_total',
      ...help,
      values: [
        { labels: { endpoint: 'chat', type: 'prompt' }, value: 7, metricName: 'tokens_total' },
        { labels: { endpoint: 'embed', type: 'prompt' }, value: 5, metricName: 'tokens_total' },
      ],
    },
  ]);
});

test('a dead worker keeps its counters and histograms in the sum, not its gauges', async () => {
  const dying = await workerSnapshot([0.05, 0.5, 5], 2);
  const surviving = await workerSnapshot([0.05], 1);
  const before = await deploymentText([surviving, dying]);

  const retired = retireSnapshot({ retired: [], last: dying, cumulative: CUMULATIVE });
  expect(retired.map((metric) => metric.name)).toEqual(['requests_total', 'duration_seconds']);
  const replacement = await workerSnapshot([], 0);
  const after = await deploymentText([surviving, replacement, retired]);

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

test('every dead worker is folded into one retired snapshot: one series per label set, however many workers died', async () => {
  let retired: MetricsSnapshot = [];
  for (let worker = 0; worker < 50; worker += 1) {
    retired = retireSnapshot({ retired, last: await workerSnapshot([0.5, 2], 7), cumulative: CUMULATIVE });
  }
  const counter = retired.find((metric) => metric.name === 'requests_total');
  expect(counter?.values).toEqual([{ labels: { endpoint: 'chat' }, value: 100, metricName: 'requests_total' }]);
  // Three buckets (0.1, 1, +Inf), the sum and the count.
  expect(retired.find((metric) => metric.name === 'duration_seconds')?.values).toHaveLength(5);
  expect(sample(await deploymentText([retired]), 'duration_seconds_bucket', { endpoint: 'chat', le: '1' })).toBe(50);
});

test("a worker's answer replaces its kept snapshot only when it is newer and the worker is alive", () => {
  const kept = { collection: 7, snapshot: [] };
  expect(replacesSnapshot(undefined, { collection: 0, workerExited: false })).toBe(true);
  expect(replacesSnapshot(kept, { collection: 8, workerExited: false })).toBe(true);
  // Two scrapes at once, answered out of order: the older answer would make the sum go down.
  expect(replacesSnapshot(kept, { collection: 6, workerExited: false })).toBe(false);
  // An answer after the worker's exit: its counts are in the retired sum already (counted twice, kept for ever).
  expect(replacesSnapshot(kept, { collection: 8, workerExited: true })).toBe(false);
  expect(replacesSnapshot(undefined, { collection: 8, workerExited: true })).toBe(false);
});
