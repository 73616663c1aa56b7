/**
 * Values whose YAML tag the gateway cannot apply: a tag it does not read (`!!binary`, `!!set`, a
 * local `!secret`), or a standard one whose value does not fit (`!!float abc`, `!!str [a]`). js-yaml
 * stops at the first, which hid every other problem of the file. Read again with every tag
 * accepted, such a value is kept as written without its tag, so that the rest of the file is
 * checked and each tag is reported beside the other problems, at its YAML path.
 * The text after a `!` is never quoted: an unquoted secret may start with one.
 */
import { load as parseYaml, Type as YamlType, YAMLException, type Schema, type State } from 'js-yaml';
import { MAX_NESTING } from './aliases';
import type { ConfigIssue } from './config-error';
import { formatYamlPath, isRecord, type YamlPathSegment } from './yaml-path';

/** What PyYAML's safe loader reads, so a tag of YAML's own: the only tags named in messages. */
const STANDARD_TAG = /^tag:yaml\.org,2002:(binary|bool|float|int|map|merge|null|omap|pairs|seq|set|str|timestamp)$/;

/** The standard tags the gateway reads, and what their value must be. */
const STANDARD_TAG_KINDS: Readonly<Record<string, string>> = { float: 'a number', int: 'a whole number', bool: 'a boolean', null: 'null', str: 'text', seq: 'a list', map: 'a mapping' };

/** `!!float`, when `tag` is a standard tag; null for any other (a local `!name`, `!!anything-else`). */
export function standardTagName(tag: string): string | null {
  return STANDARD_TAG.exec(tag)?.[1] ?? null;
}

/** What is wrong with a value tagged `tag` (js-yaml's full tag, `tag:yaml.org,2002:float` or `!name`). */
export function tagProblem(tag: string): string {
  const name = standardTagName(tag);
  if (name === null) return "starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text";
  if (!Object.hasOwn(STANDARD_TAG_KINDS, name)) return `is tagged !!${name}, which the gateway does not read: write the value without the tag`;
  return `is tagged !!${name} and cannot be read as ${STANDARD_TAG_KINDS[name]} (PyYAML refuses it too): write it without the tag, or quote it if it is text`;
}

/** A value whose tag could not be applied: its reading without the tag, and where it starts. */
class UnappliedTag {
  line = 0;
  column = 0;
  /** Whether js-yaml made it a mapping key (by `toString`, which it calls only on a value with its own toStringTag). */
  usedAsKey = false;

  constructor(
    readonly tag: string,
    readonly value: unknown,
  ) {}

  get [Symbol.toStringTag](): string {
    return 'UnappliedTag';
  }

  toString(): string {
    this.usedAsKey = true;
    return typeof this.value === 'string' ? this.value : '[object Object]';
  }
}

/** js-yaml's tag table of a schema (not in its typings): every tag it reads, by tag. */
function typesOf(schema: Schema): YamlType[] {
  const compiled = (schema as unknown as { compiledTypeMap?: { fallback?: Record<string, YamlType> } }).compiledTypeMap?.fallback;
  return Object.values(compiled ?? {});
}

/** A type's tag (js-yaml has it; its typings do not). */
const tagOf = (type: YamlType): string => (type as unknown as { tag: string }).tag;

/** `schema` reading any explicit tag: as it does when the value fits, else as an UnappliedTag. */
function tolerantSchema(schema: Schema): Schema {
  const tolerant = typesOf(schema).map(
    (type) =>
      new YamlType(tagOf(type), {
        kind: type.kind ?? 'scalar',
        resolve: () => true,
        construct: (data: unknown) => (type.resolve(data) ? type.construct(data) : new UnappliedTag(tagOf(type), data)),
      }),
  );
  // A multi type with an empty prefix matches every tag the schema has no type for (of that kind).
  const anyOther = (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) => new YamlType('', { kind, multi: true, resolve: () => true, construct: (data: unknown, tag?: string) => new UnappliedTag(tag ?? '', data) }),
  );
  return schema.extend({ explicit: [...tolerant, ...anyOther] });
}

const tolerantSchemas = new WeakMap<Schema, Schema>();

/** js-yaml's reason for a key written twice in one mapping. */
export const DUPLICATED_KEY = 'duplicated mapping key';

/**
 * The document with every value whose tag cannot be applied read without its tag, and an issue for
 * each; `repeatedKey`: the error at the first key written twice in one mapping (PyYAML reads the
 * last one, and so does the document), null when none is; the error where the text cannot be read
 * even so (a syntax error, a malformed tag).
 */
