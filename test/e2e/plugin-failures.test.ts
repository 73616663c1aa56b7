/**
 * How plugin failures are answered and logged: an error other than a GatewayError is a 502 naming the
 * plugin and the endpoint (never its status or message, which may hold the plugin's key; a status of
 * 429 or 500–599 is the exception, plugin-try-later-status.test.ts), logged at error level with the
 * endpoint, the plugin's provider name, its message and stack, keys redacted; and a plugin that ignores
 * its signal still ends at the endpoint's total timeout (before anything reached the client, a 504;
 * after, an error event).
 */
import { join } from 'node:path';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { startPluginGateway } from '../support/plugin-gateway';
import { withProxyVariables } from '../support/proxy-environment';

/** A plugin module (CommonJS) providing `fake` with these endpoint methods. */
const pluginModule = (methods: string, preamble = '') => `'use strict';
${preamble}
module.exports = { displayName: 'Fake', endpointTypes: ['llm/v1/chat'], createEndpoint() { return { ${methods} }; } };
`;

const ENDPOINT = '  - { name: p, endpoint_type: llm/v1/chat, model: { provider: fake, name: m }, timeouts: { total: 0.5 }, retries: { max_attempts: 1 } }\n';

/** The status and body of a chat call; a string saying so when it still hangs after 4 s. */
async function chat(url: string, path: string, body: object): Promise<{ status: number; text: string } | 'still hanging after 4 s'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 4000);
  try {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
      signal: controller.signal,
    });
    return { status: response.status, text: await response.text() };
  } catch {
    return 'still hanging after 4 s';
  } finally {
    clearTimeout(timer);
  }
}

async function withPlugin(source: string, check: (url: string) => Promise<void>): Promise<void> {
  const gateway = await startPluginGateway(source, ENDPOINT);
  try {
    await check(gateway.url);
  } finally {
    await gateway.close();
  }
}

/** What a client is told of a plugin's own error: the plugin and the endpoint, nothing of the error. */
const PLUGIN_FAILED = "The provider plugin 'fake' of endpoint 'p' failed (its error is in the gateway's log).";

test('a plugin error that is not a GatewayError answers a 502 naming the plugin and the endpoint, without its status or message', async () => {
  // What the official openai SDK (and many other HTTP clients) throw: an Error with status and type.
  const thrower = pluginModule(`async chat() {
    throw Object.assign(new Error('401 Incorrect API key provided: sk-live-PLUGIN-secret-1234567890'), { status: 401, type: 'invalid_request_error' });
  }`);
  await withPlugin(thrower, async (url) => {
    expect(await chat(url, '/endpoints/p/invocations', {})).toEqual({ status: 502, text: JSON.stringify({ detail: PLUGIN_FAILED }) });
    expect(await chat(url, '/v1/chat/completions', { model: 'p' })).toEqual({
      status: 502,
      text: JSON.stringify({ error: { message: PLUGIN_FAILED, type: 'upstream_error', param: null, code: 'upstream_plugin_failed' } }),
    });
  });
});

