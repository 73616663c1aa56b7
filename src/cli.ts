/**
 * CLI: `npm start -- --config-path config.yaml [--host 127.0.0.1] [--port 5000] [--workers N]`,
 * run by the entry point (src/main.ts) once it handles stop signals.
 * The config path may also come from AI_GATEWAY_CONFIG (or MLflow's MLFLOW_GATEWAY_CONFIG, then
 * MLflow 2.x's MLFLOW_DEPLOYMENTS_CONFIG). A bad config prints every problem with its YAML path and exits 2.
 * With --workers N > 1, a primary process forks N workers sharing the port and replaces crashed ones;
 * it also keeps the rate-limit counters the workers share (src/limits/cluster-primary.ts).
 * The config file is watched and hot-reloaded (src/server/reload.ts). Node's warnings and a crash
 * are logged as JSON lines too (`logProcessEvents`).
 */
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shareMemoryAmong } from './config/server-settings';
import { workersAboveCpuLimitWarning } from './cpu-limit';
import { serveRateLimitsToWorkers } from './limits/cluster-primary';
import { closeLimitBackends, openLimitBackends } from './limits/limiter';
import { closeAllPools } from './providers/transport/http';
import { serveResponseStoreToWorkers } from './response-store/cluster';
import { createApp } from './server/app';
import { closeConnectionsAfterAnswers, createGatewayServer } from './server/http-server';
import { endRequestsInFlight } from './server/in-flight';
import { createLogger, type Logger } from './server/logging';
import type { UnloggedRequests } from './server/request-log';
import { collectProcessMetrics, joinClusterMetrics, serveClusterMetrics } from './server/metrics';
import { handOverStopSignals } from './stop-before-serving';
import { followPrimaryConfig, shareConfigWithWorkers } from './server/config-sharing';
import { crashWithoutSecrets, noteServedPlan } from './server/crash-secrets';
import { configFailureMessage, loadConfig, warnAboutConfig, watchForReload, type LoadedConfig, type ReloadingWatcher } from './server/reload';
import type { GatewayState } from './server/state';

interface CliOptions {
  configPath: string;
  host: string;
  port: number;
  workers: number;
}

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';
const CONFIG_VARIABLES = 'AI_GATEWAY_CONFIG, MLFLOW_GATEWAY_CONFIG or MLFLOW_DEPLOYMENTS_CONFIG';
const HELP = `${USAGE}\nThe config path may also come from ${CONFIG_VARIABLES}.`;

