/**
 * A web-search turn Anthropic pauses (`pause_turn`), continued by the gateway, end to end: the
 * official OpenAI client through `/v1` (chat completions and the Responses API, answers and chunks
 * validated against openapi/), the gateway calling a fake Anthropic Messages API on 127.0.0.1 that
 * pauses the first call (test/fixtures/anthropic chat-web-search-pause-turn) and ends the turn when
 * a request ends with the paused content (chat-web-search-continued).
 */
import type { ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { validateChatChunk } from '../../generated/request-validators';
import { sendJson, sendStream, type RecordedRequest } from '../support/fake-upstream';
import { readFixture, readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { pythonStreamMessage } from '../support/openai-python-accumulate';

type MessagesBody = { stream?: boolean; messages: { role: string; content: unknown }[]; tools?: unknown[] };

/** The answer to a Messages request: `<name>.stream.sse` streamed, else `<name>.response.json`. */
function answer(request: RecordedRequest, response: ServerResponse, name: string): void {
  if ((request.body as MessagesBody).stream === true) sendStream(response, readFixture('anthropic', `${name}.stream.sse`), 'text/event-stream; charset=utf-8');
  else sendJson(response, 200, readJsonFixture('anthropic', `${name}.response.json`));
}

/** Pauses a turn that starts; ends one sent back with its paused content. */
function pausingOnce(request: RecordedRequest, response: ServerResponse): void {
  const { messages } = request.body as MessagesBody;
  answer(request, response, messages[messages.length - 1].role === 'assistant' ? 'chat-web-search-continued' : 'chat-web-search-pause-turn');
}

const claude = (name: string, extra = '') =>
  `  - { name: ${name}, endpoint_type: llm/v1/chat, model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "$URL/v1" } }${extra} }`;
const setup = useGatewayWithUpstreams({
  upstreams: { anthropic: pausingOnce },
  config: (urls) =>
    ['endpoints:', claude('claude'), claude('once', ', retries: { max_attempts: 1 }'), claude('brief', ', retries: { max_attempts: 1 }, timeouts: { total: 1 }')].join('\n').replaceAll('$URL', urls.anthropic),
  validateResponses: true,
});
const sentBodies = () => setup.upstreams.anthropic.requests.map((request) => request.body as MessagesBody);

const question: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Quels cafés ont ouvert à Paris cette semaine ?' }];
const PAUSED = readJsonFixture<{ content: unknown[] }>('anthropic', 'chat-web-search-pause-turn.response.json');
const PAUSED_TEXT = "Je cherche les cafés ouverts à Paris cette semaine. La recherche est saturée ; j'essaie encore.";
const TEXT = `${PAUSED_TEXT}\n\nD’après Time Out 🗞️, trois nouveaux cafés ont ouvert près du canal Saint-Martin ☕.`;
const TIMEOUT_PAGE = { url: 'https://www.timeout.fr/paris/restaurants/nouveaux-cafes-paris', title: 'Les nouveaux cafés à Paris' };
// Code points: the cited block starts after the paused text and the continuation's lead (🗞️ is two code points).
const ANNOTATIONS = [{ type: 'url_citation', url_citation: { ...TIMEOUT_PAGE, start_index: 118, end_index: 179 } }];
const BOTH_CALLS = { prompt_tokens: 9000, completion_tokens: 198, total_tokens: 9198 };

/** The continuation: the same request, the paused content after its messages. */
function expectContinued(bodies: MessagesBody[]): void {
  expect(bodies).toHaveLength(2);
  const [first, second] = bodies;
  expect(second).toEqual({ ...first, messages: [...first.messages, { role: 'assistant', content: PAUSED.content }] });
  expect(first.tools).toEqual([{ type: 'web_search_20250305', name: 'web_search' }]);
}

test('not streamed: one answer, the texts joined, the later citation placed after the earlier text, both usages added up', async () => {
  const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {} });
  expectContinued(sentBodies());
  expect(completion.id).toBe('msg_01Rw3NbXe8YtLq5VmPz9KcHs');
  expect(completion.choices).toEqual([{ index: 0, message: { role: 'assistant', content: TEXT, tool_calls: null, refusal: null, annotations: ANNOTATIONS }, finish_reason: 'stop' }]);
  expect(completion.usage).toMatchObject(BOTH_CALLS);
});

