/**
 * The management views under client keys, end to end: a key limited to some endpoints and routes
 * sees only those in `/api/2.0/endpoints/`, the legacy `/api/2.0/gateway/routes/` and the get
 * routes (any other name is the 403 a call to it gets, whether it exists or not), as `/v1/models`
 * lists them; pages stay full and
 * their tokens lead through what the key may see. A key without `endpoints` sees what a gateway
 * without `auth:` shows.
 */
import { createGatewayClient } from '../../src/client';
import { encodePageToken, PAGE_SIZE } from '../../src/server/routes/endpoints';
import { startGateway, type RunningGateway } from '../support/gateway';

const ALL = 'gw-views-all-0123456789abcdef';
const SOME = 'gw-views-some-0123456789abcdef';
const ONE = 'gw-views-one-0123456789abcdef';

const ENDPOINTS = `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: mock, name: embed } }
  - name: internal-gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-views-secret } }
routes:
  - name: chat-route
    task_type: llm/v1/chat
    destinations: [{ name: chat, traffic_percentage: 100 }]
`;

const auth = (extra = '') => `
auth:
  api_keys:
    - { name: all, key: ${ALL} }
    - { name: some, key: ${SOME}, endpoints: [embeddings, chat-route] }
    - { name: one, key: ${ONE}, endpoints: [chat] }
${extra}`;

