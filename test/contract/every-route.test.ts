/**
 * Contract: every route of openapi/ answered for real, successes and failures, each answer checked
 * against what the spec lists for its route and status (test/support/spec-answers.ts). The gateway
 * runs as in production (fast path on, client keys configured), so answers written before any
 * response validator could see them (401s, body parser errors) are checked too.
 */
import type { ServerResponse } from 'node:http';
import { encodePageToken, PAGE_SIZE } from '../../src/server/routes/endpoints';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { specOperations, specProblems, specTemplateOf } from '../support/spec-answers';

const ALL = 'every-route-key-all';
const CHAT_ONLY = 'every-route-key-chat-only';
const chat = { messages: [{ role: 'user', content: 'Un café ?' }] };

/**
 * The vendor behind `failing`: refuses every call as OpenAI does with a request it will not take,
 * except that a stream starts (one chunk) and is then cut, which the gateway ends with an error event.
 */
function failEverything(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: unknown }).stream !== true) {
    sendJson(response, 400, { error: { message: 'This model does not exist', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: 'Un' }, finish_reason: null }] };
  response.write(`data: ${JSON.stringify(chunk)}\n\n`, () => response.destroy());
}

function configOf(upstreamUrl: string): string {
  return `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo } }
  - { name: completions, endpoint_type: llm/v1/completions, model: { provider: mock, name: echo } }
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: mock, name: echo } }
  - { name: once, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo }, limit: { calls: 1, renewal_period: day } }
  - name: failing
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-every-route-secret, openai_api_base: "${upstreamUrl}/v1" } }
routes:
  - { name: split, task_type: llm/v1/chat, destinations: [{ name: chat, traffic_percentage: 100 }] }
auth:
  api_keys:
    - { name: all, key: ${ALL} }
    - { name: chat-only, key: ${CHAT_ONLY}, endpoints: [chat] }
`;
}

interface Case {
  method: 'GET' | 'POST' | 'DELETE';
  /** `{kept}` stands for the id of the first Response the cases got (kept by the gateway). */
  path: string;
  body?: unknown;
  /** The client key sent; `ALL` unless said. */
  key?: string | null;
  status: number;
  /** A stream that fails mid-way ends with an `error` event instead of `[DONE]`. */
  endsInError?: true;
}

