import type { AI21LabsConfig } from '../../../generated/config';
import {
  ai21labsAdapter,
  ai21labsErrorMessage,
  createJambaChatStream,
  createJambaCompletionsStream,
  fromJambaChat,
  fromJambaCompletions,
  mapJambaFinishReason,
  toJambaChat,
  toJambaCompletions,
} from '../../../src/providers/ai21labs';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatChunk, ChatRequest, CompletionsRequest, EndpointType } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('ai21labs', name);
const context = { model: 'jamba-mini', now: () => 1_700_000_000 };
const user = (content: ChatRequest['messages'][number]['content']): ChatRequest['messages'][number] => ({ role: 'user', content });

describe('chat requests', () => {
  const tools: ChatRequest['tools'] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string', minLength: 1 } }, required: ['city'] } } },
  ];

  it('sends the configured model, the messages and what the client set, with tools and their full schema; nothing invented', () => {
    expect(
      toJambaChat(
        { model: 'client-model', messages: [{ role: 'system', content: 'Be brief.' }, user('Un café ?')], temperature: 0.7, top_p: 0.9, stop: '##', n: 2, max_tokens: 64, tools, response_format: { type: 'json_object' }, documents: [{ content: 'Menu: café 2 €' }] } as ChatRequest,
        { model: 'jamba-mini' },
      ),
    ).toEqual({
      model: 'jamba-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Un café ?' },
      ],
      temperature: 0.7,
      top_p: 0.9,
      stop: '##',
      n: 2,
      max_tokens: 64,
      tools,
      response_format: { type: 'json_object' },
      documents: [{ content: 'Menu: café 2 €' }],
    });
  });

  it('streams: stream true, no stream_options (the last chunk always has usage); max_completion_tokens as max_tokens', () => {
    expect(toJambaChat({ messages: [user('hi')], stream: true, stream_options: { include_usage: true }, max_completion_tokens: 5 } as ChatRequest, { model: 'jamba-mini', stream: true })).toEqual({
      model: 'jamba-mini',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 5,
      stream: true,
    });
  });

  it('messages: text parts joined, developer as system, only the fields Jamba has; tool turns kept with an empty content', () => {
    const messages: ChatRequest['messages'] = [
      { role: 'developer', content: 'Answer in French.' },
      { role: 'user', name: 'ana', content: [{ type: 'text', text: 'Weather in ' }, { type: 'text', text: 'São Paulo?' }] },
      { role: 'assistant', content: null, reasoning_content: 'Call the tool.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } }] },
      { role: 'tool', name: 'get_weather', tool_call_id: 'call_1', content: '{"celsius": 24}' },
    ];
    expect(toJambaChat({ messages, tools }, { model: 'jamba-large' }).messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Weather in São Paulo?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } }] },
      { role: 'tool', content: '{"celsius": 24}', tool_call_id: 'call_1' },
    ]);
  });

  it('an image part is a 400 naming it', () => {
    const request = { messages: [user([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }])] } as ChatRequest;
    expect(gatewayErrorOf(() => toJambaChat(request, { model: 'jamba-mini' }))).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
  });

  it.each(['presence_penalty', 'frequency_penalty', 'seed', 'user', 'top_k', 'logprobs', 'reasoning_effort', 'store', 'prompt_cache_key'])('%s is a 400 naming it and AI21Labs', (name) => {
    const value = name === 'logprobs' || name === 'store' ? true : name === 'user' || name === 'reasoning_effort' || name === 'prompt_cache_key' ? 'x' : 1;
    expect(gatewayErrorOf(() => toJambaChat({ messages: [user('hi')], [name]: value } as ChatRequest, { model: 'jamba-mini' }))).toMatchObject({
      status: 400,
      param: name,
      message: `The parameter '${name}' is not supported by AI21Labs.`,
    });
  });

  it('tool_choice auto and no-op values are not sent; another tool_choice is a 400', () => {
    expect(toJambaChat({ messages: [user('hi')], tools, tool_choice: 'auto', presence_penalty: 0, parallel_tool_calls: true }, { model: 'jamba-mini' })).toEqual({
      model: 'jamba-mini',
      messages: [{ role: 'user', content: 'hi' }],
      tools,
    });
    expect(gatewayErrorOf(() => toJambaChat({ messages: [user('hi')], tools, tool_choice: 'required' }, { model: 'jamba-mini' }))).toMatchObject({
      status: 400,
      param: 'tool_choice',
      message: `tool_choice: AI21Labs accepts 'auto' or {"type":"allowed_tools",...} of function tools with mode "auto" (Jamba's chat API has no tool_choice; the model calls a tool when it decides to), not "required".`,
    });
  });

  it('response_format json_schema is a 400 naming response_format.type', () => {
    const request = { messages: [user('hi')], response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } } as ChatRequest;
    expect(gatewayErrorOf(() => toJambaChat(request, { model: 'jamba-mini' }))).toMatchObject({
      status: 400,
      param: 'response_format.type',
      message: expect.stringContaining('text or json_object for AI21Labs'),
    });
  });
});