async function get(gateway: RunningGateway, path: string, key?: string) {
  const response = await fetch(`${gateway.url}${path}`, { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

const namesOf = (items: unknown) => (items as { name: string }[]).map((item) => item.name);

describe('a key limited to some endpoints', () => {
  let open: RunningGateway;
  let guarded: RunningGateway;
  beforeAll(async () => {
    open = await startGateway(ENDPOINTS, { validateResponses: true });
    guarded = await startGateway(ENDPOINTS + auth(), { validateResponses: true });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
  });

  test('lists only the endpoints it may call, in both list shapes', async () => {
    const list = await get(guarded, '/api/2.0/endpoints/', SOME);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      endpoints: [{ name: 'embeddings', endpoint_type: 'llm/v1/embeddings', model: { name: 'embed', provider: 'mock' }, endpoint_url: '/gateway/embeddings/invocations', limit: null, token_limit: null }],
      next_page_token: null,
    });
    const legacy = await get(guarded, '/api/2.0/gateway/routes/', SOME);
    expect(legacy.body).toEqual({
      routes: [{ name: 'embeddings', route_type: 'llm/v1/embeddings', model: { name: 'embed', provider: 'mock' }, route_url: '/gateway/embeddings/invocations', limit: null, token_limit: null }],
      next_page_token: null,
    });
    expect(namesOf((await get(guarded, '/api/2.0/endpoints/', ONE)).body.endpoints)).toEqual(['chat']);
  });

  test('lists them in config order, whatever order the key names them in', async () => {
    const reversed = await startGateway(`${ENDPOINTS}
auth:
  api_keys:
    - { name: reversed, key: ${SOME}, endpoints: [chat-route, internal-gpt, chat] }
`);
    try {
      expect(namesOf((await get(reversed, '/api/2.0/endpoints/', SOME)).body.endpoints)).toEqual(['chat', 'internal-gpt']);
      expect(namesOf((await get(reversed, '/api/2.0/gateway/routes/', SOME)).body.routes)).toEqual(['chat', 'internal-gpt']);
      const models = (await get(reversed, '/v1/models', SOME)).body.data as { id: string }[];
      expect(models.map((model) => model.id)).toEqual(['chat', 'internal-gpt', 'chat-route']);
    } finally {
      await reversed.close();
    }
  });

  test('gets what it may call; any other name, existing or not, is the 403 a call to it gets', async () => {
    expect((await get(guarded, '/api/2.0/endpoints/embeddings', SOME)).status).toBe(200);
    expect((await get(guarded, '/api/3.0/gateway/route/chat-route', SOME)).status).toBe(200);
    const getRoutes = [
      { prefix: '/api/2.0/endpoints/', kind: 'endpoint', name: 'internal-gpt' },
      { prefix: '/api/3.0/gateway/endpoint/', kind: 'endpoint', name: 'internal-gpt' },
      { prefix: '/api/2.0/gateway/routes/', kind: 'route', name: 'internal-gpt' },
      { prefix: '/api/3.0/gateway/route/', kind: 'route', name: 'chat-route' },
    ];
    for (const { prefix, kind, name } of getRoutes) {
      const hidden = await get(guarded, `${prefix}${name}`, ONE);
      expect(`${prefix}${name} ${hidden.status}`).toBe(`${prefix}${name} 403`);
      expect(hidden.body).toEqual({ detail: `The API key 'one' may not call '${name}'.` });
      const missing = await get(guarded, `${prefix}no-such-name`, ONE);
      expect({ status: missing.status, body: missing.body }).toEqual({ status: 403, body: { detail: "The API key 'one' may not call 'no-such-name'." } });
      expect((await get(guarded, `${prefix}no-such-name`, ALL)).body).toEqual({ detail: `The ${kind} 'no-such-name' is not present or active on the server. Please verify the ${kind} name.` });
    }
    const call = await fetch(`${guarded.url}/gateway/internal-gpt/invocations`, { method: 'POST', headers: { authorization: `Bearer ${ONE}` }, body: '{}' });
    expect({ status: call.status, body: await call.json() }).toEqual({ status: 403, body: { detail: "The API key 'one' may not call 'internal-gpt'." } });
  });

  test('an unrestricted key sees exactly what a gateway without auth shows', async () => {
    for (const path of ['/api/2.0/endpoints/', '/api/2.0/gateway/routes/', '/api/2.0/endpoints/internal-gpt', '/api/3.0/gateway/route/chat-route']) {
      expect(await get(guarded, path, ALL)).toEqual(await get(open, path));
    }
  });

  test('with public_endpoint_list, callers without a key see every endpoint; a limited key still sees its own', async () => {
    const publicList = await startGateway(ENDPOINTS + auth('  public_endpoint_list: true\n'));
    try {
      expect(namesOf((await get(publicList, '/api/2.0/endpoints/')).body.endpoints)).toEqual(['chat', 'embeddings', 'internal-gpt']);
      expect(namesOf((await get(publicList, '/api/2.0/endpoints/', SOME)).body.endpoints)).toEqual(['embeddings']);
      expect((await get(publicList, '/api/2.0/endpoints/chat', SOME)).status).toBe(403);
      // The switch opens the management routes only: OpenAI's model list still needs a key.
      expect((await get(publicList, '/v1/models')).status).toBe(401);
    } finally {
      await publicList.close();
    }
  });
});

describe('pages of what a key may see', () => {
  const COUNT = PAGE_SIZE + 10;
  const names = Array.from({ length: COUNT }, (_, index) => `e${String(index).padStart(4, '0')}`);
  // Seven endpoints hidden from the key, spread over both pages of the full list.
  const hidden = new Set(names.filter((_, index) => index % 500 === 0));
  const visible = names.filter((name) => !hidden.has(name));
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway(`
endpoints:
${names.map((name) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }`).join('\n')}
auth:
  api_keys:
    - { name: all, key: ${ALL} }
    - { name: some, key: ${SOME}, endpoints: [${visible.join(', ')}] }
`);
  });
  afterAll(() => gateway.close());

  test('the first page is full, its token leads to the rest, and no hidden name shows', async () => {
    const first = await get(gateway, '/api/2.0/endpoints/', SOME);
    expect(namesOf(first.body.endpoints)).toEqual(visible.slice(0, PAGE_SIZE));
    expect(first.body.next_page_token).toBe(encodePageToken(PAGE_SIZE));
    const second = await get(gateway, `/api/2.0/endpoints/?page_token=${encodeURIComponent(String(first.body.next_page_token))}`, SOME);
    expect(namesOf(second.body.endpoints)).toEqual(visible.slice(PAGE_SIZE));
    expect(second.body.next_page_token).toBeNull();

    const legacy = await get(gateway, '/api/2.0/gateway/routes/', SOME);
    expect(namesOf(legacy.body.routes)).toEqual(visible.slice(0, PAGE_SIZE));
    const legacyRest = await get(gateway, `/api/2.0/gateway/routes/?page_token=${encodeURIComponent(String(legacy.body.next_page_token))}`, SOME);
    expect(namesOf(legacyRest.body.routes)).toEqual(visible.slice(PAGE_SIZE));
    expect(legacyRest.body.next_page_token).toBeNull();
  });

  test("our SDK's listEndpoints follows the tokens to exactly what each key may see", async () => {
    const some = createGatewayClient({ baseUrl: gateway.url, headers: { authorization: `Bearer ${SOME}` } });
    expect((await some.listEndpoints()).map((endpoint) => endpoint.name)).toEqual(visible);
    const all = createGatewayClient({ baseUrl: gateway.url, headers: { authorization: `Bearer ${ALL}` } });
    expect((await all.listEndpoints()).map((endpoint) => endpoint.name)).toEqual(names);
  });
});
