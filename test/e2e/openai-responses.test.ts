/**
 * OpenAI's Responses API (`POST /v1/responses`) end to end with the official openai client:
 * `responses.create` on a chat endpoint whose provider is a fake OpenAI chat upstream (what the
 * gateway sends it is the translation) and on the mock provider (a whole function-tool round trip),
 * and the errors, in OpenAI's shape, that `/v1/chat/completions` gives.
 */
import OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';

const KEY = 'gw-key-all';
const LIMITED_KEY = 'gw-key-embeddings-only';
const ONE_CALL_KEY = 'gw-key-one-call';

const config = (upstreamUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-test, openai_api_base: "${upstreamUrl}/v1" }
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${upstreamUrl}/v1" }
  - name: mock-chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mock, name: mock-embeddings }
auth:
  api_keys:
    - { name: all, key: ${KEY} }
    - { name: embeddings-only, key: ${LIMITED_KEY}, endpoints: [embeddings] }
    - { name: one-call, key: ${ONE_CALL_KEY}, limit: { calls: 1, renewal_period: minute } }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(config(upstream.url));
  openai = new OpenAI({ apiKey: KEY, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.setHandler(serveOpenAIFixtures);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const WEATHER_TOOL = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

/** An answer's output items sent back as input, as agents do (the client types them apart). */
const asInput = (output: OpenAI.Responses.ResponseOutputItem[]) => output as OpenAI.Responses.ResponseInputItem[];

/** What the fake upstream was sent, without the fields every request has. */
function sentChatRequest(): Record<string, unknown> {
  expect(upstream.requests).toHaveLength(1);
  expect(upstream.requests[0].url).toBe('/v1/chat/completions');
  return upstream.requests[0].body as Record<string, unknown>;
}

test('text: instructions and input become chat messages; the answer is a Response with output_text and usage', async () => {
  const response = await openai.responses.create({
    model: 'chat',
    instructions: 'Answer in French.',
    input: 'Hello',
    max_output_tokens: 50,
    temperature: 0.2,
    top_p: 0.9,
    user: 'user-1',
    metadata: { team: 'search' },
    store: true,
  });
  expect(sentChatRequest()).toEqual({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Hello' },
    ],
    max_tokens: 50,
    temperature: 0.2,
    top_p: 0.9,
    user: 'user-1',
  });
  expect(response.id).toMatch(/^resp_[0-9a-f]{32}$/);
  expect(response.output_text).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  expect(response).toMatchObject({
    object: 'response',
    created_at: 1748251200,
    status: 'completed',
    error: null,
    incomplete_details: null,
    model: 'gpt-4o-mini-2024-07-18',
    instructions: 'Answer in French.',
    max_output_tokens: 50,
    metadata: { team: 'search' },
    store: true,
    temperature: 0.2,
    top_p: 0.9,
    tool_choice: 'auto',
    tools: [],
    usage: { input_tokens: 21, output_tokens: 14, total_tokens: 35, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
  });
  expect(response.output).toEqual([
    { type: 'message', id: expect.stringMatching(/^msg_/), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: response.output_text, annotations: [], logprobs: [] }] },
  ]);
});

test('function tools: the calls come back as function_call items, and their outputs go back as tool messages', async () => {
  const first = await openai.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }], tools: [WEATHER_TOOL], tool_choice: 'required', parallel_tool_calls: true });
  expect(sentChatRequest()).toMatchObject({
    messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
    tools: [{ type: 'function', function: { name: 'get_weather', description: 'The weather in a city', parameters: WEATHER_TOOL.parameters, strict: true } }],
    tool_choice: 'required',
    parallel_tool_calls: true,
  });
  const fixture = readJsonFixture<{ choices: { message: { tool_calls: { id: string; function: { name: string; arguments: string } }[] } }[] }>('openai', 'chat-tool-calls.response.json');
  const calls = fixture.choices[0].message.tool_calls;
  expect(first.output).toEqual(calls.map((call) => ({ type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: call.id, name: call.function.name, arguments: call.function.arguments, status: 'completed' })));
  expect(first.output_text).toBe('');

  upstream.requests.length = 0;
  upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')));
  const outputs = calls.map((call, index) => ({ type: 'function_call_output' as const, call_id: call.id, output: `sunny ${index}` }));
  const second = await openai.responses.create({ model: 'chat', input: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }, ...asInput(first.output), ...outputs], tools: [WEATHER_TOOL], tool_choice: { type: 'function', name: 'get_weather' } });
  expect(sentChatRequest()).toMatchObject({
    messages: [
      { role: 'user', content: 'Weather in Paris and Tokyo?' },
      { role: 'assistant', tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: call.function })) },
      ...outputs.map((output) => ({ role: 'tool', tool_call_id: output.call_id, content: output.output })),
    ],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
  });
  expect(second.output_text).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
});

