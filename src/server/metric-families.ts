/**
 * Counters, histograms and gauges for the gateway's own metrics, registered in a prom-client Registry, which
 * also holds the default process metrics. A `MetricsRegistry` prints these families' text itself
 * (the same text prom-client prints); prom-client prints the rest.
 *
 * Why not prom-client's own classes: they validate and hash the label object on every call, about
 * 1.5 µs each, and a request makes eight (12 µs of CPU per request, measured with `npm run bench`).
 * Here a call costs one Map lookup per label; a series is created once per distinct set of label
 * values, which come from the config and fixed sets, so they stay bounded.
 *
 * Why print the text here: prom-client formats every sample's label object anew, and a histogram
 * series is 17–24 samples; with 100 endpoints that had traffic, a scrape held the event loop for
 * 70–110 ms (1.5 s with 3,000). Each series' label text is escaped once, when the series is created,
 * and under `--workers` a worker sends the primary only label texts and numbers (`SeriesValues`).
 */
import { Registry, type Metric } from 'prom-client';

interface SampleValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/** What prom-client's Registry reads from a metric through `get()` (its `getMetricsAsJSON()`). */
interface MetricSnapshot {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  values: SampleValue[];
  aggregator: 'sum';
}

/**
 * One series: its labels as the text format prints them (`name="value",…`, escaped) and its numbers:
 * a counter's value; a histogram's observations per bucket (not cumulative, the last slot above
 * every bound), then its sum and its count. Plain JSON, as the cluster IPC carries it.
 */
export type SeriesValues = [labelText: string, values: number[]];

type Labels<Name extends string> = Readonly<Record<Name, string>>;

interface Series {
  labels: Record<string, string | number>;
  labelText: string;
  values: number[];
}

interface FamilyOptions<Name extends string> {
  name: string;
  help: string;
  labelNames: readonly Name[];
  registers: Registry[];
  /** Sets the family's values from elsewhere each time the metrics are read (prom-client's `collect`), for values nothing needs to count per request. */
  collect?: () => void;
}

/** Where a series sits at the end of its label values' path through the index. */
const SERIES = Symbol('series');

type IndexNode = Map<unknown, unknown>;

export abstract class MetricFamily<Name extends string = string> {
  readonly aggregator = 'sum' as const;
  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  /** Every series, in the order created (the text format's order). */
  private readonly series: Series[] = [];
  /** Label values, one map level per label name, to the series: no key string built per call. */
  private readonly index: IndexNode = new Map();

  readonly name: string;
  readonly help: string;
  private readonly labelNames: readonly Name[];
  private readonly collect: (() => void) | undefined;

  /** The options of prom-client's own classes. */
  constructor(options: FamilyOptions<Name>) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    this.collect = options.collect;
    // A registry needs only `name`, `get()` and `reset()` of a metric.
    for (const registry of options.registers) registry.registerMetric(this as unknown as Metric);
  }

  /** How many numbers a series holds. */
  protected abstract readonly width: number;

  protected valuesFor(labels: Labels<Name>): number[] {
    let node = this.index;
    for (const name of this.labelNames) {
      const value = labels[name];
      let next = node.get(value) as IndexNode | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    let entry = node.get(SERIES) as Series | undefined;
    if (entry === undefined) {
      // Only the family's own labels: a caller's object may carry more.
      const ownLabels = Object.fromEntries(this.labelNames.map((name) => [name, labels[name]]));
      entry = { labels: ownLabels, labelText: labelTextOf(ownLabels), values: new Array<number>(this.width).fill(0) };
      node.set(SERIES, entry);
      this.series.push(entry);
    }
    return entry.values;
  }

  protected allSeries(): readonly Series[] {
    this.collect?.();
    return this.series;
  }

  reset(): void {
    this.series.length = 0;
    this.index.clear();
  }

  /** This family's series for the primary under `--workers` (live arrays: send or copy them at once). */
  seriesValues(): SeriesValues[] {
    return this.allSeries().map(({ labelText, values }) => [labelText, values]);
  }

  /**
   * The family in the text format: HELP, TYPE, one line per sample, with no final newline, as
   * prom-client. The series are this process's own, or the deployment's sums under `--workers`.
   */
  text(series: readonly SeriesValues[] = this.seriesValues()): string {
    const name = escapeText(this.name);
    let text = `# HELP ${name} ${escapeText(this.help)}\n# TYPE ${name} ${this.type}`;
    for (const [labelText, values] of series) text += this.seriesText(labelText, values);
    return text;
  }

  /** One series' sample lines, each after a newline. */
  protected abstract seriesText(labelText: string, values: readonly number[]): string;
}

