/**
 * OpenAI's `store` (keep the completion for distillation and evals) has no counterpart in
 * Anthropic's Messages API, Gemini or Amazon Bedrock: each refuses it with a 400 naming it, before
 * calling the vendor, as they refuse the other OpenAI-only parameters (Mistral and Together AI do too).
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const never = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 500, { error: { message: 'the vendor must not be called' } });

const setup = useGatewayWithUpstreams({
  upstreams: { vendor: never },
  config: (urls) => `
endpoints:
  - { name: claude, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
  - { name: claude-completions, endpoint_type: llm/v1/completions, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.vendor}/v1" } } }
  - { name: gemini, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: gemini-test, gemini_api_base: "${urls.vendor}/v1beta" } } }
  - { name: bedrock, endpoint_type: llm/v1/chat, model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(urls.vendor)} } } }
  - { name: mistral, endpoint_type: llm/v1/chat, model: { provider: mistral, name: mistral-small-latest, config: { mistral_api_key: mi-test, mistral_api_base: "${urls.vendor}/v1" } } }
`,
});

const refusalOf = (call: Promise<unknown>): Promise<unknown> => call.then(() => new Error('expected a 400'), (error: unknown) => error);

test.each(['claude', 'gemini', 'bedrock', 'mistral'])('%s chat: store is a 400 naming it; the vendor is not called', async (endpoint) => {
  const refusal = await refusalOf(setup.openai.chat.completions.create({ model: endpoint, messages: [{ role: 'user', content: 'Un café ?' }], store: true }));
  expect(refusal).toBeInstanceOf(OpenAI.BadRequestError);
  expect((refusal as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/The parameter 'store' is not supported by (Anthropic|Gemini|Amazon Bedrock \(Anthropic Claude\)|Mistral)\./);
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});

test('Anthropic completions on the MLflow route: the same 400', async () => {
  const response = await fetch(`${setup.gateway.url}/endpoints/claude-completions/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'Un café ?', store: true }) });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ detail: "The parameter 'store' is not supported by Anthropic." });
  expect(setup.upstreams.vendor.requests).toHaveLength(0);
});
