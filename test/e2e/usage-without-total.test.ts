/**
 * A usage with prompt_tokens and completion_tokens but no total_tokens (an OpenAI-compatible server
 * that leaves it out) counts their sum everywhere: the client's usage, token limits, the audit line
 * and the token metrics, for an answer and for a stream's usage chunk alike.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog } from '../support/log-capture';
import { sample } from '../support/metrics';

const CLIENT_KEY = 'gw-usage-total-key-0123456789';
const USAGE = { prompt_tokens: 3, completion_tokens: 4 };
const BASE = { id: 'chatcmpl-1', created: 1764633960, model: 'llama-3' };

const chunk = (fields: Record<string, unknown>) => `data: ${JSON.stringify({ ...BASE, object: 'chat.completion.chunk', ...fields })}\n\n`;

function answerWithoutTotal(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.endsWith('/embeddings')) {
    sendJson(response, 200, { object: 'list', model: 'nomic-embed', data: [{ object: 'embedding', index: 0, embedding: [0.5, -0.25] }], usage: { prompt_tokens: 5 } });
    return;
  }
  if (request.url.endsWith('/v1/completions')) {
    sendJson(response, 200, { ...BASE, object: 'text_completion', choices: [{ index: 0, text: 'ok', finish_reason: 'stop' }], usage: USAGE });
    return;
  }
  if ((request.body as { stream?: boolean }).stream !== true) {
    sendJson(response, 200, { ...BASE, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: USAGE });
    return;
  }
  sendStream(
    response,
    chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }] }) +
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
      chunk({ choices: [], usage: USAGE }) +
      'data: [DONE]\n\n',
  );
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog();

beforeAll(async () => {
  upstream = await startFakeUpstream(answerWithoutTotal);
  const model = `{ provider: openai, name: llama-3, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  const config = `
endpoints:
  - { name: counted, endpoint_type: llm/v1/chat, model: ${model} }
  - { name: shown, endpoint_type: llm/v1/chat, model: ${model} }
  - { name: completions, endpoint_type: llm/v1/completions, model: ${model} }
  - { name: embeddings, endpoint_type: llm/v1/embeddings, model: { provider: openai, name: nomic-embed, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } } }
  - { name: limited, endpoint_type: llm/v1/chat, model: ${model}, limit: { renewal_period: minute, tokens: 10 } }
  - { name: limited-stream, endpoint_type: llm/v1/chat, model: ${model}, limit: { renewal_period: minute, tokens: 10 } }
auth:
  api_keys: [{ name: team, key: $CLIENT_KEY }]
  public_metrics: true
`;
  gateway = await startGateway(config, { env: { CLIENT_KEY }, logger });
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Salut' }];
const answer = (model: string) => client.chat.completions.create({ model, messages });
async function stream(model: string): Promise<void> {
  for await (const received of await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } })) void received;
}

/** Runs one request and returns its audit line, once written. */
async function lineOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  lines.length = 0;
  await run();
  for (let waited = 0; waited < 2_000; waited += 10) {
    const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.msg === 'request');
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no audit line was written');
}

test("the client reads the sum as total_tokens, on an answer and on the stream's usage chunk", async () => {
  expect((await answer('shown')).usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  const usages: unknown[] = [];
  for await (const received of await client.chat.completions.create({ model: 'shown', messages, stream: true, stream_options: { include_usage: true } })) {
    if (received.usage) usages.push(received.usage);
  }
  expect(usages).toEqual([{ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }]);
  expect((await client.completions.create({ model: 'completions', prompt: 'Salut' })).usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  // Embeddings have no completion: their total is the prompt's, as OpenAI reports it.
  expect((await client.embeddings.create({ model: 'embeddings', input: 'Salut', encoding_format: 'float' })).usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
});

const countsOf = (line: Record<string, unknown>) => ({ prompt: line.prompt_tokens, completion: line.completion_tokens, total: line.total_tokens, estimated: line.tokens_estimated });

test('the audit line of an answer and of a stream shows the sum as total_tokens, not an estimate', async () => {
  expect(countsOf(await lineOf(() => answer('counted')))).toEqual({ prompt: 3, completion: 4, total: 7, estimated: undefined });
  expect(countsOf(await lineOf(() => stream('counted')))).toEqual({ prompt: 3, completion: 4, total: 7, estimated: undefined });
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'counted', client: 'team', type: 'total' })).toBe(14);
});

test.each([
  ['an answer', 'limited', answer],
  ['a stream', 'limited-stream', stream],
])("%s's summed tokens count toward the endpoint's token limit", async (_kind, model, run) => {
  // 7 tokens, then 14: past the limit of 10, so the third call is refused.
  await run(model);
  await run(model);
  await expect(run(model)).rejects.toMatchObject({ status: 429 });
});
