/**
 * A destination the gateway refuses before sending it anything (a parameter its translation refuses,
 * here Gemini's `web_search_options.user_location`; or a 501, here Cohere tools on a base without
 * `/v1`) spends nothing of its endpoint's `calls`: a FALLBACK route moves past it as often as it
 * likes and it still serves, up to its limit, the requests it can take. Nor does a request every
 * destination refused spend anything of the calling key's own limit; one that reached a provider does.
 */
import OpenAI from 'openai';
import { openaiStatusOf } from '../support/errors';
import { sendJson } from '../support/fake-upstream';
import { serveGeminiFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

const UNLIMITED_KEY = 'gw-unlimited-0a1b2c3d4e5f6a7b8c9d';
const LIMITED_KEY = 'gw-limited-9f8e7d6c5b4a39281706';

const setup = useGatewayWithUpstreams({
  upstreams: {
    gemini: serveGeminiFixtures('no-completions-model'),
    // Behind a proxy path: v1 chat at /cohere/chat.
    cohere: (_request, response) => sendJson(response, 200, readJsonFixture('cohere', 'chat.response.json')),
    healthy: serveOpenAIFixtures,
    // OpenAI's documented 503 (https://platform.openai.com/docs/guides/error-codes).
    overloaded: (_request, response) => sendJson(response, 503, { error: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', param: null, code: null } }),
  },
  config: (urls) => {
    const oneCall = 'limit: { calls: 1, renewal_period: hour }';
    const gemini = (name: string, limit = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: gemini-limits-key, gemini_api_base: "${urls.gemini}/v1beta" } }
    ${limit}`;
    // A base without /v1 (a proxy path): tool requests get a 501, others go to Cohere's v1 chat.
    const cohere = (name: string, limit = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-limits-key, cohere_api_base: "${urls.cohere}/cohere" } }
    ${limit}`;
    const openai = (name: string, base: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-limits, openai_api_base: "${base}/v1" } }`;
    const fallback = (name: string, destinations: string[]) =>
      `\n  - { name: ${name}, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [${destinations.map((destination) => `{ name: ${destination} }`).join(', ')}] }`;
    return `
defaults: { retries: { max_attempts: 1 } }
endpoints:${gemini('gemini-one-call', oneCall)}${gemini('gemini-alone', oneCall)}${cohere('cohere-one-call', oneCall)}${gemini('gemini')}${cohere('cohere')}${openai('healthy', urls.healthy)}${openai('overloaded', urls.overloaded)}
routes:${fallback('gemini-then-healthy', ['gemini-one-call', 'healthy'])}${fallback('cohere-then-healthy', ['cohere-one-call', 'healthy'])}${fallback('refused-everywhere', ['gemini', 'cohere'])}${fallback('overloaded-then-gemini', ['overloaded', 'gemini'])}
auth:
  api_keys:
    - { name: unlimited, key: ${UNLIMITED_KEY} }
    - { name: limited, key: ${LIMITED_KEY}, ${oneCall} }
`;
  },
});

/** A chat asking for a search near the user: OpenAI takes the location, Gemini's translation refuses it. */
const LOCATED_SEARCH = {
  messages: [{ role: 'user' as const, content: 'Any good cafés open now?' }],
  web_search_options: { user_location: { type: 'approximate' as const, approximate: { city: 'Lyon', country: 'FR' } } },
};
const TOOLS = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
const WEATHER_WITH_TOOLS = { messages: [{ role: 'user' as const, content: 'Weather in Lyon?' }], tools: TOOLS };
const PLAIN = { messages: [{ role: 'user' as const, content: 'Hello' }] };
const FIXTURE_TEXT = readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json').choices[0].message.content;

const clientWith = (key: string) => new OpenAI({ apiKey: key, baseURL: `${setup.gateway.url}/v1`, maxRetries: 0 });

/** POSTs `body` to the MLflow route of `name` with `key`; its status and `x-gateway-endpoint`. */
async function invoke(name: string, body: unknown, key = UNLIMITED_KEY): Promise<{ status: number; endpoint: string | null; body: unknown }> {
  const response = await fetch(`${setup.gateway.url}/gateway/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint'), body: await response.json() };
}

const { upstreams } = setup;

test('a destination with calls: 1 that refuses a parameter is moved past again and again, and still serves the one call it can take', async () => {
  const openai = clientWith(UNLIMITED_KEY);
  for (let round = 0; round < 3; round += 1) {
    const { data, response } = await openai.chat.completions.create({ model: 'gemini-then-healthy', ...LOCATED_SEARCH }).withResponse();
    expect([response.headers.get('x-gateway-endpoint'), data.choices[0].message.content]).toEqual(['healthy', FIXTURE_TEXT]);
    const stream = await openai.chat.completions.create({ model: 'gemini-then-healthy', ...LOCATED_SEARCH, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toContain('café');
    expect(await invoke('gemini-then-healthy', LOCATED_SEARCH)).toMatchObject({ status: 200, endpoint: 'healthy' });
  }
  expect(upstreams.gemini.requests).toHaveLength(0);
  expect(upstreams.healthy.requests).toHaveLength(9);

  // Nine refusals later, Gemini's one call is still there for a request it can take.
  expect(await invoke('gemini-then-healthy', PLAIN)).toMatchObject({ status: 200, endpoint: 'gemini-one-call' });
  expect(upstreams.gemini.requests).toHaveLength(1);
  // That one counted: the next goes past Gemini's own 429, and Gemini called alone answers it.
  expect(await invoke('gemini-then-healthy', PLAIN)).toMatchObject({ status: 200, endpoint: 'healthy' });
  expect(await invoke('gemini-one-call', PLAIN)).toEqual({ status: 429, endpoint: 'gemini-one-call', body: { detail: "Rate limit exceeded: 1 per 1 hour for endpoint 'gemini-one-call'." } });
  expect(upstreams.gemini.requests).toHaveLength(1);
});

test('a destination with calls: 1 that cannot serve the operation (a 501) is moved past without spending its call', async () => {
  const openai = clientWith(UNLIMITED_KEY);
  for (let round = 0; round < 3; round += 1) {
    const { data, response } = await openai.chat.completions.create({ model: 'cohere-then-healthy', ...WEATHER_WITH_TOOLS }).withResponse();
    expect([response.headers.get('x-gateway-endpoint'), data.choices[0].finish_reason]).toEqual(['healthy', 'tool_calls']);
  }
  expect(upstreams.cohere.requests).toHaveLength(0);
  expect(await invoke('cohere-then-healthy', PLAIN)).toMatchObject({ status: 200, endpoint: 'cohere-one-call' });
  expect(upstreams.cohere.requests.map((request) => request.url)).toEqual(['/cohere/chat']);
  expect(await invoke('cohere-one-call', PLAIN)).toMatchObject({ status: 429, endpoint: 'cohere-one-call' });
});

test('an endpoint called alone answers its refusals (400) with calls: 1 left for the request it can take', async () => {
  const openai = clientWith(UNLIMITED_KEY);
  for (let round = 0; round < 3; round += 1) {
    expect(await openaiStatusOf(openai.chat.completions.create({ model: 'gemini-alone', ...LOCATED_SEARCH }))).toBe(400);
    expect(await openaiStatusOf(openai.chat.completions.create({ model: 'gemini-alone', ...LOCATED_SEARCH, stream: true }))).toBe(400);
  }
  expect(await openaiStatusOf(openai.chat.completions.create({ model: 'gemini-alone', ...PLAIN }))).toBe(200);
  expect(await openaiStatusOf(openai.chat.completions.create({ model: 'gemini-alone', ...PLAIN }))).toBe(429);
});

test("a request every destination refused spends nothing of the key's limit; one that reached a provider spends it, even when it failed", async () => {
  const openai = clientWith(LIMITED_KEY);
  const refusedEverywhere = { ...LOCATED_SEARCH, tools: TOOLS };
  for (let round = 0; round < 3; round += 1) {
    expect(await openaiStatusOf(openai.chat.completions.create({ model: 'refused-everywhere', ...refusedEverywhere }))).toBe(400);
    expect(await invoke('refused-everywhere', refusedEverywhere, LIMITED_KEY)).toMatchObject({ status: 400, endpoint: 'gemini' });
  }
  expect([upstreams.gemini.requests.length, upstreams.cohere.requests.length]).toEqual([0, 0]);

  // The overloaded destination was sent the request: its 502 is the answer, and the key's one call is spent.
  expect(await invoke('overloaded-then-gemini', LOCATED_SEARCH, LIMITED_KEY)).toMatchObject({ status: 502, endpoint: 'overloaded' });
  expect(upstreams.overloaded.requests).toHaveLength(1);
  const refused = await invoke('refused-everywhere', refusedEverywhere, LIMITED_KEY);
  expect(refused).toEqual({ status: 429, endpoint: null, body: { detail: "Rate limit exceeded: 1 per 1 hour for client key 'limited'." } });
});
