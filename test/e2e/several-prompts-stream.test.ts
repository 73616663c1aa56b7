/**
 * Several prompts in one streamed `/v1/completions` request (`prompt: [...]`, `stream: true`), through
 * the official openai client against a fake Gemini API on 127.0.0.1, which takes one prompt per call
 * (`n` as `candidateCount`): each prompt's stream is a call of its own, their chunks come merged as
 * they arrive, numbered as OpenAI numbers them, with one usage chunk at the end; a failure before any
 * chunk is a real status (and a FALLBACK route moves on), one after them an `event: error` that ends
 * the other calls, and a client that leaves ends them all.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { createCallGate } from '../support/call-gate';
import { readFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';

/** chat-two-candidates.stream.sse (`candidateCount: 2`) as event objects: usage 8 prompt, 27 candidates, 35 in all. */
const FIXTURE_EVENTS = readFixture('gemini', 'chat-two-candidates.stream.sse')
  .split('\r\n\r\n')
  .filter((event) => event !== '')
  .map((event) => JSON.parse(event.slice('data: '.length)) as { candidates: { content: { parts: { text: string }[] } }[] });
/** Gemini's 500 as a stream event, from error-midstream.stream.sse. */
const INTERNAL_ERROR = readFixture('gemini', 'error-midstream.stream.sse').split('\r\n\r\n')[1] + '\r\n\r\n';

/** The fixture's events for one prompt: the first piece of each candidate starts with `[<prompt>] `. */
function eventsFor(prompt: string): string[] {
  return FIXTURE_EVENTS.map((event, position) => {
    if (position > 0) return event;
    const candidates = event.candidates.map((candidate) => ({ ...candidate, content: { ...candidate.content, parts: candidate.content.parts.map((part) => ({ ...part, text: `[${prompt}] ${part.text}` })) } }));
    return { ...event, candidates };
  }).map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`);
}

/** What the client reads for choice 0 and 1 of a prompt. */
const textsOf = (prompt: string) => [`[${prompt}] Le ciel est bleu grâce à la diffusion Rayleigh.`, `[${prompt}] À cause de la diffusion de la lumière bleue par l'air ☁️.`];

/** Prompts whose stream waits for the test after its first event, by prompt; and the calls open now, and the most seen. */
const held = new Map<string, () => void>();
const open = { now: 0, most: 0 };
/** The 20 calls of a batch, answered once 8 are open at once (the gateway's cap) or the last has come. */
const batchGate = createCallGate({ open: 8, total: 20 });
/** Resolves when the gateway closes the call of a prompt (by prompt, as the calls arrive). */
const closed = new Map<string, Promise<void>>();

/**
 * Gemini's streamGenerateContent, each prompt answered with the fixture's events. Unless `healthy`,
 * by prompt: `hang` is never answered; `overloaded` is Gemini's 503; one starting with `held` sends
 * its first event, then the rest when the test releases it; `fails midway` the same, then Gemini's
 * 500 as a stream event; one starting with `batch` is answered through `batchGate`.
 */
const geminiLike = (healthy: boolean) => (request: RecordedRequest, response: ServerResponse) => {
  const prompt = (request.body as { contents: { parts: { text: string }[] }[] }).contents[0].parts[0].text;
  open.now += 1;
  open.most = Math.max(open.most, open.now);
  closed.set(prompt, new Promise((resolve) => response.on('close', () => resolve())));
  response.on('close', () => (open.now -= 1));
  const events = eventsFor(prompt);
  if (healthy || !/^(hang|overloaded|held|fails midway|batch)/.test(prompt)) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(events.join(''));
    return;
  }
  if (prompt === 'hang') return;
  if (prompt === 'overloaded') return sendJson(response, 503, { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } });
  if (prompt.startsWith('batch')) {
    batchGate.hold(() => (response.writeHead(200, { 'content-type': 'text/event-stream' }), response.end(events.join(''))));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(events[0]);
  held.set(prompt, () => response.end(prompt === 'fails midway' ? INTERNAL_ERROR : events.slice(1).join('')));
};

