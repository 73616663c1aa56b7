/**
 * Hot reload. The config file is watched (src/config/watch.ts), and so are the secret files it
 * names (a rotated key, such as a Kubernetes Secret update, is reloaded like an edit); a valid new
 * config replaces the plan, an invalid one is logged with the message start-up would print and the
 * current config keeps serving. Requests read `state.plan` once when they start, so in-flight
 * requests and streams finish on the plan they started with.
 *
 * With --workers, the primary watches and validates, and shares what it accepted with the workers
 * (config-sharing.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { GatewayConfig } from '../../generated/config';
import { counterKeysOf, planSteps, type GatewayPlan } from '../config/compile';
import { ConfigError, type ConfigIssue } from '../config/config-error';
import { changedStartUpSettings } from '../config/server-settings';
import { bedrockModelWarnings } from '../config/bedrock-models';
import { ignoredKeyWarningSteps } from '../config/ignored-keys';
import { decodeConfigBytes, parseConfigTextInSlices, readConfigFile } from '../config/load';
import { runInSlices } from '../config/slices';
import { watchConfigFile, type ConfigFileEvent, type ConfigWatcher } from '../config/watch';
import { keepCountersInUse, retireLimitBackends, type LimitBackend } from '../limits/limiter';
import { loadPlugins } from '../plugins/modules';
import { closePoolsNotIn, notingPoolUse } from '../providers/transport/pools';
import { configChanges, describeChanges, opensAccess, serialiseForComparison } from './config-changes';
import type { Logger } from './logging';
import { recordConfigReload, recordConfigStart } from './metrics';

/**
 * A config being served: the exact text, what it parsed to, its compiled plan, the keys it sets
 * that nothing reads, the Bedrock models it serves with default settings, the secret files it
 * read (absolute path → text), and the upstream connection pools it uses.
 */
export interface LoadedConfig {
  text: string;
  config: GatewayConfig;
  plan: GatewayPlan;
  ignoredKeys: ConfigIssue[];
  /** Bedrock model ids likely not what was meant (config/bedrock-models.ts). */
  bedrockModels: ConfigIssue[];
  secretFiles: ReadonlyMap<string, string>;
  /** The upstream connection pools its endpoints call (pools.ts): once it serves, the others are closed. */
  poolKeys: ReadonlySet<string>;
}

/** How a config text is compiled: on reload, or in a `--workers` worker. */
export interface CompileOptions {
  /** On reload, the config being served: a secret file it read must still exist. */
  served?: LoadedConfig;
  /** In a worker: the secret files as the primary read them (the worker does not read them itself). */
  secretFileContents?: ReadonlyMap<string, string>;
  /** Overrides the rate-limit backend of `rate_limit_store` (tests: no Redis client is made). */
  limitBackend?: LimitBackend;
}

/**
 * Parses, validates and compiles; throws ConfigError as loading at start-up does. `logger` gets the
 * lines of a rate-limit store the config opens (an outage), as every other line of the process.
 */
export async function compileConfigText(text: string, configPath: string, logger: Logger, options: CompileOptions = {}): Promise<LoadedConfig> {
  const secretFiles = new Map<string, string>();
  const repeatedKeys: ConfigIssue[] = [];
  // Checking and compiling a config of thousands of endpoints take a few hundred milliseconds: done
  // in slices, so that requests arriving meanwhile are served (on the plan they started with).
  const config = await parseConfigTextInSlices(text, configPath, { secretFiles, repeatedKeys, servedSecretFiles: options.served?.secretFiles, secretFileContents: options.secretFileContents });
  // Plugin modules load before the compile; each is imported once per process.
  const plugins = await loadPlugins(config, configPath);
  const poolKeys = new Set<string>();
  const plan = await runInSlices(planSteps(config, configPath, { plugins, logger, limitBackend: options.limitBackend }), (slice) => notingPoolUse(poolKeys, slice));
  const ignoredKeys = [...repeatedKeys, ...(await runInSlices(ignoredKeyWarningSteps(config)))];
  // A reload's line says what changed from the served config (configChanges).
  if (options.served !== undefined) await serialiseForComparison(config);
  await nextTurn();
  return { text, config, plan, ignoredKeys, bedrockModels: bedrockModelWarnings(config), secretFiles, poolKeys };
}

export function loadConfig(configPath: string, logger: Logger): Promise<LoadedConfig> {
  return compileConfigText(readConfigFile(configPath), configPath, logger);
}

