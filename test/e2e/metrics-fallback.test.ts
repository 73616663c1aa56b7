/**
 * A FALLBACK route's calls in the GenAI metrics: each destination tried is one operation of its own,
 * timed from its own start, so a destination that fails slowly (here after 2.6 s) is not counted in
 * the time of the one that answers next, and its own call is recorded with its error. (The other
 * metrics of one process: metrics.test.ts.)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { sample } from '../support/metrics';

/**
 * How long the slow destination takes to fail: each answer after it must be counted in less. Long,
 * so that the buckets below it (2.56 s, 2.5 s) leave a loaded machine room: the mock's answers take
 * about 10 ms here, the refusal up to 60 ms, and CI's loaded cores stretch such times tenfold.
 */
const SLOW_FAILURE_MS = 2_600;
/** The largest buckets below SLOW_FAILURE_MS: of gen_ai_client_operation_duration_seconds, and of the first token and the request's duration. */
const OPERATION_UNDER_SLOW = '2.56';
const SECONDS_UNDER_SLOW = '2.5';

let upstream: FakeUpstream;
let gateway: RunningGateway;
let metrics: string;
let statuses: number[];

beforeAll(async () => {
  upstream = await startFakeUpstream(async (_request, response) => {
    await sleep(SLOW_FAILURE_MS);
    sendJson(response, 503, { error: { message: 'overloaded' } });
  });
  gateway = await startGateway(`
endpoints:
  - name: slow
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-metrics-test, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 1 }
  - name: backup
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo-model }
  - name: strict
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-metrics-test } }
routes:
  - { name: slow-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: slow }, { name: backup }] }
  - { name: slow-then-strict, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: slow }, { name: strict }] }
`);
  const post = (route: string, body: Record<string, unknown>) =>
    fetch(`${gateway.url}/gateway/${route}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }) }).then(async (response) => {
      await response.text();
      return response.status;
    });
  statuses = await Promise.all([
    post('slow-then-backup', {}),
    post('slow-then-backup', { stream: true }),
    // Claude takes temperature or top_p, not both: strict refuses it, so slow's failure is the answer.
    post('slow-then-strict', { temperature: 0.5, top_p: 0.5 }),
  ]);
  metrics = await (await fetch(`${gateway.url}/metrics`)).text();
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const genAi = (endpoint: string) =>
  endpoint === 'slow'
    ? { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'openai', gen_ai_request_model: 'gpt-4o-mini', endpoint }
    : endpoint === 'backup'
      ? { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'mock', gen_ai_request_model: 'echo-model', endpoint }
      : { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'anthropic', gen_ai_request_model: 'claude-sonnet-4-5', endpoint };

test('the destination that answers after a slow failure is timed from its own start, its first token too', () => {
  expect(statuses.slice(0, 2)).toEqual([200, 200]);
  const answered = { ...genAi('backup'), error_type: '' };
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', answered)).toBe(2);
  // Both answers took a mock's time, not the 2.6 s spent on slow before them.
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_bucket', { ...answered, le: OPERATION_UNDER_SLOW })).toBe(2);
  expect(sample(metrics, 'gen_ai_server_time_to_first_token_seconds_count', genAi('backup'))).toBe(1);
  expect(sample(metrics, 'gen_ai_server_time_to_first_token_seconds_bucket', { ...genAi('backup'), le: SECONDS_UNDER_SLOW })).toBe(1);
  // The request's own duration still includes both calls.
  expect(sample(metrics, 'http_server_request_duration_seconds_bucket', { http_request_method: 'POST', http_route: '/gateway/{name}/invocations', http_response_status_code: '200', le: SECONDS_UNDER_SLOW })).toBe(0);
});

test('each failed destination is an operation of its own, under its endpoint with its error, counted once', () => {
  expect(statuses[2]).toBe(502);
  // Three calls to slow: two the route moved past, one whose failure is the answer after strict refused.
  const failed = { ...genAi('slow'), error_type: 'upstream_error' };
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', failed)).toBe(3);
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_bucket', { ...failed, le: OPERATION_UNDER_SLOW })).toBe(0);
  expect(sample(metrics, 'gateway_upstream_errors_total', { endpoint: 'slow', provider: 'openai', code: 'upstream_error', status: '502' })).toBe(3);
  // strict's refusal, tried after slow, is timed from its own start.
  const refused = { ...genAi('strict'), error_type: 'invalid_value' };
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', refused)).toBe(1);
  expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_bucket', { ...refused, le: OPERATION_UNDER_SLOW })).toBe(1);
});
