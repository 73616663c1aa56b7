/**
 * OpenAI answers → unified chat, completions and embeddings responses, trimmed to the unified
 * schema (system_fingerprint and service_tier are dropped; usage details, a choice's logprobs,
 * a message's url citations and Azure's content filter results are kept), plus the usage, logprobs and error mappings shared with the stream folds.
 */
import { quotedJson } from '../../config/quoted';
import { GatewayError, vendorErrorOf, type VendorError } from '../../errors';
import type { ChatResponse, CompletionsResponse, EmbeddingsResponse, ToolCall, Usage } from '../../schema';
import { encodeEmbedding, type EncodingFormat } from '../shared/embeddings';
import { argumentsText, isRecord } from '../shared/json';
import { generatedUsageTotal, usageTotal } from '../shared/usage';
import { withContentFilterResults, withPromptFilterResults } from './filter-annotations';
import { withUrlCitations } from './url-citations';
import type { OpenAIChatResponse, OpenAICompletionsResponse, OpenAIEmbeddingsResponse, OpenAIToolCall, OpenAIUsage } from './wire';

/**
 * A vendor's fix-up of a response or stream chunk into OpenAI's shape, run before OpenAI's mapper
 * (OpenAI-compatible vendors: Mistral, Together AI, TGI). OpenAI's own bodies pass as they are.
 */
export type OpenAINormaliser = (body: Record<string, unknown>) => Record<string, unknown>;

/** The default normaliser: OpenAI's own bodies need no fix-up. */
export const asIs: OpenAINormaliser = (body) => body;

/**
 * `body` with `mapChoice` applied to each of its `choices`; a body without that list is returned as is.
 * `choiceIndex` is the choice's `index`, or its place in the list when it has none, as the mappers
 * below number it: what a normaliser keeps per choice must not mix several choices without one.
 */
export function mapOpenAIChoices<Choice extends { index?: number | null }>(body: Record<string, unknown>, mapChoice: (choice: Choice, choiceIndex: number) => Choice): Record<string, unknown> {
  if (!Array.isArray(body.choices)) return body;
  return { ...body, choices: (body.choices as Choice[]).map((choice, position) => mapChoice(choice, choice.index ?? position)) };
}

/** Reads a body through a vendor's normaliser (only objects are normalised; anything else fails in `expectList`). */
function normalised(body: unknown, normalise: OpenAINormaliser): unknown {
  return isRecord(body) ? normalise(body) : body;
}

/** Guards the one field every mapper below depends on, so a malformed 2xx is a clear 502. */
function expectList<Wire>(body: unknown, field: 'choices' | 'data'): Wire {
  if (!isRecord(body) || !Array.isArray(body[field])) {
    throw GatewayError.unexpectedAnswer(`The provider's response has no '${field}' list.`);
  }
  return body as Wire;
}

/**
 * The three counts (`total_tokens`, when a server such as llama.cpp or vLLM leaves it out, added up
 * by `generatedUsageTotal`, as for plugins), and the vendor's `prompt_tokens_details` / `completion_tokens_details` objects
 * passed on as they came (no copy: cost trackers read `cached_tokens` and `reasoning_tokens` there,
 * and vendors add counts of their own). A DeepSeek-style `prompt_cache_hit_tokens` without
 * `prompt_tokens_details` becomes its `cached_tokens`. Details a vendor did not send stay absent.
 */
export function fromOpenAIUsage(usage: OpenAIUsage | null | undefined): Usage {
  const unified: Usage = {
    prompt_tokens: usage?.prompt_tokens ?? null,
    completion_tokens: usage?.completion_tokens ?? null,
    // Only a usage without the total pays for adding it up.
    total_tokens: usage?.total_tokens ?? generatedUsageTotal(usage),
  };
  if (!usage) return unified;
  const promptDetails = usage.prompt_tokens_details;
  if (isRecord(promptDetails)) unified.prompt_tokens_details = promptDetails;
  else if (typeof usage.prompt_cache_hit_tokens === 'number') unified.prompt_tokens_details = { cached_tokens: usage.prompt_cache_hit_tokens };
  if (isRecord(usage.completion_tokens_details)) unified.completion_tokens_details = usage.completion_tokens_details;
  return unified;
}

