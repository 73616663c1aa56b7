import { parseConfigText } from '../../../src/config/load';

import { chatEndpoint, configPath, errorOf, issuesOf, loadInline } from '../../support/config';

describe('parseConfigText: provider names', () => {
  const configFor: Record<string, string> = {
    openai: '{openai_api_key: k}',
    'amazon-bedrock': '{aws_config: {}}',
    bedrock: '{aws_config: {aws_region: eu-west-1}}',
    'huggingface-text-generation-inference': '{hf_server_url: "http://127.0.0.1:8080"}',
    'mlflow-model-serving': '{model_server_url: "http://127.0.0.1:5001"}',
    mock: '{}',
  };
  // Bedrock endpoints are refused without a model id of a family it knows.
  const modelFor: Record<string, string> = { 'amazon-bedrock': 'anthropic.claude-3-5-sonnet-20240620-v1:0', bedrock: 'anthropic.claude-3-5-sonnet-20240620-v1:0' };

  it.each([
    ['OpenAI', 'openai'],
    ['AMAZON_BEDROCK', 'amazon-bedrock'],
    ['amazon-bedrock', 'amazon-bedrock'],
    ['Bedrock', 'bedrock'],
    ['huggingface_text_generation_inference', 'huggingface-text-generation-inference'],
    ['MLFLOW_MODEL_SERVING', 'mlflow-model-serving'],
    ['MOCK', 'mock'],
  ])('normalises %s to %s', (written, canonical) => {
    const config = parseConfigText(
      `endpoints:\n  - {name: e, endpoint_type: llm/v1/chat, model: {provider: ${written}, name: ${modelFor[canonical] ?? 'm'}, config: ${configFor[canonical]}}}\n`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model.provider).toBe(canonical);
  });

  const BUILT_IN = 'openai, anthropic, gemini, bedrock, amazon-bedrock, cohere, mistral, togetherai, huggingface-text-generation-inference, ai21labs, mosaicml, palm, mlflow-model-serving, mock';
  const HOW_TO_PLUGIN = "To use a provider plugin, install its npm package (npm install <package>) and list the package under 'plugins:' at the top of this file";

  it.each([
    ['databricks', ''],
    ['databricks-model-serving', ''],
    ['mosaicai', " Did you mean 'mosaicml'?"],
    ['opnai', " Did you mean 'openai'?"],
    ['antrhopic', " Did you mean 'anthropic'?"],
    // MLflow's docs show `provider: azuread`.
    ['azuread', " Azure OpenAI is 'provider: openai' with 'openai_api_type: azuread' (and openai_api_base, openai_deployment_name, openai_api_version) in its config."],
  ])('rejects %s listing the built-in providers and saying how to add a plugin', (provider, suggestion) => {
    const issues = issuesOf(`endpoints:\n  - {name: e, endpoint_type: llm/v1/chat, model: {provider: ${provider}, config: {}}}\n`);
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model.provider',
        message: `'${provider}' is not supported: it is not a built-in provider (${BUILT_IN}) and no package listed under 'plugins' declares it.${suggestion} ${HOW_TO_PLUGIN}`,
      },
    ]);
  });

  it.each([
    ['"Open AI"', "'Open AI' is not supported; "],
    ['5', ''],
  ])('rejects %s, which is no provider name at all, with one issue', (provider, quoted) => {
    const issues = issuesOf(`endpoints:\n  - {name: e, endpoint_type: llm/v1/chat, model: {provider: ${provider}, config: {}}}\n`);
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model.provider',
        message: `${quoted}must be a built-in provider (${BUILT_IN}) or a plugin provider name (lowercase letters, digits, '.', '_' and '-', optionally scoped: @scope/name)`,
      },
    ]);
  });

  it('rejects AzureAD, which is not a plugin name either, saying how Azure OpenAI is written', () => {
    const issues = issuesOf(`endpoints:\n  - {name: e, endpoint_type: llm/v1/chat, model: {provider: AzureAD, config: {}}}\n`);
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model.provider',
        message: `'AzureAD' is not supported; must be a built-in provider (${BUILT_IN}) or a plugin provider name (lowercase letters, digits, '.', '_' and '-', optionally scoped: @scope/name). Azure OpenAI is 'provider: openai' with 'openai_api_type: azuread' (and openai_api_base, openai_deployment_name, openai_api_version) in its config.`,
      },
    ]);
  });

  it('lower-cases openai_api_type', () => {
    const config = parseConfigText(
      `endpoints:\n  - {name: e, endpoint_type: llm/v1/chat, model: {provider: OpenAI, config: {openai_api_key: k, openai_api_type: OPENAI}}}\n`,
      configPath,
      { env: {} },
    );
    expect(config.endpoints[0].model).toEqual({ provider: 'openai', config: { openai_api_key: 'k', openai_api_type: 'openai' } });
  });
});

