/**
 * A provider's JSON answer (a 200, billed) that lacks what its translation needs, such as an
 * Anthropic message without its `content` list: README ("Timeouts and retries", Providers) says it
 * is a 502 `upstream_unreadable` naming the provider, the endpoint and the field, not retried, with
 * `x-should-retry: false`, as for any answer of an unexpected shape.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';

let upstream: FakeUpstream;
let gateway: RunningGateway;

/** Each vendor's path answered 200 with a JSON object that lacks the list its translation reads. */
function serveShapeless(request: RecordedRequest, response: ServerResponse): void {
  if (request.url === '/v1/messages') return sendJson(response, 200, { id: 'msg_1', type: 'message', role: 'assistant' });
  if (request.url === '/v1/chat/completions') return sendJson(response, 200, { id: 'chatcmpl-1', object: 'chat.completion' });
  if (request.url === '/v1/embed') return sendJson(response, 200, { id: 'e1' });
  sendJson(response, 404, { error: 'unexpected path' });
}

beforeAll(async () => {
  upstream = await startFakeUpstream(serveShapeless);
  gateway = await startGateway(`
defaults:
  retries: { max_attempts: 3, initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: an-key, anthropic_api_base: "${upstream.url}/v1" } }
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-key, openai_api_base: "${upstream.url}/v1" } }
  - name: cohere-embed
    endpoint_type: llm/v1/embeddings
    model: { provider: cohere, name: embed-english-v3.0, config: { cohere_api_key: co-key, cohere_api_base: "${upstream.url}/v1" } }
`);
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const cases = [
  { endpoint: 'claude', body: { model: 'claude', messages: [{ role: 'user', content: 'Hi' }] }, path: '/v1/chat/completions', provider: 'Anthropic', field: "'content'" },
  { endpoint: 'gpt', body: { model: 'gpt', messages: [{ role: 'user', content: 'Hi' }] }, path: '/v1/chat/completions', provider: 'OpenAI', field: "'choices'" },
  { endpoint: 'cohere-embed', body: { model: 'cohere-embed', input: ['Hi'] }, path: '/v1/embeddings', provider: 'Cohere', field: "'embeddings'" },
];

test.each(cases)('$provider: a 200 without $field is one call, a 502 upstream_unreadable naming the endpoint, not to be retried', async ({ endpoint, body, path, provider, field }) => {
  const before = upstream.requests.length;
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { error: { message: string; code: string } };
  expect({ status: response.status, shouldRetry: response.headers.get('x-should-retry'), code: answer.error.code, calls: upstream.requests.length - before }).toEqual({
    status: 502,
    shouldRetry: 'false',
    code: 'upstream_unreadable',
    calls: 1,
  });
  expect(answer.error.message).toContain(`${provider} answered endpoint '${endpoint}' with a response of an unexpected shape`);
  expect(answer.error.message).toContain(field);
});

test('the MLflow route gives the same message as its detail', async () => {
  const response = await fetch(`${gateway.url}/endpoints/claude/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
  });
  expect(response.status).toBe(502);
  expect(((await response.json()) as { detail: string }).detail).toBe(
    "Anthropic answered endpoint 'claude' with a response of an unexpected shape; the gateway could not translate it (Anthropic's response has no 'content' list).",
  );
});
