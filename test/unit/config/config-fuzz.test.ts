/**
 * Fuzzing the config loader (fast-check, fixed seed, bounded runs): valid configs (the README's
 * examples, the demo config, one with routes, limits, client keys, a rate-limit store and a plugin)
 * are mutated, as a tree (wrong types, nulls, missing and unknown keys, odd numbers, deep nesting,
 * repeated endpoints) and as text (anchors and aliases, tags, merge keys, stray characters, cuts,
 * a BOM), and loaded as start-up loads them and as a reload checks them. Whatever the input: only a
 * ConfigError is thrown, it names the file, each issue's path leads into the document (or is the
 * document itself, for a file that does not parse), no secret of the config is in its message, and
 * no case takes long.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SCHEMA, dump, load, Type as YamlType } from 'js-yaml';
import { ConfigError } from '../../../src/config/config-error';
import { decodeConfigBytes } from '../../../src/config/load';
import { createLimitBackend } from '../../../src/limits/limiter';
import { createMemoryStore } from '../../../src/limits/memory-store';
import { silentLogger } from '../../../src/server/logging';
import { compileConfigText, type LoadedConfig } from '../../../src/server/reload';
import { aliasBomb } from '../../support/config';
import { README_SECRET_FILE, readmeYamlBlocks } from '../../support/readme-yaml';
import { leastCpuMillisecondsUntilSettled } from '../../support/timeouts';

/** Beside README.md, so the plugin example's `./examples/provider-plugin-echo` is found. */
const CONFIG_PATH = resolve('fuzzed-config.yaml');
// FUZZ_SEED and FUZZ_RUNS explore further by hand (FUZZ_SEED=7 FUZZ_RUNS=5000 npx jest …); the suite runs the fixed ones.
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/**
 * A case (one load and one reload check) that takes more CPU time than this has found a slow path.
 * CPU time, not the clock's, so that waiting for the CPU on a loaded machine does not count.
 */
const CASE_BUDGET_MS = 1_500;

const LITERAL_SECRETS = {
  openai: 'sk-proj-FUZZliteral0penai1key77',
  client: 'gw-FUZZ-literal-client-key-9931',
  aws: 'wJalrFUZZsecretAccessKey0EXAMPLE42',
};

const ALL_FEATURES = `
plugins:
  - ./examples/provider-plugin-echo
server: { max_body_size: 2mb, request_timeout: 300 }
logging: { level: info }
defaults:
  timeouts: { first_byte: 30, idle: 30, total: 120 }
  retries: { max_attempts: 2 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: ${LITERAL_SECRETS.openai}, temperature: 0.2 } }
    limit: { renewal_period: 2 minutes, calls: 100, tokens: 20000 }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: $ANTHROPIC_API_KEY } }
  - name: bedrock
    endpoint_type: llm/v1/chat
    model:
      provider: amazon-bedrock
      name: anthropic.claude-3-5-sonnet-20240620-v1:0
      config:
        aws_config: { aws_region: us-east-1, aws_access_key_id: AKIAFUZZEXAMPLE12345, aws_secret_access_key: ${LITERAL_SECRETS.aws} }
  - name: talk
    endpoint_type: llm/v1/chat
    model: { provider: echo, name: echo-1, config: { prefix: "Echo: " } }
  - name: embed
    endpoint_type: llm/v1/embeddings
    model: { provider: mock, name: mock-embeddings }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: chat, traffic_percentage: 70 }
      - { name: claude, traffic_percentage: 30 }
    routing_strategy: TRAFFIC_SPLIT
auth:
  api_keys:
    - { name: ci, key: ${LITERAL_SECRETS.client}, endpoints: [chat, split] }
    - { name: ops, key: $OPS_CLIENT_KEY }
rate_limit_store: { type: redis, url: $REDIS_URL, on_error: open, timeout_ms: 250 }
`;

const readme = readFileSync('README.md', 'utf8');
const BASES = [...readmeYamlBlocks(readme).map((block) => block.text), readFileSync('examples/demo-config.yaml', 'utf8'), ALL_FEATURES];

/** Every `$NAME` gets a value of its own that looks like a key, so that a leak of any is seen. */
const environment = Object.fromEntries(BASES.flatMap((text) => [...text.matchAll(/\$([A-Z][A-Z0-9_]+)/g)]).map((match) => [match[1], `sk-env-${match[1]}-Q7x9FUZZ`]));
environment.REDIS_URL = 'redis://:FUZZredisPassw0rd31@redis.internal:6379/0';
const secretRoot = mkdtempSync(join(tmpdir(), 'config-fuzz-'));
const secretFiles = [...new Set(BASES.flatMap((text) => [...text.matchAll(README_SECRET_FILE)].map((match) => match[0])))];
const fileSecret = (path: string) => `file-secret-FUZZ${path.replace(/\W/g, '-')}-8841`;
const SECRETS = [...Object.values(environment), ...secretFiles.map(fileSecret), ...Object.values(LITERAL_SECRETS), 'FUZZredisPassw0rd31'];

