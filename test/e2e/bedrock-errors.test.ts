/**
 * Bedrock's refusals as a client and an operator meet them: the official OpenAI client against the
 * gateway, which calls a fake Bedrock (and STS) on 127.0.0.1 through the real AWS SDK; the
 * gateway's log captured. Error shapes: test/fixtures/bedrock/README.md ("Errors").
 */
import OpenAI from 'openai';
import { converseEvent, exceptionEvent, startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

const REGION = 'us-west-2';
const KEYS = 'aws_access_key_id: AKIAERRORSEXAMPLE, aws_secret_access_key: errors-secret-NEVER-SHOWN';

/**
 * claude-role's first_byte: the hung AssumeRole waits it out (the 504 the test checks), but STS's
 * refusal and the calls after it must come within it, the first through the SDK's STS client: 0.5 s
 * could be passed on a loaded machine (that refusal took 32 ms here idle, 200 ms beside four other
 * test runs and a CPU hog).
 */
const ROLE_FIRST_BYTE_S = 2;

const config = (fakeUrl: string) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-sonnet-4-20250514-v1:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", ${KEYS} } }
  - name: claude-role
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${fakeUrl}", aws_role_arn: "arn:aws:iam::123456789012:role/gateway", ${KEYS} } }
    retries: { max_attempts: 1 }
    timeouts: { first_byte: ${ROLE_FIRST_BYTE_S}, total: 30 }
`;

const savedEnv = { ...process.env };
const log = captureLog();
let fake: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  fake = await startFakeBedrock(serveBedrockFixtures);
  // The SDK's STS client honours the standard per-service endpoint override.
  process.env.AWS_ENDPOINT_URL_STS = fake.url;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  gateway = await startGateway(config(fake.url), { logger: log.logger });
  openai = openaiClientFor(gateway);
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.stsCalls.length = 0;
  fake.setHandler(serveBedrockFixtures);
});
afterAll(async () => {
  process.env = savedEnv;
  await gateway.close();
  await fake.close();
});

/** Polls `condition` until it holds, failing after five seconds. */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ask = () => openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);

describe('a prompt over the context window', () => {
  // Bedrock's own wording, Claude's through Converse, an OpenAI-style model's (all ValidationException, HTTP 400).
  test.each([
    'Input is too long for requested model.',
    'The model returned the following errors: prompt is too long: 210417 tokens > 200000 maximum',
    'The model returned the following errors: input length and `max_tokens` exceed context limit: 187254 + 20000 > 200000, decrease input length or `max_tokens` and try again',
    "This model's maximum context length is 202752 tokens. However, you requested 65536 output tokens and your prompt contains at least 137217 input tokens, for a total of at least 202753 tokens.",
  ])("is a 400 with OpenAI's context_length_exceeded code: %s", async (message) => {
    fake.setHandler(() => ({ error: { status: 400, type: 'ValidationException', message } }));
    const refused = await ask();
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'context_length_exceeded', type: 'invalid_request_error', error: { message } });
    expect(fake.calls).toHaveLength(1);
  });

  test('in a ConverseStream exception event before any content too', async () => {
    const message = 'The model returned the following errors: prompt is too long: 210417 tokens > 200000 maximum';
    fake.setHandler(() => ({ events: [converseEvent('messageStart', { role: 'assistant' }), exceptionEvent('validationException', message)] }));
    const refused = await openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'x' }], stream: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, code: 'context_length_exceeded' });
  });

  test('any other ValidationException keeps the AWS exception name as its code', async () => {
    fake.setHandler(() => ({ error: { status: 400, type: 'ValidationException', message: 'The model returned the following errors: messages: roles must alternate' } }));
    expect(await ask()).toMatchObject({ status: 400, code: 'ValidationException' });
  });
});

test("ServiceQuotaExceededException (an account quota) is a 429 the gateway does not retry, with OpenAI's insufficient_quota", async () => {
  // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors (HTTP 400).
  const awsText = 'Your request exceeds the service quota for your account. You can view your quotas at Viewing service quotas. You can resubmit your request later.';
  fake.setHandler(() => ({ error: { status: 400, type: 'ServiceQuotaExceededException', message: awsText } }));
  const refused = await ask();
  expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
  expect(refused).toMatchObject({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });
  expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
    message: `Amazon Bedrock refused the call for endpoint 'claude': it exceeds a service quota of the gateway's AWS account, so the gateway does not retry it; the gateway operator can view and raise the quota in AWS Service Quotas (ServiceQuotaExceededException): ${awsText}`,
  });
  // Once: retries.max_attempts (3 by default) would have sent it three times.
  expect(fake.calls).toHaveLength(1);
});

