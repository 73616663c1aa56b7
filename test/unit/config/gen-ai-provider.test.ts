/**
 * Each provider's `gen_ai.provider.name`, as OpenTelemetry's GenAI semantic conventions list the
 * well-known values (model/gen-ai/registry.yaml in open-telemetry/semantic-conventions;
 * https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/#gen-ai-provider-name).
 */
import { genAiProviderName } from '../../../src/config/gen-ai-provider';

test('providers the conventions name get their well-known value', () => {
  expect(
    Object.fromEntries(['openai', 'anthropic', 'gemini', 'palm', 'bedrock', 'amazon-bedrock', 'cohere', 'mistral'].map((provider) => [provider, genAiProviderName(provider, {})])),
  ).toEqual({
    openai: 'openai',
    anthropic: 'anthropic',
    // Both call generativelanguage.googleapis.com, the endpoint the conventions name gcp.gemini.
    gemini: 'gcp.gemini',
    palm: 'gcp.gemini',
    bedrock: 'aws.bedrock',
    'amazon-bedrock': 'aws.bedrock',
    cohere: 'cohere',
    mistral: 'mistral_ai',
  });
});

test('Azure OpenAI is azure.ai.openai, whichever way it authenticates and however the type is spelt', () => {
  for (const type of ['azure', 'azuread', 'Azure', 'AZUREAD']) expect(genAiProviderName('openai', { openai_api_type: type })).toBe('azure.ai.openai');
  expect(genAiProviderName('openai', { openai_api_type: 'openai' })).toBe('openai');
  expect(genAiProviderName('openai', undefined)).toBe('openai');
});

test('providers the conventions do not name, and plugins, keep their config name', () => {
  for (const provider of ['togetherai', 'huggingface-text-generation-inference', 'ai21labs', 'mosaicml', 'mlflow-model-serving', 'mock', '@acme/llm']) {
    expect(genAiProviderName(provider, {})).toBe(provider);
  }
  // A plugin's config is its own: an `openai_api_type` there means nothing to us.
  expect(genAiProviderName('acme-openai', { openai_api_type: 'azure' })).toBe('acme-openai');
});
