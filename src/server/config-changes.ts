/**
 * What a reload changed, for its log line: the endpoints and traffic routes added, changed (their
 * definitions compared as JSON with sorted keys) and removed; the client keys, by name; the other
 * settings, by YAML path; and what callers without a key may now do that they could not.
 */
import type { Auth, GatewayConfig } from '../../generated/config';
import { canonicalJson, changedSettings } from '../config/changed-settings';
import { sameClientKey } from '../config/client-keys';
import { mapInSlices, runInSlices, runWhole, type Steps } from '../config/slices';

/** Names added, changed and removed between two configs. */
export interface NamedChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Client keys by their `name`: never a key, its digest or any part of them. */
export interface ClientKeyChanges extends NamedChanges {
  /** Keys whose value changed (a key changed beside its `endpoints` or `limit` is also in `changed`). */
  rotated: string[];
  /** Keys kept that may now call endpoints or routes they could not: each with those names, or null for all (its `endpoints` removed). */
  widened: { name: string; now: string[] | null }[];
}

/** What differs between two configs. `added`, `changed` and `removed` name endpoints and traffic routes. */
export interface ConfigChanges extends NamedChanges {
  clientKeys: ClientKeyChanges;
  /** The other settings that changed, by YAML path (`server.max_body_size`, `plugins`; `auth` added or removed whole). */
  settings: string[];
  /** The settings by which callers without a key may now do more: `auth` (removed), `auth.public_metrics`, `auth.public_endpoint_list`. */
  opened: string[];
}

/** A config's endpoints and routes (their definitions as JSON) and client keys (the key, and the rest as JSON), by name. */
interface Serialised {
  definitions: ReadonlyMap<string, string>;
  clientKeys: ReadonlyMap<string, { key: string; rest: string }>;
}

/** Each config serialised once: the served config's was when it was the new one. */
const serialisedConfigs = new WeakMap<GatewayConfig, Serialised>();

function* serialisedSteps(config: GatewayConfig): Steps<Serialised> {
  const known = serialisedConfigs.get(config);
  if (known !== undefined) return known;
  const named: { name: string }[] = [...config.endpoints, ...(config.routes ?? [])];
  const definitions = new Map(yield* mapInSlices(named, (definition) => [definition.name, canonicalJson(definition)] as const));
  const clientKeys = new Map(yield* mapInSlices(config.auth?.api_keys ?? [], ({ key, ...rest }) => [rest.name, { key, rest: canonicalJson(rest) }] as const));
  const serialised = { definitions, clientKeys };
  serialisedConfigs.set(config, serialised);
  return serialised;
}

/** Serialises a new config in slices, so that comparing it with the served one (configChanges) holds the event loop no longer. */
export async function serialiseForComparison(config: GatewayConfig): Promise<void> {
  await runInSlices(serialisedSteps(config));
}

function namedChanges<Value>(old: ReadonlyMap<string, Value>, next: ReadonlyMap<string, Value>, same: (before: Value, after: Value) => boolean): NamedChanges {
  return {
    added: [...next.keys()].filter((name) => !old.has(name)),
    changed: [...next.keys()].filter((name) => old.has(name) && !same(old.get(name)!, next.get(name)!)),
    removed: [...old.keys()].filter((name) => !next.has(name)),
  };
}

/** The `auth:` settings that let callers without a key in where the served config did not. */
function openedSettings(before: Auth | undefined, after: Auth | undefined): string[] {
  if (before === undefined) return [];
  if (after === undefined) return ['auth'];
  return (['public_metrics', 'public_endpoint_list'] as const).filter((flag) => !(before[flag] ?? false) && (after[flag] ?? false)).map((flag) => `auth.${flag}`);
}

/** The keys kept by name whose `endpoints` list was removed or gained names. */
function widenedKeys(before: Auth | undefined, after: Auth | undefined): ClientKeyChanges['widened'] {
  const served = new Map((before?.api_keys ?? []).map((key) => [key.name, key.endpoints]));
  return (after?.api_keys ?? []).flatMap(({ name, endpoints }): ClientKeyChanges['widened'] => {
    if (!served.has(name)) return [];
    const listed = served.get(name);
    if (listed === undefined) return [];
    if (endpoints === undefined) return [{ name, now: null }];
    // A Set: a list of thousands of names looked up name by name held the reload for seconds.
    const could = new Set(listed);
    const now = endpoints.filter((endpoint) => !could.has(endpoint));
    return now.length > 0 ? [{ name, now }] : [];
  });
}

