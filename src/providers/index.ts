/**
 * The provider registry: one adapter per provider name of the config schema. Declared with
 * `satisfies Record<ProviderName, …>`, so a provider added to the schema but not here fails `tsc`.
 * Plugin providers (src/plugins/) are looked up after the built-ins, in the adapters loaded for the config.
 */
import type { PluginAdapters } from '../plugins/modules';
import type { ProviderName } from '../schema';
import { ai21labsAdapter } from './ai21labs';
import { anthropicAdapter } from './anthropic';
import { bedrockAdapter } from './bedrock';
import { cohereAdapter } from './cohere';
import { geminiAdapter } from './gemini';
import { tgiAdapter } from './huggingface-text-generation-inference';
import { mistralAdapter } from './mistral';
import { mlflowModelServingAdapter } from './mlflow-model-serving';
import { mockAdapter } from './mock';
import { mosaicmlAdapter } from './mosaicml';
import { openaiAdapter } from './openai';
import { palmAdapter } from './palm';
import { togetheraiAdapter } from './togetherai';
import type { CallContext, ProviderAdapter } from './types';

export const providers = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
  bedrock: bedrockAdapter,
  'amazon-bedrock': bedrockAdapter,
  cohere: cohereAdapter,
  mistral: mistralAdapter,
  togetherai: togetheraiAdapter,
  'huggingface-text-generation-inference': tgiAdapter,
  ai21labs: ai21labsAdapter,
  mosaicml: mosaicmlAdapter,
  palm: palmAdapter,
  'mlflow-model-serving': mlflowModelServingAdapter,
  mock: mockAdapter,
} satisfies Record<ProviderName, ProviderAdapter<never, CallContext>>;

export function isBuiltInProvider(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}

/**
 * The built-in adapter named `name`, else the loaded plugin's; undefined when neither has it. A
 * plugin's endpoints take the RequestContext part of the CallContext the gateway passes.
 */
export function adapterFor(name: string, plugins: PluginAdapters = new Map()): ProviderAdapter<unknown, CallContext> | undefined {
  return isBuiltInProvider(name) ? (providers[name] as ProviderAdapter<unknown, CallContext>) : plugins.get(name);
}
