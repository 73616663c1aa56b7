/**
 * `server.stream_keepalive`: a stream that sends nothing for that long gets a keep-alive (`: keep-alive`
 * on `/v1`, an empty line on the MLflow routes), so that a load balancer's idle timeout does not cut a
 * model thinking before its first token. The first one sends the headers; a failure after it is an
 * `error` event, and a FALLBACK route still moves on. Real gateway over HTTP, a fake OpenAI upstream
 * that holds each stream until the client has seen a keep-alive (no race with timers), the official
 * openai client.
 */
import OpenAI from 'openai';
import { createGatewayClient } from '../../src/client';
import type { ServerResponse } from 'node:http';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture } from '../support/fixtures';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';

const EVENTS = readFixture('openai', 'chat.stream.sse').split(/(?<=\n\n)/);
/** A stream's events, as an SSE client reads them: a block without data (a keep-alive) is none. */
function eventsOf(sse: string): { event?: string; data: string }[] {
  return parseSse(sse).filter((event) => event.data !== '');
}

/** The text of a chat stream's chunks (its `data:` events but `[DONE]`). */
function textOf(sse: string): string {
  return eventsOf(sse)
    .filter((event) => event.data !== '[DONE]' && event.event === undefined)
    .map((event) => (JSON.parse(event.data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '')
    .join('');
}
/** The answer's text, as a client that read the stream whole has it. */
const ANSWER_TEXT = textOf(EVENTS.join(''));

/** Streams held by their prompt until the test releases it: the upstream then goes on as the prompt says. */
const held = new Map<string, () => void>();
const gates = new Map<string, Promise<void>>();
function gateOf(prompt: string): Promise<void> {
  if (!gates.has(prompt)) gates.set(prompt, new Promise<void>((resolve) => held.set(prompt, resolve)));
  return gates.get(prompt)!;
}
function release(prompt: string): void {
  void gateOf(prompt);
  held.get(prompt)!();
}

/**
 * `thinks …`: the role chunk at once (as OpenAI sends it), the rest once released; `pauses …`: the
 * role chunk and first word, then the rest once released; `fails …` (or any prompt to gpt-4o-mini-failing):
 * nothing, then a 503 once released; `slow …`: the whole stream after 300 ms; anything else at once.
 */
async function serveOpenAI(request: RecordedRequest, response: ServerResponse): Promise<void> {
  const body = request.body as { model: string; messages: { content: string }[] };
  const prompt = body.messages[0].content;
  if (prompt.startsWith('fails') || body.model === 'gpt-4o-mini-failing') {
    await gateOf(prompt);
    return sendJson(response, 503, { error: { message: 'The engine is currently overloaded', type: 'server_error', code: null, param: null } });
  }
  if (prompt.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 300));
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const before = prompt.startsWith('thinks') ? 1 : prompt.startsWith('pauses') ? 2 : EVENTS.length;
  response.write(EVENTS.slice(0, before).join(''));
  if (before < EVENTS.length) await gateOf(prompt);
  response.end(EVENTS.slice(before).join(''));
}

const endpoint = (name: string, url: string, model = 'gpt-4o-mini') => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: ${model}, config: { openai_api_key: sk-keepalive-test, openai_api_base: "${url}/v1" } }
    retries: { max_attempts: 1 }`;

const configOf = (url: string, keepAlive: number) => `
server: { stream_keepalive: ${keepAlive} }
endpoints:${endpoint('chat', url)}${endpoint('failing', url, 'gpt-4o-mini-failing')}
routes:
  - { name: failing-then-chat, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: failing }, { name: chat }] }
  - { name: split-to-chat, task_type: llm/v1/chat, routing_strategy: TRAFFIC_SPLIT, destinations: [{ name: chat, traffic_percentage: 100 }] }
