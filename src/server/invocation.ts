/**
 * One endpoint's call, shared by the MLflow routes and the OpenAI-compatible routes, on a request
 * prepared once (request-preparation.ts): what the endpoint is sent (endpoint-request.ts), the
 * provider's call or stream within the endpoint's rate limit, its answer checked and its tokens counted.
 */
import type { CompiledEndpoint } from '../config/compile';
import { GatewayError } from '../errors';
import { reportedTokens, type EndpointLimiter } from '../limits/limiter';
import { answerEstimate, CountedTokens, meterStream, recordTotal, servedCounts, StreamTokens, type EstimatedTokens, type StreamTokenCount } from '../limits/stream-tokens';
import { untilAborted, type CallAbort, type CallSignal } from '../providers/abort';
import type { AnsweredBatches } from '../providers/shared/embeddings';
import type { CallContext, ProviderEndpoint } from '../providers/types';
import { afterSentCalls, sentNothing, withFirstChunk } from '../routing/fallback';
import type { CompletionsChunk, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse, EndpointType } from '../schema';
import { checkedAnswer, checkedChunk, oneVectorPerInput } from './answer-check';
import { withBodySecrets } from './body-secrets';
import { asksForUsage, refusesStreamOptions, withDefaults, withUsageAsked } from './endpoint-request';
import { answerThinkingKept, asksToThink, keepAnswerThinking, keepingStreamThinking, thinkingRestorationOf, withKeptThinking, type KeptThinking } from './kept-thinking';
import { asksForOneToolCall, firstToolCallOnly, firstToolCallPiecesOnly } from './one-tool-call';
import { streamWithRetries, type RetriedChunks } from './retried-stream';
import { callWithRetries, type CallOptions, type RetryNotice } from './retry';
import { answersToEachPrompt, createPromptCallWatch, joinedCompletions, promptsCalledOneByOne, refuseTokenIds, type PromptCallWatch } from './several-prompts';
import { PromptStreams } from './several-prompts-stream';

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
   * also a stream that fails before its first chunk may have used some. Told too of a call without a
   * stream that failed after its provider had the request (its prompt's estimate, already counted).
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
  const withEndpointDefaults = restoration === null ? defaulted : await untilAborted(options.client, withKeptThinking(defaulted, restoration, keptThinking!));
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
  const counted = limiter ? await untilAborted(options.client, limiter.admit()) : false;
  try {
    const callOptions = {
      endpointName: endpoint.name,
      builtInProvider: endpoint.builtIn ? endpoint.providerDisplayName : null,
      provider: endpoint.provider,
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
      // One per stream: a chunk it refuses is noted on `stream`, whose attempt then counts under the refusal's code.
      const checkChunkOf = (stream?: RetriedChunks<unknown>) =>
        oneToolCall ? (chunk: unknown) => checkedChunk(endpoint, firstToolCallPiecesOnly(chunk), stream) : (chunk: unknown) => checkedChunk(endpoint, chunk, stream);
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
          // By prompt, in the order PromptStreams opens them: a refused chunk's attempt counts under the refusal's code.
          const opened: RetriedChunks<unknown>[] = [];
          const open = (each: Record<string, unknown>, signal: CallSignal, tokens: StreamTokens, onOpened: (call: CallSignal) => void) => {
            const chunks = streamOf(each, tokens, signal, onOpened, calls);
            opened.push(chunks);
            return meterStream(chunks, tokenLimiters, tokens);
          };
          const refused = (prompt: number, refusal: unknown) => opened[prompt]?.refused(refusal);
          const merged = new PromptStreams({ prompts, request: sent, client: options.client, open, checkChunk: checkChunkOf(), refused, endpoint });
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
        return { kind: 'stream', chunks: answerThinking === null ? started : keepingStreamThinking(started, answerThinking), checkChunk: checkChunkOf(chunks), abort, hidesUsage };
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
      // What each prompt's call counted, summed for the line of a request that fails.
      const counted = new CountedTokens();
      const count: OnCounted = (counts, limited = false) => {
        counted.add(counts);
        // An answered prompt's estimate: the line of a request served shows the sum too.
        if (limited) options.onStreamTokens?.({ tokens: counted, limited });
      };
      options.onStreamTokens?.({ tokens: counted, limited: false });
      const answers = await answersToEachPrompt({
        prompts,
        client: options.client,
        answer: async (prompt, signal) => {
          const sent = { ...request, prompt };
          return callCountingFailure({
            callOptions: { ...callOptions, signal },
            sent,
            tokenLimiters,
            attempt: (abort) => calls.watch(attemptWith(sent)(abort) as Promise<unknown>, abort),
            // Counted as each comes: the tokens of a prompt answered before another failed were used too.
            accept: (answer) => countedAnswer({ endpoint, answer, request: sent, oneToolCall, tokenLimiters, onCounted: count, countsAnswer: true }),
            onCounted: count,
          });
        },
      }).catch((error: unknown) => {
        throw calls.reached ? afterSentCalls(error) : error;
      });
      return { kind: 'json', body: joinedCompletions(answers as CompletionsResponse[]) };
    }
    const onCounted: OnCounted = (counts, limited = false) => options.onStreamTokens?.({ tokens: new CountedTokens(counts), limited });
    const body = await callCountingFailure({
      callOptions,
      sent: request,
      tokenLimiters,
      attempt: attempt as (abort: CallAbort) => Promise<unknown>,
      accept: (answer) => countedAnswer({ endpoint, answer, request, oneToolCall, tokenLimiters, onCounted }),
      onCounted,
    });
    if (answerThinking !== null) keepAnswerThinking(body, answerThinking);
    return { kind: 'json', body };
  } catch (error) {
    // Nothing reached the provider (a refusal, a 501): the call is not counted against the endpoint's limit.
    if (counted && sentNothing(error)) limiter!.giveBack();
    throw error;
  }
}

