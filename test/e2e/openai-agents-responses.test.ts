/**
 * The OpenAI Agents SDK (`@openai/agents` 0.14.3, the newest on openai 6 and so on Node 20) against
 * `POST /v1/responses`: an Agent with a function tool run by a Runner whose OpenAIProvider uses the
 * Responses API through an openai client pointed at the gateway, plain and streamed, on the mock
 * provider (it calls the first tool, then answers with the tool's result), and a run continued with
 * `previousResponseId` from the gateway's kept responses. Tracing is off, so nothing leaves 127.0.0.1.
 */
import { Agent, OpenAIProvider, Runner, setTracingDisabled, tool } from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

const config = (upstreamUrl: string) => `
endpoints:
  - name: mock-chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: deepseek-reasoner
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
`;

let upstream: FakeUpstream;

let gateway: RunningGateway;
let runner: Runner;
/** The bodies the SDK sent to /v1/responses, in order. */
const sent: Record<string, unknown>[] = [];

beforeAll(async () => {
  setTracingDisabled(true);
  // A reasoning model's answers in turn: thinking and a tool call, then text.
  let turn = 0;
  upstream = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('openai', turn++ === 0 ? 'chat-deepseek-thinking-tool-call.response.json' : 'chat.response.json')));
  gateway = await startGateway(config(upstream.url));
  const recordingFetch: typeof fetch = (url, init) => {
    sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return fetch(url, init);
  };
  const client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0, fetch: recordingFetch });
  runner = new Runner({ modelProvider: new OpenAIProvider({ openAIClient: client, useResponses: true }), tracingDisabled: true });
});
beforeEach(() => {
  sent.length = 0;
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const lookup = tool({
  name: 'lookup',
  description: 'Looks a thing up',
  parameters: z.object({ input: z.string() }),
  execute: async ({ input }) => `sunny in ${input.split(' ').at(-1)}`,
});
const agent = new Agent({ name: 'Weather', instructions: 'Answer with the tool.', model: 'mock-chat', tools: [lookup] });

/** The items of the second turn, as the SDK sent them: the tool call and its output go back whole. */
function expectToolRoundSent(city: string): void {
  expect(sent).toHaveLength(2);
  expect(sent[1]).toMatchObject({ model: 'mock-chat', instructions: 'Answer with the tool.' });
  expect(sent[1].input).toEqual([
    { role: 'user', content: `weather in ${city}` },
    expect.objectContaining({ type: 'function_call', name: 'lookup', arguments: JSON.stringify({ input: `weather in ${city}` }), call_id: expect.stringMatching(/^call-/) }),
    expect.objectContaining({ type: 'function_call_output', output: `sunny in ${city}` }),
  ]);
}

test('run: the agent calls its tool, the output goes back as function_call_output, and the final output is the answer', async () => {
  const result = await runner.run(agent, 'weather in Paris');
  expect(result.finalOutput).toBe('Tool said: sunny in Paris');
  expectToolRoundSent('Paris');
  // Both turns' usage: the mock counts words (4 of instructions + 3 in, 1 call out; then 4 + 3 + 3 in, 5 out).
  expect(result.state.usage).toMatchObject({ requests: 2, inputTokens: 17, outputTokens: 6, totalTokens: 23 });
});

test('run with stream: true: text deltas, the tool round, and the same final output', async () => {
  const result = await runner.run(agent, 'weather in Tokyo', { stream: true });
  let text = '';
  for await (const chunk of result.toTextStream()) text += chunk;
  await result.completed;
  expect(text).toBe('Tool said: sunny in Tokyo');
  expect(result.finalOutput).toBe('Tool said: sunny in Tokyo');
  expect(sent.map((body) => body.stream)).toEqual([true, true]);
  expectToolRoundSent('Tokyo');
});

test("a reasoning model: the reasoning item goes back whole with the tool round and is left out of the chat request", async () => {
  const getDate = tool({ name: 'get_date', description: "Today's date", parameters: z.object({}), execute: async () => '2026-12-04' });
  const thinker = new Agent({ name: 'Thinker', instructions: 'Think first.', model: 'chat', tools: [getDate] });
  const result = await runner.run(thinker, 'Weather tomorrow?');
  expect(result.finalOutput).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  expect((sent[1].input as { type?: string }[]).map((item) => item.type)).toEqual([undefined, 'reasoning', 'function_call', 'function_call_output']);
  expect(upstream.requests[1].body).toMatchObject({
    messages: [
      { role: 'system', content: 'Think first.' },
      { role: 'user', content: 'Weather tomorrow?' },
      { role: 'assistant', tool_calls: [{ id: 'call_00_Kx3vQ9pLTyW2mN8rB5cJ4A', function: { name: 'get_date', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_00_Kx3vQ9pLTyW2mN8rB5cJ4A', content: '2026-12-04' },
    ],
  });
});

test('a second run continued with previousResponseId: each turn sends only its new items and names the response before, which the gateway keeps', async () => {
  const first = await runner.run(agent, 'weather in Paris');
  sent.length = 0;
  const second = await runner.run(agent, 'weather in Rome', { previousResponseId: first.lastResponseId });
  expect(second.finalOutput).toBe('Tool said: sunny in Rome');
  expect(sent.map((body) => body.previous_response_id)).toEqual([first.lastResponseId, second.rawResponses[0].responseId]);
  expect(sent[0].input).toEqual([{ role: 'user', content: 'weather in Rome' }]);
  expect(sent[1].input).toEqual([expect.objectContaining({ type: 'function_call_output', output: 'sunny in Rome' })]);
});
