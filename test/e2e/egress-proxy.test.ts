/**
 * Outbound proxies end to end. With `HTTP_PROXY` / `HTTPS_PROXY` set, upstream calls go through the
 * proxy: plain HTTP with the absolute URL, HTTPS through a CONNECT tunnel (kept alive), Bedrock's
 * AWS SDK calls too. `NO_PROXY` hosts are reached directly. A proxy that refuses the gateway or is
 * down is a 502 that names it, never its credentials. Every server here is on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type OpenAI from 'openai';
import { runCli, freePort, waitForHealth } from '../support/cli';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { startFakeProxy, type FakeProxy } from '../support/fake-proxy';
import { sendJson, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { serveBedrockFixtures, serveOpenAIFixtures } from '../support/fixture-upstreams';
import { readJsonFixture, TEST_CERTIFICATE_PATH, TEST_TLS } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { withProxyVariables } from '../support/proxy-environment';

const chatBody = { messages: [{ role: 'user' as const, content: 'Hi' }] };
const chatAnswer = readJsonFixture<{ choices: { message: { content: string } }[] }>('openai', 'chat.response.json');

const config = (openaiBase: string, bedrockUrl: string) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-proj-PROXY-test-key, openai_api_base: "${openaiBase}/v1" }
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: us.anthropic.claude-3-5-sonnet-20241022-v2:0
      config:
        aws_config: { aws_region: eu-west-3, aws_endpoint_url: "${bedrockUrl}", aws_access_key_id: AKIAPROXYTEST, aws_secret_access_key: proxy-test-secret }
`;

let upstream: FakeUpstream;
let bedrock: FakeBedrock;
let proxy: FakeProxy;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream(serveOpenAIFixtures);
  bedrock = await startFakeBedrock(serveBedrockFixtures);
});
beforeEach(async () => {
  upstream.requests.length = 0;
  bedrock.calls.length = 0;
  proxy = await startFakeProxy();
  running.push(proxy);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await upstream.close();
  await bedrock.close();
});

/** A gateway whose config was loaded with these proxy variables (and no others) in the environment. */
async function gatewayWithProxyEnvironment(variables: Record<string, string>): Promise<{ gateway: RunningGateway; openai: OpenAI }> {
  const gateway = await withProxyVariables(variables, () => startGateway(config(upstream.url, bedrock.url)));
  running.push(gateway);
  return { gateway, openai: openaiClientFor(gateway) };
}

async function chatText(openai: OpenAI, model: string): Promise<string | null> {
  return (await openai.chat.completions.create({ model, ...chatBody })).choices[0].message.content;
}

