/**
 * Token limits on calls without a stream that the provider answered without a usable total (no
 * usage, as Gemini's embeddings, MLflow model serving, MosaicML, PaLM and OpenAI-compatible servers
 * that leave it out; or `prompt_tokens` alone): like a stream that ends without usage
 * (stream-token-limits.test.ts), such an answer counts the estimate of its prompt (or the reported
 * prompt) plus the estimate of what it generated; the audit line shows it with `tokens_estimated`,
 * and the client gets the answer as the provider gave it. Before, it counted nothing, so a token
 * limit never tripped. An OpenAI-compatible server behind `openai_api_base` and Gemini's embeddings
 * (https://ai.google.dev/api/embeddings), fakes on 127.0.0.1; the official OpenAI client.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { sendJson, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { answeredThenRefused, tokensUsed } from '../support/token-limit-failures';

const BASE = { id: 'answer-1', created: 1_767_225_600, model: 'local-model' };

/**
 * A chat answer (reasoning and text) without usage, or with `prompt_tokens` alone when the prompt is
 * "prompt only"; a completion per prompt, without usage.
 */
function compatible(request: RecordedRequest, response: ServerResponse): void {
  const body = request.body as { messages?: { content: string }[]; prompt?: string };
  if (body.prompt !== undefined) {
    return sendJson(response, 200, { ...BASE, object: 'text_completion', choices: [{ index: 0, text: 'Once upon a time', finish_reason: 'stop' }] });
  }
  const content = body.messages![0].content;
  const usage = content === 'prompt only' ? { usage: { prompt_tokens: 9 } } : content === 'zeros' ? { usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } } : {};
  sendJson(response, 200, {
    ...BASE,
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Blue.', reasoning_content: 'Sky colour' }, finish_reason: 'stop' }],
    ...usage,
  });
}

/** Gemini's embedContent and batchEmbedContents: vectors, no usage (Gemini reports none for embeddings). */
function gemini(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.includes(':batchEmbedContents')) {
    const requests = (request.body as { requests: unknown[] }).requests;
    return sendJson(response, 200, { embeddings: requests.map(() => ({ values: [0.5, -0.25] })) });
  }
  sendJson(response, 200, readJsonFixture('gemini', 'embed-content.response.json'));
}

let compatibleUpstream: FakeUpstream;
let geminiUpstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog('info');

beforeAll(async () => {
  compatibleUpstream = await startFakeUpstream(compatible);
  geminiUpstream = await startFakeUpstream(gemini);
  const local = `{ provider: openai, name: local-model, config: { openai_api_key: sk-test, openai_api_base: "${compatibleUpstream.url}/v1" } }`;
  const embed = `{ provider: gemini, name: gemini-embedding-001, config: { gemini_api_key: AIzaSyTEST, gemini_api_base: "${geminiUpstream.url}/v1beta" } }`;
  const limited = (name: string, type: string, model: string, tokens: number) => `  - { name: ${name}, endpoint_type: ${type}, model: ${model}, limit: { renewal_period: minute, tokens: ${tokens} } }\n`;
  const config =
    'endpoints:\n' +
    limited('chat', 'llm/v1/chat', local, 8) +
    limited('chat-prompt-only', 'llm/v1/chat', local, 13) +
    limited('chat-zeros', 'llm/v1/chat', local, 8) +
    limited('completions', 'llm/v1/completions', local, 7) +
    limited('several', 'llm/v1/completions', local, 16) +
    limited('embeddings', 'llm/v1/embeddings', embed, 3) +
    limited('embeddings-batch', 'llm/v1/embeddings', embed, 4) +
    `  - { name: unlimited, endpoint_type: llm/v1/chat, model: ${local} }\n`;
  gateway = await startGateway(config, { logger });
  client = openaiClientFor(gateway);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([compatibleUpstream.close(), geminiUpstream.close()]);
});

const UNKNOWN_USAGE = { prompt_tokens: null, completion_tokens: null, total_tokens: null };

