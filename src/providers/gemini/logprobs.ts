/**
 * Token log probabilities: chat's `logprobs` / `top_logprobs`, and completions' legacy `logprobs: N`,
 * → Gemini's `responseLogprobs` / `logprobs` (generationConfig), and a candidate's `logprobsResult` →
 * OpenAI's `logprobs.content` (chat) or legacy `tokens` / `token_logprobs` / `top_logprobs` (completions).
 * The shapes match step for step: `chosenCandidates[i]` is the token chosen at step i and
 * `topCandidates[i].candidates` the most likely ones there, best first.
 * Reference: https://ai.google.dev/api/generate-content#LogprobsResult and #generationconfig;
 * OpenAI's legacy object: https://platform.openai.com/docs/api-reference/completions/object
 */
import { GatewayError } from '../../errors';
import type { GeminiGenerationConfig, GeminiLogprobsCandidate, GeminiLogprobsResult } from './wire';

/** OpenAI's rules for the two fields: a boolean, and a count that needs `logprobs: true`. */
export function toGeminiLogprobsConfig(request: Readonly<Record<string, unknown>>): Pick<GeminiGenerationConfig, 'responseLogprobs' | 'logprobs'> {
  const { logprobs, top_logprobs: topLogprobs } = request;
  if (logprobs !== undefined && typeof logprobs !== 'boolean') throw GatewayError.invalidParam("'logprobs' must be true or false.", 'logprobs');
  if (topLogprobs === undefined) return { responseLogprobs: logprobs };
  if (typeof topLogprobs !== 'number' || !Number.isInteger(topLogprobs) || topLogprobs < 0) {
    throw GatewayError.invalidParam("'top_logprobs' must be a whole number of 0 or more.", 'top_logprobs');
  }
  if (logprobs !== true) throw GatewayError.invalidParam("'top_logprobs' needs 'logprobs' set to true.", 'top_logprobs');
  return { responseLogprobs: true, logprobs: topLogprobs };
}

/**
 * Completions' `logprobs: N` (OpenAI's legacy form: the N most likely tokens at each step, besides
 * the chosen one) → the same pair; Gemini's own limit on N applies (its 400 names it).
 */
export function toGeminiCompletionsLogprobsConfig(request: Readonly<Record<string, unknown>>): Pick<GeminiGenerationConfig, 'responseLogprobs' | 'logprobs'> {
  const { logprobs } = request;
  if (logprobs === undefined) return {};
  if (typeof logprobs !== 'number' || !Number.isInteger(logprobs) || logprobs < 0) {
    throw GatewayError.invalidParam("'logprobs' must be a whole number of 0 or more (how many most likely tokens to report at each step).", 'logprobs');
  }
  return { responseLogprobs: true, logprobs };
}

// A type, not an interface, so that it fits the schema's open objects.
type TokenLogprob = { token: string; logprob: number; bytes: number[] };
type ChoiceLogprobs = { content: (TokenLogprob & { top_logprobs: TokenLogprob[] })[]; refusal: null };

const tokenLogprob = (candidate: GeminiLogprobsCandidate): TokenLogprob => {
  const token = candidate.token ?? '';
  return { token, logprob: candidate.logProbability ?? 0, bytes: [...Buffer.from(token, 'utf8')] };
};

/** OpenAI's `logprobs` object for a candidate; undefined when Gemini sent none. */
export function fromGeminiLogprobs(result: GeminiLogprobsResult | undefined): ChoiceLogprobs | undefined {
  if (result === undefined) return undefined;
  const content = (result.chosenCandidates ?? []).map((chosen, step) => ({
    ...tokenLogprob(chosen),
    top_logprobs: (result.topCandidates?.[step]?.candidates ?? []).map(tokenLogprob),
  }));
  return { content, refusal: null };
}

type LegacyLogprobs = { tokens: string[]; token_logprobs: number[]; top_logprobs: Record<string, number>[] };

/**
 * A step's most likely tokens as OpenAI's legacy map (token → logprob, best first), with the chosen
 * token always in it, as OpenAI's has it. A token string twice (two token ids) keeps its better logprob.
 */
function topLogprobsMap(chosen: GeminiLogprobsCandidate, top: readonly GeminiLogprobsCandidate[]): Record<string, number> {
  // No prototype, so that a token such as "__proto__" is a key like any other.
  const map: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const candidate of [...top, chosen]) {
    const { token, logprob } = tokenLogprob(candidate);
    if (!Object.hasOwn(map, token)) map[token] = logprob;
  }
  return map;
}

/** OpenAI's legacy completions `logprobs` object for a candidate; undefined when Gemini sent none. Gemini gives no `text_offset`. */
export function fromGeminiCompletionsLogprobs(result: GeminiLogprobsResult | undefined): LegacyLogprobs | undefined {
  if (result === undefined) return undefined;
  const chosen = (result.chosenCandidates ?? []).map(tokenLogprob);
  return {
    tokens: chosen.map((entry) => entry.token),
    token_logprobs: chosen.map((entry) => entry.logprob),
    top_logprobs: (result.chosenCandidates ?? []).map((candidate, step) => topLogprobsMap(candidate, result.topCandidates?.[step]?.candidates ?? [])),
  };
}
