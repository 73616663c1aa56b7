/** Every problem of a config file is reported at once, never one that only follows from another. */
import { ConfigError } from '../../../src/config/config-error';
import { parseConfigText } from '../../../src/config/load';
import { compileConfigText } from '../../../src/server/reload';
import { FOUR_PROBLEMS, FOUR_PROBLEM_ISSUES } from '../../support/config-problems';

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
  const error = await compileConfigText(FOUR_PROBLEMS, '/etc/gateway/config.yaml').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  const { issues, message } = error as ConfigError;
  expect(issues).toEqual(FOUR_PROBLEM_ISSUES);
  expect(message.split('\n').slice(1)).toHaveLength(FOUR_PROBLEM_ISSUES.length);
});

test('problems that only follow from another are not reported: a bad server size is not compared, unresolved client keys are not duplicates', () => {
  const text = `
server:
  max_body_size: lots
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
  expect(issues.map((issue) => issue.path)).toEqual(['server.max_body_size', 'auth.api_keys[0].key', 'auth.api_keys[1].key']);
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