/** prom-client's escaping: backslash and newline in HELP text and label values, double quotes in label values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function labelTextOf(labels: Record<string, string | number>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${typeof value === 'string' ? escapeText(value).replace(/"/g, '\\"') : value}"`)
    .join(',');
}

/** A sample line's name and labels: `name{labels}`, or `name` alone without labels. */
function sampleName(name: string, labelText: string): string {
  return labelText === '' ? name : `${name}{${labelText}}`;
}

/** prom-client's spelling of a sample value. */
function valueText(value: number): string {
  if (Number.isNaN(value)) return 'Nan';
  if (!Number.isFinite(value)) return value < 0 ? '-Inf' : '+Inf';
  return `${value}`;
}

/** A family whose series each hold one number: counters and gauges. */
abstract class OneValueFamily<Name extends string> extends MetricFamily<Name> {
  protected readonly width = 1;

  protected seriesText(labelText: string, values: readonly number[]): string {
    return `\n${sampleName(this.name, labelText)} ${valueText(values[0])}`;
  }

  get(): MetricSnapshot {
    const values = this.allSeries().map((series) => ({ labels: series.labels, value: series.values[0], metricName: this.name }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

export class CounterFamily<Name extends string> extends OneValueFamily<Name> {
  readonly type = 'counter' as const;

  inc(labels: Labels<Name>, value = 1): void {
    this.valuesFor(labels)[0] += value;
  }

  /** For `collect` only: the count, kept elsewhere, that never goes down. */
  set(labels: Labels<Name>, value: number): void {
    this.valuesFor(labels)[0] = value;
  }
}

/**
 * A value set, not counted. Under `--workers` the primary sums every process's series as it sums a
 * counter's, so a gauge is either set in one process only (the config reload's: the primary) or
 * one whose sum means something (how many processes cannot reach the rate-limit store).
 */
export class GaugeFamily<Name extends string> extends OneValueFamily<Name> {
  readonly type = 'gauge' as const;

  set(labels: Labels<Name>, value: number): void {
    this.valuesFor(labels)[0] = value;
  }

  add(labels: Labels<Name>, delta: number): void {
    this.valuesFor(labels)[0] += delta;
  }
}

export class HistogramFamily<Name extends string> extends MetricFamily<Name> {
  readonly type = 'histogram' as const;
  /** A slot per bound, one above every bound, the sum, the count. */
  protected readonly width: number;

  private readonly buckets: readonly number[];
  /** `name_bucket{le="bound"` for each bound and +Inf: the start of every bucket line. */
  private readonly bucketLineStarts: readonly string[];

  constructor(options: FamilyOptions<Name> & { buckets: readonly number[] }) {
    super(options);
    this.buckets = options.buckets;
    this.width = options.buckets.length + 3;
    this.bucketLineStarts = [...options.buckets, '+Inf'].map((bound) => `\n${this.name}_bucket{le="${bound}"`);
  }

  observe(labels: Labels<Name>, value: number): void {
    const values = this.valuesFor(labels);
    let bucket = 0;
    while (bucket < this.buckets.length && value > this.buckets[bucket]) bucket += 1;
    values[bucket] += 1;
    values[this.width - 2] += value;
    values[this.width - 1] += 1;
  }

  protected seriesText(labelText: string, values: readonly number[]): string {
    const labelsEnd = labelText === '' ? '} ' : `,${labelText}} `;
    let text = '';
    let cumulative = 0;
    for (let index = 0; index < this.bucketLineStarts.length; index++) {
      cumulative += values[index];
      text += `${this.bucketLineStarts[index]}${labelsEnd}${cumulative}`;
    }
    const sum = values[this.width - 2];
    const count = values[this.width - 1];
    return `${text}\n${sampleName(`${this.name}_sum`, labelText)} ${valueText(sum)}\n${sampleName(`${this.name}_count`, labelText)} ${count}`;
  }

  get(): MetricSnapshot {
    const samples: SampleValue[] = [];
    for (const { labels, values } of this.allSeries()) {
      let cumulative = 0;
      this.buckets.forEach((bound, index) => {
        cumulative += values[index];
        samples.push({ labels: { le: bound, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      const count = values[this.width - 1];
      samples.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` });
      samples.push({ labels, value: values[this.width - 2], metricName: `${this.name}_sum` });
      samples.push({ labels, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values: samples, aggregator: this.aggregator };
  }
}

/** A prom-client Registry that prints the families above itself; other metrics as prom-client does. */
export class MetricsRegistry extends Registry {
  // Not in prom-client's typings, but the method its `metrics()` calls for each metric's text.
  async getMetricsAsString(metric: Metric): Promise<string> {
    if (metric instanceof MetricFamily) return metric.text();
    return (Registry.prototype as unknown as { getMetricsAsString(metric: Metric): Promise<string> }).getMetricsAsString.call(this, metric);
  }
}
