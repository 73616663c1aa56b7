/**
 * Hot reload. The config file is watched (src/config/watch.ts); a valid new config replaces the
 * plan, an invalid one is logged with the message start-up would print and the current config keeps
 * serving. Requests read `state.plan` once when they start, so in-flight requests and streams finish
 * on the plan they started with.
 *
 * With --workers, the primary watches and validates, then sends the accepted text to every worker,
 * which compiles it itself (a plan holds functions and connection pools; it cannot cross processes).
 * Workers ask the primary for the config when they start, so replacements start on the latest one.
 */
import cluster, { type Worker } from 'node:cluster';
import type { GatewayConfig } from '../../generated/config';
import { compilePlan, type GatewayPlan } from '../config/compile';
import { ConfigError, type ConfigIssue } from '../config/config-error';
import { ignoredKeyWarnings } from '../config/ignored-keys';
import { parseConfigText, readConfigFile } from '../config/load';
import { watchConfigFile, type ConfigWatcher } from '../config/watch';
import { loadPlugins } from '../plugins/modules';
import type { Logger } from './logging';
import type { GatewayState } from './state';

/** A config being served: the exact text, what it parsed to, its compiled plan, and the keys it sets that nothing reads. */
export interface LoadedConfig {
  text: string;
  config: GatewayConfig;
  plan: GatewayPlan;
  ignoredKeys: ConfigIssue[];
}

/** Names of endpoints and traffic routes that differ between two configs. */
export interface ConfigChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Parses, validates and compiles; throws ConfigError as loading at start-up does. */
export async function compileConfigText(text: string, configPath: string): Promise<LoadedConfig> {
  const config = parseConfigText(text, configPath);
  // Plugin modules load before the synchronous compile; each is imported once per process.
  const plugins = await loadPlugins(config, configPath);
  return { text, config, plan: compilePlan(config, configPath, { plugins }), ignoredKeys: ignoredKeyWarnings(config) };
}

export function loadConfig(configPath: string): Promise<LoadedConfig> {
  return compileConfigText(readConfigFile(configPath), configPath);
}

/** The text start-up prints for a config that cannot be loaded; reloads log the same. */
export function configFailureMessage(error: unknown, configPath: string): string {
  return error instanceof ConfigError ? error.message : `Cannot load ${configPath}: ${(error as Error).message}`;
}

/** JSON with sorted keys, so reordering keys in the YAML is not a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function definitionsByName(config: GatewayConfig): Map<string, string> {
  const named: { name: string }[] = [...config.endpoints, ...(config.routes ?? [])];
  return new Map(named.map((definition) => [definition.name, canonicalJson(definition)]));
}

export function configChanges(before: GatewayConfig, after: GatewayConfig): ConfigChanges {
  const old = definitionsByName(before);
  const next = definitionsByName(after);
  return {
    added: [...next.keys()].filter((name) => !old.has(name)),
    changed: [...next.keys()].filter((name) => old.has(name) && old.get(name) !== next.get(name)),
    removed: [...old.keys()].filter((name) => !next.has(name)),
  };
}

export function describeChanges(configPath: string, changes: ConfigChanges): string {
  const parts = (['added', 'changed', 'removed'] as const)
    .filter((kind) => changes[kind].length > 0)
    .map((kind) => `${kind} ${changes[kind].join(', ')}`);
  return `config reloaded from ${configPath}: ${parts.length > 0 ? parts.join('; ') : 'no endpoint or route changed'}`;
}

/**
 * Logs the keys a config sets that nothing reads (a typo such as `limits:` would otherwise drop a
 * setting silently); nothing when there are none. Start-up and every accepted reload call it.
 */
export function warnAboutIgnoredKeys(loaded: LoadedConfig, configPath: string, logger: Logger): void {
  const { ignoredKeys } = loaded;
  if (ignoredKeys.length === 0) return;
  const listed = ignoredKeys.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  const count = ignoredKeys.length === 1 ? '1 key' : `${ignoredKeys.length} keys`;
  logger.warn({ configPath, ignoredKeys: ignoredKeys.map((issue) => issue.path) }, `${configPath} sets ${count} that the gateway does not read: ${listed}`);
}

const KEEPS_SERVING = 'rejected: still serving the last accepted config';

