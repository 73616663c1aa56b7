/**
 * Hugging Face Text Embeddings Inference (TEI) behind an `openai` endpoint's `openai_api_base`: its
 * `/v1/embeddings` refuses a request of more inputs than its `--max-client-batch-size` (32 by
 * default; https://huggingface.co/docs/text-embeddings-inference/cli_arguments) with a 413,
 * `{"message": "batch size 100 > maximum allowed batch size 32", "code": 413, "type": "validation"}`
 * (`openai_embed` in router/src/http/server.rs of https://github.com/huggingface/text-embeddings-inference),
 * while OpenAI clients send up to 2,048 (LangChain's OpenAIEmbeddings, 1,000). The same provider
 * serves OpenAI itself, which takes 2,048, and TEI's limit is the server's own setting, so nothing
 * tells the gateway beforehand: it learns the limit from that refusal, which names it.
 */
import { GatewayError } from '../../errors';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../../schema';
import { embeddedInBatches, type AnsweredBatches } from '../shared/embeddings';
import type { CallContext } from '../types';

/** TEI's message for a request over its limit (the client's count, then the limit). */
const TEI_BATCH_SIZE_REFUSAL = /^batch size \d+ > maximum allowed batch size (\d+)$/;

/** The limit TEI names in its refusal of a request for its size, or null for any other failure. */
export function teiBatchLimit(error: unknown): number | null {
  if (!(error instanceof GatewayError) || error.status !== 413) return null;
  const limit = Number(TEI_BATCH_SIZE_REFUSAL.exec(error.message)?.[1]);
  return Number.isSafeInteger(limit) && limit > 0 ? limit : null;
}

export type EmbedWithTeiBatches = (request: EmbeddingsRequest, call: CallContext, embed: (batch: EmbeddingsRequest) => Promise<EmbeddingsResponse>) => Promise<EmbeddingsResponse>;

/**
 * One endpoint's embeddings: a request goes whole until TEI refuses one for its size, then in
 * consecutive calls of the size TEI named (`embeddedInBatches`: order kept, usage summed, a retry
 * resumes at the batch that failed). The size is kept for the endpoint's later requests, so a
 * refused call is paid once per endpoint and process, not per request. A refusal naming a smaller
 * size (TEI restarted with a lower limit) before any batch of the request was answered splits it
 * again at that size; after one, the refusal fails the request (its answered batches are of the old size).
 */
export function createTeiBatching(provider: string): EmbedWithTeiBatches {
  let learned: number | undefined;
  // The size each request was split at, kept for its retries: answered batches resume only at the same size.
  const sizeOfRequest = new WeakMap<AnsweredBatches, number>();
  return async (request, call, embed) => {
    const answered = call.answeredBatches;
    for (;;) {
      const size = (answered && sizeOfRequest.get(answered)) ?? learned;
      try {
        if (size === undefined) return await embed(request);
        if (answered) sizeOfRequest.set(answered, size);
        return await embeddedInBatches(request, { size, provider, tokenIds: true }, embed, call);
      } catch (error) {
        const limit = teiBatchLimit(error);
        if (limit === null || limit >= (size ?? Infinity) || (answered?.length ?? 0) > 0) throw error;
        learned = limit;
        if (answered) sizeOfRequest.delete(answered);
      }
    }
  };
}