`;

let upstream: FakeUpstream;
let gateway: RunningGateway;
let withoutKeepAlives: RunningGateway;
const log = captureLog('info');

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAI);
  gateway = await startGateway(configOf(upstream.url, 0.05), { logger: log.logger });
  withoutKeepAlives = await startGateway(configOf(upstream.url, 0));
});
afterAll(async () => {
  for (const prompt of held.keys()) release(prompt);
  await Promise.all([gateway?.close(), withoutKeepAlives?.close()]);
  await upstream?.close();
});

/** A stream request sent with fetch: its response, and a reader that collects its body as text. */
async function openStream(url: string, body: unknown, requestId: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify(body) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    response,
    /** Reads until the body so far satisfies `done`, or to its end; the body so far. */
    async readUntil(done: (text: string) => boolean = () => false): Promise<string> {
      while (!done(text)) {
        const next = await reader.read();
        if (next.done) break;
        text += decoder.decode(next.value, { stream: true });
      }
      return text;
    },
  };
}

/** The official openai client on the gateway, its fetch tapped: `onBody` sees each response's body so far as it arrives. */
function tappedClient(onBody: (text: string) => void): OpenAI {
  const tapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const decoder = new TextDecoder();
    let text = '';
    const body = response.body!.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(part, controller) {
          text += decoder.decode(part, { stream: true });
          onBody(text);
          controller.enqueue(part);
        },
      }),
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return new OpenAI({ apiKey: 'unused', baseURL: `${gateway.url}/v1`, maxRetries: 0, fetch: tapped });
}

const chatBody = (content: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: 'user', content }], stream: true, ...extra });

test('/v1: a stream silent before its first token sends its headers and `: keep-alive` comments; the answer follows whole', async () => {
  const stream = await openStream(`${gateway.url}/v1/chat/completions`, chatBody('thinks v1', { model: 'chat' }), 'keepalive-v1');
  // The headers came with the first keep-alive, while the upstream still holds the answer.
  expect([stream.response.status, stream.response.headers.get('content-type'), stream.response.headers.get('x-gateway-endpoint')]).toEqual([200, 'text/event-stream; charset=utf-8', 'chat']);
  const early = await stream.readUntil((text) => text.includes(': keep-alive\n\n'));
  expect(early).toMatch(/^(: keep-alive\n\n)+$/);
  release('thinks v1');
  const body = await stream.readUntil();
  const events = eventsOf(body);
  expect(events.at(-1)).toEqual({ data: '[DONE]' });
  expect((JSON.parse(events[0].data) as { choices: { delta: { role?: string } }[] }).choices[0].delta.role).toBe('assistant');
  expect(textOf(body)).toBe(ANSWER_TEXT);
  const line = await waitForLogLine(log.lines, (candidate) => candidate.msg === 'request' && candidate.request_id === 'keepalive-v1');
  expect([line.status, line.endpoint, line.error]).toEqual([200, 'chat', undefined]);
});

test('the official openai client reads a stream with keep-alives before and between its chunks', async () => {
  /** The text the client reads from a stream to `prompt`, which is released once `released` says so of the body so far; and that body. */
  const read = async (prompt: string, released: (body: string) => boolean) => {
    let body = '';
    const openai = tappedClient((text) => {
      body = text;
      if (released(text)) release(prompt);
    });
    let text = '';
    for await (const chunk of await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: prompt }], stream: true })) text += chunk.choices[0]?.delta.content ?? '';
    return { text, body };
  };
  const before = await read('thinks then pauses', (body) => body.includes(': keep-alive'));
  expect(before.text).toBe(ANSWER_TEXT);
  expect(before.body.startsWith(': keep-alive\n\n')).toBe(true);
  // Released once a keep-alive came after the first word: the pause was between two chunks.
  const between = await read('pauses client', (body) => body.includes('"Un"') && body.lastIndexOf(': keep-alive') > body.indexOf('"Un"'));
  expect(between.text).toBe(ANSWER_TEXT);
  expect(between.body.startsWith('data: ')).toBe(true);
});

test("MLflow routes: keep-alives are empty lines, so every line that is not blank is a `data:` line, as MLflow's Python clients require", async () => {
  const stream = await openStream(`${gateway.url}/endpoints/chat/invocations`, chatBody('thinks mlflow'), 'keepalive-mlflow');
  expect(stream.response.status).toBe(200);
  const early = await stream.readUntil((text) => text.length > 0);
  expect(early).toMatch(/^(\n\n)+$/);
  release('thinks mlflow');
  const body = await stream.readUntil();
  expect(body.split('\n').filter((line) => line.trim() !== '').every((line) => line.startsWith('data:'))).toBe(true);
  expect(eventsOf(body).at(-1)).toEqual({ data: '[DONE]' });
  expect(textOf(body)).toBe(ANSWER_TEXT);
});

test('a failure after a keep-alive, before the first chunk, is an error event in the 200 stream; the openai client raises it', async () => {
  const stream = await openStream(`${gateway.url}/v1/chat/completions`, chatBody('fails v1', { model: 'chat' }), 'keepalive-fails');
  expect(stream.response.status).toBe(200);
  await stream.readUntil((text) => text.includes(': keep-alive'));
  release('fails v1');
  const events = eventsOf(await stream.readUntil());
  expect(events).toHaveLength(1);
  expect(events[0].event).toBe('error');
  const { error } = JSON.parse(events[0].data) as { error: { message: string; status: number; type: string } };
  expect([error.status, error.type]).toEqual([502, 'upstream_error']);
  expect(error.message).toBe("Upstream error from endpoint 'chat' (status 503): The engine is currently overloaded");
  const line = await waitForLogLine(log.lines, (candidate) => candidate.msg === 'request' && candidate.request_id === 'keepalive-fails');
  expect(line.status).toBe(200);
  expect(line.error).toEqual({ code: 'upstream_error', message: "Upstream error from endpoint 'chat' (status 503): The engine is currently overloaded" });

  // The same through the openai client: the error event is an APIError, not a stream that just ends.
  const openai = tappedClient((text) => {
    if (text.includes(': keep-alive')) release('fails client');
  });
  const read = async () => {
    for await (const _chunk of await openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'fails client' }], stream: true }));
  };
  await expect(read()).rejects.toThrow(/overloaded/);
});

test('a FALLBACK route moves on after a keep-alive: the next destination answers in the same stream, without x-gateway-endpoint', async () => {
  const stream = await openStream(`${gateway.url}/v1/chat/completions`, chatBody('route after keep-alive', { model: 'failing-then-chat' }), 'keepalive-route');
  expect(stream.response.status).toBe(200);
  expect(stream.response.headers.get('x-gateway-endpoint')).toBeNull();
  await stream.readUntil((text) => text.includes(': keep-alive'));
  release('route after keep-alive');
  const body = await stream.readUntil();
  expect(eventsOf(body).at(-1)).toEqual({ data: '[DONE]' });
  expect(body).not.toContain('event: error');
  expect(textOf(body)).toBe(ANSWER_TEXT);
  const line = await waitForLogLine(log.lines, (candidate) => candidate.msg === 'request' && candidate.request_id === 'keepalive-route');
  expect([line.status, line.endpoint, line.attempts]).toEqual([200, 'chat', [{ endpoint: 'failing', status: 502, code: 'upstream_error' }, { endpoint: 'chat', status: 200 }]]);
});

test('a TRAFFIC_SPLIT route has drawn its destination before any keep-alive: its stream keeps x-gateway-endpoint', async () => {
  const stream = await openStream(`${gateway.url}/v1/chat/completions`, chatBody('thinks split', { model: 'split-to-chat' }), 'keepalive-split');
  expect([stream.response.status, stream.response.headers.get('x-gateway-endpoint')]).toEqual([200, 'chat']);
  await stream.readUntil((text) => text.includes(': keep-alive'));
  release('thinks split');
  expect(textOf(await stream.readUntil())).toBe(ANSWER_TEXT);
});

test('a route whose first destination fails before any keep-alive still names the one that answered', async () => {
  // Released at once: the failure and the fallback come well within the 50 ms.
  release('route at once');
  const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody('route at once', { model: 'failing-then-chat' })) });
  const body = await response.text();
  expect([response.status, response.headers.get('x-gateway-endpoint')]).toEqual([200, 'chat']);
  expect(body.startsWith('data: ')).toBe(true);
});

test('with stream_keepalive: 0 a slow stream sends nothing before its first chunk; the same stream gets keep-alives at 0.05 s', async () => {
  const quiet = await (await fetch(`${withoutKeepAlives.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody('slow quiet', { model: 'chat' })) })).text();
  expect(quiet.startsWith('data: ')).toBe(true);
  expect(quiet).not.toContain('keep-alive');
  const kept = await (await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody('slow kept', { model: 'chat' })) })).text();
  expect(kept.startsWith(': keep-alive\n\n')).toBe(true);
  expect(eventsOf(kept).at(-1)).toEqual({ data: '[DONE]' });
});

