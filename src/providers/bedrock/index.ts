/**
 * Amazon Bedrock (`bedrock`, alias `amazon-bedrock`), through `@aws-sdk/client-bedrock-runtime`.
 *
 * Vendor references:
 * - Runtime API: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Amazon_Bedrock_Runtime.html
 * - Converse: https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html
 * - Native model bodies: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters.html
 *
 * At config load the model family is read from `model.name` (families.ts) and the endpoint type is
 * checked against it, as are the endpoint's parameter defaults (checkParameterDefaults); one client is built, at the endpoint's first call (client.ts). Chat goes
 * through Converse / ConverseStream (converse/), as do completions of the conversational
 * families and Jamba's streamed completions; embeddings and the other completions of Titan Text, Cohere Command and AI21 use the native
 * InvokeModel bodies (invoke-model.ts; Nova Multimodal Embeddings: nova-embeddings.ts); answers
 * whose body counts no tokens (Cohere Embed, Nova embeddings, Jurassic-2, Cohere Command) take their
 * usage from Bedrock's token-count response headers (token-count-headers.ts). The client's abort
 * signal is passed to every call, so a client disconnect aborts the upstream call; a stream call
 * also notes on it whether its request was sent or refused (request-fate.ts).
 * SDK exceptions, also those thrown mid-stream, become GatewayErrors (errors.ts).
 *
 * MLflow served completions only (InvokeModel with the legacy Claude text format); chat,
 * embeddings, streaming and tools are additions. A model of no listed family is served through
 * Converse with conservative defaults (families.ts), where MLflow refused it per request.
 * An endpoint's `anthropic_beta` goes to Claude in every Converse call (claudeBetasOf).
 */
import type { BedrockRuntimeClient, ConverseCommandOutput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockConfig } from '../../../generated/config';
import { GatewayError } from '../../errors';
import type { ChatRequest, CompletionsChunk, CompletionsRequest, CompletionsResponse, EmbeddingsRequest, EmbeddingsResponse, EndpointType } from '../../schema';
import { claudeReasoningEffortFields } from '../shared/claude-thinking-form';
import { answersOfEach, embeddedInBatches, embeddingTexts, joinedEmbeddings, servedEmbeddingsOf } from '../shared/embeddings';
import { parameterDefaultsOf } from '../shared/parameter-defaults';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { claudeBetasOf, withAnthropicBeta } from './claude-betas';
import { bedrockClientSettings, createBedrockClient } from './client';
import { awsSdk } from './sdk';
import {
  createConverseChatStream,
  createConverseCompletionsStream,
  fromConverseChat,
  fromConverseCompletions,
  streamsToolsFromWholeAnswer,
  toConverseChat,
  toConverseCompletions,
  wholeAnswerAsStream,
  type ConverseBody,
} from './converse';
import { bedrockErrorToGateway } from './errors';
import { requireFamilyServes, resolveBedrockFamily, type BedrockFamily, type NativeCompletions, type NativeEmbeddings } from './families';
import {
  createCohereCompletionsStream,
  createTitanCompletionsStream,
  fromCohereCompletions,
  fromCohereEmbeddings,
  fromJambaCompletions,
  fromJurassicCompletions,
  fromTitanCompletions,
  fromTitanEmbeddings,
  toCohereCompletions,
  toCohereEmbedV4Embeddings,
  toCohereEmbeddings,
  toJambaCompletions,
  toJurassicCompletions,
  toTitanCompletions,
  toTitanEmbeddings,
  toTitanMultimodalEmbeddings,
} from './invoke-model';
import { fromNovaEmbeddings, toNovaEmbeddings } from './nova-embeddings';
import { providerLabel, type AnswerContext, type EventFold } from './shared';
import type { RequestFateOption } from './request-fate';
import { headerTokenCounts, type HeaderTokenCounts } from './token-count-headers';

/** What a stream or InvokeModel call needs of its context: the signal, and the abort on which its request's fate is noted (request-fate.ts). */
type StreamCall = Pick<CallContext, 'signal' | 'abort'>;

