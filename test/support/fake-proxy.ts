/**
 * A fake outbound HTTP proxy on 127.0.0.1:0, as corporate networks run them: plain HTTP requests
 * arrive with the absolute URL and are forwarded; CONNECT opens a tunnel (HTTPS, or any client that
 * tunnels). It records each request and, when told a `Proxy-Authorization` value, refuses others
 * with a 407. With `silentOnConnect`, it accepts CONNECT requests and never answers them.
 */
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL of a forwarded request, or `host:port` of a CONNECT. */
  target: string;
  proxyAuthorization: string | null;
}

export interface FakeProxy {
  url: string;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

function recorded(request: IncomingMessage): ProxiedRequest {
  const authorization = request.headers['proxy-authorization'];
  return { method: request.method ?? '', target: request.url ?? '', proxyAuthorization: typeof authorization === 'string' ? authorization : null };
}

export async function startFakeProxy(options: { proxyAuthorization?: string; silentOnConnect?: boolean } = {}): Promise<FakeProxy> {
  const seen: ProxiedRequest[] = [];
  const tunnels = new Set<Socket>();
  const allowed = (request: ProxiedRequest) => options.proxyAuthorization === undefined || request.proxyAuthorization === options.proxyAuthorization;

  const server = createServer((request, response) => {
    const entry = recorded(request);
    seen.push(entry);
    if (!allowed(entry)) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="fake"' }).end();
      return;
    }
    const { 'proxy-authorization': _credentials, 'proxy-connection': _hop, ...headers } = request.headers;
    const upstream = forward(entry.target, { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });

  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const entry = recorded(request);
    seen.push(entry);
    tunnels.add(client);
    if (options.silentOnConnect) return;
    if (!allowed(entry)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="fake"\r\n\r\n');
      return;
    }
    const [host, port] = entry.target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
