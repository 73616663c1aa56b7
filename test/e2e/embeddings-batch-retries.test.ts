/**
 * Retries of embeddings sent in batches (Gemini: 100 texts per call, Cohere: 96, direct and on
 * Bedrock), end to end over HTTP against fake vendors on 127.0.0.1: a retry resumes at the batch that
 * failed and keeps the batches already answered (they are not sent, nor paid for, again), within one
 * client request and one destination. The retry policy is unchanged: attempts, Retry-After, retry
 * metrics; a FALLBACK destination starts over (its vectors are another model's). Titan and Nova on
 * Bedrock (one text per call): bedrock-one-text-embeddings-retries.test.ts.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { sample } from '../support/metrics';

const REGION = 'eu-west-3';
const FAST_RETRIES = '{ max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }';

const config = (urls: { gemini: string; cohere: string; bedrock: string }) => `
endpoints:
  - name: gemini-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: gemini, name: gemini-embedding-001, config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" } }
    retries: ${FAST_RETRIES}
  - name: gemini-two-attempts
    endpoint_type: llm/v1/embeddings
    model: { provider: gemini, name: gemini-embedding-001, config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" } }
    retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }
  - name: gemini-legacy
    endpoint_type: llm/v1/embeddings
    model: { provider: gemini, name: text-embedding-004, config: { gemini_api_key: $GEMINI_KEY, gemini_api_base: "${urls.gemini}/v1beta" } }
    retries: ${FAST_RETRIES}
  - name: cohere-embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: $COHERE_KEY, cohere_api_base: "${urls.cohere}/v1" } }
    retries: ${FAST_RETRIES}
  - name: bedrock-cohere-embed
    endpoint_type: llm/v1/embeddings
    model:
      provider: bedrock
      name: cohere.embed-multilingual-v3
      config: { aws_config: { aws_region: ${REGION}, aws_endpoint_url: "${urls.bedrock}", aws_access_key_id: AKIAEMBEDEXAMPLE, aws_secret_access_key: $BEDROCK_SECRET } }
    retries: ${FAST_RETRIES}
routes:
  - name: embeddings-fallback
    task_type: llm/v1/embeddings
    routing_strategy: FALLBACK
    destinations: [{ name: gemini-two-attempts }, { name: gemini-legacy }]
`;

let gemini: FakeUpstream;
let cohere: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let openai: OpenAI;

interface GeminiBatchBody {
  requests: { model: string; content: { parts: { text: string }[] } }[];
}

/** What a fake vendor does with a call, given the call's number (from 1) among those it received. */
type Plan<Reply> = (callNumber: number) => Reply | null;

/**
 * batchEmbedContents as Gemini answers it (https://ai.google.dev/api/embeddings#method:-models.batchembedcontents):
 * one `values` per request, in order; each vector is [the text's number, the model's marker], so the
 * client can check order and origin.
 */
function geminiServing(plan: Plan<(response: ServerResponse) => void> = () => null) {
  return (request: RecordedRequest, response: ServerResponse) => {
    const failure = plan(gemini.requests.length);
    if (failure) return failure(response);
    const marker = request.url.includes('text-embedding-004') ? 4 : 1;
    const requests = (request.body as GeminiBatchBody).requests;
    sendJson(response, 200, { embeddings: requests.map(({ content }) => ({ values: [Number(content.parts[0].text), marker] })) });
  };
}

/** Gemini's 429 (`RESOURCE_EXHAUSTED`; its delay in a RetryInfo detail, not a Retry-After header). */
function geminiQuotaExhausted(retryDelay: string) {
  const body = readJsonFixture<{ error: { details: Record<string, unknown>[] } }>('gemini', 'error-429.json');
  for (const detail of body.error.details) if (detail['@type'] === 'type.googleapis.com/google.rpc.RetryInfo') detail.retryDelay = retryDelay;
  return (response: ServerResponse) => sendJson(response, 429, body);
}

