/**
 * The request path shared by the MLflow routes and the OpenAI-compatible routes: validate the body
 * for the endpoint's type, normalise it, and call the provider (or its stream) within the
 * endpoint's rate limit.
 */
import type { CompiledEndpoint } from '../config/compile';
import { GatewayError } from '../errors';
import { reportedTokens, type EndpointLimiter } from '../limits/limiter';
import { meterStream, StreamTokens, type StreamTokenCount } from '../limits/stream-tokens';
import type { CallAbort, CallSignal } from '../providers/abort';
import type { AnsweredBatches } from '../providers/shared/embeddings';
import { isRecord } from '../providers/shared/json';
import type { CallContext, ProviderEndpoint, ReasoningEffortField } from '../providers/types';
import { afterSentCalls, sentNothing, withFirstChunk } from '../routing/fallback';
import type { CompletionsChunk, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse, EndpointType } from '../schema';
import { checkedAnswer, checkedChunk, oneVectorPerInput } from './answer-check';
import { withBodySecrets } from './body-secrets';
import { answerThinkingKept, asksToThink, keepAnswerThinking, keepingStreamThinking, thinkingRestorationOf, withKeptThinking, type KeptThinking } from './kept-thinking';
import { asksForOneToolCall, firstToolCallOnly, firstToolCallPiecesOnly } from './one-tool-call';
import { callWithRetries, streamWithRetries, type RetryNotice } from './retry';
import { answersToEachPrompt, createPromptCallWatch, joinedCompletions, promptsCalledOneByOne, refuseTokenIds, severalPromptsOf, withPromptText, type PromptCallWatch } from './several-prompts';
import { PromptStreams } from './several-prompts-stream';
import { validateRequestBody } from './validation';
import { withoutNulls } from './without-nulls';

/** Which route family a request came in on: decides error statuses and the `model` rule. */
export type Dialect = 'mlflow' | 'openai';

/** A stream's chunks come with the check each must pass before it is sent (see answer-check.ts). */
export type InvocationResult =
  | { kind: 'json'; body: unknown }
  /** `abort`: the call's (client gone, total timeout), which also ends the wait on a client that stopped reading. */
  | {
      kind: 'stream';
      chunks: AsyncIterable<unknown>;
      checkChunk: (chunk: unknown) => unknown;
      abort: CallSignal;
      /**
       * The client did not ask for usage (`stream_options.include_usage`): a chunk with usage and no
       * choices (the one the gateway asked for under a token limit, or one a server sends unasked) is metered, not sent.
       */
      hidesUsage: boolean;
    };

const OPERATION_NAMES: Record<EndpointType, string> = {
  'llm/v1/chat': 'chat',
  'llm/v1/completions': 'completions',
  'llm/v1/embeddings': 'embeddings',
};

function lacksToolCallDefaults(message: unknown): boolean {
  const calls = isRecord(message) ? message.tool_calls : undefined;
  return Array.isArray(calls) && calls.some((call) => isRecord(call) && (call.type === undefined || (isRecord(call.function) && call.function.arguments === undefined)));
}

function withToolCallDefault(call: unknown): unknown {
  if (!isRecord(call)) return call;
  const filled: Record<string, unknown> = { ...call, type: call.type ?? 'function' };
  if (isRecord(call.function) && call.function.arguments === undefined) filled.function = { ...call.function, arguments: '' };
  return filled;
}

/**
 * MLflow's defaults for the tool calls of a chat history: `type` "function" and, when not given
 * (or null), `arguments` "" (a call without parameters). A copy only when one is missing.
 */
function withToolCallDefaults(request: unknown): unknown {
  const messages = isRecord(request) ? request.messages : undefined;
  if (!Array.isArray(messages) || !messages.some(lacksToolCallDefaults)) return request;
  const filled = messages.map((message) => (lacksToolCallDefaults(message) ? { ...message, tool_calls: message.tool_calls.map(withToolCallDefault) } : message));
  return { ...(request as Record<string, unknown>), messages: filled };
}

const hasCitations = (message: unknown): boolean => isRecord(message) && message.annotations !== undefined;

/**
 * The chat history without the web search citations (`annotations`) of the answers a client sends
 * back whole: no provider takes citations back, OpenAI's own API, Azure OpenAI and Mistral refuse the
 * unknown field, and Anthropic any message field it has no block for. A copy only when one has them.
 */
