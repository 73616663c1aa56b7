/**
 * What a reload changed, for its log line: the endpoints and traffic routes added, changed (their
 * definitions compared as JSON with sorted keys) and removed.
 */
import type { GatewayConfig } from '../../generated/config';
import { mapInSlices, runInSlices, runWhole, type Steps } from '../config/slices';

/** Names of endpoints and traffic routes that differ between two configs. */
export interface ConfigChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** JSON with sorted keys, so reordering keys in the YAML is not a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Each config's definitions, serialised once: the served config's were when it was the new one. */
const serialisedDefinitions = new WeakMap<GatewayConfig, ReadonlyMap<string, string>>();

function* definitionSteps(config: GatewayConfig): Steps<ReadonlyMap<string, string>> {
  const serialised = serialisedDefinitions.get(config);
  if (serialised !== undefined) return serialised;
  const named: { name: string }[] = [...config.endpoints, ...(config.routes ?? [])];
  const definitions = new Map(yield* mapInSlices(named, (definition) => [definition.name, canonicalJson(definition)] as const));
  serialisedDefinitions.set(config, definitions);
  return definitions;
}

function definitionsByName(config: GatewayConfig): ReadonlyMap<string, string> {
  return runWhole(definitionSteps(config));
}

/** Serialises a new config's definitions in slices, so that comparing it with the served one (configChanges) holds the event loop no longer. */
export async function serialiseDefinitions(config: GatewayConfig): Promise<void> {
  await runInSlices(definitionSteps(config));
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

/**
 * The line of an accepted reload; with `servedTextOnly`, of the served text reloaded for its secret
 * files while the file on disk is refused (worded apart: it is not the config file being applied).
 */
export function describeChanges(configPath: string, changes: ConfigChanges, options: { servedTextOnly?: boolean } = {}): string {
  const parts = (['added', 'changed', 'removed'] as const)
    .filter((kind) => changes[kind].length > 0)
    .map((kind) => `${kind} ${changes[kind].join(', ')}`);
  const what = options.servedTextOnly ? `secret files reloaded into the last accepted config of ${configPath}, the file on disk being refused` : `config reloaded from ${configPath}`;
  return `${what}: ${parts.length > 0 ? parts.join('; ') : 'no endpoint or route changed'}`;
}
