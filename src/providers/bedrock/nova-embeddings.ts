/**
 * Amazon Nova Multimodal Embeddings (`amazon.nova-2-multimodal-embeddings-v1:0`) through InvokeModel,
 * for text. Request and response body:
 * https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html ("Complete synchronous schema").
 *
 * The synchronous API embeds one input per call (`taskType: "SINGLE_EMBEDDING"`), so a list input
 * makes one call per text, as for Titan. `dimensions` → `embeddingDimension` (256, 384, 1024 or
 * 3072; any other value is a 400 here rather than an upstream ValidationException). The model
 * requires an `embeddingPurpose`: the client may send one as `embedding_purpose` (Nova's values,
 * e.g. `TEXT_RETRIEVAL` for search queries); otherwise `GENERIC_INDEX`, AWS's value for content
 * stored in a vector index whatever its modality, as an OpenAI-shaped request is most often one.
 * `truncationMode` is also required: `truncate` (`START`/`END`/`NONE`, as for Cohere Embed)
 * sets it, and by default it is `NONE`, so an over-long text fails as it does on OpenAI instead of
 * being cut silently. The answer body counts no tokens: usage sums the calls'
 * `X-Amzn-Bedrock-Input-Token-Count` headers (null unless each call sent one). Images, audio, video
 * and documents (the other modalities) are not reachable through the unified request.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { embeddingsResponse, encodingFormatOf, summedTokenCounts, textsForSeveralCalls } from '../shared/embeddings';
import { isRecord } from '../shared/json';
import { rejectNativeNames } from '../shared/parameters';
import type { BedrockFamily } from './families';
import { acceptOnly } from './shared';

// ---- Wire types (only the fields we read) ----

interface NovaEmbeddingsResponse {
  /** One entry for a text; `truncatedCharLength` is present when the text was cut. */
  embeddings: { embeddingType?: string; embedding: number[]; truncatedCharLength?: number }[];
}

const PROVIDER = 'Amazon Bedrock';

/** `embeddingDimension` values of the model. */
const NOVA_DIMENSIONS: readonly unknown[] = [256, 384, 1024, 3072];

const NOVA_PURPOSES: readonly unknown[] = [
  'GENERIC_INDEX',
  'GENERIC_RETRIEVAL',
  'TEXT_RETRIEVAL',
  'IMAGE_RETRIEVAL',
  'VIDEO_RETRIEVAL',
  'DOCUMENT_RETRIEVAL',
  'AUDIO_RETRIEVAL',
  'CLASSIFICATION',
  'CLUSTERING',
];

const NOVA_TRUNCATION_MODES: readonly unknown[] = ['START', 'END', 'NONE'];

/** 400 naming the parameter and the values the model takes, unless `value` is absent or one of them. */
function requireOneOf(value: unknown, allowed: readonly unknown[], param: string, family: BedrockFamily): void {
  if (value === undefined || allowed.includes(value)) return;
  throw GatewayError.invalidParam(`${param}: ${family.label} on ${PROVIDER} takes ${allowed.join(', ')}, not ${quotedJson(value)}.`, param);
}

/** One SINGLE_EMBEDDING body per input text, in input order. */
export function toNovaEmbeddings(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown>[] {
  rejectNativeNames(request, { embeddingDimension: 'dimensions', embeddingPurpose: 'embedding_purpose', truncationMode: 'truncate' }, 400);
  acceptOnly(request, ['input', 'encoding_format', 'dimensions', 'embedding_purpose', 'truncate'], family);
  encodingFormatOf(request, PROVIDER);
  const { dimensions, embedding_purpose: purpose, truncate } = request;
  requireOneOf(dimensions, NOVA_DIMENSIONS, 'dimensions', family);
  requireOneOf(purpose, NOVA_PURPOSES, 'embedding_purpose', family);
  requireOneOf(truncate, NOVA_TRUNCATION_MODES, 'truncate', family);
  return textsForSeveralCalls(request.input, PROVIDER).map((value) => ({
    taskType: 'SINGLE_EMBEDDING',
    singleEmbeddingParams: {
      embeddingPurpose: purpose ?? 'GENERIC_INDEX',
      ...(dimensions === undefined ? {} : { embeddingDimension: dimensions }),
      text: { truncationMode: truncate ?? 'NONE', value },
    },
  }));
}

/** The vector of one answer: its first (for text, only) embedding. */
function novaVector(body: unknown, model: string): number[] {
  const first: unknown = isRecord(body) && Array.isArray(body.embeddings) ? (body as unknown as NovaEmbeddingsResponse).embeddings[0] : undefined;
  if (!isRecord(first) || !Array.isArray(first.embedding)) throw GatewayError.unexpectedAnswer(`Amazon Bedrock's answer for model '${model}' has no 'embeddings[0].embedding' list.`);
  return first.embedding as number[];
}

/** The answers, in input order, as one response; usage sums `headerInputTokens` (the calls' header counts, same order). */
export function fromNovaEmbeddings(bodies: readonly unknown[], request: EmbeddingsRequest, model: string, headerInputTokens: readonly (number | null)[] = []): EmbeddingsResponse {
  const vectors = bodies.map((body) => novaVector(body, model));
  // Without counts for every call (none at all included), usage stays null rather than a partial sum.
  const promptTokens = headerInputTokens.length === bodies.length ? summedTokenCounts(headerInputTokens) : null;
  return embeddingsResponse({ vectors, model, format: encodingFormatOf(request, PROVIDER), promptTokens });
}
