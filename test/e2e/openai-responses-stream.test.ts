/**
 * Streamed Responses API (`POST /v1/responses` with `stream: true`) end to end: the official openai
 * client's `responses.stream()` and `responses.create({ stream: true })` against chat streams from a
 * fake OpenAI chat upstream (the fixtures of test/fixtures/openai/) and the mock provider, the wire
 * format compared with OpenAI's own stream (test/fixtures/openai-responses/text.stream.sse), and the
 * failures before and after the first event.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
  - name: mock-chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
  - name: azure-old
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config: { openai_api_type: azure, openai_api_key: az-test, openai_api_base: "${upstreamUrl}", openai_deployment_name: gpt4o, openai_api_version: "2023-05-15" }
  - name: strict
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: mistral-small-latest
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(config(upstream.url));
  openai = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler(serveOpenAIFixtures);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const WEATHER_TOOL = { type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false };

type Event = { type: string; sequence_number: number } & Record<string, unknown>;

/** The raw answer of a streamed request: its status, and each event's name and data. */
async function rawStream(body: Record<string, unknown>): Promise<{ status: number; contentType: string | null; events: { event?: string; data: Event }[] }> {
  const response = await fetch(`${gateway.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stream: true, ...body }) });
  const text = await response.text();
  const events = response.status === 200 ? parseSse(text).map(({ event, data }) => ({ event, data: JSON.parse(data) as Event })) : [];
  return { status: response.status, contentType: response.headers.get('content-type'), events };
}

/** Event types in order, runs of one delta type counted once. */
const shapeOf = (events: Event[]) => events.map((event) => event.type).filter((type, index, types) => !(type.endsWith('.delta') && types[index - 1] === type));

type ChatDelta = { content?: string | null; tool_calls?: { index: number; id?: string; function: { name?: string; arguments?: string } }[] };

/** What a chat stream fixture says in all: its text, and its tool calls by index. */
function chatStreamFixture(name: string): { text: string; calls: { id: string; name: string; arguments: string }[] } {
  const chunks = parseSse(readFixture('openai', name)).filter(({ data }) => data !== '[DONE]');
  const deltas = chunks.flatMap(({ data }) => (JSON.parse(data) as { choices: { delta: ChatDelta }[] }).choices.map((choice) => choice.delta));
  const calls: { id: string; name: string; arguments: string }[] = [];
  for (const piece of deltas.flatMap((delta) => delta.tool_calls ?? [])) {
    calls[piece.index] ??= { id: piece.id ?? '', name: piece.function.name ?? '', arguments: '' };
    calls[piece.index].arguments += piece.function.arguments ?? '';
  }
  return { text: deltas.map((delta) => delta.content ?? '').join(''), calls };
}

/** The keys of each content part an event holds, by the event's type. */
function partKeysByType(events: Event[]): Record<string, string[][]> {
  const partsOf = (event: Event): unknown[] => {
    const { part, item, response } = event as { part?: unknown; item?: { content?: unknown[] }; response?: { output?: { content?: unknown[] }[] } };
    return [...(part === undefined ? [] : [part]), ...(item?.content ?? []), ...(response?.output ?? []).flatMap((output) => output.content ?? [])];
  };
  return Object.fromEntries(events.map((event) => [event.type, partsOf(event).map((part) => Object.keys(part as object).sort())]));
}

function fixtureEvents(name: string): Event[] {
  return parseSse(readFixture('openai-responses', name)).map(({ data }) => JSON.parse(data) as Event);
}

test("a text answer streams as OpenAI's does: the same events in the same order, each with the same fields", async () => {
  const { status, contentType, events } = await rawStream({ model: 'chat', input: 'Un café ?' });
  expect({ status, contentType }).toEqual({ status: 200, contentType: 'text/event-stream; charset=utf-8' });
  const data = events.map((event) => event.data);
  const reference = fixtureEvents('text.stream.sse');
  expect(shapeOf(data)).toEqual(shapeOf(reference));
  const keysByType = (list: Event[]) => Object.fromEntries(list.map((event) => [event.type, Object.keys(event).filter((key) => key !== 'obfuscation').sort()]));
  expect(keysByType(data)).toEqual(keysByType(reference));
  // The content parts too: the part of content_part.added / .done, the message's in output_item.done and the last Response.
  expect(partKeysByType(data)).toEqual(partKeysByType(reference));
  expect(events.map((event) => event.event)).toEqual(data.map((event) => event.type));
  expect(data.map((event) => event.sequence_number)).toEqual(data.map((_event, index) => index));
  expect(upstream.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
});

test('responses.stream(): text deltas as they come, and the final Response with output_text and usage', async () => {
  upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat-cached-reasoning.stream.sse')));
  const stream = openai.responses.stream({ model: 'chat', input: 'Three coffees?', instructions: 'Answer in French.' });
  let text = '';
  stream.on('response.output_text.delta', (event) => {
    text += event.delta;
  });
  const final = await stream.finalResponse();
  expect(text).toBe(chatStreamFixture('chat-cached-reasoning.stream.sse').text);
  expect(final.output_text).toBe(text);
  expect(final).toMatchObject({
    object: 'response',
    status: 'completed',
    instructions: 'Answer in French.',
    model: 'o4-mini-2025-04-16',
    usage: { input_tokens: 2006, output_tokens: 236, total_tokens: 2242, input_tokens_details: { cached_tokens: 1920 }, output_tokens_details: { reasoning_tokens: 192 } },
  });
  // The client's stream helper adds `parsed` to each text part.
  expect(final.output).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [], parsed: null }] }]);
});

test('create({ stream: true }) with tools: function_call items whose arguments build up by deltas', async () => {
  const stream = await openai.responses.create({ model: 'chat', input: 'Weather in Paris and Tokyo?', tools: [WEATHER_TOOL], stream: true });
  const events: OpenAI.Responses.ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  const calls = (events.at(-1) as OpenAI.Responses.ResponseCompletedEvent).response.output;
  const expected = chatStreamFixture('chat-tool-calls.stream.sse').calls;
  expect(calls).toEqual(expected.map((call) => ({ type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: call.id, name: call.name, arguments: call.arguments, status: 'completed' })));
  for (const [index, call] of calls.entries()) {
    const deltas = events.filter((event): event is OpenAI.Responses.ResponseFunctionCallArgumentsDeltaEvent => event.type === 'response.function_call_arguments.delta' && event.output_index === index);
    expect(deltas.map((event) => event.delta).join('')).toBe(call.type === 'function_call' && call.arguments);
    expect(deltas.length).toBeGreaterThan(1);
  }
  expect(events.at(-1)?.type).toBe('response.completed');
});

test('responses.stream() with tools: the function_call items close on the finish reason, while the upstream stream is still open', async () => {
  // The chat stream up to its finish chunk; its usage chunk and [DONE] wait until the test has seen the last call close.
  const [untilFinish, rest] = readFixture('openai', 'chat-tool-calls.stream.sse').split(/(?=data: \{[^\n]*"choices":\[\],"usage")/);
  expect(rest).toMatch(/^data: \{[^\n]*"usage":\{"prompt_tokens"/);
  let releaseUsage = () => {};
  const usageHeld = new Promise<void>((resolve) => {
    releaseUsage = resolve;
  });
  // Not forever: a gateway that holds the calls to the end must fail the test's expectations, not its timeout.
  const fallback = setTimeout(() => releaseUsage(), 5000);
  let usageSent = false;
  upstream.setHandler(async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(untilFinish);
    await usageHeld;
    clearTimeout(fallback);
    usageSent = true;
    response.end(rest);
  });
  const stream = openai.responses.stream({ model: 'chat', input: 'Weather in Paris and São Paulo?', tools: [WEATHER_TOOL] });
  const order: string[] = [];
  const closedBeforeUsage: boolean[] = [];
  stream.on('event', (event) => {
    if ('output_index' in event && event.type !== 'response.function_call_arguments.delta') order.push(`${event.type} ${event.output_index}`);
    if (event.type === 'response.output_item.done') {
      closedBeforeUsage.push(!usageSent);
      if (event.output_index === 1) releaseUsage();
    }
  });
  const final = await stream.finalResponse();
  expect(order).toEqual([
    'response.output_item.added 0',
    'response.output_item.added 1',
    'response.function_call_arguments.done 0',
    'response.output_item.done 0',
    'response.function_call_arguments.done 1',
    'response.output_item.done 1',
  ]);
  expect(closedBeforeUsage).toEqual([true, true]);
  const expected = chatStreamFixture('chat-tool-calls.stream.sse').calls;
  // The client's stream helper adds `parsed_arguments` to each call.
  const calls = expected.map((call) => ({ type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: call.id, name: call.name, arguments: call.arguments, status: 'completed', parsed_arguments: null }));
  expect(final.output).toEqual(calls);
  expect(final.usage).toMatchObject({ input_tokens: 82, output_tokens: 41 });
});

test('reasoning text streams as a reasoning item (summary text deltas) before the tool call', async () => {
  upstream.setHandler((_request, response) => sendStream(response, readFixture('openai', 'chat-deepseek-thinking-tool-call.stream.sse')));
  const stream = openai.responses.stream({ model: 'chat', input: 'Weather tomorrow in Hangzhou?', tools: [WEATHER_TOOL] });
  let thinking = '';
  stream.on('response.reasoning_summary_text.delta', (event) => {
    thinking += event.delta;
  });
  const final = await stream.finalResponse();
  expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
  const [reasoning] = final.output;
  expect(reasoning.type === 'reasoning' && reasoning.summary).toEqual([{ type: 'summary_text', text: thinking }]);
  expect(thinking).toMatch(/^The user asks for tomorrow's weather in Hangzhou\. /);
});

test('the mock provider: a whole tool round trip streamed', async () => {
  const first = await openai.responses.stream({ model: 'mock-chat', input: 'weather in Paris', tools: [WEATHER_TOOL] }).finalResponse();
  const [call] = first.output;
  expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"input":"weather in Paris"}' });
  const callId = call.type === 'function_call' ? call.call_id : '';
  const input = [{ role: 'user' as const, content: 'weather in Paris' }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { type: 'function_call_output' as const, call_id: callId, output: 'sunny' }];
  const second = await openai.responses.stream({ model: 'mock-chat', input, tools: [WEATHER_TOOL] }).finalResponse();
  expect(second.output_text).toBe('Tool said: sunny');
});

test('an answer cut at the token limit ends with response.incomplete', async () => {
  const cut = readFixture('openai', 'chat.stream.sse').replace('"finish_reason":"stop"', '"finish_reason":"length"');
  upstream.setHandler((_request, response) => sendStream(response, cut));
  const { events } = await rawStream({ model: 'chat', input: 'Hi', max_output_tokens: 16 });
  expect(events.at(-1)?.data).toMatchObject({
    type: 'response.incomplete',
    response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [{ type: 'message', status: 'incomplete' }] },
  });
  const itemDone = events.find((event) => event.event === 'response.output_item.done');
  expect(itemDone?.data).toMatchObject({ item: { type: 'message', status: 'incomplete', content: [{ type: 'output_text', text: 'Un café ? Bien sûr 🙂 Bonne journée.' }] } });
});

test('a failure before the first chunk is a real HTTP error in OpenAI shape', async () => {
  upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400-context-length.json')));
  const error = await openai.responses.create({ model: 'chat', input: 'Hi', stream: true }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'context_length_exceeded', param: 'input' });
});

test('a failure after the first event ends the stream with response.failed, the output so far and the error', async () => {
  const firstChunks = readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 3).join('\n\n') + '\n\n';
  upstream.setHandler((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(firstChunks, () => setTimeout(() => response.destroy(), 20));
  });
  const { status, events } = await rawStream({ model: 'chat', input: 'Hi' });
  expect(status).toBe(200);
  const last = events.at(-1);
  expect(last?.event).toBe('response.failed');
  expect(last?.data).toMatchObject({
    type: 'response.failed',
    sequence_number: events.length - 1,
    response: { status: 'failed', error: { code: expect.any(String), message: expect.any(String) }, output: [{ type: 'message', status: 'in_progress', content: [{ type: 'output_text', text: 'Un café' }] }] },
  });
  expect(events.some((event) => event.event === 'error')).toBe(false);
});

test('a provider stream that interleaves the pieces of two tool calls: each function_call item gets its own arguments', async () => {
  const chunk = (toolCalls: unknown[], finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { tool_calls: toolCalls }, finish_reason: finish }] })}\n\n`;
  const call = (index: number, id: string) => ({ index, id, type: 'function', function: { name: 'get_weather', arguments: '{"city":' } });
  const more = (index: number, city: string) => ({ index, function: { arguments: `"${city}"}` } });
  upstream.setHandler((_request, response) => sendStream(response, chunk([call(0, 'call_a')]) + chunk([call(1, 'call_b')]) + chunk([more(0, 'Paris')]) + chunk([more(1, 'Lima')], 'tool_calls') + 'data: [DONE]\n\n'));
  const final = await openai.responses.stream({ model: 'chat', input: 'Weather?', tools: [WEATHER_TOOL] }).finalResponse();
  expect(final.status).toBe('completed');
  expect(final.output).toMatchObject([
    { type: 'function_call', call_id: 'call_a', arguments: '{"city":"Paris"}', status: 'completed' },
    { type: 'function_call', call_id: 'call_b', arguments: '{"city":"Lima"}', status: 'completed' },
  ]);
});

