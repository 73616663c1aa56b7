/**
 * A plugin error that is not a GatewayError but carries a numeric `status` of 429 or 500–599 (what
 * the official openai and Anthropic SDKs throw for a rate limit, a vendor error or an unavailable or
 * overloaded vendor, Anthropic's 529) is retried and falls back as a built-in provider's 429 or 5xx
 * is, and answers with the gateway's own message, never the plugin's (which may quote its key); any
 * other status is the 502 of any other plugin error (plugin-failures.test.ts), not retried; a status given as a string of three digits ("503") counts as the
 * number. A 429's `retry-after` (or `retry-after-ms`) in the error's `headers` is waited out and
 * passed on as a built-in provider's is. A 429 with OpenAI's `insufficient_quota` (a quota used up)
 * is, as a built-in provider's, sent once and answered with `x-should-retry: false`. An axios
 * error's status and headers are read on its `response`, and insufficient_quota in its body's `error`. Real HTTP to an in-process gateway, the
 * official OpenAI client.
 */
import OpenAI from 'openai';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';
import { startPluginGateway } from '../support/plugin-gateway';

const KEY = 'sk-live-PLUGIN-secret-1234567890';

/**
 * Model `rate-limited-once` fails its first call only; `rate-limited` and `unavailable` fail every call;
 * `status-N` fails every call with status N, `status-N-once` its first call only; `text-status-S` and
 * `text-status-S-once` likewise with the string S as status; each `retry-after-…`
 * model fails with a 429 carrying the headers RETRY_AFTER gives it (a fetch `Headers`, as from openai
 * v5 and later, or a plain record, as from openai v4); `quota-used-up` and `quota-in-body` fail with
 * OpenAI's insufficient_quota (the openai SDK's RateLimitError, and a plain error with the code in its
 * `error` alone), and the `axios-…` models with an axios error (`axios-quota` with insufficient_quota in its body), every call or (`-once`) the first only.
 */
