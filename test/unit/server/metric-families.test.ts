/**
 * The gateway's own counter and histogram families print exactly what prom-client's classes print
 * for the same observations (their sums across workers: cluster-metrics.test.ts); a family with
 * `collect` reads its values when it is read.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import { CounterFamily, GaugeFamily, HistogramFamily, MetricsRegistry } from '../../../src/server/metric-families';

const BUCKETS = [0.01, 0.1, 1, 10];
const OBSERVATIONS: [Record<'endpoint' | 'status', string>, number][] = [
  [{ endpoint: 'chat', status: '200' }, 0.004],
  [{ endpoint: 'chat', status: '200' }, 0.1],
  [{ endpoint: 'chat', status: '200' }, 0.75],
  [{ endpoint: 'chat', status: '500' }, 42],
  [{ endpoint: 'embed"dings\\', status: '200' }, 3],
  [{ endpoint: 'two\nlines', status: '200' }, 0.01],
];

function recordInto(registry: Registry, kind: 'ours' | 'prom-client'): void {
  const options = { labelNames: ['endpoint', 'status'] as const, registers: [registry] };
  const counter =
    kind === 'ours' ? new CounterFamily({ name: 'requests_total', help: 'Requests.', ...options }) : new Counter({ name: 'requests_total', help: 'Requests.', ...options });
  const histogram =
    kind === 'ours'
      ? new HistogramFamily({ name: 'duration_seconds', help: 'Durations.', buckets: BUCKETS, ...options })
      : new Histogram({ name: 'duration_seconds', help: 'Durations.', buckets: BUCKETS, ...options });
  for (const [labels, value] of OBSERVATIONS) {
    counter.inc(labels, 2);
    histogram.observe(labels, value);
  }
}

test('the text format is the same as prom-client’s', async () => {
  const ours = new MetricsRegistry();
  const reference = new Registry();
  recordInto(ours, 'ours');
  recordInto(reference, 'prom-client');
  const printedByFamilies = [jest.spyOn(CounterFamily.prototype, 'text'), jest.spyOn(HistogramFamily.prototype, 'text')];
  const text = await ours.metrics();
  expect(printedByFamilies.map((spy) => spy.mock.calls.length)).toEqual([1, 1]);
  expect(text).toContain('duration_seconds_bucket{le="1",endpoint="chat",status="200"} 3');
  expect(text).toContain('duration_seconds_bucket{le="0.01",endpoint="two\\nlines",status="200"} 1');
  expect(text).toBe(await reference.metrics());
});

test('a family without labels prints as prom-client’s', async () => {
  const ours = new MetricsRegistry();
  const reference = new Registry();
  const observe = (histogram: { observe(labels: Record<never, string>, value: number): void }) => [0.5, 2, 20].forEach((value) => histogram.observe({}, value));
  observe(new HistogramFamily({ name: 'plain_seconds', help: 'Plain.', labelNames: [], buckets: BUCKETS, registers: [ours] }));
  observe(new Histogram({ name: 'plain_seconds', help: 'Plain.', labelNames: [], buckets: BUCKETS, registers: [reference] }));
  const text = await ours.metrics();
  expect(text).toContain('plain_seconds_bucket{le="+Inf"} 3\nplain_seconds_sum 22.5\nplain_seconds_count 3');
  expect(text).toBe(await reference.metrics());
});

test('a caller’s label object may carry other keys: only the family’s labels are kept', async () => {
  const registry = new Registry();
  const counter = new CounterFamily({ name: 'calls_total', help: 'Calls.', labelNames: ['endpoint'], registers: [registry] });
  counter.inc({ endpoint: 'chat', extra: 'ignored' } as { endpoint: string });
  expect(await registry.metrics()).toContain('calls_total{endpoint="chat"} 1\n');
});

test('reset empties every series', async () => {
  const registry = new Registry();
  recordInto(registry, 'ours');
  registry.resetMetrics();
  expect(await registry.metrics()).not.toMatch(/^requests_total\{/m);
});

test('a family with collect takes its values when it is read, as text, as JSON and as the series a worker sends', async () => {
  const registry = new MetricsRegistry();
  let kept = 3;
  const gauge: GaugeFamily<never> = new GaugeFamily({ name: 'kept', help: 'Kept.', labelNames: [], registers: [registry], collect: () => gauge.set({}, kept) });
  expect(await registry.metrics()).toBe('# HELP kept Kept.\n# TYPE kept gauge\nkept 3\n');
  kept = 5;
  expect(gauge.seriesValues()).toEqual([['', [5]]]);
  kept = 7;
  expect((await registry.getMetricsAsJSON())[0].values).toEqual([{ labels: {}, value: 7, metricName: 'kept' }]);
});
