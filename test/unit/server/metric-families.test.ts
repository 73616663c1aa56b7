/**
 * The gateway's own counter and histogram families print exactly what prom-client's classes print
 * for the same observations, and sum across registries the way prom-client's cluster aggregation does.
 */
import { AggregatorRegistry, Counter, Histogram, Registry } from 'prom-client';
import { CounterFamily, HistogramFamily } from '../../../src/server/metric-families';

const BUCKETS = [0.01, 0.1, 1, 10];
const OBSERVATIONS: [Record<'endpoint' | 'status', string>, number][] = [
  [{ endpoint: 'chat', status: '200' }, 0.004],
  [{ endpoint: 'chat', status: '200' }, 0.1],
  [{ endpoint: 'chat', status: '200' }, 0.75],
  [{ endpoint: 'chat', status: '500' }, 42],
  [{ endpoint: 'embed"dings\\', status: '200' }, 3],
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
  const ours = new Registry();
  const reference = new Registry();
  recordInto(ours, 'ours');
  recordInto(reference, 'prom-client');
  const text = await ours.metrics();
  expect(text).toContain('duration_seconds_bucket{le="1",endpoint="chat",status="200"} 3');
  expect(text).toBe(await reference.metrics());
});

test('a caller’s label object may carry other keys: only the family’s labels are kept', async () => {
  const registry = new Registry();
  const counter = new CounterFamily({ name: 'calls_total', help: 'Calls.', labelNames: ['endpoint'], registers: [registry] });
  counter.inc({ endpoint: 'chat', extra: 'ignored' } as { endpoint: string });
  expect(await registry.metrics()).toContain('calls_total{endpoint="chat"} 1\n');
});

test('workers’ registries sum like prom-client’s (--workers)', async () => {
  const workers = [new Registry(), new Registry()];
  const references = [new Registry(), new Registry()];
  for (const registry of workers) recordInto(registry, 'ours');
  for (const registry of references) recordInto(registry, 'prom-client');
  const summed = AggregatorRegistry.aggregate(await Promise.all(workers.map((registry) => registry.getMetricsAsJSON())));
  const expected = AggregatorRegistry.aggregate(await Promise.all(references.map((registry) => registry.getMetricsAsJSON())));
  expect(await summed.metrics()).toContain('requests_total{endpoint="chat",status="200"} 12');
  expect(await summed.metrics()).toBe(await expected.metrics());
});

test('reset empties every series', async () => {
  const registry = new Registry();
  recordInto(registry, 'ours');
  registry.resetMetrics();
  expect(await registry.metrics()).not.toMatch(/^requests_total\{/m);
});
