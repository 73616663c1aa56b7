/**
 * Converse citations (citationsContent blocks, `citation` stream deltas) read as the Anthropic
 * provider reads Claude's: the cited text in its place, web pages as url_citation annotations over
 * their block, document locations left out. Fixtures: test/fixtures/bedrock/README.md.
 */
import type { ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createConverseChatStream, createConverseCompletionsStream, fromConverseChat, fromConverseCompletions } from '../../../../src/providers/bedrock/converse';
import type { ChatChunk } from '../../../../src/schema';
import { readJsonFixture } from '../../../support/fixtures';

const context = { id: 'req-1', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', created: 1_700_000_000 };
const CLAUDE = { thinkingBlocks: true };

const documentAnswer = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-document-citations.response.json');
const groundedAnswer = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-web-grounding.response.json');
const documentEvents = readJsonFixture<{ event: string; body: unknown }[]>('bedrock', 'converse-document-citations.events.json').map(
  ({ event, body }) => ({ [event]: body }) as unknown as ConverseStreamOutput,
);
const DOCUMENT_TEXT = "D'après le rapport, le chiffre d'affaires a progressé de 12 % au troisième trimestre, porté par les ventes en Europe 🇪🇺.";

/** An answer as ConverseStream sends it: per block, its citations as `citation` deltas, then its text as a `text` delta. */
function asStreamEvents(answer: ConverseCommandOutput): ConverseStreamOutput[] {
  const blocks = answer.output?.message?.content ?? [];
  const events = blocks.flatMap((block, contentBlockIndex): ConverseStreamOutput[] => {
    const text = block.text ?? block.citationsContent?.content?.map((piece) => piece.text).join('') ?? '';
    const citations = (block.citationsContent?.citations ?? []).map((citation) => ({ contentBlockDelta: { contentBlockIndex, delta: { citation } } }) as ConverseStreamOutput);
    return [...citations, { contentBlockDelta: { contentBlockIndex, delta: { text } } } as ConverseStreamOutput, { contentBlockStop: { contentBlockIndex } }];
  });
  return [{ messageStart: { role: 'assistant' } }, ...events, { messageStop: { stopReason: 'end_turn' } }, { metadata: { usage: answer.usage, metrics: undefined } } as ConverseStreamOutput];
}

function streamed(events: readonly ConverseStreamOutput[]): ChatChunk[] {
  const fold = createConverseChatStream(context, CLAUDE);
  return [...events.flatMap((event) => fold.event(event)), ...fold.end()];
}

const contentOf = (chunks: readonly ChatChunk[]): string => chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('');

describe('document citations (documentChar, documentPage): the cited text in its place, the citations left out as on Anthropic', () => {
  test('an answer read whole: every block’s text in order, no annotations', () => {
    const message = fromConverseChat(documentAnswer, context, CLAUDE).choices[0].message;
    expect(message).toEqual({ role: 'assistant', content: DOCUMENT_TEXT, tool_calls: null, refusal: null });
    expect(fromConverseCompletions(documentAnswer, context).choices[0].text).toBe(DOCUMENT_TEXT);
  });

  test('a stream: the same text from the text deltas, citation deltas send nothing, the finish chunk last', () => {
    const chunks = streamed(documentEvents);
    expect(contentOf(chunks)).toBe(DOCUMENT_TEXT);
    expect(chunks.some((chunk) => chunk.choices[0].delta.annotations !== undefined)).toBe(false);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 2134, completion_tokens: 71 } });
    const completions = createConverseCompletionsStream(context);
    const text = [...documentEvents.flatMap((event) => completions.event(event)), ...completions.end()].map((chunk) => chunk.choices[0].text ?? '').join('');
    expect(text).toBe(DOCUMENT_TEXT);
  });
});

describe('web citations (Nova Web Grounding): url_citation annotations over their block, as Anthropic’s web search citations', () => {
  const text = 'Selon les annonces récentes, Amazon Bedrock propose désormais la recherche web pour Nova.';
  const start = 'Selon les annonces récentes, '.length;
  const end = start + 'Amazon Bedrock propose désormais la recherche web pour Nova'.length;
  const annotations = [
    { type: 'url_citation', url_citation: { url: 'https://aws.amazon.com/about-aws/whats-new/2025/10/web-grounding-nova/', title: 'aws.amazon.com', start_index: start, end_index: end } },
    { type: 'url_citation', url_citation: { url: 'https://docs.aws.amazon.com/nova/latest/userguide/grounding.html', title: 'docs.aws.amazon.com', start_index: start, end_index: end } },
  ];

  test('an answer read whole: the text, and one annotation per page (a page cited twice is one), titled by its domain', () => {
    expect(fromConverseChat(groundedAnswer, context, { thinkingBlocks: false }).choices[0].message).toEqual({ role: 'assistant', content: text, tool_calls: null, refusal: null, annotations });
  });

  test('a stream: the same annotations in one chunk just before the finish chunk', () => {
    const chunks = streamed(asStreamEvents(groundedAnswer));
    expect(contentOf(chunks)).toBe(text);
    const withAnnotations = chunks.flatMap((chunk, position) => (chunk.choices[0].delta.annotations ? [position] : []));
    expect(withAnnotations).toEqual([chunks.length - 2]);
    expect(chunks[chunks.length - 2].choices[0].delta.annotations).toEqual(annotations);
  });

  test('indexes count code points, as OpenAI’s: a flag and a space before the cited block count three', () => {
    const withFlag = JSON.parse(JSON.stringify(groundedAnswer).replace('Selon les annonces récentes, ', '🇫🇷 Selon les annonces récentes, ')) as ConverseCommandOutput;
    const [first] = fromConverseChat(withFlag, context, CLAUDE).choices[0].message.annotations ?? [];
    expect(first.url_citation).toMatchObject({ start_index: start + 3, end_index: end + 3 });
    expect(streamed(asStreamEvents(withFlag)).at(-2)?.choices[0].delta.annotations?.[0].url_citation).toMatchObject({ start_index: start + 3, end_index: end + 3 });
  });

  test('a web location without a URL (as Converse has sent for documents, aws/aws-sdk-js-v3#7497) is left out, and the text kept', () => {
    const emptyWeb = JSON.parse(JSON.stringify(groundedAnswer).replace(/"url": ?"[^"]*", ?/g, '')) as ConverseCommandOutput;
    expect(fromConverseChat(emptyWeb, context, CLAUDE).choices[0].message).toEqual({ role: 'assistant', content: text, tool_calls: null, refusal: null });
    expect(streamed(asStreamEvents(emptyWeb)).some((chunk) => chunk.choices[0].delta.annotations !== undefined)).toBe(false);
  });
});
