/**
 * `GET /v1/models` and `GET /v1/models/{model}` through the official `openai` client: every
 * endpoint and traffic route a client may pass as `model`, in config order, each owned by its
 * provider (routes by `llm-gateway`); with client keys, only what the key may call. A reload lists
 * the new config's names. The answers are checked against openapi/.
 */
import OpenAI from 'openai';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { FIXED_NOW, startGateway, type RunningGateway } from '../support/gateway';

const ENDPOINTS = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
  - name: chat-b
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo }
  - name: embeddings
    endpoint_type: llm/v1/embeddings
    model: { provider: mock, name: embed }
routes:
  - name: chat-route
    task_type: llm/v1/chat
    destinations: [{ name: chat, traffic_percentage: 50 }, { name: chat-b, traffic_percentage: 50 }]
`;

const AUTH = `
auth:
  api_keys:
    - { name: all, key: gw-MODELS-all-key-0123456789 }
    - { name: some, key: gw-MODELS-some-key-0123456789, endpoints: [embeddings, chat-route] }
`;

const model = (id: string, owner: string) => ({ id, object: 'model', created: FIXED_NOW, owned_by: owner });

const clientOf = (gateway: RunningGateway, apiKey = 'unused') => new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

async function listed(openai: OpenAI): Promise<unknown[]> {
  const models: unknown[] = [];
  for await (const entry of openai.models.list()) models.push(entry);
  return models;
}

describe('without client keys', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // Every response is checked against openapi/ (a mismatch would be a 500).
    gateway = await startGateway(ENDPOINTS, { validateResponses: true });
  });
  afterAll(() => gateway.close());

  test('every endpoint, then every traffic route, in config order; one by name', async () => {
    const openai = clientOf(gateway);
    expect(await listed(openai)).toEqual([model('chat', 'mock'), model('chat-b', 'mock'), model('embeddings', 'mock'), model('chat-route', 'llm-gateway')]);
    expect(await openai.models.retrieve('chat-route')).toEqual(model('chat-route', 'llm-gateway'));
    // A listed id is what `model` takes.
    const completion = await openai.chat.completions.create({ model: 'chat-route', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0].message.content).toBe('Echo: Hi');
  });

  test('an unknown model is a 404 in the OpenAI shape', async () => {
    const error = await clientOf(gateway).models.retrieve('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, param: 'model', message: "404 The model 'nope' does not exist: no gateway endpoint or route has that name." });
  });

  test('a reload lists the new config', async () => {
    const before = gateway.state.plan;
    const text = ENDPOINTS.replace('  - name: chat-b', '  - name: chat-c').replace('{ name: chat-b,', '{ name: chat-c,');
    gateway.state.plan = compilePlan(parseConfigText(text, '/virtual/reloaded.yaml', { env: {} }), '/virtual/reloaded.yaml', { now: () => FIXED_NOW + 60 });
    try {
      const ids = ((await listed(clientOf(gateway))) as { id: string; created: number }[]).map(({ id, created }) => [id, created]);
      expect(ids).toEqual([
        ['chat', FIXED_NOW + 60],
        ['chat-c', FIXED_NOW + 60],
        ['embeddings', FIXED_NOW + 60],
        ['chat-route', FIXED_NOW + 60],
      ]);
    } finally {
      gateway.state.plan = before;
    }
  });
});

describe('with client keys', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(ENDPOINTS + AUTH);
  });
  afterAll(() => gateway.close());

  test('a key sees only what it may call; looking up any other name, existing or not, is the 403 a call to it gets', async () => {
    expect(await listed(clientOf(gateway, 'gw-MODELS-all-key-0123456789'))).toHaveLength(4);
    const some = clientOf(gateway, 'gw-MODELS-some-key-0123456789');
    expect(await listed(some)).toEqual([model('embeddings', 'mock'), model('chat-route', 'llm-gateway')]);
    expect(await some.models.retrieve('embeddings')).toEqual(model('embeddings', 'mock'));
    const refusal = (caught: unknown) => {
      const error = caught as InstanceType<typeof OpenAI.APIError>;
      return { permissionDenied: error instanceof OpenAI.PermissionDeniedError, message: error.message, code: error.code };
    };
    const forbidden = (name: string) => ({ permissionDenied: true, message: `403 The API key 'some' may not call '${name}'.`, code: 'endpoint_not_allowed' });
    for (const name of ['chat', 'no-such-model']) {
      expect(refusal(await some.models.retrieve(name).catch((caught: unknown) => caught))).toEqual(forbidden(name));
      const call = some.chat.completions.create({ model: name, messages: [{ role: 'user', content: 'hi' }] });
      expect(refusal(await call.catch((caught: unknown) => caught))).toEqual(forbidden(name));
    }
  });

  test('no key, or a wrong one, is a 401', async () => {
    await expect(listed(clientOf(gateway, 'gw-MODELS-wrong-key-0123456789'))).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const bare = await fetch(`${gateway.url}/v1/models`);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('missing_api_key');
  });
});
