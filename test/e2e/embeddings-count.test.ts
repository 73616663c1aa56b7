/**
 * An embeddings answer must hold one vector per input, with indexes naming each input once: README
 * ("Timeouts and retries", Providers) says anything else is a 502 `upstream_unreadable` saying what
 * came for how many inputs, sent once and not retried, on both route families, whoever answered
 * (a server behind `openai_api_base`, a provider the gateway calls in batches, a plugin). Before,
 * the client got a 200 whose vectors paired with the wrong texts.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { startPluginGateway } from '../support/plugin-gateway';

/** How the fakes answer, chosen by the request's first text. */
type Mode = 'right' | 'too-few' | 'too-many' | 'duplicate-index' | 'index-out-of-range' | 'shuffled' | 'shifted';

const vectorOf = (position: number): number[] => [position, 0.5];

/**
 * OpenAI-shaped entries for `count` inputs as `mode` says: one per input, or one too few or too
 * many, or indexes wrong (0 twice, one past the end), or right but listed in reverse order.
 */
function openaiEntries(count: number, mode: Mode): { object: string; index: number; embedding: number[] }[] {
  const length = mode === 'too-few' ? count - 1 : mode === 'too-many' ? count + 1 : count;
  const entries = Array.from({ length }, (_, index) => ({ object: 'embedding', index, embedding: vectorOf(index) }));
  if (mode === 'duplicate-index') entries[1].index = 0;
  if (mode === 'index-out-of-range') entries[1].index = count;
  return mode === 'shuffled' ? entries.reverse() : entries;
}

/** Batched vendors (Cohere: 96 texts a call, Gemini: 100): 'shifted' answers the first call one vector too many and the last one too few. */
function batchVectors(count: number, mode: Mode, firstCall: boolean): number[][] {
  const length = mode === 'shifted' ? count + (firstCall ? 1 : -1) : count;
  return Array.from({ length }, (_, position) => vectorOf(position));
}

/** OpenAI's inputs: a string or a flat list of token ids is one. */
const openaiInputs = (input: unknown): unknown[] => (Array.isArray(input) && typeof input[0] !== 'number' ? input : [input]);

function serveEmbeddings(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { input?: unknown; texts?: string[]; requests?: { content: { parts: { text: string }[] } }[] };
  if (request.url === '/v1/embeddings') {
    const inputs = openaiInputs(body.input);
    return sendJson(response, 200, { object: 'list', data: openaiEntries(inputs.length, inputs[0] as Mode), model: 'text-embedding-3-small', usage: { prompt_tokens: 3, total_tokens: 3 } });
  }
  const texts = request.url === '/v1/embed' ? (body.texts ?? []) : (body.requests ?? []).map((item) => item.content.parts[0].text);
  const vectors = batchVectors(texts.length, texts.includes('shifted') ? 'shifted' : 'right', texts[0] === 'shifted');
  sendJson(response, 200, request.url === '/v1/embed' ? { id: 'e1', embeddings: vectors } : { embeddings: vectors.map((values) => ({ values })) });
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveEmbeddings);
  gateway = await startGateway(`
defaults:
  retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: openai-embed
    endpoint_type: llm/v1/embeddings
    model: { provider: openai, name: text-embedding-3-small, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
  - name: cohere-embed
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: co-key, cohere_api_base: "${upstream.url}/v1" } }
  - name: gemini-embed
    endpoint_type: llm/v1/embeddings
    model: { provider: gemini, name: gemini-embedding-001, config: { gemini_api_key: g-key, gemini_api_base: "${upstream.url}/v1beta" } }
`);
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; shouldRetry: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, shouldRetry: response.headers.get('x-should-retry'), body: (await response.json()) as Record<string, unknown> };
}

const unreadable = (provider: string, endpoint: string, reason: string) =>
  `${provider} answered endpoint '${endpoint}' with a response of an unexpected shape; the gateway could not translate it (${reason}).`;

