/**
 * A `response_format` JSON Schema as Claude's structured outputs take it (Anthropic's
 * `output_config.format`, and Claude on Bedrock Converse), and a strict tool's `parameters`, which
 * Claude constrains with the same grammar (withClaudeStrictTools). Claude compiles the schema into a grammar
 * that takes a subset of JSON Schema and answers a 400 for the rest, after the call
 * ("output_config.format.schema: For 'integer' type, property 'minimum' is not supported"): no
 * numeric bounds, string lengths, `maxItems` or `minItems` above 1, only some string formats,
 * `additionalProperties: false` on every object, no recursive schemas
 * (https://platform.claude.com/docs/en/build-with-claude/structured-outputs#json-schema-limitations).
 * The schemas clients send have them (the openai client's zodResponseFormat gives `minimum` for
 * `.min()`, `$schema`, and a `pattern` beside `format` for `.datetime()`), so the schema is reshaped
 * as Anthropic's own SDKs do (transformJSONSchema in anthropic-sdk-typescript): each keyword Claude
 * does not take moves into its node's `description` as text the model reads, objects get
 * `additionalProperties: false`, `oneOf` becomes `anyOf`. Left a 400 naming the schema path, before
 * any call: what has no equivalent, a recursive schema, an external `$ref`, `additionalProperties`
 * that allows keys (closing it would change what the answer may hold), a node without a type.
 */
import { GatewayError } from '../../errors';
import type { Tool } from '../../schema';
import { isRecord } from './json';
import { isSentStrictTool } from './tool-choice';
import { resolveRef } from './schema-refs';

/** The string formats Claude's grammar takes (the same list as Anthropic's SDKs). */
const CLAUDE_STRING_FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

/** Annotations carried as they are, on any node. */
const KEPT_ANNOTATIONS = ['description', 'title', 'const', 'enum'] as const;

type Schema = Record<string, unknown>;

/** Where a schema is in the request, and whose grammar it goes to: the error's words and field. */
interface SchemaPlace {
  provider: string;
  /** `structured outputs` or `strict tools`. */
  feature: string;
  /** The schema's field: `response_format.json_schema.schema`, `tools[2].function.parameters`. */
  field: string;
}

