/**
 * Bedrock's token counts in response headers. InvokeModel answers carry
 * `X-Amzn-Bedrock-Input-Token-Count` and `X-Amzn-Bedrock-Output-Token-Count` beside the model's own
 * body, which for some models (Cohere Embed, Nova Multimodal Embeddings, Jurassic-2, Cohere Command)
 * counts no tokens at all.
 * The SDK's InvokeModel output exposes no headers (aws-sdk-js-v3 issues #5917, #8172), so one
 * middleware, added where the client is built, copies the counts onto the output object of the
 * call that received them: each call reads its own, with nothing shared between concurrent calls.
 * The headers are not in AWS's API reference of InvokeModel, so they only fill counts a body lacks.
 */
import type { FinalizeHandlerOutput, FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer } from '@smithy/types';

/** Token counts from the headers; null where a header is absent or not a whole number. */
export interface HeaderTokenCounts {
  input: number | null;
  output: number | null;
}

export const NO_HEADER_COUNTS: HeaderTokenCounts = Object.freeze({ input: null, output: null });

/** Where the middleware puts the counts on a command's output: a symbol, so no SDK field can clash. */
const HEADER_COUNTS = Symbol('bedrockHeaderTokenCounts');

const INPUT_HEADER = 'x-amzn-bedrock-input-token-count';
const OUTPUT_HEADER = 'x-amzn-bedrock-output-token-count';

function countOf(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** The counts in a response's headers (names lower-cased, as the SDK's Node handler gives them). */
export function tokenCountsOf(headers: Readonly<Record<string, string | undefined>>): HeaderTokenCounts {
  const input = countOf(headers[INPUT_HEADER]);
  const output = countOf(headers[OUTPUT_HEADER]);
  return input === null && output === null ? NO_HEADER_COUNTS : { input, output };
}

/** The counts the middleware read for the call that returned `output`. */
export function headerTokenCounts(output: MetadataBearer): HeaderTokenCounts {
  return (output as { [HEADER_COUNTS]?: HeaderTokenCounts })[HEADER_COUNTS] ?? NO_HEADER_COUNTS;
}

function headersOf(response: unknown): Record<string, string> | undefined {
  const headers = (response as { headers?: unknown } | null | undefined)?.headers;
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, string>) : undefined;
}

/** Copies the counts of a response's headers onto its deserialized output (not enumerable: logs and copies leave it out). */
const copyTokenCounts: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => async (args) => {
  const result: FinalizeHandlerOutput<MetadataBearer> = await next(args);
  const headers = headersOf(result.response);
  const counts = headers ? tokenCountsOf(headers) : NO_HEADER_COUNTS;
  if (counts !== NO_HEADER_COUNTS) Object.defineProperty(result.output, HEADER_COUNTS, { value: counts });
  return result;
};

/** Added once to each client's middleware stack; runs for InvokeModel only. */
export const tokenCountHeadersMiddleware: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context: HandlerExecutionContext) =>
  context.commandName === 'InvokeModelCommand' ? copyTokenCounts(next, context) : next;

export const TOKEN_COUNT_HEADERS_OPTIONS = { step: 'finalizeRequest', name: 'bedrockTokenCountHeaders' } as const;
