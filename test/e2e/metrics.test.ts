/**
 * `GET /metrics` in Prometheus text, from a gateway in one process: requests, latency and
 * time-to-first-token histograms, tokens by endpoint and client key, upstream errors and retries,
 * rate-limit rejections; a stream its client leaves counted (and logged) as 499. (With `--workers 2`:
 * metrics-workers.test.ts.)
 */
import { connect } from 'node:net';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { sample } from '../support/metrics';
import { SOON_MS } from '../support/timeouts';

const CLIENT_KEY = 'gw-metrics-client-key-0123456789';


describe('in one process', () => {
  let upstream: FakeUpstream;
  let gateway: RunningGateway;
  let metrics: string;

  const config = (upstreamUrl: string) => `
endpoints:
  - name: echo
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo-model }
  - name: echo-backup
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo-model }
  - name: limited
    endpoint_type: llm/v1/chat
    model: { provider: mock, name: echo-model }
    limit: { calls: 1, renewal_period: minute }
  - name: flaky
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-metrics-test, openai_api_base: "${upstreamUrl}/v1" }
    retries: { max_attempts: 2, initial_backoff: 0.01 }
routes:
  - { name: flaky-then-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: flaky }, { name: echo-backup }] }
auth:
  api_keys: [{ name: team-a, key: $CLIENT_KEY }]
  public_metrics: true
`;

  beforeAll(async () => {
    upstream = await startFakeUpstream((_request, response) => sendJson(response, 503, { error: { message: 'overloaded' } }));
    gateway = await startGateway(config(upstream.url), { env: { CLIENT_KEY } });
    const post = (path: string, body: unknown, key: string | null = CLIENT_KEY) =>
      fetch(`${gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
        body: JSON.stringify(body),
      }).then((response) => response.text());
    await post('/endpoints/echo/invocations', { messages: [{ role: 'user', content: 'one two three' }] });
    await post('/v1/chat/completions', { model: 'echo', messages: [{ role: 'user', content: 'four five' }], stream: true, stream_options: { include_usage: true } });
    await post('/endpoints/flaky/invocations', { messages: [{ role: 'user', content: 'x' }] });
    await post('/endpoints/echo/invocations', { messages: [] }, null);
    await post('/gateway/flaky-then-backup/invocations', { messages: [{ role: 'user', content: 'y' }] });
    // The second is over the endpoint's limit: a 429 the rejections counter must count.
    await post('/endpoints/limited/invocations', { messages: [{ role: 'user', content: 'z' }] });
    await post('/endpoints/limited/invocations', { messages: [{ role: 'user', content: 'z' }] });
    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    metrics = await response.text();
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  test('requests by route, endpoint, provider and status', () => {
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'echo', provider: 'mock', status: '200' })).toBe(1);
    expect(sample(metrics, 'gateway_requests_total', { route: '/v1/chat/completions', endpoint: 'echo', provider: 'mock', status: '200' })).toBe(1);
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'flaky', provider: 'openai', status: '502' })).toBe(1);
    // The 401 happened before any endpoint was resolved; its route is the one it asked for.
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: '', provider: '', status: '401' })).toBe(1);
  });

  test('GenAI operation duration and time to first token, with the OpenTelemetry labels', () => {
    const labels = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'mock', gen_ai_request_model: 'echo-model', endpoint: 'echo' };
    expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', { ...labels, error_type: '' })).toBe(2);
    expect(sample(metrics, 'gen_ai_server_time_to_first_token_seconds_count', labels)).toBe(1);
    // Each call to flaky failed: the direct one, and the one its route moved past (an operation of its own, metrics-fallback.test.ts).
    expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', {
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: 'openai',
      gen_ai_request_model: 'gpt-4o-mini',
      endpoint: 'flaky',
      error_type: 'upstream_error',
    })).toBe(2);
    expect(sample(metrics, 'http_server_request_duration_seconds_count', { http_request_method: 'POST', http_route: '/v1/chat/completions', http_response_status_code: '200' })).toBe(1);
  });

  test('tokens by endpoint and client key, and the token-usage histogram by token type', () => {
    // Mock tokens are words: 3 + "Echo: one two three" (4); 2 + "Echo: four five" (3).
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'echo', client: 'team-a', type: 'prompt' })).toBe(5);
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'echo', client: 'team-a', type: 'completion' })).toBe(7);
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'echo', client: 'team-a', type: 'total' })).toBe(12);
    const labels = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'mock', gen_ai_request_model: 'echo-model', endpoint: 'echo' };
    expect(sample(metrics, 'gen_ai_client_token_usage_sum', { ...labels, gen_ai_token_type: 'input' })).toBe(5);
    expect(sample(metrics, 'gen_ai_client_token_usage_sum', { ...labels, gen_ai_token_type: 'output' })).toBe(7);
  });

  test('upstream errors, retries and rate-limit rejections', () => {
    // Each call to flaky failed after one retry: the direct one, and the one its route fell back from.
    expect(sample(metrics, 'gateway_upstream_errors_total', { endpoint: 'flaky', provider: 'openai', code: 'upstream_error', status: '502' })).toBe(2);
    expect(sample(metrics, 'gateway_upstream_retries_total', { endpoint: 'flaky', provider: 'openai' })).toBe(2);
    expect(upstream.requests).toHaveLength(4);
    // echo-backup answered the route at once: nothing of flaky's is counted for it.
    expect(sample(metrics, 'gateway_upstream_retries_total', { endpoint: 'echo-backup', provider: 'mock' })).toBeUndefined();
    expect(sample(metrics, 'gateway_requests_total', { route: '/gateway/{name}/invocations', endpoint: 'echo-backup', provider: 'mock', status: '200' })).toBe(1);
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'limited', provider: 'mock', status: '429' })).toBe(1);
    expect(sample(metrics, 'gateway_rate_limit_rejections_total', { endpoint: 'limited', client: 'team-a' })).toBe(1);
  });

  test("a traffic route's requests by route name, and each move of a FALLBACK route past a failed destination", () => {
    expect(sample(metrics, 'gateway_route_fallbacks_total', { route: 'flaky-then-backup', from: 'flaky', to: 'echo-backup' })).toBe(1);
    expect(sample(metrics, 'gateway_route_requests_total', { route: 'flaky-then-backup', endpoint: 'echo-backup', status: '200' })).toBe(1);
    // Requests to plain endpoints are not route requests.
    expect(metrics.split('\n').filter((line) => line.startsWith('gateway_route_'))).toHaveLength(2);
  });
});

describe("the provider label is OpenTelemetry's gen_ai.provider.name", () => {
  const safe = { filtered: false, severity: 'safe' };
  /** Azure OpenAI's chat answer: OpenAI's body plus its content-filter results (https://learn.microsoft.com/azure/ai-services/openai/reference). */
  const azureAnswer = {
    id: 'chatcmpl-AZ9pXq2LmT0bV4kR8sWc1nYd3eFh',
    object: 'chat.completion',
    created: 1732000000,
    model: 'gpt-4o-2024-11-20',
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: safe, self_harm: safe, sexual: safe, violence: safe, jailbreak: { filtered: false, detected: false } } }],
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        logprobs: null,
        message: { role: 'assistant', content: 'Hello from Azure.', refusal: null },
        content_filter_results: { hate: safe, self_harm: safe, sexual: safe, violence: safe, protected_material_text: { filtered: false, detected: false } },
      },
    ],
    system_fingerprint: 'fp_b705f0c291',
    usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
  };
  let upstream: FakeUpstream;
  let gateway: RunningGateway;

  beforeAll(async () => {
    upstream = await startFakeUpstream((_request, response) => sendJson(response, 200, azureAnswer));
    const azure = (name: string, apiType: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o
      config: { openai_api_type: ${apiType}, openai_api_key: azure-metrics-key-0123, openai_api_base: "${upstream.url}", openai_deployment_name: prod-4o, openai_api_version: "2024-10-21" }`;
    gateway = await startGateway(`
endpoints:${azure('azure-key', 'azure')}${azure('azure-entra', 'AzureAD')}
  - name: plain-openai
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-metrics-plain, openai_api_base: "${upstream.url}/v1" } }
`);
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  test('Azure OpenAI endpoints (api-key or Entra ID) are azure.ai.openai; OpenAI stays openai', async () => {
    for (const endpoint of ['azure-key', 'azure-entra', 'plain-openai']) {
      const response = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: endpoint, messages: [{ role: 'user', content: 'Hello' }] }),
      });
      expect(`${endpoint} ${response.status}`).toBe(`${endpoint} 200`);
      await response.text();
    }
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const labels = (endpoint: string, provider: string) => ({ gen_ai_operation_name: 'chat', gen_ai_provider_name: provider, gen_ai_request_model: 'gpt-4o', endpoint });
    for (const endpoint of ['azure-key', 'azure-entra']) {
      expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', { ...labels(endpoint, 'azure.ai.openai'), error_type: '' })).toBe(1);
      expect(sample(metrics, 'gen_ai_client_token_usage_sum', { ...labels(endpoint, 'azure.ai.openai'), gen_ai_token_type: 'input' })).toBe(9);
      // The gateway's own request counter keeps the config's provider name.
      expect(sample(metrics, 'gateway_requests_total', { route: '/v1/chat/completions', endpoint, provider: 'openai', status: '200' })).toBe(1);
    }
    expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', { ...labels('plain-openai', 'openai'), error_type: '' })).toBe(1);
  });
});

