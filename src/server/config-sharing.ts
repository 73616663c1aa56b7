/**
 * Hot reload under --workers: the primary watches and validates (reload.ts), then sends the accepted
 * text, and the secret files as it read them, to every worker, which compiles it itself (a plan
 * holds functions and connection pools; it cannot cross processes) without reading any secret file.
 * Workers ask the primary for the config when they start, so replacements start on the last one
 * every worker compiled, even when a secret file has since gone or changed. Each worker answers
 * whether it compiled a config it was sent, so that the reload metrics count what the workers serve,
 * and a config some worker refused is not handed to replacements (the primary may accept what no
 * new worker can compile: it imported a plugin module that has since changed on disk, say), which
 * would fail and be replaced again and again.
 */
import cluster, { type Worker } from 'node:cluster';
import { closePoolsNotIn } from '../providers/transport/pools';
import type { Logger } from './logging';
import { inOrder, KEEPS_SERVING, retireUnusedStores, tryCompile, watchForReload, type LoadedConfig, type ReloadingWatcher, type ReloadOptions } from './reload';
import { sendToWorker } from './send-to-worker';
import type { GatewayState } from './state';

interface ConfigMessage {
  type: 'gateway:config';
  text: string;
  /** The secret files the primary read, as [path, text] pairs: workers serve exactly what it accepted. */
  secretFiles: [string, string][];
  /** Counts accepted configs: a rotated secret file makes a new one with the same text. */
  revision: number;
}

const CONFIG_REQUEST = { type: 'gateway:config-request' } as const;

/** A worker's answer to a config: whether it compiled it and serves it now. */
interface CompiledMessage {
  type: 'gateway:config-compiled';
  revision: number;
  serves: boolean;
}

/** How long the primary waits for a worker's answer; one that has not answered by then is taken as not serving the config. */
const ANSWER_WAIT_MS = 30_000;

function isConfigMessage(message: unknown): message is ConfigMessage {
  const candidate = message as ConfigMessage | null;
  return candidate?.type === 'gateway:config' && typeof candidate.text === 'string' && Array.isArray(candidate.secretFiles) && typeof candidate.revision === 'number';
}

function isConfigRequest(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === CONFIG_REQUEST.type;
}

function isCompiledMessage(message: unknown): message is CompiledMessage {
  const candidate = message as CompiledMessage | null;
  return candidate?.type === 'gateway:config-compiled' && typeof candidate.revision === 'number' && typeof candidate.serves === 'boolean';
}

/**
 * Primary: whether every one of `workers` compiled the config `revision`, once each has answered or
 * exited (its replacement gets this config if the others compile it), or after ANSWER_WAIT_MS.
 */
function workersServe(workers: readonly Worker[], revision: number, logger: Logger): Promise<boolean> {
  const waiting = new Set(workers);
  let allServe = true;
  return new Promise((resolve) => {
    const settle = (worker: Worker, serves: boolean) => {
      if (!waiting.delete(worker)) return;
      allServe &&= serves;
      if (waiting.size === 0) finish();
    };
    const onMessage = (worker: Worker, message: unknown) => {
      if (isCompiledMessage(message) && message.revision === revision) settle(worker, message.serves);
    };
    const onExit = (worker: Worker) => settle(worker, true);
    const timer = setTimeout(() => {
      const pids = [...waiting].map((worker) => worker.process.pid);
      logger.warn({ worker_pids: pids, waited_s: ANSWER_WAIT_MS / 1000 }, `worker ${pids.join(', ')} did not say within ${ANSWER_WAIT_MS / 1000} s whether it serves the reloaded config; counting the reload as refused`);
      allServe = false;
      finish();
    }, ANSWER_WAIT_MS).unref();
    const finish = () => {
      clearTimeout(timer);
      cluster.off('message', onMessage);
      cluster.off('exit', onExit);
      resolve(allServe);
    };
    cluster.on('message', onMessage);
    cluster.on('exit', onExit);
    if (waiting.size === 0) finish();
  });
}

/** The primary's side of the config: what it last accepted, `reloadNow`, and `close` to stop watching. */
export interface SharedConfig extends ReloadingWatcher {
  latest(): LoadedConfig;
}

