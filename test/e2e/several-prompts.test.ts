/**
 * Several prompts in one `/v1/completions` request, as LangChain's `OpenAI` LLM sends them for
 * `batch()`, to providers whose completions take one prompt (Together AI, OpenAI-shaped; Anthropic):
 * each prompt is completed in a call of its own, and the answers come back as OpenAI gives them (each
 * prompt's `n` choices in turn, usage summed), through the official openai client. An `openai`
 * endpoint takes the list in one call: several-prompts-in-one-call.test.ts.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { createCallGate } from '../support/call-gate';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

/** Calls open at once on the Together AI upstreams, and the most seen. */
const open = { now: 0, most: 0 };
/** The 20 calls of a batch, answered once 8 are open at once (the gateway's cap) or the last has come. */
const batchGate = createCallGate({ open: 8, total: 20 });
/** Closed when the gateway lets go of a call answered never (the `hang` prompt). */
let hangingCallClosed: Promise<void> = Promise.resolve();

/**
 * Together AI's OpenAI-shaped `/v1/completions` answering each prompt with its `n` choices (`<label>: <prompt> #<i>`)
 * in the fixture's shape, its prompt's length as `prompt_tokens`. Prompts that misbehave, unless
 * `healthy`: `hang` is never answered, `overloaded` is a 503, one ending in `too long` OpenAI's 400
 * for a prompt too long. Prompts starting with `slow` are answered after 50 ms, `batch` ones through `batchGate`.
 */
const togetherLike = (label: string, healthy = false) => (request: RecordedRequest, response: ServerResponse) => {
  const body = request.body as { prompt: string; n?: number };
  open.now += 1;
  open.most = Math.max(open.most, open.now);
  response.on('close', () => (open.now -= 1));
  if (!healthy && body.prompt === 'hang') {
    hangingCallClosed = new Promise((resolve) => response.on('close', () => resolve()));
    return;
  }
  const answer = () => {
    if (healthy) return answerWithChoices(label, body, response);
    if (body.prompt === 'overloaded') return sendJson(response, 503, { error: { message: 'The engine is currently overloaded, please try again later', type: 'server_error', param: null, code: null } });
    if (body.prompt.endsWith('too long')) return sendJson(response, 400, readJsonFixture('openai', 'error-400-context-length.json'));
    answerWithChoices(label, body, response);
  };
  if (body.prompt.startsWith('slow')) setTimeout(answer, 50);
  else if (body.prompt.startsWith('batch')) batchGate.hold(answer);
  else answer();
};

function answerWithChoices(label: string, body: { prompt: string; n?: number }, response: ServerResponse): void {
  const answer = readJsonFixture<Record<string, unknown>>('openai', 'completions.response.json');
  const choices = Array.from({ length: body.n ?? 1 }, (_, index) => ({ text: `${label}: ${body.prompt} #${index}`, index, logprobs: null, finish_reason: 'stop' }));
  const usage = { prompt_tokens: body.prompt.length, completion_tokens: 10, total_tokens: body.prompt.length + 10 };
  sendJson(response, 200, { ...answer, choices, usage });
}

/** Anthropic's Messages API answering a completions call with `Claude: <prompt>`, its prompt's length as `input_tokens`. */
function anthropic(request: RecordedRequest, response: ServerResponse): void {
  const prompt = (request.body as { messages: { content: string }[] }).messages[0].content;
  const answer = readJsonFixture<Record<string, unknown> & { usage: Record<string, unknown> }>('anthropic', 'completions.response.json');
  sendJson(response, 200, { ...answer, content: [{ type: 'text', text: `Claude: ${prompt}` }], usage: { ...answer.usage, input_tokens: prompt.length } });
}

