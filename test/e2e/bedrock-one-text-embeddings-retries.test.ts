/**
 * Retries of the Bedrock embeddings models that take one text per InvokeModel call (Titan Text
 * Embeddings, Nova Multimodal Embeddings; 8 calls at once), end to end over HTTP against the fake
 * Bedrock: a retry sends only the texts whose call failed. Every call that succeeded (also the
 * calls still in flight when another failed, which run to their end) keeps its vector and its
 * token count for the rest of the client request, so each text is sent, billed and counted in
 * `usage` once. A FALLBACK destination still starts over (another model).
 *
 * The throttling answer is Bedrock's ThrottlingException: HTTP 429 with `x-amzn-ErrorType` and a
 * `{"message"}` body (https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html#ts-throttling-exception).
 */
import type { BedrockCall, BedrockReply } from '../support/fake-bedrock';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';
import { sample } from '../support/metrics';

const FAST_RETRIES = '{ max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }';

const endpoint = (name: string, model: string, fakeUrl: string, retries = FAST_RETRIES) => `
  - name: ${name}
    endpoint_type: llm/v1/embeddings
    model: { provider: bedrock, name: ${model}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
    retries: ${retries}`;

const TITAN = 'amazon.titan-embed-text-v2:0';
const NOVA = 'us.amazon.nova-2-multimodal-embeddings-v1:0';

type TitanBody = { inputText: string };
type NovaBody = { singleEmbeddingParams: { text: { value: string } } };

/** The text one call embeds, whichever of the two models it is for. */
const textOf = (call: BedrockCall): string => (call.modelId === TITAN ? (call.body as TitanBody).inputText : (call.body as NovaBody).singleEmbeddingParams.text.value);

/** What the fake does with a call, given its text, how many calls for that text and model it has received (this one included), and the model. */
type Plan = (text: string, timesSent: number, model: string) => BedrockReply | Promise<BedrockReply> | null;

const THROTTLED: BedrockReply = { error: { status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } };
const TITAN_TOKENS_PER_TEXT = 2;
const NOVA_TOKENS_PER_TEXT = 3;

/**
 * Titan Text Embeddings V2 (model-parameters-titan-embed-text.html: `embedding`, `inputTextTokenCount`)
 * and Nova (nova/latest/userguide/embeddings-schema.html: `embeddings[0].embedding`; its tokens in the
 * `X-Amzn-Bedrock-Input-Token-Count` header). Each vector is [the text's number, the model's marker].
 */
function answer(model: string, text: string): BedrockReply {
  if (model === TITAN) return { json: { embedding: [Number(text), 1], inputTextTokenCount: TITAN_TOKENS_PER_TEXT } };
  return {
    json: { embeddings: [{ embeddingType: 'TEXT', embedding: [Number(text), 2] }] },
    headers: { 'X-Amzn-Bedrock-Input-Token-Count': String(NOVA_TOKENS_PER_TEXT), 'X-Amzn-Bedrock-Output-Token-Count': '0' },
  };
}

function serving(plan: Plan = () => null) {
  return (call: BedrockCall): BedrockReply | Promise<BedrockReply> => {
    const text = textOf(call);
    const timesSent = setup.fake.calls.filter((sent) => sent.modelId === call.modelId && textOf(sent) === text).length;
    return plan(text, timesSent, call.modelId) ?? answer(call.modelId, text);
  };
}

const setup = useGatewayWithFakeBedrock({
  serve: serving(),
  config: (fakeUrl) => `
endpoints:
${endpoint('titan', TITAN, fakeUrl)}
${endpoint('nova', NOVA, fakeUrl)}
${endpoint('titan-two-attempts', TITAN, fakeUrl, '{ max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }')}
routes:
  - name: titan-then-nova
    task_type: llm/v1/embeddings
    routing_strategy: FALLBACK
    destinations: [{ name: titan-two-attempts }, { name: nova }]
`,
});

beforeEach(() => setup.fake.setHandler(serving()));

const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index));
/** How many calls the fake received for each text, in input order. */
const callsPerText = (texts: readonly string[], model: string) => texts.map((text) => setup.fake.calls.filter((call) => call.modelId === model && textOf(call) === text).length);
const retries = async (name: string) => sample(await (await fetch(`${setup.gateway.url}/metrics`)).text(), 'gateway_upstream_retries_total', { endpoint: name, provider: 'bedrock' }) ?? 0;
const later = (ms: number, reply: BedrockReply) => new Promise<BedrockReply>((resolve) => setTimeout(() => resolve(reply), ms));

