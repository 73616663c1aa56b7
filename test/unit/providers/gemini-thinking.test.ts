/**
 * Gemini thinking: `reasoning_effort` → `generationConfig.thinkingConfig` (the form chosen from the
 * model name at config load).
 * Mapping: Google's OpenAI compatibility table, https://ai.google.dev/gemini-api/docs/openai#thinking .
 */
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest } from '../../../src/schema';
import { gatewayRejectionOf } from '../../support/errors';

const messages: ChatRequest['messages'] = [{ role: 'user', content: 'Combien font 17 × 24 ?' }];
const FLASH = geminiThinkingControl('gemini-2.5-flash');
const PRO_2_5 = geminiThinkingControl('gemini-2.5-pro');
const GEMINI_3 = geminiThinkingControl('gemini-3-pro-preview');

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
  ])('%s', (model, control) => {
    expect(geminiThinkingControl(model)).toEqual(control);
  });
});

describe('reasoning_effort → thinkingConfig', () => {
  test.each([
    ['minimal', { thinkingBudget: 1024 }],
    ['low', { thinkingBudget: 1024 }],
    ['medium', { thinkingBudget: 8192 }],
    ['high', { thinkingBudget: 24576 }],
    ['none', { thinkingBudget: 0 }],
  ])('Gemini 2.5 Flash, %s: a thinking budget', (effort, thinkingConfig) => {
    expect(thinkingConfigOf(effort)).toEqual(thinkingConfig);
  });

  test.each(['minimal', 'low', 'medium', 'high'])('Gemini 3, %s: the thinking level of that name', (effort) => {
    expect(thinkingConfigOf(effort, GEMINI_3)).toEqual({ thinkingLevel: effort });
  });

  test('sits beside the other generation settings; without reasoning_effort nothing is sent', () => {
    expect(toGeminiChat({ messages, temperature: 0.2, reasoning_effort: 'low' }, FLASH).generationConfig).toEqual({
      temperature: 0.2,
      thinkingConfig: { thinkingBudget: 1024 },
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
  });
});
