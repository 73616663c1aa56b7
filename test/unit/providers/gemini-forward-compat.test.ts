/**
 * What Gemini adds without notice (part kinds: `executableCode`, `codeExecutionResult`, `inlineData`,
 * ones added later; finish reasons; response and usage fields; chunks with only usageMetadata) does
 * not break an answer: the text and function calls reach the client, the other parts are skipped, and
 * every finish reason is one of OpenAI's
 * (https://ai.google.dev/api/generate-content#generatecontentresponse , `FinishReason`, `Part`).
 */
import { createGeminiChatStream, fromGeminiChat, fromGeminiCompletions, mapGeminiFinishReason } from '../../../src/providers/gemini';
import { replay, summariseChat } from '../../support/stream-replay';

const context = { model: 'gemini-2.5-flash', created: 1_700_000_000 };
const USAGE_METADATA = { promptTokenCount: 12, candidatesTokenCount: 20, totalTokenCount: 32, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 12 }], trafficType: 'ON_DEMAND', futureCount: 1 };
const USAGE = { prompt_tokens: 12, completion_tokens: 20, total_tokens: 32 };
const PARTS = [
  { text: 'Le calcul : ' },
  { executableCode: { language: 'PYTHON', code: 'print(9 * 1.08)' } },
  { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '9.72\n' } },
  { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
  { futurePart: { anything: true } },
  { text: '9,72 $.' },
];
const answer = (finishReason: string, parts: object[] = PARTS) => ({
  candidates: [{ content: { role: 'model', parts }, finishReason, index: 0, futureCandidateField: 1 }],
  usageMetadata: USAGE_METADATA,
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-1',
  futureField: { anything: true },
});
const sse = (...events: object[]) => Buffer.from(events.map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`).join(''));

describe('an answer with code execution, inline data and unknown parts', () => {
  it('chat: the text parts joined; the other parts and fields are not in the answer', () => {
    const chat = fromGeminiChat(answer('STOP'), context);
    expect(chat.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'Le calcul : 9,72 $.', tool_calls: null, refusal: null }, finish_reason: 'stop' }]);
    expect(chat.usage).toEqual(USAGE);
    expect(fromGeminiCompletions(answer('STOP'), context).choices).toEqual([{ index: 0, text: 'Le calcul : 9,72 $.', finish_reason: 'stop' }]);
  });

  it.each([
    ['BLOCKLIST', 'content_filter'],
    ['SPII', 'content_filter'],
    ['IMAGE_SAFETY', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['A_REASON_ADDED_LATER', 'stop'],
  ])('finish reason %s → %s, the text kept', (reason, expected) => {
    const choice = fromGeminiChat(answer(reason), context).choices[0];
    expect([choice.message.content, choice.finish_reason]).toEqual(['Le calcul : 9,72 $.', expected]);
  });

  it('a reason added later beside a function call is tool_calls', () => {
    expect(mapGeminiFinishReason('A_REASON_ADDED_LATER', true)).toBe('tool_calls');
    const parts = [...PARTS, { functionCall: { name: 'convert', args: { amount: 9 } } }];
    expect(fromGeminiChat(answer('A_REASON_ADDED_LATER', parts), context).choices[0].finish_reason).toBe('tool_calls');
  });
});

describe('a stream with unknown parts and chunks of usage alone', () => {
  const streamContext = { ...context, endpointName: 'gem' };
  const piece = (parts: object[], extra: object = {}) => ({ candidates: [{ content: { role: 'model', parts }, index: 0, ...extra }], responseId: 'resp-1', modelVersion: 'gemini-2.5-flash' });

  it('a usage-only first chunk, unknown parts between text, the finish with usage: the text, stop, the usage', async () => {
    const chunks = await replay(
      [sse({ usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 }, responseId: 'resp-1' }, piece(PARTS.slice(0, 3)), piece(PARTS.slice(3, 5)), { ...piece(PARTS.slice(5), { finishReason: 'A_REASON_ADDED_LATER' }), usageMetadata: USAGE_METADATA })],
      createGeminiChatStream(streamContext),
    );
    expect(summariseChat(chunks)).toEqual({ text: 'Le calcul : 9,72 $.', finishReason: 'stop', toolCalls: [], usage: USAGE });
  });

  it('the usage in a chunk of its own after the finish', async () => {
    const chunks = await replay([sse(piece(PARTS.slice(0, 1)), piece(PARTS.slice(5), { finishReason: 'STOP' }), { usageMetadata: USAGE_METADATA, responseId: 'resp-1' })], createGeminiChatStream(streamContext));
    expect(summariseChat(chunks)).toEqual({ text: 'Le calcul : 9,72 $.', finishReason: 'stop', toolCalls: [], usage: USAGE });
  });
});
