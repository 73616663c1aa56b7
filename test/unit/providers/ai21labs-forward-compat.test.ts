/**
 * What AI21 adds without notice (finish reasons, response, choice, chunk and usage fields) does not
 * break a Jurassic-2 or Jamba answer: the text, tool calls and usage reach the client and the finish
 * reason is one of OpenAI's. The payloads are the fixtures (README) with such fields added.
 */
import { createJambaChatStream, createJambaCompletionsStream, fromAI21Completions, fromJambaChat, fromJambaCompletions } from '../../../src/providers/ai21labs';
import { readFixtureBytesWithLast, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

type Body = Record<string, unknown> & { choices: Record<string, unknown>[]; usage: Record<string, unknown> };
const context = { model: 'jamba-mini', now: () => 1_700_000_000 };
const USAGE = { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 };
/** A Jamba answer fixture with an unknown finish reason and unknown top-level, choice and usage fields. */
function withFutureFields(name: string): Body {
  const body = readJsonFixture<Body>('ai21labs', name);
  return { ...body, future_field: { anything: true }, usage: { ...body.usage, future_count: 1 }, choices: body.choices.map((choice) => ({ ...choice, finish_reason: 'a_reason_ai21_adds', future_choice_field: 1 })) };
}

describe('Jurassic-2 /complete', () => {
  it('a finish reason AI21 adds later is stop; known ones map as before; unknown fields are left out', () => {
    const body = readJsonFixture<{ completions: Record<string, unknown>[] }>('ai21labs', 'complete.response.json');
    const completions = [{ ...body.completions[0], finishReason: { reason: 'a_reason_ai21_adds', future_field: 1 } }, body.completions[1]];
    const answer = fromAI21Completions({ ...body, completions, future_field: true }, { model: 'j2-mid', created: 1_700_000_000 });
    expect(answer.choices.map((choice) => choice.finish_reason)).toEqual(['stop', 'length']);
    expect(Object.keys(answer)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });
});

describe('Jamba chat and completions', () => {
  it('a finish reason AI21 adds later is stop; unknown fields are left out, the usage whole', () => {
    expect(fromJambaChat(withFutureFields('chat.response.json'), context)).toEqual({
      id: 'chat-3f1c2a9e-8d4b-4f7e-9c61-2b5d0e7a4c18',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'jamba-mini-1.7',
      choices: [{ index: 0, message: { role: 'assistant', content: "Un café, s'il vous plaît ☕", tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: USAGE,
    });
    expect(fromJambaCompletions(withFutureFields('chat.response.json'), context).choices).toEqual([{ index: 0, text: "Un café, s'il vous plaît ☕", finish_reason: 'stop' }]);
  });

  it('beside tool calls, a finish reason AI21 adds later is tool_calls', () => {
    const answer = fromJambaChat(withFutureFields('chat-tool-calls.response.json'), context);
    expect(answer.choices[0].finish_reason).toBe('tool_calls');
    expect(answer.choices[0].message.tool_calls).toHaveLength(2);
  });

  it('of several choices without index, only the one that called tools ends with tool_calls (stop or a reason AI21 adds later)', () => {
    const [calling] = withFutureFields('chat-tool-calls.response.json').choices;
    const texting = readJsonFixture<Body>('ai21labs', 'chat.response.json').choices[0];
    const body = { ...withFutureFields('chat.response.json'), choices: [calling, texting, { ...texting, finish_reason: 'a_reason_ai21_adds' }].map(({ index: _index, ...rest }) => rest) };
    expect(fromJambaChat(body, context).choices.map((choice) => choice.finish_reason)).toEqual(['tool_calls', 'stop', 'stop']);
  });

  it('streams ending with a reason AI21 adds later: stop after text, tool_calls after a call, at every split', async () => {
    const text = readFixtureBytesWithLast('ai21labs', 'chat.stream.sse', '"finish_reason":"stop"', '"finish_reason":"a_reason_ai21_adds","future_field":1');
    expect(summariseChat(await replayEverySplit(text, () => createJambaChatStream(context)))).toEqual({
      text: "Un café, s'il vous plaît 🙂",
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 },
    });
    expect(summariseCompletions(await replayEverySplit(text, () => createJambaCompletionsStream(context)))).toMatchObject({ text: "Un café, s'il vous plaît 🙂", finishReason: 'stop' });
    const call = readFixtureBytesWithLast('ai21labs', 'chat-tool-calls.stream.sse', '"finish_reason":"stop"', '"finish_reason":"a_reason_ai21_adds"');
    expect(summariseChat(await replayEverySplit(call, () => createJambaChatStream(context)))).toMatchObject({
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_2c6e8b0f4d', name: 'get_weather', arguments: '{"city": "São Paulo"}' }],
    });
  });
});