describe('completions requests on Jamba', () => {
  it('the prompt is the one user message; stop, n and limits pass', () => {
    expect(toJambaCompletions({ prompt: 'Un café', stop: ['\n'], n: 2, max_tokens: 16, temperature: 0.5 }, { model: 'jamba-mini', stream: true })).toEqual({
      model: 'jamba-mini',
      messages: [{ role: 'user', content: 'Un café' }],
      stop: ['\n'],
      n: 2,
      max_tokens: 16,
      temperature: 0.5,
      stream: true,
    });
  });

  it("AI21's own spellings are the reference's 422; echo, suffix and tools are 400s", () => {
    expect(gatewayErrorOf(() => toJambaCompletions({ prompt: 'p', maxTokens: 5 } as CompletionsRequest, { model: 'jamba-mini' }))).toMatchObject({
      status: 422,
      message: 'Invalid parameter maxTokens. Use max_tokens instead.',
    });
    for (const name of ['echo', 'suffix', 'tools']) {
      expect(gatewayErrorOf(() => toJambaCompletions({ prompt: 'p', [name]: name === 'tools' ? [] : true } as CompletionsRequest, { model: 'jamba-mini' }))).toMatchObject({ status: 400, param: name });
    }
  });
});

describe('answers', () => {
  it('chat.response.json: the unified answer, created from the clock (AI21 sends none), the model as AI21 named it', () => {
    expect(fromJambaChat(readJsonFixture('ai21labs', 'chat.response.json'), context)).toEqual({
      id: 'chat-3f1c2a9e-8d4b-4f7e-9c61-2b5d0e7a4c18',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'jamba-mini-1.7',
      choices: [{ index: 0, message: { role: 'assistant', content: "Un café, s'il vous plaît ☕", tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 },
    });
  });

  it('chat-tool-calls.response.json: both calls, finish reason tool_calls', () => {
    const answer = fromJambaChat(readJsonFixture('ai21labs', 'chat-tool-calls.response.json'), context);
    expect(answer.choices[0].finish_reason).toBe('tool_calls');
    expect(answer.choices[0].message.tool_calls).toEqual([
      { id: 'call_9f3b1c7e2a', type: 'function', function: { name: 'get_weather', arguments: '{"city": "São Paulo", "unit": "celsius"}' } },
      { id: 'call_4d8a0e6b13', type: 'function', function: { name: 'get_time', arguments: '{"city": "São Paulo"}' } },
    ]);
  });

  it('tool calls beside the message, with object arguments, are the message’s; the configured model fills in', () => {
    const body = { id: 'c', choices: [{ index: 0, message: { role: 'assistant', content: '' }, tool_calls: [{ id: 't1', function: { name: 'f', arguments: { a: 1 } } }], finish_reason: 'stop' }], usage: null };
    const answer = fromJambaChat(body, context);
    expect(answer.model).toBe('jamba-mini');
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] } });
  });

  it('completions: the text is the message content', () => {
    expect(fromJambaCompletions(readJsonFixture('ai21labs', 'chat.response.json'), context)).toEqual({
      id: 'chat-3f1c2a9e-8d4b-4f7e-9c61-2b5d0e7a4c18',
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'jamba-mini-1.7',
      choices: [{ index: 0, text: "Un café, s'il vous plaît ☕", finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 },
    });
  });

  it('a body without choices is a 502; finish reasons', () => {
    expect(() => fromJambaChat({ detail: 'x' }, context)).toThrow(expect.objectContaining({ status: 502 }));
    expect([mapJambaFinishReason('stop', false), mapJambaFinishReason('length', true), mapJambaFinishReason('stop', true), mapJambaFinishReason(undefined, false)]).toEqual(['stop', 'length', 'tool_calls', null]);
  });

  it('error bodies of the chat API are FastAPI’s too', () => {
    expect(ai21labsErrorMessage({ detail: [{ loc: ['body', 'max_tokens'], msg: 'ensure this value is less than or equal to 4096', type: 'value_error' }] })).toBe(
      'max_tokens: ensure this value is less than or equal to 4096',
    );
  });
});

