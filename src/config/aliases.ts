/**
 * What YAML aliases make of a document. js-yaml (like PyYAML) gives an alias the very value of its
 * anchor, not a copy, so the parsed document can hold itself (`a: &a [*a]`) or be nested far deeper
 * than written (each anchor aliasing the one before), and every later pass over it (which walks
 * it as a tree) would overflow the stack. Such a document is refused first, by one pass that visits
 * each value once.
 */
import type { ConfigIssue } from './config-error';
import { Yaml11Scalar } from './yaml-1-1';
import { childPath } from './yaml-path';

/** js-yaml's own limit on nesting as written: aliases may not nest a value deeper either. */
export const MAX_NESTING = 100;

/** The nesting under each value already visited; the ones being visited are not in it yet. */
type Heights = Map<object, number>;

class AliasProblem extends Error {
  constructor(readonly issue: ConfigIssue) {
    super(issue.message);
  }
}

const childrenOf = (value: object): [string | number, unknown][] =>
  value instanceof Yaml11Scalar ? [] : Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);

/** How deep `value` nests (0 for a scalar); throws AliasProblem for a value inside itself or nested too deep. */
function heightOf(value: unknown, path: string, depth: number, heights: Heights, visiting: Set<object>): number {
  if (typeof value !== 'object' || value === null) return 0;
  const known = heights.get(value);
  if (known !== undefined) {
    if (depth + known > MAX_NESTING) throw new AliasProblem(tooDeep(path));
    return known;
  }
  if (visiting.has(value)) {
    throw new AliasProblem({ path, message: 'is an alias (*name) of a value that holds it: a config cannot contain itself, write the value out instead' });
  }
  if (depth >= MAX_NESTING) throw new AliasProblem(tooDeep(path));
  visiting.add(value);
  let height = 0;
  for (const [key, child] of childrenOf(value)) height = Math.max(height, 1 + heightOf(child, childPath(path, key), depth + 1, heights, visiting));
  visiting.delete(value);
  heights.set(value, height);
  return height;
}

const tooDeep = (path: string): ConfigIssue => ({
  path,
  message: `nests values more than ${MAX_NESTING} levels deep once its aliases (*name) are read: a config is only a few levels deep, check which anchor each alias names`,
});

/** The problem aliases make of `document`, or null when it is a tree of reasonable depth. */
export function aliasIssue(document: Record<string, unknown>): ConfigIssue | null {
  try {
    heightOf(document, '', 0, new Map(), new Set());
    return null;
  } catch (error) {
    if (error instanceof AliasProblem) return error.issue;
    throw error;
  }
}