/** The text start-up prints for a config that cannot be loaded; reloads log the same. */
export function configFailureMessage(error: unknown, configPath: string): string {
  return error instanceof ConfigError ? error.message : `Cannot load ${configPath}: ${(error as Error).message}`;
}

/**
 * Logs what a valid config may not mean as written: the keys it sets that nothing reads (a typo such
 * as `limits:` would otherwise drop a setting silently), each Bedrock model served with default
 * settings (a typo in a model id shows here before the first call) and each Bedrock inference
 * profile of another geography than its Region; nothing when there are none.
 * Start-up and every accepted reload call it (in the primary only, so once per load).
 */
export function warnAboutConfig(loaded: LoadedConfig, configPath: string, logger: Logger): void {
  for (const issue of loaded.bedrockModels) logger.warn({ configPath, path: issue.path }, `${configPath}: ${issue.path}: ${issue.message}`);
  const { ignoredKeys } = loaded;
  if (ignoredKeys.length === 0) return;
  const listed = ignoredKeys.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  const count = ignoredKeys.length === 1 ? '1 key' : `${ignoredKeys.length} keys`;
  logger.warn({ configPath, ignoredKeys: ignoredKeys.map((issue) => issue.path) }, `${configPath} sets ${count} that the gateway does not read: ${listed}`);
}

/**
 * A reload whose config differs from the one the server started with in a setting the running HTTP
 * server took at start-up (`settings`, changedStartUpSettings) says so (at every reload until they
 * match again): otherwise the "config reloaded" line reads as if the new client timeouts were in force.
 */
function warnAboutStartUpSettings(settings: readonly string[], configPath: string, logger: Logger): void {
  if (settings.length === 0) return;
  const [values, them] = settings.length === 1 ? ['value', 'it'] : ['values', 'them'];
  logger.warn(
    { configPath, settings },
    `${configPath}: ${settings.join(', ')} changed, but the running server keeps the ${values} it started with: restart the gateway to apply ${them}`,
  );
}

export const KEEPS_SERVING = 'rejected: still serving the last accepted config';

/** How long a request that started on `plan` may still be running: its longest total timeout, and a second to end. */
function longestRequestMs(plan: GatewayPlan): number {
  const totals = [...plan.endpoints.values()].map((endpoint) => endpoint.callPolicy.timeouts.total);
  return Math.max(0, ...totals) + 1_000;
}

/**
 * After `next` replaced `before`: the rate-limit stores only `before` used are closed once its
 * requests are over, and the store `next` counts in forgets what it keeps of counters `next` does not use.
 */
export function retireUnusedStores(before: GatewayPlan, next: LoadedConfig): void {
  retireLimitBackends(next.config.rate_limit_store, longestRequestMs(before));
  keepCountersInUse(next.config.rate_limit_store, counterKeysOf(next.plan));
}

/** Whether every problem of `error` was among those of `earlier`, a refusal already logged. */
function repeatsRefusal(error: unknown, earlier: unknown): boolean {
  if (!(error instanceof ConfigError) || !(earlier instanceof ConfigError)) return false;
  const issueText = (issue: ConfigIssue) => `${issue.path}: ${issue.message}`;
  const logged = new Set(earlier.issues.map(issueText));
  return error.issues.every((issue) => logged.has(issueText(issue)));
}

/** Compiles a new text; logs why it cannot be served (and what happens instead) and returns null when it cannot. */
export async function tryCompile(text: string, configPath: string, logger: Logger, options: CompileOptions & { outcome?: string }): Promise<LoadedConfig | null> {
  try {
    return await compileConfigText(text, configPath, logger, options);
  } catch (error) {
    logger.error({ configPath, reload: options.outcome ?? KEEPS_SERVING }, configFailureMessage(error, configPath));
    return null;
  }
}

export interface ReloadOptions {
  configPath: string;
  /** The config being served now. */
  current: LoadedConfig;
  logger: Logger;
  /** Called with each valid new config, before the reload is logged. */
  onAccepted: (next: LoadedConfig) => void;
  /**
   * Under --workers, called after `onAccepted`: sends the config to the workers and resolves with
   * whether every one compiled it (logging why not). The reload is counted as applied or refused,
   * and logged as reloaded, then (in one process, at once).
   */
  whenServing?: (next: LoadedConfig) => Promise<boolean>;
  debounceMs?: number;
  pollIntervalMs?: number;
}

