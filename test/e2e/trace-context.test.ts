/**
 * W3C trace context, end to end: the official OpenAI client sends `traceparent` (and `tracestate`)
 * to the gateway, whose audit line gets `trace_id` and `parent_span_id`; with
 * `server.forward_trace_context: true` the fake upstreams on 127.0.0.1 (OpenAI-shaped, Anthropic)
 * receive the headers unchanged (also from the MLflow routes), on every attempt of a retry and on
 * every destination of a fallback; without it, or for a traceparent that is not valid, they receive
 * none. A tracestate that is not a valid list is dropped alone; one over 512 characters is cut.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { serveAnthropicFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;
const TRACESTATE = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';

/** `/down/…` is overloaded; `/flaky/…` fails its first call; `/anthropic/…` is Anthropic's Messages API. */
function serve(fails: { flaky: number }) {
  const anthropic = serveAnthropicFixtures('claude-haiku-4-5');
  return (request: RecordedRequest, response: ServerResponse): void => {
    if (request.url.startsWith('/down/')) return sendJson(response, 503, { error: { message: 'The server is overloaded', type: 'server_error' } });
    if (request.url.startsWith('/flaky/') && fails.flaky > 0) {
      fails.flaky -= 1;
      return sendJson(response, 500, { error: { message: 'The server had an error', type: 'server_error' } });
    }
    if (request.url.startsWith('/anthropic/')) return void anthropic(request, response);
    serveOpenAIFixtures(request, response);
  };
}

const endpoint = (name: string, base: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-trace-test, openai_api_base: "${base}/v1" } }
    retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }${extra}`;

const config = (url: string, server: string) => `
endpoints:${endpoint('chat', `${url}/up`)}${endpoint('flaky', `${url}/flaky`)}${endpoint('overloaded', `${url}/down`)}
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-trace-test, anthropic_api_base: "${url}/anthropic/v1" } }
routes:
  - { name: with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: overloaded }, { name: chat }] }
