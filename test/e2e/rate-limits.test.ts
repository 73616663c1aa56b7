/**
 * Rate limits in one gateway process over real HTTP: `calls` per window on every route that
 * reaches the endpoint (one counter for the endpoint, whatever the route or the client), 429 with
 * Retry-After, the official OpenAI client's RateLimitError, limits reached through routes, a
 * fallback past our own 429 (and, when every destination is at its limit, the 429 that renews first), token limits counted from reported usage, and a limit lowered by a
 * reload counting the calls already made.
 */
import OpenAI, { RateLimitError } from 'openai';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { startGateway, type RunningGateway } from '../support/gateway';

let gateway: RunningGateway;

const mock = (name: string, limit: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: ${name} }
    limit: ${limit}`;

beforeAll(async () => {
  gateway = await startGateway(`
endpoints:
${mock('three-a-minute', '{ calls: 3, renewal_period: minute }')}
${mock('two-per-2-hours', '{ calls: 2, renewal_period: 2 hours }')}
${mock('one-call', '{ calls: 1, renewal_period: day }')}
${mock('twenty-tokens', '{ tokens: 20, renewal_period: minute }')}
${mock('five-stream-tokens', '{ tokens: 5, renewal_period: minute }')}
${mock('calls-and-tokens', '{ calls: 100, tokens: 1, renewal_period: hour }')}
${mock('lowered-on-reload', '{ calls: 5, renewal_period: hour }')}
${mock('one-a-minute', '{ calls: 1, renewal_period: minute }')}
${mock('one-an-hour', '{ calls: 1, renewal_period: hour }')}
${mock('hourly-for-clients', '{ calls: 1, renewal_period: hour }')}
${mock('per-minute-for-clients', '{ calls: 1, renewal_period: minute }')}
  - { name: backup, endpoint_type: llm/v1/chat, model: { provider: mock, name: backup } }
routes:
  - { name: to-two, task_type: llm/v1/chat, destinations: [{ name: two-per-2-hours, traffic_percentage: 100 }] }
  - { name: one-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: one-call }, { name: backup }] }
  - { name: minute-then-hour, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: one-a-minute }, { name: one-an-hour }] }
