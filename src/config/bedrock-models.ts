/**
 * Amazon Bedrock endpoints whose model id the gateway can tell at load is likely not what was meant,
 * each reported once per load as a warning with its YAML path, seen before the first call:
 * - a model id of no family the gateway lists (a model AWS shipped after the list was written, or a
 *   custom model's ARN): served through Converse with conservative defaults
 *   (providers/bedrock/families.ts) rather than refused, so a typo shows here;
 * - a cross-region inference profile of another geography than the endpoint's Region
 *   (providers/bedrock/inference-profiles.ts), which AWS refuses on every call.
 */
import type { AwsConfig, GatewayConfig } from '../../generated/config';
import { resolveRegion } from '../providers/bedrock/client';
import { listedBedrockFamily } from '../providers/bedrock/families';
import { inferenceProfileRegionMismatch } from '../providers/bedrock/inference-profiles';
import type { ConfigIssue } from './config-error';
import { quoted } from './quoted';

const isBedrock = (provider: string) => provider === 'bedrock' || provider === 'amazon-bedrock';

/** Every warning of this file for `config`; `env` gives the Region of an endpoint without aws_region. */
export function bedrockModelWarnings(config: GatewayConfig, env: NodeJS.ProcessEnv = process.env): ConfigIssue[] {
  return [...unlistedBedrockModelWarnings(config), ...inferenceProfileRegionWarnings(config, env)];
}

/** One warning per Bedrock endpoint whose inference profile is of another geography than its Region (when the Region is known at load). */
export function inferenceProfileRegionWarnings(config: GatewayConfig, env: NodeJS.ProcessEnv): ConfigIssue[] {
  return config.endpoints.flatMap((endpoint, index) => {
    const { provider, name } = endpoint.model;
    if (!isBedrock(provider) || typeof name !== 'string') return [];
    const awsConfig = (endpoint.model.config as { aws_config?: AwsConfig } | undefined)?.aws_config;
    const region = resolveRegion(awsConfig ?? {}, env);
    const mismatch = region === undefined ? null : inferenceProfileRegionMismatch(name, region);
    return mismatch === null ? [] : [{ path: `endpoints[${index}].model.name`, message: `endpoint ${quoted(endpoint.name)}: ${mismatch}` }];
  });
}

/** One warning per Bedrock chat or completions endpoint of an unlisted model (embeddings of one are refused). */
export function unlistedBedrockModelWarnings(config: GatewayConfig): ConfigIssue[] {
  return config.endpoints.flatMap((endpoint, index) => {
    const { provider, name } = endpoint.model;
    if (!isBedrock(provider) || typeof name !== 'string' || endpoint.endpoint_type === 'llm/v1/embeddings') return [];
    if (listedBedrockFamily(name) !== null) return [];
    return [
      {
        path: `endpoints[${index}].model.name`,
        message: `endpoint ${quoted(endpoint.name)}: Amazon Bedrock model ${quoted(name)} is of no model family the gateway lists; it is served through Converse with defaults that suit any model (temperature × 0.5, no top_k, reasoning as reasoning_content)`,
      },
    ];
  });
}
