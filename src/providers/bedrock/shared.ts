/**
 * What the Converse and native InvokeModel mappers share: the request parameter rules (every request
 * key must be one the chosen API can honour, otherwise a 400 naming the parameter and the family;
 * sampling parameters read once, temperature scaled to the family's range), the context an answer
 * is built with, and the shape of a stream fold.
 */
import { withoutEmbeddingsNoOpValues } from '../shared/embeddings';
import { maxTokensOf, rejectUnsupportedParameters, requireSingleChoice, scaleTemperature, stopList, withoutNoOpValues } from '../shared/parameters';
import type { BedrockFamily } from './families';

/** `Amazon Bedrock (Anthropic Claude)`: the provider as named in messages. */
export function providerLabel(family: BedrockFamily): string {
  return `Amazon Bedrock (${family.label})`;
}

/**
 * 400 for the first request key not in `accepted` (the unified request allows any extra key).
 * Penalties at 0, which OpenAI-style clients send on every call, and an embeddings request's
 * `stream: false` change nothing and pass (the bodies are built from the keys read, so they are not sent).
 */
export function acceptOnly(request: Readonly<Record<string, unknown>>, accepted: readonly string[], family: BedrockFamily): void {
  // Chat and completions accept `stream` anyway: only embeddings, which never stream, need its `false` dropped.
  const checked = withoutEmbeddingsNoOpValues(withoutNoOpValues(request));
  const unsupported = Object.keys(checked).filter((key) => !accepted.includes(key));
  rejectUnsupportedParameters(checked, unsupported, providerLabel(family));
}

/** The sampling parameters of a chat or completions request, in unified names, temperature scaled. */
export interface Sampling {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTokens?: number;
  stop?: string[];
}

/**
 * Reads the sampling parameters. `n` must be 1 unless the family's API returns several choices
 * (then the caller maps it); `top_k` must be accepted by the caller beforehand. `temperatureFactor`:
 * the API's own, where it is not the family's (Converse).
 */
export function readSampling(
  request: Readonly<Record<string, unknown>>,
  family: BedrockFamily,
  options: { multipleChoices?: boolean; temperatureFactor?: number } = {},
): Sampling {
  if (!options.multipleChoices) requireSingleChoice(request, providerLabel(family));
  const sampling: Sampling = {};
  const temperature = scaleTemperature(request.temperature, options.temperatureFactor ?? family.temperatureFactor);
  if (temperature !== undefined) sampling.temperature = temperature;
  if (typeof request.top_p === 'number') sampling.topP = request.top_p;
  if (typeof request.top_k === 'number') sampling.topK = request.top_k;
  const maxTokens = maxTokensOf(request);
  if (typeof maxTokens === 'number') sampling.maxTokens = maxTokens;
  const stop = stopList(request.stop);
  if (stop !== undefined) sampling.stop = stop;
  return sampling;
}

/** What a response or chunk needs besides the upstream answer. */
export interface AnswerContext {
  /** The configured model id (Bedrock answers do not always name the model). */
  model: string;
  /** Unix seconds. */
  created: number;
  /** AWS request id, used as the response id. */
  id: string | null;
}

/** A stream translation: a small stateful fold with no I/O (the adapter feeds it SDK-decoded events). */
export interface EventFold<Event, Chunk> {
  event(event: Event): Chunk[];
  /** Called when the upstream stream ends; throws when it ended before the answer was complete. */
  end(): Chunk[];
}
