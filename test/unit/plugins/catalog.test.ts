/**
 * Plugin packages at config load: finding the listed packages, reading their declarations,
 * validating each plugin endpoint's config against the schema its package ships.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigIssue } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { discoverPlugins } from '../../../src/plugins/catalog';
import { errorOf } from '../../support/config';
import { chatAdapterSource, createProject, installEchoExample, installPackage, installProviderPackage, writeFiles } from '../../support/plugin-packages';

/** A project with the echo example installed; configs are loaded as if from `<project>/gateway.yaml`. */
function echoProject(): string {
  const project = createProject();
  installEchoExample(project);
  return project;
}

function load(project: string, yaml: string) {
  return parseConfigText(yaml, join(project, 'gateway.yaml'), { env: { ECHO_API_KEY: 'secret-value' } });
}

function issuesOf(project: string, yaml: string): ConfigIssue[] {
  return errorOf(() => load(project, yaml)).issues;
}

const echoEndpoint = (model: string) => `
plugins: [llm-gateway-provider-echo]
endpoints:
  - name: talk
    endpoint_type: llm/v1/chat
    model: ${model}
`;

describe('a listed package providing a provider', () => {
  it('is found in node_modules next to the config; its config passes its schema', () => {
    const config = load(echoProject(), echoEndpoint('{provider: echo, name: echo-1, config: {prefix: "Echo: "}}'));
    expect(config.plugins).toEqual(['llm-gateway-provider-echo']);
    expect(config.endpoints[0].model).toEqual({ provider: 'echo', name: 'echo-1', config: { prefix: 'Echo: ' } });
  });

  it('reports config problems at their YAML path, with every other problem of the file', () => {
    const issues = issuesOf(
      echoProject(),
      `${echoEndpoint('{provider: echo, config: {prefix: 5, uppercase: "maybe", temperature: 0.5}}')}
  - name: bad name
    endpoint_type: llm/v1/chat
    model: {provider: echo}
`,
    );
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.temperature', message: 'is not a known key here (the keys allowed here are: prefix, uppercase)' },
      { path: 'endpoints[0].model.config.prefix', message: 'must be a string' },
      { path: 'endpoints[0].model.config.uppercase', message: 'must be true or false' },
      { path: 'endpoints[1].name', message: "'bad name' is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)" },
      { path: 'endpoints[1].model.config', message: "is required for provider 'echo'" },
    ]);
  });

  it("reads yes/no and YAML 1.1 or quoted numbers as the plugin's schema types them, and keeps their text where it wants text", () => {
    const echo = load(echoProject(), echoEndpoint('{provider: echo, config: {prefix: no, uppercase: Yes}}'));
    expect(echo.endpoints[0].model.config).toEqual({ prefix: 'no', uppercase: true });
    // A word pydantic's bool takes, quoted as a template writes it.
    const quoted = load(echoProject(), echoEndpoint('{provider: echo, config: {prefix: "n", uppercase: "n"}}'));
    expect(quoted.endpoints[0].model.config).toEqual({ prefix: 'n', uppercase: false });

    const project = createProject();
    const configSchema = { type: 'object', properties: { max_batch: { type: 'integer' }, pause: { type: 'number' }, region: { type: 'string' } } };
    installProviderPackage(project, { packageName: 'acme', provider: 'acme-llm', source: chatAdapterSource('hi'), configSchema });
    const acme = load(project, 'plugins: [acme]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm, config: {max_batch: 1_000, pause: "0.5", region: 0x1F}}}\n');
    expect(acme.endpoints[0].model.config).toEqual({ max_batch: 1000, pause: 0.5, region: '0x1F' });
  });

  it('resolves `*_api_key` secrets in a plugin config like in a built-in one', () => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'acme', provider: 'acme-llm', source: chatAdapterSource('hi') });
    const config = load(project, 'plugins: [acme]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm, config: {acme_api_key: $ECHO_API_KEY}}}\n');
    expect(config.endpoints[0].model.config).toEqual({ acme_api_key: 'secret-value' });
  });

  it("checks a `*_api_key` against the plugin's schema once resolved: the schema describes the key, not `$ENV` or a file path", () => {
    const project = createProject();
    const configSchema = { type: 'object', properties: { acme_api_key: { type: 'string', pattern: '^sk-', minLength: 12 } }, required: ['acme_api_key'] };
    installProviderPackage(project, { packageName: 'acme', provider: 'acme-llm', source: chatAdapterSource('hi'), configSchema });
    writeFiles(project, { 'acme.key': 'sk-from-a-file-123\n' });
    const endpoint = (name: string, key: string) => `  - {name: ${name}, endpoint_type: llm/v1/chat, model: {provider: acme-llm, config: {acme_api_key: ${key}}}}\n`;
    const yaml = (...endpoints: string[]) => `plugins: [acme]\nendpoints:\n${endpoints.join('')}`;
    const config = parseConfigText(yaml(endpoint('env', '$ACME_KEY'), endpoint('file', './acme.key')), join(project, 'gateway.yaml'), { env: { ACME_KEY: 'sk-from-the-env-123' } });
    expect(config.endpoints.map((entry) => entry.model.config)).toEqual([{ acme_api_key: 'sk-from-the-env-123' }, { acme_api_key: 'sk-from-a-file-123' }]);
    // A resolved key the schema refuses is reported without its value; an unresolved one, by its own problem only.
    const issues = errorOf(() =>
      parseConfigText(yaml(endpoint('short', '$SHORT_KEY'), endpoint('unset', '$UNSET_KEY')), join(project, 'gateway.yaml'), { env: { SHORT_KEY: 'sk-short' } }),
    ).issues;
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.acme_api_key', message: 'must be at least 12 characters long' },
      { path: 'endpoints[1].model.config.acme_api_key', message: "environment variable 'UNSET_KEY' is not set" },
    ]);
  });

  it('may be listed by path, relative to the config file', () => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'local', provider: 'local-llm', source: chatAdapterSource('hi') });
    const config = load(project, 'plugins: [./node_modules/local]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: local-llm}}\n');
    expect(config.endpoints[0].model.provider).toBe('local-llm');
  });

  it('is found from the working directory when the config directory cannot resolve it', () => {
    const configDirectory = createProject();
    const workingDirectory = echoProject();
    const catalog = discoverPlugins(['llm-gateway-provider-echo'], join(configDirectory, 'gateway.yaml'), workingDirectory);
    expect(catalog.issues).toEqual([]);
    expect(catalog.providers.get('echo')).toMatchObject({ name: 'echo', packageName: 'llm-gateway-provider-echo', listIndex: 0, module: './provider.js' });
  });

  it('is found by a scoped name, and may declare a scoped provider name', () => {
    const project = createProject();
    installProviderPackage(project, { packageName: '@acme/gateway-plugin', provider: '@acme/llm', source: chatAdapterSource('hi') });
    const config = load(project, 'plugins: ["@acme/gateway-plugin"]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: "@acme/llm"}}\n');
    expect(config.endpoints[0].model.provider).toBe('@acme/llm');
  });
});