const PLUGIN = `'use strict';
const { RateLimitError } = require(${JSON.stringify(require.resolve('openai'))});
const RETRY_AFTER = {
  'retry-after-1-once': { once: true, headers: () => new Headers({ 'retry-after': '1', 'x-echoed-key': '${KEY}' }) },
  'retry-after-60-once': { once: true, headers: () => new Headers({ 'retry-after': '60' }) },
  'retry-after-ms-record': { once: false, headers: () => ({ 'Retry-After-Ms': '1500', 'X-Echoed-Key': '${KEY}' }) },
};
/** An axios error: the status, headers and body on its response (axios 1.7.5 and later add the status to the error, \`statusOnError\`). */
function axiosError(status, headers, statusOnError, data) {
  const config = { headers: { Authorization: 'Bearer ${KEY}' } };
  const response = { status, statusText: 'Error', headers, config, data };
  const code = status < 500 ? 'ERR_BAD_REQUEST' : 'ERR_BAD_RESPONSE';
  return Object.assign(new Error('Request failed with status code ' + status), { name: 'AxiosError', isAxiosError: true, code, config, response }, statusOnError ? { status } : {});
}
const QUOTA_BODY = { message: 'You exceeded your current quota, key ${KEY}', type: 'insufficient_quota', param: null, code: 'insufficient_quota' };
const RATE_LIMITED = { error: { message: 'Rate limit reached for key ${KEY}', type: 'requests', code: 'rate_limit_exceeded' } };
const AXIOS = {
  'axios-503': () => axiosError(503, { 'content-type': 'application/json' }, false, { error: { message: 'Vendor error for key ${KEY}', type: 'server_error' } }),
  'axios-429-retry-after-1': () => axiosError(429, { 'retry-after': '1' }, false, RATE_LIMITED),
  'axios-status-on-error-429-retry-after-60': () => axiosError(429, { 'retry-after': '60' }, true, RATE_LIMITED),
  'axios-quota': () => axiosError(429, { 'retry-after': '1' }, true, { error: QUOTA_BODY }),
};
const QUOTA_USED_UP = {
  'quota-used-up': () => new RateLimitError(429, QUOTA_BODY, undefined, new Headers({ 'retry-after': '1' })),
  'quota-in-body': () => Object.assign(new Error('429 quota for key ${KEY}'), { status: '429', error: { ...QUOTA_BODY, type: 'requests' } }),
};
module.exports = {
  displayName: 'Fake',
  endpointTypes: ['llm/v1/chat'],
  createEndpoint(settings) {
    let calls = 0;
    return {
      async chat() {
        calls += 1;
        const failing = /^status-(\\d+)(-once)?$/.exec(settings.modelName);
        if (failing && (!failing[2] || calls === 1)) throw Object.assign(new Error(failing[1] + ' Vendor error for key ${KEY}'), { status: Number(failing[1]) });
        const textStatus = /^text-status-(.+?)(-once)?$/.exec(settings.modelName);
        if (textStatus && (!textStatus[2] || calls === 1)) throw Object.assign(new Error('Vendor error for key ${KEY}'), { status: textStatus[1] });
        const retryAfter = RETRY_AFTER[settings.modelName];
        if (retryAfter && (!retryAfter.once || calls === 1)) {
          throw Object.assign(new Error('429 Rate limit reached for key ${KEY}'), { status: 429, headers: retryAfter.headers() });
        }
        const axios = AXIOS[settings.modelName.replace(/-once$/, '')];
        if (axios && (!settings.modelName.endsWith('-once') || calls === 1)) throw axios();
        const quota = QUOTA_USED_UP[settings.modelName.replace(/-once$/, '')];
        if (quota && (!settings.modelName.endsWith('-once') || calls === 1)) throw quota();
        if (settings.modelName === 'unavailable') throw Object.assign(new Error('503 Service Unavailable for key ${KEY}'), { status: 503 });
        if (settings.modelName === 'rate-limited' || (settings.modelName === 'rate-limited-once' && calls === 1)) {
          throw new RateLimitError(429, { message: 'Rate limit reached for key ${KEY}', type: 'requests', code: 'rate_limit_exceeded' }, undefined, new Headers());
        }
        return {
          id: 'chatcmpl-' + settings.name + '-' + calls, object: 'chat.completion', created: 1, model: settings.modelName,
          choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        };
      },
    };
  },
};
`;

const endpoint = (name: string, model: string, attempts: number) =>
  `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: fake, name: ${model} }, retries: { max_attempts: ${attempts}, initial_backoff: 0.01 } }\n`;

const SERVER_ERRORS = [500, 502, 504, 529];
const statusEndpoints = [...SERVER_ERRORS, 418].map((status) => `${endpoint(`status-${status}`, `status-${status}`, 1)}${endpoint(`status-${status}-once`, `status-${status}-once`, 2)}`).join('');

const retryAfterEndpoints = `${endpoint('retry-after-1-once', 'retry-after-1-once', 2)}${endpoint('retry-after-60-once', 'retry-after-60-once', 2)}${endpoint('retry-after-ms-record', 'retry-after-ms-record', 1)}`;

const TEXT_STATUSES = ['429-once', '503', '503-once', '503.0', '5e2', '5030'];
const textStatusEndpoints = TEXT_STATUSES.map((status) => endpoint(`text-status-${status}`, `text-status-${status}`, status.endsWith('-once') ? 2 : 1)).join('');

