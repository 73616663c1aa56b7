/**
 * What Together AI adds without notice (finish reasons, response, choice, chunk and usage fields)
 * does not break an answer: the text, tool calls and usage reach the client and the finish reason is
 * one of OpenAI's. The payloads are the fixtures (README) with such fields added.
 */
import { createTogetherAIChatStream, createTogetherAICompletionsStream, fromTogetherAIChat, fromTogetherAICompletions } from '../../../src/providers/togetherai';
import { readFixtureBytesWithLast, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

type Body = Record<string, unknown> & { choices: Record<string, unknown>[]; usage: Record<string, unknown> };
const REASON = 'a_reason_together_adds';
/** A Together AI answer fixture with an unknown finish reason and unknown top-level, choice and usage fields. */
function withFutureFields(name: string, choiceFields: Record<string, unknown> = {}): Body {
  const body = readJsonFixture<Body>('togetherai', name);
  return { ...body, future_field: { anything: true }, usage: { ...body.usage, future_count: 1 }, choices: body.choices.map((choice) => ({ ...choice, finish_reason: REASON, future_choice_field: 1, ...choiceFields })) };
}
const streamWithReason = (name: string): Buffer => readFixtureBytesWithLast('togetherai', name, '"finish_reason":"eos"', `"finish_reason":"${REASON}","future_field":1`);

describe('Together AI answers', () => {
  it('a finish reason Together adds later is stop; unknown fields are left out, the usage whole', () => {
    expect(fromTogetherAIChat(withFutureFields('chat.response.json'))).toEqual({
      id: '8e2d3c3c9a8f4b16-SJC',
      object: 'chat.completion',
      created: 1731000000,
      model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour ! Un café ? ☕ Je suis là pour aider.', tool_calls: [], refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 41, completion_tokens: 15, total_tokens: 56 },
    });
    expect(fromTogetherAICompletions(withFutureFields('completions.response.json')).choices[0].finish_reason).toBe('stop');
  });

  it('beside a tool call it is tool_calls', () => {
    const call = { id: 'call_7h2k', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } };
    const answer = fromTogetherAIChat(withFutureFields('chat.response.json', { message: { role: 'assistant', content: null, tool_calls: [call] } }));
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [call] } });
  });

  it('of several choices without index, only the one that called tools ends with tool_calls', () => {
    const call = { id: 'call_7h2k', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
    const body = withFutureFields('chat.response.json');
    const [choice] = body.choices.map(({ index: _index, ...rest }) => rest);
    const answer = fromTogetherAIChat({ ...body, choices: [{ ...choice, message: { role: 'assistant', content: null, tool_calls: [call] } }, choice] });
    expect(answer.choices.map((each) => each.finish_reason)).toEqual(['tool_calls', 'stop']);
  });
});

describe('Together AI streams', () => {
  it('chat and completions streams ending with a reason Together adds later: the text, stop, the usage, at every split', async () => {
    expect(summariseChat(await replayEverySplit(streamWithReason('chat.stream.sse'), createTogetherAIChatStream))).toMatchObject({
      finishReason: 'stop',
      toolCalls: [],
      usage: { prompt_tokens: 42, completion_tokens: 9, total_tokens: 51 },
    });
    expect(summariseCompletions(await replayEverySplit(streamWithReason('completions.stream.sse'), createTogetherAICompletionsStream))).toMatchObject({
      finishReason: 'stop',
      usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 },
    });
  });

  it('a streamed tool call then a reason Together adds later ends with tool_calls', async () => {
    const chunk = (choice: object) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, logprobs: null, ...choice }] })}\n\n`;
    const wire = [
      chunk({ text: '', finish_reason: null, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_7h2k', type: 'function', function: { name: 'get_weather', arguments: '{"city":"São Paulo"}' } }] } }),
      chunk({ text: '', finish_reason: REASON, delta: { content: '' } }),
      'data: [DONE]\n\n',
    ].join('');
    expect(summariseChat(await replayEverySplit(Buffer.from(wire), createTogetherAIChatStream))).toMatchObject({ finishReason: 'tool_calls', toolCalls: [{ id: 'call_7h2k', name: 'get_weather' }] });
  });
});
