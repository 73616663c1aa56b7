/**
 * The finish of a Gemini stream whose finishing event carries no usageMetadata is held for the
 * usage a later event brings: events with nothing for any candidate and no usage (a candidate with
 * no parts, only modelVersion and responseId) do not end the wait; the body's end sends it without
 * usage. When the stream fails after it (Gemini's error event, a broken connection), the held finish
 * goes out first: the answer was whole, and the client gets it with its finish reason, then the error.
 */
import { GatewayError } from '../../../src/errors';
import { createGeminiChatStream, createGeminiCompletionsStream } from '../../../src/providers/gemini';
import { foldEvents, type StreamFold } from '../../../src/providers/transport/sse';
import type { ChatChunk } from '../../../src/schema';
import { readFixture, readFixtureBytes } from '../../support/fixtures';
import { collectUntilError } from '../../support/iterables';
import { chunksOf, replayEverySplitOutcome, replayOutcome, sse } from '../../support/stream-replay';

const context = { model: 'gemini-2.5-flash', created: 1_700_000_000, endpointName: 'gem' };
const TEXT = 'Bien sûr ! Voici un café ☕ et un croissant 🥐.';
const USAGE = { prompt_tokens: 11, completion_tokens: 42, total_tokens: 53, completion_tokens_details: { reasoning_tokens: 28 } };

/** chat-usage-after-finish.stream.sse's events: text, the finish (no usage), a candidate with no parts, modelVersion and responseId alone, the usage alone. */
const [TEXT_EVENT, FINISH, NO_PARTS, IDS_ONLY, USAGE_ALONE] = readFixture('gemini', 'chat-usage-after-finish.stream.sse')
  .split('\r\n\r\n')
  .filter((event) => event !== '');
/** Gemini's 500 as a stream event (error-midstream.stream.sse). */
const ERROR_EVENT = readFixture('gemini', 'error-midstream.stream.sse').split('\r\n\r\n')[1];
/** A 500 from Gemini is the upstream's failure: a 502 with Gemini's message. */
const INTERNAL_ERROR = { status: 502, message: expect.stringContaining('An internal error has occurred. Please retry or report in') };

const wireOf = (...events: string[]): Buffer => Buffer.from(events.map((event) => `${event}\r\n\r\n`).join(''));
const textOf = (chunks: ChatChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
const finishesOf = (chunks: ChatChunk[]) => chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason !== null).map((choice) => [choice.index, choice.finish_reason]));

/** The events, then the connection breaking (the transport's error), through the fold. */
async function brokenAfter<Chunk>(events: string[], fold: StreamFold<Chunk>) {
  const broken = GatewayError.upstreamUnavailable("The connection to Gemini broke while it was sending its answer for endpoint 'gem' (UND_ERR_SOCKET).");
  async function* body() {
    yield* chunksOf([wireOf(...events)]);
    throw broken;
  }
  const outcome = await collectUntilError(foldEvents(sse(body()), fold));
  return { ...outcome, broken };
}

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

describe('a failure after the finish', () => {
  it("Gemini's error event right after it: the text, the finish (stop), then the error", async () => {
    const { chunks, error } = await replayOutcome([wireOf(TEXT_EVENT, FINISH, ERROR_EVENT)], createGeminiChatStream(context));
    expect(textOf(chunks)).toBe(TEXT);
    expect(finishesOf(chunks)).toEqual([[0, 'stop']]);
    expect(chunks.map((chunk) => chunk.usage)).toEqual([undefined, undefined]);
    expect(error).toMatchObject(INTERNAL_ERROR);
  });

  it('the error event after events with nothing in them: the finish, then the error', async () => {
    const { chunks, error } = await replayOutcome([wireOf(TEXT_EVENT, FINISH, NO_PARTS, IDS_ONLY, ERROR_EVENT)], createGeminiCompletionsStream(context));
    expect(chunks.map((chunk) => chunk.choices[0].finish_reason)).toEqual([null, 'stop']);
    expect(error).toMatchObject(INTERNAL_ERROR);
  });

  it('the connection breaking after it: the finish, then the break', async () => {
    const { values, error, broken } = await brokenAfter([TEXT_EVENT, FINISH], createGeminiChatStream(context));
    expect(textOf(values)).toBe(TEXT);
    expect(finishesOf(values)).toEqual([[0, 'stop']]);
    expect(error).toBe(broken);
  });

  it('a whole answer of function calls in one event, then a break: the role and the calls, the finish apart, then the break', async () => {
    const [, , lastCall] = readFixture('gemini', 'chat-tool-calls.stream.sse').split('\r\n\r\n');
    const withoutUsage = `data: ${JSON.stringify({ ...JSON.parse(lastCall.slice('data: '.length)), usageMetadata: undefined })}`;
    const { values, error, broken } = await brokenAfter([withoutUsage], createGeminiChatStream(context));
    expect(values.map((chunk) => [chunk.choices[0].delta.role, chunk.choices[0].delta.tool_calls?.map((call) => call.function.name) ?? null, chunk.choices[0].finish_reason])).toEqual([
      ['assistant', ['get_weather'], null],
      [null, null, 'tool_calls'],
    ]);
    expect(error).toBe(broken);
  });

  it('a break after an event with nothing in it yet sends nothing (so the call is retried): only the break', async () => {
    const roleOnly = `data: ${JSON.stringify({ ...JSON.parse(TEXT_EVENT.slice('data: '.length)), candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, index: 0 }] })}`;
    const { values, error, broken } = await brokenAfter([roleOnly], createGeminiChatStream(context));
    expect(values).toEqual([]);
    expect(error).toBe(broken);
  });

  it('fewer candidates than asked, every one finished, then the error event: cut off, their finishes not sent (only a clean end shows such an answer whole)', async () => {
    const events = readFixture('gemini', 'chat-fewer-candidates.stream.sse')
      .split('\r\n\r\n')
      .filter((event) => event !== '');
    const { chunks, error } = await replayOutcome([wireOf(...events, ERROR_EVENT)], createGeminiChatStream({ ...context, candidateCount: 3 }));
    expect(chunks).toHaveLength(2);
    expect(finishesOf(chunks)).toEqual([]);
    expect(error).toMatchObject(INTERNAL_ERROR);
  });
});