export function configChanges(before: GatewayConfig, after: GatewayConfig): ConfigChanges {
  const old = runWhole(serialisedSteps(before));
  const next = runWhole(serialisedSteps(after));
  const rotated = [...next.clientKeys].filter(([name, { key }]) => {
    const served = old.clientKeys.get(name);
    return served !== undefined && !sameClientKey(served.key, key);
  });
  return {
    ...namedChanges(old.definitions, next.definitions, (a, b) => a === b),
    clientKeys: { ...namedChanges(old.clientKeys, next.clientKeys, (a, b) => a.rest === b.rest), rotated: rotated.map(([name]) => name), widened: widenedKeys(before.auth, after.auth) },
    settings: changedSettings(before, after),
    opened: openedSettings(before.auth, after.auth),
  };
}

/** What callers without a key may now do, by the setting that lets them. */
const NOW_ALLOWED: Readonly<Record<string, string>> = {
  auth: 'call every endpoint and route, list them and read /metrics (auth removed)',
  'auth.public_metrics': "read /metrics, which shows every endpoint's and client key's traffic (auth.public_metrics: true)",
  'auth.public_endpoint_list': 'list every endpoint and route (auth.public_endpoint_list: true)',
};

/** Whether a reload lets anyone do more than before: a warning, which an operator alerting on warnings sees. */
export function opensAccess(changes: ConfigChanges): boolean {
  return changes.opened.length > 0 || changes.clientKeys.widened.length > 0;
}

/** `client key ci may now also call b, c`, or every endpoint and route when its list was removed. */
function widenedPart({ name, now }: ClientKeyChanges['widened'][number]): string {
  return now === null ? `client key ${name} may now call every endpoint and route (its endpoints list removed)` : `client key ${name} may now also call ${now.join(', ')}`;
}

/** `added client keys a, b`: one part of the line per kind of change that has names. */
function namedParts<Kind extends string>(changes: Record<Kind, string[]>, kinds: readonly Kind[], noun: (count: number) => string): string[] {
  return kinds.filter((kind) => changes[kind].length > 0).map((kind) => `${kind} ${noun(changes[kind].length)}${changes[kind].join(', ')}`);
}

/**
 * The line of an accepted reload; with `servedTextOnly`, of the served text reloaded for its secret
 * files while the file on disk is refused (worded apart: it is not the config file being applied).
 * `restartApplies`: the settings the running server keeps at their start-up values (server-settings.ts).
 */
export function describeChanges(configPath: string, changes: ConfigChanges, options: { servedTextOnly?: boolean; restartApplies?: readonly string[] } = {}): string {
  const opened = changes.opened.map((setting) => NOW_ALLOWED[setting]);
  const authAdded = changes.settings.includes('auth') && !changes.opened.includes('auth');
  const settings = changes.settings
    .filter((path) => path !== 'auth' && !changes.opened.includes(path))
    .map((path) => (options.restartApplies?.includes(path) ? `${path} (only a restart applies it)` : path));
  const parts = [
    ...(opened.length > 0 ? [`callers without a key may now ${opened.join(' and ')}`] : []),
    ...changes.clientKeys.widened.map(widenedPart),
    ...namedParts(changes, ['added', 'changed', 'removed'], () => ''),
    ...(authAdded ? ['callers need a client key now (auth added)'] : []),
    ...namedParts(changes.clientKeys, ['added', 'rotated', 'changed', 'removed'], (count) => (count === 1 ? 'client key ' : 'client keys ')),
    ...(settings.length > 0 ? [`changed ${settings.length === 1 ? 'setting' : 'settings'} ${settings.join(', ')}`] : []),
  ];
  const what = options.servedTextOnly ? `secret files reloaded into the last accepted config of ${configPath}, the file on disk being refused` : `config reloaded from ${configPath}`;
  return `${what}: ${parts.length > 0 ? parts.join('; ') : 'nothing changed'}`;
}
