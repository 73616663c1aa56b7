import {
  fromPaLMChat,
  fromPaLMCompletions,
  fromPaLMEmbeddings,
  palmAdapter,
  palmErrorMessage,
  toPaLMChat,
  toPaLMCompletions,
  toPaLMEmbeddings,
} from '../../../src/providers/palm';
import { encodingFormatOf } from '../../../src/providers/shared/embeddings';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { ChatRequest, CompletionsRequest, EmbeddingsRequest, EndpointType } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readJsonFixture } from '../../support/fixtures';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const answer = { model: 'text-bison-001', created: 1_700_000_000 };

describe('requests', () => {
  it('completions: prompt.text, renamed parameters, temperature halved, other parameters kept', () => {
    expect(toPaLMCompletions({ prompt: 'Write a story', temperature: 1.2, n: 2, max_tokens: 64, stop: 'END', top_k: 40 })).toEqual({
      prompt: { text: 'Write a story' },
      temperature: 0.6,
      candidateCount: 2,
      maxOutputTokens: 64,
      stopSequences: ['END'],
      top_k: 40,
    });
    expect(toPaLMCompletions({ prompt: 'p', stream: false })).toEqual({ prompt: { text: 'p' } });
  });

  it('leaves out `stream_options`: PaLM does not stream, so it asks for nothing (generateText and generateMessage would refuse the field)', () => {
    expect(toPaLMCompletions({ prompt: 'p', stream: false, stream_options: { include_usage: true } })).toEqual({ prompt: { text: 'p' } });
    expect(toPaLMChat({ messages: [{ role: 'user', content: 'Salut' }], stream_options: { include_usage: true } })).toEqual({ prompt: { messages: [{ author: 'user', content: 'Salut' }] } });
  });

  it('chat: role → author, examples and context go into the prompt', () => {
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'Salut !' },
        { role: 'assistant', content: 'Bonjour.' },
        { role: 'user', content: [{ type: 'text', text: 'Un café ?' }] },
      ],
      temperature: 0.5,
      n: 1,
      context: 'Be brief.',
      examples: [{ input: { content: 'hi' }, output: { content: 'hello' } }],
    };
    expect(toPaLMChat(request)).toEqual({
      temperature: 0.25,
      candidateCount: 1,
      prompt: {
        messages: [
          { author: 'user', content: 'Salut !' },
          { author: 'assistant', content: 'Bonjour.' },
          { author: 'user', content: 'Un café ?' },
        ],
        examples: [{ input: { content: 'hi' }, output: { content: 'hello' } }],
        context: 'Be brief.',
      },
    });
  });

  it('embeddings: texts is always a list', () => {
    expect(toPaLMEmbeddings({ input: 'a' })).toEqual({ texts: ['a'] });
    expect(toPaLMEmbeddings({ input: ['a', 'b'] })).toEqual({ texts: ['a', 'b'] });
  });

  it.each([
    ['stopSequences', 'stop'],
    ['candidateCount', 'n'],
    ['maxOutputTokens', 'max_tokens'],
  ])('native %s is refused in favour of %s (422)', (native, unified) => {
    expect(gatewayErrorOf(() => toPaLMCompletions({ prompt: 'p', [native]: 1 } as CompletionsRequest))).toMatchObject({
      status: 422,
      message: `Invalid parameter ${native}. Use ${unified} instead.`,
    });
  });

  it('chat has no output limit and no stop sequences: 400 naming the parameter and PaLM chat', () => {
    const messages = [{ role: 'user', content: 'x' }];
    expect(gatewayErrorOf(() => toPaLMChat({ messages, max_tokens: 10 }))).toMatchObject({ status: 400, param: 'max_tokens', message: "The parameter 'max_tokens' is not supported by PaLM chat." });
    expect(gatewayErrorOf(() => toPaLMChat({ messages, stop: ['x'] }))).toMatchObject({ status: 400, param: 'stop' });
    expect(gatewayErrorOf(() => toPaLMChat({ messages, maxOutputTokens: 10 }))).toMatchObject({ status: 422, param: 'maxOutputTokens' });
  });

  it('OpenAI-only parameters and token ids are a 400', () => {
    expect(gatewayErrorOf(() => toPaLMCompletions({ prompt: 'p', presence_penalty: 1 }))).toMatchObject({
      status: 400,
      message: "The parameter 'presence_penalty' is not supported by PaLM.",
    });
    expect(gatewayErrorOf(() => toPaLMEmbeddings({ input: [[1, 2]] }))).toMatchObject({ status: 400, param: 'input' });
  });

  it('embeddings: the end-user id, `user` or its newer name `safety_identifier`, is a 400 naming it (batchEmbedText has no field for it)', () => {
    // The Vercel AI SDK's OpenAI-compatible embeddings body (packages/openai-compatible/src/embedding/openai-compatible-embedding-model.ts, doEmbed).
    for (const param of ['user', 'safety_identifier']) {
      expect(gatewayErrorOf(() => toPaLMEmbeddings({ input: ['sunny day'], encoding_format: 'float', [param]: 'user-1234' }))).toMatchObject({
        status: 400,
        param,
        message: `The parameter '${param}' is not supported by PaLM.`,
      });
    }
  });

  it('embeddings: any other key is a 400 naming it, not dropped (batchEmbedText takes only the texts)', () => {
    for (const [param, value] of [['foo_bar', 1], ['top_k', 3], ['stream', true], ['dimensions', 256]] as const) {
      expect(gatewayErrorOf(() => toPaLMEmbeddings({ input: 'sunny day', encoding_format: 'base64', [param]: value } as EmbeddingsRequest))).toMatchObject({
        status: 400,
        param,
        message: `The parameter '${param}' is not supported by PaLM.`,
      });
    }
    expect(toPaLMEmbeddings({ input: 'sunny day', encoding_format: 'base64' })).toEqual({ texts: ['sunny day'] });
  });

  it('embeddings: `stream: false` is left out, not a 400 (an embeddings answer is never streamed; `stream: true` is refused above)', () => {
    expect(toPaLMEmbeddings({ input: 'sunny day', encoding_format: 'float', stream: false } as EmbeddingsRequest)).toEqual({ texts: ['sunny day'] });
  });
});