describe('parseConfigText: schema errors', () => {
  it('points a missing provider key at the key itself', () => {
    const issues = issuesOf(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config: {openai_api_type: openai}
`);
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: "is required unless 'openai_api_type' is 'azuread' (which without a key gets Entra ID tokens from Azure's credential chain)" },
    ]);
  });

  it('takes an azuread endpoint without a key (the gateway gets Entra ID tokens), and azure_client_id only there', () => {
    const azure = 'openai_api_base: "https://res.openai.azure.com", openai_deployment_name: gpt4o, openai_api_version: "2024-10-21"';
    const config = loadInline(`
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: openai, config: { openai_api_type: AzureAD, azure_client_id: 0b1c2d3e, ${azure} } } }
`);
    expect(config.endpoints[0].model.config).toMatchObject({ openai_api_type: 'azuread', azure_client_id: '0b1c2d3e' });
    expect(issuesOf(`
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: openai, config: { openai_api_type: azure, azure_client_id: 0b1c2d3e, ${azure} } } }
`)).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: "is required unless 'openai_api_type' is 'azuread' (which without a key gets Entra ID tokens from Azure's credential chain)" },
      {
        path: 'endpoints[0].model.config.azure_client_id',
        message: "can only be set if 'openai_api_type' is 'azuread' and 'openai_api_key' is not set: it is the managed identity the gateway gets Entra ID tokens as",
      },
    ]);
    expect(issuesOf(`
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: openai, config: { openai_api_type: azuread, openai_api_key: a-static-entra-token, azure_client_id: 0b1c2d3e, ${azure} } } }
`)).toEqual([
      {
        path: 'endpoints[0].model.config.azure_client_id',
        message: "can only be set if 'openai_api_type' is 'azuread' and 'openai_api_key' is not set: it is the managed identity the gateway gets Entra ID tokens as",
      },
    ]);
  });

  it('names the key written a typo away from a missing required key, since the ignored-key warning is only logged for a valid config', () => {
    const issues = issuesOf(`
endpoints:
  - name: chat
    endpoint_typ: llm/v1/chat
    model:
      provider: openai
      confg: {openai_api_key: k}
  - name: claude
    endpoint_type: llm/v1/chat
    model: {provider: anthropic, name: claude-sonnet-4-5, config: {antropic_api_key: k, anthropic_version: "2023-06-01"}}
`);
    expect(issues).toEqual([
      { path: 'endpoints[0].endpoint_type', message: "is required (did you mean 'endpoint_type' where 'endpoint_typ' is written?)" },
      { path: 'endpoints[0].model.config', message: "is required for provider 'openai' (did you mean 'config' where 'confg' is written?)" },
      { path: 'endpoints[1].model.config.anthropic_api_key', message: "is required (did you mean 'anthropic_api_key' where 'antropic_api_key' is written?)" },
    ]);
  });

  it('requires model.config for built-in providers but not for mock', () => {
    const issues = issuesOf(`
endpoints:
  - {name: a, endpoint_type: llm/v1/chat, model: {provider: anthropic}}
  - {name: b, endpoint_type: llm/v1/chat, model: {provider: mock}}
`);
    expect(issues).toEqual([{ path: 'endpoints[0].model.config', message: "is required for provider 'anthropic'" }]);
  });

  it.each([
    ['huggingface-text-generation-inference', 'llm/v1/completions', 'hf_server_url', 'hf_server_url: "localhost:8080"'],
    ['openai', 'llm/v1/chat', 'openai_api_base', 'openai_api_key: k, openai_api_base: "localhost:8080/v1"'],
    ['mlflow-model-serving', 'llm/v1/completions', 'model_server_url', 'model_server_url: "localhost:5001"'],
    ['cohere', 'llm/v1/chat', 'cohere_api_v2_base', 'cohere_api_key: k, cohere_api_v2_base: "proxy.internal/cohere-v2"'],
  ])('a URL without its scheme (%s) is reported at model.config.%s, once', (provider, type, key, config) => {
    const issues = issuesOf(`
endpoints:
  - name: e
    endpoint_type: ${type}
    model: { provider: ${provider}, name: m, config: { ${config} } }
`);
    expect(issues).toEqual([{ path: `endpoints[0].model.config.${key}`, message: 'must be an http:// or https:// URL, e.g. https://example.com/v1' }]);
  });

  it.each([
    // MLflow's Azure examples, copied before the resource name is filled in.
    ['https://{your_resource_name}-azureopenai.openai.azure.com/', "still holds the placeholder '{your_resource_name}' of an example: put your own value in its place"],
    ['https://my resource.openai.azure.com/', 'is not a valid URL (RFC 3986): check for spaces or characters that must be percent-encoded'],
    // Braces in a password are not quoted back.
    ['https://user:{pass}word@my resource.example.com/', 'is not a valid URL (RFC 3986): check for spaces or characters that must be percent-encoded'],
  ])('an http(s) URL that is not a valid URL (%s) says what is wrong with it, not that the scheme is', (base, message) => {
    const issues = issuesOf(`
