/**
 * The settings beyond endpoints, routes and client keys that differ between two configs (`server:`,
 * `logging:`, `defaults:`, `plugins:`, the stores, `auth:`'s flags), by YAML path, for a reload's
 * log line. Only keys the schema knows are compared: an unknown key changes nothing the gateway
 * reads, and its name could be a secret pasted by mistake (secret-like-keys.ts). Paths name keys,
 * never values (`rate_limit_store.url` holds a password).
 */
import configSchema from '../../config-schema/gateway-config.schema.json';
import type { GatewayConfig } from '../../generated/config';
import { isRecord } from './yaml-path';

/** The JSON Schema keywords this comparison follows. */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
}

const root = configSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

/** Compared apart: by name (config-changes.ts). */
const NAMED_LISTS = new Set(['endpoints', 'routes', 'auth.api_keys']);

function resolveRef(node: SchemaNode): SchemaNode {
  return node.$ref === undefined ? node : resolveRef(root.definitions[node.$ref.replace('#/definitions/', '')]);
}

/** JSON with sorted keys, so reordering keys in the YAML is not a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * The paths under `path` whose values differ: a mapping the schema describes key by key is compared
 * key by key (a section set on one side only, too), anything else whole (a list such as `plugins`).
 */
function changedPaths(node: SchemaNode, before: unknown, after: unknown, path: string): string[] {
  const { properties } = resolveRef(node);
  if (properties !== undefined && (isRecord(before) || isRecord(after))) {
    const side = (value: unknown, key: string) => (isRecord(value) ? value[key] : undefined);
    return Object.entries(properties)
      .filter(([key]) => !NAMED_LISTS.has(`${path}.${key}`))
      .flatMap(([key, child]) => changedPaths(child, side(before, key), side(after, key), `${path}.${key}`));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [path];
}

/** The settings that differ, in the schema's order; `auth` when it is added or removed whole. */
export function changedSettings(before: GatewayConfig, after: GatewayConfig): string[] {
  return Object.entries(root.properties ?? {}).flatMap(([section, node]) => {
    if (NAMED_LISTS.has(section)) return [];
    // Client keys checked or not: what its flags were matters no more.
    if (section === 'auth' && (before.auth === undefined) !== (after.auth === undefined)) return ['auth'];
    return changedPaths(node, before[section as keyof GatewayConfig], after[section as keyof GatewayConfig], section);
  });
}
