import {
  createTgiChatStream,
  createTgiCompletionsStream,
  fromTgiChat,
  fromTgiCompletions,
  mapTgiFinishReason,
  scaleTgiTemperature,
  tgiAdapter,
  tgiErrorMessage,
  toTgiChat,
  toTgiCompletions,
} from '../../../src/providers/huggingface-text-generation-inference';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { ChatChunk, CompletionsChunk, CompletionsRequest, EndpointType } from '../../../src/schema';
import type { ServerResponse } from 'node:http';
import { startFakeUpstream, sendJson, sendStream, type FakeUpstream } from '../../support/fake-upstream';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readFixtureBytesWithLast, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const VENDOR = 'huggingface-text-generation-inference';
const fixtureBytes = (name: string): Buffer => readFixtureBytes(VENDOR, name);
const answer = { model: 'mistral-7b', created: 1_700_000_000, endpoint: 'tgi' };

describe('completions request (/generate)', () => {
  it('maps max_tokens, scales temperature, lists stop, asks for details; TGI parameters pass through', () => {
    expect(toTgiCompletions({ prompt: 'Order a coffee in French:', max_tokens: 20, temperature: 0.5, stop: '\n', top_k: 10, repetition_penalty: 1.1 })).toEqual({
      inputs: 'Order a coffee in French:',
      parameters: { max_new_tokens: 20, temperature: 25, stop: ['\n'], top_k: 10, repetition_penalty: 1.1, details: true, decoder_input_details: true },
    });
  });

  it('never invents a temperature, n or max_new_tokens; n: 1 and the stream flag are not forwarded', () => {
    expect(toTgiCompletions({ prompt: 'p', n: 1, stream: false })).toEqual({ inputs: 'p', parameters: { details: true, decoder_input_details: true } });
  });

  it('streams ask for details without prefill details (TGI refuses those on streams) and drop stream_options', () => {
    expect(toTgiCompletions({ prompt: 'p', stream: true, stream_options: { include_usage: true } }, { stream: true })).toEqual({
      inputs: 'p',
      parameters: { details: true },
    });
  });

  it.each([
    [0, 0.001],
    [0.00001, 0.001],
    [0.02, 1],
    [1, 50],
    [2, 100],
  ])('temperature %p is sent as max(50 × t, 0.001) = %p', (temperature, expected) => {
    expect(scaleTgiTemperature(temperature)).toBeCloseTo(expected, 10);
  });

  it('refuses max_new_tokens with the reference message (422)', () => {
    expect(gatewayErrorOf(() => toTgiCompletions({ prompt: 'p', max_new_tokens: 5 } as CompletionsRequest))).toMatchObject({
      status: 422,
      param: 'max_new_tokens',
      message: 'Invalid parameter max_new_tokens. Use max_tokens instead.',
    });
  });

  it('n other than 1 is a 400 naming the parameter and the provider', () => {
    const error = gatewayErrorOf(() => toTgiCompletions({ prompt: 'p', n: 2 }));
    expect(error).toMatchObject({ status: 400, param: 'n' });
    expect(error.message).toContain('Hugging Face Text Generation Inference');
  });

  it.each(['presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'suffix', 'user', 'response_format'])('%s is a 400 naming it and the provider', (name) => {
    const error = gatewayErrorOf(() => toTgiCompletions({ prompt: 'p', [name]: 1 }));
    expect(error).toMatchObject({ status: 400, param: name, message: `The parameter '${name}' is not supported by Hugging Face Text Generation Inference.` });
  });
});