function wholeNumber(value: string, flag: string): number {
  if (/^-\d+$/.test(value)) throw new Error(`${flag} must not be negative, got '${value}'`);
  // Digits only: Number() would read '' as 0 and accept ' 8 ', '1e3' or '0x50'.
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number, got '${value}'`);
  return Number(value);
}

const HIGHEST_PORT = 65_535;

function portNumber(value: string): number {
  const port = wholeNumber(value, '--port');
  if (port > HIGHEST_PORT) throw new Error(`--port must be at most ${HIGHEST_PORT}, got '${value}'`);
  return port;
}

function hostName(value: string): string {
  // Node listens on every interface for an empty host: `--host "$HOST"` with HOST unset would expose the gateway.
  if (value === '') throw new Error('--host must not be empty (127.0.0.1 by default, 0.0.0.0 for every interface)');
  return value;
}

/** `--help` / `-h` anywhere: the user asks for the usage, not for a gateway. */
function asksForHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

const NUMBER_FLAGS = new Set(['--port', '--workers']);

/**
 * `--workers -1` as `--workers=-1`: parseArgs takes a value starting with '-' for another flag and
 * answers that the argument is ambiguous; joined, the value reaches the check that names the problem.
 */
function withNegativeNumbersJoined(argv: string[]): string[] {
  return argv.flatMap((argument, index) => {
    if (NUMBER_FLAGS.has(argv[index - 1] ?? '') && /^-\d/.test(argument)) return [];
    const value = argv[index + 1];
    return NUMBER_FLAGS.has(argument) && value !== undefined && /^-\d/.test(value) ? [`${argument}=${value}`] : [argument];
  });
}

function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: withNegativeNumbersJoined(argv),
    options: {
      'config-path': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5000' },
      workers: { type: 'string', default: '1' },
    },
    strict: true,
  });
  // An empty variable counts as not set, as click (MLflow's CLI) reads MLFLOW_GATEWAY_CONFIG. MLflow 3
  // reads only that one: a MLFLOW_DEPLOYMENTS_CONFIG left over from MLflow 2.x must not override it.
  const configPath = values['config-path'] || env.AI_GATEWAY_CONFIG || env.MLFLOW_GATEWAY_CONFIG || env.MLFLOW_DEPLOYMENTS_CONFIG;
  if (!configPath) throw new Error(`--config-path is required (or set ${CONFIG_VARIABLES})`);
  const workers = wholeNumber(values.workers!, '--workers');
  if (workers < 1) throw new Error('--workers must be at least 1');
  return { configPath: resolve(configPath), host: hostName(values.host!), port: portNumber(values.port!), workers };
}

/** The URL to open: an IPv6 address goes in brackets (`http://[::1]:5000`), as URLs require. */
function listeningUrl(host: string, port: number): string {
  return `http://${isIPv6(host) ? `[${host}]` : host}:${port}`;
}

/** Why the server cannot listen, in words an operator acts on, with the system's code. */
function cannotListenMessage(options: Pick<CliOptions, 'host' | 'port'>, error: NodeJS.ErrnoException): string {
  const address = `${isIPv6(options.host) ? `[${options.host}]` : options.host}:${options.port}`;
  const reasons: Record<string, string> = {
    EADDRINUSE: 'the port is already in use (another process listens on it)',
    EADDRNOTAVAIL: "the address is not one of this machine's (--host)",
    EACCES: 'permission denied (ports below 1024 need privileges)',
    ENOTFOUND: 'the host name does not resolve (--host)',
    EAI_AGAIN: 'the host name does not resolve (--host)',
  };
  const reason = (error.code && reasons[error.code]) ?? error.message;
  return `cannot listen on ${address}: ${reason}${error.code ? ` (${error.code})` : ''}`;
}

function serve(options: CliOptions, state: GatewayState, logger: Logger, onStop: () => void = () => {}): void {
  noteServedPlan(() => state.plan);
  const app = createApp(state, { logger });
  const server = createGatewayServer(app, state.plan.server);
  const unlogged = app.locals.unlogged as UnloggedRequests;
  openLimitBackends();
  server.listen(options.port, options.host, () => {
    // The port listened on: `--port 0` asks the system for a free one.
    const { port } = server.address() as AddressInfo;
    logger.info({ host: options.host, port, endpoints: state.plan.endpoints.size }, `gateway listening on ${listeningUrl(options.host, port)}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    // One line naming the address and the cause: the stack of node's listen call says nothing more.
    logger.error({ host: options.host, port: options.port, code: error.code }, cannotListenMessage(options, error));
    process.exit(cluster.isWorker ? CANNOT_LISTEN_EXIT_CODE : 1);
  });
  onStopSignals(logger, (signal) => {
    onStop();
    shutDown(server, logger, { signal, timeoutMs: state.plan.server.shutdownTimeoutMs, unlogged });
  });
}

/**
 * Calls `stop` on the first SIGTERM or SIGINT. Later ones are logged and change nothing: one stop
 * often arrives twice (Ctrl+C and systemd signal every process of the group, and npm or the
 * primary passes the signal on as well), and Node's default action for the second would kill the
 * process mid-drain. The drain is bounded by server.shutdown_timeout; SIGKILL stops at once.
 */
function onStopSignals(logger: Logger, stop: (signal: NodeJS.Signals) => void): void {
  let first: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first !== undefined) {
      logger.info({ signal }, `already shutting down on ${first}; ${signal} changes nothing (server.shutdown_timeout bounds the wait, SIGKILL stops at once)`);
      return;
    }
    first = signal;
    stop(signal);
  };
  // The entry point's handlers (src/main.ts) exit at once: from here on, a stop is a drain. Only
  // those go: a plugin's own handler (a telemetry flush) still runs.
  handOverStopSignals(onSignal);
}

function runSingleProcess(options: CliOptions, loaded: LoadedConfig, logger: Logger): void {
  collectProcessMetrics();
  const state: GatewayState = { plan: loaded.plan };
  const watcher = watchForReload({ configPath: options.configPath, current: loaded, logger, onAccepted: (next) => (state.plan = next.plan) });
  reloadOnHangUp(logger, watcher);
  serve(options, state, logger, () => watcher.close());
}

/**
 * SIGHUP reads the config file and its secret files again, as `systemctl reload` (ExecReload=kill
 * -HUP $MAINPID) and nginx, HAProxy or Prometheus users expect; Node's default would end the process.
 * A file change is picked up without it: this is for secrets whose files were replaced unseen, or
 * for an operator who wants the reload now. Under --workers it goes to the primary.
 */
function reloadOnHangUp(logger: Logger, watcher: ReloadingWatcher): void {
  process.on('SIGHUP', () => {
    logger.info({ signal: 'SIGHUP' }, 'SIGHUP: reading the config file and its secret files again');
    watcher.reloadNow('SIGHUP');
  });
}

/** After the shutdown timeout, how long the requests still in flight have to send their 503 or error event. */
const LAST_WORDS_MS = 1_000;

/**
 * Resolves once every request has its audit line, or after LAST_WORDS_MS: a response node never
 * closes (one queued behind another on a pipelining connection that was cut) must not keep the process.
 */
function untilLogged(unlogged: UnloggedRequests): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, LAST_WORDS_MS)));
  return Promise.race([unlogged.allLogged(), waited]).finally(() => clearTimeout(timer));
}

/**
 * Stop accepting, let in-flight requests finish (for at most `server.shutdown_timeout`, then they
 * end with a 503 or an SSE error event), then exit 0 once their audit lines are written.
 */
function shutDown(server: Server, logger: Logger, options: { signal: string; timeoutMs: number; unlogged: UnloggedRequests }): void {
  const { signal, timeoutMs, unlogged } = options;
  logger.info({ signal, shutdown_timeout_s: timeoutMs / 1000 }, 'shutting down: finishing in-flight requests');
  const startedAt = Date.now();
  let ended = 0;
  const forced = setTimeout(() => {
    ended = endRequestsInFlight(timeoutMs);
    logger.warn({ shutdown_timeout_s: timeoutMs / 1000, requests: ended }, 'shutting down: requests still in flight after server.shutdown_timeout end with a 503 (streams: an error event)');
    // Whatever has not ended by then (a client not reading its stream) is cut.
    setTimeout(() => server.closeAllConnections(), LAST_WORDS_MS).unref();
  }, timeoutMs);
  forced.unref();
  closeConnectionsAfterAnswers(server);
  // Keep-alive connections become idle as their last response ends; close them as they do.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  server.close(async () => {
    clearInterval(sweeper);
    await Promise.all([closeAllPools(), closeLimitBackends(), untilLogged(unlogged)]);
    // The last word: a log that lacks it tells of a process killed before its drain ended.
    const outcome = ended === 0 ? 'every request finished' : `${ended} ended at server.shutdown_timeout`;
    logger.info({ signal, took_s: (Date.now() - startedAt) / 1000, requests_ended: ended }, `shut down: ${outcome}; exiting 0`);
    process.exit(0);
  });
  server.closeIdleConnections();
}

/** A worker's exit code when its server cannot listen (port in use, no permission): the next worker would fail the same way. Node itself uses 1-14. */
const CANNOT_LISTEN_EXIT_CODE = 70;

/**
 * A worker that exits before it listens, or sooner than this after, counts as a quick exit. Not
 * counted from cluster's 'online': Node sends it before the worker loads a module, so a slow start
 * on a busy host (loading the gateway, compiling a large config) counted as life.
 */
const QUICK_EXIT_MS = 5_000;
const MAX_REFORK_DELAY_MS = 10_000;

/** How long past its own drain (shutdown_timeout, then LAST_WORDS_MS) a worker may take to exit. */
const WORKER_EXIT_GRACE_MS = 5_000;

/**
 * A worker's drain ends by itself, unless its event loop is blocked (a plugin stuck in a loop),
 * when it never handles the SIGTERM: the primary would wait for ever. After `waitMs` it kills
 * those left, says so, and exits non-zero (`onKill`).
 */
function killWorkersLeftAfter(waitMs: number, logger: Logger, onKill: (worker: Worker) => void): void {
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (!worker) continue;
      onKill(worker);
      logger.error({ worker_pid: worker.process.pid, waited_s: waitMs / 1000 }, `worker ${worker.process.pid} did not exit within ${waitMs / 1000} s of SIGTERM (server.shutdown_timeout + ${(LAST_WORDS_MS + WORKER_EXIT_GRACE_MS) / 1000} s); killing it`);
      worker.process.kill('SIGKILL');
    }
  }, waitMs).unref();
}

function runPrimary(options: CliOptions, loaded: LoadedConfig, logger: Logger): void {
  let stopping = false;
  let exitCode = 0;
  // Until a worker listens, one that cannot is a start-up failure: stop as a single process does.
  let serving = false;
  const listeningAt = new Map<number, number>();
  cluster.on('listening', (worker) => {
    serving = true;
    if (!listeningAt.has(worker.id)) listeningAt.set(worker.id, Date.now());
  });
  const configSharing = shareConfigWithWorkers({ configPath: options.configPath, current: loaded, logger });
  noteServedPlan(() => configSharing.latest().plan);
  reloadOnHangUp(logger, configSharing);
  serveRateLimitsToWorkers(cluster);
  serveResponseStoreToWorkers(cluster);
  serveClusterMetrics();
  const fork = () => cluster.fork({ AI_GATEWAY_CONFIG: options.configPath });
  for (let index = 0; index < options.workers; index += 1) fork();
  // Workers that die soon after starting are replaced after a growing wait, not in a tight loop.
  let quickExits = 0;
  // The last word, as a single process's: a log that lacks it tells of a primary killed before its workers ended.
  const exitAfterWorkers = (): never => {
    logger.info({ exit_code: exitCode }, `shut down: every worker has exited; exiting ${exitCode}`);
    process.exit(exitCode);
  };
  // Workers the primary killed at the end of the stop: said and counted when killed.
  const killed = new Set<Worker>();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // One that served and then crashed or was killed may have lost requests: an orchestrator must see
      // it. One that never listened had none (stopped while it started, or unable to listen).
      if ((code !== 0 || signal !== null) && listeningAt.has(worker.id) && !killed.has(worker)) {
        exitCode = 1;
        logger.error({ worker_pid: worker.process.pid, code, signal }, `worker ${worker.process.pid} ended ${signal ? `by ${signal}` : `with code ${code}`} while draining; the gateway will exit 1`);
      }
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      exitAfterWorkers();
    }
    if (code === CANNOT_LISTEN_EXIT_CODE && !serving) {
      logger.error({ host: options.host, port: options.port }, `no worker can listen on ${options.host}:${options.port}; stopping`);
      stopWorkers(1);
      return;
    }
    // One that never listened lived for no time at all.
    const livedMs = Date.now() - (listeningAt.get(worker.id) ?? Date.now());
    listeningAt.delete(worker.id);
    quickExits = livedMs < QUICK_EXIT_MS ? quickExits + 1 : 0;
    const delayMs = quickExits === 0 ? 0 : Math.min(MAX_REFORK_DELAY_MS, 250 * 2 ** (quickExits - 1));
    logger.warn({ worker_pid: worker.process.pid, code, signal, restart_in_ms: delayMs }, 'worker exited; starting a new one');
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs);
  });
  const stopWorkers = (code: number) => {
    // A stop signal during a failed start-up's stop must not turn its exit code 1 into 0.
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    configSharing.close();
    const workers = Object.values(cluster.workers ?? {});
    // None left (all waiting to be replaced): no exit event will come.
    if (workers.length === 0) exitAfterWorkers();
    for (const worker of workers) worker?.process.kill('SIGTERM');
    killWorkersLeftAfter(configSharing.latest().plan.server.shutdownTimeoutMs + LAST_WORDS_MS + WORKER_EXIT_GRACE_MS, logger, (worker) => {
      killed.add(worker);
      exitCode = 1;
    });
  };
  onStopSignals(logger, (signal) => {
    logger.info({ signal }, 'shutting down workers');
    stopWorkers(0);
  });
}

/**
 * Node's own process output as JSON lines of the log, like everything else the gateway writes:
 * warnings (a dependency's deprecation or support notice) instead of text on stderr, and a crash as
 * one fatal line with its stack (without the served config's credentials). A crash still ends the process with code 1, as Node's default
 * does; with --workers the primary starts a new worker.
 */
function logProcessEvents(logger: Logger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => logger.warn({ warning: { name: warning.name, code: warning.code } }, warning.message));
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: crashWithoutSecrets(error), origin }, 'the gateway stopped on an unexpected error');
    process.exit(1);
  });
}

export async function main(): Promise<void> {
  let logger: Logger;
  try {
    logger = createLogger();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  logProcessEvents(logger);
  if (asksForHelp(process.argv.slice(2))) {
    console.log(HELP);
    process.exit(0);
  }
  let options: CliOptions;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  // Before any config is compiled: the default bound on bodies in flight is each worker's share.
  shareMemoryAmong(options.workers);
  // Workers serve the config text the primary accepted, not whatever the file holds right now.
  if (cluster.isWorker) {
    collectProcessMetrics();
    joinClusterMetrics();
    // A hang-up of the terminal or the process group reaches the workers too: the primary reloads.
    process.on('SIGHUP', () => {});
    followPrimaryConfig({ configPath: options.configPath, logger, start: (state) => serve(options, state, logger) });
    return;
  }
  let loaded: LoadedConfig;
  try {
    loaded = await loadConfig(options.configPath, logger);
  } catch (error) {
    console.error(configFailureMessage(error, options.configPath));
    process.exit(2);
  }
  warnAboutConfig(loaded, options.configPath, logger);
  const cpuWarning = workersAboveCpuLimitWarning({ workers: options.workers });
  if (cpuWarning !== null) logger.warn({ workers: options.workers }, cpuWarning);
  if (options.workers > 1) runPrimary(options, loaded, logger);
  else runSingleProcess(options, loaded, logger);
}
