/**
 * Token limits on streams that end before their usage chunk. A client that left a stream just before
 * its end, or a stream the upstream cut, counted no tokens, so a client could spend past a token limit
 * by leaving each stream early. Such a stream now counts an estimate (of the request's text and
 * the text it generated: four letters a token in English); reported usage still counts exactly. Without a token limit, the
 * audit line of a stream cut short carries the same estimate, and the token metrics still count none.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { sample } from '../support/metrics';

const PLAIN_KEY = 'sk-gateway-plain-estimate-key';
const METERED_KEY = 'sk-gateway-metered-estimate-key';
const AUTHORIZED = { authorization: `Bearer ${PLAIN_KEY}` };

/** 40 letters and spaces: 10 tokens by the estimate. */
const PIECE = 'The quick brown fox jumps over the dogs ';

function chunk(fields: Record<string, unknown>): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1748251380, model: 'gpt-4o-mini', ...fields })}\n\n`;
}

const content = (text: string, role?: string) => chunk({ choices: [{ index: 0, delta: { ...(role ? { role } : {}), content: text }, finish_reason: null }] });

/** The usage some servers send first, before any text: the prompt's alone. */
const PROMPT_ONLY = { prompt_tokens: 7 };

/**
 * By the prompt's word: `wait` sends nothing (the provider still reading the prompt), `no!` is
 * refused with a 400, `busy` alternately sends nothing and is refused with a 503 (an upstream
 * that took a prompt, went silent, then was overloaded when the gateway tried again); others get two pieces of text (`part` after a usage with `prompt_tokens` only,
 * then cut), then `hold` waits for the gateway to leave, `drop` drops the connection, `full`
 * finishes and reports its usage (5 tokens, far below the estimate), `done` finishes without usage
 * (as OpenAI does when not asked for it).
 */
let busyRequests = 0;

function openaiStream(request: RecordedRequest, response: ServerResponse): void {
  const word = (request.body as { messages: { content: string }[] }).messages[0].content;
  if (word === 'busy') busyRequests += 1;
  if (word === 'wait' || (word === 'busy' && busyRequests % 2 === 1)) return;
  if (word === 'busy') {
    sendJson(response, 503, { error: { message: 'The server is overloaded.', type: 'server_error' } });
    return;
  }
  if (word === 'no!') {
    sendJson(response, 400, { error: { message: 'Invalid value for messages.', type: 'invalid_request_error' } });
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  if (word === 'part') response.write(chunk({ choices: [], usage: PROMPT_ONLY }));
  response.write(content(PIECE, 'assistant') + content(PIECE));
  if (word === 'drop' || word === 'part') setTimeout(() => response.destroy(), 20);
  if (word === 'full') {
    const usage = { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 };
    response.end(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) + chunk({ choices: [], usage }) + 'data: [DONE]\n\n');
  }
  if (word === 'done') response.end(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) + 'data: [DONE]\n\n');
}

/** The prompt's "user" + a four-letter word: 2 tokens. */
const PROMPT_ESTIMATE = 2;
/** Per stream that ends early: the prompt (2 tokens) and two pieces (20 tokens). */
const ESTIMATE = PROMPT_ESTIMATE + 20;

/**
 * first_byte of the endpoints where a call goes silent (it waits this out: the 504 the test checks)
 * and others must be answered or refused within it, or be left by their client once the provider has
 * them. Such calls took up to 110 ms here beside four other test runs and a CPU hog (a file's first
 * call, 900 ms), so 0.5 s could be passed on a loaded CI machine; this costs 1.5 s more per silent call.
 */
const SILENT_AND_ANSWERED_S = 2;

let upstream: FakeUpstream;
let gateway: RunningGateway;
const { lines, logger } = captureLog('info');

/** A port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  upstream = await startFakeUpstream(openaiStream);
  const model = `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  const nowhere = `{ provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test, openai_api_base: "http://127.0.0.1:${await closedPort()}/v1" } }`;
  const limited = (name: string) => `  - { name: ${name}, endpoint_type: llm/v1/chat, model: ${model}, limit: { renewal_period: minute, tokens: 60 } }\n`;
  const config = `endpoints:
${['left-v1', 'left-mlflow', 'cut-v1', 'cut-mlflow', 'mixed', 'prompt-first'].map(limited).join('')}  - { name: free, endpoint_type: llm/v1/chat, model: ${model} }
  - { name: open, endpoint_type: llm/v1/chat, model: ${model}, timeouts: { first_byte: ${SILENT_AND_ANSWERED_S} }, retries: { max_attempts: 1 } }
  - name: early
    endpoint_type: llm/v1/chat
    model: ${model}
    limit: { renewal_period: minute, tokens: 3 }
    timeouts: { first_byte: ${SILENT_AND_ANSWERED_S} }
    retries: { max_attempts: 1 }
  - name: retried
    endpoint_type: llm/v1/chat
    model: ${model}
    limit: { renewal_period: minute, tokens: 3 }
    timeouts: { first_byte: ${SILENT_AND_ANSWERED_S} }
    retries: { max_attempts: 2, initial_backoff: 0.01 }
  - { name: unreachable, endpoint_type: llm/v1/chat, model: ${nowhere}, limit: { renewal_period: minute, tokens: 1 }, retries: { max_attempts: 1 } }
auth:
  api_keys:
    - { name: plain, key: ${PLAIN_KEY} }
    - { name: metered, key: ${METERED_KEY}, limit: { renewal_period: minute, tokens: 60 } }
`;
  gateway = await startGateway(config, { logger });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const client = (key = PLAIN_KEY) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });

