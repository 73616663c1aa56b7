/** Local `$ref`s of a JSON Schema (`#`, `#/$defs/Name`, any JSON pointer into the same document). */
import { isRecord } from './json';

/** The node a local `$ref` points to, and its segments; null when there is none. */
export function resolveRef(root: Record<string, unknown>, ref: string): { node: unknown; segments: string[] } | null {
  const segments = ref === '#' ? [] : ref.slice(2).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const segment of segments) {
    // Own keys only: '#/constructor' or '#/$defs/__proto__' names nothing the client wrote.
    if ((!isRecord(node) && !Array.isArray(node)) || !Object.hasOwn(node, segment)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return node === undefined ? null : { node, segments };
}