test('function tools on the mock provider: the whole round trip with the answer sent back as it came', async () => {
  const first = await openai.responses.create({ model: 'mock-chat', input: 'weather in Paris', tools: [WEATHER_TOOL] });
  const [call] = first.output;
  expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"input":"weather in Paris"}', status: 'completed' });
  const callId = call.type === 'function_call' ? call.call_id : '';
  const second = await openai.responses.create({ model: 'mock-chat', input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'weather in Paris' }] }, ...asInput(first.output), { type: 'function_call_output', call_id: callId, output: 'sunny, 21 °C' }], tools: [WEATHER_TOOL] });
  expect(second.output_text).toBe('Tool said: sunny, 21 °C');
  expect(second.status).toBe('completed');
});

test('a function_call_output given as parts is the tool message with those parts: text to every provider, an image to Anthropic', async () => {
  const first = await openai.responses.create({ model: 'mock-chat', input: 'weather in Paris', tools: [WEATHER_TOOL] });
  const [call] = first.output;
  const callId = call.type === 'function_call' ? call.call_id : '';
  const textOutput = { type: 'function_call_output' as const, call_id: callId, output: [{ type: 'input_text' as const, text: 'sunny, ' }, { type: 'input_text' as const, text: '21 °C' }] };
  const second = await openai.responses.create({ model: 'mock-chat', input: [{ role: 'user', content: 'weather in Paris' }, ...asInput(first.output), textOutput], tools: [WEATHER_TOOL] });
  expect(second.output_text).toBe('Tool said: sunny, 21 °C');

  await openai.responses.create({ model: 'chat', input: [{ role: 'user', content: 'weather in Paris' }, ...asInput(first.output), textOutput], tools: [WEATHER_TOOL] });
  expect(sentChatRequest().messages).toContainEqual({ role: 'tool', tool_call_id: callId, content: [{ type: 'text', text: 'sunny, ' }, { type: 'text', text: '21 °C' }] });

  upstream.requests.length = 0;
  upstream.setHandler(serveAnthropicFixtures('unused'));
  const PNG = 'data:image/png;base64,iVBORw0KGgo=';
  const imageOutput = { ...textOutput, call_id: 'toolu_1', output: [{ type: 'input_text' as const, text: 'The radar:' }, { type: 'input_image' as const, image_url: PNG, detail: 'auto' as const }] };
  const callItem = { type: 'function_call' as const, call_id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' };
  await openai.responses.create({ model: 'claude', input: [{ role: 'user', content: 'weather in Paris' }, callItem, imageOutput], tools: [WEATHER_TOOL] });
  expect((upstream.requests[0].body as { messages: unknown[] }).messages.at(-1)).toEqual({
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'The radar:' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }] }],
  });
});

const PDF = `data:application/pdf;base64,${Buffer.from('%PDF-1.4 a tiny document').toString('base64')}`;

test('input_file parts are the chat file part: file_data or file_id with the filename, mapped by each provider', async () => {
  const input = [
    {
      role: 'user' as const,
      content: [
        { type: 'input_text' as const, text: 'Summarise both.' },
        { type: 'input_file' as const, file_data: PDF, filename: 'report.pdf' },
        { type: 'input_file' as const, file_id: 'file-abc123' },
      ],
    },
  ];
  await openai.responses.create({ model: 'chat', input });
  expect(sentChatRequest().messages).toEqual([
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Summarise both.' },
        { type: 'file', file: { file_data: PDF, filename: 'report.pdf' } },
        { type: 'file', file: { file_id: 'file-abc123' } },
      ],
    },
  ]);

  // Anthropic takes file_data as a document block, and refuses an OpenAI file id, as on /v1/chat/completions.
  upstream.requests.length = 0;
  upstream.setHandler(serveAnthropicFixtures('unused'));
  await openai.responses.create({ model: 'claude', input: [{ role: 'user', content: input[0].content.slice(0, 2) }] });
  expect((upstream.requests[0].body as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'Summarise both.' }, { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF.split(',')[1] }, title: 'report.pdf' }] },
  ]);
  expect(await openaiErrorOf(openai.responses.create({ model: 'claude', input }))).toMatchObject({ status: 400, error: { param: 'input[0].content[2].file_id' } });
});

