/**
 * `anthropic_beta` on the `anthropic` provider, end to end: the official OpenAI client (through /v1)
 * and our SDK (through the MLflow routes) against the gateway, which calls a fake Anthropic Messages
 * API on 127.0.0.1. The endpoint's betas go as the comma-separated `anthropic-beta` header of every
 * call (https://platform.claude.com/docs/en/api/beta-headers); a client's own header never does, as
 * a beta can change what a call costs.
 */
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { serveAnthropicFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const COMPLETIONS_MODEL = 'claude-haiku-4-5';

const endpoint = (name: string, type: string, model: string, url: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/${type}
    model:
      provider: anthropic
      name: ${model}
      config:
        anthropic_api_key: sk-ant-test
        anthropic_api_base: ${url}/v1${extra}`;

const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: serveAnthropicFixtures(COMPLETIONS_MODEL) },
  config: ({ anthropic: url }) => `
endpoints:${endpoint('long-context', 'chat', 'claude-sonnet-4-5', url, '\n        anthropic_beta: [context-1m-2025-08-07, interleaved-thinking-2025-05-14]')}${endpoint(
    'one-string',
    'chat',
    'claude-sonnet-4-5',
    url,
    '\n        anthropic_beta: "context-1m-2025-08-07, output-128k-2025-02-19"',
  )}${endpoint('long-completions', 'completions', COMPLETIONS_MODEL, url, '\n        anthropic_beta: context-1m-2025-08-07\n        max_tokens: 256')}${endpoint('plain', 'chat', 'claude-sonnet-4-5', url)}
`,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'Salut' };
const sentHeaders = () => setup.upstreams.anthropic.requests.map((request) => request.headers['anthropic-beta']);

test('chat: the listed betas go as one anthropic-beta header, beside x-api-key and anthropic-version', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'long-context', messages: [question] });
  expect(completion.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  const [sent] = setup.upstreams.anthropic.requests;
  expect(sent.headers).toMatchObject({ 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01', 'anthropic-beta': 'context-1m-2025-08-07,interleaved-thinking-2025-05-14' });
  expect(sent.body).not.toHaveProperty('anthropic_beta');
});

test('a stream carries the header too', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'long-context', messages: [question], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).not.toBe('');
  expect(sentHeaders()).toEqual(['context-1m-2025-08-07,interleaved-thinking-2025-05-14']);
});

test('one comma-separated string, spaces after the commas: sent as the names joined by commas', async () => {
  await setup.openai.chat.completions.create({ model: 'one-string', messages: [question] });
  expect(sentHeaders()).toEqual(['context-1m-2025-08-07,output-128k-2025-02-19']);
});

test('completions through the MLflow route, streamed or not', async () => {
  const sdk = createGatewayClient({ baseUrl: setup.gateway.url });
  expect(await sdk.completions('long-completions', { prompt: 'p' })).toMatchObject({ object: 'text_completion' });
  for await (const chunk of sdk.streamCompletions('long-completions', { prompt: 'p' })) expect(chunk).toBeDefined();
  expect(sentHeaders()).toEqual(['context-1m-2025-08-07', 'context-1m-2025-08-07']);
});

test("an endpoint without betas sends no anthropic-beta header, and a client's own header does not reach Anthropic", async () => {
  const client = new OpenAI({ apiKey: 'unused', baseURL: `${setup.gateway.url}/v1`, maxRetries: 0, defaultHeaders: { 'anthropic-beta': 'context-1m-2025-08-07' } });
  await client.chat.completions.create({ model: 'plain', messages: [question] });
  await client.chat.completions.create({ model: 'long-context', messages: [question] });
  expect(sentHeaders()).toEqual([undefined, 'context-1m-2025-08-07,interleaved-thinking-2025-05-14']);
});
