/** Values a config's author wrote are quoted whole up to 80 characters, and cut past that with their full length. */
import { quoted, quotedJson } from '../../../src/config/quoted';
import { issuesOf } from '../../support/config';

/** Short runs between dashes: a run of 32 letters would look like a secret, and be shown by its first characters only. */
const long = (prefix: string, length: number) => (prefix + 'abc-'.repeat(length)).slice(0, length);
const cut = (prefix: string, length: number) => `'${long(prefix, 80)}…' (${length} characters)`;

test('quoted: whole up to 80 characters, cut past them with the full length in characters', () => {
  expect(quoted('chat')).toBe("'chat'");
  expect(quoted('x'.repeat(80))).toBe(`'${'x'.repeat(80)}'`);
  expect(quoted('x'.repeat(81))).toBe(`'${'x'.repeat(80)}…' (81 characters)`);
  // 80 emoji are 160 UTF-16 units, and still whole; an emoji is never cut in half.
  expect(quoted('😀'.repeat(80))).toBe(`'${'😀'.repeat(80)}'`);
  expect(quoted('😀'.repeat(81))).toBe(`'${'😀'.repeat(80)}…' (81 characters)`);
  expect(quoted('x'.repeat(1_000_000))).toHaveLength(80 + '\'…\' (1000000 characters)'.length);
});

test('quotedJson: a value as JSON writes it up to 80 characters; a longer string cut inside its quotes, other JSON text cut as it is', () => {
  expect(quotedJson('max')).toBe('"max"');
  expect(quotedJson(3)).toBe('3');
  expect(quotedJson(null)).toBe('null');
  expect(quotedJson(undefined)).toBe('undefined');
  expect(quotedJson({ type: 'function' })).toBe('{"type":"function"}');
  expect(quotedJson('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
  expect(quotedJson('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…" (81 characters)`);
  expect(quotedJson('😀'.repeat(81))).toBe(`"${'😀'.repeat(80)}…" (81 characters)`);
  // The JSON text of `{"a":"xx…"}` is 8 characters more than its string: 80 in all is whole, 81 is cut.
  expect(quotedJson({ a: 'x'.repeat(72) })).toBe(`{"a":"${'x'.repeat(72)}"}`);
  expect(quotedJson({ a: 'x'.repeat(73) })).toBe(`{"a":"${'x'.repeat(73)}"… (81 characters)`);
  expect(quotedJson(['x'.repeat(1_000_000)])).toBe(`["${'x'.repeat(78)}… (1000004 characters)`);
});

const mock = (name: string) => `  - {name: ${name}, endpoint_type: llm/v1/chat, model: {provider: mock}}\n`;

describe('config messages quote long values cut', () => {
  const name = long('chat-', 500);

  it('a duplicate endpoint name', () => {
    expect(issuesOf(`endpoints:\n${mock(name)}${mock(name)}`)).toEqual([
      { path: 'endpoints[1].name', message: `duplicate name ${cut('chat-', 500)} (already used at endpoints[0].name): endpoint and route names must be unique` },
    ]);
  });

  it('an invalid endpoint name', () => {
    expect(issuesOf(`endpoints:\n${mock(`"${long('my chat ', 300)}"`)}`)).toEqual([
      { path: 'endpoints[0].name', message: `${cut('my chat ', 300)} is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)` },
    ]);
  });

  it("a route's destinations and a client key's endpoints", () => {
    const route = long('split-', 200);
    const issues = issuesOf(`endpoints:\n${mock('chat')}routes:
  - {name: ${route}, task_type: llm/v1/chat, destinations: [{name: ${name}, traffic_percentage: 100}]}
auth: { api_keys: [{ name: ${long('key-', 90)}, key: k1, endpoints: [${name}] }, { name: ${long('key-', 90)}, key: k2 }] }
`);
    expect(issues).toEqual([
      { path: 'routes[0].destinations[0].name', message: `The route destination name must be an endpoint or route name, but the route ${cut('split-', 200)} has an invalid destination name ${cut('chat-', 500)}` },
      { path: 'auth.api_keys[0].endpoints', message: `${cut('chat-', 500)} is not an endpoint or route of this config` },
      { path: 'auth.api_keys[1].name', message: `duplicate key name ${cut('key-', 90)}: each key needs its own name` },
    ]);
  });

  it("a limit's subject and an unset environment variable", () => {
    const variable = long('GATEWAY_TEST_UNSET_', 120);
    const issues = issuesOf(`endpoints:
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $${variable} } }
    limit: { calls: 1, renewal_period: 0 minutes }
`);
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: `environment variable ${cut('GATEWAY_TEST_UNSET_', 120)} is not set` },
      { path: 'endpoints[0].limit.renewal_period', message: `endpoint ${cut('chat-', 500)}: the renewal period must be at least 1 minute` },
    ]);
  });

  it('a long key in a YAML path', () => {
    const key = long('extra_', 300);
    const issues = issuesOf(`endpoints:\n${mock('chat')}auth: { ${key}: 1, api_keys: [] }\n`);
    expect(issues.map((issue) => issue.path)).toContain(`auth[${cut('extra_', 300)}]`);
  });
});
