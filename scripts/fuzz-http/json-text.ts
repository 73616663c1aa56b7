/**
 * JSON text the fuzzer can write but JSON.stringify cannot: literal number spellings (`1e999`,
 * `-0`, 2^53 + 1), escapes of lone surrogates, and objects with a key twice or a `__proto__` key.
 */

/** Written out as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object written with its entries as listed, repeats included. */
export class ListedObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof ListedObject) return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A place in a JSON value: keys and indexes from the root. */
export type JsonPath = (string | number)[];

/** Every place in `value`, depth first, the root first. */
export function pathsOf(value: unknown, path: JsonPath = []): JsonPath[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((item, index) => pathsOf(item, [...path, index])));
  if (typeof value === 'object' && value !== null && !(value instanceof RawJson) && !(value instanceof ListedObject)) {
    return here.concat(...Object.entries(value).map(([key, item]) => pathsOf(item, [...path, key])));
  }
  return here;
}

/** `value` with the thing at `path` replaced by `replace(old)`; `undefined` removes it. */
export function replacedAt(value: unknown, path: JsonPath, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.map((item, index) => (index === head ? replacedAt(item, rest, replace) : item));
    return copy.filter((item, index) => !(index === head && item === undefined && rest.length === 0));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replacedAt(record[head], rest, replace) };
}

/** `a.b[0].c`, as the gateway names fields. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}