const geminiEndpoint = (name: string, url: string, extra = '') => `
  - name: ${name}
    endpoint_type: llm/v1/completions
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: AIzaSyTEST-prompts, gemini_api_base: "${url}/v1beta" } }
    retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.02 }${extra}`;

const log = captureLog();
const setup = useGatewayWithUpstreams({
  upstreams: { gemini: geminiLike(false), backup: geminiLike(true) },
  config: (urls) => `
endpoints:${[geminiEndpoint('gemini', urls.gemini), geminiEndpoint('backup', urls.backup), geminiEndpoint('limited', urls.gemini, '\n    limit: { renewal_period: minute, tokens: 60 }')].join('')}
routes:
  - { name: with-backup, task_type: llm/v1/completions, routing_strategy: FALLBACK, destinations: [{ name: gemini }, { name: backup }] }
`,
  validateResponses: true,
  logger: log.logger,
});

beforeEach(() => {
  held.clear();
  closed.clear();
  open.most = 0;
  batchGate.reset();
});

/** Waits until the fake has the call of `prompt` (the gateway sent it). */
async function callOf(prompt: string): Promise<void> {
  while (!closed.has(prompt)) await new Promise((resolve) => setTimeout(resolve, 5));
}

const textByIndex = (chunks: OpenAI.Completions.Completion[]) => {
  const texts: string[] = [];
  for (const chunk of chunks) for (const choice of chunk.choices) texts[choice.index] = (texts[choice.index] ?? '') + choice.text;
  return texts;
};

const tokensOf = (line: Record<string, unknown>) => ({ prompt_tokens: line.prompt_tokens, completion_tokens: line.completion_tokens, total_tokens: line.total_tokens });

test("the prompts' chunks come as they arrive, numbered prompt × n + choice, under one id; one last chunk sums every prompt's usage", async () => {
  const from = log.lines.length;
  const stream = await setup.openai.completions.create({ model: 'gemini', prompt: ['held A', 'B', 'C'], n: 2, stream: true, stream_options: { include_usage: true } });
  const chunks: OpenAI.Completions.Completion[] = [];
  const finishes: number[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
    for (const choice of chunk.choices) if (choice.finish_reason !== null) finishes.push(choice.index);
    // B and C have finished while A's call is still open: the rest of A comes only now.
    if (finishes.length === 4) held.get('held A')!();
  }
  expect(finishes.slice(0, 4).sort()).toEqual([2, 3, 4, 5]);
  expect(finishes.slice(4)).toEqual([0, 1]);
  expect(textByIndex(chunks)).toEqual([...textsOf('held A'), ...textsOf('B'), ...textsOf('C')]);
  expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  // OpenAI's usage chunk: the last, without choices; no other chunk carries the prompts' own usage.
  const last = chunks[chunks.length - 1];
  expect(last).toMatchObject({ choices: [], usage: { prompt_tokens: 24, completion_tokens: 81, total_tokens: 105 } });
  expect(chunks.slice(0, -1).filter((chunk) => chunk.usage != null)).toEqual([]);
  const sent = setup.upstreams.gemini.requests.map((request) => request.body as { contents: { parts: { text: string }[] }[]; generationConfig: unknown });
  expect(sent.map((body) => body.contents[0].parts[0].text).sort()).toEqual(['B', 'C', 'held A']);
  expect(sent.map((body) => body.generationConfig)).toEqual(Array(3).fill({ candidateCount: 2 }));
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(line).toMatchObject({ endpoint: 'gemini', stream: true, status: 200, prompt_tokens: 24, completion_tokens: 81, total_tokens: 105 });
});

test("without include_usage no chunk carries usage, and the audit line still counts every prompt's", async () => {
  const from = log.lines.length;
  const stream = await setup.openai.completions.create({ model: 'gemini', prompt: ['B', 'C'], n: 2, stream: true });
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(textByIndex(chunks)).toEqual([...textsOf('B'), ...textsOf('C')]);
  expect(chunks.filter((chunk) => chunk.usage != null || chunk.choices.length === 0)).toEqual([]);
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  expect(tokensOf(line)).toEqual({ prompt_tokens: 16, completion_tokens: 54, total_tokens: 70 });
});

