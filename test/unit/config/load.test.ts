import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile, parseConfigText } from '../../../src/config/load';

import { chatEndpoint, configPath, errorOf, issuesOf, loadInline } from '../../support/config';

const fixtures = join(__dirname, '../../fixtures/config');

describe('loadConfigFile: the file itself', () => {
  it('reports a missing file by its path', () => {
    const missing = join(fixtures, 'no-such-file.yaml');
    const error = errorOf(() => loadConfigFile(missing));
    expect(error.issues).toEqual([{ path: '', message: `${missing} does not exist` }]);
    expect(error.message).toBe(`Invalid gateway configuration in ${missing}:\n  ${missing} does not exist`);
  });

  it('rejects an empty file with a clear message', () => {
    const empty = join(fixtures, 'empty.yaml');
    const error = errorOf(() => loadConfigFile(empty));
    expect(error.issues).toEqual([
      { path: '', message: "the file is empty: it must be a mapping with an 'endpoints' list" },
    ]);
  });

  it('treats a comment-only file as empty', () => {
    expect(issuesOf('# nothing yet\n')[0].message).toContain('the file is empty');
  });

  it('rejects a top level that is not a mapping', () => {
    expect(issuesOf('- name: chat\n')).toEqual([
      { path: '', message: "the file must be a mapping with an 'endpoints' list" },
    ]);
  });

  it('reports invalid YAML with the reason and the line', () => {
    const [issue] = issuesOf('endpoints:\n  - name: chat\n   endpoint_type: llm/v1/chat\n');
    expect(issue.path).toBe('');
    expect(issue.message).toMatch(
      new RegExp(`^The file at ${configPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a valid yaml file: .+ \\(line 3, column \\d+\\); nothing else in the file is checked until it reads as YAML$`),
    );
  });

  // An unquoted key that starts with '*' or '!' is YAML syntax; js-yaml's reason quotes what follows.
  const STOPPED = '; nothing else in the file is checked until it reads as YAML';
  it.each([
    ['*', `a value starting with '*' is read as an alias, and no anchor (&name) above it has that name: quote the value if it is text (line 8, column 37)${STOPPED}`],
    ['!Xk9!', `a value starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text (line 8, column 41)${STOPPED}`],
  ])('a secret starting with %p is a YAML error that says what to write and never quotes the secret', (start, reason) => {
    const [issue] = issuesOf(chatEndpoint('chat').replace('openai_api_key: sk-test', `openai_api_key: ${start}Xk9secretPW`).replace('\n  - ', 'endpoints:\n  - '));
    expect(issue.message).not.toContain('secretPW');
    expect(issue).toEqual({ path: '', message: `The file at ${configPath} is not a valid yaml file: ${reason}` });
  });

  it.each(['!', '!!'])('a secret starting with %p is a tag refused at its YAML path, beside the other problems, never quoted', (start) => {
    const text = chatEndpoint('chat').replace('openai_api_key: sk-test', `openai_api_key: ${start}Xk9secretPW\n        openai_api_type: openia`).replace('\n  - ', 'endpoints:\n  - ');
    const error = errorOf(() => loadInline(text));
    expect(error.message).not.toContain('secretPW');
    expect(error.issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: "starts with '!', which YAML reads as a tag, and this one cannot be applied here: quote the value if it is text (line 8, column 25)" },
      { path: 'endpoints[0].model.config.openai_api_type', message: "'openia' is not supported; must be one of: openai, azure, azuread" },
    ]);
  });

  describe('a file that is not UTF-8', () => {
    const written = (bytes: Buffer) => {
      const path = join(mkdtempSync(join(tmpdir(), 'gateway-load-')), 'config.yaml');
      writeFileSync(path, bytes);
      return path;
    };
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const configNaming = (modelName: Buffer) => Buffer.concat([utf8('endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model:\n      provider: mock\n      name: '), modelName, utf8('\n')]);

    it('is refused with the offset and line of its first invalid byte (a name saved as Latin-1 would have read as U+FFFD)', () => {
      const path = written(configNaming(Buffer.from('caf\xe9', 'latin1')));
      const error = errorOf(() => loadConfigFile(path));
      expect(error.issues).toEqual([{ path: '', message: 'the file is not valid UTF-8: the byte at offset 104 (line 6) is not part of a UTF-8 character; save the file as UTF-8' }]);
      expect(error.message).toContain(path);
    });

    it('counts the offset past a U+FFFD written in UTF-8, which is valid', () => {
      const path = written(configNaming(Buffer.concat([utf8('\uFFFD-'), Buffer.from([0xc3, 0x28])])));
      expect(errorOf(() => loadConfigFile(path)).issues[0].message).toContain('the byte at offset 105 (line 6)');
    });

    it('accepts a UTF-8 byte order mark and non-ASCII text', () => {
      const path = written(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), configNaming(utf8('café-日本'))]));
      expect(loadConfigFile(path).endpoints[0].model.name).toBe('café-日本');
    });
  });

  it('requires the endpoints key', () => {
    expect(issuesOf('routes: []\n')).toEqual([{ path: 'endpoints', message: 'is required' }]);
  });

  it('accepts an empty endpoints list', () => {
    expect(parseConfigText('endpoints: []\n', configPath, { env: {} })).toEqual({ endpoints: [] });
  });
});

