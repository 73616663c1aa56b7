/** Sizes, counts and renewal periods have a maximum, refused at their YAML path in either form they may be written in. */
import { issuesOf, loadInline as load } from '../../support/config';
import configSchema from '../../../config-schema/gateway-config.schema.json';

const endpoint = (extra = '') => `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock }
${extra}`;

describe('sizes', () => {
  it.each([
    ['server', 'max_body_size', '500mb', '501mb', 'must be at most 500mb (524288000 bytes)'],
    ['server', 'max_answer_size', '500mb', '0.5gb', 'must be at most 500mb (524288000 bytes)'],
    ['response_store', 'max_size', '1gb', '1025mb', 'must be at most 1gb (1073741824 bytes)'],
    ['logging', 'max_body_size', '16mb', '16385kb', 'must be at most 16mb (16777216 bytes)'],
  ])('%s.%s: %s is served, %s is refused as text and as bytes with the same message', (section, key, largest, over, message) => {
    expect(() => load(`${endpoint()}${section}: { ${key}: ${largest} }\n`)).not.toThrow();
    const path = `${section}.${key}`;
    expect(issuesOf(`${endpoint()}${section}: { ${key}: ${over} }\n`)).toEqual([{ path, message }]);
    expect(issuesOf(`${endpoint()}${section}: { ${key}: 99999999999999999999 }\n`)).toEqual([{ path, message }]);
    expect(issuesOf(`${endpoint()}${section}: { ${key}: 99999999999999999999gb }\n`)).toEqual([{ path, message }]);
  });
});

describe('counts', () => {
  it.each([
    ['server', 'max_json_depth', 1000],
    ['server', 'max_json_keys', 100000],
  ])('%s.%s is at most %d', (section, key, most) => {
    expect(() => load(`${endpoint()}${section}: { ${key}: ${most} }\n`)).not.toThrow();
    expect(issuesOf(`${endpoint()}${section}: { ${key}: ${most + 1} }\n`)).toEqual([{ path: `${section}.${key}`, message: `must be at most ${most}` }]);
  });

  it('retries.max_attempts is at most 10, in defaults and on an endpoint', () => {
    expect(() => load(`${endpoint('    retries: { max_attempts: 10 }\n')}`)).not.toThrow();
    expect(issuesOf(`${endpoint('    retries: { max_attempts: 1000000000 }\n')}`)).toEqual([{ path: 'endpoints[0].retries.max_attempts', message: 'must be at most 10' }]);
    expect(issuesOf(`${endpoint()}defaults: { retries: { max_attempts: 11 } }\n`)).toEqual([{ path: 'defaults.retries.max_attempts', message: 'must be at most 10' }]);
  });

  it.each(['calls', 'tokens'])('limit.%s is at most 2^53 - 1, counted exactly', (key) => {
    expect(() => load(endpoint(`    limit: { ${key}: 9007199254740991, renewal_period: minute }\n`))).not.toThrow();
    expect(issuesOf(endpoint(`    limit: { ${key}: 9007199254740992, renewal_period: minute }\n`))).toEqual([
      { path: `endpoints[0].limit.${key}`, message: 'must be at most 9007199254740991, the largest whole number counted exactly' },
    ]);
  });
});

describe('renewal periods', () => {
  it.each(['10 years', '120 months', '3600 days', '311040000 seconds'])('%s is served', (period) => {
    expect(() => load(endpoint(`    limit: { calls: 1, renewal_period: ${period} }\n`))).not.toThrow();
  });

  it.each(['11 years', '3601 days', '311040001 seconds', `${'9'.repeat(400)} years`])('%s is refused on an endpoint and on a client key', (period) => {
    const rule = 'the renewal period must be at most 10 years (120 months, 3600 days: a month counts 30 days)';
    expect(issuesOf(endpoint(`    limit: { calls: 1, renewal_period: ${period} }\n`))).toEqual([{ path: 'endpoints[0].limit.renewal_period', message: `endpoint 'chat': ${rule}` }]);
    expect(issuesOf(`${endpoint()}auth: { api_keys: [{ name: ci, key: ci-key, limit: { calls: 1, renewal_period: ${period} } }] }\n`)).toEqual([
      { path: 'auth.api_keys[0].limit.renewal_period', message: `client key 'ci': ${rule}` },
    ]);
  });
});

describe('durations that become timers', () => {
  // setTimeout fires at once for a delay over 2^31 - 1 ms (about 24.8 days), so every such setting must stay under it.
  const LONGEST_TIMER_MS = 2 ** 31 - 1;
  const definitions = (configSchema as unknown as { definitions: Record<string, { properties: Record<string, { maximum?: number }> }> }).definitions;
  const timers = [
    ...['connect', 'first_byte', 'idle', 'total'].map((key) => ['Timeouts', key]),
    ...['initial_backoff', 'max_backoff', 'max_elapsed', 'max_retry_after'].map((key) => ['Retries', key]),
    ...['request_timeout', 'headers_timeout', 'shutdown_timeout', 'keep_alive_timeout', 'stream_keepalive'].map((key) => ['ServerSettings', key]),
  ];

  it.each(timers)('%s.%s in seconds has a maximum under 2^31 - 1 ms', (definition, key) => {
    const most = definitions[definition].properties[key].maximum;
    expect(most).toBeDefined();
    expect(Math.round(most! * 1000)).toBeLessThanOrEqual(LONGEST_TIMER_MS);
  });

  it.each([
    ['MockConfig', 'latency_ms'],
    ['RateLimitStore', 'timeout_ms'],
  ])('%s.%s in milliseconds has a maximum under 2^31 - 1 ms', (definition, key) => {
    expect(definitions[definition].properties[key].maximum).toBeLessThanOrEqual(LONGEST_TIMER_MS);
  });
});

test('an n default is at most 128, as OpenAI takes: every request would otherwise ask for that many answers', () => {
  const withN = (n: number) => `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, config: { n: ${n} } }
`;
  expect(() => load(withN(128))).not.toThrow();
  expect(issuesOf(withN(1_000_000_000))).toEqual([{ path: 'endpoints[0].model.config.n', message: 'must be at most 128' }]);
});
