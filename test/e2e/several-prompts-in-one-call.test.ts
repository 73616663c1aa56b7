/**
 * Several prompts in one `/v1/completions` request to Azure OpenAI (an `openai` endpoint of the azure
 * type: its v1 API, and its deployment API), through the official openai client against a fake API on
 * 127.0.0.1 that takes `prompt` as a list, as OpenAI's completions do
 * (https://platform.openai.com/docs/api-reference/completions/create: `n` choices per prompt, numbered
 * prompt × n + choice; with `stream_options.include_usage`, one usage chunk for the whole request):
 * the list goes in ONE call, plain or streamed, and the answer passes through. OpenAI's own API does
 * the same (the default base: test/unit/providers/openai.test.ts). Another server behind
 * `openai_api_base` may take a string only (Ollama's `/v1/completions`): it gets one call per prompt.
 * A FALLBACK route decides per destination: Together AI, next to Azure, takes one prompt a call.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

interface CompletionsBody {
  prompt: string | string[];
  n?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

const FIXTURE = readJsonFixture<{ id: string; created: number; model: string }>('openai', 'completions.response.json');
const OVERLOADED = { error: { message: 'The engine is currently overloaded, please try again later', type: 'server_error', param: null, code: null } };

const promptsOf = (body: CompletionsBody): string[] => (Array.isArray(body.prompt) ? body.prompt : [body.prompt]);

/** Choice `index` of a request: prompt × n + choice, as OpenAI numbers them; its text names both. */
function choicesOf(label: string, body: CompletionsBody): { index: number; text: string }[] {
  const n = body.n ?? 1;
  return promptsOf(body).flatMap((prompt, position) => Array.from({ length: n }, (_, choice) => ({ index: position * n + choice, text: `${label}: ${prompt} #${choice}` })));
}

/** The whole request's usage, as OpenAI reports it: every prompt's length, 10 tokens a choice. */
function usageOf(body: CompletionsBody): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const promptTokens = promptsOf(body).reduce((sum, prompt) => sum + prompt.length, 0);
  const completionTokens = 10 * choicesOf('', body).length;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/**
 * OpenAI's stream of several choices: each choice's text, then each choice's finish, interleaved
 * across choices as OpenAI sends them; `usage: null` on each and a last usage chunk (`choices: []`)
 * when `include_usage` asks for it.
 */
function streamOf(label: string, body: CompletionsBody): string {
  const withUsage = body.stream_options?.include_usage === true;
  const chunk = (choices: unknown[], usage?: unknown) =>
    `data: ${JSON.stringify({ id: FIXTURE.id, object: 'text_completion', created: FIXTURE.created, model: FIXTURE.model, choices, ...(withUsage ? { usage: usage ?? null } : {}) })}\n\n`;
  const choices = choicesOf(label, body);
  const texts = choices.map(({ index, text }) => chunk([{ text, index, logprobs: null, finish_reason: null }]));
  const finishes = choices.map(({ index }) => chunk([{ text: '', index, logprobs: null, finish_reason: 'stop' }]));
  return [...texts, ...finishes, ...(withUsage ? [chunk([], usageOf(body))] : []), 'data: [DONE]\n\n'].join('');
}

/** An OpenAI-shaped `/v1/completions` (Azure OpenAI's, or a server's with one prompt a call) answering each prompt with `label`. */
const serving = (label: string) => (request: RecordedRequest, response: ServerResponse) => {
  const body = request.body as CompletionsBody;
  if (body.stream === true) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(streamOf(label, body));
    return;
  }
  const choices = choicesOf(label, body).map((choice) => ({ ...choice, logprobs: null, finish_reason: 'stop' }));
  sendJson(response, 200, { ...FIXTURE, choices, usage: usageOf(body) });
};

/** Ollama's `/v1/completions`: "prompt currently only accepts a string" (its docs/api/openai-compatibility), else as `serving`. */
const stringPromptOnly = (label: string) => (request: RecordedRequest, response: ServerResponse) => {
  if (typeof (request.body as CompletionsBody).prompt !== 'string') return sendJson(response, 400, { error: { message: 'prompt must be a string', type: 'invalid_request_error', param: null, code: null } });
  serving(label)(request, response);
};