test('a stream that answers in time gets no keep-alive', async () => {
  const streamed = await (await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody('at once', { model: 'chat' })) })).text();
  expect(streamed).not.toContain('keep-alive');
  expect(streamed.startsWith('data: ')).toBe(true);
});

test('/v1/responses: keep-alives before the first event; a failure after one opens the Response, then response.failed', async () => {
  const stream = await openStream(`${gateway.url}/v1/responses`, { model: 'chat', input: 'fails responses', stream: true, store: false }, 'keepalive-responses');
  expect(stream.response.status).toBe(200);
  expect(await stream.readUntil((text) => text.includes(': keep-alive\n\n'))).toMatch(/^(: keep-alive\n\n)+$/);
  release('fails responses');
  const events = eventsOf(await stream.readUntil());
  // As OpenAI's streams (and a failure after the first chunk) open: response.created first.
  expect(events.map((event) => event.event)).toEqual(['response.created', 'response.in_progress', 'response.failed']);
  expect(events.map((event) => (JSON.parse(event.data) as { sequence_number: number }).sequence_number)).toEqual([0, 1, 2]);
  const failed = JSON.parse(events[2].data) as { type: string; response: { status: string; error: { code: string; message: string } } };
  expect([failed.type, failed.response.status]).toEqual(['response.failed', 'failed']);
  expect(failed.response.error.message).toContain('The engine is currently overloaded');

  // The official client's stream helper needs response.created first: it reads the failed Response, not an OpenAIError of its own.
  const openai = tappedClient((text) => {
    if (text.includes(': keep-alive')) release('fails responses helper');
  });
  const final = await openai.responses.stream({ model: 'chat', input: 'fails responses helper', store: false }).finalResponse();
  expect([final.status, final.error?.message]).toEqual(['failed', "Upstream error from endpoint 'chat' (status 503): The engine is currently overloaded"]);
});

