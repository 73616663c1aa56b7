import {
  fromMosaicMLChat,
  fromMosaicMLCompletions,
  fromMosaicMLEmbeddings,
  mosaicmlAdapter,
  mosaicmlErrorStatus,
  toLlama2Prompt,
  toMosaicMLChat,
  toMosaicMLCompletions,
  toMosaicMLEmbeddings,
} from '../../../src/providers/mosaicml';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { ChatRequest, CompletionsRequest, EmbeddingsRequest, EndpointType } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readJsonFixture } from '../../support/fixtures';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const answer = { model: 'llama2-70b-chat', created: 1_700_000_000 };

describe('Llama-2 prompt (reference §6.6)', () => {
  it.each([
    [
      [
        { role: 'system', content: "You're funny" },
        { role: 'user', content: 'Tell me a joke' },
        { role: 'assistant', content: 'Haha' },
        { role: 'user', content: 'That was a bad joke' },
      ],
      "<s>[INST] <<SYS>> You're funny <</SYS>> Tell me a joke [/INST] Haha </s><s>[INST] That was a bad joke [/INST]",
    ],
    [[{ role: 'user', content: 'Hi there' }], '<s>[INST] Hi there [/INST]'],
    [
      [
        { role: 'user', content: 'Hi there' },
        { role: 'assistant', content: 'How can I help?' },
      ],
      '<s>[INST] Hi there [/INST] How can I help? ',
    ],
    [[{ role: 'user', content: [{ type: 'text', text: 'Un ' }, { type: 'text', text: 'café' }] }], '<s>[INST] Un café [/INST]'],
    [
      [
        { role: 'user', content: 'a' },
        { role: 'system', content: 'b' },
        { role: 'user', content: 'c' },
      ],
      '<s>[INST] a <<SYS>> b <</SYS>> c [/INST]',
    ],
    [
      [
        { role: 'assistant', content: 'x' },
        { role: 'user', content: 'y' },
      ],
      '<s> x </s><s>[INST] y [/INST]',
    ],
  ])('%j', (messages, prompt) => {
    expect(toLlama2Prompt(messages as ChatRequest['messages'])).toBe(prompt);
  });

  it('renders a long conversation in time linear in its length: 100,000 turns in a fraction of a second of CPU', () => {
    // About 0.1 s here. Cutting the open block's [/INST] off the whole prompt at each turn took over a
    // minute (a 3 MB body); CI's loaded cores grow a test's CPU time up to tenfold.
    const messages = Array.from({ length: 100_000 }, (_, index) => ({ role: index % 3 === 2 ? 'assistant' : 'user', content: 'x' }));
    const started = process.cpuUsage();
    const prompt = toLlama2Prompt(messages as ChatRequest['messages']);
    const { user, system } = process.cpuUsage(started);
    expect(prompt.startsWith('<s>[INST] x x [/INST] x </s><s>[INST] x x [/INST]')).toBe(true);
    expect((user + system) / 1000).toBeLessThan(15_000);
  });

  it('another role is a 422 with the reference message', () => {
    expect(gatewayErrorOf(() => toLlama2Prompt([{ role: 'tool', content: '42' }]))).toMatchObject({
      status: 422,
      param: 'messages[0].role',
      message: "An invalid request structure was submitted. Invalid role tool inputted. Must be one of 'system', 'user', or 'assistant'.",
    });
  });

  it('an image part is a 400 naming the part and the provider', () => {
    const error = gatewayErrorOf(() => toLlama2Prompt([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }]));
    expect(error).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    expect(error.message).toContain('MosaicML');
  });
});

