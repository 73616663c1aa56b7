/**
 * A Gemini stream whose finishing event has no usageMetadata, over real HTTP against a fake Gemini
 * API on 127.0.0.1, read by the official openai client with `stream_options.include_usage`: the
 * usage Gemini sends after events with nothing in them reaches the client, the audit line and the
 * token limit as reported (not an estimate).
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { readFixture } from '../support/fixtures';
import { sendStream, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';
import { answeredThenRefused, tokensUsed } from '../support/token-limit-failures';

const WIRE = readFixture('gemini', 'chat-usage-after-finish.stream.sse');
const TEXT = 'Bien sûr ! Voici un café ☕ et un croissant 🥐.';
const USAGE = { prompt_tokens: 11, completion_tokens: 42, total_tokens: 53, completion_tokens_details: { reasoning_tokens: 28 } };

function gemini(_request: RecordedRequest, response: ServerResponse): void {
  sendStream(response, WIRE);
}

const { lines, logger } = captureLog('info');
const model = (gemini: string) => `{ provider: gemini, name: gemini-2.5-flash, config: { gemini_api_key: AIzaSyTEST-held-finish, gemini_api_base: "${gemini}/v1beta" } }`;
const setup = useGatewayWithUpstreams({
  upstreams: { gemini },
  logger,
  config: ({ gemini }) => `
endpoints:
  - { name: limited, endpoint_type: llm/v1/chat, model: ${model(gemini)}, limit: { renewal_period: minute, tokens: 53 } }
`,
});

/** The chunks the client read, and the error that ended its stream (undefined when it ended cleanly). */
async function streamed(endpoint: string, prompt: string) {
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  const stream = await setup.openai.chat.completions.create({ model: endpoint, messages: [{ role: 'user', content: prompt }], stream: true, stream_options: { include_usage: true } });
  const error = await (async () => {
    for await (const chunk of stream) chunks.push(chunk);
  })().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
  const finishes = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason).filter((reason) => reason !== null));
  return { chunks, text, finishes, usages: chunks.flatMap((chunk) => (chunk.usage ? [chunk.usage] : [])), error };
}

test('usage after events with nothing in them: the client gets it, the audit line and the token limit count it as reported', async () => {
  const result = await answeredThenRefused(lines, 'limited', () => streamed('limited', 'Un petit-déjeuner ?'));
  expect(result.answer).toMatchObject({ text: TEXT, finishes: ['stop'], usages: [USAGE], error: undefined });
  expect(result.line).toMatchObject({ stream: true, prompt_tokens: 11, completion_tokens: 42, total_tokens: 53 });
  expect(result.line.tokens_estimated).toBeUndefined();
  expect(result.next).toMatch(tokensUsed('limited', 53, 53));
});
