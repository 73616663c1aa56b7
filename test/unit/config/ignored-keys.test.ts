/** Keys a valid config sets that nothing reads are reported with their YAML path and a likely spelling. */
import { readFileSync } from 'node:fs';
import { ignoredKeyWarnings } from '../../../src/config/ignored-keys';
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';

const warningsFor = (text: string) => ignoredKeyWarnings(parseConfigText(text, 'config.yaml', { env: { OPENAI_API_KEY: 'sk-test' } }));

describe('ignoredKeyWarnings', () => {
  it('reports nothing for a config that uses only known keys, parameter defaults and extension sections included', () => {
    const warnings = warningsFor(`
defaults: { timeouts: { total: 30 }, retries: { max_attempts: 2 } }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_API_KEY, openai_api_base: "https://example.com/v1", temperature: 0.2, max_tokens: 100 }
    limit: { calls: 10, tokens: 1000, renewal_period: minute, key: null }
    timeouts: { first_byte: 5 }
routes:
  - name: split
    task_type: llm/v1/chat
    destinations: [{ name: chat, traffic_percentage: 100 }]
`);
    expect(warnings).toEqual([]);
  });

  it('an MLflow config keeping YAML anchors under defaults:, server: or logging: loads; those keys are warnings, not errors', () => {
    const warnings = warningsFor(`
defaults: &openai
  provider: openai
  config: { openai_api_key: $OPENAI_API_KEY }
server: { host: 0.0.0.0, port: 5000, max_body_size: 1mb }
logging: { level: info }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      <<: *openai
      name: gpt-4o-mini
`);
    expect(warnings.map((warning) => warning.path)).toEqual(['defaults.provider', 'defaults.config', 'server.host', 'server.port', 'logging.level']);
  });

  it('names each misspelt key by its YAML path and suggests the key it is closest to, at every level', () => {
    const warnings = warningsFor(`
rate_limit_stor: { type: redis, url: "redis://127.0.0.1:6379" }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    limits: { calls: 1, renewal_period: minute }
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_API_KEY, openai_api_bse: "https://example.com/v1", temprature: 0.2 }
  - name: claude
    endpoint_type: llm/v1/chat
    limit: { calls: 1, renewal_period: minute, keys: per-user }
    model:
      provider: amazon-bedrock
      name: anthropic.claude-3-haiku
      config: { aws_config: { aws_regon: us-east-1 } }
routes:
  - name: backup
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: chat }, { name: claude, traffic_percentag: 50 }]
`);
    expect(warnings).toEqual([
      { path: 'rate_limit_stor', message: "is not a known key here and is ignored (did you mean 'rate_limit_store'?)" },
      { path: 'endpoints[0].limits', message: "is not a known key here and is ignored (did you mean 'limit'?)" },
      { path: 'endpoints[0].model.config.openai_api_bse', message: "is not a known key here and is ignored (did you mean 'openai_api_base'?)" },
      { path: 'endpoints[0].model.config.temprature', message: "is not a known key here and is ignored (did you mean 'temperature'?)" },
      { path: 'endpoints[1].limit.keys', message: "is not a known key here and is ignored (did you mean 'key'?)" },
      { path: 'endpoints[1].model.config.aws_config.aws_regon', message: "is not a known key here and is ignored (did you mean 'aws_region'?)" },
      // In a FALLBACK route `traffic_percentage` is refused by the schema, so only `name` is offered.
      { path: 'routes[0].destinations[1].traffic_percentag', message: 'is not a known key here and is ignored (the keys read here are: name)' },
    ]);
  });

  it('never suggests a key the mapping already has: one as close that it lacks, else the keys that are read', () => {
    const warnings = warningsFor(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    limit: { calls: 10, renewal_period: minute }
    limits: { calls: 1, renewal_period: second }
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_API_KEY, openai_api_kye: sk-other, top_p: 0.9, top_q: 40 }
`);
    const openaiKeys = 'openai_api_key, openai_api_type, openai_api_base, openai_api_version, openai_deployment_name, openai_organization, azure_client_id, temperature, top_p, top_k, max_tokens, n, stop, presence_penalty, frequency_penalty, seed, reasoning_effort';
    expect(warnings).toEqual([
      { path: 'endpoints[0].limits', message: 'is not a known key here and is ignored (the keys read here are: name, endpoint_type, model, limit, timeouts, retries)' },
      // openai_api_type is a letter farther: the key is most likely a second openai_api_key.
      { path: 'endpoints[0].model.config.openai_api_kye', message: `is not a known key here and is ignored (the keys read here are: ${openaiKeys})` },
      { path: 'endpoints[0].model.config.top_q', message: "is not a known key here and is ignored (did you mean 'top_k'?)" },
    ]);
  });

  it("lists the keys that are read when nothing is close, and judges a provider's config by its own provider", () => {
    const warnings = warningsFor(`
owner: platform-team
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-3-haiku
      config: { anthropic_api_key: sk-ant, openai_api_base: "https://example.com" }
`);
    expect(warnings).toEqual([
      {
        path: 'owner',
        message: 'is not a known key here and is ignored (the keys read here are: endpoints, routes, plugins, rate_limit_store, response_store, defaults, auth, logging, server)',
      },
      {
        path: 'endpoints[0].model.config.openai_api_base',
        message: expect.stringMatching(/^is not a known key here and is ignored \(the keys read here are: anthropic_api_key, anthropic_version, anthropic_api_base, anthropic_beta, web_search, temperature/),
      },
    ]);
  });

  it('judges every endpoint by its own provider, whichever endpoints came before it with the same keys', () => {
    const endpoint = (name: string, provider: string, config: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: ${provider}, name: some-model, config: ${config} }`;
    const warnings = warningsFor(`
endpoints:${endpoint('openai-1', 'openai', '{ openai_api_key: sk-1, openai_api_base: "https://example.com/v1" }')}${endpoint('claude', 'anthropic', '{ anthropic_api_key: sk-2, openai_api_base: "https://example.com/v1" }')}${endpoint('openai-2', 'openai', '{ openai_api_key: sk-3, anthropic_version: "2023-06-01" }')}${endpoint('openai-3', 'openai', '{ openai_api_key: sk-4, openai_api_base: "https://example.com/v1" }')}
`);
    expect(warnings.map((warning) => warning.path)).toEqual(['endpoints[1].model.config.openai_api_base', 'endpoints[2].model.config.anthropic_version']);
  });

  it('says where a key indented one level too deep or too shallow is read', () => {
    const warnings = warningsFor(`
max_body_size: 1mb
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      temperature: 0.3
      config:
        openai_api_key: $OPENAI_API_KEY
      limit:
        calls: 10
        renewal_period: minute
  - name: other
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_API_KEY } }
    limit:
    calls: 10
    routes: []
`);
    expect(warnings).toEqual([
      { path: 'max_body_size', message: "is not a known key here and is ignored ('max_body_size' is read under 'logging' or 'server': indent it under the one it belongs to)" },
      { path: 'endpoints[0].model.temperature', message: "is not a known key here and is ignored ('temperature' is read under 'config': indent it under 'config')" },
      { path: 'endpoints[0].model.limit', message: "is not a known key here and is ignored ('limit' is read in endpoints[0]: indent it less)" },
      { path: 'endpoints[1].calls', message: "is not a known key here and is ignored ('calls' is read under 'limit': indent it under 'limit')" },
      { path: 'endpoints[1].routes', message: "is not a known key here and is ignored ('routes' is read at the top level of the file: indent it less)" },
    ]);
  });

  it('leaves x- keys (where YAML anchors are kept) and free-form mappings alone', () => {
    const config = {
      'x-shared': { anything: true },
      endpoints: [
        { name: 'chat', endpoint_type: 'llm/v1/chat', 'x-owner': 'team-a', model: { provider: 'mock', name: 'm', config: { 'x-note': 1 } } },
        // A plugin provider's config is checked by the plugin's own schema, not here.
        { name: 'echo', endpoint_type: 'llm/v1/chat', model: { provider: 'acme-echo', name: 'e', config: { anything: 1 } } },
      ],
    };
    expect(ignoredKeyWarnings(config)).toEqual([]);
  });

  it('reads keys brought in by YAML merge keys like any other', () => {
    const warnings = warningsFor(`
x-openai: &openai { openai_api_key: $OPENAI_API_KEY, openai_api_bse: "https://example.com/v1" }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { <<: *openai } }
`);
    expect(warnings.map((warning) => warning.path)).toEqual(['endpoints[0].model.config.openai_api_bse']);
  });

  it('reports parameter defaults an embeddings endpoint sets: only chat and completions apply them', () => {
    const warnings = warningsFor(`
endpoints:
  - name: embed
    endpoint_type: llm/v1/embeddings
    model: { provider: openai, name: text-embedding-3-small, config: { openai_api_key: $OPENAI_API_KEY, temperature: 0.2, max_tokens: 64 } }
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_API_KEY, temperature: 0.2 } }
`);
    expect(warnings).toEqual([
      { path: 'endpoints[0].model.config.temperature', message: 'is a chat and completions parameter default; an embeddings endpoint never applies it' },
      { path: 'endpoints[0].model.config.max_tokens', message: 'is a chat and completions parameter default; an embeddings endpoint never applies it' },
    ]);
  });

  it('reports a cohere_api_v2_base on a Cohere completions or embeddings endpoint: only chat calls the v2 API', () => {
    const warnings = warningsFor(`
x-cohere: &cohere { cohere_api_key: co-test-key, cohere_api_base: "https://proxy.example.com/cohere/v1", cohere_api_v2_base: "https://proxy.example.com/cohere-v2" }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-r-plus, config: *cohere }
  - name: completions
    endpoint_type: llm/v1/completions
    model: { provider: cohere, name: command, config: *cohere }
  - name: embed
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: *cohere }
`);
    expect(warnings).toEqual([
      { path: 'endpoints[1].model.config.cohere_api_v2_base', message: "is the base of Cohere's v2 API, which only chat requests go to; a completions endpoint never reads it" },
      { path: 'endpoints[2].model.config.cohere_api_v2_base', message: "is the base of Cohere's v2 API, which only chat requests go to; an embeddings endpoint never reads it" },
    ]);
  });

  it("leaves a plugin provider's config alone on an embeddings endpoint: the plugin's schema declared the key and the plugin reads it", () => {
    const config = {
      endpoints: [
        { name: 'local-embed', endpoint_type: 'llm/v1/embeddings', model: { provider: 'acme-embed', name: 'e5', config: { acme_api_base: 'http://127.0.0.1:9000', max_tokens: 512, seed: 7 } } },
      ],
    };
    expect(ignoredKeyWarnings(config)).toEqual([]);
  });

  it('finds nothing to report in the demo config', () => {
    const text = readFileSync('examples/demo-config.yaml', 'utf8');
    expect(ignoredKeyWarnings(parseConfigText(text, 'examples/demo-config.yaml', { env: {} }))).toEqual([]);
  });
});