function withoutCitations(request: Record<string, unknown>): Record<string, unknown> {
  const messages = request.messages;
  if (!Array.isArray(messages) || !messages.some(hasCitations)) return request;
  const sent = messages.map((message) => {
    if (!hasCitations(message)) return message;
    const { annotations: _citations, ...rest } = message as Record<string, unknown>;
    return rest;
  });
  return { ...request, messages: sent };
}

/** Removes `model` (OpenAI routes use it to pick the endpoint; MLflow routes refuse it). */
function withoutModel(request: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  if (!('model' in request)) return request;
  if (dialect === 'mlflow') {
    throw GatewayError.invalidParam(
      "The parameter 'model' is not permitted to be passed. The route being queried already defines a model instance.",
      'model',
      422,
    );
  }
  const { model: _ignored, ...rest } = request;
  return rest;
}

/** Whether the request carries the client field `field` (a ReasoningEffortField). */
function carries(request: Readonly<Record<string, unknown>>, field: ReasoningEffortField): boolean {
  return field === 'thinking' ? request.thinking !== undefined : isRecord(request.output_config) && request.output_config.effort !== undefined;
}

/**
 * Whether the client already chose what a default's key sets, by another name: `max_completion_tokens`
 * is OpenAI's current name for `max_tokens`; the endpoint's `reasoningEffortFields` are what
 * `reasoning_effort` is sent as on its model (Claude's own `thinking` on every Claude, its
 * `output_config.effort` only on adaptive ones: on a budget model that effort is another control,
 * sent beside the default budget). The default then stays out: sending both is refused by the
 * providers (a 400 naming a `reasoning_effort` the client never sent).
 */
function choseSameSetting(request: Readonly<Record<string, unknown>>, key: string, endpoint: CompiledEndpoint): boolean {
  switch (key) {
    case 'max_tokens':
      return request.max_completion_tokens !== undefined;
    case 'reasoning_effort':
      return endpoint.reasoningEffortFields.some((field) => carries(request, field));
    default:
      return false;
  }
}

function withDefaults(request: Record<string, unknown>, endpoint: CompiledEndpoint, stream: boolean): Record<string, unknown> {
  const defaults = stream ? endpoint.streamDefaults : endpoint.defaults;
  let result = request;
  for (const key in defaults) {
    if (result[key] === undefined && !choseSameSetting(request, key, endpoint)) {
      if (result === request) result = { ...request };
      result[key] = defaults[key];
    }
  }
  return result;
}

/**
 * A checked completions chunk as `/v1` sends it: OpenAI's chunks always carry a string `text` (""
 * on the one that only finishes), and the OpenAI clients type it so (`text += chunk.choices[0].text`
 * would add "null"); the unified (MLflow) chunk has null there.
 */
export function withStringText(chunk: CompletionsChunk): CompletionsChunk {
  if (chunk.choices.every((choice) => choice.text !== null)) return chunk;
  return { ...chunk, choices: chunk.choices.map((choice) => (choice.text === null ? { ...choice, text: '' } : choice)) };
}

/** Whether a request asks for a stream: `stream: true` on chat and completions (for embeddings `stream` is just forwarded). */
export function asksForStream(endpointType: EndpointType, request: Record<string, unknown>): boolean {
  return endpointType !== 'llm/v1/embeddings' && request.stream === true;
}

/** Whether a stream request asks for the usage chunk at the stream's end (`stream_options.include_usage`). */
function asksForUsage(request: Record<string, unknown>): boolean {
  return isRecord(request.stream_options) && request.stream_options.include_usage === true;
}

/**
 * A stream request with `stream_options.include_usage` set when the client did not set it and the
 * gateway needs the stream's usage, else null. A token limit needs it when the endpoint's API
 * reports a stream's usage only when asked (OpenAI's): without it, such a stream counted no tokens,
 * and any client could spend past the limit. A route that presents the usage itself
 * (`/v1/responses`' last event) needs it from any API not known to refuse the field (Azure OpenAI
 * before 2024-09-01 does), a plugin's aside (it sends usage unasked). The usage chunk the gateway
 * asked for is kept from a chat client, which did not ask for a chunk without choices
 * (`isUsageOnlyChunk` in providers/shared/role-only.ts).
 */
