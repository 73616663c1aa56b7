/**
 * The provider registry: one adapter per provider name of the config schema. Declared with
 * `satisfies Record<ProviderName, …>`, so a provider added to the schema but not here fails `tsc`.
 */
import type { ProviderName } from '../schema';
import { bedrockAdapter } from './bedrock';
import { mockAdapter } from './mock';
import { openaiAdapter } from './openai';
import type { ProviderAdapter } from './types';

/** Adapter for a provider whose translation has not landed yet: refused at config load. */
function notYetAvailable(displayName: string): ProviderAdapter<unknown> {
  return {
    displayName,
    endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
    createEndpoint() {
      throw new Error(`the ${displayName} provider is not available in this version of the gateway yet`);
    },
  };
}

export const providers = {
  openai: openaiAdapter,
  anthropic: notYetAvailable('Anthropic'),
  gemini: notYetAvailable('Gemini'),
  bedrock: bedrockAdapter,
  'amazon-bedrock': bedrockAdapter,
  cohere: notYetAvailable('Cohere'),
  mistral: notYetAvailable('Mistral'),
  togetherai: notYetAvailable('TogetherAI'),
  'huggingface-text-generation-inference': notYetAvailable('Hugging Face Text Generation Inference'),
  ai21labs: notYetAvailable('AI21Labs'),
  mosaicml: notYetAvailable('MosaicML'),
  palm: notYetAvailable('PaLM'),
  'mlflow-model-serving': notYetAvailable('MLflow Model Serving'),
  mock: mockAdapter,
} satisfies Record<ProviderName, ProviderAdapter<never>>;

export function adapterFor(name: ProviderName): ProviderAdapter<unknown> {
  return providers[name] as ProviderAdapter<unknown>;
}
