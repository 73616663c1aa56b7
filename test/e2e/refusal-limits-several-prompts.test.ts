/**
 * Several prompts in one `/v1/completions` request, one of them refused after others were answered
 * (Bedrock's Converse refuses a blank prompt, and the ninth prompt starts only once one of the first
 * eight has its answer): the request reached the provider, so it spends its endpoint's `calls` and
 * the calling key's, though its answer is the refusal's 400. A request whose every prompt is refused
 * before anything is sent spends neither, streamed or not.
 */
import OpenAI from 'openai';
import { openaiStatusOf } from '../support/errors';
import { serveBedrockFixtures } from '../support/fixture-upstreams';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const UNLIMITED_KEY = 'gw-unlimited-5d4c3b2a1f0e9d8c7b6a';
const LIMITED_KEY = 'gw-limited-a1b2c3d4e5f60718293a';
const ROUTE_LIMITED_KEY = 'gw-route-limited-0f1e2d3c4b5a69788796';
const STREAM_LIMITED_KEY = 'gw-stream-limited-9a8b7c6d5e4f3a2b1c0d';
const ONE_CALL = 'limit: { calls: 1, renewal_period: hour }';

const completionsEndpoint = (name: string, fakeUrl: string, limit = '', model = 'us.meta.llama3-3-70b-instruct-v1:0') => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, name: ${model}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
    retries: { max_attempts: 1 }
    ${limit}`;

const setup = useGatewayWithFakeBedrock({
  serve: serveBedrockFixtures,
  config: (fakeUrl) => `
endpoints:${completionsEndpoint('llama-one-call', fakeUrl, ONE_CALL)}${completionsEndpoint('llama-stream-one-call', fakeUrl, ONE_CALL)}${completionsEndpoint('llama-stream-two-calls', fakeUrl, 'limit: { calls: 2, renewal_period: hour }')}${completionsEndpoint('llama', fakeUrl)}${completionsEndpoint('claude', fakeUrl, '', 'us.anthropic.claude-3-5-haiku-20241022-v1:0')}
routes:
  - { name: llama-then-claude, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: llama }, { name: claude }] }
auth:
  api_keys:
    - { name: unlimited, key: ${UNLIMITED_KEY} }
    - { name: limited, key: ${LIMITED_KEY}, ${ONE_CALL} }
    - { name: route-limited, key: ${ROUTE_LIMITED_KEY}, ${ONE_CALL} }
    - { name: stream-limited, key: ${STREAM_LIMITED_KEY}, ${ONE_CALL} }
`,
});

const clientWith = (key: string) => new OpenAI({ apiKey: key, baseURL: `${setup.gateway.url}/v1`, maxRetries: 0 });

/** Eight prompts answered, then a blank one Converse refuses. */
const BLANK_NINTH = [...Array.from({ length: 8 }, (_, index) => `Say ${index}`), '   '];
/** Every prompt blank: each refused before its call. */
const ALL_BLANK = [' ', '  '];

/** Whether Bedrock was sent the first prompt of BLANK_NINTH (the calls of other prompts, aborted, may arrive after the test). */
const firstPromptSent = () => setup.fake.calls.some((call) => JSON.stringify(call.body).includes('"Say 0"'));

test("a refusal of a later prompt, after earlier prompts' calls reached Bedrock, spends the endpoint's call", async () => {
  const openai = clientWith(UNLIMITED_KEY);
  // Refused before any call: the one call is given back each time.
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-one-call', prompt: ALL_BLANK }))).toBe(400);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-one-call', prompt: ALL_BLANK }))).toBe(400);

  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-one-call', prompt: BLANK_NINTH }))).toBe(400);
  expect(firstPromptSent()).toBe(true);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-one-call', prompt: 'Say hello' }))).toBe(429);
});

test("a refusal of a later prompt, after earlier prompts' calls reached Bedrock, spends the key's call", async () => {
  const openai = clientWith(LIMITED_KEY);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama', prompt: ALL_BLANK }))).toBe(400);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama', prompt: ALL_BLANK }))).toBe(400);

  expect(await openaiStatusOf(openai.completions.create({ model: 'llama', prompt: BLANK_NINTH }))).toBe(400);
  expect(firstPromptSent()).toBe(true);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama', prompt: 'Say hello' }))).toBe(429);
});

test("a route whose first destination refused before any call, and whose second was sent prompts before refusing one, spends the key's call", async () => {
  const openai = clientWith(ROUTE_LIMITED_KEY);
  // Llama takes no top_k (refused before any call); Claude takes it, and refuses the blank ninth prompt.
  const withTopK = { model: 'llama-then-claude', prompt: BLANK_NINTH, top_k: 5 } as OpenAI.CompletionCreateParamsNonStreaming;
  const refused = await openai.completions.create(withTopK).catch((error: unknown) => error);
  // The route's first refusal is its answer, though Claude was sent prompts.
  expect(refused).toMatchObject({ status: 400, param: 'top_k' });
  expect(setup.fake.calls.some((call) => call.modelId.includes('claude') && JSON.stringify(call.body).includes('"Say 0"'))).toBe(true);
  expect(await openaiStatusOf(openai.completions.create({ model: 'claude', prompt: 'Say hello' }))).toBe(429);
});

test("a stream of several prompts each refused before its call spends neither the endpoint's call nor the key's", async () => {
  const openai = clientWith(STREAM_LIMITED_KEY);
  const streamed = { model: 'llama-stream-one-call', prompt: ALL_BLANK, stream: true } as const;
  // One call a window, for the endpoint and for the key: a second request refused as the first would be a 429 had it been counted.
  expect(await openaiStatusOf(openai.completions.create(streamed))).toBe(400);
  expect(await openaiStatusOf(openai.completions.create(streamed))).toBe(400);
  expect(setup.fake.calls.filter((call) => call.operation === 'converse-stream')).toEqual([]);
});

test("a stream of several prompts refused while another prompt's call was in flight spends the endpoint's call", async () => {
  const openai = clientWith(UNLIMITED_KEY);
  // The blank prompt is refused at once, while the first prompt's call has gone to Bedrock.
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-stream-two-calls', prompt: ['Say 0', ' '], stream: true }))).toBe(400);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-stream-two-calls', prompt: ['Say 0', ' '], stream: true }))).toBe(400);
  expect(await openaiStatusOf(openai.completions.create({ model: 'llama-stream-two-calls', prompt: 'Say hello' }))).toBe(429);
});
