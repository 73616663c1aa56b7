/**
 * An endpoint's parameter default that every request would be refused for (reasoning_effort on
 * completions, on a model that does not take it, or at a level the model refuses) is a config
 * problem at load, at its YAML path, with the message a request carrying it gets; the providers
 * that map or refuse reasoning_effort check it with their request checks.
 */
import { compilePlan } from '../../../src/config/compile';
import { issuesOf, loadInline } from '../../support/config';
import { LONG_VALUE, LONG_VALUE_CUT } from '../../support/long-value';

const CREDENTIALS = {
  anthropic: 'anthropic_api_key: sk-ant-test',
  gemini: 'gemini_api_key: gm-test',
  bedrock: 'aws_config: { aws_region: us-east-1 }',
  openai: 'openai_api_key: sk-test',
  cohere: 'cohere_api_key: co-test',
  palm: 'palm_api_key: palm-test',
  mosaicml: 'mosaicml_api_key: mosaic-test',
  ai21labs: 'ai21labs_api_key: ai21-test',
  'huggingface-text-generation-inference': 'hf_server_url: http://tgi.internal',
  mistral: 'mistral_api_key: mi-test',
  togetherai: 'togetherai_api_key: tg-test',
  'mlflow-model-serving': 'model_server_url: http://models.internal',
} as const;

type Provider = keyof typeof CREDENTIALS;

function config(provider: Provider, endpointType: string, model: string, defaults: string): string {
  return `
endpoints:
  - name: fine
    endpoint_type: llm/v1/chat
    model: { provider: mock }
  - name: thinker
    endpoint_type: llm/v1/${endpointType}
    model:
      provider: ${provider}
      name: ${model}
      config: { ${CREDENTIALS[provider]}, ${defaults} }
`;
}

