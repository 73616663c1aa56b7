/**
 * `anthropic_beta` on Claude through Amazon Bedrock Converse, end to end with the official OpenAI
 * client, our SDK and the real AWS SDK against a fake Bedrock runtime on 127.0.0.1: the endpoint's
 * betas go as Claude's `anthropic_beta` list in `additionalModelRequestFields` of every call, beside
 * the request's own native fields.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-response.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 */
import { createGatewayClient } from '../../src/client';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const CLAUDE = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
/** An application inference profile names no model: it may be Claude, so its betas go along. */
const PROFILE = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';

const setup = useGatewayWithFakeBedrock({
  serve: serveBedrockFixtures,
  config: (fakeUrl) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ${CLAUDE}, config: { aws_config: ${fakeAwsConfig(fakeUrl)}, anthropic_beta: [context-1m-2025-08-07, interleaved-thinking-2025-05-14] } }
  - name: claude-completions
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: ${CLAUDE}, config: { aws_config: ${fakeAwsConfig(fakeUrl)}, anthropic_beta: "context-1m-2025-08-07, output-128k-2025-02-19" } }
  - name: profile
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: "${PROFILE}", config: { aws_config: ${fakeAwsConfig(fakeUrl)}, anthropic_beta: context-1m-2025-08-07 } }
  - name: plain
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ${CLAUDE}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

const question = { role: 'user' as const, content: 'Salut' };
const sentFields = () => setup.fake.calls.map((call) => (call.body as { additionalModelRequestFields?: unknown }).additionalModelRequestFields);

test("chat: the betas join the request's own native fields (top_k, thinking), plain and streamed", async () => {
  const thinking = { type: 'enabled', budget_tokens: 1024 };
  const request = { model: 'claude', messages: [question], top_k: 5, thinking, temperature: 2 } as unknown as Parameters<typeof setup.openai.chat.completions.create>[0];
  const answer = await setup.openai.chat.completions.create({ ...request, stream: false });
  expect(answer.choices[0].message.content).not.toBe('');
  const stream = await setup.openai.chat.completions.create({ ...request, stream: true });
  for await (const chunk of stream) expect(chunk).toBeDefined();
  const expected = { top_k: 5, thinking, anthropic_beta: ['context-1m-2025-08-07', 'interleaved-thinking-2025-05-14'] };
  expect(setup.fake.calls.map((call) => call.operation)).toEqual(['converse', 'converse-stream']);
  expect(sentFields()).toEqual([expected, expected]);
});

test('completions through the MLflow route, the setting one comma-separated string', async () => {
  const sdk = createGatewayClient({ baseUrl: setup.gateway.url });
  await sdk.completions('claude-completions', { prompt: 'p' });
  for await (const chunk of sdk.streamCompletions('claude-completions', { prompt: 'p' })) expect(chunk).toBeDefined();
  const expected = { anthropic_beta: ['context-1m-2025-08-07', 'output-128k-2025-02-19'] };
  expect(sentFields()).toEqual([expected, expected]);
});

test('an application inference profile (no model named) gets the betas', async () => {
  await setup.openai.chat.completions.create({ model: 'profile', messages: [question] });
  expect(setup.fake.calls[0].modelId).toBe(PROFILE);
  expect(sentFields()).toEqual([{ anthropic_beta: ['context-1m-2025-08-07'] }]);
});

test('an endpoint without betas sends no additionalModelRequestFields', async () => {
  await setup.openai.chat.completions.create({ model: 'plain', messages: [question] });
  expect(sentFields()).toEqual([undefined]);
});

test('a client cannot send betas of its own: anthropic_beta in the request is a 400 naming it, before any call', async () => {
  const request = { model: 'plain', messages: [question], anthropic_beta: ['context-1m-2025-08-07'] } as unknown as Parameters<typeof setup.openai.chat.completions.create>[0];
  await expect(setup.openai.chat.completions.create(request)).rejects.toMatchObject({ status: 400, param: 'anthropic_beta' });
  expect(setup.fake.calls).toEqual([]);
});
