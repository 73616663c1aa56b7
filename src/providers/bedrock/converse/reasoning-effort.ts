/**
 * OpenAI's `reasoning_effort` on Converse chat, in each family's own field of
 * `additionalModelRequestFields` (the mapping is the family's, chosen at config load):
 *
 * - gpt-oss: `reasoning_effort` as sent (`low`, `medium`, `high`), which AWS passes to the model,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * - Claude: extended `thinking` with LiteLLM's budgets, as on the Anthropic provider (shared/thinking.ts),
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 *
 * Values are checked here because AWS's refusal of an unknown one names neither the field nor the values.
 */
import type { DocumentType } from '@smithy/types';
import { GatewayError } from '../../../errors';
import type { ChatRequest } from '../../../schema';
import { maxTokensOf } from '../../shared/parameters';
import { claudeThinkingFor, listOfValues, requireRoomForThinking } from '../../shared/thinking';
import type { BedrockFamily, ReasoningEffortMapping } from '../families';
import { providerLabel } from '../shared';

type NativeFields = Record<string, DocumentType>;

function asSent(request: ChatRequest, levels: readonly string[], family: BedrockFamily): NativeFields {
  const effort = request.reasoning_effort;
  if (typeof effort !== 'string' || !levels.includes(effort)) {
    throw GatewayError.invalidParam(`reasoning_effort: ${providerLabel(family)} takes ${listOfValues(levels)}, not ${JSON.stringify(effort)}.`, 'reasoning_effort');
  }
  return { reasoning_effort: effort };
}

/**
 * Claude's thinking budget counts toward maxTokens, which must stay above it. Without a client
 * limit none is sent: Converse then allows the model's maximum, far above the largest budget.
 */
function claudeThinking(request: ChatRequest, family: BedrockFamily): NativeFields {
  const label = providerLabel(family);
  const thinking = claudeThinkingFor(request, label);
  if (thinking === null) return {};
  requireRoomForThinking(request, maxTokensOf(request), thinking, label);
  return { thinking: { ...thinking } };
}

/** The additional model request fields for the request's `reasoning_effort`; none without one. */
export function reasoningEffortFields(request: ChatRequest, family: BedrockFamily): NativeFields {
  const mapping: ReasoningEffortMapping | null = family.reasoningEffort;
  if (request.reasoning_effort === undefined || mapping === null) return {};
  switch (mapping.kind) {
    case 'as-sent':
      return asSent(request, mapping.levels, family);
    case 'claude-thinking':
      return claudeThinking(request, family);
    default: {
      const unreachable: never = mapping;
      throw new Error(`Unknown reasoning_effort mapping ${JSON.stringify(unreachable)}`);
    }
  }
}
