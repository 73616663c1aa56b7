/**
 * Request body mutations: a valid body with one or two values replaced, removed, duplicated or
 * joined by hostile keys (typed mutations, which the gateway must refuse naming the field, or
 * serve); and its JSON text broken (which the gateway must refuse as invalid JSON or too large).
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { ListedObject, pathsOf, pathText, RawJson, replacedAt, toJsonText, type JsonPath } from './json-text';
import { oddText, type Random } from './random';

export interface MutatedBody {
  /** What was done, to reproduce and to read. */
  description: string;
  body: unknown;
  /** The places changed (a refusal's message must name a field of one of them). */
  paths: JsonPath[];
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'toJSON',
  'then',
  'length',
  '',
  '\u0000',
  'x'.repeat(300),
  'extra_field',
  'model',
  'stream',
  '$ref',
];

/** Nested arrays (or objects) `depth` levels deep around `inner`. */
function nested(depth: number, inner: string, objects: boolean): RawJson {
  return new RawJson(objects ? `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}` : `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`);
}

/** A value of the wrong type, an absurd size or an odd spelling. */
export function hostileValue(random: Random): unknown {
  return random.weighted<() => unknown>([
    [4, () => random.pick([null, true, false, 0, -1, 1.5, -0.0001, 2, 100, 2_147_483_648, 1e308, -1e308, '', [], {}, [null], [[]], [{}], { a: 1 }])],
    [3, () => new RawJson(random.pick(['1e999', '-1e999', '-0', '9007199254740993', '123456789012345678901234567890', '1e-400', '0.0000000000000000000001', '1E2', '-0.0']))],
    [4, () => oddText(random)],
    [1, () => nested(random.pick([10, 40, 63, 70]), '1', random.chance(0.5))],
    [1, () => Array.from({ length: random.pick([1_001, 20_000]) }, (_, index) => index)],
    [1, () => Array.from({ length: random.pick([200, 3_000]) }, () => ({ role: 'user', content: 'x' }))],
    [1, () => Object.fromEntries(Array.from({ length: random.pick([999, 1_001]) }, (_, index) => [`k${index}`, index]))],
    [
      1,
      () =>
        new ListedObject([
          ['__proto__', { polluted: true }],
          ['constructor', { prototype: { polluted: true } }],
        ]),
    ],
    [1, () => new RawJson(random.pick(['"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\u0000b"', '"\\uFFFF"']))],
  ])();
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawJson) && !(value instanceof ListedObject);
}

function valueAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((current, segment) => (current as Record<string | number, unknown>)[segment], value);
}

/** One mutation of `body` at a random place. */
function mutateOnce(random: Random, body: unknown): MutatedBody {
  const paths = pathsOf(body);
  const path = random.pick(paths);
  const at = pathText(path) || '(body)';
  const current = valueAt(body, path);
  const choice = random.weighted<string>([
    [8, 'replace'],
    [2, 'remove'],
    [isPlainRecord(current) ? 2 : 0, 'add-key'],
    [isPlainRecord(current) && Object.keys(current).length > 0 ? 2 : 0, 'duplicate-key'],
    [1, 'wrap'],
    [Array.isArray(current) ? 1 : 0, 'empty'],
    [1, 'stringify'],
  ]);
  switch (choice) {
    case 'remove':
      if (path.length === 0) return { description: 'body replaced by {}', body: {}, paths: [path] };
      return { description: `removed ${at}`, body: replacedAt(body, path, () => undefined), paths: [path] };
    case 'add-key': {
      const key = random.pick(HOSTILE_KEYS);
      const value = hostileValue(random);
      return {
        description: `added key ${JSON.stringify(key.slice(0, 20))} = ${describe(value)} at ${at}`,
        body: replacedAt(body, path, (old) => new ListedObject([...Object.entries(old as object), [key, value]])),
        paths: [[...path, key]],
      };
    }
    case 'duplicate-key': {
      const key = random.pick(Object.keys(current as object));
      const value = hostileValue(random);
      const first = random.chance(0.5);
      const listed = (old: unknown) => {
        const entries = Object.entries(old as object);
        return new ListedObject(first ? [[key, value], ...entries] : [...entries, [key, value]]);
      };
      return { description: `key ${key} at ${at} repeated ${first ? 'before' : 'after'} with ${describe(value)}`, body: replacedAt(body, path, listed), paths: [[...path, key]] };
    }
    case 'wrap':
      return { description: `${at} wrapped in an array`, body: replacedAt(body, path, (old) => [old]), paths: [path] };
    case 'empty':
      return { description: `${at} emptied`, body: replacedAt(body, path, () => []), paths: [path] };
    case 'stringify':
      return { description: `${at} sent as its JSON text`, body: replacedAt(body, path, (old) => toJsonText(old)), paths: [path] };
    default: {
      const value = hostileValue(random);
      return { description: `${at} = ${describe(value)}`, body: replacedAt(body, path, () => value), paths: [path] };
    }
  }
}

