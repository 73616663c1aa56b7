/**
 * Finish reasons in OpenAI's set, for vendors whose reasons are their own (TGI, AI21, Mistral,
 * Together AI). OpenAI clients may take only OpenAI's values: openai-dotnet, under Semantic Kernel,
 * fails the whole answer or stream on any other finish_reason.
 * https://platform.openai.com/docs/api-reference/chat/object (`choices[].finish_reason`)
 */

/** OpenAI's finish reasons (`function_call` is its deprecated functions API's). */
const OPENAI_FINISH_REASONS: ReadonlySet<string> = new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);

/**
 * `reason` when it is one of OpenAI's values; another (one the vendor adds later) is `tool_calls`
 * when the choice called tools, else `stop`: the answer it ends is whole as far as the client can
 * tell. Null (a stream chunk that does not finish) stays null, and so does `""`, which some
 * OpenAI-compatible servers send on such chunks: as `stop` it would end the choice at its first chunk.
 */
export function inOpenAIFinishReasons(reason: string | null | undefined, calledTools: boolean): string | null {
  if (reason === null || reason === undefined || reason === '') return null;
  if (OPENAI_FINISH_REASONS.has(reason)) return reason;
  return calledTools ? 'tool_calls' : 'stop';
}

/**
 * Remembers, for one answer or one stream, which choices called tools: a stream's calls come in
 * chunks before (or with) its finish reason. `see(index, calls)` records the choice's calls of this
 * body or chunk and says whether it has called any so far.
 */
export function createCalledTools(): { see(choiceIndex: number, calls: unknown): boolean } {
  const called = new Set<number>();
  return {
    see(choiceIndex, calls) {
      if (Array.isArray(calls) && calls.length > 0) called.add(choiceIndex);
      return called.has(choiceIndex);
    },
  };
}