const overloaded = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, 503, OVERLOADED);

/** Azure OpenAI's v1 API (the model in the body, as on OpenAI's API), here on 127.0.0.1. */
const azureV1Endpoint = (name: string, url: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: gpt-3.5-turbo-instruct, config: { openai_api_type: azure, openai_api_key: az-prompts, openai_api_base: "${url}/openai/v1" } }${extra}`;

const togetherEndpoint = (name: string, url: string) => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: tg-prompts, togetherai_api_base: "${url}/v1" } }`;

const log = captureLog();
const setup = useGatewayWithUpstreams({
  upstreams: { azureV1: serving('gpt'), azure: serving('azure'), ollama: stringPromptOnly('ollama'), together: serving('together'), azureDown: overloaded, togetherDown: overloaded },
  config: (urls) => `
defaults: { retries: { max_attempts: 1 } }
endpoints:${[
    azureV1Endpoint('azure-v1', urls.azureV1),
    azureV1Endpoint('azure-down', urls.azureDown),
    azureV1Endpoint('calls-limited', urls.azureV1, '\n    limit: { renewal_period: minute, calls: 1 }'),
    azureV1Endpoint('tokens-limited', urls.azureV1, '\n    limit: { renewal_period: minute, tokens: 60 }'),
    azureV1Endpoint('stream-tokens-limited', urls.azureV1, '\n    limit: { renewal_period: minute, tokens: 60 }'),
    togetherEndpoint('together', urls.together),
    togetherEndpoint('together-down', urls.togetherDown),
  ].join('')}
  - name: azure
    endpoint_type: llm/v1/completions
    model: { provider: openai, config: { openai_api_type: azure, openai_api_key: az-prompts, openai_api_base: "${urls.azure}", openai_deployment_name: instruct, openai_api_version: "2024-10-21" } }
  - name: ollama
    endpoint_type: llm/v1/completions
    model: { provider: openai, name: llama3.2, config: { openai_api_key: ollama, openai_api_base: "${urls.ollama}/v1" } }
routes:
  - { name: azure-then-together, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: azure-down }, { name: together }] }
  - { name: together-then-azure, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: together-down }, { name: azure-v1 }] }
`,
  validateResponses: true,
  logger: log.logger,
});
const { upstreams } = setup;

const bodiesTo = (vendor: keyof typeof upstreams) => upstreams[vendor].requests.map((request) => request.body as CompletionsBody & Record<string, unknown>);

const textByIndex = (chunks: OpenAI.Completions.Completion[]) => {
  const texts: string[] = [];
  for (const chunk of chunks) for (const choice of chunk.choices) texts[choice.index] = (texts[choice.index] ?? '') + choice.text;
  return texts;
};