const environmentBefore = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, environment);
  for (const path of secretFiles) {
    mkdirSync(dirname(join(secretRoot, path)), { recursive: true });
    writeFileSync(join(secretRoot, path), `${fileSecret(path)}\n`);
  }
});
afterAll(() => {
  for (const name of Object.keys(environment)) if (environmentBefore[name] === undefined) delete process.env[name];
  Object.assign(process.env, environmentBefore);
  rmSync(secretRoot, { recursive: true, force: true });
});

const withSecretFiles = (text: string) => text.replace(README_SECRET_FILE, (path) => join(secretRoot, path));
const limitBackend = createLimitBackend({ store: createMemoryStore(), label: 'memory', logger: silentLogger });
const compile = (text: string, served?: LoadedConfig) => compileConfigText(text, CONFIG_PATH, silentLogger, { limitBackend, served });

// ---- invariants ----------------------------------------------------------------------------

type Segment = string | number | { secretLike: string };

/** `endpoints[1].model["a.b"][key starting "sk-p" (…)]['long…' (300 characters)]` → its segments; null when it is no YAML path. */
function parseIssuePath(path: string): Segment[] | null {
  const segments: Segment[] = [];
  const token =
    /^(?:\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[key starting ("(?:[^"\\]|\\.)*") \(not shown whole: it looks like a secret\)\]|\['([^]*?)…' \(\d+ characters\)\])/;
  for (let rest = path; rest !== ''; ) {
    const match = token.exec(rest);
    if (match === null) return null;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string);
    else if (match[4] !== undefined) segments.push({ secretLike: JSON.parse(match[4]) as string });
    // A long key, cut (quoted.ts): found by its start, as a secret-like one is.
    else segments.push({ secretLike: match[5] });
    rest = rest.slice(match[0].length);
  }
  return segments;
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `segments` lead to a value of `document`, or to a required key missing from a mapping that
 * is there, or from one that is null or not written yet (a plugin's `config: ` left empty).
 */
function leadsIntoDocument(document: unknown, segments: Segment[]): boolean {
  let node: unknown = document;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (node === null && last && typeof segment === 'string') return true;
    if (typeof segment === 'number') {
      if (!Array.isArray(node) || segment >= node.length) return false;
      node = node[segment];
    } else if (!isMapping(node)) {
      return false;
    } else {
      const key = typeof segment === 'string' ? segment : Object.keys(node).find((name) => name.startsWith(segment.secretLike));
      if (key === undefined || !Object.hasOwn(node, key)) return typeof segment === 'string' && (last || (index === segments.length - 2 && typeof segments[index + 1] === 'string'));
      node = node[key];
    }
  }
  return true;
}

/** Any tag read as its value without the tag: the loader reports such a value at its path and checks the rest. */
const ANY_TAG = DEFAULT_SCHEMA.extend({
  explicit: (['scalar', 'sequence', 'mapping'] as const).map((kind) => new YamlType('', { kind, multi: true, resolve: () => true, construct: (data: unknown) => data })),
});

/** The document as the loader reads its keys; undefined when it does not parse. */
function parsedOrUndefined(text: string): unknown {
  try {
    return load(text.replace(/^\uFEFF/, ''), { json: true, schema: ANY_TAG });
  } catch {
    return undefined;
  }
}

/** A repeated key is located by line and column, not by a YAML path. */
const REPEATED_KEY_PATH = /^(?:'[^']*'|a key|key starting .*) at line \d+, column \d+$/;

function expectWellFormedRefusal(error: unknown, text: string): void {
  if (!(error instanceof ConfigError)) throw new Error(`threw ${String(error)} instead of a ConfigError for:\n${text.slice(0, 2000)}`);
  expect(error.message).toContain(CONFIG_PATH);
  expect(error.issues.length).toBeGreaterThan(0);
  const document = parsedOrUndefined(text);
  for (const issue of [...error.issues, ...error.ignoredKeys]) {
    if (issue.path === '' || REPEATED_KEY_PATH.test(issue.path)) continue;
    const segments = parseIssuePath(issue.path);
    if (segments === null || document === undefined || !leadsIntoDocument(document, segments)) {
      throw new Error(`issue path '${issue.path}' (${issue.message}) does not lead into the document:\n${text.slice(0, 2000)}`);
    }
  }
  const leaked = SECRETS.filter((secret) => error.message.includes(secret));
  if (leaked.length > 0) throw new Error(`secret ${leaked[0]} in the message:\n${error.message}`);
}

/** Loads `text` as start-up does and checks it as a reload over `served` does; both either serve it or refuse it well. */
async function expectLoadsOrRefusesWell(text: string, served: LoadedConfig): Promise<void> {
  const loadAndReload = async () => {
    for (const reloadOver of [undefined, served]) {
      try {
        await compile(withSecretFiles(text), reloadOver);
      } catch (error) {
        expectWellFormedRefusal(error, withSecretFiles(text));
      }
    }
  };
  const took = await leastCpuMillisecondsUntilSettled(loadAndReload, CASE_BUDGET_MS);
  if (took >= CASE_BUDGET_MS) throw new Error(`took ${Math.round(took)} ms of CPU:\n${text.slice(0, 2000)}`);
}

// ---- mutations -----------------------------------------------------------------------------

type Path = (string | number)[];

/** Every place in the tree (the root excluded), in document order. */
function placesOf(node: unknown, path: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : isMapping(node) ? Object.entries(node) : [];
  return children.flatMap(([key, child]) => [[...path, key], ...placesOf(child, [...path, key])]);
}

/** A copy of `node` with `change` applied to the value at `path` (undefined removes it). */
function changedAt(node: unknown, path: Path, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(node);
  const [key, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = [...node];
    const changed = changedAt(copy[key as number], rest, change);
    if (changed === undefined) copy.splice(key as number, 1);
    else copy[key as number] = changed;
    return copy;
  }
  const copy = { ...(node as Record<string, unknown>) };
  const changed = changedAt(copy[key as string], rest, change);
  if (changed === undefined) delete copy[key as string];
  else copy[key as string] = changed;
  return copy;
}

const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, -0.5, 1e21, 2 ** 53 + 2, Number.MAX_VALUE, Infinity, -Infinity, NaN,
  'inf', '.inf', '-.inf', '.nan', 'NaN', '1e400', '-1', '0x1F', '1_000', 'yes', 'off', '', ' ', 'x'.repeat(100_000),
  '\u0000', '\u202E', '${ENV}', '$NOT_SET_FUZZ_VARIABLE', '~', 'null', [], {}, [null], { '': null }, [[[[[]]]]],
  { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } }, 'https://user:pw@example.com', 'https://api.example.com:99999/v1', 'redis://:pw@redis:99999/0',
  'http://[::1', '/etc/passwd', '.', '2023-05-15', '12:30:45', '0 seconds', '99999999999999999999 minutes', 1.5, -0, 0.0004, 1e-9,
];

const treeMutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.constantFrom(...ODD_VALUES) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unknown key' as const), at: fc.nat(), key: fc.constantFrom('nmae', 'extra', 'limits', '__proto__', 'constructor', '1', 'a.b', 'sk-proj-ABCDEFGHIJ0123456789xyz', '<<') }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('repeat item' as const), at: fc.nat() }),
);
type TreeMutation = typeof treeMutation extends fc.Arbitrary<infer T> ? T : never;

function applyTreeMutation(document: unknown, mutation: TreeMutation): unknown {
  const places = placesOf(document);
  if (places.length === 0) return document;
  const path = places[mutation.at % places.length];
  switch (mutation.kind) {
    case 'replace':
      return changedAt(document, path, () => mutation.value);
    case 'remove':
      return changedAt(document, path, () => undefined);
    case 'unknown key':
      return changedAt(document, path, (value) => (isMapping(value) ? { ...value, [mutation.key]: 'x' } : value));
    case 'nest':
      return changedAt(document, path, (value) => Array.from({ length: mutation.depth }).reduce<unknown>((inner) => ({ nested: [inner] }), value));
    case 'repeat item':
      return changedAt(document, path.slice(0, -1), (list) => (Array.isArray(list) ? [...list, ...list] : list));
  }
}

/** Text that YAML gives a meaning of its own, inserted at the start of a line's value or anywhere. */
const TEXT_PIECES = ['*', '&a ', '*a', '!!js/function ', '!!python/object:os.system ', '!!binary ', '!!float ', '!!int ', '!!str ', '!!map ', '!!set ', '!!omap ', '!custom ', '<<: *a\n', '<<: [*a, *a]\n', '? ', '{', '}', '[', ']', ',', ':', '- ', '\t', '"', "'", '|', '>', '#', '%YAML 1.1\n', '---\n', '...\n', '\uFEFF', '\u0000', '\r', '\\', '@', '`', '$', '${HOME}', '\uD800'];

