/**
 * Gateways spawned through the CLI for the hot-reload tests (test/e2e/hot-reload*.test.ts): each test
 * has one of its own, on a config of its own, and they are all started side by side before the
 * file's tests, so no start shares the CPU with a test's reload. Also the configs they write and
 * what they read back.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, waitForHealth, waitForOutput, type CliRun } from './cli';
import { startSideBySideByName } from './side-by-side';
import { CLI_START_SIDE_BY_SIDE_MS, sideBySideHookMs, WORKERS_START_SIDE_BY_SIDE_MS } from './timeouts';

/**
 * The reload promise, with room for a loaded machine: the README says about a second (a 100 ms
 * debounce, a 1 s poll); a change that is missed is never served, which this still catches.
 */
export const RELOAD_WITHIN_MS = 5_000;

export const WORKERS = ['--workers', '2'];

/** A test's gateway: where it serves, its run, and the folder and config file it was started on. */
export interface ReloadGateway {
  url: string;
  run: CliRun;
  directory: string;
  path: string;
}

export interface GatewaySetup {
  /** Writes the test's folder and config file (the gateway is started on `path`). */
  prepare: () => { directory: string; path: string };
  /** Arguments after the config path and port: WORKERS, or none. */
  args?: string[];
}

export function freshDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'gateway-reload-'));
}

/** A fresh folder holding `config.yaml` with `text`. */
export function freshConfig(text: string): { directory: string; path: string } {
  const directory = freshDirectory();
  const path = join(directory, 'config.yaml');
  writeFileSync(path, text);
  return { directory, path };
}

/** Writes what the kubelet's atomic writer mounts: `file` holding `text` in the new folder `version`. */
export function publish(directory: string, version: string, file: string, text: string): void {
  mkdirSync(join(directory, version));
  writeFileSync(join(directory, version, file), text);
}

/** The kubelet's swap: `..data_tmp` → `version`, renamed over `..data`, the old folder `previous` removed. */
export function swapData(directory: string, version: string, previous: string): void {
  symlinkSync(version, join(directory, '..data_tmp'));
  renameSync(join(directory, '..data_tmp'), join(directory, '..data'));
  rmSync(join(directory, previous), { recursive: true });
}

/** A mock chat endpoint; `model` is the model name it reports, `latencyMs` its delay per piece. */
export function chatEndpoint(name: string, model: string, latencyMs = 0): string {
  return `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: mock
      name: ${model}
      config: { latency_ms: ${latencyMs} }`;
}

export const configOf = (...endpoints: string[]) => `endpoints:${endpoints.join('')}\n`;

async function startGateway({ prepare, args = [] }: GatewaySetup): Promise<ReloadGateway> {
  const { directory, path } = prepare();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = runCli(['--config-path', path, '--port', String(port), ...args], {}, { sideBySide: true });
  await waitForHealth(url, run);
  // /health answers from the first worker; the second may still be starting, which would share the CPU with a test's reload.
  if (args === WORKERS) await waitForOutput(run, (output) => (output.match(/"msg":"gateway listening/g) ?? []).length >= 2, 'both workers listening', run.startMs);
  return { url, run, directory, path };
}

/**
 * Starts a gateway per setup, side by side, in a hook before the file's tests (after `before`,
 * which starts what the setups refer to) that waits until each has started or failed; the longest
 * starts go first. Returns how a test takes its gateway (or its start's failure): it is stopped
 * after that test.
 */
export function gatewaysPerTest<Name extends string>(setups: Record<Name, GatewaySetup>, before: () => Promise<void> = async () => undefined): (name: Name) => Promise<ReloadGateway> {
  let gateways: Record<Name, Promise<ReloadGateway>>;
  beforeAll(async () => {
    await before();
    const entries = Object.entries(setups) as [Name, GatewaySetup][];
    const byLength = [...entries.filter(([, setup]) => setup.args === WORKERS), ...entries.filter(([, setup]) => setup.args !== WORKERS)];
    gateways = startSideBySideByName(Object.fromEntries(byLength.map(([name, setup]) => [name, () => startGateway(setup)]))) as Record<Name, Promise<ReloadGateway>>;
    await Promise.allSettled(Object.values(gateways));
  }, sideBySideHookMs(Object.values<GatewaySetup>(setups).map((setup) => (setup.args === WORKERS ? WORKERS_START_SIDE_BY_SIDE_MS : CLI_START_SIDE_BY_SIDE_MS))));

  const taken: CliRun[] = [];
  afterEach(async () => {
    for (const run of taken.splice(0)) {
      if (run.child.exitCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
  });
  return async (name) => {
    const gateway: ReloadGateway = await gateways[name];
    taken.push(gateway.run);
    return gateway;
  };
}

/** Endpoint name → model name, as the list API shows them. */
export async function endpointModels(url: string): Promise<Record<string, string>> {
  const body = (await (await fetch(`${url}/api/2.0/endpoints/`)).json()) as { endpoints: { name: string; model: { name: string } }[] };
  return Object.fromEntries(body.endpoints.map((endpoint) => [endpoint.name, endpoint.model.name]));
}

/** Polls `check` until it holds; returns how long that took. Fails after `timeoutMs`. */
export async function timeUntil(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

export interface LogLine {
  level: number;
  msg: string;
  pid: number;
  [key: string]: unknown;
}

export function logLines(run: CliRun): LogLine[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}
