/**
 * A provider (or a proxy in front of it) that answers `100 Continue` though the gateway sent no
 * `Expect` header, then its answer. undici cannot read past that interim answer and drops the
 * connection (unexpected-continue.ts): the client gets a 502 that says so, not that the provider
 * could not be reached; the call is not sent again (the server would do the same, and run and bill
 * each attempt), and a FALLBACK route moves on to its next destination. Found by a chaos soak.
 */
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveOpenAIFixtures } from '../support/fixture-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';

let continuing: FakeUpstream;
let healthy: FakeUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  continuing = await startFakeUpstream((request, response) => {
    response.writeContinue();
    serveOpenAIFixtures(request, response);
  });
  healthy = await startFakeUpstream(serveOpenAIFixtures);
  gateway = await startGateway(`
defaults:
  retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: continuing
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${continuing.url}/v1" } }
  - name: healthy
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${healthy.url}/v1" } }
routes:
  - { name: continuing-then-healthy, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: continuing }, { name: healthy }] }
`);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([continuing.close(), healthy.close()]);
});
beforeEach(() => {
  continuing.requests.length = 0;
  healthy.requests.length = 0;
});

const post = (model: string, stream: boolean) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Hi' }] }),
  });

const SAID =
  "OpenAI answered for endpoint 'continuing' with an interim 100 Continue that the gateway did not ask for; its HTTP client (undici) cannot read past one, so the answer was lost (UND_ERR_SOCKET).";

test.each([
  ['JSON', false],
  ['stream', true],
])('%s: a 502 naming the 100 Continue, after one call, not three', async (_kind, stream) => {
  const response = await post('continuing', stream);
  expect(response.status).toBe(502);
  expect(await response.json()).toEqual({ error: { message: SAID, type: 'upstream_error', param: null, code: 'upstream_unavailable' } });
  expect(continuing.requests).toHaveLength(1);
});

test('a FALLBACK route moves on to the next destination, which answers', async () => {
  const response = await post('continuing-then-healthy', false);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-gateway-endpoint')).toBe('healthy');
  expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
  expect([continuing.requests.length, healthy.requests.length]).toEqual([1, 1]);
});