describe('completions response', () => {
  it('generate.response.json: text, finish reason, usage from prefill and generated tokens', () => {
    expect(fromTgiCompletions(readJsonFixture(VENDOR, 'generate.response.json'), answer)).toEqual({
      id: null,
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'mistral-7b',
      choices: [{ index: 0, text: " Un café crème, s'il vous plaît ☕", finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 },
    });
  });

  it('without details the usage is unknown, not zero', () => {
    expect(fromTgiCompletions({ generated_text: 'x' }, answer)).toMatchObject({
      choices: [{ text: 'x', finish_reason: null }],
      usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
    });
  });

  it('a body without generated_text is a 502 (the compat route answers a list)', () => {
    expect(() => fromTgiCompletions([{ generated_text: 'x' }], answer)).toThrow(expect.objectContaining({ status: 502 }));
  });

  it('finish reasons: eos_token and stop_sequence are stop; length stays; one TGI adds later is stop', () => {
    expect(['eos_token', 'stop_sequence', 'length', 'stop', 'a_reason_tgi_adds', null].map((reason) => mapTgiFinishReason(reason))).toEqual(['stop', 'stop', 'length', 'stop', 'stop', null]);
  });

  it('after tool calls, every reason but length is tool_calls: TGI has none of its own for a call', () => {
    const reasons = ['eos_token', 'stop_sequence', 'stop', 'a_reason_tgi_adds', 'length', 'tool_calls', null];
    expect(reasons.map((reason) => mapTgiFinishReason(reason, true))).toEqual(['tool_calls', 'tool_calls', 'tool_calls', 'tool_calls', 'length', 'tool_calls', null]);
  });
});

function summarise(chunks: CompletionsChunk[]) {
  return {
    text: chunks.map((chunk) => chunk.choices[0].text ?? '').join(''),
    finishReasons: chunks.map((chunk) => chunk.choices[0].finish_reason).filter((reason) => reason !== null),
    usage: chunks.find((chunk) => chunk.usage)?.usage ?? null,
  };
}

describe('completions stream (/generate_stream)', () => {
  it('generate.stream.sse: same chunks at every split; text without the special </s>, finish and usage on the last chunk', async () => {
    const whole = await replayEverySplit(fixtureBytes('generate.stream.sse'), () => createTgiCompletionsStream(answer));
    expect(whole).toHaveLength(12);
    expect(whole[0]).toEqual({ id: null, object: 'text_completion_chunk', created: 1_700_000_000, model: 'mistral-7b', choices: [{ index: 0, finish_reason: null, text: ' Un' }] });
    expect(whole[11]).toEqual({
      id: null,
      object: 'text_completion_chunk',
      created: 1_700_000_000,
      model: 'mistral-7b',
      choices: [{ index: 0, finish_reason: 'stop', text: '' }],
      usage: { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 },
    });
    expect(summarise(whole)).toEqual({ text: " Un café crème, s'il vous plaît ☕", finishReasons: ['stop'], usage: { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 } });
  });

  it('generate-length.stream.sse: a length stop keeps its text on the last chunk', async () => {
    const whole = await replayEverySplit(fixtureBytes('generate-length.stream.sse'), () => createTgiCompletionsStream(answer));
    expect(summarise(whole)).toEqual({ text: ' Un café', finishReasons: ['length'], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } });
  });

  it('an event that is not JSON is a retryable 502 (before the first chunk: retried, and a FALLBACK route moves on)', async () => {
    await expect(replay([Buffer.from('data:<html>oops\n\n')], createTgiCompletionsStream(answer))).rejects.toMatchObject({ status: 502, retryable: true });
    await expect(replay([Buffer.from('data:[1]\n\n')], createTgiCompletionsStream(answer))).rejects.toMatchObject({ status: 502, retryable: true });
  });

  it('an error event mid-stream is thrown with TGI’s message', async () => {
    const first = fixtureBytes('generate.stream.sse').toString('utf8').split('\n\n')[0];
    const error = `data:${JSON.stringify(readJsonFixture(VENDOR, 'error-424.json'))}\n\n`;
    const fold = createTgiCompletionsStream(answer);
    await expect(replay([Buffer.from(`${first}\n\n${error}`)], fold)).rejects.toMatchObject({
      status: 502,
      message: 'Request failed during generation: Server error: CUDA out of memory. Tried to allocate 2.00 GiB',
    });
  });

  it('a stream that ends before the final event is an error, not a silent end', async () => {
    const first = fixtureBytes('generate.stream.sse').toString('utf8').split('\n\n')[0];
    await expect(replay([Buffer.from(`${first}\n\n`)], createTgiCompletionsStream(answer))).rejects.toMatchObject({ status: 502 });
  });
});