describe('a stream its client leaves after the first chunk', () => {
  // OpenAI's role-only chunk, which the gateway holds, and the first word.
  const firstEvents = `${readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n')}\n\n`;
  const bigEvent = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'y'.repeat(2000) }, finish_reason: null }] })}\n\n`;
  let upstream: FakeUpstream;
  let gateway: RunningGateway;
  let lines: string[];

  beforeAll(async () => {
    // The first chunks, then: nothing more until the gateway lets go ('hold'), a dropped connection ('break'), or chunks as fast as they are taken ('flood').
    upstream = await startFakeUpstream((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const content = (request.body as { messages: { content: string }[] }).messages[0].content;
      // Dropped once the first events have left: destroyed sooner, the socket would drop them too.
      response.write(firstEvents, () => content === 'break' && response.socket?.destroy());
      if (content === 'flood') {
        const pump = () => {
          while (!response.destroyed && response.write(bigEvent));
        };
        response.on('drain', pump);
        pump();
      }
    });
    const capture = captureLog();
    lines = capture.lines;
    const endpoint = (name: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-metrics-test, openai_api_base: "${upstream.url}/v1" } }
    retries: { max_attempts: 1 }`;
    const unread = `${endpoint('unread-stream')}
    timeouts: { first_byte: 5, idle: 5, total: 1 }`;
    gateway = await startGateway(`endpoints:${endpoint('left-openai')}${endpoint('left-mlflow')}${endpoint('broken-stream')}${unread}\n`, { logger: capture.logger });
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  /** Opens a stream, reads its first chunk and leaves; resolves once the gateway has let go of the upstream call. */
  async function leaveAfterFirstChunk(path: string, body: unknown): Promise<void> {
    const client = new AbortController();
    const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: client.signal });
    expect(response.status).toBe(200);
    const first = await response.body!.getReader().read();
    expect(new TextDecoder().decode(first.value)).toContain('chat.completion.chunk');
    const upstreamClosed = upstream.closed[upstream.closed.length - 1];
    client.abort();
    await upstreamClosed;
  }

  const requestLine = (endpoint: string) => lines.map((line) => JSON.parse(line)).find((line) => line.endpoint === endpoint && line.status !== undefined);
  /** The request's audit line, once written: its metrics are recorded with it, when its response ends or its client leaves. */
  const loggedRequest = (endpoint: string, timeoutMs?: number) => waitForLogLine(lines, (line) => line.endpoint === endpoint && line.status !== undefined, { timeoutMs });

  test('counts and logs 499 (client closed request), on /v1 and on the MLflow routes alike', async () => {
    await leaveAfterFirstChunk('/v1/chat/completions', { model: 'left-openai', messages: [{ role: 'user', content: 'hold' }], stream: true });
    await leaveAfterFirstChunk('/endpoints/left-mlflow/invocations', { messages: [{ role: 'user', content: 'hold' }], stream: true });
    await Promise.all([loggedRequest('left-openai'), loggedRequest('left-mlflow')]);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    for (const [route, endpoint] of [['/v1/chat/completions', 'left-openai'], ['/endpoints/{name}/invocations', 'left-mlflow']]) {
      expect(sample(metrics, 'gateway_requests_total', { route, endpoint, provider: 'openai', status: '499' })).toBe(1);
      expect(sample(metrics, 'gateway_requests_total', { route, endpoint, provider: 'openai', status: '200' })).toBeUndefined();
      expect(sample(metrics, 'http_server_request_duration_seconds_count', { http_request_method: 'POST', http_route: route, http_response_status_code: '499' })).toBe(1);
      const labels = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'openai', gen_ai_request_model: 'gpt-4o-mini', endpoint };
      expect(sample(metrics, 'gen_ai_client_operation_duration_seconds_count', { ...labels, error_type: '499' })).toBe(1);
      // The first word reached the client before it left.
      expect(sample(metrics, 'gen_ai_server_time_to_first_token_seconds_count', labels)).toBe(1);
      expect(requestLine(endpoint)).toMatchObject({ msg: 'request aborted by the client', route, stream: true, status: 499, first_chunk_ms: expect.any(Number) });
      expect(requestLine(endpoint)).not.toHaveProperty('error');
    }
  });

  test('a stream the gateway ends with an error event keeps the 200 its client got, with the error code', async () => {
    const answer = await fetch(`${gateway.url}/endpoints/broken-stream/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'break' }], stream: true }),
    });
    expect(parseSse(await answer.text()).at(-1)?.event).toBe('error');
    await loggedRequest('broken-stream');
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'broken-stream', provider: 'openai', status: '200' })).toBe(1);
    // The upstream error keeps the status the client got too: 200 tells a stream broken mid-way from a failure the client got as an error.
    expect(sample(metrics, 'gateway_upstream_errors_total', { endpoint: 'broken-stream', provider: 'openai', code: 'upstream_unavailable', status: '200' })).toBe(1);
    expect(requestLine('broken-stream')).toMatchObject({ msg: 'request', status: 200, error: { code: 'upstream_unavailable' } });
  });

  test('a stream the gateway ends at its total timeout because its client stopped reading keeps its 200 and its error, and is not logged as left by the client', async () => {
    // A raw socket that sends its request and reads nothing: the gateway's writes back up until the total timeout.
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'flood' }], stream: true });
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(gateway.url).port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /endpoints/unread-stream/invocations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    socket.pause();
    try {
      // The total timeout (1 s), then the error event's grace period (1 s) before the gateway closes the connection.
      await loggedRequest('unread-stream', SOON_MS);
    } finally {
      socket.destroy();
    }
    expect(requestLine('unread-stream')).toMatchObject({
      msg: 'request',
      stream: true,
      status: 200,
      error: { code: 'upstream_timeout', message: "Endpoint 'unread-stream' did not finish within 1 s (total timeout)." },
    });
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'unread-stream', provider: 'openai', status: '200' })).toBe(1);
    expect(sample(metrics, 'gateway_requests_total', { route: '/endpoints/{name}/invocations', endpoint: 'unread-stream', provider: 'openai', status: '499' })).toBeUndefined();
  });
});
