/**
 * How config messages quote what a config's author wrote (a name, a key, a path). Messages are
 * printed at start-up and logged on reload, a line each: a value of thousands of characters would
 * bury the other problems, so a long one is cut, with its full length. Refusals quote what a client
 * sent (a model name, a role, a tool_call_id) the same way, so a 100 KB value is not echoed back.
 */

/** The most characters of a value quoted whole. */
const LONGEST_QUOTED = 80;

/** The first 80 characters of `value` and how many it has, or null when it has at most 80 (cut between characters, not inside one). */
function cut(value: string): { shown: string; characters: number } | null {
  // A character is one or two UTF-16 units: a string of at most 80 units has at most 80 characters.
  if (value.length <= LONGEST_QUOTED) return null;
  let shown = '';
  let characters = 0;
  for (const character of value) {
    if (characters < LONGEST_QUOTED) shown += character;
    characters += 1;
  }
  return characters <= LONGEST_QUOTED ? null : { shown, characters };
}

/** `'chat'`; past 80 characters `'first 80 characters…' (1234 characters)`, cut between characters, not inside one. */
export function quoted(value: string): string {
  const long = cut(value);
  return long === null ? `'${value}'` : `'${long.shown}…' (${long.characters} characters)`;
}

/**
 * A value of any JSON type as JSON writes it (`"max"`, `3`, `{"type":"x"}`), for a field whose value
 * may not be a string; cut like quoted(): a string past 80 characters as `"first 80 characters…" (1234 characters)`,
 * another value whose JSON text is past 80 characters as `first 80 characters of it… (1234 characters)`.
 */
export function quotedJson(value: unknown): string {
  if (typeof value === 'string') {
    const long = cut(value);
    return long === null ? JSON.stringify(value) : `${JSON.stringify(`${long.shown}…`)} (${long.characters} characters)`;
  }
  const text = JSON.stringify(value) ?? String(value);
  const long = cut(text);
  return long === null ? text : `${long.shown}… (${long.characters} characters)`;
}
