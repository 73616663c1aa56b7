/**
 * Plain scalars that MLflow's PyYAML (YAML 1.1) reads as numbers or booleans and js-yaml's YAML 1.2
 * core schema reads otherwise: `1_000`, `0x1F`, `017` (octal), `1:30` (sexagesimal, 90), `0b101`,
 * `1_000.5`, `1:30.5` (90.5) and yes/no/on/off; and `1e3`, which PyYAML reads as text (YAML 1.2:
 * 1000). The parser keeps each number or boolean as a Yaml11Scalar holding both readings; the loader
 * takes PyYAML's where the config schema wants a number or boolean (typed-by-schema.ts) and the
 * text written everywhere else, so a key `on:`, a model name or a secret such as `no` or `0x5f…`
 * stays the string it looks like. An explicit `!!float` is read as PyYAML constructs it, whatever
 * its spelling (`!!float 1e3`).
 */
import { Type as YamlType } from 'js-yaml';
import { mapInSlices, type Steps } from './slices';
import { isRecord } from './yaml-path';

/** A plain scalar as written, and what PyYAML reads it as. */
export class Yaml11Scalar {
  constructor(
    readonly text: string,
    readonly value: number | boolean,
  ) {}

  // js-yaml turns a mapping key that is a plain object into '[object Object]'; a tag of its own
  // makes it use toString, so the key is the text written.
  get [Symbol.toStringTag](): string {
    return 'Yaml11Scalar';
  }

  toString(): string {
    return this.text;
  }
}

/** PyYAML's booleans; YAML 1.2 has only the true/false ones. */
const YAML_1_1_BOOLEANS: Record<string, boolean> = Object.fromEntries(
  ['yes', 'no', 'true', 'false', 'on', 'off'].flatMap((word) => {
    const value = word === 'yes' || word === 'true' || word === 'on';
    const spellings = [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()];
    return spellings.map((spelling) => [spelling, value]);
  }),
);

// Same tag as the core schema's boolean, so it replaces that one.
export const yaml11BooleanType = new YamlType('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && Object.hasOwn(YAML_1_1_BOOLEANS, data),
  construct: (data: string) => (/^(true|false)$/i.test(data) ? YAML_1_1_BOOLEANS[data] : new Yaml11Scalar(data, YAML_1_1_BOOLEANS[data])),
  predicate: (value: unknown) => typeof value === 'boolean',
});

/** PyYAML's int resolver (resolver.py); `0o17` is none of these, so it is text, as in PyYAML. */
const YAML_1_1_INT = /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const DECIMAL = /^[-+]?(?:0|[1-9][0-9]*)$/;

/** PyYAML's construct_yaml_int: underscores dropped, then binary, hex, octal, base 60 or decimal. */
function pyYamlInt(text: string): number {
  const digits = text.replace(/_/g, '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const unsigned = digits.replace(/^[-+]/, '');
  if (unsigned.startsWith('0b')) return sign * parseInt(unsigned.slice(2), 2);
  if (unsigned.startsWith('0x')) return sign * parseInt(unsigned.slice(2), 16);
  if (unsigned.length > 1 && unsigned.startsWith('0')) return sign * parseInt(unsigned, 8);
  return sign * unsigned.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

// Same tag as the core schema's int, so it replaces that one. Spellings with nothing but `_`
// after a prefix (`0x_`) are left as text: PyYAML fails on them.
export const yaml11IntType = new YamlType('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && YAML_1_1_INT.test(data) && !Number.isNaN(pyYamlInt(data)),
  construct: (data: string) => (DECIMAL.test(data) ? Number(data) : new Yaml11Scalar(data, pyYamlInt(data))),
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
});

/**
 * PyYAML's float resolver (resolver.py): a dot is required and an exponent needs its sign, so
 * `1e3` and `1.0e3` are text there (pydantic then reads them for a float, not for an int).
 */
const YAML_1_1_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** What Python's float() reads, lower-cased: a decimal with an optional exponent (no dot needed), inf, infinity or nan. */
const PYTHON_FLOAT = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|inf|infinity|nan)$/;

