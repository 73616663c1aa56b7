/** Every problem of a config file is reported at once, never one that only follows from another. */
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { compileConfigText } from '../../../src/server/reload';
import { silentLogger } from '../../../src/server/logging';
import * as bedrockClient from '../../../src/providers/bedrock/client';
import * as pools from '../../../src/providers/transport/pools';
import { BUILD_PROBLEMS, BUILD_PROBLEM_ISSUES, FOUR_PROBLEMS, FOUR_PROBLEM_ISSUES } from '../../support/config-problems';
import { withProxyVariables } from '../../support/proxy-environment';

function issuesOf(load: () => unknown): ConfigError['issues'] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('the config was accepted');
}

test('an unset $ENV, a schema violation, a bad server: setting and a bad auth: entry are all reported at once, in document order', () => {
  expect(issuesOf(() => parseConfigText(FOUR_PROBLEMS, '/etc/gateway/config.yaml', { env: {} }))).toEqual(FOUR_PROBLEM_ISSUES);
});

test('compiling (as start-up and reload do) reports the same list, each problem once', async () => {
  const error = await compileConfigText(FOUR_PROBLEMS, '/etc/gateway/config.yaml', silentLogger).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  const { issues, message } = error as ConfigError;
  expect(issues).toEqual(FOUR_PROBLEM_ISSUES);
  expect(message.split('\n').slice(1)).toHaveLength(FOUR_PROBLEM_ISSUES.length);
});

test('problems that only follow from another are not reported: a refused request_timeout is not compared, unresolved client keys are not duplicates', () => {
  const text = `
server:
  request_timeout: lots
  headers_timeout: 100
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
auth:
  api_keys:
    - { name: a, key: $GATEWAY_TEST_UNSET_A }
    - { name: b, key: $GATEWAY_TEST_UNSET_A }
`;
  const issues = issuesOf(() => parseConfigText(text, '/config.yaml', { env: {} }));
  expect(issues.map((issue) => issue.path)).toEqual(['server.request_timeout', 'auth.api_keys[0].key', 'auth.api_keys[1].key']);
});

test("a value the schema refuses does not hide the problems of its section's other keys", () => {
  const text = `
server:
  max_body_size: 600mb
  max_json_depth: 0
  headers_timeout: 100
logging: { bodies: maybe, max_body_size: 20mb }
response_store: { max_size: 2gb, max_age: 0 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
  expect(issuesOf(() => parseConfigText(text, '/config.yaml'))).toEqual([
    { path: 'server.max_json_depth', message: 'must be at least 2' },
    { path: 'server.max_body_size', message: 'must be at most 500mb (524288000 bytes)' },
    { path: 'server.headers_timeout', message: 'must not be longer than server.request_timeout (60 s): the headers are part of the request' },
    { path: 'logging.bodies', message: 'must be true or false' },
    { path: 'logging.max_body_size', message: 'must be at most 16mb (16777216 bytes)' },
    { path: 'response_store.max_age', message: 'must be more than 0' },
    { path: 'response_store.max_size', message: 'must be at most 1gb (1073741824 bytes)' },
  ]);
});

test('an endpoint limit with a zero renewal period is reported with the other problems, before any rate-limit store is opened', () => {
  const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
    limit: { calls: 1, renewal_period: 0 minutes }
  - name: bad name
    endpoint_type: llm/v1/chat
    model: { provider: mock }
rate_limit_store:
  type: redis
  url: redis://127.0.0.1:1/0
`;
  const issues = issuesOf(() => parseConfigText(text, '/config.yaml'));
  expect(issues.map((issue) => issue.path)).toEqual(['endpoints[0].limit.renewal_period', 'endpoints[1].name']);
});