describe('chat (Messages API)', () => {
  it('the OpenAI body with model "tgi"; temperature is not scaled there', () => {
    expect(toTgiChat({ messages: [{ role: 'user', content: 'Salut' }], temperature: 0.7, max_tokens: 50 }, { stream: true })).toEqual({
      messages: [{ role: 'user', content: 'Salut' }],
      temperature: 0.7,
      max_tokens: 50,
      model: 'tgi',
      stream: true,
    });
  });

  it('stream_options is sent as asked: the Messages API streams usage only when include_usage asks (TGI ≥ 2.4)', () => {
    const request = { messages: [{ role: 'user', content: 'Salut' }], stream: true, stream_options: { include_usage: true } };
    expect(toTgiChat(request, { stream: true })).toEqual({ ...request, model: 'tgi' });
  });

  it('a stop string is sent as a list: the Messages API takes only a list (ChatRequest.stop), and refuses a string with a 422', () => {
    expect(toTgiChat({ messages: [{ role: 'user', content: 'Salut' }], stop: '\n' })).toEqual({ messages: [{ role: 'user', content: 'Salut' }], stop: ['\n'], model: 'tgi' });
    expect(toTgiChat({ messages: [{ role: 'user', content: 'Salut' }], stop: ['\n', 'User:'] })).toMatchObject({ stop: ['\n', 'User:'] });
  });

  describe("response_format as the Messages API's grammar (GrammarType: type json or regex, value required)", () => {
    const messages = [{ role: 'user', content: 'Give me the weather in Paris as JSON.' }];
    /** The schema openai's zodResponseFormat makes of z.object({ city: z.string(), temperature_c: z.number() }). */
    const weather = { type: 'object', properties: { city: { type: 'string' }, temperature_c: { type: 'number' } }, required: ['city', 'temperature_c'], additionalProperties: false };

    it('json_schema is its schema; name and strict have no place (the grammar always holds)', () => {
      const request = { messages, response_format: { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema: weather } } };
      expect(toTgiChat(request)).toEqual({ messages, model: 'tgi', response_format: { type: 'json', value: weather } });
    });

    it('json_object is any JSON object; text, the default, is left out', () => {
      expect(toTgiChat({ messages, response_format: { type: 'json_object' } })).toMatchObject({ response_format: { type: 'json', value: { type: 'object' } } });
      expect(toTgiChat({ messages, response_format: { type: 'text' } })).toEqual({ messages, model: 'tgi' });
    });

    it("TGI's own grammar (with its value) goes as sent", () => {
      for (const grammar of [{ type: 'json', value: weather }, { type: 'regex', value: '(yes|no)' }, { type: 'json_object', value: weather }]) {
        expect(toTgiChat({ messages, response_format: grammar })).toMatchObject({ response_format: grammar });
      }
    });

    it('a json_schema without a schema object, or another type, is a 400 naming the field', () => {
      expect(gatewayErrorOf(() => toTgiChat({ messages, response_format: { type: 'json_schema', json_schema: { name: 'weather' } } }))).toMatchObject({ status: 400, param: 'response_format.json_schema.schema' });
      expect(gatewayErrorOf(() => toTgiChat({ messages, response_format: { type: 'xml' } }))).toMatchObject({ status: 400, param: 'response_format.type' });
    });
  });

  it('the same checks as completions: max_new_tokens, n and unused parameters', () => {
    const messages = [{ role: 'user', content: 'x' }];
    expect(gatewayErrorOf(() => toTgiChat({ messages, max_new_tokens: 1 }))).toMatchObject({ status: 422, param: 'max_new_tokens' });
    expect(gatewayErrorOf(() => toTgiChat({ messages, n: 3 }))).toMatchObject({ status: 400, param: 'n' });
    expect(gatewayErrorOf(() => toTgiChat({ messages, logit_bias: { '42': 1 } }))).toMatchObject({ status: 400, param: 'logit_bias' });
  });

  it('chat.response.json maps like OpenAI', () => {
    expect(fromTgiChat(readJsonFixture(VENDOR, 'chat.response.json'))).toEqual({
      id: '',
      object: 'chat.completion',
      created: 1732009923,
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Avec plaisir.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 23, completion_tokens: 12, total_tokens: 35 },
    });
  });

  it('chat-usage.stream.sse (include_usage asked): the usage chunk without choices comes last; same at every split', async () => {
    const whole = await replayEverySplit(fixtureBytes('chat-usage.stream.sse'), () => createTgiChatStream('tgi'));
    expect(whole.map((chunk: ChatChunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
    expect(whole.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 23, completion_tokens: 12, total_tokens: 35 } });
    expect(whole.slice(0, -1).every((chunk) => chunk.usage === undefined || chunk.usage === null)).toBe(true);
  });

  it('chat.stream.sse: same at every split; text, and TGI’s eos_token finish becomes stop', async () => {
    const whole = await replayEverySplit(fixtureBytes('chat.stream.sse'), () => createTgiChatStream('tgi'));
    const text = whole.map((chunk: ChatChunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
    expect(whole.map((chunk) => chunk.choices[0].finish_reason).filter(Boolean)).toEqual(['stop']);
  });
});

describe('chat with tool calls', () => {
  it('chat-tool-calls.response.json (TGI 3, finish_reason stop): the call, and tool_calls', () => {
    expect(fromTgiChat(readJsonFixture(VENDOR, 'chat-tool-calls.response.json')).choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [{ id: '0', type: 'function', function: { name: 'get_weather', arguments: '{"location":"São Paulo, Brasil","unit":"celsius"}' } }],
        },
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it.each([['eos_token'], ['stop_sequence']])('the same answer ending with TGI’s own %s is tool_calls; with length, length', (reason) => {
    const body = readJsonFixture<{ choices: Record<string, unknown>[] }>(VENDOR, 'chat-tool-calls.response.json');
    const ending = (finish: string) => fromTgiChat({ ...body, choices: [{ ...body.choices[0], finish_reason: finish }] }).choices[0].finish_reason;
    expect([ending(reason), ending('length')]).toEqual(['tool_calls', 'length']);
  });

  it('chat-tool-calls.stream.sse (TGI 2.4.1): each chunk’s single tool_calls object is read as a one-call list; eos_token is tool_calls; same at every split', async () => {
    const whole = await replayEverySplit(fixtureBytes('chat-tool-calls.stream.sse'), () => createTgiChatStream('tgi'));
    // The last argument piece came with the finish: they go apart (see finish-apart.ts).
    expect(whole).toHaveLength(13);
    expect(whole[12].choices).toEqual([{ index: 0, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } }]);
    expect(whole[0].choices[0].delta).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id: '', type: 'function', function: { name: null, arguments: '{"' } }],
    });
    const calls = whole.flatMap((chunk) => chunk.choices[0].delta.tool_calls ?? []);
    expect(calls.every((call) => call.index === 0)).toBe(true);
    expect(calls.map((call) => call.function.arguments).join('')).toBe('{"location":"São Paulo, Brasil","unit":"celsius"}');
    expect(whole.map((chunk) => chunk.choices[0].finish_reason).filter(Boolean)).toEqual(['tool_calls']);
  });

  it.each([
    ['"stop"', 'tool_calls'],
    ['"stop_sequence"', 'tool_calls'],
    ['"length"', 'length'],
  ])('the same stream ending with %s ends with %s, at every split', async (reason, expected) => {
    const bytes = readFixtureBytesWithLast(VENDOR, 'chat-tool-calls.stream.sse', '"finish_reason":"eos_token"', `"finish_reason":${reason}`);
    const whole = await replayEverySplit(bytes, () => createTgiChatStream('tgi'));
    expect(whole.map((chunk) => chunk.choices[0].finish_reason).filter(Boolean)).toEqual([expected]);
  });
});