const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...TEXT_PIECES) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('anchor and aliases' as const), line: fc.nat(), uses: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('repeat line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent line' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyTextMutation(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  switch (mutation.kind) {
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.piece + text.slice(at);
    }
    case 'cut':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'anchor and aliases': {
      // An anchor on one mapping value, and the value's own key aliased into later lines' values.
      const index = mutation.line % lines.length;
      const anchored = lines[index].replace(/^(\s*[\w-]+:)\s+(\S)/, '$1 &fuzz $2');
      const aliased = lines.map((line, other) => (other > index && other <= index + mutation.uses ? line.replace(/^(\s*[\w-]+:)\s+\S.*$/, '$1 *fuzz') : line));
      aliased[index] = anchored;
      return aliased.join('\n');
    }
    case 'repeat line': {
      const index = mutation.line % lines.length;
      return [...lines.slice(0, index + 1), lines[index], ...lines.slice(index + 1)].join('\n');
    }
    case 'indent line': {
      const index = mutation.line % lines.length;
      lines[index] = mutation.by >= 0 ? ' '.repeat(mutation.by) + lines[index] : lines[index].replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
  }
}

const caseArbitrary = fc.record({
  base: fc.nat(),
  tree: fc.array(treeMutation, { maxLength: 3 }),
  text: fc.array(textMutation, { maxLength: 2 }),
});

// ---- tests ---------------------------------------------------------------------------------

describe('config fuzzing', () => {
  let served: LoadedConfig;
  beforeAll(async () => {
    served = await compile(withSecretFiles(ALL_FEATURES));
  });

  test('every base config loads, so that mutations start from valid ones', async () => {
    for (const text of BASES) await expect(compile(withSecretFiles(text))).resolves.toBeDefined();
  });

  test('mutated configs load or are refused with a ConfigError naming the file and paths of the document, without secrets', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ base, tree, text }) => {
        const original = BASES[base % BASES.length];
        const treeMutated = tree.length === 0 ? original : dump(tree.reduce(applyTreeMutation, load(original)), { lineWidth: -1, noRefs: true });
        await expectLoadsOrRefusesWell(text.reduce(applyTextMutation, treeMutated), served);
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 400), endOnFailure: true },
    );
  });

  const chat = 'endpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: mock, name: m}}\n';
  test.each([
    ['a billion laughs', `${aliasBomb(9)}\n${chat}`],
    ['a billion laughs inside an endpoint', `${aliasBomb(9)}\nendpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: mock, name: m, config: {stop: *lol8}}}\n`],
    ['an alias inside its own anchor', `${chat}loop: &loop {again: [*loop]}\n`],
    ['anchors nesting a value 10,000 levels deep', `${Array.from({ length: 10_000 }, (_, level) => (level === 0 ? 'a0: &a0 {x: 1}' : `a${level}: &a${level} {x: *a${level - 1}}`)).join('\n')}\n${chat}`],
    ['flow nesting 10,000 levels deep', `${chat}deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['a JavaScript function tag', `${chat}x: !!js/function 'function () { return process.exit(1) }'\n`],
    ['a Python object tag', `${chat}x: !!python/object/apply:os.system ['true']\n`],
    ['a byte order mark', `\uFEFF${chat}`],
    ['a provider name of a million characters', chat.replace('provider: mock', `provider: ${'x'.repeat(1_000_000)}`)],
    ['a model name of a million characters aliased into 50 endpoints', `long: &long ${'y'.repeat(1_000_000)}\nendpoints:\n${Array.from({ length: 50 }, (_, index) => `  - {name: e${index}, endpoint_type: llm/v1/chat, model: {provider: mock, name: *long}}`).join('\n')}\n`],
    ['${ENV} and $ENV references where no secret goes', chat.replace('name: m', 'name: ${OPENAI_API_KEY}') + 'server: { max_body_size: $MAX_BODY }\n'],
    ['a secret reference to a directory, a path through a file and a NUL', `${chat}auth:\n  api_keys:\n    - { name: a, key: /tmp }\n    - { name: b, key: ./README.md/x }\n    - { name: c, key: "a\\0b" }\n`],
    ['duplicate endpoint names', `${chat}  - {name: chat, endpoint_type: llm/v1/embeddings, model: {provider: mock, name: e}}\n`],
  ])('%s: loads or is refused well, in bounded time', async (_name, text) => {
    await expectLoadsOrRefusesWell(text, served);
  });

  test('bytes that are not UTF-8 are refused with the file and the byte, not loaded or thrown otherwise', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(0x80, 0xc3, 0xe2, 0xf0, 0xff, 0xfe), (at, byte) => {
        const bytes = Buffer.from(ALL_FEATURES, 'utf8');
        const position = at % bytes.length;
        const corrupted = Buffer.concat([bytes.subarray(0, position), Buffer.from([byte]), bytes.subarray(position + 1)]);
        let refused: unknown;
        try {
          decodeConfigBytes(corrupted, CONFIG_PATH);
        } catch (error) {
          refused = error;
        }
        expect(refused).toBeInstanceOf(ConfigError);
        expect((refused as ConfigError).message).toContain(CONFIG_PATH);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