/**
 * `choice` with the vendor's `logprobs` object, as it came (no copy: clients read OpenAI's
 * `content[].top_logprobs`, or the legacy `tokens` / `token_logprobs`, and servers add fields), only
 * when the vendor sent one: answers without it keep their exact shape at the cost of one property
 * read. A value that is not an object is no vendor's logprobs, and is left out rather than failing
 * an answer whose text is fine.
 */
export function withLogprobs<Choice extends object>(choice: Choice, logprobs: unknown): Choice {
  if (isRecord(logprobs)) (choice as { logprobs?: unknown }).logprobs = logprobs;
  return choice;
}

/**
 * Refuses a tool call of a type other than `function` with a clear 502 (`where` names it in the
 * answer). Requests through the gateway define function tools only (the request schema takes no
 * other), so a call of another type, such as OpenAI's `custom` tools (free text, grammar-constrained:
 * https://platform.openai.com/docs/guides/function-calling#custom-tools), comes from a tool the client
 * never sent and cannot run; passing it on would give the client a call without a function, and
 * dropping it would leave the turn waiting for a result. A call without `type` is a function call
 * (some OpenAI-compatible servers leave it out). `where` is built only for the refusal: a stream
 * checks every tool-call piece.
 */
export function expectFunctionCall(type: unknown, where: () => string): void {
  if (type === undefined || type === null || type === 'function') return;
  throw GatewayError.unexpectedAnswer(`${where()} is a tool call of type ${quotedJson(type)}; the gateway passes on function tool calls only`);
}

function fromOpenAIToolCall(call: OpenAIToolCall, where: () => string): ToolCall {
  expectFunctionCall(call.type, where);
  if (!isRecord(call.function)) throw GatewayError.unexpectedAnswer(`${where()} has no 'function' object`);
  return { id: call.id, type: 'function', function: { name: call.function.name, arguments: argumentsText(call.function.arguments) } };
}

/**
 * A message's or delta's `content` as OpenAI sends it, a text. Some OpenAI-compatible servers send a
 * list of content parts instead: its `text` parts are joined (clients read the field as a string, and
 * join a stream's pieces), and parts of other types are skipped, as the blocks of other vendors that
 * the gateway does not read; a list without text parts is null. Any other value is left as it came.
 */
export function contentText(content: unknown): unknown {
  if (!Array.isArray(content)) return content ?? null;
  const texts = content.filter((part): part is { text: string } => isRecord(part) && part.type === 'text' && typeof part.text === 'string');
  return texts.length > 0 ? texts.map((part) => part.text).join('') : null;
}

type ResponseMessage = ChatResponse['choices'][number]['message'];

/**
 * A DeepSeek-style server's `reasoning_content` is passed on: in thinking mode it refuses a tool-call
 * turn sent back without it (https://api-docs.deepseek.com/guides/thinking_mode). Only when the
 * server sent one, so other answers keep OpenAI's exact shape.
 */
function withReasoningContent(message: ResponseMessage, reasoning: unknown): ResponseMessage {
  return typeof reasoning === 'string' ? { ...message, reasoning_content: reasoning } : message;
}

/**
 * The thinking text of a message or delta: DeepSeek's `reasoning_content`, or `reasoning`, the name
 * current vLLM (https://docs.vllm.ai/en/stable/features/reasoning_outputs/) and Ollama's
 * OpenAI-compatible API use for the same text; it reaches the client as `reasoning_content`, the
 * unified name. Undefined when there is none.
 */
export function reasoningTextOf(message: { reasoning_content?: unknown; reasoning?: unknown } | null | undefined): string | undefined {
  if (typeof message?.reasoning_content === 'string') return message.reasoning_content;
  return typeof message?.reasoning === 'string' ? message.reasoning : undefined;
}

/**
 * Azure's `prompt_filter_results` and a choice's `content_filter_results` are passed on when sent
 * (filter-annotations.ts), and so are the message's web search citations (url-citations.ts). Choices
 * in the upstream's numbering (`inUpstreamOrder`): with `n` > 1 some servers list them as they finish.
 */
