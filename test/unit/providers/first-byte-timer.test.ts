/**
 * The native first_byte timer (src/providers/transport/native-timeouts.ts; what it shares with the idle
 * timer is in native-timeouts.test.ts): nothing once cleared, and headers that came while the event
 * loop was busy win over a timer that expired meanwhile.
 */
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startFirstByteTimer } from '../../../src/providers/transport/native-timeouts';
import { SOON_MS, within } from '../../support/timeouts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