describe('requests', () => {
  it('completions: inputs list, max_tokens → max_new_tokens, temperature unchanged; no parameters when none were sent', () => {
    expect(toMosaicMLCompletions({ prompt: 'Un café', max_tokens: 30, temperature: 0.4, top_k: 40, n: 1 })).toEqual({
      inputs: ['Un café'],
      parameters: { max_new_tokens: 30, temperature: 0.4, top_k: 40 },
    });
    expect(toMosaicMLCompletions({ prompt: 'p', stream: false })).toEqual({ inputs: ['p'] });
  });

  it('leaves out `stream_options`: MosaicML does not stream, so it asks for nothing and has no place in `parameters`', () => {
    expect(toMosaicMLCompletions({ prompt: 'p', stream: false, stream_options: { include_usage: true } })).toEqual({ inputs: ['p'] });
    expect(toMosaicMLChat({ messages: [{ role: 'user', content: 'Salut' }], stream_options: { include_usage: true } })).toEqual({ inputs: ['<s>[INST] Salut [/INST]'] });
  });

  it('chat: one rendered prompt', () => {
    expect(toMosaicMLChat({ messages: [{ role: 'user', content: 'Tell me a joke' }], temperature: 0.5 })).toEqual({
      inputs: ['<s>[INST] Tell me a joke [/INST]'],
      parameters: { temperature: 0.5 },
    });
  });

  it('embeddings: inputs is a list of texts', () => {
    expect(toMosaicMLEmbeddings({ input: 'a' })).toEqual({ inputs: ['a'] });
    expect(toMosaicMLEmbeddings({ input: ['a', 'b'], encoding_format: 'float' })).toEqual({ inputs: ['a', 'b'] });
  });

  it('native names (422), n, unsupported parameters and token ids (400)', () => {
    expect(gatewayErrorOf(() => toMosaicMLCompletions({ prompt: 'p', max_new_tokens: 3 } as CompletionsRequest))).toMatchObject({
      status: 422,
      message: 'Invalid parameter max_new_tokens. Use max_tokens instead.',
    });
    expect(gatewayErrorOf(() => toMosaicMLEmbeddings({ input: 'a', inputs: ['a'] } as EmbeddingsRequest))).toMatchObject({
      status: 422,
      message: 'Invalid parameter inputs. Use input instead.',
    });
    expect(gatewayErrorOf(() => toMosaicMLCompletions({ prompt: 'p', n: 2 }))).toMatchObject({ status: 400, param: 'n' });
    expect(gatewayErrorOf(() => toMosaicMLChat({ messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function', function: { name: 'f' } }] }))).toMatchObject({
      status: 400,
      param: 'tools',
      message: "The parameter 'tools' is not supported by MosaicML.",
    });
    expect(gatewayErrorOf(() => toMosaicMLEmbeddings({ input: [1, 2, 3] }))).toMatchObject({ status: 400, param: 'input' });
  });

  it('embeddings: the end-user id, `user` or its newer name `safety_identifier`, is a 400 naming it (MosaicML has no field for it)', () => {
    // The Vercel AI SDK's OpenAI-compatible embeddings body (packages/openai-compatible/src/embedding/openai-compatible-embedding-model.ts, doEmbed).
    for (const param of ['user', 'safety_identifier']) {
      expect(gatewayErrorOf(() => toMosaicMLEmbeddings({ input: ['sunny day'], encoding_format: 'float', [param]: 'user-1234' }))).toMatchObject({
        status: 400,
        param,
        message: `The parameter '${param}' is not supported by MosaicML.`,
      });
    }
  });

  it('embeddings: any other key is a 400 naming it, not dropped (the body holds only the inputs)', () => {
    for (const [param, value] of [['foo_bar', 1], ['top_k', 3], ['stream', true], ['dimensions', 256]] as const) {
      expect(gatewayErrorOf(() => toMosaicMLEmbeddings({ input: 'sunny day', encoding_format: 'base64', [param]: value } as EmbeddingsRequest))).toMatchObject({
        status: 400,
        param,
        message: `The parameter '${param}' is not supported by MosaicML.`,
      });
    }
    expect(toMosaicMLEmbeddings({ input: 'sunny day', encoding_format: 'base64' })).toEqual({ inputs: ['sunny day'] });
  });

  it('embeddings: `stream: false` is left out, not a 400 (an embeddings answer is never streamed; `stream: true` is refused above)', () => {
    expect(toMosaicMLEmbeddings({ input: 'sunny day', encoding_format: 'float', stream: false } as EmbeddingsRequest)).toEqual({ inputs: ['sunny day'] });
  });
});

describe('responses', () => {
  it('completions and chat: one choice per output', () => {
    expect(fromMosaicMLCompletions(readJsonFixture('mosaicml', 'completions.response.json'), { ...answer, model: 'mpt-7b-instruct' })).toEqual({
      id: null,
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'mpt-7b-instruct',
      choices: [{ index: 0, text: "Un café crème, s'il vous plaît ☕", finish_reason: null }],
      usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
    });
    expect(fromMosaicMLChat(readJsonFixture('mosaicml', 'chat.response.json'), answer).choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Pourquoi les plongeurs plongent-ils toujours en arrière ? Parce que sinon ils tombent dans le bateau ! 🤿', tool_calls: null, refusal: null },
        finish_reason: null,
      },
    ]);
  });

  it('embeddings: float vectors, or base64 when the client asks', () => {
    const body = readJsonFixture('mosaicml', 'embeddings.response.json');
    const floats = fromMosaicMLEmbeddings(body, { model: 'instructor-large', format: 'float' });
    expect(floats.data.map((item) => item.embedding)).toEqual([
      [0.0123, -0.0456, 0.0789, -0.0111],
      [-0.0222, 0.0333, -0.0444, 0.0555],
    ]);
    const base64 = fromMosaicMLEmbeddings(body, { model: 'instructor-large', format: 'base64' });
    const bytes = Buffer.from(base64.data[0].embedding as string, 'base64');
    const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    expect([...decoded].map((value) => Number(value.toFixed(4)))).toEqual([0.0123, -0.0456, 0.0789, -0.0111]);
  });

  it('a body without outputs of the right kind is a 502', () => {
    expect(() => fromMosaicMLCompletions({ outputs: [[1, 2]] }, answer)).toThrow(expect.objectContaining({ status: 502 }));
    expect(() => fromMosaicMLEmbeddings({ outputs: ['x'] }, { model: 'm', format: 'float' })).toThrow(expect.objectContaining({ status: 502 }));
  });

  it('a token-limit 500 becomes 422; other statuses are kept', () => {
    const tokenLimit = readJsonFixture('mosaicml', 'error-500-token-limit.json');
    expect(mosaicmlErrorStatus(500, tokenLimit)).toBe(422);
    expect(mosaicmlErrorStatus(500, { message: 'Error: prompt token count (5000) exceeds the limit' })).toBe(422);
    expect(mosaicmlErrorStatus(500, { message: 'Internal error' })).toBe(500);
    expect(mosaicmlErrorStatus(503, tokenLimit)).toBe(503);
  });
});

