import { createHash } from 'node:crypto';
import type { MistralConfig } from '../../../generated/config';
import {
  createMistralChatStream,
  createMistralCompletionsStream,
  fromMistralChat,
  fromMistralCompletions,
  fromMistralEmbeddings,
  mapMistralFinishReason,
  mistralAdapter,
  mistralErrorMessage,
  toMistralChat,
  toMistralCompletions,
  toMistralEmbeddings,
} from '../../../src/providers/mistral';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointSettings } from '../../../src/providers/types';
import type { ChatChunk, ChatRequest, EndpointType } from '../../../src/schema';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';
import { historyWithToolCalls, SIGNED_GEMINI_TOOL_CALL_ID } from '../../support/tool-call-ids';

const fixtureBytes = (name: string): Buffer => readFixtureBytes('mistral', name);

describe('requests', () => {
  const tools: ChatRequest['tools'] = [
    {
      type: 'function',
      function: {
        name: 'retrieve_payment_status',
        description: 'Get payment status of a transaction',
        parameters: { type: 'object', properties: { transaction_id: { type: 'string', pattern: '^T\\d+$' } }, required: ['transaction_id'], additionalProperties: false },
      },
    },
  ];

  it('chat: OpenAI body plus model; temperature halved; seed → random_seed; tools whole; stop and n forwarded', () => {
    expect(
      toMistralChat(
        { messages: [{ role: 'user', content: 'Status of T1001?' }], tools, tool_choice: 'any', temperature: 1.4, seed: 42, stop: 'END', n: 2, max_tokens: 64 },
        { model: 'mistral-large-latest' },
      ),
    ).toEqual({
      messages: [{ role: 'user', content: 'Status of T1001?' }],
      tools: JSON.parse(JSON.stringify(tools)),
      tool_choice: 'any',
      temperature: 0.7,
      random_seed: 42,
      stop: 'END',
      n: 2,
      max_tokens: 64,
      model: 'mistral-large-latest',
    });
  });

  it("developer messages (OpenAI's name for system instructions to reasoning models) go as system messages: Mistral's roles are system, user, assistant and tool", () => {
    const body = toMistralChat(
      { messages: [{ role: 'developer', content: 'Answer in French.' }, { role: 'user', content: [{ type: 'text', text: 'Hi' }] }] },
      { model: 'mistral-large-latest' },
    );
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    ]);
  });

  it("tool-call ids Mistral refuses (anything but 9 letters and digits: OpenAI's, Gemini's, a client's) go as 9 hex digits of their SHA-256, the same for call and result; Mistral's own unchanged", () => {
    const nine = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 9);
    const openaiId = 'call_PTLP8xhu3uwZk4l3nlnrrJha';
    const body = toMistralChat(historyWithToolCalls([SIGNED_GEMINI_TOOL_CALL_ID, openaiId, 'D681PevKs']), { model: 'm' });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris, and the time?' },
      {
        role: 'assistant',
        tool_calls: [
          { id: nine(SIGNED_GEMINI_TOOL_CALL_ID), type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } },
          { id: nine(openaiId), type: 'function', function: { name: 'get_time', arguments: '{}' } },
          { id: 'D681PevKs', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: nine(SIGNED_GEMINI_TOOL_CALL_ID), content: '18°C' },
      { role: 'tool', tool_call_id: nine(openaiId), content: '12:00' },
      { role: 'tool', tool_call_id: 'D681PevKs', content: '12:00' },
    ]);
    expect(nine(openaiId)).toMatch(/^[a-zA-Z0-9]{9}$/);
  });

  it("reasoning: reasoning_effort and prompt_mode are Mistral's own fields, sent as given; an answer's reasoning_content sent back is a thinking chunk before its text (the field itself Mistral refuses)", () => {
    const body = toMistralChat(
      {
        messages: [
          { role: 'user', content: 'Quand se croisent-ils ?' },
          { role: 'assistant', content: 'Vers 11 h 17.', reasoning_content: 'Paris–Lyon : 465 km.' },
          { role: 'user', content: 'Et à 130 km/h ?' },
        ],
        reasoning_effort: 'high',
        prompt_mode: 'reasoning',
      } as ChatRequest,
      { model: 'mistral-medium-3-5' },
    );
    expect(body).toEqual({
      model: 'mistral-medium-3-5',
      reasoning_effort: 'high',
      prompt_mode: 'reasoning',
      messages: [
        { role: 'user', content: 'Quand se croisent-ils ?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: [{ type: 'text', text: 'Paris–Lyon : 465 km.' }] },
            { type: 'text', text: 'Vers 11 h 17.' },
          ],
        },
        { role: 'user', content: 'Et à 130 km/h ?' },
      ],
    });
  });

  it('a tool loop: every assistant turn with thinking sends it as a thinking chunk (beside its tool calls, before text parts), earlier turns too; other messages, thinking_blocks and empty thinking unchanged or left out', () => {
    const weatherCall = [{ id: 'D681PevKs', type: 'function' as const, function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } }];
    const body = toMistralChat(
      {
        messages: [
          { role: 'system', content: 'Réponds en français.' },
          { role: 'user', content: 'Il fait beau à Lyon ?' },
          { role: 'assistant', reasoning_content: 'Je dois consulter la météo de Lyon.', tool_calls: weatherCall },
          { role: 'tool', name: 'get_weather', tool_call_id: 'D681PevKs', content: '{"celsius":24,"ciel":"dégagé"}' },
          { role: 'assistant', content: [{ type: 'text', text: 'Oui, 24 °C ' }, { type: 'text', text: 'et ciel dégagé ☀️.' }], reasoning_content: '24 °C, dégagé : oui.' },
          { role: 'user', content: 'Et à Paris ?' },
          { role: 'assistant', content: 'Je regarde.', reasoning_content: '', thinking_blocks: [{ type: 'thinking', thinking: 'x', signature: 'sig' }] },
          { role: 'user', content: 'Alors ?' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
        reasoning_effort: 'high',
      } as ChatRequest,
      { model: 'mistral-medium-3-5' },
    );
    expect(body.messages).toEqual([
      { role: 'system', content: 'Réponds en français.' },
      { role: 'user', content: 'Il fait beau à Lyon ?' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Je dois consulter la météo de Lyon.' }] }], tool_calls: weatherCall },
      { role: 'tool', name: 'get_weather', tool_call_id: 'D681PevKs', content: '{"celsius":24,"ciel":"dégagé"}' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: [{ type: 'text', text: '24 °C, dégagé : oui.' }] },
          { type: 'text', text: 'Oui, 24 °C ' },
          { type: 'text', text: 'et ciel dégagé ☀️.' },
        ],
      },
      { role: 'user', content: 'Et à Paris ?' },
      { role: 'assistant', content: 'Je regarde.' },
      { role: 'user', content: 'Alors ?' },
    ]);
  });

  it("thinking goes back only to a request that reasons (reasoning_effort other than none, or a Magistral model): a plain model's tokenizer refuses a thinking chunk", () => {
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Quand se croisent-ils ?' },
      { role: 'assistant', content: 'Vers 11 h 17.', reasoning_content: 'Paris–Lyon : 465 km.' },
      { role: 'user', content: 'Et à 130 km/h ?' },
    ];
    const plain = [messages[0], { role: 'assistant', content: 'Vers 11 h 17.' }, messages[2]];
    const withThinking = [messages[0], { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Paris–Lyon : 465 km.' }] }, { type: 'text', text: 'Vers 11 h 17.' }] }, messages[2]];
    // A FALLBACK route from a reasoning model to a plain one, or a conversation moved to it.
    expect(toMistralChat({ messages }, { model: 'mistral-large-latest' }).messages).toEqual(plain);
    expect(toMistralChat({ messages, reasoning_effort: 'none' } as ChatRequest, { model: 'mistral-small-latest' }).messages).toEqual(plain);
    expect(toMistralChat({ messages, reasoning_effort: 'high' } as ChatRequest, { model: 'mistral-small-latest' }).messages).toEqual(withThinking);
    expect(toMistralChat({ messages }, { model: 'magistral-medium-2509' }).messages).toEqual(withThinking);
  });

  it('stream: stream: true, no stream_options (Mistral refuses it and always reports usage); no invented defaults', () => {
    expect(toMistralChat({ messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } }, { model: 'm', stream: true })).toEqual({
      messages: [{ role: 'user', content: 'hi' }],
      model: 'm',
      stream: true,
    });
  });

  it('completions: the prompt becomes one user message on the chat endpoint; stop and n kept; temperature halved', () => {
    expect(toMistralCompletions({ prompt: 'Say café', stop: ['\n'], n: 1, temperature: 0.5, max_tokens: 5 }, { model: 'mistral-small-latest', stream: true })).toEqual({
      stop: ['\n'],
      n: 1,
      temperature: 0.25,
      max_tokens: 5,
      messages: [{ role: 'user', content: 'Say café' }],
      model: 'mistral-small-latest',
      stream: true,
    });
  });

  it.each([
    [{ logit_bias: { '1': 2 } }, "The parameter 'logit_bias' is not supported by Mistral."],
    [{ top_k: 40 }, "The parameter 'top_k' is not supported by Mistral."],
    [{ logprobs: true }, "The parameter 'logprobs' is not supported by Mistral."],
    [{ seed: 1, random_seed: 2 }, "Give either 'seed' or 'random_seed' to Mistral, not both: they are the same setting."],
  ])('rejects %j with a 400', (extra, message) => {
    expect(() => toMistralChat({ messages: [{ role: 'user', content: 'hi' }], ...extra } as ChatRequest, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, message }));
    expect(() => toMistralCompletions({ prompt: 'p', ...extra } as never, { model: 'm' })).toThrow(expect.objectContaining({ status: 400, message }));
  });

  it('embeddings: model and input, no encoding_format (Mistral answers floats even to base64: the gateway encodes them); token ids refused', () => {
    expect(toMistralEmbeddings({ input: ['a', 'b'], encoding_format: 'base64' }, { model: 'mistral-embed' })).toEqual({ model: 'mistral-embed', input: ['a', 'b'] });
    expect(toMistralEmbeddings({ input: ['a', 'b'], encoding_format: 'float' }, { model: 'mistral-embed' })).toEqual({ model: 'mistral-embed', input: ['a', 'b'] });
    expect(() => toMistralEmbeddings({ input: 'a', encoding_format: 'binary' }, { model: 'mistral-embed' })).toThrow(expect.objectContaining({ status: 400, param: 'encoding_format' }));
    expect(() => toMistralEmbeddings({ input: [[1, 2]] }, { model: 'mistral-embed' })).toThrow(expect.objectContaining({ status: 400, param: 'input' }));
  });

  it('embeddings: dimensions is sent as output_dimension, Mistral\'s name for it (codestral-embed)', () => {
    // https://docs.mistral.ai/api/endpoint/embeddings: model, input, output_dimension, output_dtype, encoding_format
    expect(toMistralEmbeddings({ input: 'fn main() {}', dimensions: 256 }, { model: 'codestral-embed' })).toEqual({ model: 'codestral-embed', input: 'fn main() {}', output_dimension: 256 });
    expect(toMistralEmbeddings({ input: 'x', output_dimension: 512 }, { model: 'codestral-embed' })).toEqual({ model: 'codestral-embed', input: 'x', output_dimension: 512 });
    expect(() => toMistralEmbeddings({ input: 'x', dimensions: 256, output_dimension: 512 }, { model: 'codestral-embed' })).toThrow(expect.objectContaining({ status: 400, param: 'dimensions' }));
  });
});

