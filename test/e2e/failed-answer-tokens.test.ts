/**
 * Token limits and the audit line on answers that fail the gateway's own answer check (answer-check.ts,
 * a 502) and on several prompts called one by one without a stream, one of which fails. A provider
 * served such an answer (and billed it): its usage counts, else its prompt's estimate; before, it
 * counted nothing. A failed request of several prompts counted its answered prompts' usage and its
 * failed prompt's estimate, but its audit line showed none of it. An OpenAI-compatible fake server
 * behind `openai_api_base` on 127.0.0.1 (which gets one call per prompt); the official OpenAI client.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';
import { failedThenRefused, tokensUsed } from '../support/token-limit-failures';

const USAGE = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };

/** A chat answer whose content is a number, which no OpenAI client can read: the answer check refuses it. */
const malformedChat = (usage: unknown) => ({
  id: 'chatcmpl-malformed',
  object: 'chat.completion',
  created: 1_767_225_600,
  model: 'local-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 42 }, finish_reason: 'stop' }],
  ...(usage === undefined ? {} : { usage }),
});

/** A chat answer whose content is a number but whose refusal can be read: the answer check refuses it. */
const readableRefusal = { ...malformedChat(undefined), choices: [{ index: 0, message: { role: 'assistant', content: 42, refusal: 'Blue sky.' }, finish_reason: 'stop' }] };

/**
 * By path and word: a chat answer that fails the check, with usage (`usage`) or without; embeddings
 * with one vector for any number of inputs (with usage); completions answered for "ok" (3 tokens), never for "wait".
 */
function server(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { messages?: { content: string }[]; prompt?: string; input?: unknown };
  if (request.url.endsWith('/embeddings')) {
    return sendJson(response, 200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.5] }], model: 'local-embed', usage: { prompt_tokens: 6, total_tokens: 6 } });
  }
  if (body.messages?.[0].content === 'text') return sendJson(response, 200, readableRefusal);
  if (body.messages !== undefined) return sendJson(response, 200, malformedChat(body.messages[0].content === 'usage' ? USAGE : undefined));
  if (body.prompt === 'wait') return;
  sendJson(response, 200, {
    id: 'cmpl-ok',
    object: 'text_completion',
    created: 1_767_225_600,
    model: 'local-model',
    choices: [{ index: 0, text: 'Fine.', finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
  });
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  upstream = await startFakeUpstream(server);
  const model = `{ provider: openai, name: local-model, config: { openai_api_key: sk-test, openai_api_base: "${upstream.url}/v1" } }`;
  // first_byte is the default where every call is answered, so that no answer can become a timeout on a
  // loaded machine (the file's first call took 370 ms beside four other test runs and a CPU hog); 2 s on
  // completions, whose "wait" prompt waits it out while its "ok" prompt must be answered within it.
  const endpoint = (name: string, type: string, tokens: number, timeouts = '') =>
    `  - { name: ${name}, endpoint_type: ${type}, model: ${model}, limit: { renewal_period: minute, tokens: ${tokens} }, ${timeouts}retries: { max_attempts: 1 } }\n`;
  const config = `endpoints:\n${endpoint('chat', 'llm/v1/chat', 8)}${endpoint('chat-estimated', 'llm/v1/chat', 2)}${endpoint('chat-text', 'llm/v1/chat', 5)}${endpoint('embeddings', 'llm/v1/embeddings', 6)}${endpoint('completions', 'llm/v1/completions', 4, 'timeouts: { first_byte: 2 }, ')}`;
  gateway = await startGateway(config, { logger });
  client = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});


test('a chat answer that fails the answer check counts its usage, shown on its line as reported', async () => {
  const result = await failedThenRefused(lines, 'chat', () => client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'usage' }] }));
  expect(result.status).toBe(502);
  expect(result.line).toMatchObject({ prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 });
  expect(result.line).not.toHaveProperty('tokens_estimated');
  expect(result.next).toMatch(tokensUsed('chat', 8, 8));
});

test("one without usage counts its prompt's estimate (\"user\" and a four-letter word: 2 tokens)", async () => {
  const result = await failedThenRefused(lines, 'chat-estimated', () => client.chat.completions.create({ model: 'chat-estimated', messages: [{ role: 'user', content: 'none' }] }));
  expect(result.status).toBe(502);
  expect(result.line).toMatchObject({ prompt_tokens: 2, completion_tokens: 0, total_tokens: 2, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('chat-estimated', 2, 2));
});

test('one without usage whose text can be read counts that text too: what the provider generated was billed', async () => {
  const result = await failedThenRefused(lines, 'chat-text', () => client.chat.completions.create({ model: 'chat-text', messages: [{ role: 'user', content: 'text' }] }));
  expect(result.status).toBe(502);
  // Prompt: "user" and "text" (16 eighths): 2 tokens; generated: the refusal "Blue sky." (21 eighths): 3 tokens.
  expect(result.line).toMatchObject({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('chat-text', 5, 5));
});

test('embeddings with one vector for two inputs (a 502) count their usage', async () => {
  const result = await failedThenRefused(lines, 'embeddings', () => client.embeddings.create({ model: 'embeddings', input: ['one', 'two'], encoding_format: 'float' }));
  expect(result.status).toBe(502);
  expect(result.line).toMatchObject({ prompt_tokens: 6, total_tokens: 6 });
  expect(result.next).toMatch(tokensUsed('embeddings', 6, 6));
});

test("several prompts, one answered (3 tokens) and one timed out (its prompt's estimate, 1): the line shows the 4 counted", async () => {
  const result = await failedThenRefused(lines, 'completions', () => client.completions.create({ model: 'completions', prompt: ['ok', 'wait'] }));
  expect(result.status).toBe(504);
  expect(result.line).toMatchObject({ stream: false, prompt_tokens: 2, completion_tokens: 2, total_tokens: 4, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('completions', 4, 4));
});