test('streamed: one stream, one role, the texts joined, the annotations before the one finish, the usage of both calls on it', async () => {
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {}, stream: true, stream_options: { include_usage: true } });
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) {
    expect(validateChatChunk(chunk)).toBe(true);
    chunks.push(chunk);
  }
  // The paused content rebuilt from the stream is what the answer not streamed holds.
  expectContinued(sentBodies());
  expect(chunks.filter((chunk) => chunk.choices[0]?.delta.role)).toHaveLength(1);
  expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set(['msg_01Rw3NbXe8YtLq5VmPz9KcHs']));
  expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(TEXT);
  expect(chunks.flatMap((chunk) => (chunk.choices[0]?.delta as { annotations?: unknown[] } | undefined)?.annotations ?? [])).toEqual(ANNOTATIONS);
  expect(chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => choice.finish_reason))).toEqual(['stop']);
  expect(chunks.filter((chunk) => chunk.usage).map((chunk) => chunk.usage)).toEqual([expect.objectContaining(BOTH_CALLS)]);
});

test("the clients' stream helpers end with the whole answer: openai node's finalChatCompletion(), openai-python's accumulation", async () => {
  const final = await setup.openai.chat.completions.stream({ model: 'claude', messages: question, web_search_options: {} }).finalChatCompletion();
  expect(final.choices[0].message).toMatchObject({ content: TEXT, annotations: ANNOTATIONS });
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {}, stream: true });
  expect(await pythonStreamMessage(stream)).toMatchObject({ role: 'assistant', content: TEXT, annotations: ANNOTATIONS });
});

test('the Responses API, which goes through the same chat path: the joined text with its citation, streamed or not', async () => {
  const response = await setup.openai.responses.create({ model: 'claude', input: 'Quels cafés ont ouvert à Paris cette semaine ?', tools: [{ type: 'web_search' }] });
  expectContinued(sentBodies());
  expect(response.output_text).toBe(TEXT);
  expect(response.usage).toMatchObject({ input_tokens: 9000, output_tokens: 198, total_tokens: 9198 });
  const streamed = await setup.openai.responses.stream({ model: 'claude', input: 'Quels cafés ont ouvert à Paris cette semaine ?', tools: [{ type: 'web_search' }] }).finalResponse();
  expect(streamed.output_text).toBe(TEXT);
  const message = streamed.output.find((item) => item.type === 'message');
  expect(message?.type === 'message' && message.content[0].type === 'output_text' ? message.content[0].annotations : null).toEqual([
    { type: 'url_citation', ...TIMEOUT_PAGE, start_index: 118, end_index: 179 },
  ]);
});

test('a turn still paused after three continuations ends with the text so far and stop; four calls in all', async () => {
  setup.upstreams.anthropic.setHandler((request, response) => answer(request, response, 'chat-web-search-pause-turn'));
  const completion = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {} });
  expect(sentBodies().map((body) => body.messages.length)).toEqual([1, 2, 2, 2]);
  expect(completion.choices[0]).toMatchObject({ message: { content: PAUSED_TEXT.repeat(4) }, finish_reason: 'stop' });
  const stream = await setup.openai.chat.completions.create({ model: 'claude', messages: question, web_search_options: {}, stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe(PAUSED_TEXT.repeat(4));
  expect(sentBodies()).toHaveLength(8);
});

describe('a continuation that fails', () => {
  const overloadedContinuation = (request: RecordedRequest, response: ServerResponse) => {
    const { messages } = request.body as MessagesBody;
    if (messages[messages.length - 1].role === 'assistant') sendJson(response, 529, readJsonFixture('anthropic', 'error-529.json'));
    else answer(request, response, 'chat-web-search-pause-turn');
  };

  test('not streamed: the error, as any failed call', async () => {
    setup.upstreams.anthropic.setHandler(overloadedContinuation);
    const failure = await setup.openai.chat.completions.create({ model: 'once', messages: question, web_search_options: {} }).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure).toMatchObject({ status: 502, message: expect.stringContaining("Upstream error from endpoint 'once' (status 529): Overloaded") });
    expect(sentBodies()).toHaveLength(2);
  });

  test('streamed: the text so far, then the error event', async () => {
    setup.upstreams.anthropic.setHandler(overloadedContinuation);
    const stream = await setup.openai.chat.completions.create({ model: 'once', messages: question, web_search_options: {}, stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((caught: unknown) => caught);
    expect(text).toBe(PAUSED_TEXT);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('Overloaded');
  });

  test("a continuation that does not answer is ended by the endpoint's total timeout (one for all the calls): a 504, the call let go", async () => {
    const { closed } = setup.upstreams.anthropic;
    setup.upstreams.anthropic.setHandler((request, response) => {
      const { messages } = request.body as MessagesBody;
      // The continuation is never answered.
      if (messages[messages.length - 1].role !== 'assistant') answer(request, response, 'chat-web-search-pause-turn');
    });
    const from = closed.length;
    const failure = await setup.openai.chat.completions.create({ model: 'brief', messages: question, web_search_options: {} }).catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ status: 504, message: expect.stringContaining("Endpoint 'brief' did not finish within 1 s (total timeout).") });
    expect(sentBodies()).toHaveLength(2);
    await Promise.all(closed.slice(from));
  });
});