async function readAll(stream: AsyncIterable<OpenAI.Completions.Completion>): Promise<OpenAI.Completions.Completion[]> {
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const PROMPTS = ['Bonjour', 'Un café', 'Merci'];
/** What the client reads for each prompt's two choices from `label`. */
const textsOf = (label: string, prompts = PROMPTS) => prompts.flatMap((prompt) => [`${label}: ${prompt} #0`, `${label}: ${prompt} #1`]);

test("one call with the list and n; the answer, numbered prompt × n + choice as OpenAI's, and its usage pass through", async () => {
  const from = log.lines.length;
  const completion = await setup.openai.completions.create({ model: 'azure-v1', prompt: PROMPTS, n: 2, max_tokens: 16, echo: false, logprobs: null });
  expect(upstreams.azureV1.requests.map((request) => request.url)).toEqual(['/openai/v1/completions']);
  expect(bodiesTo('azureV1')).toEqual([{ model: 'gpt-3.5-turbo-instruct', prompt: PROMPTS, n: 2, max_tokens: 16, echo: false }]);
  expect(completion.choices.map(({ index, text }) => ({ index, text }))).toEqual(textsOf('gpt').map((text, index) => ({ index, text })));
  expect(completion.usage).toEqual({ prompt_tokens: 19, completion_tokens: 60, total_tokens: 79 });
  expect(completion).toMatchObject({ id: FIXTURE.id, model: FIXTURE.model });
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(line).toMatchObject({ endpoint: 'azure-v1', status: 200, prompt_tokens: 19, completion_tokens: 60, total_tokens: 79 });
});

test("streamed with n and include_usage: one stream call, its chunks as OpenAI numbers them, then OpenAI's usage chunk for every prompt", async () => {
  const from = log.lines.length;
  const chunks = await readAll(await setup.openai.completions.create({ model: 'azure-v1', prompt: PROMPTS, n: 2, stream: true, stream_options: { include_usage: true } }));
  expect(bodiesTo('azureV1')).toEqual([{ model: 'gpt-3.5-turbo-instruct', prompt: PROMPTS, n: 2, stream: true, stream_options: { include_usage: true } }]);
  expect(textByIndex(chunks)).toEqual(textsOf('gpt'));
  expect(chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason === 'stop').map((choice) => choice.index))).toEqual([0, 1, 2, 3, 4, 5]);
  expect(chunks[chunks.length - 1]).toMatchObject({ choices: [], usage: { prompt_tokens: 19, completion_tokens: 60, total_tokens: 79 } });
  expect(chunks.slice(0, -1).filter((chunk) => chunk.usage != null)).toEqual([]);
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(line).toMatchObject({ endpoint: 'azure-v1', stream: true, status: 200, prompt_tokens: 19, completion_tokens: 60, total_tokens: 79 });
});

test('Azure OpenAI takes the list in one call to its deployment too', async () => {
  const completion = await setup.openai.completions.create({ model: 'azure', prompt: ['Bonjour', 'Merci'], n: 2 });
  expect(upstreams.azure.requests.map((request) => request.url)).toEqual(['/openai/deployments/instruct/completions?api-version=2024-10-21']);
  expect(bodiesTo('azure')).toEqual([{ prompt: ['Bonjour', 'Merci'], n: 2 }]);
  expect(completion.choices.map((choice) => choice.text)).toEqual(textsOf('azure', ['Bonjour', 'Merci']));
});

test('a calls limit counts the request once; a token limit counts every prompt of the one call, plain or streamed', async () => {
  await setup.openai.completions.create({ model: 'calls-limited', prompt: PROMPTS });
  await expect(setup.openai.completions.create({ model: 'calls-limited', prompt: 'Bonjour' })).rejects.toMatchObject({ status: 429 });
  expect(bodiesTo('azureV1').map((body) => body.prompt)).toEqual([PROMPTS]);

  // 19 + 60 tokens, every prompt's, spend the 60 of the window (one prompt's 7 + 20 would not).
  await setup.openai.completions.create({ model: 'tokens-limited', prompt: PROMPTS, n: 2 });
  await expect(setup.openai.completions.create({ model: 'tokens-limited', prompt: 'Bonjour' })).rejects.toMatchObject({ status: 429 });

  // Streamed without include_usage: the gateway asks Azure OpenAI for the usage chunk, counts it, and keeps it from the client.
  upstreams.azureV1.requests.length = 0;
  const chunks = await readAll(await setup.openai.completions.create({ model: 'stream-tokens-limited', prompt: PROMPTS, n: 2, stream: true }));
  expect(bodiesTo('azureV1')).toEqual([expect.objectContaining({ prompt: PROMPTS, stream_options: { include_usage: true } })]);
  expect(chunks.filter((chunk) => chunk.usage != null || chunk.choices.length === 0)).toEqual([]);
  await expect(setup.openai.completions.create({ model: 'stream-tokens-limited', prompt: 'Bonjour' })).rejects.toMatchObject({ status: 429 });
});

