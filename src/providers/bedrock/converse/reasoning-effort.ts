/**
 * OpenAI's `reasoning_effort` on Converse chat, in each family's own field of
 * `additionalModelRequestFields` (the mapping is the family's, chosen at config load):
 *
 * - gpt-oss: `reasoning_effort` as sent (`low`, `medium`, `high`), which AWS passes to the model,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * - Claude: extended `thinking` with LiteLLM's budgets, as on the Anthropic provider (shared/thinking.ts),
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html ;
 *   on Claude 4.6 and later adaptive `thinking` with `output_config.effort`,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 * - Nova 2: `reasoningConfig: {type: "enabled", maxReasoningEffort}` (`low`, `medium`, `high`),
 *   https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html and
 *   https://docs.aws.amazon.com/nova/latest/nova2-userguide/using-converse-api.html#converse-api-reasoning
 *
 * Values are checked here because AWS's refusal of an unknown one names neither the field nor the values.
 */
import type { DocumentType } from '@smithy/types';
import { quotedJson } from '../../../config/quoted';
import { GatewayError } from '../../../errors';
import type { ChatRequest } from '../../../schema';
import type { ClaudeThinkingForm } from '../../shared/claude-thinking-form';
import { claudeThinkingOf, listOfValues } from '../../shared/thinking';
import type { BedrockFamily, ReasoningEffortMapping } from '../families';
import { providerLabel } from '../shared';

type NativeFields = Record<string, DocumentType>;

function asSent(request: ChatRequest, levels: readonly string[], family: BedrockFamily): NativeFields {
  const effort = request.reasoning_effort;
  if (typeof effort !== 'string' || !levels.includes(effort)) {
    throw GatewayError.invalidParam(`reasoning_effort: ${providerLabel(family)} takes ${listOfValues(levels)}, not ${quotedJson(effort)}.`, 'reasoning_effort');
  }
  return { reasoning_effort: effort };
}

/**
 * Claude's thinking budget counts toward maxTokens, which must stay above it. Without a client
 * limit none is sent: Converse then allows the model's maximum, far above the largest budget.
 * Adaptive thinking has no budget, so any client limit goes as sent.
 */
function claudeThinking(request: ChatRequest, family: BedrockFamily, form: ClaudeThinkingForm): NativeFields {
  const fields = claudeThinkingOf(request, providerLabel(family), form);
  // Fresh objects each call, so the request body may own them.
  return (fields ?? {}) as NativeFields;
}

/** Nova 2's levels; `none` is its default (reasoning off), so nothing is sent for it. */
const NOVA_LEVELS = ['none', 'low', 'medium', 'high'];

/** What Nova 2 refuses beside high effort: the client's own sampling and length limits. */
const NOVA_HIGH_EFFORT_UNSET = ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens'] as const;

/**
 * Nova 2 at high effort takes no temperature, topP or maxTokens (AWS: they must be unset): one the
 * client sent is a 400 naming it, rather than dropped, which would change what the client asked for.
 */
function novaReasoningConfig(request: ChatRequest, family: BedrockFamily): NativeFields {
  const { reasoning_effort: effort } = asSent(request, NOVA_LEVELS, family);
  if (effort === 'none') return {};
  if (effort === 'high') {
    const set = NOVA_HIGH_EFFORT_UNSET.find((name) => request[name] !== undefined);
    if (set !== undefined) {
      throw GatewayError.invalidParam(`${set}: ${providerLabel(family)} takes no ${set} with reasoning_effort 'high' (AWS requires it unset); remove it or use 'medium'.`, set);
    }
  }
  return { reasoningConfig: { type: 'enabled', maxReasoningEffort: effort } };
}

/** The additional model request fields for the request's `reasoning_effort`; none without one. */
export function reasoningEffortFields(request: ChatRequest, family: BedrockFamily): NativeFields {
  const mapping: ReasoningEffortMapping | null = family.reasoningEffort;
  if (request.reasoning_effort === undefined || mapping === null) return {};
  switch (mapping.kind) {
    case 'as-sent':
      return asSent(request, mapping.levels, family);
    case 'claude-thinking':
      return claudeThinking(request, family, mapping.form);
    case 'nova-reasoning-config':
      return novaReasoningConfig(request, family);
    default: {
      const unreachable: never = mapping;
      throw new Error(`Unknown reasoning_effort mapping ${JSON.stringify(unreachable)}`);
    }
  }
}
