/**
 * `/v1/completions` with `prompt` as token ids, as OpenAI's completions take it
 * (https://platform.openai.com/docs/api-reference/completions/create: a list of token ids, or a list
 * of such lists, one prompt each), through the official openai client against a fake API on 127.0.0.1:
 * Azure OpenAI (here its v1 API; OpenAI's own API alike) gets the ids as sent, in one call, plain or
 * streamed. Any other provider, and another server behind `openai_api_base` (Ollama's completions
 * take a string only), refuses them before anything is sent, a refusal a FALLBACK route moves past.
 * The MLflow routes take one text prompt (a 422).
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { openaiErrorOf } from '../support/errors';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

interface CompletionsBody {
  prompt: number[] | number[][];
  stream?: boolean;
}

const FIXTURE = readJsonFixture<{ id: string; created: number; model: string }>('openai', 'completions.response.json');

/** The prompts a token-id `prompt` holds: a list of ids is one, a list of lists one per list. */
const promptsOf = (prompt: number[] | number[][]): number[][] => (typeof prompt[0] === 'number' ? [prompt as number[]] : (prompt as number[][]));

/** OpenAI's answer: a choice per prompt whose text names its ids, and one usage (a token per id, 10 per choice). */
function answerOf(body: CompletionsBody) {
  const prompts = promptsOf(body.prompt);
  const choices = prompts.map((ids, index) => ({ text: ` after ${ids.join(' ')}`, index, logprobs: null, finish_reason: 'length' }));
  const promptTokens = prompts.reduce((sum, ids) => sum + ids.length, 0);
  return { ...FIXTURE, choices, usage: { prompt_tokens: promptTokens, completion_tokens: 10 * prompts.length, total_tokens: promptTokens + 10 * prompts.length } };
}

/** OpenAI's stream of the same answer: each choice's text, then its finish, then `[DONE]`. */
function streamOf(body: CompletionsBody): string {
  const { choices } = answerOf(body);
  const chunk = (choice: unknown) => `data: ${JSON.stringify({ id: FIXTURE.id, object: 'text_completion', created: FIXTURE.created, model: FIXTURE.model, choices: [choice] })}\n\n`;
  const texts = choices.map((choice) => chunk({ ...choice, finish_reason: null }));
  const finishes = choices.map(({ index }) => chunk({ text: '', index, logprobs: null, finish_reason: 'length' }));
  return [...texts, ...finishes, 'data: [DONE]\n\n'].join('');
}

const openaiServing = (request: RecordedRequest, response: ServerResponse) => {
  const body = request.body as CompletionsBody;
  if (body.stream !== true) return sendJson(response, 200, answerOf(body));
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.end(streamOf(body));
};

/** Together AI's and Ollama's completions take a text prompt only: never asked here with token ids. */
const textOnlyServing = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 500, { error: { message: 'not expected' } });

const log = captureLog();
const setup = useGatewayWithUpstreams({
  upstreams: { azure: openaiServing, together: textOnlyServing, ollama: textOnlyServing },
  config: (urls) => `
endpoints:
  - name: azure
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_type: azure, openai_api_key: az-ids, openai_api_base: "${urls.azure}/openai/v1" } }
  - name: ollama
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: llama3.2, config: { openai_api_key: ollama, openai_api_base: "${urls.ollama}/v1" } }
  - name: together
    endpoint_type: llm/v1/completions
    model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: tg-ids, togetherai_api_base: "${urls.together}/v1" } }
    limit: { renewal_period: minute, calls: 1 }
routes:
  - { name: together-then-azure, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: together }, { name: azure }] }
  - { name: ollama-then-azure, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: ollama }, { name: azure }] }
`,
  validateResponses: true,
  logger: log.logger,
});
const { upstreams } = setup;

const bodiesTo = (vendor: keyof typeof upstreams) => upstreams[vendor].requests.map((request) => request.body);

async function readAll(stream: AsyncIterable<OpenAI.Completions.Completion>): Promise<OpenAI.Completions.Completion[]> {
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const refusalFor = (provider: string) => ({
  status: 400,
  error: {
    message: `The parameter 'prompt' must be a string or a list of strings for ${provider}: token ids are sent only to OpenAI's API (the default openai_api_base) and Azure OpenAI.`,
    type: 'invalid_request_error',
    param: 'prompt',
    code: 'invalid_value',
  },
});
const TOGETHER_REFUSAL = refusalFor('TogetherAI');

test("Azure OpenAI gets a list of token ids as sent, in one call, and its answer and usage pass through", async () => {
  const from = log.lines.length;
  const completion = await setup.openai.completions.create({ model: 'azure', prompt: [1212, 318, 257, 1332, 13], max_tokens: 10 });
  expect(bodiesTo('azure')).toEqual([{ model: 'gpt-3.5-turbo-instruct', prompt: [1212, 318, 257, 1332, 13], max_tokens: 10 }]);
  expect(completion.choices.map(({ index, text }) => ({ index, text }))).toEqual([{ index: 0, text: ' after 1212 318 257 1332 13' }]);
  expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 });
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(line).toMatchObject({ endpoint: 'azure', status: 200, prompt_tokens: 5, total_tokens: 15 });
});

