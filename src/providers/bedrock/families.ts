/**
 * Bedrock model families, decided once at config load from `model.name` (a Bedrock model id, a
 * cross-region inference profile id such as `us.anthropic.claude-3-5-sonnet-20241022-v2:0`, or an
 * inference-profile ARN ending in one). Each family says which API serves each endpoint type:
 * Converse for chat (and for completions of the conversational families), the model's native
 * InvokeModel body otherwise, and how the unified temperature range 0..2 maps onto its own (§6.13).
 * An endpoint type the family cannot serve is refused at config load.
 *
 * A model id of no listed family is served through Converse with conservative defaults (the
 * UNLISTED family): Converse is AWS's model-agnostic API, so a model AWS ships after this list was
 * written works at once, and the config load logs a warning naming it (config/bedrock-models.ts).
 * Its embeddings stay refused: they need the model's own InvokeModel body.
 *
 * Model ids: https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html
 * Converse support per model: https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
 * (its rows and the other sources checked for `converseRefuses` are listed in test/fixtures/bedrock/README.md).
 */
import type { EndpointType } from '../../schema';
import { claudeThinkingFormOf, type ClaudeThinkingForm } from '../shared/claude-thinking-form';

/** The native InvokeModel body used for completions, when Converse is not used. */
export type NativeCompletions = 'titan-text' | 'cohere-command' | 'ai21-jurassic' | 'ai21-jamba';

/**
 * What some models refuse on Converse, per AWS's supported-features table (the second link above):
 * system prompts, images (vision), documents (document chat), tools, and tools in a ConverseStream
 * call; and images in a tool result, which Converse takes only for Claude 3 and later and Amazon Nova
 * (ToolResultContentBlock's `image`, https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolResultContentBlock.html).
 * The gateway refuses all but tools in a stream with a 400 naming the field, before any call, rather
 * than sending one AWS answers with a ValidationException; a streamed request with tools to a model
 * that takes them only in Converse (`streamed-tools`) is served by a Converse call, its answer
 * replayed as a stream (converse/whole-answer-stream.ts). Where no source says a model refuses
 * something, it is left to AWS: a wrong row would refuse what AWS serves.
 */
export type ConverseFeature = 'system' | 'images' | 'documents' | 'tools' | 'streamed-tools' | 'tool-result-images';

/** The native InvokeModel body used for embeddings. */
export type NativeEmbeddings = 'titan-embed' | 'titan-embed-image' | 'nova-embed' | 'cohere-embed' | 'cohere-embed-v4';

export interface BedrockFamily {
  /** Human name used in messages and the README table, e.g. `Anthropic Claude`. */
  label: string;
  /** Chat through Converse / ConverseStream (tools included), or not at all. */
  chat: boolean;
  /**
   * Completions through Converse (the prompt as one user message), a native body, or not at all.
   * Whether and how a native body's completions stream is the adapter's NATIVE_COMPLETIONS.
   */
  completions: 'converse' | NativeCompletions | null;
  embeddings: NativeEmbeddings | null;
  /** What Converse refuses for the family's chat; empty when the gateway leaves it to AWS. */
  converseRefuses: readonly ConverseFeature[];
  /**
   * Factor from the unified temperature range 0..2 to the family's own range, for a native body;
   * Converse calls use CONVERSE_TEMPERATURE_FACTOR.
   */
  temperatureFactor: number;
  /** Whether `top_k` can be sent (Converse: as an additional model request field). */
  topK: boolean;
  /**
   * Whether chat takes Claude's extended `thinking` (an additional model request field) and its
   * signed thinking blocks go both ways as `thinking_blocks`. Other families' reasoning (DeepSeek-R1,
   * gpt-oss, Nova 2) reaches the client as `reasoning_content` only, and is never sent back.
   */
  thinking: boolean;
  /** How chat's `reasoning_effort` reaches the model, or null when the family refuses the parameter. */
  reasoningEffort: ReasoningEffortMapping | null;
  /**
   * Where Converse takes prompt-caching cachePoint blocks (`tools`: also after a tool), or null for
   * models AWS does not document caching for, which refuse the block
   * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html).
   */
  promptCaching: { tools: boolean } | null;
}

/** The ways a family takes OpenAI's `reasoning_effort` (converse/reasoning-effort.ts). */
export type ReasoningEffortMapping =
  /** gpt-oss: an additional model request field under the same name, one of `levels`. */
  | { kind: 'as-sent'; levels: readonly string[] }
  /** Claude: `thinking` in the model's form (a budget, or adaptive with an effort), as on the Anthropic provider. */
  | { kind: 'claude-thinking'; form: ClaudeThinkingForm }
  /** Nova 2: `reasoningConfig` with `maxReasoningEffort`. */
  | { kind: 'nova-reasoning-config' };

