/**
 * An HTTPS upstream whose certificate the gateway does not trust (here: the test-only self-signed
 * one in test/fixtures/tls, without NODE_EXTRA_CA_CERTS) is a 502 that says so and names the way to
 * trust a private certificate authority, for the HTTP providers and Bedrock's AWS SDK alike. It is
 * still an unavailable upstream: a FALLBACK route moves on to its next endpoint.
 * Bedrock is checked through the CLI: inside jest, the AWS SDK re-wraps Node's TLS error (made in
 * another realm) and keeps only its text, which a real process does not do.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { certificateFailure } from '../../src/providers/transport/tls-failures';
import { freePort, runCli, waitForHealth } from '../support/cli';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveBedrockFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { TEST_TLS } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';


const config = (upstreamUrl: string, bedrockUrl: string) => `
defaults:
  retries: { max_attempts: 1 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-proj-TLS-test-key, openai_api_base: "${upstreamUrl}/v1" }
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-5-sonnet-20240620-v1:0
      config:
        aws_config: { aws_region: eu-west-3, aws_endpoint_url: "${bedrockUrl}", aws_access_key_id: AKIATLSEXAMPLE, aws_secret_access_key: tls-secret-NEVER-SHOWN }
  - name: echo
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
routes:
  - name: chat-or-echo
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: chat }, { name: echo }]
`;

const NOT_TRUSTED =
  ": its TLS certificate is not signed by a trusted certificate authority (DEPTH_ZERO_SELF_SIGNED_CERT). If it comes from a private one (an internal server, or a proxy that inspects TLS), the gateway operator can trust it by starting the gateway with NODE_EXTRA_CA_CERTS.";

let upstream: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures, { tls: TEST_TLS });
  bedrock = await startFakeBedrock(serveBedrockFixtures, { tls: TEST_TLS });
  gateway = await startGateway(config(upstream.url, bedrock.url));
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await bedrock?.close();
});

async function invoke(name: string, gatewayUrl = gateway.url) {
  const response = await fetch(`${gatewayUrl}/endpoints/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
  });
  return { status: response.status, body: (await response.json()) as { detail?: string; choices?: { message: { content: string } }[] } };
}

test('an untrusted certificate is a 502 saying so, naming NODE_EXTRA_CA_CERTS, on both route families', async () => {
  expect(await invoke('chat')).toEqual({ status: 502, body: { detail: `OpenAI could not be reached for endpoint 'chat'${NOT_TRUSTED}` } });
  const openai = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const error = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', message: `502 OpenAI could not be reached for endpoint 'chat'${NOT_TRUSTED}` });
  expect(upstream.requests).toHaveLength(0);
});

test("the gateway started from the CLI: Bedrock's AWS SDK calls get the same message as the HTTP providers'", async () => {
  const configPath = join(tmpdir(), `upstream-tls-${process.pid}.yaml`);
  writeFileSync(configPath, config(upstream.url, bedrock.url));
  const port = await freePort();
  const run = runCli(['--config-path', configPath, '--port', String(port)]);
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, run);
    for (const [name, provider] of [['claude', 'Amazon Bedrock'], ['chat', 'OpenAI']]) {
      expect(await invoke(name, url)).toEqual({ status: 502, body: { detail: `${provider} could not be reached for endpoint '${name}'${NOT_TRUSTED}` } });
    }
    expect(bedrock.calls).toHaveLength(0);
  } finally {
    run.child.kill('SIGKILL');
    await run.exited;
  }
});

test('a FALLBACK route moves on to its next endpoint', async () => {
  const answer = await invoke('chat-or-echo');
  expect(answer.status).toBe(200);
  expect(answer.body.choices?.[0].message.content).toBe('Echo: Hi');
});

test('certificate failures other than an unknown issuer are named without the hint; other errors are not certificate failures', () => {
  expect(certificateFailure('CERT_HAS_EXPIRED', 'X could not be reached')).toBe('X could not be reached: its TLS certificate was refused (CERT_HAS_EXPIRED).');
  expect(certificateFailure('ERR_TLS_CERT_ALTNAME_INVALID', 'X could not be reached')).toBe('X could not be reached: its TLS certificate was refused (ERR_TLS_CERT_ALTNAME_INVALID).');
  expect(certificateFailure('SELF_SIGNED_CERT_IN_CHAIN', 'X')).toContain('NODE_EXTRA_CA_CERTS');
  expect(certificateFailure('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'X')).toContain('NODE_EXTRA_CA_CERTS');
  expect(certificateFailure('ECONNREFUSED', 'X')).toBeNull();
  expect(certificateFailure(null, 'X')).toBeNull();
});
