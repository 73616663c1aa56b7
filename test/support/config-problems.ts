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

/**
 * Problems only building the endpoints used to find (a Bedrock chat model for embeddings, credentials
 * in a base URL beside the provider's Authorization header, a missing `model.name`, an endpoint
 * type the provider does not serve, web search bounds Anthropic would refuse), beside a bad
 * `server:` setting and a schema problem.
 */
export const BUILD_PROBLEMS = `
server:
  request_timeout: 5
  headers_timeout: 10
endpoints:
  - name: palmyra
    endpoint_type: llm/v1/embeddings
    model:
      provider: amazon-bedrock
      name: writer.palmyra-x5-v1:0
      config:
        aws_config: { aws_region: us-east-1 }
  - name: embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: openai
      name: text-embedding-3-small
      config:
        openai_api_key: sk-test-key
        openai_api_type: openia
  - name: mistral
    endpoint_type: llm/v1/chat
    model:
      provider: mistral
      name: mistral-small-latest
      config:
        mistral_api_key: mistral-test-key
        mistral_api_base: https://gateway:s3cret-URL-password@mistral.internal/v1
  - name: command
    endpoint_type: llm/v1/chat
    model:
      provider: cohere
      config: { cohere_api_key: cohere-test-key }
  - name: claude-embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test-key }
  - name: claude-search
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test-key, web_search: { max_uses: 3, allowed_domains: [example.com], blocked_domains: [reddit.com] } }
  - name: fine
    endpoint_type: llm/v1/chat
    model: { provider: mock }
`;

export const BUILD_PROBLEM_ISSUES = [
  { path: 'server.headers_timeout', message: 'must not be longer than server.request_timeout (5 s): the headers are part of the request' },
  {
    path: 'endpoints[0].model',
    message: expect.stringMatching(/^endpoint 'palmyra': model 'writer\.palmyra-x5-v1:0' \(Writer Palmyra\) cannot serve llm\/v1\/embeddings on Amazon Bedrock: /),
  },
  { path: 'endpoints[1].model.config.openai_api_type', message: expect.stringContaining("'openia' is not supported") },
  {
    path: 'endpoints[2].model',
    message:
      "endpoint 'mistral': the base URL holds credentials (user:password@), which cannot be combined with the provider's own Authorization header: remove them from the URL",
  },
  { path: 'endpoints[3].model', message: "endpoint 'command': Cohere needs 'model.name' (the Cohere model to call)" },
  {
    path: 'endpoints[4].endpoint_type',
    message: "endpoint 'claude-embed': provider 'anthropic' does not support llm/v1/embeddings (it supports llm/v1/chat, llm/v1/completions)",
  },
  {
    path: 'endpoints[5].model.config.web_search.blocked_domains',
    message: "endpoint 'claude-search': Anthropic refuses allowed_domains and blocked_domains in one request: keep one of the two lists",
  },
];
