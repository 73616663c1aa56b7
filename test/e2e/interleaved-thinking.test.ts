/**
 * Claude's interleaved thinking in a tool loop, end to end: the fake Anthropic answers the first turn
 * with thinking after the text and between the two tool calls (fixture `chat-interleaved-thinking`),
 * and the next turn only if its assistant turn is that answer's content block for block, as
 * Anthropic checks it (test/fixtures/anthropic/README.md). The openai client sends the message back
 * whole (its `thinking_blocks` with their `content_index`), runs `runTools()` plain and streamed (it
 * drops the blocks; the gateway keeps them), and loops over `/v1/responses`, passing the output items
 * back with their `encrypted_content` (a reasoning item after the message, one between the function
 * calls), also without the message item, or only the function calls of a kept answer; and on chat
 * sends back only the tool calls, with content "" or null: then Claude gets the turn without its text,
 * each thinking block still before the call it came before.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { assembleAssistantTurn } from '../support/assistant-turn';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import type { AnthropicBody } from '../support/thinking-claude';

const ANSWER = readJsonFixture<{ content: Record<string, unknown>[] }>('anthropic', 'chat-interleaved-thinking.response.json');
const STREAM = readFixture('anthropic', 'chat-interleaved-thinking.stream.sse').toString();
const FINAL_TEXT = 'Paris and London are both at 18 °C.';
/** The answer's content without its text block: thinking, thinking, tool_use, redacted_thinking, tool_use. */
const WITHOUT_TEXT = ANSWER.content.filter((block) => block.type !== 'text');

function fakeInterleavedClaude(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as AnthropicBody;
  const assistant = body.messages.filter((message) => message.role === 'assistant').at(-1);
  if (assistant === undefined) return body.stream ? sendStream(response, STREAM) : sendJson(response, 200, ANSWER);
  // A client may send the turn back without its text (a Responses answer's message item dropped); the thinking must keep its place among the tool calls.
  const expected = typeof assistant.content === 'string' || assistant.content.some((block) => block.type === 'text') ? ANSWER.content : WITHOUT_TEXT;
  if (JSON.stringify(assistant.content) !== JSON.stringify(expected)) {
    return sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'messages.1.content: thinking blocks cannot be modified or rearranged.' } });
  }
  const final = { id: 'msg_final', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [{ type: 'text', text: FINAL_TEXT }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 900, output_tokens: 12 } };
  if (!body.stream) return sendJson(response, 200, final);
  const events = [
    { type: 'message_start', message: { ...final, content: [], stop_reason: null, usage: { input_tokens: 900, output_tokens: 1 } } },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: FINAL_TEXT } },
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 12 } },
    { type: 'message_stop' },
  ];
  sendStream(response, events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(fakeInterleavedClaude);
  gateway = await startGateway(`
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${upstream.url}/v1" } }
`);
  client = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } } as object;
const question = 'Compare the weather in Paris and London.';
const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] };
const weatherTool = { type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters, parse: JSON.parse, function: () => '{"temperature": 18}' } } as const;
const sentAssistantTurn = () => (upstream.requests[1].body as AnthropicBody).messages[1];

test('the answer sent back whole, thinking_blocks with their content_index: Claude gets its turn in the order it wrote it', async () => {
  const first = await client.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: question }], tools: [weatherTool], ...thinking });
  const message = first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { thinking_blocks: { content_index?: number }[] };
  expect(message.thinking_blocks.map((block) => block.content_index)).toEqual([undefined, 1, 2]);
  const results = message.tool_calls!.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"temperature": 18}' }));
  const second = await client.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: question }, message, ...results], tools: [weatherTool], ...thinking });
  expect(second.choices[0].message.content).toBe(FINAL_TEXT);
  expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: ANSWER.content });
});

test.each([false, true])('runTools() (stream: %s), which drops thinking_blocks: the blocks the gateway kept go back in their places', async (stream) => {
  const body = { model: 'claude', messages: [{ role: 'user' as const, content: question }], tools: [weatherTool], ...thinking };
  const sent: { messages: Record<string, unknown>[] }[] = [];
  const recording = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0, fetch: (url, init) => (sent.push(JSON.parse(String(init?.body))), fetch(url, init)) });
  const runner = stream ? recording.chat.completions.runTools({ ...body, stream }) : recording.chat.completions.runTools(body);
  expect(await runner.finalContent()).toBe(FINAL_TEXT);
  expect(Object.keys(sent[1].messages[1]).sort()).toEqual(['content', 'role', 'tool_calls']);
  expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: ANSWER.content });
});

describe.each([false, true])('chat, the answer (stream: %s) sent back rebuilt with its tool_calls, no text and no thinking_blocks', (stream) => {
  /** The first answer's tool calls, however it came. */
  async function firstCalls(): Promise<OpenAI.Chat.Completions.ChatCompletionMessageToolCall[]> {
    const body = { model: 'claude', messages: [{ role: 'user' as const, content: question }], tools: [weatherTool], ...thinking };
    const message = stream ? (await assembleAssistantTurn(await client.chat.completions.create({ ...body, stream: true }))).message : (await client.chat.completions.create(body)).choices[0].message;
    return message.tool_calls!;
  }

  test.each(['', null])('content %j: the kept blocks go back placed without the text, each before the call it came before', async (content) => {
    const calls = await firstCalls();
    const results = calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: '{"temperature": 18}' }));
    const messages = [{ role: 'user' as const, content: question }, { role: 'assistant' as const, content, tool_calls: calls }, ...results];
    const second = await client.chat.completions.create({ model: 'claude', messages, tools: [weatherTool], ...thinking });
    expect(second.choices[0].message.content).toBe(FINAL_TEXT);
    expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: WITHOUT_TEXT });
  });
});