describe('loadConfigFile: a full MLflow config', () => {
  const env = {
    OPENAI_API_KEY: 'sk-openai-from-env',
    AZURE_OPENAI_API_KEY: 'azure-key-from-env',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'aws-secret-from-env',
  };

  it('loads, normalises provider names and resolves every kind of secret', () => {
    const config = loadConfigFile(join(fixtures, 'full.yaml'), { env });
    expect(config.endpoints.map((endpoint) => [endpoint.name, endpoint.model.provider])).toEqual([
      ['chat', 'openai'],
      ['azure-chat', 'openai'],
      ['azuread-chat', 'openai'],
      ['claude', 'anthropic'],
      ['gemini.flash', 'gemini'],
      ['bedrock-completions', 'amazon-bedrock'],
      ['mock-chat', 'mock'],
      ['local-embeddings', 'mlflow-model-serving'],
      ['tgi', 'huggingface-text-generation-inference'],
    ]);
    expect(config.endpoints[0]).toEqual({
      name: 'chat',
      endpoint_type: 'llm/v1/chat',
      model: { provider: 'openai', name: 'gpt-4o-mini', config: { openai_api_key: 'sk-openai-from-env', temperature: 0.2 } },
      limit: { calls: 10, renewal_period: 'minute' },
    });
    expect(config.endpoints[1].model.config).toEqual({
      openai_api_type: 'azure',
      openai_api_key: 'azure-key-from-env',
      openai_api_base: 'https://my-resource.openai.azure.com/',
      openai_deployment_name: 'gpt4o-deployment',
      openai_api_version: '2023-05-15',
    });
    expect(config.endpoints[2].model.config).toMatchObject({ openai_api_type: 'azuread', openai_api_key: 'inline-entra-token' });
    expect(config.endpoints[3].model.config).toEqual({ anthropic_api_key: 'sk-ant-from-file' });
    expect(config.endpoints[4].model.config).toEqual({ gemini_api_key: 'gemini-inline-key' });
    expect(config.endpoints[5]).toEqual({
      name: 'bedrock-completions',
      endpoint_type: 'llm/v1/completions',
      model: {
        provider: 'amazon-bedrock',
        name: 'anthropic.claude-v2',
        config: {
          aws_config: { aws_region: 'us-east-1', aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'aws-secret-from-env' },
        },
      },
      limit: { calls: 2, renewal_period: '2 hours' },
    });
    expect(config.endpoints[6].model).toEqual({ provider: 'mock', name: 'mock-1' });
    expect(config.endpoints[8].model).toEqual({
      provider: 'huggingface-text-generation-inference',
      config: { hf_server_url: 'http://127.0.0.1:8080' },
    });
    expect(config.routes).toEqual([
      {
        name: 'chat-split',
        task_type: 'llm/v1/chat',
        destinations: [
          { name: 'chat', traffic_percentage: 80 },
          { name: 'claude', traffic_percentage: 20 },
        ],
        routing_strategy: 'TRAFFIC_SPLIT',
      },
    ]);
  });

  it('keeps an unquoted YAML date as the string the user wrote', () => {
    const config = loadConfigFile(join(fixtures, 'full.yaml'), { env });
    expect((config.endpoints[1].model.config as { openai_api_version: unknown }).openai_api_version).toBe('2023-05-15');
  });
});

