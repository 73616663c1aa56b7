/**
 * The official openai client's stream events for tool calls, on every provider that streams them:
 * `tool_calls.function.arguments.done` once per call, in order, with the call's whole arguments, as
 * against OpenAI itself. Agents run each tool when its `done` event comes, before the stream ends.
 *
 * The client closes the call that was open when it reads a chunk's finish reason, before it reads
 * the tool calls of that same chunk; OpenAI always sends the finish on a chunk of its own. Gemini
 * (whose last event holds the last function call and the finish) and Mistral (which sends every call
 * on the finishing chunk) put them together: the gateway must send them apart.
 */
import type OpenAI from 'openai';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveBedrockFixtures, serveGeminiFixtures, serveMistralFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';

const upstreams: FakeUpstream[] = [];
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  const [openaiUrl, anthropicUrl, geminiUrl, mistralUrl] = await Promise.all(
    [serveOpenAIFixtures, serveAnthropicFixtures('none'), serveGeminiFixtures('none'), serveMistralFixtures].map(async (handler) => {
      const upstream = await startFakeUpstream(handler);
      upstreams.push(upstream);
      return upstream.url;
    }),
  );
  bedrock = await startFakeBedrock(serveBedrockFixtures);
  gateway = await startGateway(`
endpoints:
  - name: openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-test, openai_api_base: "${openaiUrl}/v1" } }
  - name: anthropic
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-test, anthropic_api_base: "${anthropicUrl}/v1" } }
  - name: gemini
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: test, gemini_api_base: "${geminiUrl}/v1beta" } }
  - name: mistral
    endpoint_type: llm/v1/chat
    model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: test, mistral_api_base: "${mistralUrl}/v1" } }
  - name: bedrock
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-3-5-sonnet-20241022-v2:0
      config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "${bedrock.url}", aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret } }
`);
  openai = openaiClientFor(gateway);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([...upstreams.map((upstream) => upstream.close()), bedrock?.close()]);
});

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
};

test.each(['openai', 'anthropic', 'gemini', 'mistral', 'bedrock'])(
  '%s: one arguments.done event per streamed tool call, in order, with the arguments the final message holds',
  async (model) => {
    const stream = openai.chat.completions.stream({ model, messages: [{ role: 'user', content: 'Weather in Paris and São Paulo?' }], tools: [weatherTool], stream_options: { include_usage: true } });
    const done: { index: number; name: string; arguments: string }[] = [];
    stream.on('tool_calls.function.arguments.done', (event) => done.push({ index: event.index, name: event.name, arguments: event.arguments }));
    const final = await stream.finalChatCompletion();

    const calls = (final.choices[0].message.tool_calls ?? []).map((call, index) => (call.type === 'function' ? { index, name: call.function.name, arguments: call.function.arguments } : null));
    expect(calls).toHaveLength(2);
    expect(done).toEqual(calls);
    expect(done.map((event) => JSON.parse(event.arguments))).toEqual([
      expect.objectContaining({ location: expect.stringContaining('Paris') }),
      expect.objectContaining({ location: expect.stringContaining('São Paulo') }),
    ]);
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(final.usage?.total_tokens).toEqual(expect.any(Number));
  },
);