const CASES: Case[] = [
  { method: 'GET', path: '/health', key: null, status: 200 },
  { method: 'GET', path: '/metrics', status: 200 },
  { method: 'GET', path: '/metrics', key: null, status: 401 },
  { method: 'GET', path: '/api/2.0/endpoints/', status: 200 },
  { method: 'GET', path: `/api/2.0/endpoints/?page_token=${encodeURIComponent(encodePageToken(2))}`, status: 200 },
  { method: 'GET', path: '/api/2.0/endpoints/?page_token=not-a-token', status: 400 },
  { method: 'GET', path: '/api/2.0/endpoints/', key: null, status: 401 },
  { method: 'GET', path: '/api/2.0/endpoints/', key: 'not-a-key', status: 401 },
  { method: 'GET', path: '/api/2.0/endpoints/chat', status: 200 },
  { method: 'GET', path: '/api/2.0/endpoints/nope', status: 404 },
  { method: 'GET', path: '/api/2.0/endpoints/completions', key: CHAT_ONLY, status: 403 },
  { method: 'GET', path: '/api/2.0/endpoints/nope', key: CHAT_ONLY, status: 403 },
  { method: 'GET', path: '/api/2.0/endpoints/chat', key: null, status: 401 },
  { method: 'GET', path: '/api/2.0/gateway/routes/', status: 200 },
  { method: 'GET', path: '/api/2.0/gateway/routes/?page_token=not-a-token', status: 400 },
  { method: 'GET', path: '/api/2.0/gateway/routes/', key: null, status: 401 },
  { method: 'GET', path: '/api/2.0/gateway/routes/once', status: 200 },
  { method: 'GET', path: '/api/2.0/gateway/routes/nope', status: 404 },
  { method: 'GET', path: '/api/2.0/gateway/routes/once', key: null, status: 401 },
  { method: 'GET', path: '/api/3.0/gateway/endpoint/once', status: 200 },
  { method: 'GET', path: '/api/3.0/gateway/endpoint/nope', status: 404 },
  { method: 'GET', path: '/api/3.0/gateway/endpoint/once', key: null, status: 401 },
  { method: 'GET', path: '/api/3.0/gateway/route/split', status: 200 },
  { method: 'GET', path: '/api/3.0/gateway/route/chat', status: 404 },
  { method: 'GET', path: '/api/3.0/gateway/route/split', key: null, status: 401 },
  { method: 'GET', path: '/v1/models', status: 200 },
  { method: 'GET', path: '/v1/models', key: null, status: 401 },
  { method: 'GET', path: '/v1/models/split', status: 200 },
  { method: 'GET', path: '/v1/models/nope', status: 404 },
  { method: 'GET', path: '/v1/models/completions', key: CHAT_ONLY, status: 403 },
  { method: 'POST', path: '/endpoints/chat/invocations', body: chat, status: 200 },
  { method: 'POST', path: '/endpoints/chat/invocations', body: { ...chat, stream: true }, status: 200 },
  { method: 'POST', path: '/gateway/split/invocations', body: { ...chat, stream: true }, status: 200 },
  { method: 'POST', path: '/gateway/completions/invocations', body: { prompt: 'Un café', stream: true }, status: 200 },
  { method: 'POST', path: '/gateway/completions/invocations', body: { prompt: 'Un café' }, status: 200 },
  { method: 'POST', path: '/gateway/embeddings/invocations', body: { input: ['un', 'café'] }, status: 200 },
  { method: 'POST', path: '/endpoints/chat/invocations', body: { messages: [] }, status: 422 },
  { method: 'POST', path: '/endpoints/nope/invocations', body: chat, status: 404 },
  { method: 'POST', path: '/endpoints/chat/invocations', body: chat, key: null, status: 401 },
  { method: 'POST', path: '/endpoints/completions/invocations', body: { prompt: 'x' }, key: CHAT_ONLY, status: 403 },
  { method: 'POST', path: '/endpoints/failing/invocations', body: chat, status: 400 },
  { method: 'POST', path: '/endpoints/failing/invocations', body: { ...chat, stream: true }, status: 200, endsInError: true },
  { method: 'POST', path: '/endpoints/once/invocations', body: chat, status: 200 },
  { method: 'POST', path: '/endpoints/once/invocations', body: chat, status: 429 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'chat' }, status: 200 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'split', stream: true }, status: 200 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'completions' }, status: 400 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'nope' }, status: 404 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'once' }, status: 429 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'failing' }, status: 400 },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'failing', stream: true }, status: 200, endsInError: true },
  { method: 'POST', path: '/v1/chat/completions', body: { ...chat, model: 'chat' }, key: null, status: 401 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'chat' }, status: 200 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'split', stream: true }, status: 200 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'failing', stream: true }, status: 200, endsInError: true },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'completions' }, status: 400 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'chat', previous_response_id: 'resp_1' }, status: 400 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'nope' }, status: 404 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'failing' }, status: 400 },
  { method: 'POST', path: '/v1/responses', body: { input: 'Un café ?', model: 'chat' }, key: null, status: 401 },
  { method: 'GET', path: '/v1/responses/{kept}', status: 200 },
  { method: 'GET', path: '/v1/responses/{kept}', key: CHAT_ONLY, status: 404 },
  { method: 'GET', path: '/v1/responses/resp_nope', status: 404 },
  { method: 'GET', path: '/v1/responses/{kept}', key: null, status: 401 },
  { method: 'GET', path: '/v1/responses/{kept}/input_items', status: 200 },
  { method: 'GET', path: '/v1/responses/{kept}/input_items?limit=1&order=asc&include[]=message.input_image.image_url', status: 200 },
  { method: 'GET', path: '/v1/responses/{kept}/input_items?limit=0', status: 400 },
  { method: 'GET', path: '/v1/responses/{kept}/input_items', key: CHAT_ONLY, status: 404 },
  { method: 'GET', path: '/v1/responses/resp_nope/input_items', status: 404 },
  { method: 'POST', path: '/v1/responses/{kept}/cancel', status: 400 },
  { method: 'POST', path: '/v1/responses/resp_nope/cancel', status: 404 },
  { method: 'DELETE', path: '/v1/responses/{kept}', status: 200 },
  { method: 'DELETE', path: '/v1/responses/{kept}', status: 404 },
  { method: 'POST', path: '/v1/completions', body: { prompt: 'Un café', model: 'completions' }, status: 200 },
  { method: 'POST', path: '/v1/completions', body: { prompt: 'Un café', model: 'completions', stream: true }, status: 200 },
  { method: 'POST', path: '/v1/embeddings', body: { input: 'un café', model: 'embeddings' }, status: 200 },
  { method: 'POST', path: '/v1/embeddings', body: { input: 'un café', model: 'chat' }, status: 400 },
];