describe('an OpenAI-shaped answer for three inputs', () => {
  const input = (mode: Mode) => [mode, 'b', 'c'];

  test.each([
    { mode: 'too-few' as const, reason: '2 embeddings for 3 inputs' },
    { mode: 'too-many' as const, reason: '4 embeddings for 3 inputs' },
    { mode: 'duplicate-index' as const, reason: 'two embeddings with index 0 for 3 inputs, where each of indexes 0 to 2 is expected once' },
    { mode: 'index-out-of-range' as const, reason: 'an embedding with index 3 for 3 inputs, where each of indexes 0 to 2 is expected once' },
  ])('$mode: a 502 upstream_unreadable saying so on /v1 and the MLflow route, sent once each', async ({ mode, reason }) => {
    const before = upstream.requests.length;
    const v1 = await post('/v1/embeddings', { model: 'openai-embed', input: input(mode), encoding_format: 'float' });
    const mlflow = await post('/endpoints/openai-embed/invocations', { input: input(mode) });
    const message = unreadable('OpenAI', 'openai-embed', reason);
    expect({ v1: { status: v1.status, shouldRetry: v1.shouldRetry, error: v1.body.error }, mlflow: { status: mlflow.status, body: mlflow.body }, calls: upstream.requests.length - before }).toEqual({
      v1: { status: 502, shouldRetry: 'false', error: { message, type: 'upstream_error', param: null, code: 'upstream_unreadable' } },
      mlflow: { status: 502, body: { detail: message } },
      calls: 2,
    });
  });

  test('the official openai client raises it as a 502 (its default base64 asked too)', async () => {
    const failure = await openai.embeddings.create({ model: 'openai-embed', input: input('too-few') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((failure as Error).message).toContain('(2 embeddings for 3 inputs)');
  });

  test('one vector per input is a 200 as before: in input order when listed otherwise', async () => {
    const right = await openai.embeddings.create({ model: 'openai-embed', input: input('right'), encoding_format: 'float' });
    const shuffled = await openai.embeddings.create({ model: 'openai-embed', input: input('shuffled'), encoding_format: 'float' });
    const expected = [0, 1, 2].map((index) => ({ object: 'embedding', index, embedding: vectorOf(index) }));
    expect(right).toEqual({ object: 'list', data: expected, model: 'text-embedding-3-small', usage: { prompt_tokens: 3, total_tokens: 3 } });
    expect(shuffled.data).toEqual(expected);
  });

  test('a single string is one input, and so is a list of token ids', async () => {
    const text = await post('/endpoints/openai-embed/invocations', { input: 'too-few' });
    expect(text.body).toEqual({ detail: unreadable('OpenAI', 'openai-embed', '0 embeddings for 1 input') });
    const tokens = await post('/v1/embeddings', { model: 'openai-embed', input: [101, 102, 103], encoding_format: 'float' });
    expect({ status: tokens.status, data: tokens.body.data }).toEqual({ status: 200, data: [{ object: 'embedding', index: 0, embedding: vectorOf(0) }] });
  });
});

describe('embeddings the gateway sends in several calls', () => {
  // 150 texts: Cohere's calls of 96 and 54, Gemini's of 100 and 50. A first call answering one vector
  // too many and the last one too few would join into 150 vectors, each after the first call's extra one against the wrong text.
  const shifted = ['shifted', ...Array.from({ length: 148 }, (_, position) => `text ${position}`), 'shifted'];

  test.each([
    { endpoint: 'cohere-embed', provider: 'Cohere', reason: '97 embeddings for the 96 inputs of one of the calls the request was split into' },
    { endpoint: 'gemini-embed', provider: 'Gemini', reason: '101 embeddings for the 100 inputs of one of the calls the request was split into' },
  ])('$provider: a call answering another count than it sent is a 502 even when the counts add up', async ({ endpoint, provider, reason }) => {
    const before = upstream.requests.length;
    const answer = await post('/v1/embeddings', { model: endpoint, input: shifted, encoding_format: 'float' });
    expect({ status: answer.status, shouldRetry: answer.shouldRetry, message: (answer.body.error as { message: string }).message, calls: upstream.requests.length - before }).toEqual({
      status: 502,
      shouldRetry: 'false',
      message: unreadable(provider, endpoint, reason),
      calls: 1,
    });
  });

  test.each(['cohere-embed', 'gemini-embed'])('%s: one vector per text in every call is a 200 in input order', async (endpoint) => {
    const texts = Array.from({ length: 150 }, (_, position) => `text ${position}`);
    const answer = await openai.embeddings.create({ model: endpoint, input: texts, encoding_format: 'float' });
    expect(answer.data.map((entry) => entry.index)).toEqual(texts.map((_, index) => index));
  });
});

describe('a plugin', () => {
  const PLUGIN = `'use strict';
module.exports = {
  displayName: 'Counting',
  endpointTypes: ['llm/v1/embeddings'],
  createEndpoint() {
    return {
      async embeddings(request) {
        const texts = Array.isArray(request.input) ? request.input : [request.input];
        const count = texts[0] === 'too-many' ? texts.length + 1 : texts.length;
        return {
          object: 'list', model: 'counting',
          data: Array.from({ length: count }, (_, index) => ({ object: 'embedding', index, embedding: [index] })),
          usage: { prompt_tokens: texts.length, total_tokens: texts.length },
        };
      },
    };
  },
};
`;
  let plugin: Awaited<ReturnType<typeof startPluginGateway>>;

  beforeAll(async () => {
    plugin = await startPluginGateway(PLUGIN, '  - { name: vectors, endpoint_type: llm/v1/embeddings, model: { provider: fake, name: m } }\n');
  });

  afterAll(async () => {
    await plugin.close();
  });

  test('answering more vectors than inputs is a 502 naming the plugin; one per input a 200', async () => {
    const client = new OpenAI({ baseURL: `${plugin.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const failure = await client.embeddings.create({ model: 'vectors', input: ['too-many', 'b'], encoding_format: 'float' }).catch((error: unknown) => error);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((failure as Error).message).toContain("Provider plugin 'fake' (Counting) of endpoint 'vectors': what its embeddings method returned does not answer the request: 3 embeddings for 2 inputs.");
    const right = await client.embeddings.create({ model: 'vectors', input: ['a', 'b'], encoding_format: 'float' });
    expect(right.data).toEqual([
      { object: 'embedding', index: 0, embedding: [0] },
      { object: 'embedding', index: 1, embedding: [1] },
    ]);
  });
});
