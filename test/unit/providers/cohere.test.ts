import type { CohereConfig } from '../../../generated/config';
import { GatewayError } from '../../../src/errors';
import {
  COHERE_MAX_TEXTS,
  cohereAdapter,
  cohereErrorMessage,
  createCohereChatStream,
  createCohereCompletionsStream,
  fromCohereChat,
  fromCohereCompletions,
  fromCohereEmbeddings,
  mapCohereFinishReason,
  toCohereChat,
  toCohereCompletions,
  toCohereEmbeddings,
} from '../../../src/providers/cohere';
import { answersInOrder, embeddingsBatches, joinedEmbeddings } from '../../../src/providers/shared/embeddings';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatChunk, CompletionsChunk, EndpointType } from '../../../src/schema';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { ndjson, replay, replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('cohere', name);
const NOW = 1_700_000_000;
const context = { model: 'command-r-plus', now: () => NOW };

describe('toCohereChat', () => {
  it('last user message → message, system → preamble, earlier turns → chat_history; temperature × 2.5; top_p/top_k → p/k', () => {
    const body = toCohereChat(
      {
        messages: [
          { role: 'system', content: 'You are a friendly barista.' },
          { role: 'user', content: 'Salut' },
          { role: 'assistant', content: 'Bonjour !' },
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: [{ type: 'text', text: 'Un café ?' }, { type: 'text', text: 'Merci.' }] },
        ],
        temperature: 0.4,
        top_p: 0.9,
        top_k: 40,
        max_tokens: 100,
        seed: 7,
      },
      { model: 'command-r-plus' },
    );
    expect(body).toEqual({
      model: 'command-r-plus',
      message: 'Un café ?\nMerci.',
      chat_history: [
        { role: 'USER', message: 'Salut' },
        { role: 'CHATBOT', message: 'Bonjour !' },
      ],
      preamble: 'You are a friendly barista.\nAnswer in French.',
      temperature: 1,
      p: 0.9,
      k: 40,
      max_tokens: 100,
      seed: 7,
    });
  });

  it('a single user message: no chat_history, no preamble, no invented temperature; stream adds stream: true; n: 1 is accepted', () => {
    expect(toCohereChat({ messages: [{ role: 'user', content: 'hi' }], n: 1, stream_options: { include_usage: true } }, { model: 'command-r', stream: true })).toEqual({
      model: 'command-r',
      message: 'hi',
      stream: true,
    });
    expect(toCohereChat({ messages: [{ role: 'user', content: 'hi' }], temperature: 0 }, { model: 'command-r' })).toEqual({ model: 'command-r', message: 'hi', temperature: 0 });
  });

  it("stop is Cohere v1 chat's stop_sequences (MLflow refuses it), a string as a list", () => {
    expect(toCohereChat({ messages: [{ role: 'user', content: 'hi' }], stop: ['END', '###'] }, { model: 'command-r' })).toEqual({ model: 'command-r', message: 'hi', stop_sequences: ['END', '###'] });
    expect(toCohereChat({ messages: [{ role: 'user', content: 'hi' }], stop: 'END' }, { model: 'command-r' })).toEqual({ model: 'command-r', message: 'hi', stop_sequences: ['END'] });
  });

  it.each([
    [{ n: 2 }, 422, 'Parameter n must be 1 for Cohere chat, got 2.'],
    [{ stop_sequences: ['END'] }, 422, 'Invalid parameter stop_sequences. Use stop instead.'],
    [{ parallel_tool_calls: 'no' }, 400, "The parameter 'parallel_tool_calls' must be true or false for Cohere."],
    [{ logprobs: true }, 400, "The parameter 'logprobs' is not supported by Cohere."],
    [{ preamble: 'x' }, 422, 'Invalid parameter preamble. Use messages instead.'],
    [{ chat_history: [] }, 422, 'Invalid parameter chat_history. Use messages instead.'],
    [{ top_p: 0.5, p: 0.5 }, 400, "Give either 'top_p' or 'p' to Cohere, not both: they are the same setting."],
  ])('rejects %j with %i', (extra, status, message) => {
    const call = () => toCohereChat({ messages: [{ role: 'user', content: 'hi' }], ...extra } as never, { model: 'm' });
    expect(call).toThrow(GatewayError);
    expect(call).toThrow(expect.objectContaining({ status, message }));
  });

  it.each([
    [[{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'yo' }], 422, 'Last message must be from user, got assistant.'],
    [[{ role: 'ipython', content: '42' }, { role: 'user', content: 'hi' }], 400, "Cohere chat accepts system, user and assistant messages; messages[0].role is 'ipython'."],
    [
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }],
      400,
      "Cohere chat accepts text content only; messages[0].content[0] is of type 'image_url'.",
    ],
  ])('rejects conversation %#', (messages, status, message) => {
    expect(() => toCohereChat({ messages } as never, { model: 'm' })).toThrow(expect.objectContaining({ status, message }));
  });
});