/** One mutation, sometimes two. */
export function mutateBody(random: Random, body: unknown): MutatedBody {
  const first = mutateOnce(random, body);
  if (!random.chance(0.2) || !isPlainRecord(first.body)) return first;
  const second = mutateOnce(random, first.body);
  return { description: `${first.description}; ${second.description}`, body: second.body, paths: [...first.paths, ...second.paths] };
}

/** A short description of a value for the report. */
export function describe(value: unknown): string {
  const text = value instanceof RawJson ? value.text : toJsonText(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
}

export interface BrokenBody {
  description: string;
  bytes: Buffer;
  /** Headers the breakage needs (Content-Encoding, a charset). */
  headers: [string, string][];
}

let bomb: Buffer | undefined;
/** 64 MB of spaces, gzipped (64 KB): made once. */
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')));

/** The text of a valid body broken as JSON or as bytes, or sent in an encoding. */
export function breakBody(random: Random, text: string): BrokenBody {
  const at = random.below(text.length + 1);
  const plain = (description: string, broken: string): BrokenBody => ({ description, bytes: Buffer.from(broken), headers: [] });
  return random.weighted<() => BrokenBody>([
    [3, () => plain(`cut at ${at}`, text.slice(0, at))],
    [2, () => plain(`inserted a character at ${at}`, text.slice(0, at) + random.pick(['{', '}', '[', ']', ',', ':', '"', '\\', 'a', '\u0000', '\n']) + text.slice(at))],
    [1, () => plain('trailing garbage', text + random.pick(['}', ',', ' x', '{}', '\u0000']))],
    [1, () => plain('NaN literal', text.replace(/\d+(\.\d+)?/, random.pick(['NaN', 'Infinity', '-Infinity', '+1', '01', '.5', '0x10'])))],
    [1, () => plain('single quotes', text.replace(/"/g, "'"))],
    [1, () => plain('a comment first', `// comment\n${text}`)],
    [1, () => plain('a byte order mark first', `\ufeff${text}`)],
    [1, () => plain('a JSON value that is not an object', random.pick(['', ' ', 'null', '[]', '"str"', '0', 'true', '[{}]', '{}']))],
    [
      1,
      () => ({
        description: 'invalid UTF-8 in a string',
        bytes: Buffer.concat([Buffer.from(text.slice(0, text.indexOf('"') + 1)), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(text.slice(text.indexOf('"') + 1))]),
        headers: [],
      }),
    ],
    [1, () => ({ description: 'UTF-16 with charset=utf-16', bytes: Buffer.from(`\ufeff${text}`, 'utf16le'), headers: [['Content-Type', 'application/json; charset=utf-16']] })],
    [1, () => ({ description: 'UTF-16 without a charset', bytes: Buffer.from(text, 'utf16le'), headers: [] })],
    [
      1,
      () => ({ description: 'latin1 with charset=iso-8859-1', bytes: Buffer.from(text.replace(/"([^"]*)"/, '"$1é"'), 'latin1'), headers: [['Content-Type', 'application/json; charset=iso-8859-1']] }),
    ],
    [1, () => ({ description: 'gzip', bytes: gzipSync(text), headers: [['Content-Encoding', 'gzip']] })],
    [1, () => ({ description: 'deflate', bytes: deflateSync(text), headers: [['Content-Encoding', 'deflate']] })],
    [1, () => ({ description: 'brotli', bytes: brotliCompressSync(text), headers: [['Content-Encoding', 'br']] })],
    [1, () => ({ description: 'says gzip, is not', bytes: Buffer.from(text), headers: [['Content-Encoding', 'gzip']] })],
    [1, () => ({ description: 'gzip cut short', bytes: gzipSync(text).subarray(0, 20), headers: [['Content-Encoding', 'gzip']] })],
    [1, () => ({ description: 'gzip bomb (64 MB of spaces)', bytes: gzipBomb(), headers: [['Content-Encoding', 'gzip']] })],
    [1, () => ({ description: 'gzip twice, said twice', bytes: gzipSync(gzipSync(text)), headers: [['Content-Encoding', 'gzip, gzip']] })],
    [1, () => ({ description: 'unknown content encoding', bytes: Buffer.from(text), headers: [['Content-Encoding', random.pick(['compress', 'x-custom', 'zstd', 'identity, gzip'])]] })],
    [1, () => plain('larger than server.max_body_size', text.replace(/^\{/, `{"padding":"${'p'.repeat(1_100_000)}",`))],
    [1, () => plain('deeper than server.max_json_depth', text.replace(/^\{/, `{"deep":${'['.repeat(70)}${']'.repeat(70)},`))],
    [1, () => plain('more keys than server.max_json_keys', text.replace(/^\{/, `{${Array.from({ length: 1_001 }, (_, index) => `"k${index}":0`).join(',')},`))],
  ])();
}
