/**
 * The tokens a stream used, for token limits (`limit.tokens`) and the audit line. The usage the
 * provider reports on a chunk (its last) always counts. A stream that ends without one (the client
 * left, the upstream cut it, a timeout between chunks) would otherwise count nothing, so that a
 * client leaving just before the end of each stream could spend past its limit: such a stream
 * counts an estimate of its prompt and of what it generated until then, also when it ended before
 * its first chunk, once the request was sent. A usage with `prompt_tokens` alone counts that
 * prompt and the estimate of what the stream generated. An answer without a stream that has no
 * usable total counts so too (`answerEstimate`).
 */
import type { CallAbort, ServedRequest } from '../providers/abort';
import { isDataUrl } from '../providers/shared/media-types';
import type { EndpointLimiter } from './limiter';
import { reportedTokens } from './limiter';

/**
 * Each ASCII character's weight in eighths of a token: letters and spaces merge about four to a
 * token in English prose; digits two (tokenizers split numbers into groups of up to three, and off
 * the letters beside them); punctuation, symbols and a line break or tab (code, JSON, tables) cut
 * words into more pieces, most of them a token of their own.
 */
const ASCII_EIGHTHS = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const character = String.fromCharCode(code);
  if (/[A-Za-z ]/.test(character)) return 2;
  return /[0-9]/.test(character) ? 4 : 5;
});

/** A whitespace character after another (indentation, blank lines): tokenizers merge such runs into one token. */
const WHITESPACE_RUN_EIGHTHS = 1;

const isWhitespace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/**
 * A non-ASCII UTF-16 code unit's weight in eighths of a token: a whole token for Chinese and
 * Japanese characters and each half of a surrogate pair (emoji, rarer CJK characters: about two
 * tokens each); three quarters for a Hangul syllable; three eighths for Cyrillic, whose words
 * tokenizers merge best of the other scripts; half a token for the rest (accented Latin, Greek,
 * Arabic, Hebrew, Devanagari, Thai…, symbols).
 */
function nonAsciiEighths(code: number): number {
  if ((code >= 0x2e80 && code < 0xa000) || (code >= 0xd800 && code < 0xe000)) return 8; // CJK, kana; surrogate halves
  if ((code >= 0xf900 && code < 0xfb00) || (code >= 0xff00 && code < 0xfff0)) return 8; // CJK compatibility, full/halfwidth forms
  if (code >= 0xac00 && code < 0xd7b0) return 6; // Hangul syllables
  if (code >= 0x0400 && code < 0x0530) return 3; // Cyrillic
  return 4;
}

/**
 * A text's estimated tokens, in eighths of a token (whole numbers, so that a stream's chunks add up
 * exactly): one pass over its UTF-16 code units, weighted by script, a whitespace run counted
 * as about one token. It aims a little above what tokenizers count (an estimate that counts low
 * lets a client spend past a token limit): within 1.0–1.5 × OpenAI's o200k on prose in a dozen
 * languages, code, JSON and emoji (test/fixtures/tokenizer/).
 */
export function tokenEighthsOf(text: string): number {
  let eighths = 0;
  let afterWhitespace = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const whitespace = isWhitespace(code);
    if (whitespace && afterWhitespace) eighths += WHITESPACE_RUN_EIGHTHS;
    else eighths += code < 0x80 ? ASCII_EIGHTHS[code] : nonAsciiEighths(code);
    afterWhitespace = whitespace;
  }
  return eighths;
}

/** Eighths of a token as tokens, rounded up: a started token was used. */
export function tokensOfEighths(eighths: number): number {
  return Math.ceil(eighths / 8);
}

/** The eighths of a completions prompt sent as token ids (`[1, 2]`, `[[1, 2], [3]]`): one token each. */
function tokenIdEighths(request: unknown): number {
  const prompt = (request as { prompt?: unknown } | null)?.prompt;
  if (!Array.isArray(prompt) || typeof prompt[0] === 'string') return 0;
  let ids = 0;
  for (const item of prompt) ids += Array.isArray(item) ? item.length : 1;
  return ids * 8;
}

/**
 * The token eighths of a request's string values (messages or prompt, tools, their schemas…), data
 * URLs left out, and of a prompt's token ids. A loop over a stack, not recursion: a deeply nested body
 * must not overflow the call stack.
 */
export function requestTokenEighths(request: unknown): number {
  let eighths = tokenIdEighths(request);
  const pending: unknown[] = [request];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      // Images and files in a prompt are data URLs, whose base64 length says nothing of the tokens they cost.
      if (!isDataUrl(value)) eighths += tokenEighthsOf(value);
    } else if (typeof value === 'object' && value !== null) {
      // One push per item: a spread of a long array would pass each item as an argument and overflow.
      for (const item of Array.isArray(value) ? value : Object.values(value)) pending.push(item);
    }
  }
  return eighths;
}

