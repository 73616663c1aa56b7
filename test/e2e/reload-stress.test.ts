/**
 * Reloads under traffic, as an operator whose GitOps pushes rewrite the config while clients call:
 * ~50 clients keep JSON and streamed calls flowing on /v1 and on the MLflow routes while the
 * endpoint's `openai_api_base` flips between two origins. Every call succeeds, nothing is logged
 * as an error, and once the traffic ends no socket stays open to the origin the config dropped;
 * once with a retry in flight across the reload, once under `--workers 2`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigWatcher } from '../../src/config/watch';
import { closeAllPools } from '../../src/providers/transport/http';
import { createApp } from '../../src/server/app';
import { createGatewayServer } from '../../src/server/http-server';
import { compileConfigText, watchForReload } from '../../src/server/reload';
import type { GatewayState } from '../../src/server/state';
import { freePort, runCli, waitForHealth } from '../support/cli';
import { readFixtureBytes, readJsonFixture } from '../support/fixtures';
import { listenCountingSockets } from '../support/keep-alive-server';
import { captureLog } from '../support/log-capture';
import { SOON_MS, within, WORKERS_START_MS } from '../support/timeouts';

/** The message of the one call whose first attempt fails (503) once the test lets it. */
const RETRIED = 'fail the first attempt';

/** An OpenAI-shaped origin that keeps idle connections for 10 minutes and counts its open sockets. */
interface Origin {
  url: string;
  server: Server;
  received: () => number;
  openSockets: () => number;
  /** Resolves when the first attempt of the RETRIED call has arrived; `failIt` then answers it 503. */
  retriedArrived: Promise<void>;
  failIt: () => void;
}

async function startOrigin(): Promise<Origin> {
  let received = 0;
  let arrived!: () => void;
  const retriedArrived = new Promise<void>((resolve) => (arrived = resolve));
  let held: ServerResponse | null = null;
  let failedOnce = false;
  const keepAlive = { 'keep-alive': 'timeout=600' };
  const server = createServer((request, response) => {
    received += 1;
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { stream?: boolean; messages: { content: string }[] };
      if (body.messages[0].content === RETRIED && !failedOnce) {
        failedOnce = true;
        held = response;
        arrived();
        return;
      }
      if (body.stream) {
        response.writeHead(200, { 'content-type': 'text/event-stream', ...keepAlive });
        response.end(readFixtureBytes('openai', 'chat.stream.sse'));
      } else {
        response.writeHead(200, { 'content-type': 'application/json', ...keepAlive });
        response.end(JSON.stringify(readJsonFixture('openai', 'chat.response.json')));
      }
    });
  });
  const { url, openSockets } = await listenCountingSockets(server);
  return {
    url,
    server,
    received: () => received,
    openSockets,
    retriedArrived,
    failIt: () => {
      held?.writeHead(503, { 'content-type': 'application/json', ...keepAlive });
      held?.end(JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } }));
    },
  };
}

/** The config calling `base`; `generation` makes each text differ, as each push does. */
const configFor = (base: string, generation: number) => `# push ${generation}
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${base}/v1" } }
    retries: { max_attempts: 3, initial_backoff: 0.01 }
`;