async function streamedText(openai: OpenAI, model: string): Promise<string> {
  let text = '';
  for await (const chunk of await openai.chat.completions.create({ model, stream: true, ...chatBody })) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('through a proxy named by HTTP_PROXY (plain-HTTP upstreams)', () => {
  test('calls go to the proxy with the absolute URL; answers and streams come back through it', async () => {
    const { openai } = await gatewayWithProxyEnvironment({ HTTP_PROXY: proxy.url });
    expect(await chatText(openai, 'chat')).toBe(chatAnswer.choices[0].message.content);
    expect((await streamedText(openai, 'chat')).length).toBeGreaterThan(0);
    const target = `${upstream.url}/v1/chat/completions`;
    expect(proxy.seen).toEqual([
      { method: 'POST', target, proxyAuthorization: null },
      { method: 'POST', target, proxyAuthorization: null },
    ]);
    expect(upstream.requests).toHaveLength(2);
  });

  test('Bedrock calls through the AWS SDK take the proxy too (a CONNECT tunnel)', async () => {
    const { openai } = await gatewayWithProxyEnvironment({ HTTP_PROXY: proxy.url });
    expect(await chatText(openai, 'claude')).toEqual(expect.any(String));
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: new URL(bedrock.url).host, proxyAuthorization: null }]);
    expect(bedrock.calls).toHaveLength(1);
  });

  test('hosts in NO_PROXY are reached directly', async () => {
    const { openai } = await gatewayWithProxyEnvironment({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' });
    expect(await chatText(openai, 'chat')).toBe(chatAnswer.choices[0].message.content);
    expect(await chatText(openai, 'claude')).toEqual(expect.any(String));
    expect(proxy.seen).toEqual([]);
    expect(upstream.requests).toHaveLength(1);
    expect(bedrock.calls).toHaveLength(1);
  });

  test('credentials in the proxy URL go as Proxy-Authorization, and are never shown when the proxy refuses them', async () => {
    const guarded = await startFakeProxy({ proxyAuthorization: `Basic ${Buffer.from('gateway:s3cret-PROXY').toString('base64')}` });
    running.push(guarded);
    const port = new URL(guarded.url).port;
    const accepted = await gatewayWithProxyEnvironment({ HTTP_PROXY: `http://gateway:s3cret-PROXY@127.0.0.1:${port}` });
    expect(await chatText(accepted.openai, 'chat')).toBe(chatAnswer.choices[0].message.content);
    expect(guarded.seen[0].proxyAuthorization).toBe(`Basic ${Buffer.from('gateway:s3cret-PROXY').toString('base64')}`);

    const refused = await gatewayWithProxyEnvironment({ HTTP_PROXY: `http://gateway:WRONG-password@127.0.0.1:${port}` });
    const answer = await fetch(`${refused.gateway.url}/endpoints/chat/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatBody) });
    expect(answer.status).toBe(502);
    const { detail } = (await answer.json()) as { detail: string };
    expect(detail).toContain(`could not be reached through the proxy http://127.0.0.1:${port} for endpoint 'chat'`);
    expect(detail).toContain('407');
    expect(detail).not.toContain('WRONG-password');
  });

  test("a proxy whose refusal quotes the credentials it was sent: the answer and the audit line show them redacted", async () => {
    // A debugging proxy that answers in OpenAI's error shape with what it was sent.
    const quoting = await startFakeUpstream((request, response) => {
      const sent = String(request.headers['proxy-authorization']);
      const password = Buffer.from(sent.replace('Basic ', ''), 'base64').toString().split(':')[1];
      sendJson(response, 400, { error: { message: `proxy refused ${sent} (password ${password}) for ${request.url}`, type: 'proxy_error' } });
    });
    running.push(quoting);
    const { lines, logger } = captureLog();
    const gateway = await withProxyVariables({ HTTP_PROXY: `http://gateway:s3cret-PROXY@127.0.0.1:${new URL(quoting.url).port}` }, () => startGateway(config(upstream.url, bedrock.url), { logger }));
    running.push(gateway);
    const answer = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', ...chatBody }) });
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toBe(`proxy refused [redacted] (password [redacted]) for ${upstream.url}/v1/chat/completions`);
    const line = await waitForLogLine(lines, (logged) => logged.route === '/v1/chat/completions');
    expect(line.error).toEqual({ code: expect.anything(), message: error.message });
    expect(lines.filter((logged) => logged.includes('s3cret-PROXY') || logged.includes(Buffer.from('gateway:s3cret-PROXY').toString('base64')))).toEqual([]);
  });

  test('a proxy whose failure quotes its URL with a short password: the answer and every log line show the URL without it', async () => {
    // A proxy that cannot forward and says so with the URL it was configured as, credentials and all.
    let port = '';
    const quoting = await startFakeUpstream((request, response) => {
      sendJson(response, 502, { error: { message: `proxy http://gateway:pw123@127.0.0.1:${port} could not forward ${request.url}`, type: 'proxy_error' } });
    });
    running.push(quoting);
    port = new URL(quoting.url).port;
    const { lines, logger } = captureLog();
    const gateway = await withProxyVariables({ HTTP_PROXY: `http://gateway:pw123@127.0.0.1:${port}` }, () => startGateway(config(upstream.url, bedrock.url), { logger }));
    running.push(gateway);
    const answer = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', ...chatBody }) });
    expect(answer.status).toBe(502);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toBe(`Upstream error from endpoint 'chat' (status 502): proxy http://gateway:[redacted]@127.0.0.1:${port} could not forward ${upstream.url}/v1/chat/completions`);
    const warning = await waitForLogLine(lines, (logged) => logged.msg === 'upstream failure');
    expect(warning.message).toBe(error.message);
    const audit = await waitForLogLine(lines, (logged) => logged.route === '/v1/chat/completions');
    expect(audit.error).toEqual({ code: expect.anything(), message: error.message });
    expect(lines.filter((logged) => logged.includes('pw123'))).toEqual([]);
  });

  test('a proxy that is down is a 502 naming it', async () => {
    const port = await freePort();
    const { gateway } = await gatewayWithProxyEnvironment({ HTTP_PROXY: `http://gateway:s3cret-PROXY@127.0.0.1:${port}` });
    const answer = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'chat', ...chatBody }) });
    expect(answer.status).toBe(502);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toContain(`OpenAI could not be reached through the proxy http://127.0.0.1:${port} for endpoint 'chat' (ECONNREFUSED`);
    expect(error.message).not.toContain('s3cret-PROXY');
  });
});

test('a proxy variable that is not an http(s) URL fails start-up at each endpoint it concerns, unquoted', async () => {
  const starting = withProxyVariables({ HTTP_PROXY: 'socks5://gateway:s3cret-PROXY@127.0.0.1:1080' }, () => startGateway(config(upstream.url, bedrock.url)));
  const message = (origin: string) => `the outbound proxy set for ${origin} (by HTTP_PROXY) is not an http:// or https:// URL`;
  await expect(starting).rejects.toThrow(
    new Error(
      'Invalid gateway configuration in /virtual/test-config.yaml:\n' +
        `  endpoints[0].model: endpoint 'chat': ${message(upstream.url)}\n` +
        `  endpoints[1].model: endpoint 'claude': ${message(bedrock.url)}`,
    ),
  );
});

