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

/** Nulls in an array are values (its positions mean something); only the objects in it lose theirs. */
function arrayWithoutNulls(items: readonly unknown[]): readonly unknown[] {
  let copy: unknown[] | null = null;
  for (let index = 0; index < items.length; index += 1) {
    const item = withoutNulls(items[index]);
    if (copy === null && item !== items[index]) copy = items.slice(0, index);
    copy?.push(item);
  }
  return copy ?? items;
}

function objectWithoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  let kept: [string, unknown][] | null = null;
  let position = 0;
  for (const key in object) {
    const item = object[key];
    const copied = item === null || JSON_SCHEMA_KEYS.has(key) ? item : withoutNulls(item);
    // The keys before this one were kept as they are.
    if (kept === null && (item === null || copied !== item)) kept = Object.entries(object).slice(0, position);
    if (kept !== null && item !== null) kept.push([key, copied]);
    position += 1;
  }
  // Keys are defined, not assigned: a client's "__proto__" stays a key, as in a body without null,
  // instead of becoming the copy's prototype (whose fields the checks would see and a spread would drop).
  return kept === null ? object : Object.fromEntries(kept);
}

/**
 * Drops null-valued keys at every depth (MLflow does the same): null means "not given". JSON
 * Schemas are kept whole. What holds no null (the usual body; most messages of a long history whose
 * assistant turns carry `content: null`) is returned as it is: only the arrays and objects on the
 * way to a null are copied, in one walk (a body with one null was walked, then copied whole).
 */
export function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) ? arrayWithoutNulls(value) : objectWithoutNulls(value as Record<string, unknown>);
}
