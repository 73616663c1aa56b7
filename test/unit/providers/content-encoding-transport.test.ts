/**
 * The HTTP transport (createUpstream) over real HTTP with answers in a Content-Encoding: which
 * failures are retried, encoded bytes bounded as well as decoded ones, a slow consumer of a
 * compressed stream (the decoder paused and resumed with the upstream), and a compressed stream
 * whose consumer stops reading.
 */
import { gzipSync } from 'node:zlib';
import { boundedOpenaiUpstreams } from '../../support/bounded-upstream';
import { gatewayRejectionOf } from '../../support/errors';
import { encodeResponse, sendEncoded } from '../../support/encoding-upstream';
import type { UpstreamHandler } from '../../support/fake-upstream';
import { SOON_MS, within } from '../../support/timeouts';

const LIMIT = 64 * 1024;

const upstreams = boundedOpenaiUpstreams(LIMIT);
const upstreamAnswering = upstreams.answering;

const signal = () => new AbortController().signal;

describe('which failures are retried', () => {
  it('a corrupt body is, as an answer that is not JSON is: another attempt may come whole', async () => {
    const upstream = await upstreamAnswering((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end('{"id":"not compressed"}');
    });
    expect(await gatewayRejectionOf(() => upstream.postJson('chat/completions', {}, { signal: signal() }))).toMatchObject({ status: 502, code: 'upstream_unavailable', retryable: true });
  });

  it('a coding the gateway lacks, and a bomb, are not: they would come again', async () => {
    const zstd = await upstreamAnswering((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
      response.end('(\xb5/\xfd');
    });
    expect(await gatewayRejectionOf(() => zstd.postJson('chat/completions', {}, { signal: signal() }))).toMatchObject({ status: 502, code: 'upstream_unavailable', retryable: false });
    await upstreams.fake.close();
    const bomb = await upstreamAnswering((_request, response) => sendEncoded(response, 'gzip', 200, 'application/json', Buffer.alloc(10 * LIMIT)));
    const error = await gatewayRejectionOf(() => bomb.postJson('chat/completions', {}, { signal: signal() }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', retryable: false });
    expect(error.message).toBe(`OpenAI answered for endpoint 'my-chat' with status 200 and more than ${LIMIT} bytes once decoded (Content-Encoding gzip); the answer was abandoned (server.max_answer_size).`);
  });
});

describe('encoded bytes are bounded too', () => {
  // Empty gzip members, 20 bytes each, decode to nothing: without a bound on the encoded bytes they never end.
  const emptyMembers = (status: number, contentType: string): UpstreamHandler => (_request, response) => {
    response.writeHead(status, { 'content-type': contentType, 'content-encoding': 'gzip' });
    const members = Buffer.concat(Array.from({ length: 1_000 }, () => gzipSync('')));
    const pump = () => {
      while (!response.destroyed && response.write(members));
    };
    response.on('drain', pump);
    pump();
  };

  it('a JSON answer, and an error body to a stream request, that never end are abandoned, the connection closed', async () => {
    const json = await upstreamAnswering(emptyMembers(200, 'application/json'));
    const error = await within(gatewayRejectionOf(() => json.postJson('chat/completions', {}, { signal: signal() })), SOON_MS, 'the rejection');
    expect(error.message).toBe(`OpenAI answered for endpoint 'my-chat' with status 200 and more than ${LIMIT} bytes; the answer was abandoned (server.max_answer_size).`);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
    await upstreams.fake.close();
    const stream = await upstreamAnswering(emptyMembers(500, 'application/json'));
    const first = () => stream.postStream('chat/completions', {}, { signal: signal() })[Symbol.asyncIterator]().next();
    const streamError = await within(gatewayRejectionOf(first), SOON_MS, 'the rejection');
    expect(streamError.message).toBe(`OpenAI answered for endpoint 'my-chat' with status 500 and more than ${LIMIT} bytes; the answer was abandoned (server.max_answer_size).`);
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });
});

describe('compressed streams', () => {
  const eventOf = (index: number) => `data: {"n":${index},"text":"${'s'.repeat(100)}"}\n\n`;

  it('a slow consumer gets every event in order: the decoder pauses with the upstream and resumes', async () => {
    const count = 20_000;
    const upstream = await upstreamAnswering((_request, response) => {
      const encodedResponse = encodeResponse(response, 'gzip');
      encodedResponse.writeHead(200, { 'content-type': 'text/event-stream' });
      // Highly compressible: about 2.3 MB of events in a few kilobytes, sent in 20 flushed pieces.
      for (let piece = 0; piece < 20; piece++) encodedResponse.write(Array.from({ length: count / 20 }, (_, index) => eventOf(piece * (count / 20) + index)).join(''));
      encodedResponse.end();
    });
    const seen: number[] = [];
    for await (const event of upstream.postStream('chat/completions', {}, { signal: signal() })) {
      seen.push((JSON.parse(event.data) as { n: number }).n);
      // A consumer that stops now and then, so that the queue passes its high-water mark.
      if (seen.length % 2_000 === 1) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toEqual(Array.from({ length: count }, (_, index) => index));
  });

  it('a consumer that stops reading lets the connection go', async () => {
    const upstream = await upstreamAnswering((_request, response) => {
      const encodedResponse = encodeResponse(response, 'br');
      encodedResponse.writeHead(200, { 'content-type': 'text/event-stream' });
      encodedResponse.write(eventOf(0));
      // Never ends: events for as long as the connection lasts.
      const timer = setInterval(() => encodedResponse.write(eventOf(1)), 5);
      response.on('close', () => clearInterval(timer));
    });
    const events = upstream.postStream('chat/completions', {}, { signal: signal() })[Symbol.asyncIterator]();
    expect((await events.next()).value).toMatchObject({ data: eventOf(0).slice(6, -2) });
    await events.return!();
    await within(upstreams.fake.closed[0], SOON_MS, 'the upstream connection closing');
  });
});