/**
 * Converse's inferenceConfig.temperature is 0..1 for every model (a ValidationException above 1),
 * even for those whose own range is 0..2 (gpt-oss, Palmyra, Jamba).
 */
export const CONVERSE_TEMPERATURE_FACTOR = 0.5;

const converseFamily = (
  label: string,
  {
    topK = false,
    thinking = false,
    reasoningEffort = null,
    promptCaching = null,
    refuses = [],
    toolResultImages = false,
  }: {
    topK?: boolean;
    thinking?: boolean;
    reasoningEffort?: ReasoningEffortMapping | null;
    promptCaching?: BedrockFamily['promptCaching'];
    refuses?: readonly ConverseFeature[];
    /** Whether its tool results take images; if not, it refuses `tool-result-images` (unless it refuses all `images`). */
    toolResultImages?: boolean;
  } = {},
): BedrockFamily => ({
  label,
  chat: true,
  completions: 'converse',
  embeddings: null,
  converseRefuses: toolResultImages || refuses.includes('images') ? refuses : [...refuses, 'tool-result-images'],
  temperatureFactor: CONVERSE_TEMPERATURE_FACTOR,
  topK,
  thinking,
  reasoningEffort,
  promptCaching,
});

const embeddingsFamily = (label: string, embeddings: NativeEmbeddings): BedrockFamily => ({
  label,
  chat: false,
  completions: null,
  embeddings,
  converseRefuses: [],
  temperatureFactor: 1,
  topK: false,
  thinking: false,
  reasoningEffort: null,
  promptCaching: null,
});

/**
 * Chat through Converse, completions through the model's native body (the one MLflow sends, or one
 * that returns `n` choices); `temperatureFactor` is the native body's (Converse's is fixed).
 */
const nativeCompletionsFamily = (
  label: string,
  options: { refuses: readonly ConverseFeature[]; completions: NativeCompletions; temperatureFactor: number },
): BedrockFamily => {
  const { refuses, ...native } = options;
  return { ...converseFamily(label, { refuses }), ...native };
};

/** Titan Text: Converse gives it no system prompt, tools or images; its own temperature range is 0..1. */
const titanTextFamily = (label: string, refuses: readonly ConverseFeature[]): BedrockFamily =>
  nativeCompletionsFamily(label, { refuses: ['system', 'tools', 'images', ...refuses], completions: 'titan-text', temperatureFactor: 0.5 });

/** Jamba: Converse reads no images for any Jamba model; its own temperature range is the unified 0..2. */
const jambaFamily = (label: string, refuses: readonly ConverseFeature[]): BedrockFamily =>
  nativeCompletionsFamily(label, { refuses: ['images', ...refuses], completions: 'ai21-jamba', temperatureFactor: 1 });

const LLAMA_WITHOUT_TOOLS = converseFamily('Meta Llama', { refuses: ['tools', 'images'] });
const LLAMA_WITHOUT_IMAGES = converseFamily('Meta Llama', { refuses: ['images', 'streamed-tools'] });

/** The model-id prefix of Claude models. */
const CLAUDE_PREFIX = 'anthropic.';

