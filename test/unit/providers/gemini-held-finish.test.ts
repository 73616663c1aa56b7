/**
 * The finish of a Gemini stream whose finishing event carries no usageMetadata is held for the
 * usage a later event brings: events with nothing for any candidate and no usage (a candidate with
 * no parts, only modelVersion and responseId) do not end the wait; the body's end sends it without
 * usage.
 */
import { createGeminiChatStream, createGeminiCompletionsStream } from '../../../src/providers/gemini';
import type { ChatChunk } from '../../../src/schema';
import { readFixture, readFixtureBytes } from '../../support/fixtures';
import { replayEverySplitOutcome, replayOutcome } from '../../support/stream-replay';

const context = { model: 'gemini-2.5-flash', created: 1_700_000_000, endpointName: 'gem' };
const TEXT = 'Bien sûr ! Voici un café ☕ et un croissant 🥐.';
const USAGE = { prompt_tokens: 11, completion_tokens: 42, total_tokens: 53, completion_tokens_details: { reasoning_tokens: 28 } };

/** chat-usage-after-finish.stream.sse's events: text, the finish (no usage), a candidate with no parts, modelVersion and responseId alone, the usage alone. */
const [TEXT_EVENT, FINISH, NO_PARTS, IDS_ONLY, USAGE_ALONE] = readFixture('gemini', 'chat-usage-after-finish.stream.sse')
  .split('\r\n\r\n')
  .filter((event) => event !== '');
const wireOf = (...events: string[]): Buffer => Buffer.from(events.map((event) => `${event}\r\n\r\n`).join(''));
const textOf = (chunks: ChatChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

describe('usage after events with nothing in them', () => {
  it('chat-usage-after-finish.stream.sse: the finish waits past them and carries the usage, at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(readFixtureBytes('gemini', 'chat-usage-after-finish.stream.sse'), () => createGeminiChatStream(context));
    expect(error).toBeNull();
    expect(textOf(chunks)).toBe(TEXT);
    expect(chunks.map((chunk) => [chunk.choices.map((choice) => choice.finish_reason), chunk.usage])).toEqual([
      [[null], undefined],
      [['stop'], USAGE],
    ]);
  });

  it('as completions: the same usage on the finish', async () => {
    const { chunks, error } = await replayOutcome([readFixtureBytes('gemini', 'chat-usage-after-finish.stream.sse')], createGeminiCompletionsStream(context));
    expect(error).toBeNull();
    expect(chunks.map((chunk) => [chunk.choices.map((choice) => [choice.text, choice.finish_reason]), chunk.usage])).toEqual([
      [[['Bien sûr ! Voici', null]], undefined],
      [[[' un café ☕ et un croissant 🥐.', 'stop']], USAGE],
    ]);
  });

  it('event by event: nothing for the finish and the events after it, then the finish with the usage at the usage event', () => {
    const fold = createGeminiChatStream(context);
    const events = [TEXT_EVENT, FINISH, NO_PARTS, IDS_ONLY, USAGE_ALONE].map((data) => fold.event({ event: undefined, data: data.slice('data: '.length) }));
    expect(events.map((chunks) => chunks.map((chunk) => [chunk.choices[0].finish_reason, chunk.usage]))).toEqual([[[null, undefined]], [], [], [], [['stop', USAGE]]]);
    expect(fold.end()).toEqual([]);
  });

  it('a body that ends after them, without usage, sends the finish without usage and ends cleanly', async () => {
    const { chunks, error } = await replayOutcome([wireOf(TEXT_EVENT, FINISH, NO_PARTS, IDS_ONLY)], createGeminiChatStream(context));
    expect(error).toBeNull();
    expect(textOf(chunks)).toBe(TEXT);
    expect(chunks.map((chunk) => [chunk.choices[0].finish_reason, chunk.usage])).toEqual([
      [null, undefined],
      ['stop', undefined],
    ]);
  });
});
