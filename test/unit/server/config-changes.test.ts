/** What a reload's log line says changed: endpoints and routes, client keys by name, the other settings, and what it opens. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseConfigText } from '../../../src/config/load';
import type { GatewayConfig } from '../../../generated/config';
import { configChanges, describeChanges, type ConfigChanges } from '../../../src/server/config-changes';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

const endpoint = (name: string, model = 'm') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: ${model} }`;

const config = (...endpoints: string[]) => `endpoints:${endpoints.join('')}\n`;
const parse = (text: string) => parseConfigText(text, '/config.yaml');
const changesBetween = (before: string, after: string) => configChanges(parse(before), parse(after));

const clientKey = (name: string, key: string, more = '') => `\n    - { name: ${name}, key: ${key}${more} }`;
const withAuth = (keys: string, flags = '') => `${config(endpoint('a'))}auth:${flags}\n  api_keys:${keys}\n`;

/** Changes with nothing in them but `changes`. */
const only = (changes: Partial<ConfigChanges>): ConfigChanges => ({
  added: [],
  changed: [],
  removed: [],
  clientKeys: { added: [], rotated: [], changed: [], removed: [], widened: [] },
  settings: [],
  opened: [],
  ...changes,
});

describe('configChanges', () => {
  test('names endpoints added, changed and removed, in config order', () => {
    const before = config(endpoint('a'), endpoint('b'), endpoint('c'));
    const after = config(endpoint('d'), endpoint('a', 'other'), endpoint('c'), endpoint('e'));
    expect(changesBetween(before, after)).toEqual(only({ added: ['d', 'e'], changed: ['a'], removed: ['b'] }));
  });

  test('traffic routes count too', () => {
    const route = (percentages: [number, number]) => `routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: a, traffic_percentage: ${percentages[0]} }
      - { name: b, traffic_percentage: ${percentages[1]} }
`;
    const endpoints = config(endpoint('a'), endpoint('b'));
    expect(changesBetween(endpoints, endpoints + route([50, 50]))).toEqual(only({ added: ['split'] }));
    expect(changesBetween(endpoints + route([50, 50]), endpoints + route([90, 10]))).toEqual(only({ changed: ['split'] }));
  });

  test('reordered keys and comments are not changes, in endpoints or settings', () => {
    const before = `${config(endpoint('a'))}server: { max_body_size: 1mb, max_json_depth: 10 }\n`;
    const after = `# a comment
server: { max_json_depth: 10, max_body_size: 1mb }
endpoints:
  - model: { name: m, provider: mock }
    endpoint_type: llm/v1/chat
    name: a
`;
    expect(changesBetween(before, after)).toEqual(only({}));
  });

  test('client keys are named added, rotated (their key alone changed), changed (endpoints or limit) and removed', () => {
    const before = withAuth(clientKey('ci', 'gw-key-ci-0001') + clientKey('batch', 'gw-key-batch-0001') + clientKey('old', 'gw-key-old-0001') + clientKey('both', 'gw-key-both-0001'));
    const after = withAuth(
      clientKey('ci', 'gw-key-ci-0001', ', endpoints: [a]') + clientKey('batch', 'gw-key-batch-0002') + clientKey('new', 'gw-key-new-0001') + clientKey('both', 'gw-key-both-0002', ', endpoints: [a]'),
    );
    expect(changesBetween(before, after).clientKeys).toEqual({ added: ['new'], rotated: ['batch', 'both'], changed: ['ci', 'both'], removed: ['old'], widened: [] });
  });

  test('a key written as its sha256: digest is the same key, not a rotated one', () => {
    const digest = createHash('sha256').update('gw-key-ci-0001').digest('hex');
    expect(changesBetween(withAuth(clientKey('ci', 'gw-key-ci-0001')), withAuth(clientKey('ci', `"sha256:${digest}"`)))).toEqual(only({}));
  });

  test("a kept key whose endpoints list is removed or gains names is widened (its list narrowed, or a new key, is not)", () => {
    const fourEndpoints = config(endpoint('a'), endpoint('b'), endpoint('c'), endpoint('d'));
    const withKeys = (keys: string) => `${fourEndpoints}auth:\n  api_keys:${keys}\n`;
    const before = withKeys(
      clientKey('ci', 'gw-key-ci-0001', ', endpoints: [a]') + clientKey('batch', 'gw-key-batch-0001', ', endpoints: [a, b]') + clientKey('narrow', 'gw-key-narrow-0001', ', endpoints: [a, b]') + clientKey('all', 'gw-key-all-0001'),
    );
    const after = withKeys(
      clientKey('ci', 'gw-key-ci-0001') + clientKey('batch', 'gw-key-batch-0001', ', endpoints: [b, c, d]') + clientKey('narrow', 'gw-key-narrow-0001', ', endpoints: [b]') + clientKey('all', 'gw-key-all-0001', ', endpoints: [a]') + clientKey('new', 'gw-key-new-0001'),
    );
    expect(changesBetween(before, after).clientKeys).toEqual({
      added: ['new'],
      rotated: [],
      changed: ['ci', 'batch', 'narrow', 'all'],
      removed: [],
      widened: [
        { name: 'ci', now: null },
        { name: 'batch', now: ['c', 'd'] },
      ],
    });
  });

  test("a key's long endpoints list is compared in linear time", () => {
    const names = Array.from({ length: 20_000 }, (_, index) => `endpoint-${index}`);
    const endpoints = names.map((name) => ({ name, endpoint_type: 'llm/v1/chat', model: { provider: 'mock', name: 'm' } }));
    const withList = (list: string[]) => ({ endpoints, auth: { api_keys: [{ name: 'ci', key: 'gw-key-ci-0001', endpoints: list }] } }) as GatewayConfig;
    const [before, after] = [withList(names.slice(1)), withList([...names].reverse())];
    let widened: ConfigChanges['clientKeys']['widened'] = [];
    // Quadratic (each name looked up in the old list), it took about 1 s.
    expect(leastCpuMillisecondsOf(() => ({ widened } = configChanges(before, after).clientKeys), 250)).toBeLessThan(250);
    expect(widened).toEqual([{ name: 'ci', now: ['endpoint-0'] }]);
  });

  test('removing auth: opens every endpoint to callers without a key', () => {
    const changes = changesBetween(withAuth(clientKey('ci', 'gw-key-ci-0001') + clientKey('batch', 'gw-key-batch-0001'), '\n  public_metrics: true'), config(endpoint('a')));
    expect(changes).toEqual(only({ clientKeys: { added: [], rotated: [], changed: [], removed: ['ci', 'batch'], widened: [] }, settings: ['auth'], opened: ['auth'] }));
  });

  test('public_metrics and public_endpoint_list turned on open what they name; adding auth: opens nothing', () => {
    const keys = clientKey('ci', 'gw-key-ci-0001');
    expect(changesBetween(withAuth(keys, '\n  public_endpoint_list: false'), withAuth(keys, '\n  public_metrics: true\n  public_endpoint_list: true'))).toEqual(
      only({ settings: ['auth.public_endpoint_list', 'auth.public_metrics'], opened: ['auth.public_metrics', 'auth.public_endpoint_list'] }),
    );
    // Already public, or turned off: nothing more is open.
    expect(changesBetween(withAuth(keys, '\n  public_metrics: true'), withAuth(keys, '\n  public_metrics: false')).opened).toEqual([]);
    expect(changesBetween(config(endpoint('a')), withAuth(keys, '\n  public_metrics: true'))).toEqual(
      only({ clientKeys: { added: ['ci'], rotated: [], changed: [], removed: [], widened: [] }, settings: ['auth'] }),
    );
  });

  test('the other settings are named by YAML path, in the schema order, whether set, changed or unset', () => {
    const before = `${config(endpoint('a'))}server: { request_timeout: 60, max_json_depth: 10 }
logging: { bodies: false }
response_store: { max_age: 60 }
`;
    const after = `${config(endpoint('a'))}server: { request_timeout: 30 }
logging: { bodies: true }
defaults: { timeouts: { total: 5 }, retries: { max_attempts: 2 } }
plugins: [${JSON.stringify(join(__dirname, '../../fixtures/plugins/role-first-overloaded'))}]
`;
    expect(changesBetween(before, after).settings).toEqual([
      'plugins',
      'response_store.max_age',
      'defaults.timeouts.total',
      'defaults.retries.max_attempts',
      'logging.bodies',
      'server.max_json_depth',
      'server.request_timeout',
    ]);
  });

  test('a setting holding a secret is named, never shown; a key the gateway does not read is not named (it may be a secret pasted as a key)', () => {
    const before = `${config(endpoint('a'))}rate_limit_store: { type: redis, url: "redis://:first-password@127.0.0.1:6379" }\nserver: { sk-proj-1234567890abcdefghij: 1 }\n`;
    const after = `${config(endpoint('a'))}rate_limit_store: { type: redis, url: "redis://:second-password@127.0.0.1:6379" }\nserver: { sk-proj-1234567890abcdefghij: 2 }\n`;
    const changes = changesBetween(before, after);
    expect(changes.settings).toEqual(['rate_limit_store.url']);
    expect(JSON.stringify(changes) + describeChanges('/c.yaml', changes)).not.toMatch(/password|sk-proj/);
  });
});

