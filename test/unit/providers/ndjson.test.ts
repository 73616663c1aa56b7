import { GatewayError } from '../../../src/errors';
import { closeAllPools, createUpstream } from '../../../src/providers/transport/http';
import { MAX_NDJSON_LINE_CHARS, NdjsonDecoder } from '../../../src/providers/transport/ndjson';
import type { SseEvent } from '../../../src/providers/transport/sse';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../../support/fake-upstream';
import { ndjson as decodeNdjson } from '../../support/stream-replay';
import { TEST_MAX_ANSWER_BYTES, TEST_TIMEOUTS } from '../../support/timeouts';

async function* chunksOf(parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function lines(parts: (string | Uint8Array)[]): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of decodeNdjson(chunksOf(parts))) seen.push(event.data);
  return seen;
}

describe('NdjsonDecoder', () => {
  it('yields each non-empty line; CRLF, blank lines and a last line without newline are handled', async () => {
    expect(await lines(['{"a":1}\r\n\n{"b":', '2}\n   \n{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keeps a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('{"t":"café 🙂"}\n');
    const parts = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(await lines(parts)).toEqual(['{"t":"café 🙂"}']);
  });

  it('yields a line as soon as its newline arrives', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* body(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('{"first":true}\n{"sec');
      await gate;
      yield Buffer.from('ond":true}\n');
    }
    const iterator = decodeNdjson(body())[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual<SseEvent>({ event: undefined, data: '{"first":true}' });
    release();
    expect((await iterator.next()).value).toEqual<SseEvent>({ event: undefined, data: '{"second":true}' });
    expect((await iterator.next()).done).toBe(true);
  });

  it('reads a long line in time linear in its length: 15M characters in 16 KiB pieces (TLS records) in a fraction of a second of CPU', () => {
    // Cohere's stream-end line repeats the whole answer and chat history; a line may hold up to 16M characters.
    const line = Buffer.from(`${JSON.stringify({ event_type: 'text-generation', text: 'x'.repeat(15_000_000) })}\n`);
    const decoder = new NdjsonDecoder();
    const started = process.cpuUsage();
    const events: SseEvent[] = [];
    for (let offset = 0; offset < line.length; offset += 16 * 1024) events.push(...decoder.feed(line.subarray(offset, offset + 16 * 1024)));
    const { user, system } = process.cpuUsage(started);
    expect(events).toHaveLength(1);
    expect(events[0].data.length).toBe(line.length - 1);
    // About 0.13 s here. Rescanning (and re-joining) the whole unfinished line for every piece took
    // 22 s (6.3 s at 8M characters); CI's loaded cores grow a test's CPU time up to tenfold.
    expect((user + system) / 1000).toBeLessThan(5_000);
  });

  it('gives up on a line longer than the limit', async () => {
    const huge = 'x'.repeat(MAX_NDJSON_LINE_CHARS + 1);
    await expect(lines([huge])).rejects.toBeInstanceOf(GatewayError);
  });
});

describe('Upstream.postNdjson', () => {
  let fake: FakeUpstream;
  beforeEach(async () => {
    fake = await startFakeUpstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/stream+json' });
      response.end('{"n":1}\n{"n":2}\n');
    });
  });
  afterEach(() => fake.close());
  afterAll(() => closeAllPools());

  const upstream = () =>
    createUpstream({ baseUrl: `${fake.url}/v1`, headers: { Authorization: 'Bearer k' }, endpointName: 'e', providerName: 'Vendor', errorMessage: (body) => (body as { message?: string }).message ?? null, timeouts: TEST_TIMEOUTS, maxAnswerBytes: TEST_MAX_ANSWER_BYTES });

  async function collect(): Promise<string[]> {
    const seen: string[] = [];
    for await (const event of upstream().postNdjson('chat', { q: 1 }, { signal: new AbortController().signal })) seen.push(event.data);
    return seen;
  }

  it('posts JSON with the provider headers and yields the lines', async () => {
    expect(await collect()).toEqual(['{"n":1}', '{"n":2}']);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/v1/chat', body: { q: 1 } });
    expect(fake.requests[0].headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json' });
  });

  it('error statuses keep the vendor message, 401 is masked, 429 keeps Retry-After; an HTML page is a 502', async () => {
    fake.setHandler((_request, response) => sendJson(response, 400, { message: 'bad prompt' }));
    await expect(collect()).rejects.toMatchObject({ status: 400, message: 'bad prompt' });
    fake.setHandler((_request, response) => sendJson(response, 401, { message: 'invalid api token' }));
    await expect(collect()).rejects.toMatchObject({ status: 502, message: expect.stringContaining("endpoint 'e'") });
    fake.setHandler((_request, response) => sendJson(response, 429, { message: 'slow down' }, { 'retry-after': '3' }));
    await expect(collect()).rejects.toMatchObject({ status: 429, retryAfter: '3' });
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html></html>');
    });
    await expect(collect()).rejects.toMatchObject({ status: 502, message: expect.stringContaining("content type 'text/html'") });
  });
});
