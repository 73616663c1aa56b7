/**
 * The unified chat answer as a Responses API Response object, and the pieces the stream
 * (stream.ts) builds its events from. Reference: https://platform.openai.com/docs/api-reference/responses/object
 *
 * The answer's `reasoning_content` becomes a reasoning item (one summary part; its `thinking_blocks`
 * the item's `encrypted_content`, encrypted-thinking.ts; Claude's interleaved thinking one item for
 * each place, as in the stream), its text (with its
 * url citations as the `output_text` part's annotations, its `logprobs.content` the part's `logprobs`,
 * logprobs.ts) and refusal a message item, its tool calls
 * function_call items (`call_id` is the tool call's id); citations, to a request with the web search
 * tool, a web_search_call item before the message (web-search.ts). A finish by
 * `length` or `content_filter` is `status: "incomplete"` with the reason, and so is the last item.
 */
import { randomUUID } from 'node:crypto';
import { hasText } from '../../providers/shared/blank-text';
import { inAnswerOrder, placeOf } from '../../providers/shared/thinking-places';
import { usageTotal } from '../../providers/shared/usage';
import type { ChatResponse, ResponsesOutputContent, ResponsesOutputItem, ResponsesRequest, ResponsesResponse, ResponsesUrlCitation, ResponsesUsage, ThinkingBlock, UrlCitation, Usage } from '../../schema';
import { encryptedContentOf } from './encrypted-thinking';
import { responsesLogprobsOf } from './logprobs';
import { webSearchCallOf, type WebSearchReport } from './web-search';

/** The request's settings a Response object echoes (the Python client's model requires most of them). */
export type ResponseSettings = Pick<
  ResponsesResponse,
  'instructions' | 'max_output_tokens' | 'metadata' | 'parallel_tool_calls' | 'previous_response_id' | 'store' | 'temperature' | 'top_p' | 'tool_choice' | 'tools' | 'text' | 'reasoning' | 'user'
>;

/** `kept`: the response store keeps the answer (the Response says `store: true`). */
export function settingsOf(request: ResponsesRequest, kept = false): ResponseSettings {
  return {
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    metadata: request.metadata ?? {},
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    store: kept,
    temperature: request.temperature ?? null,
    top_p: request.top_p ?? null,
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    text: request.text ?? { format: { type: 'text' } },
    reasoning: request.reasoning ?? null,
    user: request.user ?? null,
  };
}

/** A fresh id with OpenAI's prefix for its kind (`resp`, `msg`, `fc`, `rs`, `ws`, `call`): random, so that no one can guess a kept one. */
export function newId(prefix: 'resp' | 'msg' | 'fc' | 'rs' | 'ws' | 'call'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}

/**
 * The chat usage renamed, or null unless the provider reported both the prompt's and the answer's
 * counts: OpenAI's clients (the Vercel AI SDK checks with zod) require numbers there, and a made-up 0
 * would read as free to cost tracking. Details the provider did not report are 0.
 */
