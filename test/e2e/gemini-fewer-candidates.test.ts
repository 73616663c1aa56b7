/**
 * Gemini answering fewer candidates than `n` asked for, end to end: the official OpenAI client
 * through `/v1` (responses and stream chunks validated against openapi/), the gateway calling a fake
 * Gemini API on 127.0.0.1 that answers two candidates of three (test/fixtures/gemini
 * chat-fewer-candidates). Streamed or not, the client gets the two; a stream cut before its
 * candidates finished still ends in an error.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { validateChatChunk } from '../../generated/request-validators';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { pythonStreamMessage } from '../support/openai-python-accumulate';

function serveFewerCandidates(request: RecordedRequest, response: ServerResponse): void {
  if (request.url.includes('streamGenerateContent')) sendStream(response, readFixture('gemini', 'chat-fewer-candidates.stream.sse'));
  else sendJson(response, 200, readJsonFixture('gemini', 'chat-fewer-candidates.response.json'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: serveFewerCandidates },
  config: (urls) => `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: gemini, name: gemini-2.5-flash-lite, config: { gemini_api_key: AIzaSyTEST-fewer, gemini_api_base: "${urls.gemini}/v1beta" } } }
  - { name: completions, endpoint_type: llm/v1/completions, model: { provider: gemini, name: gemini-2.5-flash-lite, config: { gemini_api_key: AIzaSyTEST-fewer, gemini_api_base: "${urls.gemini}/v1beta" } } }
`,
  validateResponses: true,
});

const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Écris un haïku d’automne.' }];
const TEXTS = ['Un haïku d’automne :\nle vent fait danser les feuilles 🍂', 'Feuilles rousses,\nla pluie sur l’étang —'];
const BOTH_CANDIDATES = { prompt_tokens: 12, completion_tokens: 24, total_tokens: 36 };
const sentGenerationConfig = () => (setup.upstreams.gemini.requests[0].body as { generationConfig: unknown }).generationConfig;

test('not streamed: n 3 asks Gemini for three candidates; the two that came are the answer, choices 0 and 1', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'chat', messages, n: 3 });
  expect(sentGenerationConfig()).toEqual({ candidateCount: 3 });
  expect(completion.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
    [0, TEXTS[0], 'stop'],
    [1, TEXTS[1], 'length'],
  ]);
  expect(completion.usage).toMatchObject(BOTH_CANDIDATES);
});

test('streamed: both candidates to their finish, the usage once on the last chunk, then [DONE] (no error)', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, n: 3, stream: true, stream_options: { include_usage: true } });
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) {
    expect(validateChatChunk(chunk)).toBe(true);
    chunks.push(chunk);
  }
  expect(sentGenerationConfig()).toEqual({ candidateCount: 3 });
  const textOf = (index: number) => chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.index === index).map((choice) => choice.delta.content ?? '')).join('');
  expect([textOf(0), textOf(1)]).toEqual(TEXTS);
  expect(chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => [choice.index, choice.finish_reason]))).toEqual([
    [0, 'stop'],
    [1, 'length'],
  ]);
  expect(chunks.filter((chunk) => chunk.usage).map((chunk) => chunk.usage)).toEqual([BOTH_CANDIDATES]);
  expect(chunks[chunks.length - 1].usage).toEqual(BOTH_CANDIDATES);
});

test("the clients' stream helpers end with the two choices: openai node's finalChatCompletion(), openai-python's accumulation of choice 0", async () => {
  const final = await setup.openai.chat.completions.stream({ model: 'chat', messages, n: 3 }).finalChatCompletion();
  expect(final.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
    [0, TEXTS[0], 'stop'],
    [1, TEXTS[1], 'length'],
  ]);
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, n: 3, stream: true });
  expect(await pythonStreamMessage(stream)).toMatchObject({ role: 'assistant', content: TEXTS[0] });
});

test('completions streamed: the two texts and the usage, no error', async () => {
  const stream = await setup.openai.completions.create({ model: 'completions', prompt: 'Écris un haïku d’automne.', n: 3, stream: true, stream_options: { include_usage: true } });
  const texts = ['', ''];
  const usages: unknown[] = [];
  for await (const chunk of stream) {
    for (const choice of chunk.choices) texts[choice.index] += choice.text ?? '';
    if (chunk.usage) usages.push(chunk.usage);
  }
  expect(texts).toEqual(TEXTS);
  expect(usages).toEqual([BOTH_CANDIDATES]);
});

test('a stream cut after its text began, before the candidates finished, still ends in the error event', async () => {
  const [first, second] = readFixture('gemini', 'chat-fewer-candidates.stream.sse').split('\r\n\r\n');
  setup.upstreams.gemini.setHandler((_request, response) => sendStream(response, `${first}\r\n\r\n${second}\r\n\r\n`));
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages, n: 3, stream: true });
  let text = '';
  const failure = await (async () => {
    for await (const chunk of stream) text += chunk.choices.map((choice) => choice.delta.content ?? '').join('');
  })().catch((caught: unknown) => caught);
  expect(text).not.toBe('');
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  expect((failure as InstanceType<typeof OpenAI.APIError>).message).toContain('Gemini ended the stream before the answer was complete (no finishReason).');
});
