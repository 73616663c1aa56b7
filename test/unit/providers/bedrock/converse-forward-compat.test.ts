/**
 * What Bedrock adds without notice (Converse content blocks, stream event and delta members the SDK
 * decodes as `$unknown` or does not know, response and usage fields, stop reasons; the InvokeModel
 * families' completion reasons) does not break an answer: the known content reaches the client and a
 * stop reason the gateway does not know is one of OpenAI's.
 */
import type { ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createConverseChatStream, createConverseCompletionsStream, fromConverseChat, fromConverseCompletions, mapConverseStopReason } from '../../../../src/providers/bedrock/converse';
import { createTitanCompletionsStream, fromCohereCompletions, fromJurassicCompletions, mapTitanCompletionReason } from '../../../../src/providers/bedrock/invoke-model';
import type { ChatChunk } from '../../../../src/schema';
import { readJsonFixture } from '../../../support/fixtures';
import { summariseChat, summariseCompletions } from '../../../support/stream-replay';

const context = { id: 'req-1', model: 'anthropic.claude-sonnet-4-5-20250929-v1:0', created: 1_700_000_000 };
const CLAUDE = { thinkingBlocks: true };
const answer = readJsonFixture<ConverseCommandOutput>('bedrock', 'converse-future-members.response.json');
const events = readJsonFixture<{ event: string; body: unknown }[]>('bedrock', 'converse-future-members.events.json').map(({ event, body }) => ({ [event]: body }) as unknown as ConverseStreamOutput);
const TEXT = 'Voilà the chart you asked for. Converting the total to dollars.';
const CALL = { id: 'tooluse_F0rwardC0mpat7Q', name: 'convert_currency', arguments: '{"amount": 9, "from": "EUR", "to": "USD"}' };
const STREAM_USAGE = { prompt_tokens: 412, completion_tokens: 118, total_tokens: 530 };
const USAGE = { ...STREAM_USAGE, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 } };

const run = <Chunk>(fold: { event(event: ConverseStreamOutput): Chunk[]; end(): Chunk[] }, stream: ConverseStreamOutput[]): Chunk[] => [...stream.flatMap((event) => fold.event(event)), ...fold.end()];
const withoutToolCall = (stream: ConverseStreamOutput[]): ConverseStreamOutput[] => stream.filter((event) => event.contentBlockStart?.start?.toolUse === undefined && event.contentBlockDelta?.delta?.toolUse === undefined);

describe('a Converse answer with image and unknown blocks, unknown top-level and usage fields', () => {
  it('chat: the text blocks joined and the tool call; the other blocks and fields are not in the answer', () => {
    const chat = fromConverseChat(answer, context, CLAUDE);
    expect(chat.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: TEXT, tool_calls: [{ id: CALL.id, type: 'function', function: { name: CALL.name, arguments: '{"amount":9,"from":"EUR","to":"USD"}' } }], refusal: null },
        finish_reason: 'tool_calls',
      },
    ]);
    expect(chat.usage).toEqual(USAGE);
  });

  it('completions: the text only; malformed_tool_use without a call is stop', () => {
    expect(fromConverseCompletions(answer, context).choices).toEqual([{ index: 0, text: TEXT, finish_reason: 'stop' }]);
  });

  it.each([
    ['malformed_tool_use', true, 'tool_calls'],
    ['malformed_tool_use', false, 'stop'],
    ['malformed_model_output', false, 'stop'],
    ['a_reason_added_later', true, 'tool_calls'],
    ['a_reason_added_later', false, 'stop'],
    ['model_context_window_exceeded', true, 'length'],
    ['guardrail_intervened', false, 'content_filter'],
  ])('stop reason %s (tool calls: %s) → %s', (reason, hasToolCalls, expected) => {
    expect(mapConverseStopReason(reason, hasToolCalls)).toBe(expected);
  });
});

describe('a ConverseStream with $unknown events, starts and deltas, and a delta member the SDK does not know', () => {
  it('chat: the text, the tool call, the usage; malformed_tool_use with a call is tool_calls', () => {
    const chunks = run(createConverseChatStream(context, CLAUDE), events);
    expect(summariseChat(chunks)).toEqual({ text: TEXT, finishReason: 'tool_calls', toolCalls: [CALL], usage: STREAM_USAGE });
    expect(chunks.map((chunk: ChatChunk) => chunk.choices[0].delta.role)).toEqual(['assistant', null, null, null, null, null]);
  });

  it('chat without the tool call: stop', () => {
    expect(summariseChat(run(createConverseChatStream(context, CLAUDE), withoutToolCall(events))).finishReason).toBe('stop');
  });

  it('completions: the text, stop', () => {
    expect(summariseCompletions(run(createConverseCompletionsStream(context), events))).toEqual({ text: TEXT, finishReason: 'stop', usage: STREAM_USAGE });
  });
});

describe('InvokeModel families: a completion reason added later is stop', () => {
  it.each([['RAG_QUERY_WHEN_RAG_DISABLED'], ['A_REASON_ADDED_LATER']])('Titan %s', (reason) => {
    expect(mapTitanCompletionReason(reason)).toBe('stop');
    const stream = createTitanCompletionsStream(context);
    const chunks = [...stream.event({ outputText: 'Fini.', index: 0, completionReason: reason, totalOutputTextTokenCount: 2 }), ...stream.end()];
    expect(chunks.map((chunk) => chunk.choices[0].finish_reason)).toEqual(['stop']);
  });

  it('Cohere Command and AI21 Jurassic-2', () => {
    expect(fromCohereCompletions({ generations: [{ text: 'Fini.', finish_reason: 'A_REASON_ADDED_LATER' }] }, context).choices[0].finish_reason).toBe('stop');
    expect(fromJurassicCompletions({ completions: [{ data: { text: 'Fini.' }, finishReason: { reason: 'a_reason_added_later' } }] }, context).choices[0].finish_reason).toBe('stop');
  });
});