/** Cohere's embed (https://docs.cohere.com/v1/reference/embed): vectors in order, input tokens billed per call. */
function cohereServing(plan: Plan<(response: ServerResponse) => void> = () => null) {
  return (request: RecordedRequest, response: ServerResponse) => {
    const failure = plan(cohere.requests.length);
    if (failure) return failure(response);
    const texts = (request.body as { texts: string[] }).texts;
    sendJson(response, 200, { id: `embed-${cohere.requests.length}`, texts, embeddings: texts.map((text) => [Number(text), 0.5]), meta: { billed_units: { input_tokens: texts.length } } });
  };
}

/** Bedrock's InvokeModel for Cohere Embed (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v3.html). */
function bedrockServing(plan: Plan<BedrockReply> = () => null) {
  return (call: BedrockCall): BedrockReply => {
    const planned = plan(bedrock.calls.length);
    if (planned) return planned;
    const { texts } = call.body as { texts: string[] };
    return { json: { id: `embed-${bedrock.calls.length}`, texts, embeddings: texts.map((text) => [Number(text), 0.5]), response_type: 'embeddings_floats' } };
  };
}

const THROTTLED: BedrockReply = { error: { status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } };

/** The first text of each call a fake Gemini received, with the model it named: identifies each batch. */
const geminiBatchesSeen = () => gemini.requests.map((request) => `${/models\/([^:]+):/.exec(request.url)?.[1]}:${(request.body as GeminiBatchBody).requests[0].content.parts[0].text}`);
const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index));
const metrics = async () => (await fetch(`${gateway.url}/metrics`)).text();
const retries = async (endpoint: string, provider: string) => sample(await metrics(), 'gateway_upstream_retries_total', { endpoint, provider }) ?? 0;

beforeAll(async () => {
  gemini = await startFakeUpstream(geminiServing());
  cohere = await startFakeUpstream(cohereServing());
  bedrock = await startFakeBedrock(bedrockServing());
  gateway = await startGateway(config({ gemini: gemini.url, cohere: cohere.url, bedrock: bedrock.url }), {
    env: { GEMINI_KEY: 'AIzaSyTESTKEY-embeddings', COHERE_KEY: 'cohere-test-key', BEDROCK_SECRET: 'bedrock-embed-secret' },
  });
  openai = openaiClientFor(gateway);
});
beforeEach(() => {
  gemini.requests.length = 0;
  cohere.requests.length = 0;
  bedrock.calls.length = 0;
  gemini.setHandler(geminiServing());
  cohere.setHandler(cohereServing());
  bedrock.setHandler(bedrockServing());
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([gemini.close(), cohere.close(), bedrock.close()]);
});

