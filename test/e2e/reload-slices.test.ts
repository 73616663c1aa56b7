/**
 * A hot reload of a large config does not hold the event loop: it is checked and compiled in slices
 * (src/config/slices.ts), the served config answering requests between them, and it replaces the
 * served config only once compiled whole; a refused one never does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ITEMS_PER_SLICE } from '../../src/config/slices';
import { compileConfigText, watchForReload, type ReloadingWatcher } from '../../src/server/reload';
import { startGateway, type RunningGateway } from '../support/gateway';

jest.setTimeout(60_000);

const ENDPOINTS = 2000;

const endpoint = (name: string, endpointType = 'llm/v1/chat') => `  - name: ${name}\n    endpoint_type: ${endpointType}\n    model: { provider: mock, name: m }\n`;
const configOf = (...endpoints: string[]) => `endpoints:\n${endpoints.join('')}`;
const SERVED = configOf(endpoint('served'));
const largeEndpoints = (count: number) => Array.from({ length: count }, (_, index) => endpoint(`endpoint-${index}`));

/** Counts the turns of the event loop (one setImmediate callback each), from 0 again at `restart`. */
function countTurns(): { turns: () => number; restart: () => void; stop: () => void } {
  let turns = 0;
  let counting = true;
  const tick = () => {
    if (!counting) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return { turns: () => turns, restart: () => (turns = 0), stop: () => (counting = false) };
}

interface Reloading {
  gateway: RunningGateway;
  path: string;
  watcher: ReloadingWatcher;
  /** The loop turns counted (since `turns.restart()`) when each reload was applied or refused. */
  turnsWhenSettled: number[];
  /** Model names of the plans applied, in order. */
  applied: string[][];
  turns: ReturnType<typeof countTurns>;
}

const running: Reloading[] = [];
afterEach(async () => {
  for (const { gateway, watcher, turns } of running.splice(0)) {
    turns.stop();
    watcher.close();
    await gateway.close();
  }
});

/** The gateway serving `SERVED`, watching its file; its turn counter starts now. */
async function servingGateway(): Promise<Reloading> {
  const path = join(mkdtempSync(join(tmpdir(), 'gateway-reload-slices-')), 'config.yaml');
  writeFileSync(path, SERVED);
  const gateway = await startGateway(SERVED);
  const turnsWhenSettled: number[] = [];
  const applied: string[][] = [];
  const turns = countTurns();
  const logger = pino({ level: 'error' }, { write: () => turnsWhenSettled.push(turns.turns()) });
  const watcher = watchForReload({
    configPath: path,
    current: await compileConfigText(SERVED, path, logger),
    logger,
    onAccepted: (next) => {
      gateway.state.plan = next.plan;
      turnsWhenSettled.push(turns.turns());
      applied.push([...next.plan.endpoints.keys()]);
    },
    // Reloads here are asked for (reloadNow), as SIGHUP does: the file events would only repeat them.
    debounceMs: 60_000,
    pollIntervalMs: 60_000,
  });
  const reloading = { gateway, path, watcher, turnsWhenSettled, applied, turns };
  running.push(reloading);
  return reloading;
}

/** Asks for `/api/2.0/endpoints/served` one request after another until `settled()`; the statuses. */
async function askWhile(url: string, settled: () => boolean): Promise<number[]> {
  const statuses: number[] = [];
  while (!settled()) {
    const response = await fetch(`${url}/api/2.0/endpoints/served`);
    await response.arrayBuffer();
    // An answer that came after the reload settled may be either config's.
    if (!settled()) statuses.push(response.status);
  }
  return statuses;
}

/**
 * The reload let the event loop turn at least once for each slice of endpoints (a reload held whole
 * turns it twice at most), and the served config answered every request sent meanwhile.
 */
function expectServedMeanwhile(turnsWhenSettled: number, statuses: number[]): void {
  expect(turnsWhenSettled).toBeGreaterThanOrEqual(ENDPOINTS / ITEMS_PER_SLICE);
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set([200]));
}

test('while a large config is checked and compiled, the event loop turns and the served config answers requests; then the new one is served', async () => {
  const { gateway, path, watcher, turnsWhenSettled, applied, turns } = await servingGateway();
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/served`)).status).toBe(200);
  writeFileSync(path, configOf(...largeEndpoints(ENDPOINTS)));
  turns.restart();
  watcher.reloadNow('test');
  const statuses = await askWhile(gateway.url, () => applied.length > 0);

  expectServedMeanwhile(turnsWhenSettled[0], statuses);
  expect(applied[0]).toHaveLength(ENDPOINTS);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/served`)).status).toBe(404);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/endpoint-${ENDPOINTS - 1}`)).status).toBe(200);
});

test('a large config refused for its last endpoint is checked in slices too, and the served config goes on alone', async () => {
  const { gateway, path, watcher, turnsWhenSettled, applied, turns } = await servingGateway();
  writeFileSync(path, configOf(...largeEndpoints(ENDPOINTS - 1), endpoint('last', 'llm/v1/nonsense')));
  turns.restart();
  watcher.reloadNow('test');
  const statuses = await askWhile(gateway.url, () => turnsWhenSettled.length > 0);

  expectServedMeanwhile(turnsWhenSettled[0], statuses);
  expect(applied).toEqual([]);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/served`)).status).toBe(200);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/endpoint-0`)).status).toBe(404);
});

test('two reloads asked in quick succession, the first still in its slices, end on the last file', async () => {
  const { gateway, path, watcher, applied } = await servingGateway();
  writeFileSync(path, configOf(...largeEndpoints(ENDPOINTS)));
  watcher.reloadNow('test');
  // The first reload has read its file (reloadNow reads it at once) and is being checked.
  await new Promise((resolve) => setImmediate(resolve));
  writeFileSync(path, configOf(endpoint('last')));
  watcher.reloadNow('test');
  await askWhile(gateway.url, () => applied.length === 2);

  expect(applied.map((names) => names.length)).toEqual([ENDPOINTS, 1]);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/last`)).status).toBe(200);
  expect((await fetch(`${gateway.url}/api/2.0/endpoints/endpoint-0`)).status).toBe(404);
});