describe('fromCohereChat', () => {
  it('chat.response.json: id, text, mapped finish reason, usage from meta.tokens, configured model and clock', () => {
    expect(fromCohereChat(readJsonFixture('cohere', 'chat.response.json'), context)).toEqual({
      id: '0a90275b-273d-4690-abce-8018edcec7d0',
      object: 'chat.completion',
      created: NOW,
      model: 'command-r-plus',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 73, completion_tokens: 14, total_tokens: 87 },
    });
  });

  it('older answers: token_count; no finish reason stays null', () => {
    const response = fromCohereChat({ response_id: 'r', text: 'ok', token_count: { prompt_tokens: 83, response_tokens: 63, total_tokens: 146, billed_tokens: 128 } }, context);
    expect(response.usage).toEqual({ prompt_tokens: 83, completion_tokens: 63, total_tokens: 146 });
    expect(response.choices[0].finish_reason).toBeNull();
  });

  it('older answers without token_count.total_tokens: the two counts added up; a prompt count alone is partial, its total null', () => {
    const tokenCount = { prompt_tokens: 83, response_tokens: 63, billed_tokens: 128 };
    expect(fromCohereChat({ response_id: 'r', text: 'ok', token_count: tokenCount }, context).usage).toEqual({ prompt_tokens: 83, completion_tokens: 63, total_tokens: 146 });
    expect(fromCohereChat({ response_id: 'r', text: 'ok', token_count: { prompt_tokens: 83 } }, context).usage).toEqual({ prompt_tokens: 83, completion_tokens: null, total_tokens: null });
  });

  it('a 2xx without text is a clear 502; finish_reason ERROR is a 502', () => {
    expect(() => fromCohereChat({ generation_id: 'g' }, context)).toThrow("Cohere's response has no 'text' text.");
    expect(() => fromCohereChat({ text: '', finish_reason: 'ERROR' }, context)).toThrow(expect.objectContaining({ status: 502 }));
  });
});

