import {
  fromServingChat,
  fromServingCompletions,
  fromServingEmbeddings,
  mlflowModelServingAdapter,
  servingErrorMessage,
  servingVendorError,
  servingTexts,
  servingVectors,
  toServingChat,
  toServingCompletions,
  toServingEmbeddings,
} from '../../../src/providers/mlflow-model-serving';
import { closeAllPools } from '../../../src/providers/transport/http';
import type { EndpointType } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { readJsonFixture } from '../../support/fixtures';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';
import { callContext } from '../../support/call-context';

const VENDOR = 'mlflow-model-serving';
const answer = { endpoint: 'served', model: 'my-model', created: 1_700_000_000 };

describe('requests', () => {
  it('completions: inputs [prompt], everything else in params; no params when nothing is left', () => {
    expect(toServingCompletions({ prompt: 'Un café', temperature: 0.3, max_tokens: 20, custom: 'x' })).toEqual({
      inputs: ['Un café'],
      params: { temperature: 0.3, max_tokens: 20, custom: 'x' },
    });
    expect(toServingCompletions({ prompt: 'p', stream: false })).toEqual({ inputs: ['p'] });
  });

  it('chat and completions: `stream_options`, like `stream`, is the gateway’s (it never streams from the server), not a param', () => {
    expect(toServingCompletions({ prompt: 'p', stream: false, stream_options: { include_usage: true } })).toEqual({ inputs: ['p'] });
    expect(toServingChat({ messages: [{ role: 'user', content: 'Salut' }], stream_options: { include_usage: true }, temperature: 0.3 })).toEqual({ inputs: ['Salut'], params: { temperature: 0.3 } });
  });

  it('chat: the single message’s content', () => {
    expect(toServingChat({ messages: [{ role: 'user', content: 'Salut' }], n: 2 })).toEqual({ inputs: ['Salut'], params: { n: 2 } });
  });

  it('max_completion_tokens (OpenAI’s newer name) goes as MLflow’s max_tokens; both at once is a 400', () => {
    expect(toServingChat({ messages: [{ role: 'user', content: 'Salut' }], max_completion_tokens: 20 })).toEqual({ inputs: ['Salut'], params: { max_tokens: 20 } });
    expect(toServingCompletions({ prompt: 'p', max_completion_tokens: 8, top_k: 3 })).toEqual({ inputs: ['p'], params: { top_k: 3, max_tokens: 8 } });
    expect(gatewayErrorOf(() => toServingCompletions({ prompt: 'p', max_tokens: 5, max_completion_tokens: 8 }))).toMatchObject({ status: 400, param: 'max_completion_tokens' });
  });

  it('a stop string goes as a list of one, as MLflow’s schema sends it; a list as it came', () => {
    expect(toServingCompletions({ prompt: 'p', stop: '\n' })).toEqual({ inputs: ['p'], params: { stop: ['\n'] } });
    expect(toServingChat({ messages: [{ role: 'user', content: 'x' }], stop: ['a', 'b'] })).toEqual({ inputs: ['x'], params: { stop: ['a', 'b'] } });
  });

  it('chat with more than one message is a 422 with the reference message', () => {
    const request = { messages: [{ role: 'system', content: 'a' }, { role: 'user', content: 'b' }] };
    expect(gatewayErrorOf(() => toServingChat(request))).toMatchObject({
      status: 422,
      message: 'MLflow chat models are only capable of processing a single query at a time. The request submitted consists of 2 queries.',
    });
  });

  it('embeddings: inputs as a list; encoding_format is the gateway’s, other extras go to params', () => {
    expect(toServingEmbeddings({ input: 'a', encoding_format: 'base64' })).toEqual({ inputs: ['a'] });
    expect(toServingEmbeddings({ input: ['a', 'b'], normalize: true })).toEqual({ inputs: ['a', 'b'], params: { normalize: true } });
  });

  it('embeddings: `stream` is an extra like any other (the gateway streams no embeddings), sent in params as MLflow does', () => {
    expect(toServingEmbeddings({ input: 'a', stream: false })).toEqual({ inputs: ['a'], params: { stream: false } });
  });
});

