/**
 * Timeouts, retries and client disconnects end to end, and fault injection: a fake OpenAI upstream
 * on 127.0.0.1 that resets connections, stalls mid-stream, sends garbage JSON or HTML error
 * pages, or answers slowly. Every client gets a clear answer within its timeout.
 */
import type { ServerResponse } from 'node:http';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLines, type LogLine } from '../support/log-capture';
import { SOON_MS, within } from '../support/timeouts';

const KEY = 'sk-proj-FAULTS-never-shown';
/** first_byte and idle of the endpoint the 200 concurrent requests use: their healthy answers wait behind the others. */
const UNDER_LOAD_TIMEOUT_S = 5;
const chatBody = { messages: [{ role: 'user', content: 'Hi' }] };

function serveChat(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(readFixture('openai', 'chat.stream.sse'));
  } else {
    sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
  }
}

/** The fixture's first chunks (its role-only chunk, which the gateway holds, and its first word), then silence. */
function stallAfterFirstWord(_request: RecordedRequest, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(`${readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n')}\n\n`);
}

// first_byte is 2 s by default: answers the tests expect must not lose a race with it on a loaded
// machine. Only the endpoints that test a timeout ('impatient', and idle on 'chat') set a short one.
const config = (upstreamUrl: string) => `
defaults:
  timeouts: { connect: 2, first_byte: 2, idle: 0.4, total: 5 }
  retries: { max_attempts: 3, initial_backoff: 0.02, max_backoff: 0.05 }
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
  - name: once
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
    retries: { max_attempts: 1 }
  - name: impatient
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
    retries: { max_attempts: 1 }
    timeouts: { first_byte: 0.4 }
  - name: under-load
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
    retries: { max_attempts: 1 }
    timeouts: { first_byte: ${UNDER_LOAD_TIMEOUT_S}, idle: ${UNDER_LOAD_TIMEOUT_S}, total: 30 }
  - name: short
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
    timeouts: { idle: 2, total: 0.6 }
  - name: patient
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}/v1" }
    retries: { initial_backoff: 30, max_backoff: 30, max_elapsed: 60 }
    # first_byte far beyond the test's wait: only the client's leaving can close its upstream request.
    timeouts: { first_byte: 60, total: 120 }
  - name: azure
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      config: { openai_api_type: azure, openai_api_key: $OPENAI_KEY, openai_api_base: "${upstreamUrl}", openai_deployment_name: gpt-4o, openai_api_version: "2024-10-21" }
    retries: { max_attempts: 1 }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startFakeUpstream(serveChat);
  gateway = await startGateway(config(upstream.url), { env: { OPENAI_KEY: KEY } });
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.closed.length = 0;
  upstream.setHandler(serveChat);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

async function post(path: string, body: unknown, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Answers with each handler in turn, then with the last one. */
function inTurn(...handlers: ((request: RecordedRequest, response: ServerResponse) => void)[]) {
  let calls = 0;
  return (request: RecordedRequest, response: ServerResponse) => handlers[Math.min(calls++, handlers.length - 1)](request, response);
}

const fail = (status: number, headers: Record<string, string> = {}) => (_request: RecordedRequest, response: ServerResponse) =>
  sendJson(response, status, { error: { message: `failure ${status}` } }, headers);
const reset = (_request: RecordedRequest, response: ServerResponse) => response.socket?.destroy();

describe('retries', () => {
  test('a 500 and a reset connection are retried, and the third attempt answers', async () => {
    upstream.setHandler(inTurn(fail(500), reset, serveChat));
    const answer = await post('/endpoints/chat/invocations', chatBody);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).choices[0].message.role).toBe('assistant');
    expect(upstream.requests).toHaveLength(3);
  });

  test('a 429 with a short Retry-After is waited for and retried', async () => {
    upstream.setHandler(inTurn(fail(429, { 'retry-after': '0' }), serveChat));
    const answer = await post('/v1/chat/completions', { model: 'chat', ...chatBody });
    expect(answer.status).toBe(200);
    expect(upstream.requests).toHaveLength(2);
  });

  test('a 429 asking for a longer wait than max_retry_after goes straight back to the client', async () => {
    upstream.setHandler(fail(429, { 'retry-after': '30' }));
    const answer = await post('/endpoints/chat/invocations', chatBody);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(upstream.requests).toHaveLength(1);
  });

  test('gives up after max_attempts with the last error', async () => {
    upstream.setHandler(fail(503));
    const answer = await post('/endpoints/chat/invocations', chatBody);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).detail).toContain('failure 503');
    expect(upstream.requests).toHaveLength(3);
  });

  test('a 400 is not retried, and max_attempts: 1 turns retries off', async () => {
    upstream.setHandler(fail(400));
    expect((await post('/endpoints/chat/invocations', chatBody)).status).toBe(400);
    expect(upstream.requests).toHaveLength(1);
    upstream.setHandler(fail(500));
    expect((await post('/endpoints/once/invocations', chatBody)).status).toBe(502);
    expect(upstream.requests).toHaveLength(2);
  });

  test('a stream is retried before its first chunk, never after it', async () => {
    upstream.setHandler(inTurn(fail(500), serveChat));
    const retried = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(retried.status).toBe(200);
    expect(parseSse(retried.text).pop()).toEqual({ data: '[DONE]' });
    expect(upstream.requests).toHaveLength(2);

    upstream.requests.length = 0;
    upstream.setHandler((request, response) => {
      stallAfterFirstWord(request, response);
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const cut = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(cut.status).toBe(200);
    expect(parseSse(cut.text).pop()?.event).toBe('error');
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  test('a provider slower than first_byte is a 504 naming the endpoint and the timeout', async () => {
    upstream.setHandler(() => undefined);
    const started = Date.now();
    const answer = await post('/v1/chat/completions', { model: 'impatient', ...chatBody });
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.text).error).toEqual({
      message: "OpenAI sent no response within 0.4 s for endpoint 'impatient' (first_byte timeout).",
      type: 'timeout_error',
      param: null,
      code: 'upstream_timeout',
    });
    // Far below the 5 s total timeout (and the 2 s first_byte of the other endpoints).
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  test('a stream that stalls after its first chunk ends with an idle-timeout error event', async () => {
    upstream.setHandler(stallAfterFirstWord);
    const answer = await post('/endpoints/chat/invocations', { ...chatBody, stream: true });
    expect(answer.status).toBe(200);
    const events = parseSse(answer.text);
    expect(events[0].data).toContain('chat.completion.chunk');
    const last = events.pop()!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error).toMatchObject({ status: 504, message: "OpenAI stopped sending its response for 0.4 s for endpoint 'chat' (idle timeout)." });
    expect(upstream.requests).toHaveLength(1);
  });

  test('the total timeout ends a stream that trickles forever', async () => {
    const [, word] = readFixture('openai', 'chat.stream.sse').split('\n\n');
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => response.write(`${word}\n\n`), 50);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const answer = await post('/endpoints/short/invocations', { ...chatBody, stream: true });
    const last = parseSse(answer.text).pop()!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error).toMatchObject({ status: 504, message: "Endpoint 'short' did not finish within 0.6 s (total timeout)." });
    expect(Date.now() - started).toBeLessThan(5_000);
    await upstream.closed[0];
  });

  test('the total timeout bounds retries too', async () => {
    // Each attempt fails after 0.4 s: within the 0.6 s there is room for a second attempt, not a third.
    upstream.setHandler((_request, response) => {
      setTimeout(() => sendJson(response, 500, { error: { message: 'late' } }), 400);
    });
    const started = Date.now();
    const answer = await post('/endpoints/short/invocations', chatBody);
    expect([502, 504]).toContain(answer.status);
    expect(upstream.requests.length).toBeLessThan(3);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

describe('answers of an unexpected shape', () => {
  // Valid JSON, but not what OpenAI sends: a null choice, a null tool-call delta mid-stream.
  const nullChoice = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 200, { id: 'x', created: 1, model: 'm', choices: [null] });
  const nullDeltaAfterFirstWord = (_request: RecordedRequest, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // The role-only chunk is held until the first word: the client has both before the odd chunk.
    const first = readFixture('openai', 'chat.stream.sse').split('\n\n').slice(0, 2).join('\n\n');
    const odd = { id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { tool_calls: [null] } }] };
    response.end(`${first}\n\ndata: ${JSON.stringify(odd)}\n\ndata: [DONE]\n\n`);
  };

  /** The log lines matching `wanted` once there are `count` of them, and no more. */
  async function loggedSoon(lines: string[], wanted: (line: LogLine) => boolean, count: number): Promise<LogLine[]> {
    const matching = await waitForLogLines(lines, wanted, count);
    expect(matching).toHaveLength(count);
    return matching;
  }

  async function withLoggedGateway(check: (url: string, lines: string[]) => Promise<void>): Promise<void> {
    const { lines, logger } = captureLog();
    const logged = await startGateway(config(upstream.url), { env: { OPENAI_KEY: KEY }, logger });
    try {
      await check(logged.url, lines);
    } finally {
      await logged.close();
    }
  }

  test('is a 502 naming the provider and the endpoint, on both routes, not retried, and logged with its cause', async () => {
    upstream.setHandler(nullChoice);
    await withLoggedGateway(async (url, lines) => {
      const mlflow = await fetch(`${url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody) });
      expect(mlflow.status).toBe(502);
      const message = "OpenAI answered endpoint 'chat' with a response of an unexpected shape; the gateway could not translate it.";
      expect(await mlflow.json()).toEqual({ detail: message });
      expect(upstream.requests).toHaveLength(1);

      const openai = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', ...chatBody }) });
      expect(openai.status).toBe(502);
      expect(await openai.json()).toEqual({ error: { message, type: 'upstream_error', param: null, code: 'upstream_unreadable' } });

      const errors = await loggedSoon(lines, (line) => line.level === 50 && line.msg === message, 2);
      expect(errors[0].err).toMatchObject({ type: 'TypeError', message: expect.stringContaining('null') });
    });
  });

  test("from Azure OpenAI names Azure OpenAI, as the endpoint's other upstream errors do", async () => {
    upstream.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "chatcmpl-');
    });
    const unreadable = await post('/endpoints/azure/invocations', chatBody);
    expect(JSON.parse(unreadable.text).detail).toMatch(/^Azure OpenAI sent a response that is not valid JSON/);

    upstream.setHandler(nullChoice);
    const answer = await post('/endpoints/azure/invocations', chatBody);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text)).toEqual({ detail: "Azure OpenAI answered endpoint 'azure' with a response of an unexpected shape; the gateway could not translate it." });
  });

  test('after the first chunk, ends the stream with an error event saying the same', async () => {
    upstream.setHandler(nullDeltaAfterFirstWord);
    await withLoggedGateway(async (url, lines) => {
      const answer = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', stream: true, ...chatBody }) });
      expect(answer.status).toBe(200);
      const events = parseSse(await answer.text());
      expect(events.slice(0, 2).map((event) => JSON.parse(event.data).object)).toEqual(['chat.completion.chunk', 'chat.completion.chunk']);
      expect(events[2].event).toBe('error');
      expect(JSON.parse(events[2].data).error).toMatchObject({ code: 'upstream_unreadable', status: 502, message: expect.stringContaining("OpenAI answered endpoint 'chat'") });
      expect(events).toHaveLength(3);
      await loggedSoon(lines, (line) => line.level === 50 && (line.err as { type?: string } | undefined)?.type === 'TypeError', 1);
    });
  });
});