describe('a retry resumes at the batch that failed', () => {
  test("Gemini: 250 texts, the third batch answers 429 once: batches 1, 2, 3, 3 after the RetryInfo's delay; 250 vectors in order", async () => {
    gemini.setHandler(geminiServing((call) => (call === 3 ? geminiQuotaExhausted('1s') : null)));
    const retriesBefore = await retries('gemini-embeddings', 'gemini');
    const started = Date.now();
    const embeddings = await openai.embeddings.create({ model: 'gemini-embeddings', input: numbered(250), encoding_format: 'float' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(geminiBatchesSeen()).toEqual(['gemini-embedding-001:0', 'gemini-embedding-001:100', 'gemini-embedding-001:200', 'gemini-embedding-001:200']);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(numbered(250).map((_, index) => [index, index]));
    expect(await retries('gemini-embeddings', 'gemini')).toBe(retriesBefore + 1);

    // Kept within one client request only: the next request sends every batch.
    gemini.requests.length = 0;
    gemini.setHandler(geminiServing());
    await openai.embeddings.create({ model: 'gemini-embeddings', input: numbered(250), encoding_format: 'float' });
    expect(geminiBatchesSeen()).toEqual(['gemini-embedding-001:0', 'gemini-embedding-001:100', 'gemini-embedding-001:200']);
  });

  test('Gemini: each failed attempt counts; when they are spent the failure goes to the client (batches 1, 2, 3, 3, 3)', async () => {
    gemini.setHandler(geminiServing((call) => (call >= 3 ? (response) => sendJson(response, 503, { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }) : null)));
    const answer = await fetch(`${gateway.url}/endpoints/gemini-embeddings/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: numbered(250) }) });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('x-should-retry')).toBeNull();
    expect(geminiBatchesSeen()).toEqual(['gemini-embedding-001:0', 'gemini-embedding-001:100', 'gemini-embedding-001:200', 'gemini-embedding-001:200', 'gemini-embedding-001:200']);
  });

  test('Gemini: an answer without vectors is a 502 upstream_unreadable, neither kept nor retried (it was answered and billed)', async () => {
    gemini.setHandler(geminiServing((call) => (call === 2 ? (response) => sendJson(response, 200, { embeddings: [{}] }) : null)));
    const answer = await fetch(`${gateway.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gemini-embeddings', input: numbered(250) }) });
    expect({ status: answer.status, shouldRetry: answer.headers.get('x-should-retry'), code: ((await answer.json()) as { error: { code: string } }).error.code }).toEqual({
      status: 502,
      shouldRetry: 'false',
      code: 'upstream_unreadable',
    });
    expect(geminiBatchesSeen()).toEqual(['gemini-embedding-001:0', 'gemini-embedding-001:100']);
  });

  test("Cohere: 250 texts, the third call answers 429 once: calls of 96, 96, 58, 58; vectors in order; usage is the answered calls' tokens", async () => {
    cohere.setHandler(cohereServing((call) => (call === 3 ? (response) => sendJson(response, 429, readJsonFixture('cohere', 'error-429.json')) : null)));
    const retriesBefore = await retries('cohere-embeddings', 'cohere');
    const embeddings = await openai.embeddings.create({ model: 'cohere-embeddings', input: numbered(250), encoding_format: 'float' });
    expect(cohere.requests.map((request) => (request.body as { texts: string[] }).texts[0])).toEqual(['0', '96', '192', '192']);
    expect(cohere.requests.map((request) => (request.body as { texts: string[] }).texts.length)).toEqual([96, 96, 58, 58]);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(numbered(250).map((_, index) => [index, index]));
    expect(embeddings.usage).toEqual({ prompt_tokens: 250, total_tokens: 250 });
    expect(await retries('cohere-embeddings', 'cohere')).toBe(retriesBefore + 1);
  });

  test('Cohere Embed on Bedrock: a ThrottlingException on the third call: calls 1, 2, 3, 3; vectors in order', async () => {
    bedrock.setHandler(bedrockServing((call) => (call === 3 ? THROTTLED : null)));
    const embeddings = await openai.embeddings.create({ model: 'bedrock-cohere-embed', input: numbered(250), encoding_format: 'float' });
    expect(bedrock.calls.map((call) => (call.body as { texts: string[] }).texts[0])).toEqual(['0', '96', '192', '192']);
    expect(embeddings.data.map((item) => [item.index, item.embedding[0]])).toEqual(numbered(250).map((_, index) => [index, index]));
  });
});

test('FALLBACK: the next destination starts over, with its own model, once the first has spent its attempts', async () => {
  const quota = geminiQuotaExhausted('0s');
  gemini.setHandler(geminiServing((call) => (call === 3 || call === 4 ? quota : null)));
  const { data, response } = await openai.embeddings.create({ model: 'embeddings-fallback', input: numbered(250), encoding_format: 'float' }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('gemini-legacy');
  expect(geminiBatchesSeen()).toEqual([
    'gemini-embedding-001:0',
    'gemini-embedding-001:100',
    'gemini-embedding-001:200',
    'gemini-embedding-001:200',
    'text-embedding-004:0',
    'text-embedding-004:100',
    'text-embedding-004:200',
  ]);
  // Every vector is the fallback model's: none of the first destination's answered batches is mixed in.
  expect(data.data.map((item) => [item.index, item.embedding[0], item.embedding[1]])).toEqual(numbered(250).map((_, index) => [index, index, 4]));
});
