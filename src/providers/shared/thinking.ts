/**
 * The unified shape of a model's thinking, shared by the providers that have it (Anthropic, Claude
 * on Bedrock): in answers, LiteLLM's `reasoning_content` (the readable text) and `thinking_blocks`
 * (each block with the signature or data the vendor checks when it comes back),
 * https://docs.litellm.ai/docs/reasoning_content ; in requests, OpenAI's `reasoning_effort` as
 * Claude's extended thinking: a budget, or adaptive thinking with an effort on Claude 4.6 and later.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { ChatResponse, ThinkingBlock } from '../../schema';
import type { ClaudeThinkingForm } from './claude-thinking-form';
import { isRecord } from './json';
import { maxTokensOf } from './parameters';

type ResponseMessage = ChatResponse['choices'][number]['message'];

/** The readable thinking: the text of the signed blocks joined (redacted ones have none). */
function reasoningContentOf(blocks: readonly ThinkingBlock[]): string {
  return blocks.map((block) => (block.type === 'thinking' ? block.thinking : '')).join('');
}

/** The thinking fields appear only on answers that thought, so other answers keep OpenAI's exact shape. */
export function withThinking(message: ResponseMessage, thinking: ThinkingBlock[]): ResponseMessage {
  return thinking.length === 0 ? message : { ...message, reasoning_content: reasoningContentOf(thinking), thinking_blocks: thinking };
}

/** Claude's thinking with a token budget (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking). */
export interface ClaudeBudgetThinking {
  type: 'enabled';
  budget_tokens: number;
}

/**
 * The request fields `reasoning_effort` becomes on Claude, in the form the model takes
 * (claude-thinking-form.ts): `thinking` with a budget, or adaptive `thinking` with
 * `output_config.effort` (https://platform.claude.com/docs/en/build-with-claude/effort).
 */
export type ClaudeThinkingFields = { thinking: ClaudeBudgetThinking } | { thinking: { type: 'adaptive'; display: 'summarized' }; output_config: { effort: string } };

/**
 * Thinking budgets per `reasoning_effort`: LiteLLM's (DEFAULT_REASONING_EFFORT_{LOW,MEDIUM,HIGH}_THINKING_BUDGET
 * in litellm/constants.py), so clients moving from LiteLLM think as much. `minimal` gets Anthropic's
 * minimum budget, 1024; `none` means no thinking at all.
 */
const CLAUDE_THINKING_BUDGETS: Readonly<Record<string, number | null>> = { none: null, minimal: 1024, low: 1024, medium: 2048, high: 4096 };

/**
 * Adaptive models' effort per `reasoning_effort`: Anthropic's levels carry OpenAI's names (`xhigh`
 * and `max` included); `minimal`, which Claude lacks, is its lowest, `low`; `none` means no thinking.
 */
const CLAUDE_EFFORTS: Readonly<Record<string, string | null>> = { none: null, minimal: 'low', low: 'low', medium: 'medium', high: 'high', xhigh: 'xhigh', max: 'max' };

/** The effort names a message lists: "'none', 'minimal', 'low', 'medium' or 'high'". */
export function listOfValues(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('');
}

function hasEffort(outputConfig: unknown): boolean {
  return isRecord(outputConfig) && outputConfig.effort !== undefined;
}

/**
 * `reasoning_effort` as Claude's thinking fields in the model's form, or null for `none`. Another
 * value is a 400 naming the field; so is `reasoning_effort` together with `thinking`, or on an
 * adaptive model with `output_config.effort` (one of them would be dropped silently; with a budget,
 * an effort of the client's own is Claude Opus 4.5's other control and goes along).
 */
