/**
 * Keys a valid config sets that nothing reads. MLflow ignores unknown keys silently (reference §2),
 * and so does the gateway, so that every MLflow config loads; but then a typo drops a setting
 * without a word (`limits:` instead of `limit:` serves with no rate limit). Each such key is
 * reported as a warning with its YAML path, at start-up and on every reload.
 *
 * What is known comes from config-schema/gateway-config.schema.json: the `properties` of each
 * schema that applies to a mapping (through `$ref`, `allOf`/`anyOf`/`oneOf` and `if`/`then`/`else`,
 * such as the provider's `config` chosen by `provider`). A mapping whose schemas list no properties
 * is free-form and never reported (a plugin provider's `config`: the plugin's schema decides).
 * Keys starting with `x-` are never reported: they are where YAML anchors are usually kept.
 */
import configSchema from '../../config-schema/gateway-config.schema.json';
import type { ConfigIssue } from './config-error';
import { unusedSettingWarnings } from './unused-settings';
import { mapInSlices, runWhole, type Steps } from './slices';
import { closestMissingKey } from './spelling';
import { formatYamlPath, isRecord, type YamlPathSegment } from './yaml-path';
import { quoted } from './quoted';

/** The JSON Schema keywords this walk follows. */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode | boolean>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
}

const root = configSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolveRef(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = root.definitions[name];
  if (target === undefined) throw new Error(`config schema: unresolved $ref ${node.$ref}`);
  return resolveRef(target);
}

/** Whether an `if` schema holds for `value`; only `required` and `const`/`enum` of properties are read. */
function conditionHolds(condition: SchemaNode, value: Record<string, unknown>): boolean {
  if (!(condition.required ?? []).every((key) => key in value)) return false;
  return Object.entries(condition.properties ?? {}).every(([key, rule]) => {
    if (typeof rule === 'boolean' || !(key in value)) return true;
    if ('const' in rule && rule.const !== value[key]) return false;
    return rule.enum === undefined || rule.enum.includes(value[key]);
  });
}

/** `node` and every schema that applies in place to the same mapping `value`. */
function schemasFor(node: SchemaNode, value: Record<string, unknown>): SchemaNode[] {
  const resolved = resolveRef(node);
  const inPlace = [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  if (resolved.if !== undefined) {
    const branch = conditionHolds(resolveRef(resolved.if), value) ? resolved.then : resolved.else;
    if (branch !== undefined) inPlace.push(branch);
  }
  return [resolved, ...inPlace.flatMap((schema) => schemasFor(schema, value))];
}

/** The keys the schema's `if` conditions read (`provider`, `routing_strategy`). */
function conditionKeys(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(conditionKeys);
  if (!isRecord(node)) return [];
  const condition = isRecord(node.if) ? (node.if as SchemaNode) : {};
  const own = [...(condition.required ?? []), ...Object.keys(condition.properties ?? {})];
  return [...new Set([...own, ...Object.values(node).flatMap(conditionKeys)])];
}

const CONDITION_KEYS = conditionKeys(root);

/**
 * What `conditionHolds` can see of a mapping: whether each condition key is there and, when its
 * value is not an object, which value it is (a `const` or `enum` never equals an object).
 */
function conditionSignature(value: Record<string, unknown>): string {
  return CONDITION_KEYS.map((key) => {
    if (!(key in value)) return '';
    const item = value[key];
    return typeof item === 'object' && item !== null ? 'object' : `${typeof item}:${String(item)}`;
  }).join('\u0000');
}

/**
 * keysRead's answers by the schemas asked and the condition signature: thousands of endpoints
 * share a handful of shapes, and walking the schema for each took most of a large config's check.
 */
const keysReadByShape = new WeakMap<SchemaNode[], Map<string, Map<string, SchemaNode[]>>>();

/** The keys read in a mapping: each with the schemas of its value. */
function keysRead(nodes: SchemaNode[], value: Record<string, unknown>): ReadonlyMap<string, SchemaNode[]> {
  const byShape = keysReadByShape.get(nodes) ?? new Map<string, Map<string, SchemaNode[]>>();
  keysReadByShape.set(nodes, byShape);
  const signature = conditionSignature(value);
  const known = byShape.get(signature) ?? keysReadUncached(nodes, value);
  byShape.set(signature, known);
  return known;
}

function keysReadUncached(nodes: SchemaNode[], value: Record<string, unknown>): Map<string, SchemaNode[]> {
  const childNodes = new Map<string, SchemaNode[]>();
  const forbidden = new Set<string>();
  for (const schema of nodes.flatMap((node) => schemasFor(node, value))) {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const known = childNodes.get(key) ?? [];
      if (child === false) forbidden.add(key);
      else if (child !== true) known.push(child);
      childNodes.set(key, known);
    }
  }
  // `traffic_percentage: false` in a FALLBACK route: the schema has already refused the key.
  for (const key of forbidden) childNodes.delete(key);
  return childNodes;
}

/** The nearest mapping above the one being walked, and the keys read there. */
interface EnclosingMapping {
  path: YamlPathSegment[];
  keys: ReadonlyMap<string, unknown>;
}

