/**
 * Web search citations (`annotations` of `url_citation` entries) of OpenAI's search models: kept in
 * answers and stream deltas, once, only when well-formed; never sent back to any provider.
 */
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { resolveBedrockFamily } from '../../../src/providers/bedrock/families';
import { toConverseChat } from '../../../src/providers/bedrock/converse';
import { toCohereChat } from '../../../src/providers/cohere';
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import { toTgiChat } from '../../../src/providers/huggingface-text-generation-inference';
import { toMistralChat } from '../../../src/providers/mistral';
import { ALL_REASONING, createOpenAIChatStream, fromOpenAIChat, toOpenAIChat } from '../../../src/providers/openai';
import { chatAnswerAsEvents } from '../../../src/providers/openai/stream-from-answer';
import { toTogetherAIChat } from '../../../src/providers/togetherai';
import type { ChatChunk, ChatRequest, UrlCitation } from '../../../src/schema';
import { prepareRequest } from '../../../src/server/request-preparation';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat } from '../../support/stream-replay';

type WireAnswer = { choices: { message: { content: string; annotations: UrlCitation[] } }[] };

const searchAnswer = () => readJsonFixture<WireAnswer>('openai', 'chat-web-search.response.json');
const FIXTURE_CITATIONS = searchAnswer().choices[0].message.annotations;

/** The text a citation covers, counted in code points as OpenAI counts them. */
const citedText = (content: string, { url_citation: { start_index: start, end_index: end } }: UrlCitation) => Array.from(content).slice(start, end).join('');

/** An OpenAI answer whose message carries `annotations`. */
const answerWith = (annotations: unknown) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1748611200,
  model: 'gpt-4o-search-preview-2025-03-11',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Paris 🗼 is the capital of France.', refusal: null, annotations }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 },
});

const VALID: UrlCitation = { type: 'url_citation', url_citation: { end_index: 33, start_index: 0, title: 'Paris - Wikipedia', url: 'https://en.wikipedia.org/wiki/Paris?utm_source=openai' } };

describe('web search citations in answers', () => {
  it('chat-web-search.response.json: the message keeps its url citations as OpenAI sent them, indexes in code points of the content', () => {
    const { message } = fromOpenAIChat(searchAnswer()).choices[0];
    expect(message.annotations).toEqual(FIXTURE_CITATIONS);
    const content = message.content as string;
    expect(message.annotations!.map((citation) => citedText(content, citation))).toEqual([
      '([louvre.fr](https://www.louvre.fr/en/news/attendance-2024?utm_source=openai))',
      '([lemonde.fr](https://www.lemonde.fr/en/culture/article/2025/03/12/louvre-cafe-reopens?utm_source=openai))',
    ]);
  });

  it("an answer without citations (OpenAI's `annotations: []`, none, null) has no annotations key", () => {
    expect(Object.keys(fromOpenAIChat(readJsonFixture('openai', 'chat.response.json')).choices[0].message)).toEqual(['role', 'content', 'tool_calls', 'refusal']);
    for (const annotations of [[], undefined, null, 'none', { type: 'url_citation' }]) {
      expect(fromOpenAIChat(answerWith(annotations)).choices[0].message).not.toHaveProperty('annotations');
    }
  });

  it('keeps only well-formed url_citation entries: other annotation types and malformed citations are left out, not the answer', () => {
    const others = [
      { type: 'file_citation', file_citation: { file_id: 'file-1', index: 3 } },
      { type: 'url_citation', url_citation: { start_index: 0, end_index: 5, url: 'https://example.com' } },
      { type: 'url_citation', url_citation: { start_index: -1, end_index: 5, url: 'https://example.com', title: 'Example' } },
      { type: 'url_citation', url_citation: { start_index: 0.5, end_index: 5, url: 'https://example.com', title: 'Example' } },
      { type: 'url_citation', url: 'https://example.com', title: 'Example', start_index: 0, end_index: 5 },
      'https://example.com',
      null,
    ];
    expect(fromOpenAIChat(answerWith([others[0], VALID, ...others.slice(1)])).choices[0].message.annotations).toEqual([VALID]);
    expect(fromOpenAIChat(answerWith(others)).choices[0].message).not.toHaveProperty('annotations');
  });
});

