/**
 * Token counts of Bedrock embeddings whose answer body has none (Cohere Embed v3 and v4, Amazon Nova
 * Multimodal Embeddings): Bedrock sends them on InvokeModel as the response headers
 * `X-Amzn-Bedrock-Input-Token-Count` / `X-Amzn-Bedrock-Output-Token-Count`, which the gateway reads
 * (through an SDK middleware) into `usage`, so that /metrics and token limits count them. Titan's
 * body count (`inputTextTokenCount`) is kept where it is given.
 */
import type { BedrockCall } from '../support/fake-bedrock';
import { useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { sample } from '../support/metrics';

const AWS = `{ aws_config: { aws_region: eu-west-3, aws_endpoint_url: "$FAKE_URL", aws_access_key_id: AKIAHEADERCOUNTS, aws_secret_access_key: header-counts-secret } }`;
const embeddings = (name: string, model: string, limit = '') => `
  - name: ${name}
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: ${model}, config: ${AWS} }${limit}`;

/** The headers Bedrock sends beside an InvokeModel answer (an embeddings model generates no tokens). */
const countHeaders = (input: number) => ({ 'X-Amzn-Bedrock-Input-Token-Count': String(input), 'X-Amzn-Bedrock-Output-Token-Count': '0', 'X-Amzn-Bedrock-Invocation-Latency': '41' });

/** Cohere Embed v3 and v4 answers (model-parameters-embed-v3.html, -embed-v4.html): vectors, no token counts. Three tokens per text. */
function serveCohere(call: BedrockCall) {
  const { texts } = call.body as { texts: string[] };
  const vectors = texts.map((_, index) => [index, 0.5]);
  const json = call.modelId.includes('embed-v4')
    ? { id: 'c0a5b3e1', response_type: 'embeddings_by_type', texts, embeddings: { float: vectors } }
    : { id: 'c0a5b3e1', response_type: 'embeddings_floats', texts, embeddings: vectors };
  return { json, headers: countHeaders(3 * texts.length) };
}

/** Nova answers (nova/latest/userguide/embeddings-schema.html): one embedding, no token counts. A text's token count is its length. */
function serveNova(call: BedrockCall) {
  const { value } = (call.body as { singleEmbeddingParams: { text: { value: string } } }).singleEmbeddingParams.text;
  return { json: { embeddings: [{ embeddingType: 'TEXT', embedding: [0.25, 0.5] }] }, headers: countHeaders(value.length) };
}

const serve = (call: BedrockCall) => {
  if (call.modelId.includes('cohere.')) return serveCohere(call);
  if (call.modelId.includes('nova')) return serveNova(call);
  // Titan's body counts (5), which the headers (99, as if they disagreed) must not replace.
  return { json: { embedding: [0.1, 0.2], inputTextTokenCount: 5 }, headers: countHeaders(99) };
};

const setup = useGatewayWithFakeBedrock({
  serve,
  config: (fakeUrl) => `
endpoints:
${embeddings('cohere-v3', 'cohere.embed-english-v3')}
${embeddings('cohere-v4', 'us.cohere.embed-v4:0')}
${embeddings('nova', 'amazon.nova-2-multimodal-embeddings-v1:0')}
${embeddings('titan', 'amazon.titan-embed-text-v2:0')}
${embeddings('cohere-limited', 'cohere.embed-english-v3', '\n    limit: { tokens: 10, renewal_period: hour }')}
`.replaceAll('$FAKE_URL', fakeUrl),
});

const metricsText = async () => (await fetch(`${setup.gateway.url}/metrics`)).text();

test('Cohere Embed v3: usage from the headers, summed over the calls of 96 texts; counted in /metrics', async () => {
  const input = Array.from({ length: 100 }, (_, index) => `text ${index}`);
  const answer = await setup.openai.embeddings.create({ model: 'cohere-v3', input, encoding_format: 'float' });
  expect(setup.fake.calls.filter((call) => call.modelId === 'cohere.embed-english-v3').map((call) => (call.body as { texts: string[] }).texts.length)).toEqual([96, 4]);
  expect(answer.usage).toEqual({ prompt_tokens: 300, total_tokens: 300 });
  const metrics = await metricsText();
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'cohere-v3', client: '', type: 'prompt' })).toBe(300);
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'cohere-v3', client: '', type: 'total' })).toBe(300);
});

test('Cohere Embed v4 through the MLflow route: usage from the headers', async () => {
  const response = await fetch(`${setup.gateway.url}/endpoints/cohere-v4/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: ['un café', 'a cup of tea'], dimensions: 256 }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { usage: unknown }).usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
});

test('Nova Multimodal Embeddings: one call per text, 8 at once; usage sums each call’s own header count', async () => {
  const input = Array.from({ length: 11 }, (_, index) => 'x'.repeat(index + 1));
  const answer = await setup.openai.embeddings.create({ model: 'nova', input });
  expect(answer.usage).toEqual({ prompt_tokens: 66, total_tokens: 66 });
  expect(sample(await metricsText(), 'gateway_tokens_total', { endpoint: 'nova', client: '', type: 'prompt' })).toBe(66);
});

test("Titan Embeddings: the body's inputTextTokenCount is kept", async () => {
  const answer = await setup.openai.embeddings.create({ model: 'titan', input: ['a', 'b'] });
  expect(answer.usage).toEqual({ prompt_tokens: 10, total_tokens: 10 });
});

test('a token limit counts Cohere Embed tokens: the window spent, the next request is refused', async () => {
  const first = await setup.openai.embeddings.create({ model: 'cohere-limited', input: ['a', 'b', 'c', 'd'], encoding_format: 'float' });
  expect(first.usage.total_tokens).toBe(12);
  const refused = await fetch(`${setup.gateway.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'cohere-limited', input: 'e' }) });
  expect(refused.status).toBe(429);
});
