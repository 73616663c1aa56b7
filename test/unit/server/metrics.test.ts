/**
 * The per-request metrics of one process, recorded from finished request records: counts per
 * client key, counting again after a registry reset, and no series a request never needed
 * (test/e2e/metrics.test.ts covers the same metrics over HTTP and across workers).
 */
import type { CompiledEndpoint } from '../../../src/config/compile';
import { recordFailedCall, recordRequestMetrics, registry } from '../../../src/server/metrics';
import type { RequestRecord } from '../../../src/server/request-record';
import { usageOf } from '../../../src/server/token-usage';

const endpoint = {
  name: 'chat',
  provider: 'openai',
  genAiProviderName: 'openai',
  endpointType: 'llm/v1/chat',
  view: { model: { name: 'gpt-4o-mini' } },
} as unknown as CompiledEndpoint;

function finished(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: 'request-1',
    method: 'POST',
    path: '/endpoints/chat/invocations',
    route: '/endpoints/{name}/invocations',
    called: 'chat',
    endpoint,
    client: null,
    stream: false,
    status: 200,
    startedAt: 0,
    latencyMs: 20,
    firstChunkMs: null,
    firstTokenMs: null,
    retries: 0,
    providerCall: null,
    trace: null,
    usage: { prompt: 3, completion: 4, total: 7, details: null, webSearches: null },
    streamTokens: null,
    streamTokensLimited: false,
    streamTokensEndpoint: null,
    error: null,
    aborted: false,
    heldBodyBytes: 0,
    logBodies: false,
    maxBodyChars: 1024,
    ...overrides,
  };
}

const REQUESTS = 'gateway_requests_total{route="/endpoints/{name}/invocations",endpoint="chat",provider="openai",status="200"}';
const GEN_AI = 'gen_ai_operation_name="chat",gen_ai_provider_name="openai",gen_ai_request_model="gpt-4o-mini",endpoint="chat"';

function line(text: string, prefix: string): string | undefined {
  return text.split('\n').find((candidate) => candidate.startsWith(`${prefix} `));
}

beforeEach(() => registry.resetMetrics());