// Together AI requires `max_tokens`: the endpoint's default, when the client sends none.
const togetherEndpoint = (name: string, url: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: togetherai, name: mistralai/Mixtral-8x7B-v0.1, config: { togetherai_api_key: k, togetherai_api_base: "${url}/v1", max_tokens: 16 } }
    retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }${extra}`;

const config = (urls: { together: string; backup: string; anthropic: string }) => `
endpoints:${[
  togetherEndpoint('together', urls.together),
  togetherEndpoint('backup', urls.backup),
  togetherEndpoint('limited', urls.together, '\n    limit: { renewal_period: minute, calls: 1 }'),
  togetherEndpoint('summed-tokens', urls.together, '\n    limit: { renewal_period: minute, tokens: 30 }'),
  togetherEndpoint('failure-tokens', urls.together, '\n    limit: { renewal_period: minute, tokens: 15 }'),
  togetherEndpoint('silent-tokens', urls.together, '\n    limit: { renewal_period: minute, tokens: 2 }\n    timeouts: { first_byte: 0.3 }'),
].join('')}
  - name: anthropic
    endpoint_type: llm/v1/completions
    model: { provider: anthropic, name: claude-haiku-4-5, config: { anthropic_api_key: k, anthropic_api_base: "${urls.anthropic}/v1" } }
routes:
  - { name: with-backup, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: together }, { name: backup }] }
`;

const log = captureLog();
const setup = useGatewayWithUpstreams({ upstreams: { together: togetherLike('gpt'), backup: togetherLike('backup', true), anthropic }, config, validateResponses: true, logger: log.logger });
const promptsSent = (vendor: 'together' | 'backup' | 'anthropic') =>
  setup.upstreams[vendor].requests.map((request) => {
    const body = request.body as { prompt?: string; messages?: { content: string }[] };
    return body.prompt ?? body.messages?.[0].content;
  });

beforeEach(() => {
  open.most = 0;
  batchGate.reset();
});

test("each prompt's n choices in turn, numbered prompt × n + choice, usage summed; one call per prompt, its other parameters unchanged", async () => {
  const from = log.lines.length;
  const completion = await setup.openai.completions.create({ model: 'together', prompt: ['Bonjour', 'Un café', 'Merci'], n: 2, max_tokens: 16, temperature: 0.2 });
  expect(completion.choices.map(({ index, text }) => ({ index, text }))).toEqual([
    { index: 0, text: 'gpt: Bonjour #0' },
    { index: 1, text: 'gpt: Bonjour #1' },
    { index: 2, text: 'gpt: Un café #0' },
    { index: 3, text: 'gpt: Un café #1' },
    { index: 4, text: 'gpt: Merci #0' },
    { index: 5, text: 'gpt: Merci #1' },
  ]);
  expect(completion.usage).toEqual({ prompt_tokens: 7 + 7 + 5, completion_tokens: 30, total_tokens: 49 });
  expect(completion).toMatchObject({ id: 'cmpl-BZq5cW4hN7pLx2YtR9aVm3Ks0', object: 'text_completion', model: 'gpt-3.5-turbo-instruct:20230824-v2' });
  const bodies = setup.upstreams.together.requests.map((request) => request.body);
  expect(bodies).toHaveLength(3);
  expect(bodies).toEqual(expect.arrayContaining(['Bonjour', 'Un café', 'Merci'].map((prompt) => ({ model: 'mistralai/Mixtral-8x7B-v0.1', prompt, n: 2, max_tokens: 16, temperature: 0.2 }))));
  // One audit line for the request, with the summed counts.
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(line).toMatchObject({ endpoint: 'together', status: 200, prompt_tokens: 19, completion_tokens: 30, total_tokens: 49 });
});

test("another provider's answers are joined the same way (Anthropic)", async () => {
  const completion = await setup.openai.completions.create({ model: 'anthropic', prompt: ['Bonjour', 'Salut tout le monde'], max_tokens: 32 });
  expect(completion.choices.map(({ index, text, finish_reason }) => ({ index, text, finish_reason }))).toEqual([
    { index: 0, text: 'Claude: Bonjour', finish_reason: 'length' },
    { index: 1, text: 'Claude: Salut tout le monde', finish_reason: 'length' },
  ]);
  // The fixture's cache counts (0) are summed too.
  expect(completion.usage).toEqual({ prompt_tokens: 7 + 19, completion_tokens: 32, total_tokens: 58, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } });
  expect(promptsSent('anthropic').sort()).toEqual(['Bonjour', 'Salut tout le monde']);
});

test('at most 8 calls at once; the 20 prompts of a LangChain batch come back in order', async () => {
  const prompts = Array.from({ length: 20 }, (_, index) => `batch ${index}`);
  const completion = await setup.openai.completions.create({ model: 'together', prompt: prompts });
  expect(completion.choices.map((choice) => choice.text)).toEqual(prompts.map((prompt) => `gpt: ${prompt} #0`));
  expect(setup.upstreams.together.requests).toHaveLength(20);
  expect(open.most).toBe(8);
});