describe('completions and embeddings mapping', () => {
  it('toCohereCompletions: stop → stop_sequences (a string becomes a list), n → num_generations, temperature × 2.5', () => {
    expect(toCohereCompletions({ prompt: 'Say café', stop: 'END', n: 2, temperature: 2, max_tokens: 5 }, { model: 'command', stream: true })).toEqual({
      prompt: 'Say café',
      model: 'command',
      stop_sequences: ['END'],
      num_generations: 2,
      temperature: 5,
      max_tokens: 5,
      stream: true,
    });
  });

  it.each([
    [{ stop_sequences: ['x'] }, 400, 'Invalid parameter stop_sequences. Use stop instead.'],
    [{ num_generations: 2 }, 400, 'Invalid parameter num_generations. Use n instead.'],
  ])('completions rejects %j', (extra, status, message) => {
    expect(() => toCohereCompletions({ prompt: 'p', ...extra } as never, { model: 'm' })).toThrow(expect.objectContaining({ status, message }));
  });

  it('fromCohereCompletions: one choice per generation, id, mapped finish, billed usage', () => {
    expect(fromCohereCompletions(readJsonFixture('cohere', 'completions.response.json'), context)).toEqual({
      id: '5c4b7d3a-8f1e-4c2b-9d6a-1e0f2a3b4c5d',
      object: 'text_completion',
      created: NOW,
      model: 'command-r-plus',
      choices: [{ index: 0, text: '\nThis is indeed a test of the café menu', finish_reason: 'length' }],
      usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 },
    });
  });

  it('toCohereEmbeddings: texts from input, extras kept, input_type search_document unless given, encoding_format handled by the gateway', () => {
    expect(toCohereEmbeddings({ input: 'hello', input_type: 'search_document', encoding_format: 'base64' }, { model: 'embed-english-v3.0' })).toEqual({
      model: 'embed-english-v3.0',
      texts: ['hello'],
      input_type: 'search_document',
    });
    expect(toCohereEmbeddings({ input: ['a', 'b'], truncate: 'END' }, { model: 'embed-english-v3.0' })).toEqual({
      model: 'embed-english-v3.0',
      texts: ['a', 'b'],
      input_type: 'search_document',
      truncate: 'END',
    });
    expect(() => toCohereEmbeddings({ input: 'x', texts: ['x'] }, { model: 'm' })).toThrow(expect.objectContaining({ status: 422, message: 'Invalid parameter texts. Use input instead.' }));
    expect(() => toCohereEmbeddings({ input: [1, 2, 3] }, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, param: 'input' }));
    expect(() => toCohereEmbeddings({ input: 'x', embedding_types: ['float', 'int8'] }, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, param: 'embedding_types' }));
  });

  it('more than 96 texts: consecutive batches of 96, joined in order; usage summed only when every batch has it', () => {
    const input = Array.from({ length: 193 }, (_, index) => `t${index}`);
    const batches = embeddingsBatches({ input, truncate: 'END' }, COHERE_MAX_TEXTS, 'Cohere');
    expect(batches.map((batch) => [(batch.input as string[]).length, batch.truncate])).toEqual([[96, 'END'], [96, 'END'], [1, 'END']]);
    expect(batches.flatMap((batch) => batch.input as string[])).toEqual(input);
    const single = { input: ['a'] };
    expect(embeddingsBatches(single, COHERE_MAX_TEXTS, 'Cohere')[0]).toBe(single);

    const answer = (vectors: number[][], tokens: number | null) => ({
      object: 'list' as const,
      data: vectors.map((embedding, index) => ({ object: 'embedding' as const, embedding, index })),
      model: 'm',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
    expect(joinedEmbeddings([answer([[1], [2]], 3), answer([[3]], 4)])).toEqual(answer([[1], [2], [3]], 7));
    expect(joinedEmbeddings([answer([[1]], 3), answer([[2]], null)]).usage).toEqual({ prompt_tokens: null, total_tokens: null });
  });

  it('answersInOrder: batches answered in an earlier attempt are not sent again; a failed batch adds nothing', async () => {
    const sent: string[] = [];
    const answered: unknown[] = [];
    let failing = 'c';
    const send = async (batch: string) => {
      sent.push(batch);
      if (batch === failing) throw GatewayError.rateLimited('slow down', null);
      return batch.toUpperCase();
    };
    await expect(answersInOrder(['a', 'b', 'c', 'd'], send, answered)).rejects.toMatchObject({ status: 429 });
    expect(answered).toEqual(['A', 'B']);
    failing = '';
    expect(await answersInOrder(['a', 'b', 'c', 'd'], send, answered)).toEqual(['A', 'B', 'C', 'D']);
    expect(sent).toEqual(['a', 'b', 'c', 'c', 'd']);
    expect(await answersInOrder(['x', 'y'], send)).toEqual(['X', 'Y']);
  });

  it('fromCohereEmbeddings: floats or base64 float32; by-type answers; usage from billed units', () => {
    const floats = fromCohereEmbeddings(readJsonFixture('cohere', 'embeddings.response.json'), { model: 'embed-english-v3.0', encodingFormat: 'float' });
    expect(floats).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [-0.039520264, -0.04574585, -0.08807373, -0.084106445], index: 0 },
        { object: 'embedding', embedding: [0.016067505, -0.02822876, 0.036224365, 0.037994385], index: 1 },
      ],
      model: 'embed-english-v3.0',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
    const base64 = fromCohereEmbeddings({ embeddings: { float: [[0.5, 1]] } }, { model: 'm', encodingFormat: 'base64' });
    expect(base64.data[0].embedding).toBe(Buffer.from(new Float32Array([0.5, 1]).buffer).toString('base64'));
    expect(() => fromCohereEmbeddings({ id: 'x' }, { model: 'm', encodingFormat: 'float' })).toThrow("Cohere's response has no 'embeddings'.");
  });
});