test('FALLBACK [Azure OpenAI → Together AI]: the one call with the list fails, then each prompt is a call of its own, plain and streamed', async () => {
  const { data, response } = await setup.openai.completions.create({ model: 'azure-then-together', prompt: ['Bonjour', 'Merci'], n: 2, max_tokens: 8 }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('together');
  expect(data.choices.map(({ index, text }) => ({ index, text }))).toEqual(textsOf('together', ['Bonjour', 'Merci']).map((text, index) => ({ index, text })));
  expect(bodiesTo('azureDown').map((body) => body.prompt)).toEqual([['Bonjour', 'Merci']]);
  expect(bodiesTo('together').map((body) => body.prompt).sort()).toEqual(['Bonjour', 'Merci']);

  upstreams.together.requests.length = 0;
  const stream = await setup.openai.completions.create({ model: 'azure-then-together', prompt: ['Bonjour', 'Merci'], n: 2, max_tokens: 8, stream: true });
  expect(textByIndex(await readAll(stream))).toEqual(textsOf('together', ['Bonjour', 'Merci']));
  expect(bodiesTo('together').map((body) => body.prompt).sort()).toEqual(['Bonjour', 'Merci']);
});

test('FALLBACK [Together AI → Azure OpenAI]: each prompt\'s call fails, then Azure OpenAI answers every prompt in one call, plain and streamed', async () => {
  const { data, response } = await setup.openai.completions.create({ model: 'together-then-azure', prompt: ['Bonjour', 'Merci'], n: 2, max_tokens: 8 }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('azure-v1');
  expect(data.choices.map((choice) => choice.text)).toEqual(textsOf('gpt', ['Bonjour', 'Merci']));
  // Together's first failure ended the other prompt's call, which may or may not have been sent.
  expect(bodiesTo('togetherDown').every((body) => typeof body.prompt === 'string')).toBe(true);
  expect(bodiesTo('azureV1').map((body) => body.prompt)).toEqual([['Bonjour', 'Merci']]);

  upstreams.azureV1.requests.length = 0;
  const stream = await setup.openai.completions.create({ model: 'together-then-azure', prompt: ['Bonjour', 'Merci'], n: 2, max_tokens: 8, stream: true });
  expect(textByIndex(await readAll(stream))).toEqual(textsOf('gpt', ['Bonjour', 'Merci']));
  expect(bodiesTo('azureV1').map((body) => body.prompt)).toEqual([['Bonjour', 'Merci']]);
});

test('a failure of the one stream call after its first chunk ends the stream with an error event', async () => {
  upstreams.azureV1.setHandler((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const [first] = streamOf('gpt', request.body as CompletionsBody).split('\n\n');
    response.end(`${first}\n\ndata: ${JSON.stringify(OVERLOADED)}\n\n`);
  });
  const chunks: OpenAI.Completions.Completion[] = [];
  const read = async () => {
    for await (const chunk of await setup.openai.completions.create({ model: 'azure-v1', prompt: PROMPTS, stream: true })) chunks.push(chunk);
  };
  await expect(read()).rejects.toThrow('The engine is currently overloaded');
  expect(chunks.map((chunk) => chunk.choices[0].text)).toEqual(['gpt: Bonjour #0']);
  expect(upstreams.azureV1.requests).toHaveLength(1);
});

test('an openai endpoint with another openai_api_base (Ollama\'s completions take a string only) gets one call per prompt, plain and streamed, joined as OpenAI answers', async () => {
  const completion = await setup.openai.completions.create({ model: 'ollama', prompt: ['Bonjour', 'Merci'], n: 2 });
  expect(bodiesTo('ollama').map((body) => body.prompt).sort()).toEqual(['Bonjour', 'Merci']);
  expect(completion.choices.map(({ index, text }) => ({ index, text }))).toEqual(textsOf('ollama', ['Bonjour', 'Merci']).map((text, index) => ({ index, text })));

  upstreams.ollama.requests.length = 0;
  const chunks = await readAll(await setup.openai.completions.create({ model: 'ollama', prompt: ['Bonjour', 'Merci'], n: 2, stream: true }));
  expect(bodiesTo('ollama').map((body) => body.prompt).sort()).toEqual(['Bonjour', 'Merci']);
  expect(textByIndex(chunks)).toEqual(textsOf('ollama', ['Bonjour', 'Merci']));
});
