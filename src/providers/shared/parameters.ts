/**
 * Parameter checks, renames and scaling shared by providers (reference §5.4 and §6.13). Each check
 * throws a GatewayError naming the parameter, the provider and the rule; nothing is clamped, and
 * only values that change nothing are dropped (withoutNoOpValues). Rewrites are pure: each returns a new object.
 */
import { quoted } from '../../config/quoted';
import { GatewayError } from '../../errors';
import { isRecord, ownValue } from './json';

/**
 * Fields OpenAI's chat API gained since 2025 (the prompt cache's routing key, options and retention,
 * GPT-5's `verbosity`, the search models' `web_search_options`, moderated completions) that no
 * other vendor's API reads. Anthropic and Mistral refuse unknown fields with their own 400, which
 * names no `param`; Together AI would ignore them. Refused here instead, naming the field, on
 * every provider without them.
 */
export const NEWER_OPENAI_PARAMETERS = ['prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention', 'verbosity', 'web_search_options', 'moderation'] as const;

/**
 * OpenAI's deprecated function calling (`functions`, and `function_call` to choose among them), which
 * openai clients still send and the `tools` they were replaced by do not cover: the answer would
 * have to come back as `message.function_call`. No other vendor reads them (TGI, Together AI and
 * other OpenAI-compatible servers ignore them, so the model would answer without the functions), so
 * every provider but `openai` refuses them with a 400 naming the field.
 */
export const LEGACY_FUNCTION_PARAMETERS = ['functions', 'function_call'] as const;

/**
 * OpenAI's completions-only parameters (https://platform.openai.com/docs/api-reference/completions/create):
 * `best_of` (several generated, the best returned), `echo` (the prompt given back before the
 * completion) and `suffix` (the text after an insertion). A provider whose API lacks them ignores them
 * or refuses them in its own words after a call, and either way the client does not get what it asked
 * for, so each is a 400 naming it.
 */
export const LEGACY_COMPLETIONS_PARAMETERS = ['best_of', 'echo', 'suffix'] as const;

/**
 * Fields of OpenAI's chat API that the vendors with an API of their own and no reasoning or stored
 * completions (Cohere v1, PaLM, MosaicML, AI21 Jurassic-2, TGI) have no field for: forwarded, they
 * would be ignored silently or refused with the vendor's message about a field the client never
 * named to it. Other unknown keys keep passing through: they may be the vendor's own parameters.
 */
export const OPENAI_ONLY_PARAMETERS = ['reasoning_effort', 'store', 'metadata', 'service_tier', 'modalities', 'audio', 'prediction', 'safety_identifier', ...LEGACY_FUNCTION_PARAMETERS, ...NEWER_OPENAI_PARAMETERS] as const;

/**
 * `parallel_tool_calls` for a vendor with no switch for it, whose models may call several tools in
 * one turn: `true` (allowed, not required) is what the vendor does anyway; `false` is honoured by the
 * gateway, which keeps only each answer's first tool call (server/one-tool-call.ts). Neither is
 * sent: the request without the field. Another value is a 400.
 */
export function withParallelToolCallsAllowed<Request extends Readonly<Record<string, unknown>>>(request: Request, provider: string): Request {
  const value = request.parallel_tool_calls;
  if (value === undefined) return request;
  if (typeof value !== 'boolean') throw GatewayError.invalidParam(`The parameter 'parallel_tool_calls' must be true or false for ${provider}.`, 'parallel_tool_calls');
  const { parallel_tool_calls: _handled, ...rest } = request;
  return rest as unknown as Request;
}

/** A test that a parameter's value changes nothing, given the whole request. */
type NoOpTest = (value: unknown, request: Readonly<Record<string, unknown>>) => boolean;

const offersTools = (request: Readonly<Record<string, unknown>>): boolean => Array.isArray(request.tools) && request.tools.length > 0;