describe('responses', () => {
  it('chat.response.json', () => {
    expect(fromMistralChat(readJsonFixture('mistral', 'chat.response.json'))).toEqual({
      id: 'b5899875951449e9a2997246a3a54d21',
      object: 'chat.completion',
      created: 1732548590,
      model: 'mistral-large-latest',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 34, completion_tokens: 15, total_tokens: 49 },
    });
  });

  it('chat-tool-calls.response.json: calls without type get function', () => {
    const response = fromMistralChat(readJsonFixture('mistral', 'chat-tool-calls.response.json'));
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'D681PevKs', type: 'function', function: { name: 'retrieve_payment_status', arguments: '{"transaction_id": "T1001"}' } },
          { id: 'Kq2x9ZcVb', type: 'function', function: { name: 'retrieve_payment_date', arguments: '{"transaction_id": "T1001"}' } },
        ],
        refusal: null,
      },
      finish_reason: 'tool_calls',
    });
  });

  it('quirks: content chunks keep their text, object arguments become JSON text, model_length is length', () => {
    const response = fromMistralChat({
      id: 'x',
      created: 1,
      model: 'magistral-medium-latest',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: 'Paris.' }] },
          finish_reason: 'model_length',
        },
        { index: 1, message: { role: 'assistant', content: null, tool_calls: [{ id: 'a', function: { name: 'f', arguments: { city: 'Paris' } } }] }, finish_reason: 'tool_calls' },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(response.choices[0]).toMatchObject({ message: { content: 'Paris.', reasoning_content: 'hmm' }, finish_reason: 'length' });
    expect(response.choices[1].message.tool_calls).toEqual([{ id: 'a', type: 'function', function: { name: 'f', arguments: '{"city":"Paris"}' } }]);
  });

  it("chat-reasoning.response.json: the thinking chunk's text is reasoning_content, the text chunk the content", () => {
    expect(fromMistralChat(readJsonFixture('mistral', 'chat-reasoning.response.json')).choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'Les trains se croisent vers 11 h 17 ⏱️.',
        reasoning_content: 'Paris–Lyon fait 465 km. À 10 h, le premier train a fait 120 km ; il reste 345 km à 270 km/h, soit 1 h 16 min 40 s.',
        tool_calls: null,
        refusal: null,
      },
      finish_reason: 'stop',
    });
  });

  it('answers without thinking chunks have no reasoning_content; a list of thinking alone has null content', () => {
    expect(fromMistralChat(readJsonFixture('mistral', 'chat.response.json')).choices[0].message).not.toHaveProperty('reasoning_content');
    const thinkingOnly = fromMistralChat({
      id: 'x',
      created: 1,
      model: 'magistral-small-2509',
      choices: [{ index: 0, message: { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Hmm, ' }, { type: 'text', text: 'voyons.' }] }] }, finish_reason: 'length' }],
    });
    expect(thinkingOnly.choices[0].message).toMatchObject({ content: null, reasoning_content: 'Hmm, voyons.' });
  });

  it('completions: text from the chat message; upstream id, created and usage', () => {
    expect(fromMistralCompletions(readJsonFixture('mistral', 'chat.response.json'))).toEqual({
      id: 'b5899875951449e9a2997246a3a54d21',
      object: 'text_completion',
      created: 1732548590,
      model: 'mistral-large-latest',
      choices: [{ index: 0, text: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', finish_reason: 'stop' }],
      usage: { prompt_tokens: 34, completion_tokens: 15, total_tokens: 49 },
    });
  });

  it('embeddings.response.json', () => {
    expect(fromMistralEmbeddings(readJsonFixture('mistral', 'embeddings.response.json'))).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [-0.0165863037109375, 0.07012939453125, 0.031494140625, 0.013092041015625], index: 0 },
        { object: 'embedding', embedding: [-0.0230560302734375, 0.039337158203125, 0.0521240234375, -0.0184783935546875], index: 1 },
      ],
      model: 'mistral-embed',
      usage: { prompt_tokens: 15, total_tokens: 15 },
    });
  });

  it('embeddings.response.json for base64: the float vectors as little-endian float32, as OpenAI sends them', () => {
    const answer = fromMistralEmbeddings(readJsonFixture('mistral', 'embeddings.response.json'), { encodingFormat: 'base64' });
    const decoded = answer.data.map((item) => Array.from(new Float32Array(new Uint8Array(Buffer.from(item.embedding as string, 'base64')).buffer)));
    expect(decoded).toEqual(
      [
        [-0.0165863037109375, 0.07012939453125, 0.031494140625, 0.013092041015625],
        [-0.0230560302734375, 0.039337158203125, 0.0521240234375, -0.0184783935546875],
      ].map((vector) => vector.map(Math.fround)),
    );
  });

  it('finish reason error is a 502', () => {
    expect(mapMistralFinishReason('stop')).toBe('stop');
    expect(mapMistralFinishReason(null)).toBeNull();
    expect(() => mapMistralFinishReason('error')).toThrow(expect.objectContaining({ status: 502, retryable: false }));
  });
});