function claudeThinkingFor(request: Readonly<Record<string, unknown>>, provider: string, form: ClaudeThinkingForm): ClaudeThinkingFields | null {
  const effort = request.reasoning_effort;
  const other = request.thinking !== undefined ? 'thinking' : form === 'adaptive' && hasEffort(request.output_config) ? 'output_config.effort' : null;
  if (other !== null) {
    throw GatewayError.invalidParam(`Send 'reasoning_effort' or '${other}' to ${provider}, not both: reasoning_effort is sent as ${other}.`, 'reasoning_effort');
  }
  const levels = form === 'adaptive' ? CLAUDE_EFFORTS : CLAUDE_THINKING_BUDGETS;
  const level = typeof effort === 'string' && Object.hasOwn(levels, effort) ? levels[effort] : undefined;
  if (level === undefined) {
    throw GatewayError.invalidParam(`reasoning_effort: ${provider} takes ${listOfValues(Object.keys(levels))}, not ${quotedJson(effort)}.`, 'reasoning_effort');
  }
  if (level === null) return null;
  // Asked for explicitly: Opus 4.7 and later default to `display: "omitted"`, which would leave
  // reasoning_content empty (4.6 defaults to summarized, so this changes nothing there).
  return typeof level === 'number'
    ? { thinking: { type: 'enabled', budget_tokens: level } }
    : { thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: level } };
}

/**
 * Native fields with their `output_config` (the effort of adaptive thinking) joined to whatever
 * else the client put in its own `output_config` (its `format`); without one, the fields as they are.
 */
export function withClientOutputConfig<Fields extends Readonly<Record<string, unknown>>>(fields: Fields, clientOutputConfig: unknown): Fields {
  if (!isRecord(fields.output_config) || !isRecord(clientOutputConfig)) return fields;
  return { ...fields, output_config: { ...clientOutputConfig, ...fields.output_config } };
}

/** The budget of budget-form thinking fields; adaptive thinking has none. */
export function thinkingBudgetOf(fields: ClaudeThinkingFields | null): ClaudeBudgetThinking | null {
  return fields?.thinking.type === 'enabled' ? fields.thinking : null;
}

/**
 * Claude counts thinking in `max_tokens`, which must stay above the budget: a client's limit that
 * does not is a 400 naming the field it sent (`max_tokens` or `max_completion_tokens`), rather
 * than Anthropic's refusal after a round trip.
 */
function requireRoomForThinking(request: Readonly<Record<string, unknown>>, maxTokens: unknown, thinking: ClaudeBudgetThinking, provider: string): void {
  if (typeof maxTokens !== 'number' || maxTokens > thinking.budget_tokens) return;
  const param = request.max_tokens !== undefined ? 'max_tokens' : 'max_completion_tokens';
  throw GatewayError.invalidParam(
    `${param} (${maxTokens}) must be above the thinking budget of reasoning_effort '${String(request.reasoning_effort)}' (${thinking.budget_tokens} tokens) on ${provider}: thinking counts toward it. Raise ${param} or lower reasoning_effort.`,
    param,
  );
}

/** The unified temperature that Claude's 1 is (the gateway halves the 0..2 range). */
const THINKING_TEMPERATURE = 2;

/**
 * With thinking on, Claude takes no temperature but its own 1 ("temperature may only be set to 1
 * when thinking is enabled"). The gateway halves the unified range, so a client's 1 would reach
 * Claude as 0.5 and be refused with a message naming a value the client never sent: any other
 * temperature is a 400 naming the field, before the call.
 */
function requireThinkingTemperature(request: Readonly<Record<string, unknown>>, provider: string): void {
  const { temperature } = request;
  if (temperature === undefined || temperature === THINKING_TEMPERATURE) return;
  throw GatewayError.invalidParam(
    `temperature (${String(temperature)}): with thinking (reasoning_effort '${String(request.reasoning_effort)}') ${provider} takes only its own temperature 1, which is temperature ${THINKING_TEMPERATURE} here (the gateway halves the 0-2 range). Remove temperature or send ${THINKING_TEMPERATURE}.`,
    'temperature',
  );
}

/**
 * The thinking fields of a request's `reasoning_effort` on Claude (Anthropic and Bedrock Converse
 * alike), in the model's form: null without one or for `none`. Checked before any call: the level
 * (claudeThinkingFor), room for a budget under the client's token limit, and Claude's only temperature.
 */
export function claudeThinkingOf(request: Readonly<Record<string, unknown>>, provider: string, form: ClaudeThinkingForm): ClaudeThinkingFields | null {
  if (request.reasoning_effort === undefined) return null;
  const fields = claudeThinkingFor(request, provider, form);
  const budget = thinkingBudgetOf(fields);
  if (budget !== null) requireRoomForThinking(request, maxTokensOf(request), budget, provider);
  if (fields !== null) requireThinkingTemperature(request, provider);
  return fields;
}
