/**
 * How config messages quote what a config's author wrote (a name, a key, a path). Messages are
 * printed at start-up and logged on reload, a line each: a value of thousands of characters would
 * bury the other problems, so a long one is cut, with its full length. Refusals quote what a client
 * sent (a model name, a role, a tool_call_id) the same way, so a 100 KB value is not echoed back.
 */

/** The most characters of a value quoted whole. */
const LONGEST_QUOTED = 80;

/** `'chat'`; past 80 characters `'first 80 characters…' (1234 characters)`, cut between characters, not inside one. */
export function quoted(value: string): string {
  // A character is one or two UTF-16 units: a string of at most 80 units has at most 80 characters.
  if (value.length <= LONGEST_QUOTED) return `'${value}'`;
  let shown = '';
  let characters = 0;
  for (const character of value) {
    if (characters < LONGEST_QUOTED) shown += character;
    characters += 1;
  }
  return characters <= LONGEST_QUOTED ? `'${value}'` : `'${shown}…' (${characters} characters)`;
}
