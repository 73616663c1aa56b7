/**
 * A `response_format` JSON Schema as Gemini's `responseJsonSchema` takes it
 * (https://ai.google.dev/api/generate-content#FIELDS.response_json_schema), and a tool's `parameters`
 * as its `parametersJsonSchema`, which Gemini reads the same way (the refusal below is reported of
 * tool schemas too: google-gemini/gemini-cli#4758, whose MCP tools went as `parametersJsonSchema`;
 * Gemini gets no `strict`, so every tool's schema is read so). Gemini reads a subset
 * of JSON Schema and passes over the rest, but a sub-schema holding `$ref` may hold nothing else
 * but keys starting with `$` ("schema at properties.home can only contain properties starting with
 * '$' when $ref is present", a 400 after the call). Pydantic's `model_json_schema()` writes a nested
 * model's field as its `$ref` beside the field's `description`, `title` or `default`
 * (`{"$ref": "#/$defs/Address", "description": "home address"}`), so such a node is sent as the
 * same schema in a form Gemini takes: the `$ref` alone in a one-branch `anyOf`, the other keys
 * beside it (a value matches both forms alike).
 *
 * Gemini's list of the keywords it reads names `enum` "for strings and numbers" but no `const`, which
 * it passes over: the openai client's zod helpers write `z.literal('refund')` (and each branch's tag
 * of a discriminated union) as `{"type": "string", "const": "refund"}`, so Gemini could answer any
 * string there and `parse()` would fail on its answer. A string or number `const` is also sent as a
 * one-value `enum`, the same constraint in a keyword Gemini reads; any other (`true`, `null`, an
 * object) goes into the node's `description` as text the model reads (`{const: true}`), as Anthropic's
 * SDKs write what Claude's grammar cannot hold. `const` itself stays.
 */
import { isRecord } from '../shared/json';

/** Keywords whose values are data (instances, not schemas), left as they are. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'required', 'propertyOrdering']);

/** Keywords whose values map names to schemas (a property may be named `default` or `$ref`). */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

function keywordValue(key: string, value: unknown): unknown {
  if (DATA_KEYWORDS.has(key)) return value;
  if (SCHEMA_MAPS.has(key) && isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, geminiNode(entry)]));
  return geminiNode(value);
}

/** A node's `const` in a keyword Gemini reads: a one-value `enum` (strings and numbers), else a line of its `description`. */
function withConstRead(node: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(node, 'const') || node.enum !== undefined) return node;
  const value = node.const;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return { ...node, enum: [value] };
  const line = `{const: ${JSON.stringify(value)}}`;
  return { ...node, description: typeof node.description === 'string' ? `${node.description}\n\n${line}` : line };
}

function geminiNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(geminiNode);
  if (!isRecord(node)) return node;
  const result = withConstRead(Object.fromEntries(Object.entries(node).map(([key, value]) => [key, keywordValue(key, value)])));
  if (typeof result.$ref !== 'string' || Object.keys(result).every((key) => key.startsWith('$'))) return result;
  const { $ref: ref, ...siblings } = result;
  return { anyOf: [{ $ref: ref }], ...siblings };
}

/** The schema to send as `responseJsonSchema` or `parametersJsonSchema`: the client's, with each `$ref` that has other keys beside it wrapped and each `const` also read as above. */
export function toGeminiJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return geminiNode(schema) as Record<string, unknown>;
}