describe('a provider name no package declares', () => {
  it('says how to install and list a plugin, suggesting a close declared name', () => {
    const issues = issuesOf(echoProject(), echoEndpoint('{provider: ecko, config: {prefix: ""}}'));
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model.provider',
        message: expect.stringMatching(
          /^'ecko' is not supported: it is not a built-in provider \(openai, .*, mock\) and no package listed under 'plugins' declares it \(the listed plugins declare: echo\)\. Did you mean 'echo'\? To use a provider plugin, install its npm package \(npm install <package>\) and list the package under 'plugins:' at the top of this file$/,
        ),
      },
    ]);
  });

  it('is refused even when some installed package declares it but is not listed', () => {
    const issues = issuesOf(echoProject(), 'endpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: echo, config: {prefix: ""}}}\n');
    expect(issues.map((issue) => issue.path)).toEqual(['endpoints[0].model.provider']);
  });
});

describe('problems with a listed package, reported at its plugins entry', () => {
  const useAcme = (list: string) => `plugins: ${list}\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: mock}}\n`;

  it('a package that is not installed', () => {
    const project = createProject();
    expect(issuesOf(project, useAcme('[mock, acme-not-installed]'))).toEqual([
      {
        path: 'plugins[0]',
        message: expect.stringContaining("package 'mock' is not installed: no node_modules folder from"),
      },
      {
        path: 'plugins[1]',
        message: expect.stringContaining(`Install it next to the config file (cd ${project} && npm install acme-not-installed), or list the path of its directory instead`),
      },
    ]);
  });

  it('a path without a package', () => {
    const project = createProject();
    expect(issuesOf(project, useAcme('[./nowhere]'))).toEqual([{ path: 'plugins[0]', message: `no package directory (with a package.json) at ${join(project, 'nowhere')}` }]);
  });

  it('a path no file can be at (through a file, too long, with a NUL character) is no package either, not a crash', () => {
    const project = createProject();
    writeFiles(project, { 'notes.txt': 'not a folder' });
    const tooLong = `./${'deep/'.repeat(1_000)}plugin`;
    expect(issuesOf(project, useAcme(`[./notes.txt/plugin, "${tooLong}", "./a\\0b", "a\\0b"]`))).toEqual([
      { path: 'plugins[0]', message: `no package directory (with a package.json) at ${join(project, 'notes.txt', 'plugin')}` },
      { path: 'plugins[1]', message: `no package directory (with a package.json) at ${join(project, tooLong)}` },
      { path: 'plugins[2]', message: `no package directory (with a package.json) at ${join(project, 'a\0b')}` },
      { path: 'plugins[3]', message: expect.stringContaining("package 'a\0b' is not installed") },
    ]);
  });

  it('a package that declares no provider', () => {
    const project = createProject();
    const directory = installPackage(project, 'plain', { main: 'index.js' });
    expect(issuesOf(project, useAcme('[plain]'))).toEqual([
      {
        path: 'plugins[0]',
        message: `package 'plain' (${directory}): declares no provider: its package.json needs "llmGateway": {"providers": {"<name>": {"module": "<file>", "configSchema": "<file>"}}}`,
      },
    ]);
  });

  it('declarations without a module or schema, with a module not built, with a schema that is not JSON or not a schema', () => {
    const project = createProject();
    const directory = installPackage(
      project,
      'broken',
      {
        llmGateway: {
          providers: {
            'no-files': { module: './index.js' },
            'not-built': { module: './dist/index.js', configSchema: './schema.json' },
            'bad-json': { module: './index.js', configSchema: './bad.json' },
            'bad-schema': { module: './index.js', configSchema: './invalid-schema.json' },
            'Upper-Case': { module: './index.js', configSchema: './schema.json' },
          },
        },
      },
      { 'index.js': chatAdapterSource('hi'), 'schema.json': { type: 'object' }, 'bad.json': '{ not json', 'invalid-schema.json': { type: 'mapping' } },
    );
    const messages = issuesOf(project, useAcme('[broken]')).map((issue) => issue.message.replace(`package 'broken' (${directory}): `, ''));
    expect(messages).toEqual([
      `provider 'no-files': needs "module" (the file exporting the provider adapter) and "configSchema" (the JSON Schema file of its config), both paths relative to the package`,
      `provider 'not-built': module './dist/index.js' does not exist (${join(directory, 'dist', 'index.js')}); is the package built?`,
      expect.stringMatching(/^provider 'bad-json': configSchema '\.\/bad\.json' is not valid JSON \(/),
      expect.stringMatching(/^provider 'bad-schema': configSchema '\.\/invalid-schema\.json' is not a valid JSON Schema: /),
      `provider 'Upper-Case': the name may contain only lowercase letters, digits, '.', '_' and '-' (optionally scoped: @scope/name)`,
    ]);
  });

  it('an endpoint using a provider whose declaration has a problem is told so at the plugins entry alone, not that no package declares it', () => {
    const project = createProject();
    const directory = installProviderPackage(project, { packageName: 'unbuilt', provider: 'acme-llm', source: chatAdapterSource('hi'), moduleFile: 'dist/provider.js' });
    rmSync(join(directory, 'dist'), { recursive: true });
    const config = 'plugins: [unbuilt]\nendpoints:\n  - {name: a, endpoint_type: llm/v1/chat, model: {provider: acme-llm}}\n  - {name: b, endpoint_type: llm/v1/chat, model: {provider: acme-lm}}\n';
    expect(issuesOf(project, config)).toEqual([
      { path: 'plugins[0]', message: `package 'unbuilt' (${directory}): provider 'acme-llm': module './dist/provider.js' does not exist (${join(directory, 'dist', 'provider.js')}); is the package built?` },
      { path: 'endpoints[1].model.provider', message: expect.stringContaining("'acme-lm' is not supported: it is not a built-in provider") },
    ]);
  });

  it.each(['openai', 'mock', 'amazon_bedrock'])('a provider named like the built-in %s', (name) => {
    const project = createProject();
    installProviderPackage(project, { packageName: 'clash', provider: name, source: chatAdapterSource('hi') });
    expect(issuesOf(project, useAcme('[clash]'))).toEqual([
      {
        path: 'plugins[0]',
        message: `package 'clash' declares provider '${name}', which is a built-in provider name: a plugin cannot replace a built-in provider; rename the plugin provider`,
      },
    ]);
  });

  it('a provider two packages declare', () => {
    const project = createProject();
    installEchoExample(project);
    installProviderPackage(project, { packageName: 'other-echo', provider: 'echo', source: chatAdapterSource('hi') });
    expect(issuesOf(project, useAcme('[llm-gateway-provider-echo, other-echo]'))).toEqual([
      {
        path: 'plugins[1]',
        message: "package 'other-echo' declares provider 'echo', which package 'llm-gateway-provider-echo' (plugins[0]) declares already: provider names must be unique",
      },
    ]);
  });

  it('a package.json that is not JSON', () => {
    const project = createProject();
    writeFiles(join(project, 'node_modules', 'garbled'), { 'package.json': '{"name": ' });
    expect(issuesOf(project, useAcme('[garbled]'))).toEqual([
      { path: 'plugins[0]', message: expect.stringMatching(/^package 'garbled' \(.*garbled\): package\.json is not valid JSON \(/) },
    ]);
  });

  it('a malformed list is a schema issue; each package is looked up once', () => {
    const project = createProject();
    installEchoExample(project);
    expect(issuesOf(project, useAcme('[llm-gateway-provider-echo, llm-gateway-provider-echo, ""]'))).toEqual([
      { path: 'plugins[2]', message: 'must not be empty' },
      { path: 'plugins', message: 'must not list the same item twice (items 0 and 1 are the same)' },
    ]);
  });
});
