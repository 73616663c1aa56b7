/** The HTTP surface over real HTTP: management routes, framework behaviours, request validation. */
import { startGateway, type RunningGateway } from '../support/gateway';

const CONFIG = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: mock-chat }
  - name: completions
    endpoint_type: llm/v1/completions
    model: { provider: mock, name: mock-completions }
    limit: { calls: 10, renewal_period: minute }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mock }
  - name: secret-holder
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config:
        openai_api_key: sk-test-very-secret-value
routes:
  - name: split
    task_type: llm/v1/chat
    destinations:
      - { name: chat, traffic_percentage: 100 }
      - { name: secret-holder, traffic_percentage: 0 }
`;

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(CONFIG);
});
afterAll(() => gateway.close());

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${gateway.url}${path}`, { redirect: 'manual', ...init });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

function post(path: string, body: unknown) {
  return get(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('service routes', () => {
  test('GET /health', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'OK' });
  });

  test('GET / redirects to /docs', async () => {
    const response = await get('/');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/docs');
  });

  test('/docs serves Swagger UI with its assets from the gateway itself', async () => {
    const page = await get('/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const init = await get('/docs/swagger-ui-init.js');
    expect(init.text).toContain('/v1/chat/completions');
    expect(init.text).not.toContain('sk-test-very-secret-value');
    const bundle = await get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });

  test('GET /openapi.json is the bundled spec', async () => {
    const spec = (await get('/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/endpoints/{name}/invocations', '/gateway/{name}/invocations', '/v1/chat/completions', '/v1/completions', '/v1/embeddings', '/api/2.0/endpoints/']));
    expect(spec['x-generated']).toBeUndefined();
  });

  test("every request body in the spec has examples, and /docs' Try it out sends them: the gateway accepts each (the bodies Swagger UI makes up from the schemas hold `model` and `role: \"string\"`: a 422 at the first click)", async () => {
    const spec = (await get('/openapi.json')).json();
    const sent: [string, string, number][] = [];
    type Content = Record<string, { examples?: Record<string, { value: unknown }> }>;
    for (const [path, operations] of Object.entries<Record<string, { requestBody?: { $ref?: string; content?: Content } }>>(spec.paths)) {
      const body = operations.post?.requestBody;
      if (body === undefined) continue;
      const content: Content = body.$ref === undefined ? body.content! : spec.components.requestBodies[body.$ref.split('/').pop()!].content;
      const examples = Object.entries(content['application/json'].examples ?? {});
      if (examples.length === 0) sent.push([path, 'no examples', 0]);
      // An invocation example is named after the endpoint type it is for: the endpoint of CONFIG of that type.
      for (const [name, example] of examples) sent.push([path, name, (await post(path.replace('{name}', name), example.value)).status]);
    }
    expect(sent).toEqual([
      ['/endpoints/{name}/invocations', 'chat', 200],
      ['/endpoints/{name}/invocations', 'completions', 200],
      ['/endpoints/{name}/invocations', 'embeddings', 200],
      ['/gateway/{name}/invocations', 'chat', 200],
      ['/gateway/{name}/invocations', 'completions', 200],
      ['/gateway/{name}/invocations', 'embeddings', 200],
      ['/v1/chat/completions', 'chat', 200],
      ['/v1/completions', 'completions', 200],
      ['/v1/embeddings', 'embeddings', 200],
      ['/v1/responses', 'responses', 200],
    ]);
  });

  test("the spec names the client keys' headers, optional, so /docs can send one (Authorize) to a gateway with auth:", async () => {
    const spec = (await get('/openapi.json')).json();
    expect(spec.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
    });
    expect(spec.security).toEqual([{}, { bearer: [] }, { apiKey: [] }]);
    // This gateway has no auth: the spec's security is documentation, not a check.
    expect((await get('/api/2.0/endpoints/chat')).status).toBe(200);
  });
});

