/**
 * AI21 Labs (`ai21labs`): Jurassic-2 completions. AI21 retired the Jurassic-2 models in November 2024
 * (its current Jamba models use a different, chat-shaped API: chat.ts), so this serves existing
 * deployments and compatible proxies.
 *
 * Vendor references:
 * - J2 Complete API: https://docs.ai21.com/reference/j2-complete-api-ref
 *   (`POST https://api.ai21.com/studio/v1/{model}/complete`, `Authorization: Bearer <key>`)
 * - Response fields (`completions[].data.text`, `finishReason.reason`, token lists):
 *   https://docs.ai21.com/reference/completion
 *
 * Completions only, as in the reference. Unified names are mapped: `stop` → `stopSequences` (a
 * string becomes a list), `n` → `numResults`, `max_tokens` (or `max_completion_tokens`) → `maxTokens`, `top_p` → `topP`;
 * temperature is unchanged (§6.13). AI21's own spellings of those (`stopSequences`, `numResults`,
 * `maxTokens`) are refused (422, as MLflow); its other parameters (`minTokens`, `topKReturn`,
 * `countPenalty`, `presencePenalty` objects, ...) pass through. OpenAI parameters AI21 has no
 * equivalent for (listed below) are a 400 naming the parameter. Streams are not served (501).
 * Finish reason `endoftext` becomes `stop`, one outside OpenAI's set `stop` too; token counts come from the token lists.
 */
import { GatewayError } from '../../errors';
import type { CompletionsRequest, CompletionsResponse } from '../../schema';
import { inOpenAIFinishReasons } from '../shared/finish-reasons';
import { isRecord } from '../shared/json';
import { OPENAI_ONLY_PARAMETERS, rejectNativeNames, rejectUnsupportedParameters, renameParameters, stopList, withMaxTokens, withoutNoOpValues, withoutStreamFields } from '../shared/parameters';

/** The reference's display name, used in its messages. */
export const AI21LABS_NAME = 'AI21Labs';

/** OpenAI parameters AI21's complete API has no equivalent for (its penalties are objects of another scale). */
const UNSUPPORTED_PARAMETERS = [
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'echo',
  'suffix',
  'best_of',
  'seed',
  'top_k',
  'user',
  'response_format',
  'tools',
  'tool_choice',
  ...OPENAI_ONLY_PARAMETERS,
];

// ---- Wire types (only the fields we read) ----

interface AI21Completion {
  data: { text: string; tokens?: unknown[] };
  finishReason?: { reason?: string };
}

interface AI21CompleteResponse {
  id?: string;
  prompt?: { tokens?: unknown[] };
  completions: AI21Completion[];
}

// ---- Completions ----

/** The parameters AI21 refuses (also run on an endpoint's parameter defaults at load). */
export function checkAI21Parameters(request: Readonly<Record<string, unknown>>): void {
  rejectNativeNames(request, { stopSequences: 'stop', numResults: 'n', maxTokens: 'max_tokens' });
  rejectUnsupportedParameters(request, UNSUPPORTED_PARAMETERS, AI21LABS_NAME);
}

export function toAI21Completions(clientRequest: CompletionsRequest): Record<string, unknown> {
  const request = withoutNoOpValues(clientRequest);
  checkAI21Parameters(request);
  const { stop, ...rest } = withoutStreamFields(withMaxTokens(request));
  const body = renameParameters(rest, { n: 'numResults', max_tokens: 'maxTokens', top_p: 'topP' });
  if (stop !== undefined) body.stopSequences = stopList(stop);
  return body;
}

function countTokens(lists: (unknown[] | undefined)[]): number | null {
  return lists.every(Array.isArray) ? lists.reduce((total, list) => total + list!.length, 0) : null;
}

export function fromAI21Completions(body: unknown, { model, created }: { model: string; created: number }): CompletionsResponse {
  if (!isRecord(body) || !Array.isArray(body.completions)) {
    throw GatewayError.unexpectedAnswer(`${AI21LABS_NAME} sent a response without a 'completions' list.`);
  }
  const response = body as unknown as AI21CompleteResponse;
  const promptTokens = countTokens([response.prompt?.tokens]);
  const completionTokens = countTokens(response.completions.map((completion) => completion.data?.tokens));
  return {
    id: response.id ?? null,
    object: 'text_completion',
    created,
    model,
    choices: response.completions.map((completion, index) => ({
      index,
      text: completion.data?.text ?? '',
      finish_reason: mapAI21FinishReason(completion.finishReason?.reason),
    })),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens !== null && completionTokens !== null ? promptTokens + completionTokens : null,
    },
  };
}

// ---- Finish reasons and errors ----

/**
 * AI21: `endoftext` (the model ended), `stop` (a stop sequence), `length` (maxTokens); another (one
 * AI21 or a compatible proxy adds) is `stop`, as OpenAI clients may take only OpenAI's values.
 */
export function mapAI21FinishReason(reason: string | undefined): string | null {
  return reason === 'endoftext' ? 'stop' : inOpenAIFinishReasons(reason, false);
}

/** One FastAPI validation issue, `{"loc": ["body", "maxTokens"], "msg": "..."}`, as `maxTokens: ...`. */
function describeIssue(issue: unknown): string {
  if (!isRecord(issue)) return JSON.stringify(issue);
  const location = Array.isArray(issue.loc) ? issue.loc.filter((part) => part !== 'body').join('.') : '';
  return location ? `${location}: ${String(issue.msg)}` : String(issue.msg);
}

/**
 * AI21 error bodies are FastAPI's: `{"detail": "<message>"}`, or for invalid parameters a list of
 * `{"loc", "msg", "type"}` issues; some gateways answer `{"message": ...}`.
 */
export function ai21labsErrorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (typeof body.detail === 'string') return body.detail;
  if (Array.isArray(body.detail) && body.detail.length > 0) return body.detail.map(describeIssue).join('; ');
  if (typeof body.message === 'string') return body.message;
  return null;
}
