/**
 * Can a secret leak when the upstream cannot be reached at all? Endpoints of the providers whose base
 * URL may hold credentials (a user and password, a token as the user, a token in the query), beside
 * API keys and AWS keys, point at a closed port, at a host that does not resolve (`.invalid`, whose
 * lookup is answered here, so no resolver is asked), at a plain HTTP server spoken to in TLS, and at
 * an HTTPS server whose certificate is not trusted; then through an outbound proxy whose URL holds a
 * password, which refuses each request quoting what it was sent (`Proxy-Authorization` included), or
 * cannot be reached. Everything the gateway lets out, the log at debug level included, is one text.
 */
import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { TEST_TLS } from '../support/fixtures';
import { startGateway } from '../support/gateway';
import { basicOf, callsOf, canary, echoOf, everythingLetOut, leaksIn } from '../support/leak-hunt';
import { captureLog } from '../support/log-capture';
import { withProxyVariables } from '../support/proxy-environment';
import { freePort } from '../support/cli';

const SECRETS = {
  openai: canary('openai'),
  functionCode: canary('function-code'),
  anthropic: canary('anthropic'),
  gemini: canary('gemini'),
  tgiPassword: canary('tgi-password'),
  servingToken: canary('serving-token'),
  awsKeyId: `AKIA${canary('key-id')}`,
  awsSecret: canary('aws-secret'),
  awsSession: canary('aws-session'),
  proxyPassword: canary('proxy-password'),
};
const FORBIDDEN = [...Object.values(SECRETS), basicOf('tgi-user', SECRETS.tgiPassword), basicOf(SECRETS.servingToken, ''), basicOf('proxy-user', SECRETS.proxyPassword)];

/** The endpoints of every provider whose settings hold credentials, all at `origin` (`http://host:port` or `https://…`). */
function configAt(origin: string): string {
  const { host, protocol } = new URL(origin);
  const model = (name: string, spec: string) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: ${spec} }`;
  return `defaults: { retries: { max_attempts: 1 }, timeouts: { connect: 2 } }
endpoints:
${model('openai', `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: ${SECRETS.openai}, openai_api_base: "${origin}/fn/v1?code=${SECRETS.functionCode}" } }`)}
${model('anthropic', `{ provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: ${SECRETS.anthropic}, anthropic_api_base: "${origin}/v1" } }`)}
${model('gemini', `{ provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: ${SECRETS.gemini}, gemini_api_base: "${origin}/v1beta" } }`)}
${model('tgi', `{ provider: huggingface-text-generation-inference, name: llama, config: { hf_server_url: "${protocol}//tgi-user:${SECRETS.tgiPassword}@${host}" } }`)}
${model('serving', `{ provider: mlflow-model-serving, name: my-llm, config: { model_server_url: "${protocol}//${SECRETS.servingToken}@${host}/llm" } }`)}
${model('bedrock', `{ provider: bedrock, name: anthropic.claude-3-haiku-20240307-v1:0, config: { aws_config: { aws_region: us-east-1, aws_endpoint_url: "${origin}", aws_access_key_id: ${SECRETS.awsKeyId}, aws_secret_access_key: ${SECRETS.awsSecret}, aws_session_token: ${SECRETS.awsSession} } } }`)}
`;
}

const ENDPOINTS = ['openai', 'anthropic', 'gemini', 'tgi', 'serving', 'bedrock'];

/** Starts a gateway on `configAt(origin)`, calls every endpoint both ways, and gives all it let out. */
async function everythingLetOutFor(origin: string): Promise<string> {
  const { lines, logger } = captureLog('debug');
  const gateway = await startGateway(configAt(origin), { logger });
  try {
    return await everythingLetOut({ url: gateway.url, calls: ENDPOINTS.flatMap((name) => callsOf(name, 'chat')), lines });
  } finally {
    await gateway.close();
  }
}

const originalLookup = dns.lookup;
let closedPort: number;
let plainServer: Server;
let untrusted: FakeUpstream;

beforeAll(async () => {
  // What a resolver answers for `.invalid` (RFC 6761), without asking one.
  dns.lookup = ((hostname: string, options: unknown, callback?: unknown) => {
    const done = (typeof options === 'function' ? options : callback) as (error: NodeJS.ErrnoException | null) => void;
    if (!hostname.endsWith('.invalid')) return (originalLookup as (...args: unknown[]) => void)(hostname, options, callback);
    const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
    process.nextTick(() => done(error));
  }) as typeof dns.lookup;
  closedPort = await freePort();
  plainServer = createServer((_request, response) => response.end('plain HTTP'));
  await new Promise<void>((resolve) => plainServer.listen(0, '127.0.0.1', resolve));
  untrusted = await startFakeUpstream((_request, response) => void response.end('{}'), { tls: TEST_TLS });
});
afterAll(async () => {
  dns.lookup = originalLookup;
  await new Promise((resolve) => plainServer.close(resolve));
  await untrusted.close();
});

test.each([
  ['a closed port', () => `http://127.0.0.1:${closedPort}`, /ECONNREFUSED/],
  ['a host that does not resolve', () => 'http://models.leak-hunt.invalid:8080', /ENOTFOUND/],
  ['a plain HTTP server spoken to in TLS', () => `https://127.0.0.1:${(plainServer.address() as AddressInfo).port}`, /could not be reached/],
  ['an HTTPS server whose certificate is not trusted', () => untrusted.url, /certificate/],
])('upstreams at %s, with credentials in their URLs and keys: no secret reaches a client or the log', async (_name, origin, failure) => {
  const output = await everythingLetOutFor(origin());
  expect(output).toMatch(failure);
  expect(leaksIn(output, FORBIDDEN)).toEqual([]);
});