describe('chat stream of tool calls without a finish reason (TGI 3)', () => {
  const V3 = 'chat-tool-calls-v3.stream.sse';
  const finishOf = (chunk: ChatChunk) => chunk.choices[0]?.finish_reason ?? null;

  it('chat-tool-calls-v3.stream.sse: the choice is finished with tool_calls before the usage chunk; same at every split', async () => {
    const whole = await replayEverySplit(fixtureBytes(V3), () => createTgiChatStream('tgi'));
    expect(whole.slice(-2)).toEqual([
      { id: '', object: 'chat.completion.chunk', created: 1741688515, model: 'meta-llama/Llama-3.1-8B-Instruct', choices: [{ index: 0, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } }] },
      expect.objectContaining({ choices: [], usage: { prompt_tokens: 312, completion_tokens: 21, total_tokens: 333 } }),
    ]);
    expect(whole.map(finishOf).filter(Boolean)).toEqual(['tool_calls']);
    expect(summariseChat(whole).toolCalls).toEqual([{ id: '0', name: 'get_weather', arguments: '{ "location": "São Paulo, Brasil", "unit": "celsius"}' }]);
  });

  it('without the usage chunk (not asked for), at [DONE]', async () => {
    const bytes = Buffer.from(fixtureBytes(V3).toString('utf8').replace(/data:\{[^\n]*"choices":\[\],[^\n]*\n\n/, ''));
    const whole = await replayEverySplit(bytes, () => createTgiChatStream('tgi'));
    expect(whole.map(finishOf)).toEqual([...Array(12).fill(null), 'tool_calls']);
  });

  it('a stream cut off before [DONE] is still cut off, not finished', async () => {
    const bytes = Buffer.from(fixtureBytes(V3).toString('utf8').replace('data:[DONE]\n\n', ''));
    await expect(replay([bytes], createTgiChatStream('tgi'))).rejects.toMatchObject({ message: expect.stringContaining('no [DONE]') });
  });
});