const eighthsOf = (value: unknown): number => (typeof value === 'string' ? tokenEighthsOf(value) : 0);

/**
 * The token eighths one unified choice generated: completions text, or the text, refusal, reasoning
 * and tool calls of a chunk's delta or an answer's message.
 */
function choiceTokenEighths(choice: unknown): number {
  if (typeof choice !== 'object' || choice === null) return 0;
  const { text, delta, message } = choice as { text?: unknown; delta?: unknown; message?: unknown };
  const generated = delta ?? message;
  if (typeof generated !== 'object' || generated === null) return eighthsOf(text);
  const { content, refusal, reasoning_content: reasoning, tool_calls: toolCalls } = generated as Record<string, unknown>;
  let eighths = eighthsOf(content) + eighthsOf(refusal) + eighthsOf(reasoning);
  if (Array.isArray(toolCalls)) {
    for (const call of toolCalls) {
      const called = (call as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
      eighths += eighthsOf(called?.name) + eighthsOf(called?.arguments);
    }
  }
  return eighths;
}

/** The token eighths a unified stream chunk or answer generated (from the strings it already holds: nothing is serialised). */
export function generatedTokenEighths(chunk: unknown): number {
  const choices = (chunk as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return 0;
  let eighths = 0;
  for (const choice of choices) eighths += choiceTokenEighths(choice);
  return eighths;
}

/**
 * `prompt_tokens` of a usage that reports nothing else (no completion, no total): some servers send
 * the prompt's usage first, the rest at the end. Null for any other chunk, and for a prompt of 0.
 */
export function reportedPromptOnly(chunk: unknown): number | null {
  const usage = (chunk as { usage?: unknown } | null)?.usage;
  if (typeof usage !== 'object' || usage === null) return null;
  const { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total } = usage as Record<string, unknown>;
  // A prompt is never empty: 0 is a placeholder, as a total of 0 is (reportedTokens).
  if (completion != null || total != null || typeof prompt !== 'number' || !Number.isFinite(prompt) || !(prompt > 0)) return null;
  return Math.min(Math.ceil(prompt), Number.MAX_SAFE_INTEGER);
}

/** Estimated counts, in the fields of a usage (`prompt` is the reported one when a chunk reported it alone). */
export interface EstimatedTokens {
  prompt: number;
  completion: number;
  total: number;
  /** Every count is reported usage (an answer that failed the answer check), none estimated. */
  reported?: boolean;
}

/** What token limits and the audit line read of a request's stream: one stream's tokens, or those of several summed. */
export interface StreamTokenCount {
  /** Told of each chunk sent (by the audit line, when no token limit meters the stream). */
  observe(chunk: unknown): void;
  estimate(): EstimatedTokens | null;
  total(): number | null;
}

/**
 * One stream's tokens, told of each chunk as it arrives from the provider. A call without a stream
 * that failed (no answer, so no usage) uses it too, told of no chunk: its prompt's estimate, once
 * the provider had the request, as for a stream that ended before its first chunk.
 */
export class StreamTokens implements StreamTokenCount {
  private started = false;
  private reported: number | null = null;
  private reportedPrompt: number | null = null;
  private generatedEighths = 0;
  private promptTokens: number | null = null;
  private call: CallAbort | null = null;
  private earlierAttemptReached = false;

  /** `request`: the body sent to the provider, read only if the stream ends without usage. */
  constructor(private readonly request: unknown) {}

  /**
   * The abort of the call's attempts, on which the transport notes whether the request reached the
   * provider: told as each attempt starts, when it still holds what became of the attempt before.
   */
  watch(call: CallAbort): void {
    // A retry the provider refuses does not undo an earlier attempt it had (one that timed out reading the prompt).
    if (this.call?.request === 'sent') this.earlierAttemptReached = true;
    this.call = call;
  }

  observe(chunk: unknown): void {
    this.started = true;
    const prompt = reportedPromptOnly(chunk);
    if (prompt === null) this.reported = reportedTokens(chunk) ?? this.reported;
    else this.reportedPrompt = prompt;
    if (this.reported === null) this.generatedEighths += generatedTokenEighths(chunk);
  }

  /**
   * The estimate, when no chunk reported a whole usage (none, or `prompt_tokens` alone, which then
   * stands for the prompt's estimate) and the provider had the request: a chunk came, or an
   * attempt was sent and not refused (the client left, or a timeout came, while the provider read
   * the prompt), also when a retry after it was refused; else null. The prompt counts once however
   * many attempts the provider had, as the usage of a call answered after retries does. A call
   * whose every attempt was refused (by the provider, or by the gateway before it) or never sent
   * counts nothing, as an answer that failed does, but for the requests of it the provider answered
   * before a later one failed (`CallAbort.served`: embeddings batches, a paused turn's calls), added.
   */
  estimate(): EstimatedTokens | null {
    if (this.reported !== null) return null;
    const reached = this.started || this.earlierAttemptReached || this.call?.request === 'sent';
    const served = this.call?.served ?? null;
    if (!reached && served === null) return null;
    const counts = reached ? this.ownEstimate(served) : null;
    return served === null ? counts : withServed(counts, served);
  }

  /** The prompt's estimate (without the parts of it served requests count) and what was generated. */
  private ownEstimate(served: readonly ServedRequest[] | null): EstimatedTokens {
    // The request is read once, though the limiters and the audit line each ask.
    const prompt = this.reportedPrompt ?? (this.promptTokens ??= tokensOfEighths(Math.max(0, requestTokenEighths(this.request) - servedPartsEighths(served))));
    return estimated(prompt, this.generatedEighths);
  }

  /** What token limits count: the reported total, else the estimate's; null for a stream the provider never had. */
  total(): number | null {
    return this.reported ?? this.estimate()?.total ?? null;
  }
}

/** The token eighths of what served requests sent that is part of the call's request (embeddings batches): they count it themselves. */
function servedPartsEighths(served: readonly ServedRequest[] | null): number {
  let eighths = 0;
  for (const request of served ?? []) if (request.partOfRequest === true) eighths += requestTokenEighths(request.sent);
  return eighths;
}

function estimated(prompt: number, generatedEighths: number): EstimatedTokens {
  const completion = tokensOfEighths(generatedEighths);
  return { prompt, completion, total: prompt + completion };
}

/**
 * The counts of an answer without a stream whose usage has no total (none, or `prompt_tokens` alone),
 * as a stream that ended so counts: the reported prompt, else the estimate of `sent` (the request),
 * plus the estimate of what the answer generated (nothing for embeddings). Read only for such an answer.
 */
export function answerEstimate(answer: unknown, sent: unknown): EstimatedTokens {
  return estimated(reportedPromptOnly(answer) ?? tokensOfEighths(requestTokenEighths(sent)), generatedTokenEighths(answer));
}

const wholeCount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : 0);

/**
 * The counts of a request the provider answered (`usage` in the unified fields): its usage when it
 * has a total, else the estimate of what it sent, as prompt tokens.
 */
export function servedCounts(served: ServedRequest): EstimatedTokens {
  const total = reportedTokens(served);
  if (total === null) {
    const prompt = tokensOfEighths(requestTokenEighths(served.sent));
    return { prompt, completion: 0, total: prompt };
  }
  const usage = served.usage as { prompt_tokens?: unknown; completion_tokens?: unknown };
  return { prompt: wholeCount(usage.prompt_tokens), completion: wholeCount(usage.completion_tokens), total, reported: true };
}

/** Two counts summed: reported when both are. */
function summed(earlier: EstimatedTokens, later: EstimatedTokens): EstimatedTokens {
  const counts = { prompt: earlier.prompt + later.prompt, completion: earlier.completion + later.completion, total: earlier.total + later.total };
  return earlier.reported === true && later.reported === true ? { ...counts, reported: true } : counts;
}

/** `counts` (null when the provider had no request still unanswered) with the served requests' added (`servedCounts`). */
function withServed(counts: EstimatedTokens | null, served: readonly ServedRequest[]): EstimatedTokens | null {
  let sum = counts;
  for (const request of served) sum = sum === null ? servedCounts(request) : summed(sum, servedCounts(request));
  return sum;
}

/**
 * What a request without a stream counted when it failed, for its audit line: a call's prompt
 * estimate, the usage (else the estimate) of an answer that failed the answer check, and, for several
 * prompts called one by one, each prompt's (an answered one's usage too), summed.
 */
export class CountedTokens implements StreamTokenCount {
  private counts: EstimatedTokens | null;

  constructor(first: EstimatedTokens | null = null) {
    this.counts = first;
  }

  add(counts: EstimatedTokens): void {
    this.counts = this.counts === null ? counts : summed(this.counts, counts);
  }

  /** Nothing to observe: there is no stream. */
  observe(): void {}

  estimate(): EstimatedTokens | null {
    return this.counts;
  }

  total(): number | null {
    return this.counts?.total ?? null;
  }
}

/** Adds the total of `tokens` to each limiter; whether there was one (null for a call the provider never had). */
export function recordTotal(tokens: StreamTokens, limiters: readonly EndpointLimiter[]): boolean {
  const total = tokens.total();
  if (total === null) return false;
  for (const limiter of limiters) limiter.recordTokens(total);
  return true;
}

/**
 * Passes a stream's chunks through to `tokens` and, when the stream ends, however it ends, adds its
 * total to each limiter (providers repeat cumulative usage, so the last reported one counts).
 */
export async function* meterStream<T>(chunks: AsyncIterable<T>, limiters: readonly EndpointLimiter[], tokens: StreamTokens): AsyncGenerator<T> {
  try {
    for await (const chunk of chunks) {
      tokens.observe(chunk);
      yield chunk;
    }
  } finally {
    recordTotal(tokens, limiters);
  }
}