describe('stream folds', () => {
  it('chat.stream.sse: text, finish reason and usage, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), createMistralChatStream);
    expect(chunks[0]).toEqual({
      id: 'f798ebd5c41a45d88bb079635121cade',
      object: 'chat.completion.chunk',
      created: 1732548656,
      model: 'mistral-large-latest',
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: '', tool_calls: null } }],
    });
    expect(summariseChat(chunks)).toEqual({
      text: 'Un café ? Bien sûr 🙂 Bonne journée.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 10, completion_tokens: 11, total_tokens: 21 },
    });
  });

  it('chat-tool-calls.stream.sse: whole calls in one chunk get type function, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-tool-calls.stream.sse'), createMistralChatStream);
    expect(summariseChat(chunks)).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'D681PevKs', name: 'get_weather', arguments: '{"location": "Paris, France"}' },
        { id: 'Kq2x9ZcVb', name: 'get_weather', arguments: '{"location": "São Paulo, Brazil"}' },
      ],
      usage: { prompt_tokens: 98, completion_tokens: 48, total_tokens: 146 },
    });
    expect(chunks[1].choices[0].delta.tool_calls?.map((call) => [call.index, call.type])).toEqual([
      [0, 'function'],
      [1, 'function'],
    ]);
  });

  it('chat-reasoning.stream.sse: thinking chunks become reasoning_content deltas (no content), text chunks and strings content, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-reasoning.stream.sse'), createMistralChatStream);
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta);
    expect(deltas.slice(1, 6)).toEqual([
      { role: null, content: null, tool_calls: null, reasoning_content: 'Paris–Lyon' },
      { role: null, content: null, tool_calls: null, reasoning_content: ' : 465 km.' },
      { role: null, content: null, tool_calls: null, reasoning_content: ' Ils se croisent après 1 h 16 min' },
      { role: null, content: 'Les trains', tool_calls: null, reasoning_content: ' de plus.' },
      { role: null, content: ' se croisent', tool_calls: null },
    ]);
    expect(deltas.map((delta) => delta?.reasoning_content ?? '').join('')).toBe('Paris–Lyon : 465 km. Ils se croisent après 1 h 16 min de plus.');
    expect(summariseChat(chunks)).toEqual({
      text: 'Les trains se croisent vers 11 h 17 ⏱️.',
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 42, completion_tokens: 76, total_tokens: 118 },
    });
  });

  it('chat-reasoning.stream.sse read as a completions stream keeps the text only', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-reasoning.stream.sse'), createMistralCompletionsStream);
    expect(summariseCompletions(chunks).text).toBe('Les trains se croisent vers 11 h 17 ⏱️.');
  });

  it('chat.stream.sse read as a completions stream, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), createMistralCompletionsStream);
    expect(chunks.every((chunk) => chunk.object === 'text_completion_chunk')).toBe(true);
    expect(summariseCompletions(chunks)).toEqual({
      text: 'Un café ? Bien sûr 🙂 Bonne journée.',
      finishReason: 'stop',
      usage: { prompt_tokens: 10, completion_tokens: 11, total_tokens: 21 },
    });
  });

  it('tool calls without index are numbered by position', async () => {
    const wire = `data: ${JSON.stringify({ id: 'c', created: 1, model: 'm', choices: [{ index: 0, delta: { tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{}' } }] }, finish_reason: 'tool_calls' }] })}\n\ndata: [DONE]\n\n`;
    const chunks: ChatChunk[] = await replay([Buffer.from(wire)], createMistralChatStream());
    expect(chunks[0].choices[0].delta.tool_calls).toEqual([{ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } }]);
  });

  it('a mid-stream error object throws its message; a cut-off stream throws', async () => {
    const first = fixtureBytes('chat.stream.sse').toString('utf8').split('\n\n')[0];
    const wire = `${first}\n\ndata: {"object":"error","message":"Service unavailable.","type":"internal_server_error","param":null,"code":"1000"}\n\n`;
    await expect(replay([Buffer.from(wire)], createMistralChatStream())).rejects.toMatchObject({ status: 502, retryable: false, message: 'Service unavailable.' });
    await expect(replay([Buffer.from(`${first}\n\n`)], createMistralChatStream())).rejects.toMatchObject({ status: 502, message: expect.stringContaining('no [DONE]') });
  });
});