/** An API that refuses `stream_options` (Azure OpenAI before 2024-09-01, Mistral's behind openai_api_base): a 400 naming it. */
function refusingStreamOptions(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream_options?: unknown }).stream_options === undefined) return serveOpenAIFixtures(request, response);
  sendJson(response, 400, { error: { message: 'Unrecognized request argument supplied: stream_options', type: 'invalid_request_error', param: null, code: null } });
}

test('Azure OpenAI before API version 2024-09-01, which refuses stream_options, is not sent it: the stream is served, its usage null', async () => {
  upstream.setHandler(refusingStreamOptions);
  const { status, events } = await rawStream({ model: 'azure-old', input: 'Un café ?' });
  expect(status).toBe(200);
  expect(upstream.requests).toHaveLength(1);
  expect(upstream.requests[0].body).not.toHaveProperty('stream_options');
  expect(events.at(-1)?.data).toMatchObject({ type: 'response.completed', response: { status: 'completed', usage: null } });
});

test('a server that refuses stream_options gets the request again without it, as a chat stream under a token limit does', async () => {
  upstream.setHandler(refusingStreamOptions);
  const { status, events } = await rawStream({ model: 'strict', input: 'Un café ?' });
  expect(status).toBe(200);
  expect(upstream.requests.map((request) => (request.body as { stream_options?: unknown }).stream_options)).toEqual([{ include_usage: true }, undefined]);
  expect(events.at(-1)?.data).toMatchObject({ type: 'response.completed', response: { status: 'completed' } });
});

test('an invalid streamed request is a 400 before any event', async () => {
  const { status } = await rawStream({ model: 'chat', input: 'Hi', tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] });
  expect(status).toBe(400);
});

test('a client that leaves mid-stream closes the upstream stream', async () => {
  const firstChunks = readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n') + '\n\n';
  upstream.setHandler((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(firstChunks);
  });
  const controller = new AbortController();
  const response = await fetch(`${gateway.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', input: 'Hi', stream: true }), signal: controller.signal });
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  expect(new TextDecoder().decode(value)).toMatch(/^event: response\.created\n/);
  controller.abort();
  await expect(upstream.closed[upstream.closed.length - 1]).resolves.toBeUndefined();
});
