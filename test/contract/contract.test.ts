/**
 * Contract: every response the gateway sends matches openapi/ (express-openapi-validator response
 * validation is on, so a mismatch turns into a 500), and every stream chunk matches the chunk schema.
 */
import type { ValidateFunction } from 'ajv';
import { validateChatChunk, validateCompletionsChunk } from '../../generated/request-validators';
import { startFakeUpstream, sendJson, type FakeUpstream } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { readFixture } from '../support/fixtures';

let upstream: FakeUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startFakeUpstream((request, response) => {
    const stream = (request.body as { stream?: boolean }).stream === true;
    const operation = request.url.split('?')[0].split('/').pop();
    const fixture = { completions: 'completions', embeddings: 'embeddings' }[operation as string] ?? 'chat';
    if (stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(readFixture('openai', `${fixture}.stream.sse`));
    } else {
      sendJson(response, 200, JSON.parse(readFixture('openai', `${fixture}.response.json`)));
    }
  });
  const openai = (type: string, name: string) => `
  - name: openai-${name}
    endpoint_type: llm/v1/${type}
    model:
      provider: openai
      name: model-x
      config: { openai_api_key: sk-x, openai_api_base: "${upstream.url}/v1" }`;
  gateway = await startGateway(
    `
endpoints:
  - { name: mock-chat, endpoint_type: llm/v1/chat, model: { provider: mock } }
  - { name: mock-completions, endpoint_type: llm/v1/completions, model: { provider: mock } }
  - { name: mock-embeddings, endpoint_type: llm/v1/embeddings, model: { provider: mock } }
${openai('chat', 'chat')}
${openai('completions', 'completions')}
${openai('embeddings', 'embeddings')}
`,
    { validateResponses: true },
  );
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

const chatBody = { messages: [{ role: 'user', content: 'Hello' }] };
const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }];

describe.each(['mock', 'openai'])('%s provider responses match the spec', (provider) => {
  test.each([
    ['chat', chatBody],
    ['chat', { ...chatBody, tools }],
    ['completions', { prompt: 'Hello' }],
    ['embeddings', { input: ['a', 'b'] }],
  ])('%s invocation and /v1', async (type, body) => {
    const invocation = await post(`/gateway/${provider}-${type}/invocations`, body);
    expect(invocation.status).toBe(200);
    const v1Path = { chat: '/v1/chat/completions', completions: '/v1/completions', embeddings: '/v1/embeddings' }[type]!;
    const v1 = await post(v1Path, { ...body, model: `${provider}-${type}` });
    expect(v1.status).toBe(200);
  });

  test.each<[string, ValidateFunction]>([
    ['chat', validateChatChunk],
    ['completions', validateCompletionsChunk],
  ])('%s stream chunks match the chunk schema', async (type, validate) => {
    const body = type === 'chat' ? { ...chatBody, stream: true } : { prompt: 'Hello', stream: true };
    const response = await post(`/endpoints/${provider}-${type}/invocations`, body);
    expect(response.status).toBe(200);
    const events = parseSse(response.text);
    expect(events.pop()).toEqual({ data: '[DONE]' });
    expect(events.length).toBeGreaterThan(1);
    for (const event of events) {
      expect(event.event).toBeUndefined();
      const chunk = JSON.parse(event.data);
      expect({ valid: validate(chunk), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    }
  });
});

test('error bodies match the spec too', async () => {
  expect((await post('/endpoints/mock-chat/invocations', { messages: [] })).status).toBe(422);
  expect((await post('/v1/chat/completions', { model: 'mock-chat', messages: [] })).status).toBe(400);
  expect((await post('/gateway/nope/invocations', chatBody)).status).toBe(404);
});

test('the response validator does reject a response that breaks the spec', async () => {
  const broken = await startGateway('endpoints:\n  - { name: c, endpoint_type: llm/v1/chat, model: { provider: mock } }\n', { validateResponses: true });
  try {
    const endpoint = broken.state.plan.endpoints.get('c')!;
    // A provider answer missing `usage` and with a numeric `id` must not get past the contract.
    (endpoint.target as { chat: unknown }).chat = async () => ({ id: 7, object: 'chat.completion', created: 1, model: 'm', choices: [] });
    const response = await fetch(`${broken.url}/endpoints/c/invocations`, { method: 'POST', body: JSON.stringify(chatBody) });
    expect(response.status).toBe(500);
  } finally {
    await broken.close();
  }
});