function withUsageAsked(request: Record<string, unknown>, endpoint: CompiledEndpoint, needs: { limits: boolean; presented: boolean }): Record<string, unknown> | null {
  const whenAsked = endpoint.target.streamUsageWhenAsked;
  const needed = (needs.limits && whenAsked === true) || (needs.presented && whenAsked !== false);
  if (!needed || asksForUsage(request)) return null;
  const options = request.stream_options;
  return { ...request, stream_options: { ...(isRecord(options) ? options : {}), include_usage: true } };
}

/** Whether the upstream refused a request for naming `stream_options` (a 400 or 422 whose message says so). */
function refusesStreamOptions(error: unknown): boolean {
  return error instanceof GatewayError && error.code === 'upstream_rejected' && /stream_options/.test(error.message);
}

function notImplemented(endpoint: CompiledEndpoint, stream: boolean): GatewayError {
  const operation = OPERATION_NAMES[endpoint.endpointType];
  const what = stream ? `${operation} streaming` : operation;
  return GatewayError.unsupported(`The ${what} route is not implemented for ${endpoint.providerDisplayName} models.`);
}

type Operation = (request: never, context: CallContext) => Promise<unknown> | AsyncIterable<unknown>;

/** The provider method serving this request, bound to its endpoint; undefined when it has none. */
function operationOf(target: ProviderEndpoint, endpointType: EndpointType, stream: boolean): Operation | undefined {
  const method = (() => {
    switch (endpointType) {
      case 'llm/v1/chat':
        return stream ? target.chatStream : target.chat;
      case 'llm/v1/completions':
        return stream ? target.completionsStream : target.completions;
      case 'llm/v1/embeddings':
        return target.embeddings;
      default: {
        const unreachable: never = endpointType;
        return unreachable;
      }
    }
  })();
  return method?.bind(target) as Operation | undefined;
}

/**
 * A provider call's context: a real AbortSignal is made only if the provider reads `signal`. A class,
 * because an object literal with a getter is built property by property on every call.
 */
class ProviderCallContext implements CallContext {
  constructor(
    readonly abort: CallAbort,
    readonly answeredBatches: AnsweredBatches | undefined,
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }
}

/**
 * Validates the body against the schema of the called name's endpoint type, leaves out the answers'
 * citations of a chat history and applies the dialect's `model` rule: done once per request, before
 * any endpoint is tried.
 */
export function prepareRequest(options: { endpointType: EndpointType; body: unknown; dialect: Dialect }): Record<string, unknown> {
  const { endpointType, body, dialect } = options;
  const withoutNullValues = withoutNulls(body);
  const request =
    endpointType === 'llm/v1/chat' ? withToolCallDefaults(withoutNullValues) : endpointType === 'llm/v1/completions' ? withPromptText(withoutNullValues, dialect) : withoutNullValues;
  // Several prompts (all strings) are checked as the first: the other fields are the same for each.
  const prompts = severalPromptsOf(endpointType, request);
  const failure = validateRequestBody(endpointType, prompts === null ? request : { ...(request as Record<string, unknown>), prompt: prompts[0] });
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, dialect === 'openai' ? 400 : 422);
  const checked = request as Record<string, unknown>;
  return withoutModel(endpointType === 'llm/v1/chat' ? withoutCitations(checked) : checked, dialect);
}

const NO_LIMITERS: readonly EndpointLimiter[] = [];

/** The chunks of several prompts' streams are checked as each prompt's come, before they are merged. */
const alreadyChecked = (chunk: unknown): unknown => chunk;

/** The limiters that count this call's tokens: the endpoint's and the calling key's, each when its limit has `tokens`. */
function tokenLimitersOf(endpoint: CompiledEndpoint, clientLimiter: EndpointLimiter | null): readonly EndpointLimiter[] {
  // No array built for the usual request, which no token limit counts.
  if (!endpoint.limiter?.countsTokens && !clientLimiter?.countsTokens) return NO_LIMITERS;
  const limiters: EndpointLimiter[] = [];
  if (endpoint.limiter?.countsTokens) limiters.push(endpoint.limiter);
  if (clientLimiter?.countsTokens) limiters.push(clientLimiter);
  return limiters;
}

/**
 * One endpoint: its rate limit (the call given back when the gateway refused it before sending anything),
 * the provider call (with the endpoint's defaults, retries and total timeout), and the tokens it used
 * (added to the endpoint's and the calling key's token limits). A
 * stream is returned once its first chunk has arrived, so that a failure before it rejects here
 * (where a fallback route can still move on). Rejections carry a GatewayError.
 */