test('/v1/responses streamed with store: false: the output items passed back (reasoning items after the message and between the calls) rebuild the turn', async () => {
  const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters, strict: false }];
  const input: OpenAI.Responses.ResponseInputItem[] = [{ role: 'user', content: question }];
  const stream = await client.responses.create({ model: 'claude', input, tools, store: false, include: ['reasoning.encrypted_content'], stream: true, ...thinking });
  let output: OpenAI.Responses.ResponseOutputItem[] = [];
  for await (const event of stream) if (event.type === 'response.completed') output = event.response.output;
  expect(output.map((item) => item.type)).toEqual(['reasoning', 'message', 'reasoning', 'function_call', 'reasoning', 'function_call']);
  const results = output.flatMap((item): OpenAI.Responses.ResponseInputItem[] => (item.type === 'function_call' ? [{ type: 'function_call_output', call_id: item.call_id, output: '{"temperature": 18}' }] : []));
  const answer = await client.responses.create({ model: 'claude', input: [...input, ...(output as OpenAI.Responses.ResponseInputItem[]), ...results], tools, store: false, ...thinking });
  expect(answer.output_text).toBe(FINAL_TEXT);
  expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: ANSWER.content });
});

describe('/v1/responses with store: false, the output items sent back without the message item', () => {
  const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters, strict: false }];
  const input: OpenAI.Responses.ResponseInputItem[] = [{ role: 'user', content: question }];
  const include: OpenAI.Responses.ResponseIncludable[] = ['reasoning.encrypted_content'];
  const resultsFor = (output: OpenAI.Responses.ResponseOutputItem[]) =>
    output.flatMap((item): OpenAI.Responses.ResponseInputItem[] => (item.type === 'function_call' ? [{ type: 'function_call_output', call_id: item.call_id, output: '{"temperature": 18}' }] : []));

  async function sendBackWithoutMessage(output: OpenAI.Responses.ResponseOutputItem[]): Promise<void> {
    const kept = output.filter((item) => item.type !== 'message') as OpenAI.Responses.ResponseInputItem[];
    const answer = await client.responses.create({ model: 'claude', input: [...input, ...kept, ...resultsFor(output)], tools, store: false, ...thinking });
    expect(answer.output_text).toBe(FINAL_TEXT);
    // Each block keeps its place among the blocks sent: before the first call, between the calls.
    expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: WITHOUT_TEXT });
  }

  test('not streamed: the answer has a reasoning item where each thinking block was, and Claude gets each block in its place', async () => {
    const first = await client.responses.create({ model: 'claude', input, tools, store: false, include, ...thinking });
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'reasoning', 'function_call', 'reasoning', 'function_call']);
    const summaries = first.output.flatMap((item) => (item.type === 'reasoning' ? [item.summary.map((part) => part.text).join('')] : []));
    expect(summaries).toEqual([ANSWER.content[0].thinking, ANSWER.content[2].thinking, '']);
    await sendBackWithoutMessage(first.output);
  });

  test('streamed: the same', async () => {
    const stream = await client.responses.create({ model: 'claude', input, tools, store: false, include, stream: true, ...thinking });
    let output: OpenAI.Responses.ResponseOutputItem[] = [];
    for await (const event of stream) if (event.type === 'response.completed') output = event.response.output;
    await sendBackWithoutMessage(output);
  });
});

test.each([false, true])('/v1/responses kept (stream: %s), only the function calls sent back: the blocks kept by tool call id go before the calls they came before', async (stream) => {
  const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_weather', parameters, strict: false }];
  const input: OpenAI.Responses.ResponseInputItem[] = [{ role: 'user', content: question }];
  let output: OpenAI.Responses.ResponseOutputItem[] = [];
  if (stream) {
    for await (const event of await client.responses.create({ model: 'claude', input, tools, stream: true, ...thinking })) if (event.type === 'response.completed') output = event.response.output;
  } else output = (await client.responses.create({ model: 'claude', input, tools, ...thinking })).output;
  const calls = output.flatMap((item): OpenAI.Responses.ResponseInputItem[] => (item.type === 'function_call' ? [{ type: 'function_call', call_id: item.call_id, name: item.name, arguments: item.arguments }] : []));
  const results = calls.map((call): OpenAI.Responses.ResponseInputItem => ({ type: 'function_call_output', call_id: (call as { call_id: string }).call_id, output: '{"temperature": 18}' }));
  const answer = await client.responses.create({ model: 'claude', input: [...input, ...calls, ...results], tools, ...thinking });
  expect(answer.output_text).toBe(FINAL_TEXT);
  expect(sentAssistantTurn()).toEqual({ role: 'assistant', content: WITHOUT_TEXT });
});
