/**
 * Can an AWS secret leak through Amazon Bedrock's (or STS's) answers? Three endpoints sign with
 * canary credentials: an `aws_config` key pair with a session token (from `$ENV`), a role assumed
 * with a key pair written out (STS's temporary credentials are canaries too), and the SDK's default
 * chain reading the environment's `AWS_*` variables. The fake Bedrock answers every call with an
 * AWS error whose message echoes the request's headers (`Authorization` with the access key id,
 * `X-Amz-Security-Token`), as a SignatureDoesNotMatch quotes its canonical request, and as an
 * exception event mid-stream; STS refuses a role quoting the key it was signed with. Everything the
 * gateway lets out (answers on both APIs, streamed and not, the log at debug level) is one text.
 */
import { converseEvent, exceptionEvent, startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { startGateway, type RunningGateway } from '../support/gateway';
import { callsOf, canary, everythingLetOut, leaksIn } from '../support/leak-hunt';
import { captureLog } from '../support/log-capture';

const REGION = 'us-east-1';
const SECRETS = {
  accessKeyId: `AKIA${canary('key-id')}`,
  secretAccessKey: canary('secret-access-key'),
  sessionToken: canary('session-token'),
  roleMasterKeyId: `AKIA${canary('role-master-key-id')}`,
  roleMasterSecret: canary('role-master-secret'),
  roleKeyId: `ASIA${canary('role-key-id')}`,
  roleSecret: canary('role-secret'),
  roleSession: canary('role-session-token'),
  chainKeyId: `AKIA${canary('chain-key-id')}`,
  chainSecret: canary('chain-secret'),
  chainSession: canary('chain-session-token'),
};
const FORBIDDEN = Object.values(SECRETS);

const config = (fakeUrl: string) => {
  const endpoint = (name: string, credentials: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}"${credentials} } }`;
  return `
defaults:
  retries: { max_attempts: 1 }
endpoints:${endpoint('bedrock-keys', ', aws_access_key_id: $AWS_KEY_ID, aws_secret_access_key: $AWS_SECRET, aws_session_token: $AWS_TOKEN')}${endpoint(
    'bedrock-role',
    `, aws_role_arn: "arn:aws:iam::123456789012:role/gateway", aws_access_key_id: ${SECRETS.roleMasterKeyId}, aws_secret_access_key: ${SECRETS.roleMasterSecret}`,
  )}${endpoint('bedrock-chain', '')}
`;
};

const configEnv = { AWS_KEY_ID: SECRETS.accessKeyId, AWS_SECRET: SECRETS.secretAccessKey, AWS_TOKEN: SECRETS.sessionToken };

/** What the fake Bedrock answers in the current scenario, for a call: its headers are the echo. */
let reply: (echo: string) => BedrockReply = () => ({ json: {} });

const savedEnv = { ...process.env };
const { lines, logger } = captureLog('debug');
let fake: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  fake = await startFakeBedrock((call: BedrockCall) => reply(`${call.operation} ${call.modelId} with headers ${JSON.stringify(call.headers)}`));
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  // The SDK's STS client honours the standard per-service endpoint override; the default chain reads the keys.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_STS: fake.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws/credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws/config',
    AWS_ACCESS_KEY_ID: SECRETS.chainKeyId,
    AWS_SECRET_ACCESS_KEY: SECRETS.chainSecret,
    AWS_SESSION_TOKEN: SECRETS.chainSession,
  });
  fake.setAssumedRole({ accessKeyId: SECRETS.roleKeyId, secretAccessKey: SECRETS.roleSecret, sessionToken: SECRETS.roleSession, lifetimeSeconds: 3600 });
  gateway = await startGateway(config(fake.url), { logger, env: configEnv });
});
afterAll(async () => {
  process.env = savedEnv;
  await gateway.close();
  await fake.close();
});

const everyCall = () => ['bedrock-keys', 'bedrock-role', 'bedrock-chain'].flatMap((name) => callsOf(name, 'chat'));

/** AWS's own errors, each quoting the request it refused. */
const AWS_ERRORS: [string, number][] = [
  ['ValidationException', 400],
  ['ServiceQuotaExceededException', 400],
  ['AccessDeniedException', 403],
  ['UnrecognizedClientException', 403],
  ['SignatureDoesNotMatch', 403],
  ['ExpiredTokenException', 403],
  ['ResourceNotFoundException', 404],
  ['ModelTimeoutException', 408],
  ['ModelErrorException', 424],
  ['ThrottlingException', 429],
  ['InternalServerException', 500],
  ['ServiceUnavailableException', 503],
  ['SomeNewException', 418],
];

test.each(AWS_ERRORS)('Bedrock answering %s (%i) with a message quoting the signed request: no AWS secret reaches a client or the log', async (type, status) => {
  reply = (echo) => ({ error: { type, status, message: `The request signature we calculated does not match. The Canonical String for this request should have been '${echo}'` } });
  const output = await everythingLetOut({ url: gateway.url, calls: everyCall(), lines });
  // Each endpoint's credentials reached Bedrock: the echo holds them, so their absence below means something.
  const signedWith = new Set(fake.calls.map((call) => call.signer.accessKeyId));
  expect([SECRETS.accessKeyId, SECRETS.roleKeyId, SECRETS.chainKeyId].every((key) => signedWith.has(key))).toBe(true);
  // AWS's message reached the answers or the log (a refused signature's, as the error's cause), redacted.
  expect(output.includes('x-amz-security-token\\":\\"[redacted]')).toBe(true);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('an exception event mid-stream quoting the signed request: no AWS secret reaches a client or the log', async () => {
  reply = (echo) => ({
    events: [
      converseEvent('messageStart', { role: 'assistant' }),
      converseEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Bon' } }),
      exceptionEvent('validationException', `stream refused for ${echo}`),
    ],
    pieceSize: 512,
  });
  const output = await everythingLetOut({ url: gateway.url, calls: everyCall(), lines });
  expect(output.includes('stream refused for converse-stream')).toBe(true);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

test('STS refusing the role with a message quoting the key it was signed with: no AWS secret reaches a client or the log', async () => {
  const quoted = `${SECRETS.roleMasterKeyId} ${SECRETS.roleMasterSecret}`;
  fake.refuseAssumeRole({ status: 403, code: 'AccessDenied', message: `User with key ${quoted} is not authorized to perform: sts:AssumeRole` });
  try {
    // A new gateway: the first one holds the role's session already.
    const { lines: ownLines, logger: ownLogger } = captureLog('debug');
    const refused = await startGateway(config(fake.url), { logger: ownLogger, env: configEnv });
    try {
      const output = await everythingLetOut({ url: refused.url, calls: callsOf('bedrock-role', 'chat'), lines: ownLines });
      expect(output).toContain('AccessDenied');
      expect(leaksIn(output, FORBIDDEN)).toEqual([]);
    } finally {
      await refused.close();
    }
  } finally {
    fake.refuseAssumeRole(null);
  }
});

test('the whole log, every level, holds no AWS secret', () => {
  expect(lines.length).toBeGreaterThan(0);
  expect(leaksIn(lines.join('\n'), FORBIDDEN)).toEqual([]);
});
