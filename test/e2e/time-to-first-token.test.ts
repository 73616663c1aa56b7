/**
 * `gen_ai_server_time_to_first_token_seconds` measures the time to the first chunk carrying a
 * generated token (text, a tool call, a refusal, reasoning), not to OpenAI's role-only opening
 * chunk, which a server sends before the model has produced anything; the audit line has both:
 * `first_token_ms`, the same time, and `first_chunk_ms`, when the first chunk (whatever it held)
 * was ready: for OpenAI, whose role chunk is held until the chunk after it, about the same. Over real HTTP: a
 * fake OpenAI upstream on 127.0.0.1 that sends its role chunk at once and its first token later.
 */
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';

/** How long the upstream holds its first token back after its role chunk. */
const HOLD_MS = 500;

const ROLE_ONLY = `${readFixture('openai', 'chat.stream.sse').split('\n\n')[0]}\n\n`;
const CHAT = { messages: [{ role: 'user' as const, content: 'Un café ?' }] };

let upstream: FakeUpstream;
let gateway: RunningGateway;
let lines: string[];

beforeAll(async () => {
  // The role chunk at once; after HOLD_MS, the fixture the request's endpoint names (its model).
  upstream = await startFakeUpstream((request, response) => {
    const fixture = (request.body as { model: string }).model;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(ROLE_ONLY);
    const timer = setTimeout(() => response.end(readFixture('openai', fixture)), HOLD_MS);
    response.on('close', () => clearTimeout(timer));
  });
  const endpoint = (name: string, fixture: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: ${fixture}, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  const capture = captureLog();
  lines = capture.lines;
  gateway = await startGateway(`endpoints:${endpoint('text', 'chat.stream.sse')}${endpoint('tools', 'chat-tool-calls.stream.sse')}\n`, { logger: capture.logger });
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** The time-to-first-token histogram's count and sum for an endpoint. */
async function timeToFirstToken(endpoint: string, model: string) {
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  const labels = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'openai', gen_ai_request_model: model, endpoint };
  return {
    count: sample(metrics, 'gen_ai_server_time_to_first_token_seconds_count', labels),
    sum: sample(metrics, 'gen_ai_server_time_to_first_token_seconds_sum', labels) ?? 0,
  };
}

/** The audit line of a request to `endpoint` (written once the request has ended). */
async function auditLine(endpoint: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((parsed) => parsed.endpoint === endpoint && parsed.status !== undefined);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no audit line for ${endpoint}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The line's whole milliseconds are the metric's seconds, rounded. */
function expectSameMilliseconds(milliseconds: unknown, seconds: number): void {
  expect(milliseconds).toEqual(expect.any(Number));
  expect(Math.abs((milliseconds as number) - seconds * 1000)).toBeLessThanOrEqual(0.5 + 1e-6);
}

test('text: the first token is the first content, not the role chunk before it (/v1, the official client)', async () => {
  const stream = await openaiClientFor(gateway).chat.completions.create({ model: 'text', ...CHAT, stream: true });
  const deltas: { role?: string | null; content?: string | null }[] = [];
  for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta ?? {});
  // The role chunk still reaches the client first, held until the first token (so a failure before it is retried).
  expect(deltas[0]).toMatchObject({ role: 'assistant', content: '' });

  const measured = await timeToFirstToken('text', 'chat.stream.sse');
  expect(measured.count).toBe(1);
  expect(measured.sum).toBeGreaterThanOrEqual(HOLD_MS / 1000);
  const line = await auditLine('text');
  expect(line.first_chunk_ms).toEqual(expect.any(Number));
  expect(line.first_chunk_ms as number).toBeGreaterThanOrEqual(HOLD_MS);
  expectSameMilliseconds(line.first_token_ms, measured.sum);
});

test('tool calls: the first token is the first tool-call chunk (MLflow route)', async () => {
  const response = await fetch(`${gateway.url}/endpoints/tools/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  const events = parseSse(await response.text());
  expect(events.at(-1)).toEqual({ data: '[DONE]' });

  const measured = await timeToFirstToken('tools', 'chat-tool-calls.stream.sse');
  expect(measured.count).toBe(1);
  expect(measured.sum).toBeGreaterThanOrEqual(HOLD_MS / 1000);
  expectSameMilliseconds((await auditLine('tools')).first_token_ms, measured.sum);
});
