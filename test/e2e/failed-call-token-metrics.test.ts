/**
 * The token metrics count the usage a provider reported for a call without a stream that failed, as
 * its audit line shows it (without `tokens_estimated`): an answer the answer check refused, and the
 * answered prompts of several called one by one when another prompt failed. The provider billed them;
 * before, the line showed them and `gateway_tokens_total` and `gen_ai_client_token_usage` did not
 * (found by a chaos soak: the completions endpoints' tokens in the metrics fell short of the audit
 * lines' by the answered prompts of 499s and 429s). Estimates stay out of the metrics.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { freePort } from '../support/cli';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { sample, scrape } from '../support/metrics';

/** Chat: content a number (refused by the answer check) with usage; completions: "ok" answered, "busy" a 429. */
function server(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { messages?: unknown[]; prompt?: string };
  if (body.messages !== undefined) {
    const choices = [{ index: 0, message: { role: 'assistant', content: 42 }, finish_reason: 'stop' }];
    return sendJson(response, 200, { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices, usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } });
  }
  if (body.prompt === 'busy') return sendJson(response, 429, { error: { message: 'Slow down.', type: 'rate_limit_error', code: null } });
  const choices = [{ index: 0, text: 'Fine.', finish_reason: 'stop', logprobs: null }];
  sendJson(response, 200, { id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices, usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  upstream = await startFakeUpstream(server);
  const model = `{ provider: openai, name: m, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  const nowhere = `{ provider: mistral, name: other, config: { mistral_api_key: sk-test, mistral_api_base: "http://127.0.0.1:${await freePort()}/v1" } }`;
  gateway = await startGateway(
    `
defaults:
  retries: { max_attempts: 1 }
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: ${model} }
  - { name: completions, endpoint_type: llm/v1/completions, model: ${model} }
  - { name: answering, endpoint_type: llm/v1/completions, model: ${model} }
  - { name: unreachable, endpoint_type: llm/v1/completions, model: ${nowhere} }
routes:
  - { name: answering-then-unreachable, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: answering }, { name: unreachable }] }
`,
    { logger },
  );
  client = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** `gateway_tokens_total` and the `gen_ai_client_token_usage` sums of `endpoint`. */
async function tokenMetrics(endpoint: string, operation: string, { provider = 'openai', model = 'm' } = {}) {
  const text = await scrape(gateway.url);
  const of = (type: string) => sample(text, 'gateway_tokens_total', { endpoint, client: '', type });
  const usage = (type: string) =>
    sample(text, 'gen_ai_client_token_usage_sum', { endpoint, gen_ai_operation_name: operation, gen_ai_provider_name: provider, gen_ai_request_model: model, gen_ai_token_type: type });
  return { prompt: of('prompt'), completion: of('completion'), total: of('total'), input: usage('input'), output: usage('output') };
}

async function failed(call: () => Promise<unknown>): Promise<number> {
  const failure = await call().then(() => null, (caught: unknown) => caught);
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  return (failure as InstanceType<typeof OpenAI.APIError>).status as number;
}

test('a chat answer the answer check refused: its usage in the metrics, as on its line', async () => {
  const from = lines.length;
  expect(await failed(() => client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] }))).toBe(502);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'chat', { from });
  expect(line).toMatchObject({ prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 });
  expect(line).not.toHaveProperty('tokens_estimated');
  expect(await tokenMetrics('chat', 'chat')).toEqual({ prompt: 5, completion: 3, total: 8, input: 5, output: 3 });
});

test('several prompts, one answered and one refused with a 429: the answered one in the metrics, as on the line', async () => {
  const from = lines.length;
  expect(await failed(() => client.completions.create({ model: 'completions', prompt: ['ok', 'busy'] }))).toBe(429);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'completions', { from });
  expect(line).toMatchObject({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
  expect(line).not.toHaveProperty('tokens_estimated');
  expect(await tokenMetrics('completions', 'text_completion')).toEqual({ prompt: 1, completion: 2, total: 3, input: 1, output: 2 });
});

test("a FALLBACK route whose next destination was never reached: the answered prompts under the endpoint that answered them, not the one whose failure is the answer", async () => {
  const from = lines.length;
  expect(await failed(() => client.completions.create({ model: 'answering-then-unreachable', prompt: ['ok', 'busy'] }))).toBe(502);
  const line = await waitForLogLine(lines, (entry) => entry.called === 'answering-then-unreachable', { from });
  expect(line).toMatchObject({ endpoint: 'unreachable', prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
  expect(await tokenMetrics('answering', 'text_completion')).toEqual({ prompt: 1, completion: 2, total: 3, input: 1, output: 2 });
  const nothing = { prompt: undefined, completion: undefined, total: undefined, input: undefined, output: undefined };
  expect(await tokenMetrics('unreachable', 'text_completion', { provider: 'mistral_ai', model: 'other' })).toEqual(nothing);
});
