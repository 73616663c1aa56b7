import { parseConfigText } from '../../../../src/config/load';
import { bedrockClientSettings, createBedrockClient, createCredentials, resolveRegion } from '../../../../src/providers/bedrock/client';
import type { AwsConfig } from '../../../../generated/config';
import { TEST_TIMEOUTS } from '../../../support/timeouts';

describe('resolveRegion', () => {
  test('aws_region, then AWS_REGION, then AWS_DEFAULT_REGION, else left to the SDK', () => {
    expect(resolveRegion({ aws_region: 'eu-west-3' }, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe('eu-west-3');
    expect(resolveRegion({}, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-east-1');
    expect(resolveRegion({}, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(resolveRegion({}, {})).toBeUndefined();
  });
});

describe('createCredentials', () => {
  test('a key pair (with its session token) is used as is', () => {
    expect(createCredentials({ aws_access_key_id: 'AKIA1', aws_secret_access_key: 's1', aws_session_token: 't1' }, 'eu-west-3')).toEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 's1',
      sessionToken: 't1',
    });
  });

  test('a role gives a provider (STS AssumeRole); nothing gives the default chain (undefined)', () => {
    expect(typeof createCredentials({ aws_role_arn: 'arn:aws:iam::123456789012:role/r' }, 'eu-west-3')).toBe('function');
    expect(createCredentials({ aws_region: 'eu-west-3' }, 'eu-west-3')).toBeUndefined();
  });

  test('$ENV_VAR references in aws_config are resolved by the config loader before the client sees them', () => {
    const config = parseConfigText(
      `
endpoints:
  - name: b
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config:
        aws_config: { aws_region: eu-west-3, aws_access_key_id: $KEY_ID, aws_secret_access_key: $SECRET, aws_session_token: $TOKEN }
`,
      'test.yaml',
      { env: { KEY_ID: 'AKIAFROMENV', SECRET: 'secret-from-env', TOKEN: 'token-from-env' } },
    );
    const awsConfig = (config.endpoints[0].model.config as { aws_config: AwsConfig }).aws_config;
    expect(createCredentials(awsConfig, 'eu-west-3')).toEqual({ accessKeyId: 'AKIAFROMENV', secretAccessKey: 'secret-from-env', sessionToken: 'token-from-env' });
  });
});

describe('createBedrockClient', () => {
  test('region and endpoint from the config; SDK retries off', async () => {
    const awsConfig = { aws_region: 'eu-west-3', aws_endpoint_url: 'http://127.0.0.1:4599', aws_access_key_id: 'A', aws_secret_access_key: 'B' };
    const client = createBedrockClient(bedrockClientSettings(awsConfig, { timeouts: TEST_TIMEOUTS, maxAnswerBytes: 1024 }, {}));
    expect(await client.config.region()).toBe('eu-west-3');
    expect(await client.config.maxAttempts()).toBe(1);
    const endpoint = await client.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe('http://127.0.0.1:4599');
    client.destroy();
  });
});
