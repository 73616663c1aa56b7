/**
 * `npm run bench:parsed-size`: the heap a request body takes once parsed, per byte of its raw JSON,
 * beside json-scan.ts's estimate (`parsedSize`, which held-bodies.ts holds when it is more than the
 * raw bytes), for ordinary chat bodies and for bodies of tiny containers or values. Each body is
 * about 1 MB (`--bytes`); `--copies` of it (different ones where its strings or keys are) are parsed
 * and kept, as requests waiting on a slow model keep theirs, and the heap measured after a full
 * collection, under the flags `npm start` uses.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';

/** The built scan (dist/src/server/json-scan.js); bench/ compiles apart from src/. */
interface JsonScanModule {
  scanJson(bytes: Uint8Array, limits: { maxJsonDepth: number; maxJsonKeys: number }): unknown;
  parsedSize(length: number, scan: unknown): number;
}
const { scanJson, parsedSize } = require(join(__dirname, '..', 'src', 'server', 'json-scan.js')) as JsonScanModule;

const { values } = parseArgs({ args: process.argv.slice(2), options: { bytes: { type: 'string' }, copies: { type: 'string' } }, strict: true });
const BYTES = Number(values.bytes ?? 1_000_000);
const COPIES = Number(values.copies ?? 8);

const WORDS = 'the quick brown fox jumps over the lazy dog while the model thinks about a long answer'.split(' ');
const prose = (length: number, end = ''): string => {
  let text = '';
  for (let index = 0; text.length < length; index += 1) text += WORDS[(index * 7) % WORDS.length] + (index % 13 === 12 ? '.\n' : ' ');
  return text.slice(0, length) + end;
};
const chat = (messages: unknown[]): string => JSON.stringify({ model: 'chat', messages });
const history = (perMessage: number, end = ''): string =>
  chat(Array.from({ length: Math.floor(BYTES / (perMessage + 40)) }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: prose(perMessage, end) })));
const toolResults = (): string => {
  const messages: unknown[] = [{ role: 'user', content: prose(200) }];
  for (let call = 0; chat(messages).length < BYTES; call += 1) {
    messages.push({ role: 'assistant', content: null, tool_calls: [{ id: `call_${call}`, type: 'function', function: { name: 'search', arguments: JSON.stringify({ query: prose(40), limit: 10 }) } }] });
    const results = Array.from({ length: 10 }, (_, index) => ({ title: prose(30), url: `https://example.com/${call}/${index}`, score: 0.5 + index / 100, snippet: prose(150) }));
    messages.push({ role: 'tool', tool_call_id: `call_${call}`, content: JSON.stringify({ results }) });
  }
  return chat(messages);
};
const image = (): string => {
  const png = Buffer.from(new Uint8Array(Math.floor(BYTES * 0.75)).map((_, index) => (index * 2654435761) >>> 24));
  return chat([{ role: 'user', content: [{ type: 'text', text: 'What is in this image?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }] }]);
};
/** A valid chat request whose one tool's JSON Schema holds `items` (an `enum`): kept for the whole call. */
const inTool = (items: string): string =>
  `{"model":"chat","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","enum":[${items}]}}}]}`;
const repeated = (item: string): string => Array<string>(Math.floor(BYTES / (item.length + 1))).fill(item).join(',');
/** Items made by `item(index)`, different in each copy (`copy`), as a client sending many would make them. */
const distinct = (copy: number, item: (index: string) => string): string => {
  const items: string[] = [];
  for (let index = 0, length = 0; length < BYTES; index += 1) {
    items.push(item(`${copy}_${index.toString(36)}`));
    length += items[items.length - 1].length + 1;
  }
  return items.join(',');
};

/** Each body by its name, as made for copy `copy`. */
const BODIES: Record<string, (copy: number) => string> = {
  'chat history, messages of 5 KB': () => history(5000),
  'the same, an emoji in each message': () => history(5000, '\u{1F642}'),
  'chat history, messages of 200 bytes': () => history(200),
  'a base64 image': image,
  'tool calls and JSON tool results': toolResults,
  '[{},{},…]': () => inTool(repeated('{}')),
  '[[],[],…]': () => inTool(repeated('[]')),
  '{"a":[[],[],…]}': () => inTool(`{"a":[${repeated('[]')}]}`),
  '[[[[]]]],…': () => inTool(repeated('[[[[]]]]')),
  '[{"a":1},…]': () => inTool(repeated('{"a":1}')),
  '[{"a":[]},…]': () => inTool(repeated('{"a":[]}')),
  '[1,1,…]': () => inTool(repeated('1')),
  '[1.5,1.5,…]': () => inTool(repeated('1.5')),
  '["x",1.5,…]': () => inTool(repeated('"x",1.5')),
  '["x","x",…]': () => inTool(repeated('"x"')),
  '[null,null,…]': () => inTool(repeated('null')),
  '["0_a","0_b",…] (each a new string)': (copy) => inTool(distinct(copy, (name) => `"${name}"`)),
  '[{"0_a":1},{"0_b":1},…] (each a new key)': (copy) => inTool(distinct(copy, (name) => `{"${name}":1}`)),
  'objects of 1000 new keys': (copy) => inTool(distinct(copy, (name) => `{${Array.from({ length: 1000 }, (_, key) => `"${name}_${key}":1`).join(',')}}`)),
};

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench:parsed-size does)');
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

console.log(`| body (about ${BYTES} bytes) | heap per byte, parsed | parsedSize per byte | heap / parsedSize |`);
console.log('|---|---|---|---|');
for (const [name, make] of Object.entries(BODIES)) {
  const raw = Array.from({ length: COPIES }, (_, copy) => Buffer.from(make(copy)));
  const estimate = parsedSize(raw[0].length, scanJson(raw[0], { maxJsonDepth: 64, maxJsonKeys: 1000 })) / raw[0].length;
  const kept: unknown[] = [];
  const before = heapUsed();
  for (const bytes of raw) kept.push(JSON.parse(bytes.toString('utf8')));
  const measured = (heapUsed() - before) / raw.reduce((sum, bytes) => sum + bytes.length, 0);
  console.log(`| ${name} | ${measured.toFixed(2)} | ${estimate.toFixed(2)} | ${(measured / estimate).toFixed(2)} |`);
  kept.length = 0;
}