export async function invokeEndpoint(options: {
  endpoint: CompiledEndpoint;
  request: Record<string, unknown>;
  /** Aborted when the client disconnects. */
  client: CallSignal;
  /** Headers of the client's request passed on to the provider's HTTP requests (its trace context), or null. */
  forwardedHeaders?: Readonly<Record<string, string>> | null;
  onRetry?: (notice: RetryNotice) => void;
  /** The calling key's own limit (admitted by the caller, once per request): its tokens are added here. */
  clientLimiter?: EndpointLimiter | null;
  /**
   * Told, as each stream request starts, of its tokens (reported, else estimated) and whether a token
   * limit counts them (then they are observed here; else the caller observes the chunks it sends):
   * also a stream that fails before its first chunk may have used some.
   */
  onStreamTokens?: (stream: { tokens: StreamTokenCount; limited: boolean }) => void;
  /** The route presents a stream's usage itself (`/v1/responses`): the gateway asks the provider for it. */
  presentsUsage?: boolean;
  /** A chat request's kept thinking (kept-thinking.ts), restored and kept on an endpoint with signed thinking. */
  keptThinking?: KeptThinking;
}): Promise<InvocationResult> {
  const { endpoint } = options;
  // `stream` is no default: the client's request decides it.
  const stream = asksForStream(endpoint.endpointType, options.request);
  const defaulted = withDefaults(options.request, endpoint, stream);
  // Only a thinking request to Claude reads or keeps thinking, and only one that needs it asks the store.
  const keptThinking = options.keptThinking !== undefined && endpoint.target.signedThinking === true && asksToThink(defaulted) ? options.keptThinking : null;
  const restoration = keptThinking === null ? null : thinkingRestorationOf(defaulted);
  const withEndpointDefaults = restoration === null ? defaulted : await withKeptThinking(defaulted, restoration, keptThinking!);
  const answerThinking = answerThinkingKept(defaulted, keptThinking);
  const tokenLimiters = tokenLimitersOf(endpoint, options.clientLimiter ?? null);
  const withUsage = stream ? withUsageAsked(withEndpointDefaults, endpoint, { limits: tokenLimiters.length > 0, presented: options.presentsUsage === true }) : null;
  const request = withUsage ?? withEndpointDefaults;
  const oneToolCall = endpoint.endpointType === 'llm/v1/chat' && asksForOneToolCall(request);
  const operation = operationOf(endpoint.target, endpoint.endpointType, stream);
  if (operation === undefined) throw notImplemented(endpoint, stream);
  refuseTokenIds(endpoint, request);
  const limiter = endpoint.limiter;
  // No await without a limiter: each one costs a turn of the microtask queue on every request.
  const counted = limiter ? await limiter.admit() : false;
  try {
    const callOptions = {
      endpointName: endpoint.name,
      builtInProvider: endpoint.builtIn ? endpoint.providerDisplayName : null,
      secrets: endpoint.secrets,
      sentCredentials: withBodySecrets(endpoint.target.sentCredentials, request),
      policy: endpoint.callPolicy,
      signal: options.client,
      forwardedHeaders: options.forwardedHeaders,
      onRetry: options.onRetry,
    };
    // Kept between this endpoint's attempts (a retry resumes at the failed batch); the next fallback endpoint starts over.
    const answeredBatches: AnsweredBatches | undefined = endpoint.endpointType === 'llm/v1/embeddings' ? [] : undefined;
    const attemptWith = (sent: Record<string, unknown>) => (abort: CallAbort) => operation(sent as never, new ProviderCallContext(abort, answeredBatches));
    const attempt = attemptWith(request);
    const prompts = promptsCalledOneByOne(endpoint, request);
    if (stream) {
      // Newer llama.cpp servers send a usage chunk unasked: an OpenAI client would read a chunk without choices.
      const hidesUsage = !asksForUsage(withEndpointDefaults);
      const limited = tokenLimiters.length > 0;
      const checkChunk = oneToolCall ? (chunk: unknown) => checkedChunk(endpoint, firstToolCallPiecesOnly(chunk)) : (chunk: unknown) => checkedChunk(endpoint, chunk);
      const streamOf = (sent: Record<string, unknown>, tokens: StreamTokens, signal: CallSignal, onOpened?: (abort: CallSignal) => void, calls?: PromptCallWatch) => {
        const attempt = attemptWith(sent) as (abort: CallAbort) => AsyncIterable<unknown>;
        // The attempts share one abort, on which the transport notes whether the request reached the provider.
        return streamWithRetries({ ...callOptions, signal, onOpened }, (call) => {
          tokens.watch(call);
          return calls === undefined ? attempt(call) : calls.watchStream(() => attempt(call), call);
        });
      };
      const startStream = async (sent: Record<string, unknown>): Promise<InvocationResult> => {
        if (prompts !== null) {
          // Each prompt's stream is metered (without a token limit, only observed): the audit line sums them.
          const calls = createPromptCallWatch();
          const open = (each: Record<string, unknown>, signal: CallSignal, tokens: StreamTokens, onOpened: (call: CallSignal) => void) =>
            meterStream(streamOf(each, tokens, signal, onOpened, calls), tokenLimiters, tokens);
          const merged = new PromptStreams({ prompts, request: sent, client: options.client, open, checkChunk, endpoint });
          options.onStreamTokens?.({ tokens: merged.tokens, limited });
          // Another prompt's call may have gone out before one was refused: the call is then kept.
          const chunks = await withFirstChunk(merged).catch((error: unknown) => {
            throw calls.reached ? afterSentCalls(error) : error;
          });
          return { kind: 'stream', chunks, checkChunk: alreadyChecked, abort: merged.abort, hidesUsage };
        }
        let abort: CallSignal = options.client;
        const tokens = new StreamTokens(sent);
        options.onStreamTokens?.({ tokens, limited });
        const chunks = streamOf(sent, tokens, options.client, (opened) => (abort = opened));
        const started = await withFirstChunk(limited ? meterStream(chunks, tokenLimiters, tokens) : chunks);
        return { kind: 'stream', chunks: answerThinking === null ? started : keepingStreamThinking(started, answerThinking), checkChunk, abort, hidesUsage };
      };
      if (withUsage === null) return await startStream(request);
      // A server behind `openai_api_base` that refuses the field the gateway added (Mistral's API, older
      // Azure behind a relay) gets the client's own request: served as before, its usage not counted.
      return await startStream(withUsage).catch((error: unknown) => {
        if (!refusesStreamOptions(error)) throw error;
        return startStream(withEndpointDefaults);
      });
    }
    if (prompts !== null) {
      const calls = createPromptCallWatch();
      const answers = await answersToEachPrompt({
        prompts,
        client: options.client,
        answer: async (prompt, signal) => {
          const sent = { ...request, prompt };
          const answer = await callWithRetries({ ...callOptions, signal }, (abort) => calls.watch(attemptWith(sent)(abort) as Promise<unknown>, abort));
          // Counted as each comes: the tokens of a prompt answered before another failed were used too.
          return countedAnswer({ endpoint, answer, request: sent, oneToolCall, tokenLimiters });
        },
      }).catch((error: unknown) => {
        throw calls.reached ? afterSentCalls(error) : error;
      });
      return { kind: 'json', body: joinedCompletions(answers as CompletionsResponse[]) };
    }
    const answer = await callWithRetries(callOptions, attempt as (abort: CallAbort) => Promise<unknown>);
    const body = countedAnswer({ endpoint, answer, request, oneToolCall, tokenLimiters });
    if (answerThinking !== null) keepAnswerThinking(body, answerThinking);
    return { kind: 'json', body };
  } catch (error) {
    // Nothing reached the provider (a refusal, a 501): the call is not counted against the endpoint's limit.
    if (counted && sentNothing(error)) limiter!.giveBack();
    throw error;
  }
}

/** A provider's answer as it may be sent (see answer-check.ts), its tokens added to the token limits. */
function countedAnswer(options: { endpoint: CompiledEndpoint; answer: unknown; request: Record<string, unknown>; oneToolCall: boolean; tokenLimiters: readonly EndpointLimiter[] }): unknown {
  const { endpoint, answer, request } = options;
  const checked = checkedAnswer(endpoint, options.oneToolCall ? firstToolCallOnly(answer) : answer);
  const body = endpoint.endpointType === 'llm/v1/embeddings' ? oneVectorPerInput(endpoint, checked as EmbeddingsResponse, request.input as EmbeddingsRequest['input']) : checked;
  const tokens = reportedTokens(body);
  if (tokens !== null) for (const tokenLimiter of options.tokenLimiters) tokenLimiter.recordTokens(tokens);
  return body;
}