describe('endpoint list and get', () => {
  test('lists endpoints in config order, without secrets or routes', async () => {
    const response = await get('/api/2.0/endpoints/');
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('sk-test');
    expect(response.json()).toEqual({
      endpoints: [
        { name: 'chat', endpoint_type: 'llm/v1/chat', model: { name: 'mock-chat', provider: 'mock' }, endpoint_url: '/gateway/chat/invocations', limit: null, token_limit: null },
        { name: 'completions', endpoint_type: 'llm/v1/completions', model: { name: 'mock-completions', provider: 'mock' }, endpoint_url: '/gateway/completions/invocations', limit: { calls: 10, renewal_period: 'minute', key: null }, token_limit: null },
        { name: 'embeddings', endpoint_type: 'llm/v1/embeddings', model: { name: null, provider: 'mock' }, endpoint_url: '/gateway/embeddings/invocations', limit: null, token_limit: null },
        { name: 'secret-holder', endpoint_type: 'llm/v1/chat', model: { name: 'gpt-4o-mini', provider: 'openai' }, endpoint_url: '/gateway/secret-holder/invocations', limit: null, token_limit: null },
      ],
      next_page_token: null,
    });
  });

  test('gets one endpoint (2.0 and 3.0 paths) without secrets', async () => {
    for (const path of ['/api/2.0/endpoints/secret-holder', '/api/3.0/gateway/endpoint/secret-holder']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('sk-test');
      expect(response.json()).toMatchObject({ name: 'secret-holder', endpoint_url: '/gateway/secret-holder/invocations' });
    }
  });

  test('legacy routes list and traffic route get', async () => {
    const legacy = (await get('/api/2.0/gateway/routes/')).json();
    expect(legacy.routes[0]).toEqual({ name: 'chat', route_type: 'llm/v1/chat', model: { name: 'mock-chat', provider: 'mock' }, route_url: '/gateway/chat/invocations', limit: null, token_limit: null });
    expect((await get('/api/3.0/gateway/route/split')).json()).toEqual({
      name: 'split',
      task_type: 'llm/v1/chat',
      destinations: [
        { name: 'chat', traffic_percentage: 100 },
        { name: 'secret-holder', traffic_percentage: 0 },
      ],
      routing_strategy: 'TRAFFIC_SPLIT',
    });
  });

  test('unknown endpoint is 404 with MLflow message', async () => {
    const response = await get('/api/2.0/endpoints/nope');
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "The endpoint 'nope' is not present or active on the server. Please verify the endpoint name." });
  });

  test('an invalid page token is a 400 naming page_token', async () => {
    const response = await get('/api/2.0/endpoints/?page_token=not-a-token');
    expect(response.status).toBe(400);
    expect(response.json().detail).toMatch(/^page_token: /);
  });

  test('query parameters a route does not read are ignored, as by MLflow (FastAPI)', async () => {
    // A cache-busting `?_=…`, a probe's or a Prometheus scrape's `params:`, a client's `max_results`.
    expect((await get('/health?probe=readiness')).json()).toEqual({ status: 'OK' });
    expect((await get('/metrics?format=prometheus')).status).toBe(200);
    const page = await get('/api/2.0/endpoints/?max_results=1');
    expect(page.status).toBe(200);
    expect(page.json().endpoints).toHaveLength(4);
    expect((await get('/api/2.0/endpoints/chat?_=1700000000')).json().name).toBe('chat');
    expect((await get('/api/3.0/gateway/route/split?x=1')).json().name).toBe('split');
  });

  test('limits APIs answer 501 like MLflow', async () => {
    const response = await get('/api/2.0/endpoints/limits/chat');
    expect(response.status).toBe(501);
    expect(response.json()).toEqual({ detail: 'The get_limits API is not available yet.' });
  });
});

