import { execFileSync } from 'node:child_process';
import { parsedSize, scanJson } from '../../../src/server/json-scan';

const passed = (text: string, limits: { maxJsonDepth?: number; maxJsonKeys?: number } = {}) =>
  scanJson(Buffer.from(text), { maxJsonDepth: limits.maxJsonDepth ?? 64, maxJsonKeys: limits.maxJsonKeys ?? 1000 }).finding;

test('nesting is counted outside strings, escapes included', () => {
  expect(passed('1', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('{"a":[1,{"b":[]}]}', { maxJsonDepth: 4 })).toBeNull();
  expect(passed('{"a":[1,{"b":[]}]}', { maxJsonDepth: 3 })).toBe('depth');
  expect(passed('{"a":"[[[{{{"}', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('{"a":"\\"[[["}', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('["\\\\",[[]]]', { maxJsonDepth: 3 })).toBeNull();
  expect(passed('["\\\\",[[]]]', { maxJsonDepth: 2 })).toBe('depth');
  // A quote after an odd run of backslashes is in the string; after an even run, it ends it.
  expect(passed('["\\\\\\"[[[",1]', { maxJsonDepth: 1 })).toBeNull();
  expect(passed('["\\\\\\\\",[[]]]', { maxJsonDepth: 2 })).toBe('depth');
  // An unclosed string runs to the end of the body.
  expect(passed('[["[[[[', { maxJsonDepth: 2 })).toBeNull();
  expect(passed('['.repeat(1_000_000), { maxJsonDepth: 10 })).toBe('depth');
});

test('a string is passed over, not read byte by byte: a body holding a 1 MB image URL is read at fewer than 1,000 places', () => {
  const bytes = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(1_000_000)}` } }] }] }));
  let reads = 0;
  const counted = new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && key.charCodeAt(0) >= 0x30 && key.charCodeAt(0) <= 0x39) reads += 1;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  expect(scanJson(counted, { maxJsonDepth: 64, maxJsonKeys: 1000 }).finding).toBeNull();
  expect(reads).toBeLessThan(1_000);
});

test('keys are counted per object, outside strings; arrays are not limited', () => {
  const object = (keys: number) => `{${Array.from({ length: keys }, (_, index) => `"k${index}":${index}`).join(',')}}`;
  expect(passed(object(3), { maxJsonKeys: 3 })).toBeNull();
  expect(passed(object(4), { maxJsonKeys: 3 })).toBe('keys');
  expect(passed('{}', { maxJsonKeys: 1 })).toBeNull();
  // Commas in strings, in nested objects and in arrays are not the object's keys.
  expect(passed('{"a":"x,y,z,w","b":[1,2,3,4,5],"c":{"d":1,"e":2}}', { maxJsonKeys: 3 })).toBeNull();
  expect(passed('{"a":{"b":1,"c":2,"d":3,"e":4}}', { maxJsonKeys: 3 })).toBe('keys');
  expect(passed(`[${Array.from({ length: 5000 }, () => object(2)).join(',')}]`, { maxJsonKeys: 2 })).toBeNull();
  expect(passed(`{"messages":[${object(2)},${object(3)}],"x":1}`, { maxJsonKeys: 2 })).toBe('keys');
  // An object's count goes on after a nested one closes.
  expect(passed('{"a":{"x":1},"b":{"y":2},"c":3}', { maxJsonKeys: 2 })).toBe('keys');
});

test('a number that may be beyond a 64-bit float is noted outside strings: an exponent of three digits, or 210 characters', () => {
  expect(passed('{"top_k":1e999}')).toBe('long-number');
  expect(passed('{"a":[1,-1E+400]}')).toBe('long-number');
  expect(passed('1e999')).toBe('long-number');
  expect(passed(`{"a":${'9'.repeat(210)}}`)).toBe('long-number');
  expect(passed('9'.repeat(210))).toBe('long-number');
  expect(passed(`[${'9'.repeat(209)}, 1]`)).toBeNull();
  expect(passed('{"a":1e99,"b":1e-999,"c":true,"d":false,"e":null}')).toBeNull();
  expect(passed(`{"text":"1e999 ${'9'.repeat(400)}"}`)).toBeNull();
  // The limits still win: they are checked before anything is parsed.
  expect(passed('[1e999,[[[]]]]', { maxJsonDepth: 3 })).toBe('depth');
});

test('every number JSON.parse reads as Infinity is noted, at every length of digits and exponent around the limit', () => {
  const numbers = [];
  for (let digits = 1; digits <= 320; digits += 1) {
    const nearLimit = Math.max(0, 309 - digits);
    for (const exponent of ['', 'e99', 'E+99', 'e098', `e${nearLimit}`, `e+${nearLimit + 1}`]) numbers.push(`-${'9'.repeat(digits)}.5${exponent}`);
  }
  const infinite = numbers.filter((number) => !Number.isFinite(JSON.parse(number)));
  expect(infinite.length).toBeGreaterThan(100);
  for (const number of infinite) {
    expect([number, passed(`{"a":[${number}]}`)]).toEqual([number, 'long-number']);
    expect([number, passed(number)]).toEqual([number, 'long-number']);
  }
});

const scanned = (text: string) => scanJson(Buffer.from(text), { maxJsonDepth: 64, maxJsonKeys: 1000 });
const estimate = (text: string) => parsedSize(Buffer.byteLength(text), scanned(text));

test('parsedSize: the text, and 64 bytes for each array or object and 16 for each value after a container\'s first, counted outside strings', () => {
  expect(scanned('[{},[],{"a":[1,2]}]')).toEqual({ finding: null, containers: 5, commas: 3 });
  expect(estimate('{}')).toBe(2 + 64);
  expect(estimate('[{},{}]')).toBe(7 + 3 * 64 + 16);
  expect(estimate('[1,2,3]')).toBe(7 + 64 + 2 * 16);
  expect(estimate('{"a":"[{},{}], [1,2,3]"}')).toBe(24 + 64);
  expect(estimate('"x"')).toBe(3);
  expect(estimate('')).toBe(0);
});

/** A valid chat request whose one tool's JSON Schema (kept for the whole call) holds `items`. */
const inTool = (items: string) => `{"model":"chat","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","enum":[${items}]}}}]}`;
const repeated = (item: string, bytes: number) => Array<string>(Math.floor(bytes / (item.length + 1))).fill(item).join(',');

/**
 * The heap `copies` parsed copies of `text` take, per copy, after a full collection (as requests
 * waiting on a model keep them). Measured in a fresh node, with the flags of `npm start`: in a jest
 * worker, what earlier test files left behind may be freed between the two readings (once, under a
 * full parallel run, `{}` read below 3.5 times its bytes, where it takes 21).
 */
function parsedHeap(text: string, copies = 8): number {
  const measure = `
    const text = require('node:fs').readFileSync(0, 'utf8');
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: ${copies} }, () => JSON.parse(text));
    gc();
    process.stdout.write(String((process.memoryUsage().heapUsed - before) / kept.length));`;
  const flags = ['--max-semi-space-size=16', '--liftoff-only', '--heap-growing-percent=50', '--expose-gc'];
  return Number(execFileSync(process.execPath, [...flags, '-e', measure], { input: text, encoding: 'utf8' }));
}

test('parsedSize is at least the heap a body of tiny containers or values takes once parsed, 4 to 23 times its bytes, where the raw bytes count once', () => {
  for (const item of ['{}', '[]', '[[[[]]]]', '{"a":1}', '1', '"x",1.5']) {
    const text = inTool(repeated(item, 200_000));
    const heap = parsedHeap(text);
    expect([item, heap > 3.5 * text.length]).toEqual([item, true]);
    expect([item, estimate(text) >= heap]).toEqual([item, true]);
  }
});

test('parsedSize of an ordinary chat body is close to its bytes (text takes about its size once parsed)', () => {
  const image = `data:image/png;base64,${Buffer.alloc(300_000, 7).toString('base64')}`;
  const results = JSON.stringify({ results: Array.from({ length: 20 }, (_, index) => ({ title: `Result ${index}`, url: `https://example.com/${index}`, snippet: 'text '.repeat(40) })) });
  const body = JSON.stringify({
    model: 'chat',
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'What is in this image?' }, { type: 'image_url', image_url: { url: image } }] },
      ...Array.from({ length: 50 }, (_, index) => [
        { role: 'assistant', content: null, tool_calls: [{ id: `call_${index}`, type: 'function', function: { name: 'search', arguments: '{"query":"fox"}' } }] },
        { role: 'tool', tool_call_id: `call_${index}`, content: results },
      ]).flat(),
    ],
  });
  expect(estimate(body) / body.length).toBeGreaterThan(1);
  expect(estimate(body) / body.length).toBeLessThan(1.05);
});