describe('stream folds (NDJSON)', () => {
  it('chat.stream.ndjson: text, finish reason, usage, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.ndjson'), () => createCohereChatStream(context), { decode: ndjson });
    expect(chunks[0]).toEqual({
      id: 'eb889b0f-c27d-45ea-98cf-567bdb7fc8bf',
      object: 'chat.completion.chunk',
      created: NOW,
      model: 'command-r-plus',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: 'Un', tool_calls: null } }],
    });
    expect(summariseChat(chunks)).toEqual({
      text: 'Un café ? Bien sûr 🙂 Bonne journée.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 29, completion_tokens: 14, total_tokens: 43 },
    });
  });

  it('chat.stream.ndjson without token_count.total_tokens: the stream-end usage adds the two counts up, same at every split', async () => {
    const bytes = Buffer.from(fixtureBytes('chat.stream.ndjson').toString('utf8').replace('"total_tokens":43,', ''));
    const chunks = await replayEverySplit(bytes, () => createCohereChatStream(context), { decode: ndjson });
    expect(summariseChat(chunks).usage).toEqual({ prompt_tokens: 29, completion_tokens: 14, total_tokens: 43 });
  });

  it('completions.stream.ndjson: text, finish reason and the response id on the last chunk, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('completions.stream.ndjson'), () => createCohereCompletionsStream(context), { decode: ndjson });
    expect(summariseCompletions(chunks)).toEqual({ text: '\nVoilà un café 🙂', finishReason: 'stop', usage: null });
    expect(chunks[chunks.length - 1]).toEqual({
      id: 'a7c1f0e2-6b3d-4e5f-8a9b-0c1d2e3f4a5b',
      object: 'text_completion_chunk',
      created: NOW,
      model: 'command-r-plus',
      choices: [{ index: 0, finish_reason: 'stop', text: null }],
    });
  });

  it('older generate streams without event_type, and several generations', async () => {
    const wire = [
      { text: 'A', index: 0, is_finished: false },
      { text: 'B', index: 1, is_finished: false },
      { is_finished: true, finish_reason: 'COMPLETE', response: { id: 'g1', generations: [{ index: 0, finish_reason: 'COMPLETE' }, { index: 1, finish_reason: 'MAX_TOKENS' }] } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\r\n');
    const chunks = await replay([Buffer.from(wire)], createCohereCompletionsStream(context), ndjson);
    expect(chunks.flatMap((chunk) => chunk.choices)).toEqual([
      { index: 0, finish_reason: null, text: 'A' },
      { index: 1, finish_reason: null, text: 'B' },
      { index: 0, finish_reason: 'stop', text: null },
      { index: 1, finish_reason: 'length', text: null },
    ]);
  });

  it('mid-stream errors throw non-retryable 502s; a cut-off stream, a 502 retryable like a dropped connection', async () => {
    const text = '{"is_finished":false,"event_type":"text-generation","text":"Hi"}\n';
    await expect(replay([Buffer.from(`${text}{"is_finished":true,"event_type":"stream-error","finish_reason":"ERROR","err":"internal server error"}\n`)], createCohereCompletionsStream(context), ndjson)).rejects.toMatchObject({
      status: 502,
      retryable: false,
      message: 'Cohere reported an error mid-stream: internal server error',
    });
    await expect(replay([Buffer.from(`${text}{"message":"too many tokens"}\n`)], createCohereChatStream(context), ndjson)).rejects.toMatchObject({ status: 502, message: 'too many tokens' });
    await expect(replay([Buffer.from(`${text}{"is_finished":true,"event_type":"stream-end","finish_reason":"ERROR","response":{"text":"Hi"}}\n`)], createCohereChatStream(context), ndjson)).rejects.toMatchObject({
      status: 502,
      retryable: false,
    });
    await expect(replay([Buffer.from(text)], createCohereChatStream(context), ndjson)).rejects.toMatchObject({ status: 502, retryable: true, message: expect.stringContaining('no stream-end') });
    await expect(replay([Buffer.from('<html>')], createCohereChatStream(context), ndjson)).rejects.toMatchObject({ message: 'Cohere sent a stream line that is not a JSON object: <html>', retryable: true });
  });

  it('lines without text (search results, citations) give no chunk', async () => {
    const wire = [
      '{"is_finished":false,"event_type":"stream-start","generation_id":"g"}',
      '{"is_finished":false,"event_type":"citation-generation","citations":[{"start":0,"end":2,"text":"Hi","document_ids":["doc_0"]}]}',
      '{"is_finished":true,"event_type":"stream-end","response":{"text":""},"finish_reason":"MAX_TOKENS"}',
    ].join('\n');
    const chunks: ChatChunk[] = await replay([Buffer.from(wire)], createCohereChatStream(context), ndjson);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].choices[0]).toEqual({ index: 0, finish_reason: 'length', delta: { role: 'assistant', content: null, tool_calls: null } });
    const completions: CompletionsChunk[] = await replay([Buffer.from('{"is_finished":true,"event_type":"stream-end","finish_reason":"COMPLETE"}')], createCohereCompletionsStream(context), ndjson);
    expect(completions[0].choices).toEqual([{ index: 0, finish_reason: 'stop', text: null }]);
  });
});

