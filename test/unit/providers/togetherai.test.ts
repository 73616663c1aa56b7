import type { TogetherAIConfig } from '../../../generated/config';
import { closeAllPools } from '../../../src/providers/transport/http';
import {
  createTogetherAIChatStream,
  createTogetherAICompletionsStream,
  fromTogetherAIChat,
  fromTogetherAICompletions,
  fromTogetherAIEmbeddings,
  mapTogetherAIFinishReason,
  togetheraiAdapter,
  togetheraiErrorMessage,
  toTogetherAIChat,
  toTogetherAICompletions,
  toTogetherAIEmbeddings,
} from '../../../src/providers/togetherai';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatChunk, ChatRequest, CompletionsRequest, EndpointType } from '../../../src/schema';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('togetherai', name);
const MODEL = 'meta-llama/Llama-3.3-70B-Instruct-Turbo';

describe('requests', () => {
  it('chat: OpenAI body plus model; temperature unchanged; stop as a list; tools whole', () => {
    const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string', minLength: 2 } } } } }];
    expect(toTogetherAIChat({ messages: [{ role: 'user', content: 'hi' }], temperature: 1.3, stop: '<|eot_id|>', tools, top_k: 50, repetition_penalty: 1.1 }, { model: MODEL })).toEqual({
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 1.3,
      stop: ['<|eot_id|>'],
      tools: JSON.parse(JSON.stringify(tools)),
      top_k: 50,
      repetition_penalty: 1.1,
      model: MODEL,
    });
  });

  it('logprobs: top_logprobs is sent as Together’s integer logprobs; a boolean flag becomes 1 or 0', () => {
    const base = { messages: [{ role: 'user', content: 'hi' }] };
    expect(toTogetherAIChat({ ...base, logprobs: true, top_logprobs: 3 } as ChatRequest, { model: MODEL })).toMatchObject({ logprobs: 3 });
    expect(toTogetherAIChat({ ...base, logprobs: true } as ChatRequest, { model: MODEL })).toMatchObject({ logprobs: 1 });
    expect(toTogetherAIChat({ ...base, logprobs: 5 } as ChatRequest, { model: MODEL })).toMatchObject({ logprobs: 5 });
    expect(toTogetherAIChat({ ...base, top_logprobs: 2 } as ChatRequest, { model: MODEL })).not.toHaveProperty('top_logprobs');
  });

  it.each([
    [{ logprobs: 'yes' }, 422, 'Wrong type for logprobs. It should be an 32bit integer.'],
    [{ logprobs: 2 ** 31 }, 422, 'Wrong type for logprobs. It should be an 32bit integer.'],
    [{ top_logprobs: 1.5 }, 422, 'Wrong type for top_logprobs. It should a 32bit integer.'],
    [{ parallel_tool_calls: 'no' }, 400, "The parameter 'parallel_tool_calls' must be true or false for TogetherAI."],
    [{ user: 'u-1' }, 400, "The parameter 'user' is not supported by TogetherAI."],
  ])('rejects %j', (extra, status, message) => {
    expect(() => toTogetherAIChat({ messages: [{ role: 'user', content: 'hi' }], ...extra } as ChatRequest, { model: MODEL })).toThrow(expect.objectContaining({ status, message }));
  });

  it('parallel_tool_calls: true (what Together AI does anyway) is accepted and not sent', () => {
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'hi' }];
    expect(toTogetherAIChat({ messages, parallel_tool_calls: true } as ChatRequest, { model: MODEL })).toEqual(toTogetherAIChat({ messages }, { model: MODEL }));
  });

  it('completions require max_tokens (the reference’s 422); stream flag added', () => {
    expect(() => toTogetherAICompletions({ prompt: 'p' }, { model: MODEL })).toThrow(
      expect.objectContaining({ status: 422, message: 'max_tokens is not present in payload.It is a required parameter for TogetherAI completions.' }),
    );
    expect(toTogetherAICompletions({ prompt: 'Say café', max_tokens: 8, stop: ['\n'] }, { model: 'mistralai/Mixtral-8x7B-v0.1', stream: true })).toEqual({
      prompt: 'Say café',
      max_tokens: 8,
      stop: ['\n'],
      model: 'mistralai/Mixtral-8x7B-v0.1',
      stream: true,
    });
  });

  it('stream_options is not sent (Together’s reference has no such field; its last chunk carries the usage anyway), the rest as without it', () => {
    const messages: ChatRequest['messages'] = [{ role: 'user', content: 'hi' }];
    const askingChat = { messages, stream: true, stream_options: { include_usage: true } } as ChatRequest;
    expect(toTogetherAIChat(askingChat, { model: MODEL, stream: true })).toEqual({ messages, model: MODEL, stream: true });
    const askingCompletions = { prompt: 'p', max_tokens: 8, stream: true, stream_options: { include_usage: true } } as CompletionsRequest;
    expect(toTogetherAICompletions(askingCompletions, { model: MODEL, stream: true })).toEqual({ prompt: 'p', max_tokens: 8, model: MODEL, stream: true });
  });

  it('embeddings send the configured model; encoding_format is the gateway’s job; token ids refused', () => {
    expect(toTogetherAIEmbeddings({ input: ['a', 'b'], encoding_format: 'base64' }, { model: 'togethercomputer/m2-bert-80M-8k-retrieval' })).toEqual({
      model: 'togethercomputer/m2-bert-80M-8k-retrieval',
      input: ['a', 'b'],
    });
    expect(() => toTogetherAIEmbeddings({ input: [1, 2] }, { model: 'e' })).toThrow(expect.objectContaining({ status: 400, param: 'input' }));
  });

  it('embeddings: the end-user id, `user` or its newer name `safety_identifier`, is a 400 naming it, as in chat (Together takes only model and input)', () => {
    // The Vercel AI SDK's OpenAI-compatible embeddings body (packages/openai-compatible/src/embedding/openai-compatible-embedding-model.ts, doEmbed).
    for (const param of ['user', 'safety_identifier']) {
      expect(() => toTogetherAIEmbeddings({ input: ['sunny day'], encoding_format: 'float', [param]: 'user-1234' }, { model: 'BAAI/bge-base-en-v1.5' })).toThrow(
        expect.objectContaining({ status: 400, param, message: `The parameter '${param}' is not supported by TogetherAI.` }),
      );
    }
  });
});