test('Titan: the call of one text of 20 is throttled once: only that text is sent again; vectors in order; usage counts each text once', async () => {
  setup.fake.setHandler(serving((text, timesSent) => (text === '9' && timesSent === 1 ? THROTTLED : null)));
  const retriesBefore = await retries('titan');
  const input = numbered(20);
  const embeddings = await setup.openai.embeddings.create({ model: 'titan', input, encoding_format: 'float' });
  expect(callsPerText(input, TITAN)).toEqual(input.map((text) => (text === '9' ? 2 : 1)));
  expect(embeddings.data.map((item) => [item.index, ...item.embedding])).toEqual(input.map((_, index) => [index, index, 1]));
  expect(embeddings.usage).toEqual({ prompt_tokens: 20 * TITAN_TOKENS_PER_TEXT, total_tokens: 20 * TITAN_TOKENS_PER_TEXT });
  expect(await retries('titan')).toBe(retriesBefore + 1);

  // Kept within one client request only: the next request sends every text.
  setup.fake.calls.length = 0;
  setup.fake.setHandler(serving());
  await setup.openai.embeddings.create({ model: 'titan', input, encoding_format: 'float' });
  expect(callsPerText(input, TITAN)).toEqual(input.map(() => 1));
});

test("Nova: the same, and usage sums each text's header count once", async () => {
  setup.fake.setHandler(serving((text, timesSent) => (text === '13' && timesSent === 1 ? THROTTLED : null)));
  const input = numbered(20);
  const embeddings = await setup.openai.embeddings.create({ model: 'nova', input, encoding_format: 'float' });
  expect(callsPerText(input, NOVA)).toEqual(input.map((text) => (text === '13' ? 2 : 1)));
  expect(embeddings.data.map((item) => [item.index, ...item.embedding])).toEqual(input.map((_, index) => [index, index, 2]));
  expect(embeddings.usage).toEqual({ prompt_tokens: 20 * NOVA_TOKENS_PER_TEXT, total_tokens: 20 * NOVA_TOKENS_PER_TEXT });
});

test('the calls in flight when one fails run to their end and their answers are kept (not aborted, not sent again)', async () => {
  // Text 0 is refused at once, while the 7 others started with it are still being answered.
  const firstEightSlow: Plan = (text, timesSent) => {
    if (timesSent > 1 || Number(text) >= 8) return null;
    return text === '0' ? THROTTLED : later(300, answer(TITAN, text));
  };
  setup.fake.setHandler(serving(firstEightSlow));
  const input = numbered(12);
  const embeddings = await setup.openai.embeddings.create({ model: 'titan', input, encoding_format: 'float' });
  expect(callsPerText(input, TITAN)).toEqual(input.map((text) => (text === '0' ? 2 : 1)));
  const closed = await Promise.all(setup.fake.closed);
  expect(closed.every(({ complete }) => complete)).toBe(true);
  expect(embeddings.data.map((item) => item.embedding[0])).toEqual(input.map(Number));
  expect(embeddings.usage.prompt_tokens).toBe(12 * TITAN_TOKENS_PER_TEXT);
});

test("when the attempts are spent, the failure goes to the client; each other text was still sent once, the failing one once per attempt", async () => {
  setup.fake.setHandler(serving((text) => (text === '5' ? THROTTLED : null)));
  const input = numbered(20);
  const response = await fetch(`${setup.gateway.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'titan', input }) });
  expect(response.status).toBe(429);
  expect(callsPerText(input, TITAN)).toEqual(input.map((text) => (text === '5' ? 3 : 1)));
});

test("FALLBACK: the next destination starts over with every text (its vectors are another model's)", async () => {
  setup.fake.setHandler(serving((text, _timesSent, model) => (model === TITAN && text === '3' ? THROTTLED : null)));
  const input = numbered(10);
  const { data, response } = await setup.openai.embeddings.create({ model: 'titan-then-nova', input, encoding_format: 'float' }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('nova');
  expect(callsPerText(input, TITAN)).toEqual(input.map((text) => (text === '3' ? 2 : 1)));
  expect(callsPerText(input, NOVA)).toEqual(input.map(() => 1));
  expect(data.data.map((item) => [item.index, ...item.embedding])).toEqual(input.map((_, index) => [index, index, 2]));
  expect(data.usage).toEqual({ prompt_tokens: 10 * NOVA_TOKENS_PER_TEXT, total_tokens: 10 * NOVA_TOKENS_PER_TEXT });
});
