/**
 * What OpenAI adds to its chat answers (https://platform.openai.com/docs/api-reference/chat/object):
 * message `annotations` of other types, `audio`, `refusal`, new finish reasons, usage details and
 * top-level fields. The text, refusal and url citations reach the client; usage details pass as they
 * came; OpenAI's own finish reasons pass unchanged (they are the unified set); the rest is left out.
 */
import { createOpenAIChatStream, fromOpenAIChat } from '../../../src/providers/openai';
import { replay, summariseChat } from '../../support/stream-replay';

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
