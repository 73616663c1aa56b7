/**
 * `npm run bench [-- options]`: the gateway side by side with a raw Node proxy (and, with --peers,
 * Portkey), all in front of one fast fake OpenAI upstream on 127.0.0.1. See README "Performance".
 *
 * Options: --duration S (per server and cell, default 3), --slices N (the duration split into N turns
 * per server, default 3), --connections 1,16,64, --runs N (default 1), --quick (1 s in one turn,
 * 16 connections, 1 run), --peers, --json-proxy (adds the JSON-translating baseline,
 * bench/servers/json-proxy.ts), --rate N (open loop: N requests per second, at most --connections in
 * flight; see drivePaced), --leak-check (5 rounds against the gateway, memory after each),
 * --out FILE (default bench/results/latest.md, or leak-check.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { driveJson, drivePaced, driveStream, type Measurement } from './load';
import { ensurePortkey, startPortkey } from './peers';
import { cpuTimeOf, memoryOf, startFlags, startListening, startScript, type ServerProcess } from './processes';
import { GATEWAY, JSON_PROXY, RAW, jsonProxyComparison, megabytes, summarise, table, verdict, type Sample } from './report';

const ROOT = join(__dirname, '..', '..');
const SERVERS = join(__dirname, 'servers');
const RSS_LIMIT = 150 * 1024 * 1024;
const LEAK_ROUNDS = 5;

interface BenchOptions {
  seconds: number;
  /** Turns per server and cell: each lasts seconds / slices. */
  slices: number;
  connections: number[];
  runs: number;
  peers: boolean;
  jsonProxy: boolean;
  /** Requests per second (open loop), or null for closed-loop connections. */
  rate: number | null;
  leakCheck: boolean;
  out: string;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      slices: { type: 'string' },
      connections: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      peers: { type: 'boolean', default: false },
      'json-proxy': { type: 'boolean', default: false },
      rate: { type: 'string' },
      'leak-check': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    strict: true,
  });
  const positive = (text: string, flag: string) => {
    const value = Number(text);
    if (!(value > 0)) throw new Error(`${flag} must be a positive number, got '${text}'`);
    return value;
  };
  const quick = values.quick === true;
  return {
    seconds: positive(values.duration ?? (quick ? '1' : '3'), '--duration'),
    slices: Math.round(positive(values.slices ?? (quick ? '1' : '3'), '--slices')),
    connections: (values.connections ?? (quick ? '16' : '1,16,64')).split(',').map((part) => Math.round(positive(part, '--connections'))),
    runs: Math.round(positive(values.runs ?? '1', '--runs')),
    peers: values.peers === true,
    jsonProxy: values['json-proxy'] === true,
    rate: values.rate === undefined ? null : positive(values.rate, '--rate'),
    leakCheck: values['leak-check'] === true,
    out: resolve(values.out ?? join(ROOT, 'bench', 'results', values['leak-check'] ? 'leak-check.md' : 'latest.md')),
  };
}

/** What is measured: the same request bytes go to every server. */
interface Scenario {
  name: string;
  path: string;
  body: string;
  streaming: boolean;
  /** Portkey serves only the OpenAI paths. */
  openaiPath: boolean;
}

const MESSAGES = [{ role: 'user', content: 'Hello! Say something short in French.' }];

const SCENARIOS: Scenario[] = [
  { name: 'chat /endpoints/{name}/invocations', path: '/endpoints/chat/invocations', body: JSON.stringify({ messages: MESSAGES, max_tokens: 64 }), streaming: false, openaiPath: false },
  { name: 'chat /v1/chat/completions', path: '/v1/chat/completions', body: JSON.stringify({ model: 'chat', messages: MESSAGES, max_tokens: 64 }), streaming: false, openaiPath: true },
  { name: 'embeddings /v1/embeddings', path: '/v1/embeddings', body: JSON.stringify({ model: 'embeddings', input: ['The food was delicious and the waiter was friendly.'] }), streaming: false, openaiPath: true },
  { name: 'stream chat /v1/chat/completions', path: '/v1/chat/completions', body: JSON.stringify({ model: 'chat', messages: MESSAGES, max_tokens: 64, stream: true }), streaming: true, openaiPath: true },
];

