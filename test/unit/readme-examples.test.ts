/** Every YAML config shown in the README (and the demo config) is valid for the config schema. */
import { existsSync, readFileSync } from 'node:fs';
import { compilePlan } from '../../src/config/compile';
import { ignoredKeyWarnings } from '../../src/config/ignored-keys';
import { parseConfigText } from '../../src/config/load';
import { silentLogger } from '../../src/server/logging';

const readme = readFileSync('README.md', 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);

/** Every `$NAME` the examples use, set to a dummy value. */
const env = Object.fromEntries([...readme.matchAll(/\$([A-Z][A-Z0-9_]+)/g)].map((match) => [match[1], 'dummy-secret']));

test('the README shows at least the full example and the per-provider examples', () => {
  expect(yamlBlocks.length).toBeGreaterThanOrEqual(2);
});

test.each(yamlBlocks.map((block, index) => [index, block]))('README yaml block %i loads, and sets no key the gateway ignores', (_index, block) => {
  const config = parseConfigText(block as string, 'README.md', { env });
  expect(config.endpoints.length).toBeGreaterThan(0);
  expect(ignoredKeyWarnings(config)).toEqual([]);
});

test('the per-provider example names every provider of the schema', () => {
  const schema = JSON.parse(readFileSync('config-schema/gateway-config.schema.json', 'utf8'));
  const perProvider = yamlBlocks.find((block) => block.includes('provider: mlflow-model-serving'))!;
  const shown = new Set(parseConfigText(perProvider, 'README.md', { env }).endpoints.map((endpoint) => endpoint.model.provider));
  const expected = (schema.definitions.ProviderName.enum as string[]).filter((name) => name !== 'amazon-bedrock');
  expect([...shown].sort()).toEqual(expected.sort());
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
