/** A fake vendor server on 127.0.0.1:0 that records requests and answers with a handler. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type UpstreamHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Resolves when the client side of the connection for a request closes. */
  closed: Promise<void>[];
  setHandler(handler: UpstreamHandler): void;
  close(): Promise<void>;
}

/** With `tls` (a key and certificate), the fake serves HTTPS. */
export async function startFakeUpstream(initial: UpstreamHandler, options: { tls?: { key: Buffer; cert: Buffer } } = {}): Promise<FakeUpstream> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const closed: Promise<void>[] = [];
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    closed.push(new Promise((resolve) => response.on('close', () => resolve())));
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const recorded: RecordedRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(recorded);
      void handler(recorded, response);
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, serve) : createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    closed,
    setHandler: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A whole streamed body (SSE by default; NDJSON vendors pass their own content type). */
export function sendStream(response: ServerResponse, body: Buffer | string, contentType = 'text/event-stream'): void {
  response.writeHead(200, { 'content-type': contentType });
  response.end(body);
}

/** Starts an answer that never ends: bytes for as long as the client keeps the connection. */
export function sendEndless(response: ServerResponse, status: number, contentType: string): void {
  response.writeHead(status, { 'content-type': contentType });
  response.write('{"text": "');
  writeEndlessly(response);
}

/** Writes `x`s after whatever the answer has so far, for as long as the client keeps the connection. */
export function writeEndlessly(response: ServerResponse): void {
  const piece = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!response.destroyed && response.write(piece));
  };
  response.on('drain', pump);
  pump();
}
