/**
 * Gemini answering fewer candidates than `candidateCount` (`n`) asked for: the answer, streamed or
 * not, holds the candidates that came, numbered 0, 1, ... in the order they came; a stream is
 * complete when its body ends after every candidate that came has finished, with the usage; one that
 * ends with a candidate unfinished, or without usage after the last finish, was cut off.
 */
import { createGeminiChatStream, createGeminiCompletionsStream, fromGeminiChat, fromGeminiCompletions } from '../../../src/providers/gemini';
import type { ChatChunk } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replayEverySplitOutcome, replayOutcome } from '../../support/stream-replay';

const context = { model: 'gemini-2.5-flash-lite', created: 1_700_000_000, endpointName: 'gem' };
const threeAsked = { ...context, candidateCount: 3 };
const BOTH_CANDIDATES = { prompt_tokens: 12, completion_tokens: 24, total_tokens: 36 };
const TEXTS = ['Un haïku d’automne :\nle vent fait danser les feuilles 🍂', 'Feuilles rousses,\nla pluie sur l’étang —'];

const fewerStream = (): string => readFixtureBytes('gemini', 'chat-fewer-candidates.stream.sse').toString('utf8');
const eventsOf = (wire: string): string[] => wire.split('\r\n\r\n').filter((event) => event !== '');
const wireOf = (events: string[]): Buffer => Buffer.from(events.map((event) => `${event}\r\n\r\n`).join(''));

const finishesOf = (chunks: ChatChunk[]) => chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => [choice.index, choice.finish_reason]));
const textOf = (chunks: ChatChunk[], index: number) =>
  chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.index === index).map((choice) => choice.delta.content ?? '')).join('');

describe('an answer not streamed', () => {
  it('holds the two candidates that came of three asked for', () => {
    const response = fromGeminiChat(readJsonFixture('gemini', 'chat-fewer-candidates.response.json'), context);
    expect(response.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, TEXTS[0], 'stop'],
      [1, TEXTS[1], 'length'],
    ]);
    expect(response.usage).toEqual(BOTH_CANDIDATES);
  });

  it("numbers its choices by their place, not by Gemini's index, so a candidate left out leaves no gap", () => {
    const body = readJsonFixture<{ candidates: { index: number }[] }>('gemini', 'chat-fewer-candidates.response.json');
    body.candidates[1].index = 2;
    expect(fromGeminiChat(body, context).choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, TEXTS[0]],
      [1, TEXTS[1]],
    ]);
    expect(fromGeminiCompletions(body, context).choices.map((choice) => [choice.index, choice.text])).toEqual([
      [0, TEXTS[0]],
      [1, TEXTS[1]],
    ]);
  });
});

