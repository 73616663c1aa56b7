/**
 * Bedrock model families, decided once at config load from `model.name` (a Bedrock model id, a
 * cross-region inference profile id such as `us.anthropic.claude-3-5-sonnet-20241022-v2:0`, or an
 * inference-profile ARN ending in one). Each family says which API serves each endpoint type:
 * Converse for chat (and for completions of the conversational families), the model's native
 * InvokeModel body otherwise, and how the unified temperature range 0..2 maps onto its own (§6.13).
 * An endpoint type the family cannot serve is refused at config load.
 *
 * Model ids: https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html
 * Converse support per model: https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
 */
import type { EndpointType } from '../../schema';

/** The native InvokeModel body used for completions, when Converse is not used. */
export type NativeCompletions = 'titan-text' | 'cohere-command' | 'ai21-jurassic' | 'ai21-jamba';

/** The native InvokeModel body used for embeddings. */
export type NativeEmbeddings = 'titan-embed' | 'cohere-embed';

export interface BedrockFamily {
  /** Human name used in messages and the README table, e.g. `Anthropic Claude`. */
  label: string;
  /** Chat through Converse / ConverseStream (tools included), or not at all. */
  chat: boolean;
  /** Completions through Converse (the prompt as one user message), a native body, or not at all. */
  completions: 'converse' | NativeCompletions | null;
  /** Whether completions can be streamed (Converse and the native bodies that stream). */
  completionsStream: boolean;
  embeddings: NativeEmbeddings | null;
  /** Factor from the unified temperature range 0..2 to the family's own range. */
  temperatureFactor: number;
  /** Whether `top_k` can be sent (Converse: as an additional model request field). */
  topK: boolean;
  /** Whether chat takes Claude's extended `thinking` (an additional model request field) and gets thinking blocks back. */
  thinking: boolean;
}

const converseFamily = (label: string, { topK = false, thinking = false } = {}): BedrockFamily => ({
  label,
  chat: true,
  completions: 'converse',
  completionsStream: true,
  embeddings: null,
  // These models take temperature in 0..1.
  temperatureFactor: 0.5,
  topK,
  thinking,
});

const embeddingsFamily = (label: string, embeddings: NativeEmbeddings): BedrockFamily => ({
  label,
  chat: false,
  completions: null,
  completionsStream: false,
  embeddings,
  temperatureFactor: 1,
  topK: false,
  thinking: false,
});

/** Model-id prefixes (after any region prefix), first match wins: specific ones come first. */
const FAMILIES: readonly (readonly [prefix: string, family: BedrockFamily])[] = [
  ['anthropic.', converseFamily('Anthropic Claude', { topK: true, thinking: true })],
  ['amazon.nova', converseFamily('Amazon Nova')],
  ['amazon.titan-embed', embeddingsFamily('Amazon Titan Embeddings', 'titan-embed')],
  [
    'amazon.titan-t',
    { label: 'Amazon Titan Text', chat: false, completions: 'titan-text', completionsStream: true, embeddings: null, temperatureFactor: 0.5, topK: false, thinking: false },
  ],
  ['cohere.embed', embeddingsFamily('Cohere Embed', 'cohere-embed')],
  ['cohere.command-r', converseFamily('Cohere Command R')],
  [
    'cohere.command',
    // Command's temperature range is 0..5 (MLflow multiplies by 2.5).
    { label: 'Cohere Command', chat: false, completions: 'cohere-command', completionsStream: true, embeddings: null, temperatureFactor: 2.5, topK: true, thinking: false },
  ],
  [
    'ai21.j2',
    { label: 'AI21 Jurassic-2', chat: false, completions: 'ai21-jurassic', completionsStream: false, embeddings: null, temperatureFactor: 1, topK: false, thinking: false },
  ],
  [
    'ai21.jamba',
    { label: 'AI21 Jamba', chat: false, completions: 'ai21-jamba', completionsStream: false, embeddings: null, temperatureFactor: 1, topK: false, thinking: false },
  ],
  ['meta.llama', converseFamily('Meta Llama')],
  ['mistral.', converseFamily('Mistral')],
];

/** Geography prefixes of cross-region inference profiles (`us.`, `eu.`, `apac.`, `global.`, ...). */
const INFERENCE_PROFILE_PREFIX = /^(us|us-gov|eu|apac|ca|jp|au|global)\./;

/** The foundation-model id inside a model name: the ARN's resource id, without a region prefix, lower-cased. */
export function baseModelId(modelName: string): string {
  const resource = modelName.startsWith('arn:') ? modelName.slice(modelName.lastIndexOf('/') + 1) : modelName;
  return resource.toLowerCase().replace(INFERENCE_PROFILE_PREFIX, '');
}

/** The family of a model; throws an Error (a config-load message) when none matches. */
export function resolveBedrockFamily(modelName: string): BedrockFamily {
  const base = baseModelId(modelName);
  const found = FAMILIES.find(([prefix]) => base.startsWith(prefix));
  if (found) return found[1];
  const known = FAMILIES.map(([prefix]) => `${prefix}…`).join(', ');
  throw new Error(`cannot tell the Amazon Bedrock model family of model '${modelName}'; supported model ids start with ${known} (optionally after a region prefix such as 'us.')`);
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
  throw new Error(`model '${modelName}' (${family.label}) cannot serve ${endpointType} on Amazon Bedrock; it serves ${served.join(', ')}`);
}