/**
 * OpenAI's parameters at values that change nothing: penalties at 0 (the token probabilities stay
 * as they are), `logprobs: false`, `top_logprobs: 0` without `logprobs: true` (no log probabilities
 * are asked for), an empty `logit_bias`, `store: false` (nothing is stored), and
 * `parallel_tool_calls` on a request that offers no tools. OpenAI-style clients send some on every
 * call (LangChain's `OpenAI` LLM: both penalties at 0).
 */
const NO_OP_VALUES: Readonly<Record<string, NoOpTest>> = {
  presence_penalty: (value) => value === 0,
  frequency_penalty: (value) => value === 0,
  logprobs: (value) => value === false,
  // With `logprobs: true` it is the provider's to take or refuse, like any other count.
  top_logprobs: (value, request) => value === 0 && request.logprobs !== true,
  logit_bias: (value) => isRecord(value) && Object.keys(value).length === 0,
  store: (value) => value === false,
  parallel_tool_calls: (value, request) => typeof value === 'boolean' && !offersTools(request),
};

/**
 * The request without the values that change nothing (NO_OP_VALUES, and `also`: a provider's own,
 * e.g. `top_p: 1`), for a provider that lacks some of those parameters and would refuse them; any
 * other value is still refused by the provider's check.
 */
export function withoutNoOpValues<Request extends Readonly<Record<string, unknown>>>(request: Request, also: Readonly<Record<string, unknown>> = {}): Request {
  const isNoOp = (name: string): boolean => ownValue(NO_OP_VALUES, name)?.(request[name], request) === true || (Object.hasOwn(also, name) && request[name] === also[name]);
  const noOps = Object.keys(request).filter(isNoOp);
  if (noOps.length === 0) return request;
  return Object.fromEntries(Object.entries(request).filter(([name]) => !noOps.includes(name))) as Request;
}

/**
 * The request without `stream` and `stream_options`, for a body sent to a vendor the gateway never
 * streams from (PaLM, MosaicML, AI21 Jurassic-2, MLflow model serving): `stream` chose the route, and
 * `stream_options` only qualifies a stream, so here it asks for nothing, and those APIs have no such
 * field (PaLM refuses unknown ones; the others would hand it to the model as a parameter).
 */
export function withoutStreamFields<Request extends Readonly<Record<string, unknown>>>(request: Request): Request {
  const { stream: _stream, stream_options: _streamOptions, ...rest } = request;
  // Both fields are optional in every request type: the rest is still one.
  return rest as unknown as Request;
}

/** 400 when the request carries any of `names`, which the provider cannot honour. */
export function rejectUnsupportedParameters(request: Readonly<Record<string, unknown>>, names: readonly string[], provider: string): void {
  for (const name of names) {
    if (request[name] !== undefined) {
      throw GatewayError.invalidParam(`The parameter '${name}' is not supported by ${provider}.`, name);
    }
  }
}

/**
 * 400 naming the first key of the request outside `taken`, for a provider whose body is built from
 * those keys alone (Gemini's requests, PaLM's and MosaicML's embeddings): any other would be dropped silently.
 */
export function rejectParametersOtherThan(request: Readonly<Record<string, unknown>>, taken: ReadonlySet<string>, provider: string): void {
  rejectUnsupportedParameters(request, Object.keys(request).filter((name) => !taken.has(name)), provider);
}

/**
 * Rejects a provider's own spelling of a unified parameter (e.g. Anthropic `max_tokens_to_sample`),
 * with the reference's message. The status is 422 as in the reference unless given.
 */
export function rejectNativeNames(request: Readonly<Record<string, unknown>>, nativeToUnified: Readonly<Record<string, string>>, status = 422): void {
  for (const [native, unified] of Object.entries(nativeToUnified)) {
    if (request[native] !== undefined) {
      throw GatewayError.invalidParam(`Invalid parameter ${native}. Use ${unified} instead.`, native, status);
    }
  }
}