describe('parseConfigText: YAML compatibility with MLflow (PyYAML)', () => {
  it('honours << merge keys', () => {
    const config = parseConfigText(
      `
openai_defaults: &openai
  openai_api_key: sk-shared
  temperature: 0.5
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config:
        <<: *openai
        temperature: 0.1
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model.config).toEqual({ openai_api_key: 'sk-shared', temperature: 0.1 });
  });

  it('reads the YAML 1.1 booleans PyYAML reads (yes/no, on/off in any of its spellings)', () => {
    const config = parseConfigText(
      `
endpoints: []
auth:
  api_keys: [{ name: ci, key: sha256:${'0'.repeat(64)} }]
  public_docs: no
  public_endpoint_list: Yes
  public_metrics: ON
logging:
  bodies: off
`,
      configPath,
      { env: {} },
    );
    expect(config.auth).toMatchObject({ public_docs: false, public_endpoint_list: true, public_metrics: true });
    expect(config.logging).toMatchObject({ bodies: false });
  });

  it('reads the words pydantic takes for a bool (any letter case) where the schema wants one, quoted or plain, and 0 or 1', () => {
    const config = parseConfigText(
      `
endpoints: []
auth:
  api_keys: [{ name: ci, key: sha256:${'0'.repeat(64)} }]
  public_docs: "No"
  public_endpoint_list: 'TRUE'
  public_metrics: y
logging:
  bodies: 0
`,
      configPath,
      { env: {} },
    );
    expect(config.auth).toMatchObject({ public_docs: false, public_endpoint_list: true, public_metrics: true });
    expect(config.logging).toMatchObject({ bodies: false });
  });

  it.each([
    ['"0"', false],
    ['"off"', false],
    ['F', false],
    ['"n"', false],
    ['"1"', true],
    ['"On"', true],
    ['t', true],
    ['"YES"', true],
    ['1', true],
    ['0x1', true],
  ])('reads bodies: %s as %s, as pydantic does', (written, expected) => {
    expect(parseConfigText(`endpoints: []\nlogging: { bodies: ${written} }\n`, configPath, { env: {} }).logging).toMatchObject({ bodies: expected });
  });

  it('keeps such words as text where the schema wants text: a model name, a secret, a stop word', () => {
    const config = parseConfigText(
      `endpoints:\n${chatEndpoint('chat')}        stop: [y, "1", t]\n`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model.config).toEqual({ openai_api_key: 'sk-test', stop: ['y', '1', 't'] });
  });

  it.each([['"maybe"'], ['" maybe "'], ['2'], ['"tru"'], ['0.5']])('refuses bodies: %s, which pydantic refuses too, at its YAML path', (written) => {
    expect(issuesOf(`endpoints: []\nlogging: { bodies: ${written} }\n`)).toEqual([{ path: 'logging.bodies', message: 'must be true or false' }]);
  });

  it.each([
    ['" yes"', 'yes'],
    ['"no "', 'no'],
    ['"\\tFalse\\n"', 'False'],
  ])('refuses bodies: %s, which pydantic refuses too, saying the word would do without the spaces around it', (written, word) => {
    expect(issuesOf(`endpoints: []\nlogging: { bodies: ${written} }\nauth: { api_keys: [{ name: a, key: k }], public_docs: ${written} }\n`)).toEqual(
      ['logging.bodies', 'auth.public_docs'].map((path) => ({
        path,
        message: `must be true or false: '${word}' would be, but the value has spaces (or tabs, line breaks) before or after it, which are part of it inside quotes; remove them`,
      })),
    );
  });

  it('reads a quoted whole number where MLflow (pydantic) wants an int, as a Helm template writes `calls: "10"`', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      name: anthropic.claude-v2
      config: { aws_config: { aws_role_arn: "arn:aws:iam::123456789012:role/gateway", session_length_seconds: "1800" } }
    limit: { calls: "10", renewal_period: minute }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].limit).toEqual({ calls: 10, renewal_period: 'minute' });
    expect((config.endpoints[0].model.config as { aws_config: unknown }).aws_config).toMatchObject({ session_length_seconds: 1800 });
  });

  it('reads the YAML 1.1 ints PyYAML reads (1_000, 0x1F, octal 017, 0b11, sexagesimal 1:30) where the schema wants a number', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, max_tokens: 1_024, top_k: 017, seed: 0x1F }
    limit: { calls: 1_000, tokens: 5_000, renewal_period: minute }
    timeouts: { total: 1:30 }
    retries: { max_attempts: 0b11 }
server: { max_body_size: 1_000_000 }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0]).toMatchObject({
      model: { config: { max_tokens: 1024, top_k: 15, seed: 31 } },
      limit: { calls: 1000, tokens: 5000 },
      timeouts: { total: 90 },
      retries: { max_attempts: 3 },
    });
    expect(config.server).toEqual({ max_body_size: 1_000_000 });
  });

  it('keeps the text of those spellings, and of yes/no/on/off, where the schema wants text: model names, secrets, stop words, keys', () => {
    const config = parseConfigText(
      `
on: 0x1F
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: 0x1F
      config: { openai_api_key: no, openai_organization: 1_000, stop: [yes, off, 017, 1:30] }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model).toEqual({ provider: 'openai', name: '0x1F', config: { openai_api_key: 'no', openai_organization: '1_000', stop: ['yes', 'off', '017', '1:30'] } });
    expect((config as unknown as Record<string, unknown>).on).toBe('0x1F');
  });

  it('reads the YAML 1.1 floats PyYAML reads (1_000.5, sexagesimal 1:30.5) where the schema wants a number', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, temperature: 0_0.5, max_tokens: 1_024.0 }
    limit: { calls: 1_000.0, renewal_period: minute }
    timeouts: { total: 1:30.5, connect: 0_0.5e+1 }
server: { request_timeout: 1_000.5 }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0]).toMatchObject({
      model: { config: { temperature: 0.5, max_tokens: 1024 } },
      limit: { calls: 1000 },
      timeouts: { total: 90.5, connect: 5 },
    });
    expect(config.server).toMatchObject({ request_timeout: 1000.5 });
  });

  it('reads 1e3 and 1.0e3 as text, as PyYAML does (no dot, or an exponent without its sign): pydantic takes that text for a float', () => {
    const config = parseConfigText(
      `endpoints:\n${chatEndpoint('chat')}    timeouts: { total: 1e3, connect: 2.5e1 }\n`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].timeouts).toEqual({ total: 1000, connect: 25 });
  });

  it.each([
    ['calls: 1e3', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
    ['calls: 1.0e3', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
    ['calls: 1_000.5', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
  ])('refuses %s for an int, as pydantic does', (written, path, message) => {
    expect(issuesOf(`endpoints:\n${chatEndpoint('chat')}    limit: { ${written}, renewal_period: minute }\n`)).toEqual([{ path, message }]);
  });

  it('reads an explicit !!float as PyYAML constructs it: integers, exponents without a dot, underscores, base 60, quoted text', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, temperature: !!float 1, top_p: !!float "0.5" }
    limit: { calls: !!float 1e3, renewal_period: minute }
    timeouts: { total: !!float 1_000, connect: !!float 1:30, first_byte: !!float 1.0e3, idle: !!float +2E1 }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0]).toMatchObject({
      model: { config: { temperature: 1, top_p: 0.5 } },
      limit: { calls: 1000 },
      timeouts: { total: 1000, connect: 90, first_byte: 1000, idle: 20 },
    });
  });

  it('reads !!float inf as !!float .inf, as Python does (and refuses both for a timeout)', () => {
    const issuesFor = (written: string) => issuesOf(`endpoints:\n${chatEndpoint('chat')}    timeouts: { total: ${written} }\n`);
    expect(issuesFor('!!float inf')).toEqual(issuesFor('!!float .inf'));
    expect(issuesFor('!!float -Infinity')).toEqual(issuesFor('-.inf'));
  });

  it.each(['!!float 0x10', '!!float 1e', '!!float abc'])('refuses %s at its place, as PyYAML fails on it', (written) => {
    expect(issuesOf(`endpoints:\n${chatEndpoint('chat')}    timeouts: { total: ${written} }\n`)).toEqual([
      {
        path: 'endpoints[0].timeouts.total',
        message: 'is tagged !!float and cannot be read as a number (PyYAML refuses it too): write it without the tag, or quote it if it is text (line 10, column 24)',
      },
    ]);
  });

  it('names the standard tag a value does not fit, not only that it is a tag', () => {
    expect(issuesOf(`endpoints:\n${chatEndpoint('chat')}    limit: { renewal_period: minute, calls: !!int 1.5 }\n`)[0].message).toContain(
      'is tagged !!int and cannot be read as a whole number (PyYAML refuses it too): write it without the tag, or quote it if it is text',
    );
  });

  it('keeps the text of 1_000.5, 1:30.5 and 1e3 where the schema wants text: model names, secrets, stop words', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: 1_000.5
      config: { openai_api_key: 1e3, stop: [1:30.5, 1.0e3, 1E5] }
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model).toEqual({ provider: 'openai', name: '1_000.5', config: { openai_api_key: '1e3', stop: ['1:30.5', '1.0e3', '1E5'] } });
  });

  it('reads 0o17 as text, as PyYAML does (it is YAML 1.2 only), so a number field refuses it', () => {
    expect(issuesOf(`endpoints:\n${chatEndpoint('chat')}    limit: { calls: 0o17, renewal_period: minute }\n`)).toEqual([
      { path: 'endpoints[0].limit.calls', message: 'must be an integer, 0 or more (0 rejects every request)' },
    ]);
  });

  it('reads a number written as text wherever the schema wants a number, as pydantic does', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, temperature: "0.5", max_tokens: "1_024", top_p: ' 1 ' }
    limit: { calls: "10.0", tokens: "5000.", renewal_period: minute }
    timeouts: { total: "30", connect: "2.5" }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations: [{ name: chat, traffic_percentage: "100" }]
    routing_strategy: TRAFFIC_SPLIT