test('a client that leaves after a keep-alive ends the upstream call, and its line says 499', async () => {
  const requestsBefore = upstream.requests.length;
  const controller = new AbortController();
  const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'keepalive-left' }, body: JSON.stringify(chatBody('thinks then left', { model: 'chat' })), signal: controller.signal });
  const reader = response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toContain(': keep-alive');
  expect(upstream.requests.length).toBe(requestsBefore + 1);
  controller.abort();
  await upstream.closed[upstream.closed.length - 1];
  const line = await waitForLogLine(log.lines, (candidate) => candidate.msg === 'request aborted by the client' && candidate.request_id === 'keepalive-left');
  expect(line.status).toBe(499);
});

test("the gateway's own SDK reads a stream with keep-alives, and its streamIdleTimeout does not take them for events", async () => {
  const sdk = createGatewayClient({ baseUrl: gateway.url });
  const reading = (async () => {
    let text = '';
    for await (const chunk of sdk.streamChat('chat', { messages: [{ role: 'user', content: 'thinks sdk' }] })) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  })();
  // Released after a few keep-alives have gone by (the SDK has no hook to see them).
  setTimeout(() => release('thinks sdk'), 300);
  expect(await reading).toBe(ANSWER_TEXT);

  // Keep-alives every 50 ms for a stream held until the end of the file: still no event within 400 ms.
  const idle = (async () => {
    for await (const _chunk of sdk.streamChat('chat', { messages: [{ role: 'user', content: 'thinks forever' }] }, { streamIdleTimeout: 400 }));
  })();
  await expect(idle).rejects.toMatchObject({ name: 'TimeoutError', message: 'The stream sent no event for 400 ms (streamIdleTimeout).' });
});
