/**
 * A Gemini stream asked for log probabilities whose first event has nothing in it (an empty text
 * part, `logprobsResult` with empty lists): like any event without content it is held, so a failure
 * right after it is still one before the first chunk, retried (and falling back) rather than an
 * error in the middle of a 200 stream. Over real HTTP against a fake Gemini API on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { createGeminiChatStream } from '../../src/providers/gemini';
import { readFixture } from '../support/fixtures';
import { sendStream, type RecordedRequest } from '../support/fake-upstream';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

/** An event with no token in it: an empty text part, and the log probabilities of no step. */
const NOTHING_YET =
  'data: {"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"logprobsResult": {"topCandidates": [],"chosenCandidates": []},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9},"modelVersion": "gemini-2.0-flash","responseId": "Pz3IacTgLqSMnvgPm7zN8Qk"}\r\n\r\n';
/** Gemini's 500 as a stream event (error-midstream.stream.sse). */
const INTERNAL_ERROR = readFixture('gemini', 'error-midstream.stream.sse').split('\r\n\r\n')[1] + '\r\n\r\n';

let attempts = 0;
/** The first attempt: the empty event, then Gemini's 500; the next: chat-logprobs.stream.sse. */
function failOnceAfterEmptyEvent(_request: RecordedRequest, response: ServerResponse): void {
  attempts += 1;
  sendStream(response, attempts === 1 ? NOTHING_YET + INTERNAL_ERROR : readFixture('gemini', 'chat-logprobs.stream.sse'));
}

const setup = useGatewayWithUpstreams({
  upstreams: { gemini: failOnceAfterEmptyEvent },
  config: ({ gemini }) => `
endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: { provider: gemini, name: gemini-2.0-flash, config: { gemini_api_key: AIzaSyTEST-hold, gemini_api_base: "${gemini}/v1beta" } }
    retries: { max_attempts: 2, initial_backoff: 0.01 }
`,
});

beforeEach(() => {
  attempts = 0;
});

test('a failure after an event with empty log probabilities is retried: the client gets the whole answer with its logprobs', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Il fait beau ?' }], logprobs: true, top_logprobs: 2, stream: true });
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(setup.upstreams.gemini.requests).toHaveLength(2);
  expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Oui, à Paris ☀️');
  expect(chunks.flatMap((chunk) => chunk.choices[0]?.logprobs?.content ?? []).map((entry) => entry.token)).toEqual(['Oui', ',', ' à', ' Paris', ' ☀️']);
  expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
});

test('the fold holds such an event (no chunk yet) and sends it with the next one that has content', () => {
  const fold = createGeminiChatStream({ model: 'gemini-2.0-flash', created: 1_700_000_000, endpointName: 'chat' });
  expect(fold.event({ event: undefined, data: NOTHING_YET.slice('data: '.length) })).toEqual([]);
  const [firstEvent] = readFixture('gemini', 'chat-logprobs.stream.sse').split('\r\n\r\n');
  const released = fold.event({ event: undefined, data: firstEvent.slice('data: '.length) });
  expect(released.map((chunk) => [chunk.choices[0].delta.role, chunk.choices[0].delta.content, chunk.choices[0].logprobs?.content?.length])).toEqual([
    ['assistant', '', 0],
    [null, 'Oui, à', 3],
  ]);
});
