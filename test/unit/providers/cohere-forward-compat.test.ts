/**
 * What Cohere adds without notice (content item and stream event types, response and usage fields,
 * finish reasons: v2's `TIMEOUT`, https://docs.cohere.com/reference/chat , and ones added later) does
 * not break an answer: the known content reaches the client and the finish reason is one of OpenAI's.
 */
import { createCohereChatStream, createCohereV2ChatStream, fromCohereChat, fromCohereV2Chat } from '../../../src/providers/cohere';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { ndjson, replay, summariseChat } from '../../support/stream-replay';

const context = { model: 'command-a-03-2025', now: () => 1_700_000_000 };
const toolCallsAnswer = readJsonFixture<Record<string, unknown>>('cohere', 'chat-v2-tool-calls.response.json');
const v2Event = (event: Record<string, unknown>): string => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

describe('v2 chat', () => {
  it('an unknown content item, top-level field and usage counts leave the text and usage', () => {
    const body = {
      id: 'c1',
      message: { role: 'assistant', content: [{ type: 'text', text: 'Il fait 18 °C.' }, { type: 'future_item', payload: [1] }], citations: [] },
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 5, output_tokens: 6, image_tokens: 0 }, tokens: { input_tokens: 9, output_tokens: 6 }, cached_tokens: 0, future_count: 1 },
      future_field: { anything: true },
    };
    expect(fromCohereV2Chat(body, context)).toMatchObject({
      choices: [{ message: { content: 'Il fait 18 °C.', tool_calls: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 },
    });
  });

  it.each([
    ['TIMEOUT', 'length'],
    ['A_REASON_ADDED_LATER', 'tool_calls'],
  ])('finish reason %s beside tool calls → %s', (reason, expected) => {
    expect(fromCohereV2Chat({ ...toolCallsAnswer, finish_reason: reason }, context).choices[0].finish_reason).toBe(expected);
  });

  it('a stream with unknown events and an unknown content item: the text, the call, a finish reason added later as tool_calls', async () => {
    const wire = [
      v2Event({ type: 'message-start', id: 'c2', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [] } } }),
      v2Event({ type: 'future-event', delta: { anything: true } }),
      v2Event({ type: 'tool-plan-delta', delta: { message: { tool_plan: 'Je cherche.' } } }),
      v2Event({ type: 'content-start', index: 0, delta: { message: { content: { type: 'future_item', payload: 1 } } } }),
      v2Event({ type: 'content-delta', index: 0, delta: { message: { content: { future: 'ignored' } } } }),
      v2Event({ type: 'content-end', index: 0 }),
      v2Event({ type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '' } } } } }),
      v2Event({ type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"location":"Paris"}' } } } } }),
      v2Event({ type: 'tool-call-end', index: 0 }),
      v2Event({ type: 'message-end', delta: { finish_reason: 'A_REASON_ADDED_LATER', usage: { billed_units: { input_tokens: 5, output_tokens: 6 }, tokens: { input_tokens: 9, output_tokens: 6 }, future_count: 1 } } }),
    ].join('');
    expect(summariseChat(await replay([Buffer.from(wire)], createCohereV2ChatStream(context)))).toEqual({
      text: 'Je cherche.',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'get_weather_1', name: 'get_weather', arguments: '{"location":"Paris"}' }],
      usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 },
    });
  });
});

describe('v1 chat', () => {
  it('a finish reason added later is stop; unknown fields are not in the answer', () => {
    const body = { ...readJsonFixture<Record<string, unknown>>('cohere', 'chat.response.json'), finish_reason: 'A_REASON_ADDED_LATER', future_field: 1 };
    const chat = fromCohereChat(body, context);
    expect(chat.choices[0].finish_reason).toBe('stop');
    expect(Object.keys(chat)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });

  it('a stream with an unknown event type and a finish reason added later: the text, stop', async () => {
    const lines = readFixtureBytes('cohere', 'chat.stream.ndjson').toString('utf8').trim().split('\n');
    const end = lines.pop()!.replace(/"finish_reason":"[A-Z_]+"/g, '"finish_reason":"A_REASON_ADDED_LATER"');
    const wire = [...lines.slice(0, 2), JSON.stringify({ is_finished: false, event_type: 'future-event', anything: true }), ...lines.slice(2), end].join('\n') + '\n';
    const whole = summariseChat(await replay([readFixtureBytes('cohere', 'chat.stream.ndjson')], createCohereChatStream(context), ndjson));
    expect(summariseChat(await replay([Buffer.from(wire)], createCohereChatStream(context), ndjson))).toEqual({ ...whole, finishReason: 'stop' });
  });
});
