/**
 * The README's examples hold: every YAML config it shows loads as the gateway loads its config file
 * (nothing refused, nothing it would warn about), the comments of the production-settings example
 * say what the gateway does, the start-up error it shows is the one printed, and its links lead
 * somewhere. Every YAML block is a whole config: a deliberately partial one would need its own rule.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { createLimitBackend } from '../../src/limits/limiter';
import { createMemoryStore } from '../../src/limits/memory-store';
import { silentLogger } from '../../src/server/logging';
import { compileConfigText, type LoadedConfig } from '../../src/server/reload';
import { fencedBlocks, readmeYamlBlocks, README_SECRET_FILE as SECRET_FILE, type FencedBlock } from '../support/readme-yaml';

const readme = readFileSync('README.md', 'utf8');

const yamlBlocks = readmeYamlBlocks(readme);
const yamlBlockAt = (firstLine: string) => yamlBlocks.find((block) => block.text.startsWith(firstLine))!;

/** Every `$NAME` the YAML examples use, set for the test to a placeholder; the others are left as they were. */
const placeholders = Object.fromEntries(yamlBlocks.flatMap((block) => [...block.text.matchAll(/\$([A-Z][A-Z0-9_]+)/g)]).map((match) => [match[1], 'placeholder-secret-value']));
const environmentBefore = { ...process.env };
beforeAll(() => Object.assign(process.env, placeholders));
afterAll(() => {
  for (const name of Object.keys(placeholders)) if (environmentBefore[name] === undefined) delete process.env[name];
  Object.assign(process.env, environmentBefore);
});

/**
 * The Secret files the examples read (`/run/secrets/…`), made under a temporary folder that stands in
 * for `/`: a client key that names no file is refused, so the examples need them to load.
 */
const secretRoot = mkdtempSync(join(tmpdir(), 'readme-secrets-'));
beforeAll(() => {
  for (const [path] of yamlBlocks.flatMap((block) => [...block.text.matchAll(SECRET_FILE)])) {
    mkdirSync(dirname(join(secretRoot, path)), { recursive: true });
    writeFileSync(join(secretRoot, path), `placeholder-file-secret${path.replace(/\W/g, '-')}\n`);
  }
});
afterAll(() => rmSync(secretRoot, { recursive: true, force: true }));

/** As start-up loads a config file (plugins imported, plan compiled), counting limits in memory: no Redis client is made. */
const loadAsTheGateway = (text: string): Promise<LoadedConfig> =>
  compileConfigText(text.replace(SECRET_FILE, (path) => join(secretRoot, path)), resolve('README.md'), silentLogger, {
    limitBackend: createLimitBackend({ store: createMemoryStore(), label: 'memory', logger: silentLogger }),
  });

