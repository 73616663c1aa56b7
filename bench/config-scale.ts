/**
 * `npm run bench:config-scale [-- options]`: the gateway with a large config. It writes one (half
 * `mock` endpoints, half `openai` ones with an `openai_api_base`, a third of them embeddings, every
 * fourth with a call limit; traffic routes over chat endpoints; client keys, each limited to an
 * endpoint and a route, with a limit of its own), starts the built gateway as `npm start` does,
 * and reports its start-up time and memory; then, while it serves a steady rate of chat requests,
 * how long each reload (SIGHUP, the same file compiled again) takes and the longest the event loop
 * was held meanwhile (bench/servers/event-loop-probe.ts), beside the slowest request.
 *
 * Options: --endpoints N (default 3000), --routes N (200), --keys N (500), --reloads N (3),
 * --rate N (requests per second during the reloads, default 200).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { largeConfig, LOAD_KEY } from './large-config';
import { cpuTimeOf, memoryOf, startFlags, startListening, type ServerProcess } from './processes';
import { megabytes } from './report';

const ROOT = join(__dirname, '..', '..');

interface ScaleOptions {
  endpoints: number;
  routes: number;
  keys: number;
  reloads: number;
  rate: number;
}

function parseOptions(argv: string[]): ScaleOptions {
  const { values } = parseArgs({
    args: argv,
    options: { endpoints: { type: 'string' }, routes: { type: 'string' }, keys: { type: 'string' }, reloads: { type: 'string' }, rate: { type: 'string' } },
    strict: true,
  });
  const count = (text: string | undefined, flag: string, fallback: number, least: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < least) throw new Error(`--${flag} must be a whole number of at least ${least}, got '${text}'`);
    return value;
  };
  return {
    endpoints: count(values.endpoints, 'endpoints', 3000, 2),
    routes: count(values.routes, 'routes', 200, 1),
    keys: count(values.keys, 'keys', 500, 0),
    reloads: count(values.reloads, 'reloads', 3, 1),
    rate: count(values.rate, 'rate', 200, 1),
  };
}

/** One request of the steady load: when it was issued and answered (ms, performance.now()). */
interface Timed {
  issued: number;
  answered: number;
  ok: boolean;
}

/** Chat requests to a mock endpoint at `rate` per second until `stop()`, which resolves with every request's timing. */
function steadyLoad(url: string, rate: number): { stop: () => Promise<Timed[]> } {
  const pool = new Pool(url, { connections: 16 });
  const body = JSON.stringify({ model: 'endpoint-0', messages: [{ role: 'user', content: 'hello' }] });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${LOAD_KEY}` };
  const timings: Promise<Timed>[] = [];
  const send = async (issued: number): Promise<Timed> => {
    try {
      const answer = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers, body });
      await answer.body.dump();
      return { issued, answered: performance.now(), ok: answer.statusCode === 200 };
    } catch {
      return { issued, answered: performance.now(), ok: false };
    }
  };
  const started = performance.now();
  const interval = 1000 / rate;
  let running = true;
  const loop = (async () => {
    while (running) {
      // Every request that is due: a held event loop here (or there) must not lower the rate.
      while (started + timings.length * interval <= performance.now()) timings.push(send(started + timings.length * interval));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + timings.length * interval - performance.now())));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const all = await Promise.all(timings);
      await pool.close();
      return all;
    },
  };
}

async function poll<Value>(what: string, check: () => Promise<Value | undefined> | Value | undefined, timeoutMs = 60_000): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The longest event-loop delay since the last report, from the preloaded probe. */
async function loopReport(gateway: ServerProcess): Promise<{ maxMs: number; p99Ms: number }> {
  const count = gateway.linesStartingWith('LOOP-REPORT ').length;
  gateway.child.kill('SIGUSR2');
  const line = await poll('the event-loop report', () => gateway.linesStartingWith('LOOP-REPORT ')[count]);
  return JSON.parse(line.slice('LOOP-REPORT '.length)) as { maxMs: number; p99Ms: number };
}

async function appliedReloads(gateway: ServerProcess): Promise<number> {
  const answer = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${LOAD_KEY}` } });
  const match = /^gateway_config_reloads_total\{result="applied"\} (\d+)/m.exec(await answer.text());
  return match ? Number(match[1]) : 0;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The slowest request that was waiting at some time in [from, to]. */