test('text.format json_schema is the chat response_format; reasoning.effort its reasoning_effort', async () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  await openai.responses.create({ model: 'chat', input: 'Where?', text: { format: { type: 'json_schema', name: 'place', schema, strict: true } }, reasoning: { effort: 'low', summary: 'auto' } });
  expect(sentChatRequest()).toMatchObject({ response_format: { type: 'json_schema', json_schema: { name: 'place', schema, strict: true } }, reasoning_effort: 'low' });
  expect(sentChatRequest()).not.toHaveProperty('reasoning');
});

test('an answer with reasoning text has a reasoning item first; cached and reasoning tokens are in the usage details', async () => {
  upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat-deepseek-thinking-tool-call.response.json')));
  const thinking = await openai.responses.create({ model: 'chat', input: 'Think, then call' });
  expect(thinking.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
  expect(thinking.output[0]).toMatchObject({ type: 'reasoning', id: expect.stringMatching(/^rs_/), summary: [{ type: 'summary_text', text: expect.any(String) }] });

  upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat-cached-reasoning.response.json')));
  const cached = await openai.responses.create({ model: 'chat', input: 'Three coffees?' });
  expect(cached.usage).toEqual({ input_tokens: 2006, output_tokens: 300, total_tokens: 2306, input_tokens_details: { cached_tokens: 1920 }, output_tokens_details: { reasoning_tokens: 192 } });
});

test('keys the Responses API does not name pass on, as on /v1/chat/completions', async () => {
  const body = { model: 'chat', input: 'Hi', seed: 7, prompt_cache_key: 'user-42' } as OpenAI.Responses.ResponseCreateParamsNonStreaming;
  await openai.responses.create(body);
  expect(sentChatRequest()).toMatchObject({ seed: 7, prompt_cache_key: 'user-42' });
});

test('include and truncation (sent by Codex and the Vercel AI SDK) are accepted and not passed on; text.verbosity is the chat verbosity', async () => {
  const response = await openai.responses.create({ model: 'chat', input: 'Hi', include: ['reasoning.encrypted_content'], truncation: 'auto', background: false, text: { verbosity: 'low' } });
  expect(response.status).toBe('completed');
  const sent = sentChatRequest();
  expect(sent).toMatchObject({ verbosity: 'low' });
  for (const field of ['include', 'truncation', 'background', 'text']) expect(sent).not.toHaveProperty(field);
});

test('an answer cut at max_tokens is incomplete, with the reason', async () => {
  const cut = readJsonFixture<{ choices: { finish_reason: string }[] }>('openai', 'chat.response.json');
  cut.choices[0].finish_reason = 'length';
  upstream.setHandler((_request, response) => sendJson(response, 200, cut));
  const response = await openai.responses.create({ model: 'chat', input: 'Hello', max_output_tokens: 5 });
  expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  // As in OpenAI's Response, the item the cut fell in is incomplete too.
  expect(response.output).toEqual([expect.objectContaining({ type: 'message', status: 'incomplete' })]);
});

test('an answer of text and a tool call cut by a content filter: the call, last, is the incomplete item', async () => {
  const cut = readJsonFixture<{ choices: { finish_reason: string; message: { content: string | null } }[] }>('openai', 'chat-tool-calls.response.json');
  cut.choices[0].finish_reason = 'content_filter';
  cut.choices[0].message.content = 'Let me look.';
  upstream.setHandler((_request, response) => sendJson(response, 200, cut));
  const response = await openai.responses.create({ model: 'chat', input: 'Weather in Paris and Tokyo?', tools: [WEATHER_TOOL] });
  expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
  expect(response.output.map((item) => [item.type, 'status' in item && item.status])).toEqual([
    ['message', 'completed'],
    ['function_call', 'completed'],
    ['function_call', 'incomplete'],
  ]);
});

/** The error the openai client raises, as its fields. */
describe('errors, in OpenAI shape', () => {
  test('unknown model: 404 naming model', async () => {
    expect(await openaiErrorOf(openai.responses.create({ model: 'nope', input: 'Hi' }))).toEqual({
      status: 404,
      error: { message: "The model 'nope' does not exist: no gateway endpoint or route has that name.", type: 'not_found_error', param: 'model', code: 'not_found' },
    });
  });

  test('a model that is not a chat endpoint: 400 naming model', async () => {
    expect(await openaiErrorOf(openai.responses.create({ model: 'embeddings', input: 'Hi' }))).toMatchObject({ status: 400, error: { param: 'model' } });
  });

  test.each([
    [
      'a built-in tool other than web search',
      { tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] },
      'tools[0].type',
      'tools[0].type: must be one of "function", "web_search", "web_search_2025_08_26", "web_search_preview", "web_search_preview_2025_03_11"',
    ],
    ['input of another type', { input: 5 }, 'input', 'input: must be a string or a non-empty array of objects (type "message", "function_call", "function_call_output", "reasoning", "web_search_call" or "item_reference")'],
    ['an empty input list', { input: [] }, 'input', 'input: must not be an empty list'],
    [
      'an input item of another type',
      { input: [{ type: 'computer_call_output', call_id: 'call_1', output: {} }] },
      'input[0].type',
      'input[0].type: must be one of "message", "function_call", "function_call_output", "reasoning", "web_search_call", "item_reference"',
    ],
    ['an unknown content part', { input: [{ role: 'user', content: [{ type: 'input_audio', data: 'AAA' }] }] }, 'input[0].content[0].type', 'input[0].content[0].type: must be one of "input_text", "output_text", "refusal", "input_image", "input_file"'],
    ['max_output_tokens of 0', { max_output_tokens: 0 }, 'max_output_tokens', 'max_output_tokens: must be at least 1'],
    [
      'a function_call_output part of another type',
      { input: [{ type: 'function_call_output', call_id: 'call_1', output: [{ type: 'output_text', text: 'sunny' }] }] },
      'input[0].output[0].type',
      'input[0].output[0].type: must be one of "input_text", "input_image", "input_file"',
    ],
  ])('%s: 400 naming the field', async (_what, fields, param, message) => {
    const body = { model: 'chat', input: 'Hi', ...fields } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
    expect(await openaiErrorOf(openai.responses.create(body))).toEqual({ status: 400, error: { message, type: 'invalid_request_error', param, code: 'invalid_body' } });
    expect(upstream.requests).toHaveLength(0);
  });

  test.each([
    [
      'an input_file by URL',
      { type: 'input_file', file_url: 'https://example.com/report.pdf' },
      'input[1].content[0].file_url',
      'input[1].content[0].file_url: the gateway sends a file as a chat file part, which takes file_data (a base64 data URL) or file_id, not a URL; download the file and send it as file_data',
    ],
    ['an input_file without its file', { type: 'input_file', filename: 'report.pdf' }, 'input[1].content[0].file_data', 'input[1].content[0].file_data: an input_file needs file_data (a base64 data URL) or file_id'],
    [
      'a function output file by URL',
      { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_file', file_url: 'https://example.com/r.pdf' }] },
      'input[1].output[0].file_url',
      'input[1].output[0].file_url: the gateway sends a file as a chat file part, which takes file_data (a base64 data URL) or file_id, not a URL; download the file and send it as file_data',
    ],
  ])('%s: 400 naming the field', async (_what, part, param, message) => {
    const second = 'type' in part && part.type === 'function_call_output' ? part : { role: 'user', content: [part] };
    const input = [{ role: 'user', content: 'Hi' }, second] as OpenAI.Responses.ResponseInput;
    expect(await openaiErrorOf(openai.responses.create({ model: 'chat', input }))).toEqual({ status: 400, error: { message, type: 'invalid_request_error', param, code: 'invalid_value' } });
    expect(upstream.requests).toHaveLength(0);
  });

  test.each([
    ['a reasoning item', [{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Hmm.' }] }]],
    ['a web search call and a reference to one', [{ type: 'web_search_call', id: 'ws_1', status: 'completed' }, { type: 'item_reference', id: 'ws_2' }]],
  ])('an input of only items left out (%s): 400 naming input, not the chat request', async (_what, input) => {
    expect(await openaiErrorOf(openai.responses.create({ model: 'chat', input: input as OpenAI.Responses.ResponseInput }))).toEqual({
      status: 400,
      error: {
        message:
          "input: has nothing the model is given: reasoning items (but for Claude's thinking, which goes with the assistant turn after them), web_search_call items and references to either are left out; send a message, or instructions",
        type: 'invalid_request_error',
        param: 'input',
        code: 'invalid_value',
      },
    });
    expect(upstream.requests).toHaveLength(0);
  });

  test('conversation: 400, as the gateway keeps no conversations (previous_response_id and item_reference: responses-store.test.ts)', async () => {
    const body = { model: 'chat', input: 'Hi', conversation: 'conv_123' } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
    expect(await openaiErrorOf(openai.responses.create(body))).toEqual({
      status: 400,
      error: { message: 'conversation: the gateway keeps no conversations; continue a response with previous_response_id, or send the whole input', type: 'invalid_request_error', param: 'conversation', code: 'invalid_value' },
    });
  });

  test('background: true: 400, as the gateway answers while the client waits', async () => {
    expect(await openaiErrorOf(openai.responses.create({ model: 'chat', input: 'Hi', background: true }))).toEqual({
      status: 400,
      error: { message: 'background: the gateway answers every request while it waits, so it cannot answer in the background; leave it out or false', type: 'invalid_request_error', param: 'background', code: 'invalid_value' },
    });
    expect(upstream.requests).toHaveLength(0);
  });

  test('n over 1: 400 naming n, streamed or not, as a Response holds one answer and the other choices would be billed unseen; n: 1 is served', async () => {
    const error = { message: 'n: a Response holds one answer (the Responses API takes no n); leave it out, or ask /v1/chat/completions for several choices', type: 'invalid_request_error', param: 'n', code: 'invalid_value' };
    for (const stream of [false, true]) {
      const body = { model: 'chat', input: 'Hi', n: 2, stream } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
      expect(await openaiErrorOf(openai.responses.create(body))).toEqual({ status: 400, error });
    }
    // Refused before a previous response is looked up (a store round trip, to the primary under --workers).
    const continued = { model: 'chat', input: 'Hi', n: 2, previous_response_id: 'resp_unknown' } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
    expect(await openaiErrorOf(openai.responses.create(continued))).toEqual({ status: 400, error });
    expect(upstream.requests).toHaveLength(0);
    const one = { model: 'chat', input: 'Hi', n: 1 } as unknown as OpenAI.Responses.ResponseCreateParamsNonStreaming;
    expect(await openai.responses.create(one)).toMatchObject({ status: 'completed' });
    expect(upstream.requests).toHaveLength(1);
  });

  test('a client key limited to other endpoints: 403', async () => {
    const limited = new OpenAI({ apiKey: LIMITED_KEY, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    expect(await openaiErrorOf(limited.responses.create({ model: 'chat', input: 'Hi' }))).toMatchObject({ status: 403, error: { type: expect.any(String), message: expect.any(String) } });
    expect(upstream.requests).toHaveLength(0);
  });

  test("a client key's own limit: 429 once it is used up", async () => {
    const oneCall = new OpenAI({ apiKey: ONE_CALL_KEY, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await oneCall.responses.create({ model: 'chat', input: 'Hi' });
    expect(await openaiErrorOf(oneCall.responses.create({ model: 'chat', input: 'Hi' }))).toMatchObject({ status: 429, error: { code: 'rate_limit_exceeded' } });
    expect(upstream.requests).toHaveLength(1);
  });

  test('the upstream refusal keeps its status and OpenAI error fields', async () => {
    upstream.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400-context-length.json')));
    expect(await openaiErrorOf(openai.responses.create({ model: 'chat', input: 'Hi' }))).toMatchObject({ status: 400, error: { code: 'context_length_exceeded', param: 'input' } });
  });
});

describe('with every response checked against openapi/ (the Express path)', () => {
  let checked: RunningGateway;
  let client: OpenAI;
  beforeAll(async () => {
    checked = await startGateway(config(upstream.url), { validateResponses: true });
    client = new OpenAI({ apiKey: KEY, baseURL: `${checked.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => checked.close());

  test.each(['chat.response.json', 'chat-tool-calls.response.json', 'chat-deepseek-thinking-tool-call.response.json'])('an answer from %s matches ResponsesResponse', async (fixture) => {
    upstream.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('openai', fixture)));
    const response = await client.responses.create({ model: 'chat', input: 'Hi', tools: [WEATHER_TOOL] });
    expect(response.object).toBe('response');
  });

  test('an error matches OpenAIErrorResponse', async () => {
    expect(await openaiErrorOf(client.responses.create({ model: 'chat', input: 'Hi', previous_response_id: 'resp_1' }))).toMatchObject({ status: 400 });
  });
});