export function readPastTags(text: string, schema: Schema): { document: unknown; issues: ConfigIssue[]; repeatedKey: YAMLException | null } | { error: YAMLException } {
  let tolerant = tolerantSchemas.get(schema);
  if (tolerant === undefined) tolerantSchemas.set(schema, (tolerant = tolerantSchema(schema)));
  let reading: { document: unknown; unapplied: Set<UnappliedTag> };
  let repeatedKey: YAMLException | null = null;
  try {
    try {
      reading = readTolerantly(text, tolerant, false);
    } catch (error) {
      if (!(error instanceof YAMLException) || error.reason !== DUPLICATED_KEY) throw error;
      repeatedKey = error;
      // `json: true`: the repeated key wins over the earlier one, as in PyYAML, instead of failing.
      reading = readTolerantly(text, tolerant, true);
    }
  } catch (error) {
    if (error instanceof YAMLException) return { error };
    throw error;
  }
  const placed = new Map<UnappliedTag, YamlPathSegment[]>();
  const untagged = withoutUnappliedTags(reading.document, [], placed, new Set());
  // js-yaml may construct a value twice (trying it as a key first): the one kept is in the document, or a key.
  const issues = [...reading.unapplied].flatMap((value) => {
    const path = placed.get(value);
    if (path !== undefined) return [{ path: formatYamlPath(path), message: `${tagProblem(value.tag)} (line ${value.line}, column ${value.column})` }];
    // A key has no path of its own, only its place in the file.
    return value.usedAsKey ? [{ path: `a key at line ${value.line}, column ${value.column}`, message: tagProblem(value.tag) }] : [];
  });
  return { document: untagged, issues, repeatedKey };
}

/** One reading of `text` with the tolerant schema: the document and each UnappliedTag made, with where it starts. */
function readTolerantly(text: string, tolerant: Schema, json: boolean): { document: unknown; unapplied: Set<UnappliedTag> } {
  const opened: ReadPosition[] = [];
  const unapplied = new Set<UnappliedTag>();
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      opened.push({ position: state.position, line: state.line, lineStart: state.lineStart });
      return;
    }
    const start = opened.pop();
    if (state.result instanceof UnappliedTag && start !== undefined && !unapplied.has(state.result)) {
      Object.assign(state.result, nodeStart(state.input, start));
      unapplied.add(state.result);
    }
  };
  return { document: parseYaml(text, { schema: tolerant, json, listener }), unapplied };
}

/** Where js-yaml was when it opened a node (0-based line). */
interface ReadPosition {
  position: number;
  line: number;
  lineStart: number;
}

/** Where the node opened at `opened` starts: past the spaces, line breaks and comments before it (1-based). */
function nodeStart(input: string, opened: ReadPosition): { line: number; column: number } {
  let { position, line, lineStart } = opened;
  for (;;) {
    const character = input[position];
    if (character === ' ' || character === '\t' || character === '\r') position += 1;
    else if (character === '\n') {
      position += 1;
      line += 1;
      lineStart = position;
    } else if (character === '#') {
      while (position < input.length && input[position] !== '\n') position += 1;
    } else break;
  }
  return { line: line + 1, column: position - lineStart + 1 };
}

/** `node` with each UnappliedTag replaced by its untagged value (in place: the document is the check's own), their paths noted in `placed`. */
function withoutUnappliedTags(node: unknown, path: YamlPathSegment[], placed: Map<UnappliedTag, YamlPathSegment[]>, seen: Set<object>): unknown {
  if (node instanceof UnappliedTag) {
    if (!placed.has(node)) placed.set(node, path);
    return withoutUnappliedTags(node.value, path, placed, seen);
  }
  // An alias is the same object at several paths; each is walked once. Aliases nesting deeper than
  // MAX_NESTING are refused by aliasIssue, which needs no path below it.
  if (typeof node !== 'object' || node === null || seen.has(node) || path.length > MAX_NESTING) return node;
  seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, index) => (node[index] = withoutUnappliedTags(item, [...path, index], placed, seen)));
  } else if (isRecord(node)) {
    // Assigned in place: js-yaml made a `__proto__:` key an own key, so this sets that key, not the prototype.
    for (const key of Object.keys(node)) node[key] = withoutUnappliedTags(node[key], [...path, key], placed, seen);
  }
  return node;
}