`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0]).toMatchObject({
      model: { config: { temperature: 0.5, max_tokens: 1024, top_p: 1 } },
      limit: { calls: 10, tokens: 5000 },
      timeouts: { total: 30, connect: 2.5 },
    });
    expect(config.routes?.[0].destinations).toEqual([{ name: 'chat', traffic_percentage: 100 }]);
  });

  it.each([
    ['calls: "0x1F"', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
    ['calls: "1.5"', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
    ['calls: "1_000.0"', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
    ['calls: "ten"', 'endpoints[0].limit.calls', 'must be an integer, 0 or more (0 rejects every request)'],
  ])('refuses %s, which pydantic refuses too, at its YAML path', (written, path, message) => {
    expect(issuesOf(`endpoints:\n${chatEndpoint('chat')}    limit: { ${written}, renewal_period: minute }\n`)).toEqual([{ path, message }]);
  });

  it('lets a repeated key win over the earlier one', () => {
    const config = parseConfigText(
      `endpoints:\n${chatEndpoint('chat')}\n    endpoint_type: llm/v1/completions\n`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].endpoint_type).toBe('llm/v1/completions');
  });

  it('keeps unknown keys at every level', () => {
    const config = parseConfigText(
      `
server_note: kept
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    owner: team-a
    model:
      provider: mock
      config: {flavour: vanilla}