/** Python's float() of one part, blanks around it allowed; null where it raises. */
function pythonFloat(text: string): number | null {
  const trimmed = text.trim();
  if (!PYTHON_FLOAT.test(trimmed)) return null;
  const unsigned = trimmed.replace(/^[-+]/, '');
  if (unsigned === 'nan') return NaN;
  if (unsigned.startsWith('inf')) return trimmed.startsWith('-') ? -Infinity : Infinity;
  return Number(trimmed);
}

/**
 * PyYAML's construct_yaml_float (constructor.py): underscores dropped, lower-cased, one sign taken
 * off, then .inf, .nan, base 60 (`:`) or Python's float() of the rest; null where PyYAML fails.
 */
function pyYamlFloat(text: string): number | null {
  const lower = text.replace(/_/g, '').toLowerCase();
  if (lower === '') return null;
  const sign = lower.startsWith('-') ? -1 : 1;
  const unsigned = /^[-+]/.test(lower) ? lower.slice(1) : lower;
  if (unsigned === '.inf') return sign * Infinity;
  if (unsigned === '.nan') return NaN;
  const parts = unsigned.split(':').map(pythonFloat);
  return parts.some((part) => part === null) ? null : sign * parts.reduce<number>((total, part) => total * 60 + (part as number), 0);
}

// Same tag as the core schema's float, so it replaces that one. A spelling YAML 1.2 reads the same
// (`0.5`, `1.5e+3`, `.inf`) is a number; `1_000.5` and `1:30.5` keep their text beside PyYAML's reading.
export const yaml11FloatType = new YamlType('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && YAML_1_1_FLOAT.test(data),
  construct: (data: string) => (/[_:]/.test(data) ? new Yaml11Scalar(data, pyYamlFloat(data) as number) : (pyYamlFloat(data) as number)),
  predicate: (value: unknown) => typeof value === 'number' && !Number.isInteger(value),
});

/**
 * An explicit `!!float`: PyYAML applies its resolver's pattern to plain scalars only, and constructs
 * a tagged one with construct_yaml_float whatever its spelling, so `!!float 1`, `!!float 1e3` and
 * `!!float inf` are numbers (js-yaml would apply the pattern to them too, and refuse them). Listed
 * as explicit, this type is the one js-yaml takes for the tag; the implicit one still reads untagged
 * scalars. The tag says number, so the number is kept everywhere, as PyYAML keeps it.
 */
export const yaml11ExplicitFloatType = new YamlType('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && pyYamlFloat(data) !== null,
  construct: (data: string) => pyYamlFloat(data) as number,
});

/** Where a value is in the document, as a JSON pointer (Ajv's instancePath). */
export type JsonPointer = string;

const pointerSegment = (key: string | number) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The document with each Yaml11Scalar replaced by its text, and PyYAML's reading of each by
 * where it was. An anchor's value used twice is read at both places. The top-level lists
 * (`endpoints`, `routes`) are copied in slices: a large config has thousands of items.
 */
export function* separateYaml11Readings(document: Record<string, unknown>): Steps<{ document: Record<string, unknown>; readings: Map<JsonPointer, number | boolean> }> {
  const readings = new Map<JsonPointer, number | boolean>();
  const textOf = (value: unknown, pointer: JsonPointer): unknown => {
    if (value instanceof Yaml11Scalar) {
      readings.set(pointer, value.value);
      return value.text;
    }
    if (Array.isArray(value)) return value.map((item, index) => childText(item, pointer, index));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, childText(item, pointer, key)]));
    return value;
  };
  // Only an object (a Yaml11Scalar, a list, a mapping) needs its pointer: a large config holds tens of thousands of plain scalars.
  const childText = (item: unknown, pointer: JsonPointer, key: string | number): unknown =>
    typeof item === 'object' && item !== null ? textOf(item, pointer + pointerSegment(key)) : item;
  const sections: [string, unknown][] = [];
  for (const [key, value] of Object.entries(document)) {
    sections.push([key, Array.isArray(value) ? yield* mapInSlices(value, (item, index) => childText(item, pointerSegment(key), index)) : childText(value, '', key)]);
  }
  return { document: Object.fromEntries(sections), readings };
}
