/**
 * Client authentication end to end: keys from the environment, a file, or a SHA-256 digest; the
 * official OpenAI client's `apiKey`; `x-api-key`; 401 and 403 in both error shapes; public route
 * switches; a reload swapping the key table.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { createGatewayClient, GatewayClientError } from '../../src/client';
import { startGateway, type RunningGateway } from '../support/gateway';

const ALICE = 'gw-alice-0f1e2d3c4b5a69788796a5b4';
const BOB = 'gw-bob-a1b2c3d4e5f60718293a4b5c';
const CAROL = 'gw-carol-99887766554433221100ffee';
const directory = mkdtempSync(join(tmpdir(), 'gateway-auth-'));
const bobFile = join(directory, 'bob.key');
writeFileSync(bobFile, `${BOB}\n`);
const carolDigest = createHash('sha256').update(CAROL).digest('hex');

const config = (extra = '') => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mock, name: embed }
routes:
  - name: chat-route
    task_type: llm/v1/chat
    destinations: [{ name: chat, traffic_percentage: 100 }]
auth:
  api_keys:
    - { name: alice, key: $ALICE_KEY }
    - { name: bob, key: ${bobFile}, endpoints: [embeddings, chat-route] }
    - { name: carol, key: "sha256:${carolDigest}", endpoints: [chat] }
${extra}`;

const env = { ALICE_KEY: ALICE };
let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway(config(), { env });
});
afterAll(() => gateway.close());

const chatBody = { messages: [{ role: 'user', content: 'hello' }] };

async function call(path: string, headers: Record<string, string> = {}, body?: unknown) {
  const init: RequestInit = body === undefined ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
  const response = await fetch(`${gateway.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('keys', () => {
  test('a key from the environment, from a file, and given as its SHA-256 all work', async () => {
    expect((await call('/endpoints/chat/invocations', bearer(ALICE), chatBody)).status).toBe(200);
    expect((await call('/endpoints/embeddings/invocations', bearer(BOB), { input: 'x' })).status).toBe(200);
    expect((await call('/endpoints/chat/invocations', bearer(CAROL), chatBody)).status).toBe(200);
  });

  test('x-api-key works as well as Authorization: Bearer (any case of "bearer")', async () => {
    expect((await call('/endpoints/chat/invocations', { 'x-api-key': ALICE }, chatBody)).status).toBe(200);
    expect((await call('/endpoints/chat/invocations', { authorization: `bearer ${ALICE}` }, chatBody)).status).toBe(200);
  });

  test('the official OpenAI client authenticates with its apiKey', async () => {
    const openai = new OpenAI({ apiKey: ALICE, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0].message.content).toBe('Echo: hi');
    const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await expect(wrong.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
      type: 'authentication_error',
    });
  });

  test('our SDK sends the key through its headers option', async () => {
    const client = createGatewayClient({ baseUrl: gateway.url, headers: { 'x-api-key': ALICE } });
    const answer = await client.chat('chat', chatBody as never);
    expect(answer.choices[0].message.content).toBe('Echo: hello');
    const anonymous = createGatewayClient({ baseUrl: gateway.url });
    await expect(anonymous.chat('chat', chatBody as never)).rejects.toBeInstanceOf(GatewayClientError);
  });
});

describe('401', () => {
  test('a missing key is a 401 in the MLflow shape, with WWW-Authenticate', async () => {
    const answer = await call('/endpoints/chat/invocations', {}, chatBody);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="llm-gateway"');
    expect(answer.json()).toEqual({ detail: "This gateway needs an API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'." });
  });

  test('a wrong key is a 401 in the OpenAI shape on /v1, and the key is not echoed', async () => {
    const answer = await call('/v1/chat/completions', bearer('sk-guess-123'), { model: 'chat', ...chatBody });
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ error: { message: 'The API key is not valid for this gateway.', type: 'authentication_error', param: null, code: 'invalid_api_key' } });
    expect(answer.text).not.toContain('sk-guess-123');
  });

  test('Bearer followed by more than one word is a 401 saying the header is malformed, in the route family\'s shape, without quoting it', async () => {
    const message = "The Authorization header is malformed: after 'Bearer' it must hold the key alone, one word without spaces (check the key for a space or a stray word after it).";
    const openai = await call('/v1/chat/completions', { authorization: `Bearer ${ALICE} extra` }, { model: 'chat', ...chatBody });
    expect({ status: openai.status, body: openai.json() }).toEqual({ status: 401, body: { error: { message, type: 'authentication_error', param: null, code: 'malformed_authorization' } } });
    const mlflow = await call('/endpoints/chat/invocations', { authorization: `Bearer ${ALICE.slice(0, 5)} ${ALICE.slice(5)}` }, chatBody);
    expect({ status: mlflow.status, body: mlflow.json(), challenge: mlflow.headers.get('www-authenticate') }).toEqual({ status: 401, body: { detail: message }, challenge: 'Bearer realm="llm-gateway"' });
    expect(openai.text + mlflow.text).not.toContain(ALICE.slice(5));
    // The key in x-api-key is still the one used.
    expect((await call('/endpoints/chat/invocations', { authorization: `Bearer ${ALICE} extra`, 'x-api-key': ALICE }, chatBody)).status).toBe(200);
  });

  test('a digest is not a key: sending the sha256 text itself is refused', async () => {
    expect((await call('/endpoints/chat/invocations', bearer(`sha256:${carolDigest}`), chatBody)).status).toBe(401);
    expect((await call('/endpoints/chat/invocations', bearer(carolDigest), chatBody)).status).toBe(401);
  });

  test('unknown paths need a key too (nothing is revealed without one)', async () => {
    expect((await call('/no/such/path')).status).toBe(401);
    expect((await call('/no/such/path', bearer(ALICE))).status).toBe(404);
  });

  test('the key is checked before the body is read', async () => {
    const answer = await call('/endpoints/chat/invocations', { 'content-type': 'application/json' }, 'x'.repeat(1000));
    expect(answer.status).toBe(401);
  });
});

describe('403', () => {
  test('a key limited to some endpoints gets a 403 elsewhere, in both shapes', async () => {
    const mlflow = await call('/gateway/chat/invocations', bearer(BOB), chatBody);
    expect(mlflow.status).toBe(403);
    expect(mlflow.json()).toEqual({ detail: "The API key 'bob' may not call 'chat'." });
    const openai = await call('/v1/chat/completions', bearer(CAROL), { model: 'chat-route', ...chatBody });
    expect(openai.status).toBe(403);
    expect(openai.json()).toEqual({ error: { message: "The API key 'carol' may not call 'chat-route'.", type: 'permission_error', param: null, code: 'endpoint_not_allowed' } });
  });

  test('a key allowed on a traffic route may call it, whatever destination serves it', async () => {
    const answer = await call('/v1/chat/completions', bearer(BOB), { model: 'chat-route', ...chatBody });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-gateway-endpoint')).toBe('chat');
  });
});

describe('open routes', () => {
  test('/health is always open; docs are open by default; the endpoint list and metrics are not', async () => {
    expect((await call('/health')).status).toBe(200);
    expect((await call('/openapi.json')).status).toBe(200);
    expect((await call('/docs/')).status).toBe(200);
    expect((await call('/api/2.0/endpoints/')).status).toBe(401);
    expect((await call('/api/2.0/endpoints/', bearer(ALICE))).status).toBe(200);
    expect((await call('/metrics')).status).toBe(401);
    expect((await call('/metrics', bearer(ALICE))).status).toBe(200);
  });

  test("a key limited to some endpoints may not read /metrics, which names every endpoint and key; with public_metrics it reads what anyone may", async () => {
    const refused = await call('/metrics', bearer(BOB));
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({
      detail: "The API key 'bob' may call only some endpoints, and /metrics shows every endpoint and key: read it with a key without 'endpoints'.",
    });
    const open = await startGateway(config('  public_metrics: true\n'), { env });
    try {
      const metrics = await fetch(`${open.url}/metrics`, { headers: { authorization: `Bearer ${BOB}` } });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('gateway_requests_total');
    } finally {
      await open.close();
    }
  });

  test('an open route stays open in every spelling Express serves it under (a probe configured as /health/)', async () => {
    for (const path of ['/health/', '/Health', '/openapi.json/', '/DOCS/']) expect(`${path} ${(await call(path)).status}`).toBe(`${path} 200`);
    expect((await call('/api/2.0/endpoints')).status).toBe(401);
  });

  test('the public_* switches open or close each group', async () => {
    const other = await startGateway(config('  public_docs: false\n  public_endpoint_list: true\n  public_metrics: true\n'), { env });
    try {
      // Each answer read whole: fetch stops reading a long one nobody reads (the metrics page), and its
      // connection then outlives the gateway's close and keeps the jest worker from exiting.
      const get = (path: string) => fetch(`${other.url}${path}`).then((response) => response.arrayBuffer().then(() => response.status));
      expect(await get('/openapi.json')).toBe(401);
      expect(await get('/docs/')).toBe(401);
      expect(await get('/api/2.0/endpoints/')).toBe(200);
      expect(await get('/api/3.0/gateway/route/chat-route')).toBe(200);
      expect(await get('/metrics')).toBe(200);
      expect(await get('/health')).toBe(200);
    } finally {
      await other.close();
    }
  });
});

test('a reloaded config swaps the key table', async () => {
  const before = gateway.state.plan;
  try {
    const text = config().replace('{ name: alice, key: $ALICE_KEY }', '{ name: alice, key: $NEW_KEY }');
    gateway.state.plan = compilePlan(parseConfigText(text, '/virtual/reloaded.yaml', { env: { NEW_KEY: 'gw-rotated-key-0000000000000' } }), '/virtual/reloaded.yaml');
    expect((await call('/endpoints/chat/invocations', bearer(ALICE), chatBody)).status).toBe(401);
    expect((await call('/endpoints/chat/invocations', bearer('gw-rotated-key-0000000000000'), chatBody)).status).toBe(200);
  } finally {
    gateway.state.plan = before;
  }
});

describe('per-key rate limits', () => {
  const DAVE = 'gw-dave-5f4e3d2c1b0a99887766';
  const ERIN = 'gw-erin-0a1b2c3d4e5f66778899';
  let limited: RunningGateway;

  beforeAll(async () => {
    limited = await startGateway(`
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: other, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
auth:
  api_keys:
    - { name: dave, key: ${DAVE}, limit: { calls: 2, renewal_period: minute } }
    - { name: erin, key: ${ERIN} }
`);
  });
  afterAll(() => limited.close());

  const post = (path: string, key: string, body: unknown) =>
    fetch(`${limited.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

  test("a key's limit counts its calls over every endpoint and route family, and its refusals in /metrics; other keys are not affected", async () => {
    expect((await post('/endpoints/chat/invocations', DAVE, chatBody)).status).toBe(200);
    expect((await post('/v1/chat/completions', DAVE, { ...chatBody, model: 'other' })).status).toBe(200);
    const refused = await post('/gateway/other/invocations', DAVE, chatBody);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { detail: string }).detail).toBe("Rate limit exceeded: 2 per 1 minute for client key 'dave'.");
    const openai = new OpenAI({ apiKey: DAVE, baseURL: `${limited.url}/v1`, maxRetries: 0 });
    await expect(openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'again' }] })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    for (let index = 0; index < 3; index += 1) expect((await post('/endpoints/chat/invocations', ERIN, chatBody)).status).toBe(200);

    const metrics = await (await fetch(`${limited.url}/metrics`, { headers: { authorization: `Bearer ${ERIN}` } })).text();
    const rejections = metrics.split('\n').filter((line) => line.startsWith('gateway_rate_limit_rejections_total{'));
    expect(rejections.sort()).toEqual(['gateway_rate_limit_rejections_total{endpoint="chat",client="dave"} 1', 'gateway_rate_limit_rejections_total{endpoint="other",client="dave"} 1']);
  });
});
