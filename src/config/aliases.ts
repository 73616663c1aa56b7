/**
 * What YAML aliases make of a document. js-yaml (like PyYAML) gives an alias the very value of its
 * anchor, not a copy, so the parsed document can hold itself (`a: &a [*a]`) or be nested far deeper
 * than written (each anchor aliasing the one before), and every later pass over it (which walks
 * it as a tree) would overflow the stack; or it can hold billions of values in a few lines (each
 * anchor a list of ten aliases of the one before: "billion laughs"), which those passes would take
 * minutes and gigabytes to copy. Such a document is refused first, by one pass that visits each
 * value once.
 */
import type { ConfigIssue } from './config-error';
import { Yaml11Scalar } from './yaml-1-1';
import { childPath } from './yaml-path';

/** js-yaml's own limit on nesting as written: aliases may not nest a value deeper either. */
export const MAX_NESTING = 100;

/**
 * How many values a document may hold once its aliases are read: ten times a large config (ten
 * thousand endpoints), which the loader checks in well under a second.
 */
export const MAX_VALUES = 1_000_000;

/** One pass over a document. */
interface Walk {
  /** How deep each value already visited nests, and how many values it holds; the ones being visited are not in it yet. */
  shapes: Map<object, Shape>;
  visiting: Set<object>;
  /** Whether a value was met a second time: a document as written may be large, only aliases multiply it. */
  aliasMet: boolean;
}

interface Shape {
  height: number;
  size: number;
}

class AliasProblem extends Error {
  constructor(readonly issue: ConfigIssue) {
    super(issue.message);
  }
}

const childrenOf = (value: object): [string | number, unknown][] =>
  value instanceof Yaml11Scalar ? [] : Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);

const SCALAR: Shape = { height: 0, size: 1 };

/** How deep `value` nests and how much it holds; throws AliasProblem for a value inside itself, nested too deep or too large. */
function shapeOf(value: unknown, path: string, depth: number, walk: Walk): Shape {
  if (typeof value !== 'object' || value === null) return SCALAR;
  const known = walk.shapes.get(value);
  if (known !== undefined) {
    walk.aliasMet = true;
    if (depth + known.height > MAX_NESTING) throw new AliasProblem(tooDeep(path));
    return known;
  }
  if (walk.visiting.has(value)) {
    throw new AliasProblem({ path, message: 'is an alias (*name) of a value that holds it: a config cannot contain itself, write the value out instead' });
  }
  if (depth >= MAX_NESTING) throw new AliasProblem(tooDeep(path));
  walk.visiting.add(value);
  const shape = { height: 0, size: 1 };
  for (const [key, child] of childrenOf(value)) {
    const childShape = shapeOf(child, childPath(path, key), depth + 1, walk);
    shape.height = Math.max(shape.height, 1 + childShape.height);
    shape.size += childShape.size;
    if (shape.size > MAX_VALUES && walk.aliasMet) throw new AliasProblem(tooLarge(path));
  }
  walk.visiting.delete(value);
  walk.shapes.set(value, shape);
  return shape;
}

const tooDeep = (path: string): ConfigIssue => ({
  path,
  message: `nests values more than ${MAX_NESTING} levels deep once its aliases (*name) are read: a config is only a few levels deep, check which anchor each alias names`,
});

const tooLarge = (path: string): ConfigIssue => ({
  path,
  message: `${path === '' ? 'the file ' : ''}holds more than ${MAX_VALUES.toLocaleString('en')} values once its aliases (*name) are read (each alias of an alias multiplies them): check which anchor each alias names`,
});

/** The problem aliases make of `document`, or null when it is a tree of reasonable depth and size. */
export function aliasIssue(document: Record<string, unknown>): ConfigIssue | null {
  try {
    shapeOf(document, '', 0, { shapes: new Map(), visiting: new Set(), aliasMet: false });
    return null;
  } catch (error) {
    if (error instanceof AliasProblem) return error.issue;
    throw error;
  }
}