describe('mistralErrorMessage', () => {
  it.each([
    ['error-400.json', 'Prompt contains 40960 tokens and 0 draft tokens, too large for model with 32768 maximum context length'],
    ['error-401.json', 'Unauthorized'],
    ['error-422.json', 'messages.0.user.tool_calls: Extra inputs are not permitted'],
    ['error-429.json', 'Requests rate limit exceeded'],
  ])('%s', (name, expected) => {
    expect(mistralErrorMessage(readJsonFixture('mistral', name))).toBe(expected);
  });

  it('issue lists as an array, as JSON text, top-level detail, OpenAI shape', () => {
    const issue = { type: 'extra_forbidden', loc: ['body', 'user'], msg: 'Extra inputs are not permitted' };
    expect(mistralErrorMessage({ object: 'Error', message: [issue, { loc: ['body', 'n'], msg: 'Input should be greater than 0' }] })).toBe(
      'user: Extra inputs are not permitted; n: Input should be greater than 0',
    );
    expect(mistralErrorMessage({ object: 'error', message: JSON.stringify({ detail: [issue] }) })).toBe('user: Extra inputs are not permitted');
    expect(mistralErrorMessage({ detail: [issue] })).toBe('user: Extra inputs are not permitted');
    expect(mistralErrorMessage({ error: { message: 'proxy says no' } })).toBe('proxy says no');
    expect(mistralErrorMessage('nope')).toBeNull();
  });
});

