/**
 * A test server that keeps idle client connections for 10 minutes (as an upstream hinting a long
 * keep-alive does) and counts its open sockets: whether a gateway let go of an origin shows there.
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export async function listenCountingSockets(server: Server): Promise<{ url: string; openSockets: () => number }> {
  const sockets = new Set<Socket>();
  server.keepAliveTimeout = 600_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, openSockets: () => sockets.size };
}