test('a list of token-id lists, streamed: one stream call, each prompt a choice numbered as OpenAI numbers it', async () => {
  const chunks = await readAll(await setup.openai.completions.create({ model: 'azure', prompt: [[1212, 318], [257]], stream: true }));
  expect(bodiesTo('azure')).toEqual([{ model: 'gpt-3.5-turbo-instruct', prompt: [[1212, 318], [257]], stream: true }]);
  const texts: string[] = [];
  for (const chunk of chunks) for (const choice of chunk.choices) texts[choice.index] = (texts[choice.index] ?? '') + choice.text;
  expect(texts).toEqual([' after 1212 318', ' after 257']);
  expect(chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason === 'length').map((choice) => choice.index))).toEqual([0, 1]);
});

test('more than 20 token-id lists go whole in one call: the bound of 20 is for text prompts, which other providers take a call each', async () => {
  const prompts = Array.from({ length: 25 }, (_, index) => [1000 + index]);
  const completion = await setup.openai.completions.create({ model: 'azure', prompt: prompts });
  expect(bodiesTo('azure')).toEqual([{ model: 'gpt-3.5-turbo-instruct', prompt: prompts }]);
  expect(completion.choices.map((choice) => choice.index)).toEqual(prompts.map((_, index) => index));
  const texts = Array.from({ length: 21 }, (_, index) => `prompt ${index}`);
  expect(await openaiErrorOf(setup.openai.completions.create({ model: 'azure', prompt: texts }))).toMatchObject({ status: 400, error: { param: 'prompt' } });
});

test('any other provider refuses token ids with a 400 on prompt, plain or streamed, sending nothing and spending no call of its limit', async () => {
  expect(await openaiErrorOf(setup.openai.completions.create({ model: 'together', prompt: [1212, 318] }))).toEqual(TOGETHER_REFUSAL);
  expect(await openaiErrorOf(setup.openai.completions.create({ model: 'together', prompt: [[1212], [318]], stream: true }))).toEqual(TOGETHER_REFUSAL);
  expect(bodiesTo('together')).toEqual([]);
  // The endpoint's one call a minute is still there for a text prompt.
  upstreams.together.setHandler((_request, response) => sendJson(response, 200, { ...FIXTURE, choices: [{ text: 'Hi', index: 0, logprobs: null, finish_reason: 'stop' }] }));
  await expect(setup.openai.completions.create({ model: 'together', prompt: 'Hello', max_tokens: 8 })).resolves.toMatchObject({ choices: [{ text: 'Hi' }] });
});

test('another server behind openai_api_base (Ollama\'s completions take a string only) refuses token ids the same way; FALLBACK [it → Azure OpenAI] moves on', async () => {
  expect(await openaiErrorOf(setup.openai.completions.create({ model: 'ollama', prompt: [1212, 318] }))).toEqual(refusalFor('OpenAI'));
  expect(await openaiErrorOf(setup.openai.completions.create({ model: 'ollama', prompt: [[1212], [318]], stream: true }))).toEqual(refusalFor('OpenAI'));
  const { data, response } = await setup.openai.completions.create({ model: 'ollama-then-azure', prompt: [1212, 318] }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('azure');
  expect(data.choices.map((choice) => choice.text)).toEqual([' after 1212 318']);
  expect(bodiesTo('ollama')).toEqual([]);
});

test('FALLBACK [Together AI → Azure OpenAI]: Together AI refuses the token ids, so Azure OpenAI gets them, plain and streamed', async () => {
  const { data, response } = await setup.openai.completions.create({ model: 'together-then-azure', prompt: [[1212, 318], [257]] }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('azure');
  expect(data.choices.map((choice) => choice.text)).toEqual([' after 1212 318', ' after 257']);

  const stream = await setup.openai.completions.create({ model: 'together-then-azure', prompt: [1212, 318], stream: true });
  expect((await readAll(stream)).flatMap((chunk) => chunk.choices.map((choice) => choice.text)).join('')).toBe(' after 1212 318');
  expect(bodiesTo('azure').map((body) => (body as CompletionsBody).prompt)).toEqual([[[1212, 318], [257]], [1212, 318]]);
  expect(bodiesTo('together')).toEqual([]);
});

test('the MLflow routes take one text prompt: token ids are a 422 on prompt', async () => {
  const answer = await fetch(`${setup.gateway.url}/endpoints/azure/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: [1212, 318] }) });
  expect(answer.status).toBe(422);
  expect(await answer.json()).toMatchObject({
    detail: "The parameter 'prompt' must be a string, or a list of one string, on the MLflow routes; /v1/completions also takes token ids (for OpenAI's API and Azure OpenAI).",
  });
  expect(bodiesTo('azure')).toEqual([]);
});