test('at most 8 calls at once; the 20 prompts of a LangChain batch each get their two choices', async () => {
  const prompts = Array.from({ length: 20 }, (_, index) => `batch ${index}`);
  const stream = await setup.openai.completions.create({ model: 'gemini', prompt: prompts, n: 2, stream: true });
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(textByIndex(chunks)).toEqual(prompts.flatMap(textsOf));
  expect(setup.upstreams.gemini.requests).toHaveLength(20);
  expect(open.most).toBe(8);
});

test("a failure before any prompt's first chunk is the request's status and ends the other calls; a FALLBACK route then streams every prompt from its next destination", async () => {
  await expect(setup.openai.completions.create({ model: 'gemini', prompt: ['hang', 'overloaded'], n: 2, stream: true })).rejects.toMatchObject({ status: 502, code: 'upstream_error' });
  await closed.get('hang');
  expect(setup.upstreams.gemini.requests.map((request) => (request.body as { contents: { parts: { text: string }[] }[] }).contents[0].parts[0].text).filter((prompt) => prompt === 'overloaded')).toHaveLength(2);

  const { data: stream, response } = await setup.openai.completions.create({ model: 'with-backup', prompt: ['hang', 'overloaded'], n: 2, stream: true }).withResponse();
  expect(response.headers.get('x-gateway-endpoint')).toBe('backup');
  const chunks: OpenAI.Completions.Completion[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(textByIndex(chunks)).toEqual([...textsOf('hang'), ...textsOf('overloaded')]);
});

test("a failure after chunks were sent ends the stream with an error event and ends the other prompts' calls", async () => {
  const from = log.lines.length;
  const stream = await setup.openai.completions.create({ model: 'gemini', prompt: ['fails midway', 'held E', 'hang'], n: 2, stream: true });
  const chunks: OpenAI.Completions.Completion[] = [];
  const read = async () => {
    for await (const chunk of stream) {
      chunks.push(chunk);
      if (chunks.length === 1) {
        await callOf('fails midway');
        held.get('fails midway')!();
      }
    }
  };
  await expect(read()).rejects.toThrow('An internal error has occurred.');
  await Promise.all([callOf('held E'), callOf('hang')]);
  await Promise.all([closed.get('held E'), closed.get('hang')]);
  expect(chunks.length).toBeGreaterThan(0);
  const line = await waitForLogLine(log.lines, (entry) => entry.msg === 'request', { from });
  // Each prompt sent counts: reported usage there is none, so the estimates of the three prompts (3 + 2 + 1 tokens) and of what came.
  expect(line).toMatchObject({ status: 200, tokens_estimated: true, prompt_tokens: 6, error: { code: 'upstream_error' } });
});

test("a client that leaves ends every prompt's call", async () => {
  const controller = new AbortController();
  const stream = await setup.openai.completions.create({ model: 'gemini', prompt: ['held F', 'held G', 'hang'], n: 2, stream: true }, { signal: controller.signal });
  // The openai client ends its loop quietly on its own abort.
  for await (const _chunk of stream) controller.abort();
  expect(controller.signal.aborted).toBe(true);
  await Promise.all(['held F', 'held G', 'hang'].map(callOf));
  await Promise.all(['held F', 'held G', 'hang'].map((prompt) => closed.get(prompt)));
});

test("a token limit counts every prompt's tokens of a stream", async () => {
  // 35 + 35 tokens spend the 60 of the window: the next request is refused.
  const stream = await setup.openai.completions.create({ model: 'limited', prompt: ['B', 'C'], n: 2, stream: true });
  for await (const _chunk of stream) {
    // read to the end
  }
  await expect(setup.openai.completions.create({ model: 'limited', prompt: 'B', n: 2 })).rejects.toMatchObject({ status: 429 });
});

test('the MLflow routes refuse several prompts streamed too (422), as MLflow refuses a list', async () => {
  const answer = await fetch(`${setup.gateway.url}/endpoints/gemini/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: ['a', 'b'], stream: true }) });
  expect(answer.status).toBe(422);
  expect(await answer.json()).toMatchObject({ detail: expect.stringContaining('/v1/completions takes several') });
  expect(setup.upstreams.gemini.requests).toHaveLength(0);
});
