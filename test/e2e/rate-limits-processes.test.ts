/**
 * Rate limits across processes, with the CLI spawned as users start it: `--workers 2` (counters
 * in the cluster primary, surviving a crashed worker), and two gateway processes sharing a real
 * Redis, which then dies: `on_error: open` keeps serving (and logs it), `on_error: closed` answers 503
 * (a FALLBACK route moves on to its next destination). In both, a call refused before anything was
 * sent is given back to its endpoint's limit, whichever process refused it.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, type CliRun, type RunOptions } from '../support/cli';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveGeminiFixtures } from '../support/fixture-upstreams';
import { startRedis, type RedisServer } from '../support/redis';
import { CLI_START_SIDE_BY_SIDE_MS, REDIS_START_MS, sideBySideHookMs, WORKERS_TEST_MS } from '../support/timeouts';

const directory = mkdtempSync(join(tmpdir(), 'gateway-limits-'));

function writeConfig(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** One POST on a fresh connection (no keep-alive), so the cluster spreads requests over workers. */
function invoke(url: string, name: string, body: unknown = { prompt: 'hello' }): Promise<{ status: number; retryAfter: string | undefined; endpoint: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/gateway/${name}/invocations`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      const { 'retry-after': retryAfter, 'x-gateway-endpoint': endpoint } = response.headers as Record<string, string | undefined>;
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter, endpoint }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** Gemini's translation refuses `suffix` (a 400 before anything is sent); OpenAI-shaped completions take it. */
const SUFFIXED = { prompt: 'hello', suffix: ' — end' };

/**
 * Sends `count` requests one after another, each on a fresh connection (so they go to every worker,
 * and to both gateways sharing Redis), to the route whose first destination refuses them: every one
 * is answered by the next destination. One after another: a refusal under way holds its call until
 * it is given back, and a concurrent request finding the window full meanwhile would count as refused.
 */
async function refusedThenServed(urls: string[], count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    expect(await invoke(urls[index % urls.length], 'refusing-then-unlimited', SUFFIXED)).toMatchObject({ status: 200, endpoint: 'unlimited' });
  }
}

/** One POST; the status and the endpoint that answered. */
async function invokeNamed(url: string, name: string): Promise<{ status: number; endpoint: string | null }> {
  const response = await fetch(`${url}/gateway/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'hello' }) });
  await response.arrayBuffer();
  return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint') };
}

function statuses(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

async function startCli(args: string[], configPath: string, env: NodeJS.ProcessEnv = {}, options: RunOptions = {}): Promise<{ url: string; run: CliRun }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), ...args], env, options);
  await waitForHealth(url, run);
  return { url, run };
}

async function stop(run: CliRun): Promise<void> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  await run.exited;
}

/** Pids of the processes that logged "gateway listening", in order. */
function listeningPids(run: CliRun): number[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.includes('gateway listening'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);
}

/** The `reason` of each "rate-limit store unavailable" warning a process logged. */
function outageReasons(run: CliRun): string[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.includes('rate-limit store unavailable'))
    .map((line) => (JSON.parse(line) as { reason: string }).reason);
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let gemini: FakeUpstream;
beforeAll(async () => {
  gemini = await startFakeUpstream(serveGeminiFixtures('gemini-2.0-flash'));
});
afterAll(() => gemini.close());

/** `refusing` spends its one call only on a request it sends (one without `suffix`). */
const COMPLETIONS = (limit: string, extra = '') => `${extra}
endpoints:
  - name: limited
    endpoint_type: llm/v1/completions
    model: { provider: mock }
    limit: ${limit}
  - name: unlimited
    endpoint_type: llm/v1/completions
    model: { provider: mock }
  - name: refusing
    endpoint_type: llm/v1/completions
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: gemini-limits-key, gemini_api_base: "${gemini.url}/v1beta" } }
    limit: { calls: 1, renewal_period: hour }
routes:
  - { name: limited-then-unlimited, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: limited }, { name: unlimited }] }
  - { name: refusing-then-unlimited, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: refusing }, { name: unlimited }] }
`;

/** The one call `refusing` has left serves a request it can take, and then it is spent. */
async function expectOneCallLeft(url: string): Promise<void> {
  expect(await invoke(url, 'refusing-then-unlimited')).toMatchObject({ status: 200, endpoint: 'refusing' });
  expect(await invoke(url, 'refusing')).toMatchObject({ status: 429, endpoint: 'refusing' });
  expect(gemini.requests).toHaveLength(1);
  gemini.requests.length = 0;
}