describe('adapter over HTTP', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('mosaicml', 'completions.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (endpointType: EndpointType, modelName = 'mpt-7b-instruct') =>
    mosaicmlAdapter.createEndpoint({
      name: 'mosaic',
      endpointType,
      modelName,
      config: { mosaicml_api_key: 'mosaic-secret', mosaicml_api_base: fake.url },
      now: () => 1_700_000_000,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    });

  it('no streams for any type', () => {
    expect(Object.keys(endpoint('llm/v1/chat', 'llama2-70b-chat'))).toEqual(['chat']);
    expect(Object.keys(endpoint('llm/v1/completions'))).toEqual(['completions']);
    expect(Object.keys(endpoint('llm/v1/embeddings'))).toEqual(['embeddings']);
  });

  it('POST {base}/{model}/v1/predict with the bare key; a token-limit 500 is a 422 with the vendor message', async () => {
    await endpoint('llm/v1/completions').completions!({ prompt: 'p' }, callContext());
    expect(fake.requests[0].url).toBe('/mpt-7b-instruct/v1/predict');
    expect(fake.requests[0].headers.authorization).toBe('mosaic-secret');
    fake.setHandler((_request, response) => sendJson(response, 500, readJsonFixture('mosaicml', 'error-500-token-limit.json')));
    await expect(endpoint('llm/v1/completions').completions!({ prompt: 'p', max_tokens: 8000 }, callContext())).rejects.toMatchObject({
      status: 422,
      message: 'Error: max output tokens is limited to 4096 but 8000 were requested',
    });
  });
});