/** The four SDK operations for one endpoint, with errors already translated. */
interface BedrockCalls {
  /** `fateOf`: the call (a stream's, or a chat or completions call's) told what became of its request (request-fate.ts), for its token estimate. */
  converse(body: ConverseBody, signal: AbortSignal, fateOf?: CallContext['abort']): Promise<ConverseCommandOutput>;
  converseStream(body: ConverseBody, call: StreamCall): Promise<{ requestId: string | null; events: AsyncIterable<ConverseStreamOutput> }>;
  /** `tokenCounts`: what the answer's token-count headers say (token-count-headers.ts). `call` is told what became of its request, as a stream's is. */
  invoke(body: unknown, call: StreamCall): Promise<{ requestId: string | null; body: unknown; tokenCounts: HeaderTokenCounts }>;
  /** `events` are the model's native JSON chunks, decoded. */
  invokeStream(body: unknown, call: StreamCall): Promise<{ requestId: string | null; events: AsyncIterable<unknown> }>;
}

function parseModelJson(bytes: Uint8Array | undefined, modelId: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));
  } catch {
    throw GatewayError.upstreamUnavailable(`Amazon Bedrock sent an answer for model '${modelId}' that is not valid JSON.`);
  }
}

/** `client`: the endpoint's client, built at its first call. */
function createCalls(client: () => BedrockRuntimeClient, modelId: string, endpoint: string): BedrockCalls {
  const translate = (error: unknown, signal: AbortSignal) => bedrockErrorToGateway(error, { endpoint, signal });
  const { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } = awsSdk().runtime;

  /** Re-yields an SDK event stream, translating an exception thrown while reading it. */
  async function* guarded<Event>(events: AsyncIterable<Event> | undefined, signal: AbortSignal): AsyncGenerator<Event> {
    if (!events) throw GatewayError.upstreamUnavailable(`Amazon Bedrock answered without an event stream for endpoint '${endpoint}'.`);
    try {
      yield* events;
    } catch (error) {
      throw bedrockErrorToGateway(error, { endpoint, signal, answering: true });
    }
  }

  async function send<Output>(run: () => Promise<Output>, signal: AbortSignal): Promise<Output> {
    try {
      return await run();
    } catch (error) {
      throw translate(error, signal);
    }
  }

  const invokeInput = (body: unknown) => ({ modelId, body: JSON.stringify(body), contentType: 'application/json', accept: 'application/json' });
  const streamOptions = ({ signal, abort }: StreamCall): RequestFateOption => ({ abortSignal: signal, requestFateOf: abort });

  return {
    converse: (body, signal, fateOf) => send(() => client().send(new ConverseCommand({ modelId, ...body }), fateOf ? streamOptions({ signal, abort: fateOf }) : { abortSignal: signal }), signal),
    async converseStream(body, call) {
      const { signal } = call;
      const output = await send(() => client().send(new ConverseStreamCommand({ modelId, ...body }), streamOptions(call)), signal);
      return { requestId: output.$metadata.requestId ?? null, events: guarded(output.stream, signal) };
    },
    async invoke(body, call) {
      const output = await send(() => client().send(new InvokeModelCommand(invokeInput(body)), streamOptions(call)), call.signal);
      return { requestId: output.$metadata.requestId ?? null, body: parseModelJson(output.body, modelId), tokenCounts: headerTokenCounts(output) };
    },
    async invokeStream(body, call) {
      const { signal } = call;
      const output = await send(() => client().send(new InvokeModelWithResponseStreamCommand(invokeInput(body)), streamOptions(call)), signal);
      async function* chunks(): AsyncGenerator<unknown> {
        for await (const event of guarded(output.body, signal)) {
          if (event.chunk) yield parseModelJson(event.chunk.bytes, modelId);
        }
      }
      return { requestId: output.$metadata.requestId ?? null, events: chunks() };
    },
  };
}

/**
 * Runs an upstream stream through a fold. Lazy: the call starts on the first `next()`, so its
 * failure always reaches the consumer; the fold is made once the request id is known.
 */
