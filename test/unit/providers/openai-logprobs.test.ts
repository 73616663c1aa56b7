/**
 * Token log probabilities (`logprobs: true` / `top_logprobs`, completions' `logprobs: N`) reach the
 * client: the OpenAI mappers pass each choice's `logprobs` object on as the vendor sent it, in
 * answers and in every stream chunk, and add nothing to answers without one.
 * Shapes: https://platform.openai.com/docs/api-reference/chat/object (`choices[].logprobs`),
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming and
 * https://platform.openai.com/docs/api-reference/completions/object.
 */
import { createOpenAIChatStream, createOpenAICompletionsStream, fromOpenAIChat, fromOpenAICompletions } from '../../../src/providers/openai';
import { fromTogetherAIChat } from '../../../src/providers/togetherai';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplit, summariseChat, summariseCompletions } from '../../support/stream-replay';

interface WireChoices {
  choices: { logprobs: unknown }[];
}

const fixture = (name: string) => readJsonFixture('openai', name) as WireChoices;
const fixtureBytes = (name: string): Buffer => readFixtureBytes('openai', name);

describe('chat answers', () => {
  it("carry the choice's logprobs object as OpenAI sent it (content tokens with top_logprobs, refusal)", () => {
    const wire = fixture('chat-logprobs.response.json');
    const answer = fromOpenAIChat(wire);
    expect(answer.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'Positif', tool_calls: null, refusal: null },
      finish_reason: 'stop',
      logprobs: wire.choices[0].logprobs,
    });
    expect(answer.choices[0].logprobs?.content?.[0]?.top_logprobs?.[1]).toEqual({ token: 'Né', logprob: -6.6267433, bytes: [78, 195, 169] });
  });

  it('without logprobs (null or absent) keep exactly their former shape: no logprobs key', () => {
    const answer = fromOpenAIChat(readJsonFixture('openai', 'chat.response.json'));
    expect(Object.keys(answer.choices[0])).toEqual(['index', 'message', 'finish_reason']);
    const absent = fromOpenAIChat({ id: 'c', created: 1, model: 'm', choices: [{ message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] });
    expect(Object.keys(absent.choices[0])).toEqual(['index', 'message', 'finish_reason']);
  });

  it('a logprobs value that is not an object is not OpenAI\'s and is left out rather than failing a good answer', () => {
    const answer = fromOpenAIChat({ id: 'c', created: 1, model: 'm', choices: [{ message: { content: 'ok' }, logprobs: [-0.1], finish_reason: 'stop' }] });
    expect(answer.choices[0]).not.toHaveProperty('logprobs');
  });

  it("Together AI's own logprobs shape (tokens and token_logprobs) is passed on as Together sent it", () => {
    // https://docs.together.ai/docs/logprobs
    const logprobs = { tokens: ['1', '.', ' Define'], token_logprobs: [-1.0029297, -0.07861328, -2.1367188] };
    const answer = fromTogetherAIChat({ id: '85d3d3ff1a0d8c57-EWR', object: 'chat.completion', created: 1709240335, model: 'codellama/CodeLlama-70b-Instruct-hf', choices: [{ finish_reason: 'length', logprobs, index: 0, message: { role: 'assistant', content: '1. Define' } }], usage: { prompt_tokens: 33, completion_tokens: 3, total_tokens: 36 } });
    expect(answer.choices[0].logprobs).toEqual(logprobs);
  });
});

describe('chat streams', () => {
  it("chat-logprobs.stream.sse: each chunk carries its own tokens' logprobs, same at every split; the finishing chunk (logprobs null) has none", async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat-logprobs.stream.sse'), createOpenAIChatStream);
    expect(summariseChat(chunks)).toEqual({ text: 'Négatif ☕', finishReason: 'stop', toolCalls: [], usage: null });
    expect(chunks.map((chunk) => chunk.choices[0].logprobs?.content?.map((token) => token.token) ?? null)).toEqual([[], ['Né'], ['gatif', ' ☕'], null]);
    expect(chunks[2].choices[0]).toEqual({
      index: 0,
      finish_reason: null,
      delta: { role: null, content: 'gatif ☕', tool_calls: null },
      logprobs: {
        content: [
          { token: 'gatif', logprob: -0.000012664457, bytes: [103, 97, 116, 105, 102], top_logprobs: [{ token: 'gatif', logprob: -0.000012664457, bytes: [103, 97, 116, 105, 102] }, { token: 'g', logprob: -11.375013, bytes: [103] }] },
          { token: ' ☕', logprob: -2.2053719, bytes: [32, 226, 152, 149], top_logprobs: [{ token: '.', logprob: -0.11700612, bytes: [46] }, { token: ' ☕', logprob: -2.2053719, bytes: [32, 226, 152, 149] }] },
        ],
        refusal: null,
      },
    });
    expect(Object.keys(chunks[3].choices[0])).toEqual(['index', 'finish_reason', 'delta']);
  });

  it('chunks without logprobs keep their former shape', async () => {
    const chunks = await replayEverySplit(fixtureBytes('chat.stream.sse'), createOpenAIChatStream);
    for (const chunk of chunks) for (const choice of chunk.choices) expect(Object.keys(choice)).toEqual(['index', 'finish_reason', 'delta']);
  });
});

describe('completions', () => {
  it('an answer carries the legacy logprobs object (tokens, token_logprobs, top_logprobs, text_offset)', () => {
    const wire = fixture('completions-logprobs.response.json');
    const answer = fromOpenAICompletions(wire);
    expect(answer.choices[0]).toEqual({ index: 0, text: ' café', finish_reason: 'length', logprobs: wire.choices[0].logprobs });
    expect(Object.keys(fromOpenAICompletions(readJsonFixture('openai', 'completions.response.json')).choices[0])).toEqual(['index', 'text', 'finish_reason']);
  });

  it('stream chunks carry theirs, same at every split', async () => {
    const chunks = await replayEverySplit(fixtureBytes('completions-logprobs.stream.sse'), createOpenAICompletionsStream);
    expect(summariseCompletions(chunks)).toEqual({ text: ' café', finishReason: 'length', usage: null });
    expect(chunks.map((chunk) => chunk.choices[0].logprobs)).toEqual([
      { tokens: [' caf'], token_logprobs: [-0.42151612], top_logprobs: [{ ' caf': -0.42151612, ' thé': -1.2965161 }], text_offset: [22] },
      { tokens: ['é'], token_logprobs: [-0.000003695488], top_logprobs: [{ é: -0.000003695488, e: -12.875004 }], text_offset: [26] },
    ]);
    const plain = await replayEverySplit(fixtureBytes('completions.stream.sse'), createOpenAICompletionsStream);
    for (const chunk of plain) for (const choice of chunk.choices) expect(choice).not.toHaveProperty('logprobs');
  });
});