/** Model-id prefixes (after any region prefix), first match wins: specific ones come first. */
const FAMILIES: readonly (readonly [prefix: string, family: BedrockFamily])[] = [
  // The budget form until resolveBedrockFamily reads the model's version.
  [CLAUDE_PREFIX, converseFamily('Anthropic Claude', { topK: true, thinking: true, reasoningEffort: { kind: 'claude-thinking', form: 'budget' }, promptCaching: { tools: true }, toolResultImages: true })],
  // Before `amazon.nova`: an embeddings model with a body of its own (not Titan's), not a Converse model.
  ['amazon.nova-2-multimodal-embeddings', embeddingsFamily('Amazon Nova Multimodal Embeddings', 'nova-embed')],
  // Before `amazon.nova`: Nova 2 reasons on request (reasoningConfig); Nova 1 (micro, lite, pro, premier) has no such field.
  ['amazon.nova-2-', converseFamily('Amazon Nova 2', { reasoningEffort: { kind: 'nova-reasoning-config' }, toolResultImages: true })],
  // Nova caches system and messages, not tools. Nova Micro reads text only: no images, no documents.
  ['amazon.nova-micro', converseFamily('Amazon Nova Micro', { promptCaching: { tools: false }, refuses: ['images', 'documents'] })],
  ['amazon.nova', converseFamily('Amazon Nova', { promptCaching: { tools: false }, toolResultImages: true })],
  // Before `amazon.titan-embed`: Titan Multimodal Embeddings sizes its vectors in embeddingConfig, not `dimensions`.
  ['amazon.titan-embed-image', embeddingsFamily('Amazon Titan Multimodal Embeddings', 'titan-embed-image')],
  ['amazon.titan-embed', embeddingsFamily('Amazon Titan Embeddings', 'titan-embed')],
  // Titan Text Premier does not chat about documents either.
  ['amazon.titan-text-premier', titanTextFamily('Amazon Titan Text Premier', ['documents'])],
  ['amazon.titan-t', titanTextFamily('Amazon Titan Text', [])],
  ['cohere.embed-v4', embeddingsFamily('Cohere Embed v4', 'cohere-embed-v4')],
  ['cohere.embed', embeddingsFamily('Cohere Embed', 'cohere-embed')],
  // Command R and R+ take tools in ConverseStream too (the table's "Streaming tool use": yes).
  ['cohere.command-r', converseFamily('Cohere Command R', { refuses: ['images'] })],
  [
    'cohere.command',
    // Command's temperature range is 0..5 (MLflow multiplies by 2.5).
    { label: 'Cohere Command', chat: false, completions: 'cohere-command', embeddings: null, converseRefuses: [], temperatureFactor: 2.5, topK: true, thinking: false, reasoningEffort: null, promptCaching: null },
  ],
  [
    'ai21.j2',
    { label: 'AI21 Jurassic-2', chat: false, completions: 'ai21-jurassic', embeddings: null, converseRefuses: [], temperatureFactor: 1, topK: false, thinking: false, reasoningEffort: null, promptCaching: null },
  ],
  // Jamba-Instruct takes neither tools nor documents on Converse; Jamba 1.5 takes both, streamed too.
  ['ai21.jamba-instruct', jambaFamily('AI21 Jamba-Instruct', ['documents', 'tools'])],
  ['ai21.jamba', jambaFamily('AI21 Jamba', [])],
  // Llama 2, 3 and 3.2 1B/3B take no tools; only 3.2 11B/90B and Llama 4 read images (3.1 and 3.3
  // are text models). Every Llama that takes tools takes them in Converse only: ConverseStream
  // refuses them ("This model doesn't support tool use in streaming mode"), Llama 4 included.
  ...['meta.llama2', 'meta.llama3-8b', 'meta.llama3-70b', 'meta.llama3-2-1b', 'meta.llama3-2-3b'].map((prefix) => [prefix, LLAMA_WITHOUT_TOOLS] as const),
  ['meta.llama3-1-', LLAMA_WITHOUT_IMAGES],
  ['meta.llama3-3-', LLAMA_WITHOUT_IMAGES],
  ['meta.llama', converseFamily('Meta Llama', { refuses: ['streamed-tools'] })],
  // Mistral 7B and Mixtral 8x7B Instruct take no system prompt ("This model doesn't support system
  // messages"), no tools and no images.
  ['mistral.mistral-7b-instruct', converseFamily('Mistral Instruct', { refuses: ['system', 'tools', 'images'] })],
  ['mistral.mixtral-8x7b-instruct', converseFamily('Mistral Instruct', { refuses: ['system', 'tools', 'images'] })],
  // Mistral Large (24.02, 24.07) and Small (24.02) are text models; Pixtral reads images. No Mistral
  // takes tools in ConverseStream (served whole, so a newer Mistral that does loses only the streaming).
  ['mistral.mistral-large-2402', converseFamily('Mistral', { refuses: ['images', 'streamed-tools'] })],
  ['mistral.mistral-large-2407', converseFamily('Mistral', { refuses: ['images', 'streamed-tools'] })],
  ['mistral.mistral-small-2402', converseFamily('Mistral', { refuses: ['images', 'streamed-tools'] })],
  ['mistral.', converseFamily('Mistral', { refuses: ['streamed-tools'] })],
  // DeepSeek-R1 is a text model that takes no tools ("This model doesn't support tool use"); V3.x
  // takes tools, streamed too.
  ['deepseek.r1', converseFamily('DeepSeek', { refuses: ['tools', 'images'] })],
  ['deepseek.', converseFamily('DeepSeek')],
  // AWS passes the OpenAI request fields it does not map to the model; gpt-oss reasons at three levels
  // (GPT-5's `minimal` and later levels are not among them).
  ['openai.', converseFamily('OpenAI gpt-oss', { reasoningEffort: { kind: 'as-sent', levels: ['low', 'medium', 'high'] } })],
  // Palmyra X4 and X5 are text models, and take tools in Converse only.
  ['writer.', converseFamily('Writer Palmyra', { refuses: ['images', 'streamed-tools'] })],
  ['qwen.', converseFamily('Qwen')],
];

/**
 * Any other model id: chat and completions through Converse, with what every Converse model takes
 * (no top_k, temperature in 0..1, reasoning shown when the model returns some). Images in its tool
 * results are left to AWS: an application inference profile's ARN names no model, and may be Claude's.
 */
