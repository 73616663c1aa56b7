/**
 * The baseline: the thinnest reverse proxy Node can run (node:http in front of a keep-alive undici
 * Pool), forwarding method, path, headers and bytes unchanged in both directions. Any Node gateway
 * costs at least this much; the benchmark reports the gateway as ratios to it.
 *
 * Usage: node raw-proxy.js --upstream http://127.0.0.1:PORT; prints `LISTENING <port>`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
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

const server = createServer(async (request, response) => {
  try {
    const upstream = await pool.request({
      method: request.method as 'POST',
      path: request.url ?? '/',
      headers: endToEnd(request.headers),
      body: request,
    });
    response.writeHead(upstream.statusCode, endToEnd(upstream.headers));
    await pipeline(upstream.body, response);
  } catch {
    if (!response.headersSent) response.writeHead(502).end();
    else response.destroy();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
