/**
 * Token log probabilities on `/v1/responses`: `include: ["message.output_text.logprobs"]` is the chat
 * request's `logprobs: true` (with `top_logprobs`), and the chat answer's `logprobs.content` the
 * `output_text` part's `logprobs`. Reference: https://platform.openai.com/docs/api-reference/responses/object
 * (`output_text.logprobs`) and https://platform.openai.com/docs/api-reference/responses-streaming
 * (`response.output_text.delta` / `.done`, whose tokens have no `bytes`). Only OpenAI's chat shape
 * (`content`, which Gemini's are mapped to) is carried; another (Together AI's `tokens`) is not.
 */
import type { ChatChoice, ResponsesOutputContent } from '../../schema';

const INCLUDE_VALUE = 'message.output_text.logprobs';

/** A token of an `output_text` part's `logprobs`. */
export type ResponsesLogprob = NonNullable<Extract<ResponsesOutputContent, { type: 'output_text' }>['logprobs']>[number];

/** A token as a stream event gives it: no `bytes`, as OpenAI's. */
export interface StreamedLogprob {
  token: string;
  logprob: number;
  top_logprobs: { token: string; logprob: number }[];
}

/** The place in `include` that asks for log probabilities; -1 when none does. */
export function logprobsIncludeIndex(include: readonly string[] | undefined): number {
  return include?.indexOf(INCLUDE_VALUE) ?? -1;
}

/**
 * The chat request's log probability fields: `logprobs: true` and the request's `top_logprobs` when
 * `include` asks; otherwise no `top_logprobs` (OpenAI gives none without the include, and its chat API
 * refuses a `top_logprobs` without `logprobs: true`).
 */
export function chatLogprobsFieldsOf(include: readonly string[] | undefined, topLogprobs: number | undefined): Record<string, unknown> {
  if (logprobsIncludeIndex(include) < 0) return {};
  return topLogprobs === undefined ? { logprobs: true } : { logprobs: true, top_logprobs: topLogprobs };
}

type ChatToken = { token?: unknown; logprob?: unknown; bytes?: unknown; top_logprobs?: unknown };

const isToken = (value: unknown): value is ChatToken & { token: string; logprob: number } =>
  typeof value === 'object' && value !== null && typeof (value as ChatToken).token === 'string' && typeof (value as ChatToken).logprob === 'number';

/** The token's bytes as sent, else its text's UTF-8 (a vendor may send null). */
function bytesOf(token: ChatToken & { token: string }): number[] {
  return Array.isArray(token.bytes) && token.bytes.every((byte) => typeof byte === 'number') ? (token.bytes as number[]) : [...Buffer.from(token.token, 'utf8')];
}

/** The chat choice's text tokens in the Responses shape; undefined when the provider sent none in OpenAI's shape. */
export function responsesLogprobsOf(logprobs: ChatChoice['logprobs'] | undefined): ResponsesLogprob[] | undefined {
  // The schema leaves a token's fields optional (a vendor's object passes on as sent): a token without them is skipped.
  const content: unknown = logprobs?.content;
  if (!Array.isArray(content)) return undefined;
  return content.filter(isToken).map((token) => ({
    token: token.token,
    logprob: token.logprob,
    bytes: bytesOf(token),
    top_logprobs: (Array.isArray(token.top_logprobs) ? (token.top_logprobs as unknown[]) : []).filter(isToken).map((top) => ({ token: top.token, logprob: top.logprob, bytes: bytesOf(top) })),
  }));
}

/** Tokens as a stream event gives them. */
export function streamedLogprobsOf(tokens: readonly ResponsesLogprob[]): StreamedLogprob[] {
  return tokens.map(({ token, logprob, top_logprobs: top }) => ({ token, logprob, top_logprobs: top.map(({ token: alternative, logprob: value }) => ({ token: alternative, logprob: value })) }));
}