describe('web search citations in streams', () => {
  it('chat-web-search.stream.sse: the citations arrive once, whole, in the delta that brought them; same at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('openai', 'chat-web-search.stream.sse'), createOpenAIChatStream);
    const withCitations = chunks.filter((chunk) => chunk.choices[0]?.delta.annotations !== undefined);
    expect(withCitations).toHaveLength(1);
    expect(withCitations[0].choices[0]).toEqual({ index: 0, finish_reason: 'stop', delta: { role: null, content: null, tool_calls: null, annotations: FIXTURE_CITATIONS } });
    expect(summariseChat(chunks)).toMatchObject({ text: searchAnswer().choices[0].message.content, finishReason: 'stop' });
    expect(Object.keys(chunks[0].choices[0].delta)).toEqual(['role', 'content', 'tool_calls']);
  });

  it('a delta keeps only its well-formed url citations, and has no annotations key without any', async () => {
    const fold = createOpenAIChatStream();
    const delta = (annotations: unknown): ChatChunk['choices'][number]['delta'] => {
      const data = JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'x', annotations }, finish_reason: null }] });
      return fold.event({ event: undefined, data })[0].choices[0].delta;
    };
    expect(delta([{ type: 'file_citation' }, VALID]).annotations).toEqual([VALID]);
    expect(delta([])).not.toHaveProperty('annotations');
    expect(delta([{ type: 'file_citation' }])).not.toHaveProperty('annotations');
  });

  it('a whole answer given to a stream request (a server that ignores stream: true) carries its citations once, on the chunk of its message', () => {
    const fold = createOpenAIChatStream();
    const chunks = [...chatAnswerAsEvents(searchAnswer(), { includeUsage: false })!.flatMap((event) => fold.event(event)), ...fold.end()];
    expect(chunks.map((chunk) => chunk.choices[0].delta.annotations)).toEqual([FIXTURE_CITATIONS, undefined]);
    expect(chunks.map((chunk) => chunk.choices[0].finish_reason)).toEqual([null, 'stop']);
  });
});

describe('citations on a message sent back', () => {
  const ANSWER_TEXT = 'The Louvre welcomed 8.7 million visitors in 2024.';
  const conversation = () => ({
    model: 'search',
    messages: [
      { role: 'user', content: 'How many visitors did the Louvre have in 2024?' },
      // The answer's message as the openai client gives it, appended whole.
      { role: 'assistant', content: ANSWER_TEXT, refusal: null, annotations: [VALID] },
      { role: 'user', content: 'And in 2023?' },
    ],
  });
  const prepared = () => prepareRequest({ endpointType: 'llm/v1/chat', body: conversation(), dialect: 'openai' }) as ChatRequest;

  it('is accepted, and the request the provider gets has the message without its annotations, the rest unchanged', () => {
    expect(prepared().messages).toEqual([conversation().messages[0], { role: 'assistant', content: ANSWER_TEXT }, conversation().messages[2]]);
  });

  it('a history without citations is not copied', () => {
    const body = { messages: [{ role: 'user', content: 'Hi' }] };
    expect((prepareRequest({ endpointType: 'llm/v1/chat', body, dialect: 'mlflow' }) as ChatRequest).messages).toBe(body.messages);
  });

  it('annotations that are not a list are refused as the schema says', () => {
    const body = { messages: [{ role: 'assistant', content: 'Hi', annotations: 'none' }] };
    expect(gatewayErrorOf(() => prepareRequest({ endpointType: 'llm/v1/chat', body, dialect: 'openai' }))).toMatchObject({ status: 400, message: expect.stringContaining('messages[0].annotations') });
  });

  it('no provider is sent the citations, and none refuses the conversation (Anthropic refuses a message field it has no block for)', () => {
    const bodies = {
      openai: () => toOpenAIChat(prepared(), { model: 'gpt-4o', omittedReasoning: ALL_REASONING }),
      mistral: () => toMistralChat(prepared(), { model: 'mistral-large-latest' }),
      togetherai: () => toTogetherAIChat(prepared(), { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' }),
      tgi: () => toTgiChat(prepared()),
      anthropic: () => toAnthropicChat(prepared(), { model: 'claude-sonnet-4-5' }),
      gemini: () => toGeminiChat(prepared(), geminiThinkingControl('gemini-2.5-flash')),
      bedrock: () => toConverseChat(prepared(), resolveBedrockFamily('anthropic.claude-3-5-sonnet-20240620-v1:0')),
      cohere: () => toCohereChat(prepared(), { model: 'command-r-plus' }),
    };
    for (const [provider, body] of Object.entries(bodies)) {
      const text = JSON.stringify(body());
      expect([provider, text]).toEqual([provider, expect.stringContaining('8.7 million')]);
      expect([provider, text]).toEqual([provider, expect.not.stringContaining('url_citation')]);
    }
  });
});
