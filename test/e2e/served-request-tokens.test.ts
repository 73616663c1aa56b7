/**
 * Token limits on a call of several upstream requests that fails at a later one: the requests the
 * provider answered before it were served (and billed), so their usage counts (their texts'
 * estimate when they report none), each once, also across retries; the audit line shows it. Before,
 * the refusal of the later request left the call counting nothing. Embeddings sent in batches
 * (Cohere: 96 texts per call, with usage; Gemini: 100, without), Titan's and Nova's one text per call on
 * Amazon Bedrock (in parallel, through the real AWS SDK), and a paused Anthropic turn whose
 * continuation fails. Fake vendors on 127.0.0.1; the official OpenAI client.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { startFakeBedrock, type BedrockCall, type BedrockReply, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';
import { failedThenRefused, tokensUsed } from '../support/token-limit-failures';

const OVERLOADED = { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } };
const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index));

/** Cohere's embed (https://docs.cohere.com/v1/reference/embed): its 2nd and 4th calls refused, the others billed one token per text. */
function cohere(request: RecordedRequest, response: ServerResponse): void {
  const texts = (request.body as { texts: string[] }).texts;
  if (cohereUpstream.requests.length % 2 === 0) return sendJson(response, 503, { message: 'Service unavailable.' });
  sendJson(response, 200, { id: 'embed', texts, embeddings: texts.map((text) => [Number(text)]), meta: { billed_units: { input_tokens: texts.length } } });
}

/** Gemini's batchEmbedContents (https://ai.google.dev/api/embeddings): the first batch answered (no usage: Gemini reports none), the next refused. */
function gemini(request: RecordedRequest, response: ServerResponse): void {
  if (geminiUpstream.requests.length > 1) return sendJson(response, 503, OVERLOADED);
  const requests = (request.body as { requests: unknown[] }).requests;
  sendJson(response, 200, { embeddings: requests.map(() => ({ values: [0.5] })) });
}

/** Anthropic: the turn paused (test/fixtures/anthropic), its continuation overloaded (529). */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const { messages } = request.body as { messages: { role: string }[] };
  if (messages[messages.length - 1].role === 'assistant') sendJson(response, 529, readJsonFixture('anthropic', 'error-529.json'));
  else sendJson(response, 200, readJsonFixture('anthropic', 'chat-web-search-pause-turn.response.json'));
}

/** Titan Text Embeddings V2 (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html): "refused" gets a 503, the others 7 input tokens. */
function titan(call: BedrockCall): BedrockReply {
  if (call.modelId.startsWith('amazon.nova')) return nova(call);
  const { inputText } = call.body as { inputText: string };
  if (inputText === 'refused') return { error: { status: 503, type: 'ServiceUnavailableException', message: 'Service unavailable.' } };
  return { json: { embedding: [0.25], inputTextTokenCount: 7 } };
}

/**
 * Amazon Nova Multimodal Embeddings (https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html):
 * "held" never answered, the others 3 input tokens (its X-Amzn-Bedrock-Input-Token-Count header).
 */
function nova(call: BedrockCall): BedrockReply {
  const { singleEmbeddingParams } = call.body as { singleEmbeddingParams: { text: { value: string } } };
  if (singleEmbeddingParams.text.value === 'held') return { respond: () => undefined };
  return { json: { embeddings: [{ embeddingType: 'TEXT', embedding: [0.25] }] }, headers: { 'X-Amzn-Bedrock-Input-Token-Count': '3' } };
}

/** Cohere again: its first call answered (one token per text), the next one held unanswered until the gateway's first_byte timeout. */
function cohereHeld(request: RecordedRequest, response: ServerResponse): void {
  if (heldUpstream.requests.length > 1) return;
  const texts = (request.body as { texts: string[] }).texts;
  sendJson(response, 200, { id: 'embed', texts, embeddings: texts.map((text) => [Number(text)]), meta: { billed_units: { input_tokens: texts.length } } });
}

/**
 * first_byte of cohere-held and nova, each of whose calls has an upstream request held past it (the
 * first_byte timeout the test checks) and others that must be answered within it. 0.5 s could be
 * passed on a loaded machine: Titan's request (the file's first through the AWS SDK, three calls at
 * once) took 110 ms here idle, 610 ms beside four other test runs and a CPU hog. The others have the default.
 */
const HELD_AND_ANSWERED_S = 2;

