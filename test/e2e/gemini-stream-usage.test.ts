/**
 * Gemini's token counts as the client, the audit line and the metrics read them, over real HTTP
 * against a fake Gemini API on 127.0.0.1: a stream of several candidates (`n` → `candidateCount`)
 * reports its usage once, covering every candidate, as the answer not streamed does; the tokens of
 * the results of tools Gemini ran itself count in the prompt, streamed or not.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, sendStream, startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { startGateway, type RunningGateway } from '../support/gateway';
import { captureLog, waitForLogLine } from '../support/log-capture';
import { sample } from '../support/metrics';

/** The fixture `<name>`: its `.stream.sse` for streamGenerateContent, its `.response.json` for generateContent. */
let fixture = 'chat-two-candidates';
const serve = (request: RecordedRequest, response: ServerResponse): void => {
  if (request.url.includes('streamGenerateContent')) sendStream(response, readFixture('gemini', `${fixture}.stream.sse`));
  else sendJson(response, 200, readJsonFixture('gemini', `${fixture}.response.json`));
};

let upstream: FakeUpstream;
let gateway: RunningGateway;
let client: OpenAI;
const { lines, logger } = captureLog();

beforeAll(async () => {
  upstream = await startFakeUpstream(serve);
  const config = `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: AIzaSyTEST-usage, gemini_api_base: "${upstream.url}/v1beta" } }
  - name: completions
    endpoint_type: llm/v1/completions
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: AIzaSyTEST-usage, gemini_api_base: "${upstream.url}/v1beta" } }
`;
  gateway = await startGateway(config, { logger });
  client = openaiClientFor(gateway);
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Pourquoi le ciel est-il bleu ?' }];

const TOKEN_FIELDS = ['prompt_tokens', 'completion_tokens', 'total_tokens'];
const tokensOf = (line: Record<string, unknown>) => Object.fromEntries(Object.entries(line).filter(([key]) => TOKEN_FIELDS.includes(key)));

/** The audit line of the next request, once written. */
async function auditLineOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const from = lines.length;
  await run();
  return waitForLogLine(lines, (line) => line.msg === 'request', { from });
}

describe('a stream of two candidates (n: 2) whose first finishes before the second', () => {
  const ALL_CANDIDATES = { prompt_tokens: 8, completion_tokens: 27, total_tokens: 35 };

  test('chat: each choice gets its text and finish; the usage comes once, on the last finish, covering both; the audit line and metrics count it once', async () => {
    fixture = 'chat-two-candidates';
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    const line = await auditLineOf(async () => {
      const stream = await client.chat.completions.create({ model: 'chat', messages, n: 2, stream: true, stream_options: { include_usage: true } });
      for await (const chunk of stream) chunks.push(chunk);
    });
    expect((upstream.requests[upstream.requests.length - 1].body as { generationConfig: unknown }).generationConfig).toEqual({ candidateCount: 2 });
    const textOf = (index: number) => chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.index === index).map((choice) => choice.delta.content ?? '')).join('');
    expect([textOf(0), textOf(1)]).toEqual(['Le ciel est bleu grâce à la diffusion Rayleigh.', "À cause de la diffusion de la lumière bleue par l'air ☁️."]);
    expect(chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => [choice.index, choice.finish_reason]))).toEqual([
      [0, 'stop'],
      [1, 'stop'],
    ]);
    const withUsage = chunks.filter((chunk) => chunk.usage);
    expect(withUsage.map((chunk) => chunk.usage)).toEqual([ALL_CANDIDATES]);
    expect(withUsage[0]).toBe(chunks[chunks.length - 1]);
    expect(tokensOf(line)).toEqual(ALL_CANDIDATES);

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'chat', client: '', type: 'completion' })).toBe(27);
    expect(sample(metrics, 'gateway_tokens_total', { endpoint: 'chat', client: '', type: 'prompt' })).toBe(8);
  });

  test('completions: the same usage, once', async () => {
    fixture = 'chat-two-candidates';
    const stream = await client.completions.create({ model: 'completions', prompt: 'Pourquoi le ciel est-il bleu ?', n: 2, stream: true, stream_options: { include_usage: true } });
    const usages = [];
    for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage);
    expect(usages).toEqual([ALL_CANDIDATES]);
  });
});

describe('an answer grounded with Google Search (toolUsePromptTokenCount)', () => {
  // 14 prompt + 389 tool-use prompt tokens; 41 candidates + 172 thoughts tokens: Gemini's totalTokenCount, 616.
  const WITH_TOOL_USE = { prompt_tokens: 403, completion_tokens: 213, total_tokens: 616, completion_tokens_details: { reasoning_tokens: 172 } };

  test('the tool results count in prompt_tokens, so prompt + completion = total, in the answer, the stream and the audit line', async () => {
    fixture = 'chat-google-search';
    const answered = await auditLineOf(async () => {
      const completion = await client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Quelle est la hauteur de la tour Eiffel ?' }] });
      expect(completion.usage).toEqual(WITH_TOOL_USE);
    });
    expect(tokensOf(answered)).toEqual({ prompt_tokens: 403, completion_tokens: 213, total_tokens: 616 });

    const streamed = await auditLineOf(async () => {
      const stream = await client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Quelle est la hauteur de la tour Eiffel ?' }], stream: true, stream_options: { include_usage: true } });
      const usages = [];
      for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage);
      expect(usages).toEqual([WITH_TOOL_USE]);
    });
    expect(tokensOf(streamed)).toEqual({ prompt_tokens: 403, completion_tokens: 213, total_tokens: 616 });
  });
});
