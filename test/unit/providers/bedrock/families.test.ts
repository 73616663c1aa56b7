import { compilePlan } from '../../../../src/config/compile';
import { ConfigError } from '../../../../src/config/config-error';
import { parseConfigText } from '../../../../src/config/load';
import { unlistedBedrockModelWarnings } from '../../../../src/config/bedrock-models';
import { baseModelId, familyServes, listedBedrockFamily, requireFamilyServes, resolveBedrockFamily } from '../../../../src/providers/bedrock/families';

describe('resolveBedrockFamily', () => {
  test.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'Anthropic Claude'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'Anthropic Claude'],
    ['apac.anthropic.claude-sonnet-4-20250514-v1:0', 'Anthropic Claude'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'Anthropic Claude'],
    ['arn:aws:bedrock:eu-west-3:123456789012:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0', 'Anthropic Claude'],
    ['us.amazon.nova-pro-v1:0', 'Amazon Nova'],
    ['amazon.nova-lite-v1:0', 'Amazon Nova'],
    ['us.amazon.nova-micro-v1:0', 'Amazon Nova Micro'],
    ['global.amazon.nova-2-lite-v1:0', 'Amazon Nova 2'],
    ['amazon.nova-2-multimodal-embeddings-v1:0', 'Amazon Nova Multimodal Embeddings'],
    ['amazon.titan-text-express-v1', 'Amazon Titan Text'],
    ['amazon.titan-tg1-large', 'Amazon Titan Text'],
    ['amazon.titan-text-premier-v1:0', 'Amazon Titan Text Premier'],
    ['amazon.titan-embed-text-v2:0', 'Amazon Titan Embeddings'],
    ['cohere.command-text-v14', 'Cohere Command'],
    ['cohere.command-light-text-v14', 'Cohere Command'],
    ['cohere.command-r-plus-v1:0', 'Cohere Command R'],
    ['cohere.embed-english-v3', 'Cohere Embed'],
    ['ai21.j2-ultra-v1', 'AI21 Jurassic-2'],
    ['ai21.jamba-1-5-mini-v1:0', 'AI21 Jamba'],
    ['ai21.jamba-1-5-large-v1:0', 'AI21 Jamba'],
    ['ai21.jamba-instruct-v1:0', 'AI21 Jamba-Instruct'],
    ['us.meta.llama3-2-90b-instruct-v1:0', 'Meta Llama'],
    ['mistral.mistral-large-2407-v1:0', 'Mistral'],
    ['Mistral.Mixtral-8x7b-Instruct-v0:1', 'Mistral Instruct'],
    ['mistral.mistral-7b-instruct-v0:2', 'Mistral Instruct'],
    ['mistral.mistral-small-2402-v1:0', 'Mistral'],
    ['us.deepseek.r1-v1:0', 'DeepSeek'],
    ['deepseek.v3-v1:0', 'DeepSeek'],
    ['openai.gpt-oss-120b-1:0', 'OpenAI gpt-oss'],
    ['openai.gpt-oss-20b-1:0', 'OpenAI gpt-oss'],
    ['qwen.qwen3-32b-v1:0', 'Qwen'],
    ['us.writer.palmyra-x5-v1:0', 'Writer Palmyra'],
    ['writer.palmyra-x4-v1:0', 'Writer Palmyra'],
    ['cohere.embed-v4:0', 'Cohere Embed v4'],
    ['amazon.nova-2-multimodal-embeddings-v1:0', 'Amazon Nova Multimodal Embeddings'],
  ])('%s is %s', (modelName, label) => {
    expect(resolveBedrockFamily(modelName).label).toBe(label);
  });

  test('the base id drops the ARN and the region prefix', () => {
    expect(baseModelId('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0')).toBe('meta.llama3-1-8b-instruct-v1:0');
    expect(baseModelId('us-gov.anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
  });

  test('a model of no listed family is served through Converse with conservative defaults', () => {
    expect(listedBedrockFamily('minimax.minimax-m2')).toBeNull();
    expect(resolveBedrockFamily('minimax.minimax-m2')).toEqual({
      label: 'model not listed by the gateway',
      chat: true,
      completions: 'converse',
      embeddings: null,
      converseRefuses: [],
      temperatureFactor: 0.5,
      topK: false,
      thinking: false,
      reasoningEffort: null,
      promptCaching: null,
    });
  });

  test.each([
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', { tools: true }],
    ['anthropic.claude-3-5-haiku-20241022-v1:0', { tools: true }],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', { tools: true }],
    ['anthropic.claude-opus-4-1-20250805-v1:0', { tools: true }],
    ['amazon.nova-pro-v1:0', { tools: false }],
    ['amazon.nova-micro-v1:0', { tools: false }],
    // Older Claude models take no cachePoint (AWS refuses the request): none is sent.
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', null],
    ['us.anthropic.claude-3-haiku-20240307-v1:0', null],
    ['anthropic.claude-3-opus-20240229-v1:0', null],
    ['anthropic.claude-v2:1', null],
    ['anthropic.claude-instant-v1', null],
    ['meta.llama3-1-70b-instruct-v1:0', null],
  ])('prompt caching (cachePoint blocks) on %s: %j', (modelName, promptCaching) => {
    expect(resolveBedrockFamily(modelName).promptCaching).toEqual(promptCaching);
  });
});

