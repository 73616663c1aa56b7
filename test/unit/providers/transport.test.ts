import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Pool } from 'undici';
import type { AddressInfo } from 'node:net';
import { GatewayError } from '../../../src/errors';
import { openaiErrorMessage } from '../../../src/providers/openai';
import { closeAllPools, createUpstream, joinUrl, type SseEvent, type UpstreamOptions } from '../../../src/providers/transport/http';
import { sourceTextOf } from '../../../src/providers/shared/json';
import { closePoolsNotIn, poolFor, poolKeysUsedBy } from '../../../src/providers/transport/pools';
import { MAX_SSE_EVENT_CHARS } from '../../../src/providers/transport/sse';
import { sse as decodeSse } from '../../support/stream-replay';
import { sendJson, startFakeUpstream, type FakeUpstream, type UpstreamHandler } from '../../support/fake-upstream';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS, SOON_MS, within } from '../../support/timeouts';
import { readJsonFixture } from '../../support/fixtures';

const KEY = 'sk-test-SECRET-0123456789abcdef';

let server: FakeUpstream | null = null;

async function serve(handler: UpstreamHandler): Promise<FakeUpstream> {
  server = await startFakeUpstream(handler);
  return server;
}

function upstreamFor(fake: FakeUpstream, overrides: Partial<UpstreamOptions> = {}) {
  return createUpstream({
    baseUrl: `${fake.url}/v1`,
    headers: { Authorization: `Bearer ${KEY}` },
    endpointName: 'my-chat',
    providerName: 'OpenAI',
    errorMessage: openaiErrorMessage,
    timeouts: TIMEOUTS,
    maxAnswerBytes: TEST_MAX_ANSWER_BYTES,
    ...overrides,
  });
}

const signal = () => new AbortController().signal;

const TIMEOUTS = TEST_TIMEOUTS;

async function caught(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected a rejection');
}