describe('responses', () => {
  it('chat.response.json: eos → stop, extras dropped', () => {
    expect(fromTogetherAIChat(readJsonFixture('togetherai', 'chat.response.json'))).toEqual({
      id: '8e2d3c3c9a8f4b16-SJC',
      object: 'chat.completion',
      created: 1731000000,
      model: MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: [], refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 41, completion_tokens: 15, total_tokens: 56 },
    });
  });

  it('completions.response.json', () => {
    expect(fromTogetherAICompletions(readJsonFixture('togetherai', 'completions.response.json'))).toEqual({
      id: '8e2d4a7b1c3e5f60-SJC',
      object: 'text_completion',
      created: 1731000060,
      model: 'mistralai/Mixtral-8x7B-v0.1',
      choices: [{ index: 0, text: '\nThis is indeed a test of the café menu', finish_reason: 'length' }],
      usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 },
    });
  });

  it('embeddings.response.json as floats or base64 float32; no usage from Together', () => {
    const body = readJsonFixture('togetherai', 'embeddings.response.json');
    expect(fromTogetherAIEmbeddings(body, { encodingFormat: 'float' })).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [0.2633975, 0.13856208, 0.14047277, -0.2110263], index: 0 },
        { object: 'embedding', embedding: [-0.0401328, 0.3276221, 0.0817735, 0.1543202], index: 1 },
      ],
      model: 'togethercomputer/m2-bert-80M-8k-retrieval',
      usage: { prompt_tokens: null, total_tokens: null },
    });
    const encoded = fromTogetherAIEmbeddings(body, { encodingFormat: 'base64' }).data[0].embedding as string;
    expect([...new Float32Array(new Uint8Array(Buffer.from(encoded, 'base64')).buffer)]).toEqual([...new Float32Array([0.2633975, 0.13856208, 0.14047277, -0.2110263])]);
  });

  it('finish reasons', () => {
    expect(mapTogetherAIFinishReason('eos')).toBe('stop');
    expect(mapTogetherAIFinishReason('tool_calls')).toBe('tool_calls');
    expect(mapTogetherAIFinishReason(undefined)).toBeNull();
  });
});