describe('text predictions', () => {
  it.each([
    ['text-list.response.json', ["Un café crème, s'il vous plaît ☕"]],
    ['text-choices.response.json', ['Bonjour ! ☀️', 'Salut !']],
    ['text-single-key.response.json', ['La réponse est 42.']],
  ])('%s', (fixture, texts) => {
    expect(servingTexts(readJsonFixture(VENDOR, fixture), 'served')).toEqual(texts);
  });

  it('completions and chat answers', () => {
    expect(fromServingCompletions(readJsonFixture(VENDOR, 'text-choices.response.json'), answer)).toEqual({
      id: null,
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'my-model',
      choices: [
        { index: 0, text: 'Bonjour ! ☀️', finish_reason: null },
        { index: 1, text: 'Salut !', finish_reason: null },
      ],
      usage: { prompt_tokens: null, completion_tokens: null, total_tokens: null },
    });
    expect(fromServingChat(readJsonFixture(VENDOR, 'text-list.response.json'), answer).choices).toEqual([
      { index: 0, message: { role: 'assistant', content: "Un café crème, s'il vous plaît ☕", tool_calls: null, refusal: null }, finish_reason: null },
    ]);
  });

  it.each([
    ['no predictions key', { outputs: ['x'] }],
    ['an empty list', { predictions: [] }],
    ['a list of numbers', { predictions: [1, 2] }],
    ['a mixed list', { predictions: ['a', 1] }],
    ['a bare string', { predictions: 'hello' }],
    ['an object with two keys and no choices', { predictions: { a: ['x'], b: ['y'] } }],
    ['empty choices', { predictions: { choices: [] } }],
    ['choices of objects', { predictions: { choices: [{ text: 'x' }] } }],
    ['a list of objects (pandas records)', { predictions: [{ generated_text: 'x' }] }],
    ['not an object at all', ['x']],
  ])('%s is a 502 naming the endpoint and the accepted shapes', (_name, body) => {
    const error = gatewayErrorOf(() => fromServingCompletions(body, answer));
    expect(error.status).toBe(502);
    expect(error.message).toContain("endpoint 'served'");
    expect(error.message).toContain("'predictions' must be a non-empty list of strings");
  });
});

describe('embedding predictions', () => {
  it('a list of vectors, or one flat vector', () => {
    expect(servingVectors(readJsonFixture(VENDOR, 'embeddings.response.json'), 'served')).toEqual([
      [0.0123, -0.0456, 0.0789, -0.0111],
      [-0.0222, 0.0333, -0.0444, 0.0555],
    ]);
    expect(fromServingEmbeddings(readJsonFixture(VENDOR, 'embeddings-flat.response.json'), { endpoint: 'served', model: 'm', format: 'float' })).toEqual({
      object: 'list',
      data: [{ object: 'embedding', embedding: [0.25, -0.5, 0.75, 1], index: 0 }],
      model: 'm',
      usage: { prompt_tokens: null, total_tokens: null },
    });
  });

  it.each([
    ['strings', { predictions: ['a'] }],
    ['an empty list', { predictions: [] }],
    ['an empty vector', { predictions: [[]] }],
    ['vectors of strings', { predictions: [['0.1']] }],
    ['an object', { predictions: { embeddings: [[0.1]] } }],
  ])('%s is a 502 naming the endpoint', (_name, body) => {
    const error = gatewayErrorOf(() => servingVectors(body, 'served'));
    expect(error).toMatchObject({ status: 502 });
    expect(error.message).toContain("endpoint 'served'");
  });
});

it('scoring server errors give their message', () => {
  expect(servingErrorMessage(readJsonFixture(VENDOR, 'error-400.json'))).toMatch(/^Encountered an unexpected error while evaluating the model/);
});

test("servingVendorError passes MLflow's error_code on, and nothing that is not a code", () => {
  expect(servingVendorError(readJsonFixture(VENDOR, 'error-400.json'))).toEqual({ type: null, code: 'BAD_REQUEST', param: null });
  expect(servingVendorError({ error_code: 'Model failed: see the logs', message: 'x' })).toBeNull();
  expect(servingVendorError({ error: 'Bad request' })).toBeNull();
  expect(servingVendorError('Bad request')).toBeNull();
});

describe('adapter over HTTP', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => sendJson(response, 200, readJsonFixture(VENDOR, 'text-list.response.json')));
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const endpoint = (endpointType: EndpointType) =>
    mlflowModelServingAdapter.createEndpoint({ name: 'served', endpointType, modelName: null, config: { model_server_url: `${fake.url}/` }, now: () => 1, timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES });

  it('POST {model_server_url}/invocations without credentials; no streams', async () => {
    expect(Object.keys(endpoint('llm/v1/chat'))).toEqual(['chat']);
    expect(Object.keys(endpoint('llm/v1/completions'))).toEqual(['completions']);
    const response = await endpoint('llm/v1/completions').completions!({ prompt: 'p' }, callContext());
    expect(fake.requests[0].url).toBe('/invocations');
    expect(fake.requests[0].headers.authorization).toBeUndefined();
    expect(response.model).toBe('served');
  });
});