test("cached, cache-creation and reasoning tokens go to gateway_tokens_total by client key, not to the conventions' token types", async () => {
  recordRequestMetrics(finished({ client: 'team-a', usage: { prompt: 200, completion: 50, total: 250, details: { cached: 150, cacheCreation: 30, reasoning: null }, webSearches: null } }));
  recordRequestMetrics(finished({ client: 'team-a', usage: { prompt: 20, completion: 40, total: 60, details: { cached: 10, cacheCreation: null, reasoning: 25 }, webSearches: null } }));
  const text = await registry.metrics();
  const tokens = (type: string) => line(text, `gateway_tokens_total{endpoint="chat",client="team-a",type="${type}"}`);
  expect(tokens('cached')).toMatch(/ 160$/);
  expect(tokens('cache_creation')).toMatch(/ 30$/);
  expect(tokens('reasoning')).toMatch(/ 25$/);
  expect(line(text, `gen_ai_client_token_usage_sum{${GEN_AI},gen_ai_token_type="input"}`)).toMatch(/ 220$/);
  expect(text).not.toMatch(/gen_ai_token_type="(?!input"|output")/);
});

test('web searches an answer reported go to gateway_web_search_requests_total by endpoint; an answer without any adds no series', async () => {
  recordRequestMetrics(finished({ client: 'team-a', usage: { prompt: 200, completion: 50, total: 250, details: null, webSearches: 2 } }));
  recordRequestMetrics(finished({ client: 'team-b', usage: { prompt: 20, completion: 40, total: 60, details: null, webSearches: 1 } }));
  recordRequestMetrics(finished({ client: 'team-b' }));
  expect(line(await registry.metrics(), 'gateway_web_search_requests_total{endpoint="chat"}')).toBe('gateway_web_search_requests_total{endpoint="chat"} 3');
  registry.resetMetrics();
  recordRequestMetrics(finished({}));
  expect(await registry.metrics()).not.toMatch(/^gateway_web_search_requests_total\{/m);
});

test('requests of one kind add up, and each client key keeps its own token counts', async () => {
  recordRequestMetrics(finished({ client: 'team-a' }));
  recordRequestMetrics(finished({ client: 'team-a' }));
  recordRequestMetrics(finished({ client: 'team-b', usage: { prompt: 10, completion: 1, total: 11, details: null, webSearches: null } }));
  const text = await registry.metrics();
  expect(line(text, REQUESTS)).toBe(`${REQUESTS} 3`);
  expect(line(text, 'gateway_tokens_total{endpoint="chat",client="team-a",type="prompt"}')).toMatch(/ 6$/);
  expect(line(text, 'gateway_tokens_total{endpoint="chat",client="team-b",type="prompt"}')).toMatch(/ 10$/);
  expect(line(text, `gen_ai_client_token_usage_sum{${GEN_AI},gen_ai_token_type="input"}`)).toMatch(/ 16$/);
  expect(line(text, `gen_ai_client_operation_duration_seconds_count{${GEN_AI},error_type=""}`)).toMatch(/ 3$/);
});

test('after a registry reset, the next request is counted from zero and printed', async () => {
  recordRequestMetrics(finished());
  registry.resetMetrics();
  expect(line(await registry.metrics(), REQUESTS)).toBeUndefined();
  recordRequestMetrics(finished());
  const text = await registry.metrics();
  expect(line(text, REQUESTS)).toBe(`${REQUESTS} 1`);
  expect(line(text, 'gateway_tokens_total{endpoint="chat",client="",type="total"}')).toMatch(/ 7$/);
});

test('no empty series: time to first token only for streams, tokens only when reported', async () => {
  recordRequestMetrics(finished({ usage: null }));
  recordRequestMetrics(finished({ status: 502, usage: null, error: { code: 'upstream_error', message: 'overloaded' } }));
  const text = await registry.metrics();
  expect(text).not.toContain('gen_ai_server_time_to_first_token_seconds_count{');
  expect(text).not.toContain('gateway_tokens_total{');
  expect(text).not.toContain('gen_ai_client_token_usage_count{');
  expect(line(text, `gen_ai_client_operation_duration_seconds_count{${GEN_AI},error_type=""}`)).toMatch(/ 1$/);
  expect(line(text, `gen_ai_client_operation_duration_seconds_count{${GEN_AI},error_type="upstream_error"}`)).toMatch(/ 1$/);

  recordRequestMetrics(finished({ stream: true, firstChunkMs: 5 }));
  // A stream whose chunks never carried a token (a role chunk, then a failure) has no time to first token.
  expect(await registry.metrics()).not.toContain('gen_ai_server_time_to_first_token_seconds_count{');
  recordRequestMetrics(finished({ stream: true, firstChunkMs: 5, firstTokenMs: 40 }));
  expect(line(await registry.metrics(), `gen_ai_server_time_to_first_token_seconds_count{${GEN_AI}}`)).toMatch(/ 1$/);
});

test("a method other than HTTP's own is _OTHER in the duration histogram, so a scanner's WebDAV methods make no series of their own", async () => {
  for (const method of ['PROPFIND', 'MKCOL', 'PURGE', 'M-SEARCH']) recordRequestMetrics(finished({ method, route: 'unmatched', endpoint: null, status: 404 }));
  recordRequestMetrics(finished({ method: 'DELETE', route: 'unmatched', endpoint: null, status: 404 }));
  const text = await registry.metrics();
  const count = (method: string) => line(text, `http_server_request_duration_seconds_count{http_request_method="${method}",http_route="unmatched",http_response_status_code="404"}`);
  expect(count('_OTHER')).toMatch(/ 4$/);
  expect(count('DELETE')).toMatch(/ 1$/);
  expect(text).not.toMatch(/http_request_method="(PROPFIND|MKCOL|PURGE|M-SEARCH)"/);
});

test('a negative count a provider reported is no count: the token counters never go down', async () => {
  recordRequestMetrics(finished({ client: 'team-a' }));
  const reported = usageOf({ usage: { prompt_tokens: -100, completion_tokens: 5, total_tokens: -95, prompt_tokens_details: { cached_tokens: -3 }, completion_tokens_details: { reasoning_tokens: 2 } } });
  expect(reported).toMatchObject({ prompt: null, completion: 5, total: null, details: { cached: null, reasoning: 2 } });
  recordRequestMetrics(finished({ client: 'team-a', usage: reported }));
  const text = await registry.metrics();
  const tokens = (type: string) => line(text, `gateway_tokens_total{endpoint="chat",client="team-a",type="${type}"}`);
  expect([tokens('prompt'), tokens('completion'), tokens('total'), tokens('cached')]).toEqual([
    'gateway_tokens_total{endpoint="chat",client="team-a",type="prompt"} 3',
    'gateway_tokens_total{endpoint="chat",client="team-a",type="completion"} 9',
    'gateway_tokens_total{endpoint="chat",client="team-a",type="total"} 7',
    undefined,
  ]);
  expect(line(text, `gen_ai_client_token_usage_sum{${GEN_AI},gen_ai_token_type="input"}`)).toMatch(/ 3$/);
});

test('latencies of minutes fall in a bucket of their own, up to the default timeouts, not all in +Inf', async () => {
  // A reasoning model's stream: its first token after 45 s, the whole answer after 5 minutes.
  recordRequestMetrics(finished({ stream: true, latencyMs: 300_000, firstChunkMs: 45_000, firstTokenMs: 45_000 }));
  const text = await registry.metrics();
  const bucket = (family: string, labels: string, le: string) => line(text, `${family}_bucket{le="${le}",${labels}}`)?.split(' ')[1];
  expect([bucket('gen_ai_client_operation_duration_seconds', `${GEN_AI},error_type=""`, '163.84'), bucket('gen_ai_client_operation_duration_seconds', `${GEN_AI},error_type=""`, '327.68')]).toEqual(['0', '1']);
  expect([bucket('gen_ai_server_time_to_first_token_seconds', GEN_AI, '30'), bucket('gen_ai_server_time_to_first_token_seconds', GEN_AI, '60')]).toEqual(['0', '1']);
  const http = 'http_request_method="POST",http_route="/endpoints/{name}/invocations",http_response_status_code="200"';
  expect([bucket('http_server_request_duration_seconds', http, '120'), bucket('http_server_request_duration_seconds', http, '300')]).toEqual(['0', '1']);
});

test("after a FALLBACK route moved past a destination, the answer's operation and first token are timed from its own call's start", async () => {
  // The first destination failed after 10 s; the second answered its first token 0.2 s after it was tried, and ended 0.5 s after.
  recordRequestMetrics(finished({ stream: true, latencyMs: 10_500, firstChunkMs: 10_200, firstTokenMs: 10_200, operationStartMs: 10_000 }));
  const text = await registry.metrics();
  expect(line(text, `gen_ai_client_operation_duration_seconds_sum{${GEN_AI},error_type=""}`)).toBe(`gen_ai_client_operation_duration_seconds_sum{${GEN_AI},error_type=""} 0.5`);
  expect(line(text, `gen_ai_server_time_to_first_token_seconds_sum{${GEN_AI}}`)).toBe(`gen_ai_server_time_to_first_token_seconds_sum{${GEN_AI}} 0.2`);
  // The request itself took the whole time.
  expect(line(text, 'http_server_request_duration_seconds_sum{http_request_method="POST",http_route="/endpoints/{name}/invocations",http_response_status_code="200"}')).toMatch(/ 10\.5$/);
});

test("a destination's failed call is an operation of its own, with its error; an answer counted so already is not counted again", async () => {
  recordFailedCall({ endpoint, code: 'upstream_timeout', status: 504, seconds: 10 });
  recordFailedCall({ endpoint, code: null, status: 500, seconds: 0.25 });
  // The route gave up with the first failure as its answer: the record's error is that call's, counted above.
  recordRequestMetrics(finished({ status: 504, usage: null, error: { code: 'upstream_timeout', message: 'timed out' }, errorCounted: true, operationStartMs: 10_000, latencyMs: 10_250 }));
  const text = await registry.metrics();
  expect(line(text, `gen_ai_client_operation_duration_seconds_sum{${GEN_AI},error_type="upstream_timeout"}`)).toMatch(/ 10$/);
  expect(line(text, `gen_ai_client_operation_duration_seconds_count{${GEN_AI},error_type="upstream_timeout"}`)).toMatch(/ 1$/);
  expect(line(text, `gen_ai_client_operation_duration_seconds_sum{${GEN_AI},error_type="500"}`)).toMatch(/ 0\.25$/);
  expect(line(text, 'gateway_upstream_errors_total{endpoint="chat",provider="openai",code="upstream_timeout",status="504"}')).toMatch(/ 1$/);
  // A failure that is no upstream error (no code) is not one in the upstream errors either.
  expect(text).not.toMatch(/^gateway_upstream_errors_total\{[^}]*status="500"/m);
  expect(line(text, REQUESTS.replace('status="200"', 'status="504"'))).toMatch(/ 1$/);
});

test('a first token after 4 minutes, within the default first_byte and idle (300 s), falls in a bucket, not in +Inf', async () => {
  recordRequestMetrics(finished({ stream: true, latencyMs: 250_000, firstChunkMs: 240_000, firstTokenMs: 240_000 }));
  const text = await registry.metrics();
  const bucket = (le: string) => line(text, `gen_ai_server_time_to_first_token_seconds_bucket{le="${le}",${GEN_AI}}`)?.split(' ')[1];
  expect([bucket('120'), bucket('300')]).toEqual(['0', '1']);
});
