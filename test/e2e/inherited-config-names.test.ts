/**
 * Endpoints, traffic routes and client keys named as what every JavaScript object inherits
 * (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, `valueOf`) are served as any other name,
 * over real HTTP: invocations, `/v1` with the official `openai` client, the management routes, and
 * rate limits counted per name. A gateway that does not configure such a name answers 404 for it:
 * no lookup finds Object.prototype's members.
 */
import OpenAI from 'openai';
import { startGateway, type RunningGateway } from '../support/gateway';

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Each endpoint answers with its own model name (m0…), so the answer says which one was called. */
const CONFIG = `
endpoints:
${INHERITED.map((name, index) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock, name: m${index} } }\n`).join('')}
  - name: limited
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: limited }
routes:
  - name: valueOf
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: toString }]
auth:
  api_keys:
    - { name: __proto__, key: gw-key-of-proto, endpoints: [__proto__, valueOf] }
    - { name: constructor, key: gw-key-of-constructor, limit: { calls: 2, renewal_period: minute } }
    - { name: toString, key: gw-key-of-tostring }
`;

const QUESTION = { messages: [{ role: 'user', content: 'hi' }] };

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(CONFIG);
});
afterAll(() => gateway.close());

async function call(path: string, key: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${gateway.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const openai = (apiKey: string, url = gateway.url) => new OpenAI({ apiKey, baseURL: `${url}/v1`, maxRetries: 0 });

test.each(INHERITED.map((name, index) => [name, `m${index}`]))('endpoint %s is invoked on the MLflow routes and through /v1 (answered by %s)', async (name, model) => {
  for (const path of [`/endpoints/${name}/invocations`, `/gateway/${name}/invocations`]) {
    const answer = await call(path, 'gw-key-of-tostring', QUESTION);
    expect({ status: answer.status, model: answer.body.model }).toEqual({ status: 200, model });
  }
  const completion = await openai('gw-key-of-tostring').chat.completions.create({ model: name, messages: [{ role: 'user', content: 'hi' }] });
  expect(completion.model).toBe(model);
  expect(await openai('gw-key-of-tostring').models.retrieve(name)).toMatchObject({ id: name, owned_by: 'mock' });
});

test.each(INHERITED)('endpoint %s is listed and shown by name on /api/2.0/endpoints', async (name) => {
  const shown = await call(`/api/2.0/endpoints/${name}`, 'gw-key-of-tostring');
  expect(shown).toMatchObject({ status: 200, body: { name, endpoint_type: 'llm/v1/chat', endpoint_url: `/gateway/${name}/invocations` } });
  const listed = await call('/api/2.0/endpoints/', 'gw-key-of-tostring');
  expect((listed.body.endpoints as { name: string }[]).map((endpoint) => endpoint.name)).toEqual([...INHERITED, 'limited']);
});

test('route valueOf is served through its destination, listed on /v1/models and shown on /api/3.0/gateway/route', async () => {
  expect((await call('/endpoints/valueOf/invocations', 'gw-key-of-tostring', QUESTION)).body.model).toBe('m2');
  const completion = await openai('gw-key-of-tostring').chat.completions.create({ model: 'valueOf', messages: [{ role: 'user', content: 'hi' }] });
  expect(completion.model).toBe('m2');
  const models = [];
  for await (const model of openai('gw-key-of-tostring').models.list()) models.push(model.id);
  expect(models).toEqual([...INHERITED, 'limited', 'valueOf']);
  expect(await call('/api/3.0/gateway/route/valueOf', 'gw-key-of-tostring')).toMatchObject({ status: 200, body: { name: 'valueOf' } });
});

test("client key __proto__ reaches only its own endpoints; client key constructor's limit is its own", async () => {
  expect((await call('/endpoints/__proto__/invocations', 'gw-key-of-proto', QUESTION)).status).toBe(200);
  expect((await call('/endpoints/valueOf/invocations', 'gw-key-of-proto', QUESTION)).status).toBe(200);
  for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
    expect((await call(`/endpoints/${name}/invocations`, 'gw-key-of-proto', QUESTION)).status).toBe(403);
  }
  const statuses = [];
  for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await call('/endpoints/limited/invocations', 'gw-key-of-constructor', QUESTION)).status);
  expect(statuses).toEqual([200, 200, 429]);
  // The other keys have no limit: the constructor key's window is not theirs.
  expect((await call('/endpoints/limited/invocations', 'gw-key-of-tostring', QUESTION)).status).toBe(200);
});

describe('endpoint limits are counted per name', () => {
  let limited: RunningGateway;
  beforeAll(async () => {
    limited = await startGateway(`
endpoints:
${INHERITED.map((name, index) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock }, limit: { calls: ${index + 1}, renewal_period: minute } }\n`).join('')}`);
  });
  afterAll(() => limited.close());

  test('__proto__ admits 1 call a minute, constructor 2, toString 3, hasOwnProperty 4, each in its own window', async () => {
    const admitted: Record<string, number> = {};
    for (const name of INHERITED) {
      admitted[name] = 0;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await fetch(`${limited.url}/endpoints/${name}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUESTION) });
        await response.arrayBuffer();
        if (response.status === 200) admitted[name] += 1;
        else expect(response.status).toBe(429);
      }
    }
    expect(admitted).toEqual({ __proto__: 1, constructor: 2, toString: 3, hasOwnProperty: 4 });
  });
});

describe('a gateway that does not configure these names', () => {
  let plain: RunningGateway;
  beforeAll(async () => {
    plain = await startGateway('endpoints:\n  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock } }\n');
  });
  afterAll(() => plain.close());

  test.each([...INHERITED, 'valueOf'])('answers 404 for %s on every route that looks a name up', async (name) => {
    const post = (path: string) => fetch(`${plain.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUESTION) });
    const get = (path: string) => fetch(`${plain.url}${path}`);
    const responses = [
      await post(`/endpoints/${name}/invocations`),
      await post(`/gateway/${name}/invocations`),
      await get(`/api/2.0/endpoints/${name}`),
      await get(`/api/2.0/gateway/routes/${name}`),
      await get(`/api/3.0/gateway/endpoint/${name}`),
      await get(`/api/3.0/gateway/route/${name}`),
    ];
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await responses[0].json()).toEqual({ detail: `The endpoint '${name}' is not present or active on the server. Please verify the endpoint name.` });
    await expect(openai('unused', plain.url).chat.completions.create({ model: name, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 404 });
    await expect(openai('unused', plain.url).models.retrieve(name)).rejects.toMatchObject({ status: 404 });
  });
});