/** 400 when `n` asks for more than one choice from a provider that gives one. */
export function requireSingleChoice(request: Readonly<Record<string, unknown>>, provider: string): void {
  if (request.n !== undefined && request.n !== 1) {
    throw GatewayError.invalidParam(`The parameter 'n' must be 1 for ${provider}: it returns one choice per request.`, 'n');
  }
}

/**
 * The output-token limit: `max_tokens`, or `max_completion_tokens`, the name OpenAI now documents
 * (its reasoning models take only that one) for the same setting. Both at once is a 400: one of
 * them would have to be dropped silently.
 */
export function maxTokensOf(request: Readonly<Record<string, unknown>>): unknown {
  if (request.max_tokens !== undefined && request.max_completion_tokens !== undefined) {
    throw GatewayError.invalidParam("Send 'max_tokens' or 'max_completion_tokens', not both.", 'max_completion_tokens');
  }
  return request.max_tokens ?? request.max_completion_tokens;
}

/** The request with `max_completion_tokens` sent as `max_tokens`, for vendors that take only that name (see `maxTokensOf`). */
export function withMaxTokens(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (request.max_completion_tokens === undefined) return request;
  const { max_completion_tokens: _newerName, ...rest } = request;
  return { ...rest, max_tokens: maxTokensOf(request) };
}

/**
 * Maps the unified temperature range [0, 2] onto a provider's range by a factor (§6.13), e.g. 0.5
 * for Anthropic's [0, 1]. Undefined stays undefined: we never invent a temperature.
 */
export function scaleTemperature(temperature: unknown, factor: number): number | undefined {
  return typeof temperature === 'number' ? temperature * factor : undefined;
}

/**
 * Renames unified parameters to a provider's spelling (e.g. `max_tokens` → `maxTokens`); other
 * keys are kept as they are. Returns a new object.
 */
export function renameParameters(request: Readonly<Record<string, unknown>>, unifiedToNative: Readonly<Record<string, string>>): Record<string, unknown> {
  // Defined, not assigned: an extra named "__proto__" is passed on, not made the copy's prototype.
  return Object.fromEntries(Object.entries(request).map(([key, value]) => [ownValue(unifiedToNative, key) ?? key, value]));
}

/**
 * Sends the unified `from` under the provider's `to` name (e.g. Mistral `seed` → `random_seed`). A
 * request that already carries `to` keeps it (configs written for MLflow may use the native name),
 * but giving both is a 400: we would otherwise have to drop one silently.
 */
export function renameParameter(request: Readonly<Record<string, unknown>>, from: string, to: string, provider: string): Record<string, unknown> {
  const { [from]: value, ...rest } = request;
  if (value === undefined) return { ...request };
  if (rest[to] !== undefined) {
    throw GatewayError.invalidParam(`Give either '${from}' or '${to}' to ${provider}, not both: they are the same setting.`, from);
  }
  return { ...rest, [to]: value };
}

/** `stop` as a list, for vendors that take only lists: a bare string (allowed by the unified schema) becomes one item. */
export function stopList(stop: unknown): string[] | undefined {
  return typeof stop === 'string' ? [stop] : (stop as string[] | undefined);
}

/** A chat message as the unified schema allows it; only what text-only providers read. */
interface TextMessage {
  role: string;
  content?: unknown;
}

/**
 * The text of a message for providers that take plain text: a string, or the text parts of a
 * content list joined. Images, audio or a missing content are a 400 naming the message.
 */
export function messageText(message: TextMessage, index: number, provider: string): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  const param = `messages[${index}].content`;
  if (!Array.isArray(content)) {
    throw GatewayError.invalidParam(`${param}: ${provider} needs text content in every message.`, param);
  }
  return content
    .map((part: { type?: unknown; text?: unknown }, partIndex) => {
      if (part.type === 'text' && typeof part.text === 'string') return part.text;
      throw GatewayError.invalidParam(`${param}[${partIndex}]: ${provider} accepts only text parts, not ${quoted(String(part.type))}.`, `${param}[${partIndex}]`);
    })
    .join('');
}