test('every yaml block of the README is found, indented ones included', () => {
  const fences = readme.split('\n').filter((line) => /^ *```ya?ml\s*$/.test(line));
  expect(yamlBlocks).toHaveLength(fences.length);
  expect(yamlBlocks.length).toBeGreaterThanOrEqual(9);
});

test.each(yamlBlocks.map((block) => [block.line, block]))(
  'README yaml block at line %i loads as the gateway loads it, with nothing it would warn about',
  async (_line, block) => {
    const loaded = await loadAsTheGateway((block as FencedBlock).text);
    expect(loaded.plan.endpoints.size).toBeGreaterThan(0);
    // What start-up logs as a warning: keys nothing reads, a key written twice, unlikely Bedrock model ids.
    expect([...loaded.ignoredKeys, ...loaded.bedrockModels]).toEqual([]);
  },
);

test('the per-provider example names every provider of the schema', async () => {
  const schema = JSON.parse(readFileSync('config-schema/gateway-config.schema.json', 'utf8'));
  const perProvider = yamlBlocks.find((block) => block.text.includes('provider: mlflow-model-serving'))!;
  const shown = new Set((await loadAsTheGateway(perProvider.text)).config.endpoints.map((endpoint) => endpoint.model.provider));
  const expected = (schema.definitions.ProviderName.enum as string[]).filter((name) => name !== 'amazon-bedrock');
  expect([...shown].sort()).toEqual(expected.sort());
});

describe('the production-settings example', () => {
  const example = yamlBlockAt('defaults:').text;
  const parsed = load(example) as Record<string, Record<string, unknown>>;
  const { defaults: _defaults, logging: _logging, server: _server, ...withoutSettings } = parsed;
  const { public_docs: _docs, public_endpoint_list: _list, public_metrics: _metrics, ...keysOnly } = parsed.auth;
  const bare = dump({ ...withoutSettings, auth: keysOnly });

  test('shows the defaults under defaults:, logging:, server: and auth.public_*, as its text says', async () => {
    const [shown, unset] = await Promise.all([loadAsTheGateway(example), loadAsTheGateway(bare)]);
    expect(shown.plan.server).toEqual(unset.plan.server);
    expect(shown.plan.logging).toEqual(unset.plan.logging);
    expect(shown.plan.endpoints.get('embeddings')!.callPolicy).toEqual(unset.plan.endpoints.get('embeddings')!.callPolicy);
    const publicAccess = ({ plan }: LoadedConfig) => ({ docs: plan.auth!.publicDocs, list: plan.auth!.publicEndpointList, metrics: plan.auth!.publicMetrics });
    expect(publicAccess(shown)).toEqual(publicAccess(unset));
  });

  test("an endpoint's timeouts and retries replace only the keys it sets", async () => {
    const { plan } = await loadAsTheGateway(example);
    const defaults = plan.endpoints.get('embeddings')!.callPolicy;
    expect(plan.endpoints.get('chat')!.callPolicy).toEqual({
      timeouts: { ...defaults.timeouts, total: 120_000 },
      retries: { ...defaults.retries, maxAttempts: 2 },
    });
  });
});

test('the demo config compiles and needs no key', () => {
  const text = readFileSync('examples/demo-config.yaml', 'utf8');
  const plan = compilePlan(parseConfigText(text, 'examples/demo-config.yaml', { env: {} }), 'demo', { logger: silentLogger });
  expect([...plan.endpoints.keys()]).toEqual(['chat', 'completions', 'embeddings']);
});

test("the start-up error shown under 'Running it' is what the gateway prints for such a config", () => {
  const shown = /```\n(Invalid gateway configuration in [\s\S]*?)```/.exec(readme)![1].trimEnd().split('\n');
  const config = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: bad, endpoint_type: llm/v1/chat, model: { provider: openia, name: gpt-4o-mini } }
  - name: dedented
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
      openai_api_key: $OPENAI_API_KEY
`;
  let printed: string[] = [];
  try {
    parseConfigText(config, '/etc/gateway/config.yaml', { env: {} });
  } catch (error) {
    printed = (error as Error).message.split('\n');
  }
  // The README shortens long lines with "…": each shown line is the start of the printed one.
  const shortened = printed.map((line, index) => (shown[index]?.endsWith('…') ? `${line.slice(0, shown[index].length - 1)}…` : line));
  expect(shortened).toEqual(shown);
});

test('every file the README points to is in the repository', () => {
  const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/.test(target));
  // A user has only this repository: a path out of it (`../…`) names nothing they can open.
  const outside = [...readme.matchAll(/`(\.\.\/[^`\s]+)`/g)].map((match) => match[1]);
  expect([...links.filter((target) => !existsSync(target)), ...outside]).toEqual([]);
});

/** GitHub's anchor of each heading outside code blocks: lowercase, punctuation dropped, spaces as `-`, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const inCode = new Set(fencedBlocks(markdown).flatMap((block) => Array.from({ length: block.text.split('\n').length }, (_, offset) => block.line + offset)));
  markdown.split('\n').forEach((line, index) => {
    const heading = /^#{1,6}\s+(.+?)\s*$/.exec(line);
    if (!heading || inCode.has(index + 1)) return;
    const base = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    let anchor = base;
    for (let repeat = 1; anchors.has(anchor); repeat += 1) anchor = `${base}-${repeat}`;
    anchors.add(anchor);
  });
  return anchors;
}

test('every #link of the README leads to one of its headings', () => {
  const anchors = headingAnchors(readme);
  const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter((link) => !anchors.has(link))).toEqual([]);
});
