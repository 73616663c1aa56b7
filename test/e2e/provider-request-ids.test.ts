/**
 * The audit line names the id the provider gave its answer (`provider_request_id`): OpenAI's
 * `x-request-id`, Anthropic's `request-id`, AWS's `x-amzn-requestid`, on answers, streams and
 * errors, the last attempt's after a retry, none when the last attempt got no answer, and never one
 * holding the provider's key. Real gateway, fake vendors on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLines, type LogLine } from '../support/log-capture';
import { startPluginGateway } from '../support/plugin-gateway';

const OPENAI_KEY = 'sk-proj-IDS-provider-key-4b8d1e';

/** What the fake OpenAI does for a prompt: its answers carry `x-request-id: req_<prompt>`. */
function serveOpenAI(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { model: string; stream?: boolean; messages: { content: string }[] };
  const prompt = body.messages[0].content;
  const id = { 'x-request-id': `req_${prompt}` };
  // Both destinations of the route busy: the first for 30 s, the second for 50 s.
  if (prompt === 'busy everywhere') {
    const wait = body.model === 'gpt-4o-mini' ? '30' : '50';
    return sendJson(response, 429, readJsonFixture('openai', 'error-429.json'), { 'x-request-id': `req_busy_${wait}`, 'retry-after': wait });
  }
  if (prompt === 'overloaded') return sendJson(response, 503, { error: { message: 'overloaded', type: 'server_error' } }, { 'x-request-id': 'req_overloaded' });
  if (prompt === 'busy') return sendJson(response, 429, readJsonFixture('openai', 'error-429.json'), { ...id, 'retry-after': '30' });
  if (prompt === 'echoes key') return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'), { 'x-request-id': OPENAI_KEY });
  if (prompt === 'odd id') return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'), { 'x-request-id': 'has spaces in it' });
  if (prompt === 'no id') return sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
  // The first attempt of each gets a 503 with an id; the retry gets an answer with another, or no answer at all.
  if (prompt === 'retried' || prompt === 'cut') {
    const attempt = openaiCalls.filter((call) => call === prompt).length;
    openaiCalls.push(prompt);
    if (attempt === 0) return sendJson(response, 503, { error: { message: 'overloaded', type: 'server_error' } }, { 'x-request-id': 'req_first_attempt' });
    if (prompt === 'cut') return void response.socket?.destroy();
  }
  if (body.stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream', ...id });
    response.end(readFixture('openai', 'chat.stream.sse'));
    return;
  }
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'), id);
}

function serveAnthropic(_request: RecordedRequest, response: ServerResponse): void {
  sendJson(response, 200, readJsonFixture('anthropic', 'chat.response.json'), { 'request-id': 'req_011CAnthropicId' });
}

const openaiCalls: string[] = [];
let openai: FakeUpstream;
let anthropic: FakeUpstream;
let bedrock: FakeBedrock;
let gateway: RunningGateway;
let lines: string[];

beforeAll(async () => {
  openai = await startFakeUpstream(serveOpenAI);
  anthropic = await startFakeUpstream(serveAnthropic);
  bedrock = await startFakeBedrock(() => ({ json: readJsonFixture('bedrock', 'converse-chat.response.json') }));
  const log = captureLog();
  lines = log.lines;
  gateway = await startGateway(
    `
defaults:
  retries: { initial_backoff: 0.01, max_backoff: 0.02 }
endpoints:
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${openai.url}/v1" } }
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-IDS-key, anthropic_api_base: "${anthropic.url}/v1" } }
  - name: gpt-later
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4.1, config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${openai.url}/v1" } }
  - name: nova
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: amazon.nova-lite-v1:0
      config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "${bedrock.url}", aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret } }
routes:
  - { name: busy-route, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: gpt }, { name: gpt-later }] }
`,
    { env: { OPENAI_KEY }, logger: log.logger },
  );
});

afterAll(async () => {
  await gateway?.close();
  await openai?.close();
  await anthropic?.close();
  await bedrock?.close();
});