test("the error line of a plugin's plain Error names the endpoint and the plugin, and holds the error's message and stack, the endpoint's keys redacted", async () => {
  const key = 'fake-key-ERROR-LINE-0123456789';
  const thrower = pluginModule(`async chat() { throw new Error('vendor refused key ' + this.key); }, key: settings.config.fake_api_key`).replace('createEndpoint()', 'createEndpoint(settings)');
  const { lines, logger } = captureLog();
  const gateway = await startPluginGateway(thrower, ENDPOINT.replace('name: m }', `name: m, config: { fake_api_key: ${key} } }`), logger);
  try {
    const answer = await fetch(`${gateway.url}/endpoints/p/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }) });
    expect({ status: answer.status, shouldRetry: answer.headers.get('x-should-retry'), body: await answer.json() }).toEqual({ status: 502, shouldRetry: 'false', body: { detail: PLUGIN_FAILED } });
    const line = await waitForLogLine(lines, (logged) => logged.level === 50);
    const err = line.err as { type: string; message: string; stack: string };
    expect({ msg: line.msg, endpoint: line.endpoint, provider: line.provider, status: line.status, code: line.code, request_id: line.request_id, type: err.type, message: err.message }).toEqual({
      msg: PLUGIN_FAILED,
      endpoint: 'p',
      provider: 'fake',
      status: 502,
      code: 'upstream_plugin_failed',
      request_id: answer.headers.get('x-request-id'),
      type: 'Error',
      message: 'vendor refused key [redacted]',
    });
    // The stack: its first line the message, then where in the plugin's module it was thrown.
    expect(err.stack.split('\n').slice(0, 2)).toEqual(['Error: vendor refused key [redacted]', expect.stringContaining(join('node_modules', 'fake-plugin', 'index.js'))]);
    expect(lines.filter((logged) => logged.includes(key))).toEqual([]);
  } finally {
    await gateway.close();
  }
});

test('the same with the real error class of the official openai SDK (a plugin wrapping it)', async () => {
  const sdkThrower = pluginModule(
    `async chat() {
    throw new AuthenticationError(401, { message: 'Incorrect API key provided: sk-live-PLUGIN-secret-1234567890', type: 'invalid_request_error', code: 'invalid_api_key' }, undefined, new Headers());
  }`,
    `const { AuthenticationError } = require(${JSON.stringify(require.resolve('openai'))});`,
  );
  await withPlugin(sdkThrower, async (url) => {
    const answer = await chat(url, '/v1/chat/completions', { model: 'p' });
    expect(answer !== 'still hanging after 4 s' && { status: answer.status, leaksKey: answer.text.includes('sk-live-PLUGIN') }).toEqual({ status: 502, leaksKey: false });
  });
});

test("an answer of the wrong shape is a 502 telling the plugin's author which plugin, method, field and rule, and its warning names the endpoint and the plugin", async () => {
  const wrongShape = pluginModule(`async chat() {
    return { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 42 }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
  }`);
  const { lines, logger } = captureLog();
  const gateway = await startPluginGateway(wrongShape, ENDPOINT, logger);
  try {
    const message =
      "Provider plugin 'fake' (Fake) of endpoint 'p': what its chat method returned is not a valid ChatResponse: choices[0].message.content must be a string, an array of objects (type \"text\", \"image_url\", \"input_audio\" or \"file\") or null.";
    expect(await chat(gateway.url, '/v1/chat/completions', { model: 'p' })).toEqual({
      status: 502,
      text: JSON.stringify({ error: { message, type: 'upstream_error', param: null, code: 'upstream_unreadable' } }),
    });
    const warning = await waitForLogLine(lines, (line) => line.msg === 'upstream failure');
    expect({ endpoint: warning.endpoint, provider: warning.provider, message: warning.message }).toEqual({ endpoint: 'p', provider: 'fake', message });
  } finally {
    await gateway.close();
  }
});

test('a null a plugin stream yields is refused like any chunk of the wrong shape (an error event after its first chunks), not skipped', async () => {
  const yieldsNull = pluginModule(`async *chatStream() {
    const chunk = (content) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content, tool_calls: null }, finish_reason: null }] });
    yield chunk('Hi');
    yield null;
    yield chunk(' there');
  }`);
  await withPlugin(yieldsNull, async (url) => {
    const answer = await chat(url, '/v1/chat/completions', { model: 'p', stream: true });
    expect(answer).toMatchObject({ status: 200, text: expect.stringContaining('event: error') });
    expect(answer).toMatchObject({ text: expect.stringContaining("a chunk its chatStream method yielded is not a valid ChatChunk") });
    expect(answer).toMatchObject({ text: expect.not.stringContaining('there') });
  });
});

// A plugin that does not watch `signal` (a vendor SDK call that never settles): the total timeout still ends the request.
const STUCK = pluginModule(`chat() { return new Promise(() => {}); },
  async *chatStream() {
    yield { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi', tool_calls: null }, finish_reason: null }] };
    await new Promise(() => {});
  }`);

test('a plugin call that never settles ends at the total timeout with a 504', async () => {
  await withPlugin(STUCK, async (url) => {
    expect(await chat(url, '/endpoints/p/invocations', {})).toMatchObject({ status: 504 });
  });
});

test('a plugin stream that stalls after its first chunk ends at the total timeout with an error event', async () => {
  await withPlugin(STUCK, async (url) => {
    const answer = await chat(url, '/endpoints/p/invocations', { stream: true });
    expect(answer).toMatchObject({ status: 200, text: expect.stringContaining('event: error') });
  });
});

test('a plugin stream that stalls after a role-only first chunk has sent the client nothing: a 504, not a stream that opened then failed', async () => {
  const roleThenStuck = pluginModule(`async *chatStream() {
    yield { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: '', tool_calls: null }, finish_reason: null }] };
    await new Promise(() => {});
  }`);
  await withPlugin(roleThenStuck, async (url) => {
    expect(await chat(url, '/v1/chat/completions', { model: 'p', stream: true })).toMatchObject({ status: 504, text: expect.stringContaining('"code":"upstream_timeout"') });
  });
});

test('the log line of such an error names it, and holds none of the properties an HTTP client puts on it (the request headers with the plugin\'s key, the client\'s prompt)', async () => {
  // What axios (the most used HTTP client) throws for a vendor's 500: its AxiosError carries the request config and the response.
  const config = {
    url: 'https://api.vendor.example/v1/generate',
    method: 'post',
    headers: { Accept: 'application/json, text/plain, */*', 'Content-Type': 'application/json', Authorization: 'Bearer sk-live-PLUGIN-axios-secret-0987654321', 'User-Agent': 'axios/1.7.9' },
    data: '{"prompt":"my private prompt text"}',
    timeout: 0,
  };
  const axiosThrower = pluginModule(`async chat() {
    const config = ${JSON.stringify(config)};
    class AxiosError extends Error {}
    const error = Object.assign(new AxiosError('Request failed with status code 500'), { name: 'AxiosError', code: 'ERR_BAD_RESPONSE', isAxiosError: true, config });
    error.response = { status: 500, statusText: 'Internal Server Error', headers: { 'content-type': 'application/json' }, config, data: { error: 'internal' } };
    throw error;
  }`);
  const { lines, logger } = captureLog();
  const gateway = await startPluginGateway(axiosThrower, ENDPOINT, logger);
  try {
    // The response's status 500 makes it the vendor's failure (see plugin-try-later-status.test.ts): a 502 and a warning.
    expect(await chat(gateway.url, '/endpoints/p/invocations', {})).toEqual({ status: 502, text: JSON.stringify({ detail: "The provider plugin 'fake' of endpoint 'p' failed with status 500." }) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = lines.join('\n');
    expect({ key: logged.includes('sk-live-PLUGIN-axios'), prompt: logged.includes('my private prompt') }).toEqual({ key: false, prompt: false });
    const failure = lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'upstream failure');
    expect(failure.err).toMatchObject({ type: 'AxiosError', message: 'Request failed with status code 500', code: 'ERR_BAD_RESPONSE', stack: expect.stringContaining('Request failed with status code 500') });
    expect({ endpoint: failure.endpoint, provider: failure.provider }).toEqual({ endpoint: 'p', provider: 'fake' });
  } finally {
    await gateway.close();
  }
});

test("the log line of a plugin error quoting the endpoint's key (a vendor SDK's 'Incorrect API key provided: …') has the key redacted, also mid-stream and in its cause", async () => {
  const key = 'fake-key-LOGGED-0123456789';
  const quoter = pluginModule(`async chat(request) {
    class VendorAuthError extends Error {}
    throw new VendorAuthError('Incorrect API key provided: ' + this.key, { cause: new Error('refused ' + this.key) });
  },
  async *chatStream() {
    yield { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi', tool_calls: null }, finish_reason: null }] };
    throw new TypeError('stream broke for key ' + this.key);
  }, key: settings.config.fake_api_key`).replace('createEndpoint()', 'createEndpoint(settings)');
  const endpoint = ENDPOINT.replace('name: m }', `name: m, config: { fake_api_key: ${key} } }`);
  const { lines, logger } = captureLog();
  const gateway = await startPluginGateway(quoter, endpoint, logger);
  try {
    expect(await chat(gateway.url, '/endpoints/p/invocations', {})).toEqual({ status: 502, text: JSON.stringify({ detail: PLUGIN_FAILED }) });
    // Mid-stream, the error event says what the 502 would have said.
    expect(await chat(gateway.url, '/endpoints/p/invocations', { stream: true })).toMatchObject({ status: 200, text: expect.stringContaining(`event: error\ndata: {"error":{"message":${JSON.stringify(PLUGIN_FAILED)}`) });
    const failures = [
      await waitForLogLine(lines, (line) => line.level === 50 && (line.err as { type?: string }).type === 'VendorAuthError'),
      await waitForLogLine(lines, (line) => line.level === 50 && (line.err as { type?: string }).type === 'TypeError'),
    ];
    expect(failures.map((line) => (line.err as { message: string }).message)).toEqual([
      'Incorrect API key provided: [redacted]: refused [redacted]',
      'stream broke for key [redacted]',
    ]);
    expect(failures.map((line) => [line.endpoint, line.provider])).toEqual([['p', 'fake'], ['p', 'fake']]);
    expect(lines.filter((line) => line.includes(key))).toEqual([]);
  } finally {
    await gateway.close();
  }
});

test("the log line of a plugin error quoting the outbound proxy's URL (an HTTP client naming the proxy it went through) has the proxy's password redacted", async () => {
  const proxyUrl = 'http://gateway:s3cret-PROXY-password@127.0.0.1:9';
  const quoter = pluginModule(`async chat() {
    throw new Error('request to https://api.vendor.example/v1 failed through the proxy ' + process.env.HTTPS_PROXY + ': connect ECONNREFUSED');
  }`);
  const { lines, logger } = captureLog();
  await withProxyVariables({ HTTPS_PROXY: proxyUrl }, async () => {
    const gateway = await startPluginGateway(quoter, ENDPOINT, logger);
    try {
      expect(await chat(gateway.url, '/endpoints/p/invocations', {})).toEqual({ status: 502, text: JSON.stringify({ detail: PLUGIN_FAILED }) });
      const failure = await waitForLogLine(lines, (line) => line.level === 50 && line.err !== undefined);
      expect((failure.err as { message: string }).message).toBe('request to https://api.vendor.example/v1 failed through the proxy http://gateway:[redacted]@127.0.0.1:9: connect ECONNREFUSED');
      expect(lines.filter((line) => line.includes('s3cret-PROXY'))).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});
