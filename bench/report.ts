/**
 * Turns the measurements of N runs into one Markdown table (medians; ratios to the raw proxy are
 * computed within each run, then their median is taken) and a verdict on the targets.
 */
import type { Measurement } from './load';

export const RAW = 'raw proxy';
export const GATEWAY = 'gateway';
/** The optional second baseline (`--json-proxy`, bench/servers/json-proxy.ts). */
export const JSON_PROXY = 'JSON proxy';

export interface Sample {
  run: number;
  scenario: string;
  streaming: boolean;
  connections: number;
  server: string;
  measurement: Measurement;
  /** The server's peak resident set so far, in bytes (null where /proc is missing). */
  peakRss: number | null;
  /** The server process's CPU time (user + system) per successful request, in microseconds. */
  cpuPerRequest: number;
}

export interface Row {
  scenario: string;
  streaming: boolean;
  connections: number;
  server: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ttfbP50: number;
  ttfbP99: number;
  errors: number;
  peakRss: number | null;
  cpuPerRequest: number;
  /** Medians of the per-run comparisons with the raw proxy (NaN for the raw proxy itself). */
  throughputRatio: number;
  addedP50: number;
  p99Ratio: number;
  addedTtfb: number;
  cpuRatio: number;
}

function median(values: number[]): number {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

const keyOf = (sample: Pick<Sample, 'scenario' | 'connections' | 'server'>) => `${sample.scenario}|${sample.connections}|${sample.server}`;

export function summarise(samples: Sample[]): Row[] {
  const raw = new Map(samples.filter((sample) => sample.server === RAW).map((sample) => [`${sample.run}|${keyOf(sample)}`, sample]));
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) groups.set(keyOf(sample), [...(groups.get(keyOf(sample)) ?? []), sample]);
  return [...groups.values()].map((group) => {
    const first = group[0];
    const pick = (field: keyof Measurement) => median(group.map((sample) => sample.measurement[field] ?? Number.NaN));
    const compare = (compute: (own: Sample, base: Sample) => number) =>
      first.server === RAW
        ? Number.NaN
        : median(group.map((sample) => {
            const base = raw.get(`${sample.run}|${keyOf({ ...sample, server: RAW })}`);
            return base ? compute(sample, base) : Number.NaN;
          }));
    const compareMeasurements = (compute: (own: Measurement, base: Measurement) => number) => compare((own, base) => compute(own.measurement, base.measurement));
    const rss = group.map((sample) => sample.peakRss).filter((value): value is number => value !== null);
    return {
      scenario: first.scenario,
      streaming: first.streaming,
      connections: first.connections,
      server: first.server,
      requestsPerSecond: pick('requestsPerSecond'),
      p50: pick('p50'),
      p99: pick('p99'),
      ttfbP50: pick('ttfbP50'),
      ttfbP99: pick('ttfbP99'),
      errors: group.reduce((sum, sample) => sum + sample.measurement.errors, 0),
      peakRss: rss.length > 0 ? Math.max(...rss) : null,
      cpuPerRequest: median(group.map((sample) => sample.cpuPerRequest)),
      throughputRatio: compareMeasurements((own, base) => own.requestsPerSecond / base.requestsPerSecond),
      addedP50: compareMeasurements((own, base) => own.p50 - base.p50),
      p99Ratio: compareMeasurements((own, base) => own.p99 / base.p99),
      addedTtfb: compareMeasurements((own, base) => (own.ttfbP50 ?? Number.NaN) - (base.ttfbP50 ?? Number.NaN)),
      cpuRatio: compare((own, base) => own.cpuPerRequest / base.cpuPerRequest),
    };
  });
}

