/**
 * Web search citations end to end: the official openai client against the gateway, which calls a fake
 * OpenAI upstream (a search model's answer and stream, test/fixtures/openai/chat-web-search.*) on
 * 127.0.0.1. The citations reach chat answers and streams, and the Responses API's answers and streams;
 * a conversation sent back with them is accepted, and no provider gets them.
 */
import type OpenAI from 'openai';
import { sendJson } from '../support/fake-upstream';
import { serveAnthropicFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { fakeSearchModel, RESPONSES_SEARCH_CITATIONS as RESPONSES_CITATIONS, SEARCH_CITATIONS as CITATIONS, SEARCH_TEXT as TEXT, searchAndClaudeConfig, searchAnswer } from '../support/search-answers';

const SEARCH_ANSWER = searchAnswer();

const setup = useGatewayWithUpstreams({
  upstreams: { openai: fakeSearchModel, anthropic: serveAnthropicFixtures('claude-completions') },
  config: searchAndClaudeConfig,
  validateResponses: true,
});

const question: OpenAI.Chat.Completions.ChatCompletionMessageParam = { role: 'user', content: 'How many visitors did the Louvre have in 2024?' };
/** A chat stream's text, and the `annotations` of each delta that had some. */
async function readChatStream(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<{ text: string; cited: unknown[] }> {
  let text = '';
  const cited: unknown[] = [];
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta as { content?: string | null; annotations?: unknown } | undefined;
    text += delta?.content ?? '';
    if (delta?.annotations !== undefined) cited.push(delta.annotations);
  }
  return { text, cited };
}

const sentMessages = (upstream: 'openai' | 'anthropic') => (setup.upstreams[upstream].requests.at(-1)!.body as { messages: Record<string, unknown>[] }).messages;

describe('chat completions', () => {
  test('an answer carries the citations on its message; web_search_options reaches OpenAI as sent', async () => {
    const answer = await setup.openai.chat.completions.create({ model: 'search', messages: [question], web_search_options: { search_context_size: 'low' } });
    expect(answer.choices[0].message.content).toBe(TEXT);
    expect(answer.choices[0].message.annotations).toEqual(CITATIONS);
    expect(setup.upstreams.openai.requests[0].body).toMatchObject({ model: 'gpt-4o-search-preview', web_search_options: { search_context_size: 'low' } });
  });

  test('a stream carries them once, whole, in the delta that brought them', async () => {
    const stream = await setup.openai.chat.completions.create({ model: 'search', messages: [question], stream: true, web_search_options: {} });
    expect(await readChatStream(stream)).toEqual({ text: TEXT, cited: [CITATIONS] });
  });

  test('a server that answers a stream request with a whole answer: the stream carries the citations once', async () => {
    setup.upstreams.openai.setHandler((_request, response) => sendJson(response, 200, SEARCH_ANSWER));
    const stream = await setup.openai.chat.completions.create({ model: 'search', messages: [question], stream: true });
    expect(await readChatStream(stream)).toEqual({ text: TEXT, cited: [CITATIONS] });
  });

  test('the answer message appended whole to the next turn is accepted; neither OpenAI nor Anthropic gets its citations', async () => {
    const first = await setup.openai.chat.completions.create({ model: 'search', messages: [question] });
    const history = [question, first.choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessageParam, { role: 'user' as const, content: 'And in 2023?' }];
    for (const [model, upstream] of [['search', 'openai'], ['claude', 'anthropic']] as const) {
      const next = await setup.openai.chat.completions.create({ model, messages: history });
      expect(next.choices[0].finish_reason).toBe('stop');
      expect(JSON.stringify(sentMessages(upstream))).toContain('8.7 million visitors');
      expect(JSON.stringify(sentMessages(upstream))).not.toContain('url_citation');
    }
    expect(sentMessages('openai')[1]).toEqual({ role: 'assistant', content: TEXT });
  });
});

describe('Responses API', () => {
  test("an answer: the output_text part's annotations are the citations in the Responses shape", async () => {
    const response = await setup.openai.responses.create({ model: 'search', input: 'How many visitors did the Louvre have in 2024?' });
    expect(response.output_text).toBe(TEXT);
    expect(response.output[0]).toMatchObject({ type: 'message', content: [{ type: 'output_text', text: TEXT, annotations: RESPONSES_CITATIONS }] });
  });

  test('a stream: response.output_text.annotation.added per citation, and the final Response has them', async () => {
    const stream = setup.openai.responses.stream({ model: 'search', input: 'How many visitors did the Louvre have in 2024?' });
    const added: unknown[] = [];
    stream.on('response.output_text.annotation.added', (event) => added.push(event));
    const response = await stream.finalResponse();
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'completed', content: [{ type: 'output_text', text: TEXT, annotations: RESPONSES_CITATIONS }] });
    expect(added).toEqual(
      RESPONSES_CITATIONS.map((annotation, index) => ({
        type: 'response.output_text.annotation.added',
        sequence_number: expect.any(Number),
        item_id: response.output[0].id,
        output_index: 0,
        content_index: 0,
        annotation_index: index,
        annotation,
      })),
    );
  });

  test('the output message item sent back with its annotations is accepted, and OpenAI does not get them', async () => {
    const first = await setup.openai.responses.create({ model: 'search', input: 'How many visitors did the Louvre have in 2024?' });
    const next = await setup.openai.responses.create({ model: 'search', input: [{ role: 'user', content: 'How many visitors did the Louvre have in 2024?' }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { role: 'user', content: 'And in 2023?' }] });
    expect(next.status).toBe('completed');
    expect(sentMessages('openai')[1]).toEqual({ role: 'assistant', content: TEXT });
  });
});
