/**
 * Which thinking request a Claude model takes, decided once per endpoint at config load from the
 * model name (an Anthropic id or alias such as `claude-opus-4-6`, `claude-3-7-sonnet-20250219`, or a
 * Bedrock id, inference profile or ARN ending in `anthropic.claude-…`):
 *
 * - `adaptive`: `thinking: {type: "adaptive"}` with `output_config.effort`. Claude 4.6 and later:
 *   Opus 4.7 and the Claude 5 models refuse a budget with a 400, Opus and Sonnet 4.6 deprecate it.
 *   The Mythos and Fable families came after it and take adaptive thinking only, whatever their version.
 * - `budget`: `thinking: {type: "enabled", budget_tokens}`, all that Claude 4.5 and older know.
 *   A name without a readable version (`anthropic.claude-v2`, an application inference profile ARN,
 *   a custom deployment) keeps this form too, as before adaptive thinking existed.
 *
 * https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 */

import { REASONING_EFFORT_FIELDS, type ReasoningEffortField } from '../types';

export type ClaudeThinkingForm = 'budget' | 'adaptive';

/**
 * The client fields that are what `reasoning_effort` is sent as on a model of this form: `thinking`
 * on both; `output_config.effort` only on adaptive models, where it is the effort of thinking. On a
 * budget model it is another control (Claude Opus 4.5's effort) that Anthropic takes beside a budget.
 */
export function claudeReasoningEffortFields(form: ClaudeThinkingForm): readonly ReasoningEffortField[] {
  return form === 'adaptive' ? REASONING_EFFORT_FIELDS : ['thinking'];
}

/** The first Claude version that takes adaptive thinking. */
const FIRST_ADAPTIVE = { major: 4, minor: 6 };

/** Families that began after adaptive thinking and never took a budget. */
const ADAPTIVE_FAMILIES = new Set(['mythos', 'fable']);

/**
 * Today's id layout, `claude-<family>-<major>[-<minor>]`: the minor is one or two digits, so the
 * date of `claude-opus-4-20250514` is not read as one (that model is 4.0).
 */
const FAMILY_VERSION = /claude-([a-z]+)(?:-(\d+)(?:[-.](\d{1,2}))?(?!\d))?/;

export function claudeThinkingFormOf(modelName: string): ClaudeThinkingForm {
  const match = FAMILY_VERSION.exec(modelName.toLowerCase());
  if (match === null) return 'budget';
  const [, family, major, minor] = match;
  if (ADAPTIVE_FAMILIES.has(family)) return 'adaptive';
  if (major === undefined) return 'budget';
  const version = { major: Number(major), minor: Number(minor ?? 0) };
  const adaptive = version.major > FIRST_ADAPTIVE.major || (version.major === FIRST_ADAPTIVE.major && version.minor >= FIRST_ADAPTIVE.minor);
  return adaptive ? 'adaptive' : 'budget';
}