async function* foldStream<Event, Chunk>(open: () => Promise<{ requestId: string | null; events: AsyncIterable<Event> }>, makeFold: (id: string | null) => EventFold<Event, Chunk>): AsyncGenerator<Chunk> {
  const { requestId, events } = await open();
  const fold = makeFold(requestId);
  // Loops rather than `yield*` over the arrays: in an async generator that wraps every value in one
  // more promise (about 0.3 µs per event).
  for await (const event of events) for (const chunk of fold.event(event)) yield chunk;
  for (const chunk of fold.end()) yield chunk;
}

/** How one native body family builds requests and reads answers and stream chunks. */
interface NativeCompletionsMapper {
  to(request: CompletionsRequest, family: BedrockFamily, stream: boolean): unknown;
  /** `headerCounts`: the answer's token-count headers, for the counts its body lacks. */
  from(body: unknown, context: AnswerContext, headerCounts: HeaderTokenCounts): CompletionsResponse;
  /**
   * How a stream is served: the native chunks through a fold, ConverseStream (`converse`: the
   * prompt as one user message, one choice), or not at all (absent).
   */
  stream?: { fold: (context: AnswerContext) => EventFold<unknown, CompletionsChunk> } | 'converse';
}

const NATIVE_COMPLETIONS: Record<NativeCompletions, NativeCompletionsMapper> = {
  'titan-text': { to: toTitanCompletions, from: fromTitanCompletions, stream: { fold: createTitanCompletionsStream } },
  'cohere-command': { to: (request, family, stream) => toCohereCompletions(request, family, { stream }), from: fromCohereCompletions, stream: { fold: createCohereCompletionsStream } },
  'ai21-jurassic': { to: toJurassicCompletions, from: fromJurassicCompletions },
  // The native body is kept for its `n` choices; a stream goes through ConverseStream, as Jamba's chat does.
  'ai21-jamba': { to: toJambaCompletions, from: fromJambaCompletions, stream: 'converse' },
};

type CompletionsStream = NonNullable<ProviderEndpoint<CallContext>['completionsStream']>;

/** Completions with the family's native body (InvokeModel), streamed where the family can. */
function nativeCompletions(
  native: NativeCompletionsMapper,
  options: { family: BedrockFamily; calls: BedrockCalls; answer: (id: string | null) => AnswerContext; modelId: string; converseStream: CompletionsStream },
): Pick<ProviderEndpoint<CallContext>, 'completions' | 'completionsStream' | 'streamsOneChoice'> {
  const { family, calls, answer } = options;
  return {
    // An `n` default is for the native answers; a stream (ConverseStream) takes the client's `n` 1 only.
    ...(native.stream === 'converse' ? { streamsOneChoice: true } : {}),
    completions: async (request, call) => {
      const { requestId, body, tokenCounts } = await calls.invoke(native.to(request, family, false), call);
      return native.from(body, answer(requestId), tokenCounts);
    },
    completionsStream: nativeCompletionsStream(native, options),
  };
}

/** A native family's completions stream: its native chunks, ConverseStream, or a 501. */
function nativeCompletionsStream(
  native: NativeCompletionsMapper,
  { family, calls, answer, modelId, converseStream }: Parameters<typeof nativeCompletions>[1],
): CompletionsStream {
  const { stream } = native;
  if (stream === 'converse') {
    return (request, call) => {
      // The non-streamed body returns `n` choices; ConverseStream has no `n`.
      if (request.n !== undefined && request.n !== 1) {
        throw GatewayError.invalidParam(
          `The parameter 'n' must be 1 for a streamed completion on ${providerLabel(family)}: the stream comes from ConverseStream, which returns one choice (without stream, 'n' is served).`,
          'n',
        );
      }
      return converseStream(request, call);
    };
  }
  if (stream) {
    return (request, call) => {
      const body = native.to(request, family, true);
      return foldStream(() => calls.invokeStream(body, call), (id) => stream.fold(answer(id)));
    };
  }
  // Known per request only: the family serves completions, but not as a stream.
  return async function* refuse(): AsyncGenerator<CompletionsChunk> {
    throw GatewayError.unsupported(`The completions streaming route is not implemented for Amazon Bedrock model '${modelId}' (${family.label}).`);
  };
}

