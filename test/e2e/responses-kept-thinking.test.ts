/**
 * Tool loops over `/v1/responses` against Claude with extended thinking: the fake Anthropic
 * (support/thinking-claude.ts) answers the second turn only if its assistant turn starts with the
 * thinking blocks of the first answer, as Anthropic does. The blocks go back OpenAI's way: in the
 * reasoning item's `encrypted_content` (given when `include` asks for it) sent back with `store: false`,
 * from the kept response (`previous_response_id`, an `item_reference` to the `rs_` item), or, for a
 * client that drops the reasoning item, found by the answer's tool call ids as on chat (kept once, in the response). Clients: the
 * openai client's `responses.create` (plain and streamed), the OpenAI Agents SDK and the AI SDK's
 * Responses model.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { Agent, OpenAIProvider, Runner, setTracingDisabled, tool as agentTool } from '@openai/agents';
import { generateText, stepCountIs, tool } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import { responseStoreOfProcess } from '../../src/response-store';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { FINAL_STREAM_TEXT, FINAL_TEXT, PRODUCED_THINKING, fakeThinkingClaude, thinkingClaudeEndpoints, type AnthropicBody } from '../support/thinking-claude';

type Input = OpenAI.Responses.ResponseInputItem[];
type Output = OpenAI.Responses.ResponseOutputItem[];


let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
/** The bodies the clients sent to /v1/responses, in order. */
const sent: Record<string, unknown>[] = [];
const recordingFetch: typeof fetch = (url, init) => {
  if (init?.body !== undefined) sent.push(JSON.parse(String(init.body)) as Record<string, unknown>);
  return fetch(url, init);
};

beforeAll(async () => {
  setTracingDisabled(true);
  upstream = await startFakeUpstream(fakeThinkingClaude);
  gateway = await startGateway(thinkingClaudeEndpoints(upstream.url));
  client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0, fetch: recordingFetch });
});
beforeEach(() => {
  upstream.requests.length = 0;
  sent.length = 0;
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** `thinking` is Anthropic's parameter; the openai client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;
const question: Input = [{ role: 'user', content: 'What is the weather in Paris?' }];
const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] }, strict: false }];
const ENCRYPTED = /^gw-thinking\.v1\.[\w-]+$/;

