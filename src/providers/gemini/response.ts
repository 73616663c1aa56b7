/**
 * Gemini `generateContent` answers → unified chat and completions responses, plus the pieces the
 * stream folds share: candidate text, function calls as tool calls, finish reasons, usage.
 */
import { GatewayError } from '../../errors';
import type { ChatChoice, ChatResponse, CompletionsResponse, ToolCall, UrlCitation, Usage } from '../../schema';
import { excerpt, isRecord } from '../shared/json';
import { addedUp } from '../shared/usage';
import { fromGeminiCompletionsLogprobs, fromGeminiLogprobs } from './logprobs';
import { geminiToolCallId } from './tool-call-ids';
import { fromGeminiGrounding } from './web-search';
import type { GeminiCandidate, GeminiGenerateContentResponse, GeminiPart, GeminiUsageMetadata } from './wire';

/** What a response needs besides the Gemini answer. */
export interface GeminiResponseContext {
  /** The configured model name (MLflow reports it rather than Gemini's `modelVersion`). */
  model: string;
  /** Unix seconds. */
  created: number;
}

/** Guards the shape the mappers read, so a malformed 2xx is a clear 502. */
export function expectGeminiResponse(body: unknown): GeminiGenerateContentResponse {
  if (!isRecord(body) || (body.candidates !== undefined && !Array.isArray(body.candidates))) {
    throw GatewayError.unexpectedAnswer("Gemini's response is not a GenerateContentResponse (no 'candidates' list).");
  }
  return body as GeminiGenerateContentResponse;
}

const CONTENT_FILTER_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'LANGUAGE',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/**
 * Gemini's finish reason in the unified set: STOP → `stop`, or `tool_calls` when the answer holds
 * function calls; MAX_TOKENS → `length`; a flagged answer (safety, recitation, blocklist,
 * prohibited content, personal data, unsupported language, image safety) → `content_filter`.
 * Everything else (OTHER, FINISH_REASON_UNSPECIFIED, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL,
 * TOO_MANY_TOOL_CALLS, NO_IMAGE, reasons added later) ended the answer without a filter or a
 * limit: `tool_calls` if it holds calls, else `stop`.
 */
