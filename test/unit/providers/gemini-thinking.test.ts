/**
 * Gemini thinking: `reasoning_effort` → `generationConfig.thinkingConfig` (the form chosen from the
 * model name at config load), thought summaries → `reasoning_content` in answers and stream deltas.
 * Mapping: Google's OpenAI compatibility table, https://ai.google.dev/gemini-api/docs/openai#thinking ;
 * thought summaries: https://ai.google.dev/gemini-api/docs/thinking#summaries .
 */
import { createGeminiChatStream, fromGeminiChat, geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest } from '../../../src/schema';
import { gatewayRejectionOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';
import { replayEverySplit } from '../../support/stream-replay';

const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Combien font 17 × 24 ?' }];
const FLASH = geminiThinkingControl('gemini-2.5-flash');
const PRO_2_5 = geminiThinkingControl('gemini-2.5-pro');
const GEMINI_3 = geminiThinkingControl('gemini-3-pro-preview');
const context = { model: 'gemini-2.5-flash', created: 1_700_000_000 };

const thinkingConfigOf = (effort: unknown, control = FLASH) => toGeminiChat({ messages, reasoning_effort: effort }, control).generationConfig?.thinkingConfig;

describe('which form an endpoint uses, from its model name', () => {
  test.each([
    ['gemini-2.5-flash', { form: 'budget', label: 'Gemini 2.5', canTurnOff: true }],
    ['gemini-2.5-flash-lite', { form: 'budget', label: 'Gemini 2.5', canTurnOff: true }],
    ['gemini-2.5-pro', { form: 'budget', label: 'Gemini 2.5 Pro', canTurnOff: false }],
    ['models/gemini-2.5-pro-preview-06-05', { form: 'budget', label: 'Gemini 2.5 Pro', canTurnOff: false }],
    // An alias names no version: the budget, which every thinking model accepts.
    ['gemini-flash-latest', { form: 'budget', label: 'Gemini', canTurnOff: true }],
    ['gemini-3-pro-preview', { form: 'level', label: 'Gemini 3 Pro' }],
    ['gemini-3-flash-preview', { form: 'level', label: 'Gemini 3' }],
    ['gemini-3.1-pro-preview', { form: 'level', label: 'Gemini 3.1 Pro' }],
    ['models/gemini-4-flash', { form: 'level', label: 'Gemini 4' }],
    // Before 2.5, Gemini does not think.
    ['gemini-2.0-flash', { form: 'none', label: 'Gemini 2.0' }],
    ['gemini-2.0-flash-lite-001', { form: 'none', label: 'Gemini 2.0' }],
    ['models/gemini-1.5-pro-002', { form: 'none', label: 'Gemini 1.5 Pro' }],
  ])('%s', (model, control) => {
    expect(geminiThinkingControl(model)).toEqual(control);
  });
});

describe('reasoning_effort → thinkingConfig', () => {
  test.each([
    ['minimal', { thinkingBudget: 1024, includeThoughts: true }],
    ['low', { thinkingBudget: 1024, includeThoughts: true }],
    ['medium', { thinkingBudget: 8192, includeThoughts: true }],
    ['high', { thinkingBudget: 24576, includeThoughts: true }],
    ['none', { thinkingBudget: 0 }],
  ])('Gemini 2.5 Flash, %s: a thinking budget', (effort, thinkingConfig) => {
    expect(thinkingConfigOf(effort)).toEqual(thinkingConfig);
  });

  test.each(['minimal', 'low', 'medium', 'high'])('Gemini 3, %s: the thinking level of that name', (effort) => {
    expect(thinkingConfigOf(effort, GEMINI_3)).toEqual({ thinkingLevel: effort, includeThoughts: true });
  });

  test('sits beside the other generation settings; without reasoning_effort nothing is sent', () => {
    expect(toGeminiChat({ messages, temperature: 0.2, reasoning_effort: 'low' }, FLASH).generationConfig).toEqual({
      temperature: 0.2,
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
    expect(toGeminiChat({ messages }, GEMINI_3)).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Combien font 17 × 24 ?' }] }] });
  });

  test("'none' on a model that cannot turn thinking off is a 400 naming reasoning_effort", async () => {
    expect(await gatewayRejectionOf(() => thinkingConfigOf('none', PRO_2_5))).toMatchObject({
      status: 400,
      param: 'reasoning_effort',
      message: "reasoning_effort: Gemini 2.5 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'.",
    });
    expect(await gatewayRejectionOf(() => thinkingConfigOf('none', GEMINI_3))).toMatchObject({
      status: 400,
      param: 'reasoning_effort',
      message: "reasoning_effort: Gemini 3 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'.",
    });
  });

  test("a model that does not think (Gemini 2.0, 1.5) refuses every effort but 'none', which sends nothing", async () => {
    const flash2 = geminiThinkingControl('gemini-2.0-flash');
    expect(await gatewayRejectionOf(() => thinkingConfigOf('low', flash2))).toMatchObject({
      status: 400,
      param: 'reasoning_effort',
      message: "reasoning_effort: Gemini 2.0 does not think; use a Gemini 2.5 or later model, or 'none'.",
    });
    expect(thinkingConfigOf('none', flash2)).toBeUndefined();
  });

  test('a value of no level is a 400 listing the levels', async () => {
    expect(await gatewayRejectionOf(() => thinkingConfigOf('xhigh'))).toMatchObject({
      status: 400,
      param: 'reasoning_effort',
      message: `reasoning_effort: Gemini 2.5 takes 'none', 'minimal', 'low', 'medium' or 'high', not "xhigh".`,
    });
    expect(await gatewayRejectionOf(() => thinkingConfigOf(3, GEMINI_3))).toMatchObject({
      status: 400,
      message: `reasoning_effort: Gemini 3 Pro takes 'minimal', 'low', 'medium' or 'high', not 3.`,
    });
    expect(await gatewayRejectionOf(() => thinkingConfigOf(LONG_VALUE))).toMatchObject({
      param: 'reasoning_effort',
      message: `reasoning_effort: Gemini 2.5 takes 'none', 'minimal', 'low', 'medium' or 'high', not ${LONG_VALUE_CUT}.`,
    });
  });

  test("an assistant message's reasoning_content is not sent back as text", () => {
    const body = toGeminiChat(
      {
        messages: [...messages, { role: 'assistant', content: '408.', reasoning_content: 'I split 17 × 24 into 340 + 68.' }, { role: 'user', content: 'Et 18 × 24 ?' }],
        reasoning_effort: 'low',
      },
      FLASH,
    );
    expect(body.contents[1]).toEqual({ role: 'model', parts: [{ text: '408.' }] });
  });
});

describe('thought summaries → reasoning_content', () => {
  test('an answer: the thought parts become reasoning_content, only the answer parts are content', () => {
    const answer = fromGeminiChat(readJsonFixture('gemini', 'chat-thinking.response.json'), context);
    expect(answer.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: '17 × 24 = **408** (340 + 68).',
          tool_calls: null,
          refusal: null,
          reasoning_content: '**Multiplying step by step**\n\nI split 17 × 24 into 17 × 20 = 340 and 17 × 4 = 68, then add them: 340 + 68 = 408. Réponse vérifiée ✓.\n',
        },
        finish_reason: 'stop',
      },
    ]);
    expect(answer.usage).toEqual({ prompt_tokens: 14, completion_tokens: 338, total_tokens: 352, completion_tokens_details: { reasoning_tokens: 322 } });
  });

  test('an answer without thoughts keeps OpenAI’s exact shape (no reasoning_content key)', () => {
    const answer = fromGeminiChat(readJsonFixture('gemini', 'chat.response.json'), context);
    expect(Object.keys(answer.choices[0].message).sort()).toEqual(['content', 'refusal', 'role', 'tool_calls']);
  });

  test('Gemini 3 thinking before a function call: reasoning_content, and the signature still rides in the tool-call id', () => {
    const answer = fromGeminiChat(readJsonFixture('gemini', 'chat-thinking-tool-calls.response.json'), context);
    const { message, finish_reason: finishReason } = answer.choices[0];
    expect(message.content).toBeNull();
    expect(message.reasoning_content).toMatch(/^\*\*Checking the weather in Paris\*\*/);
    expect(message.tool_calls).toHaveLength(1);
    expect(message.tool_calls![0].id).toMatch(/^call_[0-9a-f]{24}\.sig\.EqQDCqEDAdHtim8v/);
    expect(finishReason).toBe('tool_calls');
  });

  test('a stream: thought parts become reasoning_content deltas, never content, at every byte split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('gemini', 'chat-thinking.stream.sse'), () => createGeminiChatStream({ ...context, endpointName: 'gem' }));
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta);
    expect(deltas).toEqual([
      { role: 'assistant', content: null, tool_calls: null, reasoning_content: '**Multiplying step by step**\n\nI split 17 × 24 into 17 × 20 = 340 and 17 × 4 = 68.\n' },
      { role: null, content: null, tool_calls: null, reasoning_content: '**Checking the sum**\n\n340 + 68 = 408. Réponse vérifiée ✓.\n' },
      { role: null, content: '17 × 24 = **408**', tool_calls: null },
      { role: null, content: ' (340 + 68).', tool_calls: null },
    ]);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
    expect(chunks[chunks.length - 1].usage).toEqual({ prompt_tokens: 14, completion_tokens: 338, total_tokens: 352, completion_tokens_details: { reasoning_tokens: 322 } });
  });
});
