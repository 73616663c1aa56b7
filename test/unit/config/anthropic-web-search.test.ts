/**
 * An `anthropic` endpoint's `web_search` (the operator's bounds on Anthropic's web search tool) is
 * checked at load, each problem at its YAML path: `max_uses` a positive integer, each domain list a
 * non-empty list of host names (a path allowed, no scheme or port), not both lists (Anthropic refuses
 * them together), and only on a chat endpoint.
 */
import { issuesOf, loadInline } from '../../support/config';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';

function config(setting: string, endpointType = 'chat'): string {
  return `
endpoints:
  - name: fine
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: claude
    endpoint_type: llm/v1/${endpointType}
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, web_search: ${setting} }
`;
}

const PATH = 'endpoints[1].model.config.web_search';

test.each([
  '{ max_uses: 3 }',
  '{ allowed_domains: [docs.python.org, example.com/blog, en.wikipedia.org] }',
  '{ max_uses: 1, blocked_domains: [reddit.com, xn--bcher-kva.example] }',
  '{}',
])('%s loads', (setting) => {
  expect(() => loadInline(config(setting))).not.toThrow();
});

test.each([
  ['{ max_uses: 0 }', 'max_uses', 'must be a whole number of searches, 1 or more'],
  ['{ max_uses: 2.5 }', 'max_uses', 'must be a whole number of searches, 1 or more'],
  ['{ max_uses: -1 }', 'max_uses', 'must be a whole number of searches, 1 or more'],
  ['{ allowed_domains: [] }', 'allowed_domains', 'must list at least 1 item'],
  ['{ blocked_domains: reddit.com }', 'blocked_domains', 'must be a list'],
  ['{ max_use: 5 }', 'max_use', "is not a known key here (did you mean 'max_uses'?)"],
  ['[example.com]', '', 'must be a mapping'],
])('the schema refuses %s at its key', (setting, key, message) => {
  expect(issuesOf(config(setting))).toEqual([{ path: key === '' ? PATH : `${PATH}.${key}`, message }]);
});

test.each([
  ['{ allowed_domains: [example.com, "https://docs.example.com"] }', 'allowed_domains[1]', '"https://docs.example.com" has a scheme: give the host name alone, e.g. example.com'],
  ['{ blocked_domains: ["example .com"] }', 'blocked_domains[0]', '"example .com" holds whitespace'],
  ['{ allowed_domains: [""] }', 'allowed_domains[0]', '"" has no host name'],
  ['{ allowed_domains: [/blog] }', 'allowed_domains[0]', '"/blog" has no host name'],
  ['{ allowed_domains: ["example.com:8443"] }', 'allowed_domains[0]', '"example.com:8443" is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path'],
  ['{ blocked_domains: ["*.example.com"] }', 'blocked_domains[0]', '"*.example.com" is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path'],
  ['{ blocked_domains: [example..com] }', 'blocked_domains[0]', '"example..com" is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path'],
  ['{ blocked_domains: [-example.com] }', 'blocked_domains[0]', '"-example.com" is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path'],
])('a domain that is not a host name (%s) is refused at its item', (setting, key, message) => {
  expect(issuesOf(config(setting))).toEqual([{ path: `${PATH}.${key}`, message: `endpoint 'claude': ${message}` }]);
});

test('a long entry that is not a host name is quoted cut', () => {
  expect(issuesOf(config(`{ allowed_domains: [${LONG_VALUE}] }`))).toEqual([
    { path: `${PATH}.allowed_domains[0]`, message: `endpoint 'claude': ${LONG_VALUE_CUT} is not a host name (letters, digits, hyphens and dots, no port), optionally followed by a path` },
  ]);
});

test('both lists at once are refused at the second: Anthropic takes one or the other', () => {
  expect(issuesOf(config('{ allowed_domains: [example.com], blocked_domains: [reddit.com] }'))).toEqual([
    { path: `${PATH}.blocked_domains`, message: "endpoint 'claude': Anthropic refuses allowed_domains and blocked_domains in one request: keep one of the two lists" },
  ]);
});

test('a completions endpoint (no web search there) is refused at web_search', () => {
  expect(issuesOf(config('{ max_uses: 3 }', 'completions'))).toEqual([
    { path: PATH, message: "endpoint 'claude': applies to chat endpoints only (web search is chat's web_search_options); remove it from this completions endpoint" },
  ]);
});