describe('stream folds', () => {
  it('chat.stream.sse: envelope filled in, text, finish reason and usage, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), () => createJambaChatStream(context));
    expect(chunks[0]).toEqual({
      id: 'chat-0c5e9a7d-2f14-4b83-a6d2-91e8b7c3f052',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'jamba-mini',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: null, tool_calls: null } }],
    });
    expect(summariseChat(chunks)).toEqual({
      text: "Un café, s'il vous plaît 🙂",
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 },
    });
  });

  it('chat-tool-calls.stream.sse: the call is numbered, the stop after it is tool_calls, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-tool-calls.stream.sse'), () => createJambaChatStream(context));
    expect(summariseChat(chunks)).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_2c6e8b0f4d', name: 'get_weather', arguments: '{"city": "São Paulo"}' }],
      usage: { prompt_tokens: 158, completion_tokens: 22, total_tokens: 180 },
    });
  });

  it('chat.stream.sse read as a completions stream, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), () => createJambaCompletionsStream(context));
    expect(summariseCompletions(chunks)).toEqual({ text: "Un café, s'il vous plaît 🙂", finishReason: 'stop', usage: { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 } });
  });

  it('a cut-off stream throws', async () => {
    const first = fixtureBytes('chat.stream.sse').toString('utf8').split('\n\n')[0];
    const chunks: Promise<ChatChunk[]> = replay([Buffer.from(`${first}\n\n`)], createJambaChatStream(context));
    await expect(chunks).rejects.toMatchObject({ status: 502, message: expect.stringContaining('no [DONE]') });
  });
});

describe('ai21labsAdapter against a local upstream', () => {
  let fake: FakeUpstream;
  let answer: unknown;
  beforeEach(async () => {
    answer = readJsonFixture('ai21labs', 'chat.response.json');
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, answer));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (endpointType: EndpointType, modelName: string, config: Partial<AI21LabsConfig> = {}) => {
    const settings: EndpointSettings<AI21LabsConfig> = {
      name: 'jamba',
      endpointType,
      modelName,
      config: { ai21labs_api_key: 'ai21-secret', ai21labs_api_base: `${fake.url}/studio/v1`, ...config },
      now: () => 1_700_000_000,
      timeouts: TEST_TIMEOUTS,
      maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return ai21labsAdapter.createEndpoint(settings);
  };

  it('serves chat and streams; completions on a Jamba model stream too, on Jurassic-2 they do not', () => {
    expect(ai21labsAdapter.endpointTypes).toEqual(['llm/v1/chat', 'llm/v1/completions']);
    expect(Object.keys(endpoint('llm/v1/chat', 'jamba-large'))).toEqual(['chat', 'chatStream']);
    expect(Object.keys(endpoint('llm/v1/completions', 'jamba-mini'))).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/completions', 'j2-ultra'))).toEqual(['completions']);
  });

  it('chat: POST {base}/chat/completions with a bearer key', async () => {
    const response = await endpoint('llm/v1/chat', 'jamba-mini').chat!({ messages: [user('Un café ?')] }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/studio/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer ai21-secret');
    expect(request.body).toEqual({ model: 'jamba-mini', messages: [{ role: 'user', content: 'Un café ?' }] });
    expect(response.choices[0].message.content).toBe("Un café, s'il vous plaît ☕");
  });

  it('completions on a Jamba model go to the chat API', async () => {
    const response = await endpoint('llm/v1/completions', 'jamba-mini').completions!({ prompt: 'Un café', max_tokens: 8 }, callContext());
    expect(fake.requests[0].url).toBe('/studio/v1/chat/completions');
    expect(fake.requests[0].body).toEqual({ model: 'jamba-mini', messages: [{ role: 'user', content: 'Un café' }], max_tokens: 8 });
    expect(response.choices[0].text).toBe("Un café, s'il vous plaît ☕");
  });

  it('parameter defaults are checked at load with the model’s API: seed refused on Jamba chat, n and stop taken on Jamba completions', () => {
    expect(gatewayErrorOf(() => endpoint('llm/v1/chat', 'jamba-mini', { seed: 1 } as Partial<AI21LabsConfig>))).toMatchObject({ status: 400, param: 'seed' });
    expect(() => endpoint('llm/v1/completions', 'jamba-mini', { n: 2, stop: '##' } as Partial<AI21LabsConfig>)).not.toThrow();
  });
});
