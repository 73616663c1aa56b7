/**
 * `npm run bench:reload-block [-- --endpoints N --reloads N]`: how long a hot reload of a large
 * config (bench/large-config.ts) holds the event loop, in one process with nothing else to do:
 * the config is loaded as at start-up, then reloaded (as SIGHUP does) `--reloads` times, and for
 * each the longest event-loop delay (perf_hooks monitorEventLoopDelay, 1 ms resolution) and the
 * time from the reload asked to the new config served are printed.
 *
 * Options: --endpoints N (default 3000; 200 routes, 500 client keys), --reloads N (default 5).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { largeConfig } from './large-config';

/** The built gateway's reload (dist/src/server/reload.js), as far as this script calls it; bench/ compiles apart from src/. */
interface ReloadModule {
  loadConfig(configPath: string, logger: unknown): Promise<unknown>;
  watchForReload(options: { configPath: string; current: unknown; logger: unknown; onAccepted: () => void }): { reloadNow(cause: string): void; close(): void };
}

const BUILT = join(__dirname, '..', 'src', 'server');
const { loadConfig, watchForReload } = require(join(BUILT, 'reload.js')) as ReloadModule;
const { silentLogger } = require(join(BUILT, 'logging.js')) as { silentLogger: unknown };

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { endpoints: { type: 'string' }, reloads: { type: 'string' } }, strict: true });
  const endpoints = Number(values.endpoints ?? 3000);
  const reloads = Number(values.reloads ?? 5);
  const folder = mkdtempSync(join(tmpdir(), 'gateway-reload-block-'));
  const configPath = join(folder, 'config.yaml');
  writeFileSync(configPath, largeConfig({ endpoints, routes: 200, keys: 500 }));
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let started = performance.now();
  const current = await loadConfig(configPath, silentLogger);
  log(`${endpoints} endpoints, start-up load: ${(performance.now() - started).toFixed(0)} ms, longest event-loop delay ${(delay.max / 1e6).toFixed(1)} ms`);

  let served: () => void = () => {};
  const watcher = watchForReload({ configPath, current, logger: silentLogger, onAccepted: () => served() });
  try {
    for (let reload = 1; reload <= reloads; reload += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const applied = new Promise<void>((resolve) => (served = resolve));
      delay.reset();
      started = performance.now();
      watcher.reloadNow('bench');
      await applied;
      // The delay is sampled by a timer: one more turn records the last slice.
      await new Promise((resolve) => setTimeout(resolve, 20));
      log(`reload ${reload}: served after ${(performance.now() - started).toFixed(0)} ms, longest event-loop delay ${(delay.max / 1e6).toFixed(1)} ms`);
    }
  } finally {
    watcher.close();
    delay.disable();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