export function responsesUsageOf(usage: Usage | null | undefined): ResponsesUsage | null {
  if (typeof usage?.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return null;
  return {
    input_tokens: usage.prompt_tokens,
    output_tokens: usage.completion_tokens,
    // The rule every usage total follows (usage.ts); a reported total that is not a number is the sum too.
    total_tokens: usageTotal(usage) ?? usage.prompt_tokens + usage.completion_tokens,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
  };
}

type Ending = Pick<ResponsesResponse, 'status' | 'incomplete_details'>;

/** The Response's status for the chat finish reason: cut answers are incomplete, with the reason. */
export function endingOf(finishReason: string | null | undefined): Ending {
  switch (finishReason) {
    case 'length':
      return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
    case 'content_filter':
      return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
    default:
      return { status: 'completed', incomplete_details: null };
  }
}

/** The Response object around its output. */
export function responseObject(options: {
  id: string;
  createdAt: number;
  model: string;
  ending: Ending | { status: 'in_progress' | 'failed'; incomplete_details: null };
  output: ResponsesOutputItem[];
  usage: ResponsesUsage | null;
  settings: ResponseSettings;
  error?: ResponsesResponse['error'];
}): ResponsesResponse {
  const { id, createdAt, model, ending, output, usage, settings } = options;
  return {
    id,
    object: 'response',
    created_at: createdAt,
    ...ending,
    error: options.error ?? null,
    model,
    output,
    usage,
    ...settings,
  };
}

type AnswerMessage = ChatResponse['choices'][number]['message'];

/** A chat answer's url citation as a Responses `output_text` annotation: the same page and indexes, a level up. */
export function responsesCitationOf({ url_citation: { url, title, start_index: start, end_index: end } }: UrlCitation): ResponsesUrlCitation {
  return { type: 'url_citation', start_index: start, end_index: end, url, title };
}

function textOf(content: AnswerMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** A reasoning item: the summary's text, and signed thinking blocks (Claude's) as `encrypted_content` (shown when asked for, always kept). */
function reasoningItemOf(text: string | null | undefined, blocks: readonly ThinkingBlock[]): ResponsesOutputItem {
  const summary = text ? [{ type: 'summary_text' as const, text }] : [];
  return { type: 'reasoning', id: newId('rs'), summary, ...(blocks.length > 0 ? { encrypted_content: encryptedContentOf(blocks) } : {}), status: 'completed' };
}

/**
 * The answer's reasoning items with their places among its other items (thinking-places.ts): one
 * before them all, but for Claude's interleaved thinking, one for each run of blocks in one place, as
 * the stream gives them, its blocks' text as its summary. A client that sends the items back gives
 * each block its place by the items' order, even without the message item.
 */
function placedReasoningItemsOf(message: AnswerMessage): { block: ResponsesOutputItem; place: number }[] {
  const blocks = message.thinking_blocks ?? [];
  if (!blocks.some((block) => placeOf(block) > 0)) {
    return message.reasoning_content || blocks.length > 0 ? [{ block: reasoningItemOf(message.reasoning_content, blocks), place: 0 }] : [];
  }
  const runs: ThinkingBlock[][] = [];
  blocks.forEach((block, index) => {
    if (index > 0 && placeOf(block) === placeOf(blocks[index - 1])) runs[runs.length - 1].push(block);
    else runs.push([block]);
  });
  const textOfRun = (run: ThinkingBlock[]) => run.map((block) => (block.type === 'thinking' ? block.thinking : '')).join('');
  return runs.map((run) => ({ block: reasoningItemOf(textOfRun(run), run), place: placeOf(run[0]) }));
}

/**
 * The output items of a chat answer's message, in OpenAI's order: reasoning, web search, message,
 * function calls; interleaved reasoning items where the answer had them.
 */
function outputOf(choice: ChatResponse['choices'][number] | undefined, ending: Ending, webSearch: WebSearchReport | undefined): ResponsesOutputItem[] {
  const message = choice?.message;
  const textItems: ResponsesOutputItem[] = [];
  const citations = (message?.annotations ?? []).map(responsesCitationOf);
  if (webSearch !== undefined && citations.length > 0) textItems.push(webSearchCallOf({ id: newId('ws'), status: 'completed', citations, report: webSearch }));
  const text = textOf(message?.content ?? null);
  const content: ResponsesOutputContent[] = [];
  const logprobs = responsesLogprobsOf(choice?.logprobs);
  // `logprobs: []` when none came, as OpenAI's own Responses give it.
  if (text !== '' || !message?.refusal) content.push({ type: 'output_text', text, annotations: citations, logprobs: logprobs ?? [] });
  if (message?.refusal) content.push({ type: 'refusal', refusal: message.refusal });
  const calls = message?.tool_calls ?? [];
  // An answer of tool calls alone has no message item (as OpenAI's); blank text beside them is none, as its thinking's places say (blank-text.ts).
  if (hasText(text) || message?.refusal || calls.length === 0) textItems.push({ type: 'message', id: newId('msg'), status: 'completed', role: 'assistant', content });
  const callItems = calls.map(
    (call): ResponsesOutputItem => ({ type: 'function_call', id: newId('fc'), call_id: call.id, name: call.function.name, arguments: call.function.arguments, status: 'completed' }),
  );
  const items = inAnswerOrder({ thinking: message === undefined ? [] : placedReasoningItemsOf(message), text: textItems, toolCalls: callItems });
  return ending.status === 'incomplete' ? withLastItemCut(items) : items;
}

/** A cut answer's last item is `incomplete`, as in OpenAI's Response: the cut fell inside it (never in a search, which comes before the text). */
export function withLastItemCut(items: ResponsesOutputItem[]): ResponsesOutputItem[] {
  const last = items.at(-1);
  return last === undefined || last.type === 'web_search_call' ? items : [...items.slice(0, -1), { ...last, status: 'incomplete' }];
}

/**
 * A non-streamed chat answer (its first choice: the request never asks for more) as a Response object;
 * `webSearch` when the request had the web search tool.
 */
export function fromChatResponse(answer: ChatResponse, settings: ResponseSettings, webSearch?: WebSearchReport): ResponsesResponse {
  const choice = answer.choices[0];
  const ending = endingOf(choice?.finish_reason);
  return responseObject({
    id: newId('resp'),
    createdAt: answer.created,
    model: answer.model,
    ending,
    output: outputOf(choice, ending, webSearch),
    usage: responsesUsageOf(answer.usage),
    settings,
  });
}