interface Server {
  name: string;
  process: ServerProcess;
  /** Extra request headers, or null when the server does not serve this scenario. */
  headersFor(scenario: Scenario): Record<string, string> | null;
}

function gatewayConfig(upstreamUrl: string): string {
  const model = (name: string) => `      provider: openai\n      name: ${name}\n      config:\n        openai_api_key: sk-bench-not-a-real-key\n        openai_api_base: ${upstreamUrl}/v1\n`;
  return `endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model:\n${model('gpt-4o-mini')}  - name: embeddings\n    endpoint_type: llm/v1/embeddings\n    model:\n${model('text-embedding-3-small')}`;
}

/** The gateway built from this checkout, started with its CLI as a user would. */
async function startGateway(upstreamUrl: string, options: { gcHook: boolean }): Promise<ServerProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  const configPath = join(folder, 'config.yaml');
  writeFileSync(configPath, gatewayConfig(upstreamUrl));
  const hook = options.gcHook ? ['--expose-gc', '-r', join(SERVERS, 'gc-hook.js')] : [];
  // Its folder (config and a log of tens of MB) goes when it stops, or when it fails to start.
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  const gateway = await startListening({
    name: GATEWAY,
    command: process.execPath,
    args: (port) => [...hook, ...startFlags(), join(ROOT, 'dist', 'src', 'main.js'), '--config-path', configPath, '--host', '127.0.0.1', '--port', String(port)],
    readyPath: '/health',
    logFile: join(folder, 'gateway.log'),
  }).catch((error: unknown) => {
    removeFolder();
    throw error;
  });
  return { ...gateway, stop: () => gateway.stop().then(removeFolder) };
}

/** One turn of load: closed-loop `connections`, or with `rate`, that many requests per second. */
function measure(server: Server, scenario: Scenario, connections: number, seconds: number, rate: number | null = null): Promise<Measurement> | null {
  const headers = server.headersFor(scenario);
  if (headers === null) return null;
  const options = { url: `${server.process.url}${scenario.path}`, body: scenario.body, headers, connections, seconds };
  if (rate !== null) return drivePaced({ ...options, rate, streaming: scenario.streaming });
  return scenario.streaming ? driveStream(options) : driveJson(options);
}

async function warmUp(servers: Server[], seconds: number): Promise<void> {
  for (const server of servers) for (const scenario of SCENARIOS) await measure(server, scenario, 16, seconds);
}

function machineNotes(): string[] {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return [`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, commit ${commit}`];
}

function loadNote(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' / ');
}

/** `servers` starting at the `turn`-th one (mod their count). */
function rotated<T>(servers: readonly T[], turn: number): T[] {
  const start = turn % servers.length;
  return [...servers.slice(start), ...servers.slice(0, start)];
}

/**
 * Every cell (scenario × connections) measures the servers in short turns, in an order that
 * rotates from turn to turn: this machine's speed moves by up to 2× within seconds, and a server
 * can leave work running after its turn (a peer flushing its logs), so neither a burst nor a
 * predecessor falls on one server only. Each turn is compared with the raw proxy's turn of the same
 * round; the table shows medians over all turns of all runs.
 */