`);
});
afterAll(() => gateway.close());

const CHAT = { messages: [{ role: 'user', content: 'one two three four five' }] };

async function post(path: string, body: unknown) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), endpoint: response.headers.get('x-gateway-endpoint'), body: await response.text() };
}

test('one counter per endpoint across /endpoints, /gateway and /v1; then 429 with Retry-After on each', async () => {
  const admitted = [
    await post('/endpoints/three-a-minute/invocations', CHAT),
    await post('/gateway/three-a-minute/invocations', CHAT),
    await post('/v1/chat/completions', { model: 'three-a-minute', ...CHAT }),
  ];
  expect(admitted.map((answer) => answer.status)).toEqual([200, 200, 200]);

  const refused = await post('/endpoints/three-a-minute/invocations', CHAT);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(55);
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
  expect(JSON.parse(refused.body)).toEqual({ detail: "Rate limit exceeded: 3 per 1 minute for endpoint 'three-a-minute'." });
  expect((await post('/gateway/three-a-minute/invocations', CHAT)).status).toBe(429);

  const openaiShape = await post('/v1/chat/completions', { model: 'three-a-minute', ...CHAT });
  expect(openaiShape.status).toBe(429);
  expect(JSON.parse(openaiShape.body)).toEqual({
    error: { message: "Rate limit exceeded: 3 per 1 minute for endpoint 'three-a-minute'.", type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
  });
});

test('the official OpenAI client sees a RateLimitError with the Retry-After header', async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const error = await openai.chat.completions.create({ model: 'three-a-minute', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RateLimitError);
  expect((error as RateLimitError).status).toBe(429);
  expect(Number((error as RateLimitError).headers?.get('retry-after'))).toBeGreaterThan(0);
});

test("a window ending past 60 s says x-should-retry: false: the openai client's retries throw at once instead of sleeping the hour", async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused' });
  const chat = (model: string) => openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
  await chat('hourly-for-clients');
  const started = Date.now();
  const error = (await chat('hourly-for-clients')) as RateLimitError;
  // The client's default two retries would each sleep the 3600 s Retry-After (openai v6 waits any).
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(3_500);
  expect(error.headers?.get('x-should-retry')).toBe('false');
  // A wait the clients take (at most 60 s) is left to them, on both route families.
  expect((await post('/gateway/per-minute-for-clients/invocations', CHAT)).status).toBe(200);
  const response = await fetch(`${gateway.url}/gateway/per-minute-for-clients/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CHAT) });
  expect([response.status, response.headers.get('x-should-retry')]).toEqual([429, null]);
  expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  // MLflow's routes leave out a Retry-After past a minute: MLflow's Python client (urllib3) sleeps out any, before each of its 7 retries, where MLflow's gateway sends none.
  const mlflowRoute = await fetch(`${gateway.url}/gateway/hourly-for-clients/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CHAT) });
  expect([mlflowRoute.status, mlflowRoute.headers.get('x-should-retry'), mlflowRoute.headers.get('retry-after')]).toEqual([429, 'false', null]);
});

test('requests through a traffic route count against the destination endpoint, with a multi-unit period', async () => {
  expect((await post('/gateway/to-two/invocations', CHAT)).status).toBe(200);
  expect((await post('/gateway/two-per-2-hours/invocations', CHAT)).status).toBe(200);
  const refused = await post('/gateway/to-two/invocations', CHAT);
  expect(refused.status).toBe(429);
  expect(refused.endpoint).toBe('two-per-2-hours');
  // A wait past a minute is said on /v1 only: MLflow's Python client would sleep it out (see the next test but one).
  expect(refused.retryAfter).toBeNull();
  const onV1 = await post('/v1/chat/completions', { ...CHAT, model: 'to-two' });
  expect(onV1.status).toBe(429);
  expect(Number(onV1.retryAfter)).toBeGreaterThan(7_000);
  expect(Number(onV1.retryAfter)).toBeLessThanOrEqual(7_200);
});

test('a fallback route moves past a destination that is at its own limit', async () => {
  const first = await post('/gateway/one-then-backup/invocations', CHAT);
  const second = await post('/gateway/one-then-backup/invocations', CHAT);
  expect([first.status, first.endpoint]).toEqual([200, 'one-call']);
  expect([second.status, second.endpoint]).toEqual([200, 'backup']);
  expect((await post('/gateway/one-call/invocations', CHAT)).status).toBe(429);
});

test('a fallback route whose destinations are all at their limits answers the 429 of the one that renews first', async () => {
  const served = [await post('/v1/chat/completions', { model: 'minute-then-hour', ...CHAT }), await post('/v1/chat/completions', { model: 'minute-then-hour', ...CHAT })];
  expect(served.map((answer) => [answer.status, answer.endpoint])).toEqual([
    [200, 'one-a-minute'],
    [200, 'one-an-hour'],
  ]);
  const refused = await post('/v1/chat/completions', { model: 'minute-then-hour', ...CHAT });
  expect([refused.status, refused.endpoint]).toEqual([429, 'one-a-minute']);
  // Not the hour's window, which the OpenAI clients would wait out though the minute's renews first.
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
  expect(JSON.parse(refused.body).error.message).toBe("Rate limit exceeded: 1 per 1 minute for endpoint 'one-a-minute'.");
});

test('a token limit refuses requests once the window has used its tokens', async () => {
  // The mock counts words: 5 prompt + 6 completion ("Echo: one two three four five") = 11 tokens.
  const first = await post('/gateway/twenty-tokens/invocations', CHAT);
  expect(JSON.parse(first.body).usage.total_tokens).toBe(11);
  expect((await post('/gateway/twenty-tokens/invocations', CHAT)).status).toBe(200);
  const refused = await post('/v1/chat/completions', { model: 'twenty-tokens', ...CHAT });
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.body).error.message).toBe("Token limit exceeded: 20 tokens per 1 minute for endpoint 'twenty-tokens' (22 used).");
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
});

test('a stream counts the usage it reports (stream_options.include_usage)', async () => {
  const streamed = await post('/gateway/five-stream-tokens/invocations', { ...CHAT, stream: true, stream_options: { include_usage: true } });
  expect(streamed.status).toBe(200);
  expect(streamed.body).toContain('"total_tokens":11');
  const refused = await post('/gateway/five-stream-tokens/invocations', { ...CHAT, stream: true });
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.body).detail).toMatch(/^Token limit exceeded: 5 tokens per 1 minute/);
});

test('calls and tokens together: the spent tokens refuse although calls are left', async () => {
  expect((await post('/gateway/calls-and-tokens/invocations', CHAT)).status).toBe(200);
  expect((await post('/gateway/calls-and-tokens/invocations', CHAT)).status).toBe(429);
});

test("the endpoint list shows MLflow's call limit as limit and the token budget as token_limit", async () => {
  const list = (await (await fetch(`${gateway.url}/api/2.0/endpoints/`)).json()) as { endpoints: { name: string; limit: unknown; token_limit: unknown }[] };
  const limits = Object.fromEntries(list.endpoints.map(({ name, limit, token_limit }) => [name, { limit, token_limit }]));
  expect(limits['three-a-minute']).toEqual({ limit: { calls: 3, renewal_period: 'minute', key: null }, token_limit: null });
  expect(limits['twenty-tokens']).toEqual({ limit: null, token_limit: { tokens: 20, renewal_period: 'minute' } });
  expect(limits.backup).toEqual({ limit: null, token_limit: null });
});

test('a reload that lowers calls keeps counting the current window: the calls already made count', async () => {
  expect((await post('/gateway/lowered-on-reload/invocations', CHAT)).status).toBe(200);
  expect((await post('/gateway/lowered-on-reload/invocations', CHAT)).status).toBe(200);
  const before = gateway.state.plan;
  // What a hot reload does: the edited config compiled, then swapped in.
  const lowered = (limit: string) => `
endpoints:
${mock('lowered-on-reload', limit)}
`;
  const reload = (limit: string) => {
    gateway.state.plan = compilePlan(parseConfigText(lowered(limit), '/virtual/reloaded.yaml', { env: {} }), '/virtual/reloaded.yaml');
  };
  try {
    reload('{ calls: 2, renewal_period: hour }');
    const refused = await post('/gateway/lowered-on-reload/invocations', CHAT);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ detail: "Rate limit exceeded: 2 per 1 hour for endpoint 'lowered-on-reload'." });
    expect(Number((await post('/v1/chat/completions', { ...CHAT, model: 'lowered-on-reload' })).retryAfter)).toBeGreaterThan(3_500);
    // A new renewal period is a new window.
    reload('{ calls: 2, renewal_period: 2 hours }');
    expect((await post('/gateway/lowered-on-reload/invocations', CHAT)).status).toBe(200);
  } finally {
    gateway.state.plan = before;
  }
});