describe('what each family serves', () => {
  const serves = (modelName: string) =>
    (['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'] as const).filter((type) => familyServes(resolveBedrockFamily(modelName), type));

  test.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['meta.llama3-8b-instruct-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    // Converse serves Titan Text's chat (AWS's supported-features table); completions keep the native body.
    ['amazon.titan-text-lite-v1', ['llm/v1/chat', 'llm/v1/completions']],
    ['amazon.titan-text-premier-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['cohere.command-text-v14', ['llm/v1/completions']],
    ['ai21.j2-mid-v1', ['llm/v1/completions']],
    // Converse serves Jamba's chat (AWS's supported-features table); completions keep the native body.
    ['ai21.jamba-1-5-large-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['ai21.jamba-1-5-mini-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['ai21.jamba-instruct-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['amazon.titan-embed-text-v1', ['llm/v1/embeddings']],
    ['cohere.embed-multilingual-v3', ['llm/v1/embeddings']],
    ['cohere.embed-v4:0', ['llm/v1/embeddings']],
    ['us.deepseek.r1-v1:0', ['llm/v1/chat', 'llm/v1/completions']],
    ['moonshot.kimi-k2-thinking', ['llm/v1/chat', 'llm/v1/completions']],
    ['amazon.nova-2-multimodal-embeddings-v1:0', ['llm/v1/embeddings']],
    ['us.amazon.nova-2-multimodal-embeddings-v1:0', ['llm/v1/embeddings']],
  ])('%s: %j', (modelName, types) => {
    expect(serves(modelName)).toEqual(types);
  });

  test.each([
    // No Jamba reads images on Converse; Jamba-Instruct takes neither tools nor documents.
    ['ai21.jamba-1-5-large-v1:0', ['images']],
    ['us.ai21.jamba-1-5-mini-v1:0', ['images']],
    ['ai21.jamba-instruct-v1:0', ['images', 'documents', 'tools']],
    ['anthropic.claude-sonnet-4-20250514-v1:0', []],
    // Claude 2.x and Instant take no tools or images, 3.5 Haiku reads no images.
    ['anthropic.claude-v2:1', ['tools', 'images']],
    ['anthropic.claude-instant-v1', ['tools', 'images']],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', ['images']],
    ['anthropic.claude-3-haiku-20240307-v1:0', []],
    ['meta.llama3-1-8b-instruct-v1:0', ['images', 'streamed-tools']],
    ['us.meta.llama3-3-70b-instruct-v1:0', ['images', 'streamed-tools']],
    // Converse takes images in tool results for Claude and Nova alone (ToolResultContentBlock).
    ['meta.llama3-2-90b-instruct-v1:0', ['streamed-tools', 'tool-result-images']],
    ['us.meta.llama4-scout-17b-instruct-v1:0', ['streamed-tools', 'tool-result-images']],
    ['meta.llama3-8b-instruct-v1:0', ['tools', 'images']],
    ['meta.llama3-70b-instruct-v1:0', ['tools', 'images']],
    ['meta.llama2-13b-chat-v1', ['tools', 'images']],
    ['us.meta.llama3-2-3b-instruct-v1:0', ['tools', 'images']],
    ['meta.llama3-2-1b-instruct-v1:0', ['tools', 'images']],
    ['mistral.mistral-large-2407-v1:0', ['images', 'streamed-tools']],
    ['mistral.mistral-large-2402-v1:0', ['images', 'streamed-tools']],
    ['mistral.mistral-small-2402-v1:0', ['images', 'streamed-tools']],
    ['us.mistral.pixtral-large-2502-v1:0', ['streamed-tools', 'tool-result-images']],
    ['cohere.command-r-v1:0', ['images']],
    ['us.writer.palmyra-x5-v1:0', ['images', 'streamed-tools']],
    ['mistral.mistral-7b-instruct-v0:2', ['system', 'tools', 'images']],
    ['amazon.titan-text-express-v1', ['system', 'tools', 'images']],
    ['amazon.titan-text-premier-v1:0', ['system', 'tools', 'images', 'documents']],
    ['amazon.nova-micro-v1:0', ['images', 'documents']],
    ['amazon.nova-pro-v1:0', []],
    ['us.deepseek.r1-v1:0', ['tools', 'images']],
    ['deepseek.v3-v1:0', ['tool-result-images']],
    ['amazon.nova-2-lite-v1:0', []],
    ['qwen.qwen3-32b-v1:0', ['tool-result-images']],
    ['us.mistral.mixtral-8x7b-instruct-v0:1', ['system', 'tools', 'images']],
    ['moonshot.kimi-k2-thinking', []],
  ])('what Converse refuses for %s: %j', (modelName, refused) => {
    expect(resolveBedrockFamily(modelName).converseRefuses).toEqual(refused);
  });

  test("Jamba's native (non-streamed) completions keep its own temperature range", () => {
    expect(resolveBedrockFamily('ai21.jamba-1-5-mini-v1:0')).toMatchObject({ completions: 'ai21-jamba', temperatureFactor: 1 });
  });

  test('temperature factors follow §6.13', () => {
    expect(resolveBedrockFamily('anthropic.claude-v2').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('amazon.titan-text-express-v1').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('cohere.command-text-v14').temperatureFactor).toBe(2.5);
    expect(resolveBedrockFamily('ai21.j2-ultra-v1').temperatureFactor).toBe(1);
  });

  test("the newer families' temperature is halved like every Converse family's (Converse takes 0..1 only)", () => {
    expect(resolveBedrockFamily('us.deepseek.r1-v1:0').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('openai.gpt-oss-20b-1:0').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('writer.palmyra-x5-v1:0').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('qwen.qwen3-coder-30b-a3b-v1:0').temperatureFactor).toBe(0.5);
    expect(resolveBedrockFamily('us.deepseek.r1-v1:0').thinking).toBe(false);
    // Claude's thinking form follows its version (shared/claude-thinking-form.ts).
    expect(resolveBedrockFamily('us.anthropic.claude-opus-4-6-v1').reasoningEffort).toEqual({ kind: 'claude-thinking', form: 'adaptive' });
    expect(resolveBedrockFamily('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7').reasoningEffort).toEqual({ kind: 'claude-thinking', form: 'adaptive' });
    expect(resolveBedrockFamily('anthropic.claude-3-7-sonnet-20250219-v1:0').reasoningEffort).toEqual({ kind: 'claude-thinking', form: 'budget' });
  });

  test('embeddings of an unlisted model are refused: they need a body of their own', () => {
    expect(() => requireFamilyServes(resolveBedrockFamily('acme.embed-x-v1:0'), 'llm/v1/embeddings', 'acme.embed-x-v1:0')).toThrow(
      "model 'acme.embed-x-v1:0' (model not listed by the gateway) cannot serve llm/v1/embeddings on Amazon Bedrock: embeddings need the model's own InvokeModel body, which the gateway builds for model ids starting with amazon.nova-2-multimodal-embeddings…, amazon.titan-embed-image…, amazon.titan-embed…, cohere.embed-v4…, cohere.embed…",
    );
  });

  test('an unlisted chat model is a warning with its path, not a config error', () => {
    const yaml = `
endpoints:
  - name: kimi
    endpoint_type: llm/v1/chat
    model: { provider: amazon-bedrock, name: moonshot.kimi-k2-thinking, config: { aws_config: { aws_region: us-east-1 } } }
  - name: r1
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.deepseek.r1-v1:0, config: { aws_config: {} } }
`;
    const config = parseConfigText(yaml, 'test.yaml', { env: {} });
    expect(() => compilePlan(config, 'test.yaml')).not.toThrow();
    expect(unlistedBedrockModelWarnings(config)).toEqual([
      {
        path: 'endpoints[0].model.name',
        message:
          "endpoint 'kimi': Amazon Bedrock model 'moonshot.kimi-k2-thinking' is of no model family the gateway lists; it is served through Converse with defaults that suit any model (temperature × 0.5, no top_k, reasoning as reasoning_content)",
      },
    ]);
  });

  test('a type the family cannot serve names the model, the family and the type', () => {
    expect(() => requireFamilyServes(resolveBedrockFamily('amazon.titan-embed-text-v2:0'), 'llm/v1/chat', 'amazon.titan-embed-text-v2:0')).toThrow(
      "model 'amazon.titan-embed-text-v2:0' (Amazon Titan Embeddings) cannot serve llm/v1/chat on Amazon Bedrock; it serves llm/v1/embeddings",
    );
  });

  test('the config loader refuses such an endpoint with its name and path', () => {
    const yaml = `
endpoints:
  - name: titan-chat
    endpoint_type: llm/v1/chat
    model: { provider: amazon-bedrock, name: amazon.titan-embed-text-v2:0, config: { aws_config: { aws_region: eu-west-3 } } }
  - name: nameless
    endpoint_type: llm/v1/completions
    model: { provider: bedrock, config: { aws_config: {} } }
`;
    let failure: unknown;
    try {
      compilePlan(parseConfigText(yaml, 'test.yaml', { env: {} }), 'test.yaml');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).issues).toEqual([
      {
        path: 'endpoints[0].model',
        message: "endpoint 'titan-chat': model 'amazon.titan-embed-text-v2:0' (Amazon Titan Embeddings) cannot serve llm/v1/chat on Amazon Bedrock; it serves llm/v1/embeddings",
      },
      { path: 'endpoints[1].model', message: "endpoint 'nameless': model.name is required for Amazon Bedrock (a model id such as anthropic.claude-3-5-sonnet-20240620-v1:0)" },
    ]);
  });
});
