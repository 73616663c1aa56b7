/**
 * Token log probabilities: chat's `logprobs` / `top_logprobs` → Gemini's `responseLogprobs` /
 * `logprobs` (generationConfig), and a candidate's `logprobsResult` → OpenAI's `logprobs.content`.
 * The shapes match step for step: `chosenCandidates[i]` is the token chosen at step i and
 * `topCandidates[i].candidates` the most likely ones there, best first.
 * Reference: https://ai.google.dev/api/generate-content#LogprobsResult and #generationconfig
 */
import { GatewayError } from '../../errors';
import type { GeminiGenerationConfig, GeminiLogprobsResult } from './wire';

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

// A type, not an interface, so that it fits the schema's open objects.
type TokenLogprob = { token: string; logprob: number; bytes: number[] };
type ChoiceLogprobs = { content: (TokenLogprob & { top_logprobs: TokenLogprob[] })[]; refusal: null };

const tokenLogprob = (candidate: { token?: string; logProbability?: number }): TokenLogprob => {
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
