/** A config file with one problem of each kind that used to be reported in a later stage (tests of start-up and reload). */

/** An unset `$ENV`, a schema violation in another endpoint, a bad `server:` setting and a bad `auth:` entry. */
export const FOUR_PROBLEMS = `
server:
  request_timeout: 5
  headers_timeout: 10
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: $GATEWAY_TEST_UNSET_KEY
  - name: embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config:
        openai_api_key: sk-test-key
        openai_api_type: openia
auth:
  api_keys:
    - name: ops
      key: $GATEWAY_TEST_UNSET_CLIENT_KEY
    - name: ci
      key: ci-key
      endpoints: [chat, no-such-endpoint]
`;

export const FOUR_PROBLEM_ISSUES = [
  { path: 'server.headers_timeout', message: 'must not be longer than server.request_timeout (5 s): the headers are part of the request' },
  { path: 'endpoints[0].model.config.openai_api_key', message: "environment variable 'GATEWAY_TEST_UNSET_KEY' is not set" },
  { path: 'endpoints[1].model.config.openai_api_type', message: expect.stringContaining("'openia' is not supported") },
  { path: 'auth.api_keys[0].key', message: "environment variable 'GATEWAY_TEST_UNSET_CLIENT_KEY' is not set" },
  { path: 'auth.api_keys[1].endpoints', message: "'no-such-endpoint' is not an endpoint or route of this config" },
];