function titleOf(testCase: Case): string {
  const stream = (testCase.body as { stream?: boolean } | undefined)?.stream ? ' (stream)' : '';
  const key = testCase.key === undefined ? '' : testCase.key === null ? ' without a key' : testCase.key === CHAT_ONLY ? ' with a key for chat only' : ' with an unknown key';
  return `${testCase.method} ${testCase.path}${stream}${key} → ${testCase.status}`;
}

/** The id of the first Response a case got: `{kept}` in a path. */
let keptId = '';

async function answerOf(gateway: RunningGateway, testCase: Case) {
  const key = testCase.key === undefined ? ALL : testCase.key;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) };
  const path = testCase.path.replace('{kept}', keptId);
  const response = await fetch(`${gateway.url}${path}`, { method: testCase.method, headers, body: testCase.body === undefined ? undefined : JSON.stringify(testCase.body) });
  const answer = { method: testCase.method, path, status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  if (keptId === '' && path === '/v1/responses' && answer.status === 200 && answer.contentType?.startsWith('application/json')) keptId = (JSON.parse(answer.text) as { id: string }).id;
  return answer;
}

describe('every route, every kind of answer', () => {
  let upstream: FakeUpstream;
  let gateway: RunningGateway;

  beforeAll(async () => {
    upstream = await startFakeUpstream(failEverything);
    gateway = await startGateway(configOf(upstream.url));
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  test('the cases call every operation of the spec', () => {
    const called = new Set(CASES.map(({ method, path }) => `${method.toLowerCase()} ${specTemplateOf(path)}`));
    expect(specOperations().filter((operation) => !called.has(operation))).toEqual([]);
  });

  // In order: `once` is called twice, the second call meeting its limit.
  test.each(CASES.map((testCase) => [titleOf(testCase), testCase] as const))('%s', async (_title, testCase) => {
    const answer = await answerOf(gateway, testCase);
    expect({ status: answer.status, problems: specProblems(answer) }).toEqual({ status: testCase.status, problems: [] });
    if (testCase.endsInError) expect(parseSse(answer.text).at(-1)?.event).toBe(testCase.path === '/v1/responses' ? 'response.failed' : 'error');
  });
});

describe('both pages of the endpoint lists', () => {
  let gateway: RunningGateway;
  const names = Array.from({ length: PAGE_SIZE + 1 }, (_, index) => `e${index}`);

  beforeAll(async () => {
    gateway = await startGateway(`endpoints:\n${names.map((name) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: mock } }`).join('\n')}\n`);
  });
  afterAll(() => gateway.close());

  test.each(['/api/2.0/endpoints/', '/api/2.0/gateway/routes/'])('%s: a full page with a token, then the last page, both as the spec says', async (path) => {
    const first = await answerOf(gateway, { method: 'GET', path, status: 200 });
    expect({ status: first.status, problems: specProblems(first) }).toEqual({ status: 200, problems: [] });
    const token = (JSON.parse(first.text) as { next_page_token: string }).next_page_token;
    expect(token).toBe(encodePageToken(PAGE_SIZE));
    const last = await answerOf(gateway, { method: 'GET', path: `${path}?page_token=${encodeURIComponent(token)}`, status: 200 });
    expect({ status: last.status, problems: specProblems(last), next: (JSON.parse(last.text) as { next_page_token: unknown }).next_page_token }).toEqual({ status: 200, problems: [], next: null });
  });
});
