/**
 * An endpoint with no keys in aws_config on a gateway whose AWS default chain finds nothing: the
 * SDK never signs a request, so neither Bedrock nor STS is called, and the 502 says that no
 * credentials were found (not that AWS refused them). The chain is kept off the network: no
 * AWS_* variables, no shared files, and the instance metadata service disabled.
 */
import OpenAI from 'openai';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const savedEnv = { ...process.env };
let fake: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws/credentials';
  process.env.AWS_CONFIG_FILE = '/nonexistent/aws/config';
  fake = await startFakeBedrock(() => ({ json: {} }));
  process.env.AWS_ENDPOINT_URL_STS = fake.url;
  const aws = `aws_region: eu-west-3, aws_endpoint_url: "${fake.url}"`;
  gateway = await startGateway(`
endpoints:
  - { name: chain, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { ${aws} } } } }
  - { name: chain-role, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { ${aws}, aws_role_arn: "arn:aws:iam::123456789012:role/gateway" } } } }
`);
  openai = openaiClientFor(gateway);
});
afterAll(async () => {
  process.env = savedEnv;
  await gateway.close();
  await fake.close();
});

test.each(['chain', 'chain-role'])("no credentials anywhere (%s): a 502 saying none were found, not that AWS refused them; AWS is never called", async (endpoint) => {
  const failure = await openai.chat.completions.create({ model: endpoint, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
  expect(failure).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
  expect((failure as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
    message: `The gateway found no AWS credentials for endpoint '${endpoint}': its aws_config has no aws_access_key_id, and the AWS default chain (environment, shared credentials files, container or instance role) gave none (CredentialsProviderError). Ask the gateway operator to configure the endpoint's AWS credentials.`,
  });
  expect(fake.calls).toHaveLength(0);
  expect(fake.stsCalls).toHaveLength(0);
});