describe('framework behaviours', () => {
  test('unknown path is 404 {"detail":"Not Found"}', async () => {
    const response = await get('/no/such/path');
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: 'Not Found' });
  });

  test('a missing or extra trailing slash is served, not redirected', async () => {
    expect((await get('/api/2.0/endpoints')).json().endpoints).toHaveLength(4);
    expect((await get('/api/2.0/endpoints/chat/')).json().name).toBe('chat');
    expect((await post('/gateway/chat/invocations/', { messages: [{ role: 'user', content: 'x' }] })).status).toBe(200);
  });

  test('wrong method on a known path is 405', async () => {
    const response = await get('/gateway/chat/invocations');
    expect(response.status).toBe(405);
    expect(response.json()).toEqual({ detail: 'Method Not Allowed' });
    expect((await post('/api/2.0/endpoints/chat', {})).status).toBe(405);
  });

  test.each([
    ['POST', '/api/2.0/gateway/limits/chat', 'GET, HEAD'],
    ['DELETE', '/api/2.0/endpoints/limits/chat', 'GET, HEAD'],
    ['GET', '/api/2.0/gateway/limits/', 'POST'],
    ['PUT', '/api/2.0/endpoints/limits/', 'POST'],
    ['POST', '/', 'GET, HEAD'],
    ['POST', '/docs/', 'GET, HEAD'],
    ['DELETE', '/docs/swagger-ui.css', 'GET, HEAD'],
  ])('wrong method on a route outside the spec, %s %s, is 405 as in MLflow', async (method, path, allow) => {
    const response = await get(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(response.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  test('HEAD answers as GET without a body; OPTIONS names the methods allowed (MLflow: 405 for both)', async () => {
    const head = await get('/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(head.text).toBe('');
    expect((await get('/api/2.0/endpoints/chat', { method: 'HEAD' })).status).toBe(200);
    const options = await get('/v1/chat/completions', { method: 'OPTIONS' });
    expect(options.status).toBe(200);
    expect(options.headers.get('allow')).toBe('POST');
    expect((await get('/api/2.0/endpoints/', { method: 'OPTIONS' })).headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/', { method: 'OPTIONS' })).headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/docs/', { method: 'OPTIONS' })).headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('invocation request validation', () => {
  test.each(['/endpoints/chat/invocations', '/gateway/chat/invocations'])('%s answers chat', async (path) => {
    const response = await post(path, { messages: [{ role: 'user', content: 'hello' }] });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-gateway-endpoint')).toBe('chat');
    expect(response.json().choices[0].message).toEqual({ role: 'assistant', content: 'Echo: hello', tool_calls: null, refusal: null });
  });

  test('unknown endpoint on an invocation route is 404', async () => {
    const response = await post('/gateway/nope/invocations', { prompt: 'x' });
    expect(response.status).toBe(404);
    expect(response.json().detail).toContain("'nope'");
  });

  test('missing required field: 422 naming the field', async () => {
    const response = await post('/endpoints/chat/invocations', { temperature: 0.2 });
    expect(response.status).toBe(422);
    const body = response.json();
    expect(body.message).toBe('messages: is required');
    expect(body.detail).toEqual([{ type: 'required', loc: ['body', 'messages'], msg: 'is required' }]);
  });

  test('wrong-typed nested field names the path and the accepted types', async () => {
    const response = await post('/endpoints/chat/invocations', { messages: [{ role: 'user', content: 5 }] });
    expect(response.status).toBe(422);
    expect(response.json().message).toBe('messages[0].content: must be a string, an array of objects (type "text", "image_url", "input_audio" or "file") or null');
  });

  test('out-of-range parameter names the rule', async () => {
    const response = await post('/endpoints/chat/invocations', { messages: [{ role: 'user', content: 'x' }], temperature: 3 });
    expect(response.status).toBe(422);
    expect(response.json().message).toBe('temperature: must be at most 2');
  });

  test('body of the wrong endpoint type is refused by that type\'s schema', async () => {
    const response = await post('/endpoints/completions/invocations', { messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(422);
    expect(response.json().message).toBe('prompt: is required');
  });

  test('malformed JSON is a 422 json_invalid', async () => {
    const response = await post('/endpoints/chat/invocations', '{"messages": [');
    expect(response.status).toBe(422);
    const body = response.json();
    expect(body.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body'] });
    expect(body.message).toMatch(/^the request body is not valid JSON/);
  });

  test('`model` is refused on invocation routes (MLflow rule)', async () => {
    const response = await post('/endpoints/chat/invocations', { model: 'gpt-4', messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(422);
    expect(response.json().detail).toContain("The parameter 'model' is not permitted");
  });

  test('null-valued optional fields count as absent', async () => {
    const response = await post('/endpoints/chat/invocations', { messages: [{ role: 'user', content: 'x', tool_calls: null }], max_tokens: null, stop: null });
    expect(response.status).toBe(200);
  });

  test('a traffic route serves through its destination', async () => {
    const response = await post('/gateway/split/invocations', { messages: [{ role: 'user', content: 'routed' }] });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-gateway-endpoint')).toBe('chat');
  });
});

describe('OpenAI-compatible routes: errors keep their status in OpenAI shape', () => {
  test('missing model is 400', async () => {
    const response = await post('/v1/chat/completions', { messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: { message: 'model: is required and must be the name of a gateway endpoint', type: 'invalid_request_error', param: 'model', code: 'invalid_value' } });
  });

  test('a model that is null, empty or not a string is 400 saying what was sent (null is missing, as on OpenAI)', async () => {
    const problem = async (model: unknown) => {
      const response = await post('/v1/chat/completions', { model, messages: [{ role: 'user', content: 'x' }] });
      return { status: response.status, error: response.json().error };
    };
    const refused = (message: string) => ({ status: 400, error: { message, type: 'invalid_request_error', param: 'model', code: 'invalid_value' } });
    expect(await problem(null)).toEqual(refused('model: is required and must be the name of a gateway endpoint, got null'));
    expect(await problem('')).toEqual(refused('model: must be the name of a gateway endpoint, got an empty string'));
    expect(await problem(4)).toEqual(refused('model: must be the name of a gateway endpoint (a string), got a number'));
    expect(await problem(['chat'])).toEqual(refused('model: must be the name of a gateway endpoint (a string), got an array'));
    expect(await problem({ name: 'chat' })).toEqual(refused('model: must be the name of a gateway endpoint (a string), got an object'));
  });

  test('unknown model is 404', async () => {
    const response = await post('/v1/chat/completions', { model: 'nope', messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(404);
    expect(response.json().error).toMatchObject({ type: 'not_found_error', param: 'model' });
  });

  test('endpoint of another type is 400 with MLflow\'s message', async () => {
    const response = await post('/v1/chat/completions', { model: 'completions', messages: [{ role: 'user', content: 'x' }] });
    expect(response.status).toBe(400);
    expect(response.json().error.message).toBe("Endpoint 'completions' is not a chat endpoint.");
    const embeddings = await post('/v1/embeddings', { model: 'chat', input: 'x' });
    expect(embeddings.json().error.message).toBe("Endpoint 'chat' is not an embeddings endpoint.");
  });

  test('schema violations are 400 with param', async () => {
    const response = await post('/v1/chat/completions', { model: 'chat', messages: [] });
    expect(response.status).toBe(400);
    expect(response.json().error).toMatchObject({ message: 'messages: must not be an empty list', param: 'messages', type: 'invalid_request_error' });
  });

  test('malformed JSON is 400', async () => {
    const response = await post('/v1/embeddings', '{');
    expect(response.status).toBe(400);
    expect(response.json().error.type).toBe('invalid_request_error');
  });

  test('unknown /v1 route is 404 in OpenAI shape', async () => {
    const response = await get('/v1/assistants');
    expect(response.status).toBe(404);
    expect(response.json().error.type).toBe('not_found_error');
  });
});