const assistantTurnSent = (index: number) => (upstream.requests[index].body as AnthropicBody).messages[1];
/** The second Anthropic request's assistant turn starts with the first answer's thinking blocks. */
const expectThinkingSentBack = () => expect((assistantTurnSent(1).content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);

function callOf(output: Output): OpenAI.Responses.ResponseFunctionToolCall {
  return output.find((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call')!;
}
const resultFor = (output: Output): OpenAI.Responses.ResponseInputItem => ({ type: 'function_call_output', call_id: callOf(output).call_id, output: '{"temperature": 18}' });
const reasoningOf = (output: Output) => output.find((item): item is OpenAI.Responses.ResponseReasoningItem => item.type === 'reasoning')!;

test('previous_response_id: the kept response gives its thinking back; the answer shows no encrypted_content unasked, GET shows it when asked', async () => {
  const first = await client.responses.create({ model: 'claude', input: question, tools, ...thinking });
  expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call']);
  expect(reasoningOf(first.output)).not.toHaveProperty('encrypted_content');
  const second = await client.responses.create({ model: 'claude', previous_response_id: first.id, input: [resultFor(first.output)], tools, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
  expect(reasoningOf((await client.responses.retrieve(first.id)).output)).not.toHaveProperty('encrypted_content');
  expect(reasoningOf((await client.responses.retrieve(first.id, { include: ['reasoning.encrypted_content'] })).output).encrypted_content).toMatch(ENCRYPTED);
});

test('store: false with include: the reasoning item carries the blocks in encrypted_content, and the output items sent back give them to Claude', async () => {
  const include: OpenAI.Responses.ResponseIncludable[] = ['reasoning.encrypted_content'];
  const first = await client.responses.create({ model: 'claude', input: question, tools, store: false, include, ...thinking });
  expect(reasoningOf(first.output).encrypted_content).toMatch(ENCRYPTED);
  const second = await client.responses.create({ model: 'claude', input: [...question, ...(first.output as Input), resultFor(first.output)], tools, store: false, include, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
  // store: false keeps nothing, not even by tool call id: without its reasoning item the turn is the gateway's 400.
  const dropped = (first.output as Input).filter((item) => item.type !== 'reasoning');
  await expect(client.responses.create({ model: 'claude', input: [...question, ...dropped, resultFor(first.output)], tools, store: false, ...thinking })).rejects.toMatchObject({
    status: 400,
    error: { param: 'input', message: expect.stringMatching(/^input: is missing Claude's thinking: .* the gateway has none kept for its tool calls .* include: \["reasoning\.encrypted_content"\] adds/) },
  });
  expect(upstream.requests).toHaveLength(2);
});

test('streamed with include: the reasoning item done event and response.completed carry encrypted_content, and the loop goes on', async () => {
  const include: OpenAI.Responses.ResponseIncludable[] = ['reasoning.encrypted_content'];
  const stream = await client.responses.create({ model: 'claude', input: question, tools, store: false, include, stream: true, ...thinking });
  const done: OpenAI.Responses.ResponseOutputItem[] = [];
  let completed: OpenAI.Responses.Response | undefined;
  for await (const event of stream) {
    if (event.type === 'response.output_item.added' && event.item.type === 'reasoning') expect(event.item).not.toHaveProperty('encrypted_content');
    if (event.type === 'response.output_item.done') done.push(event.item);
    if (event.type === 'response.completed') completed = event.response;
  }
  const encrypted = reasoningOf(done).encrypted_content;
  expect(encrypted).toMatch(ENCRYPTED);
  expect(reasoningOf(completed!.output).encrypted_content).toBe(encrypted);
  const second = await client.responses.create({ model: 'claude', input: [...question, ...(completed!.output as Input), resultFor(completed!.output)], tools, store: false, stream: true, ...thinking });
  let text = '';
  for await (const event of second) if (event.type === 'response.output_text.delta') text += event.delta;
  expect(text).toBe(FINAL_STREAM_TEXT);
  expectThinkingSentBack();
});

test('streamed and kept without include: nothing shown, and previous_response_id gives the blocks back', async () => {
  const stream = await client.responses.create({ model: 'claude', input: question, tools, stream: true, ...thinking });
  let completed: OpenAI.Responses.Response | undefined;
  for await (const event of stream) {
    if (event.type === 'response.output_item.done' && event.item.type === 'reasoning') expect(event.item).not.toHaveProperty('encrypted_content');
    if (event.type === 'response.completed') completed = event.response;
  }
  expect(reasoningOf(completed!.output)).not.toHaveProperty('encrypted_content');
  const second = await client.responses.create({ model: 'claude', previous_response_id: completed!.id, input: [resultFor(completed!.output)], tools, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
});

test('the output items sent again with previous_response_id, as shown or as GET shows them (no encrypted_content), are the kept items: accepted, the blocks go back', async () => {
  const first = await client.responses.create({ model: 'claude', input: question, tools, ...thinking });
  const second = await client.responses.create({ model: 'claude', previous_response_id: first.id, input: [...(first.output as Input), resultFor(first.output)], tools, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
  const shown = (await client.responses.retrieve(first.id)).output as Input;
  expect((await client.responses.create({ model: 'claude', previous_response_id: first.id, input: [...shown, resultFor(first.output)], tools, ...thinking })).output_text).toBe(FINAL_TEXT);
  // Another summary under the kept item's id is still other content.
  const changed = { ...reasoningOf(first.output), summary: [{ type: 'summary_text', text: 'Something else' }] } as Input[number];
  await expect(client.responses.create({ model: 'claude', previous_response_id: first.id, input: [changed, resultFor(first.output)], tools, ...thinking })).rejects.toMatchObject({
    status: 400,
    error: { param: 'input[0].id' },
  });
});

test('an item_reference to the rs_ item gives its blocks back (here with call ids the gateway never handed out, so that nothing else could)', async () => {
  const first = await client.responses.create({ model: 'claude', input: question, tools, ...thinking });
  const call = callOf(first.output);
  const renamed = 'call_renamed_by_client';
  const input: Input = [...question, { type: 'item_reference', id: reasoningOf(first.output).id }, { type: 'function_call', call_id: renamed, name: call.name, arguments: call.arguments }, { type: 'function_call_output', call_id: renamed, output: '{}' }];
  expect((await client.responses.create({ model: 'claude', input, tools, ...thinking })).output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
});

test('a client that sends the reasoning item back without encrypted_content: the blocks kept by tool call id come back', async () => {
  const first = await client.responses.create({ model: 'claude', input: question, tools, ...thinking });
  const second = await client.responses.create({ model: 'claude', input: [...question, ...(first.output as Input), resultFor(first.output)], tools, ...thinking });
  expect(second.output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
});

test("a kept answer's thinking is kept once, in the response, which its tool call ids name: deleting the response takes it away", async () => {
  const keep = jest.spyOn(responseStoreOfProcess(), 'keep');
  const first = await client.responses.create({ model: 'claude', input: question, tools, ...thinking });
  const kept = keep.mock.calls.map(([record]) => record);
  keep.mockRestore();
  const reasoning = first.output.find((item) => item.type === 'reasoning')!;
  expect(kept.map((record) => record.space.startsWith('thinking:'))).toEqual([false, true]);
  expect(kept[1]).toMatchObject({ id: callOf(first.output).call_id, input: JSON.stringify({ reasoningItems: [reasoning.id], text: true }), output: [] });
  // A client that drops the reasoning item gets the blocks from the response...
  const withoutReasoning = [...question, callOf(first.output), resultFor(first.output)];
  expect((await client.responses.create({ model: 'claude', input: withoutReasoning, tools, ...thinking })).output_text).toBe(FINAL_TEXT);
  expectThinkingSentBack();
  // ...while it is kept.
  await client.responses.delete(first.id);
  await expect(client.responses.create({ model: 'claude', input: withoutReasoning, tools, ...thinking })).rejects.toMatchObject({ status: 400, error: { param: 'input' } });
});

test('encrypted_content with the gateway prefix that does not decode is a 400 naming it; an OpenAI-made one is left out', async () => {
  const call: Input[number] = { type: 'function_call', call_id: 'toolu_never_answered', name: 'get_weather', arguments: '{}' };
  const result: Input[number] = { type: 'function_call_output', call_id: 'toolu_never_answered', output: '{}' };
  const withContent = (encrypted: string): Input => [...question, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted }, call, result];
  await expect(client.responses.create({ model: 'claude', input: withContent('gw-thinking.v1.bm90IGpzb24'), tools, ...thinking })).rejects.toMatchObject({
    status: 400,
    error: { param: 'input[1].encrypted_content', message: expect.stringMatching(/^input\[1\]\.encrypted_content: is not as the gateway gave it/) },
  });
  // OpenAI's own is no thinking Claude can take: left out, so Claude's thinking is missing.
  await expect(client.responses.create({ model: 'claude', input: withContent('gAAAAABpF_openai_made=='), tools, ...thinking })).rejects.toMatchObject({ status: 400, error: { param: 'input' } });
  expect(upstream.requests).toHaveLength(0);
});

test('the OpenAI Agents SDK runs its tool loop on an endpoint that thinks by default, plain and with store: false and encrypted_content', async () => {
  const runner = new Runner({ modelProvider: new OpenAIProvider({ openAIClient: client, useResponses: true }), tracingDisabled: true });
  const getWeather = agentTool({ name: 'get_weather', description: 'Current weather', parameters: z.object({ location: z.string() }), execute: async () => '{"temperature": 18}' });
  const agent = new Agent({ name: 'Weather', model: 'claude-thinks', tools: [getWeather] });
  expect((await runner.run(agent, 'What is the weather in Paris?')).finalOutput).toBe(FINAL_TEXT);
  expectThinkingSentBack();
  upstream.requests.length = 0;
  sent.length = 0;
  const stateless = agent.clone({ modelSettings: { store: false, providerData: { include: ['reasoning.encrypted_content'] } } });
  expect((await runner.run(stateless, 'What is the weather in Paris?')).finalOutput).toBe(FINAL_TEXT);
  expect(sent[1].input).toContainEqual(expect.objectContaining({ type: 'reasoning', encrypted_content: expect.stringMatching(ENCRYPTED) }));
  expectThinkingSentBack();
});

test("the AI SDK's Responses model: its default store sends an item_reference to the rs_ item, and the loop ends on the text", async () => {
  const openai = createOpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, fetch: recordingFetch });
  const result = await generateText({
    model: openai.responses('claude-thinks'),
    prompt: 'What is the weather in Paris?',
    tools: { get_weather: tool({ inputSchema: z.object({ location: z.string() }), execute: async () => ({ temperature: 18 }) }) },
    stopWhen: stepCountIs(3),
  });
  expect(result.text).toBe(FINAL_TEXT);
  expect(sent[1].input).toContainEqual({ type: 'item_reference', id: expect.stringMatching(/^rs_/) });
  expectThinkingSentBack();
});

test('continuing a kept response renews the record its tool call ids name: with a short max_age, a client that later drops the reasoning items still gets the thinking back', async () => {
  // The process's one store, with this gateway's max_age of 2 s.
  const short = await startGateway(`${thinkingClaudeEndpoints(upstream.url)}response_store: { max_age: 2 }\n`);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    const shortClient = new OpenAI({ apiKey: 'unused', baseURL: `${short.url}/v1`, maxRetries: 0 });
    const first = await shortClient.responses.create({ model: 'claude', input: question, tools, ...thinking });
    await sleep(1_200);
    const second = await shortClient.responses.create({ model: 'claude', previous_response_id: first.id, input: [resultFor(first.output)], tools, ...thinking });
    expect(second.output_text).toBe(FINAL_TEXT);
    // Over 2 s after the first answer was kept, under 2 s after it was continued.
    await sleep(1_200);
    upstream.requests.length = 0;
    const withoutReasoning = [...question, callOf(first.output), resultFor(first.output)];
    expect((await shortClient.responses.create({ model: 'claude', input: withoutReasoning, tools, ...thinking })).output_text).toBe(FINAL_TEXT);
    expect((assistantTurnSent(0).content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
  } finally {
    await short.close();
  }
});