describe('describeChanges', () => {
  test('is one line naming what changed', () => {
    expect(describeChanges('/etc/gateway/config.yaml', only({ added: ['d', 'e'], changed: ['a'] }))).toBe('config reloaded from /etc/gateway/config.yaml: added d, e; changed a');
    expect(describeChanges('/c.yaml', only({}))).toBe('config reloaded from /c.yaml: nothing changed');
    expect(describeChanges('/c.yaml', only({ changed: ['a'] }), { servedTextOnly: true })).toBe(
      'secret files reloaded into the last accepted config of /c.yaml, the file on disk being refused: changed a',
    );
  });

  test('names client keys by name and the other settings by path, saying which only a restart applies', () => {
    const changes = only({
      changed: ['chat'],
      clientKeys: { added: ['new'], rotated: ['batch', 'ci'], changed: [], removed: ['old'], widened: [] },
      settings: ['logging.bodies', 'server.request_timeout'],
    });
    expect(describeChanges('/c.yaml', changes, { restartApplies: ['server.request_timeout', 'server.headers_timeout'] })).toBe(
      'config reloaded from /c.yaml: changed chat; added client key new; rotated client keys batch, ci; removed client key old; changed settings logging.bodies, server.request_timeout (only a restart applies it)',
    );
    expect(describeChanges('/c.yaml', only({ settings: ['server.max_body_size'] }))).toBe('config reloaded from /c.yaml: changed setting server.max_body_size');
  });

  test('says first what callers without a key, then which client keys, may now do', () => {
    const widened = [
      { name: 'ci', now: null },
      { name: 'batch', now: ['c', 'd'] },
    ];
    expect(describeChanges('/c.yaml', only({ clientKeys: { added: [], rotated: [], changed: ['ci', 'batch'], removed: [], widened } }))).toBe(
      'config reloaded from /c.yaml: client key ci may now call every endpoint and route (its endpoints list removed); client key batch may now also call c, d; changed client keys ci, batch',
    );
  });

  test('says first what callers without a key may now do', () => {
    expect(describeChanges('/c.yaml', only({ clientKeys: { added: [], rotated: [], changed: [], removed: ['ci'], widened: [] }, settings: ['auth'], opened: ['auth'] }))).toBe(
      'config reloaded from /c.yaml: callers without a key may now call every endpoint and route, list them and read /metrics (auth removed); removed client key ci',
    );
    expect(describeChanges('/c.yaml', only({ settings: ['auth.public_endpoint_list', 'auth.public_metrics', 'logging.bodies'], opened: ['auth.public_metrics', 'auth.public_endpoint_list'] }))).toBe(
      "config reloaded from /c.yaml: callers without a key may now read /metrics, which shows every endpoint's and client key's traffic (auth.public_metrics: true) and list every endpoint and route (auth.public_endpoint_list: true); changed setting logging.bodies",
    );
    expect(describeChanges('/c.yaml', only({ clientKeys: { added: ['ci'], rotated: [], changed: [], removed: [], widened: [] }, settings: ['auth'] }))).toBe(
      'config reloaded from /c.yaml: callers need a client key now (auth added); added client key ci',
    );
  });
});
