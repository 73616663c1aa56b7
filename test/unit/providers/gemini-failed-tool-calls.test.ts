/**
 * Gemini answers whose function call failed (MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL,
 * TOO_MANY_TOOL_CALLS without a call): a retryable 502 naming the endpoint and Gemini's reason,
 * answered or streamed before the first chunk; the answers around that rule stay answers.
 */
import { GatewayError } from '../../../src/errors';
import { createGeminiChatStream, createGeminiCompletionsStream } from '../../../src/providers/gemini';
import { failedToolCall, usableGeminiAnswer } from '../../../src/providers/gemini/response';
import type { GeminiGenerateContentResponse } from '../../../src/providers/gemini/wire';
import { gatewayErrorOf } from '../../support/errors';
import { readFixture, readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { describeError, replayEverySplitOutcome, replayOutcome, summariseChat } from '../../support/stream-replay';

const streamContext = { model: 'gemini-2.5-flash', created: 1_700_000_000, endpointName: 'gem' };
const MALFORMED = readJsonFixture<GeminiGenerateContentResponse>('gemini', 'chat-malformed-function-call.response.json');
const GEMINI_SAYS = 'Malformed function call: print(default_api.get_weather(location="Paris, France", unit=celsius))';
const FAILURE = { status: 502, retryable: true, message: `Gemini could not make a valid function call for endpoint 'gem' (MALFORMED_FUNCTION_CALL): ${GEMINI_SAYS}` };

const candidate = (fields: Record<string, unknown>) => ({ index: 0, content: { role: 'model', parts: [] }, ...fields });
const answerOf = (...candidates: Record<string, unknown>[]): GeminiGenerateContentResponse => ({ candidates, responseId: 'r1' }) as GeminiGenerateContentResponse;
const getWeather = { functionCall: { name: 'get_weather', args: { location: 'Paris' } } };

describe('usableGeminiAnswer', () => {
  it('chat-malformed-function-call.response.json: a retryable 502 naming the endpoint, the reason and what Gemini said', () => {
    const error = gatewayErrorOf(() => usableGeminiAnswer(MALFORMED, 'gem'));
    expect(describeError(error)).toEqual(FAILURE);
    expect([error.kind, error.code]).toEqual(['upstream_error', 'upstream_error']);
  });

  it.each(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS'])('%s without a call fails, with text beside it or none, with no finishMessage', (reason) => {
    expect(failedToolCall(answerOf(candidate({ finishReason: reason })), 'gem')?.message).toBe(`Gemini could not make a valid function call for endpoint 'gem' (${reason}).`);
    const withText = answerOf(candidate({ finishReason: reason, content: { role: 'model', parts: [{ text: '{"location": "Par' }] } }));
    expect(failedToolCall(withText, 'gem')).toBeInstanceOf(GatewayError);
  });

  it("a long finishMessage is cut at 300 characters (it quotes the model's whole broken call)", () => {
    const long = answerOf(candidate({ finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: `Malformed function call: ${'x'.repeat(400)}` }));
    expect(failedToolCall(long, 'gem')?.message).toBe(`Gemini could not make a valid function call for endpoint 'gem' (MALFORMED_FUNCTION_CALL): Malformed function call: ${'x'.repeat(275)}…`);
  });

  it('answers the client can use are returned as they are: a call made, another candidate that answered, a filter, no candidate, a blocked prompt', () => {
    const usable = [
      answerOf(candidate({ finishReason: 'TOO_MANY_TOOL_CALLS', content: { role: 'model', parts: [getWeather] } })),
      answerOf(candidate({ finishReason: 'MALFORMED_FUNCTION_CALL' }), candidate({ index: 1, finishReason: 'STOP', content: { role: 'model', parts: [{ text: 'Il fait beau.' }] } })),
      readJsonFixture<GeminiGenerateContentResponse>('gemini', 'chat-two-candidates.response.json'),
      readJsonFixture<GeminiGenerateContentResponse>('gemini', 'chat-no-candidates.response.json'),
      readJsonFixture<GeminiGenerateContentResponse>('gemini', 'chat-blocked-prompt.response.json'),
      answerOf(candidate({ finishReason: 'SAFETY' })),
    ];
    for (const answer of usable) expect(usableGeminiAnswer(answer, 'gem')).toBe(answer);
  });

  it('a body that is not a GenerateContentResponse is still the shape 502, not retried', () => {
    expect(describeError(gatewayErrorOf(() => usableGeminiAnswer({ candidates: 'none' }, 'gem')))).toMatchObject({ status: 502, retryable: false });
  });
});

describe('stream folds', () => {
  it('chat-malformed-function-call.stream.sse: the same retryable 502 and no chunk, chat and completions', async () => {
    const chat = await replayOutcome([readFixtureBytes('gemini', 'chat-malformed-function-call.stream.sse')], createGeminiChatStream(streamContext));
    expect([chat.chunks, describeError(chat.error)]).toEqual([[], FAILURE]);
    const completions = await replayOutcome([readFixtureBytes('gemini', 'chat-malformed-function-call.stream.sse')], createGeminiCompletionsStream(streamContext));
    expect([completions.chunks, describeError(completions.error)]).toEqual([[], FAILURE]);
  });

  it('after a first chunk (text, or thoughts) the stream is the client\'s: the failed call ends it with a stop finish whose refusal says why', async () => {
    const thoughts = `data: ${JSON.stringify(answerOf(candidate({ content: { role: 'model', parts: [{ text: 'Je cherche la météo…', thought: true }] } })))}\r\n\r\n`;
    const wire = Buffer.from(thoughts + readFixture('gemini', 'chat-malformed-function-call.stream.sse'));
    const { chunks, error } = await replayEverySplitOutcome(wire, () => createGeminiChatStream(streamContext));

    expect(error).toBeNull();
    expect(summariseChat(chunks)).toMatchObject({ text: '', finishReason: 'stop', toolCalls: [] });
    expect(chunks[chunks.length - 1].choices[0].delta).toEqual({ role: null, content: null, tool_calls: null, refusal: `Gemini could not make a valid function call (MALFORMED_FUNCTION_CALL): ${GEMINI_SAYS}` });
  });
});
