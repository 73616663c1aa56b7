import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { GatewayError } from '../../../src/errors';
import { CallAbort, type CallSignal } from '../../../src/providers/abort';
import { sendEventStream } from '../../../src/server/sse';

/** A server answering every request with `sendEventStream` over the chunks `chunksFor` gives. */
async function streamingServer(
  chunksFor: () => AsyncIterable<unknown>,
  onResponse?: (response: ServerResponse) => void,
  checkChunk?: (chunk: unknown) => unknown,
  signal?: CallSignal,
): Promise<{ url: string; server: Server; done: Promise<void> }> {
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const server = createServer((_request, response) => {
    onResponse?.(response);
    const toError = (error: unknown) => (error instanceof GatewayError ? error : GatewayError.upstreamUnavailable(String(error)));
    sendEventStream({ response, chunks: chunksFor(), checkChunk, toError, signal, dialect: 'openai' })
      // Before the headers a failure is the caller's to answer, as the route handlers do.
      .catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ detail: toError(error).message }));
      })
      .finally(finished);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, done };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function started(chunksFor: () => AsyncIterable<unknown>, onResponse?: (response: ServerResponse) => void, checkChunk?: (chunk: unknown) => unknown, signal?: CallSignal) {
  const started = await streamingServer(chunksFor, onResponse, checkChunk, signal);
  servers.push(started.server);
  return started;
}

/** Resolves once `condition` holds; fails the test if it still does not after 10 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 10 s`);
  }
}

async function* fromList(values: unknown[]): AsyncGenerator<unknown> {
  for (const value of values) yield value;
}

/** 32 KB chunks, `count` of them, or without end. */
async function* bigChunks(count = Infinity): AsyncGenerator<unknown> {
  const text = 'x'.repeat(32 * 1024);
  for (let n = 0; n < count; n += 1) yield { n, text };
}

