/** Reading untyped vendor JSON: every provider checks shapes before trusting a field. */

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `table[key]` for a key that a client or a vendor sent: undefined unless `table` has it as its
 * own property. A plain lookup also finds what every object inherits, so a role, a media type or
 * a parameter named `constructor`, `toString` or `__proto__` read a function or Object.prototype.
 */
export function ownValue<Value>(table: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A JSON text that must hold an object; invalid JSON, arrays and scalars give null. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Tool-call `arguments` as the unified schema wants them: a JSON text. OpenAI sends a string, but
 * some OpenAI-compatible servers (llama.cpp's server in one release, Hugging Face TGI, Mistral)
 * send the parsed object; that is serialised rather than refused.
 */
export function argumentsText<Other>(value: Other | Record<string, unknown>): Other | string {
  return isRecord(value) ? JSON.stringify(value) : value;
}

/** The start of a vendor text, for quoting it in an error message. */
export function excerpt(text: string, limit = 200): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/**
 * The text some upstream JSON answers were parsed from (`postJson` with `keepText`), by the parsed
 * value. A mapper whose unified answer is exactly the upstream's returns that value itself, and the
 * server writes this text instead of serialising the value again (`sendJson`): for embeddings,
 * printing the vectors' numbers is most of the work (about 150 µs for 1,536 dimensions). Values
 * with a text are never modified.
 */
const sourceTexts = new WeakMap<object, string>();

export function keepSourceText(value: unknown, text: string): void {
  if (typeof value === 'object' && value !== null) sourceTexts.set(value, text);
}

/** The JSON text `value` was parsed from, if it was kept. */
export function sourceTextOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? sourceTexts.get(value) : undefined;
}
