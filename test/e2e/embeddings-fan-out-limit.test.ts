/**
 * Embeddings that the gateway sends in several calls (Gemini: 100 texts a call, Cohere and Cohere
 * Embed on Bedrock: 96, Titan and Nova on Bedrock: one) take at most 2,048 texts per request,
 * OpenAI's own limit. Without it, one client request within the body size limit (a 10 MB body
 * holds millions of short texts) became thousands or millions of billed upstream calls, counted as
 * one request by the rate limits, with every vector kept in memory until the last call answered.
 */
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { fakeAwsConfig } from '../support/gateway-with-fake-bedrock';
import { startGateway, type RunningGateway } from '../support/gateway';

/** Gemini's batchEmbedContents and Cohere's /embed, answering one vector [n, 0.5] per text "n". */
function serveVendors(request: { url: string; body: unknown }, response: Parameters<typeof sendJson>[0]): void {
  if (request.url.includes(':batchEmbedContents')) {
    const { requests } = request.body as { requests: { content: { parts: { text: string }[] } }[] };
    return sendJson(response, 200, { embeddings: requests.map(({ content }) => ({ values: [Number(content.parts[0].text), 0.5] })) });
  }
  const { texts } = request.body as { texts: string[] };
  sendJson(response, 200, { id: 'e', texts, embeddings: texts.map((text) => [Number(text), 0.5]), meta: { billed_units: { input_tokens: texts.length } } });
}

/** Titan's and Bedrock Cohere's native answers. */
function serveBedrock(call: BedrockCall): BedrockReply {
  if (call.modelId.startsWith('amazon.')) return { json: { embedding: [Number((call.body as { inputText: string }).inputText), 1], inputTextTokenCount: 1 } };
  const { texts } = call.body as { texts: string[] };
  return { json: { id: 'e', texts, embeddings: texts.map((text) => [Number(text), 1]), response_type: 'embeddings_floats' } };
}

const config = (vendorUrl: string, bedrockUrl: string) => `
endpoints:
  - name: gemini
    endpoint_type: llm/v1/embeddings
    model: { provider: gemini, name: text-embedding-004, config: { gemini_api_key: k, gemini_api_base: "${vendorUrl}/v1beta" } }
  - name: cohere
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: k, cohere_api_base: "${vendorUrl}/v1" } }
  - name: titan
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: amazon.titan-embed-text-v2:0, config: { aws_config: ${fakeAwsConfig(bedrockUrl)} } }
  - name: nova
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: us.amazon.nova-2-multimodal-embeddings-v1:0, config: { aws_config: ${fakeAwsConfig(bedrockUrl)} } }
  - name: bedrock-cohere
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: cohere.embed-multilingual-v3, config: { aws_config: ${fakeAwsConfig(bedrockUrl)} } }
`;

let vendors: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;

beforeAll(async () => {
  vendors = await startFakeUpstream(serveVendors);
  bedrock = await startFakeBedrock(serveBedrock);
  gateway = await startGateway(config(vendors.url, bedrock.url));
});
afterAll(async () => {
  await gateway.close();
  await vendors.close();
  await bedrock.close();
});
beforeEach(() => {
  vendors.requests.length = 0;
  bedrock.calls.length = 0;
});

const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index));

async function embed(path: string, body: unknown) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test.each([
  ['gemini', 'Gemini'],
  ['cohere', 'Cohere'],
  ['titan', 'Amazon Bedrock'],
  ['nova', 'Amazon Bedrock'],
  ['bedrock-cohere', 'Amazon Bedrock'],
])('%s: 2,049 texts are a 400 naming the limit, on both route families, and nothing is sent upstream', async (name, provider) => {
  const message = `The parameter 'input' holds 2049 texts: at most 2048 per request (OpenAI's limit) for ${provider}, which the gateway embeds in several calls.`;
  const openai = await embed('/v1/embeddings', { model: name, input: numbered(2049), encoding_format: 'float' });
  expect(openai).toEqual({ status: 400, body: { error: expect.objectContaining({ message, param: 'input' }) } });
  const mlflow = await embed(`/endpoints/${name}/invocations`, { input: numbered(2049) });
  expect(mlflow).toEqual({ status: 400, body: { detail: message } });
  expect(vendors.requests).toEqual([]);
  expect(bedrock.calls).toEqual([]);
});

test.each([
  ['gemini', 21],
  ['cohere', 22],
])('%s: 2,048 texts are served, in %i calls, in input order', async (name, calls) => {
  const input = numbered(2048);
  const { status, body } = await embed('/v1/embeddings', { model: name, input, encoding_format: 'float' });
  expect(status).toBe(200);
  expect((body.data as { index: number; embedding: number[] }[]).map((item) => [item.index, item.embedding[0]])).toEqual(input.map((_, index) => [index, index]));
  expect(vendors.requests).toHaveLength(calls);
});
