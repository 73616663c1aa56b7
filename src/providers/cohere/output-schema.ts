/**
 * A `response_format` JSON Schema as Cohere's structured outputs take it (v1 `schema`, v2
 * `json_schema`: https://docs.cohere.com/docs/structured-outputs#specifying-a-schema). Cohere wants a
 * `type` on every schema and an object at the top, and does not follow `$ref`: a Pydantic model
 * holding a list of another (`{"items": {"$ref": "#/$defs/User"}}`) gets "invalid request:
 * response_format schema must specify `type`." after the call. So local references are written out
 * in place (their definitions left out); what has no equivalent is a 400 naming the schema path,
 * before any call: a recursive or external `$ref`, a schema without a type (Cohere takes no `anyOf`,
 * `oneOf` or `allOf`, so no Pydantic `Optional` field or zod `.nullable()`), a top level that is not
 * an object, and a schema too large once its references are written out. The keywords Cohere lists
 * as unsupported but does not refuse (numeric ranges, string lengths, `additionalProperties`, ...)
 * go as sent. Strict tools' schemas get the same (withCohereStrictTools).
 */
import { GatewayError } from '../../errors';
import type { Tool } from '../../schema';
import { isRecord } from '../shared/json';
import { isSentStrictTool } from '../shared/tool-choice';
import { resolveRef } from '../shared/schema-refs';

/** Where the schema is in the request: its field and the feature the error names. */
interface SchemaPlace {
  /** `response_format.json_schema.schema`, `tools[2].function.parameters`. */
  field: string;
  /** `structured outputs` or `strict tools`. */
  feature: string;
}

const RESPONSE_FORMAT: SchemaPlace = { field: 'response_format.json_schema.schema', feature: 'structured outputs' };

/**
 * Schemas the written-out schema may hold, and those a request's schemas may hold from references
 * together: definitions referring twice to the next would otherwise double at each step.
 */
const MAX_SCHEMAS = 5000;

/** Keywords whose values are a schema or a list of schemas; any other keyword's value (`enum`, `default`, `dependentRequired`, an `x-` extension) is data, sent as it came. */
const SCHEMA_KEYWORDS = new Set(['items', 'prefixItems', 'additionalItems', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames', 'contains', 'not', 'if', 'then', 'else', 'anyOf', 'oneOf', 'allOf']);

/** Keywords whose values map names to schemas (a property may be named `default` or `$ref`). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

type Segments = readonly (string | number)[];

function refuse(segments: Segments, rule: string, place: SchemaPlace): GatewayError {
  const field = segments.reduce<string>((path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${segment}`), place.field);
  return GatewayError.invalidParam(`'${field}': Cohere's ${place.feature} ${rule}.`, field);
}

/** The walk's state: where the schema is, the root references resolve against, the references being written out (to find recursion), the schemas written so far. */
interface Walk {
  place: SchemaPlace;
  root: Record<string, unknown>;
  expanding: string[];
  count: { schemas: number };
  /**
   * The schemas written out from references, counted over all of a request's strict tools: a cap per
   * tool alone let a small request of many tools, each just under it, become seconds of work and a
   * body of tens of megabytes.
   */
  fromReferences: { schemas: number };
}

function cohereNode(node: unknown, segments: Segments, walk: Walk): unknown {
  if (!isRecord(node)) return node;
  if (++walk.count.schemas > MAX_SCHEMAS) throw refuse([], `take no $ref, and this schema with its references written out holds over ${MAX_SCHEMAS} schemas`, walk.place);
  if (walk.expanding.length > 0 && ++walk.fromReferences.schemas > MAX_SCHEMAS) {
    throw refuse([], `take no $ref, and the request's strict tools with their references written out hold over ${MAX_SCHEMAS} schemas from them together`, walk.place);
  }
  if (typeof node.$ref === 'string') return writtenOut(node, segments, walk);
  const { $defs: _defs, definitions: _definitions, ...rest } = node;
  if (rest.type === undefined) throw refuse(segments, 'need a type on every schema (they take no anyOf, oneOf or allOf, so no optional or union field)', walk.place);
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, keywordValue(key, value, [...segments, key], walk)]));
}