/** A bare server that records the client port of each request, to observe connection reuse. */
async function listenRecordingPorts(answer: (response: ServerResponse) => void) {
  const remotePorts: number[] = [];
  const http: Server = createServer((request, response) => {
    remotePorts.push(request.socket.remotePort ?? -1);
    request.resume();
    request.on('end', () => answer(response));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    remotePorts,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

afterEach(async () => {
  await server?.close();
  server = null;
});

afterAll(async () => {
  await closeAllPools();
});

describe('joinUrl', () => {
  it.each([
    ['https://api.openai.com/v1', '/chat/completions', 'https://api.openai.com/v1/chat/completions'],
    ['https://api.openai.com/v1/', 'chat/completions', 'https://api.openai.com/v1/chat/completions'],
    ['https://api.openai.com/v1//', '//embeddings', 'https://api.openai.com/v1/embeddings'],
    ['http://127.0.0.1:8080', 'completions', 'http://127.0.0.1:8080/completions'],
    [
      'https://res.openai.azure.com/openai/deployments/gpt4?api-version=2024-10-21',
      '/chat/completions',
      'https://res.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-10-21',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models',
      'gemini-pro:streamGenerateContent?alt=sse',
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:streamGenerateContent?alt=sse',
    ],
    ['https://host/base?a=1', 'op?b=2', 'https://host/base/op?a=1&b=2'],
  ])('joinUrl(%s, %s) = %s', (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });
});

describe('createUpstream.postJson', () => {
  it('posts JSON with the provider headers to the joined path (base query kept) and parses the answer', async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, { ok: true, text: 'café 🙂' }));
    const upstream = upstreamFor(fake, { baseUrl: `${fake.url}/openai/deployments/d1?api-version=2024-10-21` });

    const result = await upstream.postJson('/chat/completions', { messages: [{ role: 'user', content: 'hi' }] }, { signal: signal() });

    expect(result).toEqual({ ok: true, text: 'café 🙂' });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/openai/deployments/d1/chat/completions?api-version=2024-10-21');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
  });

  it("sends a base URL's user and password as Basic auth (as MLflow's aiohttp does), never shown in an error", async () => {
    const password = 'tgi-P@ss-0123456789';
    const basic = Buffer.from(`tgi-user:${password}`).toString('base64');
    const fake = await serve((request, response) => sendJson(response, 500, { error: { message: `refused ${String(request.headers.authorization)} (${password})` } }));
    const baseUrl = fake.url.replace('http://', `http://tgi-user:${encodeURIComponent(password)}@`);
    const upstream = upstreamFor(fake, { baseUrl, headers: {} });

    const error = await caught(upstream.postJson('generate', {}, { signal: signal() }));

    expect(fake.requests[0].headers.authorization).toBe(`Basic ${basic}`);
    expect(error.message).toBe("Upstream error from endpoint 'my-chat' (status 500): refused [redacted] ([redacted])");
  });

  it("never shows a token written as a base URL's user without a password (https://TOKEN@host)", async () => {
    const token = 'hf_USERtoken0123456789abcdef';
    const fake = await serve((_request, response) => sendJson(response, 500, { error: { message: `no such token: ${token}` } }));
    const upstream = upstreamFor(fake, { baseUrl: fake.url.replace('http://', `http://${token}@`), headers: {} });

    const error = await caught(upstream.postJson('generate', {}, { signal: signal() }));

    expect(fake.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`${token}:`).toString('base64')}`);
    expect(error.message).toBe("Upstream error from endpoint 'my-chat' (status 500): no such token: [redacted]");
  });

  it("refuses a base URL's credentials beside the provider's own Authorization header, as aiohttp does", async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, {}));
    const baseUrl = fake.url.replace('http://', 'http://user:password-0123@');
    expect(() => upstreamFor(fake, { baseUrl })).toThrow("the base URL holds credentials (user:password@), which cannot be combined with the provider's own Authorization header");
  });

  it('keeps the answer text for the parsed value only when asked to', async () => {
    const text = '{ "ok" : true, "n": 1.50 }';
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(text);
    });
    const kept = await upstreamFor(fake).postJson('op', {}, { signal: signal(), keepText: true });
    expect(kept).toEqual({ ok: true, n: 1.5 });
    expect(sourceTextOf(kept)).toBe(text);
    expect(sourceTextOf(await upstreamFor(fake).postJson('op', {}, { signal: signal() }))).toBeUndefined();
  });

  it('keeps a 400 status and the vendor message', async () => {
    const fake = await serve((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')));
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({
      status: 400,
      kind: 'invalid_request_error',
      message: "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.",
    });
  });

  it('turns a 401 into a 502 that never shows the key, even when the vendor echoes it', async () => {
    const fake = await serve((_request, response) => sendJson(response, 401, { error: { message: `Incorrect API key provided: ${KEY}` } }));
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error.status).toBe(502);
    expect(error.code).toBe('upstream_auth_failed');
    expect(error.message).toContain("'my-chat'");
    expect(error.message).not.toContain(KEY);
  });

  it('keeps a 429 with its Retry-After header', async () => {
    const fake = await serve((_request, response) => sendJson(response, 429, readJsonFixture('openai', 'error-429.json'), { 'retry-after': '7' }));
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 429, retryAfter: '7', retryable: true });
    expect(error.message).toMatch(/^Rate limit reached for gpt-4o/);
  });

  it('reads Content-Type and Retry-After in any letter case, the first Retry-After of several', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(429, ['RETRY-AFTER', '3', 'Retry-After', '9', 'Content-Type', 'application/json', 'X-Other', 'y']);
      response.end(JSON.stringify({ error: { message: 'slow down' } }));
    });
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 429, retryAfter: '3', message: 'slow down' });
  });

  it('reads an upper-case Content-Type of a JSON answer', async () => {
    const ok = await serve((_request, response) => {
      response.writeHead(200, ['CONTENT-TYPE', 'application/json']);
      response.end('{"ok":true}');
    });
    await expect(upstreamFor(ok).postJson('chat/completions', {}, { signal: signal() })).resolves.toEqual({ ok: true });
  });

  it('turns a 500 into a retryable 502 carrying the vendor message', async () => {
    const fake = await serve((_request, response) =>
      sendJson(response, 500, { error: { message: 'The server had an error while processing your request.' } }),
    );
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toContain('status 500');
    expect(error.message).toContain('The server had an error while processing your request.');
  });

  it('describes an HTML error page instead of quoting it', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>');
    });
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error.status).toBe(502);
    expect(error.message).toContain('OpenAI answered with an HTML page (status 502) instead of JSON');
    expect(error.message).not.toContain('<html>');
  });

  it('quotes a short excerpt of a plain-text error body', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('upstream connect error or disconnect/reset before headers');
    });
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error.status).toBe(502);
    expect(error.message).toContain('upstream connect error or disconnect/reset before headers');
  });

  it('refuses a 2xx that is not JSON, naming the provider and the content type', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html>login</html>');
    });
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(error.message).toContain('OpenAI');
    expect(error.message).toContain("'text/html; charset=utf-8'");
  });

  it('refuses a 2xx JSON body that does not parse', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "chatcmpl-1", "choices": [');
    });
    const error = await caught(upstreamFor(fake).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable' });
    expect(error.message).toContain('not valid JSON');
  });

  it('reports a refused connection as a 502 naming endpoint and provider but not the key', async () => {
    const fake = await serve(() => undefined);
    const upstream = upstreamFor(fake);
    await fake.close();
    server = null;
    const error = await caught(upstream.postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', retryable: true });
    expect(error.message).toContain("'my-chat'");
    expect(error.message).toContain('OpenAI');
    expect(error.message).not.toContain(KEY);
  });

  it('turns a server that never answers into a 504 after the headers timeout', async () => {
    const fake = await serve(() => undefined);
    const error = await caught(upstreamFor(fake, { timeouts: { ...TIMEOUTS, headers: 100 } }).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 504, kind: 'timeout_error', retryable: true });
    expect(error.message).toContain("'my-chat'");
  });

  it('turns a body that stalls into a 504 after the body timeout', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":');
    });
    const error = await caught(upstreamFor(fake, { timeouts: { ...TIMEOUTS, body: 100 } }).postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 504, kind: 'timeout_error' });
  });

  it('aborts the upstream request when the signal aborts, rejecting with the abort reason', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const fake = await serve(() => arrived());
    const controller = new AbortController();
    const pending = upstreamFor(fake).postJson('chat/completions', {}, { signal: controller.signal });
    await requestArrived;
    controller.abort();

    await expect(pending).rejects.toBe(controller.signal.reason);
    await within(fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('aborts while the answer is arriving, rejecting with the abort reason and closing the connection', async () => {
    let started!: () => void;
    const bodyStarted = new Promise<void>((resolve) => (started = resolve));
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":', () => started());
    });
    const controller = new AbortController();
    const pending = upstreamFor(fake).postJson('chat/completions', {}, { signal: controller.signal });
    await bodyStarted;
    controller.abort(new Error('client gone'));

    await expect(pending).rejects.toThrow('client gone');
    await within(fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('does not send anything when the signal is already aborted', async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, {}));
    const controller = new AbortController();
    controller.abort();
    await expect(upstreamFor(fake).postJson('chat/completions', {}, { signal: controller.signal })).rejects.toBe(controller.signal.reason);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createUpstream.postStream', () => {
  function writeEvent(response: ServerResponse, data: string): void {
    response.write(`data: ${data}\n\n`);
  }

  it('throws the status error on the first next(), before any event', async () => {
    const fake = await serve((_request, response) => sendJson(response, 400, readJsonFixture('openai', 'error-400.json')));
    const events = upstreamFor(fake).postStream('chat/completions', { stream: true }, { signal: signal() })[Symbol.asyncIterator]();
    const error = await caught(events.next());
    expect(error.status).toBe(400);
    expect(error.message).toContain("Invalid type for 'messages[0].content'");
  });

  it('asks for an event stream and yields each event as soon as it arrives', async () => {
    let allowSecond!: () => void;
    const secondAllowed = new Promise<void>((resolve) => (allowSecond = resolve));
    const fake = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      writeEvent(response, '{"n":1}');
      await secondAllowed;
      writeEvent(response, '{"n":2}');
      writeEvent(response, '[DONE]');
      response.end();
    });
    const events = upstreamFor(fake).postStream('chat/completions', { stream: true }, { signal: signal() })[Symbol.asyncIterator]();

    const first = await within(events.next(), SOON_MS, 'the first event');
    expect(first).toEqual({ done: false, value: { event: undefined, data: '{"n":1}' } });
    allowSecond();
    const rest: SseEvent[] = [];
    for (let next = await events.next(); !next.done; next = await events.next()) rest.push(next.value);
    expect(rest.map((event) => event.data)).toEqual(['{"n":2}', '[DONE]']);
    expect(fake.requests[0].headers.accept).toBe('text/event-stream');
    expect(fake.requests[0].body).toEqual({ stream: true });
  });

  it('keeps the connection for the next request when the consumer stops at [DONE] and the server ends', async () => {
    const local = await listenRecordingPorts((response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      writeEvent(response, '{"n":1}');
      writeEvent(response, '[DONE]');
      setTimeout(() => response.end(), 20);
    });
    try {
      const upstream = createUpstream({ baseUrl: local.origin, headers: {}, endpointName: 'e', providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES });
      // The pool the upstream uses (one per origin and connect timeout; no proxy in tests).
      const pool = poolFor(local.origin, TIMEOUTS.connect, null) as Pool;
      for (let round = 0; round < 2; round += 1) {
        for await (const event of upstream.postStream('chat/completions', {}, { signal: signal() })) {
          if (event.data === '[DONE]') break;
        }
        // The tail is read in the background: wait until the connection is back in the pool, idle.
        for (const deadline = Date.now() + SOON_MS; pool.stats.free !== 1; await new Promise((resolve) => setTimeout(resolve, 10))) {
          if (Date.now() > deadline) throw new Error(`the connection did not come back to the pool within ${SOON_MS} ms`);
        }
      }
      expect(local.remotePorts).toHaveLength(2);
      expect(local.remotePorts[1]).toBe(local.remotePorts[0]);
    } finally {
      await local.close();
    }
  });

  it('releases the connection when the consumer stops early and the server keeps sending', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      writeEvent(response, '{"n":1}');
    });
    for await (const event of upstreamFor(fake).postStream('chat/completions', {}, { signal: signal() })) {
      expect(event.data).toBe('{"n":1}');
      break;
    }
    await within(fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('aborts a running stream when the signal aborts, rejecting with the abort reason', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      writeEvent(response, '{"n":1}');
    });
    const controller = new AbortController();
    const consume = async () => {
      for await (const event of upstreamFor(fake).postStream('chat/completions', {}, { signal: controller.signal })) {
        expect(event.data).toBe('{"n":1}');
        controller.abort();
      }
    };
    const outcome = await consume().then(() => 'completed', (error: unknown) => error);
    expect(controller.signal.aborted).toBe(true);
    expect(outcome).toBe(controller.signal.reason);
    await within(fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('reports a connection reset mid-stream as a 502', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      writeEvent(response, '{"n":1}');
      setTimeout(() => response.socket?.destroy(), 50);
    });
    const seen: string[] = [];
    const consume = async () => {
      for await (const event of upstreamFor(fake).postStream('chat/completions', {}, { signal: signal() })) seen.push(event.data);
    };
    const error = await caught(consume());
    expect(seen).toEqual(['{"n":1}']);
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable' });
  });

  it('shows the vendor message when a stream request gets a JSON answer', async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, { error: { message: 'streaming is not enabled for this deployment' } }));
    const events = upstreamFor(fake).postStream('chat/completions', {}, { signal: signal() })[Symbol.asyncIterator]();
    const error = await caught(events.next());
    expect(error.status).toBe(502);
    expect(error.message).toContain('streaming is not enabled for this deployment');
  });
  it('pauses the upstream while the consumer does not read, and reads on when it does', async () => {
    const EVENT = `data: ${JSON.stringify({ text: 'x'.repeat(1000) })}\n\n`;
    const TOTAL_BYTES = 64 * 1024 * 1024;
    let flushed = 0;
    let allFlushed!: () => void;
    const done = new Promise<void>((resolve) => (allFlushed = resolve));
    const fake = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      while (flushed < TOTAL_BYTES) {
        const accepted = response.write(EVENT);
        flushed += EVENT.length;
        if (!accepted) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
      allFlushed();
    });
    const events = upstreamFor(fake).postStream('chat/completions', {}, { signal: signal() })[Symbol.asyncIterator]();
    await events.next();
    // Not reading: the server can push only what socket buffers and the gateway's small queue hold.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(flushed).toBeLessThan(TOTAL_BYTES / 4);
    let count = 1;
    while (!(await events.next()).done) count += 1;
    await done;
    expect(count).toBe(Math.ceil(TOTAL_BYTES / EVENT.length));
  });

  it('gives up on an event larger than the limit, closing the connection', async () => {
    const fake = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\n');
      response.write(`data: ${'y'.repeat(MAX_SSE_EVENT_CHARS + 1)}`);
    });
    const seen: string[] = [];
    const consume = async () => {
      for await (const event of upstreamFor(fake).postStream('chat/completions', {}, { signal: signal() })) seen.push(event.data);
    };
    const error = await caught(consume());
    expect(seen).toEqual(['{"n":1}']);
    expect(error.message).toContain(`larger than ${MAX_SSE_EVENT_CHARS} characters`);
    await within(fake.closed[0], SOON_MS, 'the upstream connection closing');
  });
});

describe('the SSE decoder', () => {
  async function* parts(...chunks: string[]): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }

  it('delivers a last event that lacks its closing blank line, with id and event name', async () => {
    const events: SseEvent[] = [];
    for await (const event of decodeSse(parts('event: message_start\nid: 7\ndata: {"a":1}\n\n', 'data: [DONE]'))) events.push(event);
    expect(events).toEqual([{ event: 'message_start', id: '7', data: '{"a":1}' }, { event: undefined, data: '[DONE]' }]);
  });

  it('gives up on an event larger than the limit instead of buffering without bound', async () => {
    const consume = async () => {
      for await (const _event of decodeSse(parts(`data: ${'x'.repeat(MAX_SSE_EVENT_CHARS + 1)}`))) void _event;
    };
    await expect(consume()).rejects.toMatchObject({ status: 502, code: 'upstream_unavailable' });
  });
});

describe('connection pools', () => {
  it('shares one keep-alive connection between upstreams on the same origin', async () => {
    const local = await listenRecordingPorts((response) => sendJson(response, 200, {}));
    const options = { headers: {}, providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES };
    try {
      await createUpstream({ ...options, baseUrl: `${local.origin}/v1`, endpointName: 'a' }).postJson('chat/completions', {}, { signal: signal() });
      // undici marks the connection idle one tick after the body has been read.
      await new Promise((resolve) => setImmediate(resolve));
      await createUpstream({ ...options, baseUrl: `${local.origin}/other`, endpointName: 'b' }).postJson('embeddings', {}, { signal: signal() });
      expect(local.remotePorts).toHaveLength(2);
      expect(local.remotePorts[1]).toBe(local.remotePorts[0]);
    } finally {
      await local.close();
    }
  });

  it('a compile notes the pools its upstreams use without opening any; closing the others keeps those', async () => {
    const local = await listenRecordingPorts((response) => sendJson(response, 200, {}));
    const options = { headers: {}, providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES, endpointName: 'a' };
    try {
      const { value: upstream, poolKeys } = poolKeysUsedBy(() => createUpstream({ ...options, baseUrl: `${local.origin}/v1` }));
      expect(poolKeys.size).toBe(1);
      expect(local.remotePorts).toEqual([]);
      await upstream.postJson('chat/completions', {}, { signal: signal() });
      await new Promise((resolve) => setImmediate(resolve));
      await closePoolsNotIn(poolKeys);
      await upstream.postJson('chat/completions', {}, { signal: signal() });
      expect(local.remotePorts[1]).toBe(local.remotePorts[0]);
    } finally {
      await local.close();
    }
  });

  it('an upstream whose pool a reload closed (a request of the old config, such as a retry) takes a new pool instead of failing', async () => {
    const local = await listenRecordingPorts((response) => sendJson(response, 200, { ok: true }));
    const upstream = createUpstream({ headers: {}, providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES, endpointName: 'a', baseUrl: `${local.origin}/v1` });
    try {
      await upstream.postJson('chat/completions', {}, { signal: signal() });
      await closePoolsNotIn(new Set());
      await expect(upstream.postJson('chat/completions', {}, { signal: signal() })).resolves.toEqual({ ok: true });
      expect(local.remotePorts).toHaveLength(2);
      expect(local.remotePorts[1]).not.toBe(local.remotePorts[0]);
    } finally {
      await local.close();
    }
  });

  it('a call of the old config to a dropped origin gets a connection of its own; once a reload brings the origin back, calls share its pool', async () => {
    const local = await listenRecordingPorts((response) => sendJson(response, 200, { ok: true }));
    const options = { headers: {}, providerName: 'OpenAI', errorMessage: openaiErrorMessage, timeouts: TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES, endpointName: 'a' };
    const { value: upstream, poolKeys } = poolKeysUsedBy(() => createUpstream({ ...options, baseUrl: `${local.origin}/v1` }));
    const call = async () => {
      await upstream.postJson('chat/completions', {}, { signal: signal() });
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      await closePoolsNotIn(new Set());
      await call();
      await call();
      expect(new Set(local.remotePorts).size).toBe(2);
      await closePoolsNotIn(poolKeys);
      await call();
      await call();
      expect(local.remotePorts[3]).toBe(local.remotePorts[2]);
    } finally {
      await local.close();
    }
  });
});
