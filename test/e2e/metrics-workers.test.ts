/**
 * `GET /metrics` with `--workers 2`: the sum over the whole deployment whichever worker answers,
 * a FALLBACK route's moves summed over the workers, and totals that never go down when a crashed
 * worker is replaced, nor the primary's start time change. (In one process: metrics.test.ts.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForOutput, type CliRun } from '../support/cli';
import { sample, scrape } from '../support/metrics';
import { waitForMatches } from '../support/output-matches';
import { sideBySideHookMs, WORKERS_START_SIDE_BY_SIDE_MS } from '../support/timeouts';

/** A POST on a new connection each time, so the cluster spreads them over the workers. */
function postOnNewConnection(url: string, path: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}


/**
 * How long the tests under --workers wait for the workers' lines: starting the three processes took
 * over 15 s on a loaded machine, as starting a replacement can.
 */
const WORKERS_MS = 60_000;

interface LogLine {
  pid: number;
  time: number;
  msg?: string;
  route?: string;
}

function logLines(run: CliRun): LogLine[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

function writeConfig(text: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-metrics-'));
  const configPath = join(directory, 'gateway.yaml');
  writeFileSync(configPath, text);
  return configPath;
}

const ECHO_ENDPOINT = `
  - name: echo
    endpoint_type: llm/v1/completions
    model: { provider: mock, name: echo-model }`;

/** The CLI with --workers 2 on `text`, side by side with the other, once both workers listen; `spawnedAt`: when its primary was started, in ms since the epoch. */
async function startWorkers(text: string): Promise<{ run: CliRun; url: string; spawnedAt: number }> {
  const port = await freePort();
  const spawnedAt = Date.now();
  const run = runCli(['--config-path', writeConfig(text), '--port', String(port), '--workers', '2'], {}, { sideBySide: true });
  await waitForMatches(run, /"msg":"gateway listening/, 2, run.startMs);
  return { run, url: `http://127.0.0.1:${port}`, spawnedAt };
}

async function stopWorkers(gateway: Promise<{ run: CliRun }> | undefined): Promise<void> {
  const started = await gateway?.catch(() => undefined);
  if (!started) return;
  started.run.child.kill('SIGTERM');
  await started.run.exited;
}

describe('with --workers 2,', () => {
  /**
   * Two deployments, started side by side before the tests: one the first two tests share (an echo
   * endpoint, and a route reaching a second one past an unreachable endpoint: each test counts only
   * its own), and one whose worker the last test crashes.
   */
  let shared: Promise<{ run: CliRun; url: string; spawnedAt: number }>;
  let crashed: Promise<{ run: CliRun; url: string; spawnedAt: number }>;
  beforeAll(async () => {
    const closedPort = await freePort();
    shared = startWorkers(`
endpoints:${ECHO_ENDPOINT}
  - name: unreachable
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-metrics-test, openai_api_base: "http://127.0.0.1:${closedPort}/v1" } }
    retries: { max_attempts: 1 }
  - name: echo-backup
    endpoint_type: llm/v1/completions
    model: { provider: mock, name: echo-model }
routes:
  - { name: echo-after-unreachable, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: unreachable }, { name: echo-backup }] }
`);
    crashed = startWorkers(`endpoints:${ECHO_ENDPOINT}\n`);
    // Each test awaits its deployment: one that did not start fails its tests with its own message.
    await Promise.allSettled([shared, crashed]);
  }, sideBySideHookMs([WORKERS_START_SIDE_BY_SIDE_MS, WORKERS_START_SIDE_BY_SIDE_MS]));
  afterAll(() => Promise.all([stopWorkers(shared), stopWorkers(crashed)]));

  test('every /metrics answer covers the whole deployment', async () => {
    const { url } = await shared;
    const sent = 12;
    const statuses = await Promise.all(Array.from({ length: sent }, (_, index) => postOnNewConnection(url, '/endpoints/echo/invocations', { prompt: `word ${index}` })));
    expect(statuses).toEqual(Array(sent).fill(200));
    const labels = { route: '/endpoints/{name}/invocations', endpoint: 'echo', provider: 'mock', status: '200' };
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const text = await scrape(url);
      expect(sample(text, 'gateway_requests_total', labels)).toBe(sent);
      expect(sample(text, 'gateway_tokens_total', { endpoint: 'echo', client: '', type: 'prompt' })).toBe(2 * sent);
    }
  }, 2 * WORKERS_MS);

  test("a FALLBACK route's moves are summed over the workers", async () => {
    const { run, url } = await shared;
    const sent = 8;
    const statuses = await Promise.all(Array.from({ length: sent }, (_, index) => postOnNewConnection(url, '/gateway/echo-after-unreachable/invocations', { prompt: `word ${index}` })));
    expect(statuses).toEqual(Array(sent).fill(200));
    const served = () => logLines(run).filter((line) => line.route === '/gateway/{name}/invocations');
    await waitForOutput(run, () => served().length === sent, 'the audit lines of every request', WORKERS_MS);
    // Both workers served some, or the sum would prove nothing.
    expect(new Set(served().map((line) => line.pid)).size).toBe(2);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const text = await scrape(url);
      expect(sample(text, 'gateway_route_fallbacks_total', { route: 'echo-after-unreachable', from: 'unreachable', to: 'echo-backup' })).toBe(sent);
      expect(sample(text, 'gateway_route_requests_total', { route: 'echo-after-unreachable', endpoint: 'echo-backup', status: '200' })).toBe(sent);
    }
  }, 2 * WORKERS_MS);

  test("counters and histograms never go down when a crashed worker is replaced (no false counter reset for Prometheus), and the start time stays the primary's", async () => {
    const { run, url, spawnedAt } = await crashed;
    const invoke = (index: number) => postOnNewConnection(url, '/endpoints/echo/invocations', { prompt: `word ${index}` });
    const requests = (text: string) => sample(text, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'echo', provider: 'mock', status: '200' });
    const operations = (text: string) =>
      sample(text, 'gen_ai_client_operation_duration_seconds_count', { gen_ai_operation_name: 'text_completion', gen_ai_provider_name: 'mock', gen_ai_request_model: 'echo-model', endpoint: 'echo', error_type: '' });
    const prompts = (text: string) => sample(text, 'gateway_tokens_total', { endpoint: 'echo', client: '', type: 'prompt' });
    const sent = 12;
    expect(await Promise.all(Array.from({ length: sent }, (_, index) => invoke(index)))).toEqual(Array(sent).fill(200));
    const served = () => logLines(run).filter((line) => line.route === '/endpoints/{name}/invocations');
    await waitForOutput(run, () => served().length === sent, 'the audit lines of every request', WORKERS_MS);
    const before = await scrape(url);
    expect([requests(before), operations(before), prompts(before)]).toEqual([sent, sent, 2 * sent]);
    // The deployment's start, when its counters started from zero: the primary's, rounded to the second. It
    // started after the spawn and before the workers it forked listened: bounds a loaded machine only widens.
    const started = sample(before, 'process_start_time_seconds', {});
    const listenedAt = Math.min(...logLines(run).filter((line) => line.msg?.startsWith('gateway listening')).map((line) => line.time));
    expect(started!).toBeGreaterThanOrEqual(Math.round(spawnedAt / 1000));
    expect(started!).toBeLessThanOrEqual(Math.round(listenedAt / 1000));

    // A worker that served some of them crashes; the primary starts another.
    const victim = served()[0].pid;
    process.kill(victim, 'SIGKILL');
    await waitForMatches(run, /"msg":"gateway listening/, 3, WORKERS_MS);
    const after = await scrape(url);
    expect([requests(after), operations(after), prompts(after)]).toEqual([sent, sent, 2 * sent]);
    // A replaced worker resets no counter, so it is no restart of the deployment either.
    expect(sample(after, 'process_start_time_seconds', {})).toBe(started);

    // Later requests add to the totals as before, whichever worker serves them.
    expect(await Promise.all(Array.from({ length: 4 }, (_, index) => invoke(index)))).toEqual(Array(4).fill(200));
    const later = await scrape(url);
    expect([requests(later), operations(later), prompts(later)]).toEqual([sent + 4, sent + 4, 2 * (sent + 4)]);
  }, 3 * WORKERS_MS);
});