/** The `reload` of the primary's line for a config it accepted and some worker did not compile (or did not answer about in time). */
const WORKERS_REFUSED = 'rejected by a worker: new workers start on the last config every worker compiled';

function workersRefusedMessage(configPath: string): string {
  return (
    `not every worker serves the new config from ${configPath} (a worker that could not compile it logged why, and keeps serving its last config); ` +
    'a new worker starts on the last config every worker compiled'
  );
}

/** A config as sent to workers: its text and secret files (not its plan, which the primary need not keep), and its revision. */
type Revision = Omit<ConfigMessage, 'type'>;

function revisionOf(config: LoadedConfig, revision: number): Revision {
  return { text: config.text, secretFiles: [...config.secretFiles], revision };
}

function connectedWorkers(): Worker[] {
  return Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker?.isConnected() === true);
}

function sendConfig(worker: Worker, shared: Revision): void {
  sendToWorker(worker, { type: 'gateway:config', ...shared } satisfies ConfigMessage);
}

/**
 * Primary: sends every newly accepted config to all workers, and answers each starting worker with
 * the last config every worker compiled. Close it on shutdown.
 */
export function shareConfigWithWorkers(options: Omit<ReloadOptions, 'onAccepted' | 'whenServing'>): SharedConfig {
  let latest = options.current;
  let revision = 1;
  let compiledByAll = revisionOf(options.current, revision);
  const answerRequest = (worker: Worker, message: unknown) => {
    if (isConfigRequest(message)) sendConfig(worker, compiledByAll);
  };
  cluster.on('message', answerRequest);
  const watcher = watchForReload({
    ...options,
    onAccepted: (next) => {
      latest = next;
      revision += 1;
    },
    whenServing: async (next) => {
      const offered = revisionOf(next, revision);
      const workers = connectedWorkers();
      for (const worker of workers) sendConfig(worker, offered);
      const allCompiled = await workersServe(workers, offered.revision, options.logger);
      if (!allCompiled) {
        options.logger.error({ configPath: options.configPath, reload: WORKERS_REFUSED }, workersRefusedMessage(options.configPath));
      } else if (offered.revision > compiledByAll.revision) {
        compiledByAll = offered;
        // A worker started meanwhile got the config before; the others ignore a revision they have.
        for (const worker of connectedWorkers()) sendConfig(worker, offered);
      }
      return allCompiled;
    },
  });
  return {
    latest: () => latest,
    reloadNow: (cause) => watcher.reloadNow(cause),
    close() {
      watcher.close();
      cluster.off('message', answerRequest);
    },
  };
}

/**
 * Worker: asks the primary for the config and compiles each text it sends. The first one starts
 * serving (`start`); later ones replace the plan. A text that fails to compile here is logged and
 * the worker keeps its plan (or exits 2 if it has none yet).
 */
export function followPrimaryConfig(options: { configPath: string; logger: Logger; start: (state: GatewayState) => void }): void {
  const { configPath, logger } = options;
  let state: GatewayState | null = null;
  let lastRevision = 0;
  const follow = inOrder(async (message: ConfigMessage) => {
    if (message.revision <= lastRevision) return;
    lastRevision = message.revision;
    const outcome = state === null ? 'rejected: the worker cannot start' : KEEPS_SERVING;
    const loaded = await tryCompile(message.text, configPath, logger, { secretFileContents: new Map(message.secretFiles), outcome });
    process.send?.({ type: 'gateway:config-compiled', revision: message.revision, serves: loaded !== null } satisfies CompiledMessage);
    if (loaded === null) {
      if (state === null) process.exit(2);
      return;
    }
    if (state === null) {
      state = { plan: loaded.plan };
      options.start(state);
      return;
    }
    retireUnusedStores(state.plan, loaded);
    state.plan = loaded.plan;
    void closePoolsNotIn(loaded.poolKeys);
    logger.info({ configPath, endpoints: loaded.plan.endpoints.size }, 'worker switched to the reloaded config');
  });
  process.on('message', (message: unknown) => {
    if (isConfigMessage(message)) follow(message);
  });
  process.send?.(CONFIG_REQUEST);
}
