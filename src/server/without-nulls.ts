/**
 * Null in a request body means "not given", as in MLflow: such keys are dropped before the body is
 * checked and translated, except inside JSON Schemas, where null is a value.
 */
/**
 * Keys whose value is a JSON Schema (`tools[].function.parameters`, `response_format.json_schema.schema`):
 * in a schema null is a value (Pydantic writes `"default": null` for every optional field), not an
 * absent field, and tool schemas pass to providers whole.
 */
const JSON_SCHEMA_KEYS: ReadonlySet<string> = new Set(['parameters', 'schema']);

function containsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsNull);
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === null || (!JSON_SCHEMA_KEYS.has(key) && containsNull(item))) return true;
  }
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  // Keys are defined, not assigned: a client's "__proto__" stays a key, as in a body without null,
  // instead of becoming the copy's prototype (whose fields the checks would see and a spread would drop).
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, JSON_SCHEMA_KEYS.has(key) ? item : copyWithoutNulls(item)]])));
}

/**
 * Drops null-valued keys at every depth (MLflow does the same): null means "not given". JSON
 * Schemas are kept whole. Bodies without a null (the usual case) are returned as they are, not copied.
 */
export function withoutNulls(value: unknown): unknown {
  return containsNull(value) ? copyWithoutNulls(value) : value;
}
