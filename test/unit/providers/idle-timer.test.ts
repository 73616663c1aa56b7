/**
 * The native idle timer (src/providers/transport/native-timeouts.ts; what it shares with the first_byte
 * timer is in native-timeouts.test.ts): postponed by each refresh, nothing once cleared, again after
 * a refresh. And in an event stream (event-stream.ts) it does not
 * count while the upstream is paused for a slow consumer, as undici's does not.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { errors, Pool } from 'undici';
import { CallAbort } from '../../../src/providers/abort';
import { requestEvents } from '../../../src/providers/transport/event-stream';
import { startIdleTimer, undiciTimeout } from '../../../src/providers/transport/native-timeouts';
import type { SseEvent } from '../../../src/providers/transport/sse';
import { SOON_MS, within } from '../../support/timeouts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('each refresh postpones it by its whole time', async () => {
  let lastRefresh = performance.now();
  const fired = new Promise<number>((resolve) => {
    const timer = startIdleTimer(60, () => resolve(performance.now()))!;
    const refreshing = setInterval(() => {
      timer.refresh();
      lastRefresh = performance.now();
    }, 20);
    setTimeout(() => clearInterval(refreshing), 150);
  });
  const firedAt = await within(fired, SOON_MS, 'the idle timer firing');
  expect(firedAt - lastRefresh).toBeGreaterThanOrEqual(59);
});

test('cleared, it never fires; refreshed after that, it counts again from the refresh', async () => {
  const abort = jest.fn();
  const timer = startIdleTimer(20, abort)!;
  timer.clear();
  await sleep(60);
  expect(abort).not.toHaveBeenCalled();
  const refreshed = performance.now();
  const fired = new Promise<number>((resolve) => abort.mockImplementation(() => resolve(performance.now())));
  timer.refresh();
  expect((await within(fired, SOON_MS, 'the idle timer firing')) - refreshed).toBeGreaterThanOrEqual(19);
});

describe('in an event stream whose consumer is slow', () => {
  /** Idle timeout (ms) of these streams: long enough that a loaded CI machine's stalls do not pass for silence. */
  const IDLE_MS = 400;
  /** Over the 64 KiB of queued event text at which the stream pauses its upstream. */
  const EVENTS = 100;
  const data = 'x'.repeat(1_024);
  let server: Server;
  let origin: string;
  let pool: Pool;
  let answer: ServerResponse | null = null;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${data}\n\n`.repeat(EVENTS));
      answer = response;
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = new Pool(origin);
  });
  afterAll(async () => {
    await pool.close();
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  function events(): AsyncIterator<SseEvent> {
    answer = null;
    return requestEvents({
      dispatcher: pool,
      request: { origin, method: 'GET', path: '/', headersTimeout: 10_000, bodyTimeout: undiciTimeout(IDLE_MS) },
      firstByteTimeout: 10_000,
      idleTimeout: IDLE_MS,
      signal: new CallAbort(),
      refuses: () => false,
      maxRefusedBytes: 0,
      refusal: () => new Error('refused'),
      noteAnswerId: () => {},
      translate: (error) => error,
    })[Symbol.asyncIterator]();
  }

  /** The consumer reads the first event, then nothing for three idle timeouts while the upstream is paused, then the rest. */
  async function readSlowly(stream: AsyncIterator<SseEvent>): Promise<number> {
    expect((await stream.next()).value).toMatchObject({ data });
    await sleep(3 * IDLE_MS);
    for (let read = 1; read < EVENTS; read++) expect((await stream.next()).value).toMatchObject({ data });
    return performance.now();
  }

  test('a pause of the upstream does not count as its silence', async () => {
    const stream = events();
    await readSlowly(stream);
    answer!.end('data: [DONE]\n\n');
    expect(await stream.next()).toEqual({ done: false, value: expect.objectContaining({ data: '[DONE]' }) });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  test('once resumed, a silent upstream is cut an idle timeout later', async () => {
    const stream = events();
    const resumed = await readSlowly(stream);
    const error = await within(stream.next(), SOON_MS, 'the idle timeout').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(errors.BodyTimeoutError);
    // Counted from the last piece of body or the resume, both before `resumed` (the end of the reads): no lower bound here.
    const elapsed = performance.now() - resumed;
    // Not undici's backstop (1.4 s, at least about 0.9 s on its clock): the native timer came back at the resume.
    expect(elapsed).toBeLessThan(IDLE_MS + 450);
  });
});