describe('--workers 2', () => {
  let gateway: { url: string; run: CliRun };
  beforeAll(async () => {
    gateway = await startCli(['--workers', '2'], writeConfig('workers.yaml', COMPLETIONS('{ calls: 5, renewal_period: minute }')));
    await until(() => listeningPids(gateway.run).length === 2, 'two workers');
  }, WORKERS_TEST_MS);
  afterAll(() => stop(gateway.run));

  test('admits exactly `calls` requests in total across both workers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => invoke(gateway.url, 'limited')));
    expect(statuses(answers)).toEqual({ 200: 5, 429: 15 });
    for (const answer of answers.filter((item) => item.status === 429)) {
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }
    expect(statuses(await Promise.all(Array.from({ length: 6 }, () => invoke(gateway.url, 'unlimited'))))).toEqual({ 200: 6 });
  });

  test('a destination that refuses a parameter spends none of its calls, whichever worker refused it', async () => {
    await refusedThenServed([gateway.url], 6);
    await expectOneCallLeft(gateway.url);
  });

  test('a crashed worker is replaced, and the counters (kept by the primary) survive it', async () => {
    const [victim] = listeningPids(gateway.run);
    process.kill(victim, 'SIGKILL');
    await until(() => gateway.run.output().includes('worker exited; starting a new one'), 'the crash to be noticed');
    await until(() => listeningPids(gateway.run).length === 3, 'a replacement worker');
    expect(listeningPids(gateway.run)[2]).not.toBe(victim);
    const answers = await Promise.all(Array.from({ length: 6 }, () => invoke(gateway.url, 'limited')));
    expect(statuses(answers)).toEqual({ 429: 6 });
    expect((await invoke(gateway.url, 'unlimited')).status).toBe(200);
  });
});

describe('two gateway processes sharing Redis', () => {
  let redis: RedisServer;
  let open: { url: string; run: CliRun };
  let closed: { url: string; run: CliRun };

  beforeAll(async () => {
    redis = await startRedis();
    const limit = '{ calls: 4, renewal_period: minute }';
    // The two gateways start side by side. timeout_ms well above a Redis round trip on a loaded
    // machine: a hit that timed out would be admitted (open) or refused (closed) and spoil the exact count below.
    [open, closed] = await Promise.all([
      startCli([], writeConfig('redis-open.yaml', COMPLETIONS(limit, `rate_limit_store: { type: redis, url: "${redis.url}", on_error: open, timeout_ms: 1000 }`)), {}, { sideBySide: true }),
      // The URL from the environment, as a password-carrying URL would come.
      startCli([], writeConfig('redis-closed.yaml', COMPLETIONS(limit, 'rate_limit_store: { type: redis, url: $REDIS_URL, on_error: closed, timeout_ms: 1000 }')), { REDIS_URL: redis.url }, { sideBySide: true }),
    ]);
  }, REDIS_START_MS + sideBySideHookMs([CLI_START_SIDE_BY_SIDE_MS, CLI_START_SIDE_BY_SIDE_MS]));
  afterAll(async () => {
    // Either start may have failed (the hook's own error says why): stop what did start.
    await Promise.all([open, closed].filter((started) => started !== undefined).map((started) => stop(started.run)));
    await redis?.stop();
  });

  test('admit exactly `calls` requests in total between them', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => invoke(index % 2 === 0 ? open.url : closed.url, 'limited')));
    expect(statuses(answers)).toEqual({ 200: 4, 429: 8 });
  });

  test('a destination that refuses a parameter spends none of its calls in Redis, whichever gateway refused it', async () => {
    await refusedThenServed([open.url, closed.url], 6);
    await expectOneCallLeft(closed.url);
  });

  test('with Redis killed, on_error open keeps serving and logs it; on_error closed answers 503; unlimited endpoints never care', async () => {
    await redis.kill();
    const started = Date.now();
    const fromOpen = await Promise.all(Array.from({ length: 3 }, () => invoke(open.url, 'limited')));
    expect(statuses(fromOpen)).toEqual({ 200: 3 });
    const fromClosed = await Promise.all(Array.from({ length: 3 }, () => invoke(closed.url, 'limited')));
    expect(statuses(fromClosed)).toEqual({ 503: 3 });
    // Clients (the OpenAI SDKs) wait that long before they retry: Redis is tried again at least every 2 s.
    expect(fromClosed.map((answer) => answer.retryAfter)).toEqual(['2', '2', '2']);
    expect((await invoke(closed.url, 'unlimited')).status).toBe(200);
    // The refused destination is passed over like one at its limit: the backup counts on no store.
    expect(await invokeNamed(closed.url, 'limited-then-unlimited')).toEqual({ status: 200, endpoint: 'unlimited' });
    // A hang guard only: four rounds that each waited timeout_ms would still pass it.
    expect(Date.now() - started).toBeLessThan(8_000);
    await until(() => open.run.output().includes('rate-limit store unavailable: serving without rate limits'), 'the outage warning');
    await until(() => outageReasons(closed.run).length > 0, 'the outage warning of on_error: closed');
    expect(open.run.output()).toContain(`"store":"redis://127.0.0.1:${redis.port}"`);
    // What says the hits never waited for Redis: each process's one warning names the failure that
    // decided, and with Redis's connection closed that is the command failing at once (not sent, or
    // dropped with the connection), never its timeout.
    const reasons = [...outageReasons(open.run), ...outageReasons(closed.run)];
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason).not.toBe('Command timed out');
  });
});
