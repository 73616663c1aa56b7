/**
 * The baseline: the thinnest reverse proxy Node can run (node:http in front of a keep-alive undici
 * Pool), forwarding method, path, headers and bytes unchanged in both directions. Any Node gateway
 * costs at least this much; the benchmark reports the gateway as ratios to it.
 *
 * Usage: node raw-proxy.js --upstream http://127.0.0.1:PORT; prints `LISTENING <port>`.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({ options: { upstream: { type: 'string' } } });
if (!values.upstream) throw new Error('--upstream is required');
const pool = new Pool(values.upstream);

/** Headers that describe one hop's connection, not the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);

function endToEnd(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

function fail(response: ServerResponse): void {
  if (!response.headersSent) response.writeHead(502).end();
  else response.destroy();
}

// The request body is read whole (small JSON, as every LLM request), then sent in one piece;
// the answer streams straight into the client response through undici's `stream` API.
const server = createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on('data', (part: Buffer) => parts.push(part));
  request.on('end', () => {
    pool.stream(
      { method: request.method as 'POST', path: request.url ?? '/', headers: endToEnd(request.headers), body: Buffer.concat(parts) },
      ({ statusCode, headers }) => {
        response.writeHead(statusCode, endToEnd(headers));
        return response;
      },
      (error) => {
        if (error) fail(response);
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