export function fromOpenAIChat(body: unknown, normalise: OpenAINormaliser = asIs): ChatResponse {
  const response = expectList<OpenAIChatResponse>(normalised(body, normalise), 'choices');
  const answer: ChatResponse = {
    id: response.id ?? null,
    object: 'chat.completion',
    created: response.created,
    model: response.model,
    choices: inUpstreamOrder(response.choices).map((choice, index) =>
      withContentFilterResults(
        withLogprobs(
          {
            index,
            message: withUrlCitations(
              withReasoningContent(
                {
                  role: choice.message?.role ?? 'assistant',
                  content: contentText(choice.message?.content) as ResponseMessage['content'],
                  tool_calls: choice.message?.tool_calls?.map((call, position) => fromOpenAIToolCall(call, () => `choices[${index}].message.tool_calls[${position}]`)) ?? null,
                  refusal: choice.message?.refusal ?? null,
                },
                reasoningTextOf(choice.message),
              ),
              choice.message?.annotations,
            ),
            finish_reason: choice.finish_reason ?? null,
          },
          choice.logprobs,
        ),
        choice.content_filter_results,
      ),
    ),
    usage: fromOpenAIUsage(response.usage),
  };
  return withPromptFilterResults(answer, response.prompt_filter_results);
}

/**
 * The choices in the upstream's numbering, each numbered by its place in the list returned: sorted by
 * `index` when every choice has a distinct integer one from 0 to the number of choices (a server
 * answering a prompt list in one call numbers them prompt × n + choice, and with `n` > 1 some list them
 * as they finish); else as sent. The usual answer, already in order, is returned as it is (no copy:
 * every chat answer passes here).
 */
function inUpstreamOrder<Choice extends { index?: number | null }>(choices: readonly Choice[]): readonly Choice[] {
  if (choices.every((choice, position) => choice.index === position)) return choices;
  const taken: boolean[] = [];
  const numberedByIndex = choices.every(({ index }) => {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= choices.length || taken[index]) return false;
    taken[index] = true;
    return true;
  });
  return numberedByIndex ? [...choices].sort((first, second) => (first.index as number) - (second.index as number)) : choices;
}

/** Choices in the upstream's numbering (`inUpstreamOrder`). */
export function fromOpenAICompletions(body: unknown, normalise: OpenAINormaliser = asIs): CompletionsResponse {
  const response = expectList<OpenAICompletionsResponse>(normalised(body, normalise), 'choices');
  const answer: CompletionsResponse = {
    id: response.id ?? null,
    object: 'text_completion',
    created: response.created,
    model: response.model,
    choices: inUpstreamOrder(response.choices).map((choice, index) =>
      withContentFilterResults(
        withLogprobs({ index, text: choice.text ?? (contentText(choice.message?.content) as string | null) ?? '', finish_reason: choice.finish_reason ?? null }, choice.logprobs),
        choice.content_filter_results,
      ),
    ),
    usage: fromOpenAIUsage(response.usage),
  };
  return withPromptFilterResults(answer, response.prompt_filter_results);
}

/** Whether `value` has exactly these keys (in any order). */
function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!keys.includes(key)) return false;
    count += 1;
  }
  return count === keys.length;
}

const EMBEDDINGS_KEYS = ['object', 'data', 'model', 'usage'] as const;
const EMBEDDING_KEYS = ['object', 'embedding', 'index'] as const;
const EMBEDDINGS_USAGE_KEYS = ['prompt_tokens', 'total_tokens'] as const;

/**
 * Whether OpenAI's answer already is the unified one, as OpenAI sends it: the same fields and
 * nothing else, entries in order. Then the parsed answer itself is returned, and its text goes out
 * as it came (see `sourceTextOf` in shared/json.ts).
 */
function isUnifiedEmbeddings(response: OpenAIEmbeddingsResponse): boolean {
  const body = response as unknown as Record<string, unknown>;
  const usage = body.usage;
  return (
    body.object === 'list' &&
    typeof body.model === 'string' &&
    hasExactly(body, EMBEDDINGS_KEYS) &&
    isRecord(usage) &&
    hasExactly(usage, EMBEDDINGS_USAGE_KEYS) &&
    typeof usage.prompt_tokens === 'number' &&
    typeof usage.total_tokens === 'number' &&
    (body.data as unknown[]).every((item, index) => isRecord(item) && item.object === 'embedding' && item.index === index && hasExactly(item, EMBEDDING_KEYS))
  );
}