/** Endpoints whose plugin is given KEY as its key, so that the gateway redacts it from what it logs. */
const withKey = (name: string, model: string) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: fake, name: ${model}, config: { fake_api_key: ${KEY} } }, retries: { max_attempts: 1 } }\n`;
const loggedEndpoints = `${withKey('logged-limited', 'rate-limited')}${withKey('logged-down', 'status-502')}${withKey('logged-quota', 'quota-used-up')}`;

const quotaEndpoints = `${endpoint('quota-used-up-once', 'quota-used-up-once', 3)}${endpoint('quota-in-body-once', 'quota-in-body-once', 3)}${endpoint('axios-quota-once', 'axios-quota-once', 3)}${endpoint('quota-first', 'quota-used-up-once', 3)}`;

const axiosEndpoints = ['axios-503-once', 'axios-503', 'axios-429-retry-after-1-once', 'axios-status-on-error-429-retry-after-60-once'].map((model) => endpoint(model, model, model.endsWith('-once') ? 2 : 1)).join('');

const CONFIG = `${loggedEndpoints}${quotaEndpoints}${axiosEndpoints}${textStatusEndpoints}${retryAfterEndpoints}${endpoint('retried', 'rate-limited-once', 2)}${endpoint('limited', 'rate-limited', 1)}${endpoint('down', 'unavailable', 1)}${endpoint('backup', 'backup', 1)}${statusEndpoints}routes:
  - { name: with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: down }, { name: backup }] }
  - { name: quota-with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: quota-first }, { name: backup }] }
  - { name: overloaded-with-backup, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{ name: status-529 }, { name: backup }] }