describe('client disconnects', () => {
  test('abort the upstream request in flight', async () => {
    upstream.setHandler(() => undefined);
    const client = new AbortController();
    const pending = post('/endpoints/patient/invocations', chatBody, { signal: client.signal }).catch((error: Error) => error);
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    client.abort();
    await pending;
    await within(upstream.closed[0], SOON_MS, 'the upstream request closing after the client left');
  });

  test('abort the wait between attempts: no further attempt is made', async () => {
    // Retry-After makes the wait exactly 3 s (full jitter could make a backoff almost nothing): the
    // abort, 100 ms into it, cannot come after its end even on a machine stalling for seconds.
    upstream.setHandler(fail(429, { 'retry-after': '3' }));
    const contentOf = (request: RecordedRequest) => (request.body as typeof chatBody).messages[0].content;
    const client = new AbortController();
    const pending = post('/endpoints/chat/invocations', chatBody, { signal: client.signal }).catch((error: Error) => error);
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.abort();
    expect(((await pending) as Error).name).toBe('AbortError');
    // A later request's second attempt comes after the end of the first one's wait: a second attempt
    // of the first would have reached the upstream before it.
    const later = new AbortController();
    const laterBody = { messages: [{ role: 'user', content: 'later' }] };
    const laterPending = post('/endpoints/chat/invocations', laterBody, { signal: later.signal }).catch((error: Error) => error);
    while (upstream.requests.filter((request) => contentOf(request) === 'later').length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    later.abort();
    await laterPending;
    expect(upstream.requests.map(contentOf)).toEqual(['Hi', 'later', 'later']);
  });
});

describe('fault injection under load', () => {
  type Fault = 'ok' | 'reset' | 'stall' | 'garbage' | 'html' | 'slow';
  const FAULTS: Fault[] = ['ok', 'reset', 'stall', 'garbage', 'html', 'slow'];

  /** The fault named by the request's message content. */
  function injectFaults(request: RecordedRequest, response: ServerResponse): void {
    const body = request.body as { stream?: boolean; messages: { content: string }[] };
    const fault = body.messages[0].content as Fault;
    switch (fault) {
      case 'ok':
        return serveChat(request, response);
      case 'reset':
        return void response.socket?.destroy();
      case 'stall':
        if (body.stream) return stallAfterFirstWord(request, response);
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.write('{"id":"chatcmpl-1","choices":[');
      case 'garbage':
        if (body.stream) {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          return void response.end('data: {"choices":[{"delta":{"content":"half\n\ndata: [DONE]\n\n');
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end('{"id": "chatcmpl-1", "choices": [ {"message": ');
      case 'html':
        response.writeHead(502, { 'content-type': 'text/html' });
        return void response.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
      case 'slow': {
        // Well after the first_byte timeout; dropped when the gateway gives up.
        const timer = setTimeout(() => serveChat(request, response), UNDER_LOAD_TIMEOUT_S * 1_000 + 3_000);
        return void response.on('close', () => clearTimeout(timer));
      }
      default: {
        const unreachable: never = fault;
        return unreachable;
      }
    }
  }

  interface Outcome {
    fault: Fault;
    stream: boolean;
    status: number;
    /** The error message (JSON body or SSE error event), or null for a complete answer. */
    error: string | null;
    elapsed: number;
  }

  async function send(fault: Fault, stream: boolean): Promise<Outcome> {
    const started = Date.now();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'under-load', messages: [{ role: 'user', content: fault }], stream }),
      // The client's own patience: far above the gateway's timeouts, so a hang would show.
      signal: AbortSignal.timeout(40_000),
    });
    const text = await response.text();
    const elapsed = Date.now() - started;
    if (response.status !== 200) return { fault, stream, status: response.status, error: JSON.parse(text).error.message as string, elapsed };
    if (!stream) return { fault, stream, status: 200, error: JSON.parse(text).choices ? null : 'no choices', elapsed };
    const last = parseSse(text).pop();
    return { fault, stream, status: 200, error: last?.event === 'error' ? (JSON.parse(last.data).error.message as string) : last?.data === '[DONE]' ? null : 'cut short', elapsed };
  }

  test('200 concurrent requests during resets, stalls, garbage, HTML pages and slow answers: none lost, each with a clear answer in time', async () => {
    upstream.setHandler(injectFaults);
    const planned = Array.from({ length: 200 }, (_, index) => ({ fault: FAULTS[index % FAULTS.length], stream: index % 12 >= 6 }));
    const outcomes = await Promise.all(planned.map(({ fault, stream }) => send(fault, stream)));
    expect(outcomes).toHaveLength(200);
    expect(upstream.requests).toHaveLength(200);
    for (const outcome of outcomes) {
      // The stalls and slow answers end at 5 s; the rest is queueing behind 199 others on a loaded machine.
      expect(outcome.elapsed).toBeLessThan(25_000);
      const expected = (() => {
        switch (outcome.fault) {
          case 'ok':
            return { status: 200, error: null };
          case 'reset':
            return { status: 502, error: expect.stringContaining("could not be reached for endpoint 'under-load'") };
          case 'stall':
            return outcome.stream
              ? { status: 200, error: expect.stringContaining('(idle timeout)') }
              : { status: 504, error: expect.stringContaining('(idle timeout)') };
          case 'garbage':
            return outcome.stream ? { status: expect.any(Number), error: expect.any(String) } : { status: 502, error: expect.stringContaining('not valid JSON') };
          case 'html':
            return { status: 502, error: expect.stringContaining('HTML page') };
          case 'slow':
            return { status: 504, error: expect.stringContaining('(first_byte timeout)') };
          default: {
            const unreachable: never = outcome.fault;
            return unreachable;
          }
        }
      })();
      expect({ fault: outcome.fault, stream: outcome.stream, status: outcome.status, error: outcome.error }).toEqual({ fault: outcome.fault, stream: outcome.stream, ...expected });
    }
    const garbageStreams = outcomes.filter((outcome) => outcome.fault === 'garbage' && outcome.stream);
    expect(garbageStreams.every((outcome) => [200, 502].includes(outcome.status) && outcome.error !== null)).toBe(true);
    // And the gateway is fine afterwards.
    upstream.setHandler(serveChat);
    expect((await post('/endpoints/once/invocations', chatBody)).status).toBe(200);
  }, 60_000);
});