/** Compiles a new text; logs why it cannot be served (and what happens instead) and returns null when it cannot. */
async function tryCompile(text: string, configPath: string, logger: Logger, outcome: string = KEEPS_SERVING): Promise<LoadedConfig | null> {
  try {
    return await compileConfigText(text, configPath);
  } catch (error) {
    logger.error({ configPath, reload: outcome }, configFailureMessage(error, configPath));
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
  debounceMs?: number;
  pollIntervalMs?: number;
}

/**
 * Runs async handlers one after another, in arrival order, so a slow compile of an older text never
 * replaces a newer config.
 */
function inOrder<Value>(handle: (value: Value) => Promise<void>): (value: Value) => void {
  let queue = Promise.resolve();
  return (value) => {
    queue = queue.then(() => handle(value));
  };
}

/** Watches the config file and hands every valid new config to `onAccepted`. */
export function watchForReload(options: ReloadOptions): ConfigWatcher {
  const { configPath, logger } = options;
  let current = options.current;
  return watchConfigFile({
    filePath: configPath,
    initialText: current.text,
    debounceMs: options.debounceMs,
    pollIntervalMs: options.pollIntervalMs,
    onEvent: inOrder(async (event) => {
      switch (event.kind) {
        case 'missing':
          logger.warn({ configPath }, `config file ${configPath} was deleted; still serving the last accepted config`);
          return;
        case 'unreadable':
          logger.warn({ configPath, code: event.code }, `cannot read config file ${configPath} (${event.code}); still serving the last accepted config`);
          return;
        case 'changed': {
          // Back to the served text after a rejected edit: nothing to reload.
          if (event.text === current.text) return;
          const next = await tryCompile(event.text, configPath, logger);
          if (next === null) return;
          const changes = configChanges(current.config, next.config);
          current = next;
          options.onAccepted(next);
          logger.info({ configPath, ...changes }, describeChanges(configPath, changes));
          warnAboutIgnoredKeys(next, configPath, logger);
          return;
        }
        default: {
          const unreachable: never = event;
          return unreachable;
        }
      }
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// --workers: the primary shares the accepted config text with its workers over the cluster IPC.

interface ConfigMessage {
  type: 'gateway:config';
  text: string;
}

const CONFIG_REQUEST = { type: 'gateway:config-request' } as const;

function isConfigMessage(message: unknown): message is ConfigMessage {
  return (message as ConfigMessage | null)?.type === 'gateway:config' && typeof (message as ConfigMessage).text === 'string';
}

function isConfigRequest(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === CONFIG_REQUEST.type;
}

/**
 * Primary: answers each starting worker with the latest accepted config, and sends every newly
 * accepted config to all workers. Close it on shutdown.
 */
export function shareConfigWithWorkers(options: Omit<ReloadOptions, 'onAccepted'>): ConfigWatcher {
  let latest = options.current;
  const send = (worker: Worker | undefined) => {
    if (worker?.isConnected()) worker.send({ type: 'gateway:config', text: latest.text } satisfies ConfigMessage);
  };
  const answerRequest = (worker: Worker, message: unknown) => {
    if (isConfigRequest(message)) send(worker);
  };
  cluster.on('message', answerRequest);
  const watcher = watchForReload({
    ...options,
    onAccepted: (next) => {
      latest = next;
      for (const worker of Object.values(cluster.workers ?? {})) send(worker);
    },
  });
  return {
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
  let lastText: string | null = null;
  const follow = inOrder(async (message: ConfigMessage) => {
    if (message.text === lastText) return;
    lastText = message.text;
    const loaded = await tryCompile(message.text, configPath, logger, state === null ? 'rejected: the worker cannot start' : KEEPS_SERVING);
    if (loaded === null) {
      if (state === null) process.exit(2);
      return;
    }
    if (state === null) {
      state = { plan: loaded.plan };
      options.start(state);
      return;
    }
    state.plan = loaded.plan;
    logger.info({ configPath, endpoints: loaded.plan.endpoints.size }, 'worker switched to the reloaded config');
  });
  process.on('message', (message: unknown) => {
    if (isConfigMessage(message)) follow(message);
  });
  process.send?.(CONFIG_REQUEST);
}