async function runComparison(options: BenchOptions, servers: Server[], log: (line: string) => void): Promise<Sample[]> {
  const samples: Sample[] = [];
  const turnSeconds = options.seconds / options.slices;
  for (let run = 1; run <= options.runs; run += 1) {
    for (const scenario of SCENARIOS) {
      for (const connections of options.connections) {
        for (let slice = 1; slice <= options.slices; slice += 1) {
          const round = (run - 1) * options.slices + slice;
          for (const server of rotated(servers, round - 1)) {
            const pid = server.process.child.pid;
            const cpuBefore = cpuTimeOf(pid);
            const measurement = await measure(server, scenario, connections, turnSeconds, options.rate);
            if (measurement === null) continue;
            const cpuAfter = cpuTimeOf(pid);
            const cpuPerRequest = cpuBefore === null || cpuAfter === null ? Number.NaN : ((cpuAfter - cpuBefore) * 1000) / measurement.completed;
            const peakRss = memoryOf(pid, 'VmHWM');
            samples.push({ run: round, scenario: scenario.name, streaming: scenario.streaming, connections, server: server.name, measurement, peakRss, cpuPerRequest });
            log(`run ${run}/${options.runs} turn ${slice}/${options.slices}  ${scenario.name}  c=${connections}  ${server.name}: ${measurement.requestsPerSecond.toFixed(0)} req/s, p50 ${measurement.p50.toFixed(2)} ms, p99 ${measurement.p99.toFixed(2)} ms, ${cpuPerRequest.toFixed(0)} µs CPU/req, RSS ${megabytes(memoryOf(pid, 'VmRSS'))} MB (peak ${megabytes(peakRss)})${measurement.errors ? `, ${measurement.errors} errors` : ''}`);
          }
        }
      }
    }
  }
  return samples;
}