describe('a key written twice in one mapping (9b53b97: the last one wins, as in PyYAML, and the first repeat is reported)', () => {
  const repeatsIn = (text: string) => {
    const repeatedKeys: { path: string; message: string }[] = [];
    const config = parseConfigText(text, 'config.yaml', { repeatedKeys });
    return { names: config.endpoints.map((endpoint) => endpoint.name), paths: repeatedKeys.map((issue) => issue.path) };
  };
  const endpoint = (name: string) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock } }\n`;

  it('a second top-level endpoints: wins, and the repeat is named at its line and column', () => {
    expect(repeatsIn(`endpoints:\n${endpoint('a')}endpoints:\n${endpoint('b')}`)).toEqual({ names: ['b'], paths: ["'endpoints' at line 3, column 1"] });
  });

  it('in a flow mapping, quoted, or as an explicit key (named only when it is a plain name); merge keys are no repeat', () => {
    expect(repeatsIn('endpoints:\n  - { name: a, name: b, endpoint_type: llm/v1/chat, model: { provider: mock } }\n').paths).toEqual(["'name' at line 2, column 16"]);
    expect(repeatsIn(`endpoints:\n${endpoint('a')}"endpoints":\n${endpoint('b')}`).paths).toEqual(["'endpoints' at line 3, column 1"]);
    expect(repeatsIn(`endpoints:\n${endpoint('a')}? endpoints\n:\n${endpoint('b')}`).paths).toEqual(['a key at line 3, column 2']);
    expect(repeatsIn(`x: &base { endpoint_type: llm/v1/chat }\nendpoints:\n  - <<: *base\n    endpoint_type: llm/v1/chat\n    name: a\n    model: { provider: mock }\n`).paths).toEqual([]);
  });

  it('a refused config lists the repeat after its problems; a key that is not a plain name is not quoted', () => {
    const text = 'endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: mock, "sk-live 123": 1, "sk-live 123": 2 }\n    limit: { calls: 0 }\n';
    let refusal: unknown;
    try {
      parseConfigText(text, 'config.yaml', { env: {} });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).ignoredKeys[0]).toEqual({ path: 'a key at line 4, column 48', message: expect.stringMatching(/^is written a second time in the same mapping/) });
    // The unknown-key line after it still names the key (a known gap); the repeat's line does not.
    expect(JSON.stringify((refusal as ConfigError).ignoredKeys[0])).not.toContain('sk-live');
  });
});