export function mapGeminiFinishReason(reason: string, hasToolCalls: boolean): string {
  if (reason === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER_REASONS.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

/** Finishes where the model's function call failed: the answer holds no usable call. */
const FAILED_TOOL_CALL_REASONS = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS']);

const failedItsCall = (candidate: GeminiCandidate): boolean =>
  FAILED_TOOL_CALL_REASONS.has(candidate.finishReason ?? '') && !(candidate.content?.parts ?? []).some((part) => Boolean(part.functionCall));

/**
 * The failure of an answer whose every candidate ended in a failed function call without a call:
 * nothing a client can use (text beside it is the model's lead-in to the call, or the broken
 * call's own text), and the model often gets it right when asked again (Google's gemini-cli
 * retries it), so it is a retryable 502 naming the endpoint and Gemini's reason, as a 5xx is: it is
 * retried per the endpoint's `retries` and a FALLBACK route moves on. Null for any other answer; a
 * filter's block stays the answer (the same content would be blocked again).
 */
export function failedToolCall(response: GeminiGenerateContentResponse, endpointName: string): GatewayError | null {
  const candidates = response.candidates ?? [];
  if (candidates.length === 0 || !candidates.every(failedItsCall)) return null;
  const { finishReason, finishMessage } = candidates[0];
  const message = typeof finishMessage === 'string' && finishMessage !== '' ? `: ${excerpt(finishMessage, 300)}` : '.';
  return new GatewayError({
    status: 502,
    message: `Gemini could not make a valid function call for endpoint '${endpointName}' (${finishReason})${message}`,
    kind: 'upstream_error',
    code: 'upstream_error',
    retryable: true,
  });
}

/** A `generateContent` answer the client can use; a failed function call (failedToolCall) is thrown. */
export function usableGeminiAnswer(body: unknown, endpointName: string): GeminiGenerateContentResponse {
  const response = expectGeminiResponse(body);
  const failure = failedToolCall(response, endpointName);
  if (failure !== null) throw failure;
  return response;
}

/**
 * Why Gemini cut a candidate short, for its choice's `refusal` as for a blocked prompt (a filter:
 * the reason and the blocked safety categories; a failed function call, in an answer that reaches
 * the client all the same (another candidate answered, or a stream had sent text first): the
 * reason), with Gemini's `finishMessage` when it sent one; null for any other finish, which needs
 * no explanation.
 */
export function finishExplanation(candidate: GeminiCandidate): string | null {
  const reason = candidate.finishReason;
  if (reason === undefined) return null;
  let what: string;
  if (CONTENT_FILTER_REASONS.has(reason)) what = 'Gemini blocked the answer';
  else if (FAILED_TOOL_CALL_REASONS.has(reason)) what = 'Gemini could not make a valid function call';
  else return null;
  const categories = (candidate.safetyRatings ?? []).flatMap((rating) => (rating.blocked === true && typeof rating.category === 'string' ? [rating.category] : []));
  const label = categories.length > 0 ? `${reason}: ${categories.join(', ')}` : reason;
  const message = typeof candidate.finishMessage === 'string' && candidate.finishMessage !== '' ? `: ${candidate.finishMessage}` : '.';
  return `${what} (${label})${message}`;
}

/**
 * Thinking models' reasoning tokens count as completion tokens, as in OpenAI's usage, and are
 * reported as `completion_tokens_details.reasoning_tokens`; `promptTokenCount` already includes the
 * cached content, whose count becomes `prompt_tokens_details.cached_tokens`. Gemini leaves out counts
 * that are zero, and so do the details. A missing `totalTokenCount` is the two counts added up.
 */
export function fromGeminiUsage(usage: GeminiUsageMetadata | undefined): Usage {
  if (usage === undefined) return { prompt_tokens: null, completion_tokens: null, total_tokens: null };
  // Tool results Gemini fed back to the model are billed input, in its totalTokenCount (prompt +
  // toolUsePrompt + candidates + thoughts): counted in prompt_tokens, prompt + completion = total.
  const prompt = usage.promptTokenCount === undefined ? null : usage.promptTokenCount + (usage.toolUsePromptTokenCount ?? 0);
  const completion = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
  const unified: Usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.totalTokenCount ?? addedUp(prompt, completion) };
  if (typeof usage.cachedContentTokenCount === 'number') unified.prompt_tokens_details = { cached_tokens: usage.cachedContentTokenCount };
  if (typeof usage.thoughtsTokenCount === 'number') unified.completion_tokens_details = { reasoning_tokens: usage.thoughtsTokenCount };
  return unified;
}

/** What one candidate (or one streamed piece of it) says. */
export interface CandidateContent {
  /** Concatenated answer text parts; null when the candidate has none. */
  text: string | null;
  /** Concatenated thought summaries (`thought: true` parts, sent with `includeThoughts`); null when none. */
  reasoning: string | null;
  toolCalls: ToolCall[];
}

const joinedTexts = (parts: readonly GeminiPart[]): string | null => {
  const texts = parts.flatMap((part) => (typeof part.text === 'string' ? [part.text] : []));
  return texts.length > 0 ? texts.join('') : null;
};

/** `firstCallIndex`: calls already seen for this candidate earlier in a stream. */
export function readCandidate(candidate: GeminiCandidate, options: { responseId: string | undefined; candidateIndex: number; firstCallIndex?: number }): CandidateContent {
  const allParts = candidate.content?.parts ?? [];
  // Thought summaries are never answer text: they go to reasoning_content only.
  const parts = allParts.filter((part) => part.thought !== true);
  const toolCalls = parts.flatMap((part) => (part.functionCall ? [part] : [])).map(
    (part, position): ToolCall => ({
      id: geminiToolCallId({
        call: part.functionCall!,
        thoughtSignature: part.thoughtSignature,
        responseId: options.responseId,
        candidateIndex: options.candidateIndex,
        callIndex: (options.firstCallIndex ?? 0) + position,
      }),
      type: 'function',
      function: { name: part.functionCall!.name, arguments: JSON.stringify(part.functionCall!.args ?? {}) },
    }),
  );
  return { text: joinedTexts(parts), reasoning: joinedTexts(allParts.filter((part) => part.thought === true)), toolCalls };
}

/**
 * `reasoning_content` appears only on answers that carried thoughts, and `annotations` only on those
 * that cite web pages (web-search.ts), so other answers keep OpenAI's exact shape.
 */
function withExtras(message: ChatChoice['message'], reasoning: string | null, annotations: UrlCitation[]): ChatChoice['message'] {
  const cited = annotations.length === 0 ? message : { ...message, annotations };
  return reasoning === null ? cited : { ...cited, reasoning_content: reasoning };
}

/** The message shown when Gemini blocked the prompt itself and answered no candidate. */
export function blockedPromptMessage(blockReason: string): string {
  return `Gemini blocked the prompt (${blockReason}).`;
}

/** Id of a response: Gemini's `responseId`, else MLflow's time-based one. */
function responseIdOf(response: GeminiGenerateContentResponse, fallback: string): string {
  return response.responseId ?? fallback;
}

/**
 * A candidate that Gemini cut short (a filter, a failed function call) says why in its `refusal`
 * (finishExplanation), next to any text it kept. No candidate: a blocked prompt gives one `content_filter` choice saying why. Without a block
 * reason (Gemini sometimes answers with nothing at all), one empty `stop` choice, so clients that
 * read `choices[0]` keep working (MLflow answers with no choice). Fewer candidates than asked for
 * (`n`) are the answer; choices are numbered by their place in the list, not by Gemini's `index`,
 * so that `choices[i].index` is `i` as OpenAI's clients expect (the stream numbers them the same way).
 */
export function fromGeminiChat(body: unknown, { model, created }: GeminiResponseContext): ChatResponse {
  const response = expectGeminiResponse(body);
  const candidates = response.candidates ?? [];
  const blockReason = response.promptFeedback?.blockReason;
  let choices: ChatChoice[];
  if (candidates.length === 0 && blockReason !== undefined) {
    choices = [{ index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: blockedPromptMessage(blockReason) }, finish_reason: 'content_filter' }];
  } else if (candidates.length === 0) {
    choices = [{ index: 0, message: { role: 'assistant', content: null, tool_calls: null, refusal: null }, finish_reason: 'stop' }];
  } else {
    choices = candidates.map((candidate, position) => {
      const candidateIndex = candidate.index ?? position;
      const { text, reasoning, toolCalls } = readCandidate(candidate, { responseId: response.responseId, candidateIndex });
      const choice: ChatChoice = {
        index: position,
        message: withExtras(
          { role: 'assistant', content: text, tool_calls: toolCalls.length > 0 ? toolCalls : null, refusal: finishExplanation(candidate) },
          reasoning,
          fromGeminiGrounding(candidate.content?.parts ?? [], candidate.groundingMetadata),
        ),
        // A finished answer without a reason is a natural stop.
        finish_reason: mapGeminiFinishReason(candidate.finishReason ?? 'STOP', toolCalls.length > 0),
      };
      // Only on answers that carry them, as OpenAI's answers without logprobs have no such key here.
      const logprobs = fromGeminiLogprobs(candidate.logprobsResult);
      return logprobs === undefined ? choice : { ...choice, logprobs };
    });
  }
  return {
    id: responseIdOf(response, `gemini-chat-${created}`),
    object: 'chat.completion',
    created,
    model,
    choices,
    usage: fromGeminiUsage(response.usageMetadata),
  };
}

export function fromGeminiCompletions(body: unknown, { model, created }: GeminiResponseContext): CompletionsResponse {
  const response = expectGeminiResponse(body);
  const candidates = response.candidates ?? [];
  const blocked = response.promptFeedback?.blockReason !== undefined;
  return {
    id: response.responseId ?? null,
    object: 'text_completion',
    created,
    model,
    choices:
      candidates.length === 0
        ? [{ index: 0, text: '', finish_reason: blocked ? 'content_filter' : 'stop' }]
        : candidates.map((candidate, position) => {
            const choice: CompletionsResponse['choices'][number] = {
              index: position,
              text: readCandidate(candidate, { responseId: response.responseId, candidateIndex: candidate.index ?? position }).text ?? '',
              finish_reason: mapGeminiFinishReason(candidate.finishReason ?? 'STOP', false),
            };
            // Only on answers that carry them, as in fromGeminiChat.
            const logprobs = fromGeminiCompletionsLogprobs(candidate.logprobsResult);
            return logprobs === undefined ? choice : { ...choice, logprobs };
          }),
    usage: fromGeminiUsage(response.usageMetadata),
  };
}
