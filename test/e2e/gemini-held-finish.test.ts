/**
 * A Gemini stream whose finishing event has no usageMetadata, over real HTTP against a fake Gemini
 * API on 127.0.0.1, read by the official openai client with `stream_options.include_usage`: the
 * usage Gemini sends after events with nothing in them reaches the client, the audit line and the
 * token limit as reported (not an estimate); an error event or a broken connection right after the
 * finish comes after the finish chunk, so the client has the whole answer and its finish reason.
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { readFixture } from '../support/fixtures';
import { sendStream, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog } from '../support/log-capture';
import { answeredThenRefused, tokensUsed } from '../support/token-limit-failures';

const WIRE = readFixture('gemini', 'chat-usage-after-finish.stream.sse');
/** The text event and the finishing event (no usage) of chat-usage-after-finish.stream.sse, as on the wire. */
const UP_TO_FINISH = WIRE.split('\r\n\r\n').slice(0, 2).join('\r\n\r\n') + '\r\n\r\n';
/** Gemini's 500 as a stream event (error-midstream.stream.sse). */
const ERROR_EVENT = readFixture('gemini', 'error-midstream.stream.sse').split('\r\n\r\n')[1] + '\r\n\r\n';
const TEXT = 'Bien sûr ! Voici un café ☕ et un croissant 🥐.';
const USAGE = { prompt_tokens: 11, completion_tokens: 42, total_tokens: 53, completion_tokens_details: { reasoning_tokens: 28 } };

/** What the fake Gemini does after the finish, chosen by the prompt: the rest of the fixture, an error event, or breaking the connection. */
function gemini(request: RecordedRequest, response: ServerResponse): void {
  const prompt = (request.body as { contents: { parts: { text: string }[] }[] }).contents[0].parts[0].text;
  if (prompt === 'error') return sendStream(response, UP_TO_FINISH + ERROR_EVENT);
  if (prompt === 'break') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(UP_TO_FINISH, () => setTimeout(() => response.socket?.destroy(), 20));
    return;
  }
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
  - { name: chat, endpoint_type: llm/v1/chat, model: ${model(gemini)}, retries: { max_attempts: 1 } }
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

test("Gemini's error event right after the finish: the whole text and stop, then the error", async () => {
  const { text, finishes, usages, error } = await streamed('chat', 'error');
  expect([text, finishes, usages]).toEqual([TEXT, ['stop'], []]);
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect((error as Error).message).toContain('An internal error has occurred');
});

test('the connection breaking right after the finish: the whole text and stop, then the error saying it broke', async () => {
  const { text, finishes, error } = await streamed('chat', 'break');
  expect([text, finishes]).toEqual([TEXT, ['stop']]);
  expect(error).toBeInstanceOf(OpenAI.APIError);
  expect(error).toMatchObject({ message: "The connection to Gemini broke while it was sending its answer for endpoint 'chat' (UND_ERR_SOCKET).", code: 'upstream_unavailable' });
});
