/**
 * The load generators. JSON requests go through autocannon's programmatic API; its own latency
 * histogram keeps whole milliseconds, so the float response times it emits are collected here
 * instead (the targets are in tenths of a millisecond). Streams go through a small undici client,
 * because autocannon cannot see when the first body byte arrives.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

/** One target, one scenario, one concurrency, one run. Times in milliseconds. */
export interface Measurement {
  /** Successful requests. */
  completed: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Streams only: time to the first body byte. */
  ttfbP50?: number;
  ttfbP99?: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function sortedOf(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Non-streaming requests at a fixed number of connections, for `seconds`. */
export async function driveJson(options: LoadOptions): Promise<Measurement> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    timeout: 10,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, milliseconds: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(milliseconds);
  });
  const result = await instance;
  const sorted = sortedOf(latencies);
  return {
    completed: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One POST, timed from when it is issued, or null when it failed (a stream must end with [DONE]). */
async function timedRequest(pool: Pool, options: LoadOptions & { streaming: boolean }): Promise<{ total: number; firstByte: number } | null> {
  const start = performance.now();
  try {
    const { statusCode, body } = await pool.request({
      method: 'POST',
      path: new URL(options.url).pathname,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
    });
    let firstByte: number | undefined;
    let tail = '';
    for await (const chunk of body) {
      firstByte ??= performance.now() - start;
      if (options.streaming) tail = (tail + (chunk as Buffer).toString('latin1')).slice(-32);
    }
    if (statusCode !== 200 || firstByte === undefined || (options.streaming && !tail.includes('[DONE]'))) return null;
    return { total: performance.now() - start, firstByte };
  } catch {
    return null;
  }
}

/** The timings of one turn's requests, summed up as a Measurement (TTFB for streams only). */
class Timings {
  private readonly totals: number[] = [];
  private readonly firstBytes: number[] = [];
  private errors = 0;

  add(result: { total: number; firstByte: number } | null): void {
    if (result === null) {
      this.errors += 1;
      return;
    }
    this.totals.push(result.total);
    this.firstBytes.push(result.firstByte);
  }

  measurement(seconds: number, streaming: boolean): Measurement {
    const totals = sortedOf(this.totals);
    const firstBytes = sortedOf(this.firstBytes);
    return {
      completed: totals.length,
      requestsPerSecond: totals.length / seconds,
      p50: percentile(totals, 0.5),
      p99: percentile(totals, 0.99),
      errors: this.errors,
      ...(streaming ? { ttfbP50: percentile(firstBytes, 0.5), ttfbP99: percentile(firstBytes, 0.99) } : {}),
    };
  }
}

/** Streaming requests: `connections` clients in a loop, each timing the first byte and the end. */
export async function driveStream(options: LoadOptions): Promise<Measurement> {
  const pool = new Pool(new URL(options.url).origin, { connections: options.connections });
  const timings = new Timings();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  async function client(): Promise<void> {
    while (performance.now() < deadline) timings.add(await timedRequest(pool, { ...options, streaming: true }));
  }
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return timings.measurement(seconds, true);
}

/**
 * Open-loop load (`--rate`): requests are issued on a fixed schedule, `rate` per second, whatever
 * the server's speed, with at most `connections` in flight (more wait in the pool's queue, which
 * counts in their latency: a server that falls behind is charged for it). Latency and TTFB are
 * measured from when each request is issued, so the load generator's own timer lag (it shares the
 * process's event loop) is not charged to the server. Below saturation this shows what a server
 * adds to a request at that load, which closed-loop runs at 16 or 64 connections cannot: there
 * latency is mostly queueing in front of a saturated server.
 */
export async function drivePaced(options: LoadOptions & { rate: number; streaming: boolean }): Promise<Measurement> {
  const pool = new Pool(new URL(options.url).origin, { connections: options.connections });
  const timings = new Timings();
  const interval = 1000 / options.rate;
  const total = Math.max(1, Math.floor(options.seconds * options.rate));
  const started = performance.now();
  const requests: Promise<void>[] = [];
  while (requests.length < total) {
    // Issue every request that is due; timers fire about once a millisecond, so several may be.
    const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
    while (requests.length < due) requests.push(timedRequest(pool, options).then((result) => timings.add(result)));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + requests.length * interval - performance.now())));
  }
  await Promise.all(requests);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return timings.measurement(seconds, options.streaming);
}