test('a chat answer without usage counts its prompt\'s estimate and its reasoning and text\'s: the next request is refused; the client gets no made-up usage', async () => {
  const result = await answeredThenRefused(lines, 'chat', () => client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Name a colour.' }] }));
  expect(result.answer.choices[0].message.content).toBe('Blue.');
  expect(result.answer.usage).toEqual(UNKNOWN_USAGE);
  // Prompt: "user" (8 eighths) and "Name a colour." (31): 5 tokens; generated: "Sky colour" (20) and "Blue." (13): 5 tokens.
  expect(result.line).toMatchObject({ stream: false, prompt_tokens: 5, completion_tokens: 5, total_tokens: 10, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('chat', 8, 10));
});

test('a chat answer with prompt_tokens alone counts that prompt plus the estimate of what it generated', async () => {
  const result = await answeredThenRefused(lines, 'chat-prompt-only', () => client.chat.completions.create({ model: 'chat-prompt-only', messages: [{ role: 'user', content: 'prompt only' }] }));
  expect(result.answer.usage).toEqual({ prompt_tokens: 9, completion_tokens: null, total_tokens: null });
  expect(result.line).toMatchObject({ prompt_tokens: 9, completion_tokens: 5, total_tokens: 14, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('chat-prompt-only', 13, 14));
});

test('a usage of zeros (a placeholder some servers send) is no count: the answer counts its estimate', async () => {
  const result = await answeredThenRefused(lines, 'chat-zeros', () => client.chat.completions.create({ model: 'chat-zeros', messages: [{ role: 'user', content: 'zeros' }] }));
  expect(result.answer.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  // Prompt: "user" (8 eighths) and "zeros" (10): 3 tokens; generated: "Sky colour" (20) and "Blue." (13): 5 tokens.
  expect(result.line).toMatchObject({ prompt_tokens: 3, completion_tokens: 5, total_tokens: 8, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('chat-zeros', 8, 8));
});

test('a completion without usage counts its prompt and its text', async () => {
  const result = await answeredThenRefused(lines, 'completions', () => client.completions.create({ model: 'completions', prompt: 'Tell me a story' }));
  expect(result.answer.usage).toEqual(UNKNOWN_USAGE);
  // Prompt: 15 letters and spaces, 30 eighths, 4 tokens; text: 16, 32 eighths, 4 tokens.
  expect(result.line).toMatchObject({ prompt_tokens: 4, completion_tokens: 4, total_tokens: 8, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('completions', 7, 8));
});

test('several prompts called one by one, each answered without usage: each prompt counts its own estimate, summed on the line', async () => {
  const result = await answeredThenRefused(lines, 'several', () => client.completions.create({ model: 'several', prompt: ['Tell me a story', 'Tell me a story'] }));
  // One call per prompt: a server behind openai_api_base takes one prompt.
  expect(compatibleUpstream.requests.map((request) => (request.body as { prompt?: unknown }).prompt)).toContainEqual('Tell me a story');
  expect(result.answer.choices).toHaveLength(2);
  expect(result.line).toMatchObject({ prompt_tokens: 8, completion_tokens: 8, total_tokens: 16, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('several', 16, 16));
});

test("Gemini embeddings (no usage) count their input's estimate, nothing generated", async () => {
  const result = await answeredThenRefused(lines, 'embeddings', () => client.embeddings.create({ model: 'embeddings', input: 'A short text', encoding_format: 'float' }));
  expect(result.answer.usage).toEqual({ prompt_tokens: null, total_tokens: null });
  // "A short text" and "float" (the encoding_format sent): 34 eighths, 5 tokens.
  expect(result.line).toMatchObject({ prompt_tokens: 5, completion_tokens: 0, total_tokens: 5, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('embeddings', 3, 5));
});

test('Gemini embeddings of several texts in one batch count every text', async () => {
  const result = await answeredThenRefused(lines, 'embeddings-batch', () => client.embeddings.create({ model: 'embeddings-batch', input: ['first text', 'second text'], encoding_format: 'float' }));
  expect(result.answer.data).toHaveLength(2);
  // "first text", "second text" and "float": 52 eighths, 7 tokens.
  expect(result.line).toMatchObject({ prompt_tokens: 7, completion_tokens: 0, total_tokens: 7, tokens_estimated: true });
  expect(result.next).toMatch(tokensUsed('embeddings-batch', 4, 7));
});

test('without a token limit nothing is estimated: the line shows the answer\'s usage (none), as for a stream that ended normally', async () => {
  const from = lines.length;
  const answer = await client.chat.completions.create({ model: 'unlimited', messages: [{ role: 'user', content: 'Name a colour.' }] });
  expect(answer.usage).toEqual(UNKNOWN_USAGE);
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === 'unlimited', { from });
  expect(line).toMatchObject({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
  expect(line).not.toHaveProperty('tokens_estimated');
});
