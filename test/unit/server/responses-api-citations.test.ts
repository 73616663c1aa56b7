/**
 * Web search citations on the Responses API: the chat answer's (and stream's) `url_citation`
 * annotations become the `output_text` part's annotations in the Responses shape, announced in a
 * stream by `response.output_text.annotation.added`; the openai client's own accumulator must build
 * the same Response as the last event holds.
 */
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import { createOpenAIChatStream, fromOpenAIChat } from '../../../src/providers/openai';
import { fromChatResponse, settingsOf } from '../../../src/server/responses-api/answer';
import { ResponsesStreamFold } from '../../../src/server/responses-api/stream';
import type { ChatChunk, ResponsesResponse, ResponsesStreamEvent, UrlCitation } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay } from '../../support/stream-replay';

const settings = settingsOf({ model: 'search', input: 'How many visitors did the Louvre have in 2024?' });

const wireAnswer = () => readJsonFixture<{ choices: { message: { content: string; annotations: UrlCitation[] } }[] }>('openai', 'chat-web-search.response.json');
const { content: TEXT, annotations: CITATIONS } = wireAnswer().choices[0].message;

/** The fixture's citations in the Responses shape: OpenAI's `url_citation` fields a level up. */
const RESPONSES_CITATIONS = CITATIONS.map(({ url_citation: citation }) => ({
  type: 'url_citation',
  start_index: citation.start_index,
  end_index: citation.end_index,
  url: citation.url,
  title: citation.title,
}));

/** A chat chunk of the first choice with `delta`'s fields. */
const chunkWith = (delta: Partial<ChatChunk['choices'][number]['delta']>): ChatChunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 7,
  model: 'm',
  choices: [{ index: 0, finish_reason: null, delta: { role: null, content: null, tool_calls: null, ...delta } }],
});

const messageItem = (annotations: unknown[]) => ({ type: 'message', id: expect.stringMatching(/^msg_/), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: TEXT, annotations, logprobs: [] }] });

test('an answer: the output_text part carries the citations in the Responses shape', () => {
  expect(fromChatResponse(fromOpenAIChat(wireAnswer()), settings).output).toEqual([messageItem(RESPONSES_CITATIONS)]);
});

test('an answer without citations has an empty annotations list', () => {
  expect(fromChatResponse(fromOpenAIChat(readJsonFixture('openai', 'chat.response.json')), settings).output[0]).toMatchObject({ content: [{ type: 'output_text', annotations: [] }] });
});

describe('a stream (chat-web-search.stream.sse through the OpenAI provider)', () => {
  async function responsesEvents(): Promise<ResponsesStreamEvent[]> {
    const chunks = await replay([readFixtureBytes('openai', 'chat-web-search.stream.sse')], createOpenAIChatStream());
    const fold = new ResponsesStreamFold(settings);
    return [...chunks.flatMap((chunk) => fold.chunk(chunk)), ...fold.end()];
  }

  test('each citation is announced once, after the text and before the part closes, with its index in the part', async () => {
    const events = await responsesEvents();
    const added = events.filter((event) => event.type === 'response.output_text.annotation.added');
    const itemId = (events.find((event) => event.type === 'response.output_item.added')!.item as { id: string }).id;
    expect(added).toEqual(
      RESPONSES_CITATIONS.map((annotation, index) => ({ type: 'response.output_text.annotation.added', sequence_number: expect.any(Number), item_id: itemId, output_index: 0, content_index: 0, annotation_index: index, annotation })),
    );
    const types = events.map((event) => event.type);
    expect(types.lastIndexOf('response.output_text.delta')).toBeLessThan(types.indexOf('response.output_text.annotation.added'));
    expect(types.lastIndexOf('response.output_text.annotation.added')).toBeLessThan(types.indexOf('response.output_text.done'));
  });

  test("the part's and item's .done events and the completed Response hold them; the client's accumulator builds the same Response", async () => {
    const events = await responsesEvents();
    const partDone = events.find((event) => event.type === 'response.content_part.done');
    const itemDone = events.find((event) => event.type === 'response.output_item.done');
    const last = events.at(-1) as ResponsesStreamEvent & { response: ResponsesResponse };
    expect(partDone?.part).toEqual({ type: 'output_text', text: TEXT, annotations: RESPONSES_CITATIONS, logprobs: [] });
    expect(itemDone?.item).toEqual(messageItem(RESPONSES_CITATIONS));
    expect(last).toMatchObject({ type: 'response.completed', response: { output: [messageItem(RESPONSES_CITATIONS)] } });
    let snapshot: unknown;
    for (const event of events) snapshot = accumulateResponse(event as never, snapshot as never);
    expect(snapshot).toEqual({ ...last.response, output_text: TEXT });
  });

  test('the content_part.added sent before the citations came still shows none (each event is the state when it was made)', async () => {
    const fold = new ResponsesStreamFold(settings);
    // Text and its citations in one chunk: the part is opened and cited while one chunk's events are made.
    const events = fold.chunk(chunkWith({ role: 'assistant', content: TEXT, annotations: CITATIONS }));
    expect(events.find((event) => event.type === 'response.content_part.added')?.part).toEqual({ type: 'output_text', text: '', annotations: [], logprobs: [] });
    expect(events.filter((event) => event.type === 'response.output_text.annotation.added').map((event) => event.annotation_index)).toEqual([0, 1]);
  });

  test('citations with no text before them open the message and its output_text part; an empty list opens nothing', () => {
    const empty = new ResponsesStreamFold(settings);
    expect(empty.chunk(chunkWith({ annotations: [] })).map((event) => event.type)).toEqual(['response.created', 'response.in_progress']);
    const cited = new ResponsesStreamFold(settings);
    expect(cited.chunk(chunkWith({ annotations: CITATIONS.slice(0, 1) })).map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.annotation.added',
    ]);
  });
});

test("citations that come after a tool call (Anthropic's come at the answer's end) go on the message holding the cited text, not on a new empty one", () => {
  const fold = new ResponsesStreamFold(settingsOf({ model: 'search', input: 'q', tools: [{ type: 'web_search' }] }), { sources: false });
  const call = { index: 0, id: 'call_1', type: 'function' as const, function: { name: 'lookup', arguments: '{}' } };
  const events = [
    ...fold.chunk(chunkWith({ role: 'assistant', content: TEXT })),
    ...fold.chunk(chunkWith({ tool_calls: [call] })),
    ...fold.chunk(chunkWith({ annotations: CITATIONS })),
    ...fold.chunk({ ...chunkWith({}), choices: [{ index: 0, finish_reason: 'tool_calls', delta: { role: null, content: null, tool_calls: null } }] }),
    ...fold.end(),
  ];
  const last = events.at(-1) as ResponsesStreamEvent & { response: ResponsesResponse };
  expect(last.response.output.map((item) => item.type)).toEqual(['message', 'function_call', 'web_search_call']);
  expect(last.response.output[0]).toEqual(messageItem(RESPONSES_CITATIONS));
  const added = events.filter((event) => event.type === 'response.output_text.annotation.added');
  expect(added.map((event) => [event.output_index, event.content_index, event.annotation_index])).toEqual(RESPONSES_CITATIONS.map((_, index) => [0, 0, index]));
  let snapshot: unknown;
  for (const event of events) snapshot = accumulateResponse(event as never, snapshot as never);
  expect(snapshot).toEqual({ ...last.response, output_text: TEXT });
});