`,
      configPath,
      { env: {} },
    );
    expect(config).toEqual({
      server_note: 'kept',
      endpoints: [
        { name: 'chat', endpoint_type: 'llm/v1/chat', owner: 'team-a', model: { provider: 'mock', config: { flavour: 'vanilla' } } },
      ],
    });
  });
});

describe('parseConfigText: deprecated keys', () => {
  it("rejects route_type and points at it", () => {
    const issues = issuesOf(`
endpoints:
  - name: chat
    route_type: llm/v1/chat
    model: {provider: mock}
`);
    expect(issues).toEqual([
      {
        path: 'endpoints[0].route_type',
        message: "The 'route_type' configuration key is not supported in the configuration file. Use 'endpoint_type' instead.",
      },
      { path: 'endpoints[0].endpoint_type', message: 'is required' },
    ]);
  });

  it('explains an MLflow 2.x routes list holding endpoint definitions', () => {
    const issues = issuesOf(`
endpoints: []
routes:
  - name: chat
    route_type: llm/v1/chat
    model: {provider: mock}
`);
    expect(issues[0]).toEqual({
      path: 'routes[0]',
      message: expect.stringContaining("endpoint definitions with a 'model' belong under 'endpoints'"),
    });
    expect(issues).toContainEqual({ path: 'routes[0].task_type', message: 'is required' });
  });
});

describe('parseConfigText: an explicit null on an optional key means "not set", as in MLflow (Optional[...] = None)', () => {
  // Lines after the endpoint's last one (its config's API key) at their own indentation.
  const openai = (extra: string) => `endpoints:${chatEndpoint('chat')}${extra}`;
  test.each([
    ['openai_organization: (empty)', openai('        openai_organization:\n')],
    ['openai_api_base: null', openai('        openai_api_base: null\n')],
    ['openai_api_version: null', openai('        openai_api_version: null\n')],
    ['openai_deployment_name: null (openai type)', openai('        openai_deployment_name: null\n')],
    ['limit: (empty)', openai('    limit:\n')],
    ['routes: (empty)', openai('routes:\n')],
    [
      'aws_config.aws_region: null',
      `