describe('a reasoning_effort default no request could use is refused at load, with the message a request gets', () => {
  test.each([
    ['anthropic', 'completions', 'claude-sonnet-4-5', 'reasoning_effort: medium', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Anthropic completions."],
    ['anthropic', 'chat', 'claude-opus-4-7', 'reasoning_effort: extreme', `endpoint 'thinker': reasoning_effort: Anthropic takes 'none', 'minimal', 'low', 'medium', 'high', 'xhigh' or 'max', not "extreme".`],
    ['anthropic', 'chat', 'claude-sonnet-4-5', 'reasoning_effort: max', `endpoint 'thinker': reasoning_effort: Anthropic takes 'none', 'minimal', 'low', 'medium' or 'high', not "max".`],
    ['gemini', 'completions', 'gemini-2.5-flash', 'reasoning_effort: low', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Gemini."],
    ['gemini', 'chat', 'gemini-3-pro', 'reasoning_effort: none', "endpoint 'thinker': reasoning_effort: Gemini 3 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'."],
    ['gemini', 'chat', 'gemini-2.5-pro', 'reasoning_effort: none', "endpoint 'thinker': reasoning_effort: Gemini 2.5 Pro cannot turn thinking off; use 'minimal', 'low', 'medium' or 'high'."],
    ['gemini', 'chat', 'gemini-2.5-flash', 'reasoning_effort: max', `endpoint 'thinker': reasoning_effort: Gemini 2.5 takes 'none', 'minimal', 'low', 'medium' or 'high', not "max".`],
    ['gemini', 'chat', 'gemini-2.0-flash', 'reasoning_effort: low', "endpoint 'thinker': reasoning_effort: Gemini 2.0 does not think; use a Gemini 2.5 or later model, or 'none'."],
    ['bedrock', 'chat', 'amazon.nova-lite-v1:0', 'reasoning_effort: low', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Amazon Bedrock (Amazon Nova)."],
    ['bedrock', 'chat', 'amazon.nova-2-lite-v1:0', 'reasoning_effort: minimal', `endpoint 'thinker': reasoning_effort: Amazon Bedrock (Amazon Nova 2) takes 'none', 'low', 'medium' or 'high', not "minimal".`],
    ['bedrock', 'chat', 'openai.gpt-oss-120b-1:0', 'reasoning_effort: minimal', `endpoint 'thinker': reasoning_effort: Amazon Bedrock (OpenAI gpt-oss) takes 'low', 'medium' or 'high', not "minimal".`],
    [
      'bedrock',
      'chat',
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'reasoning_effort: xhigh',
      `endpoint 'thinker': reasoning_effort: Amazon Bedrock (Anthropic Claude) takes 'none', 'minimal', 'low', 'medium' or 'high', not "xhigh".`,
    ],
    ['bedrock', 'completions', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'reasoning_effort: low', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Amazon Bedrock (Anthropic Claude)."],
    ['bedrock', 'completions', 'amazon.titan-text-express-v1', 'reasoning_effort: low', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Amazon Bedrock (Amazon Titan Text)."],
  ] as const)('%s %s %s with %s', (provider, endpointType, model, defaults, message) => {
    expect(issuesOf(config(provider, endpointType, model, defaults))).toEqual([{ path: 'endpoints[1].model.config.reasoning_effort', message }]);
  });

  test('a long default is quoted cut (Bedrock gpt-oss, whose levels go as sent)', () => {
    expect(issuesOf(config('bedrock', 'chat', 'openai.gpt-oss-120b-1:0', `reasoning_effort: ${LONG_VALUE}`))).toEqual([
      { path: 'endpoints[1].model.config.reasoning_effort', message: `endpoint 'thinker': reasoning_effort: Amazon Bedrock (OpenAI gpt-oss) takes 'low', 'medium' or 'high', not ${LONG_VALUE_CUT}.` },
    ]);
  });

  test('a default that conflicts with another default is reported at the key the request names (Claude on Bedrock: no room for the budget; Nova 2 high with a temperature)', () => {
    expect(issuesOf(config('bedrock', 'chat', 'anthropic.claude-3-7-sonnet-20250219-v1:0', 'reasoning_effort: high, max_tokens: 4096'))).toEqual([
      {
        path: 'endpoints[1].model.config.max_tokens',
        message: expect.stringMatching(/^endpoint 'thinker': max_tokens \(4096\) must be above the thinking budget of reasoning_effort 'high' \(4096 tokens\) on Amazon Bedrock \(Anthropic Claude\)/),
      },
    ]);
    expect(issuesOf(config('bedrock', 'chat', 'amazon.nova-2-lite-v1:0', 'reasoning_effort: high, temperature: 0.4'))).toEqual([
      { path: 'endpoints[1].model.config.temperature', message: expect.stringMatching(/^endpoint 'thinker': temperature: Amazon Bedrock \(Amazon Nova 2\) takes no temperature with reasoning_effort 'high'/) },
    ]);
  });

  test('an Anthropic default refused as before is now reported at its own key', () => {
    expect(issuesOf(config('anthropic', 'chat', 'claude-sonnet-4-5', 'seed: 3'))).toEqual([
      { path: 'endpoints[1].model.config.seed', message: "endpoint 'thinker': The parameter 'seed' is not supported by Anthropic." },
    ]);
  });

  test('a stop default of whitespace alone, which Claude refuses, is reported at model.config.stop (Anthropic, Claude on Bedrock)', () => {
    expect(issuesOf(config('anthropic', 'completions', 'claude-sonnet-4-5', 'stop: "\\n"'))).toEqual([
      { path: 'endpoints[1].model.config.stop', message: `endpoint 'thinker': stop: Anthropic refuses a stop sequence that is empty or only whitespace ("\\n").` },
    ]);
    expect(issuesOf(config('bedrock', 'completions', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'stop: ["END", " "]'))).toEqual([
      { path: 'endpoints[1].model.config.stop', message: `endpoint 'thinker': stop[1]: Amazon Bedrock (Anthropic Claude) refuses a stop sequence that is empty or only whitespace (" ").` },
    ]);
  });

  test('compiling (as start-up and reload do) refuses it too', () => {
    expect(() => compilePlan(loadInline(config('gemini', 'chat', 'gemini-3-pro', 'reasoning_effort: none')), '/config.yaml')).toThrow(
      'endpoints[1].model.config.reasoning_effort',
    );
  });
});

describe('the other providers that refuse parameters check their defaults at load with their request checks', () => {
  const TGI = 'huggingface-text-generation-inference';
  test.each([
    ['cohere', 'chat', 'command-r-plus', 'n', 'n: 2', "endpoint 'thinker': Parameter n must be 1 for Cohere chat, got 2."],
    ['cohere', 'chat', 'command-a-reasoning-08-2025', 'reasoning_effort', 'reasoning_effort: max', `endpoint 'thinker': reasoning_effort: Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not "max".`],
    [
      'cohere',
      'chat',
      'command-a-reasoning-08-2025',
      'reasoning_effort',
      'reasoning_effort: low, cohere_api_base: "http://proxy.internal/cohere"',
      "endpoint 'thinker': reasoning_effort: tool calling and thinking go to Cohere's v2 chat API, whose URL the gateway derives from cohere_api_base by replacing its final '/v1' with '/v2'; this endpoint's cohere_api_base does not end in '/v1': set cohere_api_v2_base to the v2 API's base.",
    ],
    ['cohere', 'chat', 'command-a-reasoning-08-2025', 'reasoning_effort', 'reasoning_effort: max, cohere_api_base: "http://proxy.internal/cohere", cohere_api_v2_base: "http://proxy.internal/cohere-v2"', `endpoint 'thinker': reasoning_effort: Cohere takes 'none', 'minimal', 'low', 'medium' or 'high', not "max".`],
    ['cohere', 'completions', 'command', 'reasoning_effort', 'reasoning_effort: low', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Cohere."],
    ['palm', 'chat', 'chat-bison-001', 'max_tokens', 'max_tokens: 256', "endpoint 'thinker': The parameter 'max_tokens' is not supported by PaLM chat."],
    ['palm', 'completions', 'text-bison-001', 'seed', 'seed: 7', "endpoint 'thinker': The parameter 'seed' is not supported by PaLM."],
    ['mosaicml', 'chat', 'llama2-70b-chat', 'n', 'n: 2', "endpoint 'thinker': The parameter 'n' must be 1 for MosaicML: it returns one choice per request."],
    ['mosaicml', 'completions', 'mpt-7b-instruct', 'presence_penalty', 'presence_penalty: 0.5', "endpoint 'thinker': The parameter 'presence_penalty' is not supported by MosaicML."],
    ['ai21labs', 'completions', 'j2-ultra', 'top_k', 'top_k: 40', "endpoint 'thinker': The parameter 'top_k' is not supported by AI21Labs."],
    [TGI, 'completions', 'mistral-7b', 'presence_penalty', 'presence_penalty: 0.5', "endpoint 'thinker': The parameter 'presence_penalty' is not supported by Hugging Face Text Generation Inference."],
    [TGI, 'chat', 'tgi', 'reasoning_effort', 'reasoning_effort: high', "endpoint 'thinker': The parameter 'reasoning_effort' is not supported by Hugging Face Text Generation Inference."],
    ['mistral', 'chat', 'mistral-small-latest', 'top_k', 'top_k: 40', "endpoint 'thinker': The parameter 'top_k' is not supported by Mistral."],
    ['mistral', 'completions', 'mistral-small-latest', 'top_k', 'top_k: 40', "endpoint 'thinker': The parameter 'top_k' is not supported by Mistral."],
  ] as const)('%s %s %s: %s', (provider, endpointType, model, key, defaults, message) => {
    expect(issuesOf(config(provider, endpointType, model, defaults))).toEqual([{ path: `endpoints[1].model.config.${key}`, message }]);
  });

  test('compiling (as start-up and reload do) refuses it too', () => {
    expect(() => compilePlan(loadInline(config('cohere', 'chat', 'command-r-plus', 'reasoning_effort: extreme')), '/config.yaml')).toThrow('endpoints[1].model.config.reasoning_effort');
  });
});

describe('defaults a request can use load as before', () => {
  test.each([
    ['anthropic', 'chat', 'claude-opus-4-7', 'reasoning_effort: xhigh'],
    ['anthropic', 'completions', 'claude-sonnet-4-5', 'temperature: 0.4'],
    ['gemini', 'chat', 'gemini-3-pro', 'reasoning_effort: low'],
    ['gemini', 'chat', 'gemini-2.5-flash', 'reasoning_effort: none'],
    ['gemini', 'chat', 'gemini-2.0-flash', 'reasoning_effort: none'],
    ['gemini', 'completions', 'gemini-2.5-flash', 'temperature: 0.4, max_tokens: 100'],
    ['bedrock', 'chat', 'amazon.nova-2-lite-v1:0', 'reasoning_effort: medium, temperature: 0.4'],
    ['bedrock', 'chat', 'openai.gpt-oss-120b-1:0', 'reasoning_effort: high'],
    ['bedrock', 'chat', 'anthropic.claude-opus-4-7', 'reasoning_effort: max, max_tokens: 1024'],
    ['bedrock', 'completions', 'amazon.titan-text-express-v1', 'temperature: 0.4'],
    ['bedrock', 'completions', 'us.meta.llama3-3-70b-instruct-v1:0', 'temperature: 0.4, max_tokens: 100'],
    // Providers that pass reasoning_effort on let the upstream judge it, as for a request.
    ['openai', 'chat', 'gpt-4o-mini', 'reasoning_effort: extreme'],
    ['mlflow-model-serving', 'chat', 'my-llm', 'reasoning_effort: low'],
    ['cohere', 'chat', 'command-r-plus', 'temperature: 0.4, top_p: 0.9, max_tokens: 100'],
    ['cohere', 'chat', 'command-a-reasoning-08-2025', 'reasoning_effort: none'],
    ['cohere', 'completions', 'command', 'stop: ["###"], n: 2'],
    ['palm', 'completions', 'text-bison-001', 'max_tokens: 256, stop: ["###"], top_k: 40'],
    ['mosaicml', 'chat', 'llama2-70b-chat', 'max_tokens: 256, temperature: 0.4'],
    ['ai21labs', 'completions', 'j2-ultra', 'n: 2, top_p: 0.9, stop: "###"'],
    ['huggingface-text-generation-inference', 'chat', 'tgi', 'presence_penalty: 0.5, seed: 3'],
    ['mistral', 'chat', 'mistral-small-latest', 'seed: 3, stop: "###"'],
    ['togetherai', 'completions', 'mistralai/Mixtral-8x7B-v0.1', 'top_k: 40, max_tokens: 100'],
  ] as const)('%s %s %s with %s', (provider, endpointType, model, defaults) => {
    expect(() => loadInline(config(provider, endpointType, model, defaults))).not.toThrow();
  });

  test.each([
    ['palm', 'chat', 'chat-bison-001'],
    ['palm', 'completions', 'text-bison-001'],
    ['mosaicml', 'chat', 'llama2-70b-chat'],
    ['mosaicml', 'completions', 'mpt-7b-instruct'],
    ['ai21labs', 'completions', 'j2-ultra'],
    ['anthropic', 'chat', 'claude-sonnet-4-5'],
    ['anthropic', 'completions', 'claude-sonnet-4-5'],
    ['gemini', 'chat', 'gemini-2.5-flash'],
    ['gemini', 'completions', 'gemini-2.5-flash'],
    ['cohere', 'chat', 'command-r'],
    ['cohere', 'completions', 'command'],
    ['huggingface-text-generation-inference', 'completions', 'tgi'],
  ] as const)('%s %s %s with penalties at 0, which a request may carry too (values that change nothing are left out)', (provider, endpointType, model) => {
    expect(() => loadInline(config(provider, endpointType, model, 'presence_penalty: 0, frequency_penalty: 0, temperature: 0.4'))).not.toThrow();
  });

  test.each(['chat', 'completions'] as const)('an Anthropic %s endpoint loads with top_p: 1 beside temperature (top_p: 1 changes nothing, so they do not clash)', (endpointType) => {
    expect(() => loadInline(config('anthropic', endpointType, 'claude-sonnet-4-5', 'top_p: 1, temperature: 0.4'))).not.toThrow();
  });

  test.each([
    ['chat', 'logprobs: true'],
    ['chat', 'thinking: { type: enabled, budget_tokens: 2048 }, reasoning_effort: low'],
    ['completions', 'tools: []'],
  ] as const)('an Anthropic %s endpoint loads with a key that is no parameter default (%s): it is ignored (with a warning), never sent, so no request is refused for it', (endpointType, keys) => {
    expect(() => loadInline(config('anthropic', endpointType, 'claude-sonnet-4-5', keys))).not.toThrow();
  });

  test('an embeddings endpoint never applies defaults: it loads (with the warning of parameter-defaults.ts)', () => {
    expect(() => loadInline(config('gemini', 'embeddings', 'text-embedding-004', 'reasoning_effort: none'))).not.toThrow();
  });
});
