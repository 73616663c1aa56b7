/**
 * Upstream answers read whole are bounded by `maxAnswerBytes` (`server.max_answer_size`): a JSON
 * answer, an error body, the body of a refused stream. Past the limit the request is abandoned at
 * once and its connection closed, instead of the gateway's memory filling with an answer that never
 * ends (before the limit, one such request took the gateway past 4 GB in 30 seconds).
 */
import { boundedOpenaiUpstreams } from '../../support/bounded-upstream';
import { gatewayRejectionOf } from '../../support/errors';
import { sendEndless, sendJson, type UpstreamHandler } from '../../support/fake-upstream';
import { SOON_MS, within } from '../../support/timeouts';

const LIMIT = 64 * 1024;

const upstreams = boundedOpenaiUpstreams(LIMIT);
const upstreamAnswering = upstreams.answering;

/** An answer that never ends, with this status and content type. */
function endless(status: number, contentType: string): UpstreamHandler {
  return (_request, response) => sendEndless(response, status, contentType);
}

/** A JSON answer of exactly `bytes` bytes. */
function answerOfSize(bytes: number): { text: string } {
  const frame = JSON.stringify({ text: '' }).length;
  return { text: 'a'.repeat(bytes - frame) };
}

const signal = () => new AbortController().signal;

function expectAbandoned(error: { status: number; code: string | null; retryable: boolean; message: string }, status: number): void {
  expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', retryable: false });
  expect(error.message).toBe(
    `OpenAI answered for endpoint 'my-chat' with status ${status} and more than ${LIMIT} bytes; the answer was abandoned (server.max_answer_size).`,
  );
}

describe('postJson', () => {
  it('reads an answer of exactly the limit', async () => {
    const upstream = await upstreamAnswering((_request, response) => sendJson(response, 200, answerOfSize(LIMIT)));
    expect(await upstream.postJson('chat/completions', {}, { signal: signal() })).toEqual(answerOfSize(LIMIT));
  });

  it('abandons an answer one byte over the limit with a 502 naming the setting', async () => {
    const upstream = await upstreamAnswering((_request, response) => sendJson(response, 200, answerOfSize(LIMIT + 1)));
    expectAbandoned(await gatewayRejectionOf(() => upstream.postJson('chat/completions', {}, { signal: signal() })), 200);
  });

  it('abandons an answer that never ends as soon as it passes the limit, closing the connection', async () => {
    const upstream = await upstreamAnswering(endless(200, 'application/json'));
    const error = await within(gatewayRejectionOf(() => upstream.postJson('chat/completions', {}, { signal: signal() })), SOON_MS, 'the rejection');
    expectAbandoned(error, 200);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('abandons an error body that never ends, naming its status', async () => {
    const upstream = await upstreamAnswering(endless(500, 'text/plain'));
    expectAbandoned(await within(gatewayRejectionOf(() => upstream.postJson('chat/completions', {}, { signal: signal() })), SOON_MS, 'the rejection'), 500);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });
});

describe('postStream', () => {
  const firstEvent = (upstream: Awaited<ReturnType<typeof upstreamAnswering>>) => () => upstream.postStream('chat/completions', {}, { signal: signal() })[Symbol.asyncIterator]().next();

  it('abandons a JSON answer in place of the stream that never ends', async () => {
    const upstream = await upstreamAnswering(endless(200, 'application/json'));
    expectAbandoned(await within(gatewayRejectionOf(firstEvent(upstream)), SOON_MS, 'the rejection'), 200);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('abandons an error page that never ends, naming its status', async () => {
    const upstream = await upstreamAnswering(endless(503, 'text/html'));
    expectAbandoned(await within(gatewayRejectionOf(firstEvent(upstream)), SOON_MS, 'the rejection'), 503);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });

  it('still reads a refused answer within the limit, with the vendor message', async () => {
    const upstream = await upstreamAnswering((_request, response) => sendJson(response, 400, { error: { message: 'bad request', type: 'invalid_request_error' } }));
    expect(await gatewayRejectionOf(firstEvent(upstream))).toMatchObject({ status: 400, message: 'bad request' });
  });

  it('does not limit an event stream in total', async () => {
    const event = `data: {"text":"${'s'.repeat(1000)}"}\n\n`;
    const count = Math.ceil((3 * LIMIT) / event.length);
    const upstream = await upstreamAnswering((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(event.repeat(count));
    });
    let seen = 0;
    for await (const _event of upstream.postStream('chat/completions', {}, { signal: signal() })) seen += 1;
    expect(seen).toBe(count);
  });
});

describe('newline-delimited JSON streams', () => {
  it('abandons an error body that never ends, naming its status', async () => {
    const upstream = await upstreamAnswering(endless(500, 'application/json'));
    const consume = async () => {
      for await (const _line of upstream.postNdjson('chat', {}, { signal: signal() })) void _line;
    };
    expectAbandoned(await within(gatewayRejectionOf(consume), SOON_MS, 'the rejection'), 500);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });
});
