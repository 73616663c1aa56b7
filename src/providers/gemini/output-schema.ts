/**
 * A `response_format` JSON Schema as Gemini's `responseJsonSchema` takes it
 * (https://ai.google.dev/api/generate-content#FIELDS.response_json_schema): Gemini reads a subset
 * of JSON Schema and passes over the rest, but a sub-schema holding `$ref` may hold nothing else
 * but keys starting with `$` ("schema at properties.home can only contain properties starting with
 * '$' when $ref is present", a 400 after the call). Pydantic's `model_json_schema()` writes a nested
 * model's field as its `$ref` beside the field's `description`, `title` or `default`
 * (`{"$ref": "#/$defs/Address", "description": "home address"}`), so such a node is sent as the
 * same schema in a form Gemini takes: the `$ref` alone in a one-branch `anyOf`, the other keys
 * beside it (a value matches both forms alike).
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

function geminiNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(geminiNode);
  if (!isRecord(node)) return node;
  const result = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, keywordValue(key, value)]));
  if (typeof result.$ref !== 'string' || Object.keys(result).every((key) => key.startsWith('$'))) return result;
  const { $ref: ref, ...siblings } = result;
  return { anyOf: [{ $ref: ref }], ...siblings };
}

/** The schema to send as `responseJsonSchema`: the client's, with each `$ref` that has other keys beside it wrapped as above. */
export function toGeminiOutputSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return geminiNode(schema) as Record<string, unknown>;
}
