/**
 * A FALLBACK route past a destination whose provider cannot take the request as it is: Gemini's
 * translation refuses `web_search_options.user_location` (its Google Search takes no location) and
 * completions' `suffix`, Mistral's refuses `web_search_options`, each a 400 the gateway raises before
 * calling the vendor. The route moves on to the next destination; a real failure of an earlier one
 * stays the answer; when every destination refused, the first one's refusal is. A vendor's own 400
 * still ends the route at once. Through the official openai client, the MLflow routes, streams and
 * several prompts per `/v1/completions`.
 */
import OpenAI from 'openai';
import type { ServerResponse } from 'node:http';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';
import { sample } from '../support/metrics';

/** OpenAI answering chat (a stream when asked) and completions (one prompt a call: a server behind openai_api_base) from the fixtures. */
function serveOpenAI(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.endsWith('/completions') && !request.url.endsWith('/chat/completions')) return sendJson(response, 200, readJsonFixture('openai', 'completions.response.json'));
  if ((request.body as { stream?: boolean }).stream === true) return sendStream(response, readFixture('openai', 'chat.stream.sse'));
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

// OpenAI's documented 503 (https://platform.openai.com/docs/guides/error-codes).
const OVERLOADED = { error: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', param: null, code: null } };

const { lines, logger } = captureLog('info');

const setup = useGatewayWithUpstreams({
  upstreams: {
    healthy: serveOpenAI,
    overloaded: (_request, response) => sendJson(response, 503, OVERLOADED),
    rejecting: (_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')),
    silent: () => undefined,
    // Never called in these tests: the gateway refuses before sending.
    gemini: (_request, response) => sendJson(response, 200, readJsonFixture('gemini', 'chat.response.json')),
    mistral: (_request, response) => sendJson(response, 200, readJsonFixture('openai', 'chat.response.json')),
    // Never called: a Cohere base without /v1 gives tool requests no v2 URL (a 501 before sending).
    cohere: (_request, response) => sendJson(response, 200, readJsonFixture('cohere', 'chat-v2-tool-calls.response.json')),
  },
  config: (urls) => {
    const openaiEndpoint = (name: string, base: string, type = 'chat', extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/${type}
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-refusals, openai_api_base: "${base}/v1" } }${extra}`;
    const gemini = (name: string, type: string) => `
  - name: ${name}
    endpoint_type: llm/v1/${type}
    model: { provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: gemini-refusals-key, gemini_api_base: "${urls.gemini}/v1beta" } }`;
    const fallback = (name: string, type: string, destinations: string[]) =>
      `\n  - { name: ${name}, task_type: llm/v1/${type}, routing_strategy: FALLBACK, destinations: [${destinations.map((destination) => `{ name: ${destination} }`).join(', ')}] }`;
    return `
defaults: { retries: { max_attempts: 1 } }
endpoints:${openaiEndpoint('healthy', urls.healthy)}${openaiEndpoint('overloaded', urls.overloaded)}${openaiEndpoint('rejecting', urls.rejecting)}${gemini('gemini', 'chat')}${openaiEndpoint('slow', urls.silent, 'chat', '\n    timeouts: { first_byte: 0.2 }')}
  - name: mistral
    endpoint_type: llm/v1/chat
    model: { provider: mistral, name: mistral-large-latest, config: { mistral_api_key: mistral-refusals-key, mistral_api_base: "${urls.mistral}/v1" } }
  - name: cohere-proxied
    endpoint_type: llm/v1/chat
    model: { provider: cohere, name: command-a-03-2025, config: { cohere_api_key: co-refusals-key, cohere_api_base: "${urls.cohere}/cohere" } }
${openaiEndpoint('healthy-completions', urls.healthy, 'completions')}${openaiEndpoint('overloaded-completions', urls.overloaded, 'completions')}${gemini('gemini-completions', 'completions')}
routes:${fallback('overloaded-then-gemini', 'chat', ['overloaded', 'gemini'])}${fallback('slow-then-gemini', 'chat', ['slow', 'gemini'])}${fallback('slow-then-cohere-proxied', 'chat', ['slow', 'cohere-proxied'])}${fallback('gemini-then-healthy', 'chat', ['gemini', 'healthy'])}${fallback('refused-everywhere', 'chat', ['gemini', 'mistral'])}${fallback('rejecting-then-healthy', 'chat', ['rejecting', 'healthy'])}${fallback('completions-refused-then-healthy', 'completions', ['gemini-completions', 'healthy-completions'])}${fallback('completions-overloaded-then-refused', 'completions', ['overloaded-completions', 'gemini-completions'])}
  - { name: split-of-fallback, task_type: llm/v1/chat, destinations: [{ name: gemini-then-healthy, traffic_percentage: 100 }] }
  - { name: split-to-gemini, task_type: llm/v1/chat, destinations: [{ name: gemini, traffic_percentage: 100 }] }
`;
  },
  logger,
});
const { upstreams } = setup;

/** A chat asking for a search near the user: OpenAI takes the location, Gemini's translation refuses it. */
const LOCATED_SEARCH = {
  messages: [{ role: 'user' as const, content: 'Any good cafés open now?' }],
  web_search_options: { user_location: { type: 'approximate' as const, approximate: { city: 'Lyon', country: 'FR' } } },
};
const GEMINI_REFUSAL = "The parameter 'web_search_options.user_location' cannot be honoured by Gemini: its Google Search takes no location.";
const FIXTURE_TEXT = readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json').choices[0].message.content;

let requestCount = 0;

/** POSTs `body` to the MLflow route of `name`; its status, `x-gateway-endpoint`, body and audit line. */
async function invoke(name: string, body: unknown = LOCATED_SEARCH): Promise<{ status: number; endpoint: string | null; body: unknown; line: LogLine }> {
  const requestId = `fallback-refusals-${(requestCount += 1)}`;
  const response = await fetch(`${setup.gateway.url}/gateway/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const line = await waitForLogLine(lines, (candidate) => candidate.request_id === requestId && candidate.msg === 'request');
  return { status: response.status, endpoint: response.headers.get('x-gateway-endpoint'), body: response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text, line };
}

/** The error the openai client throws for `call`. */
async function failureOf(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await call.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as InstanceType<typeof OpenAI.APIError>;
}

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  return sample(await (await fetch(`${setup.gateway.url}/metrics`)).text(), name, labels) ?? 0;
}

const requestsTo = (vendor: 'gemini' | 'mistral' | 'healthy') => upstreams[vendor].requests.length;

test("a 5xx, then a destination that refuses a parameter: the client gets the 5xx's 502, which it may retry, not the refusal", async () => {
  const answer = await invoke('overloaded-then-gemini');
  expect([answer.status, answer.endpoint]).toEqual([502, 'overloaded']);
  expect((answer.body as { detail: string }).detail).toContain('The engine is currently overloaded');
  expect(answer.line.attempts).toEqual([
    { endpoint: 'overloaded', status: 502, code: 'upstream_error' },
    { endpoint: 'gemini', status: 400, code: 'invalid_value' },
  ]);

  const chat = await failureOf(setup.openai.chat.completions.create({ model: 'overloaded-then-gemini', ...LOCATED_SEARCH }));
  expect([chat.status, chat.headers?.get('x-gateway-endpoint')]).toEqual([502, 'overloaded']);
  expect(chat.headers?.get('x-should-retry')).toBeNull();
  const stream = await failureOf(setup.openai.chat.completions.create({ model: 'overloaded-then-gemini', ...LOCATED_SEARCH, stream: true }));
  expect(stream.status).toBe(502);
  expect(requestsTo('gemini')).toBe(0);
});

test("a stream sent to a destination that went silent, then refused by the next: the line keeps the first one's estimate of the tokens it may have billed", async () => {
  const answer = await invoke('slow-then-gemini', { ...LOCATED_SEARCH, stream: true });
  expect([answer.status, answer.endpoint]).toEqual([504, 'slow']);
  expect(answer.line).toMatchObject({ endpoint: 'slow', status: 504, tokens_estimated: true, completion_tokens: 0 });
  expect(answer.line.prompt_tokens).toBeGreaterThan(0);
  expect(answer.line.attempts).toEqual([
    { endpoint: 'slow', status: 504, code: 'upstream_timeout' },
    { endpoint: 'gemini', status: 400, code: 'invalid_value' },
  ]);
});

test("a stream sent to a destination that went silent, then a 501 from the next (Cohere tools without a v2 URL): the line keeps the first one's estimate", async () => {
  const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
  const answer = await invoke('slow-then-cohere-proxied', { messages: [{ role: 'user', content: 'Weather in Lyon?' }], tools, stream: true });
  expect([answer.status, answer.endpoint]).toEqual([504, 'slow']);
  expect(answer.line).toMatchObject({ endpoint: 'slow', status: 504, tokens_estimated: true, completion_tokens: 0 });
  expect(answer.line.prompt_tokens).toBeGreaterThan(0);
  expect(answer.line.attempts).toEqual([
    { endpoint: 'slow', status: 504, code: 'upstream_timeout' },
    { endpoint: 'cohere-proxied', status: 501, code: 'not_supported' },
  ]);
  expect(upstreams.cohere.requests).toHaveLength(0);
});

test('a destination that refuses a parameter is moved past: the next one answers, stream and non-stream', async () => {
  const fallbacks = () => metric('gateway_route_fallbacks_total', { route: 'gemini-then-healthy', from: 'gemini', to: 'healthy' });
  const before = await fallbacks();
  const { data, response } = await setup.openai.chat.completions.create({ model: 'gemini-then-healthy', ...LOCATED_SEARCH }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('healthy');
  expect(data.choices[0].message.content).toBe(FIXTURE_TEXT);
  const stream = await setup.openai.chat.completions.create({ model: 'gemini-then-healthy', ...LOCATED_SEARCH, stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  expect(text).toContain('café');
  // The client's location reached the destination that takes it.
  expect(upstreams.healthy.requests.map((request) => (request.body as typeof LOCATED_SEARCH).web_search_options)).toEqual([LOCATED_SEARCH.web_search_options, LOCATED_SEARCH.web_search_options]);

  const answer = await invoke('gemini-then-healthy');
  expect([answer.status, answer.endpoint]).toEqual([200, 'healthy']);
  expect(answer.line.attempts).toEqual([
    { endpoint: 'gemini', status: 400, code: 'invalid_value' },
    { endpoint: 'healthy', status: 200 },
  ]);
  // A move past it each time; never an upstream error: Gemini was not called.
  expect((await fallbacks()) - before).toBe(3);
  expect(await metric('gateway_upstream_errors_total', { endpoint: 'gemini', provider: 'gemini', code: 'invalid_value', status: '400' })).toBe(0);
  expect(requestsTo('gemini')).toBe(0);
  const noted = await waitForLogLine(lines, (line) => line.request_id === answer.line.request_id && line.endpoint === 'gemini' && line.msg !== 'request');
  expect(noted).toMatchObject({ msg: 'endpoint cannot take the request; falling back to the next destination', level: 30, status: 400, code: 'invalid_value', message: GEMINI_REFUSAL });
});

test("when every destination refuses a parameter, the client gets the first destination's refusal, naming the field", async () => {
  const error = await failureOf(setup.openai.chat.completions.create({ model: 'refused-everywhere', ...LOCATED_SEARCH }));
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error.headers?.get('x-gateway-endpoint')).toBe('gemini');
  expect(error.error).toEqual({ message: GEMINI_REFUSAL, type: 'invalid_request_error', param: 'web_search_options.user_location', code: 'invalid_value' });

  const answer = await invoke('refused-everywhere', { ...LOCATED_SEARCH, stream: true });
  expect([answer.status, answer.endpoint, answer.body]).toEqual([400, 'gemini', { detail: GEMINI_REFUSAL }]);
  expect(answer.line).toMatchObject({ endpoint: 'gemini', status: 400, error: { code: 'invalid_value', message: GEMINI_REFUSAL } });
  expect(answer.line.attempts).toEqual([
    { endpoint: 'gemini', status: 400, code: 'invalid_value' },
    { endpoint: 'mistral', status: 400, code: 'invalid_value' },
  ]);
  expect([requestsTo('gemini'), requestsTo('mistral')]).toEqual([0, 0]);
});

test("a vendor's own 400 ends the route at once: the next destination is never called", async () => {
  const error = await failureOf(setup.openai.chat.completions.create({ model: 'rejecting-then-healthy', ...LOCATED_SEARCH }));
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  expect(error.headers?.get('x-gateway-endpoint')).toBe('rejecting');
  expect(error.param).toBe('messages[0].content');
  const answer = await invoke('rejecting-then-healthy');
  expect([answer.status, answer.endpoint]).toEqual([400, 'rejecting']);
  expect(answer.line.attempts).toEqual([{ endpoint: 'rejecting', status: 400, code: 'upstream_rejected' }]);
  expect(requestsTo('healthy')).toBe(0);
});

test('a traffic split draws one destination as before: a FALLBACK route drawn moves past the refusal, a plain endpoint drawn answers with it', async () => {
  const { data, response } = await setup.openai.chat.completions.create({ model: 'split-of-fallback', ...LOCATED_SEARCH }).withResponse();
  expect([response.headers.get('x-gateway-endpoint'), data.choices[0].message.content]).toEqual(['healthy', FIXTURE_TEXT]);
  const error = await failureOf(setup.openai.chat.completions.create({ model: 'split-to-gemini', ...LOCATED_SEARCH }));
  expect([error.status, error.param]).toEqual([400, 'web_search_options.user_location']);
});

test('several prompts per /v1/completions follow the same rule: past a refusal to the next destination; a 5xx before it stays the answer', async () => {
  // Gemini has no `suffix`; OpenAI's completions take it.
  const request = { prompt: ['Say this is a test', 'Say it again'], suffix: ' — end', max_tokens: 10 };
  const answer = await setup.openai.completions.create({ model: 'completions-refused-then-healthy', ...request }).withResponse();
  expect(answer.response.headers.get('x-gateway-endpoint')).toBe('healthy-completions');
  expect(answer.data.choices.map((choice) => [choice.index, choice.text])).toEqual([
    [0, '\n\nThis is indeed a test of the café menu'],
    [1, '\n\nThis is indeed a test of the café menu'],
  ]);
  // A server behind openai_api_base (not OpenAI's own API) gets one call per prompt.
  expect(upstreams.healthy.requests.map((call) => (call.body as { prompt: string }).prompt).sort()).toEqual(['Say it again', 'Say this is a test']);

  const error = await failureOf(setup.openai.completions.create({ model: 'completions-overloaded-then-refused', ...request }));
  expect([error.status, error.headers?.get('x-gateway-endpoint')]).toEqual([502, 'overloaded-completions']);
  expect(requestsTo('gemini')).toBe(0);
});