/**
 * A call without a stream, each attempt watched, its answer checked by `accept` (`countedAnswer`): when
 * it fails after its provider had the request (a timeout, a dropped connection), its prompt's estimate
 * is added to the token limits, as a stream's is, and `onCounted` told of it. Each prompt's call of
 * several (several-prompts.ts) counts so too.
 */
function callCountingFailure(options: {
  callOptions: CallOptions;
  sent: Record<string, unknown>;
  tokenLimiters: readonly EndpointLimiter[];
  attempt: (abort: CallAbort) => Promise<unknown>;
  /** The answer as it may be sent; an answer it refuses has had its tokens counted there. */
  accept: (answer: unknown) => unknown;
  onCounted?: (counts: EstimatedTokens) => void;
}): Promise<unknown> {
  const { attempt, accept, tokenLimiters, onCounted } = options;
  const tokens = new StreamTokens(options.sent);
  let answered = false;
  const accepted = (answer: unknown): unknown => {
    answered = true;
    return accept(answer);
  };
  const watched = (abort: CallAbort): Promise<unknown> => {
    tokens.watch(abort);
    return attempt(abort);
  };
  return callWithRetries(options.callOptions, watched, accepted).catch((error: unknown) => {
    if (!answered && recordTotal(tokens, tokenLimiters)) onCounted?.(tokens.estimate()!);
    throw error;
  });
}

/**
 * Told of what a call without a stream counted. `limited`: the estimate of an answer without a usable
 * usage, which a token limit counted, shown on the line of the request it served, as a limited
 * stream's is (not a failed call's, which shows only if the request fails: a fallback may serve it).
 */
type OnCounted = (counts: EstimatedTokens, limited?: boolean) => void;

function recordTokens(tokenLimiters: readonly EndpointLimiter[], tokens: number): void {
  for (const tokenLimiter of tokenLimiters) tokenLimiter.recordTokens(tokens);
}

/**
 * A provider's answer as it may be sent (see answer-check.ts), its tokens added to the token limits.
 * One that fails the check (a 502) was served all the same: its usage counts, else the estimate of its
 * prompt and of what it generated that can be read, and `onCounted` is told; so is an answer's usage with `countsAnswer` (several prompts' line).
 * An answer without a usable total (no usage, or `prompt_tokens` alone: Gemini's embeddings, MLflow
 * model serving, servers that leave it out) counts as a stream without usage does (`answerEstimate`),
 * estimated only then and only under a token limit; the answer sent is left as the provider gave it.
 */
function countedAnswer(options: {
  endpoint: CompiledEndpoint;
  answer: unknown;
  request: Record<string, unknown>;
  oneToolCall: boolean;
  tokenLimiters: readonly EndpointLimiter[];
  onCounted?: OnCounted;
  countsAnswer?: boolean;
}): unknown {
  const { endpoint, answer, request } = options;
  let body: unknown;
  try {
    const checked = checkedAnswer(endpoint, options.oneToolCall ? firstToolCallOnly(answer) : answer);
    body = endpoint.endpointType === 'llm/v1/embeddings' ? oneVectorPerInput(endpoint, checked as EmbeddingsResponse, request.input as EmbeddingsRequest['input']) : checked;
  } catch (error) {
    // What the provider generated was billed too: readable text counts in the estimate of an answer without usage.
    const counts = reportedTokens(answer) === null ? answerEstimate(answer, request) : servedCounts({ usage: (answer as { usage: unknown }).usage, sent: request });
    recordTokens(options.tokenLimiters, counts.total);
    options.onCounted?.(counts);
    throw error;
  }
  const tokens = reportedTokens(body);
  if (tokens !== null) {
    recordTokens(options.tokenLimiters, tokens);
    if (options.countsAnswer === true) options.onCounted?.(servedCounts({ usage: (body as { usage: unknown }).usage, sent: request }));
  } else if (options.tokenLimiters.length > 0) {
    // The answer as the provider gave it: every tool call it generated, also those a one-tool-call request drops.
    const counts = answerEstimate(answer, request);
    recordTokens(options.tokenLimiters, counts.total);
    options.onCounted?.(counts, true);
  }
  return body;
}