describe('responses', () => {
  it('generateText: one choice per candidate', () => {
    expect(fromPaLMCompletions(readJsonFixture('palm', 'generateText.response.json'), answer)).toEqual({
      id: null,
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'text-bison-001',
      choices: [
        { index: 0, text: 'Once upon a time, a café in Montréal served a magic croissant. 🥐', finish_reason: null },
        { index: 1, text: 'Il était une fois un sac à dos magique.', finish_reason: null },
      ],
      usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
    });
  });

  it('a filtered prompt (no candidates) is a 502 that says why', () => {
    expect(gatewayErrorOf(() => fromPaLMCompletions(readJsonFixture('palm', 'generateText-filtered.response.json'), answer))).toMatchObject({
      status: 502,
      message: 'PaLM returned no candidates (filtered: SAFETY).',
    });
  });

  it('generateMessage: the candidate author is the role, as in MLflow', () => {
    expect(fromPaLMChat(readJsonFixture('palm', 'generateMessage.response.json'), { ...answer, model: 'chat-bison-001' }).choices).toEqual([
      { index: 0, message: { role: '1', content: "Bonjour ! Comment puis-je vous aider aujourd'hui ? ☀️", tool_calls: null, refusal: null }, finish_reason: null },
    ]);
  });

  it('batchEmbedText: embeddings[].value', () => {
    expect(fromPaLMEmbeddings(readJsonFixture('palm', 'batchEmbedText.response.json'), { model: 'embedding-gecko-001', format: 'float' })).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', embedding: [0.0064, -0.0197, -0.0393, 0.0218], index: 0 },
        { object: 'embedding', embedding: [-0.0144, 0.0152, -0.0489, 0.0047], index: 1 },
      ],
      model: 'embedding-gecko-001',
      usage: { prompt_tokens: null, total_tokens: null },
    });
    expect(() => fromPaLMEmbeddings({ embeddings: [{}] }, { model: 'm', format: 'float' })).toThrow(expect.objectContaining({ status: 502 }));
  });

  it('encoding_format: float or base64 (applied by the gateway); anything else is a 400', () => {
    expect(encodingFormatOf({ input: 'x' }, 'PaLM')).toBe('float');
    expect(encodingFormatOf({ input: 'x', encoding_format: 'base64' }, 'PaLM')).toBe('base64');
    expect(gatewayErrorOf(() => encodingFormatOf({ input: 'x', encoding_format: 'int8' }, 'PaLM'))).toMatchObject({
      status: 400,
      param: 'encoding_format',
      message: "The parameter 'encoding_format' must be 'float' or 'base64' for PaLM, got \"int8\".",
    });
    expect(gatewayErrorOf(() => encodingFormatOf({ input: 'x', encoding_format: LONG_VALUE }, 'PaLM'))).toMatchObject({
      message: `The parameter 'encoding_format' must be 'float' or 'base64' for PaLM, got ${LONG_VALUE_CUT}.`,
    });
  });

  it('Google error bodies', () => {
    expect(palmErrorMessage(readJsonFixture('palm', 'error-400.json'))).toBe('Invalid JSON payload received. Unknown name "top_z": Cannot find field.');
  });
});

describe('adapter over HTTP', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((request, response) => {
      const method = request.url.split(':').pop();
      sendJson(response, 200, readJsonFixture('palm', `${method}.response.json`));
    });
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (endpointType: EndpointType, modelName: string) =>
    palmAdapter.createEndpoint({
      name: 'palm',
      endpointType,
      modelName,
      config: { palm_api_key: 'palm-secret', palm_api_base: `${fake.url}/v1beta3` },
      now: () => 1_700_000_000,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    });

  it('POST {base}/models/{model}:<method> with x-goog-api-key, for each type', async () => {
    const signal = new AbortController().signal;
    await endpoint('llm/v1/completions', 'text-bison-001').completions!({ prompt: 'p' }, callContext(signal));
    await endpoint('llm/v1/chat', 'chat-bison-001').chat!({ messages: [{ role: 'user', content: 'x' }] }, callContext(signal));
    await endpoint('llm/v1/embeddings', 'embedding-gecko-001').embeddings!({ input: 'x' }, callContext(signal));
    expect(fake.requests.map((request) => request.url)).toEqual([
      '/v1beta3/models/text-bison-001:generateText',
      '/v1beta3/models/chat-bison-001:generateMessage',
      '/v1beta3/models/embedding-gecko-001:batchEmbedText',
    ]);
    expect(fake.requests.every((request) => request.headers['x-goog-api-key'] === 'palm-secret')).toBe(true);
  });
});