describe('sendEventStream', () => {
  it('leaves no listeners behind on the response, however often a slow reader fills the socket buffer', async () => {
    let response!: ServerResponse;
    const { url, done } = await started(() => bigChunks(600), (answer) => (response = answer));
    let most = 0;
    await new Promise<void>((resolve, reject) => {
      request(url, (answer) => {
        let sincePause = 0;
        answer.on('data', (part: Buffer) => {
          most = Math.max(most, response.listenerCount('close'), response.listenerCount('error'), response.listenerCount('drain'));
          sincePause += part.length;
          if (sincePause > 256 * 1024) {
            sincePause = 0;
            answer.pause();
            setTimeout(() => answer.resume(), 5);
          }
        });
        answer.on('end', resolve);
        answer.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    await done;
    expect(most).toBeLessThanOrEqual(3);
  }, 30_000);

  it("ends the wait on a client that stopped reading when the call's abort comes: an error event, then the connection closes", async () => {
    const abort = new CallAbort();
    let response!: ServerResponse;
    const { url, done } = await started(() => bigChunks(), (answer) => (response = answer), undefined, abort);
    const client = connect(Number(new URL(url).port), '127.0.0.1');
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    client.pause();
    await until(() => response?.writableNeedDrain === true, 'the stream waiting for the client to read');
    expect(response.writableEnded).toBe(false);
    abort.abort(GatewayError.upstreamTimeout("Endpoint 'chat' did not finish within 1 s (total timeout)."));
    await done;
    expect(response.writableEnded).toBe(true);
    // Still not reading: the connection is closed after a grace second.
    await new Promise((resolve) => response.once('close', resolve));
    client.destroy();
  });

  it("a client that reads again after the call's abort gets the error event last", async () => {
    const abort = new CallAbort();
    let response: ServerResponse | undefined;
    const { url, done } = await started(() => bigChunks(), (answer) => (response = answer), undefined, abort);
    const client = connect(Number(new URL(url).port), '127.0.0.1');
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    client.pause();
    await until(() => response?.writableNeedDrain === true, 'the stream waiting for the client to read');
    abort.abort(GatewayError.upstreamTimeout("Endpoint 'chat' did not finish within 1 s (total timeout)."));
    await done;
    let tail = '';
    await new Promise<void>((resolve) => {
      client.on('data', (part: Buffer) => {
        tail = (tail + part.toString('latin1')).slice(-400);
        // The end of the chunked body.
        if (tail.endsWith('\r\n0\r\n\r\n')) resolve();
      });
      client.resume();
    });
    expect(tail).toContain('event: error\ndata: {"error":{"message":"Endpoint \'chat\' did not finish within 1 s (total timeout).","type":"timeout_error"');
    expect(tail).not.toContain('[DONE]');
    client.destroy();
  });
  it('sends each chunk as an event, then [DONE], with the event-stream headers', async () => {
    const { url } = await started(() => fromList([{ n: 1 }, { n: 2 }]));
    const answer = await fetch(url);
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(await answer.text()).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
  });

  it('writes the chunks that are ready within one tick with one write', async () => {
    const writes: string[] = [];
    const { url } = await started(
      async function* () {
        for (const n of [1, 2, 3, 4, 5]) yield { n };
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield { n: 6 };
      },
      (response) => {
        const write = response.write.bind(response) as (text: string) => boolean;
        response.write = ((text: string) => {
          writes.push(text);
          return write(text);
        }) as typeof response.write;
      },
    );
    const events = (numbers: number[]) => numbers.map((n) => `data: {"n":${n}}\n\n`).join('');
    expect(await (await fetch(url)).text()).toBe(`${events([1, 2, 3, 4, 5, 6])}data: [DONE]\n\n`);
    // The sixth chunk and [DONE] leave with `end`.
    expect(writes).toEqual([events([1, 2, 3, 4, 5])]);
  });

  it('writes a chunk as soon as it is ready, before the next one exists', async () => {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const { url } = await started(async function* () {
      yield { n: 1 };
      await next;
      yield { n: 2 };
    });
    const reader = (await fetch(url)).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"n":1}\n\n');
    release();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += new TextDecoder().decode(part.value);
    expect(rest).toBe('data: {"n":2}\n\ndata: [DONE]\n\n');
  });

  it('ends with an error event when the chunks fail after the first one', async () => {
    const { url } = await started(async function* () {
      yield { n: 1 };
      throw GatewayError.upstreamUnavailable('the upstream went away');
    });
    const text = await (await fetch(url)).text();
    expect(text.startsWith('data: {"n":1}\n\nevent: error\ndata: ')).toBe(true);
    expect(text).toContain('the upstream went away');
    expect(text).not.toContain('[DONE]');
  });

  describe('with a check of each chunk', () => {
    /** Chunks `{ n: 1 }`, `{ n: 2 }`, … without end; `released` once the stream lets the source go. */
    function endlessSource() {
      const source = { released: false };
      const chunks = async function* () {
        try {
          for (let n = 1; ; n += 1) {
            yield { n };
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        } finally {
          source.released = true;
        }
      };
      return { source, chunks };
    }
    const refuseFrom = (limit: number) => (chunk: unknown) => {
      if ((chunk as { n: number }).n >= limit) throw GatewayError.upstreamUnavailable(`chunk ${(chunk as { n: number }).n} is not valid`);
      return chunk;
    };

    it('sends what the check returns in place of the chunk', async () => {
      const { url } = await started(() => fromList([{ n: 1 }, { n: 2 }]), undefined, (chunk) => ({ ...(chunk as object), checked: true }));
      expect(await (await fetch(url)).text()).toBe('data: {"n":1,"checked":true}\n\ndata: {"n":2,"checked":true}\n\ndata: [DONE]\n\n');
    });

    it('ends with an error event at the first chunk that fails, and lets the source go', async () => {
      const { source, chunks } = endlessSource();
      const { url, done } = await started(chunks, undefined, refuseFrom(3));
      const text = await (await fetch(url)).text();
      expect(text).toMatch(/^data: \{"n":1\}\n\ndata: \{"n":2\}\n\nevent: error\ndata: .*chunk 3 is not valid/);
      expect(text).not.toContain('[DONE]');
      await done;
      expect(source.released).toBe(true);
    });

    it('rejects before the headers when the first chunk fails, and lets the source go', async () => {
      const { source, chunks } = endlessSource();
      const { url, done } = await started(chunks, undefined, refuseFrom(1));
      const answer = await fetch(url);
      expect(answer.status).toBe(502);
      expect(await answer.json()).toEqual({ detail: 'chunk 1 is not valid' });
      await done;
      expect(source.released).toBe(true);
    });
  });

  it('stops taking chunks while the client does not read, and goes on when it does', async () => {
    const piece = 'x'.repeat(64 * 1024);
    const total = 400; // 25 MB in all: far more than the socket buffers hold
    let taken = 0;
    let response: ServerResponse | undefined;
    const { url, done } = await started(
      async function* () {
        for (; taken < total; ) {
          taken += 1;
          yield { piece };
        }
      },
      (answer) => (response = answer),
    );
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`);
    socket.pause();
    // The socket buffers are full and the stream waits for the client: from here on nothing is taken.
    await until(() => response?.writableNeedDrain === true, 'the stream waiting for the client to read');
    const takenWhilePaused = taken;
    expect(takenWhilePaused).toBeGreaterThan(0);
    expect(takenWhilePaused).toBeLessThan(total / 2);
    // Nothing later to wait for (only the client's reading brings the drain the stream waits for): time to take more, were it to.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(takenWhilePaused);

    let received = 0;
    let tail = '';
    socket.on('data', (data: Buffer) => {
      received += data.length;
      tail = (tail + data.toString('latin1')).slice(-64);
    });
    socket.resume();
    await done;
    await until(() => tail.endsWith('\r\n0\r\n\r\n'), 'the end of the chunked body reaching the client');
    socket.destroy();
    expect(taken).toBe(total);
    expect(received).toBeGreaterThan(total * piece.length);
    // The last event, then the end of the chunked body.
    expect(tail.endsWith('data: [DONE]\n\n\r\n0\r\n\r\n')).toBe(true);
  });

  it('lets the chunk source go when the client leaves', async () => {
    let released = false;
    const { url, done } = await started(async function* () {
      try {
        for (;;) {
          yield { n: 1 };
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        released = true;
      }
    });
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise((resolve) => socket.once('data', resolve));
    socket.destroy();
    await done;
    expect(released).toBe(true);
  });

  it('once a keep-alive has sent the headers, a first chunk that fails (or fails its check) is an error event, not a second status', async () => {
    /** A keep-alive sending the headers 5 ms into the stream, while its first read (20 ms) is under way. */
    const keepAliveSoon = (response: ServerResponse) =>
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(': keep-alive\n\n');
      }, 5);
    const failingCheck = () => {
      throw GatewayError.upstreamUnavailable('the chunk failed its check');
    };
    for (const failure of ['read', 'check'] as const) {
      let returned = false;
      const chunks = (): AsyncIterable<unknown> => ({
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            if (failure === 'read') throw GatewayError.upstreamUnavailable('the provider failed');
            return { done: false, value: { n: 1 } };
          },
          return: async () => {
            returned = true;
            return { done: true, value: undefined };
          },
        }),
      });
      const { url, done } = await started(chunks, keepAliveSoon, failingCheck);
      const answer = await fetch(url);
      const text = await answer.text();
      await done;
      expect(answer.status).toBe(200);
      expect(text.startsWith(': keep-alive\n\nevent: error\n')).toBe(true);
      expect(text).toContain(failure === 'read' ? 'the provider failed' : 'the chunk failed its check');
      // A failed check leaves the provider's stream open: it is let go; a failed read has closed it.
      expect(returned).toBe(failure === 'check');
    }
  });
});