async function gcReport(gateway: ServerProcess, count: number): Promise<{ rss: number; heapUsed: number; collected: boolean }> {
  gateway.child.kill('SIGUSR2');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const reports = gateway.linesStartingWith('GC-REPORT ');
    if (reports.length >= count) return JSON.parse(reports[count - 1].slice('GC-REPORT '.length)) as { rss: number; heapUsed: number; collected: boolean };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the gateway sent no memory report:\n${gateway.output()}`);
}

/** Five rounds of every scenario against one gateway process; memory after a forced GC each time. */
async function runLeakCheck(options: BenchOptions, gateway: Server, log: (line: string) => void): Promise<string[]> {
  const lines = ['| round | RSS after GC MB | heap used after GC MB | peak RSS MB |', '| --- | --- | --- | --- |'];
  const rounds: { rss: number; heapUsed: number }[] = [];
  for (let round = 1; round <= LEAK_ROUNDS; round += 1) {
    for (const scenario of SCENARIOS) for (const connections of options.connections) await measure(gateway, scenario, connections, options.seconds);
    // Lets short-lived timers of the last requests (connection draining, 1 s) expire first.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const report = await gcReport(gateway.process, round);
    rounds.push(report);
    const peak = memoryOf(gateway.process.child.pid, 'VmHWM');
    lines.push(`| ${round} | ${megabytes(report.rss)} | ${(report.heapUsed / 1024 / 1024).toFixed(1)} | ${megabytes(peak)} |`);
    log(`leak check round ${round}/${LEAK_ROUNDS}: RSS ${megabytes(report.rss)} MB, heap ${(report.heapUsed / 1024 / 1024).toFixed(1)} MB${report.collected ? '' : ' (gc not exposed)'}`);
  }
  // Round 1 includes warm-up allocations (JIT, pools, caches). A leak makes the last round the
  // largest of all by a margin; in-flight garbage only makes rounds wobble.
  const later = rounds.slice(1, -1);
  const last = rounds[LEAK_ROUNDS - 1];
  const excess = (field: 'rss' | 'heapUsed') => last[field] - Math.max(...later.map((round) => round[field]));
  const flat = excess('rss') <= 0.05 * last.rss && excess('heapUsed') <= 1024 * 1024;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  lines.push('');
  lines.push(`Round ${LEAK_ROUNDS} over the largest of rounds 2–${LEAK_ROUNDS - 1}: RSS ${mb(excess('rss'))} MB, heap ${mb(excess('heapUsed'))} MB → ${flat ? 'no growth (within 5% RSS, 1 MB heap)' : 'GROWING'}.`);
  return lines;
}

function writeResults(path: string, text: string, log: (line: string) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  log(`\nwritten to ${path}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loadBefore = loadNote();
  const started: ServerProcess[] = [];
  const stopAll = () => Promise.all(started.map((server) => server.stop()));
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const upstream = await startScript('fake upstream', join(SERVERS, 'fake-upstream.js'), []);
    started.push(upstream);
    const gatewayProcess = await startGateway(upstream.url, { gcHook: options.leakCheck });
    started.push(gatewayProcess);
    const gateway: Server = { name: GATEWAY, process: gatewayProcess, headersFor: () => ({}) };
    const warmUpSeconds = Math.min(1, options.seconds);
    const heading = [`# Benchmark: ${new Date().toISOString()}`, '', ...machineNotes()];

    if (options.leakCheck) {
      log(`leak check: ${LEAK_ROUNDS} rounds of ${SCENARIOS.length} scenarios × ${options.connections.join('/')} connections × ${options.seconds} s`);
      await warmUp([gateway], warmUpSeconds);
      const lines = await runLeakCheck(options, gateway, log);
      const text = [...heading, `${options.seconds} s per scenario and concurrency (${options.connections.join(', ')}); load average before: ${loadBefore}, after: ${loadNote()}`, '', '## Leak check', '', ...lines, ''].join('\n');
      process.stdout.write(`\n${text}`);
      writeResults(options.out, text, log);
      return;
    }

    const raw = await startScript(RAW, join(SERVERS, 'raw-proxy.js'), ['--upstream', upstream.url]);
    started.push(raw);
    const servers: Server[] = [{ name: RAW, process: raw, headersFor: () => ({}) }, gateway];
    if (options.jsonProxy) {
      const jsonProxy = await startScript(JSON_PROXY, join(SERVERS, 'json-proxy.js'), ['--upstream', upstream.url]);
      started.push(jsonProxy);
      servers.push({ name: JSON_PROXY, process: jsonProxy, headersFor: () => ({}) });
    }
    if (options.peers && ensurePortkey(log)) {
      try {
        const portkey = await startPortkey();
        started.push(portkey);
        const portkeyHeaders = { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstream.url}/v1`, authorization: 'Bearer sk-bench-not-a-real-key' };
        servers.push({ name: 'portkey', process: portkey, headersFor: (scenario) => (scenario.openaiPath ? portkeyHeaders : null) });
      } catch (error) {
        log(`--peers: Portkey did not start (${(error as Error).message.split('\n')[0]}); continuing without it.`);
      }
    }
    log(`servers: ${servers.map((server) => `${server.name} ${server.process.url}`).join(', ')}; upstream ${upstream.url}`);
    await warmUp(servers, warmUpSeconds);
    const samples = await runComparison(options, servers, log);
    const rows = summarise(samples);
    const upstreamPeak = memoryOf(upstream.child.pid, 'VmHWM');
    const text = [
      ...heading,
      `${options.runs === 1 ? 'one run' : `${options.runs} runs`}, ${options.seconds} s per server and cell in ${options.slices} turn${options.slices === 1 ? '' : 's'} (medians over the ${options.runs * options.slices} turns), connections ${options.connections.join(', ')}${options.rate === null ? '' : ` at most, open loop at ${options.rate} requests per second (latency from when each request is issued)`}; load average (1/5/15 min) before: ${loadBefore}, after: ${loadNote()}`,
      `fake upstream peak RSS ${megabytes(upstreamPeak)} MB; the load generator runs in the benchmark's own process`,
      '',
      table(rows),
      '',
      `## Targets (gateway vs raw proxy, this run${options.rate === null ? '' : `, open loop at ${options.rate} requests per second`})`,
      '',
      ...verdict(rows, RSS_LIMIT, options.rate !== null),
      '',
      ...(options.jsonProxy ? ['## Gateway vs the JSON-translating proxy (for information, this run)', '', ...jsonProxyComparison(rows), ''] : []),
    ].join('\n');
    process.stdout.write(`\n${text}`);
    writeResults(options.out, text, log);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