test("a refused value of a limit or of a client key does not hide its neighbours' problems in auth: or in that limit", () => {
  const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
    limit: { calls: -1, renewal_period: 11 years }
auth:
  public_docs: maybe
  api_keys:
    - { name: a, key: k1, endpointz: [chat] }
    - { name: a, key: k2, endpoints: [nope], limit: { calls: 5, renewal_period: 11 years } }
    - { name: b, key: k3, limit: { calls: x, renewal_period: 0 minutes } }
`;
  const tooLong = 'the renewal period must be at most 10 years (120 months, 3600 days: a month counts 30 days)';
  expect(issuesOf(() => parseConfigText(text, '/config.yaml'))).toEqual([
    { path: 'endpoints[0].limit.calls', message: 'must be an integer, 0 or more (0 rejects every request)' },
    { path: 'endpoints[0].limit.renewal_period', message: `endpoint 'chat': ${tooLong}` },
    { path: 'auth.api_keys[0].endpointz', message: "is not a known key here (did you mean 'endpoints'?)" },
    { path: 'auth.api_keys[2].limit.calls', message: 'must be an integer, 0 or more (0 rejects every request)' },
    { path: 'auth.public_docs', message: 'must be true or false' },
    { path: 'auth.api_keys[1].name', message: "duplicate key name 'a': each key needs its own name" },
    { path: 'auth.api_keys[1].endpoints', message: "'nope' is not an endpoint or route of this config" },
    { path: 'auth.api_keys[1].limit.renewal_period', message: `client key 'a': ${tooLong}` },
    { path: 'auth.api_keys[2].limit.renewal_period', message: "client key 'b': the renewal period must be at least 1 minute" },
  ]);
});

describe("what the built-in providers refuse when their endpoints are built", () => {
  test('is reported with the other problems of the file (server:, schema), in document order', () => {
    expect(issuesOf(() => parseConfigText(BUILD_PROBLEMS, '/etc/gateway/config.yaml'))).toEqual(BUILD_PROBLEM_ISSUES);
  });

  test('compiling (as start-up and reload do) reports the same list, without quoting the URL password', async () => {
    const error = await compileConfigText(BUILD_PROBLEMS, '/etc/gateway/config.yaml', silentLogger).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual(BUILD_PROBLEM_ISSUES);
    expect((error as ConfigError).message).not.toContain('s3cret-URL-password');
  });

  test('an outbound proxy variable that is not an http(s) URL is reported with a schema problem of another endpoint', async () => {
    const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test-key } }
  - name: bad name
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;
    const issues = await withProxyVariables({ HTTPS_PROXY: 'socks5://gateway:s3cret-PROXY@127.0.0.1:1080' }, () => issuesOf(() => parseConfigText(text, '/config.yaml')));
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model',
        message: "endpoint 'chat': the outbound proxy set for https://api.openai.com (by HTTPS_PROXY) is not an http:// or https:// URL",
      },
      { path: 'endpoints[1].name', message: expect.any(String) },
    ]);
  });

  test('a proxy password that is not percent-encoded (a bare %) is refused at config load, unquoted, not by every call', async () => {
    const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test-key } }
`;
    const issues = await withProxyVariables({ HTTPS_PROXY: 'http://gateway:100%s3cret@127.0.0.1:3128' }, () => issuesOf(() => parseConfigText(text, '/config.yaml')));
    expect(issues).toEqual([
      {
        path: 'endpoints[0].model',
        message:
          "endpoint 'chat': the outbound proxy set for https://api.openai.com (by HTTPS_PROXY) has a user name or password that is not percent-encoded (write % as %25)",
      },
    ]);
  });

  test('an endpoint with a problem of its own is not built as well: an Azure endpoint missing its keys is reported once per key', () => {
    const text = `
endpoints:
  - name: azure
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: azure-test-key, openai_api_type: azure, openai_api_base: "https://example.openai.azure.com" } }
`;
    expect(issuesOf(() => parseConfigText(text, '/config.yaml')).map((issue) => issue.path)).toEqual([
      'endpoints[0].model.config.openai_deployment_name',
      'endpoints[0].model.config.openai_api_version',
    ]);
  });

  test('checking builds nothing: no connection pool, no AWS client, for a refused config or an accepted one', () => {
    const poolFor = jest.spyOn(pools, 'poolFor');
    const createBedrockClient = jest.spyOn(bedrockClient, 'createBedrockClient');
    try {
      const sound = BUILD_PROBLEMS.replace('writer.palmyra-x5-v1:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0');
      expect(() => parseConfigText(sound, '/config.yaml')).toThrow(ConfigError);
      parseConfigText(
        `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test-key } }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: anthropic.claude-3-5-sonnet-20240620-v1:0, config: { aws_config: { aws_region: us-east-1 } } }
`,
        '/config.yaml',
      );
      expect(poolFor).not.toHaveBeenCalled();
      expect(createBedrockClient).not.toHaveBeenCalled();
    } finally {
      poolFor.mockRestore();
      createBedrockClient.mockRestore();
    }
  });
});

test('a refused config also names the keys nothing reads, which start-up would otherwise name only once the rest is fixed', () => {
  // `config:` left empty with its key dedented, a misspelt optional key, and a misspelt required key.
  const text = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
      openai_api_key: sk-never-printed
    limits: { calls: 1, renewal_period: minute }
  - name: other
    endpoint_typ: llm/v1/chat
    model: { provider: mock }
`;
  let error: ConfigError | undefined;
  try {
    parseConfigText(text, '/etc/gateway/config.yaml', { env: {} });
  } catch (caught) {
    error = caught as ConfigError;
  }
  expect(error?.message).toBe(`Invalid gateway configuration in /etc/gateway/config.yaml:
  endpoints[0].model.config: must be a mapping
  endpoints[1].endpoint_type: is required (did you mean 'endpoint_type' where 'endpoint_typ' is written?)
It also sets keys the gateway does not read (ignored, but perhaps part of the same mistake):
  endpoints[0].model.openai_api_key: is not a known key here and is ignored ('openai_api_key' is read under 'config': indent it under 'config')
  endpoints[0].limits: is not a known key here and is ignored (did you mean 'limit'?)`);
  expect(error?.issues.map((issue) => issue.path)).toEqual(['endpoints[0].model.config', 'endpoints[1].endpoint_type']);
});
