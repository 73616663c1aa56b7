/**
 * Tool loops with Claude's extended thinking through clients that send each answer back rebuilt from
 * OpenAI's fields alone, without its `thinking_blocks`: the openai node client's `runTools()` (plain
 * and streamed) and the Vercel AI SDK's OpenAI chat model (`openai.chat(...)`, thinking from the
 * endpoint's `reasoning_effort` default). The gateway keeps the blocks of each answer with tool calls
 * and puts them back on the rebuilt message; the fake Anthropic (support/thinking-claude.ts) answers
 * the second turn only if its assistant turn starts with them, as Anthropic does. Blocks not kept (never
 * answered, another client key's, `response_store.enabled: false`) are the gateway's 400 naming the
 * message's `thinking_blocks`, before anything is sent; a request that does not need them asks the
 * store nothing. A store that does not answer such a request is a 503 that gives the client key's call back.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, tool } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import { responseStoreOfProcess } from '../../src/response-store';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { sample } from '../support/metrics';
import { FINAL_STREAM_TEXT, FINAL_TEXT, PRODUCED_THINKING, fakeThinkingClaude, thinkingClaudeEndpoints, type AnthropicBody } from '../support/thinking-claude';

const KEY_A = 'gw-key-a';
const KEY_B = 'gw-key-b';
const KEY_LIMITED = 'gw-key-one-call';

const endpoints = thinkingClaudeEndpoints;

let upstream: FakeUpstream;
let open: RunningGateway;
let keyed: RunningGateway;
let off: RunningGateway;
let limited: RunningGateway;

/** The bodies the clients sent the gateway, in order. */
const clientBodies: { messages: Record<string, unknown>[] }[] = [];
const recordingFetch: typeof fetch = (url, init) => {
  clientBodies.push(JSON.parse(String(init?.body)));
  return fetch(url, init);
};
const clientOf = (gateway: RunningGateway, apiKey = 'unused') => new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0, fetch: recordingFetch });

beforeAll(async () => {
  upstream = await startFakeUpstream(fakeThinkingClaude);
  open = await startGateway(endpoints(upstream.url));
  keyed = await startGateway(`${endpoints(upstream.url)}auth:\n  api_keys:\n    - { name: a, key: ${KEY_A} }\n    - { name: b, key: ${KEY_B} }\n`);
  off = await startGateway(`${endpoints(upstream.url)}response_store: { enabled: false }\n`);
  limited = await startGateway(`${endpoints(upstream.url)}auth:\n  api_keys:\n    - { name: one-call, key: ${KEY_LIMITED}, limit: { calls: 1, renewal_period: minute } }\n`);
});
beforeEach(() => {
  upstream.requests.length = 0;
  clientBodies.length = 0;
});
afterAll(async () => {
  await Promise.all([open, keyed, off, limited].map((gateway) => gateway.close()));
  await upstream.close();
});

/** `thinking` is Anthropic's parameter; the OpenAI client sends extra keys as they are. */
const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'What is the weather in Paris?' };
const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
const weatherTool = { type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters, parse: JSON.parse, function: () => '{"temperature": 18}' } } as const;

const sentMessages = (index: number) => (upstream.requests[index].body as AnthropicBody).messages;

/** The answer's message as runTools() and the AI SDK send it back: OpenAI's fields only. */
function rebuilt(message: OpenAI.Chat.Completions.ChatCompletionMessage): OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam {
  return { role: 'assistant', content: message.content, tool_calls: message.tool_calls };
}

function toolResultFor(message: OpenAI.Chat.Completions.ChatCompletionMessage): OpenAI.Chat.Completions.ChatCompletionToolMessageParam {
  return { role: 'tool', tool_call_id: message.tool_calls![0].id, content: '{"temperature": 18}' };
}