/** Cohere Embed on Bedrock takes at most this many texts per call; more go as consecutive calls. */
const COHERE_EMBED_MAX_TEXTS = 96;

/** Titan and Nova embed one text per call; at most this many of a request's calls run at once (the next starts as one ends). */
const ONE_TEXT_PARALLEL_CALLS = 8;

/** The bodies (one per text) and the answers' reading of a family that embeds one text per call. */
interface OneTextPerCallMapper {
  to(request: EmbeddingsRequest, family: BedrockFamily): Record<string, unknown>[];
  /** `headerInputTokens`: each call's input-token header count, in the order of `bodies`. */
  from(bodies: readonly unknown[], request: EmbeddingsRequest, model: string, headerInputTokens: readonly (number | null)[]): EmbeddingsResponse;
}

const ONE_TEXT_PER_CALL: Partial<Record<NativeEmbeddings, OneTextPerCallMapper>> = {
  'titan-embed': { to: toTitanEmbeddings, from: fromTitanEmbeddings },
  'titan-embed-image': { to: toTitanMultimodalEmbeddings, from: fromTitanEmbeddings },
  'nova-embed': { to: toNovaEmbeddings, from: fromNovaEmbeddings },
};

function embeddingsEndpoint(family: BedrockFamily, calls: BedrockCalls, modelId: string): Pick<ProviderEndpoint<CallContext>, 'embeddings'> {
  const oneTextPerCall = family.embeddings === null ? undefined : ONE_TEXT_PER_CALL[family.embeddings];
  if (oneTextPerCall) {
    return {
      embeddings: async (request: EmbeddingsRequest, call: CallContext): Promise<EmbeddingsResponse> => {
        const { answeredBatches } = call;
        // Each text's answer (vector and token count) is read as it comes and kept by text: a
        // retry sends only the texts whose call failed, and usage counts each call once.
        const embedText = async (body: Record<string, unknown>) => {
          const answer = await calls.invoke(body, call);
          return oneTextPerCall.from([answer.body], request, modelId, [answer.tokenCounts.input]);
        };
        const bodies = oneTextPerCall.to(request, family);
        // No text, no call: nothing to join, and OpenAI refuses an empty list too.
        if (bodies.length === 0) throw GatewayError.invalidParam("'input' must not be empty.", 'input');
        // An answered call counts as having sent its text, as a batch its texts: the estimate of the
        // request leaves out what answered calls sent, and the body's other fields (Nova's taskType…) are not in it.
        let textsByBody: Map<Record<string, unknown>, string> | undefined;
        const textOf = (body: Record<string, unknown>) => (textsByBody ??= new Map(embeddingTexts(request.input, 'Amazon Bedrock').map((text, index) => [bodies[index], text]))).get(body);
        const onServed = servedEmbeddingsOf(call.abort, textOf);
        return joinedEmbeddings(await answersOfEach(bodies, embedText, { parallel: ONE_TEXT_PARALLEL_CALLS, answered: answeredBatches, onServed }));
      },
    };
  }
  const toCohere = family.embeddings === 'cohere-embed-v4' ? toCohereEmbedV4Embeddings : toCohereEmbeddings;
  return {
    embeddings: async (request: EmbeddingsRequest, call: CallContext): Promise<EmbeddingsResponse> =>
      embeddedInBatches(
        request,
        { size: COHERE_EMBED_MAX_TEXTS, provider: 'Amazon Bedrock' },
        async (batch) => {
          const answer = await calls.invoke(toCohere(batch, family), call);
          return fromCohereEmbeddings(answer.body, batch, modelId, answer.tokenCounts.input);
        },
        call,
      ),
  };
}

/**
 * An endpoint's parameter defaults, checked at config load by mapping a request that carries only
 * them, as every request that sets none of them will: a default the family's request refuses
 * (`reasoning_effort` on completions or on a family without it, a level the model does not take,
 * a `max_tokens` not above Claude's thinking budget) is that request's 400, and so a config problem.
 * Embeddings endpoints never apply defaults.
 */