describe('a stream', () => {
  it('chat-fewer-candidates.stream.sse: ends with the two candidates, their finishes and the usage on the last chunk, at every split', async () => {
    const { chunks, error } = await replayEverySplitOutcome(readFixtureBytes('gemini', 'chat-fewer-candidates.stream.sse'), () => createGeminiChatStream(threeAsked));
    expect(error).toBeNull();
    expect([textOf(chunks, 0), textOf(chunks, 1)]).toEqual(TEXTS);
    expect(finishesOf(chunks)).toEqual([
      [0, 'stop'],
      [1, 'length'],
    ]);
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined, BOTH_CANDIDATES]);
  });

  it('as completions: the same finishes and usage', async () => {
    const { chunks, error } = await replayOutcome([readFixtureBytes('gemini', 'chat-fewer-candidates.stream.sse')], createGeminiCompletionsStream(threeAsked));
    expect(error).toBeNull();
    expect(chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => (choice.finish_reason === null ? [] : [[choice.index, choice.finish_reason]])))).toEqual([
      [0, 'stop'],
      [1, 'length'],
    ]);
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined, BOTH_CANDIDATES]);
  });

  it('whose candidates finish in different events: the usage rides on the last finish, covering both', async () => {
    const { chunks, error } = await replayOutcome([readFixtureBytes('gemini', 'chat-two-candidates.stream.sse')], createGeminiChatStream(threeAsked));
    expect(error).toBeNull();
    expect(chunks.map((chunk) => [chunk.choices.map((choice) => [choice.index, choice.finish_reason]), chunk.usage])).toEqual([
      [
        [
          [0, null],
          [1, null],
        ],
        undefined,
      ],
      [
        [
          [0, 'stop'],
          [1, null],
        ],
        undefined,
      ],
      [[[1, 'stop']], { prompt_tokens: 8, completion_tokens: 27, total_tokens: 35 }],
    ]);
  });

  it('where a candidate starts after the others finished: the earlier finish goes out when it comes, without the usage', async () => {
    const [first, second, last] = eventsOf(fewerStream());
    // Candidate 0 alone, to its finish; then candidate 1 alone, to its finish.
    const only = (event: string, index: number): string => {
      const data = JSON.parse(event.slice('data: '.length)) as { candidates: { index: number }[] };
      return `data: ${JSON.stringify({ ...data, candidates: data.candidates.filter((candidate) => candidate.index === index) })}`;
    };
    const wire = wireOf([only(first, 0), only(second, 0), only(last, 0), only(first, 1), only(second, 1), only(last, 1)]);
    const { chunks, error } = await replayOutcome([wire], createGeminiChatStream(threeAsked));
    expect(error).toBeNull();
    expect([textOf(chunks, 0), textOf(chunks, 1)]).toEqual(TEXTS);
    expect(chunks.map((chunk) => [finishesOf([chunk]), chunk.usage])).toEqual([
      [[], undefined],
      [[], undefined],
      [[[0, 'stop']], undefined],
      [[], undefined],
      [[], undefined],
      [[[1, 'length']], BOTH_CANDIDATES],
    ]);
  });

  it("numbers the choices in the order their candidates came, so a candidate left out leaves no gap", async () => {
    const wire = Buffer.from(fewerStream().replaceAll('"index": 1', '"index": 2'));
    const { chunks, error } = await replayOutcome([wire], createGeminiChatStream(threeAsked));
    expect(error).toBeNull();
    expect([...new Set(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.index)))]).toEqual([0, 1]);
    expect(textOf(chunks, 1)).toBe(TEXTS[1]);
  });

  it('an event with nothing for any candidate after the last finish: its usage is the last word', async () => {
    const usageOnly = `data: ${JSON.stringify({ usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 25, totalTokenCount: 37 }, modelVersion: 'gemini-2.5-flash-lite' })}`;
    const { chunks, error } = await replayOutcome([wireOf([...eventsOf(fewerStream()), usageOnly])], createGeminiChatStream(threeAsked));
    expect(error).toBeNull();
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined, { prompt_tokens: 12, completion_tokens: 25, total_tokens: 37 }]);
  });
});

describe('a stream that was cut off still fails', () => {
  it('ending with a candidate that started but has no finishReason', async () => {
    const [first, second] = eventsOf(fewerStream());
    const { chunks, error } = await replayOutcome([wireOf([first, second])], createGeminiChatStream(threeAsked));
    expect(finishesOf(chunks)).toEqual([]);
    expect(error).toMatchObject({ status: 502, message: 'Gemini ended the stream before the answer was complete (no finishReason).' });
  });

  it('ending after the last finish without usageMetadata', async () => {
    const events = eventsOf(fewerStream());
    const last = JSON.parse(events[2].slice('data: '.length)) as Record<string, unknown>;
    delete last.usageMetadata;
    const { chunks, error } = await replayOutcome([wireOf([events[0], events[1], `data: ${JSON.stringify(last)}`])], createGeminiChatStream(threeAsked));
    expect(finishesOf(chunks)).toEqual([]);
    expect(error).toMatchObject({ status: 502, message: 'Gemini ended the stream before the answer was complete (no usageMetadata after the last finishReason).' });
  });
});