test('more than 20 prompts are a 400 before any call', async () => {
  const prompts = Array.from({ length: 21 }, () => 'Bonjour');
  await expect(setup.openai.completions.create({ model: 'together', prompt: prompts })).rejects.toMatchObject({
    status: 400,
    param: 'prompt',
    error: expect.objectContaining({ message: "The parameter 'prompt' holds 21 prompts: at most 20 per request." }),
  });
  expect(setup.upstreams.together.requests).toHaveLength(0);
});

test('a prompt refused fails the whole request with its error, and the call still running is ended', async () => {
  await expect(setup.openai.completions.create({ model: 'together', prompt: ['hang', 'too long'] })).rejects.toMatchObject({ status: 400, code: 'context_length_exceeded' });
  await hangingCallClosed;
  expect(promptsSent('together').sort()).toEqual(['hang', 'too long']);
});

test('a prompt failing after its retries fails the request; a FALLBACK route then answers every prompt from its next destination', async () => {
  await expect(setup.openai.completions.create({ model: 'together', prompt: ['Bonjour', 'overloaded'] })).rejects.toMatchObject({ status: 502 });
  expect(promptsSent('together').filter((prompt) => prompt === 'overloaded')).toHaveLength(2);
  setup.upstreams.together.requests.length = 0;

  const { data, response } = await setup.openai.completions.create({ model: 'with-backup', prompt: ['Bonjour', 'overloaded'] }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('backup');
  expect(data.choices.map((choice) => choice.text)).toEqual(['backup: Bonjour #0', 'backup: overloaded #0']);
  expect(promptsSent('backup').sort()).toEqual(['Bonjour', 'overloaded']);
});

test("an endpoint's calls limit counts the request once, as OpenAI's request limit does", async () => {
  const completion = await setup.openai.completions.create({ model: 'limited', prompt: ['a', 'b', 'c'] });
  expect(completion.choices).toHaveLength(3);
  await expect(setup.openai.completions.create({ model: 'limited', prompt: 'd' })).rejects.toMatchObject({ status: 429 });
  expect(setup.upstreams.together.requests).toHaveLength(3);
});

test("a token limit counts every prompt's tokens, also those of a prompt answered before another failed", async () => {
  // 17 + 17 tokens spend the 30 of the window: the next request is refused.
  await setup.openai.completions.create({ model: 'summed-tokens', prompt: ['Bonjour', 'Un café'] });
  await expect(setup.openai.completions.create({ model: 'summed-tokens', prompt: 'Bonjour' })).rejects.toMatchObject({ status: 429 });
  // The 17 tokens of `Bonjour`, answered before the other prompt was refused, spend the 15 of the window.
  await expect(setup.openai.completions.create({ model: 'failure-tokens', prompt: ['Bonjour', 'slow and too long'] })).rejects.toMatchObject({ status: 400 });
  await expect(setup.openai.completions.create({ model: 'failure-tokens', prompt: 'Bonjour' })).rejects.toMatchObject({ status: 429 });
});

test("a prompt's call the provider had, then a first_byte timeout, counts its prompt's estimate, as one prompt's call does", async () => {
  // Both `hang` calls were sent and went unanswered past first_byte: about a token each, the 2 of the window.
  await expect(setup.openai.completions.create({ model: 'silent-tokens', prompt: ['hang', 'hang'] }, { maxRetries: 0 })).rejects.toMatchObject({ status: 504 });
  await expect(setup.openai.completions.create({ model: 'silent-tokens', prompt: 'Bonjour' }, { maxRetries: 0 })).rejects.toMatchObject({ status: 429 });
});

test('the MLflow routes still take one prompt: several are a 422, a list of one is that prompt', async () => {
  const post = (prompt: unknown) =>
    fetch(`${setup.gateway.url}/endpoints/together/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt }) });
  const refused = await post(['a', 'b']);
  expect(refused.status).toBe(422);
  expect(await refused.json()).toMatchObject({ detail: expect.stringContaining('/v1/completions takes several') });
  expect(setup.upstreams.together.requests).toHaveLength(0);
  expect((await post(['Bonjour'])).status).toBe(200);
  expect(promptsSent('together')).toEqual(['Bonjour']);
});
