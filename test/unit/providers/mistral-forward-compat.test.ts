/**
 * What Mistral adds without notice (finish reasons, response, choice, chunk and usage fields) does
 * not break an answer: the text, thinking, tool calls and usage reach the client and the finish
 * reason is one of OpenAI's. The payloads are the fixtures (README) with such fields added.
 */
import { createMistralChatStream, createMistralCompletionsStream, fromMistralChat, fromMistralCompletions } from '../../../src/providers/mistral';
import { readFixtureBytesWithLast, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

type Body = Record<string, unknown> & { choices: Record<string, unknown>[]; usage: Record<string, unknown> };
const REASON = 'a_reason_mistral_adds';
/** A Mistral answer fixture with an unknown finish reason and unknown top-level, choice and usage fields. */
function withFutureFields(name: string): Body {
  const body = readJsonFixture<Body>('mistral', name);
  return { ...body, future_field: { anything: true }, usage: { ...body.usage, future_count: 1 }, choices: body.choices.map((choice) => ({ ...choice, finish_reason: REASON, future_choice_field: 1 })) };
}
const streamWithReason = (name: string, from: string): Buffer => readFixtureBytesWithLast('mistral', name, `"finish_reason":"${from}"`, `"finish_reason":"${REASON}","future_field":1`);

describe('Mistral answers', () => {
  it('a finish reason Mistral adds later is stop; unknown fields are left out, the usage whole', () => {
    expect(fromMistralChat(withFutureFields('chat.response.json'))).toEqual({
      id: 'b5899875951449e9a2997246a3a54d21',
      object: 'chat.completion',
      created: 1732548590,
      model: 'mistral-large-latest',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 34, completion_tokens: 15, total_tokens: 49 },
    });
    expect(fromMistralCompletions(withFutureFields('chat.response.json')).choices).toEqual([{ index: 0, text: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', finish_reason: 'stop' }]);
  });

  it('beside tool calls (a reasoning turn too) it is tool_calls, the calls and thinking whole', () => {
    expect(fromMistralChat(withFutureFields('chat-tool-calls.response.json')).choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ type: 'function' }, { type: 'function' }] } });
    const reasoning = fromMistralChat(withFutureFields('chat-reasoning-tool-calls.response.json')).choices[0];
    expect(reasoning).toMatchObject({ finish_reason: 'tool_calls', message: { reasoning_content: expect.any(String), tool_calls: [{ type: 'function' }] } });
  });

  it('of several choices without index, only the one that called tools ends with tool_calls', () => {
    const [calling] = withFutureFields('chat-tool-calls.response.json').choices;
    const [texting] = withFutureFields('chat.response.json').choices;
    const body = { ...withFutureFields('chat.response.json'), choices: [calling, texting].map(({ index: _index, ...rest }) => rest) };
    expect(fromMistralChat(body).choices.map((choice) => choice.finish_reason)).toEqual(['tool_calls', 'stop']);
  });

  it('Mistral’s own reasons still map: model_length is length, error a 502', () => {
    const body = readJsonFixture<Body>('mistral', 'chat.response.json');
    const finishing = (reason: string) => ({ ...body, choices: [{ ...body.choices[0], finish_reason: reason }] });
    expect(fromMistralChat(finishing('model_length')).choices[0].finish_reason).toBe('length');
    expect(() => fromMistralChat(finishing('error'))).toThrow(expect.objectContaining({ status: 502 }));
  });
});

describe('Mistral streams', () => {
  it('text ending with a reason Mistral adds later: the text, stop, the usage, at every split (chat and completions)', async () => {
    const bytes = streamWithReason('chat.stream.sse', 'stop');
    const chat = summariseChat(await replayEverySplit(bytes, createMistralChatStream));
    expect(chat).toEqual({ text: 'Un café ? Bien sûr 🙂 Bonne journée.', finishReason: 'stop', toolCalls: [], usage: { prompt_tokens: 10, completion_tokens: 11, total_tokens: 21 } });
    expect(summariseCompletions(await replayEverySplit(bytes, createMistralCompletionsStream))).toMatchObject({ text: chat.text, finishReason: 'stop' });
  });

  it('tool calls on the finishing chunk with a reason Mistral adds later: the calls, tool_calls, at every split', async () => {
    expect(summariseChat(await replayEverySplit(streamWithReason('chat-tool-calls.stream.sse', 'tool_calls'), createMistralChatStream))).toEqual({
      text: '',
      finishReason: 'tool_calls',
      toolCalls: [
        { id: 'D681PevKs', name: 'get_weather', arguments: '{"location": "Paris, France"}' },
        { id: 'Kq2x9ZcVb', name: 'get_weather', arguments: '{"location": "São Paulo, Brazil"}' },
      ],
      usage: { prompt_tokens: 98, completion_tokens: 48, total_tokens: 146 },
    });
  });
});