endpoints:
  - name: titan
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      name: amazon.titan-text-express-v1
      config:
        aws_config:
          aws_region: null
`,
    ],
    [
      'mosaicml_api_base: null',
      `
endpoints:
  - name: mpt
    endpoint_type: llm/v1/completions
    model:
      provider: mosaicml
      name: mpt-7b-instruct
      config:
        mosaicml_api_key: k
        mosaicml_api_base: null
`,
    ],
  ])('%s', (_label, yaml) => {
    const config = loadInline(yaml);
    const modelConfig = config.endpoints[0].model.config as Record<string, unknown> & { aws_config?: Record<string, unknown> };
    expect(Object.values(modelConfig).includes(null)).toBe(false);
    expect(modelConfig.aws_config === undefined || !Object.values(modelConfig.aws_config).includes(null)).toBe(true);
    expect(config.endpoints[0].limit ?? undefined).toBeUndefined();
  });

  test('a null anthropic_version is still refused, as in MLflow', () => {
    expect(() => loadInline(`
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: k, anthropic_version: null } }
`)).toThrow('anthropic_version');
  });
});

test('a string stop under model.config is a default, as stop is in requests (MLflow ignores the key)', () => {
  const config = loadInline(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-x, stop: "###" } }
`);
  expect((config.endpoints[0].model.config as { stop: unknown }).stop).toBe('###');
});