`;

let gateway: Awaited<ReturnType<typeof startPluginGateway>>;
let openai: OpenAI;
const log = captureLog('debug');

beforeAll(async () => {
  gateway = await startPluginGateway(PLUGIN, CONFIG, log.logger);
  openai = new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});

afterAll(() => gateway.close());

const CHAT = { messages: [{ role: 'user' as const, content: 'Bonjour ?' }] };

async function call(path: string, body: object, requestId = 'unnamed') {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ ...CHAT, ...body }),
  });
  const text = await response.text();
  const { headers } = response;
  return { status: response.status, endpoint: headers.get('x-gateway-endpoint'), retryAfter: headers.get('retry-after'), headers, text, body: JSON.parse(text) };
}

test("the openai SDK's RateLimitError (status 429) is retried: the second call answers", async () => {
  const completion = await openai.chat.completions.create({ model: 'retried', ...CHAT });
  expect({ id: completion.id, content: completion.choices[0].message.content }).toEqual({ id: 'chatcmpl-retried-2', content: 'Bonjour' });
});

test('without another attempt, it is a 429 with the gateway’s own message, not the plugin’s', async () => {
  const answer = await call('/v1/chat/completions', { model: 'limited' });
  expect(answer).toMatchObject({ status: 429, body: { error: { type: 'rate_limit_error', code: 'upstream_rate_limited' } } });
  expect(answer.body.error.message).toBe("The provider plugin 'fake' of endpoint 'limited' failed with status 429.");
  expect(answer.text).not.toContain('sk-live-PLUGIN');
});

test('an error with status 503 falls back on a FALLBACK route, and alone is a 502 without the plugin’s message', async () => {
  const fallback = await call('/gateway/with-backup/invocations', {});
  expect({ status: fallback.status, endpoint: fallback.endpoint, content: fallback.body.choices[0].message.content }).toEqual({ status: 200, endpoint: 'backup', content: 'Bonjour' });
  const alone = await call('/v1/chat/completions', { model: 'down' });
  expect(alone).toMatchObject({ status: 502, body: { error: { type: 'upstream_error', code: 'upstream_error', message: "The provider plugin 'fake' of endpoint 'down' failed with status 503." } } });
  expect(alone.text).not.toContain('sk-live-PLUGIN');
});

test.each(SERVER_ERRORS)('an error with status %i is retried, and alone is a 502 without the plugin’s message', async (status) => {
  const retried = await openai.chat.completions.create({ model: `status-${status}-once`, ...CHAT });
  expect(retried.id).toBe(`chatcmpl-status-${status}-once-2`);
  const alone = await call('/v1/chat/completions', { model: `status-${status}` });
  expect(alone).toMatchObject({ status: 502, body: { error: { type: 'upstream_error', code: 'upstream_error', message: `The provider plugin 'fake' of endpoint 'status-${status}' failed with status ${status}.` } } });
  expect(alone.text).not.toContain('sk-live-PLUGIN');
});

test('an error with status 529 (Anthropic overloaded) falls back on a FALLBACK route', async () => {
  const fallback = await call('/gateway/overloaded-with-backup/invocations', {});
  expect({ status: fallback.status, endpoint: fallback.endpoint }).toEqual({ status: 200, endpoint: 'backup' });
});

test('an error with another status (418) is not retried: the 502 of any other plugin error, without the status', async () => {
  const once = await call('/v1/chat/completions', { model: 'status-418-once' });
  expect({ status: once.status, text: once.text }).toEqual({ status: 502, text: expect.not.stringContaining('sk-live-PLUGIN') });
  expect(once.body.error).toEqual({ type: 'upstream_error', code: 'upstream_plugin_failed', param: null, message: "The provider plugin 'fake' of endpoint 'status-418-once' failed (its error is in the gateway's log)." });
});

test("a 429 whose headers ask for Retry-After: 1 is retried after that second, not after the backoff", async () => {
  const started = Date.now();
  const completion = await openai.chat.completions.create({ model: 'retry-after-1-once', ...CHAT });
  expect(completion.id).toBe('chatcmpl-retry-after-1-once-2');
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

test('a 429 asking for longer than max_retry_after (10 s) is not waited for: the client gets it with its Retry-After', async () => {
  const answer = await call('/v1/chat/completions', { model: 'retry-after-60-once' });
  expect({ status: answer.status, retryAfter: answer.retryAfter, message: answer.body.error.message }).toEqual({
    status: 429,
    retryAfter: '60',
    message: "The provider plugin 'fake' of endpoint 'retry-after-60-once' failed with status 429.",
  });
});

test('retry-after-ms in a plain record of headers, any case, is passed on in whole seconds; no other header and not the plugin’s message', async () => {
  const answer = await call('/v1/chat/completions', { model: 'retry-after-ms-record' });
  expect({ status: answer.status, retryAfter: answer.retryAfter, echoed: answer.headers.get('x-echoed-key') }).toEqual({ status: 429, retryAfter: '2', echoed: null });
  expect(answer.text).not.toContain('sk-live-PLUGIN');
});

test.each(['429', '503'])('a status given as the string "%s" is retried like the number', async (status) => {
  const completion = await openai.chat.completions.create({ model: `text-status-${status}-once`, ...CHAT });
  expect(completion.id).toBe(`chatcmpl-text-status-${status}-once-2`);
});

test('a status given as the string "503" is, alone, a 502 with the gateway’s own message', async () => {
  const answer = await call('/v1/chat/completions', { model: 'text-status-503' });
  expect(answer).toMatchObject({ status: 502, body: { error: { type: 'upstream_error', code: 'upstream_error', message: "The provider plugin 'fake' of endpoint 'text-status-503' failed with status 503." } } });
  expect(answer.text).not.toContain('sk-live-PLUGIN');
});

test.each(['503.0', '5e2', '5030'])('a status given as the string "%s" (not three digits) is not read: the 502 of any other plugin error', async (status) => {
  const answer = await call('/v1/chat/completions', { model: `text-status-${status}` });
  expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 502, code: 'upstream_plugin_failed' });
});

test.each(['quota-used-up-once', 'quota-in-body-once', 'axios-quota-once'])("a 429 with OpenAI's insufficient_quota (%s) is sent once, not retried, and the client told not to retry", async (model) => {
  // The plugin would answer a second call; max_attempts is 3.
  const answer = await call('/v1/chat/completions', { model });
  expect({ status: answer.status, shouldRetry: answer.headers.get('x-should-retry'), retryAfter: answer.retryAfter, error: answer.body.error }).toEqual({
    status: 429,
    shouldRetry: 'false',
    retryAfter: null,
    error: { type: 'insufficient_quota', code: 'insufficient_quota', param: null, message: `The provider plugin 'fake' of endpoint '${model}' failed with status 429 (quota used up).` },
  });
  expect(answer.text).not.toContain('sk-live-PLUGIN');
});

test('a plugin’s quota used up moves a FALLBACK route on to its next destination, without a retry (which would answer)', async () => {
  const fallback = await call('/gateway/quota-with-backup/invocations', {});
  expect({ status: fallback.status, endpoint: fallback.endpoint }).toEqual({ status: 200, endpoint: 'backup' });
});

test('an axios error (status on its response alone) with status 503 is retried, and alone is a 502 without the plugin’s message', async () => {
  const retried = await openai.chat.completions.create({ model: 'axios-503-once', ...CHAT });
  expect(retried.id).toBe('chatcmpl-axios-503-once-2');
  const alone = await call('/v1/chat/completions', { model: 'axios-503' });
  expect(alone).toMatchObject({ status: 502, body: { error: { type: 'upstream_error', code: 'upstream_error', message: "The provider plugin 'fake' of endpoint 'axios-503' failed with status 503." } } });
  expect(alone.text).not.toContain('sk-live-PLUGIN');
});

test("an axios error's 429 is retried after the retry-after of its response's headers", async () => {
  const started = Date.now();
  const completion = await openai.chat.completions.create({ model: 'axios-429-retry-after-1-once', ...CHAT });
  expect(completion.id).toBe('chatcmpl-axios-429-retry-after-1-once-2');
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

test("a recent axios error (status on the error, headers on its response) passes on its response's Retry-After; its body's rate-limit code is not passed on", async () => {
  const answer = await call('/v1/chat/completions', { model: 'axios-status-on-error-429-retry-after-60-once' });
  expect({ status: answer.status, retryAfter: answer.retryAfter, code: answer.body.error.code, shouldRetry: answer.headers.get('x-should-retry') }).toEqual({
    status: 429,
    retryAfter: '60',
    code: 'upstream_rate_limited',
    shouldRetry: null,
  });
  expect(answer.text).not.toContain('sk-live-PLUGIN');
});

/** The lines a request caused besides its audit line, once that is written, as level, message and the logged error's message. */
async function linesBesideAudit(requestId: string) {
  await waitForLogLine(log.lines, (line) => line.request_id === requestId && line.msg === 'request');
  const caused = log.lines.map((text) => JSON.parse(text) as LogLine).filter((line) => line.request_id === requestId && !['request', 'request received'].includes(line.msg));
  return caused.map((line) => ({ level: line.level, msg: line.msg, message: line.message, err: (line.err as { message?: string } | undefined)?.message }));
}

test('a plugin’s 429 is logged as a built-in provider’s (no warning, no error line); its own error, key redacted, only at debug level', async () => {
  expect((await call('/v1/chat/completions', { model: 'logged-limited' }, 'log-429')).status).toBe(429);
  expect(await linesBesideAudit('log-429')).toEqual([
    { level: 20, msg: "The provider plugin 'fake' of endpoint 'logged-limited' failed with status 429.", message: undefined, err: '429 Rate limit reached for key [redacted]' },
  ]);
});

test('a plugin’s 5xx is logged as a built-in provider’s, an "upstream failure" warning (not an error), with its own error, key redacted', async () => {
  expect((await call('/v1/chat/completions', { model: 'logged-down' }, 'log-502')).status).toBe(502);
  expect(await linesBesideAudit('log-502')).toEqual([
    { level: 40, msg: 'upstream failure', message: "The provider plugin 'fake' of endpoint 'logged-down' failed with status 502.", err: '502 Vendor error for key [redacted]' },
  ]);
});

test('a plugin’s quota used up is logged as its 429 is: its own error, key redacted, only at debug level', async () => {
  expect((await call('/v1/chat/completions', { model: 'logged-quota' }, 'log-quota')).status).toBe(429);
  expect(await linesBesideAudit('log-quota')).toEqual([
    { level: 20, msg: "The provider plugin 'fake' of endpoint 'logged-quota' failed with status 429 (quota used up).", message: undefined, err: '429 You exceeded your current quota, key [redacted]' },
  ]);
});
