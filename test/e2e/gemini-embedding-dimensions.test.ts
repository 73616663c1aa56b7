/**
 * Gemini embeddings asked with `dimensions` (Gemini's `outputDimensionality`) reach the client unit
 * length, as OpenAI's do, on /v1 through the official openai client (which asks for base64 by
 * default) and on the MLflow route: Gemini answers those vectors unnormalised
 * (https://ai.google.dev/gemini-api/docs/embeddings#quality-for-smaller-dimensions), and a client
 * ranking by dot product would rank by their lengths too.
 */
import { createGatewayClient } from '../../src/client';
import { sendJson } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const FIXTURE = 'batch-embed-contents-dimensions.response.json';
const answered = readJsonFixture<{ embeddings: { values: number[] }[] }>('gemini', FIXTURE).embeddings.map((embedding) => embedding.values);

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: (_request, response) => sendJson(response, 200, readJsonFixture('gemini', FIXTURE)) },
  config: ({ gemini }) => `
endpoints:
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model:
      provider: gemini
      name: gemini-embedding-001
      config: { gemini_api_key: k, gemini_api_base: "${gemini}/v1beta" }
`,
});

const texts = ['What is the meaning of life?', 'What is the purpose of existence?', 'How do I bake a cake?'];
const lengthOf = (vector: readonly number[]): number => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
/** Gemini's vector scaled to unit length, as the client should get it. */
const unit = (vector: readonly number[]): number[] => vector.map((value) => value / lengthOf(vector));

/** The batchEmbedContents call the gateway made: one request per text, each asking `outputDimensionality`. */
function sentDimensions(): unknown[] {
  const [call] = setup.upstreams.gemini.requests;
  expect(call.url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
  return (call.body as { requests: { outputDimensionality?: number }[] }).requests.map((request) => request.outputDimensionality);
}

test('the openai client with dimensions (base64 by default) gets unit-length vectors in the direction Gemini gave', async () => {
  const answer = await setup.openai.embeddings.create({ model: 'embeddings', input: texts, dimensions: 768 });
  expect(sentDimensions()).toEqual([768, 768, 768]);
  expect(answer.data.map((entry) => entry.index)).toEqual([0, 1, 2]);
  answer.data.forEach((entry, index) => {
    expect(Math.abs(lengthOf(entry.embedding) - 1)).toBeLessThan(1e-6);
    entry.embedding.forEach((value, position) => expect(value).toBeCloseTo(unit(answered[index])[position], 6));
  });
});

test('the MLflow route with dimensions gets unit-length float vectors; without dimensions, Gemini\'s vectors as sent', async () => {
  const sdk = createGatewayClient({ baseUrl: setup.gateway.url });
  const asked = await sdk.embeddings('embeddings', { input: texts, dimensions: 768 });
  expect(sentDimensions()).toEqual([768, 768, 768]);
  asked.data.forEach((entry, index) => {
    expect(lengthOf(entry.embedding as number[])).toBeCloseTo(1, 12);
    (entry.embedding as number[]).forEach((value, position) => expect(value).toBeCloseTo(unit(answered[index])[position], 12));
  });
  setup.upstreams.gemini.requests.length = 0;
  const full = await sdk.embeddings('embeddings', { input: texts });
  expect(sentDimensions()).toEqual([undefined, undefined, undefined]);
  expect(full.data.map((entry) => entry.embedding)).toEqual(answered);
});
