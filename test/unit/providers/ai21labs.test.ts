import { ai21labsAdapter, ai21labsErrorMessage, fromAI21Completions, mapAI21FinishReason, toAI21Completions } from '../../../src/providers/ai21labs';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { CompletionsRequest } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readJsonFixture } from '../../support/fixtures';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const answer = { model: 'j2-ultra', created: 1_700_000_000 };

describe('request', () => {
  it('renames stop, n, max_tokens and top_p; temperature unchanged; AI21 parameters pass through', () => {
    expect(toAI21Completions({ prompt: 'Un café', stop: '##', n: 2, max_tokens: 16, top_p: 0.9, temperature: 0.7, minTokens: 2, topKReturn: 0 })).toEqual({
      prompt: 'Un café',
      stopSequences: ['##'],
      numResults: 2,
      maxTokens: 16,
      topP: 0.9,
      temperature: 0.7,
      minTokens: 2,
      topKReturn: 0,
    });
  });

  it('sends only what the client sent (no temperature or numResults defaults), never the stream flag', () => {
    expect(toAI21Completions({ prompt: 'p', stream: false })).toEqual({ prompt: 'p' });
  });

  it('leaves out `stream_options`: Jurassic-2 does not stream, so without a stream it asks for nothing (and J2 has no such field)', () => {
    expect(toAI21Completions({ prompt: 'p', stream_options: { include_usage: true } })).toEqual({ prompt: 'p' });
    expect(toAI21Completions({ prompt: 'p', stream: false, stream_options: { include_usage: true } })).toEqual({ prompt: 'p' });
  });

  it.each([
    ['stopSequences', 'stop'],
    ['numResults', 'n'],
    ['maxTokens', 'max_tokens'],
  ])('the native name %s is refused in favour of %s (422, reference message)', (native, unified) => {
    expect(gatewayErrorOf(() => toAI21Completions({ prompt: 'p', [native]: 1 } as CompletionsRequest))).toMatchObject({
      status: 422,
      param: native,
      message: `Invalid parameter ${native}. Use ${unified} instead.`,
    });
  });

  it.each(['presence_penalty', 'frequency_penalty', 'logit_bias', 'seed', 'top_k', 'logprobs'])('%s is a 400 naming it and AI21Labs', (name) => {
    expect(gatewayErrorOf(() => toAI21Completions({ prompt: 'p', [name]: 1 }))).toMatchObject({
      status: 400,
      param: name,
      message: `The parameter '${name}' is not supported by AI21Labs.`,
    });
  });
});

describe('response', () => {
  it('complete.response.json: one choice per completion, mapped finish reasons, usage from the token lists', () => {
    expect(fromAI21Completions(readJsonFixture('ai21labs', 'complete.response.json'), answer)).toEqual({
      id: '7921a78e-d905-c9df-27e3-88e4831e3c3b',
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'j2-ultra',
      choices: [
        { index: 0, text: ' plaît ☕', finish_reason: 'stop' },
        { index: 1, text: ' plaît, avec', finish_reason: 'length' },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 },
    });
  });

  it('without token lists the usage is unknown', () => {
    expect(fromAI21Completions({ completions: [{ data: { text: 'x' }, finishReason: { reason: 'stop' } }] }, answer).usage).toEqual({
      prompt_tokens: null,
      completion_tokens: null,
      total_tokens: null,
    });
  });

  it('a body without completions is a 502', () => {
    expect(() => fromAI21Completions({ detail: 'x' }, answer)).toThrow(expect.objectContaining({ status: 502 }));
  });

  it('finish reasons', () => {
    expect(['endoftext', 'stop', 'length', undefined].map(mapAI21FinishReason)).toEqual(['stop', 'stop', 'length', null]);
  });

  it('error bodies: detail string, FastAPI issue list, message', () => {
    expect(ai21labsErrorMessage(readJsonFixture('ai21labs', 'error-401.json'))).toBe('Forbidden: Bad or missing API token.');
    expect(ai21labsErrorMessage(readJsonFixture('ai21labs', 'error-422.json'))).toBe('maxTokens: ensure this value is less than or equal to 8191');
    expect(ai21labsErrorMessage({ message: 'busy' })).toBe('busy');
    expect(ai21labsErrorMessage('oops')).toBeNull();
  });
});

describe('adapter over HTTP', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture('ai21labs', 'complete.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (modelName: string | null = 'j2-ultra') =>
    ai21labsAdapter.createEndpoint({
      name: 'ai21',
      endpointType: 'llm/v1/completions',
      modelName,
      config: { ai21labs_api_key: 'ai21-secret', ai21labs_api_base: `${fake.url}/studio/v1` },
      now: () => 1_700_000_000,
      timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    });

  it('serves Jurassic-2 completions without a stream', () => {
    expect(Object.keys(endpoint())).toEqual(['completions']);
  });

  it('POST {base}/{model}/complete with a bearer key', async () => {
    const response = await endpoint().completions!({ prompt: 'Un café', max_tokens: 8 }, callContext());
    const [request] = fake.requests;
    expect(request.url).toBe('/studio/v1/j2-ultra/complete');
    expect(request.headers.authorization).toBe('Bearer ai21-secret');
    expect(request.body).toEqual({ prompt: 'Un café', maxTokens: 8 });
    expect(response.choices.map((choice) => choice.text)).toEqual([' plaît ☕', ' plaît, avec']);
  });

  it('needs a model name (it is part of the URL)', () => {
    expect(() => endpoint(null)).toThrow("AI21 Labs needs 'model.name'");
  });
});
