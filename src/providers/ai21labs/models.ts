/** Which API serves an `ai21labs` model: read at config load by the adapter and the config check. */

/**
 * AI21's Jamba models (`jamba-large`, `jamba-mini`, `jamba-mini-1.7`, ...) answer on the chat
 * completions API; the Jurassic-2 names (`j2-ultra`, ...) on the retired J2 complete API.
 */
export function isJambaModel(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith('jamba-');
}
