/**
 * A value whose YAML tag the gateway cannot apply (`!!binary`, a local `!tag`, `!!float abc`) is
 * refused at its YAML path beside every other problem of the file, at start-up and on reload; a tag
 * that stops the file from being read at all says that nothing else was checked.
 */
import { CORE_SCHEMA } from 'js-yaml';
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigTextInSlices } from '../../../src/config/load';
import { readPastTags } from '../../../src/config/yaml-tags';
import { configPath, errorOf, issuesOf, loadInline } from '../../support/config';

const STOPPED = '; nothing else in the file is checked until it reads as YAML';

const TAGGED = `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: !!binary c2stdGVzdA==
        openai_api_type: openia
  - name: "bad name"
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: !vault Xk9secretPW }
    limit:
      !count calls: 1
      renewal_period:
        !!set { minute }
`;

const TAGGED_ISSUES = [
  { path: 'endpoints[0].model.config.openai_api_key', message: 'is tagged !!binary, which the gateway does not read: write the value without the tag (line 8, column 25)' },
  { path: 'endpoints[0].model.config.openai_api_type', message: "'openia' is not supported; must be one of: openai, azure, azuread" },
  { path: 'endpoints[1].model.name', message: "starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text (line 12, column 36)" },
  { path: 'endpoints[1].limit.renewal_period', message: 'is tagged !!set, which the gateway does not read: write the value without the tag (line 16, column 9)' },
  { path: 'endpoints[1].name', message: "'bad name' is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)" },
  { path: 'a key at line 14, column 7', message: "starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text" },
];

test('tags are reported at their YAML path (a key at its line) beside the schema problems, the tagged text never quoted', () => {
  const issues = issuesOf(TAGGED);
  expect(issues).toEqual(TAGGED_ISSUES);
  expect(JSON.stringify(issues)).not.toContain('secretPW');
});

test('a reload checks the file the same way', async () => {
  const refused = await parseConfigTextInSlices(TAGGED, configPath, { env: {} }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(ConfigError);
  expect((refused as ConfigError).issues).toEqual(TAGGED_ISSUES);
});

test.each([
  ['after the tag', 'endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock, name: !!binary ZWNobw== }\n    name: chat2\n', 'line 5, column 5'],
  ['before the tag', 'endpoints:\n  - name: chat\n    name: chat2\n    endpoint_type: llm/v1/chat\n    model: { provider: mock, name: !!binary ZWNobw== }\n', 'line 3, column 5'],
])('a key written twice %s in the file is reported beside the tag, and the last one is read', (_, text, at) => {
  const refusal = errorOf(() => loadInline(text));
  expect(refusal.issues).toEqual([{ path: 'endpoints[0].model.name', message: expect.stringMatching(/^is tagged !!binary, which the gateway does not read/) }]);
  expect(refusal.ignoredKeys).toEqual([
    { path: `'name' at ${at}`, message: 'is written a second time in the same mapping: only the last one is read (as MLflow reads the file), so the earlier one and everything under it are ignored' },
  ]);
  expect(readPastTags(text, CORE_SCHEMA)).toMatchObject({ document: { endpoints: [{ name: 'chat2' }] } });
});

test('a problem inside a tagged value is not judged again: the tag explains it', () => {
  expect(issuesOf('endpoints:\n  - !endpoint { name: chat, endpoint_type: llm/v1/chat, model: { provider: nope } }\n')).toEqual([
    { path: 'endpoints[0]', message: "starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text (line 2, column 5)" },
  ]);
});

test('a tag the file cannot be read past (an undeclared handle) says that nothing else is checked', () => {
  expect(issuesOf('endpoints:\n  - name: !a!b chat\n    endpoint_type: llm/v1/chat\n')).toEqual([
    { path: '', message: `The file at ${configPath} is not a valid yaml file: a value starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text (line 2, column 15)${STOPPED}` },
  ]);
});

test('a tag before a YAML error: both are reported, the later one being why nothing else is checked', () => {
  const issues = issuesOf('endpoints:\n  - name: !!binary Y2hhdA==\n    endpoint_type: llm/v1/chat\n   model: {}\n');
  expect(issues).toEqual([
    { path: '', message: expect.stringMatching(/^The file at .* is not a valid yaml file: a value is tagged !!binary, which the gateway does not read: write the value without the tag \(line 2, column \d+\)$/) },
    { path: '', message: expect.stringMatching(/^The file at .* is not a valid yaml file: bad indentation of a sequence entry \(line 4, column \d+\); nothing else in the file is checked until it reads as YAML$/) },
  ]);
});

test('a tagged value under a __proto__ key stays that own key, its value read without the tag', () => {
  const read = readPastTags('config: { __proto__: !x { a: 1 } }\n', CORE_SCHEMA);
  expect(read).toEqual({ document: { config: JSON.parse('{"__proto__": {"a": 1}}') }, issues: [expect.objectContaining({ path: 'config.__proto__' })], repeatedKey: null });
  const { config } = (read as { document: { config: object } }).document;
  expect(Object.hasOwn(config, '__proto__')).toBe(true);
  expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
});

// Each tag's value was once looked up in a list of those seen (f3fac58d): the 240,000 tags here took
// 70 s of CPU that way, and take 1.8 s with the set. The bound leaves the tenfold a loaded CI
// worker's CPU time can grow (long-conversations.test.ts says why).
test('a file of many tagged values is read in time linear in its tags: a reload does not hold the event loop', () => {
  const tags = 240_000;
  const text = `values:\n${Array.from({ length: tags }, (_, index) => `  - !x ${index}\n`).join('')}`;
  const before = process.cpuUsage();
  const read = readPastTags(text, CORE_SCHEMA) as { issues: unknown[] };
  const spent = process.cpuUsage(before);
  expect(read.issues).toHaveLength(tags);
  expect((spent.user + spent.system) / 1000).toBeLessThan(20_000);
});
