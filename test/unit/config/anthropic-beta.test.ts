/**
 * `anthropic_beta` (Anthropic, and Claude on Amazon Bedrock) is checked at load: a beta name the
 * header or body field cannot carry (empty, holding a comma or whitespace) is refused at its YAML
 * path, as is the setting on a Bedrock model the gateway knows is not Claude.
 */
import { issuesOf, loadInline } from '../../support/config';
import { LONG_VALUE } from '../../support/long-value';

const CREDENTIALS = { anthropic: 'anthropic_api_key: sk-ant-test', bedrock: 'aws_config: { aws_region: us-east-1 }' } as const;

function config(provider: keyof typeof CREDENTIALS, model: string, setting: string, endpointType = 'chat'): string {
  return `
endpoints:
  - name: fine
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: claude
    endpoint_type: llm/v1/${endpointType}
    model:
      provider: ${provider}
      name: "${model}"
      config: { ${CREDENTIALS[provider]}, anthropic_beta: ${setting} }
`;
}

const LIST_MESSAGE = 'must be a list of beta names (e.g. [context-1m-2025-08-07]) or one string of names separated by commas, not empty';

describe('a beta name the header cannot carry is refused at its YAML path', () => {
  test.each([
    ['anthropic', 'claude-sonnet-4-5', '[context-1m-2025-08-07, "a,b"]', 'anthropic_beta[1]', `endpoint 'claude': "a,b" holds a comma: each item is one beta name, e.g. context-1m-2025-08-07`],
    ['anthropic', 'claude-sonnet-4-5', '["context 1m"]', 'anthropic_beta[0]', `endpoint 'claude': "context 1m" holds whitespace: each item is one beta name, e.g. context-1m-2025-08-07`],
    ['anthropic', 'claude-sonnet-4-5', '[context-1m-2025-08-07, ""]', 'anthropic_beta[1]', `endpoint 'claude': "" is empty: each item is one beta name, e.g. context-1m-2025-08-07`],
    [
      'anthropic',
      'claude-sonnet-4-5',
      '"context-1m-2025-08-07,,output-128k-2025-02-19"',
      'anthropic_beta',
      `endpoint 'claude': beta name 2 ("") of "context-1m-2025-08-07,,output-128k-2025-02-19" is empty: give beta names separated by commas, e.g. "context-1m-2025-08-07,interleaved-thinking-2025-05-14"`,
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      '"context-1m-2025-08-07 output-128k-2025-02-19"',
      'anthropic_beta',
      `endpoint 'claude': beta name 1 ("context-1m-2025-08-07 output-128k-2025-02-19") of "context-1m-2025-08-07 output-128k-2025-02-19" holds whitespace: give beta names separated by commas, e.g. "context-1m-2025-08-07,interleaved-thinking-2025-05-14"`,
    ],
    ['anthropic', 'claude-sonnet-4-5', '""', 'anthropic_beta', `endpoint 'claude': beta name 1 ("") of "" is empty: give beta names separated by commas, e.g. "context-1m-2025-08-07,interleaved-thinking-2025-05-14"`],
    ['bedrock', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '[context-1m-2025-08-07, "a b"]', 'anthropic_beta[1]', `endpoint 'claude': "a b" holds whitespace: each item is one beta name, e.g. context-1m-2025-08-07`],
  ] as const)('%s %s: %s', (provider, model, setting, key, message) => {
    expect(issuesOf(config(provider, model, setting))).toEqual([{ path: `endpoints[1].model.config.${key}`, message }]);
  });

  test('a long name, and a long setting it is part of, are quoted cut', () => {
    const longName = `"${'x'.repeat(80)}…" (100002 characters)`;
    expect(issuesOf(config('anthropic', 'claude-sonnet-4-5', `["${LONG_VALUE} y"]`))).toEqual([
      { path: 'endpoints[1].model.config.anthropic_beta[0]', message: `endpoint 'claude': ${longName} holds whitespace: each item is one beta name, e.g. context-1m-2025-08-07` },
    ]);
    expect(issuesOf(config('anthropic', 'claude-sonnet-4-5', `"${LONG_VALUE} y"`))).toEqual([
      {
        path: 'endpoints[1].model.config.anthropic_beta',
        message: `endpoint 'claude': beta name 1 (${longName}) of ${longName} holds whitespace: give beta names separated by commas, e.g. "context-1m-2025-08-07,interleaved-thinking-2025-05-14"`,
      },
    ]);
    expect(issuesOf(config('anthropic', 'claude-sonnet-4-5', `"context-1m-2025-08-07,,${LONG_VALUE}"`))[0].message).toBe(
      `endpoint 'claude': beta name 2 ("") of "context-1m-2025-08-07,,${'x'.repeat(57)}…" (100023 characters) is empty: give beta names separated by commas, e.g. "context-1m-2025-08-07,interleaved-thinking-2025-05-14"`,
    );
  });

  test.each(['[]', '5', '[5]', '{ name: context-1m-2025-08-07 }'])('neither a list of strings nor a string (%s): the schema says what it takes', (setting) => {
    expect(issuesOf(config('anthropic', 'claude-sonnet-4-5', setting))).toEqual([{ path: 'endpoints[1].model.config.anthropic_beta', message: LIST_MESSAGE }]);
    expect(issuesOf(config('bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0', setting))).toEqual([{ path: 'endpoints[1].model.config.anthropic_beta', message: LIST_MESSAGE }]);
  });
});

describe('on Amazon Bedrock, only a model that may be Claude takes betas', () => {
  test.each([
    ['amazon.nova-lite-v1:0', 'chat', 'Amazon Nova'],
    ['us.meta.llama3-3-70b-instruct-v1:0', 'chat', 'Meta Llama'],
    ['openai.gpt-oss-120b-1:0', 'chat', 'OpenAI gpt-oss'],
    ['amazon.titan-text-express-v1', 'completions', 'Amazon Titan Text'],
    ['cohere.embed-english-v3', 'embeddings', 'Cohere Embed'],
  ])('%s (%s) is refused at anthropic_beta', (model, endpointType, label) => {
    expect(issuesOf(config('bedrock', model, '[context-1m-2025-08-07]', endpointType))).toEqual([
      { path: 'endpoints[1].model.config.anthropic_beta', message: `endpoint 'claude': Anthropic's betas apply to Claude models only, and Amazon Bedrock model '${model}' is ${label}` },
    ]);
  });

  test.each([
    'anthropic.claude-3-5-sonnet-20240620-v1:0',
    'global.anthropic.claude-opus-4-7',
    'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0',
    // No model named: it may be Claude.
    'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
    'newvendor.some-model-v1:0',
  ])('%s loads', (model) => {
    expect(() => loadInline(config('bedrock', model, '"context-1m-2025-08-07, interleaved-thinking-2025-05-14"'))).not.toThrow();
  });
});