describe('stream folds', () => {
  it('chat.stream.sse: text, eos → stop, usage, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), createTogetherAIChatStream);
    expect(chunks[0]).toEqual({
      id: 'oBUtQrM-62bZhn-9801a1ac2a5f9b29',
      object: 'chat.completion.chunk',
      created: 1758039001,
      model: MODEL,
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Un', tool_calls: null } }],
    });
    expect(summariseChat(chunks)).toEqual({
      text: 'Un café ? Bien sûr 🙂 Bonne journée.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 42, completion_tokens: 9, total_tokens: 51 },
    });
  });

  it('completions.stream.sse: text, eos → stop, usage, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('completions.stream.sse'), createTogetherAICompletionsStream);
    expect(summariseCompletions(chunks)).toEqual({ text: '\nVoilà un café 🙂', finishReason: 'stop', usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } });
  });

  it('completions-logprobs.stream.sse: each chunk’s bare-number logprob as {tokens, token_logprobs} of its token, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('completions-logprobs.stream.sse'), createTogetherAICompletionsStream);
    expect(chunks.map((chunk) => chunk.choices[0]?.logprobs ?? null)).toEqual([
      { tokens: ['\n'], token_logprobs: [-0.8828125] },
      { tokens: ['Voilà'], token_logprobs: [-1.2109375] },
      { tokens: [' un'], token_logprobs: [-0.0625] },
      { tokens: [' café'], token_logprobs: [-0.39648438] },
      { tokens: [' 🙂'], token_logprobs: [-2.453125] },
      null,
    ]);
    expect(summariseCompletions(chunks)).toEqual({ text: '\nVoilà un café 🙂', finishReason: 'stop', usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } });
  });

  it('legacy chat chunks with only choices[].text', async () => {
    const wire = ['Bon', 'jour'].map((text) => `data: ${JSON.stringify({ id: 'x', created: 1, model: 'm', choices: [{ index: 0, text, delta: {}, finish_reason: null }] })}\n\n`).join('');
    const chunks: ChatChunk[] = await replay([Buffer.from(`${wire}data: [DONE]\n\n`)], createTogetherAIChatStream());
    expect(summariseChat(chunks).text).toBe('Bonjour');
  });

  it('a mid-stream error throws the vendor message', async () => {
    const first = fixtureBytes('chat.stream.sse').toString('utf8').split('\n\n')[0];
    const wire = `${first}\n\ndata: {"error":{"message":"Request timed out, please try again.","type":"server_error"}}\n\n`;
    await expect(replay([Buffer.from(wire)], createTogetherAIChatStream())).rejects.toMatchObject({ status: 502, retryable: true, message: 'Request timed out, please try again.' });
  });
});

describe('togetheraiErrorMessage', () => {
  it.each([
    ['error-400.json', expect.stringMatching(/^Input validation error/)],
    ['error-401.json', expect.stringMatching(/^Invalid API key provided/)],
    ['error-429.json', expect.stringMatching(/^You have been rate limited/)],
  ])('%s', (name, expected) => {
    expect(togetheraiErrorMessage(readJsonFixture('togetherai', name))).toEqual(expected);
  });
});

describe('togetheraiAdapter against a local upstream', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('togetherai', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, modelName: string | null = MODEL) {
    const settings: EndpointSettings<TogetherAIConfig> = {
      name: 'my-together',
      endpointType,
      modelName,
      config: { togetherai_api_key: 'tg-local', togetherai_api_base: `${fake.url}/v1` },
      now: () => 1,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return togetheraiAdapter.createEndpoint(settings);
  }

  it('serves every endpoint type; refuses an endpoint without model.name', () => {
    expect(Object.keys(endpoint('llm/v1/chat')).sort()).toEqual(['chat', 'chatStream']);
    expect(Object.keys(endpoint('llm/v1/completions')).sort()).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/embeddings'))).toEqual(['embeddings']);
    expect(() => endpoint('llm/v1/chat', null)).toThrow("TogetherAI needs 'model.name'");
  });

  it('paths, bearer key and bodies on the wire', async () => {
    await endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext());
    fake.setHandler((request, response) =>
      sendJson(response, 200, readJsonFixture('togetherai', request.url.endsWith('/embeddings') ? 'embeddings.response.json' : 'completions.response.json')),
    );
    await endpoint('llm/v1/completions', 'mistralai/Mixtral-8x7B-v0.1').completions!({ prompt: 'p', max_tokens: 3 }, callContext());
    await endpoint('llm/v1/embeddings', 'togethercomputer/m2-bert-80M-8k-retrieval').embeddings!({ input: 'x' }, callContext());
    expect(fake.requests.map((request) => [request.url, request.headers.authorization, request.body])).toEqual([
      ['/v1/chat/completions', 'Bearer tg-local', { messages: [{ role: 'user', content: 'hi' }], model: MODEL }],
      ['/v1/completions', 'Bearer tg-local', { prompt: 'p', max_tokens: 3, model: 'mistralai/Mixtral-8x7B-v0.1' }],
      ['/v1/embeddings', 'Bearer tg-local', { model: 'togethercomputer/m2-bert-80M-8k-retrieval', input: 'x' }],
    ]);
  });
});
