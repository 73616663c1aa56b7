/**
 * Amazon Bedrock endpoints whose model id is of no family the gateway lists (a model AWS shipped
 * after the list was written, or a custom model's ARN). They are served through Converse with
 * conservative defaults (providers/bedrock/families.ts) rather than refused; each is reported once
 * per load as a warning with its YAML path, so a typo in a model id is seen before the first call.
 */
import type { GatewayConfig } from '../../generated/config';
import { listedBedrockFamily } from '../providers/bedrock/families';
import type { ConfigIssue } from './config-error';

/** One warning per Bedrock chat or completions endpoint of an unlisted model (embeddings of one are refused). */
export function unlistedBedrockModelWarnings(config: GatewayConfig): ConfigIssue[] {
  return config.endpoints.flatMap((endpoint, index) => {
    const { provider, name } = endpoint.model;
    if ((provider !== 'bedrock' && provider !== 'amazon-bedrock') || typeof name !== 'string' || endpoint.endpoint_type === 'llm/v1/embeddings') return [];
    if (listedBedrockFamily(name) !== null) return [];
    return [
      {
        path: `endpoints[${index}].model.name`,
        message: `endpoint '${endpoint.name}': Amazon Bedrock model '${name}' is of no model family the gateway lists; it is served through Converse with defaults that suit any model (temperature × 0.5, no top_k, reasoning as reasoning_content)`,
      },
    ];
  });
}
