/**
 * A tool call from TGI's Messages API reaches the official OpenAI client with finish_reason
 * `tool_calls`, answered or streamed: TGI ends a call as any answer (`stop`, or `eos_token` before
 * TGI 2.3), and clients and agents run the calls only on `tool_calls`; TGI 3 streams a call with no
 * finish reason at all. The fake TGI serves the fixtures `chat-tool-calls.response.json` (TGI 3),
 * `chat-tool-calls.stream.sse` (TGI 2.4.1) and `chat-tool-calls-v3.stream.sse` (TGI 3).
 */
import type OpenAI from 'openai';
import { sendJson, sendStream } from '../support/fake-upstream';
import { TGI } from '../support/fixture-upstreams';
import { readFixtureBytes, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const setup = useGatewayWithUpstreams({
  upstreams: {
    tgi: (request, response) =>
      (request.body as { stream?: boolean }).stream
        ? sendStream(response, readFixtureBytes(TGI, 'chat-tool-calls.stream.sse'))
        : sendJson(response, 200, readJsonFixture(TGI, 'chat-tool-calls.response.json')),
  },
  config: ({ tgi }) => `
endpoints:
  - name: tgi-chat
    endpoint_type: llm/v1/chat
    model: { provider: huggingface-text-generation-inference, config: { hf_server_url: "${tgi}" } }
`,
  validateResponses: true,
});

const request = {
  model: 'tgi-chat',
  messages: [{ role: 'user', content: 'Quel temps fait-il à São Paulo ?' }],
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } } } } }],
} satisfies OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
const ARGUMENTS = '{"location":"São Paulo, Brasil","unit":"celsius"}';

test('answered: the call, and finish_reason tool_calls', async () => {
  const answer = await setup.openai.chat.completions.create(request);
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
  expect(answer.choices[0].message.tool_calls).toEqual([{ id: '0', type: 'function', function: { name: 'get_weather', arguments: ARGUMENTS } }]);
});

test('streamed: the OpenAI client’s stream helper assembles the call and finishes with tool_calls', async () => {
  const final = await setup.openai.chat.completions.stream(request).finalChatCompletion();
  expect(final.choices[0].finish_reason).toBe('tool_calls');
  expect(final.choices[0].message.tool_calls?.map((call) => call.type === 'function' && call.function.arguments)).toEqual([ARGUMENTS]);
});

test('streamed by TGI 3, which sends no finish reason: the stream helper still gets tool_calls; the usage comes after', async () => {
  setup.upstreams.tgi.setHandler((_request, response) => sendStream(response, readFixtureBytes(TGI, 'chat-tool-calls-v3.stream.sse')));
  const final = await setup.openai.chat.completions.stream({ ...request, stream_options: { include_usage: true } }).finalChatCompletion();
  expect(final.choices[0].finish_reason).toBe('tool_calls');
  expect(final.choices[0].message.tool_calls?.map((call) => call.type === 'function' && [call.function.name, call.function.arguments])).toEqual([
    ['get_weather', '{ "location": "São Paulo, Brasil", "unit": "celsius"}'],
  ]);
  // The helper keeps no usage: read the raw chunks for it (TGI's usage chunk, after the finish).
  const chunks = [];
  for await (const chunk of await setup.openai.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } })) chunks.push(chunk);
  expect(chunks.slice(-2).map((chunk) => [chunk.choices[0]?.finish_reason ?? null, chunk.usage?.total_tokens ?? null])).toEqual([
    ['tool_calls', null],
    [null, 333],
  ]);
});
