/**
 * `reasoning_effort` (OpenAI's chat parameter) → Gemini's `generationConfig.thinkingConfig`, as
 * Google's own OpenAI compatibility layer maps it (https://ai.google.dev/gemini-api/docs/openai#thinking):
 * Gemini 2.5 takes a token budget (minimal and low 1,024, medium 8,192, high 24,576, none 0), Gemini 3
 * and later a thinking level of the same name (https://ai.google.dev/gemini-api/docs/thinking).
 * Which of the two an endpoint sends is decided once from its model name, at config load. Any
 * effort but `none` also asks for thought summaries (`includeThoughts`), which answers and streams
 * carry as `reasoning_content` (response.ts).
 *
 * Refused here with a 400 naming `reasoning_effort`: a value of no level, and `none` where thinking
 * cannot be turned off (Gemini 2.5 Pro, whose budget starts at 128, and Gemini 3, which always
 * thinks): Google's own layer quietly thinks at the lowest level instead, which we do not do
 * silently. A level a particular model does not offer (`medium` on some Pro models, `minimal` on
 * others) changes from release to release, so Gemini decides: its 400 names the level.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import { listOfValues } from '../shared/thinking';
import type { GeminiThinkingConfig } from './wire';

/** How an endpoint's model takes thinking control; `label` names the model family in messages. */
export type GeminiThinkingControl = { form: 'budget'; label: string; canTurnOff: boolean } | { form: 'level'; label: string } | { form: 'none'; label: string };

const LEVELS = ['minimal', 'low', 'medium', 'high'] as const;
type Level = (typeof LEVELS)[number];

/** Google's table for Gemini 2.5: OpenAI's three levels at 1K, 8K and 24K tokens; minimal as low. */
const BUDGETS: Record<Level, number> = { minimal: 1024, low: 1024, medium: 8192, high: 24576 };

/**
 * The form an endpoint sends, from the model name (`gemini-2.5-flash`, `models/gemini-3-pro-preview`):
 * a version of 3 or more takes levels; 2.5 and names without a version (aliases such as
 * `gemini-flash-latest`) take a budget, which every thinking model accepts; earlier versions (1.5,
 * 2.0) do not think at all.
 */
export function geminiThinkingControl(model: string): GeminiThinkingControl {
  const match = /(?:^|\/)gemini-(\d+)(\.\d+)?(-pro)?/.exec(model);
  if (match === null) return { form: 'budget', label: 'Gemini', canTurnOff: true };
  const [, major, minor = '', pro] = match;
  const label = `Gemini ${major}${minor}${pro === undefined ? '' : ' Pro'}`;
  if (Number(major) >= 3) return { form: 'level', label };
  if (Number(`${major}${minor}`) < 2.5) return { form: 'none', label };
  // Gemini 2.5 Pro's budget is 128 to 32,768: it cannot stop thinking.
  return { form: 'budget', label, canTurnOff: pro === undefined };
}

const isLevel = (value: unknown): value is Level => typeof value === 'string' && (LEVELS as readonly string[]).includes(value);

/** The thinking settings for a request's `reasoning_effort`; undefined when the client sent none. */
export function toGeminiThinkingConfig(effort: unknown, control: GeminiThinkingControl): GeminiThinkingConfig | undefined {
  if (effort === undefined) return undefined;
  if (control.form === 'none') {
    // Asking for no thinking from a model that has none is no request at all.
    if (effort === 'none') return undefined;
    throw GatewayError.invalidParam(`reasoning_effort: ${control.label} does not think; use a Gemini 2.5 or later model, or 'none'.`, 'reasoning_effort');
  }
  if (effort === 'none') {
    if (control.form === 'budget' && control.canTurnOff) return { thinkingBudget: 0 };
    throw GatewayError.invalidParam(`reasoning_effort: ${control.label} cannot turn thinking off; use ${listOfValues(LEVELS)}.`, 'reasoning_effort');
  }
  if (!isLevel(effort)) {
    const accepted = control.form === 'budget' && control.canTurnOff ? ['none', ...LEVELS] : LEVELS;
    throw GatewayError.invalidParam(`reasoning_effort: ${control.label} takes ${listOfValues(accepted)}, not ${quotedJson(effort)}.`, 'reasoning_effort');
  }
  // Thought summaries come with any thinking asked for, as LiteLLM asks for them: they become reasoning_content.
  return control.form === 'budget' ? { thinkingBudget: BUDGETS[effort], includeThoughts: true } : { thinkingLevel: effort, includeThoughts: true };
}