const UNLISTED_FAMILY: BedrockFamily = converseFamily('model not listed by the gateway', { toolResultImages: true });

/** Geography prefixes of cross-region inference profiles (`us.`, `eu.`, `apac.`, `global.`, ...). */
const INFERENCE_PROFILE_PREFIX = /^(us|us-gov|eu|apac|ca|jp|au|global)\./;

/** The foundation-model id inside a model name: the ARN's resource id, without a region prefix, lower-cased. */
export function baseModelId(modelName: string): string {
  const resource = modelName.startsWith('arn:') ? modelName.slice(modelName.lastIndexOf('/') + 1) : modelName;
  return resource.toLowerCase().replace(INFERENCE_PROFILE_PREFIX, '');
}

/** The listed family of a model, or null when its id starts with no listed prefix. */
export function listedBedrockFamily(modelName: string): BedrockFamily | null {
  const base = baseModelId(modelName);
  return FAMILIES.find(([prefix]) => base.startsWith(prefix))?.[1] ?? null;
}

/**
 * Whether a model may be Claude: a Claude id, or one of no listed family (an application inference
 * profile's ARN names no model, and a Claude model AWS ships is not listed until its prefix is).
 */
export function mayBeClaude(modelName: string): boolean {
  return listedBedrockFamily(modelName) === null || baseModelId(modelName).startsWith(CLAUDE_PREFIX);
}

/**
 * Claude models older than 3.5 Haiku and 3.7 Sonnet (Claude 2 and Instant; 3 Haiku, Sonnet and Opus;
 * 3.5 Sonnet) take no cachePoint: AWS refuses the whole request (AccessDenied). Their ids have the
 * old layout (`claude-v2`, `claude-instant-v1`, `claude-3-haiku-…`); every id of today's layout
 * (`claude-sonnet-4-…`) names a model that caches.
 */
const CLAUDE_WITHOUT_PROMPT_CACHING = /claude-(?:v\d|instant|3-(?!7-sonnet|5-haiku))/;

/** What Claude models refuse on Converse: 2.x and Instant take no tools or images, 3.5 Haiku reads no images. */
function claudeRefusals(id: string): readonly ConverseFeature[] {
  if (/claude-(?:v\d|instant)/.test(id)) return ['tools', 'images'];
  return id.includes('claude-3-5-haiku') ? ['images'] : [];
}

/**
 * The family of a model: its listed family, or UNLISTED_FAMILY; for Claude, with the thinking form
 * its version takes (adaptive from Claude 4.6 on, shared/claude-thinking-form.ts) and what it refuses.
 */
export function resolveBedrockFamily(modelName: string): BedrockFamily {
  const family = listedBedrockFamily(modelName) ?? UNLISTED_FAMILY;
  if (family.reasoningEffort?.kind !== 'claude-thinking') return family;
  const id = baseModelId(modelName);
  return {
    ...family,
    reasoningEffort: { kind: 'claude-thinking', form: claudeThinkingFormOf(id) },
    promptCaching: CLAUDE_WITHOUT_PROMPT_CACHING.test(id.toLowerCase()) ? null : family.promptCaching,
    converseRefuses: claudeRefusals(id),
  };
}

/** The model-id prefixes of the families with an embeddings body, for messages. */
function embeddingsPrefixes(): string {
  return FAMILIES.filter(([, family]) => family.embeddings !== null).map(([prefix]) => `${prefix}…`).join(', ');
}

/** Whether a family serves an endpoint type at all (streaming is checked per request). */
export function familyServes(family: BedrockFamily, endpointType: EndpointType): boolean {
  switch (endpointType) {
    case 'llm/v1/chat':
      return family.chat;
    case 'llm/v1/completions':
      return family.completions !== null;
    case 'llm/v1/embeddings':
      return family.embeddings !== null;
    default: {
      const unreachable: never = endpointType;
      return unreachable;
    }
  }
}

/** Throws an Error naming the model, its family and the type when the family cannot serve it. */
export function requireFamilyServes(family: BedrockFamily, endpointType: EndpointType, modelName: string): void {
  if (familyServes(family, endpointType)) return;
  const served = (['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'] as const).filter((type) => familyServes(family, type));
  if (endpointType === 'llm/v1/embeddings') {
    // Converse does not embed: each embeddings model has a body of its own, which the gateway must know.
    throw new Error(
      `model '${modelName}' (${family.label}) cannot serve llm/v1/embeddings on Amazon Bedrock: embeddings need the model's own InvokeModel body, which the gateway builds for model ids starting with ${embeddingsPrefixes()}`,
    );
  }
  const alternatives = served.length > 0 ? `it serves ${served.join(', ')}` : 'the gateway builds no request body for it';
  throw new Error(`model '${modelName}' (${family.label}) cannot serve ${endpointType} on Amazon Bedrock; ${alternatives}`);
}
