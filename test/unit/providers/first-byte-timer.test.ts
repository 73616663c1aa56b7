/**
 * The native first_byte timer (src/providers/transport/native-timeouts.ts): none from 60 s on, where
 * undici's timer alone is precise enough; below, undici's own error when it fires, nothing once
 * cleared, and headers that came while the event loop was busy win over a timer that expired meanwhile.
 */
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { errors } from 'undici';
import { NATIVE_BELOW_MS, startFirstByteTimer, undiciTimeout } from '../../../src/providers/transport/native-timeouts';
import { SOON_MS, within } from '../../support/timeouts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('from 60 s on (the default is 300 s): no timer, and undici gets the value itself', () => {
  const abort = jest.fn();
  expect(NATIVE_BELOW_MS).toBe(60_000);
  expect(startFirstByteTimer(60_000, abort)).toBeNull();
  expect(startFirstByteTimer(300_000, abort)).toBeNull();
  expect([undiciTimeout(60_000), undiciTimeout(300_000)]).toEqual([60_000, 300_000]);
});

test("below 60 s, undici's timer is a second later, so that its clock (which fires up to half a second early) never beats the native one", () => {
  expect([undiciTimeout(1), undiciTimeout(300), undiciTimeout(59_999)]).toEqual([1_001, 1_300, 60_999]);
});

test("fires after its time with undici's HeadersTimeoutError", async () => {
  const started = performance.now();
  const fired = new Promise<Error>((resolve) => startFirstByteTimer(50, resolve));
  const error = await within(fired, SOON_MS, 'the first_byte timer firing');
  expect(performance.now() - started).toBeGreaterThanOrEqual(49);
  expect(error).toBeInstanceOf(errors.HeadersTimeoutError);
  expect(error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
});

test('cleared, it never fires', async () => {
  const abort = jest.fn();
  startFirstByteTimer(20, abort)!.clear();
  await sleep(100);
  expect(abort).not.toHaveBeenCalled();
});

describe('an event loop busy past the timeout', () => {
  let server: Server;
  let client: Socket;
  let peer: Socket;

  beforeAll(async () => {
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    [peer] = (await once(server, 'connection')) as [Socket];
  });
  afterAll(async () => {
    client.destroy();
    peer.destroy();
    server.close();
    await once(server, 'close');
  });

  test('headers that came meanwhile are read before the timer aborts', async () => {
    const abort = jest.fn();
    let timer: ReturnType<typeof startFirstByteTimer> = null;
    const read = new Promise<void>((resolve) => {
      client.once('data', () => {
        timer?.clear();
        resolve();
      });
    });
    // From the check phase, so that the next turn of the loop runs its expired timers before it polls the socket.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        timer = startFirstByteTimer(20, abort);
        peer.write('HTTP/1.1 200 OK\r\n\r\n');
        const busyUntil = performance.now() + 80;
        while (performance.now() < busyUntil);
        resolve();
      }),
    );
    await within(read, SOON_MS, 'the headers being read');
    await sleep(50);
    expect(abort).not.toHaveBeenCalled();
  });
});
