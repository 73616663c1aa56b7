/**
 * What Anthropic adds without notice (its versioning policy: new fields, content block types, event
 * and delta types, stop reasons) does not break an answer: the known content reaches the client, the
 * unknown is skipped, and a stop reason the gateway does not know is one of OpenAI's.
 */
import { createAnthropicChatStream, createAnthropicCompletionsStream, fromAnthropicChat, fromAnthropicCompletions, mapAnthropicStopReason } from '../../../src/providers/anthropic';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

const now = () => 1_700_000_000;
const answer = readJsonFixture<Record<string, unknown>>('anthropic', 'chat-future-blocks.response.json');
const wire = readFixtureBytes('anthropic', 'chat-future-blocks.stream.sse');
const TEXT = "I'll read the page first. Plans start at 9 € a month; converting to dollars.";
const CALL = { id: 'toolu_01CurrencyX4n', name: 'convert_currency', arguments: '{"amount": 9, "from": "EUR", "to": "USD"}' };
const USAGE = { prompt_tokens: 2310, completion_tokens: 96, total_tokens: 2406, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } };

/** The fixture's stream with its stop reason replaced. */
const streamStoppingWith = (reason: string): Buffer => Buffer.from(wire.toString('utf8').replace('"stop_reason":"tool_use"', `"stop_reason":"${reason}"`));

describe('an answer with server-tool, container and unknown blocks, unknown top-level and usage fields', () => {
  it('chat: the text blocks joined, the tool call, usage from the known counts; the other blocks and fields are not in the answer', () => {
    const chat = fromAnthropicChat(answer, { now });
    expect(chat.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: TEXT, tool_calls: [{ id: CALL.id, type: 'function', function: { name: CALL.name, arguments: CALL.arguments } }], refusal: null },
        finish_reason: 'tool_calls',
      },
    ]);
    expect(chat.usage).toEqual(USAGE);
    expect(Object.keys(chat)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });

  it('completions: the text only', () => {
    expect(fromAnthropicCompletions(answer, { now }).choices).toEqual([{ index: 0, text: TEXT, finish_reason: 'tool_calls' }]);
  });

  it.each([
    ['refusal', 'content_filter'],
    ['model_context_window_exceeded', 'length'],
    ['a_reason_added_later', 'tool_calls'],
  ])('stop reason %s with tool calls → %s', (reason, expected) => {
    expect(fromAnthropicChat({ ...answer, stop_reason: reason }, { now }).choices[0].finish_reason).toBe(expected);
  });

  it('a stop reason added later, on an answer without tool calls, is stop (on completions too)', () => {
    const textOnly = { ...answer, content: (answer.content as { type: string }[]).filter((block) => block.type !== 'tool_use'), stop_reason: 'a_reason_added_later' };
    expect(fromAnthropicChat(textOnly, { now }).choices[0].finish_reason).toBe('stop');
    expect(fromAnthropicCompletions(textOnly, { now }).choices[0].finish_reason).toBe('stop');
    expect(mapAnthropicStopReason('a_reason_added_later')).toBe('stop');
  });

  it('an answer of unknown blocks alone is an empty answer, not a failure', () => {
    const chat = fromAnthropicChat({ ...answer, content: [{ type: 'future_block' }, { type: 'container_upload', file_id: 'file_1' }], stop_reason: 'end_turn' }, { now });
    expect(chat.choices[0]).toMatchObject({ message: { content: '', tool_calls: null }, finish_reason: 'stop' });
  });
});

describe('a stream with signature, citation (document), unknown event and unknown delta types', () => {
  it('chat: the text, the thinking with its signature, the tool call and usage, at every split; no annotation for a document citation', async () => {
    const chunks = await replayEverySplit(wire, () => createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(summariseChat(chunks)).toEqual({ text: TEXT, finishReason: 'tool_calls', toolCalls: [CALL], usage: USAGE });
    const thinking = chunks.flatMap((chunk) => chunk.choices[0].delta.thinking_blocks ?? []);
    expect(thinking).toEqual([
      { index: 0, type: 'thinking', thinking: 'The user wants dollars.' },
      { index: 0, type: 'thinking', thinking: '', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' },
    ]);
    expect(chunks.some((chunk) => 'annotations' in chunk.choices[0].delta)).toBe(false);
  });

  it.each([
    ['refusal', 'content_filter'],
    ['a_reason_added_later', 'tool_calls'],
  ])('stop reason %s on the streamed tool call → %s', async (reason, expected) => {
    const chunks = await replay([streamStoppingWith(reason)], createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(summariseChat(chunks).finishReason).toBe(expected);
  });

  it('completions: the text alone, its finish as on chat', async () => {
    const chunks = await replay([streamStoppingWith('a_reason_added_later')], createAnthropicCompletionsStream({ endpoint: 'claude', now }));
    expect(summariseCompletions(chunks)).toEqual({ text: TEXT, finishReason: 'tool_calls', usage: USAGE });
  });
});