function keywordValue(key: string, value: unknown, segments: Segments, walk: Walk): unknown {
  if (SCHEMA_MAPS.has(key) && isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, cohereNode(entry, [...segments, name], walk)]));
  if (!SCHEMA_KEYWORDS.has(key)) return value;
  if (Array.isArray(value)) return value.map((entry, index) => cohereNode(entry, [...segments, index], walk));
  // additionalProperties: false (a boolean schema) stays as it is.
  return cohereNode(value, segments, walk);
}

/** A `$ref` node as the schema it points to, with the node's own keys (a description, a default) over it. */
function writtenOut(node: Record<string, unknown>, segments: Segments, walk: Walk): unknown {
  const { $ref: ref, ...siblings } = node as { $ref: string };
  const here = [...segments, '$ref'];
  if (!ref.startsWith('#')) throw refuse(here, `take only references within the schema ('${ref}')`, walk.place);
  const target = resolveRef(walk.root, ref);
  if (target === null || !isRecord(target.node)) throw refuse(here, `found nothing at '${ref}'`, walk.place);
  if (walk.expanding.includes(ref)) throw refuse(here, 'do not take recursive schemas (a $ref to a schema it lies in)', walk.place);
  const inner = { ...walk, expanding: [...walk.expanding, ref] };
  const resolved = cohereNode(target.node, target.segments, inner) as Record<string, unknown>;
  const own = cohereNode({ type: resolved.type, ...siblings }, segments, inner) as Record<string, unknown>;
  return { ...resolved, ...own };
}

/**
 * The schema to send to Cohere: local references written out, or a 400 naming the schema path for
 * what Cohere cannot follow. `fromReferences` counts the schemas written out from references over
 * several schemas of one request (its strict tools).
 */
export function toCohereOutputSchema(schema: Record<string, unknown>, options: { place?: SchemaPlace; fromReferences?: { schemas: number } } = {}): Record<string, unknown> {
  const { place = RESPONSE_FORMAT, fromReferences = { schemas: 0 } } = options;
  if (schema.type !== undefined && schema.type !== 'object') throw refuse(['type'], `need an object at the top level, not ${JSON.stringify(schema.type)}`, place);
  const result = cohereNode(schema, [], { place, root: schema, expanding: [], count: { schemas: 0 }, fromReferences }) as Record<string, unknown>;
  if (result.type !== 'object') throw refuse([], 'need an object at the top level', place);
  return result;
}

/**
 * The request with the `parameters` of each tool marked `strict: true` as Cohere's `strict_tools`
 * take them: Cohere constrains strict tools' calls with its structured outputs, whose JSON Schema
 * subset its tool page points to (https://docs.cohere.com/v2/docs/tool-use-parameter-types#supported-parameter-types),
 * so their references are written out (at most MAX_SCHEMAS schemas from them over all the tools) and
 * what Cohere cannot follow is a 400 as above, naming the client's `tools[i]` (done before
 * `allowed_tools` or a named tool choice leaves tools out). Only the tools named in `sent` (all, when
 * null) are read: one left out is never sent, so what Cohere could not follow in it is no reason to
 * refuse the request. Other tools go as sent.
 */
export function withCohereStrictTools<Body extends { tools?: readonly Tool[] }>(request: Body, sent: ReadonlySet<string> | null = null): Body {
  // A tool of another type (refused by toCohereV2Tool) has no `function`.
  const strictAndSent = (tool: Tool): boolean => isSentStrictTool(tool, sent);
  if (request.tools?.some(strictAndSent) !== true) return request;
  const fromReferences = { schemas: 0 };
  const tools = request.tools.map((tool, index): Tool => {
    if (!strictAndSent(tool) || !isRecord(tool.function.parameters)) return tool;
    const parameters = toCohereOutputSchema(tool.function.parameters, { place: { field: `tools[${index}].function.parameters`, feature: 'strict tools' }, fromReferences });
    return { ...tool, function: { ...tool.function, parameters } };
  });
  return { ...request, tools };
}
