/**
 * An endpoint's `gen_ai.provider.name` (the `gen_ai_provider_name` label of the GenAI metrics):
 * OpenTelemetry's well-known value for its provider, from the GenAI semantic conventions
 * (https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/#gen-ai-provider-name),
 * or the provider's config name where the conventions list none. Decided once at config load.
 */
import { isBuiltInProvider } from '../providers';
import { parseOpenAIApiType } from '../providers/openai';
import type { ProviderName } from '../schema';

/** Null: the conventions have no value for the provider, which keeps its config name. */
const WELL_KNOWN_NAMES = {
  openai: 'openai',
  anthropic: 'anthropic',
  // The conventions name the generativelanguage.googleapis.com API (AI Studio) gcp.gemini; PaLM was served there too.
  gemini: 'gcp.gemini',
  palm: 'gcp.gemini',
  bedrock: 'aws.bedrock',
  'amazon-bedrock': 'aws.bedrock',
  cohere: 'cohere',
  mistral: 'mistral_ai',
  togetherai: null,
  'huggingface-text-generation-inference': null,
  ai21labs: null,
  mosaicml: null,
  'mlflow-model-serving': null,
  mock: null,
} as const satisfies Record<ProviderName, string | null>;

/** Azure OpenAI speaks OpenAI's API but has its own value (`openai_api_type` azure or azuread). */
function isAzureOpenAI(config: unknown): boolean {
  const type = (config as { openai_api_type?: unknown } | undefined)?.openai_api_type;
  return typeof type === 'string' && parseOpenAIApiType(type) !== 'openai';
}

/** `provider` is the normalised config name; `config` the endpoint's `model.config`, already validated. */
export function genAiProviderName(provider: string, config: unknown): string {
  if (!isBuiltInProvider(provider)) return provider;
  if (provider === 'openai' && isAzureOpenAI(config)) return 'azure.ai.openai';
  return WELL_KNOWN_NAMES[provider] ?? provider;
}
