import express from 'express';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { compileServerSettings } from '../../../src/config/server-settings';
import { closeConnectionsAfterAnswers, connectionsOf, createGatewayServer, failedRequestLine } from '../../../src/server/http-server';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** An Express app (like the gateway's own non-LLM routes) whose `/slow` answers after `release()`. */
async function expressGateway(): Promise<{ server: Server; url: string; release: () => void; arrived: Promise<void> }> {
  let release = () => {};
  let arrivedNow = () => {};
  const arrived = new Promise<void>((resolve) => (arrivedNow = resolve));
  const app = express();
  app.get('/slow', (_request, response) => {
    release = () => response.json({ ok: true });
    arrivedNow();
  });
  app.get('/quick', (_request, response) => response.json({ ok: true }));
  const server = createGatewayServer(app, compileServerSettings(undefined).plan);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release: () => release(), arrived };
}

test('an Express answer already in flight when the shutdown starts closes its connection', async () => {
  const gateway = await expressGateway();
  const answer = fetch(`${gateway.url}/slow`);
  await gateway.arrived;
  closeConnectionsAfterAnswers(gateway.server);
  gateway.release();
  const response = await answer;
  expect(response.headers.get('connection')).toBe('close');
  expect(await response.json()).toEqual({ ok: true });
});

test('Express answers after the shutdown started close their connection; before it, and on other servers, they keep it', async () => {
  const shutting = await expressGateway();
  const other = await expressGateway();
  expect((await fetch(`${shutting.url}/quick`)).headers.get('connection')).toBe('keep-alive');
  closeConnectionsAfterAnswers(shutting.server);
  expect((await fetch(`${shutting.url}/quick`)).headers.get('connection')).toBe('close');
  expect((await fetch(`${other.url}/quick`)).headers.get('connection')).toBe('keep-alive');
});

test('failedRequestLine names the request the parser stopped in, not an earlier one in the same packet', () => {
  const first = 'POST /endpoints/chat/invocations HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}';
  const second = 'POST http://gateway/V1/embeddings?x=1 HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n';
  const packet = Buffer.from(first + second);
  expect(failedRequestLine(packet, packet.length - 4)).toEqual({ method: 'POST', target: '/V1/embeddings?x=1' });
  expect(failedRequestLine(packet, first.length - 1)).toEqual({ method: 'POST', target: '/endpoints/chat/invocations' });
  expect(failedRequestLine(Buffer.from('GARBAGE\r\n\r\n'), 0)).toBeUndefined();
  expect(failedRequestLine(undefined, undefined)).toBeUndefined();
});

test("node's list of a listening server's connections, which the shutdown reads to leave answers being sent (keepAnswersBeingSent), is where the gateway looks for it", async () => {
  // Node internals: should a release move them, the shutdown would fall back to node's rule and cut slow readers; this fails first.
  const server = createGatewayServer(express(), compileServerSettings(undefined).plan);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const connections = connectionsOf(server);
  expect(typeof connections?.idle).toBe('function');
  expect(connections?.idle()).toEqual([]);
});

test('a connection that has sent nothing yet (a client or load balancer connecting ahead) is idle: closeIdleConnections closes it, so a drain does not wait for it', async () => {
  const gateway = await expressGateway();
  const silent = connect((gateway.server.address() as AddressInfo).port, '127.0.0.1');
  const closed = new Promise<void>((resolve) => silent.on('close', () => resolve()));
  silent.on('error', () => undefined);
  await new Promise<void>((resolve) => silent.on('connect', () => resolve()));
  // One that has sent part of its request is not idle: its request is in flight.
  const partial = connect((gateway.server.address() as AddressInfo).port, '127.0.0.1');
  partial.on('error', () => undefined);
  await new Promise<void>((resolve) => partial.on('connect', () => resolve()));
  partial.write('GET /quick HTTP/1.1\r\n');
  await new Promise((resolve) => setTimeout(resolve, 50));
  gateway.server.closeIdleConnections();
  await expect(Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open after 1 s'), 1000))])).resolves.toBe('closed');
  expect(partial.destroyed).toBe(false);
  partial.destroy();
});