describe('mistralAdapter against a local upstream', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('mistral', 'chat.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  function endpoint(endpointType: EndpointType, modelName: string | null = 'mistral-large-latest') {
    const settings: EndpointSettings<MistralConfig> = {
      name: 'my-mistral',
      endpointType,
      modelName,
      config: { mistral_api_key: 'mi-local', mistral_api_base: `${fake.url}/v1` },
      now: () => 1,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    };
    return mistralAdapter.createEndpoint(settings);
  }

  it('serves every endpoint type; refuses an endpoint without model.name', () => {
    expect(Object.keys(endpoint('llm/v1/chat')).sort()).toEqual(['chat', 'chatStream']);
    expect(Object.keys(endpoint('llm/v1/completions')).sort()).toEqual(['completions', 'completionsStream']);
    expect(Object.keys(endpoint('llm/v1/embeddings'))).toEqual(['embeddings']);
    expect(() => endpoint('llm/v1/embeddings', null)).toThrow("Mistral needs 'model.name'");
  });

  it('chat and completions both reach /v1/chat/completions; embeddings /v1/embeddings', async () => {
    await endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext());
    await endpoint('llm/v1/completions').completions!({ prompt: 'p' }, callContext());
    fake.setHandler((_request, response) => sendJson(response, 200, readJsonFixture('mistral', 'embeddings.response.json')));
    await endpoint('llm/v1/embeddings', 'mistral-embed').embeddings!({ input: 'x' }, callContext());
    expect(fake.requests.map((request) => [request.url, request.headers.authorization, request.body])).toEqual([
      ['/v1/chat/completions', 'Bearer mi-local', { messages: [{ role: 'user', content: 'hi' }], model: 'mistral-large-latest' }],
      ['/v1/chat/completions', 'Bearer mi-local', { messages: [{ role: 'user', content: 'p' }], model: 'mistral-large-latest' }],
      ['/v1/embeddings', 'Bearer mi-local', { model: 'mistral-embed', input: 'x' }],
    ]);
  });

  it('a 422 reaches the caller with the issue spelled out', async () => {
    fake.setHandler((_request, response) => sendJson(response, 422, readJsonFixture('mistral', 'error-422.json')));
    await expect(endpoint('llm/v1/chat').chat!({ messages: [{ role: 'user', content: 'hi' }] }, callContext())).rejects.toMatchObject({
      status: 422,
      message: 'messages.0.user.tool_calls: Extra inputs are not permitted',
    });
  });
});