describe('mapCohereFinishReason and cohereErrorMessage', () => {
  it.each([
    ['COMPLETE', 'stop'],
    ['STOP_SEQUENCE', 'stop'],
    ['USER_CANCEL', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['ERROR_LIMIT', 'length'],
    ['ERROR_TOXIC', 'content_filter'],
    ['TIMEOUT', 'length'],
    ['SOMETHING_NEW', 'stop'],
    [undefined, null],
  ])('%s → %s', (reason, expected) => {
    expect(mapCohereFinishReason(reason)).toBe(expected);
  });

  it.each([
    ['error-400.json', 'invalid request: message must be at least 1 token long or tool results must be specified.'],
    ['error-401.json', 'invalid api token'],
    ['error-429.json', expect.stringMatching(/^You are using a Trial key/)],
  ])('%s', (name, expected) => {
    expect(cohereErrorMessage(readJsonFixture('cohere', name))).toEqual(expected);
  });

  it('other shapes', () => {
    expect(cohereErrorMessage({ error: 'boom' })).toBe('boom');
    expect(cohereErrorMessage({ error: { message: 'nested' } })).toBe('nested');
    expect(cohereErrorMessage({ id: 'x' })).toBeNull();
    expect(cohereErrorMessage('text')).toBeNull();
  });
});

describe('cohereAdapter against a local upstream', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('cohere', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, modelName: string | null = 'command-r-plus') {
    const settings: EndpointSettings<CohereConfig> = {
      name: 'my-cohere',
      endpointType,
      modelName,
      config: { cohere_api_key: 'co-local', cohere_api_base: `${fake.url}/v1` },
      now: () => NOW,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return cohereAdapter.createEndpoint(settings);
  }

  it('serves every endpoint type with only its methods; refuses an endpoint without model.name', () => {
    expect(Object.keys(endpoint('llm/v1/chat')).sort()).toEqual(['chat', 'chatStream', 'reasoningEffortFields']);
    expect(Object.keys(endpoint('llm/v1/completions')).sort()).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/embeddings'))).toEqual(['embeddings']);
    expect(() => endpoint('llm/v1/chat', null)).toThrow("Cohere needs 'model.name' (the Cohere model to call)");
  });

  it('chat: path, bearer key and body on the wire', async () => {
    const response = await endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/v1/chat');
    expect(request.headers).toMatchObject({ authorization: 'Bearer co-local', 'content-type': 'application/json' });
    expect(request.body).toEqual({ model: 'command-r-plus', message: 'hi' });
    expect(response.choices[0].message.content).toBe('Bonjour ! Un café ? ☕ Je suis là pour aider.');
  });

  it('chat stream: NDJSON answer in small network pieces; Accept asks for a JSON stream', async () => {
    fake.setHandler(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/stream+json' });
      const bytes = fixtureBytes('chat.stream.ndjson');
      for (let offset = 0; offset < bytes.length; offset += 37) {
        response.write(bytes.subarray(offset, offset + 37));
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.end();
    });
    const chunks: ChatChunk[] = [];
    for await (const chunk of endpoint('llm/v1/chat').chatStream!({ messages: [{ role: 'user', content: 'hi' }], stream: true }, callContext())) chunks.push(chunk);
    expect(fake.requests[0].body).toEqual({ model: 'command-r-plus', message: 'hi', stream: true });
    expect(fake.requests[0].headers.accept).toContain('application/stream+json');
    expect(summariseChat(chunks).text).toBe('Un café ? Bien sûr 🙂 Bonne journée.');
  });

  it('a stream whose upstream answers an error status throws before the first chunk', async () => {
    fake.setHandler((_request, response) => sendJson(response, 400, readJsonFixture('cohere', 'error-400.json')));
    const iterator = endpoint('llm/v1/completions').completionsStream!({ prompt: 'p', stream: true }, callContext())[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^invalid request/) });
  });

  it('completions and embeddings reach /generate and /embed', async () => {
    fake.setHandler((request, response) =>
      sendJson(response, 200, readJsonFixture('cohere', request.url.endsWith('/embed') ? 'embeddings.response.json' : 'completions.response.json')),
    );
    await endpoint('llm/v1/completions', 'command').completions!({ prompt: 'Say' }, callContext());
    const embeddings = await endpoint('llm/v1/embeddings', 'embed-english-v3.0').embeddings!({ input: ['a', 'b'], input_type: 'classification' }, callContext());
    expect(fake.requests.map((request) => [request.url, request.body])).toEqual([
      ['/v1/generate', { model: 'command', prompt: 'Say' }],
      ['/v1/embed', { model: 'embed-english-v3.0', texts: ['a', 'b'], input_type: 'classification' }],
    ]);
    expect(embeddings.data).toHaveLength(2);
  });
});