/** Resolves once the gateway has let go of the latest upstream call (the stream's tokens are counted by then). */
const upstreamLetGo = () => upstream.closed[upstream.closed.length - 1];

/** Opens a /v1 stream, reads its two pieces and aborts (AbortController). */
async function leaveOnV1(model: string, key?: string): Promise<void> {
  const controller = new AbortController();
  const stream = await client(key).chat.completions.create({ model, messages: [{ role: 'user', content: 'hold' }], stream: true }, { signal: controller.signal });
  const texts: string[] = [];
  for await (const received of stream) {
    texts.push(received.choices[0]?.delta.content ?? '');
    if (texts.length === 2) break;
  }
  expect(texts).toEqual([PIECE, PIECE]);
  const closed = upstreamLetGo();
  controller.abort();
  await closed;
}

/** The MLflow route with fetch: reads until both pieces are in, then aborts. */
async function leaveOnMlflow(name: string): Promise<void> {
  const controller = new AbortController();
  const response = await fetch(`${gateway.url}/endpoints/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTHORIZED },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hold' }], stream: true }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = '';
  while (text.split(PIECE).length < 3) text += new TextDecoder().decode((await reader.read()).value);
  const closed = upstreamLetGo();
  controller.abort();
  await closed;
}

/** Opens a /v1 stream and aborts once the provider has the request, before any chunk came. */
async function leaveBeforeFirstChunk(model: string): Promise<void> {
  const controller = new AbortController();
  const received = upstream.requests.length;
  const opened = client()
    .chat.completions.create({ model, messages: [{ role: 'user', content: 'wait' }], stream: true }, { signal: controller.signal })
    .catch((error: unknown) => error);
  while (upstream.requests.length === received) await new Promise((resolve) => setTimeout(resolve, 10));
  const closed = upstreamLetGo();
  controller.abort();
  expect(await opened).toBeInstanceOf(OpenAI.APIUserAbortError);
  await closed;
}

async function refusalOnV1(model: string, key?: string): Promise<string> {
  const error = await client(key)
    .chat.completions.create({ model, messages: [{ role: 'user', content: 'hold' }], stream: true })
    .then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  return (error as Error).message;
}

async function mlflowStatus(name: string, word: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${gateway.url}/endpoints/${name}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTHORIZED },
    body: JSON.stringify({ messages: [{ role: 'user', content: word }], stream: true }),
  });
  return { status: response.status, text: await response.text() };
}

test('/v1: a client that reads the first chunks and aborts, again and again, gets 429 once the estimate passes the limit', async () => {
  for (let stream = 0; stream < 3; stream += 1) await leaveOnV1('left-v1');
  expect(await refusalOnV1('left-v1')).toMatch(`Token limit exceeded: 60 tokens per 1 minute for endpoint 'left-v1' (${3 * ESTIMATE} used)`);
});

test("/v1: a client key's token limit counts the streams its client left too", async () => {
  for (let stream = 0; stream < 3; stream += 1) await leaveOnV1('free', METERED_KEY);
  expect(await refusalOnV1('free', METERED_KEY)).toMatch(`Token limit exceeded: 60 tokens per 1 minute for client key 'metered' (${3 * ESTIMATE} used)`);
});

test('the MLflow route: the same with fetch and an AbortController', async () => {
  for (let stream = 0; stream < 3; stream += 1) await leaveOnMlflow('left-mlflow');
  const refused = await mlflowStatus('left-mlflow', 'hold');
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.text).detail).toBe(`Token limit exceeded: 60 tokens per 1 minute for endpoint 'left-mlflow' (${3 * ESTIMATE} used).`);
});

test('a stream the upstream cuts mid-way counts its estimate, on both route families', async () => {
  for (let stream = 0; stream < 3; stream += 1) {
    const cut = await mlflowStatus('cut-mlflow', 'drop');
    expect(cut.status).toBe(200);
    expect(cut.text).toContain('event: error');
  }
  expect((await mlflowStatus('cut-mlflow', 'drop')).status).toBe(429);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stream = await client().chat.completions.create({ model: 'cut-v1', messages: [{ role: 'user', content: 'drop' }], stream: true });
    await expect((async () => {
      for await (const _received of stream);
    })()).rejects.toBeInstanceOf(OpenAI.APIError);
  }
  expect(await refusalOnV1('cut-v1')).toMatch(`(${3 * ESTIMATE} used)`);
});

test('a stream that reports its usage counts exactly that; the audit line says which counts are estimates; the token metrics count only reported usage', async () => {
  for (let stream = 0; stream < 2; stream += 1) expect((await mlflowStatus('mixed', 'full')).status).toBe(200);
  const from = lines.length;
  for (let stream = 0; stream < 3; stream += 1) await leaveOnV1('mixed');
  expect(await refusalOnV1('mixed')).toMatch(`(${2 * 5 + 3 * ESTIMATE} used)`);
  const left = await waitForLogLine(lines, (line) => line.endpoint === 'mixed' && line.status === 499, { from });
  expect(left).toMatchObject({ msg: 'request aborted by the client', prompt_tokens: 2, completion_tokens: 20, total_tokens: ESTIMATE, tokens_estimated: true });
  const full = await waitForLogLine(lines, (line) => line.endpoint === 'mixed' && line.status === 200);
  expect(full).toMatchObject({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  expect(full).not.toHaveProperty('tokens_estimated');
  const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: AUTHORIZED })).text();
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'mixed', client: 'plain', type: 'total' })).toBe(2 * 5);
});

test('a stream that ends before its first chunk counts its prompt once the provider had it (client left, first_byte timeout); one the provider or the limit refused counts nothing', async () => {
  const refusedByProvider = await client().chat.completions.create({ model: 'early', messages: [{ role: 'user', content: 'no!' }], stream: true }).then(() => null, (caught: unknown) => caught);
  expect(refusedByProvider).toBeInstanceOf(OpenAI.BadRequestError);
  const from = lines.length;
  await leaveBeforeFirstChunk('early');
  const left = await waitForLogLine(lines, (line) => line.endpoint === 'early' && line.status === 499, { from });
  expect(left).toMatchObject({ prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 0, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  const timedOut = await client().chat.completions.create({ model: 'early', messages: [{ role: 'user', content: 'wait' }], stream: true }).then(() => null, (caught: unknown) => caught);
  expect(timedOut).toBeInstanceOf(OpenAI.APIError);
  expect((timedOut as InstanceType<typeof OpenAI.APIError>).status).toBe(504);
  const used = `Token limit exceeded: 3 tokens per 1 minute for endpoint 'early' (${2 * PROMPT_ESTIMATE} used)`;
  expect(await refusalOnV1('early')).toMatch(used);
  expect(await refusalOnV1('early')).toMatch(used);
});

test('a stream whose first attempt the provider had (then a first_byte timeout) and whose retry it refused counts its prompt once, as its audit line shows', async () => {
  const from = lines.length;
  for (let stream = 0; stream < 2; stream += 1) {
    const failure = await client().chat.completions.create({ model: 'retried', messages: [{ role: 'user', content: 'busy' }], stream: true }).then(() => null, (caught: unknown) => caught);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  }
  expect(busyRequests).toBe(4);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'retried' && entry.status === 502, { from });
  expect(line).toMatchObject({ retries: 1, prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 0, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true });
  expect(await refusalOnV1('retried')).toMatch(`Token limit exceeded: 3 tokens per 1 minute for endpoint 'retried' (${2 * PROMPT_ESTIMATE} used)`);
});

test('a stream whose request never reached the provider (not reachable) counts nothing', async () => {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const failure = await client().chat.completions.create({ model: 'unreachable', messages: [{ role: 'user', content: 'wait' }], stream: true }).then(() => null, (caught: unknown) => caught);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  }
});

test('a usage chunk with prompt_tokens alone, then a cut: the reported prompt plus the estimate of what was generated, marked as estimated; the metrics count only the reported prompt', async () => {
  const from = lines.length;
  const cut = await mlflowStatus('prompt-first', 'part');
  expect(cut.status).toBe(200);
  expect(cut.text).toContain('event: error');
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'prompt-first' && entry.msg === 'request', { from });
  expect(line).toMatchObject({ prompt_tokens: PROMPT_ONLY.prompt_tokens, completion_tokens: 20, total_tokens: PROMPT_ONLY.prompt_tokens + 20, tokens_estimated: true });
  for (let stream = 0; stream < 2; stream += 1) expect((await mlflowStatus('prompt-first', 'part')).status).toBe(200);
  expect(await refusalOnV1('prompt-first')).toMatch(`(${3 * (PROMPT_ONLY.prompt_tokens + 20)} used)`);
  const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: AUTHORIZED })).text();
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'prompt-first', client: 'plain', type: 'prompt' })).toBe(3 * PROMPT_ONLY.prompt_tokens);
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'prompt-first', client: 'plain', type: 'completion' })).toBeUndefined();
});

describe('without a token limit, the audit line of a stream cut short', () => {
  const ESTIMATED = { prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 20, total_tokens: ESTIMATE, tokens_estimated: true };
  const PROMPT_ONLY_ESTIMATED = { prompt_tokens: PROMPT_ESTIMATE, completion_tokens: 0, total_tokens: PROMPT_ESTIMATE, tokens_estimated: true };
  const openLine = (from: number, matches: (line: Record<string, unknown>) => boolean) => waitForLogLine(lines, (line) => line.endpoint === 'open' && matches(line), { from });

  test('the client left mid-stream (/v1 and the MLflow route) or before the first chunk: the estimate, marked as one', async () => {
    let from = lines.length;
    await leaveOnV1('open');
    expect(await openLine(from, (line) => line.status === 499)).toMatchObject({ msg: 'request aborted by the client', ...ESTIMATED });
    from = lines.length;
    await leaveOnMlflow('open');
    expect(await openLine(from, (line) => line.status === 499)).toMatchObject({ route: '/endpoints/{name}/invocations', ...ESTIMATED });
    from = lines.length;
    await leaveBeforeFirstChunk('open');
    expect(await openLine(from, (line) => line.status === 499)).toMatchObject(PROMPT_ONLY_ESTIMATED);
  });

  test('the upstream cut it mid-stream (/v1 and the MLflow route), or it timed out before the first chunk: the estimate beside the error', async () => {
    let from = lines.length;
    const stream = await client().chat.completions.create({ model: 'open', messages: [{ role: 'user', content: 'drop' }], stream: true });
    await expect((async () => {
      for await (const _received of stream);
    })()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(await openLine(from, (line) => line.error !== undefined)).toMatchObject({ status: 200, ...ESTIMATED });
    from = lines.length;
    expect((await mlflowStatus('open', 'drop')).text).toContain('event: error');
    expect(await openLine(from, (line) => line.error !== undefined)).toMatchObject({ status: 200, ...ESTIMATED });
    from = lines.length;
    const timedOut = await client().chat.completions.create({ model: 'open', messages: [{ role: 'user', content: 'wait' }], stream: true }).then(() => null, (caught: unknown) => caught);
    expect((timedOut as InstanceType<typeof OpenAI.APIError>).status).toBe(504);
    expect(await openLine(from, (line) => line.status === 504)).toMatchObject(PROMPT_ONLY_ESTIMATED);
  });

  test('a stream the provider refused counts nothing; a normal stream keeps its line: the reported usage, or null counts without it; the token metrics count reported usage only', async () => {
    const from = lines.length;
    expect((await mlflowStatus('open', 'no!')).status).toBe(400);
    expect(await openLine(from, (line) => line.status === 400)).toMatchObject({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
    expect((await mlflowStatus('open', 'full')).status).toBe(200);
    expect((await mlflowStatus('open', 'done')).status).toBe(200);
    const normal = lines.slice(from).map((text) => JSON.parse(text) as Record<string, unknown>).filter((line) => line.endpoint === 'open' && line.status !== 400);
    expect(normal).toHaveLength(2);
    for (const line of normal) expect(line).not.toHaveProperty('tokens_estimated');
    expect(normal[0]).toMatchObject({ msg: 'request', status: 200, prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(normal[1]).toMatchObject({ msg: 'request', status: 200, prompt_tokens: null, completion_tokens: null, total_tokens: null });
    const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: AUTHORIZED })).text();
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'open', client: 'plain', type: 'total' })).toBe(5);
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'open', client: 'plain', type: 'prompt' })).toBe(2);
    const labels = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'openai', gen_ai_request_model: 'gpt-4o-mini', endpoint: 'open' };
    expect(sample(metrics, 'gen_ai_client_token_usage_sum', { ...labels, gen_ai_token_type: 'input' })).toBe(2);
    expect(sample(metrics, 'gen_ai_client_token_usage_count', { ...labels, gen_ai_token_type: 'input' })).toBe(1);
  });
});