${server}`;

const fails = { flaky: 0 };
let upstream: FakeUpstream;
let forwarding: { gateway: RunningGateway; openai: OpenAI; lines: string[] };
let notForwarding: { gateway: RunningGateway; openai: OpenAI; lines: string[] };

async function gatewayWith(server: string) {
  const { lines, logger } = captureLog('info');
  const gateway = await startGateway(config(upstream.url, server), { logger });
  return { gateway, openai: openaiClientFor(gateway), lines };
}

beforeAll(async () => {
  upstream = await startFakeUpstream(serve(fails));
  forwarding = await gatewayWith('server: { forward_trace_context: true }');
  notForwarding = await gatewayWith('');
});
beforeEach(() => {
  upstream.requests.length = 0;
  fails.flaky = 0;
});
afterAll(async () => {
  await forwarding.gateway.close();
  await notForwarding.gateway.close();
  await upstream.close();
});

let requestCount = 0;
const question: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'hi' }];

/** A chat call through the openai client with these headers; returns its audit line. */
async function chat(target: { openai: OpenAI; lines: string[] }, model: string, headers: Record<string, string>, stream = false): Promise<LogLine> {
  const requestId = `trace-context-${(requestCount += 1)}`;
  const options = { headers: { ...headers, 'x-request-id': requestId } };
  if (stream) {
    let text = '';
    for await (const chunk of await target.openai.chat.completions.create({ model, messages: question, stream: true }, options)) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).not.toBe('');
  } else {
    const completion = await target.openai.chat.completions.create({ model, messages: question }, options);
    expect(completion.choices[0].message.content).not.toBe('');
  }
  return waitForLogLine(target.lines, (line) => line.request_id === requestId && line.msg === 'request');
}

const sentTraceHeaders = () => upstream.requests.map(({ headers }) => ({ traceparent: headers.traceparent, tracestate: headers.tracestate }));

describe('the audit line', () => {
  test("has the caller's trace-id and span-id, answer and stream, forwarding or not", async () => {
    for (const target of [forwarding, notForwarding]) {
      for (const stream of [false, true]) {
        const line = await chat(target, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE }, stream);
        expect(line).toMatchObject({ status: 200, stream, trace_id: TRACE_ID, parent_span_id: PARENT_ID });
        expect(JSON.stringify(line)).not.toContain('rojo=');
      }
    }
  });

  test('a later version of the header is read by its first four fields', async () => {
    const line = await chat(notForwarding, 'chat', { traceparent: `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like` });
    expect(line).toMatchObject({ trace_id: TRACE_ID, parent_span_id: PARENT_ID });
  });

  test('has neither field without the header, nor for one that is not valid', async () => {
    const invalid = [`00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`, `00-${TRACE_ID}-0000000000000000-01`, `ff-${TRACE_ID}-${PARENT_ID}-01`];
    for (const headers of [{}, ...invalid.map((traceparent) => ({ traceparent }))]) {
      const line = await chat(notForwarding, 'chat', headers);
      expect(line.status).toBe(200);
      expect(line).not.toHaveProperty('trace_id');
      expect(line).not.toHaveProperty('parent_span_id');
    }
  });
});

describe('with server.forward_trace_context: true', () => {
  test('the upstream receives traceparent and tracestate exactly as sent, answer and stream', async () => {
    await chat(forwarding, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE });
    await chat(forwarding, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE }, true);
    expect(sentTraceHeaders()).toEqual([
      { traceparent: TRACEPARENT, tracestate: TRACESTATE },
      { traceparent: TRACEPARENT, tracestate: TRACESTATE },
    ]);
  });

  test("a client's defaultHeaders, on an Anthropic endpoint's stream: traceparent alone when there is no tracestate", async () => {
    const openai = new OpenAI({ apiKey: 'unused', baseURL: `${forwarding.gateway.url}/v1`, maxRetries: 0, defaultHeaders: { traceparent: TRACEPARENT } });
    const line = await chat({ openai, lines: forwarding.lines }, 'claude', {}, true);
    expect(line).toMatchObject({ status: 200, provider: 'anthropic', trace_id: TRACE_ID });
    expect(upstream.requests.map((request) => request.url)).toEqual(['/anthropic/v1/messages']);
    expect(sentTraceHeaders()).toEqual([{ traceparent: TRACEPARENT, tracestate: undefined }]);
  });

  test('on the MLflow routes too', async () => {
    const response = await fetch(`${forwarding.gateway.url}/endpoints/chat/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: TRACEPARENT, tracestate: TRACESTATE, 'x-request-id': 'trace-context-mlflow' },
      body: JSON.stringify({ messages: question }),
    });
    expect(response.status).toBe(200);
    const line = await waitForLogLine(forwarding.lines, (candidate) => candidate.request_id === 'trace-context-mlflow' && candidate.msg === 'request');
    expect(line).toMatchObject({ route: '/endpoints/{name}/invocations', trace_id: TRACE_ID, parent_span_id: PARENT_ID });
    expect(sentTraceHeaders()).toEqual([{ traceparent: TRACEPARENT, tracestate: TRACESTATE }]);
  });

  test('a later version is passed on as received, its extra fields included', async () => {
    const later = `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`;
    await chat(forwarding, 'chat', { traceparent: later });
    expect(sentTraceHeaders()).toEqual([{ traceparent: later, tracestate: undefined }]);
  });

  test('a retry and a fallback send the same headers', async () => {
    fails.flaky = 1;
    const retried = await chat(forwarding, 'flaky', { traceparent: TRACEPARENT, tracestate: TRACESTATE });
    expect(retried.retries).toBe(1);
    const fellBack = await chat(forwarding, 'with-backup', { traceparent: TRACEPARENT, tracestate: TRACESTATE });
    expect(fellBack.attempts).toEqual([
      { endpoint: 'overloaded', status: 502, code: 'upstream_error' },
      { endpoint: 'chat', status: 200 },
    ]);
    expect(upstream.requests.map((request) => request.url)).toEqual(['/flaky/v1/chat/completions', '/flaky/v1/chat/completions', '/down/v1/chat/completions', '/down/v1/chat/completions', '/up/v1/chat/completions']);
    expect(new Set(sentTraceHeaders().map((sent) => JSON.stringify(sent)))).toEqual(new Set([JSON.stringify({ traceparent: TRACEPARENT, tracestate: TRACESTATE })]));
  });

  test('a tracestate over 512 characters is cut by whole members from the end, the traceparent sent as received', async () => {
    const members = [...Array(30)].map((_, index) => `vendor${String(index).padStart(2, '0')}=${'x'.repeat(10)}`);
    await chat(forwarding, 'chat', { traceparent: TRACEPARENT, tracestate: members.join(', ') });
    expect(sentTraceHeaders()).toEqual([{ traceparent: TRACEPARENT, tracestate: members.slice(0, 25).join(',') }]);
  });

  test('a tracestate that is not a valid list (an uppercase key, a key twice, 33 members) is dropped alone: the traceparent still goes', async () => {
    const invalid = ['rojo=1,Congo=2', 'rojo=1,rojo=2', [...Array(33)].map((_, index) => `k${index}=v`).join(',')];
    for (const tracestate of invalid) await chat(forwarding, 'chat', { traceparent: TRACEPARENT, tracestate });
    expect(sentTraceHeaders()).toEqual(invalid.map(() => ({ traceparent: TRACEPARENT, tracestate: undefined })));
  });

  test('a traceparent that is not valid is not sent, nor its tracestate', async () => {
    const line = await chat(forwarding, 'chat', { traceparent: `00-${TRACE_ID}-${PARENT_ID.toUpperCase()}-01`, tracestate: TRACESTATE });
    expect(line).not.toHaveProperty('trace_id');
    expect(sentTraceHeaders()).toEqual([{ traceparent: undefined, tracestate: undefined }]);
  });
});

test('without the setting the upstream receives no trace header', async () => {
  await chat(notForwarding, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE });
  await chat(notForwarding, 'chat', { traceparent: TRACEPARENT, tracestate: TRACESTATE }, true);
  expect(sentTraceHeaders()).toEqual([
    { traceparent: undefined, tracestate: undefined },
    { traceparent: undefined, tracestate: undefined },
  ]);
});

test('a reload applies the setting to the next request', async () => {
  const reloaded = await gatewayWith('');
  try {
    await chat(reloaded, 'chat', { traceparent: TRACEPARENT });
    const path = '/virtual/reloaded.yaml';
    reloaded.gateway.state.plan = compilePlan(parseConfigText(config(upstream.url, 'server: { forward_trace_context: true }'), path, { env: {} }), path);
    await chat(reloaded, 'chat', { traceparent: TRACEPARENT });
    expect(sentTraceHeaders()).toEqual([
      { traceparent: undefined, tracestate: undefined },
      { traceparent: TRACEPARENT, tracestate: undefined },
    ]);
  } finally {
    await reloaded.gateway.close();
  }
});