endpoints:
  - name: e
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: m, config: { openai_api_key: k, openai_api_base: "${base}" } }
`);
    expect(issues).toEqual([{ path: 'endpoints[0].model.config.openai_api_base', message }]);
  });

  it.each([
    ['openai', 'llm/v1/chat', 'openai_api_base', 'openai_api_key: k, openai_api_base: "https://u:pw@api.example.com:99999/v1"'],
    ['huggingface-text-generation-inference', 'llm/v1/completions', 'hf_server_url', 'hf_server_url: "http://tgi.internal:70000"'],
    ['amazon-bedrock', 'llm/v1/chat', 'aws_config.aws_endpoint_url', 'aws_config: { aws_region: us-east-1, aws_endpoint_url: "https://xn--/" }'],
  ])('a base URL RFC 3986 allows but no client can call (%s) is refused at its key, without quoting it', (provider, type, key, config) => {
    const issues = issuesOf(`
endpoints:
  - name: e
    endpoint_type: ${type}
    model: { provider: ${provider}, name: anthropic.claude-3-haiku-20240307-v1:0, config: { ${config} } }
`);
    expect(issues).toEqual([{ path: `endpoints[0].model.config.${key}`, message: 'is not a URL that can be called: check its host and port (a port is 1 to 65535)' }]);
  });

  it('names the types, bounds and formats it expected', () => {
    const issues = issuesOf(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chatty
    model:
      provider: openai
      name: [gpt]
      config:
        openai_api_key: 12345
        openai_api_base: not a url
        temperature: 3
        stop: []
  - name: bedrock
    endpoint_type: llm/v1/completions
    model:
      provider: bedrock
      config: {aws_config: {aws_session_token: t}}
`);
    expect(issues).toEqual([
      { path: 'endpoints[0].endpoint_type', message: "'llm/v1/chatty' is not supported; must be one of: llm/v1/chat, llm/v1/completions, llm/v1/embeddings" },
      { path: 'endpoints[0].model.config.temperature', message: 'must be at most 2' },
      { path: 'endpoints[0].model.config.stop', message: 'must be a string or a list of strings, not empty' },
      { path: 'endpoints[0].model.config.openai_api_key', message: 'must be a string' },
      { path: 'endpoints[0].model.config.openai_api_base', message: 'must be an http:// or https:// URL, e.g. https://example.com/v1' },
      { path: 'endpoints[0].model.name', message: 'must be a string or null' },
      { path: 'endpoints[1].model.config.aws_config.aws_access_key_id', message: "is required when 'aws_session_token' is set" },
    ]);
  });

  it('reports an invalid openai_api_type with the allowed values', () => {
    const issues = issuesOf(`endpoints:\n${chatEndpoint('chat', '\n        openai_api_type: Azure_AD')}`);
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_type', message: "'azure_ad' is not supported; must be one of: openai, azure, azuread" },
    ]);
  });

  it('reports a non-list endpoints value', () => {
    expect(issuesOf('endpoints: {}\n')).toEqual([{ path: 'endpoints', message: 'must be a list' }]);
  });

  // A timeout is kept in whole milliseconds, and 0 ms is no timeout at all to undici and Node's
  // HTTP server: `first_byte: 0.0004` waited for ever, `request_timeout: 0.0001` never closed a slow client.
  it('refuses timeouts under a millisecond, which would be no timeout, at their YAML path', () => {
    const issues = issuesOf(`
defaults: { timeouts: { connect: 0.0004, total: 0.001 } }
server: { request_timeout: 0.0001, headers_timeout: 0.0001, keep_alive_timeout: 1e-9, shutdown_timeout: 0.0009 }
endpoints:${chatEndpoint('chat')}    timeouts: { first_byte: 0.0004, idle: 0 }
`);
    const message = 'must be at least 0.001 (seconds: one millisecond; a timeout cannot be turned off)';
    expect(issues).toEqual([
      { path: 'defaults.timeouts.connect', message },
      ...['request_timeout', 'headers_timeout', 'shutdown_timeout', 'keep_alive_timeout'].map((key) => ({ path: `server.${key}`, message })),
      { path: 'endpoints[0].timeouts.first_byte', message },
      { path: 'endpoints[0].timeouts.idle', message },
    ]);
  });

  it('takes a stream keep-alive of 0 (none) or of a millisecond or more, refusing less at its YAML path', () => {
    expect(loadInline(`server: { stream_keepalive: 0 }\nendpoints:${chatEndpoint('chat')}`).server).toEqual({ stream_keepalive: 0 });
    expect(loadInline(`server: { stream_keepalive: 0.001 }\nendpoints:${chatEndpoint('chat')}`).server).toEqual({ stream_keepalive: 0.001 });
    expect(issuesOf(`server: { stream_keepalive: 0.0004 }\nendpoints:${chatEndpoint('chat')}`)).toEqual([
      { path: 'server.stream_keepalive', message: 'must be 0 (no keep-alives) or at least 0.001 (seconds: one millisecond)' },
    ]);
    expect(issuesOf(`server: { stream_keepalive: -1 }\nendpoints:${chatEndpoint('chat')}`)).toEqual([{ path: 'server.stream_keepalive', message: 'must be at least 0' }]);
  });

  // Node holds a timer for at most 2^31-1 ms; a longer one fires after 1 ms, so `total: 2592000`
  // (30 days, meant as "no total limit") made every call a 504 at once.
  it('refuses timeouts longer than a Node.js timer can wait, at their YAML path', () => {
    const issues = issuesOf(`
defaults: { timeouts: { total: 2592000 } }
endpoints:${chatEndpoint('chat')}    timeouts: { first_byte: 2147484, idle: 2147483 }
`);
    expect(issues).toEqual([
      { path: 'defaults.timeouts.total', message: 'must be at most 2147483' },
      { path: 'endpoints[0].timeouts.first_byte', message: 'must be at most 2147483' },
    ]);
    expect(issuesOf(`
defaults: { retries: { max_backoff: 2592000 } }
server: { keep_alive_timeout: 2592000 }
endpoints:${chatEndpoint('chat')}`)).toEqual([
      { path: 'defaults.retries.max_backoff', message: 'must be at most 2147483' },
      { path: 'server.keep_alive_timeout', message: 'must be at most 2147483' },
    ]);
  });
});

