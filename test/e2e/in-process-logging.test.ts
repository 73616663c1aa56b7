/**
 * A gateway run in-process (by these tests, or a program embedding it) logs through the logger it is
 * given, rate-limit stores included: none opens a logger of its own on standard output. Such a
 * logger adds a listener to process.stdout, which every test file of a jest run shares: with eleven
 * test files doing so, Node warned of a leak (MaxListenersExceededWarning on stdout).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigWatcher } from '../../src/config/watch';
import { closeLimitBackends } from '../../src/limits/limiter';
import { compileConfigText, watchForReload, type LoadedConfig } from '../../src/server/reload';
import { freePort } from '../support/cli';
import { startGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

/** Every listener of every event of `emitter`. */
function listenersOf(emitter: NodeJS.EventEmitter): number {
  return emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0);
}

function outputListeners(): { stdout: number; stderr: number; process: number } {
  return { stdout: listenersOf(process.stdout), stderr: listenersOf(process.stderr), process: listenersOf(process) };
}

/** A limited endpoint whose counters are in Redis database `database` at `port` (where nothing listens). */
const limitedConfig = (port: number, database: number) => `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: 5, renewal_period: minute } }
rate_limit_store: { type: redis, url: redis://127.0.0.1:${port}/${database} }
`;

afterEach(() => closeLimitBackends());

test('gateways with rate limits started and stopped in-process, each with a store of its own, add no listener to standard output, standard error or the process', async () => {
  const port = await freePort();
  const before = outputListeners();
  for (let database = 0; database < 4; database += 1) {
    const gateway = await startGateway(limitedConfig(port, database));
    await gateway.close();
  }
  expect(outputListeners()).toEqual(before);
});

describe('a config and its reloads', () => {
  let watcher: ConfigWatcher | undefined;
  afterEach(() => watcher?.close());

  test("open their rate-limit stores with the reload's logger: each store's outage is a line of that log, and standard output gets no listener", async () => {
    const port = await freePort();
    const before = outputListeners();
    const { lines, logger } = captureLog('info');
    const path = join(mkdtempSync(join(tmpdir(), 'gateway-in-process-logging-')), 'config.yaml');
    writeFileSync(path, limitedConfig(port, 0));
    const accepted: LoadedConfig[] = [];
    const startUp = await compileConfigText(limitedConfig(port, 0), path, logger);
    watcher = watchForReload({ configPath: path, current: startUp, logger, onAccepted: (next) => accepted.push(next), debounceMs: 20, pollIntervalMs: 100 });
    const outageOf = (database: number) =>
      waitForLogLine(lines, (line) => line.msg.startsWith('rate-limit store unavailable') && line.store === `redis://127.0.0.1:${port}/${database}`, { timeoutMs: 10_000 });

    await startUp.plan.endpoints.get('chat')!.limiter!.admit();
    await outageOf(0);
    for (let database = 1; database <= 3; database += 1) {
      const from = lines.length;
      writeFileSync(path, limitedConfig(port, database));
      await waitForLogLine(lines, (line) => line.msg.startsWith('config reloaded'), { from, timeoutMs: 10_000 });
      await accepted[database - 1].plan.endpoints.get('chat')!.limiter!.admit();
      await outageOf(database);
    }
    watcher.close();
    expect(outputListeners()).toEqual(before);
  });
});
