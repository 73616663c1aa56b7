/**
 * Spelling normalisation applied to a parsed config before schema validation, so that every
 * spelling MLflow accepts validates against the schema's canonical enums.
 */
import configSchema from '../../config-schema/gateway-config.schema.json';
import type { EndpointType, ProviderName } from '../../generated/config';
import { isRecord } from './yaml-path';

/** Provider ids accepted by the config schema, in schema order. */
export const PROVIDER_NAMES = configSchema.definitions.ProviderName.enum as readonly ProviderName[];

/** Endpoint types accepted by the config schema, in schema order. */
export const ENDPOINT_TYPES = configSchema.definitions.EndpointType.enum as readonly EndpointType[];

/**
 * MLflow accepts any case and `_` for `-` (`OpenAI`, `AMAZON_BEDROCK`,
 * `huggingface_text_generation_inference`). A name that matches no provider is returned unchanged
 * so the schema error quotes what the user wrote.
 */
export function canonicalProviderName(value: string): string {
  const candidate = value.replace(/_/g, '-').toLowerCase();
  return (PROVIDER_NAMES as readonly string[]).includes(candidate) ? candidate : value;
}

/** A copy of `document` with provider names and `openai_api_type` in canonical form; the input is not changed. */
/**
 * Optional keys MLflow declares `Optional[...] = None`: an explicit null (an empty YAML value, as a
 * templated config often has) means "not set" there, so it is dropped here before validation.
 */
const NULLABLE_CONFIG_KEYS = ['openai_api_base', 'openai_api_version', 'openai_deployment_name', 'openai_organization', 'mosaicml_api_base'];
const NULLABLE_AWS_KEYS = ['aws_region', 'aws_session_token'];

function withoutNullKeys(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (!keys.some((key) => record[key] === null)) return record;
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => !(value === null && keys.includes(key))));
}

export function normaliseConfig(document: Record<string, unknown>): Record<string, unknown> {
  const normalised = withoutNullKeys(document, ['routes']);
  if (!Array.isArray(normalised.endpoints)) return { ...normalised };
  return { ...normalised, endpoints: normalised.endpoints.map(normaliseEndpoint) };
}

function normaliseEndpoint(endpoint: unknown): unknown {
  if (!isRecord(endpoint) || !isRecord(endpoint.model)) return endpoint;
  const normalised = withoutNullKeys(endpoint, ['limit']);
  return { ...normalised, model: normaliseModel(endpoint.model) };
}

function normaliseModel(model: Record<string, unknown>): Record<string, unknown> {
  const normalised: Record<string, unknown> = { ...model };
  if (typeof model.provider === 'string') normalised.provider = canonicalProviderName(model.provider);
  if (isRecord(model.config)) normalised.config = normaliseProviderConfig(model.config);
  return normalised;
}

function normaliseProviderConfig(config: Record<string, unknown>): Record<string, unknown> {
  const normalised = withoutNullKeys(config, NULLABLE_CONFIG_KEYS);
  // MLflow compares the API type case-insensitively (`Azure`, `AZUREAD`).
  const apiType = typeof config.openai_api_type === 'string' ? { openai_api_type: config.openai_api_type.toLowerCase() } : {};
  const awsConfig = isRecord(config.aws_config) ? { aws_config: withoutNullKeys(config.aws_config, NULLABLE_AWS_KEYS) } : {};
  return { ...normalised, ...apiType, ...awsConfig };
}

/**
 * MLflow's docs list `azure` / `azuread` as providers and show `provider: azuread`, yet neither is
 * one (in MLflow either): Azure OpenAI is the openai provider with an API type.
 */
export function azureProviderHint(name: string): string | undefined {
  const type = name.toLowerCase();
  if (type !== 'azure' && type !== 'azuread') return undefined;
  return ` Azure OpenAI is 'provider: openai' with 'openai_api_type: ${type}' (and openai_api_base, openai_deployment_name, openai_api_version) in its config.`;
}