describe('errors', () => {
  it('reads TGI’s {"error": "...", "error_type"} bodies', () => {
    expect(tgiErrorMessage(readJsonFixture(VENDOR, 'error-429.json'))).toBe('Model is overloaded');
  });
});

describe('adapter over HTTP', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture(VENDOR, 'generate.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (endpointType: EndpointType, modelName: string | null = null) =>
    tgiAdapter.createEndpoint({ name: 'tgi', endpointType, modelName, config: { hf_server_url: `${fake.url}/base/` }, now: () => 1_700_000_000, timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES });

  it('serves chat and completions only; chat streams report usage only when asked, /generate_stream always', () => {
    expect(tgiAdapter.endpointTypes).toEqual(['llm/v1/chat', 'llm/v1/completions']);
    expect(Object.keys(endpoint('llm/v1/completions')).sort()).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/chat')).sort()).toEqual(['chat', 'chatStream', 'streamUsageWhenAsked']);
    expect(endpoint('llm/v1/chat').streamUsageWhenAsked).toBe(true);
  });

  it('completions: POST {hf_server_url}/generate without credentials; the endpoint name stands in for a missing model name', async () => {
    const response = await endpoint('llm/v1/completions').completions!({ prompt: 'Order a coffee in French:' }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/base/generate');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ inputs: 'Order a coffee in French:', parameters: { details: true, decoder_input_details: true } });
    expect(response.model).toBe('tgi');
    expect(response.choices[0].text).toBe(" Un café crème, s'il vous plaît ☕");
  });

  it('completions stream: POST /generate_stream; chat: POST /v1/chat/completions', async () => {
    fake.setHandler((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(fixtureBytes(request.url.endsWith('generate_stream') ? 'generate.stream.sse' : 'chat.stream.sse'));
    });
    const completions: CompletionsChunk[] = [];
    for await (const chunk of endpoint('llm/v1/completions', 'mistral-7b').completionsStream!({ prompt: 'p', stream: true }, callContext())) completions.push(chunk);
    const chat: ChatChunk[] = [];
    for await (const chunk of endpoint('llm/v1/chat').chatStream!({ messages: [{ role: 'user', content: 'x' }], stream: true }, callContext())) chat.push(chunk);
    expect(fake.requests.map((request) => request.url)).toEqual(['/base/generate_stream', '/base/v1/chat/completions']);
    expect(summarise(completions).text).toBe(" Un café crème, s'il vous plaît ☕");
    expect(completions[0].model).toBe('mistral-7b');
    expect(chat.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Bonjour ! Un café ? ☕ Avec plaisir.');
  });

  // TGI answers a stream request 200 and reports a refusal as its only event (router/src/server.rs,
  // generate_stream_internal): the same refusal as a plain request's 422 or 429.
  const refusedStream = (error: unknown) => (_request: unknown, response: ServerResponse) => sendStream(response, `data:${JSON.stringify(error)}\n\n`);

  it.each([
    ['validation (422)', 'error-422.json', { status: 422, retryable: false }],
    ['overload (retryable 429)', 'error-429.json', { status: 429, retryable: true }],
  ])('a stream refused in its first event for %s has the status of the same request unstreamed', async (_what, fixture, expected) => {
    const error = readJsonFixture(VENDOR, fixture) as { error: string };
    fake.setHandler(refusedStream(error));
    const completions = endpoint('llm/v1/completions').completionsStream!({ prompt: 'p', stream: true }, callContext());
    await expect(completions[Symbol.asyncIterator]().next()).rejects.toMatchObject({ ...expected, message: error.error });
    const chat = endpoint('llm/v1/chat').chatStream!({ messages: [{ role: 'user', content: 'x' }], stream: true }, callContext());
    await expect(chat[Symbol.asyncIterator]().next()).rejects.toMatchObject({ ...expected, message: error.error });
  });

  it('a TGI 422 keeps its status and message', async () => {
    fake.setHandler((_request, response) => sendJson(response, 422, readJsonFixture(VENDOR, 'error-422.json')));
    await expect(endpoint('llm/v1/completions').completions!({ prompt: 'p' }, callContext())).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^Input validation error: `inputs` tokens \+ `max_new_tokens` must be <= 4096/),
    });
  });
});