function number(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function signed(value: number, digits: number): string {
  return Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '–';
}

export function megabytes(bytes: number | null): string {
  return bytes === null ? '–' : (bytes / 1024 / 1024).toFixed(0);
}

export function table(rows: Row[]): string {
  const header = ['scenario', 'conc.', 'server', 'req/s', 'p50 ms', 'p99 ms', 'TTFB p50 ms', 'TTFB p99 ms', 'errors', 'peak RSS MB', 'CPU µs/req', 'req/s ÷ raw', 'p50 − raw ms', 'p99 ÷ raw', 'TTFB − raw ms', 'CPU ÷ raw'];
  const lines = rows.map((row) => [
    row.scenario,
    String(row.connections),
    row.server,
    number(row.requestsPerSecond, 0),
    number(row.p50, 2),
    number(row.p99, 2),
    row.streaming ? number(row.ttfbP50, 2) : '–',
    row.streaming ? number(row.ttfbP99, 2) : '–',
    String(row.errors),
    megabytes(row.peakRss),
    number(row.cpuPerRequest, 0),
    number(row.throughputRatio, 2),
    signed(row.addedP50, 2),
    number(row.p99Ratio, 2),
    row.streaming ? signed(row.addedTtfb, 2) : '–',
    number(row.cpuRatio, 2),
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * The targets, checked on the gateway's rows. At a fixed rate (`paced`) every server serves
 * the same req/s unless it falls behind, so the req/s target is not judged there.
 */
export function verdict(rows: Row[], rssLimitBytes: number, paced = false): string[] {
  const gateway = rows.filter((row) => row.server === GATEWAY);
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  for (const row of gateway.filter((candidate) => !candidate.streaming && candidate.scenario.startsWith('chat') && candidate.connections === 16)) {
    const throughput = paced ? 'not judged at a fixed rate' : mark(row.throughputRatio >= 0.75);
    lines.push(`- ${row.scenario} at 16: req/s ${number(row.throughputRatio, 2)} × raw (≥ 0.75: ${throughput}); p50 ${signed(row.addedP50, 2)} ms (≤ +0.3: ${mark(row.addedP50 <= 0.3)}); p99 ${number(row.p99Ratio, 2)} × raw (≤ 2: ${mark(row.p99Ratio <= 2)})`);
  }
  for (const row of gateway.filter((candidate) => candidate.streaming)) {
    lines.push(`- ${row.scenario} at ${row.connections}: TTFB ${signed(row.addedTtfb, 2)} ms over raw (≤ +0.5: ${mark(row.addedTtfb <= 0.5)})`);
  }
  const peak = Math.max(...gateway.map((row) => row.peakRss ?? 0));
  if (peak > 0) lines.push(`- gateway peak RSS ${megabytes(peak)} MB (≤ ${megabytes(rssLimitBytes)}: ${mark(peak <= rssLimitBytes)})`);
  return [...lines, ...peerVerdict(rows)];
}

/**
 * `--json-proxy`: the gateway against the least a translating gateway must do, cell by cell. For
 * information only: the issue's targets are against the raw proxy. Each figure is the quotient (or
 * difference) of the two servers' medians relative to the raw proxy in the same turns.
 */
export function jsonProxyComparison(rows: Row[]): string[] {
  const proxyRows = new Map(rows.filter((row) => row.server === JSON_PROXY).map((row) => [`${row.scenario}|${row.connections}`, row]));
  return rows
    .filter((row) => row.server === GATEWAY)
    .flatMap((own) => {
      const proxy = proxyRows.get(`${own.scenario}|${own.connections}`);
      if (proxy === undefined) return [];
      const latency = own.streaming ? `TTFB ${signed(own.addedTtfb - proxy.addedTtfb, 2)} ms` : `p50 ${signed(own.addedP50 - proxy.addedP50, 2)} ms`;
      return [`- ${own.scenario} at ${own.connections}: req/s ${number(own.throughputRatio / proxy.throughputRatio, 2)} ×, ${latency}, CPU per request ${number(own.cpuRatio / proxy.cpuRatio, 2)} × the JSON proxy's`];
    });
}

/**
 * `--peers`: ahead of each peer on req/s and p99 in every cell the peer was measured in. A peer
 * that completed no request (all errors) has no p99; the gateway is ahead if it completed any.
 */
function peerVerdict(rows: Row[]): string[] {
  const gatewayRows = new Map(rows.filter((row) => row.server === GATEWAY).map((row) => [`${row.scenario}|${row.connections}`, row]));
  return rows
    .filter((row) => row.server !== GATEWAY && row.server !== RAW && row.server !== JSON_PROXY)
    .flatMap((peer) => {
      const own = gatewayRows.get(`${peer.scenario}|${peer.connections}`);
      if (own === undefined) return [];
      const ahead = own.requestsPerSecond > peer.requestsPerSecond && !(own.p99 >= peer.p99);
      const peerText = peer.requestsPerSecond > 0 ? `${number(peer.requestsPerSecond, 0)} req/s, p99 ${number(peer.p99, 2)} ms` : `no request completed (${peer.errors} errors)`;
      return [`- vs ${peer.server}, ${peer.scenario} at ${peer.connections}: gateway ${number(own.requestsPerSecond, 0)} req/s, p99 ${number(own.p99, 2)} ms; ${peer.server} ${peerText} (ahead on both: ${ahead ? 'met' : 'NOT met'})`];
    });
}