/**
 * Runs async handlers one after another, in arrival order, so a slow compile of an older text never
 * replaces a newer config.
 */
export function inOrder<Value>(handle: (value: Value) => Promise<void>): (value: Value) => void {
  let queue = Promise.resolve();
  return (value) => {
    queue = queue.then(() => handle(value));
  };
}

/** A watched file's event: the config file's (`secretFile` null) or a secret file's. */
interface FileEvent {
  secretFile: string | null;
  event: ConfigFileEvent;
}

/**
 * Watchers for the secret files of the config being served: `follow` starts one for each file not
 * yet watched, or watched with other content than the config read, and stops those no longer named.
 */
function secretFileWatchers(options: Pick<ReloadOptions, 'debounceMs' | 'pollIntervalMs'> & { onEvent: (event: FileEvent) => void }) {
  const watched = new Map<string, { text: string; watcher: ConfigWatcher }>();
  const stop = (path: string) => {
    watched.get(path)?.watcher.close();
    watched.delete(path);
  };
  const start = (path: string, text: string) => {
    const watcher = watchConfigFile({
      filePath: path,
      initialText: text,
      debounceMs: options.debounceMs,
      pollIntervalMs: options.pollIntervalMs,
      onEvent: (event) => {
        const entry = watched.get(path);
        if (entry && event.kind === 'changed') entry.text = event.bytes.toString('utf8');
        options.onEvent({ secretFile: path, event });
      },
    });
    watched.set(path, { text, watcher });
  };
  return {
    follow(files: ReadonlyMap<string, string>): void {
      for (const path of [...watched.keys()]) if (files.get(path) !== watched.get(path)?.text) stop(path);
      for (const [path, text] of files) if (!watched.has(path)) start(path, text);
    },
    close(): void {
      for (const path of [...watched.keys()]) stop(path);
    },
  };
}

/** A reload asked for (SIGHUP), not prompted by a file event. */
interface AskedReload {
  secretFile: null;
  event: { kind: 'asked'; cause: string };
}

/** What watches the config: `reloadNow` reads the config file and its secret files again (SIGHUP). */
export interface ReloadingWatcher extends ConfigWatcher {
  reloadNow(cause: string): void;
}

