/**
 * What each union (`anyOf`, `oneOf`) of openapi/ takes, in words, for the messages of a value no
 * member takes: `prompt: must be a string, a non-empty array of strings, ...`. The words come from
 * the members' schemas (JSON types, `minItems`/`minLength` of 1, string enums, objects' `type` tags,
 * and a `title` where the type alone says too little: `token id`), so a schema change changes them.
 * Built once at load.
 */
import spec from '../../generated/openapi.json';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Calls `visit` with every schema object of openapi/ and its schema paths as Ajv writes them for its
 * errors: `#/components/schemas/Name/...`, and `#/...` from the root of a schema compiled on its own.
 */
export function forEachSchema(visit: (schema: Schema, paths: readonly string[]) => void): void {
  const walk = (node: unknown, paths: readonly string[]): void => {
    if (!isSchema(node) && !Array.isArray(node)) return;
    if (isSchema(node)) visit(node, paths);
    for (const [key, child] of Object.entries(node)) walk(child, paths.map((path) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  };
  for (const [name, schema] of Object.entries(spec.components.schemas)) walk(schema, [`#/components/schemas/${name}`, '#']);
}

/** "a, b or c"; each alternative once. */
export function joinAlternatives(alternatives: readonly string[]): string {
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

const components = spec.components.schemas as Record<string, Schema>;
const REF_PREFIX = '#/components/schemas/';

function resolved(schema: Schema): Schema {
  return typeof schema.$ref === 'string' && schema.$ref.startsWith(REF_PREFIX) ? (components[schema.$ref.slice(REF_PREFIX.length)] ?? schema) : schema;
}

const membersOf = (schema: Schema): Schema[] => [schema.oneOf, schema.anyOf].filter(Array.isArray).flat().filter(isSchema);
const typesOf = (schema: Schema): string[] => [schema.type].flat().filter((type): type is string => typeof type === 'string');

/** The `type` tags an object schema, or a union of them, takes: text, image_url, ... */
function tagsOf(schema: Schema): unknown[] {
  const object = resolved(schema);
  const tag = isSchema(object.properties) && isSchema(object.properties.type) ? object.properties.type : {};
  const own = tag.const !== undefined ? [tag.const] : Array.isArray(tag.enum) ? tag.enum : [];
  return [...own, ...membersOf(object).flatMap(tagsOf)];
}

/** An object, or a union of nothing but objects: told by the tags it takes. */
const isObjectSchema = (schema: Schema): boolean => {
  const types = typesOf(schema);
  const members = membersOf(schema);
  return types.length === 0 ? members.length > 0 && members.every((member) => isObjectSchema(resolved(member))) : types.length === 1 && types[0] === 'object';
};

type Count = 'one' | 'many';

const quoted = (values: unknown[]): string => joinAlternatives(values.filter((value) => value !== null).map((value) => JSON.stringify(value)));

function objectWords(tags: unknown[], count: Count): string {
  const noun = count === 'one' ? 'an object' : 'objects';
  return tags.length > 0 ? `${noun} (type ${quoted(tags)})` : noun;
}

const TYPE_WORDS: Record<string, Record<Count, string>> = {
  string: { one: 'a string', many: 'strings' },
  integer: { one: 'an integer', many: 'integers' },
  number: { one: 'a number', many: 'numbers' },
  boolean: { one: 'a boolean', many: 'booleans' },
  array: { one: 'an array', many: 'arrays' },
  null: { one: 'null', many: 'nulls' },
};

function typeWords(schema: Schema, type: string, count: Count): string {
  const nonEmpty = (key: string) => (typeof schema[key] === 'number' && (schema[key] as number) >= 1 ? 'non-empty ' : '');
  switch (type) {
    case 'object':
      return objectWords([...new Set(tagsOf(schema))], count);
    case 'array': {
      const list = `${count === 'one' ? (nonEmpty('minItems') ? 'a ' : 'an ') : ''}${nonEmpty('minItems')}${TYPE_WORDS.array[count].replace(/^an? /, '')}`;
      return isSchema(schema.items) ? `${list} of ${wordsFor(schema.items, 'many')}` : list;
    }
    case 'string': {
      const words = `${count === 'one' ? 'a ' : ''}${nonEmpty('minLength')}${TYPE_WORDS.string[count].replace(/^a /, '')}`;
      return Array.isArray(schema.enum) ? `${words} (${quoted(schema.enum)})` : words;
    }
    default:
      return TYPE_WORDS[type]?.[count] ?? type;
  }
}

/** A schema in words, as one value ("a non-empty array of token ids (integers)") or as a list's items ("token ids (integers)"). */
function wordsFor(schema: Schema, count: Count): string {
  const target = resolved(schema);
  const types = typesOf(target);
  if (typeof target.title === 'string') {
    const noun = count === 'one' ? `a ${target.title}` : `${target.title}s`;
    const type = types.length === 1 ? TYPE_WORDS[types[0]]?.[count].replace(/^an? /, '') : undefined;
    return type === undefined ? noun : `${noun} (${type})`;
  }
  if (isObjectSchema(target)) return objectWords([...new Set(tagsOf(target))], count);
  if (types.length === 0) return joinAlternatives(membersOf(target).map((member) => wordsFor(member, count)));
  return joinAlternatives(types.map((type) => typeWords(target, type, count)));
}

/** A union's members in words, its object members told as one object by all their tags. */
function membersInWords(members: Schema[]): string {
  const objects = members.filter((member) => isObjectSchema(resolved(member)) && typeof resolved(member).title !== 'string');
  const words = members.map((member) => (objects.includes(member) ? objectWords([...new Set(objects.flatMap(tagsOf))], 'one') : wordsFor(member, 'one')));
  return joinAlternatives(words);
}

/** A union in words. */
export interface UnionWords {
  /** What it takes: "a string, an object (type \"function\") or null". */
  members: string;
  /** Its members that are lists, each with the words for one of its items and for its items, and its items' JSON types. */
  lists: { member: number; item: string; items: string; itemTypes: string[] }[];
  /** Each member's JSON types (none for a member that is itself a union), to tell unions of one schema path apart. */
  memberTypes: string[][];
}

/** A union's schema path's errors: Ajv's `anyOf`/`oneOf` error and its members' errors. */
interface UnionFailure {
  schemaPath: string;
  /** The members' errors: schema path and, for a `type` error, the types Ajv names. */
  memberErrors: { schemaPath: string; types?: string[] }[];
}

/**
 * Unions by schema path (`.../anyOf`, `.../oneOf`). A path from the root of a schema compiled on its own
 * (`#/properties/content/oneOf`) may be several schemas' (ChatMessage's content, ResponsesInputMessage's).
 */
const unions = new Map<string, UnionWords[]>();
forEachSchema((schema, paths) => {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    const lists = members.flatMap((member: Schema, index) => {
      const list = resolved(member);
      return typesOf(list).join() === 'array' && isSchema(list.items) ? [{ member: index, item: wordsFor(list.items, 'one'), items: wordsFor(list.items, 'many'), itemTypes: typesOf(resolved(list.items)) }] : [];
    });
    const words: UnionWords = { members: membersInWords(members), lists, memberTypes: members.map((member: Schema) => typesOf(resolved(member))) };
    for (const path of paths.map((prefix) => `${prefix}/${keyword}`)) unions.set(path, [...(unions.get(path) ?? []), words]);
  }
});

/**
 * How a union's members match the errors of a failure: not at all (an error from a member it does not
 * have, or a `type` error naming other types than its member's), partly, or exactly (every member has
 * errors: a member holding a $ref reports its errors from its own root, so it may have none here).
 */
function fit(words: UnionWords, failure: UnionFailure): 'none' | 'partly' | 'exactly' {
  const prefix = `${failure.schemaPath}/`;
  const refused = new Set<number>();
  for (const { schemaPath, types } of failure.memberErrors) {
    const [member, keyword] = schemaPath.slice(prefix.length).split('/');
    const memberTypes = words.memberTypes[Number(member)];
    if (memberTypes === undefined || (keyword === 'type' && types !== undefined && memberTypes.join() !== types.join())) return 'none';
    refused.add(Number(member));
  }
  return refused.size === words.memberTypes.length ? 'exactly' : 'partly';
}

/** The words of the union a failure names, when all the unions of its schema path that fit it best say the same. */
export function unionWordsOf(failure: UnionFailure): UnionWords | undefined {
  const all = unions.get(failure.schemaPath) ?? [];
  const exact = all.filter((words) => fit(words, failure) === 'exactly');
  const candidates = exact.length > 0 ? exact : all.filter((words) => fit(words, failure) === 'partly');
  if (candidates.length === 0) return undefined;
  const [first] = candidates;
  const same = candidates.every((words) => words.members === first.members && JSON.stringify(words.lists) === JSON.stringify(first.lists));
  return same ? first : undefined;
}
