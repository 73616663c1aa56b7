/**
 * Cost tracking through the gateway: the official OpenAI client reads
 * `usage.prompt_tokens_details.cached_tokens` and `usage.completion_tokens_details.reasoning_tokens`
 * on answers and on the usage chunk of streams (`stream_options.include_usage`), for each provider
 * family that reports them, with the gateway validating every answer against openapi/. The typed
 * SDK sees the same on the MLflow route.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { converseEvents } from '../support/fixture-upstreams';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const isStream = (request: RecordedRequest) => (request.body as { stream?: boolean } | undefined)?.stream === true || request.url.includes(':streamGenerateContent');

/** One fixture pair per vendor: `<name>.stream.sse` for streams, `<name>.response.json` otherwise. */
const serve =
  (vendor: string, name: string) =>
  (request: RecordedRequest, response: ServerResponse): void => {
    if (isStream(request)) sendStream(response, readFixture(vendor, `${name}.stream.sse`));
    else sendJson(response, 200, readJsonFixture(vendor, `${name}.response.json`));
  };

const setup = useGatewayWithUpstreams({
  upstreams: { openai: serve('openai', 'chat-cached-reasoning'), anthropic: serve('anthropic', 'chat-prompt-caching'), gemini: serve('gemini', 'chat-cached') },
  config: (urls) => `
endpoints:
  - name: openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: o4-mini, config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" } }
  - name: azure
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config: { openai_api_type: azure, openai_api_key: azure-key, openai_api_base: "${urls.openai}", openai_deployment_name: o4-mini, openai_api_version: "2024-10-21" }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" } }
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: gemini-test, gemini_api_base: "${urls.gemini}/v1beta" } }
`,
  validateResponses: true,
});

const bedrock = useGatewayWithFakeBedrock({
  serve: (call) =>
    call.operation === 'converse-stream' ? { events: converseEvents('converse-prompt-caching.events.json') } : { json: readJsonFixture('bedrock', 'converse-prompt-caching.response.json') },
  config: (fakeUrl) => `
endpoints:
  - name: bedrock
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Combien font trois cafés ?' }];

/** The usage of a stream asked for with include_usage: the one chunk that carries it, with no choices. */
async function streamedUsage(openai: OpenAI, model: string): Promise<OpenAI.CompletionUsage | null | undefined> {
  const stream = await openai.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
  const withUsage: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) if (chunk.usage) withUsage.push(chunk);
  expect(withUsage).toHaveLength(1);
  return withUsage[0].usage;
}

/** What the client must read, the same on the answer and on the stream's usage chunk. */
interface ExpectedUsage {
  prompt_tokens: number;
  prompt_tokens_details: Record<string, number>;
  completion_tokens_details?: Record<string, number>;
}

const CLAUDE_CACHED: ExpectedUsage = { prompt_tokens: 189643, prompt_tokens_details: { cached_tokens: 188086, cache_creation_tokens: 1536 } };
const OPENAI_CACHED: ExpectedUsage = {
  prompt_tokens: 2006,
  prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};

const cases: [family: string, endpoint: string, client: () => OpenAI, expected: ExpectedUsage][] = [
  ['OpenAI', 'openai', () => setup.openai, OPENAI_CACHED],
  ['Azure OpenAI', 'azure', () => setup.openai, OPENAI_CACHED],
  ['Anthropic', 'claude', () => setup.openai, CLAUDE_CACHED],
  ['Gemini', 'gemini', () => setup.openai, { prompt_tokens: 2239, prompt_tokens_details: { cached_tokens: 2027 }, completion_tokens_details: { reasoning_tokens: 211 } }],
  ['Amazon Bedrock Converse', 'bedrock', () => bedrock.openai, CLAUDE_CACHED],
];

describe.each(cases)('%s', (_family, endpoint, client, expected) => {
  test('an answer: usage.prompt_tokens_details.cached_tokens (and reasoning tokens where counted)', async () => {
    const completion = await client().chat.completions.create({ model: endpoint, messages });
    expect(completion.usage).toMatchObject(expected);
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(expected.prompt_tokens_details.cached_tokens);
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(expected.completion_tokens_details?.reasoning_tokens);
  });

  test('a stream with include_usage: the same on its usage chunk', async () => {
    const usage = await streamedUsage(client(), endpoint);
    expect(usage).toMatchObject(expected);
    expect(usage?.prompt_tokens_details?.cached_tokens).toBe(expected.prompt_tokens_details.cached_tokens);
  });
});

test("the typed SDK on the MLflow route: the same details, typed as the gateway's Usage", async () => {
  const answer = await createGatewayClient({ baseUrl: setup.gateway.url }).chat('gemini', { messages: [{ role: 'user', content: 'Combien font trois cafés ?' }] });
  expect(answer.usage.prompt_tokens_details?.cached_tokens).toBe(2027);
  expect(answer.usage.completion_tokens_details?.reasoning_tokens).toBe(211);
});

test('a provider that reports no such counts keeps the three counts only', async () => {
  setup.upstreams.openai.setHandler((_request, response) =>
    sendJson(response, 200, { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } }),
  );
  const completion = await setup.openai.chat.completions.create({ model: 'openai', messages });
  expect(completion.usage).toEqual({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
});