describe('a proxy that accepts a CONNECT and never answers it', () => {
  const hangingConfig = (httpsBase: string) => `
endpoints:
  - name: connect-timeout
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-proj-PROXY-test-key, openai_api_base: "${httpsBase}/v1" }
    timeouts: { connect: 0.3 }
    retries: { max_attempts: 1 }
  - name: total-timeout
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-mini
      config: { openai_api_key: sk-proj-PROXY-test-key, openai_api_base: "${httpsBase}/v1" }
    timeouts: { connect: 30, total: 0.3 }
  - name: cohere-total-timeout
    endpoint_type: llm/v1/chat
    model:
      provider: cohere
      name: command-r
      config: { cohere_api_key: PROXY-test-cohere-key, cohere_api_base: "${httpsBase}/v1" }
    timeouts: { connect: 30, total: 0.3 }
`;

  async function answerOf(gateway: RunningGateway, endpoint: string, stream: boolean) {
    const started = Date.now();
    const answer = await fetch(`${gateway.url}/endpoints/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...chatBody, stream }) });
    return { status: answer.status, detail: ((await answer.json()) as { detail: string }).detail, ms: Date.now() - started };
  }

  test('is a 504 after the connect timeout, or the total timeout when that is shorter, streamed or not, NDJSON streams included', async () => {
    const silent = await startFakeProxy({ silentOnConnect: true });
    running.push(silent);
    // The tunnel is never opened, so no TLS is spoken and the upstream's port is never reached.
    const gateway = await withProxyVariables({ HTTPS_PROXY: silent.url }, () => startGateway(hangingConfig('https://127.0.0.1:9')));
    running.push(gateway);
    for (const stream of [false, true]) {
      const connect = await answerOf(gateway, 'connect-timeout', stream);
      expect(connect).toMatchObject({ status: 504, detail: `OpenAI could not be connected to through the proxy ${silent.url} within 0.3 s for endpoint 'connect-timeout' (connect timeout).` });
      expect(connect.ms).toBeLessThan(3000);
      const total = await answerOf(gateway, 'total-timeout', stream);
      expect(total).toMatchObject({ status: 504, detail: "Endpoint 'total-timeout' did not finish within 0.3 s (total timeout)." });
      expect(total.ms).toBeLessThan(3000);
    }
    // Cohere's streams are NDJSON, on the same transport: the total timeout ends the wait too.
    const cohere = await answerOf(gateway, 'cohere-total-timeout', true);
    expect(cohere).toMatchObject({ status: 504, detail: "Endpoint 'cohere-total-timeout' did not finish within 0.3 s (total timeout)." });
    expect(cohere.ms).toBeLessThan(3000);
    expect(silent.seen.every((request) => request.method === 'CONNECT' && request.target === '127.0.0.1:9')).toBe(true);
  });
});

describe('through a proxy named by HTTPS_PROXY (HTTPS upstreams, the gateway started from the CLI)', () => {
  test('each HTTPS origin is reached through one kept-alive CONNECT tunnel, Bedrock included', async () => {
    const tlsUpstream = await startFakeUpstream(serveOpenAIFixtures, { tls: TEST_TLS });
    const tlsBedrock = await startFakeBedrock(serveBedrockFixtures, { tls: TEST_TLS });
    running.push(tlsUpstream, tlsBedrock);
    const configPath = join(tmpdir(), `egress-proxy-${process.pid}.yaml`);
    writeFileSync(configPath, config(tlsUpstream.url, tlsBedrock.url));
    const port = await freePort();
    const run = runCli(['--config-path', configPath, '--port', String(port)], { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE_PATH });
    running.push({ close: async () => void (run.child.kill('SIGKILL'), await run.exited) });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, run);
    const { default: OpenAIClient } = await import('openai');
    const openai = new OpenAIClient({ apiKey: 'unused', baseURL: `${url}/v1`, maxRetries: 0 });

    expect(await chatText(openai, 'chat')).toBe(chatAnswer.choices[0].message.content);
    expect((await streamedText(openai, 'chat')).length).toBeGreaterThan(0);
    expect(await chatText(openai, 'claude')).toEqual(expect.any(String));
    expect(await chatText(openai, 'claude')).toEqual(expect.any(String));

    expect(tlsUpstream.requests).toHaveLength(2);
    expect(tlsBedrock.calls).toHaveLength(2);
    expect(proxy.seen.map(({ method, target }) => `${method} ${target}`).sort()).toEqual(
      [`CONNECT ${new URL(tlsBedrock.url).host}`, `CONNECT ${new URL(tlsUpstream.url).host}`].sort(),
    );
  });
});
