/**
 * Hugging Face Text Embeddings Inference (TEI) behind an `openai` endpoint's `openai_api_base`, end to
 * end over HTTP: a fake TEI on 127.0.0.1 refuses more inputs than its `--max-client-batch-size` (32, its
 * default) with TEI's 413 (error-413-tei-batch-size.json), as the official openai client's 100 texts
 * meet it. The gateway then sends them as consecutive calls of 32 (order kept, usage summed, a retry
 * resuming at the call that failed, a batch's failure failing the request), and every later request of
 * the endpoint split at once.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const MAX_CLIENT_BATCH_SIZE = 32;

/** TEI's answers to failing calls, by the call's number (from 1) among those the fake received. */
type Failures = Record<number, (response: ServerResponse) => void>;

/**
 * TEI's `/v1/embeddings` (`openai_embed`): more inputs than its limit is its 413; otherwise one vector per
 * input in order, each [the text's number, 0.5], and each input billed 2 tokens.
 */
function tei(failures: Failures = {}) {
  return (request: RecordedRequest, response: ServerResponse) => {
    const input = (request.body as { input: string[] }).input;
    if (input.length > MAX_CLIENT_BATCH_SIZE) {
      const refusal = readJsonFixture<{ message: string }>('openai', 'error-413-tei-batch-size.json');
      return sendJson(response, 413, { ...refusal, message: `batch size ${input.length} > maximum allowed batch size ${MAX_CLIENT_BATCH_SIZE}` });
    }
    const failure = failures[setup.upstreams.tei.requests.length];
    if (failure) return failure(response);
    const data = input.map((text, index) => ({ object: 'embedding', embedding: [Number(text), 0.5], index }));
    sendJson(response, 200, { object: 'list', data, model: 'BAAI/bge-large-en-v1.5', usage: { prompt_tokens: 2 * input.length, total_tokens: 2 * input.length } });
  };
}

const teiEndpoint = (name: string, url: string) => `
  - name: ${name}
    endpoint_type: llm/v1/embeddings
    model: { provider: openai, name: BAAI/bge-large-en-v1.5, config: { openai_api_key: unused, openai_api_base: "${url}/v1" } }
    retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }`;

const setup = useGatewayWithUpstreams({
  upstreams: { tei: tei() },
  config: (urls) => `
endpoints:${teiEndpoint('tei-embeddings', urls.tei)}${teiEndpoint('tei-retries', urls.tei)}${teiEndpoint('tei-failures', urls.tei)}
`,
});

const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index));
/** Each call the fake TEI received, as its first input and its count of inputs. */
const callsSeen = () => setup.upstreams.tei.requests.map((request) => `${(request.body as { input: string[] }).input[0]}+${(request.body as { input: string[] }).input.length}`);
const overloaded = (response: ServerResponse) => sendJson(response, 429, { message: 'Model is overloaded', code: 429, type: 'overloaded' });

test("the openai client's 100 texts (base64): refused whole, then sent as 32, 32, 32, 4; vectors in order, usage summed; the endpoint's next request is split at once", async () => {
  const embeddings = await setup.openai.embeddings.create({ model: 'tei-embeddings', input: numbered(100) });
  expect(callsSeen()).toEqual(['0+100', '0+32', '32+32', '64+32', '96+4']);
  expect(embeddings.data.map((item) => [item.index, ...item.embedding])).toEqual(numbered(100).map((_, index) => [index, index, 0.5]));
  expect(embeddings.usage).toEqual({ prompt_tokens: 200, total_tokens: 200 });

  setup.upstreams.tei.requests.length = 0;
  const answer = await fetch(`${setup.gateway.url}/endpoints/tei-embeddings/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: numbered(40) }) });
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { data: unknown[] }).data).toHaveLength(40);
  expect(callsSeen()).toEqual(['0+32', '32+8']);
});

test('a batch answered 429 (TEI overloaded) is retried alone: the answered batches are kept, not sent again', async () => {
  setup.upstreams.tei.setHandler(tei({ 4: overloaded }));
  const embeddings = await setup.openai.embeddings.create({ model: 'tei-retries', input: numbered(100), encoding_format: 'float' });
  expect(callsSeen()).toEqual(['0+100', '0+32', '32+32', '64+32', '64+32', '96+4']);
  expect(embeddings.data.map((item) => item.embedding[0])).toEqual(numbered(100).map(Number));
  expect(embeddings.usage).toEqual({ prompt_tokens: 200, total_tokens: 200 });
});

test("a batch whose model failed (TEI's 424) fails the request with a 502, and no later batch is sent", async () => {
  setup.upstreams.tei.setHandler(tei({ 3: (response) => sendJson(response, 424, readJsonFixture('openai', 'error-424-tei.json')) }));
  await expect(setup.openai.embeddings.create({ model: 'tei-failures', input: numbered(100) })).rejects.toMatchObject({
    status: 502,
    message: expect.stringContaining("Upstream error from endpoint 'tei-failures' (status 424): Inference failed"),
  });
  expect(callsSeen()).toEqual(['0+100', '0+32', '32+32']);
});