async function lookups(): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${open.url}/metrics`)).text();
  return { hit: sample(text, 'gateway_response_store_lookups_total', { result: 'hit' }) ?? 0, miss: sample(text, 'gateway_response_store_lookups_total', { result: 'miss' }) ?? 0 };
}

test('runTools(): the answer sent back without its thinking_blocks gets them back from the gateway, and the loop ends on the text answer', async () => {
  const runner = clientOf(open).chat.completions.runTools({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  expect(await runner.finalContent()).toBe(FINAL_TEXT);
  expect(Object.keys(clientBodies[1].messages[1]).sort()).toEqual(['content', 'role', 'tool_calls']);
  expect(sentMessages(1)[1]).toEqual({ role: 'assistant', content: [...PRODUCED_THINKING, { type: 'text', text: "I'll look up the current weather in Paris." }, expect.objectContaining({ type: 'tool_use' })] });
});

test('runTools() streamed: the blocks of a stream that finished with tool calls come back on the next request', async () => {
  const runner = clientOf(open).chat.completions.runTools({ model: 'claude', stream: true, messages: [question], tools: [weatherTool], ...thinking });
  expect(await runner.finalContent()).toBe(FINAL_STREAM_TEXT);
  expect(Object.keys(clientBodies[1].messages[1]).sort()).toEqual(['content', 'role', 'tool_calls']);
  expect((sentMessages(1)[1].content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
});

test("the AI SDK's OpenAI chat model runs its tool loop on an endpoint that thinks by default", async () => {
  const openai = createOpenAI({ apiKey: 'unused', baseURL: `${open.url}/v1`, fetch: recordingFetch });
  const locations: string[] = [];
  const result = await generateText({
    model: openai.chat('claude-thinks'),
    prompt: 'What is the weather in Paris?',
    tools: { get_weather: tool({ inputSchema: z.object({ location: z.string() }), execute: async ({ location }) => (locations.push(location), { temperature: 18 }) }) },
    stopWhen: stepCountIs(3),
  });
  expect(result.text).toBe(FINAL_TEXT);
  expect(locations).toEqual(['Paris, France']);
  expect(Object.keys(clientBodies[1].messages[1]).sort()).toEqual(['content', 'role', 'tool_calls']);
  expect((upstream.requests[1].body as AnthropicBody).thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
  expect((sentMessages(1)[1].content as unknown[]).slice(0, 2)).toEqual(PRODUCED_THINKING);
});

test.each(['', null])('the answer sent back with its tool_calls and content %j: the kept blocks come first in that turn, signature and redacted data as answered', async (content) => {
  const first = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  const message = first.choices[0].message;
  const second = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question, { role: 'assistant', content, tool_calls: message.tool_calls }, toolResultFor(message)], tools: [weatherTool], ...thinking });
  expect(second.choices[0].message.content).toBe(FINAL_TEXT);
  expect(sentMessages(1)).toEqual([
    { role: 'user', content: question.content },
    { role: 'assistant', content: [...PRODUCED_THINKING, { type: 'tool_use', id: message.tool_calls![0].id, name: 'get_weather', input: { location: 'Paris, France', unit: 'celsius' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.tool_calls![0].id, content: '{"temperature": 18}' }] },
  ]);
});

test('blocks never kept for those tool calls: a 400 naming the message, nothing sent', async () => {
  const sent = clientOf(open).chat.completions.create({
    model: 'claude',
    messages: [question, { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_never_answered', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'toolu_never_answered', content: '{}' }],
    tools: [weatherTool],
    ...thinking,
  });
  await expect(sent).rejects.toMatchObject({
    status: 400,
    error: {
      param: 'messages[1].thinking_blocks',
      message: expect.stringMatching(/^messages\[1\]\.thinking_blocks: is required: with thinking on, Claude needs .* the gateway has none kept for its tool calls .* Send the answer's message back whole, with its thinking_blocks\.$/),
    },
  });
  expect(upstream.requests).toHaveLength(0);
});

test("another client key does not get a key's kept thinking", async () => {
  const first = await clientOf(keyed, KEY_A).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  const message = first.choices[0].message;
  const followUp = { model: 'claude', messages: [question, rebuilt(message), toolResultFor(message)], tools: [weatherTool], ...thinking };
  await expect(clientOf(keyed, KEY_B).chat.completions.create(followUp)).rejects.toMatchObject({ status: 400, error: { param: 'messages[1].thinking_blocks' } });
  expect((await clientOf(keyed, KEY_A).chat.completions.create(followUp)).choices[0].message.content).toBe(FINAL_TEXT);
  expect(upstream.requests).toHaveLength(2);
});

test('with response_store.enabled false nothing is kept, and the 400 says why', async () => {
  const first = await clientOf(off).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  const message = first.choices[0].message;
  await expect(clientOf(off).chat.completions.create({ model: 'claude', messages: [question, rebuilt(message), toolResultFor(message)], tools: [weatherTool], ...thinking })).rejects.toMatchObject({
    status: 400,
    error: { param: 'messages[1].thinking_blocks', message: expect.stringContaining('the gateway keeps none, as response_store.enabled is false') },
  });
  expect(upstream.requests).toHaveLength(1);
});

test('a thinking request without tools keeps nothing: only a request with tools is answered with tool calls', async () => {
  const kept = async () => sample(await (await fetch(`${open.url}/metrics`)).text(), 'gateway_response_store_responses', {});
  const before = await kept();
  await clientOf(open).chat.completions.create({ model: 'claude', messages: [question], ...thinking });
  // The fake answers tool calls to any first turn, so each of these would be kept were tools not checked.
  const stream = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question], stream: true, ...thinking });
  const finishes: (string | null)[] = [];
  for await (const chunk of stream) finishes.push(...chunk.choices.map((choice) => choice.finish_reason));
  expect(finishes).toContain('tool_calls');
  expect(await kept()).toBe(before);
  await clientOf(open).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  expect(await kept()).toBe(before! + 1);
});

test('a request that needs no kept thinking asks the store nothing: without thinking, or with the blocks sent back', async () => {
  const first = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  const message = first.choices[0].message;
  const before = await lookups();
  const withoutThinking = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question, rebuilt(message), toolResultFor(message)], tools: [weatherTool] });
  expect(withoutThinking.choices[0].message.content).toBe(FINAL_TEXT);
  expect((sentMessages(1)[1].content as { type: string }[])[0].type).toBe('text');
  const whole = await clientOf(open).chat.completions.create({ model: 'claude', messages: [question, message, toolResultFor(message)], tools: [weatherTool], ...thinking });
  expect(whole.choices[0].message.content).toBe(FINAL_TEXT);
  expect(await lookups()).toEqual(before);
  // The rebuilt message with thinking on is one lookup, found.
  await clientOf(open).chat.completions.create({ model: 'claude', messages: [question, rebuilt(message), toolResultFor(message)], tools: [weatherTool], ...thinking });
  expect(await lookups()).toEqual({ hit: before.hit + 1, miss: before.miss });
});

test("a store that does not answer a required lookup is a 503 before anything is sent, and the client key's call is given back", async () => {
  // In-process, the gateway's store is this process's: its lookups fail as a cluster primary's past its timeout.
  const find = jest.spyOn(responseStoreOfProcess(), 'find').mockRejectedValue(new Error('the cluster primary did not answer a response-store find within 1000 ms'));
  try {
    const needsBlocks = clientOf(limited, KEY_LIMITED).chat.completions.create({
      model: 'claude',
      messages: [question, { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_store_down', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'toolu_store_down', content: '{}' }],
      tools: [weatherTool],
      ...thinking,
    });
    await expect(needsBlocks).rejects.toMatchObject({ status: 503, error: { code: 'response_store_unavailable' } });
    expect(find).toHaveBeenCalledTimes(1);
    expect(upstream.requests).toHaveLength(0);
  } finally {
    find.mockRestore();
  }
  // The key's one call a minute is still there.
  const answer = await clientOf(limited, KEY_LIMITED).chat.completions.create({ model: 'claude', messages: [question], tools: [weatherTool], ...thinking });
  expect(answer.choices[0].finish_reason).toBe('tool_calls');
  await expect(clientOf(limited, KEY_LIMITED).chat.completions.create({ model: 'claude', messages: [question], ...thinking })).rejects.toMatchObject({ status: 429 });
});