describe('through an outbound proxy whose URL holds a password', () => {
  let proxy: Server;
  let proxyUrl: string;
  let proxied = 0;
  beforeAll(async () => {
    // A proxy that refuses everything, quoting the request it got (`Proxy-Authorization` included), as a
    // plain HTTP request's answer and as a tunnel's refusal.
    proxy = createServer((request, response) => {
      proxied += 1;
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy refused ${echoOf({ method: request.method ?? '', url: request.url ?? '', headers: request.headers })}`);
    });
    proxy.on('connect', (request, socket) => {
      proxied += 1;
      const body = `proxy refused ${echoOf({ method: 'CONNECT', url: request.url ?? '', headers: request.headers })}`;
      socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://proxy-user:${SECRETS.proxyPassword}@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => proxy.close(resolve)));

  // Hosts that do not resolve: a call that went around the proxy would fail without leaving this machine.
  test.each([
    ['plain HTTP upstreams, refused with 502', 'http://models.leak-hunt.invalid', 'proxy refused POST'],
    ['HTTPS upstreams, their tunnel refused with 407', 'https://models.leak-hunt.invalid', '407'],
  ])('%s: no secret reaches a client or the log', async (_name, origin, refusal) => {
    const before = proxied;
    const output = await withProxyVariables({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }, () => everythingLetOutFor(origin));
    expect(proxied - before).toBeGreaterThanOrEqual(ENDPOINTS.length);
    expect(output).toContain(refusal);
    expect(leaksIn(output, FORBIDDEN)).toEqual([]);
  });

  test('a proxy that cannot be reached: no secret reaches a client or the log', async () => {
    const unreachable = `http://proxy-user:${SECRETS.proxyPassword}@127.0.0.1:${closedPort}`;
    const output = await withProxyVariables({ HTTP_PROXY: unreachable, HTTPS_PROXY: unreachable }, () => everythingLetOutFor('https://models.leak-hunt.invalid'));
    expect(output).toMatch(/ECONNREFUSED/);
    expect(leaksIn(output, FORBIDDEN)).toEqual([]);
  });
});