test("AccessDeniedException: the client gets a 502 without AWS's text; the operator's log has it (which permission, on which resource)", async () => {
  const awsText = 'User: arn:aws:sts::123456789012:assumed-role/gateway/ai-gateway is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0';
  fake.setHandler(() => ({ error: { status: 403, type: 'AccessDeniedException', message: awsText } }));
  const from = log.lines.length;
  const denied = await ask();
  expect(denied).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
  expect(JSON.stringify((denied as InstanceType<typeof OpenAI.APIError>).error)).not.toContain('bedrock:InvokeModel');
  const line = await waitForLogLine(log.lines, (entry) => entry.code === 'upstream_auth_failed', { from });
  expect(line).toMatchObject({ status: 502, err: { type: 'AccessDeniedException', message: awsText } });
  expect(log.lines.slice(from).join('\n')).not.toContain('errors-secret-NEVER-SHOWN');
});

test("STS refusing the role: the operator's log has STS's text", async () => {
  const awsText = 'User: arn:aws:iam::123456789012:user/gw is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/gateway';
  fake.refuseAssumeRole({ status: 403, code: 'AccessDenied', message: awsText });
  const from = log.lines.length;
  try {
    const denied = await openai.chat.completions.create({ model: 'claude-role', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(denied).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect(JSON.stringify((denied as InstanceType<typeof OpenAI.APIError>).error)).not.toContain('sts:AssumeRole on resource');
    const line = await waitForLogLine(log.lines, (entry) => entry.code === 'upstream_auth_failed', { from });
    expect(line).toMatchObject({ status: 502, err: { message: awsText } });
  } finally {
    fake.refuseAssumeRole(null);
  }
});

/**
 * One AssumeRole serves every call of the endpoint waiting for credentials (the SDK shares it), so
 * a client that leaves does not cancel it: the others wait on it, and its session is cached for the
 * calls after. What bounds it is the endpoint's timeouts, which STS calls have as Bedrock's do.
 */
test("a hung STS AssumeRole is shared by the calls waiting on it, outlives a client that leaves, and ends at first_byte", async () => {
  fake.holdAssumeRole(true);
  const body = JSON.stringify({ model: 'claude-role', messages: [{ role: 'user', content: 'x' }] });
  const post = (signal?: AbortSignal) => fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
  const leaving = new AbortController();
  const left = post(leaving.signal).catch((error: unknown) => error);
  await waitFor(() => fake.stsCalls.length === 1);
  const waiting = post();
  leaving.abort();
  expect(await left).toMatchObject({ name: 'AbortError' });
  const timedOut = await waiting;
  fake.holdAssumeRole(false);
  expect(timedOut.status).toBe(504);
  expect(((await timedOut.json()) as { error: { message: string } }).error.message).toBe(`AWS STS sent no response within ${ROLE_FIRST_BYTE_S} s for endpoint 'claude-role' (first_byte timeout).`);
  expect(fake.stsCalls).toHaveLength(1);
  // The endpoint is not held by the call that never ended: the next call assumes the role anew.
  const completion = await openai.chat.completions.create({ model: 'claude-role', messages: [{ role: 'user', content: 'x' }] });
  expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  expect(fake.stsCalls).toHaveLength(2);
});