let cohereUpstream: FakeUpstream;
let heldUpstream: FakeUpstream;
let geminiUpstream: FakeUpstream;
let anthropicUpstream: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  cohereUpstream = await startFakeUpstream(cohere);
  heldUpstream = await startFakeUpstream(cohereHeld);
  geminiUpstream = await startFakeUpstream(gemini);
  anthropicUpstream = await startFakeUpstream(anthropic);
  bedrock = await startFakeBedrock(titan);
  const limited = (name: string, type: string, model: string, tokens: number, attempts = 1) =>
    `  - { name: ${name}, endpoint_type: ${type}, model: ${model}, limit: { renewal_period: minute, tokens: ${tokens} }, retries: { max_attempts: ${attempts}, initial_backoff: 0.01 } }\n`;
  const aws = `aws_region: us-east-1, aws_access_key_id: AKIASERVEDEXAMPLE, aws_secret_access_key: served-secret, aws_endpoint_url: "${bedrock.url}"`;
  const config =
    'endpoints:\n' +
    limited('cohere', 'llm/v1/embeddings', `{ provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: co-test, cohere_api_base: "${cohereUpstream.url}/v1" } }`, 100, 2) +
    `  - { name: cohere-held, endpoint_type: llm/v1/embeddings, limit: { renewal_period: minute, tokens: 100 }, timeouts: { first_byte: ${HELD_AND_ANSWERED_S} }, retries: { max_attempts: 1 }, ` +
    `model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: co-test, cohere_api_base: "${heldUpstream.url}/v1" } } }\n` +
    limited('gemini', 'llm/v1/embeddings', `{ provider: gemini, name: gemini-embedding-001, config: { gemini_api_key: AIzaSyTEST, gemini_api_base: "${geminiUpstream.url}/v1beta" } }`, 50) +
    limited('titan', 'llm/v1/embeddings', `{ provider: bedrock, name: amazon.titan-embed-text-v2:0, config: { aws_config: { ${aws} } } }`, 10) +
    `  - { name: nova, endpoint_type: llm/v1/embeddings, limit: { renewal_period: minute, tokens: 8 }, timeouts: { first_byte: ${HELD_AND_ANSWERED_S} }, retries: { max_attempts: 1 }, model: { provider: bedrock, name: amazon.nova-2-multimodal-embeddings-v1:0, config: { aws_config: { ${aws} } } } }\n` +
    limited('claude', 'llm/v1/chat', `{ provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${anthropicUpstream.url}/v1" } }`, 4000);
  gateway = await startGateway(config, { logger });
  client = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([cohereUpstream.close(), heldUpstream.close(), geminiUpstream.close(), anthropicUpstream.close(), bedrock.close()]);
});


test("Cohere, 250 texts with a retry: each attempt's answered batch (96 tokens) counts once, though the call fails", async () => {
  const result = await failedThenRefused(lines, 'cohere', () => client.embeddings.create({ model: 'cohere', input: numbered(250), encoding_format: 'float' }));
  // Batch 1 answered, batch 2 refused; the retry resumes at batch 2 (answered), batch 3 refused.
  expect(cohereUpstream.requests.map((request) => (request.body as { texts: string[] }).texts[0])).toEqual(['0', '96', '96', '192']);
  expect(result.status).toBe(502);
  expect(result.line).toMatchObject({ retries: 1, prompt_tokens: 192, completion_tokens: 0, total_tokens: 192 });
  // Reported usage alone: nothing estimated.
  expect(result.line).not.toHaveProperty('tokens_estimated');
  expect(result.next).toMatch(tokensUsed('cohere', 100, 192));
});

test("Cohere, 192 texts whose 2nd batch timed out once sent: the answered batch's usage (96) and the sent batch's estimate (142), the answered texts not estimated again", async () => {
  const result = await failedThenRefused(lines, 'cohere-held', () => client.embeddings.create({ model: 'cohere-held', input: numbered(192), encoding_format: 'float' }));
  expect(heldUpstream.requests).toHaveLength(2);
  expect(result.status).toBe(504);
  // '96' to '99' a token each, '100' to '191' one and a half: 142, and the request's other strings (2).
  // Before, the whole request's estimate (235) was added to the answered batch's usage, its 96 texts counted twice.
  expect(result.line).toMatchObject({ prompt_tokens: 96 + 142 + 2, completion_tokens: 0, total_tokens: 96 + 142 + 2, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('cohere-held', 100, 96 + 142 + 2));
});

test("Gemini, 150 texts: the answered batch of 100 counts its texts' estimate (95 tokens: a digit is half a token), Gemini reporting no usage", async () => {
  const result = await failedThenRefused(lines, 'gemini', () => client.embeddings.create({ model: 'gemini', input: numbered(150), encoding_format: 'float' }));
  expect(result.line).toMatchObject({ prompt_tokens: 95, total_tokens: 95, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('gemini', 50, 95));
});

test('Titan on Bedrock, one text per call in parallel: the two answered texts count their 7 tokens each, the refused one nothing', async () => {
  const result = await failedThenRefused(lines, 'titan', () => client.embeddings.create({ model: 'titan', input: ['first', 'refused', 'second'], encoding_format: 'float' }));
  expect(result.line).toMatchObject({ prompt_tokens: 14, total_tokens: 14 });
  expect(result.line).not.toHaveProperty('tokens_estimated');
  expect(result.next).toMatch(tokensUsed('titan', 10, 14));
});

test("Nova on Bedrock, one text per call, one held past first_byte: the answered texts' usage (3 each) and the held text's estimate; the answered calls' own fields take nothing off it", async () => {
  const input = ['abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz', 'held'];
  const result = await failedThenRefused(lines, 'nova', () => client.embeddings.create({ model: 'nova', input, encoding_format: 'float' }));
  expect(result.status).toBe(504);
  // Left of the request once the answered texts are taken off: 'held' and 'float', 18 eighths, 3 tokens (before, each answered call's taskType, purpose and truncation mode were taken off too, leaving none).
  expect(result.line).toMatchObject({ prompt_tokens: 3 + 3 + 3, total_tokens: 9, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('nova', 8, 9));
});

test("Anthropic: a paused turn whose continuation is refused counts the paused call's usage (4210 + 112)", async () => {
  const result = await failedThenRefused(lines, 'claude', () => client.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'Quels cafés ont ouvert ?' }], web_search_options: {} }));
  expect(anthropicUpstream.requests).toHaveLength(2);
  expect(result.line).toMatchObject({ prompt_tokens: 4210, completion_tokens: 112, total_tokens: 4322 });
  expect(result.line).not.toHaveProperty('tokens_estimated');
  expect(result.next).toMatch(tokensUsed('claude', 4000, 4322));
});