function itemNodesOf(nodes: SchemaNode[]): SchemaNode[] {
  return nodes.map((node) => resolveRef(node).items).filter((items): items is SchemaNode => items !== undefined);
}

function keysReported(value: unknown, nodes: SchemaNode[], path: YamlPathSegment[], enclosing?: EnclosingMapping): ConfigIssue[] {
  if (Array.isArray(value)) {
    const itemNodes = itemNodesOf(nodes);
    return itemNodes.length === 0 ? [] : value.flatMap((item, index) => keysReported(item, itemNodes, [...path, index], enclosing));
  }
  if (!isRecord(value)) return [];
  const childNodes = keysRead(nodes, value);
  // A mapping whose schemas name no key is free-form.
  if (childNodes.size === 0) return [];
  const here: EnclosingMapping = { path, keys: childNodes };
  return Object.entries(value).flatMap(([key, child]) => keyReported({ key, child, mapping: value, childNodes, here, enclosing }));
}

/** The key `key` of `mapping` (at `here.path`): reported when nothing reads it, else walked into. */
function keyReported(at: { key: string; child: unknown; mapping: Record<string, unknown>; childNodes: ReadonlyMap<string, SchemaNode[]>; here: EnclosingMapping; enclosing?: EnclosingMapping }): ConfigIssue[] {
  const { key, child, childNodes, here } = at;
  const known = childNodes.get(key);
  // A scalar holds no keys: its path is not built (thousands of endpoints have dozens each).
  if (known !== undefined) return typeof child === 'object' && child !== null ? keysReported(child, known, [...here.path, key], here) : [];
  if (key.startsWith('x-')) return [];
  const misplaced = misplacedKeyHint(key, at.mapping, childNodes, at.enclosing);
  return [{ path: formatYamlPath([...here.path, key]), message: ignoredKeyMessage(key, [...childNodes.keys()], at.mapping, misplaced) }];
}

/** keysReported for the whole document, its top-level lists (endpoints, routes: thousands of items in a large config) in slices. */
function* documentKeysReported(document: unknown): Steps<ConfigIssue[]> {
  if (!isRecord(document)) return [];
  const childNodes = keysRead([root], document);
  const here: EnclosingMapping = { path: [], keys: childNodes };
  const issues: ConfigIssue[][] = [];
  for (const [key, child] of Object.entries(document)) {
    const known = childNodes.get(key);
    if (known === undefined || !Array.isArray(child)) {
      issues.push(keyReported({ key, child, mapping: document, childNodes, here }));
      continue;
    }
    // One array for every item: keysRead's answers are kept by the schemas array.
    const itemNodes = itemNodesOf(known);
    issues.push(...(yield* mapInSlices(child, (item, index) => keysReported(item, itemNodes, [key, index], here))));
  }
  return issues.flat();
}

/**
 * A key read one level up or down (`limit:` indented under `model:`, `calls:` under the endpoint
 * beside an empty `limit:`) is most likely indented wrong: say where it is read.
 */
function misplacedKeyHint(key: string, value: Record<string, unknown>, childNodes: ReadonlyMap<string, SchemaNode[]>, enclosing?: EnclosingMapping): string | undefined {
  if (enclosing?.keys.has(key)) {
    const where = enclosing.path.length === 0 ? 'at the top level of the file' : `in ${formatYamlPath(enclosing.path)}`;
    return `${quoted(key)} is read ${where}: indent it less`;
  }
  const readUnder = [...childNodes].filter(([sibling, siblingNodes]) => {
    const siblingValue = isRecord(value[sibling]) ? (value[sibling] as Record<string, unknown>) : {};
    return !siblingNodes.some((node) => resolveRef(node).items !== undefined) && keysRead(siblingNodes, siblingValue).has(key);
  });
  if (readUnder.length === 0) return undefined;
  const names = readUnder.map(([sibling]) => `'${sibling}'`).join(' or ');
  return `${quoted(key)} is read under ${names}: indent it under ${readUnder.length === 1 ? names : 'the one it belongs to'}`;
}

function ignoredKeyMessage(key: string, known: string[], mapping: Record<string, unknown>, misplaced: string | undefined): string {
  const suggestion = closestMissingKey(key, known, mapping);
  const hint = misplaced ?? (suggestion === undefined ? `the keys read here are: ${known.join(', ')}` : `did you mean '${suggestion}'?`);
  return `is not a known key here and is ignored (${hint})`;
}

/**
 * Warnings for the keys of a valid config that nothing reads, each with its YAML path: unknown keys,
 * and settings an endpoint sets that its type never reads (unused-settings.ts: known keys, never applied there).
 */
export function ignoredKeyWarnings(config: unknown): ConfigIssue[] {
  return runWhole(ignoredKeyWarningSteps(config));
}

/** ignoredKeyWarnings's work, in slices (config/slices.ts). */
export function* ignoredKeyWarningSteps(config: unknown): Steps<ConfigIssue[]> {
  return [...(yield* documentKeysReported(config)), ...unusedSettingWarnings(config)];
}

/** The keys nothing reads, in any document (a refused one too: the walk only follows what has the expected shape). */
export function unknownKeyWarnings(config: unknown): ConfigIssue[] {
  return runWhole(documentKeysReported(config));
}
