/**
 * JSON texts as Python's `json.dumps` writes them with its defaults: separators `", "` and `": "`,
 * every character outside printable ASCII escaped as `\uXXXX` (reference §0). The reference builds
 * tool-call `arguments` this way from a provider's parsed tool input (Anthropic, Gemini), so clients
 * comparing those strings see the same text.
 */

function quote(text: string): string {
  // JSON.stringify already escapes quotes, backslashes and control characters as Python does.
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Serialises a JSON value (as produced by JSON.parse) the way Python's `json.dumps(value)` does. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${quote(key)}: ${pythonJsonDumps(item)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
