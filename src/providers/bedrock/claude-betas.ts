/**
 * Anthropic's beta features for Claude on Amazon Bedrock: the endpoint's `anthropic_beta`
 * (shared/anthropic-beta.ts) goes as the `anthropic_beta` list of Claude's request body, which
 * Converse carries in `additionalModelRequestFields`.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-response.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (additionalModelRequestFields)
 */
import type { DocumentType } from '@smithy/types';
import type { BedrockConfig } from '../../../generated/config';
import { anthropicBetasOf } from '../shared/anthropic-beta';
import { ConfigKeyError } from '../shared/config-key-error';
import type { ConverseBody } from './converse';
import { mayBeClaude, type BedrockFamily } from './families';

/**
 * The endpoint's betas, read at config load. Only Claude takes them: set on a model the gateway
 * knows is not Claude, they are refused at `anthropic_beta` (the model would refuse the field on
 * every call); a model of no listed family may be Claude, so they go along.
 */
export function claudeBetasOf(config: BedrockConfig, modelId: string, family: BedrockFamily): string[] {
  const betas = anthropicBetasOf(config.anthropic_beta);
  if (betas.length > 0 && !mayBeClaude(modelId)) {
    throw new ConfigKeyError(`Anthropic's betas apply to Claude models only, and Amazon Bedrock model '${modelId}' is ${family.label}`, ['anthropic_beta']);
  }
  return betas;
}

/** The Converse body with the betas beside the request's own native fields; unchanged without betas. */
export function withAnthropicBeta(body: ConverseBody, betas: readonly string[]): ConverseBody {
  if (betas.length === 0) return body;
  const fields = (body.additionalModelRequestFields ?? {}) as Record<string, DocumentType>;
  return { ...body, additionalModelRequestFields: { ...fields, anthropic_beta: [...betas] } };
}
