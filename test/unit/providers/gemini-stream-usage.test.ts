/**
 * Gemini's usage: one usage, on the chunk of the last finish, when a stream holds several
 * candidates (`candidateCount`), whose usageMetadata on each event counts all of them so far; the
 * tool-use prompt tokens in prompt_tokens and in a total the gateway fills.
 */
import { createGeminiChatStream, createGeminiCompletionsStream, fromGeminiUsage } from '../../../src/providers/gemini';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplitOutcome, replayOutcome } from '../../support/stream-replay';

const context = { model: 'gemini-2.0-flash', created: 1_700_000_000, endpointName: 'gem' };
const twoCandidates = { ...context, candidateCount: 2 };
const ALL_CANDIDATES = { prompt_tokens: 8, completion_tokens: 27, total_tokens: 35 };

describe('a stream of two candidates', () => {
  it('chat-two-candidates.stream.sse: each finish on its choice, one usage (both candidates) on the last finish, same at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(readFixtureBytes('gemini', 'chat-two-candidates.stream.sse'), () => createGeminiChatStream(twoCandidates));
    expect(error).toBeNull();
    expect(chunks.map((chunk) => chunk.choices.map((choice) => [choice.index, choice.finish_reason]))).toEqual([
      [
        [0, null],
        [1, null],
      ],
      [
        [0, 'stop'],
        [1, null],
      ],
      [[1, 'stop']],
    ]);
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined, ALL_CANDIDATES]);
  });

  it('as completions: the same single usage', async () => {
    const { chunks } = await replayOutcome([readFixtureBytes('gemini', 'chat-two-candidates.stream.sse')], createGeminiCompletionsStream(twoCandidates));
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined, ALL_CANDIDATES]);
  });

  it('a stream that ends after the first finish, before the second, was cut off', async () => {
    const [first, second] = readFixtureBytes('gemini', 'chat-two-candidates.stream.sse').toString('utf8').split('\r\n\r\n');
    const { chunks, error } = await replayOutcome([Buffer.from(`${first}\r\n\r\n${second}\r\n\r\n`)], createGeminiChatStream(twoCandidates));
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined]);
    expect(error).toMatchObject({ status: 502, message: 'Gemini ended the stream before the answer was complete (no finishReason).' });
  });

  it('a blocked prompt (no candidates at all) still ends the stream, with its usage', async () => {
    const wire = `data: ${JSON.stringify(readJsonFixture('gemini', 'chat-blocked-prompt.response.json'))}\r\n\r\n`;
    const { chunks, error } = await replayOutcome([Buffer.from(wire)], createGeminiChatStream(twoCandidates));
    expect(error).toBeNull();
    expect(chunks.map((chunk) => [chunk.choices[0].finish_reason, chunk.usage])).toEqual([['content_filter', { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 }]]);
  });
});

describe('fromGeminiUsage: toolUsePromptTokenCount', () => {
  const { usageMetadata } = readJsonFixture<{ usageMetadata: Record<string, unknown> }>('gemini', 'chat-google-search.response.json');

  it("counts in prompt_tokens, so prompt + completion is Gemini's totalTokenCount", () => {
    expect(fromGeminiUsage(usageMetadata)).toEqual({ prompt_tokens: 403, completion_tokens: 213, total_tokens: 616, completion_tokens_details: { reasoning_tokens: 172 } });
  });

  it('counts in the total the gateway fills when totalTokenCount is missing, as in Gemini\'s own', () => {
    const { totalTokenCount, ...withoutTotal } = usageMetadata;
    expect(fromGeminiUsage(withoutTotal).total_tokens).toBe(totalTokenCount);
  });
});
