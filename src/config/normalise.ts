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
export function normaliseConfig(document: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(document.endpoints)) return { ...document };
  return { ...document, endpoints: document.endpoints.map(normaliseEndpoint) };
}

function normaliseEndpoint(endpoint: unknown): unknown {
  if (!isRecord(endpoint) || !isRecord(endpoint.model)) return endpoint;
  return { ...endpoint, model: normaliseModel(endpoint.model) };
}

function normaliseModel(model: Record<string, unknown>): Record<string, unknown> {
  const normalised: Record<string, unknown> = { ...model };
  if (typeof model.provider === 'string') normalised.provider = canonicalProviderName(model.provider);
  if (isRecord(model.config) && typeof model.config.openai_api_type === 'string') {
    // MLflow compares the API type case-insensitively (`Azure`, `AZUREAD`).
    normalised.config = { ...model.config, openai_api_type: model.config.openai_api_type.toLowerCase() };
  }
  return normalised;
}