/**
 * The entries in input order, each with its input's index. OpenAI warns that an answer may list them
 * in another order, each carrying its input's `index` (https://platform.openai.com/docs/guides/rate-limits,
 * batching), so they are ordered by it. Entries without any index are numbered by position (all
 * there is to go by). Indexes that do not name each entry once are kept as they came, for the answer
 * check to refuse (`oneVectorPerInput`): any order made up for them would pair vectors with guessed texts.
 */
function inInputOrder(data: OpenAIEmbeddingsResponse['data']): EmbeddingsResponse['data'] {
  const entryOf = (entry: OpenAIEmbeddingsResponse['data'][number], index: number) => ({ object: 'embedding' as const, embedding: entry.embedding, index });
  if (data.every((entry) => entry?.index === undefined)) return data.map(entryOf);
  const ordered: EmbeddingsResponse['data'] = [];
  for (const entry of data) {
    const index = entry?.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= data.length || ordered[index] !== undefined) {
      return data.map((item) => entryOf(item, item?.index as number));
    }
    ordered[index] = entryOf(entry, index);
  }
  return ordered;
}

/**
 * The answer in input order. With `encodingFormat: "base64"` (what the request asked for), float
 * vectors are encoded by the gateway: OpenAI-compatible servers that ignore the option (LM Studio,
 * infinity, older LocalAI and SGLang) answer floats, which the openai npm client, asking for base64
 * by default, decodes into silently wrong vectors of a quarter of the length.
 */
export function fromOpenAIEmbeddings(body: unknown, { encodingFormat = 'float' }: { encodingFormat?: EncodingFormat } = {}): EmbeddingsResponse {
  const response = expectList<OpenAIEmbeddingsResponse>(body, 'data');
  const unified: EmbeddingsResponse = isUnifiedEmbeddings(response)
    ? (response as unknown as EmbeddingsResponse)
    : {
        object: 'list',
        data: inInputOrder(response.data),
        model: response.model,
        usage: { prompt_tokens: response.usage?.prompt_tokens ?? null, total_tokens: response.usage?.total_tokens ?? usageTotal(response.usage) },
      };
  if (encodingFormat === 'float' || unified.data.every((item) => !Array.isArray(item.embedding))) return unified;
  return { ...unified, data: unified.data.map((item) => (Array.isArray(item.embedding) ? { ...item, embedding: encodeEmbedding(item.embedding, encodingFormat) } : item)) };
}

// ---- Errors ----

/** Pydantic validation issues (`[{loc, msg}]`) as `messages.0.name: Extra inputs are not permitted`. */
export function describeValidationIssues(detail: unknown): string | null {
  if (!Array.isArray(detail)) return null;
  const issues = detail.filter(isRecord).map((issue) => {
    const location = Array.isArray(issue.loc) ? issue.loc.filter((part) => part !== 'body').join('.') : '';
    const message = typeof issue.msg === 'string' ? issue.msg : 'is invalid';
    return location ? `${location}: ${message}` : message;
  });
  return issues.length > 0 ? issues.join('; ') : null;
}

/**
 * The vendor's message from an error body: `error.message`, a bare string `error` (some
 * OpenAI-compatible servers; the reference crashes on it), a top-level `message`, or FastAPI's
 * `detail` (a text, or pydantic's issue list), which Python servers behind `openai_api_base`
 * answer with (vLLM's `{"detail":"Not Found"}` for a base without `/v1`); else null.
 */
export function openaiErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { error, message, detail } = body;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  if (typeof message === 'string') return message;
  if (typeof detail === 'string') return detail;
  // Mistral's API (behind `openai_api_base`) nests its 422 issues in `message.detail`.
  return describeValidationIssues(isRecord(message) ? message.detail : detail);
}

/**
 * The vendor's `type`, `code` and `param` from OpenAI's error object
 * (`{"error":{"message","type","param","code"}}`, also Azure's `content_filter`), kept on `/v1`.
 */
export function openaiVendorError(body: unknown): VendorError | null {
  return isRecord(body) && isRecord(body.error) ? vendorErrorOf(body.error) : null;
}
