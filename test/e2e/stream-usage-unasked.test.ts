/**
 * Newer llama.cpp servers end a chat stream with a usage chunk (`choices: []`, `usage`) even when
 * the client did not ask for it with `stream_options.include_usage`; the OpenAI client would then
 * read a chunk without choices. A client that did not ask never gets such a chunk (its tokens are
 * still counted); a client that asked gets it as sent. Over real HTTP: a fake llama.cpp server on
 * 127.0.0.1 behind `openai_api_base`, the official OpenAI client against `/v1` and fetch against
 * the MLflow routes.
 */
import type OpenAI from 'openai';
import { sendStream, startFakeUpstream, type FakeUpstream } from '../support/fake-upstream';
import { parseSse, startGateway, type RunningGateway } from '../support/gateway';
import { openaiClientFor } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';

const CHAT = { messages: [{ role: 'user' as const, content: 'Un café ?' }] };
const USAGE = { completion_tokens: 3, prompt_tokens: 12, total_tokens: 15 };

/** llama.cpp's server (b6000 and later): its chunk shape, and the usage chunk it sends unasked, with its `timings`. */
function llamaCppStream(): string {
  const envelope = { created: 1754040000, id: 'chatcmpl-Lq2bX8', model: 'qwen2.5-7b-instruct', system_fingerprint: 'b6090-5c0eb5ef', object: 'chat.completion.chunk' };
  const chunk = (delta: object, finishReason: string | null = null) => ({ choices: [{ finish_reason: finishReason, index: 0, delta }], ...envelope });
  const chunks = [
    chunk({ role: 'assistant', content: null }),
    chunk({ content: 'Un' }),
    chunk({ content: ' café.' }),
    chunk({}, 'stop'),
    { choices: [], ...envelope, usage: USAGE, timings: { prompt_n: 12, prompt_ms: 40.1, predicted_n: 3, predicted_ms: 52.7 } },
  ];
  return `${chunks.map((item) => `data: ${JSON.stringify(item)}\n\n`).join('')}data: [DONE]\n\n`;
}

let upstream: FakeUpstream;
let gateway: RunningGateway;
let openai: OpenAI;
let lines: string[];

beforeAll(async () => {
  upstream = await startFakeUpstream((_request, response) => sendStream(response, llamaCppStream()));
  const capture = captureLog();
  lines = capture.lines;
  gateway = await startGateway(`
endpoints:
  - name: llama
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: qwen2.5-7b-instruct, config: { openai_api_key: sk-local, openai_api_base: "${upstream.url}/v1" } }
`, { logger: capture.logger });
  openai = openaiClientFor(gateway);
});

afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** The first request's audit line (written once the request has ended). */
async function auditLine(): Promise<Record<string, unknown> | undefined> {
  const find = () => lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((parsed) => parsed.endpoint === 'llama' && parsed.status === 200);
  for (let waited = 0; find() === undefined && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return find();
}

async function chunksOf(body: Record<string, unknown>): Promise<OpenAI.ChatCompletionChunk[]> {
  const stream = await openai.chat.completions.create({ model: 'llama', ...CHAT, ...body, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

test('a client that did not ask for usage gets no chunk without choices (/v1, the official client)', async () => {
  const chunks = await chunksOf({});
  expect(chunks.map((chunk) => chunk.choices.length)).toEqual([1, 1, 1, 1]);
  expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Un café.');
  expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
  // The usage kept from the client still counts: the audit line has it.
  expect(await auditLine()).toMatchObject({ stream: true, prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 });
});

test('a client that asked gets the usage chunk last', async () => {
  const chunks = await chunksOf({ stream_options: { include_usage: true } });
  expect(chunks.map((chunk) => chunk.choices.length)).toEqual([1, 1, 1, 1, 0]);
  expect(chunks.at(-1)?.usage).toEqual(USAGE);
});

test('the same on the MLflow routes', async () => {
  const response = await fetch(`${gateway.url}/endpoints/llama/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...CHAT, stream: true }) });
  const events = parseSse(await response.text());
  expect(events.at(-1)).toEqual({ data: '[DONE]' });
  const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as { choices: unknown[] });
  expect(chunks.map((chunk) => chunk.choices.length)).toEqual([1, 1, 1, 1]);
});