function slowestDuring(timings: Timed[], from: number, to: number): number {
  const waiting = timings.filter((timing) => timing.issued <= to && timing.answered >= from);
  return Math.max(0, ...waiting.map((timing) => timing.answered - timing.issued));
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const folder = mkdtempSync(join(tmpdir(), 'gateway-config-scale-'));
  const configPath = join(folder, 'config.yaml');
  const text = largeConfig(options);
  writeFileSync(configPath, text);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`load average (1/5/15 min): ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  log(`config: ${options.endpoints} endpoints (half mock, half openai), ${options.routes} routes, ${options.keys + 1} client keys; ${(text.length / 1024).toFixed(0)} KB of YAML`);

  const startedAt = performance.now();
  const gateway = await startListening({
    name: 'gateway',
    command: process.execPath,
    args: (port) => ['-r', join(__dirname, 'servers', 'event-loop-probe.js'), ...startFlags(), join(ROOT, 'dist', 'src', 'main.js'), '--config-path', configPath, '--host', '127.0.0.1', '--port', String(port)],
    readyPath: '/health',
    logFile: join(folder, 'gateway.log'),
  });
  try {
    log(`start-up (spawned → /health answers, polled every 50 ms): ${(performance.now() - startedAt).toFixed(0)} ms; RSS then ${megabytes(memoryOf(gateway.child.pid, 'VmRSS'))} MB`);
    // From here on: the probe's first report would include the start-up's compile.
    await loopReport(gateway);
    const load = steadyLoad(gateway.url, options.rate);
    await pause(1_000);
    const windows: { from: number; to: number }[] = [];
    const idle = await loopReport(gateway);
    log(`serving ${options.rate} requests/s without a reload: longest event-loop delay ${idle.maxMs.toFixed(1)} ms`);
    for (let reload = 1; reload <= options.reloads; reload += 1) {
      await pause(1_000);
      await loopReport(gateway);
      const cpuBefore = cpuTimeOf(gateway.child.pid) ?? Number.NaN;
      const from = performance.now();
      gateway.child.kill('SIGHUP');
      await poll('the reload to be applied', async () => ((await appliedReloads(gateway)) >= reload ? true : undefined));
      const to = performance.now();
      const cpu = (cpuTimeOf(gateway.child.pid) ?? Number.NaN) - cpuBefore;
      await pause(100);
      const during = await loopReport(gateway);
      windows.push({ from, to });
      log(`reload ${reload}: SIGHUP → applied (in /metrics) ${(to - from).toFixed(0)} ms, the gateway's CPU meanwhile ${cpu.toFixed(0)} ms (requests included); longest event-loop delay ${during.maxMs.toFixed(1)} ms`);
    }
    const timings = await load.stop();
    const before = timings.filter((timing) => timing.answered < windows[0].from);
    log(`requests: ${timings.length}, failed ${timings.filter((timing) => !timing.ok).length}; p99 before the first reload ${percentile(before.map((timing) => timing.answered - timing.issued), 0.99).toFixed(1)} ms`);
    windows.forEach(({ from, to }, index) => log(`reload ${index + 1}: slowest request waiting during it ${slowestDuring(timings, from, to).toFixed(0)} ms`));
    log(`peak RSS ${megabytes(memoryOf(gateway.child.pid, 'VmHWM'))} MB, RSS now ${megabytes(memoryOf(gateway.child.pid, 'VmRSS'))} MB`);
  } finally {
    await gateway.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
