import { canonicalProviderName, normaliseConfig } from '../../../src/config/normalise';

describe('canonicalProviderName', () => {
  it.each([
    ['OpenAI', 'openai'],
    ['AMAZON_BEDROCK', 'amazon-bedrock'],
    ['huggingface_text_generation_inference', 'huggingface-text-generation-inference'],
    ['Mlflow-Model_Serving', 'mlflow-model-serving'],
  ])('maps %s to %s', (written, canonical) => {
    expect(canonicalProviderName(written)).toBe(canonical);
  });

  it('returns an unknown name unchanged so errors quote what the user wrote', () => {
    expect(canonicalProviderName('Databricks_Model_Serving')).toBe('Databricks_Model_Serving');
  });
});

describe('normaliseConfig', () => {
  it('returns a normalised copy and leaves the parsed document untouched', () => {
    const document = Object.freeze({
      endpoints: Object.freeze([
        Object.freeze({
          name: 'chat',
          model: Object.freeze({ provider: 'OpenAI', config: Object.freeze({ openai_api_key: 'k', openai_api_type: 'AzureAD' }) }),
        }),
        'not a mapping',
      ]),
    });
    expect(normaliseConfig(document)).toEqual({
      endpoints: [{ name: 'chat', model: { provider: 'openai', config: { openai_api_key: 'k', openai_api_type: 'azuread' } } }, 'not a mapping'],
    });
    expect(document.endpoints[0]).toEqual({
      name: 'chat',
      model: { provider: 'OpenAI', config: { openai_api_key: 'k', openai_api_type: 'AzureAD' } },
    });
  });
});