/** A schema path as the error's `param`: `response_format.json_schema.schema.properties.n.anyOf[0]`. */
function fieldOf(segments: readonly (string | number)[], place: SchemaPlace): string {
  return segments.reduce<string>((path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${segment}`), place.field);
}

function refuse(segments: readonly (string | number)[], rule: string, place: SchemaPlace): GatewayError {
  const field = fieldOf(segments, place);
  return GatewayError.invalidParam(`'${field}': ${place.provider}'s ${place.feature} ${rule}.`, field);
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => String(path[index]) === String(segment));

/**
 * The segments of the first `$ref` that leads back into a schema it lies in (directly, `$ref: "#"`
 * of z.lazy, or through other definitions), or null for a schema without recursion. `sites` are the
 * `$ref`s followed to get here; `clean` the references already followed to the end without finding
 * one (a cycle reachable from a reference is found whichever way it is entered), so that definitions
 * referring twice to the next are walked once each, not 2^n times.
 */
function recursiveRef(root: Schema, node: unknown, segments: (string | number)[], sites: (string | number)[][], clean: Set<string>): (string | number)[] | null {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) {
      const found = recursiveRef(root, item, [...segments, index], sites, clean);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isRecord(node)) return null;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    const target = resolveRef(root, node.$ref);
    if (target === null) return null;
    const here = [...segments, '$ref'];
    if ([segments, ...sites].some((site) => startsWith(site, target.segments))) return here;
    if (clean.has(node.$ref)) return null;
    const found = recursiveRef(root, target.node, target.segments, [...sites, segments], clean);
    if (found === null) clean.add(node.$ref);
    return found;
  }
  for (const [key, value] of Object.entries(node)) {
    // A value's data (`{"default": {"$ref": "#"}}`) is no reference; a property of that name is a schema.
    if (DATA_KEYWORDS.has(key)) continue;
    const schemas: [(string | number)[], unknown][] = SCHEMA_MAPS.has(key) && isRecord(value) ? Object.entries(value).map(([name, entry]) => [[...segments, key, name], entry]) : [[[...segments, key], value]];
    for (const [path, schema] of schemas) {
      const found = recursiveRef(root, schema, path, sites, clean);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Keywords whose values are data (instances, not schemas). */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/** Keywords whose values map names to schemas (a property may be named `default`). */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

/** `{minimum: 0, maximum: 10}` as the SDKs write it into a description. */
const describeKeywords = (keywords: Schema): string =>
  `{${Object.entries(keywords)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ')}}`;

/** The keywords that apply to values of one type, each going with that type's branch when a node lists several types. */
const TYPED_KEYWORDS: Record<string, readonly string[]> = {
  object: ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties'],
  array: ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'],
  string: ['format', 'pattern', 'minLength', 'maxLength'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
};

/**
 * A node typed with a list (`"type": ["object", "null"]`, OpenAI's way to write an optional field)
 * as an `anyOf` of one branch per type, each with its type's keywords, which is the same schema:
 * Claude's grammar reads an object's properties only on a node whose type is `object`. The branches
 * keep the node's path (their keywords are the client's node's); `rest` is left with the others.
 */
function typeBranches(types: unknown[], rest: Schema, segments: (string | number)[], place: SchemaPlace): unknown[] {
  const branches = types.map((type) => {
    const keys = typeof type === 'string' && Object.hasOwn(TYPED_KEYWORDS, type) ? TYPED_KEYWORDS[type] : [];
    return claudeNode({ type, ...Object.fromEntries(keys.filter((key) => rest[key] !== undefined).map((key) => [key, rest[key]])) }, segments, place);
  });
  for (const key of Object.values(TYPED_KEYWORDS).flat()) delete rest[key];
  return branches;
}

function claudeNode(schema: unknown, segments: (string | number)[], place: SchemaPlace): unknown {
  if (!isRecord(schema)) return schema;
  const { $ref: ref, $defs: defs, definitions, anyOf, oneOf, allOf, ...rest } = schema;
  // A type listed twice is one branch: each object branch reads the node's properties, so ["object", "object"] at every level would double the schema per level.
  const types = Array.isArray(rest.type) ? [...new Set(rest.type)] : rest.type;
  const type = Array.isArray(types) && types.length === 1 ? types[0] : types;
  delete rest.type;
  const result: Schema = {};
  for (const [key, table] of [['$defs', defs], ['definitions', definitions]] as const) {
    if (isRecord(table)) result[key] = Object.fromEntries(Object.entries(table).map(([name, entry]) => [name, claudeNode(entry, [...segments, key, name], place)]));
  }
  if (typeof ref === 'string') {
    if (!ref.startsWith('#')) throw refuse([...segments, '$ref'], `take only references within the schema ('${ref}')`, place);
    // As Anthropic's SDKs send it: the reference alone (with the definitions it may point into).
    return { ...result, $ref: ref };
  }
  const variants = (list: unknown, key: string): unknown[] => (list as unknown[]).map((entry, index) => claudeNode(entry, [...segments, key, index], place));
  if (Array.isArray(anyOf)) result.anyOf = variants(anyOf, 'anyOf');
  else if (Array.isArray(oneOf)) result.anyOf = variants(oneOf, 'oneOf');
  else if (Array.isArray(allOf)) result.allOf = variants(allOf, 'allOf');
  else if (Array.isArray(type) && type.length > 1) result.anyOf = typeBranches(type, rest, segments, place);
  else if (type === undefined) throw refuse(segments, 'need a type (or anyOf, oneOf, allOf or $ref) on every schema', place);
  else result.type = type;
  for (const key of KEPT_ANNOTATIONS) {
    if (rest[key] !== undefined) result[key] = rest[key];
    delete rest[key];
  }
  Object.assign(result, typedKeywords(type, rest, segments, place));
  if (Object.keys(rest).length > 0) result.description = `${typeof result.description === 'string' ? `${result.description}\n\n` : ''}${describeKeywords(rest)}`;
  return inOrderOf(schema, result);
}

/** `result`'s keys in the order the client wrote them (`oneOf`, or a list of types, in its place as `anyOf`), new ones last: a schema in the subset goes as sent. */
function inOrderOf(schema: Schema, result: Schema): Schema {
  const order = Object.keys(schema).map((key) => (key === 'oneOf' || (key === 'type' && result.anyOf !== undefined && result.type === undefined) ? 'anyOf' : key));
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * What a node of `type` keeps of the keywords Claude takes for it (taken out of `rest`, which is left
 * with those that go into the description).
 */
function typedKeywords(type: unknown, rest: Schema, segments: (string | number)[], place: SchemaPlace): Schema {
  const take = (key: string): unknown => {
    const value = rest[key];
    delete rest[key];
    return value;
  };
  const kept: Schema = {};
  if (type === 'object') {
    const properties = take('properties');
    kept.properties = Object.fromEntries(Object.entries(isRecord(properties) ? properties : {}).map(([name, entry]) => [name, claudeNode(entry, [...segments, 'properties', name], place)]));
    const additional = take('additionalProperties');
    if (additional !== undefined && additional !== false) {
      throw refuse([...segments, 'additionalProperties'], 'take objects with only the properties they list (additionalProperties: false)', place);
    }
    kept.additionalProperties = false;
    const required = take('required');
    if (required !== undefined) kept.required = required;
  } else if (type === 'string' && typeof rest.format === 'string' && CLAUDE_STRING_FORMATS.has(rest.format)) {
    kept.format = take('format');
  } else if (type === 'array') {
    const items = take('items');
    if (items !== undefined) kept.items = claudeNode(items, [...segments, 'items'], place);
    if (rest.minItems === 0 || rest.minItems === 1) kept.minItems = take('minItems');
  }
  return kept;
}

/**
 * The schema to send for Claude: reshaped as above, `$schema` (which dialect it is written in)
 * left out; a 400 naming the schema path for what Claude cannot follow.
 */
function toClaudeSchema(schema: Schema, place: SchemaPlace): Schema {
  const recursion = recursiveRef(schema, schema, [], [], new Set());
  if (recursion !== null) throw refuse(recursion, 'do not take recursive schemas (a $ref to a schema it lies in)', place);
  const { $schema: _dialect, ...rest } = schema;
  return claudeNode(rest, [], place) as Schema;
}

/** A `response_format` schema for Claude's structured outputs. */
export function toClaudeOutputSchema(schema: Schema, provider: string): Schema {
  return toClaudeSchema(schema, { provider, feature: 'structured outputs', field: 'response_format.json_schema.schema' });
}

/**
 * The request with the `parameters` of each tool marked `strict: true` (OpenAI's strict mode, which
 * the openai clients' `zodFunction` sets) reshaped for Claude: Claude constrains a strict tool's input
 * with the same grammar (https://platform.claude.com/docs/en/agents-and-tools/tool-use/strict-tool-use),
 * and refuses the same keywords ("tools.0.custom: For 'integer' type, properties maximum, minimum are
 * not supported"). Other tools' schemas go whole. Done before `allowed_tools` leaves tools out, so that
 * a 400 names the client's `tools[i]`; only the tools named in `sent` (all, when null) are read: one
 * the request leaves out is never sent, so what Claude could not follow in it is no reason to refuse.
 */
export function withClaudeStrictTools<Body extends { tools?: readonly Tool[] }>(request: Body, provider: string, sent: ReadonlySet<string> | null = null): Body {
  const strictAndSent = (tool: Tool): boolean => isSentStrictTool(tool, sent);
  if (request.tools?.some(strictAndSent) !== true) return request;
  const tools = request.tools.map((tool, index): Tool => {
    if (!strictAndSent(tool)) return tool;
    const parameters = toClaudeSchema(tool.function.parameters ?? { type: 'object', properties: {} }, { provider, feature: 'strict tools', field: `tools[${index}].function.parameters` });
    return { ...tool, function: { ...tool.function, parameters } };
  });
  return { ...request, tools };
}