function checkParameterDefaults(family: BedrockFamily, endpointType: EndpointType, config: BedrockConfig): void {
  const defaults = parameterDefaultsOf(config);
  if (Object.keys(defaults).length === 0) return;
  if (endpointType === 'llm/v1/chat') toConverseChat({ ...defaults, messages: [] }, family);
  if (endpointType !== 'llm/v1/completions' || family.completions === null) return;
  // A prompt as a request has one: Converse refuses a blank one (toConverseCompletions), which is no default's fault.
  const request: CompletionsRequest = { ...defaults, prompt: 'prompt' };
  if (family.completions === 'converse') toConverseCompletions(request, family);
  else NATIVE_COMPLETIONS[family.completions].to(request, family, false);
}

export const bedrockAdapter = {
  displayName: 'Amazon Bedrock',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings'],
  createEndpoint(settings: EndpointSettings<BedrockConfig>): ProviderEndpoint<CallContext> {
    const modelId = settings.modelName;
    if (!modelId) throw new Error('model.name is required for Amazon Bedrock (a model id such as anthropic.claude-3-5-sonnet-20240620-v1:0)');
    const family = resolveBedrockFamily(modelId);
    requireFamilyServes(family, settings.endpointType, modelId);
    checkParameterDefaults(family, settings.endpointType, settings.config);
    const betas = claudeBetasOf(settings.config, modelId, family);
    const clientSettings = bedrockClientSettings(settings.config.aws_config, settings);
    let client: BedrockRuntimeClient | undefined;
    // Built at the first call: checking a config builds its endpoints and must leave no client behind.
    const calls = createCalls(() => (client ??= createBedrockClient(clientSettings)), modelId, settings.name);
    // Whatever the SDK signed with: a role's session or the default chain's credentials are known only then.
    const sentCredentials = clientSettings.signedWith.values;
    const answer = (id: string | null): AnswerContext => ({ id, model: modelId, created: settings.now() });
    switch (settings.endpointType) {
      case 'llm/v1/chat': {
        const reasoning = { thinkingBlocks: family.thinking };
        const effort = family.reasoningEffort;
        return {
          sentCredentials,
          signedThinking: family.thinking,
          ...(effort?.kind === 'claude-thinking' ? { reasoningEffortFields: claudeReasoningEffortFields(effort.form) } : {}),
          chat: async (request: ChatRequest, { signal, abort }) => {
            const body = withAnthropicBeta(toConverseChat(request, family), betas);
            const output = await calls.converse(body, signal, abort);
            return fromConverseChat(output, answer(output.$metadata.requestId ?? null), reasoning);
          },
          chatStream: (request, call) => {
            const body = withAnthropicBeta(toConverseChat(request, family), betas);
            if (streamsToolsFromWholeAnswer(request, family)) {
              return wholeAnswerAsStream(async () => {
                const output = await calls.converse(body, call.signal, call.abort);
                return fromConverseChat(output, answer(output.$metadata.requestId ?? null), reasoning);
              });
            }
            return foldStream(() => calls.converseStream(body, call), (id) => createConverseChatStream(answer(id), reasoning));
          },
        };
      }
      case 'llm/v1/completions': {
        const mode = family.completions;
        const converseStream: CompletionsStream = (request, call) => {
          const body = withAnthropicBeta(toConverseCompletions(request, family), betas);
          return foldStream(() => calls.converseStream(body, call), (id) => createConverseCompletionsStream(answer(id)));
        };
        if (mode !== 'converse' && mode !== null) return { sentCredentials, ...nativeCompletions(NATIVE_COMPLETIONS[mode], { family, calls, answer, modelId, converseStream }) };
        return {
          sentCredentials,
          completions: async (request, { signal, abort }) => {
            const output = await calls.converse(withAnthropicBeta(toConverseCompletions(request, family), betas), signal, abort);
            return fromConverseCompletions(output, answer(output.$metadata.requestId ?? null));
          },
          completionsStream: converseStream,
        };
      }
      case 'llm/v1/embeddings':
        return { sentCredentials, ...embeddingsEndpoint(family, calls, modelId) };
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<BedrockConfig, CallContext>;
