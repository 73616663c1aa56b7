/**
 * What OpenAI adds to its chat answers (https://platform.openai.com/docs/api-reference/chat/object):
 * message `annotations` of other types, `audio`, `refusal`, new finish reasons, usage details and
 * top-level fields. The text, refusal and url citations reach the client; usage details pass as they
 * came; OpenAI's own finish reasons pass unchanged (they are the unified set); the rest is left out.
 */
import { createOpenAIChatStream, fromOpenAIChat } from '../../../src/providers/openai';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, replayOutcome, summariseChat } from '../../support/stream-replay';

const CITATION = { type: 'url_citation', url_citation: { url: 'https://example.com/', title: 'Example', start_index: 0, end_index: 5 } };
const USAGE = {
  prompt_tokens: 10,
  completion_tokens: 5,
  total_tokens: 15,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0, future_tokens: 1 },
  completion_tokens_details: { reasoning_tokens: 0, accepted_prediction_tokens: 0, future_tokens: 2 },
};

describe('OpenAI chat answers with fields added later', () => {
  it('the text, refusal and url citation; other annotations, audio and unknown fields left out; usage details as sent; a new finish reason as sent', () => {
    const body = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-5',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello', refusal: null, annotations: [CITATION, { type: 'file_citation', file_citation: { file_id: 'f1' } }], audio: { id: 'audio_1', data: 'UklGRg==', expires_at: 1, transcript: 'Hello' }, future_field: 1 },
          finish_reason: 'a_reason_openai_adds',
          future_choice_field: 1,
        },
      ],
      usage: { ...USAGE, future_count: 3 },
      service_tier: 'default',
      system_fingerprint: 'fp_1',
      future_field: { anything: true },
    };
    const chat = fromOpenAIChat(body);
    expect(chat.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'Hello', tool_calls: null, refusal: null, annotations: [CITATION] }, finish_reason: 'a_reason_openai_adds' }]);
    expect(chat.usage).toEqual(USAGE);
    expect(Object.keys(chat)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });

  it('a stream with a refusal, an unknown delta field and a chunk of usage alone: the refusal, the finish, the usage', async () => {
    const chunk = (choices: object[], extra: object = {}) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'gpt-5', choices, ...extra })}\n\n`;
    const wire = [
      chunk([{ index: 0, delta: { role: 'assistant', content: null, refusal: '' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { refusal: "I can't help with that.", future_delta_field: 1 }, finish_reason: null }]),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
      chunk([], { usage: USAGE, future_field: 1 }),
      'data: [DONE]\n\n',
    ].join('');
    const chunks = await replay([Buffer.from(wire)], createOpenAIChatStream());
    expect(chunks.map((item) => item.choices[0]?.delta.refusal).join('')).toBe("I can't help with that.");
    expect(summariseChat(chunks)).toMatchObject({ text: '', finishReason: 'stop', usage: USAGE });
  });
});

describe('what OpenAI-compatible servers send in place of OpenAI’s fields', () => {
  const answer = (choice: object) => ({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, finish_reason: 'stop', ...choice }] });

  it('content as a list of parts (Mistral’s API behind openai_api_base): the text parts joined, a thinking part skipped', () => {
    const message = fromOpenAIChat(readJsonFixture('mistral', 'chat-reasoning.response.json')).choices[0].message;
    expect(message).toEqual({ role: 'assistant', content: 'Les trains se croisent vers 11 h 17 ⏱️.', tool_calls: null, refusal: null });
    expect(fromOpenAIChat(answer({ message: { role: 'assistant', content: [{ type: 'image_url', image_url: { url: 'data:,' } }] } })).choices[0].message.content).toBeNull();
  });

  it('a stream whose deltas carry content parts: the text of their text parts, at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('mistral', 'chat-reasoning.stream.sse'), () => createOpenAIChatStream());
    expect(chunks.every((chunk) => chunk.choices.every((choice) => choice.delta.content === null || typeof choice.delta.content === 'string'))).toBe(true);
    expect(summariseChat(chunks).text).toContain('⏱️');
  });

  it('tool_calls: [] passes as sent; object arguments become JSON text; a choice without message is an empty assistant message', () => {
    expect(fromOpenAIChat(answer({ message: { role: 'assistant', content: 'Hi', tool_calls: [] } })).choices[0].message.tool_calls).toEqual([]);
    const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: { city: 'São Paulo' } } };
    expect(fromOpenAIChat(answer({ message: { role: 'assistant', content: null, tool_calls: [call] } })).choices[0].message.tool_calls).toEqual([{ ...call, function: { name: 'f', arguments: '{"city":"São Paulo"}' } }]);
    expect(fromOpenAIChat(answer({})).choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: null }, finish_reason: 'stop' });
  });

  it('a custom tool call is a 502 naming it, answered or streamed; a function call with a stray custom: {} passes', async () => {
    expect(() => fromOpenAIChat(readJsonFixture('openai', 'chat-custom-tool-call.response.json'))).toThrow(
      expect.objectContaining({ status: 502, code: 'upstream_unreadable', message: 'choices[0].message.tool_calls[0] is a tool call of type "custom"; the gateway passes on function tool calls only' }),
    );
    const { chunks, error } = await replayOutcome([readFixtureBytes('openai', 'chat-custom-tool-call.stream.sse')], createOpenAIChatStream());
    expect({ chunks, error: error && { status: error.status, code: error.code, message: error.message } }).toEqual({
      chunks: [],
      error: { status: 502, code: 'upstream_unreadable', message: 'choices[0].delta.tool_calls[0] is a tool call of type "custom"; the gateway passes on function tool calls only' },
    });
    const stray = { id: 'call_1', type: 'function', custom: {}, function: { name: 'f', arguments: '{}' } };
    expect(fromOpenAIChat(answer({ message: { role: 'assistant', content: null, tool_calls: [stray] } })).choices[0].message.tool_calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }]);
    expect(() => fromOpenAIChat(answer({ message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function' }] } }))).toThrow("choices[0].message.tool_calls[0] has no 'function' object");
  });
});