describe('parseConfigText: several problems at once', () => {
  it('lists every problem, secrets included, grouped by endpoint and route in document order', () => {
    const error = errorOf(() =>
      parseConfigText(
        `
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - {name: missing, traffic_percentage: 50}
      - {name: chat, traffic_percentage: 40}
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: {provider: anthropic, config: {anthropic_api_key: $ANTHROPIC_API_KEY}}
  - name: bad name
    endpoint_type: llm/v1/chat
    model: {provider: cohere, config: {}}
    limit: {calls: -1, renewal_period: fortnight}
  - name: chat
    endpoint_type: llm/v1/chat
    model: {provider: mock}
`,
        configPath,
        { env: {} },
      ),
    );
    // Sections in the order the file lists them (routes first here); an unset $ENV_VAR beside schema problems.
    expect(error.issues).toEqual([
      {
        path: 'routes[0].destinations[0].name',
        message: "The route destination name must be an endpoint or route name, but the route 'split' has an invalid destination name 'missing'",
      },
      {
        path: 'routes[0].destinations',
        message: "the traffic percentage sum of destinations must be 100, but route 'split' adds up to 90",
      },
      { path: 'endpoints[0].model.config.anthropic_api_key', message: "environment variable 'ANTHROPIC_API_KEY' is not set" },
      {
        path: 'endpoints[1].name',
        message: "'bad name' is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)",
      },
      { path: 'endpoints[1].model.config.cohere_api_key', message: 'is required' },
      { path: 'endpoints[1].limit.calls', message: 'must be an integer, 0 or more (0 rejects every request)' },
      {
        path: 'endpoints[1].limit.renewal_period',
        message: "must be second, minute, hour, day, month or year, optionally with a count ('2 minutes')",
      },
      {
        path: 'endpoints[2].name',
        message: "duplicate name 'chat' (already used at endpoints[0].name): endpoint and route names must be unique",
      },
    ]);
    expect(error.message.split('\n')).toHaveLength(9);
    expect(error.message.split('\n')[0]).toBe(`Invalid gateway configuration in ${configPath}:`);
  });

  it('reports semantic and secret problems together once the structure is valid', () => {
    const issues = issuesOf(`
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: {provider: openai, config: {openai_api_key: $OPENAI_API_KEY, openai_deployment_name: d}}
  - name: chat
    endpoint_type: llm/v1/chat
    model: {provider: mock}
`);
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model.config.openai_deployment_name',
        message: "can only be set if 'openai_api_type' is 'azure' or 'azuread'. Found type: 'openai'",
      },
      { path: 'endpoints[0].model.config.openai_api_key', message: "environment variable 'OPENAI_API_KEY' is not set" },
      {
        path: 'endpoints[1].name',
        message: "duplicate name 'chat' (already used at endpoints[0].name): endpoint and route names must be unique",
      },
    ]);
  });
});