/** Watches the config file and its secret files, and hands every valid new config to `onAccepted`. */
export function watchForReload(options: ReloadOptions): ReloadingWatcher {
  // No closure below reads `options`: it holds the start-up config, which must not outlive a reload.
  const { configPath, logger, onAccepted, whenServing, debounceMs, pollIntervalMs } = options;
  let current = options.current;
  // The HTTP server took its client timeouts from the config it started with, whatever reloads came since.
  // Only its server settings are kept: the whole start-up plan would stay in memory for good.
  const startedWith = options.current.plan.server;

  // Reloads are counted in the order they came, each once its workers have answered: a refused reload
  // after an applied one still waiting for them leaves the metrics saying refused.
  let counted = Promise.resolve();
  const countReload = (serving: Promise<boolean>) => {
    counted = counted.then(() => serving).then((serves) => recordConfigReload(serves ? 'applied' : 'refused'));
  };

  /**
   * Serves an accepted config and logs what changed; `cause` says what changed when it was not the
   * config file. Resolves with whether every process serves it.
   */
  const serve = (next: LoadedConfig, cause: string | null, servedTextOnly = false): Promise<boolean> => {
    const changes = configChanges(current.config, next.config);
    retireUnusedStores(current.plan, next);
    current = next;
    onAccepted(next);
    const serving = whenServing?.(next) ?? Promise.resolve(true);
    void closePoolsNotIn(next.poolKeys);
    secretFiles.follow(next.secretFiles);
    const restartApplies = changedStartUpSettings(startedWith, next.plan.server);
    const described = describeChanges(configPath, changes, { servedTextOnly, restartApplies });
    const level = opensAccess(changes) ? 'warn' : 'info';
    const logReloaded = () => logger[level]({ configPath, ...changes, ...(cause && { cause }), ...(servedTextOnly && { config_file: 'refused' }) }, cause ? `${described} (${cause})` : described);
    // Under --workers, once every worker compiled it (config-sharing.ts logs a refusal).
    if (whenServing === undefined) logReloaded();
    else void serving.then((serves) => serves && logReloaded());
    warnAboutConfig(next, configPath, logger);
    warnAboutStartUpSettings(restartApplies, configPath, logger);
    return serving;
  };

  /** Logs and counts a refused reload: an invalid config, or a config file that cannot be read or is not UTF-8. */
  const refuse = (error: unknown) => {
    logger.error({ configPath, reload: KEEPS_SERVING }, configFailureMessage(error, configPath));
    countReload(Promise.resolve(false));
  };

  /** Compiles `text` and serves it when valid; returns why it was refused, or null when it serves. */
  const reload = async (text: string, cause: string | null): Promise<{ refusal: unknown } | null> => {
    let next: LoadedConfig;
    try {
      next = await compileConfigText(text, configPath, logger, { served: current });
    } catch (error) {
      refuse(error);
      return { refusal: error };
    }
    // Closed while it compiled (a stop signal between its steps): the process is stopping, and
    // serving it would watch its secret files again.
    if (closed) return null;
    // Not awaited: a later reload does not wait for the workers' answers to this one.
    countReload(serve(next, cause));
    return null;
  };

  /**
   * The served text again, its secret files read anew, when the file on disk was refused: a rotated
   * key (the old one perhaps revoked already) must not wait for the config file to be fixed. The
   * metrics keep saying the file on disk is refused: a restart would not start on it. A failure
   * whose every problem `loggedRefusal` (the file on disk's, just logged) named is not logged again:
   * a secret file both configs read, refused.
   */
  const reloadServedText = async (cause: string, loggedRefusal: unknown = null) => {
    let next: LoadedConfig;
    try {
      next = await compileConfigText(current.text, configPath, logger, { served: current });
    } catch (error) {
      if (!repeatsRefusal(error, loggedRefusal)) logger.error({ configPath, reload: KEEPS_SERVING }, configFailureMessage(error, configPath));
      return;
    }
    if (!closed) void serve(next, cause, true);
  };

  /** The config file is read again (its text may be the same) and compiled, with its secret files: `cause` says why. */
  const rereadAll = async (cause: string) => {
    let text: string;
    try {
      text = readConfigFile(configPath);
    } catch (error) {
      refuse(error);
      await reloadServedText(cause);
      return;
    }
    const refused = await reload(text, cause);
    if (refused !== null && text !== current.text) await reloadServedText(cause, refused.refusal);
  };

  /** The config file's new bytes: refused like an invalid edit when they are not UTF-8. */
  const reloadChangedFile = async (bytes: Buffer) => {
    let text: string;
    try {
      text = decodeConfigBytes(bytes, configPath);
    } catch (error) {
      refuse(error);
      return;
    }
    // Back to the served text after a rejected edit: nothing to reload.
    if (text !== current.text) await reload(text, null);
  };

  const onEvent = inOrder(async ({ secretFile, event }: FileEvent | AskedReload) => {
    const file = secretFile === null ? `config file ${configPath}` : `secret file ${secretFile}`;
    switch (event.kind) {
      case 'missing':
        logger.warn({ configPath, ...(secretFile && { secretFile }) }, `${file} was deleted; still serving the last accepted config`);
        return;
      case 'unreadable':
        logger.warn({ configPath, ...(secretFile && { secretFile }), code: event.code }, `cannot read ${file} (${event.code}); still serving the last accepted config`);
        return;
      case 'asked':
        await rereadAll(event.cause);
        return;
      case 'changed':
        if (secretFile !== null) await rereadAll(`secret file ${secretFile} changed`);
        else await reloadChangedFile(event.bytes);
        return;
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  });

  recordConfigStart();
  // The first reload compares with the start-up config: it is serialised now, in slices.
  void serialiseForComparison(current.config);
  let closed = false;
  const secretFiles = secretFileWatchers({ debounceMs, pollIntervalMs, onEvent });
  secretFiles.follow(current.secretFiles);
  const configWatcher = watchConfigFile({
    filePath: configPath,
    initialText: current.text,
    debounceMs,
    pollIntervalMs,
    onEvent: (event) => onEvent({ secretFile: null, event }),
  });
  return {
    // In turn with the file events, so that it never replaces a newer config with an older one.
    reloadNow(cause) {
      if (!closed) onEvent({ secretFile: null, event: { kind: 'asked', cause } });
    },
    close() {
      closed = true;
      configWatcher.close();
      secretFiles.close();
    },
  };
}