/** Calls `endpoint` with `prompt` and returns the status and the request's audit line. */
async function call(endpoint: string, prompt: string, options: { stream?: boolean } = {}): Promise<{ status: number; line: LogLine }> {
  const requestId = `ids-${endpoint}-${prompt.replace(/ /g, '-')}-${options.stream ? 'stream' : 'json'}`;
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ model: endpoint, messages: [{ role: 'user', content: prompt }], ...(options.stream && { stream: true }) }),
  });
  await response.text();
  const [line] = await waitForLogLines(lines, (candidate) => candidate.msg === 'request' && candidate.request_id === requestId, 1);
  return { status: response.status, line };
}

test("an answer's id is on its line, for OpenAI's x-request-id, Anthropic's request-id and AWS's x-amzn-requestid", async () => {
  expect(await call('gpt', 'hello')).toMatchObject({ status: 200, line: { provider_request_id: 'req_hello' } });
  expect(await call('claude', 'hello')).toMatchObject({ status: 200, line: { provider_request_id: 'req_011CAnthropicId' } });
  expect(await call('nova', 'hello')).toMatchObject({ status: 200, line: { provider_request_id: 'fake-request-id' } });
});

test("a stream's and an error's id too", async () => {
  expect(await call('gpt', 'streamed', { stream: true })).toMatchObject({ status: 200, line: { stream: true, provider_request_id: 'req_streamed' } });
  expect(await call('gpt', 'busy')).toMatchObject({ status: 429, line: { provider_request_id: 'req_busy' } });
});

test("after a retry, the answered attempt's id; when the last attempt got no answer, none (not the earlier attempt's)", async () => {
  expect(await call('gpt', 'retried')).toMatchObject({ status: 200, line: { retries: 1, provider_request_id: 'req_retried' } });
  const cut = await call('gpt', 'cut');
  expect(cut.status).toBe(502);
  // Every retry after the first is cut too: none answered.
  expect(cut.line.retries).toBeGreaterThanOrEqual(1);
  expect(cut.line).not.toHaveProperty('provider_request_id');
});

test('no id when the answer has none, when it is not a plain token, or when it holds the provider key', async () => {
  for (const prompt of ['no id', 'odd id', 'echoes key']) {
    const { status, line } = await call('gpt', prompt);
    expect(status).toBe(200);
    expect(line).not.toHaveProperty('provider_request_id');
    expect(JSON.stringify(line)).not.toContain(OPENAI_KEY);
  }
});

test("a FALLBACK route whose answer is an earlier destination's failure: that destination's id, not the last one tried", async () => {
  // Among 429s the shortest wait is the answer: the first destination's.
  expect(await call('busy-route', 'busy everywhere')).toMatchObject({ status: 429, line: { endpoint: 'gpt', provider_request_id: 'req_busy_30' } });
});

test("a FALLBACK route answered by a plugin after a provider's failure: no id (the failed call's is not the answer's)", async () => {
  const plugin = `'use strict';
module.exports = { displayName: 'Fake', endpointTypes: ['llm/v1/chat'], createEndpoint() { return { async chat() { return ${JSON.stringify(readJsonFixture('openai', 'chat.response.json'))}; } }; } };
`;
  const log = captureLog();
  const withPlugin = await startPluginGateway(
    plugin,
    `  - { name: gpt, endpoint_type: llm/v1/chat, retries: { max_attempts: 1 }, model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-IDS-plugin-route, openai_api_base: "${openai.url}/v1" } } }
  - { name: p, endpoint_type: llm/v1/chat, model: { provider: fake, name: m } }
routes:
  - { name: to-plugin, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: gpt }, { name: p }] }
`,
    log.logger,
  );
  try {
    const response = await fetch(`${withPlugin.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'ids-to-plugin' },
      body: JSON.stringify({ model: 'to-plugin', messages: [{ role: 'user', content: 'overloaded' }] }),
    });
    await response.text();
    expect(response.status).toBe(200);
    const [line] = await waitForLogLines(log.lines, (candidate) => candidate.msg === 'request' && candidate.request_id === 'ids-to-plugin', 1);
    expect(line.endpoint).toBe('p');
    expect(line).not.toHaveProperty('provider_request_id');
  } finally {
    await withPlugin.close();
  }
});