async function until(condition: () => boolean, what: string, describe: () => string = () => ''): Promise<void> {
  for (const deadline = Date.now() + SOON_MS; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${SOON_MS} ms${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Call = 'v1 json' | 'v1 stream' | 'mlflow json' | 'mlflow stream';
const CALLS: Call[] = ['v1 json', 'v1 stream', 'mlflow json', 'mlflow stream'];

/** One call, read to its end: its status, and for a stream whether it ended with `[DONE]`. */
async function call(url: string, kind: Call, content = 'hi'): Promise<string> {
  const stream = kind.endsWith('stream');
  const path = kind.startsWith('v1') ? '/v1/chat/completions' : '/endpoints/chat/invocations';
  const body = { ...(kind.startsWith('v1') && { model: 'chat' }), messages: [{ role: 'user', content }], ...(stream && { stream: true }) };
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const complete = stream ? text.includes('data: [DONE]') : text.includes('"choices"');
  return `${kind}: ${response.status}${complete ? '' : ` incomplete: ${text.slice(0, 300)}`}`;
}

/** `clients` loops of calls until `stop` resolves; the outcomes that were not a whole 200. */
function traffic(url: string, clients: number, stop: Promise<void>): { calls: () => number; failures: Promise<string[]> } {
  let stopped = false;
  void stop.then(() => (stopped = true));
  let calls = 0;
  const failures: string[] = [];
  const client = async (index: number) => {
    for (let turn = index; !stopped; turn += 1) {
      const outcome = await call(url, CALLS[turn % CALLS.length]).catch((error: Error) => `${CALLS[turn % CALLS.length]}: ${error.message}`);
      calls += 1;
      if (!outcome.endsWith(': 200')) failures.push(outcome);
    }
  };
  return { calls: () => calls, failures: Promise.all(Array.from({ length: clients }, (_, index) => client(index))).then(() => failures) };
}

const origins: Origin[] = [];
let watcher: ConfigWatcher | undefined;
let gateway: Server | undefined;
afterEach(async () => {
  watcher?.close();
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  await closeAllPools();
  for (const origin of origins.splice(0)) {
    origin.server.closeAllConnections();
    await new Promise((resolve) => origin.server.close(resolve));
  }
});

/**
 * Jest's timeout for a test's traffic and reloads (after the gateway's start): 6-8 s here idle, work
 * that a loaded machine stretches (36-46 s in four runs side by side beside two CPU hogs); each
 * step's own wait (SOON_MS) still names a step that never ends.
 */
const TRAFFIC_MS = 120_000;

const errorLines = (lines: string[]) => lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

test('20 reloads flipping the origin under 50 clients: every call succeeds and the dropped origin keeps no socket', async () => {
  const [first, second] = [await startOrigin(), await startOrigin()];
  origins.push(first, second);
  const { lines, logger } = captureLog('info');
  const configPath = join(mkdtempSync(join(tmpdir(), 'gateway-reload-stress-')), 'config.yaml');
  const text = configFor(second.url, 0);
  writeFileSync(configPath, text);
  const loaded = await compileConfigText(text, configPath, logger);
  const state: GatewayState = { plan: loaded.plan };
  let reloads = 0;
  watcher = watchForReload({ configPath, current: loaded, logger, debounceMs: 10, pollIntervalMs: 50, onAccepted: (next) => ((state.plan = next.plan), (reloads += 1)) });
  gateway = createGatewayServer(createApp(state, { logger }), loaded.plan.server);
  await new Promise<void>((resolve) => gateway!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;

  let stopTraffic!: () => void;
  const flowing = traffic(url, 50, new Promise((resolve) => (stopTraffic = resolve)));
  const RELOADS = 20;
  let retried: Promise<string> | undefined;
  for (let generation = 1; generation <= RELOADS; generation += 1) {
    const callsBefore = flowing.calls();
    await until(() => flowing.calls() >= callsBefore + 20, `calls on generation ${generation}`);
    // The last push moves the endpoint away from `first` while a call's first attempt waits there.
    if (generation === RELOADS) {
      retried = call(url, 'v1 json', RETRIED);
      await within(first.retriedArrived, SOON_MS, 'the first attempt of the retried call');
    }
    writeFileSync(configPath, configFor(generation % 2 === 1 ? first.url : second.url, generation));
    await until(() => reloads === generation, `reload ${generation}`);
  }
  first.failIt();
  expect(await retried).toBe('v1 json: 200');
  stopTraffic();
  expect(await flowing.failures).toEqual([]);
  expect(first.received()).toBeGreaterThan(50);
  expect(second.received()).toBeGreaterThan(50);

  await until(() => first.openSockets() === 0, "the dropped origin's sockets closing", () => `: ${first.openSockets()} open`);
  expect(second.openSockets()).toBeGreaterThan(0);
  expect(errorLines(lines)).toEqual([]);
}, TRAFFIC_MS);

test('under --workers 2, reloads flipping the origin under traffic leave no socket to the dropped origin', async () => {
  const [first, second] = [await startOrigin(), await startOrigin()];
  origins.push(first, second);
  const configPath = join(mkdtempSync(join(tmpdir(), 'gateway-reload-stress-')), 'config.yaml');
  writeFileSync(configPath, configFor(second.url, 0));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', configPath, '--port', String(port), '--workers', '2']);
  await waitForHealth(url, run);
  const count = (pattern: RegExp) => (run.output().match(new RegExp(pattern, 'g')) ?? []).length;
  await until(() => count(/gateway listening/) === 2, 'both workers listening');

  let stopTraffic!: () => void;
  const flowing = traffic(url, 40, new Promise((resolve) => (stopTraffic = resolve)));
  const RELOADS = 8;
  for (let generation = 1; generation <= RELOADS; generation += 1) {
    const callsBefore = flowing.calls();
    await until(() => flowing.calls() >= callsBefore + 20, `calls on generation ${generation}`);
    writeFileSync(configPath, configFor(generation % 2 === 1 ? first.url : second.url, generation));
    await until(() => count(/worker switched to the reloaded config/) === 2 * generation, `reload ${generation} in both workers`, () => `:\n${run.output()}`);
  }
  stopTraffic();
  expect(await flowing.failures).toEqual([]);

  await until(() => first.openSockets() === 0, "the dropped origin's sockets closing", () => `: ${first.openSockets()} open`);
  expect(second.openSockets()).toBeGreaterThan(0);
  run.child.kill('SIGTERM');
  expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  expect(run.output().split('\n').filter((line) => /"level":(5|6)\d/.test(line))).toEqual([]);
}, WORKERS_START_MS + TRAFFIC_MS);
