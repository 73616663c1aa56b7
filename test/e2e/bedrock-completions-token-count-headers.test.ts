/**
 * Token counts of native Bedrock completions whose answer body has none (AI21 Jurassic-2, Cohere
 * Command): the gateway reads Bedrock's `X-Amzn-Bedrock-Input-Token-Count` /
 * `X-Amzn-Bedrock-Output-Token-Count` response headers into `usage`, so /metrics counts them. Bodies
 * that count tokens (Titan Text) keep their counts; streams count from the last chunk's
 * `amazon-bedrock-invocationMetrics`.
 */
import { chunkEvent, type BedrockCall, type BedrockReply } from '../support/fake-bedrock';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { sample } from '../support/metrics';

const AWS = `{ aws_config: { aws_region: eu-west-3, aws_endpoint_url: "$FAKE_URL", aws_access_key_id: AKIACOMPLETIONCOUNTS, aws_secret_access_key: completion-counts-secret } }`;
const completions = (name: string, model: string) => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: ${model}, config: ${AWS} }`;

/** The headers Bedrock sends beside an InvokeModel answer. */
const countHeaders = (input: number, output: number) => ({
  'X-Amzn-Bedrock-Input-Token-Count': String(input),
  'X-Amzn-Bedrock-Output-Token-Count': String(output),
  'X-Amzn-Bedrock-Invocation-Latency': '212',
});

function serve(call: BedrockCall): BedrockReply {
  if (call.operation === 'invoke-with-response-stream') {
    return { events: readJsonFixture<{ body: unknown }[]>('bedrock', 'cohere-command.events.json').map(({ body }) => chunkEvent(body)) };
  }
  // Jurassic-2 and Cohere Command answers (fixtures from AWS's model-parameters pages) count no tokens.
  if (call.modelId.startsWith('ai21.j2')) return { json: readJsonFixture('bedrock', 'ai21-jurassic.response.json'), headers: countHeaders(5, 13) };
  if (call.modelId.startsWith('cohere.')) return { json: readJsonFixture('bedrock', 'cohere-command.response.json'), headers: countHeaders(5, 11) };
  // Titan Text's body counts 9 + 14, which the headers (as if they disagreed) must not replace.
  return { json: readJsonFixture('bedrock', 'titan-text.response.json'), headers: countHeaders(99, 99) };
}

const setup = useGatewayWithFakeBedrock({
  serve,
  config: (fakeUrl) => `
endpoints:
${completions('jurassic', 'ai21.j2-ultra-v1')}
${completions('cohere', 'cohere.command-text-v14')}
${completions('cohere-streamed', 'cohere.command-light-text-v14')}
${completions('titan', 'amazon.titan-text-express-v1')}
`.replaceAll('$FAKE_URL', fakeUrl),
});

const metricsText = async () => (await fetch(`${setup.gateway.url}/metrics`)).text();
const tokens = (metrics: string, endpoint: string, type: string) => sample(metrics, 'gateway_tokens_total', { endpoint, client: '', type });

test('AI21 Jurassic-2 on /v1/completions: usage from the headers, counted in /metrics', async () => {
  const answer = await setup.openai.completions.create({ model: 'jurassic', prompt: 'Offer me a drink:', n: 2 });
  expect(answer.choices.map((choice) => choice.text)).toEqual([' How about a café au lait?', ' A glass of cold']);
  expect(answer.usage).toEqual({ prompt_tokens: 5, completion_tokens: 13, total_tokens: 18 });
  const metrics = await metricsText();
  expect([tokens(metrics, 'jurassic', 'prompt'), tokens(metrics, 'jurassic', 'completion'), tokens(metrics, 'jurassic', 'total')]).toEqual([5, 13, 18]);
});

test('Cohere Command through the MLflow route: usage from the headers', async () => {
  const response = await fetch(`${setup.gateway.url}/endpoints/cohere/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'Offer me a drink:', n: 2 }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { usage: unknown }).usage).toEqual({ prompt_tokens: 5, completion_tokens: 11, total_tokens: 16 });
  expect(tokens(await metricsText(), 'cohere', 'total')).toBe(16);
});

test('Cohere Command streamed: usage from the invocation metrics of the last chunk, counted in /metrics', async () => {
  const stream = await setup.openai.completions.create({ model: 'cohere-streamed', prompt: 'Offer me a drink:', stream: true, stream_options: { include_usage: true } });
  const usages = [];
  for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage);
  expect(usages).toEqual([{ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 }]);
  expect(tokens(await metricsText(), 'cohere-streamed', 'total')).toBe(11);
});

test("Titan Text: the body's counts are kept over the headers'", async () => {
  const answer = await setup.openai.completions.create({ model: 'titan', prompt: 'Hi' });
  expect(answer.usage).toEqual({ prompt_tokens: 9, completion_tokens: 14, total_tokens: 23 });
});
